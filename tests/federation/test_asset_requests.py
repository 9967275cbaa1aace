"""Two real nodes: ONCB's investigator asks NNCC to trace the assets of a financial case, with a
file; NNCC sees the purpose, the accounts and the file, answers with a spreadsheet, and the answer
and its file reach ONCB byte for byte, on the case's page."""

from __future__ import annotations

import hashlib
import io
from typing import Any

from openpyxl import Workbook
from sqlalchemy import select

from mekongx.domains.finance import requests as finance_requests
from mekongx.domains.finance import service as finance
from mekongx.domains.finance.schemas import CaseInput
from mekongx.domains.rfi import attachments, service, threads
from mekongx.domains.rfi.models import Rfi, RfiAttachment, RfiParty
from mekongx.domains.rfi.schemas import ReplyInput, RfiInput

PDF = b"%PDF-1.4\n% court order 123/2567\n%%EOF\n"
ASK = {
    "subject": "ติดตามทรัพย์สิน / 资产追查: Golden Reed",
    "question": "Proceeds left account 099-7-33120-8 for an account in Kunming; please trace it.",
    "language": "en",
    "urgency": "priority",
    "requested": ["NNCC"],
    "handling_code": "H2",
    "purpose": "asset_tracing",
    "legal_basis": "informal",
    "targets": [
        {"kind": "account", "identifier": "6222 0211 0203 4455", "name": "李明",
         "institution": "ICBC Kunming", "country": "CN", "amount": 1250000, "currency": "THB"},
    ],
}  # fmt: skip


def _xlsx() -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["account", "balance", "frozen"])
    sheet.append(["6222 0211 0203 4455", 318_400.0, "no"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _thread(node: Any, uid: str) -> dict[str, Any] | None:
    db = node.database()
    try:
        with db.read() as session:
            rfi = session.scalar(select(Rfi).where(Rfi.uid == uid))
            if rfi is None:
                return None
            party = session.get(RfiParty, (rfi.id, "NNCC"))
            files = session.scalars(
                select(RfiAttachment).where(RfiAttachment.rfi_id == rfi.id).order_by(RfiAttachment.id)
            )  # fmt: skip
            return {
                "id": rfi.id,
                "purpose": rfi.purpose,
                "legal_basis": rfi.legal_basis,
                "targets": rfi.targets,
                "case_uid": rfi.case_uid,
                "status": party.status if party else None,
                "files": [(f.uid, f.filename, f.sha256, hashlib.sha256(f.content).hexdigest()) for f in files],
            }  # fmt: skip
    finally:
        db.dispose()


def test_asset_tracing_request_with_files_both_ways(make_nodes: Any, waiter: Any) -> None:
    oncb, nncc = make_nodes("ONCB", "NNCC")
    oncb.start()
    nncc.start()
    asker, asked = oncb.database(), nncc.database()
    principal = oncb.principal()
    with asker.write() as session:
        case = finance.create_case(
            session, principal, CaseInput(title="Golden Reed", language="en")
        )
        case_uid = case.uid
        sent = finance_requests.send(
            session, principal, case.id, RfiInput.model_validate(ASK),
            [attachments.File("order 123-2567.pdf", PDF)],
        )  # fmt: skip
        uid = sent.uid
    waiter(lambda: _thread(nncc, uid) is not None, what="the request at NNCC")
    copy = _thread(nncc, uid)
    assert copy is not None
    assert (copy["purpose"], copy["legal_basis"]) == ("asset_tracing", "informal")
    assert "ICBC Kunming" in copy["targets"] and "李明" in copy["targets"]
    assert copy["case_uid"] == ""  # the requester's case never leaves its node
    [(file_uid, name, digest, actual)] = copy["files"]
    assert name == "order 123-2567.pdf" and digest == actual == hashlib.sha256(PDF).hexdigest()

    answer = _xlsx()
    with asked.write() as session:
        service.reply(
            session, nncc.principal(), copy["id"],
            ReplyInput(body="账户余额 318,400; 未冻结。", language="zh"),
            files=[attachments.File("余额.xlsx", answer)],
        )  # fmt: skip
    waiter(lambda: (s := _thread(oncb, uid)) is not None and s["status"] == "answered",
           what="the answer at ONCB")  # fmt: skip
    original = _thread(oncb, uid)
    assert original is not None and original["case_uid"] == case_uid
    assert [f[1] for f in original["files"]] == ["order 123-2567.pdf", "余额.xlsx"]
    assert original["files"][1][2] == original["files"][1][3] == hashlib.sha256(answer).hexdigest()
    assert original["files"][0][0] == file_uid  # the same file under the same uid on both nodes

    with asker.write() as session:
        rows = finance_requests.of_case(
            session, principal, finance.read_case_for_view(session, principal, case_uid)
        )
        assert [(r.party.agency_code, r.party.status) for r in rows] == [("NNCC", "answered")]
        thread = threads.read_thread(session, principal, original["id"])
        reply = next(m for m in thread.messages if m.kind == "reply")
        [got] = thread.files[reply.uid]
        assert attachments.read(session, principal, original["id"], got.uid).content == answer
    asker.dispose()
    asked.dispose()
