"""The shared record base.

Every record that may ever leave the node carries its provenance (originating agency, author,
times, version, original language), its distribution (who may hold it) and its handling code
(what a holder may do with it). Intelligence additionally carries the 4x4 evaluation.
"""

from __future__ import annotations

import enum
import uuid
from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, declared_attr, mapped_column

from mekongx.model.base import Base, utcnow


def new_uid() -> str:
    return str(uuid.uuid4())


class Distribution(enum.StrEnum):
    """Who may hold a record: the originating agency only, named peers, or a sharing group."""

    OWN = "own"
    PEERS = "peers"
    GROUP = "group"


class HandlingCode(enum.StrEnum):
    """Europol-style handling codes that travel with the record."""

    H0 = "H0"  # crime-fighting use only
    H1 = "H1"  # not for use in court without the originator's permission
    H2 = "H2"  # no onward dissemination without the originator's permission
    H3 = "H3"  # restrictions in free text


class SourceReliability(enum.StrEnum):
    """4x4 system: how reliable the source is."""

    A = "A"  # no doubt of authenticity, trustworthiness and competence
    B = "B"  # source has in most instances proved reliable
    C = "C"  # source has in most instances proved unreliable
    X = "X"  # reliability cannot be assessed


class InfoReliability(enum.IntEnum):
    """4x4 system: how reliable the information is."""

    KNOWN_TRUE = 1  # known to be true without reservation
    KNOWN_PERSONALLY = 2  # known personally to the source, not to the official passing it on
    NOT_KNOWN_PERSONALLY = 3  # not known personally to the source but corroborated
    CANNOT_BE_ASSESSED = 4  # cannot be assessed


class RecordRecipient(Base):
    """A named peer agency that a record with ``distribution = peers`` goes to."""

    __tablename__ = "record_recipients"

    record_uid: Mapped[str] = mapped_column(String(36), primary_key=True)
    agency_code: Mapped[str] = mapped_column(
        ForeignKey("agencies.code", ondelete="RESTRICT"), primary_key=True, index=True
    )


class SharedRecord:
    """Columns of the shared record base, mixed into every shareable record type."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uid)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)
    language: Mapped[str] = mapped_column(String(2))
    author_name: Mapped[str] = mapped_column(String(200))
    distribution: Mapped[str] = mapped_column(String(8), default=Distribution.OWN.value)
    handling_code: Mapped[str] = mapped_column(String(2), default=HandlingCode.H0.value)
    handling_note: Mapped[str] = mapped_column(Text, default="")
    received: Mapped[bool] = mapped_column(Boolean, default=False)

    @declared_attr
    def origin_agency(cls) -> Mapped[str]:
        return mapped_column(ForeignKey("agencies.code", ondelete="RESTRICT"), index=True)

    @declared_attr
    def author_id(cls) -> Mapped[int | None]:
        return mapped_column(ForeignKey("users.id", ondelete="SET NULL"), nullable=True)

    @declared_attr
    def sharing_group(cls) -> Mapped[str | None]:
        return mapped_column(ForeignKey("sharing_groups.code", ondelete="RESTRICT"), nullable=True)
