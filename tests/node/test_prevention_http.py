"""The prevention pages and API as programme managers use them: a programme recorded in the
browser with its counts and an activity, the dashboard of both countries with its charts and
workbook; bad input refused in the user's language with the field named, nothing written."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import openpyxl
from sqlalchemy import func, select

from mekongx.domains.prevention import demo, service
from mekongx.domains.prevention.models import Activity, Programme, Reach
from mekongx.domains.prevention.schemas import UnitInput


def _count(world: Any, model: Any) -> int:
    with world.db.read() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_record_a_programme_in_the_browser_and_see_the_dashboard(world: Any, browser: Any) -> None:
    nncc = world.partner("NNCC")
    with nncc.db.write() as session:
        demo.seed_demo_prevention(session, "NNCC", {"liaison": nncc.principal("chinese_liaison")})
    world.exchange()
    received = (_count(world, Activity), _count(world, Reach))  # the Chinese programme's
    browser.login("thai.liaison")  # writes Thai
    made = browser.post("/prevention", {
        "code": "DARE-TH", "name_en": "D.A.R.E. Thailand", "owner": "Royal Thai Police", "country": "TH",
        "target_group": "children", "age_from": "10", "age_to": "12", "method": "police_instruction",
        "year_basis": "academic", "sources": "https://pattayamail.com/?p=40886", "language": "th",
        "handling_code": "H0", "distribution": "group", "sharing_group": "SAFE-MEKONG"})  # fmt: skip
    assert made.status_code == 303, made.text
    url = made.headers["location"]
    reach = browser.post(
        f"{url}/reach", {"year": "2014", "total-instructors": "6198", "source": "S97"}
    )
    assert reach.status_code == 303, reach.text
    # counts by age band and sex that do not add up: refused in Thai, nothing written
    bad = browser.post(f"{url}/reach", {"year": "2024", "total-participants": "40", "participants-6-11-f": "30",
                                        "participants-6-11-m": "20", "source": "register"})  # fmt: skip
    assert bad.status_code == 422 and "ไม่เท่ากับ" in bad.text
    named = browser.post(f"{url}/activities", {"kind": "lesson", "title": "บทเรียนที่ 1", "starts_on": "2024-06-03",
                                               "ends_on": "2024-06-03", "notes": "ด.ญ. มาลี ขาดเรียน"})  # fmt: skip
    assert named.status_code == 422 and "activities.notes" in named.text
    backwards = browser.post(f"{url}/activities", {"kind": "camp", "title": "ค่าย", "starts_on": "2024-06-03",
                                                   "ends_on": "2024-06-01"})  # fmt: skip
    assert backwards.status_code == 422
    assert (_count(world, Activity), _count(world, Reach)) == (received[0], received[1] + 1)
    page = browser.client.get(url)
    assert page.status_code == 200 and "6,198" in page.text and "pattayamail.com" in page.text
    board = browser.client.get("/prevention/dashboard")
    assert board.status_code == 200
    assert "QINGJIAO" in board.text and "DARE-TH" in board.text and "<svg" in board.text
    workbook = browser.client.get("/prevention/dashboard.xlsx")
    assert workbook.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(workbook.content), read_only=True)
    cells = {
        str(c)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for c in row
    }
    assert {"QINGJIAO", "DARE-TH"} <= cells
    assert world.exchange() >= 1  # the group gets the programme
    with nncc.db.read() as session:
        assert session.scalar(select(Programme.received).where(Programme.code == "DARE-TH")) is True


def test_api_and_pages_in_three_languages(
    world: Any, token_for: Callable[[str], dict[str, str]]
) -> None:
    with world.db.write() as session:
        demo.seed_demo_prevention(session, "ONCB", {"liaison": world.principal("thai_liaison")})
    client = world.app()
    headers = token_for("thai_analyst")
    listed = client.get("/api/v1/prevention/programmes?country=TH", headers=headers)
    assert listed.status_code == 200 and {p["code"] for p in listed.json()["items"]} == {
        "TBN1",
        "WHITE-SCHOOL",
        "DARE-TH",
    }
    tbn1 = next(p for p in listed.json()["items"] if p["code"] == "TBN1")
    detail = client.get(f"/api/v1/prevention/programmes/{tbn1['id']}", headers=headers).json()
    assert {(r["year"], r["measure"], r["count"]) for r in detail["reach"]} >= {
        (2003, "members", 660_000),
        (2014, "members", 170_000),
    }
    more = client.put(f"/api/v1/prevention/programmes/{tbn1['id']}/outcomes", headers=headers,
                      json={"indicator": "membership", "year": 2024, "numerator": 120, "denominator": 100, "source": "s"})  # fmt: skip
    assert more.status_code == 422 and more.json()["error"]["fields"]
    assert "120" in more.json()["error"]["fields"][0]["message"]
    board = client.get(
        "/api/v1/prevention/dashboard?country=TH&year_from=2003&year_to=2014", headers=headers
    ).json()
    assert {r["year"] for r in board["reach"]} == {2003, 2012, 2014}
    nncc = world.partner("NNCC")
    with world.db.write() as session:  # once NNCC is a peer, a new version goes to the group
        service.add_unit(
            session,
            world.principal("thai_liaison"),
            tbn1["id"],
            UnitInput(kind="club", name="Club"),
        )
    world.exchange()
    for node, user, word in ((world, "thai.analyst", "การป้องกัน"), (world, "thai.viewer", "Prevention"),
                             (nncc, "chinese.analyst", "预防")):  # fmt: skip
        with node.browser(user) as b:
            ident = node.id_of(Programme, tbn1["uid"])
            for path in ("/prevention", f"/prevention/{ident}", "/prevention/dashboard"):
                page = b.client.get(path)
                assert page.status_code == 200 and word in page.text and "TBN1" in page.text, (
                    user,
                    path,
                )
