"""The ports area over HTTP: a saved mapping read at import, row refusals in the user's
language, the ranked list and a container's reasons in three languages, examinations, rules."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from typing import Any

from fastapi.testclient import TestClient

from mekongx.domains.ports.demo import COLUMNS, HEADER, generate
from mekongx.domains.ports.manifest import FIELDS
from mekongx.model.identity import User

DAY = dt.date(2026, 12, 2)


def _own_headers(rows: list[list[str]]) -> bytes:
    """The demo manifest under a shipping line's own headers, semicolon-separated, dd/mm/yyyy."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow([f"X {h}" for h in HEADER])
    for row in rows:
        row = list(row)
        for i in (20, 21):
            row[i] = dt.date.fromisoformat(row[i]).strftime("%d/%m/%Y")
        writer.writerow(row)
    return out.getvalue().encode()


def test_a_saved_mapping_reads_a_shipping_lines_headers(
    app_client: TestClient, token_for: Any
) -> None:
    made = generate(DAY, 12, seed=11, planted_every=4)
    body = _own_headers(made.rows)
    headers = token_for("thai_analyst")
    without = app_client.post(
        "/api/v1/ports/manifests", headers=headers, files={"file": ("m.csv", body)}
    )
    assert without.status_code == 422 and "bill_of_lading" in without.text
    columns = {f: f"X {h}" for f, h in zip(FIELDS, HEADER, strict=True)}
    bad = app_client.post("/api/v1/ports/mappings", headers=headers,
                          json={"name": "Line A", "columns": {"weight": "KG"}})  # fmt: skip
    assert bad.status_code == 422 and "weight" in bad.text
    saved = app_client.post("/api/v1/ports/mappings", headers=headers, json={
        "name": "Line A", "columns": columns, "delimiter": ";", "date_format": "%d/%m/%Y"})  # fmt: skip
    assert saved.status_code == 201, saved.text
    mapping = saved.json()["id"]
    done = app_client.post(f"/api/v1/ports/manifests?mapping={mapping}", headers=headers,
                           files={"file": ("m.csv", body)})  # fmt: skip
    assert done.status_code == 201, done.text
    assert done.json()["containers"] == 12 + len(made.planted)
    ranked = app_client.get(f"/api/v1/ports/targeting?day={DAY}", headers=headers).json()["items"]
    assert {r["number"] for r in ranked[: len(made.planted)]} >= made.planted - {
        r["number"] for r in ranked[len(made.planted) :]
    }
    top = app_client.get(f"/api/v1/ports/containers/{ranked[0]['id']}", headers=headers).json()
    assert top["hits"] and all(h["reasons"] for h in top["hits"])
    assert sum(h["points"] for h in top["hits"]) == top["score"]


def test_row_problems_are_named_in_thai_and_nothing_is_stored(app_client: TestClient, token_for: Any,
                                                             world: Any) -> None:  # fmt: skip
    made = generate(DAY, 3, seed=12)
    rows = [list(r) for r in made.rows]
    rows[0][12] = "MSKU1806519"  # MSKU 180651-0 is a real container number; 9 is the wrong digit
    rows[1][21] = "2026-13-40"
    out = io.StringIO()
    csv.writer(out).writerows(
        [list(FIELDS), *rows]
    )  # the field names as headers: no mapping needed
    answer = app_client.post("/api/v1/ports/manifests", headers=token_for("thai_analyst"),
                             files={"file": ("m.csv", out.getvalue().encode())})  # fmt: skip
    assert answer.status_code == 422
    text = answer.text
    assert "แถว 2" in text and "ISO 6346" in text and "แถว 3" in text, text
    listed = app_client.get("/api/v1/ports/manifests", headers=token_for("thai_analyst")).json()
    assert listed["items"] == [] and listed["total"] == 0


