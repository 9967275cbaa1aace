"""The finance area: cases, imports of the demo goAML file, detection and review, tracing,
the asset lifecycle, visibility, and the pages and API in three languages."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from fastapi.testclient import TestClient

from mekongx import migrations
from mekongx.authz import Principal
from mekongx.domains.finance import assets, demo, providers, service
from mekongx.domains.finance.models import FinAlert
from mekongx.domains.finance.schemas import AssetInput, CaseInput, ReviewInput, TransitionInput
from mekongx.errors import Conflict, NotFound, ValidationFailed
from mekongx.model.identity import Role

COLLECTOR = "099-7-33120-8"
HUB = "014-2-55810-3"


def _case(world: Any, user: str = "thai_analyst") -> int:
    with world.db.write() as session:
        case = service.create_case(
            session, world.principal(user), CaseInput(title="Golden Reed", language="en")
        )
        return case.id


def _import(world: Any, case_id: int, user: str = "thai_analyst") -> tuple[int, int]:
    with tempfile.TemporaryDirectory() as work:
        path = Path(work) / "str.xml"
        path.write_bytes(demo.demo_file())
        dataset = service.read_file(
            path, Path(work) / "r", base_currency="THB", lang="en", timezone="Asia/Bangkok"
        )
        with world.db.write() as session:
            batch = service.add_transactions(
                session, world.principal(user), case_id, dataset, "str.xml", "x" * 64
            )
            return batch.added, batch.duplicates


def test_a_case_is_own_agency_and_h3_by_default(world: Any) -> None:
    nncc = world.partner("NNCC")
    case_id = _case(world)
    with world.db.read() as session:
        case = service.read_case_for_view(session, world.principal("thai_analyst"), case_id)
        assert (case.distribution, case.handling_code) == ("own", "H3")
    assert world.exchange() == 0  # a case never leaves its node
    with nncc.db.read() as session, pytest.raises(NotFound):
        service.read_case_for_view(session, nncc.principal("chinese_liaison"), case_id)


def test_reimporting_the_same_file_adds_nothing_twice(world: Any) -> None:
    case_id = _case(world)
    assert _import(world, case_id) == (335, 0)
    assert _import(world, case_id) == (0, 335)


def test_the_planted_chain_is_found_and_judgements_survive_a_new_run(world: Any) -> None:
    case_id = _case(world)
    _import(world, case_id)
    principal = world.principal("thai_analyst")
    with world.db.write() as session:
        service.run_detection(session, principal, case_id)
    with world.db.write() as session:
        case = service.read_case(session, principal, case_id)
        found = {a.typology: a for a in service.alerts_of(session, case)}
    assert {"fan_out", "fan_in", "scatter_gather", "structuring"} <= set(found)
    assert HUB in found["structuring"].accounts and COLLECTOR in found["fan_in"].accounts
    with world.db.write() as session, pytest.raises(ValidationFailed):
        service.review_alert(
            session, principal, found["fan_out"].id, ReviewInput(decision="dismissed")
        )
    with world.db.write() as session:
        service.review_alert(
            session,
            principal,
            found["fan_out"].id,
            ReviewInput(decision="confirmed", reason="mules"),
        )
        service.run_detection(session, principal, case_id)
    with world.db.read() as session:
        kept = session.get(FinAlert, found["fan_out"].id)
        assert kept is not None and kept.status == "confirmed"
        case = service.read_case_for_view(session, principal, case_id)
        earlier = service.earlier_judgements(session, case, [HUB])
        assert [a.typology for a in earlier[HUB]] == ["fan_out"]


def test_tracing_from_the_seized_account_names_the_cash_source(world: Any) -> None:
    case_id = _case(world)
    _import(world, case_id)
    with world.db.write() as session:
        results = service.trace_case(
            session,
            world.principal("thai_analyst"),
            case_id,
            account=COLLECTOR,
            direction="backward",
        )
    assert set(results) == {"fifo", "lifo", "pro_rata", "poison"}
    assert results["fifo"].sources == {"CASH:Mae Sai": 293200.0}


def test_the_asset_lifecycle_refuses_what_it_does_not_allow(world: Any) -> None:
    case_id = _case(world)
    principal = world.principal("thai_analyst")
    with world.db.write() as session:
        asset = assets.add_asset(session, principal, case_id, AssetInput(kind="vehicle", description="Toyota Hilux",
                                 value=900_000, currency="THB", valued_on=dt.date(2024, 6, 1)))  # fmt: skip
        asset_id = asset.id
    with world.db.write() as session, pytest.raises(Conflict) as refused:
        assets.transition(session, principal, asset_id, TransitionInput(to_state="disposed"))
    assert refused.value.params["state"] == "identified"
    with world.db.write() as session, pytest.raises(ValidationFailed) as missing:
        assets.transition(session, principal, asset_id, TransitionInput(to_state="frozen"))
    assert {f.field for f in missing.value.fields} == {
        "authority",
        "order_number",
        "order_date",
        "expires_on",
    }
    order = {
        "authority": "Criminal Court",
        "order_number": "Kor 1/2567",
        "order_date": dt.date(2024, 6, 2),
    }
    with world.db.write() as session:
        assets.transition(
            session,
            principal,
            asset_id,
            TransitionInput(to_state="frozen", expires_on=dt.date(2024, 7, 1), **order),
        )
        assets.transition(
            session, principal, asset_id, TransitionInput(to_state="forfeited", **order)
        )
        assets.transition(
            session,
            principal,
            asset_id,
            TransitionInput(
                to_state="shared",
                share_country="CN",
                share_percent=50,
                note="Case-by-case share agreed in the 19th meeting's minutes",
            ),
        )
    with world.db.read() as session:
        asset = session.get(assets.FinAsset, asset_id)
        assert asset is not None and asset.state == "shared"
        assert [e.to_state for e in assets.history(session, asset)] == [
            "frozen",
            "forfeited",
            "shared",
        ]


def test_demo_seed_finds_the_chain_and_freezes_the_collector(world: Any) -> None:
    seeded = dt.date(2026, 12, 3)  # the freezing order is dated back from the seeding day
    with world.db.write() as session:
        case_id = demo.seed_demo_finance(session, world.principal("thai_analyst"), today=seeded)
    with world.db.read() as session:
        case = service.read_case_for_view(session, world.principal("thai_viewer"), case_id)
        assert len(service.alerts_of(session, case)) >= 4
        (asset,) = assets.assets_of(session, case)
        assert asset.state == "frozen" and asset.order_expires == dt.date(2026, 12, 23)
        (order,) = assets.history(session, asset)
        assert (order.order_number, order.order_date) == ("AMLO 112/2569", dt.date(2026, 9, 24))


def test_api_import_names_the_problem_of_a_bad_file(
    world: Any, app_client: TestClient, token_for: Any
) -> None:
    headers = token_for("thai_analyst")
    made = app_client.post(
        "/api/v1/finance/cases", json={"title": "T", "language": "th"}, headers=headers
    )
    assert made.status_code == 201, made.text
    case_id = made.json()["id"]
    bad = app_client.post(f"/api/v1/finance/cases/{case_id}/imports", files={"file": ("x.csv", b"id,when\n1,2\n")},
                          headers={**headers, "Accept-Language": "th"})  # fmt: skip
    assert bad.status_code == 422
    assert bad.json()["error"]["fields"][0]["field"] == "file"
    good = app_client.post(f"/api/v1/finance/cases/{case_id}/imports?timezone=Asia/Bangkok",
                           files={"file": ("str.xml", demo.demo_file())}, headers=headers)  # fmt: skip
    assert good.status_code == 201 and good.json()["added"] == 335
    alerts = app_client.post(f"/api/v1/finance/cases/{case_id}/detect", headers=headers)
    assert alerts.status_code == 200 and len(alerts.json()) >= 4
    trace = app_client.get(
        f"/api/v1/finance/cases/{case_id}/trace", params={"account": "NOBODY"}, headers=headers
    )
    assert trace.status_code == 422


@pytest.mark.parametrize(
    ("lang", "word"),
    [("th", "การสืบสวนทางการเงิน"), ("zh", "金融调查"), ("en", "Financial investigations")],
)
def test_pages_in_three_languages(world: Any, browser: Any, lang: str, word: str) -> None:
    with world.db.write() as session:
        case_id = demo.seed_demo_finance(session, world.principal("thai_analyst"))
    browser.login("thai.analyst")
    assert browser.post("/lang", {"lang": lang, "next": "/"}).status_code == 303  # type: ignore[attr-defined]
    for path in (
        "/finance",
        f"/finance/{case_id}",
        f"/finance/{case_id}/trace?account={COLLECTOR}&direction=backward",
    ):
        page = browser.client.get(path)
        assert page.status_code == 200, path
    assert word in browser.client.get("/finance").text
    # the alerts explain themselves, figures and score included, in the user's language
    case_page = browser.client.get(f"/finance/{case_id}").text
    title = case_page.split("<title>", 1)[1].split("</title>", 1)[0]
    # the page title is the case title, nothing more
    assert "<" not in title and "Golden Reed" in title
    assert (
        case_page.count('id="requests"') == 1 and 'src="/static/upload-progress.js?v=' in case_page
    )
    alerts = case_page.split('id="alerts"', 1)[1]
    if lang == "th":
        assert "บัญชีที่ไม่เคยติดต่อกันมาก่อน" in alerts and "คะแนน" in alerts
    elif lang == "zh":
        assert "从未往来" in alerts and "评分" in alerts
    else:
        assert "accounts it had never dealt with" in alerts and "Score" in alerts
    assert '<p lang="en">' not in alerts
    traced = browser.client.get(f"/finance/{case_id}/trace?account={COLLECTOR}&method=lifo")
    assert "<svg" in traced.text and 'id="ledger"' in traced.text
    assert 'aria-current="page">' in traced.text


def test_court_schedule_as_pdf_and_xlsx_in_the_users_language(world: Any, browser: Any) -> None:
    import io

    from openpyxl import load_workbook

    with world.db.write() as session:
        case_id = demo.seed_demo_finance(session, world.principal("thai_analyst"))
    browser.login("thai.analyst")  # Thai
    base = f"/finance/{case_id}/trace/schedule?account={COLLECTOR}&direction=backward&method=fifo"
    pdf = browser.client.get(base + "&form=pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")
    assert pdf.headers["content-type"] == "application/pdf"
    xlsx = browser.client.get(base + "&form=xlsx")
    assert xlsx.status_code == 200
    book = load_workbook(io.BytesIO(xlsx.content), read_only=True)
    cells = [
        str(c)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for c in row
        if c
    ]
    assert any("ตารางเงินที่ติดตามได้" in c for c in cells)  # the title, in Thai
    assert "CASH:Mae Sai" in cells  # the source of the balance under FIFO
    bad = browser.client.get(f"/finance/{case_id}/trace/schedule?account=NOBODY&form=pdf")
    assert bad.status_code == 422 and "NOBODY" in bad.text
    with world.db.read() as session:
        from sqlalchemy import select

        from mekongx.audit.log import AuditEvent

        actions = list(
            session.scalars(
                select(AuditEvent.action).where(AuditEvent.action == "finance.schedule.export")
            )
        )
    assert len(actions) == 2


def test_expiring_orders_on_the_home_page_and_cases_in_the_search_box(
    world: Any, browser: Any
) -> None:
    with world.db.write() as session:
        demo.seed_demo_finance(session, world.principal("thai_analyst"))
    browser.login("thai.analyst")  # Thai
    home = browser.client.get("/").text
    tasks = home.split('id="tasks"', 1)[1]
    assert "Balance of Northern Star Holdings" in tasks  # frozen until 2024-09-19: expired
    found = browser.client.get("/search", params={"q": "Golden Reed"}).text
    assert "Operation Golden Reed" in found


def test_subjects_link_to_records_the_reader_may_see(world: Any, browser: Any) -> None:
    from mekongx.domains.finance import subjects
    from mekongx.domains.finance.schemas import SubjectInput
    from mekongx.domains.intel import service as intel
    from mekongx.domains.intel.schemas import ReportInput

    analyst = world.principal("thai_analyst")
    case_id = _case(world)
    with world.db.write() as session:
        report = intel.create_report(session, analyst, ReportInput.model_validate({
            "title": "Collector account of Northern Star", "narrative": "Seen at Mae Sai.", "language": "en",
            "source_reliability": "B", "info_reliability": "2", "handling_code": "H1", "distribution": "own"}))  # fmt: skip
        report_id, report_uid = report.id, report.uid
    with world.db.write() as session, pytest.raises(ValidationFailed) as unknown:
        subjects.add_subject(session, analyst, case_id, SubjectInput(
            name="Somchai K.", role="mule", ref_kind="intel_report", ref="999999"))  # fmt: skip
    assert unknown.value.fields[0].field == "ref"
    with world.db.write() as session:
        subjects.add_subject(session, analyst, case_id, SubjectInput(
            name="Northern Star Holdings", role="company", accounts=f" {COLLECTOR}  {HUB} ",
            ref_kind="intel_report", ref=str(report_id)))  # fmt: skip
    with world.db.read() as session:
        case = service.read_case_for_view(session, analyst, case_id)
        [subject] = subjects.subjects_of(session, analyst, case)
    assert subject.row.accounts == f"{COLLECTOR} {HUB}" and subject.row.ref_uid == report_uid
    assert subject.reference is not None and subject.reference.url == f"/reports/{report_id}"
    browser.login("thai.analyst")
    page = browser.client.get(f"/finance/{case_id}").text
    assert "Northern Star Holdings" in page and f'href="/reports/{report_id}"' in page
    bad = browser.post(f"/finance/{case_id}/subjects", {"name": "", "role": "mule"})
    assert bad.status_code == 422  # type: ignore[attr-defined]


def test_a_saved_column_mapping_reads_a_banks_own_headers(world: Any, browser: Any, app_client: TestClient,
                                                          token_for: Any) -> None:  # fmt: skip
    case_id = _case(world)
    bank = (
        b"Ref;Value date;Debit acct;Credit acct;Amt\n"
        b"K-1;03/06/2024 09:15;111-1;222-2;1500.00\n"
        b"K-2;03/06/2024 10:40;222-2;333-3;1450.00\n"
        b"K-3;32/06/2024 10:40;222-2;333-3;10.00\n"
    )
    columns = {"transaction_id": "Ref", "timestamp": "Value date", "from_account": "Debit acct",
               "to_account": "Credit acct", "amount": "Amt"}  # fmt: skip
    headers = token_for("thai_analyst")
    bad = app_client.post("/api/v1/finance/mappings", headers=headers,
                          json={"name": "KTB", "columns": {"amount_thb": "Amt"}})  # fmt: skip
    assert bad.status_code == 422 and "amount_thb" in bad.text
    made = app_client.post("/api/v1/finance/mappings", headers=headers, json={
        "name": "KTB statement", "columns": columns, "timestamp_format": "%d/%m/%Y %H:%M",
        "currency": "THB", "delimiter": ";"})  # fmt: skip
    assert made.status_code == 201, made.text
    again = app_client.post("/api/v1/finance/mappings", headers=headers,
                            json={"name": "KTB statement", "columns": columns})  # fmt: skip
    assert again.status_code == 422
    mapping_id = made.json()["id"]
    without = app_client.post(f"/api/v1/finance/cases/{case_id}/imports", headers=headers,
                              files={"file": ("ktb.csv", bank)})  # fmt: skip
    assert without.status_code == 422
    read = app_client.post(f"/api/v1/finance/cases/{case_id}/imports?mapping={mapping_id}&timezone=Asia/Bangkok",
                           headers=headers, files={"file": ("ktb.csv", bank)})  # fmt: skip
    assert read.status_code == 201, read.text
    body = read.json()
    assert (body["added"], body["rejected"]) == (2, 1)
    assert any("3" in line for line in body["rejected_rows"])  # the row with 32 June is named
    browser.login("thai.analyst")
    page = browser.client.get(f"/finance/{case_id}").text
    assert f'<option value="{mapping_id}">KTB statement</option>' in page


def test_search_finds_a_case_by_a_word_inside_a_thai_run_only_for_its_agency(world: Any) -> None:
    """Cases are on the shared full-text index (``authz.listing.search_of``); a case kept in
    the agency is not found by another agency's user; the migration indexes older cases."""
    with world.db.write() as session:
        service.create_case(session, world.principal("thai_analyst"), CaseInput(
            title="คดีฟอกเงินเครือข่ายแม่สาย", summary="บัญชีม้าของบริษัทนำเข้าผลไม้", language="th"))  # fmt: skip
    outsider = Principal(0, "nncc_reader", "NNCC reader", "NNCC", Role.VIEWER, "en")

    def found(principal: Any, query: str) -> list[str]:
        with world.db.read() as session:
            return [f.title for f in providers.cases(session, principal, query, 10)]

    viewer = world.principal("thai_viewer")
    assert found(viewer, "แม่สาย") == ["คดีฟอกเงินเครือข่ายแม่สาย"]
    assert found(viewer, "บัญชีม้า") == ["คดีฟอกเงินเครือข่ายแม่สาย"]
    assert found(outsider, "แม่สาย") == []
    command.downgrade(
        migrations.alembic_config(world.settings.database_url), "0020_finance_mappings"
    )
    assert found(viewer, "แม่สาย") == []  # as a node before cases were indexed
    migrations.upgrade(world.settings.database_url)
    assert found(viewer, "แม่สาย") == ["คดีฟอกเงินเครือข่ายแม่สาย"]
