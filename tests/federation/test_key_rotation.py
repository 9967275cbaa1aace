"""Two real nodes: ONCB rotates its keys; NNCC refuses what ONCB signs with the new key until its
officer runs `mekongx peers rotate` with the NEW fingerprint (a wrong one is refused); then the
queued report arrives, once, and every receipt verifies."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import select

from mekongx.domains.intel import service as intel
from mekongx.domains.intel.models import IntelReport
from mekongx.domains.intel.schemas import ReportInput
from mekongx.federation.envelope import verify_receipt
from mekongx.federation.keys import NodeKeys, load_sign_public
from mekongx.federation.models import InboxEntry, OutboxEntry, Peer, Rejection

REPORT = {"title": "Boat seized near Chiang Saen", "narrative": "清盛附近查获船只", "language": "en",
          "source_reliability": "B", "info_reliability": 2, "distribution": "peers", "recipients": ["NNCC"]}  # fmt: skip


def _rows(node: Any, model: Any, *where: Any) -> list[Any]:
    db = node.database()
    with db.read() as session:
        rows = list(session.scalars(select(model).where(*where)))
    db.dispose()
    return rows


def _peer(node: Any, code: str) -> Peer:
    (peer,) = _rows(node, Peer, Peer.agency_code == code)
    return peer  # type: ignore[no-any-return]


def _send(node: Any, title: str) -> str:
    db = node.database()
    with db.write() as session:
        data = ReportInput.model_validate({**REPORT, "title": title})
        uid = intel.create_report(session, node.principal(), data).uid
    db.dispose()
    return uid


def _arrived(node: Any, uid: str) -> bool:
    return bool(_rows(node, IntelReport, IntelReport.uid == uid))


def _cli(node: Any, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mekongx.cli.main", *args], env=node.env,
                          capture_output=True, text=True, timeout=120)  # fmt: skip


def test_peer_takes_rotated_keys(make_nodes: Any, waiter: Any, tmp_path: Path) -> None:
    oncb, nncc = make_nodes("ONCB", "NNCC")
    old = NodeKeys.load(oncb.home / "keys").current
    oncb.start()
    nncc.start()
    first = _send(oncb, "Before the rotation")
    waiter(lambda: _arrived(nncc, first), what="the first report at NNCC")

    oncb.stop()
    oncb.cli("keys", "rotate")
    new = NodeKeys.load(oncb.home / "keys")
    assert new.previous is not None and new.previous.sign_public == old.sign_public
    oncb.start()
    second = _send(oncb, "After the rotation")
    waiter(lambda: "bad-request-signature" in _peer(oncb, "NNCC").last_error,
           what="NNCC refusing the new key")  # fmt: skip
    assert not _rows(nncc, Rejection)  # unauthenticated: counted in memory, nothing written
    assert not _arrived(nncc, second)
    assert _peer(oncb, "NNCC").consecutive_failures >= 1  # queued at ONCB, retried

    # ONCB's officer sends the new federation entry; NNCC's import changes nothing by itself.
    entry = tmp_path / "oncb.yaml"
    oncb.cli("peers", "export", str(entry))
    member = yaml.safe_load(entry.read_text())["members"][0]
    assert member["previous"]["sign_public"] == old.sign_public
    told = nncc.cli("peers", "import", str(entry))
    fp = new.current.fingerprint
    assert f"ONCB has new keys, fingerprint {fp}. Nothing was changed." in told
    assert "forged" not in told
    assert f"--sign-key {new.current.sign_public} --enc-key {new.current.enc_public}" in told
    assert _peer(nncc, "ONCB").sign_public == old.sign_public

    # The fingerprint ONCB's officer reads out over the telephone is the one `keys show` prints.
    spoken = oncb.cli("keys", "show").split("fingerprint:")[1].strip()
    assert spoken == fp
    rotate = ["peers", "rotate", "ONCB", "--sign-key", new.current.sign_public,
              "--enc-key", new.current.enc_public, "--valid-until", member["previous"]["valid_until"]]  # fmt: skip
    wrong = _cli(nncc, *rotate, "--fingerprint", old.fingerprint)
    assert wrong.returncode == 2 and "does not match these keys" in wrong.stderr
    assert _peer(nncc, "ONCB").sign_public == old.sign_public
    assert not _arrived(nncc, second)

    assert "old keys are accepted until" in nncc.cli(*rotate, "--fingerprint", spoken)
    waiter(lambda: _arrived(nncc, second), what="the queued report at NNCC")
    sent = OutboxEntry.to_agency == "NNCC", OutboxEntry.status == "sent"
    waiter(lambda: len(_rows(oncb, OutboxEntry, *sent)) == 2, what="both receipts at ONCB")

    peer = _peer(nncc, "ONCB")
    assert (peer.sign_public, peer.earlier_keys[0].sign_public) == (
        new.current.sign_public,
        old.sign_public,
    )
    assert peer.fingerprint == fp and peer.confirmed
    # Nothing lost, nothing twice: each report once at NNCC, seq 1 and 2, two verified receipts.
    inbox = _rows(nncc, InboxEntry, InboxEntry.from_agency == "ONCB")
    assert sorted(e.seq for e in inbox) == [1, 2]
    assert sorted(r.uid for r in _rows(nncc, IntelReport, IntelReport.received)) == sorted(
        [first, second]
    )
    assert not _rows(oncb, OutboxEntry, OutboxEntry.status != "sent")
    nncc_key = load_sign_public(NodeKeys.load(nncc.home / "keys").current.sign_public)
    for entry_row in _rows(oncb, OutboxEntry):
        receipt = json.loads(entry_row.receipt)
        assert verify_receipt(receipt, nncc_key) and receipt["status"] == "applied"
    # The second envelope was signed with ONCB's new key.
    kids = {
        json.loads(e.envelope)["seq"]: json.loads(e.envelope)["kid"]
        for e in _rows(oncb, OutboxEntry)
    }
    assert kids[1] != kids[2]
