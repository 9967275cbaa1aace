"""Pre-export notifications: every allowed and refused transition, deadlines, shipments
reconciled against the notification, and the exchange payloads applied to a second database."""

from __future__ import annotations

import itertools
import json
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import event, func, select, text
from sqlalchemy.engine import Engine

from mekongx.accounts import service as accounts
from mekongx.audit import Actor, AuditEvent, verify_chain
from mekongx.db import Database
from mekongx.domains.precursors import exchange, handlers, shipments
from mekongx.domains.precursors import incidents as incident_service
from mekongx.domains.precursors import notifications as pen
from mekongx.domains.precursors.models import Incident, Notification
from mekongx.domains.precursors.schemas import (
    AnswerInput,
    IncidentInput,
    NotificationInput,
    ShipmentInput,
)
from mekongx.errors import Conflict, Forbidden, NotFound, ValidationFailed
from mekongx.federation.handlers import Received
from mekongx.federation.models import OutboxEntry, Peer
from mekongx.validation import parse

T0 = datetime(2026, 3, 1, 2, 0, tzinfo=UTC)
DRAFT = {
    "reference": "ONCB-PEN-2026-001",
    "importer_agency": "NNCC",
    "exporter_name": "Siam Chemicals Co., Ltd.",
    "exporter_address": "Bangkok",
    "importer_name": "Yunnan Pharma Co.",
    "importer_address": "Kunming",
    "substance_id": "acetic_anhydride",
    "quantity_kg": 1000.0,
    "port_of_exit": "Laem Chabang",
    "port_of_entry": "Mohan",
    "route": "TH - LA - CN by road",
    "expected_dispatch": "2026-03-20",
    "response_days": 15,
}
ACTIONS = ("sent", "acknowledged", "confirmed", "information_requested", "objected", "expired")


def _create(world: Any, peered: bool = True, **change: Any) -> int:
    if peered:
        world.partner("NNCC")  # the importer's node, peered before anything is sent
    with world.db.write() as session:
        data = parse(NotificationInput, {**DRAFT, **change})
        return pen.create_notification(session, world.principal("thai_liaison"), data).id


def _state(world: Any, nid: int) -> str:
    with world.db.read() as session:
        found = session.get(Notification, nid)
        assert found is not None
        return found.state


def _uid(world: Any, nid: int) -> str:
    return str(world.uid_of(Notification, nid))


def _do(world: Any, nid: int, action: str, now: datetime = T0) -> None:
    """The exporter acts on ONCB's node, the importer on NNCC's (on its copy, found by uid);
    what either does reaches the other over the exchange. The clock runs on both nodes."""
    if action == "sent":
        with world.db.write() as session:
            pen.send_notification(session, world.principal("thai_liaison"), nid, now=now)
        return
    nncc = world.partner("NNCC")
    if action == "expired":
        world.exchange()
        for node in (world, nncc):
            with node.db.write() as session:
                pen.expire_overdue(
                    session, Actor.system(node.agency), now=now + timedelta(days=400)
                )
    else:
        world.exchange()
        importer = nncc.principal("chinese_liaison")
        with nncc.db.write() as session:
            if action == "acknowledged":
                pen.acknowledge(session, importer, _uid(world, nid), now=now)
            else:
                answer = AnswerInput(answer=action, note="reason given")  # type: ignore[arg-type]
                pen.answer(session, importer, _uid(world, nid), answer, now=now)
    world.exchange()


PATHS = {
    "draft": [],
    "sent": ["sent"],
    "acknowledged": ["sent", "acknowledged"],
    "confirmed": ["sent", "acknowledged", "confirmed"],
    "information_requested": ["sent", "acknowledged", "information_requested"],
    "objected": ["sent", "acknowledged", "objected"],
    "expired": ["sent", "expired"],
}


