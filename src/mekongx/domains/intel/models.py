"""Intelligence reports and their version history."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from mekongx.model.base import Base, utcnow
from mekongx.model.record import SharedRecord


class IntelReport(SharedRecord, Base):
    __tablename__ = "intel_reports"

    title: Mapped[str] = mapped_column(String(300))
    narrative: Mapped[str] = mapped_column(Text)
    source_reliability: Mapped[str] = mapped_column(String(1))
    info_reliability: Mapped[int] = mapped_column(Integer)


class IntelReportVersion(Base):
    """The content of a report as it was before each edit (versions are never overwritten)."""

    __tablename__ = "intel_report_versions"

    report_id: Mapped[int] = mapped_column(
        ForeignKey("intel_reports.id", ondelete="CASCADE"), primary_key=True
    )
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    narrative: Mapped[str] = mapped_column(Text)
    handling_code: Mapped[str] = mapped_column(String(2))
    changed_by: Mapped[str] = mapped_column(String(64))
    changed_at: Mapped[datetime] = mapped_column(default=utcnow)
