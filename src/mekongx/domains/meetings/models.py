"""Tables of the meeting mechanism: series of numbered meetings, their delegations, agenda items,
resolutions and the actions that carry each resolution out, with progress notes, evidence links
to records of any area, per-item comments on the draft minutes and each side's signed approval.

A meeting is a shared record of the agency that drafts its minutes (``origin_agency``); the
other side holds a read-only copy. An action belongs to its owner agency: only the owner changes
its status, and the change travels to the counterpart. One writer per object, so two nodes never
edit the same row."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from mekongx.model.base import Base, utcnow
from mekongx.model.record import SharedRecord
from mekongx.model.texts import Multilingual, WrittenOnce

SEARCH_KIND = "meeting"
STATUSES = ("planned", "in_progress", "done", "dropped")
MINUTES_STATES = ("draft", "circulated", "approved")


class MeetingSeries(Multilingual, Base):
    """A series of numbered meetings between agencies, e.g. the Thai–Chinese bilateral meetings."""

    __tablename__ = "meeting_series"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name_th: Mapped[str] = mapped_column(String(300), default="")
    name_zh: Mapped[str] = mapped_column(String(300), default="")
    name_en: Mapped[str] = mapped_column(String(300), default="")
    name_lo: Mapped[str] = mapped_column(String(300), default="")
    name_my: Mapped[str] = mapped_column(String(300), default="")
    name_km: Mapped[str] = mapped_column(String(300), default="")
    name_vi: Mapped[str] = mapped_column(String(300), default="")
    agencies: Mapped[str] = mapped_column(String(200), default="")  # space-separated codes
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Meeting(Multilingual, SharedRecord, Base):
    """One numbered meeting of a series; its minutes are drafted by ``origin_agency``."""

    __tablename__ = "meetings"
    __table_args__ = (UniqueConstraint("series_id", "number"),)

    series_id: Mapped[int] = mapped_column(
        ForeignKey("meeting_series.id", ondelete="RESTRICT"), index=True
    )
    number: Mapped[int] = mapped_column(Integer)
    host_agency: Mapped[str] = mapped_column(String(16))
    counterpart: Mapped[str] = mapped_column(String(16))  # the other side of the minutes
    place_th: Mapped[str] = mapped_column(String(300), default="")
    place_zh: Mapped[str] = mapped_column(String(300), default="")
    place_en: Mapped[str] = mapped_column(String(300), default="")
    place_lo: Mapped[str] = mapped_column(String(300), default="")
    place_my: Mapped[str] = mapped_column(String(300), default="")
    place_km: Mapped[str] = mapped_column(String(300), default="")
    place_vi: Mapped[str] = mapped_column(String(300), default="")
    starts_on: Mapped[date] = mapped_column(Date, index=True)
    ends_on: Mapped[date] = mapped_column(Date)
    minutes_state: Mapped[str] = mapped_column(String(12), default="draft")
    minutes_version: Mapped[int] = mapped_column(Integer, default=1)
    minutes_digest: Mapped[str] = mapped_column(String(64), default="")
    sent_version: Mapped[int] = mapped_column(Integer, default=0)  # last version sent over
    last_editor: Mapped[str] = mapped_column(String(64), default="")
    drafter: Mapped[str] = mapped_column(String(64), default="")


class Delegate(Multilingual, Base):
    """A participant of a delegation, with name and title in the seven languages."""

    __tablename__ = "meeting_delegates"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    agency_code: Mapped[str] = mapped_column(String(16))
    role: Mapped[str] = mapped_column(String(12))  # head | co_chair | member
    position: Mapped[int] = mapped_column(Integer, default=0)
    name_th: Mapped[str] = mapped_column(String(200), default="")
    name_zh: Mapped[str] = mapped_column(String(200), default="")
    name_en: Mapped[str] = mapped_column(String(200), default="")
    name_lo: Mapped[str] = mapped_column(String(200), default="")
    name_my: Mapped[str] = mapped_column(String(200), default="")
    name_km: Mapped[str] = mapped_column(String(200), default="")
    name_vi: Mapped[str] = mapped_column(String(200), default="")
    title_th: Mapped[str] = mapped_column(String(400), default="")
    title_zh: Mapped[str] = mapped_column(String(400), default="")
    title_en: Mapped[str] = mapped_column(String(400), default="")
    title_lo: Mapped[str] = mapped_column(String(400), default="")
    title_my: Mapped[str] = mapped_column(String(400), default="")
    title_km: Mapped[str] = mapped_column(String(400), default="")
    title_vi: Mapped[str] = mapped_column(String(400), default="")


class AgendaItem(Multilingual, Base):
    """An item of a meeting's agenda with the discussion summary the minutes record."""

    __tablename__ = "meeting_agenda_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    title_th: Mapped[str] = mapped_column(String(500), default="")
    title_zh: Mapped[str] = mapped_column(String(500), default="")
    title_en: Mapped[str] = mapped_column(String(500), default="")
    title_lo: Mapped[str] = mapped_column(String(500), default="")
    title_my: Mapped[str] = mapped_column(String(500), default="")
    title_km: Mapped[str] = mapped_column(String(500), default="")
    title_vi: Mapped[str] = mapped_column(String(500), default="")
    summary_th: Mapped[str] = mapped_column(Text, default="")
    summary_zh: Mapped[str] = mapped_column(Text, default="")
    summary_en: Mapped[str] = mapped_column(Text, default="")
    summary_lo: Mapped[str] = mapped_column(Text, default="")
    summary_my: Mapped[str] = mapped_column(Text, default="")
    summary_km: Mapped[str] = mapped_column(Text, default="")
    summary_vi: Mapped[str] = mapped_column(Text, default="")