def test_the_pages_walk_from_the_list_to_an_examination(world: Any, browser: Any, app_client: TestClient,
                                                       token_for: Any) -> None:  # fmt: skip
    made = generate(DAY, 10, seed=13, planted_every=5)
    body = io.StringIO()
    csv.writer(body).writerows([HEADER, *made.rows])
    browser.login("thai.analyst")
    saved = browser.post(
        "/ports/mappings", {"name": "Terminal", **{f"col_{f}": h for f, h in COLUMNS.items()}}
    )
    assert saved.status_code == 303  # type: ignore[attr-defined]
    mapping = re.search(
        r'<option value="(\d+)">Terminal</option>', browser.client.get("/ports").text
    )
    assert mapping
    answer = browser.client.post("/ports/import", data={"csrf_token": browser.csrf, "mapping": mapping.group(1)},
                                 files={"file": ("m.csv", body.getvalue().encode())})  # fmt: skip
    assert answer.status_code == 303, answer.text
    page = browser.client.get(f"/ports?day={DAY}").text
    first = page.index("/ports/containers/")
    container_id = int(page[first:].split('"')[0].rsplit("/", 1)[1])
    number = re.search(r"[A-Z]{4}[0-9]{7}", page[first:])
    assert number
    found = browser.client.get(
        "/search", params={"q": f"{number.group(0)[:4]} {number.group(0)[4:8]}"}
    ).text
    assert f"/ports/containers/{container_id}" in found  # the search box finds a container number
    assert (
        f"/ports/containers/{container_id}" in browser.client.get("/").text
    )  # a task to examine it
    detail = browser.client.get(f"/ports/containers/{container_id}").text
    assert "ที่มาของคะแนน" in detail  # the analyst reads Thai
    bad = browser.post(f"/ports/containers/{container_id}/examination", {"outcome": "seizure"})
    assert bad.status_code == 422 and "ระบุสิ่งที่ยึดได้" in bad.text  # type: ignore[attr-defined]
    done = browser.post(f"/ports/containers/{container_id}/examination",
                        {"outcome": "seizure", "seized": "BMK in drums", "quantity_kg": "2900",
                         "drug": "precursors"})  # fmt: skip
    assert done.status_code == 303  # type: ignore[attr-defined]
    page = browser.client.get(f"/ports/containers/{container_id}").text
    link = re.search(r'href="(/seizures/\d+)"', page)  # the Safe Mekong seizure report, linked
    assert link and "BMK in drums" in browser.client.get(link.group(1)).text
    rules_page = browser.client.get("/ports/rules").text
    assert "100 %" in rules_page
    for lang, word in (("en", "Examination"), ("zh", "查验")):
        with world.db.write() as session:
            session.query(User).filter_by(username="thai.analyst").one().language = lang
        assert word in browser.client.get(f"/ports/containers/{container_id}").text


def test_a_rule_proposed_on_the_page_waits_for_a_colleague(world: Any, token_for: Any) -> None:
    with world.browser("thai.analyst") as analyst:
        proposed = analyst.post("/ports/rules", {"kind": "transshipment_hub", "label": "Hubs of profile 9",
                                                 "values": "SGSIN, MYPKG", "weight": "25", "why": "profile 9"})  # fmt: skip
        assert proposed.status_code == 303  # type: ignore[attr-defined]
        page = analyst.client.get("/ports/rules").text
        change = re.search(r'id="change-(\d+)"', page)
        assert change and "Hubs of profile 9" in page
        rule_id = change.group(1)
        own = analyst.post(f"/ports/rules/{rule_id}/decision", {"decision": "approve"})
        assert own.status_code == 403  # type: ignore[attr-defined]
        assert "ต้องให้บุคคลที่สองอนุมัติ" in own.text  # type: ignore[attr-defined]
    with world.app() as client:
        rule = client.get("/api/v1/ports/rules", params={"retired": "true"},
                          headers=token_for("thai_liaison")).json()  # fmt: skip
        mine = next(r for r in rule if r["id"] == int(rule_id))
        assert mine["state"] == "proposed" and mine["pending"]["proposal"]["change"] == "add"
        done = client.post(f"/api/v1/ports/rules/{rule_id}/approve", json={"note": "ok"},
                           headers=token_for("thai_liaison"))  # fmt: skip
        assert done.status_code == 200 and done.json()["state"] == "active", done.text
        again = client.post(f"/api/v1/ports/rules/{rule_id}/weight", json={"weight": 60, "why": "x"},
                            headers=token_for("thai_liaison"))  # fmt: skip
        assert again.status_code == 202 and again.json()["weight"] == 25
        own = client.post(f"/api/v1/ports/rules/{rule_id}/approve", json={},
                          headers=token_for("thai_liaison"))  # fmt: skip
        assert own.status_code == 403


