"""Notices and hit alerts on the exchange.

- ``fugitives.notice`` (type ``notice``): a published notice, sent to every agency its
  distribution names; the receiver keeps a read-only copy (status ``published``).
- ``fugitives.notice`` (type ``retraction``): the originator withdrew it; every holder marks its
  copy withdrawn (no longer screened against) and acknowledges.
- ``fugitives.hit`` (type ``notice``): an officer of the receiving agency confirmed that a
  screened person is the subject of the notice; it goes to the issuing agency only.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from mekongx.authz import Principal
from mekongx.authz.sharing import check_held_copy, holders
from mekongx.domains.fugitives import fulltext
from mekongx.domains.fugitives.models import HitAlert, Notice, NoticePhoto
from mekongx.domains.fugitives.names_index import bump_index
from mekongx.domains.fugitives.photos import MAX_PHOTO_BYTES, photo_type
from mekongx.errors import Forbidden, NotFound
from mekongx.federation import acks
from mekongx.federation.handlers import Received
from mekongx.federation.models import OutboxEntry
from mekongx.federation.outbox import enqueue
from mekongx.i18n import N_
from mekongx.model.base import utcnow
from mekongx.model.identity import Agency
from mekongx.model.record import Distribution, RecordRecipient

KIND = "fugitives.notice"
HIT_KIND = "fugitives.hit"
_FIELDS = (
    "uid", "version", "names", "sex", "birth_date", "nationality", "documents",
    "warrant_reference", "warrant_authority", "warrant_date", "charges", "legal_provisions",
    "remarks", "language", "handling_code", "handling_note", "distribution", "sharing_group",
    "origin_agency", "author_name",
)  # fmt: skip


def targets(session: Session, notice: Notice) -> set[str]:
    return holders(session, notice)


def already_sent_to(session: Session, uid: str) -> set[str]:
    stmt = select(OutboxEntry.to_agency).where(
        OutboxEntry.record_uid == uid, OutboxEntry.kind == KIND
    )
    return set(session.scalars(stmt))


def payload(session: Session, notice: Notice) -> dict[str, Any]:
    data: dict[str, Any] = {name: getattr(notice, name) for name in _FIELDS}
    data["names"] = json.loads(notice.names)
    data["documents"] = json.loads(notice.documents)
    data["recipients"] = sorted(
        session.scalars(
            select(RecordRecipient.agency_code).where(RecordRecipient.record_uid == notice.uid)
        )
    )
    data["created_at"] = notice.created_at.isoformat()
    data["published_at"] = (notice.published_at or utcnow()).isoformat()
    photo = session.get(NoticePhoto, notice.id)
    data["photo"] = base64.b64encode(photo.content).decode() if photo is not None else None
    return data


def publish(session: Session, principal: Principal, notice: Notice) -> None:
    to = targets(session, notice)
    if to:
        enqueue(session, principal.actor, type="notice", kind=KIND, payload=payload(session, notice),
                to=sorted(to), handling=notice.handling_code, record_uid=notice.uid,
                thread=notice.uid, languages=[notice.language])  # fmt: skip


def withdraw(session: Session, principal: Principal, notice: Notice) -> None:
    holders = already_sent_to(session, notice.uid)
    if holders:
        data = {"uid": notice.uid, "origin_agency": notice.origin_agency,
                "reason": notice.status_note}  # fmt: skip
        enqueue(session, principal.actor, type="retraction", kind=KIND, payload=data,
                to=sorted(holders), handling=notice.handling_code, record_uid=notice.uid,
                thread=notice.uid)  # fmt: skip


def send_hit(session: Session, principal: Principal, notice: Notice, alert: dict[str, Any]) -> None:
    """Tell the issuing agency that one of its wanted persons was found here."""
    enqueue(session, principal.actor, type="notice", kind=HIT_KIND, payload=alert,
            to=[notice.origin_agency], handling=notice.handling_code, record_uid=notice.uid,
            thread=notice.uid, priority="urgent")  # fmt: skip


# --- receiving ---------------------------------------------------------------------------


def apply_notice(session: Session, received: Received, data: Mapping[str, Any]) -> str:
    uid = str(data["uid"])
    copy = session.scalar(select(Notice).where(Notice.uid == uid))
    check_held_copy(copy, received.sender)
    if received.type == "retraction":
        if copy is None:
            raise NotFound(N_("No such record."))
        copy.status, copy.status_note, copy.updated_at = (
            "withdrawn",
            str(data.get("reason", "")),
            utcnow(),
        )
        bump_index(session)
        acks.acknowledge(session, received, uid)
        return uid
    if str(data["origin_agency"]) != received.sender:
        raise Forbidden(N_("Only the originating agency can change this record."))
    if copy is None:
        copy = Notice(uid=uid, received=True)
        session.add(copy)
    required = {"version", "warrant_reference", "warrant_authority", "charges", "language",
                "origin_agency"}  # fmt: skip
    for name in _FIELDS:
        if name not in ("uid", "names", "documents"):
            setattr(copy, name, data[name] if name in required else data.get(name) or "")
    copy.distribution = str(data.get("distribution") or Distribution.PEERS.value)
    copy.handling_code = str(data.get("handling_code") or received.handling)
    copy.names = json.dumps(list(data["names"]), ensure_ascii=False)
    copy.documents = json.dumps(list(data.get("documents", [])), ensure_ascii=False)
    copy.status, copy.received, copy.received_from = "published", True, received.sender
    copy.author_id = None
    copy.created_at = datetime.fromisoformat(str(data["created_at"]))
    copy.published_at = datetime.fromisoformat(str(data["published_at"]))
    copy.updated_at = utcnow()
    if copy.distribution == Distribution.GROUP.value:
        copy.distribution = Distribution.PEERS.value  # the group may not exist here
    copy.sharing_group = None
    session.flush()
    session.execute(delete(RecordRecipient).where(RecordRecipient.record_uid == uid))
    holders = {str(c) for c in data.get("recipients", [])} | {received.own_agency}
    known = set(session.scalars(select(Agency.code)))
    session.add_all(RecordRecipient(record_uid=uid, agency_code=c) for c in sorted(holders & known))
    photo = data.get("photo")
    session.execute(delete(NoticePhoto).where(NoticePhoto.notice_id == copy.id))
    copy.photo_type = ""
    if photo:
        content = base64.b64decode(str(photo), validate=True)
        media = photo_type(content)
        if media is not None and len(content) <= MAX_PHOTO_BYTES:
            session.add(NoticePhoto(notice_id=copy.id, media_type=media, content=content))
            copy.photo_type = media
    fulltext.index(session, copy)
    bump_index(session)
    return uid


def apply_hit(session: Session, received: Received, data: Mapping[str, Any]) -> str:
    """A peer confirmed a hit on one of our notices: keep the alert for our officers."""
    notice_uid = str(data["notice_uid"])
    notice = session.scalar(select(Notice).where(Notice.uid == notice_uid))
    if notice is None or notice.received or notice.origin_agency != received.own_agency:
        raise NotFound(N_("No such record."))
    uid = str(data["uid"])[:36]
    if session.scalar(select(HitAlert.id).where(HitAlert.uid == uid)) is not None:
        return notice_uid
    session.add(
        HitAlert(
            uid=uid,
            notice_uid=notice_uid,
            from_agency=received.sender,
            officer=str(data.get("officer", ""))[:200],
            query_name=str(data["query_name"])[:300],
            query_birth_date=str(data.get("query_birth_date", ""))[:10],
            query_nationality=str(data.get("query_nationality", ""))[:3],
            query_document=str(data.get("query_document", ""))[:64],
            source=str(data.get("source", ""))[:300],
            probability=float(data.get("probability", 0.0)),
            note=str(data.get("note", "")),
            note_language=str(data.get("note_language", ""))[:8],
            note_translations=json.dumps(
                dict(data.get("note_translations") or {}), ensure_ascii=False
            ),
            confirmed_at=datetime.fromisoformat(str(data["confirmed_at"])),
        )
    )
    return notice_uid
