"""Screening declarations on the node: good and bad files through the UI and the API, filters,
CSV export, skipped rows, the run record and its audit row."""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import select

from mekongx.audit import AuditEvent
from mekongx.domains.precursors.models import ScreeningRun

HEADER = (
    "declaration_id,line_no,date,hs_code,description,cas,quantity,unit,consignor,"
    "consignor_country,consignee,consignee_country,port_of_loading,port_of_discharge,"
    "final_destination"
)
ROWS = [
    "TH-001,1,2026-03-01,2915.24,Acetic anhydride 99%,108-24-7,500,kg,Jiangsu Chem Co,CN,"
    "Siam Trading,TH,Nanjing,Laem Chabang,Bangkok",
    "TH-001,2,2026-03-01,3208.10,Paint thinner for furniture,,200,kg,Jiangsu Chem Co,CN,"
    "Siam Paints,TH,Nanjing,Laem Chabang,Bangkok",
    "TH-002,1,2026-03-02,2926.40,APAAN,4468-48-8,1000,kg,Guangdong Fine,CN,"
    "Mekong Freight Forwarding,LA,Guangzhou,Laem Chabang,Huay Xai",
    "TH-003,1,2026-03-02,2933.39,醋酸酐,,50,kg,云南化工,CN,Bokeo Import,LA,Kunming,Boten,Bokeo",
    "TH-004,1,2026-03-03,2924.29,acetoacetanilide pigment intermediate,102-01-2,2000,kg,"
    "Zhejiang Pigments,CN,Thai Color Ltd,TH,Ningbo,Laem Chabang,Samut Prakan",
]
BAD_ROW = "TH-005,1,2026-03-03,2916.34,phenylacetic acid,103-82-2,abc,kg,X,CN,Y,TH,A,B,C"
GOOD = ("\n".join([HEADER, *ROWS]) + "\n").encode()
WITH_BAD = ("\n".join([HEADER, *ROWS, BAD_ROW]) + "\n").encode()


def _xlsx(rows: list[str]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    for line in [HEADER, *rows]:
        sheet.append(next(csv.reader([line])))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _upload(browser: Any, name: str, content: bytes, **extra: str) -> Any:
    return browser.client.post(
        "/precursors/screen",
        data={"csrf_token": browser.csrf, **extra},
        files={"file": (name, content, "application/octet-stream")},
    )


def test_good_csv_through_the_ui(browser: Any, world: Any) -> None:
    browser.login("thai.analyst")  # Thai
    answer = _upload(browser, "declarations.csv", WITH_BAD)
    assert answer.status_code == 303, answer.text
    page = browser.client.get(answer.headers["location"])
    assert page.status_code == 200
    assert "Acetic anhydride" in page.text and "APAAN" in page.text
    assert "TH-004" not in page.text  # the look-alike pigment intermediate is not a hit
    assert "อยู่ในบัญชี I ของอนุสัญญา" in page.text  # the engine's Thai reason
    # the row with a quantity of "abc" is screened on its other fields; the field is named in Thai
    assert "แถว 7" in page.text and "quantity" in page.text and 'id="field-issues"' in page.text
    assert "TH-005" in page.text  # its phenylacetic acid is still found
    # names inside the reasons in Thai too (the route reason names the column in Thai), the
    # substance's Thai name first, and the score's scale stated on the page
    assert "ปลายทางสุดท้าย" in page.text and "final_destination" not in page.text
    assert "อาเซติค แอนไฮไดรด์ (Acetic anhydride)" in page.text and 'id="score-scale"' in page.text
    with world.db.read() as session:
        run = session.scalars(select(ScreeningRun)).one()
        assert (run.file_name, run.lines_read, run.skipped, run.username) == (
            "declarations.csv",
            6,
            0,
            "thai.analyst",
        )
        assert run.hits == 4 and run.lines_hit == 4
        audit = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "precursors.screen")
        ).one()
        assert '"file": "declarations.csv"' in audit.details and '"hits": 4' in audit.details


