"""Financial investigations: cases, their transactions and alerts, and seized assets.

Transaction data is sensitive by default: a case is created for the own agency only with
handling code H3, and its transactions never travel over the exchange (they are not a payload
kind); what leaves the node is only what an officer chooses to send in an answer.
"""

from __future__ import annotations

import datetime as dt
from datetime import datetime

from sqlalchemy import (
    BigInteger,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from mekongx.domains.mappings import SavedMapping
from mekongx.model.base import Base, utcnow
from mekongx.model.record import SharedRecord, new_uid

SEARCH_KIND = "fin_case"


def case_document(title: str, summary: str) -> str:
    """A case's full-text document of ``SEARCH_KIND`` (what the search box finds it by)."""
    return f"{title}\n{summary}"


class FinCase(SharedRecord, Base):
    __tablename__ = "fin_cases"

    title: Mapped[str] = mapped_column(String(300))
    summary: Mapped[str] = mapped_column(Text, default="")
    base_currency: Mapped[str] = mapped_column(String(3), default="THB")
    status: Mapped[str] = mapped_column(String(12), default="open")  # open | closed


class FinImport(Base):
    """One file read into a case: what it added, what it already had, what it refused."""

    __tablename__ = "fin_imports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("fin_cases.id", ondelete="CASCADE"), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str] = mapped_column(String(64))
    added: Mapped[int] = mapped_column(Integer, default=0)
    duplicates: Mapped[int] = mapped_column(Integer, default=0)
    rejected: Mapped[int] = mapped_column(Integer, default=0)
    imported_by: Mapped[str] = mapped_column(String(64))
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)


class FinTransaction(Base):
    __tablename__ = "fin_transactions"
    __table_args__ = (
        UniqueConstraint("case_id", "txid"),
        Index("ix_fin_transactions_case_ts", "case_id", "ts"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("fin_cases.id", ondelete="CASCADE"))
    import_id: Mapped[int] = mapped_column(
        ForeignKey("fin_imports.id", ondelete="CASCADE"), index=True
    )
    txid: Mapped[str] = mapped_column(String(120))
    ts: Mapped[int] = mapped_column(BigInteger)  # seconds since the epoch, UTC
    src: Mapped[str] = mapped_column(String(200))
    dst: Mapped[str] = mapped_column(String(200))
    amount: Mapped[float] = mapped_column(Float)
    currency: Mapped[str] = mapped_column(String(3))
    amount_base: Mapped[float] = mapped_column(Float)
    channel: Mapped[str] = mapped_column(String(20))
    src_country: Mapped[str] = mapped_column(String(2), default="")
    dst_country: Mapped[str] = mapped_column(String(2), default="")
    branch: Mapped[str] = mapped_column(String(120), default="")


class FinAlert(Base):
    """An alert of the money-flow engine and the investigator's judgement of it."""

    __tablename__ = "fin_alerts"
    __table_args__ = (UniqueConstraint("case_id", "alert_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("fin_cases.id", ondelete="CASCADE"), index=True)
    alert_key: Mapped[str] = mapped_column(String(40))
    typology: Mapped[str] = mapped_column(String(24))
    score: Mapped[float] = mapped_column(Float)
    transaction_ids: Mapped[str] = mapped_column(Text)
    accounts: Mapped[str] = mapped_column(Text)
    explanation: Mapped[str] = mapped_column(Text)  # English, as the engine wrote it
    # the engine's message code and figures, to show the explanation in the reader's language
    explanation_code: Mapped[str] = mapped_column(String(40), default="")
    explanation_params: Mapped[str] = mapped_column(Text, default="")  # JSON object
    status: Mapped[str] = mapped_column(String(12), default="open")  # open | confirmed | dismissed
    reason: Mapped[str] = mapped_column(Text, default="")
    reviewed_by: Mapped[str] = mapped_column(String(64), default="")
    reviewed_at: Mapped[datetime | None] = mapped_column(nullable=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class FinAsset(Base):
    __tablename__ = "fin_assets"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uid)
    case_id: Mapped[int] = mapped_column(ForeignKey("fin_cases.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    description: Mapped[str] = mapped_column(Text)
    account: Mapped[str] = mapped_column(String(200), default="")
    value: Mapped[float] = mapped_column(Float)
    currency: Mapped[str] = mapped_column(String(3))
    valued_on: Mapped[dt.date] = mapped_column(Date)
    custodian: Mapped[str] = mapped_column(String(200), default="")
    state: Mapped[str] = mapped_column(String(20), default="identified")
    order_expires: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class FinAssetEvent(Base):
    """Every change of an asset's legal state, with the order behind it (never overwritten)."""

    __tablename__ = "fin_asset_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    asset_id: Mapped[int] = mapped_column(
        ForeignKey("fin_assets.id", ondelete="CASCADE"), index=True
    )
    from_state: Mapped[str] = mapped_column(String(20))
    to_state: Mapped[str] = mapped_column(String(20))
    authority: Mapped[str] = mapped_column(String(200), default="")
    order_number: Mapped[str] = mapped_column(String(100), default="")
    order_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    expires_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    custodian: Mapped[str] = mapped_column(String(200), default="")
    share_country: Mapped[str] = mapped_column(String(2), default="")
    share_percent: Mapped[float | None] = mapped_column(Float, nullable=True)
    share_amount: Mapped[float | None] = mapped_column(Float, nullable=True)
    # the asset-sharing agreement applied when the asset was shared (none: a case-by-case share)
    agreement_id: Mapped[int | None] = mapped_column(
        ForeignKey("fin_sharing_agreements.id", ondelete="RESTRICT"), nullable=True
    )
    note: Mapped[str] = mapped_column(Text, default="")
    changed_by: Mapped[str] = mapped_column(String(64))
    changed_at: Mapped[datetime] = mapped_column(default=utcnow)


class FinSharingAgreement(Base):
    """An asset-sharing agreement with another country: the share of the net value of a forfeited
    asset that goes to it when it helped to trace, seize or forfeit the asset, on a legal basis
    (a bilateral agreement or memorandum; the 1988 Convention art. 5(5)(b)(ii) and UNTOC art.
    14(3)(b) allow sharing by agreement)."""

    __tablename__ = "fin_sharing_agreements"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uid)
    country: Mapped[str] = mapped_column(String(2), index=True)  # the other country (ISO 3166)
    partner_percent: Mapped[float] = mapped_column(Float)  # the other country's share
    legal_basis: Mapped[str] = mapped_column(Text)
    signed_on: Mapped[dt.date] = mapped_column(Date)
    expires_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class FinSubject(Base):
    """A person or organisation a case is about, with its accounts and, where one exists, the
    wanted-person notice or intelligence report that names it (by the record's kind and uid)."""

    __tablename__ = "fin_subjects"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uid)
    case_id: Mapped[int] = mapped_column(ForeignKey("fin_cases.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    role: Mapped[str] = mapped_column(String(20))  # suspect | mule | company | beneficiary | other
    accounts: Mapped[str] = mapped_column(Text, default="")  # space-separated account numbers
    ref_kind: Mapped[str] = mapped_column(String(30), default="")  # fugitive_notice | intel_report
    ref_uid: Mapped[str] = mapped_column(String(36), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class FinMapping(SavedMapping, Base):
    """A saved column mapping of the node: which column of a bank's file holds which transaction
    field, the file's time format, currency and delimiter; chosen when a file is imported."""

    __tablename__ = "fin_mappings"

    timestamp_format: Mapped[str] = mapped_column(String(50), default="")
    currency: Mapped[str] = mapped_column(String(3), default="")
    delimiter: Mapped[str] = mapped_column(String(1), default=",")
