"""Tables of requests for information: the request (a shared record), one row per requested
agency with its status and clock, the messages of the thread, and the bilateral deadlines."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from mekongx.model.base import Base, utcnow
from mekongx.model.record import SharedRecord

SEARCH_KIND = "rfi"  # kind of the requests' documents in the full-text index


class Rfi(SharedRecord, Base):
    """A request for information. Its ``uid`` is the thread id on every node that holds it; the
    requested agencies are its named recipients (``distribution = peers``)."""

    __tablename__ = "rfi_requests"

    subject: Mapped[str] = mapped_column(String(300))
    question: Mapped[str] = mapped_column(Text)
    urgency: Mapped[str] = mapped_column(String(10))  # urgent | priority | routine
    sent_at: Mapped[datetime] = mapped_column(default=utcnow)  # the clock starts here (UTC)
    deadline: Mapped[datetime] = mapped_column(index=True)  # earliest deadline of its parties
    received_from: Mapped[str] = mapped_column(String(16), default="")
    # information | asset_tracing | freezing (asset requests are RFIs with targets)
    purpose: Mapped[str] = mapped_column(String(20), default="information")
    # "" | informal (agency to agency, in the spirit of ARIN-AP) | mla (formal mutual legal
    # assistance) | provisional (urgent provisional measure, the formal request to follow)
    legal_basis: Mapped[str] = mapped_column(String(12), default="")
    targets: Mapped[str] = mapped_column(Text, default="")  # JSON list of Target
    # the requesting node's financial case the request belongs to (never sent)
    case_uid: Mapped[str] = mapped_column(String(36), default="", index=True)


class RfiParty(Base):
    """One requested agency of an RFI: where it stands, and its own deadline (its agreement)."""

    __tablename__ = "rfi_parties"

    rfi_id: Mapped[int] = mapped_column(
        ForeignKey("rfi_requests.id", ondelete="CASCADE"), primary_key=True
    )
    agency_code: Mapped[str] = mapped_column(String(16), primary_key=True)
    # sent | acknowledged | answered | partially_answered | refused
    status: Mapped[str] = mapped_column(String(20), default="sent")
    deadline: Mapped[datetime] = mapped_column(index=True)
    remind_at: Mapped[datetime] = mapped_column()
    acknowledged_at: Mapped[datetime | None] = mapped_column(nullable=True)
    responded_at: Mapped[datetime | None] = mapped_column(nullable=True)  # first reply/refusal
    answered_at: Mapped[datetime | None] = mapped_column(nullable=True)  # full answer
    reminded_at: Mapped[datetime | None] = mapped_column(nullable=True)
    escalated_at: Mapped[datetime | None] = mapped_column(nullable=True)
    refusal_reason: Mapped[str] = mapped_column(Text, default="")


class RfiMessage(Base):
    """One message of a thread, with the same uid and time on both nodes."""

    __tablename__ = "rfi_messages"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    rfi_id: Mapped[int] = mapped_column(
        ForeignKey("rfi_requests.id", ondelete="CASCADE"), index=True
    )
    # request | acknowledgement | reminder | reply | partial_reply | refusal | escalation
    kind: Mapped[str] = mapped_column(String(20))
    from_agency: Mapped[str] = mapped_column(String(16))
    to_agency: Mapped[str] = mapped_column(String(16), default="")  # "" = every requested agency
    author_name: Mapped[str] = mapped_column(String(200), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    language: Mapped[str] = mapped_column(String(2), default="en")
    at: Mapped[datetime] = mapped_column(default=utcnow)
    envelope_id: Mapped[str] = mapped_column(String(36), default="")  # received envelope's id


class RfiAgreement(Base):
    """Hours allowed to answer an RFI of one urgency tier, agreed with one counterpart agency,
    and when (per cent of the allowed time) the reminder goes out."""

    __tablename__ = "rfi_agreements"

    agency_code: Mapped[str] = mapped_column(
        ForeignKey("agencies.code", ondelete="CASCADE"), primary_key=True
    )
    urgency: Mapped[str] = mapped_column(String(10), primary_key=True)
    hours: Mapped[int] = mapped_column(Integer)
    reminder_percent: Mapped[int] = mapped_column(Integer, default=75)
    note: Mapped[str] = mapped_column(Text, default="")
    updated_by: Mapped[str] = mapped_column(String(64), default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class RfiAttachment(Base):
    """A file sent with a request or an answer: stored in the database, identical (same uid and
    SHA-256) on both nodes, served only through an authorisation check and an audited read."""

    __tablename__ = "rfi_attachments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    rfi_id: Mapped[int] = mapped_column(
        ForeignKey("rfi_requests.id", ondelete="CASCADE"), index=True
    )
    message_uid: Mapped[str] = mapped_column(String(36), index=True)
    filename: Mapped[str] = mapped_column(String(200))
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = mapped_column(LargeBinary)
