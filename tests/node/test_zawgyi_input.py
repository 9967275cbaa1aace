"""Burmese typed in Zawgyi reaches the node as Unicode, and the user is told: forms (through
the middleware every page shares) and uploaded tables (through the one table reader)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from mekongx.domains.intel.models import IntelReport
from mekongx.tabular import Limits, open_table

ZAWGYI = "\u103b\u1019\u1014\u1039\u1019\u102c \u1031\u1000\u103a\u102c\u1004\u1039\u1038"
UNICODE = "\u1019\u103c\u1014\u103a\u1019\u102c \u1000\u103b\u1031\u102c\u1004\u103a\u1038"
REPORT = {"title": f"Boat {ZAWGYI}", "narrative": "Seen at the port.", "language": "en",
          "source_reliability": "B", "info_reliability": "2", "handling_code": "H1",
          "distribution": "own", "action": "save"}  # fmt: skip
NOTICE_TH = "ข้อความภาษาพม่าที่พิมพ์ด้วยรหัส Zawgyi ถูกแปลงเป็น Unicode"


def test_a_form_typed_in_zawgyi_is_stored_in_unicode_with_a_notice(
    world: Any, browser: Any
) -> None:
    browser.login("thai.analyst")
    answer = browser.post("/reports/new", REPORT)
    assert answer.status_code == 303
    page = browser.client.get(answer.headers["location"])
    assert NOTICE_TH in page.text and UNICODE in page.text and ZAWGYI not in page.text
    with world.db.read() as session:
        assert session.scalars(select(IntelReport.title)).one() == f"Boat {UNICODE}"
    # shown once
    assert NOTICE_TH not in browser.client.get(answer.headers["location"]).text


def test_a_refused_form_shows_the_converted_text_and_the_notice(world: Any, browser: Any) -> None:
    browser.login("thai.analyst")
    answer = browser.post("/reports/new", {**REPORT, "narrative": ""})
    assert answer.status_code == 422
    assert NOTICE_TH in answer.text and UNICODE in answer.text and ZAWGYI not in answer.text
    assert "mekongx_zawgyi" not in answer.headers.get("set-cookie", "")


def test_a_form_in_unicode_burmese_or_thai_is_untouched(world: Any, browser: Any) -> None:
    browser.login("thai.analyst")
    answer = browser.post("/reports/new", {**REPORT, "title": f"เรือ {UNICODE}"})
    page = browser.client.get(answer.headers["location"])
    assert NOTICE_TH not in page.text
    with world.db.read() as session:
        assert session.scalars(select(IntelReport.title)).one() == f"เรือ {UNICODE}"


def test_an_uploaded_table_in_zawgyi_is_read_in_unicode_and_names_its_rows() -> None:
    data = f"name,place\n{ZAWGYI},Tachileik\nSomchai,Mae Sai\n".encode()
    with open_table(data, "csv", Limits()) as table:
        rows = list(table)
        assert rows == [(2, [UNICODE, "Tachileik"]), (3, ["Somchai", "Mae Sai"])]
        assert table.zawgyi_rows == [2]