def test_transition_table_is_the_documented_one() -> None:
    expected = {
        ("draft", "sent"),
        ("information_requested", "sent"),
        ("sent", "acknowledged"),
        ("acknowledged", "confirmed"),
        ("acknowledged", "information_requested"),
        ("acknowledged", "objected"),
        ("sent", "expired"),
        ("acknowledged", "expired"),
    }
    for a in pen.STATES:
        for b in pen.STATES:
            assert pen.allowed(a, b) == ((a, b) in expected), (a, b)


def test_every_allowed_and_refused_transition(world: Any) -> None:
    for start, path in PATHS.items():
        for action in ACTIONS:
            nid = _create(world, reference=f"{start}-{action}")
            for step in path:
                _do(world, nid, step)
            assert _state(world, nid) == start
            if pen.allowed(start, action):
                _do(world, nid, action)
                assert _state(world, nid) == action, (start, action)
            elif action == "expired":
                _do(world, nid, action)  # the clock leaves it alone
                assert _state(world, nid) == start, (start, action)
            else:
                # A draft is not yet visible to the importing agency: "not found" there.
                refusal = NotFound if start == "draft" and action != "sent" else Conflict
                with pytest.raises(refusal):
                    _do(world, nid, action)
                assert _state(world, nid) == start, (start, action)
    with world.db.read() as session:
        assert verify_chain(session)[1] == []


def test_deadline_is_configurable_and_expiry_uses_the_clock(world: Any) -> None:
    nid = _create(world, response_days=3)
    _do(world, nid, "sent", now=T0)
    with world.db.read() as session:
        found = session.get(Notification, nid)
        assert found is not None and found.deadline_at == T0 + timedelta(days=3)
    with world.db.write() as session:
        assert pen.expire_overdue(session, Actor.system("ONCB"), T0 + timedelta(days=2)) == []
    with world.db.write() as session:
        assert len(pen.expire_overdue(session, Actor.system("ONCB"), T0 + timedelta(days=4))) == 1
    assert _state(world, nid) == "expired"


def test_overdue_check_writes_only_when_due_and_reads_the_open_ones_by_index(world: Any) -> None:
    nid = _create(world, response_days=3)
    _do(world, nid, "sent", now=T0)
    with world.db.read() as session:
        events = session.scalar(select(func.count()).select_from(AuditEvent))
    assert pen.expire_due(world.db, Actor.system("ONCB"), T0 + timedelta(days=2)) == []
    with world.db.read() as session:  # nothing due: no write, not even an audit row
        assert session.scalar(select(func.count()).select_from(AuditEvent)) == events
    assert len(pen.expire_due(world.db, Actor.system("ONCB"), T0 + timedelta(days=4))) == 1
    assert _state(world, nid) == "expired"
    if world.db.dialect == "sqlite":  # the partial index of the open ones, not a table scan
        with world.db.write() as session:
            # the statistics of a node with 100,000 answered notifications (one state value
            # for all rows: the state index looks as good as a scan to the planner)
            session.execute(text("ANALYZE"))
            session.execute(text("DELETE FROM sqlite_stat1 WHERE tbl = 'precursor_notifications'"))
            session.execute(
                text(
                    "INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES "
                    "('precursor_notifications', 'ix_precursor_notifications_state', '100000 100000'), "
                    "('precursor_notifications', 'ix_precursor_notifications_open_deadline', '3 1')"
                )
            )
            session.execute(text("ANALYZE sqlite_schema"))
            sql = (
                pen._overdue(T0)
                .with_only_columns(Notification.id)
                .compile(session.get_bind(), compile_kwargs={"literal_binds": True})
            )
            plan = " ".join(
                str(row[-1]) for row in session.execute(text(f"EXPLAIN QUERY PLAN {sql}"))
            )
        assert "ix_precursor_notifications_open_deadline" in plan, plan


def test_after_a_request_for_information_the_exporter_sends_again(world: Any) -> None:
    nid = _create(world)
    for step in ("sent", "acknowledged", "information_requested", "sent", "acknowledged"):
        _do(world, nid, step)
    _do(world, nid, "confirmed")
    with world.db.read() as session:
        found = session.get(Notification, nid)
        assert found is not None
        history = [(e.from_state, e.to_state) for e in pen.events(session, found)]
    assert history[0] == ("", "draft") and history[-1] == ("acknowledged", "confirmed")
    assert len(history) == 7


