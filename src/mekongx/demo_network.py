"""Carrying records between the demo's node databases while they are seeded (before any node
runs), and the demo's exchanges that need both sides: a record applied on the receiving node
through the inbox's schema check and the area's own handler, as the exchange would apply it."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select, true

from mekongx import wiring
from mekongx.accounts import service as accounts
from mekongx.authz import visible
from mekongx.db import Database
from mekongx.domains.finance.demo import DEMO_REQUEST_SUBJECT, answer_demo_request
from mekongx.domains.meetings import actions as meetings_actions
from mekongx.domains.meetings import demo as meetings_demo
from mekongx.domains.meetings import minutes as meetings_minutes
from mekongx.domains.meetings import service as meetings_service
from mekongx.domains.meetings import views as meetings_views
from mekongx.domains.meetings.schemas import EvidenceInput, NoteInput, StatusInput
from mekongx.domains.mekong import demo as mekong_demo
from mekongx.domains.precursors.demo import answer_demo_notifications
from mekongx.domains.prevention import demo as prevention_demo
from mekongx.domains.rfi.models import Rfi
from mekongx.domains.search import records as search_records
from mekongx.federation import handlers
from mekongx.federation.envelope import iso
from mekongx.federation.handlers import Received
from mekongx.federation.keys import NodeKeys
from mekongx.federation.models import OutboxEntry
from mekongx.model.base import utcnow
from mekongx.model.identity import User


def principals(db: Database, agency: str) -> dict[str, Any]:
    with db.read() as session:
        users = session.scalars(select(User).where(User.agency_code == agency)).all()
        return {u.role: accounts.principal_for(u) for u in users}


def deliver(
    source: Database,
    target: Database,
    sender: str,
    own: str,
    done: set[str],
    prefix: str = "meetings.",
    thread: str | None = None,
) -> None:
    """Apply in ``target`` what ``source`` queued for it and was not applied yet, through the
    inbox's schema check and the area's handler. The envelopes still travel once the nodes run;
    the receiving handlers recognise them as repeats."""
    with source.read() as session:
        rows = list(
            session.scalars(
                select(OutboxEntry)
                .where(OutboxEntry.to_agency == own, OutboxEntry.kind.startswith(prefix))
                .where(OutboxEntry.thread == thread if thread is not None else true())
                .order_by(OutboxEntry.seq)
            )
        )
        items = [
            (r.message_id, r.type, r.kind, json.loads(r.header), json.loads(r.payload))
            for r in rows
        ]
    for message_id, type_, kind, header, payload in items:
        if message_id in done:
            continue
        done.add(message_id)
        received = Received(message_id, type_, sender, own, header.get("thread") or None,
                            header.get("in_reply_to") or None, str(header.get("handling", "H0")),
                            iso(utcnow()))  # fmt: skip
        data, refused = handlers.check(received, payload)
        handler = handlers.handler_for(kind)
        if refused or handler is None:
            raise RuntimeError(f"demo payload {kind} refused: {refused}")
        with target.write() as session:
            handler(session, received, data)


def seed_notifications(nodes: dict[str, tuple[Database, NodeKeys, str]]) -> None:
    """The pre-export notifications the exporting nodes sent (``seed_content``) reach the
    importing nodes, whose liaison officers acknowledge and answer them, and the answers reach
    the exporters."""
    if "ONCB" not in nodes or "NNCC" not in nodes:
        return
    wiring.install()
    (oncb, _k1, _u1), (nncc, _k2, _u2) = nodes["ONCB"], nodes["NNCC"]
    done: set[str] = set()
    prefix = "precursors.notification"
    deliver(nncc, oncb, "NNCC", "ONCB", done, prefix=prefix)
    with oncb.write() as session:
        answer_demo_notifications(session, principals(oncb, "ONCB")["liaison"])
    deliver(oncb, nncc, "ONCB", "NNCC", done, prefix=prefix)
    with nncc.write() as session:
        answer_demo_notifications(session, principals(nncc, "NNCC")["liaison"])
    deliver(nncc, oncb, "NNCC", "ONCB", done, prefix=prefix)


def seed_meetings(nodes: dict[str, tuple[Database, NodeKeys, str]]) -> None:
    """The Thai–Chinese bilateral series (``domains/meetings/demo.py`` says what is sourced):
    the 17th and 19th meetings drafted by ONCB, approved and signed by both nodes, the 19th's
    actions updated by their owners with evidence from the demo records of each node; the 20th
    as ONCB's draft. Needs the ONCB and NNCC nodes, peered and seeded with content."""
    wiring.install()
    (oncb, oncb_keys, _), (nncc, nncc_keys, _) = nodes["ONCB"], nodes["NNCC"]
    th, cn = principals(oncb, "ONCB"), principals(nncc, "NNCC")
    done: set[str] = set()
    with oncb.write() as session:
        for series in (meetings_demo.SERIES, meetings_demo.SAFE_MEKONG):
            meetings_service.create_series(session, th["admin"], series)
    uids = {}
    for make in (meetings_demo.meeting_17, meetings_demo.meeting_19):
        with oncb.write() as session:
            meeting = meetings_service.create_meeting(session, th["analyst"], make())
            meeting_id, uids[meeting.number] = meeting.id, meeting.uid
        with oncb.write() as session:
            meetings_minutes.circulate(session, th["liaison"], meeting_id)
            meetings_minutes.approve(session, th["liaison"], meeting_id, oncb_keys.current.sign)
        deliver(oncb, nncc, "ONCB", "NNCC", done)
        with nncc.write() as session:
            copy = meetings_service.read_meeting(session, cn["liaison"], uids[meeting.number])
            meetings_minutes.approve(session, cn["liaison"], copy.id, nncc_keys.current.sign)
        deliver(nncc, oncb, "NNCC", "ONCB", done)
    for agency, db, people in (("ONCB", oncb, th), ("NNCC", nncc, cn)):
        _progress(db, agency, people, uids[19])
    deliver(oncb, nncc, "ONCB", "NNCC", done)
    deliver(nncc, oncb, "NNCC", "ONCB", done)
    with oncb.write() as session:
        meetings_service.create_meeting(session, th["analyst"], meetings_demo.meeting_20())


