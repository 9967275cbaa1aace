"""Two real nodes on loopback: release, correction and retraction travel with signed receipts
and acknowledgements; forged, tampered, replayed and misaddressed envelopes are refused."""

from __future__ import annotations

import json
from typing import Any

import httpx
from sqlalchemy import select

from mekongx.domains.intel import exchange as intel_exchange
from mekongx.domains.intel import service as intel
from mekongx.domains.intel.models import IntelReport
from mekongx.domains.intel.schemas import ReportInput
from mekongx.federation.envelope import Header, canonical, iso, seal, verify_receipt
from mekongx.federation.inbox import batch_signing_text
from mekongx.federation.keys import KeyPair, NodeKeys, b64, load_enc_public, load_sign_public
from mekongx.federation.models import Acknowledgement, InboxEntry, OutboxEntry, Rejection
from mekongx.model.base import utcnow

REPORT = {"title": "หลาน เว่ยหง crossing at Mae Sai", "narrative": "兰卫红 seen with a white pickup", "language": "th",
          "source_reliability": "B", "info_reliability": 2, "distribution": "peers", "recipients": ["NNCC"]}  # fmt: skip


def _copy(node: Any, uid: str) -> IntelReport | None:
    db = node.database()
    with db.read() as session:
        copy = session.scalar(select(IntelReport).where(IntelReport.uid == uid))
    db.dispose()
    return copy


def _count(node: Any, model: Any, *where: Any) -> int:
    db = node.database()
    with db.read() as session:
        n = len(list(session.scalars(select(model).where(*where))))
    db.dispose()
    return n


def test_release_correction_retraction(make_nodes: Any, waiter: Any) -> None:
    oncb, nncc = make_nodes("ONCB", "NNCC")
    oncb.start()
    nncc.start()
    sender = oncb.database()
    with sender.write() as session:
        report = intel.create_report(session, oncb.principal(), ReportInput.model_validate(REPORT))
        uid, report_id = report.uid, report.id
    waiter(lambda: _copy(nncc, uid) is not None, what="the report at NNCC")
    copy = _copy(nncc, uid)
    assert (
        copy is not None
        and copy.received
        and copy.origin_agency == "ONCB"
        and copy.title == REPORT["title"]
    )
    waiter(
        lambda: _count(oncb, OutboxEntry, OutboxEntry.status == "sent") == 1,
        what="the receipt at ONCB",
    )
    nncc_keys = NodeKeys.load(nncc.home / "keys")
    with sender.read() as session:
        entry = session.scalar(select(OutboxEntry))
        assert entry is not None and entry.payload == ""  # plaintext dropped once delivered
        receipt = json.loads(entry.receipt)
    assert verify_receipt(receipt, load_sign_public(nncc_keys.current.sign_public))
    assert receipt["status"] == "applied" and receipt["from"] == "NNCC"

    with sender.write() as session:
        data = ReportInput.model_validate(
            {**REPORT, "title": "Corrected title", "expected_version": 1}
        )
        intel.update_report(session, oncb.principal(), report_id, data)
    waiter(lambda: (c := _copy(nncc, uid)) is not None and c.version == 2, what="the correction")
    waiter(
        lambda: _count(oncb, Acknowledgement) == 1, what="NNCC's acknowledgement of the correction"
    )

    with sender.write() as session:
        intel_exchange.retract(
            session, oncb.principal(), report_id, "source withdrew the information"
        )
    waiter(
        lambda: (c := _copy(nncc, uid)) is not None and c.status == "retracted",
        what="the retraction",
    )
    waiter(
        lambda: _count(oncb, Acknowledgement) == 2, what="NNCC's acknowledgement of the retraction"
    )
    assert _count(nncc, InboxEntry) == 3
    sender.dispose()


def _batch(
    keys: KeyPair, sender: str, to: str, envelopes: list[dict[str, Any]], sent_at: str | None = None
) -> tuple[dict[str, str], bytes]:
    body = canonical({"envelopes": envelopes})
    sent_at = sent_at or iso(utcnow())
    signature = b64(keys.sign.sign(batch_signing_text(sender, to, sent_at, body)))
    return {
        "X-MekongX-Sender": sender,
        "X-MekongX-Time": sent_at,
        "X-MekongX-Signature": signature,
        "Content-Type": "application/json",
    }, body