class Resolution(Multilingual, Base):
    """What the meeting agreed under an agenda item (Thai มติ, Chinese 决议)."""

    __tablename__ = "meeting_resolutions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    item_id: Mapped[int] = mapped_column(
        ForeignKey("meeting_agenda_items.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[int] = mapped_column(Integer)
    text_th: Mapped[str] = mapped_column(Text, default="")
    text_zh: Mapped[str] = mapped_column(Text, default="")
    text_en: Mapped[str] = mapped_column(Text, default="")
    text_lo: Mapped[str] = mapped_column(Text, default="")
    text_my: Mapped[str] = mapped_column(Text, default="")
    text_km: Mapped[str] = mapped_column(Text, default="")
    text_vi: Mapped[str] = mapped_column(Text, default="")


class MeetingAction(Multilingual, Base):
    """Tracked work that carries out a resolution: one owner agency changes it."""

    __tablename__ = "meeting_actions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    resolution_id: Mapped[int] = mapped_column(
        ForeignKey("meeting_resolutions.id", ondelete="CASCADE"), index=True
    )
    owner_agency: Mapped[str] = mapped_column(String(16), index=True)
    counterpart_agency: Mapped[str] = mapped_column(String(16), default="")
    title_th: Mapped[str] = mapped_column(String(500), default="")
    title_zh: Mapped[str] = mapped_column(String(500), default="")
    title_en: Mapped[str] = mapped_column(String(500), default="")
    title_lo: Mapped[str] = mapped_column(String(500), default="")
    title_my: Mapped[str] = mapped_column(String(500), default="")
    title_km: Mapped[str] = mapped_column(String(500), default="")
    title_vi: Mapped[str] = mapped_column(String(500), default="")
    deadline: Mapped[date] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(12), default="planned")
    status_reason: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)  # the owner's update counter
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(200), default="")


class ActionNote(WrittenOnce, Base):
    """A dated progress note on an action, written by its owner agency."""

    __tablename__ = "meeting_action_notes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    action_id: Mapped[int] = mapped_column(
        ForeignKey("meeting_actions.id", ondelete="CASCADE"), index=True
    )
    noted_on: Mapped[date] = mapped_column(Date)
    body: Mapped[str] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(2), default="en")
    agency_code: Mapped[str] = mapped_column(String(16))
    author_name: Mapped[str] = mapped_column(String(200), default="")
    at: Mapped[datetime] = mapped_column(default=utcnow)


class EvidenceLink(Base):
    """An action's link to a record of any area, by the area's kind and the record's uid. Shown
    only to users who may see the record itself (resolved through authz on every read)."""

    __tablename__ = "meeting_evidence"
    __table_args__ = (UniqueConstraint("action_id", "kind", "record_uid"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    action_id: Mapped[int] = mapped_column(
        ForeignKey("meeting_actions.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(32))
    record_uid: Mapped[str] = mapped_column(String(36))
    agency_code: Mapped[str] = mapped_column(String(16))  # whose officer linked it
    added_by: Mapped[str] = mapped_column(String(200), default="")
    added_at: Mapped[datetime] = mapped_column(default=utcnow)


class MinutesComment(Base):
    """A comment of either side on one agenda item (or the whole minutes) of a given version."""

    __tablename__ = "meeting_comments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    item_uid: Mapped[str] = mapped_column(String(36), default="")  # "" = the whole minutes
    minutes_version: Mapped[int] = mapped_column(Integer)
    agency_code: Mapped[str] = mapped_column(String(16))
    author_name: Mapped[str] = mapped_column(String(200), default="")
    body: Mapped[str] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(2), default="en")
    at: Mapped[datetime] = mapped_column(default=utcnow)


class MinutesApproval(Base):
    """One side's approval of one version of the minutes: the statement its node signed over
    the digest of the canonical minutes (verifiable by anyone holding that node's public key)."""

    __tablename__ = "meeting_approvals"

    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True
    )
    agency_code: Mapped[str] = mapped_column(String(16), primary_key=True)
    minutes_version: Mapped[int] = mapped_column(Integer)
    digest: Mapped[str] = mapped_column(String(64))
    statement: Mapped[str] = mapped_column(Text)  # canonical JSON of the signed statement
    approved_by: Mapped[str] = mapped_column(String(200), default="")
    at: Mapped[datetime] = mapped_column(default=utcnow)
