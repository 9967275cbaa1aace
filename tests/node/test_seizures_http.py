"""Seizure reports through the web pages and the REST API: the form (bad input shown again in
the user's language, nothing written), the list with filters, a report with its links, the
workbook import, and the demo's seizures (every one passes the checks)."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

import openpyxl
from sqlalchemy import func, select

from mekongx.domains.seizures.demo import seed_demo_seizures
from mekongx.domains.seizures.models import Seizure

FORM = {"reference": "ONCB-77", "seized_on": "2026-05-02", "country": "TH", "admin1": "TH-57",
        "latitude": "20.27", "longitude": "100.08", "drug": "meth_crystal", "quantity": "41.5",
        "unit": "kg", "arrests": "1", "nationalities": "MM:1", "transit_countries": "LA",
        "origin_country": "MM", "language": "th", "handling_code": "H0", "distribution": "own"}  # fmt: skip


def _count(world: Any) -> int:
    with world.db.read() as session:
        return session.scalar(select(func.count()).select_from(Seizure)) or 0


def test_the_form_refuses_in_thai_then_records(world: Any, browser: Any) -> None:
    browser.login("thai.analyst")  # Thai interface
    assert 'name="admin1"' in browser.client.get("/seizures/new").text
    bad = browser.post("/seizures/new", {**FORM, "latitude": "21.9", "longitude": "101.2", "unit": "tablets"})  # fmt: skip
    assert bad.status_code == 422
    assert 'id="err-longitude"' in bad.text and 'id="err-unit"' in bad.text
    assert "อยู่นอก" in bad.text  # "outside", in Thai
    assert _count(world) == 0
    made = browser.post("/seizures/new", FORM)
    assert made.status_code == 303
    page = browser.client.get(made.headers["location"])
    assert "ONCB-77" in page.text and "เชียงราย" in page.text  # the province, in Thai
    listed = browser.client.get("/seizures?drug=meth_crystal&country=TH")
    assert "ONCB-77" in listed.text
    assert "ONCB-77" not in browser.client.get("/seizures?drug=heroin").text
    assert "ONCB-77" in browser.client.get("/search?q=ONCB-77").text


def test_lao_and_khmer_readers_see_thai_and_chinese_provinces_in_their_language(
    world: Any, browser: Any
) -> None:
    """The form's province list and the regional picture's map names take the CLDR names
    (admin1_cldr.csv) where iso-codes and admin1_local.csv have none: Chiang Rai in Lao, and
    Chiang Rai and Yunnan in Khmer; a unit CLDR leaves unnamed in Lao stays English."""
    import json
    import re

    browser.login("thai.analyst")
    assert browser.post("/lang", {"lang": "lo", "next": "/"}).status_code == 303
    form = browser.client.get("/seizures/new").text
    assert "ຊຽງຮາຍ (TH-57)" in form and "ບໍ່ແກ້ວ (LA-BK)" in form  # CLDR; admin1_local.csv
    assert "Chiang Rai (TH-57)" not in form and "Yunnan Sheng (CN-YN)" in form
    assert browser.post("/lang", {"lang": "km", "next": "/"}).status_code == 303
    page = browser.client.get("/seizures/picture").text
    found = re.search(
        r'<script type="application/json" id="seizure-map-data">(.*?)</script>', page, re.S
    )
    assert found
    names = json.loads(found.group(1))["units"]
    assert names["TH-57"] == "ឈៀងរ៉ាយ" and names["CN-YN"] == "យូណាន" and names["KH-12"] == "ភ្នំពេញ"
    assert browser.post("/lang", {"lang": "th", "next": "/"}).status_code == 303
    assert "ยูนนาน (CN-YN)" in browser.client.get("/seizures/new").text


def test_api_records_lists_and_imports(world: Any, token_for: Any) -> None:
    headers = token_for("thai_liaison")
    body = {**FORM, "latitude": 20.27, "longitude": 100.08, "arrests": 1, "nationalities": {"MM": 1},
            "transit_countries": ["LA"], "language": "en"}  # fmt: skip
    with world.app() as client:
        made = client.post("/api/v1/seizures", json=body, headers=headers)
        assert made.status_code == 201, made.text
        assert float(made.json()["quantity_kg"]) == 41.5
        again = client.post("/api/v1/seizures", json=body, headers=headers)
        assert again.status_code == 422 and "reference" in again.text
        book = openpyxl.Workbook()
        book.active.append(["reference", "date", "country", "drug", "quantity", "unit"])
        book.active.append(["B-1", "2026-01-05", "LA", "heroin", 3, "kg"])
        out = io.BytesIO()
        book.save(out)
        files = {"file": ("s.xlsx", out.getvalue(), "application/octet-stream")}
        imported = client.post("/api/v1/seizures/import", files=files, headers=headers)
        assert imported.status_code == 201 and imported.json() == {"rows": 1}
        broken = client.post("/api/v1/seizures/import", headers=headers,
                             files={"file": ("s.xlsx", b"PK\x03\x04 not a workbook", "application/octet-stream")})  # fmt: skip
        assert broken.status_code in (413, 422)
        listed = client.get("/api/v1/seizures?country=LA", headers=headers).json()
        assert [s["reference"] for s in listed["items"]] == ["B-1"]
        found = client.get("/api/v1/seizures/search?q=ONCB-77", headers=headers)
        assert [s["reference"] for s in found.json()] == ["ONCB-77"]
        assert client.get("/api/v1/seizures/search?q=", headers=headers).status_code == 422
    assert _count(world) == 2


def test_the_demo_seizures_pass_every_check(world: Any) -> None:
    with world.db.write() as session:
        made = seed_demo_seizures(session, "ONCB", world.principal("thai_analyst"),
                                  world.principal("thai_liaison"), count=40, today=date(2026, 11, 30))  # fmt: skip
    assert made == 40 == _count(world)


def test_the_regional_picture_rests_on_what_the_node_holds(world: Any, token_for: Any) -> None:
    """NNCC's picture counts its own seizure and the one ONCB shared with it, never ONCB's
    own; each figure names the agencies whose records it rests on."""
    nncc = world.partner("NNCC")
    headers = token_for("thai_liaison")
    base = {**FORM, "latitude": 20.27, "longitude": 100.08, "arrests": 1, "nationalities": {"MM": 1},
            "transit_countries": ["LA"], "language": "en"}  # fmt: skip
    with world.app() as client:
        shared = {**base, "reference": "S-1", "distribution": "peers", "recipients": ["NNCC"]}
        assert client.post("/api/v1/seizures", json=shared, headers=headers).status_code == 201
        kept = {**base, "reference": "S-2", "seized_on": "2026-05-03", "quantity": "900"}
        assert client.post("/api/v1/seizures", json=kept, headers=headers).status_code == 201
    with nncc.app() as there:
        own = {**base, "reference": "N-1", "country": "CN", "admin1": "CN-YN", "latitude": 21.18,
               "longitude": 101.69, "drug": "heroin", "quantity": "12", "transit_countries": [],
               "origin_country": "MM", "destination_country": "CN"}  # fmt: skip
        made = there.post("/api/v1/seizures", json=own, headers=nncc.token("chinese_liaison"))
        assert made.status_code == 201, made.text
    world.exchange()
    with nncc.browser("chinese.liaison") as browser:
        page = browser.client.get("/seizures/picture?since=2026-01-01&until=2026-06-30")
        assert page.status_code == 200
        rests_on = page.text.split('id="rests-on"')[1].split("</p>")[0]
        assert "<strong>NNCC</strong> (1)" in rests_on and "<strong>ONCB</strong> (1)" in rests_on
        total = page.text.split('id="picture-total"')[1].split("</p>")[0]
        assert "<strong>2</strong>" in total and "53.5" in total  # 41.5 kg + 12 kg, not ONCB's 900
        only_heroin = browser.client.get(
            "/seizures/picture?since=2026-01-01&until=2026-06-30&drug=heroin"
        )
        assert (
            "<strong>1</strong>" in only_heroin.text.split('id="picture-total"')[1].split("</p>")[0]
        )
        assert browser.client.get("/seizures/picture/outlines.json").json()["countries"]["LA"]
        # the provinces are a vendored static file, cached by the asset digest in its address
        admin1 = page.text.split('data-admin1="')[1].split('"')[0].replace("&amp;", "&")
        units = browser.client.get(admin1)
        assert "immutable" in units.headers["cache-control"]
        assert any(f["id"] == "LA-BK" for f in units.json()["features"])  # Bokeo


def test_the_arq_and_admn_tables_come_out(world: Any, token_for: Any) -> None:
    headers = token_for("thai_liaison")
    base = {**FORM, "latitude": 20.27, "longitude": 100.08, "arrests": 2, "nationalities": {"MM": 1, "TH": 1},
            "transit_countries": ["LA"], "language": "en"}  # fmt: skip
    with world.app() as client:
        for ref, drug, quantity, unit in (("A-1", "meth_crystal", "41.5", "kg"), ("A-2", "meth_tablets", "200000", "tablets"),
                                          ("A-3", "meth_crystal", "8.5", "kg")):  # fmt: skip
            one = {**base, "reference": ref, "drug": drug, "quantity": quantity, "unit": unit, "seized_on": f"2026-0{len(ref)}-1{ref[-1]}"}  # fmt: skip
            assert client.post("/api/v1/seizures", json=one, headers=headers).status_code == 201
    with world.browser("thai.analyst") as browser:
        # quantities read as written, never in exponent form (200000 was shown as 2E+5)
        listed = browser.client.get("/seizures").text
        assert "200,000" in listed and "41.5" in listed and "E+" not in listed
        tables = browser.client.get("/seizures/reports").text
        # each report language is offered by its name, not its bare code
        assert "arq-form" in tables and ">中文</option>" in tables and ">zh</option>" not in tables
        book = browser.client.get("/seizures/reports/arq.xlsx?year=2026&lang=en")
        assert book.status_code == 200 and book.headers["content-type"].startswith(
            "application/vnd.openxml"
        )
        sheet = openpyxl.load_workbook(io.BytesIO(book.content))["ARQ III-1"]
        rows = [[c.value for c in r] for r in sheet.iter_rows()]
        crystal = next(r for r in rows if r[0] == "Crystalline methamphetamine")
        assert crystal[2:4] == [2, 50]  # two cases, 41.5 + 8.5 kg
        tablets = next(r for r in rows if r[0] == "Methamphetamine tablets")
        assert tablets[4] == 200000
        pdf = browser.client.get("/seizures/reports/admn.pdf?year=2026&half=1&lang=th")
        assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
        admn = openpyxl.load_workbook(io.BytesIO(browser.client.get("/seizures/reports/admn.xlsx?year=2026&half=1&lang=en").content))  # fmt: skip
        arrests = [[c.value for c in r] for r in admn["ADMN-2"].iter_rows()]
        assert ["Thailand", "Myanmar (Burma)", 3] in arrests or [
            "Thailand",
            "Myanmar",
            3,
        ] in arrests
        assert browser.client.get("/seizures/reports/arq.doc?year=2026").status_code == 422
        assert browser.client.get("/seizures/reports/arq.xlsx?year=1800").status_code == 422


def test_the_originator_corrects_its_report_on_the_page(world: Any) -> None:
    """The correction page is the form filled with the report; bad input comes back in the
    officer's language with nothing changed; a good one is a new version that reaches NNCC's
    copy, whose officers get no correction page."""
    nncc = world.partner("NNCC")
    shared = {**FORM, "distribution": "peers", "recipients": "NNCC", "nationalities": "MM:1"}
    with world.browser("thai.liaison") as browser:
        made = browser.post("/seizures/new", shared)
        assert made.status_code == 303, made.text
        url = made.headers["location"]
        assert f'href="{url}/correct"' in browser.client.get(url).text
        page = browser.client.get(f"{url}/correct")
        assert page.status_code == 200
        assert 'value="ONCB-77"' in page.text and 'value="41.5"' in page.text
        assert 'value="MM:1"' in page.text and 'value="NNCC" checked' in page.text
        world.exchange()
        bad = browser.post(f"{url}/correct", {**shared, "quantity": "-3"})
        assert bad.status_code == 422 and 'id="err-quantity"' in bad.text
        with world.db.read() as session:
            assert session.scalar(select(Seizure.version)) == 1
        good = browser.post(f"{url}/correct", {**shared, "quantity": "42.5", "place": "Sop Ruak"})
        assert good.status_code == 303, good.text
    with world.db.read() as session:
        row = session.scalars(select(Seizure)).one()
        assert (row.version, row.quantity, row.place) == (2, 42.5, "Sop Ruak")
        uid = row.uid
    world.exchange()
    copy_id = nncc.id_of(Seizure, uid)
    with nncc.db.read() as session:
        copy = session.get(Seizure, copy_id)
        assert copy is not None and (copy.version, copy.place) == (2, "Sop Ruak")
    with nncc.browser("chinese.liaison") as browser:
        assert "/correct" not in browser.client.get(f"/seizures/{copy_id}").text
        assert browser.client.get(f"/seizures/{copy_id}/correct").status_code in (403, 404)
        refused = browser.post(f"/seizures/{copy_id}/correct", {**shared, "quantity": "1"})
        assert refused.status_code in (403, 404)
