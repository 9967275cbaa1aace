"""Approval requests: a record waiting for a second person of the same agency."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from mekongx.model.base import Base, utcnow


class ReviewRequest(Base):
    """One request for a second person's decision on a record (``step``: release, review,
    publish). The author and the last editor are kept so that neither may approve it."""

    __tablename__ = "review_requests"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(32))  # the record's kind, e.g. intel_report
    record_uid: Mapped[str] = mapped_column(String(36), index=True)
    record_id: Mapped[int] = mapped_column(Integer)
    agency: Mapped[str] = mapped_column(String(16), index=True)
    step: Mapped[str] = mapped_column(String(16))  # release | review | publish
    status: Mapped[str] = mapped_column(String(12), default="pending", index=True)
    title: Mapped[str] = mapped_column(String(300), default="")
    author: Mapped[str] = mapped_column(String(64), default="")
    editor: Mapped[str] = mapped_column(String(64), default="")  # the last editor
    requested_by: Mapped[str] = mapped_column(String(64))
    requested_at: Mapped[datetime] = mapped_column(default=utcnow)
    comment: Mapped[str] = mapped_column(Text, default="")  # the submitter's note
    proposal: Mapped[str] = mapped_column(Text, default="{}")  # JSON, e.g. the distribution
    decided_by: Mapped[str] = mapped_column(String(64), default="")
    decided_at: Mapped[datetime | None] = mapped_column(nullable=True)
    decision_note: Mapped[str] = mapped_column(Text, default="")
