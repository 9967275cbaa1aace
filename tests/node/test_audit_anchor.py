"""Signed checkpoints anchor the audit chain outside the database: the three rewrites of issue 10
(item 3), done on a copy with the append-only triggers dropped, verify on their own but not
against the checkpoints."""

from __future__ import annotations

import itertools
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import delete, select, text

from mekongx.audit import Actor, AuditEvent, AuditHead, record, verify_chain
from mekongx.audit.anchor import read_lines
from mekongx.audit.log import _digest
from mekongx.db import Database
from mekongx.federation.checkpoints import (
    CheckpointRefused,
    periodic,
    verify_anchored,
    write_checkpoint,
)
from mekongx.federation.envelope import sign_statement
from mekongx.federation.keys import KeyPair, NodeKeys
from mekongx.settings import Settings


@pytest.fixture
def node(database: Database, db_url: str, tmp_path: Path) -> tuple[Database, Settings, NodeKeys]:
    settings = Settings(env="test", database_url=db_url, data_dir=tmp_path, node_agency="ONCB")
    return database, settings, NodeKeys.create(settings.keys_dir)


def _fill(db: Database, n: int) -> None:
    with db.write() as session:
        for i in range(n):
            record(session, Actor(1, "somchai", "ONCB", f"r{i}"), "intel.read", "intel_report", i)


def _drop_guards(db: Database) -> None:
    with db.write() as session:
        if db.dialect == "sqlite":
            session.execute(text("DROP TRIGGER audit_events_no_update"))
            session.execute(text("DROP TRIGGER audit_events_no_delete"))
        else:
            session.execute(text("DROP TRIGGER audit_events_append_only ON audit_events"))


def _breaks(node: tuple[Database, Settings, NodeKeys]) -> list[tuple[str, int, int]]:
    db, settings, keys = node
    with db.read() as session:
        assert verify_chain(session)[1] == []  # the rewrite is invisible to the chain alone
        return [(b.kind, b.first, b.last) for b in verify_anchored(session, settings, keys).breaks]


@pytest.fixture
def anchored(
    node: tuple[Database, Settings, NodeKeys],
) -> tuple[Database, Settings, NodeKeys]:
    """Six rows with checkpoints after row 2 and row 6, then the triggers dropped."""
    db, settings, keys = node
    _fill(db, 2)
    assert write_checkpoint(db, settings, keys) is not None
    _fill(db, 4)
    write_checkpoint(db, settings, keys)
    statements, bad = read_lines(settings.audit_checkpoints_file)
    assert [s["seq"] for s in statements] == [2, 6] and bad == []
    assert settings.audit_checkpoints_file.stat().st_mode & 0o777 == 0o600
    assert _breaks(node) == []
    _drop_guards(db)
    return node


def test_tail_deleted_and_head_moved_back(anchored: tuple[Database, Settings, NodeKeys]) -> None:
    db = anchored[0]
    with db.write() as session:
        session.execute(delete(AuditEvent).where(AuditEvent.seq > 4))
        row4 = session.get(AuditEvent, 4)
        assert row4 is not None
        session.execute(text("UPDATE audit_head SET seq = 4, hash = :h"), {"h": row4.hash})
    assert _breaks(anchored) == [("missing", 5, 6)]


def test_every_row_and_the_head_deleted(anchored: tuple[Database, Settings, NodeKeys]) -> None:
    db = anchored[0]
    with db.write() as session:
        session.execute(delete(AuditEvent))
        session.execute(delete(AuditHead))
    assert _breaks(anchored) == [("missing", 1, 2), ("missing", 1, 6)]


