"""Seizure reports. A seizure is a shareable record; received copies are read-only."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import BigInteger, Date, Float, Index, Integer, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from mekongx.model.base import Base
from mekongx.model.record import SharedRecord

SEARCH_KIND = "seizure"


class Seizure(SharedRecord, Base):
    __tablename__ = "seizures"
    __table_args__ = (
        Index("ix_seizures_seized_on_drug_country", "seized_on", "drug", "country"),
        Index("ix_seizures_origin_reference", "origin_agency", "reference", unique=True),
    )

    reference: Mapped[str] = mapped_column(String(64))  # the seizing agency's own number
    seized_on: Mapped[date] = mapped_column(Date)
    country: Mapped[str] = mapped_column(String(2))
    admin1: Mapped[str] = mapped_column(String(8), default="")  # ISO 3166-2
    # the district's code where the reference has a coded list (Thailand, Cambodia), else ""
    admin2_code: Mapped[str] = mapped_column(String(8), default="", server_default="")
    admin2: Mapped[str] = mapped_column(String(100), default="")  # district, as written
    place: Mapped[str] = mapped_column(String(200), default="")
    latitude: Mapped[float | None] = mapped_column(Float, nullable=True)
    longitude: Mapped[float | None] = mapped_column(Float, nullable=True)
    drug: Mapped[str] = mapped_column(String(24))
    form: Mapped[str] = mapped_column(String(100), default="")
    quantity: Mapped[Decimal] = mapped_column(Numeric(16, 3))
    unit: Mapped[str] = mapped_column(String(8))  # kg | g | l | tablets
    quantity_kg: Mapped[Decimal | None] = mapped_column(Numeric(16, 3), nullable=True)
    tablets: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    purity: Mapped[Decimal | None] = mapped_column(Numeric(5, 2), nullable=True)  # percent
    markings: Mapped[str] = mapped_column(String(200), default="")
    origin_country: Mapped[str] = mapped_column(String(2), default="")
    transit_countries: Mapped[str] = mapped_column(String(64), default="")  # "LA,TH"
    destination_country: Mapped[str] = mapped_column(String(2), default="")
    conveyance: Mapped[str] = mapped_column(String(12), default="")
    concealment: Mapped[str] = mapped_column(Text, default="")
    arrests: Mapped[int] = mapped_column(Integer, default=0)
    nationalities: Mapped[str] = mapped_column(String(300), default="")  # JSON {"MM": 2}
    links: Mapped[str] = mapped_column(Text, default="[]")  # JSON [{"kind", "uid"}]
    remarks: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(12), default="active")  # active | retracted
    status_note: Mapped[str] = mapped_column(Text, default="")  # why it was retracted
    received_from: Mapped[str] = mapped_column(String(16), default="")


class SeizureTotal(Base):
    """The regional picture's totals, kept as seizures are recorded, received, corrected and
    retracted (in the same transaction as the seizure's row): one row per month and every key
    the picture groups by, and who holds the seizures it counts (their distribution, group and
    named recipients ``",LCDC,ONCB,"``), so a reader's visibility is decided on the totals as it
    is on the seizures. Not a shared record: never sent, rebuilt from ``seizures`` at will."""

    __tablename__ = "seizure_totals"
    __table_args__ = (
        Index("ix_seizure_totals_key", "month", "drug", "country", "admin1", "origin_country",
              "transit_countries", "destination_country", "origin_agency", "distribution",
              "sharing_group", "recipients", unique=True),
    )  # fmt: skip

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    month: Mapped[date] = mapped_column(Date)  # its first day
    drug: Mapped[str] = mapped_column(String(24))
    country: Mapped[str] = mapped_column(String(2))
    admin1: Mapped[str] = mapped_column(String(8))
    origin_country: Mapped[str] = mapped_column(String(2))
    transit_countries: Mapped[str] = mapped_column(String(64))
    destination_country: Mapped[str] = mapped_column(String(2))
    origin_agency: Mapped[str] = mapped_column(String(16))
    distribution: Mapped[str] = mapped_column(String(8))
    sharing_group: Mapped[str] = mapped_column(String(32))  # "" unless distribution = group
    recipients: Mapped[str] = mapped_column(Text)  # ",A,B," when distribution = peers, else ""
    seizures: Mapped[int] = mapped_column(Integer)
    grams: Mapped[int] = mapped_column(BigInteger)  # kilograms x 1000, exact
    tablets: Mapped[int] = mapped_column(BigInteger)
    located: Mapped[int] = mapped_column(Integer)  # seizures with coordinates
    latitude_sum: Mapped[float] = mapped_column(Float)
    longitude_sum: Mapped[float] = mapped_column(Float)
