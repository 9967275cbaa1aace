"""Anchors of the audit chain outside the database: signed checkpoints of its head.

A checkpoint states "row ``seq`` of ``agency``'s audit log has hash ``hash``" at a time, signed
with the node's Ed25519 key (the signing itself is done by the caller, which holds the keys:
see ``mekongx.federation.checkpoints``). Checkpoints are appended to a file under the node's
data directory, one JSON line each, flushed to disk, and sent to the peers, which keep them in
``audit_peer_checkpoints``. Someone who can write the database (triggers dropped) can rewrite
the chain so that it verifies on its own; they cannot make it agree with checkpoints signed
earlier and held elsewhere. ``compare`` reports where the chain and the checkpoints part.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Integer, String, Text, UniqueConstraint, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from mekongx.audit.log import GENESIS, AuditEvent, _digest
from mekongx.model.base import Base, utcnow

STATEMENT = "audit-checkpoint"


class PeerCheckpoint(Base):
    """A checkpoint of a peer's audit chain, as the peer signed and sent it."""

    __tablename__ = "audit_peer_checkpoints"
    __table_args__ = (UniqueConstraint("agency", "seq", "hash"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    agency: Mapped[str] = mapped_column(String(16), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column()
    statement: Mapped[str] = mapped_column(Text)
    received_at: Mapped[datetime] = mapped_column(default=utcnow)


@dataclass(frozen=True)
class Checkpoint:
    seq: int
    hash: str
    at: str
    source: str  # where it was read: the local file, or a file of a peer's copies


def fields(statement: Any) -> tuple[str, int, str, str] | None:
    """(agency, seq, hash, at) of a well-formed checkpoint statement, else None."""
    if not isinstance(statement, dict) or statement.get("type") != STATEMENT:
        return None
    agency, seq, digest, at = (statement.get(k) for k in ("agency", "seq", "hash", "at"))
    if not isinstance(agency, str) or not isinstance(seq, int) or isinstance(seq, bool):
        return None
    if seq < 0 or not isinstance(digest, str) or len(digest) != 64 or not isinstance(at, str):
        return None
    try:
        int(digest, 16)
        datetime.fromisoformat(at)
    except ValueError:
        return None
    return agency, seq, digest, at


def append(path: Path, statement: dict[str, Any]) -> None:
    """Append one statement as a JSON line and flush it to disk (the file is 0600, append-only
    in use: it is never rewritten; ``chattr +a`` makes the kernel enforce it)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    new = not path.exists()
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(fd, json.dumps(statement, ensure_ascii=False, sort_keys=True).encode() + b"\n")
        os.fsync(fd)
    finally:
        os.close(fd)
    if new:
        directory = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)


def read_lines(path: Path) -> tuple[list[dict[str, Any]], list[int]]:
    """The statements of a checkpoint file, and the numbers of lines that are not statements."""
    statements: list[dict[str, Any]] = []
    bad: list[int] = []
    if not path.exists():
        return statements, bad
    with path.open("rb") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except ValueError:
                bad.append(number)
                continue
            if fields(data) is None:
                bad.append(number)
            else:
                statements.append(data)
    return statements, bad


@dataclass(frozen=True)
class Break:
    """Where the chain and a checkpoint disagree: rows ``first``..``last`` are not what was
    signed at ``at`` (``kind``: ``differs`` or ``missing``)."""

    kind: str
    first: int
    last: int
    at: str
    source: str


def compare(session: Session, checkpoints: Iterable[Checkpoint]) -> list[Break]:
    """Check the chain in the database against checkpoints (already authenticated), in one
    pass: a row whose stored hash differs from a checkpoint's, or a checkpoint beyond the last
    row. Breaks come in chain order; the first is the first place the chain was changed."""
    wanted: dict[int, list[Checkpoint]] = {}
    for checkpoint in checkpoints:
        wanted.setdefault(checkpoint.seq, []).append(checkpoint)
    order = sorted(seq for seq in wanted if seq > 0)
    breaks: list[Break] = []
    good = 0  # the last row a checkpoint confirmed
    seen = 0  # the last row read
    pending = 0  # index in ``order`` of the next checkpoint to meet

    def missing_before(seq: int) -> None:
        nonlocal pending
        while pending < len(order) and order[pending] < seq:
            for checkpoint in wanted[order[pending]]:
                breaks.append(
                    Break("missing", seen + 1, order[pending], checkpoint.at, checkpoint.source)
                )
            pending += 1

    if order:
        stmt = (
            select(AuditEvent)
            .where(AuditEvent.seq <= order[-1])
            .order_by(AuditEvent.seq)
            .execution_options(yield_per=2000)
        )
        prev = GENESIS
        for event in session.scalars(stmt):
            missing_before(event.seq)
            intact = event.prev_hash == prev and _digest(event) == event.hash
            prev, seen = event.hash, event.seq
            if pending < len(order) and order[pending] == event.seq:
                for checkpoint in wanted[event.seq]:
                    if event.hash == checkpoint.hash and intact:
                        good = max(good, event.seq)
                    else:
                        breaks.append(
                            Break("differs", good + 1, event.seq, checkpoint.at, checkpoint.source)
                        )
                pending += 1
        missing_before(order[-1] + 1)
    return sorted(breaks, key=lambda b: (b.first, b.last))
