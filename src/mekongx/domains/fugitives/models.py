"""Wanted-person notices, their photos, screening runs and hits, analysts' decisions, hit alerts
received from peers, and the version counter that keeps every process's name index fresh."""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from mekongx.model.base import Base, utcnow
from mekongx.model.record import SharedRecord

STATES = ("draft", "reviewed", "published", "withdrawn")
SEARCH_KIND = "fugitive_notice"  # kind of the notices' documents in the full-text index


class Notice(SharedRecord, Base):
    """A wanted-person notice. ``names`` and ``documents`` are JSON lists (see ``schemas``)."""

    __tablename__ = "fugitive_notices"

    status: Mapped[str] = mapped_column(String(12), default="draft", index=True)
    names: Mapped[str] = mapped_column(Text)  # [{"name", "kind": "primary"|"alias"}]
    sex: Mapped[str] = mapped_column(String(1), default="")  # M | F | "" (unknown)
    birth_date: Mapped[str] = mapped_column(String(10), default="")  # YYYY, YYYY-MM, YYYY-MM-DD
    nationality: Mapped[str] = mapped_column(String(3), default="")
    documents: Mapped[str] = mapped_column(Text, default="[]")  # [{"type","number","country"}]
    warrant_reference: Mapped[str] = mapped_column(String(100))
    warrant_authority: Mapped[str] = mapped_column(String(300))
    warrant_date: Mapped[str] = mapped_column(String(10), default="")
    charges: Mapped[str] = mapped_column(Text)
    legal_provisions: Mapped[str] = mapped_column(Text, default="")
    remarks: Mapped[str] = mapped_column(Text, default="")
    drafted_by: Mapped[str] = mapped_column(String(64), default="")
    reviewed_by: Mapped[str] = mapped_column(String(64), default="")
    published_by: Mapped[str] = mapped_column(String(64), default="")
    published_at: Mapped[datetime | None] = mapped_column(nullable=True)
    status_note: Mapped[str] = mapped_column(Text, default="")
    photo_type: Mapped[str] = mapped_column(String(16), default="")  # image/jpeg | image/png
    received_from: Mapped[str] = mapped_column(String(16), default="")


class NoticePhoto(Base):
    """The photo of a notice, stored in the database (served only through an authz check)."""

    __tablename__ = "fugitive_photos"

    notice_id: Mapped[int] = mapped_column(
        ForeignKey("fugitive_notices.id", ondelete="CASCADE"), primary_key=True
    )
    media_type: Mapped[str] = mapped_column(String(16))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    uploaded_at: Mapped[datetime] = mapped_column(default=utcnow)


class ScreeningRun(Base):
    """One screening: a single name, a file or an API batch, by one user of this node."""

    __tablename__ = "fugitive_screenings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    agency: Mapped[str] = mapped_column(String(16), index=True)
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True
    )
    username: Mapped[str] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(String(8))  # single | file | api
    file_name: Mapped[str] = mapped_column(String(300), default="")
    status: Mapped[str] = mapped_column(String(8), default="running")  # running | done | failed
    total: Mapped[int] = mapped_column(Integer, default=0)
    done: Mapped[int] = mapped_column(Integer, default=0)
    hits: Mapped[int] = mapped_column(Integer, default=0)
    rows: Mapped[str] = mapped_column(Text, default="[]")  # the checked rows, JSON, until done
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(nullable=True)


class ScreeningHit(Base):
    """A screened person who may be the subject of a notice; an officer confirms or rejects it."""

    __tablename__ = "fugitive_hits"
    # the review queue, most probable first (``screening.open_hits``: keyset on these)
    __table_args__ = (Index("ix_fugitive_hits_queue", "status", "probability", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    screening_id: Mapped[int] = mapped_column(
        ForeignKey("fugitive_screenings.id", ondelete="CASCADE"), index=True
    )
    row: Mapped[int] = mapped_column(Integer)
    query_name: Mapped[str] = mapped_column(String(300))
    query_birth_date: Mapped[str] = mapped_column(String(10), default="")
    query_nationality: Mapped[str] = mapped_column(String(3), default="")
    query_document: Mapped[str] = mapped_column(String(64), default="")
    notice_uid: Mapped[str] = mapped_column(String(36), index=True)
    matched_name: Mapped[str] = mapped_column(String(300))
    probability: Mapped[float] = mapped_column()
    decision: Mapped[str] = mapped_column(String(10))  # the engine's: match | review
    reasons: Mapped[str] = mapped_column(Text, default="[]")  # [{"code","params","effect"}]
    status: Mapped[str] = mapped_column(String(10), default="open")  # open|confirmed|rejected
    decided_by: Mapped[str] = mapped_column(String(64), default="")
    decided_at: Mapped[datetime | None] = mapped_column(nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")


class NameJudgement(Base):
    """Analysts' same/different decisions, append-only; loaded into the engine's ``Judgements``."""

    __tablename__ = "fugitive_judgements"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    key_a: Mapped[str] = mapped_column(String(320))
    key_b: Mapped[str] = mapped_column(String(320))
    verdict: Mapped[str] = mapped_column(String(10))
    analyst: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(default=utcnow)
    note: Mapped[str] = mapped_column(Text, default="")


class HitAlert(Base):
    """A confirmed hit on one of this node's notices, found here or reported by a peer."""

    __tablename__ = "fugitive_hit_alerts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    notice_uid: Mapped[str] = mapped_column(String(36), index=True)
    from_agency: Mapped[str] = mapped_column(String(16))
    officer: Mapped[str] = mapped_column(String(200))
    query_name: Mapped[str] = mapped_column(String(300))
    query_birth_date: Mapped[str] = mapped_column(String(10), default="")
    query_nationality: Mapped[str] = mapped_column(String(3), default="")
    query_document: Mapped[str] = mapped_column(String(64), default="")
    source: Mapped[str] = mapped_column(String(300), default="")
    probability: Mapped[float] = mapped_column()
    note: Mapped[str] = mapped_column(Text, default="")
    # the note's language and the officer's translations of it ({"th": "..."}), so that the
    # issuing agency reads it in its own language where it was translated
    note_language: Mapped[str] = mapped_column(String(8), default="", server_default="")
    note_translations: Mapped[str] = mapped_column(Text, default="{}", server_default="{}")
    confirmed_at: Mapped[datetime] = mapped_column(default=utcnow)
    received_at: Mapped[datetime] = mapped_column(default=utcnow)

    def note_in(self, lang: str) -> tuple[str, str]:
        """(the note to show a reader of ``lang``, the original when that is a translation)."""
        return note_in(self.note, self.note_language, self.note_translations, lang)


def note_in(note: str, language: str, translations: str, lang: str) -> tuple[str, str]:
    """An alert's note for a reader of ``lang`` (``HitAlert.note_in``; a list's rows of the
    alert's columns pass them): (the note to show, the original when that is a translation)."""
    if not translations or translations == "{}":  # most notes are not translated: no parsing
        return note, ""
    translated = json.loads(translations).get(lang, "")
    if translated and lang != language:
        return translated, note
    return note, ""


class IndexVersion(Base):
    """One row: bumped in the transaction of every change to notices, so a process whose
    in-memory name index was built at an older version rebuilds it before screening."""

    __tablename__ = "fugitive_index_version"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[int] = mapped_column(Integer, default=0)
    stamp: Mapped[str] = mapped_column(String(32), default="")  # random, new at every change
