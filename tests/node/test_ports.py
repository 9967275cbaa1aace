"""The ports area: manifest import with a saved mapping, row-level refusals, risk profiles that
explain themselves, rules as data with hit rates, examinations, and alerts to the port of
loading's agency over the exchange."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from mekongx.audit import AuditEvent
from mekongx.domains.fugitives import service as notices
from mekongx.domains.fugitives.demo import NOTICES
from mekongx.domains.fugitives.schemas import NoticeInput
from mekongx.domains.ports import alerts, examinations, manifest, rules, service
from mekongx.domains.ports.demo import COLUMNS, HEADER, generate
from mekongx.domains.ports.schemas import (
    AlertInput,
    DecisionInput,
    ExaminationInput,
    RetireInput,
    RuleInput,
    WeightInput,
)
from mekongx.errors import Conflict, Forbidden, ValidationFailed
from mekongx.validation import parse

DAY = dt.date(2026, 12, 3)


def _import(world: Any, rows: list[list[str]], user: str = "thai_analyst") -> Any:
    reading = manifest.read_rows(HEADER, enumerate(rows, start=2), COLUMNS)
    with world.db.write() as session:
        made = service.import_manifest(session, world.principal(user), reading, "m.csv", "x" * 64)
        return made.id


def _notice(world: Any) -> None:
    """Publish the demo's notice of Sompong Kaewmanee (a demo manifest names him as notify party)."""
    data = {**NOTICES["ONCB"][0], "distribution": "own", "sharing_group": None, "recipients": []}
    with world.db.write() as session:
        notice = notices.create_notice(
            session, world.principal("thai_analyst"), parse(NoticeInput, data)
        )
        notices.transition(session, world.principal("thai_liaison"), notice.id, "review")
        notices.transition(session, world.principal("thai_liaison"), notice.id, "publish")


def _ranked(world: Any, day: dt.date = DAY) -> list[Any]:
    with world.db.write() as session:
        return service.targeting(session, world.principal("thai_analyst"), day).items


def test_planted_containers_rank_first_and_explain_themselves(world: Any) -> None:
    _notice(world)  # Sompong Kaewmanee, named as a notify party of a planted container
    _import(world, generate(DAY - dt.timedelta(days=1), 60, seed=2).rows)  # the party history
    made = generate(DAY, 60, seed=2, planted_every=12)
    _import(world, made.rows)
    ranked = _ranked(world)
    top = {r.container.number for r in ranked[: len(made.planted)]}
    assert made.planted <= top, (
        made.planted,
        [(r.container.number, r.container.score) for r in ranked[:8]],
    )
    with world.db.write() as session:
        detail = service.read_container(
            session, world.principal("thai_analyst"), ranked[0].container.id
        )
        codes = {r["code"] for _, hit in detail.hits for r in json.loads(hit.reasons)}
        assert sum(hit.points for _, hit in detail.hits) == detail.container.score
    assert codes  # every point comes with its reasons


def test_a_bad_row_refuses_the_whole_file_naming_each_row(world: Any) -> None:
    made = generate(DAY, 5, seed=4)
    rows = [list(r) for r in made.rows]
    rows[0][12] = "CSQU3054384"  # check digit should be 3 (the ISO 6346 example)
    rows[1][20] = "31/02/2026"
    rows[2][15] = "XXABC"
    rows[3][10] = "heavy"
    reading = manifest.read_rows(HEADER, enumerate(rows, start=2), COLUMNS)
    with world.db.write() as session, pytest.raises(ValidationFailed) as refused:
        service.import_manifest(session, world.principal("thai_analyst"), reading, "m.csv", "x")
    text = [(p.message, p.params) for p in refused.value.fields]
    assert any(p.get("digit") == "3" and p["row"] == 2 for _, p in text)
    assert any(p["row"] == 3 and "date" in m for m, p in text)
    assert any(p["row"] == 4 and "UN/LOCODE" in m for m, p in text)
    assert any(p["row"] == 5 and "weight" in m for m, p in text)
    assert _ranked(world) == []  # nothing half-written


