"""Two real nodes on loopback: ONCB publishes a wanted-person notice for NNCC; screening at NNCC
finds it across scripts; NNCC's confirmed hit alerts ONCB; ONCB's withdrawal reaches NNCC."""

from __future__ import annotations

import base64
from typing import Any

from sqlalchemy import select

from mekongx.accounts import service as accounts
from mekongx.audit import Actor
from mekongx.domains.fugitives import screening, service
from mekongx.domains.fugitives.models import HitAlert, Notice, NoticePhoto, ScreeningHit
from mekongx.domains.fugitives.schemas import HitDecision, NoticeInput, ScreenQuery
from mekongx.federation.models import InboxEntry
from mekongx.settings import Settings

NOTICE = {
    "names": [{"name": "兰卫红", "kind": "primary"}, {"name": "Ah Hong", "kind": "alias"}],
    "sex": "M",
    "birth_date": "1978",
    "nationality": "CN",
    "documents": [{"type": "passport", "number": "E12345678", "country": "CN"}],
    "warrant_reference": "ONCB-W-2567/118",
    "warrant_authority": "Criminal Court, Bangkok",
    "charges": "Trafficking of methamphetamine",
    "language": "th",
    "handling_code": "H1",
    "distribution": "peers",
    "recipients": ["NNCC"],
}
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


def _copy(node: Any, uid: str) -> dict[str, Any] | None:
    db = node.database()
    try:
        with db.read() as session:
            notice = session.scalar(select(Notice).where(Notice.uid == uid))
            if notice is None:
                return None
            photo = session.get(NoticePhoto, notice.id)
            return {"id": notice.id, "status": notice.status, "received": notice.received,
                    "origin": notice.origin_agency, "names": service.names_of(notice),
                    "photo": photo.content if photo else None}  # fmt: skip
    finally:
        db.dispose()


def _alerts(node: Any) -> list[tuple[str, str, str]]:
    db = node.database()
    try:
        with db.read() as session:
            return [(a.notice_uid, a.from_agency, a.query_name)
                    for a in session.scalars(select(HitAlert))]  # fmt: skip
    finally:
        db.dispose()


def test_notice_screening_hit_alert_and_withdrawal(make_nodes: Any, waiter: Any) -> None:
    oncb, nncc = make_nodes("ONCB", "NNCC")
    sender = oncb.database()
    with sender.write() as session:  # a second ONCB user drafts; the liaison reviews
        accounts.create_user(
            session,
            Actor.system("ONCB", "test"),
            accounts.UserInput("analyst", "ONCB analyst", "ONCB", "analyst", "Harbour-Chief-2567"),
            Settings(env="test", database_url=oncb.db_url, data_dir=oncb.home, node_agency="ONCB"),
        )
    oncb.start()
    nncc.start()
    with sender.write() as session:
        notice = service.create_notice(
            session, oncb.principal("analyst"), NoticeInput.model_validate(NOTICE)
        )
        notice_id, uid = notice.id, notice.uid
    with sender.write() as session:
        service.set_photo(session, oncb.principal("analyst"), notice_id, PNG)
    for action in ("review", "publish"):
        with sender.write() as session:
            service.transition(session, oncb.principal(), notice_id, action)

    waiter(lambda: _copy(nncc, uid) is not None, what="the notice at NNCC")
    copy = _copy(nncc, uid)
    assert copy is not None and copy["received"] and copy["status"] == "published"
    assert copy["origin"] == "ONCB" and copy["names"][0]["name"] == "兰卫红"
    assert copy["photo"] == PNG

    receiver = nncc.database()
    with receiver.read() as session:
        entry = session.scalar(select(InboxEntry).where(InboxEntry.record_uid == uid))
        assert entry is not None and entry.kind == "fugitives.notice" and entry.type == "notice"
    chinese = nncc.principal()
    with receiver.write() as session:
        run, results = screening.screen_now(
            session, chinese, [ScreenQuery(name="หลาน เว่ยหง", birth_date="1978")], "single"
        )
        assert results[0] and results[0][0].notice_uid == uid
        assert any("姓氏" in text for _, text in results[0][0].explain("zh"))
        hit_id = session.scalars(
            select(ScreeningHit.id).where(ScreeningHit.screening_id == run.id)
        ).first()
    assert hit_id is not None
    with receiver.write() as session:
        screening.decide(
            session, chinese, hit_id, HitDecision(verdict="confirmed", note="口岸核实")
        )
    waiter(lambda: _alerts(oncb) == [(uid, "NNCC", "หลาน เว่ยหง")], what="the hit alert at ONCB")

    with sender.write() as session:
        service.transition(session, oncb.principal(), notice_id, "withdraw", "arrested in Bangkok")
    waiter(lambda: (c := _copy(nncc, uid)) is not None and c["status"] == "withdrawn",
           what="the withdrawal at NNCC")  # fmt: skip
    with receiver.read() as session:
        assert screening.screen(session, chinese, [ScreenQuery(name="Lan Weihong")]) == [[]]
    sender.dispose()
    receiver.dispose()