def test_who_may_move_a_notification(world: Any) -> None:
    nid = _create(world)
    with world.db.write() as session, pytest.raises(Forbidden):  # analysts cannot release
        pen.send_notification(session, world.principal("thai_analyst"), nid)
    nncc, lcdc = world.partner("NNCC"), world.partner("LCDC")
    world.exchange()
    with nncc.db.write() as session, pytest.raises(NotFound):  # drafts stay home
        pen.acknowledge(session, nncc.principal("chinese_liaison"), _uid(world, nid))
    _do(world, nid, "sent")
    with world.db.write() as session, pytest.raises(Forbidden):  # exporter cannot answer
        pen.acknowledge(session, world.principal("thai_liaison"), nid)
    with lcdc.db.write() as session, pytest.raises(NotFound):  # not addressed to Laos
        pen.acknowledge(session, lcdc.principal("lao_liaison"), _uid(world, nid))
    with nncc.db.write() as session, pytest.raises(NotFound):  # its copy is not its to send
        pen.send_notification(session, nncc.principal("chinese_liaison"), _uid(world, nid))


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"importer_agency": "ONCB"}, "importer_agency"),
        ({"importer_agency": "ATLANTIS"}, "importer_agency"),
        ({"substance_id": "unobtainium"}, "substance_id"),
        ({"quantity_kg": 0}, "quantity_kg"),
        ({"response_days": 0}, "response_days"),
        ({"response_days": 91}, "response_days"),
    ],
)
def test_bad_drafts_name_the_field(world: Any, change: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationFailed) as caught:
        _create(world, **change)
    assert field in [f.field for f in caught.value.fields]


def _ship(world: Any, nid: int, user: str = "chinese_liaison", **change: Any) -> Any:
    """Record a shipment: NNCC's liaison on NNCC's node, ONCB's users on ONCB's."""
    data = {
        "shipped_on": "2026-03-21",
        "substance_id": "acetic_anhydride",
        "quantity_kg": 1000,
        "port_of_entry": "Mohan",
        **change,
    }
    node = world if user.startswith("thai") else world.partner("NNCC")
    with node.db.write() as session:
        shipment = shipments.record_shipment(
            session, node.principal(user), _uid(world, nid), ShipmentInput.model_validate(data)
        )
        return json.loads(shipment.discrepancies), shipment.incident_uid


def test_shipments_are_reconciled_and_discrepancies_open_incidents(world: Any) -> None:
    nid = _create(world)
    with world.db.write() as session, pytest.raises(Conflict):
        shipments.record_shipment(
            session,
            world.principal("thai_liaison"),
            nid,
            ShipmentInput.model_validate(
                {"shipped_on": "2026-03-21", "substance_id": "acetic_anhydride", "quantity_kg": 1}
            ),
        )
    for step in ("sent", "acknowledged", "confirmed"):
        _do(world, nid, step)
    assert _ship(world, nid) == ([], None)
    assert _ship(world, nid, quantity_kg=1040)[0] == []  # within the 5 % tolerance
    found, incident_uid = _ship(
        world, nid, quantity_kg=2000, port_of_entry="Boten", substance_id="apaan"
    )
    assert found == ["substance", "quantity", "route"] and incident_uid
    assert _ship(world, nid, "thai_liaison", consignee="Someone Else")[0] == ["consignee"]
    other = _create(world, reference="objected")
    for step in ("sent", "acknowledged", "objected"):
        _do(world, other, step)
    assert _ship(world, other)[0] == ["not_cleared"]
    with world.partner("NNCC").db.read() as session:  # opened by the importer, on its node
        incidents = list(session.scalars(select(Incident).order_by(Incident.id)))
    assert [i.kind for i in incidents] == ["discrepancy"] * 2
    assert incidents[0].notification_uid and incidents[0].origin_agency == "NNCC"
    assert "数量超过通知数量" in incidents[0].description  # in the recorder's language
    assert "2,000.000" in incidents[0].description
    with world.db.read() as session:  # the exporter's own: the consignee differs
        [mine] = session.scalars(select(Incident)).all()
        assert mine.origin_agency == "ONCB" and mine.kind == "discrepancy"
    lcdc = world.partner("LCDC")
    with lcdc.db.write() as session, pytest.raises(NotFound):
        shipments.record_shipment(
            session,
            lcdc.principal("lao_liaison"),
            _uid(world, nid),
            ShipmentInput.model_validate(
                {"shipped_on": "2026-03-21", "substance_id": "acetic_anhydride", "quantity_kg": 1}
            ),
        )


