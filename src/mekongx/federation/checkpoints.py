"""Signed checkpoints of the audit head: written to a local append-only file, sent to the peers
as the payload kind ``audit.checkpoint``, kept by them, and checked by ``mekongx audit verify``.

How a node proves its audit log later: its own file (``data_dir/audit-checkpoints.jsonl``) and
the copies its peers hold. A peer's operator exports the copies it holds for an agency
(``mekongx audit export-checkpoints ONCB FILE``) and hands the file over; ``mekongx audit
verify --checkpoints FILE`` checks their signatures with this node's own keys and compares the
chain with them. A peer's copy is out of reach of whoever controls this node's database and
disk. Rows written after the newest checkpoint are anchored only by the next one: the interval
(``MEKONGX_AUDIT_CHECKPOINT_MINUTES``) bounds what a silent deletion of the tail can remove.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mekongx.audit import Actor, AuditEvent, AuditHead
from mekongx.audit.anchor import (
    STATEMENT,
    Break,
    Checkpoint,
    PeerCheckpoint,
    append,
    compare,
    fields,
    read_lines,
)
from mekongx.audit.log import _digest
from mekongx.db import Database
from mekongx.federation.envelope import canonical, iso, key_id, sign_statement, verify_statement
from mekongx.federation.handlers import Received
from mekongx.federation.keys import NodeKeys, load_sign_public, unb64
from mekongx.federation.models import Peer
from mekongx.federation.outbox import enqueue
from mekongx.model.base import utcnow
from mekongx.settings import Settings

KIND = "audit.checkpoint"


class CheckpointPayload(BaseModel):
    """``audit.checkpoint``: a peer's signed statement of its audit head (docs/schemas/)."""

    model_config = ConfigDict(extra="forbid")

    statement: dict[str, Any]


class CheckpointRefused(Exception):
    """The chain no longer extends the last checkpoint: signing its head would bless a rewrite."""

    def __init__(self, breaks: list[Break]) -> None:
        super().__init__(f"audit chain does not extend the last checkpoint: {breaks[0]}")
        self.breaks = breaks


def _extends(session: Session, seq: int, digest: str) -> list[Break]:
    """Problems if rows 1..head do not continue, unchanged, from row ``seq`` with ``digest``."""
    breaks = compare(session, [Checkpoint(seq, digest, "", "local")])
    if breaks:
        return breaks
    prev = digest
    stmt = select(AuditEvent).where(AuditEvent.seq > seq).order_by(AuditEvent.seq)
    expected = seq + 1
    for event in session.scalars(stmt.execution_options(yield_per=2000)):
        if event.seq != expected or event.prev_hash != prev or _digest(event) != event.hash:
            return [Break("differs", seq + 1, event.seq, "", "local")]
        prev, expected = event.hash, expected + 1
    return []


def _changed_since(session: Session, seq: int) -> bool:
    """Rows after ``seq`` other than the sending of checkpoints themselves."""
    count = session.scalar(
        select(func.count())
        .select_from(AuditEvent)
        .where(AuditEvent.seq > seq, AuditEvent.target_type != KIND)
    )
    return bool(count)


def write_checkpoint(
    db: Database,
    settings: Settings,
    keys: NodeKeys,
    *,
    only_if_changed: bool = False,
    after_restore: bool = False,
) -> dict[str, Any] | None:
    """Sign the audit head, append it to the local file and queue it for every confirmed peer.

    Refuses (CheckpointRefused) when the chain no longer extends the previous checkpoint,
    unless ``after_restore``: a restore puts back an older chain on purpose, and the statement
    then says so; the earlier checkpoints keep showing which rows the restore lost. Returns the
    statement, or None when there is no audit row yet (or nothing new and ``only_if_changed``)."""
    path = settings.audit_checkpoints_file
    statements, _ = read_lines(path)
    known = _own_keys(keys)
    ours = [
        s
        for s in statements
        if s.get("agency") == settings.node_agency
        and str(s.get("kid")) in known
        and verify_statement(s, load_sign_public(known[str(s.get("kid"))]))
    ]  # a line someone else appended does not decide what the node signs next
    last = fields(ours[-1]) if ours else None
    with db.write() as session:
        head = session.get(AuditHead, 1)
        if head is None:
            return None
        if last is not None and not after_restore:
            if only_if_changed and not _changed_since(session, last[1]):
                return None
            breaks = _extends(session, last[1], last[2])
            if breaks:
                raise CheckpointRefused(breaks)
        statement = sign_statement(
            STATEMENT,
            {
                "agency": settings.node_agency,
                "seq": head.seq,
                "hash": head.hash,
                "at": iso(utcnow()),
            }
            | ({"after_restore": True} if after_restore else {}),
            keys.current.sign,
        )
        append(path, statement)
        peers = session.scalars(select(Peer.agency_code).where(Peer.confirmed)).all()
        enqueue(
            session,
            Actor.system(settings.node_agency, "audit"),
            type="information",
            kind=KIND,
            payload={"statement": statement},
            to=peers,
            record_uid=f"{settings.node_agency}:{head.seq}",
        )
    return statement


