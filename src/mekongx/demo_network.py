"""Carrying records between the demo's node databases while they are seeded (before any node
runs), and the demo's exchanges that need both sides: a record applied on the receiving node
through the inbox's schema check and the area's own handler, as the exchange would apply it."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select, true

from mekongx import wiring
from mekongx.accounts import service as accounts
from mekongx.db import Database
from mekongx.domains.precursors.demo import answer_demo_notifications
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
