"""Links that never stall for good, on real node processes (issue 22 §1):

* an envelope sealed before the sender rotated its keys and delivered after the old key's
  overlap ended at the receiver is signed and sealed again (the old form kept as evidence),
  instead of being refused as ``unknown-signer`` for ever;
* a sender restored from a backup, whose counter for the link went back, re-synchronises the
  sequence with the receiver instead of being refused as ``seq-reused`` for ever;
* an operator can skip a waiting envelope (audited) and the link goes on.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select

from mekongx.audit.log import AuditEvent
from mekongx.domains.intel import service as intel
from mekongx.domains.intel.models import IntelReport
from mekongx.domains.intel.schemas import ReportInput
from mekongx.federation.envelope import key_id, verify_receipt
from mekongx.federation.keys import NodeKeys, load_sign_public, unb64
from mekongx.federation.models import InboxEntry, OutboxEntry, Rejection, Superseded
from mekongx.model.base import utcnow

REPORT = {"narrative": "Consignment seen at Chiang Khong pier", "language": "en",
          "source_reliability": "B", "info_reliability": 2, "distribution": "peers", "recipients": ["NNCC"]}  # fmt: skip


def _rows(node: Any, model: Any, *where: Any) -> list[Any]:
    db = node.database()
    with db.read() as session:
        rows = list(session.scalars(select(model).where(*where)))
    db.dispose()
    return rows


def _send(node: Any, title: str) -> str:
    db = node.database()
    with db.write() as session:
        uid = intel.create_report(
            session, node.principal(), ReportInput.model_validate({**REPORT, "title": title})
        ).uid
    db.dispose()
    return uid


def _arrived(node: Any, uid: str) -> bool:
    return bool(_rows(node, IntelReport, IntelReport.uid == uid))


def _entry(node: Any, uid: str) -> OutboxEntry:
    (entry,) = _rows(node, OutboxEntry, OutboxEntry.record_uid == uid)
    return entry  # type: ignore[no-any-return]


def _cli(node: Any, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mekongx.cli.main", *args], env=node.env,
                          capture_output=True, text=True, timeout=120)  # fmt: skip


def _receipts_verify(sender: Any, receiver: Any) -> None:
    key = load_sign_public(NodeKeys.load(receiver.home / "keys").current.sign_public)
    for entry in _rows(sender, OutboxEntry, OutboxEntry.status == "sent"):
        assert verify_receipt(json.loads(entry.receipt), key)


def test_rotation_after_an_outage_longer_than_the_overlap(make_nodes: Any, waiter: Any) -> None:
    oncb, nncc = make_nodes("ONCB", "NNCC")
    oncb.start()
    nncc.start()
    first = _send(oncb, "Before the outage")
    waiter(lambda: _arrived(nncc, first), what="the first report at NNCC")

    nncc.stop()  # the outage
    held = _send(oncb, "Sealed during the outage")
    waiter(lambda: bool(_entry(oncb, held).envelope), what="the envelope sealed and tried")
    old_kid = json.loads(_entry(oncb, held).envelope)["kid"]

    oncb.stop()
    oncb.cli("keys", "rotate")
    new = NodeKeys.load(oncb.home / "keys").current
    # NNCC's officer takes ONCB's new keys, and the old ones' overlap ends during the outage.
    until = utcnow() + timedelta(seconds=30)  # a loaded machine starts a command slowly
    nncc.cli("peers", "rotate", "ONCB", "--sign-key", new.sign_public, "--enc-key",
             new.enc_public, "--fingerprint", new.fingerprint, "--valid-until", until.isoformat())  # fmt: skip
    time.sleep(max((until - utcnow()).total_seconds(), 0) + 0.5)
    oncb.start()
    nncc.start()
    waiter(lambda: _arrived(nncc, held), what="the held report at NNCC")
    waiter(lambda: _entry(oncb, held).status == "sent", what="its receipt at ONCB")

    delivered = json.loads(_entry(oncb, held).envelope)
    assert delivered["kid"] == key_id(unb64(new.sign_public)) != old_kid
    (evidence,) = _rows(oncb, Superseded, Superseded.message_id == delivered["id"])
    assert evidence.reason == "keys-changed" and json.loads(evidence.envelope)["kid"] == old_kid
    assert sorted(e.seq for e in _rows(nncc, InboxEntry)) == [1, 2]
    _receipts_verify(oncb, nncc)


def test_sender_restored_from_a_backup_resynchronises(
    make_nodes: Any, waiter: Any, tmp_path: Path, empty_database: Any
) -> None:
    oncb, nncc = make_nodes("ONCB", "NNCC")
    oncb.start()
    nncc.start()
    first = _send(oncb, "Before the backup")
    waiter(lambda: _entry(oncb, first).status == "sent", what="the first receipt")
    backup = tmp_path / "oncb.backup"
    oncb.cli("backup", str(backup))
    later = [_send(oncb, f"After the backup {i}") for i in range(2)]
    waiter(lambda: all(_entry(oncb, uid).status == "sent" for uid in later), what="receipts")

    oncb.stop()  # ONCB's database is lost; it is restored from the backup
    oncb.db_url = empty_database("restored")
    oncb.cli("restore", str(backup))
    assert not any(_rows(oncb, OutboxEntry, OutboxEntry.record_uid.in_(later)))
    oncb.start()
    after = _send(oncb, "After the restore")
    waiter(lambda: _arrived(nncc, after), what="the new report at NNCC")
    waiter(lambda: _entry(oncb, after).status == "sent", what="its receipt at ONCB")

    # The counter had gone back (NNCC refused a number it had used), then the link
    # re-synchronised: the new report carries a number after 3.
    assert _rows(nncc, Rejection, Rejection.reason == "seq-reused")
    assert _entry(oncb, after).seq >= 4
    seqs = sorted(e.seq for e in _rows(nncc, InboxEntry))
    assert seqs == list(range(1, len(seqs) + 1))  # none twice, none missing
    reports = [r.uid for r in _rows(nncc, IntelReport, IntelReport.received)]
    assert sorted(reports) == sorted([first, *later, after])  # nothing twice
    reasons = {e.reason for e in _rows(oncb, Superseded)}
    assert "resync" in reasons
    events = _rows(oncb, AuditEvent, AuditEvent.action == "exchange.resync")
    assert events and json.loads(events[0].details)["expected_seq"] == 4
    assert _rows(nncc, AuditEvent, AuditEvent.action == "exchange.sync-answered")
    _receipts_verify(oncb, nncc)


def test_operator_skips_a_waiting_envelope(make_nodes: Any, waiter: Any) -> None:
    oncb, nncc = make_nodes("ONCB", "NNCC")
    oncb.start()  # NNCC is down: three envelopes wait
    uids = [_send(oncb, f"Waiting {i}") for i in range(3)]
    oncb.stop()

    bad = _cli(oncb, "links", "skip", "NNCC", "--seq", "9", "--why", "test")
    assert bad.returncode == 2 and "No envelope waiting on this link" in bad.stderr
    nobody = _cli(oncb, "links", "skip", "LCDC", "--seq", "1", "--why", "test")
    assert nobody.returncode == 2 and "No such peer" in nobody.stderr
    blank = _cli(oncb, "links", "skip", "NNCC", "--seq", "1", "--why", " ")
    assert blank.returncode == 2 and "Say why" in blank.stderr
    assert _entry(oncb, uids[0]).status == "pending"  # nothing changed

    told = oncb.cli("links", "skip", "NNCC", "--seq", "1", "--why", "withdrawn by the desk")
    assert "skipped" in told
    assert _entry(oncb, uids[0]).status == "skipped"
    assert [_entry(oncb, uid).seq for uid in uids[1:]] == [1, 2]
    (event,) = _rows(oncb, AuditEvent, AuditEvent.action == "exchange.skip")
    assert event.why == "withdrawn by the desk"

    oncb.start()
    nncc.start()
    waiter(lambda: all(_arrived(nncc, uid) for uid in uids[1:]), what="the other two at NNCC")
    assert not _arrived(nncc, uids[0])
    assert sorted(e.seq for e in _rows(nncc, InboxEntry)) == [1, 2]
