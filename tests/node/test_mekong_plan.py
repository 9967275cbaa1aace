"""The Safe Mekong Joint Operation Plan as tracked data: an action entered once at ONCB (bad input
refused in the user's language, nothing written) reaches the group; NNCC reports China's
progress with evidence it may see (a record it may not see is refused); the progress comes back
to ONCB and shows side by side, its evidence only as far as ONCB may see it. And the REST API of
joint operations."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import func, select

from mekongx.domains.mekong.demo import PROGRESS, seed_demo_plan, seed_demo_progress
from mekongx.domains.mekong.models import PlanAction, PlanProgress
from mekongx.domains.seizures import service as seizures
from mekongx.domains.seizures.schemas import SeizureInput
from mekongx.validation import parse

ACTION = {"line": "2. Joint operations and patrols", "number": "2.1", "title": "Quarterly joint patrols",
          "due_on": "2026-12-31", "handling_code": "H0", "distribution": "group",
          "sharing_group": "SAFE-MEKONG", "language": "en"}  # fmt: skip
SEIZURE = {"seized_on": "2026-03-14", "country": "CN", "admin1": "CN-YN", "drug": "meth_tablets",
           "quantity": "12000", "unit": "tablets"}  # fmt: skip


def _count(node: Any, model: Any) -> int:
    with node.db.read() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_a_plan_action_and_each_countrys_progress_side_by_side(world: Any) -> None:
    nncc = world.partner("NNCC")
    with world.browser("thai.liaison") as browser:
        bad = browser.post("/mekong-plan/new", {**ACTION, "number": "", "title": ""})
        assert bad.status_code == 422
        assert 'id="err-number"' in bad.text and 'id="err-title"' in bad.text
        assert _count(world, PlanAction) == 0
        made = browser.post("/mekong-plan/new", ACTION)
        assert made.status_code == 303, made.text
        again = browser.post("/mekong-plan/new", ACTION)
        assert (
            again.status_code == 422 and "แผนมีกิจกรรมลำดับที่ 2.1 อยู่แล้ว" in again.text
        )  # in her language
    assert _count(world, PlanAction) == 1
    world.exchange()
    action = nncc.id_of(PlanAction, world.uid_of(PlanAction, 1))
    with nncc.db.write() as session:
        cn = nncc.principal("chinese_liaison")
        shared = seizures.create_seizure(session, cn, parse(SeizureInput, {**SEIZURE, "reference": "CN-1",
                                         "distribution": "peers", "recipients": ["ONCB"]}))  # fmt: skip
        kept = seizures.create_seizure(session, cn, parse(SeizureInput, {**SEIZURE, "reference": "CN-2", "quantity": "500"}))  # fmt: skip
        shared_uid, kept_uid = shared.uid, kept.uid
    headers = nncc.token("chinese_liaison")
    body = {"activity": "NNCC Yunnan river units join every patrol", "status": "in_progress",
            "reported_on": "2026-04-01", "evidence": [{"kind": "seizure", "uid": shared_uid}]}  # fmt: skip
    with nncc.app() as client:
        hidden = {
            **body,
            "evidence": [
                {"kind": "mekong_operation", "uid": "0" * 8 + "-0000-0000-0000-" + "0" * 12}
            ],
        }
        refused = client.put(
            f"/api/v1/mekong/plan/actions/{action}/progress", json=hidden, headers=headers
        )
        assert refused.status_code == 422 and "evidence.0" in refused.text
        dropped = client.put(f"/api/v1/mekong/plan/actions/{action}/progress",
                             json={**body, "status": "dropped"}, headers=headers)  # fmt: skip
        assert dropped.status_code == 422 and "note" in dropped.text
        assert _count(nncc, PlanProgress) == 0
        first = client.put(
            f"/api/v1/mekong/plan/actions/{action}/progress", json=body, headers=headers
        )
        assert first.status_code == 200, first.text
        assert first.json()["country"] == "CN" and first.json()["version"] == 1
        both = [{"kind": "seizure", "uid": shared_uid}, {"kind": "seizure", "uid": kept_uid}]
        second = client.put(f"/api/v1/mekong/plan/actions/{action}/progress",
                            json={**body, "status": "done", "evidence": both}, headers=headers)  # fmt: skip
        assert second.json()["version"] == 2 and len(second.json()["evidence"]) == 2
    world.exchange()
    with world.app() as client:
        plan = client.get("/api/v1/mekong/plan", headers=world.token("thai_viewer")).json()
    [row] = plan["actions"]
    [progress] = row["progress"]
    assert progress["country"] == "CN" and progress["status"] == "done" and progress["received"]
    assert [e["uid"] for e in progress["evidence"]] == [shared_uid]  # CN-2 was kept in China
    with world.browser("thai.viewer") as browser:
        page = browser.client.get("/mekong-plan").text
        cell = page.split('data-country="CN"')[1].split("</td>")[0]
        assert "done" in cell
        detail = browser.client.get(f"/mekong-plan/{row['id']}").text
        assert "CN-1" in detail and "CN-2" not in detail


def test_the_demo_plan_passes_every_check(world: Any) -> None:
    with world.db.write() as session:
        liaison = world.principal("thai_liaison")
        seed_demo_plan(session, "ONCB", liaison, today=date(2026, 11, 30))
        seed_demo_progress(session, liaison, today=date(2026, 11, 30))
    assert _count(world, PlanAction) == 5 and _count(world, PlanProgress) == len(PROGRESS) == 5


def test_the_joint_operations_api(world: Any, token_for: Any) -> None:
    headers = token_for("thai_liaison")
    with world.db.write() as session:
        seizure = seizures.create_seizure(session, world.principal("thai_liaison"), parse(SeizureInput, {
            **SEIZURE, "country": "TH", "admin1": "TH-57", "reference": "TH-1", "arrests": 2,
            "nationalities": {"MM": 2}}))  # fmt: skip
        uid = seizure.uid
    body = {"activity": "patrol", "name": "Patrol", "number": 151, "starts_on": "2026-03-01",
            "ends_on": "2026-03-04", "countries": ["TH", "LA", "CN", "MM"], "seizures": [uid],
            "route": "Guanlei → Chiang Saen"}  # fmt: skip
    with world.app() as client:
        bad = client.post("/api/v1/mekong/operations", json={**body, "number": None, "countries": ["TH"]}, headers=headers)  # fmt: skip
        assert bad.status_code == 422 and "number" in bad.text and "countries" in bad.text
        made = client.post("/api/v1/mekong/operations", json=body, headers=headers)
        assert made.status_code == 201, made.text
        results = made.json()["results"]
        assert results["seizures"] == [uid] and results["arrests"] == 2
        assert results["nationalities"] == {"MM": 2} and results["tablets"] == 12000
        listed = client.get("/api/v1/mekong/operations?activity=patrol", headers=headers).json()
        assert [o["number"] for o in listed["items"]] == [151]
        assert listed["total"] == 1 and listed["next_after"] is None  # one page of the list
        one = client.get(f"/api/v1/mekong/operations/{made.json()['id']}", headers=headers).json()
        assert (
            one["countries"] == ["CN", "LA", "MM", "TH"] and one["route"] == "Guanlei → Chiang Saen"
        )
        assert client.get("/api/v1/mekong/operations/99999", headers=headers).status_code == 404


def test_a_country_s_progress_comes_only_from_that_country_s_agency(world: Any) -> None:
    """The plan shows progress by country: a peer may not send progress under another country's
    name (LCDC, Laos, claiming China's column); China's own agency may."""
    import pytest

    from mekongx.domains.mekong import exchange
    from mekongx.errors import Forbidden
    from mekongx.federation.handlers import Received

    data = {"uid": "0b0f0c2e-2222-4000-8000-000000000001", "version": 1,
            "action_uid": "0b0f0c2e-2222-4000-8000-000000000002", "country": "CN",
            "activity": "Patrols", "status": "done", "note": "", "reported_on": "2026-04-01",
            "evidence": [], "language": "en", "handling_code": "H0", "handling_note": "",
            "distribution": "peers", "sharing_group": None, "recipients": ["ONCB"],
            "author_name": "x", "created_at": "2026-04-01T00:00:00+00:00"}  # fmt: skip
    forged = Received("m1", "information", "LCDC", "ONCB", None, None, "H0", "")
    with world.db.write() as session, pytest.raises(Forbidden):
        exchange.apply_progress(session, forged, {**data, "origin_agency": "LCDC"})
    assert _count(world, PlanProgress) == 0
    genuine = Received("m2", "information", "NNCC", "ONCB", None, None, "H0", "")
    with world.db.write() as session:
        exchange.apply_progress(session, genuine, {**data, "origin_agency": "NNCC"})
    assert _count(world, PlanProgress) == 1
