"""Acknowledgements: a recipient confirms it applied a retraction, correction or notice."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select
from sqlalchemy.orm import Session

from mekongx.audit import Actor
from mekongx.federation.handlers import Received
from mekongx.federation.models import Acknowledgement, OutboxEntry
from mekongx.federation.outbox import enqueue

KIND = "exchange.ack"


class AckPayload(BaseModel):
    """``exchange.ack``: the recipient applied the retraction, correction or notice ``ack_of``."""

    model_config = ConfigDict(extra="forbid")

    ack_of: str = Field(min_length=36, max_length=36)
    record_uid: str = Field("", max_length=36)


def acknowledge(session: Session, received: Received, record_uid: str) -> None:
    """Queue our acknowledgement of ``received`` back to its sender (same transaction)."""
    enqueue(
        session,
        Actor.system(received.own_agency, "federation"),
        type="acknowledgement",
        kind=KIND,
        payload={"ack_of": received.message_id, "record_uid": record_uid},
        to=[received.sender],
        record_uid=record_uid,
        thread=received.thread,
        in_reply_to=received.message_id,
    )


def apply_ack(session: Session, received: Received, payload: Mapping[str, Any]) -> str:
    of = str(payload["ack_of"])
    sent = session.scalar(
        select(OutboxEntry).where(
            OutboxEntry.message_id == of, OutboxEntry.to_agency == received.sender
        )
    )
    if sent is None:
        raise ValueError("acknowledges a message we did not send to this peer")
    session.add(
        Acknowledgement(
            ack_message_id=received.message_id,
            of_message_id=of,
            record_uid=sent.record_uid,
            agency=received.sender,
        )
    )
    return sent.record_uid


def acknowledged_by(session: Session, message_ids: list[str]) -> dict[str, list[str]]:
    """For each sent message id, the agencies that acknowledged it."""
    rows = session.execute(
        select(Acknowledgement.of_message_id, Acknowledgement.agency).where(
            Acknowledgement.of_message_id.in_(message_ids)
        )
    ).all()
    out: dict[str, list[str]] = {}
    for message, agency in rows:
        out.setdefault(message, []).append(agency)
    return out