def test_a_manifest_imported_twice_is_refused(world: Any) -> None:
    made = generate(DAY, 4, seed=5)
    _import(world, made.rows)
    with pytest.raises(ValidationFailed) as refused:
        _import(world, made.rows)
    assert "imported already" in refused.value.fields[0].message
    doubled = manifest.read_rows(HEADER, enumerate([made.rows[0], made.rows[0]], start=2), COLUMNS)
    assert doubled.problems[0].params == {"row": 3, "first": 2}


def test_rules_are_data_with_hit_rates_from_examinations(world: Any) -> None:
    analyst, liaison = world.principal("thai_analyst"), world.principal("thai_liaison")
    with world.db.write() as session:
        hub = rules.add(session, analyst, RuleInput(kind="transshipment_hub", label="Hubs", values=["mypkg"],
                                                    weight=30, why="profile 2026/7"))  # fmt: skip
        rules.approve(session, liaison, hub.id, DecisionInput())
        with pytest.raises(ValidationFailed):
            rules.add(
                session,
                analyst,
                RuleInput(kind="transshipment_hub", label="x", values=["ZZZZZ"], weight=1),
            )
        hub_id = hub.id
    made = generate(DAY, 30, seed=6, planted_every=6)
    _import(world, made.rows)
    ranked = _ranked(world)
    with world.db.write() as session:
        for r in ranked[:3]:
            outcome = "seizure" if r.container.number in made.planted else "nothing"
            examinations.record_examination(session, analyst, r.container.id, ExaminationInput(
                outcome=outcome, seized="drums" if outcome == "seizure" else ""))  # fmt: skip
        with pytest.raises(Conflict):
            examinations.record_examination(session, analyst, ranked[0].container.id,
                                            ExaminationInput(outcome="nothing"))  # fmt: skip
        table = {s.rule.id: s for s in rules.stats(session, analyst)}
        assert table[hub_id].fired >= 1
        assert any(s.examined for s in table.values())
        assert all(s.found <= s.examined <= s.fired for s in table.values())
        rules.reweight(session, analyst, hub_id, WeightInput(weight=5, why="too many lawful"))
        rules.approve(session, liaison, hub_id, DecisionInput())
        rules.retire(session, analyst, hub_id, RetireInput(why="profile withdrawn"))
        rules.approve(session, liaison, hub_id, DecisionInput())
        assert hub_id not in {r.id for r in rules.engine_rules(session)}
        with pytest.raises(Conflict):
            rules.retire(session, analyst, hub_id, RetireInput(why="again"))


def _audit(world: Any, uid: str) -> list[tuple[str, str, str]]:
    with world.db.read() as session:
        return [(e.action, e.actor, e.why) for e in session.query(AuditEvent)
                .filter(AuditEvent.target_id == uid).order_by(AuditEvent.seq)]  # fmt: skip


