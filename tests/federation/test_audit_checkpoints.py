"""Audit checkpoints travel to the peer, which keeps them; its exported copy exposes a rewrite
of the sender's chain even after the sender's own checkpoint file was deleted."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, select, text

from mekongx.audit import AuditEvent
from mekongx.audit.anchor import PeerCheckpoint


def _held(node: Any) -> int:
    db = node.database()
    with db.read() as session:
        n = session.scalar(select(func.count()).select_from(PeerCheckpoint)) or 0
    db.dispose()
    return n


def test_a_peer_keeps_checkpoints_that_expose_a_rewritten_chain(
    make_nodes: Any, waiter: Any, tmp_path: Path
) -> None:
    oncb, nncc = make_nodes("ONCB", "NNCC")
    oncb.extra_env["MEKONGX_AUDIT_CHECKPOINT_MINUTES"] = "0"  # only the one signed below
    oncb.start()
    nncc.start()
    signed = oncb.cli("audit", "checkpoint")
    assert "Checkpoint signed: row" in signed
    waiter(lambda: _held(nncc) == 1, what="the checkpoint at NNCC")
    held = tmp_path / "held-by-nncc.jsonl"
    assert "1 checkpoints of ONCB" in nncc.cli("audit", "export-checkpoints", "ONCB", str(held))
    statement = json.loads(held.read_text())
    assert statement["agency"] == "ONCB" and statement["type"] == "audit-checkpoint"
    oncb.stop()

    # Someone with the database and the disk: triggers dropped, the tail deleted, the head moved
    # back, the local checkpoint file removed. The chain alone verifies.
    db = oncb.database()
    cut = statement["seq"] - 2
    with db.write() as session:
        if db.dialect == "sqlite":
            session.execute(text("DROP TRIGGER audit_events_no_update"))
            session.execute(text("DROP TRIGGER audit_events_no_delete"))
        else:
            session.execute(text("DROP TRIGGER audit_events_append_only ON audit_events"))
        session.execute(delete(AuditEvent).where(AuditEvent.seq > cut))
        last = session.get(AuditEvent, cut)
        assert last is not None
        session.execute(
            text("UPDATE audit_head SET seq = :s, hash = :h"), {"s": cut, "h": last.hash}
        )
    db.dispose()
    (oncb.home / "audit-checkpoints.jsonl").unlink()
    assert "intact" in oncb.cli("audit", "verify")

    answer = subprocess.run(
        [sys.executable, "-m", "mekongx.cli.main", "audit", "verify", "--checkpoints", str(held)],
        env={**oncb.env, "MEKONGX_LANG": "th"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert answer.returncode == 1, answer.stdout + answer.stderr
    assert f"แถวที่ {cut + 1} ถึง {statement['seq']}" in answer.stdout
    assert f"แถวที่ {cut + 1}" in answer.stderr and "Traceback" not in answer.stderr
