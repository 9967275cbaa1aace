"""Wanted-person notices: the review state machine (every allowed and refused transition, by
role), edits, visibility of drafts, photos checked by their bytes and served through authz."""

from __future__ import annotations

import base64
from typing import Any

import pytest

from mekongx.audit import AuditEvent
from mekongx.domains.fugitives import service
from mekongx.domains.fugitives.models import Notice
from mekongx.domains.fugitives.photos import MAX_PHOTO_BYTES
from mekongx.domains.fugitives.schemas import NoticeInput
from mekongx.errors import Conflict, Forbidden, NotFound, ValidationFailed
from mekongx.validation import parse

NOTICE: dict[str, Any] = {
    "names": [
        {"name": "兰卫红", "kind": "primary"},
        {"name": "Lan Weihong", "kind": "primary"},
        {"name": "Ah Hong", "kind": "alias"},
    ],
    "sex": "M",
    "birth_date": "1978",
    "nationality": "CN",
    "documents": [{"type": "passport", "number": "E12345678", "country": "CN"}],
    "warrant_reference": "ONCB-W-2567/118",
    "warrant_authority": "Criminal Court, Bangkok",
    "warrant_date": "2567-03-01",
    "charges": "Trafficking of methamphetamine (Category 1)",
    "legal_provisions": "Narcotics Code B.E. 2564, s. 145",
    "language": "th",
}
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 64 + b"\xff\xd9"


def draft(world: Any, author: str = "thai_analyst", **fields: Any) -> int:
    world.partner("NNCC")  # peered before anything is published
    with world.db.write() as session:
        data = parse(NoticeInput, {**NOTICE, **fields})
        return service.create_notice(session, world.principal(author), data).id


PARTNERS = {"chinese_liaison": "NNCC", "lao_viewer": "LCDC"}


def move(world: Any, user: str, notice_id: int, action: str, note: str = "") -> str:
    """``user`` acts on their own agency's node: a partner's user after the exchange has
    delivered whatever it would, on the copy of the notice there (found by uid) if any."""
    node, ident = world, notice_id
    if user in PARTNERS:
        node = world.partner(PARTNERS[user])
        world.exchange()
        ident = world.uid_of(Notice, notice_id)
    with node.db.write() as session:
        return service.transition(session, node.principal(user), ident, action, note).status


def status(world: Any, notice_id: int) -> str:
    with world.db.read() as session:
        return service.load(session, world.principal("thai_liaison"), notice_id).status


def test_draft_review_publish_withdraw(world: Any) -> None:
    notice_id = draft(world)
    with world.db.read() as session:
        notice = service.load(session, world.principal("thai_analyst"), notice_id)
        assert notice.birth_date == "1978" and notice.warrant_date == "2024-03-01"  # BE → CE
        assert notice.drafted_by == "thai.analyst" and notice.status == "draft"
    assert move(world, "thai_liaison", notice_id, "review") == "reviewed"
    assert move(world, "thai_liaison", notice_id, "publish") == "published"
    assert move(world, "thai_liaison", notice_id, "withdraw", "arrested") == "withdrawn"
    with world.db.read() as session:
        actions = {
            e.action
            for e in session.query(AuditEvent).filter(AuditEvent.action.like("fugitives.%"))
        }
    assert {"fugitives.notice.create", "fugitives.notice.review", "fugitives.notice.publish",
            "fugitives.notice.withdraw"} <= actions  # fmt: skip


# (state reached first, user, action, expected error or None)
CASES = [
    ("draft", "thai_analyst", "review", Forbidden),  # the drafter cannot review their own draft
    ("draft", "thai_liaison", "review", None),
    ("draft", "thai_viewer", "review", Forbidden),
    ("draft", "thai_admin", "review", Forbidden),
    ("draft", "chinese_liaison", "review", NotFound),  # another agency does not even see it
    ("draft", "thai_liaison", "publish", Conflict),  # not reviewed yet
    ("draft", "thai_liaison", "withdraw", None),
    ("draft", "thai_analyst", "withdraw", Forbidden),
    ("reviewed", "thai_analyst", "publish", Forbidden),  # only a liaison officer publishes
    ("reviewed", "thai_viewer", "publish", Forbidden),
    ("reviewed", "thai_liaison", "publish", None),
    ("reviewed", "thai_liaison", "review", Conflict),
    ("reviewed", "thai_liaison", "withdraw", None),
    ("published", "thai_liaison", "review", Conflict),
    ("published", "thai_liaison", "publish", Conflict),
    ("published", "thai_analyst", "withdraw", Forbidden),
    ("published", "chinese_liaison", "withdraw", NotFound),  # own distribution: not visible
    ("published", "thai_liaison", "withdraw", None),
    ("withdrawn", "thai_liaison", "withdraw", Conflict),
    ("withdrawn", "thai_liaison", "publish", Conflict),
    ("withdrawn", "thai_liaison", "review", Conflict),
]
PATH = {"draft": [], "reviewed": ["review"], "published": ["review", "publish"],
        "withdrawn": ["review", "publish", "withdraw"]}  # fmt: skip