def seed_prevention(nodes: dict[str, tuple[Database, NodeKeys, str]]) -> None:
    """Each country's programmes and courses (``domains/prevention/demo.py``,
    ``domains/training/demo.py`` say what is sourced) and NNCC's certificate statements for
    ONCB's officers delivered at once, then ONCB's statements on which indicators compare."""
    (oncb, _, _), (nncc, _, _) = nodes["ONCB"], nodes["NNCC"]
    done: set[str] = set()
    for prefix in ("prevention.", "training."):
        deliver(nncc, oncb, "NNCC", "ONCB", done, prefix=prefix)
        deliver(oncb, nncc, "ONCB", "NNCC", done, prefix=prefix)
    with oncb.write() as session:
        prevention_demo.seed_demo_comparability(session, principals(oncb, "ONCB")["analyst"])


def seed_plan(nodes: dict[str, tuple[Database, NodeKeys, str]]) -> None:
    """ONCB's plan actions reach every node, each country's liaison officer reports progress
    with its own records as evidence, and the progress reaches every holder of the action."""
    done: set[str] = set()
    pairs = [(a, b) for a in nodes for b in nodes if a != b]
    for sender, own in pairs:
        deliver(nodes[sender][0], nodes[own][0], sender, own, done, prefix="mekong.")
    for agency, (db, _keys, _url) in nodes.items():
        if agency != "SMCC":  # the coordination centre keeps no country's progress
            with db.write() as session:
                mekong_demo.seed_demo_progress(session, principals(db, agency)["liaison"])
    for sender, own in pairs:
        deliver(nodes[sender][0], nodes[own][0], sender, own, done, prefix="mekong.plan_progress")


def _progress(db: Database, agency: str, people: dict[str, Any], meeting_uid: str) -> None:
    """The owner's status, notes and evidence for its actions of the 19th meeting."""
    officer = people["analyst"]
    lang = "th" if agency == "ONCB" else "zh"
    with db.write() as session:
        meeting = meetings_service.read_meeting(session, officer, meeting_uid)
        view = meetings_views.view(session, officer, meeting)
        owned = {
            rv.resolution.number: av.action.uid
            for item in view.items
            for rv in item.resolutions
            for av in rv.actions
            if av.action.owner_agency == agency
        }
        used: set[tuple[str, str]] = set()
        for point, entries in meetings_demo.PROGRESS.items():
            for owner, status, reason, noted_on, th_text, zh_text, _en in entries:
                if owner != agency or point not in owned:
                    continue
                uid = owned[point]
                body = th_text if lang == "th" else zh_text
                meetings_actions.add_note(session, officer, uid,
                                          NoteInput(noted_on=noted_on, body=body, language=lang))  # fmt: skip
                meetings_actions.set_status(
                    session, officer, uid, StatusInput(status=status, reason=reason)
                )
        for (point, owner), wanted in meetings_demo.EVIDENCE.items():
            if owner != agency or point not in owned:
                continue
            for kind in wanted:
                spec = search_records.kinds()[kind]
                stmt = visible(officer, spec.model).where(spec.model.origin_agency == agency)
                record_uid = next(
                    (
                        r.uid
                        for r in session.scalars(stmt.order_by(spec.model.id))
                        if (kind, r.uid) not in used
                    ),
                    None,
                )
                if record_uid is None:
                    continue
                used.add((kind, record_uid))
                meetings_actions.add_evidence(session, officer, owned[point],
                                              EvidenceInput(kind=kind, record_uid=record_uid))  # fmt: skip


def seed_port_alert(nodes: dict[str, tuple[Database, NodeKeys, str]]) -> None:
    """ONCB's alert of the P-2-P seized at Laem Chabang (``domains/ports/demo.py``) applied at
    NNCC, the agency of the port of loading, as the exchange would once the nodes run."""
    wiring.install()
    deliver(nodes["ONCB"][0], nodes["NNCC"][0], "ONCB", "NNCC", set(), prefix="ports.")


def seed_asset_request(nodes: dict[str, tuple[Database, NodeKeys, str]]) -> None:
    """NNCC's answer to ONCB's asset-tracing request of the demo case: the request is applied at
    NNCC, answered with an account statement, and the answer applied at ONCB, as the exchange
    would once the nodes run (its envelopes then arrive as repeats)."""
    wiring.install()
    (oncb, _k1, _u1), (nncc, _k2, _u2) = nodes["ONCB"], nodes["NNCC"]
    with oncb.read() as session:
        thread = session.scalar(select(Rfi.uid).where(Rfi.subject == DEMO_REQUEST_SUBJECT))
    if thread is None:
        return
    done: set[str] = set()
    deliver(oncb, nncc, "ONCB", "NNCC", done, prefix="rfi.", thread=thread)
    with nncc.write() as session:
        answer_demo_request(session, principals(nncc, "NNCC")["liaison"])
    deliver(nncc, oncb, "NNCC", "ONCB", done, prefix="rfi.", thread=thread)