# ---------------------------------------------------------------- over the exchange


@pytest.fixture
def peer_db(node_db_url: Any) -> Iterator[Database]:
    """A second node's database (the importer, NNCC) on the same engine as ``world``."""
    database = Database(node_db_url("peer"))
    yield database
    database.dispose()


def _peer_node(peer_db: Database, world: Any) -> Any:
    actor = Actor.system("NNCC")
    with peer_db.write() as session:
        for code, country, own in (("NNCC", "CN", True), ("ONCB", "TH", False)):
            accounts.create_agency(
                session, actor, accounts.AgencyInput(code, code, code, code, country, own)
            )
        user = accounts.create_user(
            session,
            actor,
            accounts.UserInput("wang.fang", "Wang Fang", "NNCC", "liaison", "Peer-Passw0rd-2567"),
            world.settings.model_copy(update={"node_agency": "NNCC"}),
        )
    return accounts.principal_for(user)


def test_payloads_carry_the_notification_and_the_answer(world: Any, peer_db: Database) -> None:
    wang = _peer_node(peer_db, world)
    nid = _create(world)
    _do(world, nid, "sent")
    with world.db.read() as session:
        sent = session.get(Notification, nid)
        assert sent is not None
        payload = json.loads(json.dumps(exchange.notification_payload(sent)))  # plain JSON
    assert "id" not in payload and payload["uid"] == sent.uid

    with peer_db.write() as session, pytest.raises(Forbidden):  # only the originator
        pen.apply_received_notification(session, "LCDC", payload)
    with peer_db.write() as session:
        copy = pen.apply_received_notification(session, "ONCB", payload)
        copy_id = copy.id
        assert copy.received and copy.origin_agency == "ONCB" and copy.state == "sent"
        assert copy.deadline_at == sent.deadline_at
    with peer_db.write() as session:
        pen.acknowledge(session, wang, copy_id)
    with peer_db.write() as session:
        answered = pen.answer(
            session, wang, copy_id, AnswerInput(answer="objected", note="importer not licensed")
        )
        response = json.loads(json.dumps(exchange.response_payload(answered)))
    with peer_db.read() as session:
        assert verify_chain(session)[1] == []
        assert session.scalar(select(func.count()).select_from(Notification)) == 1

    with world.db.write() as session, pytest.raises(Forbidden):
        pen.apply_response(session, "LCDC", response)
    with world.db.write() as session:
        pen.apply_response(session, "NNCC", response)
    with world.db.read() as session:
        mine = session.get(Notification, nid)
        assert mine is not None
        assert mine.state == "objected" and mine.answer_note == "importer not licensed"
        states = [e.to_state for e in pen.events(session, mine)]
        assert states == ["draft", "sent", "acknowledged", "objected"]
        actions = set(session.scalars(select(AuditEvent.action)))
    assert "precursors.notification.objected" in actions


def test_a_notification_for_another_agency_is_refused(world: Any, peer_db: Database) -> None:
    _peer_node(peer_db, world)
    nid = _create(world, importer_agency="LCDC")
    _do(world, nid, "sent")
    with world.db.read() as session:
        found = session.get(Notification, nid)
        assert found is not None
        payload = exchange.notification_payload(found)
    with peer_db.write() as session, pytest.raises(Forbidden):
        pen.apply_received_notification(session, "ONCB", payload)
    with peer_db.write() as session, pytest.raises(ValidationFailed):
        pen.apply_received_notification(session, "ONCB", {**payload, "quantity_kg": -1})