def test_a_rule_change_takes_effect_only_when_a_second_person_approves_it(world: Any) -> None:
    analyst, liaison = world.principal("thai_analyst"), world.principal("thai_liaison")
    with world.db.write() as session:
        hub = rules.add(session, analyst, RuleInput(kind="transshipment_hub", label="Hubs of profile 7",
                                                    values=["SGSIN"], weight=30, why="profile 7"))  # fmt: skip
        hub_id, uid = hub.id, hub.uid
        assert hub_id not in {r.id for r in rules.engine_rules(session)}  # proposed: not in force
        with pytest.raises(Forbidden):  # four eyes: the proposer cannot approve
            rules.approve(session, analyst, hub_id, DecisionInput())
    with world.db.read() as session:
        state = {s.rule.id: s.state for s in rules.stats(session, analyst, retired=True)}
        assert state[hub_id] == "proposed"
        assert [c.rule.id for c in rules.changes(session, analyst)] == [hub_id]
    # the analyst's own proposal is no task for the analyst, but one for the liaison officer
    from mekongx.domains.ports.providers import rule_changes

    now = dt.datetime.now(dt.UTC)
    with world.db.read() as session:
        assert rule_changes(session, analyst, now) == []
        assert [t.title for t in rule_changes(session, liaison, now)] == ["Hubs of profile 7"]
    with world.db.write() as session:
        rules.approve(session, liaison, hub_id, DecisionInput(note="checked against the alert"))
        assert hub_id in {r.id for r in rules.engine_rules(session)}
    # a new weight waits too; sent back, the rule keeps its weight
    with world.db.write() as session:
        rules.reweight(session, liaison, hub_id, WeightInput(weight=80, why="more weight"))
        assert {r.id: r.weight for r in rules.engine_rules(session)}[hub_id] == 30
        with pytest.raises(Forbidden):
            rules.approve(session, liaison, hub_id, DecisionInput())
        with pytest.raises(ValidationFailed):  # sending back needs a comment
            rules.send_back(session, analyst, hub_id, DecisionInput())
        rules.send_back(session, analyst, hub_id, DecisionInput(note="80 would outrank notices"))
        assert {r.id: r.weight for r in rules.engine_rules(session)}[hub_id] == 30
        with pytest.raises(Conflict):  # nothing waits any more
            rules.approve(session, analyst, hub_id, DecisionInput())
    with world.db.write() as session:
        rules.retire(session, analyst, hub_id, RetireInput(why="profile withdrawn"))
        assert hub_id in {r.id for r in rules.engine_rules(session)}  # still in force
        rules.approve(session, liaison, hub_id, DecisionInput())
        assert hub_id not in {r.id for r in rules.engine_rules(session)}
    assert _audit(world, uid) == [
        ("review.submit", "thai.analyst", "profile 7"),
        ("ports.rule.propose", "thai.analyst", "profile 7"),
        ("review.approve", "thai.liaison", "checked against the alert"),
        ("ports.rule.add", "thai.liaison", "profile 7"),
        ("review.submit", "thai.liaison", "more weight"),
        ("ports.rule.propose", "thai.liaison", "more weight"),
        ("review.return", "thai.analyst", "80 would outrank notices"),
        ("review.submit", "thai.analyst", "profile withdrawn"),
        ("ports.rule.propose", "thai.analyst", "profile withdrawn"),
        ("review.approve", "thai.liaison", ""),
        ("ports.rule.retire", "thai.liaison", "profile withdrawn"),
    ]


def test_a_seizure_is_alerted_to_the_port_of_loading(world: Any) -> None:
    nncc = world.partner("NNCC")
    made = generate(DAY, 20, seed=7, planted_every=5)
    _import(world, made.rows)
    ranked = _ranked(world)
    chinese = next(
        r
        for r in ranked
        if r.container.number in made.planted and r.port_of_loading.startswith("CN")
    )
    with world.db.write() as session:
        examinations.record_examination(session, world.principal("thai_analyst"), chinese.container.id,
                                        ExaminationInput(outcome="seizure", seized="BMK", quantity_kg=2900,
                                                         substance_id="p2p"))  # fmt: skip
    with world.db.write() as session:
        assert [a.code for a in alerts.partners(session, chinese.container.id)] == ["NNCC"]
        with pytest.raises(ValidationFailed):
            alerts.send(session, world.principal("thai_liaison"), chinese.container.id,
                        AlertInput(to_agency="LCDC", evidence=["route"]))  # fmt: skip
    with world.db.write() as session:
        alerts.send(session, world.principal("thai_liaison"), chinese.container.id,
                    AlertInput(to_agency="NNCC", evidence=["route", "goods", "examination"], note="Please trace the shipper"))  # fmt: skip
    world.exchange()
    with nncc.db.write() as session:
        got = alerts.alerts(session, nncc.principal("chinese_analyst")).items
        assert [(a.direction, a.container_number, a.reason) for a in got] == [
            ("in", chinese.container.number, "seizure")
        ]
        evidence = json.loads(got[0].evidence)
        assert evidence["examination"]["seized"] == "BMK" and not evidence.get("parties")


