"""Tables of the exchange: peers, the outbox, the inbox (the message log on both sides),
acknowledgements and refused envelopes."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mekongx.model.base import Base, utcnow


class Peer(Base):
    """A peer node: its agency, endpoint, current public keys and its earlier ones
    (:class:`PeerKey`, accepted during their rotation's overlap unless revoked)."""

    __tablename__ = "federation_peers"

    agency_code: Mapped[str] = mapped_column(
        ForeignKey("agencies.code", ondelete="RESTRICT"), primary_key=True
    )
    endpoint: Mapped[str] = mapped_column(String(500))
    sign_public: Mapped[str] = mapped_column(String(100))
    enc_public: Mapped[str] = mapped_column(String(100))
    # Set when an officer revoked the current keys (stolen): nothing signed with them is
    # accepted and nothing is sealed to them until the peer's new keys are taken.
    keys_revoked_at: Mapped[datetime | None] = mapped_column(nullable=True)
    fingerprint: Mapped[str] = mapped_column(String(64))
    confirmed: Mapped[bool] = mapped_column(Boolean, default=False)
    confirmed_by: Mapped[str] = mapped_column(String(64), default="")
    tls_ca_pem: Mapped[str] = mapped_column(Text, default="")
    next_out_seq: Mapped[int] = mapped_column(Integer, default=1)
    next_in_seq: Mapped[int] = mapped_column(Integer, default=1)
    last_delivery_at: Mapped[datetime | None] = mapped_column(nullable=True)
    last_error: Mapped[str] = mapped_column(Text, default="")
    consecutive_failures: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    earlier_keys: Mapped[list[PeerKey]] = relationship(
        lazy="selectin", order_by="PeerKey.id.desc()", cascade="all, delete-orphan"
    )


class PeerKey(Base):
    """A peer's keys before a rotation: accepted until ``valid_until`` (the overlap), unless
    revoked. Every earlier pair is kept (two rotations within one overlap keep both)."""

    __tablename__ = "federation_peer_keys"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    agency_code: Mapped[str] = mapped_column(
        ForeignKey("federation_peers.agency_code", ondelete="CASCADE"), index=True
    )
    sign_public: Mapped[str] = mapped_column(String(100))
    enc_public: Mapped[str] = mapped_column(String(100))
    valid_until: Mapped[datetime] = mapped_column()
    replaced_at: Mapped[datetime] = mapped_column(default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(nullable=True)
    revoked_by: Mapped[str] = mapped_column(String(64), default="")


class OutboxEntry(Base):
    """One envelope to one peer, written in the transaction of the change it carries."""

    __tablename__ = "federation_outbox"
    __table_args__ = (
        UniqueConstraint("to_agency", "seq"),
        # A link's next batch: its pending envelopes in sequence order (migration 0008).
        Index("ix_federation_outbox_link_pending", "to_agency", "status", "seq"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    message_id: Mapped[str] = mapped_column(String(36), unique=True)
    to_agency: Mapped[str] = mapped_column(
        ForeignKey("federation_peers.agency_code", ondelete="RESTRICT")
    )
    seq: Mapped[int] = mapped_column(Integer)
    type: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(40))
    record_uid: Mapped[str] = mapped_column(String(36), default="", index=True)
    thread: Mapped[str] = mapped_column(String(36), default="")
    header: Mapped[str] = mapped_column(Text)
    payload: Mapped[str] = mapped_column(Text)  # plaintext until sent, then cleared
    envelope: Mapped[str] = mapped_column(Text, default="")  # sealed on first attempt, resent as is
    # pending, sent, refused (by the peer, with a signed receipt), skipped (by an operator)
    status: Mapped[str] = mapped_column(String(10), default="pending", index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    # Times handed to the transport: more than one means sent again without a receipt (0021).
    posts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(nullable=True)
    receipt: Mapped[str] = mapped_column(Text, default="")


class InboxEntry(Base):
    """One envelope received and applied (exactly once), with the receipt we signed for it."""

    __tablename__ = "federation_inbox"
    __table_args__ = (UniqueConstraint("from_agency", "seq"),)

    message_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    from_agency: Mapped[str] = mapped_column(String(16))
    seq: Mapped[int] = mapped_column(Integer)
    type: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(40))
    record_uid: Mapped[str] = mapped_column(String(36), default="", index=True)
    thread: Mapped[str] = mapped_column(String(36), default="")
    envelope: Mapped[str] = mapped_column(Text)
    receipt: Mapped[str] = mapped_column(Text)
    received_at: Mapped[datetime] = mapped_column(default=utcnow)


class Rejection(Base):
    """An envelope or request that was refused, and why (kept for the links page and audit)."""

    __tablename__ = "federation_rejections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    claimed_sender: Mapped[str] = mapped_column(String(64))
    message_id: Mapped[str] = mapped_column(String(64), default="")
    reason: Mapped[str] = mapped_column(String(40))
    detail: Mapped[str] = mapped_column(Text, default="")


class Superseded(Base):
    """A sealed envelope that was replaced before it was delivered, kept as evidence: sealed
    again after a key change or a refusal (``unknown-signer``, ``wrong-key``), renumbered by a
    sequence re-synchronisation, or skipped by an operator (federation/recovery.py)."""

    __tablename__ = "federation_superseded"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    message_id: Mapped[str] = mapped_column(String(36), index=True)
    to_agency: Mapped[str] = mapped_column(String(16))
    seq: Mapped[int] = mapped_column(Integer)
    envelope: Mapped[str] = mapped_column(Text, default="")  # as it was sealed ("" if never)
    reason: Mapped[str] = mapped_column(String(40))
    by: Mapped[str] = mapped_column(String(64), default="")
    at: Mapped[datetime] = mapped_column(default=utcnow)


class Acknowledgement(Base):
    """A peer's acknowledgement of a retraction, correction or notice we sent."""

    __tablename__ = "federation_acks"

    ack_message_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    of_message_id: Mapped[str] = mapped_column(String(36), index=True)
    record_uid: Mapped[str] = mapped_column(String(36), default="", index=True)
    agency: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(default=utcnow)