def test_incident_payloads_make_read_only_copies(world: Any, peer_db: Database) -> None:
    _peer_node(peer_db, world)
    with world.db.write() as session:
        data = IncidentInput.model_validate(
            {
                "kind": "seizure",
                "title": "ZXSHARED",
                "occurred_on": "2025-05-10",
                "country": "TH",
                "substance_id": "apaan",
                "quantity_kg": 300,
                "distribution": "peers",
                "recipients": ["NNCC"],
                "handling_code": "H2",
            }
        )
        incident = incident_service.create_incident(session, world.principal("thai_liaison"), data)
        payload = json.loads(json.dumps(incident_service.incident_payload(session, incident)))
    with peer_db.write() as session, pytest.raises(Forbidden):
        incident_service.apply_received_incident(session, "LCDC", payload)
    with peer_db.write() as session:
        copy = incident_service.apply_received_incident(session, "ONCB", payload)
        assert copy.received and copy.origin_agency == "ONCB" and copy.handling_code == "H2"
    with peer_db.write() as session:  # sent again after a correction: refreshed, not doubled
        incident_service.apply_received_incident(
            session, "ONCB", {**payload, "quantity": 310, "quantity_kg": 310, "version": 2}
        )
    with peer_db.read() as session:
        copies = list(session.scalars(select(Incident)))
        assert [(c.quantity_kg, c.version) for c in copies] == [(310, 2)]


def test_notifications_through_the_api(world: Any, app_client: Any, token_for: Any) -> None:
    nncc = world.partner("NNCC")
    thai, chinese = token_for("thai_liaison"), nncc.token("chinese_liaison")
    created = app_client.post("/api/v1/precursors/notifications", json=DRAFT, headers=thai)
    assert created.status_code == 201, created.text
    nid = created.json()["id"]
    world.exchange()
    assert nncc.app().get("/api/v1/precursors/notifications", headers=chinese).json()["items"] == []
    base = f"/api/v1/precursors/notifications/{nid}"
    assert app_client.post(f"{base}/send", headers=thai).json()["state"] == "sent"
    world.exchange()
    with nncc.app() as there:  # the importer answers on its own node
        copy = f"/api/v1/precursors/notifications/{nncc.id_of(Notification, _uid(world, nid))}"
        answer = there.post(f"{copy}/answer", json={"answer": "confirmed"}, headers=chinese)
        assert answer.status_code == 409
        assert there.post(f"{copy}/acknowledge", headers=chinese).json()["state"] == "acknowledged"
        refused = there.post(f"{copy}/answer", json={"answer": "objected"}, headers=chinese)
        assert refused.status_code == 422
        assert refused.json()["error"]["fields"][0]["field"] == "note"
        assert (
            refused.json()["error"]["fields"][0]["message"]
            == "请说明理由（出口方机构会阅读此说明）。"
        )
        done = there.post(f"{copy}/answer", json={"answer": "confirmed"}, headers=chinese)
        assert done.json()["state"] == "confirmed"
        listed = there.get("/api/v1/precursors/notifications?state=confirmed", headers=chinese)
        assert [n["reference"] for n in listed.json()["items"]] == [DRAFT["reference"]]
    world.exchange()
    assert app_client.get(base, headers=thai).json()["state"] == "confirmed"
    shipment = app_client.post(
        f"{base}/shipments",
        json={
            "shipped_on": str(date(2026, 3, 21)),
            "substance_id": "acetic_anhydride",
            "quantity_kg": 3000,
        },
        headers=thai,
    )
    assert shipment.status_code == 201 and shipment.json()["discrepancies"] == ["quantity"]


