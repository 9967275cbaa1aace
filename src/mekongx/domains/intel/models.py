"""Intelligence reports and their version history."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from mekongx.model.base import Base, utcnow
from mekongx.model.record import SharedRecord

SEARCH_KIND = "intel_report"  # kind of the report documents in the full-text index


class IntelReport(SharedRecord, Base):
    __tablename__ = "intel_reports"

    title: Mapped[str] = mapped_column(String(300))
    narrative: Mapped[str] = mapped_column(Text)
    source_reliability: Mapped[str] = mapped_column(String(1))
    info_reliability: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(12), default="active")  # active | retracted
    status_note: Mapped[str] = mapped_column(Text, default="")
    received_from: Mapped[str] = mapped_column(
        String(16), default=""
    )  # the peer that sent the copy
    # On a received copy: the originator's signed statement over its content (federation/
    # origin.py), passed on with the copy so that a third agency can check it (migration 0012).
    origin_signature: Mapped[str] = mapped_column(Text, default="")
    edited_by: Mapped[str] = mapped_column(
        String(64), default="", server_default=""
    )  # login of whoever wrote the current version (the author, or the last editor)


class ForwardingConsent(Base):
    """The originator's permission for an agency to pass an H2 record on (kept on both sides)."""

    __tablename__ = "intel_forwarding_consents"

    record_uid: Mapped[str] = mapped_column(String(36), primary_key=True)
    agency: Mapped[str] = mapped_column(String(16), primary_key=True)
    granted_at: Mapped[datetime] = mapped_column(default=utcnow)
    token: Mapped[str] = mapped_column(Text, default="")  # the originator's signed statement


class OnwardCopy(Base):
    """On the originating node: an agency that holds a copy of our report because a holder
    passed it on (the holder tells us), so that a retraction reaches it directly."""

    __tablename__ = "intel_onward_copies"

    record_uid: Mapped[str] = mapped_column(String(36), primary_key=True)
    agency: Mapped[str] = mapped_column(String(16), primary_key=True)
    via: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(default=utcnow)


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


class ReportMessage(Base):
    """The thread of a report between its originator and one holder, kept on both sides:
    acknowledgements, replies, requests for permission to pass it on, and notices that a
    holder passed it on (``onward``: to whom)."""

    __tablename__ = "intel_report_messages"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    report_uid: Mapped[str] = mapped_column(String(36), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # ack | reply | ask_forward | passed_on
    from_agency: Mapped[str] = mapped_column(String(16))
    to_agency: Mapped[str] = mapped_column(String(16))
    author_name: Mapped[str] = mapped_column(String(200), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    onward: Mapped[str] = mapped_column(String(200), default="")  # passed_on: "LCDC,CCDAC"
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    received: Mapped[bool] = mapped_column(default=False)