@pytest.mark.parametrize(("state", "user", "action", "error"), CASES)
def test_every_transition_and_role(
    world: Any, state: str, user: str, action: str, error: type[Exception] | None
) -> None:
    notice_id = draft(world)
    for step in PATH[state]:
        move(world, "thai_liaison", notice_id, step, "reason")
    if error is None:
        assert move(world, user, notice_id, action, "reason") != state
    else:
        with pytest.raises(error):
            move(world, user, notice_id, action, "reason")
        assert status(world, notice_id) == state


def test_withdrawal_needs_a_reason(world: Any) -> None:
    notice_id = draft(world)
    with pytest.raises(ValidationFailed) as caught:
        move(world, "thai_liaison", notice_id, "withdraw", "  ")
    assert caught.value.fields[0].field == "reason"


def test_editing_a_reviewed_notice_needs_a_fresh_review_and_published_is_frozen(world: Any) -> None:
    notice_id = draft(world)
    move(world, "thai_liaison", notice_id, "review")
    with world.db.write() as session:
        data = NoticeInput.model_validate({**NOTICE, "charges": "Trafficking and money laundering"})
        notice = service.update_notice(session, world.principal("thai_analyst"), notice_id, data)
        assert notice.status == "draft" and notice.reviewed_by == "" and notice.version == 2
    move(world, "thai_liaison", notice_id, "review")
    move(world, "thai_liaison", notice_id, "publish")
    with world.db.write() as session, pytest.raises(Conflict):
        service.update_notice(
            session, world.principal("thai_analyst"), notice_id, NoticeInput.model_validate(NOTICE)
        )


def test_drafts_of_shared_notices_stay_home_until_published(world: Any) -> None:
    nncc, lcdc = world.partner("NNCC"), world.partner("LCDC")
    notice_id = draft(world, distribution="peers", recipients=["NNCC"])
    uid = world.uid_of(Notice, notice_id)
    chinese = nncc.principal("chinese_liaison")
    move(world, "thai_liaison", notice_id, "review")
    world.exchange()
    with nncc.db.read() as session:
        assert service.list_notices(session, chinese).total == 0
        with pytest.raises(NotFound):
            service.load(session, chinese, uid)
    move(world, "thai_liaison", notice_id, "publish")
    world.exchange()
    with nncc.db.read() as session:
        assert service.list_notices(session, chinese).total == 1
        assert service.load(session, chinese, uid).status == "published"
    with lcdc.db.read() as session:
        assert service.list_notices(session, lcdc.principal("lao_viewer")).total == 0


@pytest.mark.parametrize(
    ("field", "value"),
    [("birth_date", "78"), ("birth_date", "1978-13"), ("nationality", "China"), ("names", []),
     ("warrant_reference", ""), ("sex", "X")],
)  # fmt: skip
def test_bad_notice_fields_are_named(world: Any, browser: Any, field: str, value: Any) -> None:
    with pytest.raises(ValidationFailed) as caught:
        draft(world, **{field: value})
    assert caught.value.fields[0].field.split(".")[0] == field


def test_photo_types_are_checked_by_their_bytes(world: Any) -> None:
    notice_id = draft(world)
    analyst = world.principal("thai_analyst")
    for bad in (b"GIF89a" + b"\x00" * 20, b"<svg xmlns='http://www.w3.org/2000/svg'/>", b"",
                b"\xff\xd8\xff" + b"\x00" * (MAX_PHOTO_BYTES + 1)):  # fmt: skip
        with world.db.write() as session, pytest.raises(ValidationFailed) as caught:
            service.set_photo(session, analyst, notice_id, bad)
        assert caught.value.fields[0].field == "photo"
    for good, media in ((PNG, "image/png"), (JPEG, "image/jpeg")):
        with world.db.write() as session:
            assert service.set_photo(session, analyst, notice_id, good).photo_type == media


