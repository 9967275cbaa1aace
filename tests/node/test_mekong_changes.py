"""Changing and retracting joint operations and plan actions (page, API, exchange, audit), and
the rule that only the plan's keeper enters its actions: refused on its node and on receipt."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select

from mekongx.audit import AuditEvent
from mekongx.domains.mekong import exchange
from mekongx.domains.mekong.models import JointOperation, PlanAction, PlanKeeper
from mekongx.errors import Forbidden
from mekongx.federation.handlers import Received
from mekongx.federation.models import Acknowledgement

OPERATION = {"activity": "operation", "name": "Operation Sop Ruak", "starts_on": "2026-03-01",
             "ends_on": "2026-03-20", "countries": "TH", "language": "en", "handling_code": "H0",
             "distribution": "group", "sharing_group": "SAFE-MEKONG"}  # fmt: skip
ACTION = {"line": "2. Joint operations and patrols", "number": "2.1", "title": "Quarterly joint patrols",
          "due_on": "2026-12-31", "handling_code": "H0", "distribution": "group",
          "sharing_group": "SAFE-MEKONG", "language": "en"}  # fmt: skip


def _events(node: Any, action: str) -> int:
    with node.db.read() as session:
        stmt = select(func.count()).select_from(AuditEvent).where(AuditEvent.action == action)
        return session.scalar(stmt) or 0


def _copy(node: Any, model: Any, uid: str) -> Any:
    with node.db.read() as session:
        found = session.scalar(select(model).where(model.uid == uid))
        assert found is not None
        session.expunge(found)
        return found


def test_an_operation_is_changed_and_retracted_on_its_page_and_every_holder_follows(world: Any) -> None:  # fmt: skip
    nncc = world.partner("NNCC")
    with world.browser("thai.liaison") as browser:
        made = browser.post("/mekong/new", {**OPERATION, "countries": ["TH", "LA"]})
        assert made.status_code == 303, made.text
        url = made.headers["location"]
        uid = world.uid_of(JointOperation, int(url.rsplit("/", 1)[1]))
        world.exchange()
        assert f'href="{url}/edit"' in browser.client.get(url).text
        form = browser.client.get(f"{url}/edit")
        assert 'value="Operation Sop Ruak"' in form.text and 'value="LA" checked' in form.text
        bad = browser.post(f"{url}/edit", {**OPERATION, "countries": ["TH"]})
        assert bad.status_code == 422 and 'id="err-countries"' in bad.text
        assert "ประเทศ" in bad.text  # the problem in her language (Thai)
        assert _copy(world, JointOperation, uid).version == 1
        good = browser.post(f"{url}/edit", {**OPERATION, "countries": ["TH", "LA", "MM"],
                                            "name": "Operation Sop Ruak II"})  # fmt: skip
        assert good.status_code == 303, good.text
        world.exchange()
        copy = _copy(nncc, JointOperation, uid)
        assert (copy.version, copy.name, copy.countries) == (2, "Operation Sop Ruak II", "LA,MM,TH")
        empty = browser.post(f"{url}/retract", {"reason": " "})
        assert empty.status_code == 422 and 'id="err-reason"' in empty.text
        gone = browser.post(f"{url}/retract", {"reason": "Entered twice"})
        assert gone.status_code == 303
        page = browser.client.get(url).text
        assert 'id="retracted"' in page and "Entered twice" in page and "/edit" not in page
        assert browser.client.get(f"{url}/edit").status_code == 403
    world.exchange()
    copy = _copy(nncc, JointOperation, uid)
    assert (copy.status, copy.status_note) == ("retracted", "Entered twice")
    assert _events(world, "mekong.correct") == 1 and _events(world, "mekong.retract") == 1
    with world.db.read() as session:  # NNCC acknowledged the correction and the retraction
        assert session.scalar(select(func.count()).select_from(Acknowledgement)) == 2
    copy_id = nncc.id_of(JointOperation, uid)
    with nncc.app() as client:
        headers = nncc.token("chinese_liaison")
        refused = client.put(f"/api/v1/mekong/operations/{copy_id}",
                             json={**OPERATION, "countries": ["TH", "CN"]}, headers=headers)  # fmt: skip
        assert refused.status_code in (403, 404)


def test_the_plan_keeper_changes_and_retracts_an_action_through_the_api(world: Any) -> None:
    nncc = world.partner("NNCC")
    headers = world.token("thai_liaison")
    with world.app() as client:
        made = client.post("/api/v1/mekong/plan/actions", json=ACTION, headers=headers)
        assert made.status_code == 201, made.text
        action_id, uid = made.json()["id"], made.json()["uid"]
        world.exchange()
        changed = client.put(f"/api/v1/mekong/plan/actions/{action_id}",
                             json={**ACTION, "title": "Monthly joint patrols"}, headers=headers)  # fmt: skip
        assert changed.status_code == 200 and changed.json()["version"] == 2
        moved = client.put(f"/api/v1/mekong/plan/actions/{action_id}",
                           json={**ACTION, "plan": "2028-2032"}, headers=headers)  # fmt: skip
        assert moved.status_code == 422 and "plan" in moved.text
        world.exchange()
        assert _copy(nncc, PlanAction, uid).title == "Monthly joint patrols"
        retracted = client.post(f"/api/v1/mekong/plan/actions/{action_id}/retract",
                                json={"reason": "Merged into 2.2"}, headers=headers)  # fmt: skip
        assert retracted.status_code == 200 and retracted.json()["status"] == "retracted"
        again = client.post(f"/api/v1/mekong/plan/actions/{action_id}/retract",
                            json={"reason": "twice"}, headers=headers)  # fmt: skip
        assert again.status_code == 409
    world.exchange()
    assert _copy(nncc, PlanAction, uid).status == "retracted"
    copy_id = nncc.id_of(PlanAction, uid)
    with nncc.app() as client:  # no progress under a retracted action
        progress = client.put(f"/api/v1/mekong/plan/actions/{copy_id}/progress",
                              json={"activity": "Patrols", "status": "planned", "reported_on": "2026-04-01"},
                              headers=nncc.token("chinese_liaison"))  # fmt: skip
        assert progress.status_code == 409
        plan = client.get("/api/v1/mekong/plan", headers=nncc.token("chinese_liaison")).json()
        assert [a["status"] for a in plan["actions"]] == ["retracted"]
    assert _events(world, "mekong.plan.correct") == 1 and _events(world, "mekong.plan.retract") == 1


def test_only_the_plan_keeper_enters_its_actions(world: Any) -> None:
    """ONCB's action reaches NNCC first, so NNCC's node records ONCB as the keeper: an NNCC
    officer's action of the plan is refused there (in Chinese, naming ONCB); an action of the
    plan sent by another agency is refused on receipt; the administrator names the keeper."""
    nncc = world.partner("NNCC")
    with world.app() as client:
        made = client.post("/api/v1/mekong/plan/actions", json=ACTION, headers=world.token("thai_liaison"))  # fmt: skip
        assert made.status_code == 201
    world.exchange()
    with nncc.app() as client:
        refused = client.post("/api/v1/mekong/plan/actions", json={**ACTION, "number": "9.9"},
                              headers=nncc.token("chinese_liaison"))  # fmt: skip
        assert refused.status_code == 403 and "ONCB" in refused.text
    with nncc.browser("chinese.liaison") as browser:
        page = browser.post("/mekong-plan/new", {**ACTION, "number": "9.9"})
        assert page.status_code == 403 and "ONCB" in page.text
    with nncc.db.read() as session:
        keeper = session.get(PlanKeeper, "2023-2027")
        assert keeper is not None and keeper.agency_code == "ONCB"
        assert session.scalar(select(func.count()).select_from(PlanAction)) == 1
    forged = {**ACTION, "plan": "2023-2027", "uid": "0b0f0c2e-3333-4000-8000-000000000001",
              "version": 1, "origin_agency": "LCDC", "author_name": "x", "recipients": [],
              "created_at": "2026-04-01T00:00:00+00:00"}  # fmt: skip
    sent = Received("m1", "information", "LCDC", "ONCB", None, None, "H0", "")
    with world.db.write() as session, pytest.raises(Forbidden):
        exchange.apply_action(session, sent, forged)
    with world.app() as client:
        body = {"plan": "2023-2027", "agency": "SMCC"}
        assert client.put("/api/v1/mekong/plan/keeper", json=body,
                          headers=world.token("thai_liaison")).status_code == 403  # fmt: skip
        named = client.put("/api/v1/mekong/plan/keeper", json={**body, "agency": "LCDC"},
                           headers=world.token("thai_admin"))  # fmt: skip
        assert named.status_code == 200 and named.json()["agency"] == "LCDC"
    with world.db.write() as session:  # now LCDC's action is the keeper's
        exchange.apply_action(session, sent, forged)
    assert _events(world, "mekong.plan.keeper") == 1
