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
    thai, chinese = token_for("thai_liaison"), token_for("chinese_liaison")
    with TestClient(create_app(world.settings, world.db)) as client:
        made = client.post("/api/v1/rfi", json=ASK, headers=thai)
        assert made.status_code == 201, made.text
        body = made.json()
        rfi_id = body["id"]
        assert body["parties"][0]["status"] == "sent" and body["messages"][0]["kind"] == "request"
        inbox = client.get("/api/v1/rfi/inbox", headers=chinese).json()
        assert [r["id"] for r in inbox] == [rfi_id]
        assert client.get("/api/v1/rfi/inbox", headers=thai).json() == []
        ack = client.post(f"/api/v1/rfi/{rfi_id}/acknowledge", json={"note": "收到", "language": "zh"},
                          headers=chinese)  # fmt: skip
        assert ack.status_code == 200 and ack.json()["parties"][0]["status"] == "acknowledged"
        again = client.post(f"/api/v1/rfi/{rfi_id}/acknowledge", json={}, headers=chinese)
        assert again.status_code == 409
        partial = client.post(f"/api/v1/rfi/{rfi_id}/reply",
                              json={"body": "部分答复", "language": "zh", "partial": True}, headers=chinese)  # fmt: skip
        assert partial.json()["parties"][0]["status"] == "partially_answered"
        done = client.post(f"/api/v1/rfi/{rfi_id}/reply", json={"body": "车主：兰卫红", "language": "zh"},
                           headers=chinese)  # fmt: skip
        assert done.json()["parties"][0]["status"] == "answered"
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
        assert (
            client.get(f"/api/v1/rfi/{rfi_id}", headers=token_for("lao_viewer")).status_code == 404
        )


def test_api_bad_input_writes_nothing(world: Any, token_for: Any) -> None:
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
        other = client.post(f"/api/v1/rfi/{rfi_id}/refuse", json={"reason": "x", "language": "en"},
                            headers=token_for("lao_viewer"))  # fmt: skip
        assert other.status_code == 404
        empty = client.post(f"/api/v1/rfi/{rfi_id}/refuse", json={"reason": "", "language": "zh"},
                            headers=token_for("chinese_liaison"))  # fmt: skip
        assert empty.status_code == 422 and empty.json()["error"]["fields"][0]["field"] == "reason"
        assert client.post("/api/v1/rfi/999999/reply", json={"body": "x", "language": "en"},
                           headers=token_for("chinese_liaison")).status_code == 404  # fmt: skip
        assert _count(world, RfiMessage) == 1  # only the request


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

    browser.client.cookies.clear()
    browser.login("chinese.liaison")
    inbox = browser.client.get("/rfi")
    assert ASK["subject"] in inbox.text
    page = browser.client.get(location)
    assert "/acknowledge" in page.text and "/reply" in page.text and "/refuse" in page.text
    assert (
        browser.post(f"{location}/acknowledge", {"note": "收到", "language": "zh"}).status_code
        == 303
    )
    empty = browser.post(f"{location}/reply", {"body": "", "language": "zh"})
    assert empty.status_code == 422 and 'id="err-body"' in empty.text
    assert (
        browser.post(f"{location}/reply", {"body": "车主：兰卫红", "language": "zh"}).status_code
        == 303
    )
    page = browser.client.get(location)
    assert "车主：兰卫红" in page.text and "/reply" not in page.text
    stats = browser.client.get("/rfi/stats")
    assert stats.status_code == 200 and "ONCB" in stats.text


def test_thread_page_shows_both_time_zones(world: Any, browser: Any) -> None:
    sent_at = datetime(2024, 7, 10, 2, 0, tzinfo=UTC)  # urgent: due 2024-07-10T10:00Z
    with world.db.write() as session:
        rfi_id = service.create_rfi(session, world.principal("thai_liaison"),
                                    RfiInput.model_validate(ASK), now=sent_at).id  # fmt: skip
    browser.login("thai.liaison")
    page = browser.client.get(f"/rfi/{rfi_id}").text
    assert "10 ก.ค. 2567 17:00 (UTC+07)" in page  # Bangkok, in Thai for a Thai user
    assert "10 ก.ค. 2567 18:00 (UTC+08)" in page  # Beijing, the counterpart
    browser.client.cookies.clear()
    browser.login("chinese.liaison")
    page = browser.client.get(f"/rfi/{rfi_id}").text
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
