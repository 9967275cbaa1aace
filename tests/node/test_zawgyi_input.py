"""Burmese typed in Zawgyi reaches the node as Unicode, and the user is told: forms, forms with
files and API bodies (through the middleware every request shares) and uploaded tables (through
the one table reader)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from mekongx.domains.intel.models import IntelReport
from mekongx.http.zawgyi import convert_json, convert_multipart
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


def test_an_api_body_in_zawgyi_is_stored_in_unicode_and_the_answer_names_the_fields(
    world: Any, app_client: Any, token_for: Any
) -> None:
    body = {k: v for k, v in REPORT.items() if k != "action"}
    body.update(info_reliability=2, narrative=f"Seen near {ZAWGYI}.", language="my")
    answer = app_client.post("/api/v1/reports", json=body, headers=token_for("thai_analyst"))
    assert answer.status_code == 201, answer.text
    assert answer.headers["x-mekongx-zawgyi-converted"] == "title, narrative"
    assert answer.json()["title"] == f"Boat {UNICODE}"
    with world.db.read() as session:
        assert session.scalars(select(IntelReport.narrative)).one() == f"Seen near {UNICODE}."
    # Unicode Burmese is left alone, and the answer says nothing
    again = app_client.post(
        "/api/v1/reports",
        json={**body, "title": UNICODE, "narrative": "x"},
        headers=token_for("thai_analyst"),
    )
    assert again.status_code == 201 and "x-mekongx-zawgyi-converted" not in again.headers


def test_a_form_with_files_in_zawgyi_is_stored_in_unicode_with_a_notice(
    world: Any, browser: Any
) -> None:
    browser.login("thai.analyst")
    fields = {"csrf_token": browser.csrf, **REPORT}
    body = b"".join(
        b'--xYzZY\r\nContent-Disposition: form-data; name="%s"\r\n\r\n%s\r\n'
        % (name.encode(), value.encode())
        for name, value in fields.items()
    )
    answer = browser.client.post(
        "/reports/new",
        content=body + b"--xYzZY--\r\n",
        headers={"Content-Type": "multipart/form-data; boundary=xYzZY"},
    )
    assert answer.status_code == 303, answer.text
    assert NOTICE_TH in browser.client.get(answer.headers["location"]).text
    with world.db.read() as session:
        assert session.scalars(select(IntelReport.title)).one() == f"Boat {UNICODE}"


def test_json_bodies_keep_everything_but_the_zawgyi_strings() -> None:
    raw = (
        '{"n": 12.50, "big": 12345678901234567890.123456789, "list": ["a", '
        f'"{ZAWGYI}", {{"deep": "\\u103b\\u1019\\u1014\\u1039\\u1019\\u102c"}}], "ok": true}}'
    ).encode()
    body, paths = convert_json(raw)
    assert paths == ["list[1]", "list[2].deep"]
    assert body.decode() == raw.decode().replace(ZAWGYI, UNICODE).replace(
        "\\u103b\\u1019\\u1014\\u1039\\u1019\\u102c", "\u1019\u103c\u1014\u103a\u1019\u102c"
    )
    assert convert_json(b'{"title": "not json') == (b'{"title": "not json', [])
    assert convert_json(f'{{"t": "{UNICODE}"}}'.encode()) == (f'{{"t": "{UNICODE}"}}'.encode(), [])


def test_multipart_text_fields_are_converted_and_files_are_not() -> None:
    boundary = b"xYzZY"
    parts = [
        (b'Content-Disposition: form-data; name="title"', ZAWGYI.encode()),
        (
            b'Content-Disposition: form-data; name="file"; filename="z.txt"\r\n'
            b"Content-Type: text/plain",
            ZAWGYI.encode(),
        ),
        (b'Content-Disposition: form-data; name="place"', b"Tachileik"),
    ]
    raw = b"".join(b"--" + boundary + b"\r\n" + h + b"\r\n\r\n" + c + b"\r\n" for h, c in parts)
    raw += b"--" + boundary + b"--\r\n"
    body, fields = convert_multipart(raw, b"multipart/form-data; boundary=" + boundary)
    assert fields == ["title"]
    assert body == raw.replace(ZAWGYI.encode(), UNICODE.encode(), 1)