def test_filters_and_csv_export(browser: Any) -> None:
    browser.login("thai.liaison")
    location = _upload(browser, "d.xlsx", _xlsx(ROWS)).headers["location"]
    table_two = browser.client.get(f"{location}?table=II")
    assert "APAAN" not in table_two.text
    by_cas = browser.client.get(f"{location}?kind=cas")
    assert "APAAN" in by_cas.text and "TH-003" not in by_cas.text
    high = browser.client.get(f"{location}?min_score=1000")
    assert "TH-002" not in high.text
    export = browser.client.get(f"{location}/export.csv?kind=name")
    assert export.status_code == 200 and export.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(export.text.lstrip("\ufeff"))))
    assert rows[0][:4] == ["declaration_id", "line_no", "row", "substance"]
    assert {r[0] for r in rows[1:]} == {"TH-001", "TH-003"}
    assert all("ชื่อ" in r[-1] or "บัญชี" in r[-1] for r in rows[1:])  # reasons in Thai
    assert "/export.csv?" in browser.client.get(location).text
    browser.client.cookies.clear()
    browser.login("thai.viewer")  # reads the run; the export (403 for a viewer) is not offered
    seen = browser.client.get(location)
    assert seen.status_code == 200 and "TH-001" in seen.text and "/export.csv?" not in seen.text


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("notes.txt", GOOD, "Only .csv and .xlsx"),
        ("empty.csv", b"", "The file is empty"),
        ("fake.xlsx", GOOD, "not an Excel"),
        ("latin1.csv", "déclaration;ligne\n".encode("latin-1"), "UTF-8"),
        ("nul.csv", b"a,b\x00\n", "UTF-8"),
        ("big.csv", b"x" * (5 * 1024 * 1024 + 1), "larger than 5 MB"),
        ("huge.csv", b"x" * (6 * 1024 * 1024), "larger than 5 MB"),  # refused before parsing
        ("noheader.csv", b"foo,bar\n1,2\n", "declaration_id"),
    ],
)
def test_bad_files_through_the_ui(browser: Any, name: str, content: bytes, expected: str) -> None:
    browser.login("thai.liaison")
    browser.client.post("/lang", data={"csrf_token": browser.csrf, "lang": "en", "next": "/"})
    answer = _upload(browser, name, content)
    assert answer.status_code == 422, answer.text[:500]
    assert expected in answer.text
    assert "mekongx-screen-" not in answer.text  # no server path leaks


def test_strict_mode_names_row_and_column(browser: Any, world: Any) -> None:
    browser.login("thai.liaison")
    browser.client.post("/lang", data={"csrf_token": browser.csrf, "lang": "zh", "next": "/"})
    answer = _upload(browser, "d.csv", WITH_BAD, strict="on")
    assert answer.status_code == 422
    assert "第 7 行" in answer.text and "quantity" in answer.text
    with world.db.read() as session:
        assert session.scalars(select(ScreeningRun)).first() is None  # nothing half-written


def test_viewers_cannot_screen(browser: Any) -> None:
    browser.login("thai.viewer")
    assert _upload(browser, "d.csv", GOOD).status_code == 403


def test_screening_through_the_api(world: Any, app_client: Any, token_for: Any) -> None:
    headers = token_for("thai_liaison")
    answer = app_client.post(
        "/api/v1/precursors/screen",
        files={"file": ("d.csv", WITH_BAD, "text/csv")},
        headers=headers,
    )
    assert answer.status_code == 201, answer.text
    body = answer.json()
    assert body["lines_read"] == 6 and body["skipped"] == 0
    assert {r["substance_id"] for r in body["results"]} == {
        "acetic_anhydride",
        "apaan",
        "phenylacetic_acid",
    }
    assert body["issues"][0]["row"] == 7 and body["issues"][0]["column"] == "quantity"
    assert all(r["reasons"] and r["reason_codes"] for r in body["results"])

    lines = {
        "lines": [
            {"declaration_id": "J1", "line_no": 1, "description": "醋酸酐", "quantity": 20},
            {"declaration_id": "J1", "line_no": 2, "description": "table salt"},
        ]
    }
    by_json = app_client.post("/api/v1/precursors/screen", json=lines, headers=headers)
    assert by_json.status_code == 201, by_json.text
    assert [r["substance_id"] for r in by_json.json()["results"]] == ["acetic_anhydride"]
    run_id = by_json.json()["id"]
    listed = app_client.get("/api/v1/precursors/screenings", headers=headers).json()
    assert listed["items"][0]["id"] == run_id and listed["total"] == 2
    filtered = app_client.get(
        f"/api/v1/precursors/screenings/{body['id']}?table=I&kind=cas", headers=headers
    ).json()
    assert {r["substance_id"] for r in filtered["results"]} == {
        "acetic_anhydride",
        "apaan",
        "phenylacetic_acid",
    }
    nncc = world.partner("NNCC")  # runs stay with the agency that ran them: nothing travels
    assert world.exchange() == 0
    with nncc.app() as there:
        chinese = there.get(
            f"/api/v1/precursors/screenings/{run_id}", headers=nncc.token("chinese_liaison")
        )
        assert chinese.status_code == 404


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"files": {"file": ("d.csv", b"foo,bar\n1,2\n", "text/csv")}}, "file"),
        ({"files": {"file": ("d.pdf", b"%PDF", "application/pdf")}}, "file"),
        ({"files": {"file": ("d.csv", WITH_BAD, "text/csv")}, "data": {"strict": "true"}}, "file"),
        ({"json": {"lines": []}}, "lines"),
        ({"json": {"lines": [{"line_no": 1}]}}, "lines.0.declaration_id"),
        ({"json": {"rows": []}}, "rows"),
        ({"content": b"{not json", "headers": {"content-type": "application/json"}}, "body"),
    ],
)
def test_bad_input_through_the_api(
    app_client: Any, token_for: Any, kwargs: dict[str, Any], field: str
) -> None:
    headers = {**token_for("thai_liaison"), **kwargs.pop("headers", {})}
    answer = app_client.post("/api/v1/precursors/screen", headers=headers, **kwargs)
    assert answer.status_code == 422, answer.text
    fields = answer.json()["error"]["fields"]
    assert field in [f["field"] for f in fields]
    if kwargs.get("data"):
        assert re.search(r'แถว 7 คอลัมน์ "quantity"', fields[0]["message"])  # the user reads Thai