def periodic(db: Database, settings: Settings, keys: NodeKeys) -> Callable[[datetime], None]:
    """A tick for the delivery worker: a checkpoint when the interval has passed since the last
    one (or, with none yet, since the worker started) and the chain has grown."""
    interval = timedelta(minutes=settings.audit_checkpoint_minutes)
    state: dict[str, datetime] = {}

    def tick(now: datetime) -> None:
        if not settings.audit_checkpoint_minutes:
            return
        if "last" not in state:
            statements, _ = read_lines(settings.audit_checkpoints_file)
            times = [datetime.fromisoformat(str(s["at"])) for s in statements]
            state["last"] = max(times) if times else now  # the first after one interval
        if now - state["last"] < interval:
            return
        write_checkpoint(db, settings, keys, only_if_changed=True)
        state["last"] = now

    return tick


# --- the peer's side --------------------------------------------------------------------------


def _peer_keys(peer: Peer) -> dict[str, str]:
    """Every signing key the peer has had that was not revoked (a checkpoint signed before a
    rotation stays checkable)."""
    found = {key_id(unb64(peer.sign_public)): peer.sign_public}
    for earlier in peer.earlier_keys:
        if earlier.revoked_at is None:
            found.setdefault(key_id(unb64(earlier.sign_public)), earlier.sign_public)
    return found


def apply_checkpoint(session: Session, received: Received, payload: Mapping[str, Any]) -> str:
    """Keep a peer's signed checkpoint (its signature checked with the peer's keys)."""
    statement = payload.get("statement")
    parsed = fields(statement)
    if parsed is None or parsed[0] != received.sender:
        raise ValueError("not a checkpoint of the sender's audit log")
    assert isinstance(statement, dict)
    peer = session.get(Peer, received.sender)
    public = _peer_keys(peer).get(str(statement.get("kid"))) if peer else None
    if public is None or not verify_statement(statement, load_sign_public(public)):
        raise ValueError("checkpoint signature does not verify")
    agency, seq, digest, at = parsed
    exists = session.scalar(
        select(PeerCheckpoint.id).where(
            PeerCheckpoint.agency == agency,
            PeerCheckpoint.seq == seq,
            PeerCheckpoint.hash == digest,
        )
    )
    if exists is None:
        session.add(
            PeerCheckpoint(
                agency=agency,
                seq=seq,
                hash=digest,
                at=datetime.fromisoformat(at),
                statement=canonical(statement).decode(),
            )
        )
    return f"{agency}:{seq}"


def held_for(session: Session, agency: str) -> list[dict[str, Any]]:
    """The checkpoints of ``agency`` this node holds, oldest first, as signed."""
    rows = session.scalars(
        select(PeerCheckpoint)
        .where(PeerCheckpoint.agency == agency)
        .order_by(PeerCheckpoint.seq, PeerCheckpoint.id)
    )
    return [json.loads(row.statement) for row in rows]


# --- verifying --------------------------------------------------------------------------------


@dataclass
class Anchored:
    """What the checkpoints say about the chain."""

    checked: int = 0
    breaks: list[Break] = field(default_factory=list)
    unverifiable: list[str] = field(default_factory=list)  # where: "file:line" or "file #n"


def _own_keys(keys: NodeKeys) -> dict[str, str]:
    pairs = [keys.current] + [pair for pair, _ in keys.earlier]
    return {key_id(unb64(p.sign_public)): p.sign_public for p in pairs}


def verify_anchored(
    session: Session, settings: Settings, keys: NodeKeys, files: Iterable[Path] = ()
) -> Anchored:
    """Compare the chain with the local checkpoint file and with files of checkpoints held by
    peers; every checkpoint's signature is checked with this node's own keys first."""
    result = Anchored()
    known = _own_keys(keys)
    checkpoints: list[Checkpoint] = []
    for path in [settings.audit_checkpoints_file, *files]:
        statements, bad = read_lines(path)
        result.unverifiable += [f"{path.name}:{n}" for n in bad]
        for number, statement in enumerate(statements, 1):
            parsed = fields(statement)
            public = known.get(str(statement.get("kid")))
            if parsed is None or parsed[0] != settings.node_agency:
                continue  # another agency's checkpoint: not ours to check
            if public is None or not verify_statement(statement, load_sign_public(public)):
                result.unverifiable.append(f"{path.name} #{number}")
                continue
            checkpoints.append(Checkpoint(parsed[1], parsed[2], parsed[3], path.name))
    result.checked = len(checkpoints)
    result.breaks = compare(session, checkpoints)
    return result
