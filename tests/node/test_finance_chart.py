"""The link chart of the demo case: expanding an account, the time window, the shortest chain,
an alert's transactions, the i2 and FollowTheMoney exports, audit rows, refusals, API and page."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from mekongx.audit.log import AuditEvent
from mekongx.domains.finance import demo, graph, service
from mekongx.errors import Conflict, Forbidden, NotFound, ValidationFailed
from mekongx.i18n import translator
from mekongx.web.labels import audit_label

HUB = "014-2-55810-3"  # takes the structured cash, fans it out to six new accounts
COLLECTOR = "099-7-33120-8"  # gathers it again
LAOS = "LA-BCEL-0100-5566"
CASH = "CASH:Mae Sai"
MULES = [f"087-1-6100{i}-{i}" for i in range(6)]
ZONE = "Asia/Bangkok"
JUNE_12 = graph.Window(dt.date(2024, 6, 12), dt.date(2024, 6, 12), ZONE)


def _seed(world: Any) -> int:
    with world.db.write() as session:
        return demo.seed_demo_finance(session, world.principal("thai_analyst"))


def _audited(world: Any, action: str) -> list[dict[str, Any]]:
    with world.db.read() as session:
        return [
            json.loads(d)
            for d in session.scalars(
                select(AuditEvent.details)
                .where(AuditEvent.action == action)
                .order_by(AuditEvent.seq)
            )
        ]


def test_expanding_an_account_draws_one_link_per_pair_and_is_audited(world: Any) -> None:
    case_id = _seed(world)
    with world.db.write() as session:
        chart = graph.neighbours(
            session, world.principal("thai_viewer"), case_id, HUB, graph.Window(zone=ZONE)
        )
    links = {(k.source, k.target): k for k in chart.links}
    assert set(links) == {(CASH, HUB)} | {(HUB, m) for m in MULES}
    deposits = links[(CASH, HUB)]
    assert deposits.count == 6 and deposits.total == 11_634_000.0
    assert deposits.transactions[0] == "MKCB-24-00316" and len(deposits.transactions) == 6
    assert {n.id: n.kind for n in chart.nodes}[CASH] == "cash"
    assert {n.id: n.label for n in chart.nodes}[CASH] == "Mae Sai"
    assert chart.links[0].total >= chart.links[-1].total  # largest first
    assert _audited(world, "finance.chart.read")[-1] == {"view": "neighbours", "account": HUB}
    th = translator("th")
    assert audit_label("finance.chart.read", th) == f"{th('Link chart')}: {th('opened')}"


def test_the_time_window_narrows_and_a_reversed_one_is_refused_without_a_trace(world: Any) -> None:
    case_id = _seed(world)
    principal = world.principal("thai_analyst")
    with world.db.write() as session:
        chart = graph.neighbours(session, principal, case_id, HUB, JUNE_12)
    # the cash came in on 5-10 June (Bangkok time); on 12 June only the fan-out
    assert {(k.source, k.target) for k in chart.links} == {(HUB, m) for m in MULES}
    reversed_window = graph.Window(dt.date(2024, 6, 12), dt.date(2024, 6, 1), ZONE)
    with world.db.write() as session, pytest.raises(ValidationFailed) as refused:
        graph.neighbours(session, principal, case_id, HUB, reversed_window)
    assert refused.value.fields[0].field == "end"
    assert translator("th")(refused.value.fields[0].message, **refused.value.fields[0].params) != (
        refused.value.fields[0].message % refused.value.fields[0].params
    )
    with world.db.write() as session, pytest.raises(ValidationFailed) as unknown:
        graph.neighbours(session, principal, case_id, "000-NOBODY", graph.Window(zone=ZONE))
    assert (unknown.value.fields[0].field, unknown.value.fields[0].params) == ("account", {"account": "000-NOBODY"})  # fmt: skip
    assert len(_audited(world, "finance.chart.read")) == 1  # refusals read nothing
    nncc = world.partner("NNCC")  # another agency's node: the case never leaves ONCB's
    world.exchange()
    with nncc.db.write() as session, pytest.raises(NotFound):
        graph.neighbours(session, nncc.principal("chinese_liaison"), case_id, HUB, graph.Window(zone=ZONE))  # fmt: skip


def test_the_shortest_chain_follows_the_money_within_the_window(
    world: Any, monkeypatch: Any
) -> None:
    case_id = _seed(world)
    principal = world.principal("thai_analyst")
    everything = graph.Window(zone=ZONE)
    with world.db.write() as session:
        chart = graph.path_chart(session, principal, case_id, CASH, LAOS, everything)
    assert chart.path == [CASH, HUB, MULES[0], COLLECTOR, LAOS]
    assert [k.id for k in chart.links] == chart.highlight
    assert {(k.source, k.target) for k in chart.links} == {(CASH, HUB), (HUB, MULES[0]), (MULES[0], COLLECTOR), (COLLECTOR, LAOS)}  # fmt: skip
    with world.db.write() as session, pytest.raises(ValidationFailed) as backwards:
        graph.path_chart(session, principal, case_id, LAOS, HUB, everything)
    assert backwards.value.fields[0].field == "target"
    assert backwards.value.fields[0].params == {"source": LAOS, "target": HUB}
    with world.db.write() as session:
        either = graph.path_chart(
            session, principal, case_id, LAOS, HUB, everything, directed=False
        )
    assert either.path == [LAOS, COLLECTOR, MULES[0], HUB]
    with world.db.write() as session, pytest.raises(ValidationFailed):  # Laos was paid on 14 June
        graph.path_chart(session, principal, case_id, HUB, LAOS, JUNE_12)
    with world.db.write() as session, pytest.raises(ValidationFailed) as unknown:
        graph.path_chart(session, principal, case_id, "NOBODY", LAOS, everything)
    assert unknown.value.fields[0].field == "source"
    monkeypatch.setattr(graph, "MAX_PATH_PAIRS", 5)  # a chain searched in part is refused
    with world.db.write() as session, pytest.raises(Conflict) as too_many:
        graph.path_chart(session, principal, case_id, CASH, LAOS, everything)
    assert too_many.value.params == {"count": 5}


def test_an_alert_is_highlighted_with_all_its_transactions(world: Any) -> None:
    case_id = _seed(world)
    principal = world.principal("thai_analyst")
    with world.db.read() as session:
        case = service.read_case_for_view(session, principal, case_id)
        fan_out = next(a for a in service.alerts_of(session, case) if a.typology == "fan_out")
        alert_id, txids = fan_out.id, set(fan_out.transaction_ids.split())
    with world.db.write() as session:
        chart = graph.alert_chart(session, principal, case_id, alert_id)
    assert chart.highlight == [k.id for k in chart.links]
    assert {t for k in chart.links for t in k.transactions} == txids
    assert {(HUB, m) for m in MULES} <= {(k.source, k.target) for k in chart.links}
    with world.db.write() as session, pytest.raises(NotFound):
        graph.alert_chart(session, principal, case_id + 1000, alert_id)
    assert _audited(world, "finance.chart.read")[-1]["view"] == "alert"


def test_exports_for_i2_and_followthemoney(world: Any) -> None:
    case_id = _seed(world)
    principal = world.principal("thai_analyst")
    with world.db.write() as session:
        whole = graph.i2_csv(session, principal, case_id, JUNE_12)
        text = graph.i2_csv(session, principal, case_id, JUNE_12, [HUB, COLLECTOR, *MULES])
        lines = list(graph.ftm_lines(session, principal, case_id, JUNE_12, [HUB, *MULES]))
    everyone = list(csv.DictReader(io.StringIO(whole)))
    assert len(everyone) > 12 and {r["Date"] for r in everyone} == {"2024-06-12"}
    rows = list(csv.DictReader(io.StringIO(text)))
    # six transfers out of the hub; the mules paid the collector after midnight in Bangkok
    assert len(rows) == 6 and {r["Target ID"] for r in rows} == set(MULES)
    first = rows[0]
    assert (first["Source ID"], first["Source Type"], first["Target Type"]) == (HUB, "Bank Account", "Bank Account")  # fmt: skip
    assert (first["Date"], first["Time"], first["Amount"]) == (
        "2024-06-12",
        "11:27:48",
        "1792000.00",
    )
    assert first["Transaction ID"] == "MKCB-24-00328" and first["Link Type"] == "Transaction"
    entities = [json.loads(line) for line in lines]
    by_id = {e["id"]: e for e in entities}
    assert {e["schema"] for e in entities} == {"LegalEntity", "BankAccount", "Payment"}
    payments = [e for e in entities if e["schema"] == "Payment"]
    assert len(payments) == 6  # only transfers between the chosen accounts
    for payment in payments:
        props = payment["properties"]
        assert by_id[props["payer"][0]]["schema"] == "LegalEntity"
        assert by_id[props["beneficiaryAccount"][0]]["properties"]["accountNumber"][0] in MULES
        assert by_id[props["payerAccount"][0]]["properties"]["accountNumber"] == [HUB]
        assert props["currency"] == ["THB"] and props["date"][0].startswith("2024-06-12T")
    assert len(entities) == len(by_id)  # every entity once
    exports = _audited(world, "finance.chart.export")
    assert [(e["format"], e["transactions"]) for e in exports] == [
        ("i2", len(everyone)),
        ("i2", 6),
        ("ftm", 6),
    ]


def test_api_and_page_in_the_users_language(world: Any, app_client: TestClient, token_for: Any, browser: Any) -> None:  # fmt: skip
    case_id = _seed(world)
    headers = {**token_for("thai_analyst"), "Accept-Language": "th"}
    base = f"/api/v1/finance/cases/{case_id}/chart"
    got = app_client.get(base, params={"account": HUB}, headers=headers)
    assert got.status_code == 200, got.text
    assert {n["id"] for n in got.json()["nodes"]} == {HUB, CASH, *MULES}
    assert got.json()["links"][0]["first"].endswith("+07:00")
    bad = app_client.get(base, params={"account": HUB, "start": "2024-06-12", "end": "2024-06-01"}, headers=headers)  # fmt: skip
    assert bad.status_code == 422 and bad.json()["error"]["fields"][0]["field"] == "end"
    th = translator("th")
    assert bad.json()["error"]["fields"][0]["message"] == th(graph.BAD_WINDOW, start="2024-06-12", end="2024-06-01")  # fmt: skip
    nobody = app_client.get(base, params={"account": "NOBODY"}, headers=headers)
    assert nobody.status_code == 422 and "NOBODY" in nobody.json()["error"]["fields"][0]["message"]
    none = app_client.get(f"{base}/path", params={"source": LAOS, "target": HUB}, headers=headers)
    assert none.status_code == 422 and none.json()["error"]["fields"][0]["message"] == th(graph.NO_PATH, source=LAOS, target=HUB)  # fmt: skip
    path = app_client.get(f"{base}/path", params={"source": LAOS, "target": HUB, "directed": "false"}, headers=headers)  # fmt: skip
    assert path.status_code == 200 and path.json()["path"][0] == LAOS
    i2 = app_client.get(f"{base}/export.csv", params={"start": "2024-06-12", "end": "2024-06-12"}, headers=headers)  # fmt: skip
    assert i2.status_code == 200 and i2.headers["content-type"].startswith("text/csv")
    assert i2.text.lstrip("\ufeff").splitlines()[0].startswith("Source ID,Source Type,Source Label")
    ftm = app_client.get(f"{base}/export.ftm.json", params=[("account", HUB), ("account", MULES[0])], headers=headers)  # fmt: skip
    assert [json.loads(line)["schema"] for line in ftm.text.splitlines()].count("Payment") == 1
    with world.db.read() as session:
        case = service.read_case_for_view(session, world.principal("thai_analyst"), case_id)
        alert_id = service.alerts_of(session, case)[0].id
    alert = app_client.get(f"{base}/alerts/{alert_id}", headers=headers)
    assert alert.status_code == 200 and alert.json()["highlight"] == [
        k["id"] for k in alert.json()["links"]
    ]
    assert app_client.get(f"{base}/alerts/{alert_id + 10_000}", headers=headers).status_code == 404
    nncc = world.partner("NNCC")  # another agency, on its own node: no such case there
    world.exchange()
    with nncc.app() as there:
        stranger = there.get(base, params={"account": HUB}, headers=nncc.token("chinese_liaison"))
    assert stranger.status_code == 404
    with world.db.read() as session:
        reads = session.scalar(
            select(func.count()).where(AuditEvent.action == "finance.chart.read")
        )
    assert reads == 3  # the neighbours, the path found and the alert; refusals read nothing

    browser.login("thai.analyst")
    for lang in ("th", "zh", "en"):
        assert browser.post("/lang", {"lang": lang, "next": "/"}).status_code == 303
        _ = translator(lang)
        page = browser.client.get(
            f"/finance/{case_id}/chart", params={"do": "expand", "account": HUB}
        )
        assert (
            page.status_code == 200
            and _("Link chart") in page.text
            and f"{MULES[0]}</a>" in page.text
        )
        refused = browser.client.get(f"/finance/{case_id}/chart", params={"do": "expand", "account": HUB, "start": "2024-13-01"})  # fmt: skip
        assert refused.status_code == 422 and _("%(value)s is not a date (YYYY-MM-DD).", value="2024-13-01") in refused.text  # fmt: skip
    highlighted = browser.client.get(
        f"/finance/{case_id}/chart", params={"do": "alert", "alert": alert_id}
    )
    assert highlighted.status_code == 200 and 'class="highlight"' in highlighted.text
    assert "/chart" in browser.client.get(f"/finance/{case_id}").text  # the case links to its chart


def test_a_viewer_reads_the_chart_but_exports_nothing(world: Any, app_client: TestClient, token_for: Any, browser: Any) -> None:  # fmt: skip
    """Exports carry every transaction of a case out of the node: the export permission is
    needed, as for the court schedule (a viewer once had export links and got the files)."""
    case_id = _seed(world)
    viewer = world.principal("thai_viewer")
    with world.db.write() as session, pytest.raises(Forbidden):
        graph.i2_csv(session, viewer, case_id, JUNE_12)
    base = f"/api/v1/finance/cases/{case_id}/chart"
    headers = {**token_for("thai_viewer"), "Accept-Language": "th"}
    for path in ("export.csv", "export.ftm.json"):
        refused = app_client.get(f"{base}/{path}", headers=headers)
        assert refused.status_code == 403, (path, refused.text)
    assert _audited(world, "finance.chart.export") == []
    browser.login("thai.viewer")
    page = browser.client.get(f"/finance/{case_id}/chart", params={"do": "expand", "account": HUB})
    assert page.status_code == 200 and f"{MULES[0]}</a>" in page.text
    assert 'id="export-i2"' not in page.text and 'id="export-ftm"' not in page.text


def test_each_chart_read_and_its_audit_row(world: Any) -> None:
    """The case is checked with the accounts asked for (or the alert read with the case's
    visibility) first, then read with its audit row (``authz.read_audited``), the row
    written at the commit; a refusal writes nothing."""
    from sqlalchemy import event

    case_id = _seed(world)
    principal = world.principal("thai_analyst")
    with world.db.read() as session:
        case = service.read_case_for_view(session, principal, case_id)
        alert = next(a for a in service.alerts_of(session, case) if a.typology == "fan_out")
        alert_id, alert_key = alert.id, alert.alert_key
    everything = graph.Window(zone=ZONE)
    reads = [
        lambda s: graph.neighbours(s, principal, case_id, HUB, JUNE_12),
        lambda s: graph.alert_chart(s, principal, case_id, alert_id),
        lambda s: graph.path_chart(s, principal, case_id, CASH, LAOS, everything),
    ]
    with world.db.write() as session:  # the process learns the audit chain's head
        reads[0](session)
    seen: list[str] = []
    event.listen(world.db.write_engine, "before_cursor_execute",
                 lambda c, cur, statement, *a: seen.append(statement.split(None, 1)[0].upper()))  # fmt: skip
    counts = []
    for read in reads:
        seen.clear()
        with world.db.write() as session:
            read(session)
        counts.append(sum(1 for s in seen if s not in ("BEGIN", "COMMIT")))
    # neighbours: check, read, pairs, ids, audit row; alert: alert, read, pairs, ids, audit row;
    # path: check, pairs, read, pairs, ids, audit row: SQLite writes the row in two steps,
    # PostgreSQL sends it with the COMMIT in the driver's pipeline (not counted here).
    assert counts == ([4, 4, 5] if world.db.dialect == "postgresql" else [6, 6, 7])
    assert _audited(world, "finance.chart.read")[-3:] == [
        {"view": "neighbours", "account": HUB, "start": "2024-06-12", "end": "2024-06-12"},
        {"view": "alert", "alert": alert_key},
        {"view": "path", "source": CASH, "target": LAOS, "directed": True, "found": True},
    ]
    with world.db.write() as session, pytest.raises(ValidationFailed):
        graph.path_chart(session, principal, case_id, "NOBODY", LAOS, everything)
    with world.db.write() as session, pytest.raises(NotFound):
        graph.alert_chart(session, principal, case_id + 1000, alert_id)
    assert len(_audited(world, "finance.chart.read")) == 4
