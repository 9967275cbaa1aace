"""Asset-tracing and freezing requests of a case (RFIs with a purpose, a legal basis, targets
and files), and asset-sharing agreements applied when an asset is shared."""

from __future__ import annotations

import base64
import datetime as dt
import re
from typing import Any

import pytest
from fastapi.testclient import TestClient

from mekongx.domains.finance import assets, requests, service, sharing
from mekongx.domains.finance.schemas import (
    AssetInput,
    CaseInput,
    SharingAgreementInput,
    TransitionInput,
)
from mekongx.domains.rfi import attachments
from mekongx.domains.rfi.schemas import RfiInput
from mekongx.errors import Forbidden, NotFound, ValidationFailed
from mekongx.validation import parse

PDF = b"%PDF-1.4\n%%EOF\n"
TRACE: dict[str, Any] = {
    "subject": "Trace proceeds of Golden Reed",
    "question": "Where did the money sent to this account go?",
    "language": "en",
    "urgency": "priority",
    "requested": ["NNCC"],
    "purpose": "asset_tracing",
    "legal_basis": "informal",
    "targets": [{"kind": "account", "identifier": "6222-0211-0203-4455", "institution": "ICBC"}],
}


def _case(world: Any) -> int:
    with world.db.write() as session:
        return service.create_case(
            session, world.principal("thai_liaison"), CaseInput(title="Golden Reed", language="th")
        ).id


def _fields(error: pytest.ExceptionInfo[ValidationFailed]) -> set[str]:
    return {f.field for f in error.value.fields}


def test_what_an_asset_request_needs_is_named(world: Any) -> None:
    with pytest.raises(ValidationFailed) as no_basis:
        parse(RfiInput, {**TRACE, "legal_basis": ""})
    assert _fields(no_basis) == {"legal_basis"}
    with pytest.raises(ValidationFailed) as informal_freeze:
        parse(RfiInput, {**TRACE, "purpose": "freezing"})
    assert _fields(informal_freeze) == {"legal_basis"}
    with pytest.raises(ValidationFailed) as no_bank:
        parse(RfiInput, {**TRACE, "purpose": "freezing", "legal_basis": "provisional",
                         "targets": [{"kind": "account", "identifier": "1"}]})  # fmt: skip
    assert _fields(no_bank) == {"targets"} and "1" in str(no_bank.value.fields[0].params)
    with pytest.raises(ValidationFailed) as nothing:
        parse(RfiInput, {**TRACE, "targets": []})
    assert _fields(nothing) == {"targets"}
    # a plain RFI needs none of it
    assert parse(
        RfiInput, {k: v for k, v in TRACE.items() if k not in ("purpose", "legal_basis", "targets")}
    )


def test_a_case_request_must_be_an_asset_request_and_is_linked_to_the_case(world: Any) -> None:
    case_id = _case(world)
    principal = world.principal("thai_liaison")
    plain = {k: v for k, v in TRACE.items() if k not in ("purpose", "legal_basis", "targets")}
    with world.db.write() as session, pytest.raises(ValidationFailed) as refused:
        requests.send(session, principal, case_id, parse(RfiInput, plain))
    assert _fields(refused) == {"purpose"}
    with world.db.write() as session:
        sent = requests.send(session, principal, case_id, parse(RfiInput, TRACE),
                             [attachments.File("../../etc/order.pdf", PDF)])  # fmt: skip
        case = service.read_case_for_view(session, principal, case_id)
        [row] = requests.of_case(session, principal, case)
        assert (row.rfi.id, row.party.agency_code, row.rfi.case_uid) == (sent.id, "NNCC", case.uid)
        [[stored]] = service_files(session, sent.id, principal).values()
        assert stored.filename == "order.pdf" and stored.size == len(PDF)
    # an analyst may not send to a peer; a viewer of another agency cannot see the case at all
    with world.db.write() as session, pytest.raises(Forbidden):
        requests.send(session, world.principal("thai_analyst"), case_id, parse(RfiInput, TRACE))
    lcdc = world.partner("LCDC")  # on its own node, another agency has no such case
    with lcdc.db.write() as session, pytest.raises(NotFound):
        requests.send(session, lcdc.principal("lao_viewer"), case_id, parse(RfiInput, TRACE))