def test_photo_served_only_to_those_who_may_read_the_notice(world: Any, app_client: Any) -> None:
    from fastapi.testclient import TestClient

    notice_id = draft(world)
    with world.db.write() as session:
        service.set_photo(session, world.principal("thai_analyst"), notice_id, PNG)
    assert isinstance(app_client, TestClient)

    def get(user: str) -> Any:
        app_client.cookies.clear()
        page = app_client.get("/login")
        import re

        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
        assert token
        app_client.post("/login", data={"csrf_token": token.group(1),
                        "username": user.replace("_", "."), "password": "Test-Passw0rd-2567"})  # fmt: skip
        return app_client.get(f"/fugitives/notices/{notice_id}/photo")

    answer = get("thai_viewer")
    assert answer.status_code == 200 and answer.content == PNG
    assert answer.headers["content-type"] == "image/png"
    assert "no-store" in answer.headers["cache-control"]
    app_client.cookies.clear()
    assert app_client.get(f"/fugitives/notices/{notice_id}/photo").status_code in (303, 401)
    lcdc = world.partner("LCDC")  # another agency's node holds no copy of a draft
    world.exchange()
    with lcdc.browser("lao.viewer") as browser:
        assert browser.client.get(f"/fugitives/notices/{notice_id}/photo").status_code == 404


def test_pages_draft_review_publish(world: Any, browser: Any) -> None:
    browser.login("thai.analyst")
    form = {"name_0": "兰卫红", "kind_0": "primary", "name_1": "หลาน เว่ยหง", "kind_1": "primary",
            "sex": "M", "birth_date": "1978", "nationality": "CN", "doc_type_0": "passport",
            "doc_number_0": "E12345678", "doc_country_0": "CN", "warrant_reference": "W-1",
            "warrant_authority": "Court", "charges": "Trafficking", "language": "th",
            "handling_code": "H0", "distribution": "own"}  # fmt: skip
    bad = browser.post("/fugitives/new", {**form, "birth_date": "next year"})
    assert bad.status_code == 422 and "birth_date" in bad.text
    made = browser.post("/fugitives/new", form)
    assert made.status_code in (200, 303)
    with world.db.read() as session:
        notice = service.list_notices(session, world.principal("thai_analyst")).items[0]
        assert [n["name"] for n in service.names_of(notice)] == ["兰卫红", "หลาน เว่ยหง"]
        notice_id = notice.id
    page = browser.client.get(f"/fugitives/notices/{notice_id}")
    assert page.status_code == 200 and "兰卫红" in page.text
    assert f"/fugitives/notices/{notice_id}/review" not in page.text  # not for the drafter
    edit = browser.client.get(f"/fugitives/notices/{notice_id}/edit")
    assert edit.status_code == 200 and "หลาน เว่ยหง" in edit.text and "E12345678" in edit.text
    changed = browser.post(f"/fugitives/notices/{notice_id}/edit",
                           {**form, "charges": "Trafficking, laundering", "expected_version": 1})  # fmt: skip
    assert changed.status_code == 303
    stale = browser.post(f"/fugitives/notices/{notice_id}/edit", {**form, "expected_version": 1})
    assert stale.status_code == 409
    photo = browser.client.post(f"/fugitives/notices/{notice_id}/photo",
                                data={"csrf_token": browser.csrf},
                                files={"photo": ("x.png", b"GIF89a....", "image/png")})  # fmt: skip
    assert photo.status_code == 422
    photo = browser.client.post(f"/fugitives/notices/{notice_id}/photo",
                                data={"csrf_token": browser.csrf},
                                files={"photo": ("x.png", PNG, "image/png")})  # fmt: skip
    assert photo.status_code == 303
    browser.client.cookies.clear()
    browser.login("thai.liaison")
    assert browser.post(f"/fugitives/notices/{notice_id}/review", {}).status_code in (200, 303)
    assert browser.post(f"/fugitives/notices/{notice_id}/publish", {}).status_code in (200, 303)
    assert status(world, notice_id) == "published"
    shown = browser.client.get(f"/fugitives/notices/{notice_id}")
    assert "2521" in shown.text  # born 1978: the Buddhist Era for a Thai reader
    listing = browser.client.get("/fugitives")
    assert listing.status_code == 200 and "兰卫红" in listing.text
    # the other names beside the first (read as plain rows of the list's columns)
    assert f'{notice_id}">兰卫红</a></td><td>หลาน เว่ยหง</td><td>W-1</td>' in listing.text
