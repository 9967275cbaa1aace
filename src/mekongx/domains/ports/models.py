"""Port interdiction: imported manifests and their lines, containers with their risk profile,
the profiling rules (data an officer adds, weights and retires), examinations and the alerts
sent to (or received from) the port of loading's agency.

Manifests are the node's own working data: they never travel; an alert carries only what the
officer chose to send.
"""

from __future__ import annotations

import datetime as dt
from datetime import datetime

from sqlalchemy import Date, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from mekongx.domains.mappings import SavedMapping
from mekongx.model.base import Base, utcnow
from mekongx.model.record import new_uid


class PortMapping(SavedMapping, Base):
    """A saved column mapping of a shipping line's or terminal's manifest files."""

    __tablename__ = "port_mappings"

    delimiter: Mapped[str] = mapped_column(String(1), default="")
    date_format: Mapped[str] = mapped_column(String(20), default="")


class PortManifest(Base):
    """One imported manifest file (all its lines were checked before any was stored)."""

    __tablename__ = "port_manifests"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uid)
    agency: Mapped[str] = mapped_column(String(16))
    file_name: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    lines: Mapped[int] = mapped_column(Integer, default=0)
    containers: Mapped[int] = mapped_column(Integer, default=0)
    imported_by: Mapped[str] = mapped_column(String(64))
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)


class PortLine(Base):
    """One line of a bill of lading: goods of one consignment in one container."""

    __tablename__ = "port_lines"
    __table_args__ = (
        UniqueConstraint("bill_of_lading", "container", "line_key", name="uq_port_lines_key"),
        Index("ix_port_lines_consignee_key", "consignee_key"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    manifest_id: Mapped[int] = mapped_column(
        ForeignKey("port_manifests.id", ondelete="CASCADE"), index=True
    )
    container_id: Mapped[int] = mapped_column(
        ForeignKey("port_containers.id", ondelete="CASCADE"), index=True
    )
    row: Mapped[int] = mapped_column(Integer)
    line_key: Mapped[str] = mapped_column(String(64))  # hash of the goods and HS code
    bill_of_lading: Mapped[str] = mapped_column(String(40))
    shipper: Mapped[str] = mapped_column(String(300))
    shipper_country: Mapped[str] = mapped_column(String(2), default="")
    consignee: Mapped[str] = mapped_column(String(300))
    consignee_key: Mapped[str] = mapped_column(String(300))
    consignee_address: Mapped[str] = mapped_column(String(500), default="")
    consignee_country: Mapped[str] = mapped_column(String(2), default="")
    notify_party: Mapped[str] = mapped_column(String(300), default="")
    forwarder: Mapped[str] = mapped_column(String(300), default="")
    goods: Mapped[str] = mapped_column(Text)
    hs_code: Mapped[str] = mapped_column(String(12), default="")
    weight_kg: Mapped[float] = mapped_column(Float)
    packages: Mapped[int | None] = mapped_column(Integer, nullable=True)
    container: Mapped[str] = mapped_column(String(11))
    size_type: Mapped[str] = mapped_column(String(4), default="")
    seal: Mapped[str] = mapped_column(String(40), default="")
    port_of_loading: Mapped[str] = mapped_column(String(5))
    port_of_transshipment: Mapped[str] = mapped_column(String(5), default="")
    port_of_discharge: Mapped[str] = mapped_column(String(5))
    vessel: Mapped[str] = mapped_column(String(100), default="")
    voyage: Mapped[str] = mapped_column(String(20), default="")
    loaded_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    arrival_on: Mapped[dt.date] = mapped_column(Date)


class PortContainer(Base):
    """A container of a manifest with its risk profile: the score and what made it."""

    __tablename__ = "port_containers"
    __table_args__ = (
        UniqueConstraint("manifest_id", "number", name="uq_port_containers_number"),
        # the day's ranked list walks this index (by score, then id) instead of sorting the day
        Index("ix_port_containers_day_rank", "arrival_on", "score", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uid)
    manifest_id: Mapped[int] = mapped_column(
        ForeignKey("port_manifests.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[str] = mapped_column(String(11), index=True)
    arrival_on: Mapped[dt.date] = mapped_column(Date, index=True)
    score: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(12), default="open")  # open | examined
    profiled_at: Mapped[datetime] = mapped_column(default=utcnow)


class PortRule(Base):
    """A profiling rule: a kind the profiler knows, its parameters and its weight (points)."""

    __tablename__ = "port_rules"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uid)
    kind: Mapped[str] = mapped_column(String(40))
    label: Mapped[str] = mapped_column(String(200))
    params: Mapped[str] = mapped_column(Text, default="{}")  # JSON
    weight: Mapped[int] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(default=True)
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    retired_by: Mapped[str] = mapped_column(String(64), default="")
    retired_at: Mapped[datetime | None] = mapped_column(nullable=True)


class PortHit(Base):
    """One rule that fired on a container, with the points it gave and why (code + params)."""

    __tablename__ = "port_hits"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    container_id: Mapped[int] = mapped_column(
        ForeignKey("port_containers.id", ondelete="CASCADE"), index=True
    )
    rule_id: Mapped[int] = mapped_column(
        ForeignKey("port_rules.id", ondelete="RESTRICT"), index=True
    )
    points: Mapped[int] = mapped_column(Integer)
    reasons: Mapped[str] = mapped_column(Text, default="[]")  # JSON [{code, params}]


class PortExamination(Base):
    """What an officer found on examining a container."""

    __tablename__ = "port_examinations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uid)
    container_id: Mapped[int] = mapped_column(
        ForeignKey("port_containers.id", ondelete="CASCADE"), unique=True
    )
    outcome: Mapped[str] = mapped_column(String(12))  # nothing | discrepancy | seizure
    note: Mapped[str] = mapped_column(Text, default="")
    seized: Mapped[str] = mapped_column(String(300), default="")
    quantity_kg: Mapped[float | None] = mapped_column(Float, nullable=True)
    incident_uid: Mapped[str] = mapped_column(String(36), default="")  # precursors area
    seizure_uid: Mapped[str] = mapped_column(
        String(36), default="", server_default=""
    )  # seizures area
    examined_by: Mapped[str] = mapped_column(String(64))
    examined_at: Mapped[datetime] = mapped_column(default=utcnow)


class PortAlert(Base):
    """An alert about a container, sent to the agency of its port of loading or transshipment
    (``direction`` out) or received from a partner's port (``in``); ``evidence`` is the JSON of
    what the sending officer chose to include."""

    __tablename__ = "port_alerts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uid)
    direction: Mapped[str] = mapped_column(String(3))  # out | in
    container_number: Mapped[str] = mapped_column(String(11), index=True)
    from_agency: Mapped[str] = mapped_column(String(16))
    to_agency: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(String(12))  # suspicion | seizure
    handling_code: Mapped[str] = mapped_column(String(2))
    evidence: Mapped[str] = mapped_column(Text, default="{}")
    note: Mapped[str] = mapped_column(Text, default="")
    officer: Mapped[str] = mapped_column(String(200))
    sent_at: Mapped[datetime] = mapped_column(default=utcnow)
    received_at: Mapped[datetime | None] = mapped_column(nullable=True)
