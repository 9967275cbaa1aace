"""Tables of the precursors area.

The register itself ships with the package (``mekongx.chemistry`` data files, every fact with its
source); the database adds what a node learns: national listings entered by an administrator,
screening runs with their hits, pre-export notifications with their history and shipments, and
incidents (seizures, stopped shipments, suspicious orders) that can be shared.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from mekongx.model.base import Base, utcnow
from mekongx.model.record import SharedRecord

SEARCH_KIND = "precursor_incident"  # kind of the incidents' documents in the full-text index


class NationalListing(Base):
    """A national control listing added on this node, shown beside the shipped register."""

    __tablename__ = "precursor_listings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    substance_id: Mapped[str] = mapped_column(String(64), index=True)
    country: Mapped[str] = mapped_column(String(2))
    category: Mapped[str] = mapped_column(String(100))
    listed_on: Mapped[date] = mapped_column(Date)
    source: Mapped[str] = mapped_column(Text)
    note: Mapped[str] = mapped_column(Text, default="")
    agency: Mapped[str] = mapped_column(ForeignKey("agencies.code", ondelete="RESTRICT"))
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ScreeningRun(Base):
    """One screening of a declaration file (or of lines sent through the API)."""

    __tablename__ = "precursor_screenings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    agency: Mapped[str] = mapped_column(
        ForeignKey("agencies.code", ondelete="RESTRICT"), index=True
    )
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True
    )
    username: Mapped[str] = mapped_column(String(64))
    file_name: Mapped[str] = mapped_column(String(255))
    file_size: Mapped[int] = mapped_column(Integer, default=0)
    lines_read: Mapped[int] = mapped_column(Integer, default=0)
    hits: Mapped[int] = mapped_column(Integer, default=0)
    lines_hit: Mapped[int] = mapped_column(Integer, default=0)
    skipped: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ScreeningHit(Base):
    """One hit of a run; reasons are stored as codes and parameters, rendered per reader."""

    __tablename__ = "precursor_screening_hits"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    run_id: Mapped[int] = mapped_column(
        ForeignKey("precursor_screenings.id", ondelete="CASCADE"), index=True
    )
    row: Mapped[int] = mapped_column(Integer)
    declaration_id: Mapped[str] = mapped_column(String(100))
    line_no: Mapped[int] = mapped_column(Integer)
    substance_id: Mapped[str] = mapped_column(String(64))
    substance: Mapped[str] = mapped_column(String(300))
    cas: Mapped[str] = mapped_column(String(20))
    table: Mapped[str] = mapped_column(String(16))
    match: Mapped[str] = mapped_column(String(100))
    score: Mapped[int] = mapped_column(Integer)
    band: Mapped[str] = mapped_column(String(8))
    reasons: Mapped[str] = mapped_column(Text)  # JSON: [[code, weight, {params}], ...]


class ScreeningIssue(Base):
    """A row the run skipped, with the column and the problem."""

    __tablename__ = "precursor_screening_issues"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    run_id: Mapped[int] = mapped_column(
        ForeignKey("precursor_screenings.id", ondelete="CASCADE"), index=True
    )
    row: Mapped[int] = mapped_column(Integer)
    column: Mapped[str] = mapped_column(String(200))
    code: Mapped[str] = mapped_column(String(32))
    value: Mapped[str] = mapped_column(String(200))


OPEN = "state IN ('sent', 'acknowledged')"  # a notification waiting for its answer


class Notification(SharedRecord, Base):
    """A pre-export notification (PEN-like). The exporter's node originates it; the importing
    agency holds a received copy and answers it."""

    __tablename__ = "precursor_notifications"

    reference: Mapped[str] = mapped_column(String(64))
    importer_agency: Mapped[str] = mapped_column(
        ForeignKey("agencies.code", ondelete="RESTRICT"), index=True
    )
    exporter_name: Mapped[str] = mapped_column(String(300))
    exporter_address: Mapped[str] = mapped_column(Text, default="")
    importer_name: Mapped[str] = mapped_column(String(300))
    importer_address: Mapped[str] = mapped_column(Text, default="")
    consignee: Mapped[str] = mapped_column(String(300), default="")
    substance_id: Mapped[str] = mapped_column(String(64))
    substance_name: Mapped[str] = mapped_column(String(300))
    quantity_kg: Mapped[float] = mapped_column(Float)  # mass of the goods as declared, converted
    # As declared (issue 13): quantity with its unit, concentration of a solution, preparation.
    quantity: Mapped[float | None] = mapped_column(Float, nullable=True)
    unit: Mapped[str] = mapped_column(String(8), default="kg")
    concentration_pct: Mapped[float | None] = mapped_column(Float, nullable=True)
    preparation: Mapped[bool] = mapped_column(Boolean, default=False)
    packaging: Mapped[str] = mapped_column(Text, default="")
    transport_mode: Mapped[str] = mapped_column(String(16), default="")
    transit_countries: Mapped[str] = mapped_column(String(200), default="")
    import_permit: Mapped[str] = mapped_column(String(100), default="")
    legal_basis: Mapped[str] = mapped_column(String(32), default="")
    port_of_exit: Mapped[str] = mapped_column(String(200), default="")
    port_of_entry: Mapped[str] = mapped_column(String(200), default="")
    route: Mapped[str] = mapped_column(Text, default="")
    expected_dispatch: Mapped[date | None] = mapped_column(Date, nullable=True)
    response_days: Mapped[int] = mapped_column(Integer, default=15)
    state: Mapped[str] = mapped_column(String(24), default="draft", index=True)
    sent_at: Mapped[datetime | None] = mapped_column(nullable=True)
    deadline_at: Mapped[datetime | None] = mapped_column(nullable=True)
    answer_note: Mapped[str] = mapped_column(Text, default="")

    # The open notifications by deadline (the overdue check of every list and read): a partial
    # index holds only the few open rows, so the check probes them instead of scanning a table
    # of answered ones. Its condition is ``OPEN``, written literally in the query as well (with
    # bound parameters SQLite cannot tell that the query implies it).
    __table_args__ = (
        Index(
            "ix_precursor_notifications_open_deadline",
            "deadline_at",
            sqlite_where=text(OPEN),
            postgresql_where=text(OPEN),
        ),
    )


class NotificationEvent(Base):
    """Append-only history of a notification's states on this node."""

    __tablename__ = "precursor_notification_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    notification_id: Mapped[int] = mapped_column(
        ForeignKey("precursor_notifications.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime] = mapped_column(default=utcnow)
    from_state: Mapped[str] = mapped_column(String(24))
    to_state: Mapped[str] = mapped_column(String(24))
    actor: Mapped[str] = mapped_column(String(64))
    agency: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")


class Shipment(Base):
    """A shipment reconciled against its notification."""

    __tablename__ = "precursor_shipments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    notification_id: Mapped[int] = mapped_column(
        ForeignKey("precursor_notifications.id", ondelete="CASCADE"), index=True
    )
    shipped_on: Mapped[date] = mapped_column(Date)
    substance_id: Mapped[str] = mapped_column(String(64))
    quantity_kg: Mapped[float] = mapped_column(Float)
    quantity: Mapped[float | None] = mapped_column(Float, nullable=True)
    unit: Mapped[str] = mapped_column(String(8), default="kg")
    port_of_entry: Mapped[str] = mapped_column(String(200), default="")
    consignee: Mapped[str] = mapped_column(String(300), default="")
    discrepancies: Mapped[str] = mapped_column(Text, default="")  # JSON list of codes
    incident_uid: Mapped[str | None] = mapped_column(String(36), nullable=True)
    recorded_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Incident(SharedRecord, Base):
    """A seizure, stopped shipment, suspicious order or notification discrepancy (PICS-like)."""

    __tablename__ = "precursor_incidents"

    kind: Mapped[str] = mapped_column(String(24), index=True)
    title: Mapped[str] = mapped_column(String(300))
    occurred_on: Mapped[date] = mapped_column(Date)
    country: Mapped[str] = mapped_column(String(2))
    place: Mapped[str] = mapped_column(String(200), default="")
    substance_id: Mapped[str] = mapped_column(String(64), default="")
    substance_name: Mapped[str] = mapped_column(String(300), default="")
    quantity_kg: Mapped[float | None] = mapped_column(Float, nullable=True)
    quantity: Mapped[float | None] = mapped_column(Float, nullable=True)
    unit: Mapped[str] = mapped_column(String(8), default="")
    concentration_pct: Mapped[float | None] = mapped_column(Float, nullable=True)
    preparation: Mapped[bool] = mapped_column(Boolean, default=False)
    origin_country: Mapped[str] = mapped_column(String(2), default="")
    provenance_country: Mapped[str] = mapped_column(String(2), default="")
    diversion_method: Mapped[str] = mapped_column(String(32), default="")
    # method of illicit manufacture (codes of mekongx.chemistry data/formd.yaml), Form D
    manufacture_method: Mapped[str] = mapped_column(String(40), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    notification_uid: Mapped[str | None] = mapped_column(String(36), nullable=True)


class LegitimateRequirement(Base):
    """An agency's estimate of its country's annual legitimate requirement (ALR) of a substance
    or of its preparations for a calendar year, reported on Form D (CND resolution 49/3). It stays
    in force for later years until a newer estimate is recorded."""

    __tablename__ = "precursor_requirements"
    __table_args__ = (UniqueConstraint("agency", "year", "substance_id", "preparation"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    agency: Mapped[str] = mapped_column(ForeignKey("agencies.code", ondelete="RESTRICT"))
    year: Mapped[int] = mapped_column(Integer)
    substance_id: Mapped[str] = mapped_column(String(64))
    preparation: Mapped[bool] = mapped_column(Boolean, default=False)
    quantity: Mapped[float] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(8))
    note: Mapped[str] = mapped_column(Text, default="")
    updated_by: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