def test_forged_tampered_replayed_and_misaddressed(make_nodes: Any) -> None:
    oncb, nncc = make_nodes("ONCB", "NNCC")
    nncc.start()
    keys = NodeKeys.load(oncb.home / "keys").current
    nncc_enc = load_enc_public(NodeKeys.load(nncc.home / "keys").current.enc_public)
    inbox = f"{nncc.federation_url}/federation/v1/inbox"
    payload = {"kind": "intel.report", **{k: v for k, v in REPORT.items() if k != "recipients"}, "uid": "5f1b2f0e-0000-4000-8000-000000000001",
               "version": 1, "handling_code": "H0", "handling_note": "", "sharing_group": None, "origin_agency": "ONCB",
               "author_name": "x", "recipients": ["NNCC"], "created_at": iso(utcnow()), "updated_at": iso(utcnow())}  # fmt: skip

    def envelope(seq: int, to: str = "NNCC", signer: KeyPair = keys) -> dict[str, Any]:
        return seal(
            Header(
                type="information",
                sender="ONCB",
                to=to,
                recipients=[to],
                seq=seq,
                created=iso(utcnow()),
            ),
            payload,
            signer.sign,
            nncc_enc,
        )

    # A stranger (keys nobody confirmed) claiming to be ONCB: the request signature fails.
    stranger = KeyPair.generate()
    headers, body = _batch(stranger, "ONCB", "NNCC", [envelope(1, signer=stranger)])
    assert (
        httpx.post(inbox, content=body, headers=headers).json()["error"] == "bad-request-signature"
    )
    # An unknown agency.
    headers, body = _batch(stranger, "XXX", "NNCC", [])
    assert httpx.post(inbox, content=body, headers=headers).status_code == 403
    # A captured request replayed outside the time window.
    headers, body = _batch(
        keys, "ONCB", "NNCC", [envelope(1)], sent_at=iso(utcnow().replace(year=2024))
    )
    assert httpx.post(inbox, content=body, headers=headers).json()["error"] == "stale-request"
    # Tampered in transit: the envelope's signature no longer matches.
    tampered = envelope(1)
    tampered["handling"] = "H0" if tampered["handling"] != "H0" else "H1"
    headers, body = _batch(keys, "ONCB", "NNCC", [tampered])
    outcome = httpx.post(inbox, content=body, headers=headers).json()["outcomes"][0]
    assert (outcome["status"], outcome["reason"]) == ("rejected", "bad-signature")
    # Signed by the right node but with a key that is not ONCB's (wrong signer).
    headers, body = _batch(keys, "ONCB", "NNCC", [envelope(1, signer=stranger)])
    assert (
        httpx.post(inbox, content=body, headers=headers).json()["outcomes"][0]["reason"]
        == "unknown-signer"
    )
    # Addressed to another agency.
    headers, body = _batch(keys, "ONCB", "NNCC", [envelope(1, to="SMCC")])
    assert (
        httpx.post(inbox, content=body, headers=headers).json()["outcomes"][0]["reason"]
        == "wrong-recipient"
    )
    # The genuine envelope is applied once; replaying it gives back the same receipt.
    good = envelope(1)
    headers, body = _batch(keys, "ONCB", "NNCC", [good])
    first = httpx.post(inbox, content=body, headers=headers).json()["outcomes"][0]
    headers, body = _batch(keys, "ONCB", "NNCC", [good])
    again = httpx.post(inbox, content=body, headers=headers).json()["outcomes"][0]
    assert (
        first["status"] == "applied"
        and again["status"] == "duplicate"
        and again["receipt"] == first["receipt"]
    )
    # Skipping ahead is a gap: the receiver names the sequence number it expects.
    headers, body = _batch(keys, "ONCB", "NNCC", [envelope(5)])
    gap = httpx.post(inbox, content=body, headers=headers).json()["outcomes"][0]
    assert (gap["status"], gap["expected_seq"]) == ("gap", 2)
    assert _count(nncc, InboxEntry) == 1
    # Only the authenticated requests' refusals are written (the unauthenticated ones are
    # counted in memory): bad-signature, unknown-signer, wrong-recipient.
    assert _count(nncc, Rejection) == 3