def test_api_export_is_audited_and_defuses_formulas(
    app_client: Any, token_for: Any, world: Any
) -> None:
    headers = token_for("thai_analyst")
    lines = {"lines": [{"declaration_id": "=1+1", "line_no": 1, "description": "acetic anhydride"}]}
    run = app_client.post("/api/v1/precursors/screen", json=lines, headers=headers).json()
    export = app_client.get(
        f"/api/v1/precursors/screenings/{run['id']}/export.csv", headers=headers
    )
    assert export.status_code == 200
    rows = list(csv.reader(io.StringIO(export.text.lstrip("\ufeff"))))
    assert rows[1][0] == "'=1+1" and rows[1][4] == "acetic_anhydride"
    viewer = app_client.get(
        f"/api/v1/precursors/screenings/{run['id']}/export.csv", headers=token_for("thai_viewer")
    )
    assert viewer.status_code == 403
    with world.db.read() as session:
        exported = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "precursors.screen.export")
        ).one()
        assert exported.actor == "thai.analyst"


# --- issue 10, item 5: a row with an extra field, a workbook with a DOCTYPE -----------------
EXTRA_FIELD = b"declaration_id,line_no,description\n1,1,phenylacetone,EXTRA\n"


def _doctype_workbook() -> bytes:
    source = zipfile.ZipFile(io.BytesIO(_xlsx(ROWS[:1])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"<worksheet", b'<!DOCTYPE w [<!ENTITY e "x">]><worksheet', 1)
            target.writestr(item.filename, data)
    return out.getvalue()


@pytest.mark.parametrize("strict", ["true", "false"])
def test_row_with_an_extra_field_through_the_api(
    app_client: Any, token_for: Any, strict: str
) -> None:
    answer = app_client.post(
        "/api/v1/precursors/screen",
        headers=token_for("thai_liaison"),
        files={"file": ("extra.csv", EXTRA_FIELD, "text/csv")},
        data={"strict": strict},
    )
    if strict == "true":
        assert answer.status_code == 422, answer.text
        message = answer.json()["error"]["fields"][0]["message"]
        assert "แถว 2" in message and "4" in message  # the row and its cell count, in Thai
    else:
        assert answer.status_code == 201, answer.text
        issue = answer.json()["issues"][0]
        assert issue["code"] == "ROW_LENGTH" and "แถว 2" in issue["message"]


def test_row_with_an_extra_field_through_the_page(browser: Any) -> None:
    browser.login("thai.liaison")
    browser.client.post("/lang", data={"csrf_token": browser.csrf, "lang": "en", "next": "/"})
    strict = _upload(browser, "extra.csv", EXTRA_FIELD, strict="on")
    assert strict.status_code == 422 and "row 2: 4 cells" in strict.text
    lenient = _upload(browser, "extra.csv", EXTRA_FIELD)
    assert lenient.status_code == 303, lenient.text[:300]
    shown = browser.client.get(lenient.headers["location"])
    assert shown.status_code == 200 and "row 2: 4 cells" in shown.text


def test_workbook_with_a_doctype_is_refused(app_client: Any, token_for: Any) -> None:
    answer = app_client.post(
        "/api/v1/precursors/screen",
        headers={**token_for("thai_analyst"), "accept-language": "en"},
        files={"file": ("d.xlsx", _doctype_workbook(), "application/octet-stream")},
    )
    assert answer.status_code == 422, answer.text
    assert "DOCTYPE" in answer.json()["error"]["fields"][0]["message"]


@pytest.mark.parametrize("lenient", [False, True])
def test_row_with_an_extra_field_on_the_command_line(tmp_path: Path, lenient: bool) -> None:
    source = tmp_path / "extra.csv"
    source.write_bytes(EXTRA_FIELD)
    args = ["precursors", "screen", str(source), "--out", str(tmp_path / "o.csv")]
    answer = subprocess.run(
        [sys.executable, "-m", "mekongx.cli.main", *args, *(["--lenient"] if lenient else [])],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "Traceback" not in answer.stderr
    assert "row 2: 4 cells" in answer.stderr
    assert answer.returncode == (0 if lenient else 2), answer.stderr