def test_the_targeting_list_pages_through_the_shared_listing(app_client: TestClient,
                                                             token_for: Any) -> None:  # fmt: skip
    made = generate(DAY, 40, seed=13, planted_every=8)
    body = io.StringIO()
    writer = csv.writer(body)
    writer.writerow(HEADER)
    writer.writerows(made.rows)
    headers = token_for("thai_analyst")
    mapping = app_client.post("/api/v1/ports/mappings", headers=headers,
                              json={"name": "demo", "columns": COLUMNS}).json()["id"]  # fmt: skip
    done = app_client.post(f"/api/v1/ports/manifests?mapping={mapping}", headers=headers,
                           files={"file": ("m.csv", body.getvalue().encode())})  # fmt: skip
    containers = done.json()["containers"]
    seen: list[dict[str, Any]] = []
    url = f"/api/v1/ports/targeting?day={DAY}&minimum=0&per_page=15"
    answer = app_client.get(url, headers=headers).json()
    while True:
        seen.extend(answer["items"])
        if answer["next_after"] is None:
            break
        answer = app_client.get(f"{url}&after={answer['next_after']}", headers=headers).json()
    assert answer["total"] == containers and len(seen) == containers  # every container once
    assert len({r["id"] for r in seen}) == containers
    scores = [r["score"] for r in seen]
    assert scores == sorted(scores, reverse=True)  # highest first across the pages
    page_two = app_client.get(f"{url}&page=2", headers=headers).json()["items"]
    assert [r["id"] for r in page_two] == [r["id"] for r in seen[15:30]]


def test_the_days_list_is_read_beside_the_writers_audited_and_walks_an_index(
    world: Any, browser: Any, token_for: Any, app_client: TestClient
) -> None:
    """/ports?day= reads in a read transaction and writes only its audit event; the ranked list
    walks the (arrival day, score, id) index instead of sorting the day's containers."""
    from sqlalchemy import func, inspect, select

    from mekongx.audit import AuditEvent
    from mekongx.domains.ports.models import PortContainer

    made = generate(DAY, 30, seed=17, planted_every=10)
    body = io.StringIO()
    csv.writer(body).writerows([HEADER, *made.rows])
    headers = token_for("thai_analyst")
    mapping = app_client.post("/api/v1/ports/mappings", headers=headers,
                              json={"name": "demo", "columns": COLUMNS}).json()["id"]  # fmt: skip
    assert app_client.post(f"/api/v1/ports/manifests?mapping={mapping}", headers=headers,
                           files={"file": ("m.csv", body.getvalue().encode())}).status_code == 201  # fmt: skip

    def audited() -> int:
        with world.db.read() as session:
            stmt = select(func.count()).where(AuditEvent.action == "ports.targeting.read",
                                              AuditEvent.target_id == DAY.isoformat())  # fmt: skip
            return int(session.scalar(stmt) or 0)

    browser.login("thai.analyst")
    before = audited()
    page = browser.client.get(f"/ports?day={DAY}")
    assert page.status_code == 200 and sorted(made.planted)[0] in page.text
    assert audited() == before + 1
    with world.db.read() as session:
        indexes = {
            i["name"]: i["column_names"]
            for i in inspect(session.connection()).get_indexes("port_containers")
        }
        assert indexes["ix_port_containers_day_rank"] == ["arrival_on", "score", "id"]
        if world.db.dialect == "sqlite":
            connection = session.connection()
            ranked = (select(PortContainer.id).where(PortContainer.arrival_on == DAY)
                      .order_by(PortContainer.score.desc(), PortContainer.id.desc()).limit(50))  # fmt: skip
            sql = str(ranked.compile(dialect=connection.dialect))
            rows = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", (DAY.isoformat(), 50, 0))
            plan = " ".join(str(r[-1]) for r in rows)
            assert "ix_port_containers_day_rank" in plan and "TEMP B-TREE" not in plan, plan