def test_a_row_edited_and_later_hashes_recomputed(
    anchored: tuple[Database, Settings, NodeKeys],
) -> None:
    db, settings, keys = anchored
    with db.write() as session:
        events = list(session.scalars(select(AuditEvent).order_by(AuditEvent.seq)))
        events[3].why = "nothing to see"
        for previous, event in itertools.pairwise(events[2:]):
            event.prev_hash = previous.hash
            event.hash = _digest(event)
            session.flush()
        head = session.get(AuditHead, 1)
        assert head is not None
        head.hash = events[-1].hash
    assert _breaks(anchored) == [("differs", 3, 6)]  # rows after the last good checkpoint
    with pytest.raises(CheckpointRefused):  # and the node will not sign the rewritten head
        write_checkpoint(db, settings, keys)


def test_checkpoints_not_signed_by_the_node_are_ignored(
    node: tuple[Database, Settings, NodeKeys],
) -> None:
    db, settings, keys = node
    _fill(db, 3)
    write_checkpoint(db, settings, keys)
    with db.read() as session:
        head = session.get(AuditHead, 1)
        assert head is not None
        forged = sign_statement(
            "audit-checkpoint",
            {"agency": "ONCB", "seq": 9, "hash": "0" * 64, "at": "2026-12-02T00:00:00+00:00"},
            KeyPair.generate().sign,
        )
    held = settings.data_dir / "held.jsonl"
    held.write_text(json.dumps(forged) + "\nnot json\n")
    with db.read() as session:
        result = verify_anchored(session, settings, keys, [held])
    assert result.breaks == [] and result.checked == 1
    assert result.unverifiable == ["held.jsonl:2", "held.jsonl #1"]


def test_nothing_new_means_no_new_periodic_checkpoint(
    node: tuple[Database, Settings, NodeKeys],
) -> None:
    db, settings, keys = node
    assert write_checkpoint(db, settings, keys) is None  # an empty log: nothing to sign
    _fill(db, 1)
    assert write_checkpoint(db, settings, keys, only_if_changed=True) is not None
    assert write_checkpoint(db, settings, keys, only_if_changed=True) is None
    _fill(db, 1)
    assert write_checkpoint(db, settings, keys, only_if_changed=True) is not None


def test_the_worker_signs_at_the_interval_when_the_chain_grew(
    node: tuple[Database, Settings, NodeKeys],
) -> None:
    db, settings, keys = node
    settings = settings.model_copy(update={"audit_checkpoint_minutes": 10})
    tick = periodic(db, settings, keys)
    start = datetime(2026, 12, 2, 8, 0, tzinfo=UTC)
    _fill(db, 1)
    tick(start)  # none yet: the first comes one interval after the worker started
    tick(start + timedelta(minutes=9))
    tick(start + timedelta(minutes=10))
    _fill(db, 1)
    tick(start + timedelta(minutes=15))
    tick(start + timedelta(minutes=20))
    tick(start + timedelta(minutes=35))  # nothing new since
    statements, _ = read_lines(settings.audit_checkpoints_file)
    assert [s["seq"] for s in statements] == [1, 2]


def test_after_a_restore_signing_goes_on_and_the_lost_rows_stay_visible(
    anchored: tuple[Database, Settings, NodeKeys],
) -> None:
    """An older chain put back (as a restore in place does): the node signs its head again,
    and verify still names the rows the restore lost."""
    db, settings, keys = anchored
    with db.write() as session:
        session.execute(delete(AuditEvent).where(AuditEvent.seq > 4))
        row4 = session.get(AuditEvent, 4)
        assert row4 is not None
        session.execute(text("UPDATE audit_head SET seq = 4, hash = :h"), {"h": row4.hash})
    with pytest.raises(CheckpointRefused):
        write_checkpoint(db, settings, keys)
    restored = write_checkpoint(db, settings, keys, after_restore=True)
    assert restored is not None and restored["after_restore"] and restored["seq"] == 4
    _fill(db, 1)
    assert write_checkpoint(db, settings, keys, only_if_changed=True) is not None
    with db.read() as session:
        breaks = verify_anchored(session, settings, keys).breaks
    assert [(b.kind, b.first, b.last) for b in breaks] == [("missing", 6, 6)]
