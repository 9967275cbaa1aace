"""The meeting pages and API as officers use them: a series, a meeting drafted by ONCB's analyst,
sent and approved by ONCB's liaison officer, commented on and approved by NNCC's liaison on
NNCC's own node (over the exchange); bad input refused in the user's language, nothing written."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import func, select

from mekongx.domains.meetings.models import Meeting, MeetingAction, Resolution
from mekongx.federation.keys import NodeKeys


@pytest.fixture
def keyed(world: Any, request: pytest.FixtureRequest) -> Any:
    """A logged-out browser on a node that has its keys (approvals are signed with them)."""
    world.settings.keys_dir.mkdir(parents=True, exist_ok=True)
    NodeKeys.create(world.settings.keys_dir)
    return request.getfixturevalue("browser")


def _count(world: Any, model: Any) -> int:
    with world.db.read() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def _as(browser: Any, username: str) -> None:
    browser.client.cookies.clear()
    browser.login(username.replace("_", "."))


def test_draft_send_comment_approve_in_the_browser(
    world: Any, keyed: Any, token_for: Callable[[str], dict[str, str]]
) -> None:
    browser = keyed
    nncc, lcdc = world.partner("NNCC"), world.partner("LCDC")
    _as(browser, "thai_admin")
    made = browser.post("/meetings/series", {"code": "TH-CN", "name_th": "การประชุมทวิภาคีไทย - จีน",
                                              "name_zh": "中泰双边会议", "name_en": "Thai–Chinese bilateral meeting",
                                              "agencies": ["ONCB", "NNCC"]})  # fmt: skip
    assert made.status_code == 303
    _as(browser, "thai_analyst")  # writes Thai
    page = browser.client.get("/meetings/series/TH-CN")
    assert "การประชุมทวิภาคีไทย - จีน" in page.text and 'lang="zh-Hans"' in page.text
    created = browser.post("/meetings/series/TH-CN/meetings", {
        "number": "20", "host_agency": "NNCC", "counterpart": "NNCC", "place_th": "ฮาร์บิน", "place_zh": "哈尔滨",
        "place_en": "Harbin", "starts_on": "2025-07-30", "ends_on": "2025-07-30"})  # fmt: skip
    assert created.status_code == 303, created.text
    url = created.headers["location"]
    meeting_id = int(url.rsplit("/", 1)[1])
    assert (
        browser.post(
            f"{url}/items", {"title_en": "Intelligence exchange", "summary_en": "Reviewed."}
        ).status_code
        == 303
    )
    page = browser.client.get(url).text
    item_id = int(re.search(r'id="item-(\d+)"', page).group(1))  # type: ignore[union-attr]
    assert (
        browser.post(
            f"{url}/items/{item_id}/resolutions", {"number": "1", "text_en": "Exchange faster."}
        ).status_code
        == 303
    )
    with world.db.read() as session:
        resolution_id = session.scalars(select(Resolution.id)).one()
    early = browser.post(f"{url}/resolutions/{resolution_id}/actions", {
        "owner_agency": "ONCB", "counterpart_agency": "NNCC", "title_en": "Hotline", "deadline": "2025-07-01"})  # fmt: skip
    assert early.status_code == 422
    assert "ก่อนการประชุม" in early.text  # the problem, in Thai
    assert _count(world, MeetingAction) == 0
    assert browser.post(f"{url}/resolutions/{resolution_id}/actions", {
        "owner_agency": "ONCB", "counterpart_agency": "NNCC", "title_en": "Hotline", "deadline": "2026-03-31"}).status_code == 303  # fmt: skip

    _as(browser, "thai_liaison")
    assert browser.post(f"{url}/circulate", {}).status_code == 303
    assert browser.post(f"{url}/approve", {}).status_code == 303
    world.exchange()  # the minutes reach NNCC's node; its liaison answers there
    with world.db.read() as session:
        uid = session.get(Meeting, meeting_id).uid  # type: ignore[union-attr]
    there = f"{url.rsplit('/', 1)[0]}/{nncc.id_of(Meeting, uid)}"
    with nncc.browser("chinese.liaison") as chinese:
        page = chinese.client.get(there)
        assert (
            "对此议题发表意见" in page.text or "发送意见" in page.text
        )  # the comment form, in Chinese
        item_uid = re.search(r'name="item_uid" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
        commented = chinese.post(f"{there}/comments", {"item_uid": item_uid, "body": "同意"})
        assert commented.status_code == 303
        assert chinese.post(f"{there}/approve", {}).status_code == 303
    world.exchange()
    with world.db.read() as session:
        assert session.get(Meeting, meeting_id).minutes_state == "approved"  # type: ignore[union-attr]
    assert "同意" in browser.client.get(url).text

    api = browser.client.get(f"/api/v1/meetings/{meeting_id}", headers=token_for("thai_viewer"))
    assert api.status_code == 200
    body = api.json()
    assert [s["agency"] for s in body["signatures"]] == ["NNCC", "ONCB"]
    oncb = next(s for s in body["signatures"] if s["agency"] == "ONCB")
    assert oncb["valid"] and oncb["current"]
    assert body["items"][0]["resolutions"][0]["actions"][0]["title_en"] == "Hotline"
    _as(browser, "thai_liaison")
    report = browser.client.get(f"{url}/report", params={"lang": "th+zh-Hans"})
    assert report.status_code == 200
    assert "มติข้อ 1" in report.text and "决议第1条" in report.text and "Hotline" in report.text
    assert browser.client.get(f"{url}/report", params={"lang": "fr"}).status_code == 422
    pdf = browser.client.get(f"{url}/report.pdf", params={"lang": "en"})
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert pdf.headers["content-type"] == "application/pdf"
    liaison = token_for("thai_liaison")
    api_pdf = browser.client.get(
        f"/api/v1/meetings/{meeting_id}/report", params={"lang": "th+zh-Hans"}, headers=liaison
    )
    assert api_pdf.status_code == 200 and api_pdf.content.startswith(b"%PDF")
    docx = browser.client.get(
        f"/api/v1/meetings/{meeting_id}/report", params={"format": "docx"}, headers=liaison
    )
    assert docx.status_code == 200 and docx.content.startswith(b"PK")
    page_docx = browser.client.get(f"{url}/report.docx", params={"lang": "zh-Hans"})
    assert page_docx.status_code == 200 and page_docx.content.startswith(b"PK")
    odt = browser.client.get(
        f"/api/v1/meetings/{meeting_id}/report", params={"format": "odt"}, headers=liaison
    )
    assert odt.status_code == 422 and odt.json()["error"]["fields"][0]["field"] == "format"
    _as(browser, "thai_viewer")
    assert browser.client.get(f"{url}/report").status_code == 403  # no export permission
    with lcdc.app() as elsewhere:  # not a party: nothing reached LCDC's node
        lao = lcdc.token("lao_viewer")
        assert elsewhere.get(f"/api/v1/meetings/{meeting_id}", headers=lao).status_code == 404
        timeline = elsewhere.get("/api/v1/meetings/series/TH-CN", headers=lao)
        assert timeline.status_code == 404 or timeline.json()["meetings"] == []


def test_bad_minutes_files_and_api_bodies_are_refused(
    world: Any, keyed: Any, token_for: Callable[[str], dict[str, str]]
) -> None:
    browser = keyed
    admin = token_for("thai_admin")
    made = browser.client.post("/api/v1/meetings/series", headers=admin, json={
        "code": "TH-CN", "name_en": "Bilateral", "agencies": ["ONCB", "NNCC"]})  # fmt: skip
    assert made.status_code == 201, made.text
    _as(browser, "thai_analyst")
    bad = browser.client.post("/meetings/series/TH-CN/import", data={"csrf_token": browser.csrf},
                              files={"file": ("minutes.json", b"{not json", "application/json")})  # fmt: skip
    assert bad.status_code == 422 and "JSON" in bad.text
    minutes = {"number": 19, "host_agency": "ONCB", "counterpart": "NNCC", "place_en": "Bangkok",
               "starts_on": "2024-07-10", "ends_on": "2024-07-10",
               "items": [{"title_en": "Points", "resolutions": [{"number": 1, "text_en": "Exchange",
                          "actions": [{"owner_agency": "ONCB", "title_en": "x", "deadline": "2024-01-01"}]}]}]}  # fmt: skip
    bad = browser.client.post("/meetings/series/TH-CN/import", data={"csrf_token": browser.csrf},
                              files={"file": ("m.json", json.dumps(minutes).encode(), "application/json")})  # fmt: skip
    assert bad.status_code == 422 and "items.0.resolutions.0.actions.0.deadline" in bad.text
    analyst = token_for("thai_analyst")
    api = browser.client.post(
        "/api/v1/meetings", headers=analyst, json={**minutes, "series": "TH-CN"}
    )
    assert api.status_code == 422
    assert api.json()["error"]["fields"][0]["field"] == "items.0.resolutions.0.actions.0.deadline"
    assert _count(world, Meeting) == 0
    minutes["items"][0]["resolutions"][0]["actions"][0]["deadline"] = "2025-06-30"  # type: ignore[index]
    good = browser.client.post("/meetings/series/TH-CN/import", data={"csrf_token": browser.csrf},
                               files={"file": ("m.json", json.dumps(minutes).encode(), "application/json")})  # fmt: skip
    assert good.status_code == 303
    assert _count(world, MeetingAction) == 1
    viewer = token_for("thai_viewer")
    refused = browser.client.post(
        "/api/v1/meetings", headers=viewer, json={**minutes, "series": "TH-CN", "number": 21}
    )
    assert refused.status_code == 403
