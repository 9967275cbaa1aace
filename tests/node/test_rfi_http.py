"""RFIs through the REST API and the web pages: ask, acknowledge, reply, refuse; the clock in
both time zones; agreements; bad input gets a clear 4xx and writes nothing."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import func, select

from mekongx.app import create_app
from mekongx.domains.rfi import service
from mekongx.domains.rfi.models import Rfi, RfiMessage
from mekongx.domains.rfi.schemas import RfiInput

ASK = {"subject": "Owner of pickup กข 1234", "question": "ขอทราบชื่อเจ้าของรถ", "language": "th",
       "urgency": "urgent", "requested": ["NNCC"]}  # fmt: skip


def _count(world: Any, model: Any) -> int:
    with world.db.read() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_api_round_trip(world: Any, token_for: Any) -> None:
    """ONCB asks NNCC; NNCC's liaison answers on NNCC's node; the answer reaches ONCB over the
    exchange. LCDC, not asked, never holds the request."""
    nncc, lcdc = world.partner("NNCC"), world.partner("LCDC")
    thai, chinese = token_for("thai_liaison"), nncc.token("chinese_liaison")
    with world.app() as client, nncc.app() as there:
        made = client.post("/api/v1/rfi", json=ASK, headers=thai)
        assert made.status_code == 201, made.text
        body = made.json()
        rfi_id = body["id"]
        assert body["parties"][0]["status"] == "sent" and body["messages"][0]["kind"] == "request"
        world.exchange()
        copy = nncc.id_of(Rfi, world.uid_of(Rfi, rfi_id))
        inbox = there.get("/api/v1/rfi/inbox", headers=chinese).json()
        assert [r["id"] for r in inbox] == [copy]
        assert client.get("/api/v1/rfi/inbox", headers=thai).json() == []
        ack = there.post(f"/api/v1/rfi/{copy}/acknowledge", json={"note": "收到", "language": "zh"},
                         headers=chinese)  # fmt: skip
        assert ack.status_code == 200 and ack.json()["parties"][0]["status"] == "acknowledged"
        again = there.post(f"/api/v1/rfi/{copy}/acknowledge", json={}, headers=chinese)
        assert again.status_code == 409
        partial = there.post(f"/api/v1/rfi/{copy}/reply",
                             json={"body": "部分答复", "language": "zh", "partial": True}, headers=chinese)  # fmt: skip
        assert partial.json()["parties"][0]["status"] == "partially_answered"
        done = there.post(f"/api/v1/rfi/{copy}/reply", json={"body": "车主：兰卫红", "language": "zh"},
                          headers=chinese)  # fmt: skip
        assert done.json()["parties"][0]["status"] == "answered"
        world.exchange()
        thread = client.get(f"/api/v1/rfi/{rfi_id}", headers=thai).json()
        assert [m["kind"] for m in thread["messages"]] == [
            "request",
            "acknowledgement",
            "partial_reply",
            "reply",
        ]
        [row] = client.get("/api/v1/rfi/outbox", headers=thai).json()
        assert row["status"] == "answered" and row["agency"] == "NNCC"
        [stats] = client.get("/api/v1/rfi/stats", headers=thai).json()
        assert stats["answered"] == 1 and stats["answered_in_time"] == 1
    assert _count(lcdc, Rfi) == 0
    with lcdc.app() as elsewhere:
        headers = lcdc.token("lao_viewer")
        assert elsewhere.get(f"/api/v1/rfi/{copy}", headers=headers).status_code == 404
        assert elsewhere.get(f"/api/v1/rfi/{rfi_id}", headers=headers).status_code == 404


def test_api_bad_input_writes_nothing(world: Any, token_for: Any) -> None:
    nncc, lcdc = world.partner("NNCC"), world.partner("LCDC")
    thai = token_for("thai_liaison")
    with TestClient(create_app(world.settings, world.db)) as client:
        missing = client.post("/api/v1/rfi", json={"subject": "x"}, headers=thai)
        assert missing.status_code == 422
        named = {f["field"] for f in missing.json()["error"]["fields"]}
        assert {"question", "language", "urgency"} <= named
        nobody = client.post("/api/v1/rfi", json={**ASK, "requested": []}, headers=thai)
        assert nobody.status_code == 422
        assert nobody.json()["error"]["fields"][0]["field"] == "requested"
        unknown = client.post("/api/v1/rfi", json={**ASK, "requested": ["XYZ"]}, headers=thai)
        assert unknown.status_code == 422
        assert "XYZ" in unknown.json()["error"]["fields"][0]["message"]
        tier = client.post("/api/v1/rfi", json={**ASK, "urgency": "yesterday"}, headers=thai)
        assert tier.status_code == 422
        viewer = client.post("/api/v1/rfi", json=ASK, headers=token_for("thai_viewer"))
        assert viewer.status_code == 403
        assert _count(world, Rfi) == 0
        rfi_id = client.post("/api/v1/rfi", json=ASK, headers=thai).json()["id"]
        # replying to a thread your agency is not asked in
        own = client.post(
            f"/api/v1/rfi/{rfi_id}/reply", json={"body": "x", "language": "en"}, headers=thai
        )
        assert own.status_code == 403 and own.json()["error"]["message"]
        assert _count(world, RfiMessage) == 1  # only the request
    world.exchange()
    copy = nncc.id_of(Rfi, world.uid_of(Rfi, rfi_id))
    with lcdc.app() as elsewhere:  # not asked: nothing to refuse
        other = elsewhere.post(f"/api/v1/rfi/{copy}/refuse", json={"reason": "x", "language": "en"},
                               headers=lcdc.token("lao_liaison"))  # fmt: skip
        assert other.status_code == 404
    with nncc.app() as there:
        chinese = nncc.token("chinese_liaison")
        empty = there.post(f"/api/v1/rfi/{copy}/refuse", json={"reason": "", "language": "zh"},
                           headers=chinese)  # fmt: skip
        assert empty.status_code == 422 and empty.json()["error"]["fields"][0]["field"] == "reason"
        assert there.post("/api/v1/rfi/999999/reply", json={"body": "x", "language": "en"},
                          headers=chinese).status_code == 404  # fmt: skip
    assert _count(nncc, RfiMessage) == 1  # the request only
    assert world.exchange() == 0


def test_api_agreements(world: Any, token_for: Any) -> None:
    with TestClient(create_app(world.settings, world.db)) as client:
        body = {"agency": "NNCC", "urgency": "urgent", "hours": 12, "reminder_percent": 50}
        ok = client.put("/api/v1/rfi/agreements", json=body, headers=token_for("thai_admin"))
        assert ok.status_code == 200 and ok.json()["hours"] == 12
        assert client.put("/api/v1/rfi/agreements", json=body,
                          headers=token_for("thai_liaison")).status_code == 403  # fmt: skip
        bad = client.put("/api/v1/rfi/agreements", json={**body, "hours": 0},
                         headers=token_for("thai_admin"))  # fmt: skip
        assert bad.status_code == 422 and bad.json()["error"]["fields"][0]["field"] == "hours"
        listed = client.get("/api/v1/rfi/agreements", headers=token_for("thai_liaison")).json()
        assert [(a["agency_code"], a["hours"]) for a in listed] == [("NNCC", 12)]


def test_pages_ask_acknowledge_reply(world: Any, browser: Any) -> None:
    nncc = world.partner("NNCC")
    browser.login("thai.liaison")
    form = browser.client.get("/rfi/new")
    assert form.status_code == 200 and 'name="requested"' in form.text
    bad = browser.post(
        "/rfi/new", {"subject": "", "question": "q", "language": "th", "urgency": "urgent"}
    )
    assert (
        bad.status_code == 422
        and 'id="err-requested"' in bad.text
        and 'id="err-subject"' in bad.text
    )
    assert _count(world, Rfi) == 0
    made = browser.post("/rfi/new", {**{k: v for k, v in ASK.items() if k != "requested"},
                                     "requested": ["NNCC"]})  # fmt: skip
    assert made.status_code == 303
    location = made.headers["location"]
    page = browser.client.get(location)
    assert ASK["subject"] in page.text and "(UTC+07)" in page.text and "(UTC+08)" in page.text
    assert "/acknowledge" not in page.text  # the requester does not answer its own request
    sent = browser.client.get("/rfi/sent")
    assert ASK["subject"] in sent.text

    world.exchange()
    rfi_id = int(location.rstrip("/").rsplit("/", 1)[1])
    there = f"/rfi/{nncc.id_of(Rfi, world.uid_of(Rfi, rfi_id))}"
    with nncc.browser("chinese.liaison") as chinese:  # NNCC's liaison, on NNCC's node
        inbox = chinese.client.get("/rfi")
        assert ASK["subject"] in inbox.text
        page = chinese.client.get(there)
        assert "/acknowledge" in page.text and "/reply" in page.text and "/refuse" in page.text
        assert (
            chinese.post(f"{there}/acknowledge", {"note": "收到", "language": "zh"}).status_code
            == 303
        )
        empty = chinese.post(f"{there}/reply", {"body": "", "language": "zh"})
        assert empty.status_code == 422 and 'id="err-body"' in empty.text
        answered = chinese.post(f"{there}/reply", {"body": "车主：兰卫红", "language": "zh"})
        assert answered.status_code == 303
        page = chinese.client.get(there)
        assert "车主：兰卫红" in page.text and "/reply" not in page.text
    world.exchange()
    page = browser.client.get(location)
    assert "车主：兰卫红" in page.text
    stats = browser.client.get("/rfi/stats")
    assert stats.status_code == 200 and "NNCC" in stats.text


def test_thread_page_shows_both_time_zones(world: Any, browser: Any) -> None:
    nncc = world.partner("NNCC")
    sent_at = datetime(2024, 7, 10, 2, 0, tzinfo=UTC)  # urgent: due 2024-07-10T10:00Z
    with world.db.write() as session:
        rfi_id = service.create_rfi(session, world.principal("thai_liaison"),
                                    RfiInput.model_validate(ASK), now=sent_at).id  # fmt: skip
    browser.login("thai.liaison")
    page = browser.client.get(f"/rfi/{rfi_id}").text
    assert "10 ก.ค. 2567 17:00 (UTC+07)" in page  # Bangkok, in Thai for a Thai user
    assert "10 ก.ค. 2567 18:00 (UTC+08)" in page  # Beijing, the counterpart
    world.exchange()
    with nncc.browser("chinese.liaison") as chinese:  # the copy on NNCC's node
        page = chinese.client.get(f"/rfi/{nncc.id_of(Rfi, world.uid_of(Rfi, rfi_id))}").text
    assert "2024年7月10日 17:00 (UTC+07)" in page and "2024年7月10日 18:00 (UTC+08)" in page


def test_agreement_pages(world: Any, browser: Any) -> None:
    browser.login("thai.admin")
    assert browser.client.get("/rfi/agreements").status_code == 200
    bad = browser.post("/rfi/agreements", {"agency": "NNCC", "urgency": "urgent", "hours": "x"})
    assert bad.status_code == 422 and 'id="err-hours"' in bad.text
    ok = browser.post("/rfi/agreements", {"agency": "NNCC", "urgency": "urgent", "hours": "6",
                                          "reminder_percent": "80"})  # fmt: skip
    assert ok.status_code == 303
    assert "80" in browser.client.get("/rfi/agreements").text
    browser.client.cookies.clear()
    browser.login("thai.liaison")
    assert browser.client.get("/rfi/agreements").status_code == 403