def service_files(session: Any, rfi_id: int, principal: Any) -> dict[str, Any]:
    from mekongx.domains.rfi import threads

    return threads.read_thread(session, principal, rfi_id).files


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("order.exe", b"MZ\x90\x00", "cannot be attached"),
        ("order.pdf", b"<html>not a pdf</html>", "not the kind of file"),
        ("notes.txt", b"\x00\x01\x02binary", "not the kind of file"),
        ("empty.csv", b"", "is empty"),
        ("big.pdf", b"%PDF-" + b"0" * attachments.MAX_BYTES, "larger than 4 MB"),
    ],
)
def test_bad_attachments_are_refused_by_name_and_nothing_is_written(
    world: Any, name: str, content: bytes, problem: str
) -> None:
    case_id = _case(world)
    principal = world.principal("thai_liaison")
    with world.db.write() as session, pytest.raises(ValidationFailed) as refused:
        requests.send(
            session, principal, case_id, parse(RfiInput, TRACE), [attachments.File(name, content)]
        )
    [field] = refused.value.fields
    assert field.field == "attachments" and problem in field.message % field.params
    with world.db.read() as session:
        case = service.read_case_for_view(session, principal, case_id)
        assert requests.of_case(session, principal, case) == []


def test_sharing_follows_the_agreement_in_force(world: Any) -> None:
    case_id = _case(world)
    analyst, admin = world.principal("thai_analyst"), world.principal("thai_admin")
    with world.db.write() as session, pytest.raises(Forbidden):
        sharing.add_agreement(session, analyst, SharingAgreementInput(
            country="CN", partner_percent=50, legal_basis="MoU", signed_on=dt.date(2019, 1, 1)))  # fmt: skip
    with pytest.raises(ValidationFailed):
        parse(SharingAgreementInput, {"country": "XX", "partner_percent": 50, "legal_basis": "x", "signed_on": "2020-01-01"})  # fmt: skip
    with world.db.write() as session:
        sharing.add_agreement(session, admin, SharingAgreementInput(
            country="CN", partner_percent=50, legal_basis="MoU 2019", signed_on=dt.date(2019, 1, 1)))  # fmt: skip
        sharing.add_agreement(session, admin, SharingAgreementInput(
            country="CN", partner_percent=30, legal_basis="Agreement 2024; 1988 Convention art. 5(5)(b)(ii)",
            signed_on=dt.date(2024, 7, 10)))  # fmt: skip
    order = {"authority": "Criminal Court", "order_number": "Kor 9/2568"}

    def forfeited(order_date: dt.date) -> int:
        with world.db.write() as session:
            asset = assets.add_asset(session, analyst, case_id, AssetInput(
                kind="cash", description="Cash at Mae Sai", value=1_000_000, currency="THB",
                valued_on=dt.date(2024, 1, 1)))  # fmt: skip
            assets.transition(session, analyst, asset.id,
                              TransitionInput(to_state="seized", order_date=order_date, **order))  # fmt: skip
            assets.transition(session, analyst, asset.id,
                              TransitionInput(to_state="forfeited", order_date=order_date, **order))  # fmt: skip
            return asset.id

    old, new = forfeited(dt.date(2023, 3, 1)), forfeited(dt.date(2025, 3, 1))
    with world.db.write() as session, pytest.raises(ValidationFailed) as wrong:
        assets.transition(session, analyst, new, TransitionInput(
            to_state="shared", share_country="CN", share_percent=50, order_date=dt.date(2025, 3, 1)))  # fmt: skip
    assert _fields(wrong) == {"share_percent"}
    with world.db.write() as session:
        assets.transition(session, analyst, old, TransitionInput(
            to_state="shared", share_country="CN", order_date=dt.date(2023, 3, 1)))  # fmt: skip
        assets.transition(session, analyst, new, TransitionInput(
            to_state="shared", share_country="CN", order_date=dt.date(2025, 3, 1)))  # fmt: skip
    with world.db.read() as session:
        shares = {
            asset_id: assets.history(session, session.get(assets.FinAsset, asset_id))[-1]
            for asset_id in (old, new)
        }
    assert (shares[old].share_percent, shares[old].share_amount) == (50, 500_000)
    assert (shares[new].share_percent, shares[new].share_amount) == (30, 300_000)
    assert (
        shares[new].agreement_id is not None
        and shares[old].agreement_id != shares[new].agreement_id
    )
    # with no agreement in force (Laos), the share and its basis must be given
    lao = forfeited(dt.date(2025, 3, 1))
    with world.db.write() as session, pytest.raises(ValidationFailed) as bare:
        assets.transition(
            session, analyst, lao, TransitionInput(to_state="shared", share_country="LA")
        )
    assert _fields(bare) == {"share_percent"}