def test_the_demo_seeds_laem_chabang_with_its_planted_containers_on_top(world: Any) -> None:
    from mekongx.domains.ports.demo import seed_demo_ports

    _notice(world)
    count = seed_demo_ports(
        world.db, world.principal("thai_analyst"), DAY, approver=world.principal("thai_liaison")
    )
    ranked = _ranked(world)
    assert count == 125 and len(ranked) <= count
    with world.db.write() as session:
        top = [
            service.read_container(session, world.principal("thai_analyst"), r.container.id)
            for r in ranked[:5]
        ]
    goods = " ".join(line.goods for d in top for line in d.lines)
    assert "ephedrine" in goods and "Benzyl methyl ketone" in goods and "KMnO4" in goods
    kinds = {rule.kind for d in top for rule, _ in d.hits}
    assert {"notice_party", "weight_density", "transshipment_hub", "residential_address"} <= kinds


def test_a_fresh_demo_holds_oncbs_seizure_alert_at_nncc(world: Any) -> None:
    """The demo's P-2-P container is examined with a seizure and alerted to NNCC, and the alert
    is applied at NNCC through the inbox's check and the area's handler (``demo._deliver``)."""
    from mekongx.demo_network import seed_port_alert
    from mekongx.domains.ports.demo import seed_demo_alert, seed_demo_ports

    nncc = world.partner("NNCC")
    thai, liaison = world.principal("thai_analyst"), world.principal("thai_liaison")
    seed_demo_ports(world.db, thai, dt.date.today(), approver=liaison)
    uid = seed_demo_alert(world.db, thai, liaison)
    seed_port_alert({"ONCB": (world.db, None, ""), "NNCC": (nncc.db, None, "")})
    with nncc.db.write() as session:
        got = alerts.alerts(session, nncc.principal("chinese_analyst")).items
    assert [(a.uid, a.direction, a.from_agency, a.reason) for a in got] == [
        (uid, "in", "ONCB", "seizure")
    ]
    evidence = json.loads(got[0].evidence)
    assert evidence["route"]["port_of_loading"] == "CNNGB"
    assert evidence["examination"]["quantity_kg"] == 14400
    assert {"parties", "goods", "reasons"} <= set(evidence)
    with world.db.write() as session:
        sent = alerts.alerts(session, liaison).items
    assert [(a.uid, a.direction, a.to_agency) for a in sent] == [(uid, "out", "NNCC")]


def test_the_parties_of_a_seizure_become_the_ports_watch_list(world: Any) -> None:
    """A seizure's shipper, consignee, notify party and forwarder are compared with the parties
    of the next manifests (the names engine, legal forms aside): a shipper caught once scores
    again, under another spelling of its name, on the container after."""
    first = generate(DAY - dt.timedelta(days=1), 8, seed=11)
    _import(world, first.rows)
    ranked = _ranked(world, DAY - dt.timedelta(days=1))
    seized = ranked[0].container
    with world.db.write() as session:
        detail = service.read_container(session, world.principal("thai_analyst"), seized.id)
        shipper = detail.lines[0].shipper
        examinations.record_examination(session, world.principal("thai_analyst"), seized.id,
                                        ExaminationInput(outcome="seizure", seized="BMK, 20 drums"))  # fmt: skip
        assert (shipper, seized.number) in service.seized_parties(session)
    later = generate(DAY, 8, seed=12)
    rows = [list(r) for r in later.rows]
    rows[0][HEADER.index("Shipper")] = f"{shipper.upper()} CO., LTD."
    _import(world, rows)
    with world.db.write() as session:
        number = rows[0][HEADER.index("Container No")]
        found = next(r for r in _ranked(world) if r.container.number == number)
        detail = service.read_container(
            session, world.principal("thai_analyst"), found.container.id
        )
        reasons = [r for _, hit in detail.hits for r in json.loads(hit.reasons)]
    seized_reason = next(r for r in reasons if r["code"] == "seized")
    assert seized_reason["params"]["container"] == seized.number
    assert seized_reason["params"]["role"] == "shipper"
