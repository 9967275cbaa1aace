"""Joint operations and Mekong joint patrols: one shareable record, ``activity`` says which."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from mekongx.model.base import Base
from mekongx.model.record import SharedRecord

SEARCH_KIND = "mekong_operation"


class JointOperation(SharedRecord, Base):
    __tablename__ = "mekong_operations"

    activity: Mapped[str] = mapped_column(String(12))  # operation | patrol
    name: Mapped[str] = mapped_column(String(200))
    number: Mapped[int | None] = mapped_column(Integer, nullable=True)  # a patrol's number
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    phases: Mapped[str] = mapped_column(
        Text, default="[]"
    )  # JSON [{"name", "starts_on", "ends_on"}]
    countries: Mapped[str] = mapped_column(String(40))  # "CN,LA,MM,TH"
    units: Mapped[str] = mapped_column(Text, default="")  # participating units (and vessels)
    route: Mapped[str] = mapped_column(Text, default="")  # a patrol's route along the river
    targets: Mapped[str] = mapped_column(Text, default="")
    findings: Mapped[str] = mapped_column(Text, default="")  # results, after-action report
    seizures: Mapped[str] = mapped_column(Text, default="[]")  # JSON [uid] of linked seizures
    received_from: Mapped[str] = mapped_column(String(16), default="")