def test_request_pages_and_api_in_the_users_language(
    world: Any, browser: Any, app_client: TestClient, token_for: Any
) -> None:
    case_id = _case(world)
    browser.login("thai.liaison")
    form = browser.client.get(
        f"/finance/{case_id}/requests/new?purpose=freezing&account=099-7-33120-8"
    )
    assert form.status_code == 200 and "099-7-33120-8" in form.text
    bad = browser.client.post(f"/finance/{case_id}/requests", data={
        "csrf_token": browser.csrf, "purpose": "freezing", "legal_basis": "informal", "agency": "NNCC",
        "subject": "", "question": "q", "language": "th", "urgency": "urgent", "handling_code": "H2",
        "t0_kind": "account", "t0_identifier": "099-7-33120-8"})  # fmt: skip
    assert bad.status_code == 422
    assert "จำเป็น" in bad.text  # "required", in the liaison officer's Thai
    assert 'value="099-7-33120-8"' in bad.text  # nothing typed is lost
    sent = browser.client.post(f"/finance/{case_id}/requests", data={
        "csrf_token": browser.csrf, "purpose": "freezing", "legal_basis": "provisional", "agency": "NNCC",
        "subject": "Freeze", "question": "Please freeze", "language": "th", "urgency": "urgent",
        "handling_code": "H2", "t0_kind": "account", "t0_identifier": "099-7-33120-8",
        "t0_institution": "Krungthai Bank"}, files={"attachments": ("order.pdf", PDF, "application/pdf")})  # fmt: skip
    assert sent.status_code == 303, sent.text
    case_page = browser.client.get(f"/finance/{case_id}")
    assert "Freeze" in case_page.text
    rfi_id = int(re.search(r'href="/rfi/(\d+)"', case_page.text).group(1))  # type: ignore[union-attr]
    thread = browser.client.get(f"/rfi/{rfi_id}")
    assert "Krungthai Bank" in thread.text
    link = re.search(r'href="(/rfi/\d+/attachments/[0-9a-f-]+)"', thread.text)
    assert link is not None
    got = browser.client.get(link.group(1))
    assert got.content == PDF and got.headers["content-disposition"].startswith("attachment")

    headers = token_for("thai_liaison")
    api = app_client.post(f"/api/v1/finance/cases/{case_id}/requests", headers=headers, json={
        **TRACE, "attachments": [{"filename": "a.pdf", "content": base64.b64encode(PDF).decode()}]})  # fmt: skip
    assert api.status_code == 201, api.text
    body = api.json()
    assert body["purpose"] == "asset_tracing" and body["targets"][0]["institution"] == "ICBC"
    assert body["messages"][0]["attachments"][0]["filename"] == "a.pdf"
    bad_api = app_client.post(f"/api/v1/finance/cases/{case_id}/requests",
                              headers={**headers, "Accept-Language": "zh"},
                              json={**TRACE, "attachments": [{"filename": "a.pdf", "content": "!!"}]})  # fmt: skip
    assert bad_api.status_code == 422 and "base64" in bad_api.text
    listed = app_client.get(f"/api/v1/finance/cases/{case_id}/requests", headers=headers)
    assert listed.status_code == 200 and len(listed.json()) == 2


def test_an_attachments_read_and_its_audit_row(world: Any) -> None:
    """The attachment is read with the request's visibility inside its query, then the request
    with its audit row (``authz.read_audited``), written at the commit (on PostgreSQL in the
    driver's pipeline, not among these statements); a file not in the request is not found
    and not audited."""
    from sqlalchemy import event, func, select

    from mekongx.audit.log import AuditEvent

    case_id = _case(world)
    principal = world.principal("thai_liaison")
    with world.db.write() as session:
        sent = requests.send(session, principal, case_id, parse(RfiInput, TRACE),
                             [attachments.File("order.pdf", PDF)])  # fmt: skip
        [[stored]] = service_files(session, sent.id, principal).values()
        rfi_uid, file_uid = sent.uid, stored.uid
    with world.db.write() as session:  # the process learns the audit chain's head
        attachments.read(session, principal, sent.id, file_uid)
    seen: list[str] = []
    event.listen(world.db.write_engine, "before_cursor_execute",
                 lambda c, cur, statement, *a: seen.append(statement.split(None, 1)[0].upper()))  # fmt: skip
    with world.db.write() as session:
        assert attachments.read(session, principal, rfi_uid, file_uid, why="check").content == PDF
    sent_statements = [s for s in seen if s not in ("BEGIN", "COMMIT")]
    postgresql = world.db.dialect == "postgresql"
    assert sent_statements == (["SELECT", "SELECT"] if postgresql else ["SELECT", "SELECT", "UPDATE", "INSERT"])  # fmt: skip
    with world.db.read() as session:
        row = session.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(1)).one()
        assert (row.action, row.target_type, row.target_id, row.why) == ("rfi.attachment.read", "rfi", rfi_uid, "check")  # fmt: skip
        assert row.details == (
            f'{{"attachment": "{file_uid}", "file": "order.pdf", "sha256": "{stored.sha256}"}}'
        )
        reads = session.scalar(select(func.count()).where(AuditEvent.action == "rfi.attachment.read"))  # fmt: skip
    with world.db.write() as session, pytest.raises(NotFound):  # not the request's file
        attachments.read(session, principal, sent.id, "no-such-file")
    with world.db.read() as session:
        assert session.scalar(select(func.count()).where(AuditEvent.action == "rfi.attachment.read")) == reads  # fmt: skip