def test_a_list_of_declarations_looks_for_overdue_ones_in_its_own_read(
    world: Any, app_client: Any, token_for: Any
) -> None:
    """The list probes for overdue notifications in the transaction that reads its page (one
    transaction of the request reads the notifications, not two); one that is due is expired
    (a write of its own) before the page is read, which shows it expired."""
    thai = token_for("thai_liaison")
    nid = _create(world, response_days=3)
    _do(world, nid, "sent", now=T0)  # due at T0 + 3 days: long past by the clock
    begun = itertools.count(1)
    current, reading = [0], []

    def begin(conn: Any) -> None:
        current[0] = next(begun)

    def sent(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if "precursor_notifications" in statement:
            reading.append(current[0])

    event.listen(Engine, "begin", begin)
    event.listen(Engine, "before_cursor_execute", sent)
    try:
        due = app_client.get("/api/v1/precursors/notifications", headers=thai)
        expiring = set(reading)
        reading.clear()
        again = app_client.get("/api/v1/precursors/notifications", headers=thai)
        page = app_client.get("/precursors/notifications", headers=thai)
    finally:
        event.remove(Engine, "begin", begin)
        event.remove(Engine, "before_cursor_execute", sent)
    assert [item["state"] for item in due.json()["items"]] == ["expired"]
    assert len(expiring) == 3  # the probe, the expiry, the page
    assert again.json() == due.json()
    assert page.status_code == 200 and DRAFT["reference"] in page.text
    assert len(set(reading)) == 2, reading  # the API's list, then the page's: one each


def test_notification_flow_in_the_ui(browser: Any, world: Any) -> None:
    nncc = world.partner("NNCC")
    browser.login("thai.liaison")
    form = {k: str(v) for k, v in DRAFT.items() if k != "quantity_kg"}
    form |= {"language": "th", "quantity": "1000", "unit": "kg"}
    bad = browser.post("/precursors/notifications/new", form | {"quantity": "lots"})
    assert bad.status_code == 422 and 'id="err-quantity"' in bad.text
    created = browser.post("/precursors/notifications/new", form)
    assert created.status_code == 303, created.text
    page = created.headers["location"]
    assert browser.post(f"{page}/send", {}).status_code == 303
    world.exchange()
    uid = _uid(world, int(page.rstrip("/").rsplit("/", 1)[1]))
    there = f"/precursors/notifications/{nncc.id_of(Notification, uid)}"
    with nncc.browser("chinese.liaison") as chinese:  # the importer, on its own node
        assert "确认收到" in chinese.client.get(there).text
        assert chinese.post(f"{there}/acknowledge", {}).status_code == 303
        refused = chinese.post(f"{there}/answer", {"answer": "objected", "note": ""})
        assert refused.status_code == 422 and "请说明理由" in refused.text
        answered = chinese.post(f"{there}/answer", {"answer": "confirmed", "note": ""})
        assert answered.status_code == 303
        shipped = chinese.post(
            f"{there}/shipments",
            {"shipped_on": "2026-03-21", "substance_id": "acetic_anhydride", "quantity": "1500",
             "unit": "kg", "port_of_entry": "Boten", "consignee": ""},
        )  # fmt: skip
        assert shipped.status_code == 303
        text = chinese.client.get(there).text
        assert "确认合法" in text and "数量超过通知数量" in text and "入境口岸与通知不符" in text
        assert "发货与通知不符" in chinese.client.get("/precursors/incidents").text
    world.exchange()
    assert _state(world, int(page.rstrip("/").rsplit("/", 1)[1])) == "confirmed"


def _confirmed_peer(db: Database, code: str) -> None:
    with db.write() as session:
        session.add(
            Peer(
                agency_code=code,
                endpoint=f"https://{code.lower()}.example",
                sign_public="test",
                enc_public="test",
                fingerprint="test",
                confirmed=True,
            )
        )


def _outbox(db: Database, kind: str) -> list[dict[str, Any]]:
    with db.read() as session:
        rows = session.scalars(select(OutboxEntry).where(OutboxEntry.kind == kind))
        return [json.loads(r.payload) for r in rows]


def _received(sender: str, own: str, kind: str) -> Received:
    return Received("m-1", kind, sender, own, None, None, "H0", T0.isoformat())


def test_services_queue_envelopes_and_handlers_apply_them(world: Any, peer_db: Database) -> None:
    """Outbox rows (what the exchange would carry) applied by the area's handlers."""
    wang = _peer_node(peer_db, world)
    _confirmed_peer(world.db, "NNCC")
    _confirmed_peer(peer_db, "ONCB")
    nid = _create(world, peered=False)  # peers stand-ins: the handlers are called by hand
    _do(world, nid, "sent")
    [sent] = _outbox(world.db, exchange.KIND_NOTIFICATION)
    with peer_db.write() as session:
        uid = handlers.apply_notification(session, _received("ONCB", "NNCC", "request"), sent)
        copy = session.scalars(select(Notification).where(Notification.uid == uid)).one()
        copy_id = copy.id
    with peer_db.write() as session:
        pen.acknowledge(session, wang, copy_id)
    with peer_db.write() as session:
        pen.answer(session, wang, copy_id, AnswerInput(answer="confirmed"))
    replies = _outbox(peer_db, exchange.KIND_RESPONSE)
    assert [r["state"] for r in replies] == ["acknowledged", "confirmed"]
    with world.db.write() as session:
        for reply in replies:
            handlers.apply_response(session, _received("NNCC", "ONCB", "reply"), reply)
    assert _state(world, nid) == "confirmed"

    with world.db.write() as session:
        data = IncidentInput.model_validate(
            {"kind": "stopped_shipment", "title": "ZXQ", "occurred_on": "2026-03-02",
             "country": "TH", "substance_id": "apaan", "distribution": "group",
             "sharing_group": "SAFE-MEKONG"}
        )  # fmt: skip
        incident_service.create_incident(session, world.principal("thai_liaison"), data)
    with world.db.read() as session:
        queued = session.scalars(
            select(OutboxEntry).where(OutboxEntry.kind == exchange.KIND_INCIDENT)
        ).all()
        assert [e.to_agency for e in queued] == ["NNCC"]  # LCDC has no confirmed node
    [shared] = _outbox(world.db, exchange.KIND_INCIDENT)
    with peer_db.write() as session:
        handlers.apply_incident(session, _received("ONCB", "NNCC", "information"), shared)
    with peer_db.read() as session:
        assert session.scalars(select(Incident)).one().title == "ZXQ"


# ---------------------------------------------------------------- issue 13, items 7 and 8
TABLE_II_DRAFT = {
    **{k: v for k, v in DRAFT.items() if k != "quantity_kg"},
    "reference": "ONCB-PEN-2026-077",
    "substance_id": "acetone",
    "quantity": 2000,
    "unit": "l",
    "concentration_pct": 99.5,
    "packaging": "10 IBC tanks of 200 l",
    "transport_mode": "road",
    "transit_countries": "la, MM",
    "import_permit": "YN-2026-0413",
}


def test_table_ii_notification_only_where_the_importer_requires_it(world: Any) -> None:
    with pytest.raises(ValidationFailed) as refused:
        _create(world, **TABLE_II_DRAFT)
    assert [p.field for p in refused.value.fields] == ["importer_requires_pen"]
    nid = _create(world, **TABLE_II_DRAFT, importer_requires_pen=True)
    with world.db.read() as session:
        made = session.get(Notification, nid)
        assert made is not None
        assert (made.quantity, made.unit, made.legal_basis) == (2000, "l", "art_12_10_a_table_ii")
        assert abs(made.quantity_kg - 2000 * 0.792) < 0.01  # acetone's density, not 1 kg/l
        assert made.transit_countries == "LA,MM" and made.transport_mode == "road"
        assert made.import_permit == "YN-2026-0413" and made.packaging.startswith("10 IBC")
    first = _create(world, reference="ONCB-PEN-2026-078")
    with world.db.read() as session:
        table_i = session.get(Notification, first)
        assert table_i is not None and table_i.legal_basis == "art_12_10_a"


def test_a_volume_without_a_density_is_refused_not_guessed(world: Any) -> None:
    with pytest.raises(ValidationFailed) as refused:
        _create(world, **{**TABLE_II_DRAFT, "substance_id": "ephedrine", "unit": "l"})
    assert "unit" in [p.field for p in refused.value.fields]


def test_notification_payload_carries_the_new_fields(world: Any, peer_db: Database) -> None:
    _peer_node(peer_db, world)
    nid = _create(world, **TABLE_II_DRAFT, importer_requires_pen=True, preparation=False)
    _do(world, nid, "sent")
    with world.db.read() as session:
        sent = session.get(Notification, nid)
        assert sent is not None
        payload = json.loads(json.dumps(exchange.notification_payload(sent)))
    assert payload["unit"] == "l" and payload["transit_countries"] == "LA,MM"
    with peer_db.write() as session:
        copy = pen.apply_received_notification(session, "ONCB", payload)
        assert (copy.quantity, copy.unit, copy.import_permit) == (2000, "l", "YN-2026-0413")
        assert copy.legal_basis == "art_12_10_a_table_ii" and copy.concentration_pct == 99.5
    older = {
        k: v
        for k, v in payload.items()
        if k
        not in (
            "quantity",
            "unit",
            "concentration_pct",
            "preparation",
            "packaging",
            "transport_mode",
            "transit_countries",
            "import_permit",
            "legal_basis",
        )
    }
    with peer_db.write() as session:  # a node from before these fields: kilograms
        again = pen.apply_received_notification(
            session, "ONCB", {**older, "uid": str(uuid.uuid4())}
        )
        assert (again.quantity, again.unit) == (payload["quantity_kg"], "kg")


def test_shipment_in_litres_is_compared_in_kilograms(world: Any) -> None:
    nid = _create(world, **TABLE_II_DRAFT, importer_requires_pen=True)
    for action in ("sent", "acknowledged", "confirmed"):
        _do(world, nid, action)
    with world.db.write() as session:
        within = shipments.record_shipment(
            session,
            world.principal("thai_liaison"),
            nid,
            parse(ShipmentInput, {"shipped_on": "2026-03-21", "substance_id": "acetone",
                                  "quantity": 1.6, "unit": "t"}),
        )  # fmt: skip
        assert json.loads(within.discrepancies) == [] and within.unit == "t"
        over = shipments.record_shipment(
            session,
            world.principal("thai_liaison"),
            nid,
            parse(ShipmentInput, {"shipped_on": "2026-03-22", "substance_id": "acetone",
                                  "quantity": 2400, "unit": "l"}),
        )  # fmt: skip
        assert json.loads(over.discrepancies) == ["quantity"]
        assert abs(over.quantity_kg - 2400 * 0.792) < 0.01


def test_notification_form_has_the_pen_fields(browser: Any) -> None:
    browser.login("thai.liaison")
    page = browser.client.get("/precursors/notifications/new").text
    for name in ("unit", "concentration_pct", "preparation", "packaging", "transport_mode",
                 "transit_countries", "import_permit", "importer_requires_pen"):  # fmt: skip
        assert f'name="{name}"' in page, name
    form = {k: str(v) for k, v in TABLE_II_DRAFT.items()} | {"language": "en"}
    refused = browser.post("/precursors/notifications/new", form)
    assert refused.status_code == 422 and 'id="err-importer_requires_pen"' in refused.text
    bad = browser.post(
        "/precursors/notifications/new",
        form | {"importer_requires_pen": "on", "transit_countries": "Laos"},
    )
    assert bad.status_code == 422 and 'id="err-transit_countries"' in bad.text
    made = browser.post("/precursors/notifications/new", form | {"importer_requires_pen": "on"})
    assert made.status_code == 303, made.text
    shown = browser.client.get(made.headers["location"]).text
    # the liaison officer reads Thai: the units are Thai words (ลิตร, and the mass in kilograms)
    assert "2,000.000 ลิตร" in shown and "1,584.000" in shown and "YN-2026-0413" in shown
