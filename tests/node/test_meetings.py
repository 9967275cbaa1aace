"""Meetings between two nodes: ONCB drafts the minutes, NNCC (a second database) receives them,
comments and approves; both sides' signed approvals freeze the minutes; action owners update
their actions and the other side receives the update. The exchange payloads are applied with
the area's handlers after the schema check the inbox runs."""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from alembic import command
from sqlalchemy import func, inspect, select, update

from mekongx import migrations, wiring
from mekongx.accounts import service as accounts
from mekongx.audit import Actor
from mekongx.db import Database
from mekongx.domains.meetings import actions, minutes, service, views
from mekongx.domains.meetings.models import Meeting, MeetingAction, MinutesApproval
from mekongx.domains.meetings.schemas import (
    CommentInput,
    EvidenceInput,
    ItemInput,
    MeetingInput,
    NoteInput,
    SeriesInput,
    StatusInput,
)
from mekongx.domains.review.tasks import tasks_for
from mekongx.errors import Conflict, Forbidden, ValidationFailed
from mekongx.federation import handlers
from mekongx.federation.handlers import Received
from mekongx.federation.keys import KeyPair, raw_public
from mekongx.federation.models import OutboxEntry, Peer
from mekongx.federation.statements import key_id
from mekongx.model.base import utcnow
from mekongx.validation import parse

SERIES = "TH-CN"


@pytest.fixture
def peer_db(node_db_url: Any) -> Iterator[Database]:
    """NNCC's node database, on the same engine as ``world``."""
    database = Database(node_db_url("peer"))
    yield database
    database.dispose()


class Pair:
    """Both nodes: ONCB (``world``) and NNCC (``peer_db``), peered with real signing keys."""

    def __init__(self, world: Any, peer_db: Database) -> None:
        wiring.install()
        self.world, self.peer = world, peer_db
        self.seen: set[str] = set()
        self.keys = {"ONCB": KeyPair.generate(), "NNCC": KeyPair.generate()}
        actor = Actor.system("NNCC")
        with peer_db.write() as session:
            for code, country, own in (("NNCC", "CN", True), ("ONCB", "TH", False)):
                accounts.create_agency(
                    session, actor, accounts.AgencyInput(code, code, code, code, country, own)
                )
            user = accounts.create_user(
                session, actor,
                accounts.UserInput("li.wei", "Li Wei", "NNCC", "liaison", "Peer-Passw0rd-2567", "zh"),
                world.settings.model_copy(update={"node_agency": "NNCC"}),
            )  # fmt: skip
        self.li_wei = accounts.principal_for(user)
        self._peer(world.db, "NNCC")
        self._peer(peer_db, "ONCB")
        with world.db.write() as session:
            service.create_series(session, world.principal("thai_admin"), series_input())

    def _peer(self, db: Database, code: str) -> None:
        pair = self.keys[code]
        with db.write() as session:
            session.add(
                Peer(
                    agency_code=code,
                    endpoint=f"https://{code.lower()}.example",
                    sign_public=pair.sign_public,
                    enc_public=pair.enc_public,
                    fingerprint=pair.fingerprint,
                    confirmed=True,
                )
            )

    def deliver(self, source: Database, target: Database, sender: str, own: str) -> list[str]:
        """Apply, in order, every envelope ``source`` queued that was not delivered yet;
        returns the statuses (``applied`` or the refusal) as the inbox would record them."""
        with source.read() as session:
            rows = list(session.scalars(select(OutboxEntry).order_by(OutboxEntry.id)))
        items = [(r.kind, json.loads(r.payload)) for r in rows if r.message_id not in self.seen]
        self.seen |= {r.message_id for r in rows}
        return [self.deliver_payload(target, sender, own, kind, payload) for kind, payload in items]

    def deliver_payload(self, target: Database, sender: str, own: str, kind: str,
                        payload: dict[str, Any]) -> str:  # fmt: skip
        received = Received(str(uuid.uuid4()), "information", sender, own, None, None, "H0",
                            utcnow().isoformat())  # fmt: skip
        data, refused = handlers.check(received, {"kind": kind, **payload})
        if refused:
            return refused
        handler = handlers.handler_for(kind)
        assert handler is not None
        try:
            with target.write() as session:
                handler(session, received, data)
        except (Conflict, Forbidden, ValidationFailed) as error:
            return f"refused:{error.message}"
        return "applied"

    def to_nncc(self) -> list[str]:
        return self.deliver(self.world.db, self.peer, "ONCB", "NNCC")

    def to_oncb(self) -> list[str]:
        return self.deliver(self.peer, self.world.db, "NNCC", "ONCB")


def series_input() -> SeriesInput:
    return SeriesInput(
        code=SERIES, name_th="การประชุมทวิภาคีไทย - จีน", name_zh="中泰禁毒合作双边会议",
        name_en="Thai–Chinese bilateral meeting", agencies=["ONCB", "NNCC"],
    )  # fmt: skip


def minutes_input(number: int = 20, deadline: str = "2026-03-31") -> MeetingInput:
    return MeetingInput.model_validate(
        {
            "series": SERIES,
            "number": number,
            "host_agency": "NNCC",
            "counterpart": "NNCC",
            "place_th": "ฮาร์บิน",
            "place_zh": "哈尔滨",
            "place_en": "Harbin",
            "starts_on": "2025-07-30",
            "ends_on": "2025-07-30",
            "language": "th",
            "delegates": [
                {
                    "agency": "ONCB",
                    "role": "head",
                    "name_th": "ธนากร คัยนันท์",
                    "name_en": "Thanakorn Kaiyanan",
                    "name_zh": "塔纳功·凯亚南",
                    "title_en": "Adviser",
                },
            ],
            "items": [
                {
                    "title_th": "การแลกเปลี่ยนข้อมูลการข่าว",
                    "title_zh": "情报交流",
                    "title_en": "Intelligence exchange",
                    "summary_en": "Both sides reviewed the channels.",
                    "resolutions": [
                        {
                            "number": 1,
                            "text_en": "Exchange intelligence faster.",
                            "text_th": "แลกเปลี่ยนข้อมูลการข่าว",
                            "actions": [
                                {
                                    "owner_agency": "ONCB",
                                    "counterpart_agency": "NNCC",
                                    "title_en": "Open a hotline",
                                    "deadline": deadline,
                                },
                                {
                                    "owner_agency": "NNCC",
                                    "counterpart_agency": "ONCB",
                                    "title_zh": "建立联络渠道",
                                    "deadline": "2026-06-30",
                                },
                            ],
                        },
                    ],
                },
                {
                    "title_en": "Precursors",
                    "resolutions": [{"number": 2, "text_en": "Control precursors."}],
                },
            ],
        }
    )


def _draft(pair: Pair, author: str = "thai_analyst") -> int:
    with pair.world.db.write() as session:
        return service.create_meeting(session, pair.world.principal(author), minutes_input()).id


def _copy_id(pair: Pair) -> int:
    with pair.peer.read() as session:
        return session.scalars(select(Meeting.id)).one()


def _state(db: Database) -> tuple[str, int]:
    with db.read() as session:
        meeting = session.scalars(select(Meeting)).one()
        return meeting.minutes_state, meeting.minutes_version


def _keys(pair: Pair) -> dict[str, dict[str, Any]]:
    """What each node knows: its own key and its peer's (both generated by the pair)."""
    return {
        code: {key_id(raw_public(k.sign.public_key())): k.sign.public_key()}
        for code, k in pair.keys.items()
    }


def test_draft_comment_approve_on_both_nodes(world: Any, peer_db: Database) -> None:
    pair = Pair(world, peer_db)
    liaison = world.principal("thai_liaison")
    meeting_id = _draft(pair)
    with world.db.write() as session, pytest.raises(Conflict):  # not sent yet
        minutes.approve(session, liaison, meeting_id, pair.keys["ONCB"].sign)
    with world.db.write() as session:
        minutes.circulate(session, liaison, meeting_id)
    assert pair.to_nncc() == ["applied"]
    assert _state(peer_db) == ("circulated", 1)
    copy_id = _copy_id(pair)
    with peer_db.read() as session:  # the copy carries the same minutes, digest and uids
        copy = views.view(session, pair.li_wei, session.get(Meeting, copy_id))
        assert [r.resolution.number for i in copy.items for r in i.resolutions] == [1, 2]
        item_uid = copy.items[0].item.uid
    with peer_db.write() as session:  # a received copy is read-only
        with pytest.raises(Forbidden):
            service.add_item(session, pair.li_wei, copy_id, ItemInput(title_en="Ours"))
        minutes.add_comment(session, pair.li_wei, copy_id,
                            CommentInput(item_uid=item_uid, body="请补充热线细节", language="zh"))  # fmt: skip
        minutes.approve(session, pair.li_wei, copy_id, pair.keys["NNCC"].sign)  # approves version 1
    with world.db.write() as session:  # ONCB's analyst answers the comment: version 2
        [item] = [
            i for i in views.view(session, liaison, session.get(Meeting, meeting_id)).items[:1]
        ]
        service.update_item(session, world.principal("thai_analyst"), item.item.id,
                            ItemInput(title_en="Intelligence exchange", summary_en="Hotline details added."))  # fmt: skip
    statuses = pair.to_oncb()  # the comment arrives; the approval of version 1 is refused
    assert statuses[0] == "applied" and statuses[1].startswith("refused:The minutes changed")
    with world.db.read() as session:
        view = views.view(session, liaison, session.get(Meeting, meeting_id))
        assert view.items[0].comments[0].body == "请补充热线细节"
        assert "NNCC" not in view.approvals
    with world.db.write() as session:
        minutes.circulate(session, liaison, meeting_id)
        minutes.approve(session, liaison, meeting_id, pair.keys["ONCB"].sign)
    assert pair.to_nncc() == ["applied", "applied"]
    assert _state(peer_db) == ("circulated", 2)
    with peer_db.write() as session:  # NNCC approves the current version: frozen there
        minutes.approve(session, pair.li_wei, copy_id, pair.keys["NNCC"].sign)
    assert _state(peer_db) == ("approved", 2)
    assert pair.to_oncb() == ["applied"]
    assert _state(world.db) == ("approved", 2)
    for db, ident in ((world.db, meeting_id), (peer_db, copy_id)):
        with db.read() as session:
            meeting = session.get(Meeting, ident)
            found = minutes.signatures(session, meeting, _keys(pair))
            assert [(s.agency, s.valid, s.current) for s in found] == [
                ("NNCC", True, True),
                ("ONCB", True, True),
            ]
    with world.db.write() as session, pytest.raises(Conflict):  # frozen
        service.add_item(
            session, world.principal("thai_analyst"), meeting_id, ItemInput(title_en="Late")
        )
    with world.db.write() as session:  # a tampered row no longer matches the signed digest
        session.get(Meeting, meeting_id).place_en = "Elsewhere"  # type: ignore[union-attr]
    with world.db.read() as session:
        meeting = session.get(Meeting, meeting_id)
        found = minutes.signatures(session, meeting, _keys(pair))
        assert all(s.valid and not s.current for s in found)


def test_the_drafter_does_not_approve_their_own_minutes(world: Any, peer_db: Database) -> None:
    pair = Pair(world, peer_db)
    liaison = world.principal("thai_liaison")
    meeting_id = _draft(pair, author="thai_liaison")
    with world.db.write() as session:
        minutes.circulate(session, liaison, meeting_id)
    with world.db.write() as session, pytest.raises(Forbidden):
        minutes.approve(session, liaison, meeting_id, pair.keys["ONCB"].sign)


def _approved(pair: Pair) -> tuple[int, int]:
    liaison = pair.world.principal("thai_liaison")
    meeting_id = _draft(pair)
    with pair.world.db.write() as session:
        minutes.circulate(session, liaison, meeting_id)
        minutes.approve(session, liaison, meeting_id, pair.keys["ONCB"].sign)
    pair.to_nncc()
    copy_id = _copy_id(pair)
    with pair.peer.write() as session:
        minutes.approve(session, pair.li_wei, copy_id, pair.keys["NNCC"].sign)
    pair.to_oncb()
    assert _state(pair.world.db)[0] == "approved"
    return meeting_id, copy_id


def _action(db: Database, owner: str) -> str:
    with db.read() as session:
        return session.scalars(
            select(MeetingAction.uid).where(MeetingAction.owner_agency == owner)
        ).one()


def test_owners_update_their_actions_and_the_other_side_sees_it(
    world: Any, peer_db: Database
) -> None:
    pair = Pair(world, peer_db)
    _approved(pair)
    liaison, analyst = world.principal("thai_liaison"), world.principal("thai_analyst")
    ours, theirs = _action(world.db, "ONCB"), _action(world.db, "NNCC")
    report = world.report("thai_analyst", title="Hotline log")
    with peer_db.write() as session:  # own distribution at NNCC: it never reaches ONCB
        from mekongx.domains.intel import service as intel
        from mekongx.domains.intel.schemas import ReportInput

        hidden_uid = intel.create_report(session, pair.li_wei, ReportInput(
            title="NNCC only", narrative="x", language="zh", source_reliability="B",
            info_reliability=2)).uid  # fmt: skip
    with world.db.read() as session:
        from mekongx.domains.intel.models import IntelReport

        report_uid = session.get(IntelReport, report).uid  # type: ignore[union-attr]
    with world.db.write() as session:
        actions.set_status(session, analyst, ours, StatusInput(status="in_progress"))
        actions.add_note(
            session, analyst, ours, NoteInput(noted_on=date(2025, 9, 1), body="Hotline opened")
        )
        actions.add_evidence(
            session, analyst, ours, EvidenceInput(kind="intel_report", record_uid=report_uid)
        )
    with world.db.write() as session, pytest.raises(ValidationFailed):  # a record ONCB may not see
        actions.add_evidence(
            session, analyst, ours, EvidenceInput(kind="intel_report", record_uid=hidden_uid)
        )
    with world.db.write() as session, pytest.raises(Forbidden):  # NNCC's action
        actions.set_status(session, liaison, theirs, StatusInput(status="done"))
    with world.db.write() as session, pytest.raises(ValidationFailed):  # dropped needs a reason
        actions.set_status(session, analyst, ours, parse(StatusInput, {"status": "dropped"}))
    assert pair.to_nncc() == ["applied"] * 3
    with peer_db.read() as session:
        copy = session.scalars(select(MeetingAction).where(MeetingAction.uid == ours)).one()
        assert (copy.status, copy.version) == ("in_progress", 4)
        view = views.view(session, pair.li_wei, session.get(Meeting, copy.meeting_id))
        [mine] = [
            a for i in view.items for r in i.resolutions for a in r.actions if a.action.uid == ours
        ]
        assert [n.body for n in mine.notes] == ["Hotline opened"]
        assert mine.evidence == []  # NNCC's node does not hold ONCB's own report
    with world.db.read() as session:
        view = views.view(session, liaison, session.scalars(select(Meeting)).one())
        [mine] = [
            a for i in view.items for r in i.resolutions for a in r.actions if a.action.uid == ours
        ]
        assert [e.title for e in mine.evidence] == ["Hotline log"]
        viewer = views.view(session, world.principal("thai_viewer"), view.meeting)
        [seen] = [
            a
            for i in viewer.items
            for r in i.resolutions
            for a in r.actions
            if a.action.uid == ours
        ]
        assert [e.title for e in seen.evidence] == ["Hotline log"]
    with peer_db.write() as session:  # NNCC updates its own action; ONCB receives it
        actions.set_status(session, pair.li_wei, theirs, StatusInput(status="done"))
    assert pair.to_oncb() == ["applied"]
    with world.db.read() as session:
        assert (
            session.scalars(select(MeetingAction.status).where(MeetingAction.uid == theirs)).one()
            == "done"
        )
    # a late, older update changes nothing; an update by the non-owner is refused
    with world.db.read() as session:
        meeting = session.scalars(select(Meeting)).one()
        action = session.scalars(select(MeetingAction).where(MeetingAction.uid == theirs)).one()
        stale = {
            **actions.action_payload(session, meeting, action),
            "version": 1,
            "status": "planned",
        }
    assert pair.deliver_payload(world.db, "NNCC", "ONCB", actions.KIND_ACTION, stale) == "applied"
    assert pair.deliver_payload(
        world.db, "ONCB", "ONCB", actions.KIND_ACTION, {**stale, "version": 9}
    ).startswith("refused")
    with world.db.read() as session:
        assert (
            session.scalars(select(MeetingAction.status).where(MeetingAction.uid == theirs)).one()
            == "done"
        )


def test_actions_due_and_overdue_on_the_home_page(world: Any, peer_db: Database) -> None:
    pair = Pair(world, peer_db)
    _approved(pair)
    with world.db.read() as session:
        found = tasks_for(session, world.principal("thai_viewer"), utcnow())
        due = [t for t in found if t.group == "Meeting actions due"]
        assert [t.title for t in due] == [f"{SERIES} 20 · Open a hotline"]  # overdue (2026-03-31)
        assert due[0].note == "Overdue"
    with world.browser("thai.liaison") as thai:  # the note in the reader's language
        home = thai.client.get("/").text
        assert "Open a hotline" in home and "เลยกำหนด" in home and "Overdue" not in home
    lcdc = world.partner("LCDC")  # not a party: nothing of the meeting is due there
    world.exchange()
    with lcdc.db.read() as session:
        lao = tasks_for(session, lcdc.principal("lao_viewer"), utcnow())
        assert not [t for t in lao if t.group == "Meeting actions due"]
    soon = (utcnow().date() + timedelta(days=10)).isoformat()
    later = (utcnow().date() + timedelta(days=60)).isoformat()
    assert soon and later  # deadlines inside and beyond the 30 days are chosen by due_for's bound
    with world.db.read() as session:
        assert len(actions.due_for(session, world.principal("thai_viewer"), date(2026, 3, 1))) == 1
        assert actions.due_for(session, world.principal("thai_viewer"), date(2026, 1, 1)) == []


def test_bad_minutes_are_refused_and_nothing_is_written(world: Any, peer_db: Database) -> None:
    Pair(world, peer_db)
    analyst = world.principal("thai_analyst")
    with pytest.raises(ValidationFailed) as caught, world.db.write() as session:
        service.create_meeting(session, analyst, minutes_input(deadline="2025-07-01"))
    assert caught.value.fields[0].field == "items.0.resolutions.0.actions.0.deadline"
    bad = minutes_input().model_dump(mode="json") | {"counterpart": "ONCB"}
    with pytest.raises(ValidationFailed), world.db.write() as session:
        service.create_meeting(session, analyst, MeetingInput.model_validate(bad))
    with pytest.raises(ValueError):  # the schema: end before start
        MeetingInput.model_validate(
            minutes_input().model_dump(mode="json") | {"ends_on": "2025-07-01"}
        )
    with pytest.raises(Forbidden), world.db.write() as session:  # viewers do not draft
        service.create_meeting(session, world.principal("thai_viewer"), minutes_input())
    with world.db.read() as session:
        assert session.scalar(select(func.count()).select_from(Meeting)) == 0
        assert session.scalar(select(func.count()).select_from(MinutesApproval)) == 0


def test_other_agencies_do_not_see_the_meeting(world: Any, peer_db: Database) -> None:
    lcdc = world.partner("LCDC")  # peered with ONCB, not a party to the series
    pair = Pair(world, peer_db)
    meeting_id = _draft(pair)
    from mekongx.errors import NotFound

    world.exchange()
    with lcdc.db.read() as session, pytest.raises(NotFound):
        service.read_meeting(session, lcdc.principal("lao_viewer"), meeting_id)
    with lcdc.db.read() as session:
        assert session.scalar(select(func.count()).select_from(Meeting)) == 0
    with world.db.read() as session:
        series = service.series_by_code(session, world.principal("thai_viewer"), SERIES)
        assert len(service.meetings_of(session, world.principal("thai_viewer"), series)) == 1


def test_a_report_needs_resolutions(world: Any, peer_db: Database) -> None:
    Pair(world, peer_db)
    from mekongx.domains.meetings import report

    bare = minutes_input().model_dump(mode="json") | {"items": [{"title_en": "Situation"}]}
    with world.db.write() as session:
        meeting_id = service.create_meeting(
            session, world.principal("thai_analyst"), MeetingInput.model_validate(bare)
        ).id
    with pytest.raises(Conflict) as caught, world.db.write() as session:
        report.progress_report(session, world.principal("thai_liaison"), meeting_id)
    assert caught.value.message == "This meeting has no resolutions to report on."
    with pytest.raises(Forbidden), world.db.write() as session:  # viewers do not export
        report.progress_report(session, world.principal("thai_viewer"), meeting_id)


# --- the minutes in seven languages ------------------------------------------------------------


def _canonical_sha256(value: Any) -> str:
    """RFC 8785 for what minutes hold (objects, strings, integers): keys sorted, no spaces,
    UTF-8 as written; computed here without the node's JCS code."""
    text = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def test_minutes_written_in_three_languages_keep_the_digest_they_had(world: Any) -> None:
    """Minutes agreed before Lao, Burmese, Khmer and Vietnamese were kept: their canonical form,
    so their digest and the signatures over it, are what they were (only _th/_zh/_en)."""
    wiring.install()
    with world.db.write() as session:
        service.create_series(session, world.principal("thai_admin"), series_input())
        meeting = service.create_meeting(session, world.principal("thai_analyst"), minutes_input())
        held = service.minutes_of(session, meeting)
        digest = meeting.minutes_digest
    [item1, item2] = held["items"]
    [r1], [r2] = item1["resolutions"], item2["resolutions"]
    a1, a2 = r1["actions"]

    def three(name: str, th: str = "", zh: str = "", en: str = "") -> dict[str, str]:
        return {f"{name}_th": th, f"{name}_zh": zh, f"{name}_en": en}

    before = {  # the shape docs/meetings.md gave the minutes before the four languages
        "meeting_uid": held["meeting_uid"], "series": "TH-CN", "number": 20, "host_agency": "NNCC",
        "drafting_agency": "ONCB", "counterpart": "NNCC", **three("place", "ฮาร์บิน", "哈尔滨", "Harbin"),
        "starts_on": "2025-07-30", "ends_on": "2025-07-30",
        "delegates": [{"agency": "ONCB", "role": "head",
                       **three("name", "ธนากร คัยนันท์", "塔纳功·凯亚南", "Thanakorn Kaiyanan"),
                       **three("title", en="Adviser")}],
        "items": [
            {"uid": item1["uid"], **three("title", "การแลกเปลี่ยนข้อมูลการข่าว", "情报交流", "Intelligence exchange"),
             **three("summary", en="Both sides reviewed the channels."),
             "resolutions": [{"uid": r1["uid"], "number": 1,
                              **three("text", "แลกเปลี่ยนข้อมูลการข่าว", en="Exchange intelligence faster."),
                              "actions": [
                                  {"uid": a1["uid"], "owner_agency": "ONCB", "counterpart_agency": "NNCC",
                                   **three("title", en="Open a hotline"), "deadline": "2026-03-31"},
                                  {"uid": a2["uid"], "owner_agency": "NNCC", "counterpart_agency": "ONCB",
                                   **three("title", zh="建立联络渠道"), "deadline": "2026-06-30"}]}]},
            {"uid": item2["uid"], **three("title", en="Precursors"), **three("summary"),
             "resolutions": [{"uid": r2["uid"], "number": 2, **three("text", en="Control precursors."),
                              "actions": []}]},
        ],
    }  # fmt: skip
    assert held == before
    assert digest == _canonical_sha256(before)


def test_approved_minutes_still_verify_after_the_languages_migration(
    world: Any, peer_db: Database
) -> None:
    """Both sides approve; the node goes back to before the four languages' columns and forward
    again (as a node upgraded with approved minutes): both signatures verify, the minutes stay
    frozen and current."""
    pair = Pair(world, peer_db)
    liaison = world.principal("thai_liaison")
    meeting_id = _draft(pair)
    with world.db.write() as session:
        minutes.circulate(session, liaison, meeting_id)
        minutes.approve(session, liaison, meeting_id, pair.keys["ONCB"].sign)
    assert pair.to_nncc() == ["applied", "applied"]
    with peer_db.write() as session:
        minutes.approve(session, pair.li_wei, _copy_id(pair), pair.keys["NNCC"].sign)
    assert pair.to_oncb() == ["applied"]
    assert _state(world.db) == ("approved", 1)
    config = migrations.alembic_config(world.settings.database_url)
    command.downgrade(config, "0017_meetings")
    with world.db.read_engine.connect() as conn:
        columns = {c["name"] for c in inspect(conn).get_columns("meetings")}
    assert "place_lo" not in columns
    migrations.upgrade(world.settings.database_url)
    with world.db.read() as session:
        meeting = session.get(Meeting, meeting_id)
        assert meeting is not None and meeting.minutes_state == "approved"
        found = minutes.signatures(session, meeting, _keys(pair))
        assert [(s.agency, s.valid, s.current) for s in found] == [
            ("NNCC", True, True),
            ("ONCB", True, True),
        ]


def test_lao_texts_are_signed_and_reach_the_other_side(world: Any, peer_db: Database) -> None:
    pair = Pair(world, peer_db)
    data = minutes_input().model_dump()
    data["place_lo"] = "ຮາບິນ"
    data["items"][0]["title_vi"] = "Trao đổi thông tin tình báo"
    data["items"][1]["resolutions"][0]["text_km"] = "គ្រប់គ្រងសារធាតុមុនគីមី។"
    with world.db.write() as session:
        meeting = service.create_meeting(
            session, world.principal("thai_analyst"), MeetingInput.model_validate(data)
        )
        held = service.minutes_of(session, meeting)
        meeting_id, digest = meeting.id, meeting.minutes_digest
    assert held["place_lo"] == "ຮາບິນ" and "place_my" not in held  # written ones only
    assert held["items"][0]["title_vi"] == "Trao đổi thông tin tình báo"
    assert digest == _canonical_sha256(held)
    with world.db.write() as session:
        minutes.circulate(session, world.principal("thai_liaison"), meeting_id)
    assert pair.to_nncc() == ["applied"]  # the copy's digest is the drafter's
    with peer_db.read() as session:
        copy = session.get(Meeting, _copy_id(pair))
        assert copy is not None and copy.minutes_digest == digest
        assert copy.text("place", "lo") == "ຮາບິນ"
        assert copy.shown("place", "my").text == "Harbin" and copy.shown("place", "my").fallback
        view = views.view(session, pair.li_wei, copy)
        resolution = view.items[1].resolutions[0].resolution
        assert resolution.text("text", "km") == "គ្រប់គ្រងសារធាតុមុនគីមី។"
    with world.db.write() as session:  # a series named in Lao keeps its Lao name
        named = SeriesInput(
            code="TH-LA", name_lo="ກອງປະຊຸມສອງຝ່າຍ ໄທ - ລາວ", agencies=["ONCB", "LCDC"]
        )
        series = service.create_series(session, world.principal("thai_admin"), named)
        assert series.text("name", "lo") == "ກອງປະຊຸມສອງຝ່າຍ ໄທ - ລາວ"
        assert series.shown("name", "th").fallback


def _searched(db: Database, principal: Any, query: str) -> list[tuple[str, int]]:
    with db.read() as session:
        return [(code, m.number) for m, code in service.search_meetings(session, principal, query, 10)]  # fmt: skip


def test_search_by_place_agenda_and_resolutions_on_both_sides(
    world: Any, peer_db: Database
) -> None:
    """The shared full-text index: every word in any script (a place by any of its names), the
    document following every change of the minutes, the other side's copy found on its node."""
    pair = Pair(world, peer_db)
    meeting_id = _draft(pair)
    viewer, liaison = world.principal("thai_viewer"), world.principal("thai_liaison")
    for query in ("哈尔滨", "Harbin", "情报交流", "แลกเปลี่ยนข้อมูล", "control precursors", "channels"):
        assert _searched(world.db, viewer, query) == [(SERIES, 20)], query
    assert _searched(world.db, viewer, "hotline") == []  # actions are not searched
    with world.db.write() as session:
        item_id = views.view(session, liaison, session.get(Meeting, meeting_id)).items[1].item.id
        service.update_item(session, world.principal("thai_analyst"), item_id,
                            ItemInput(title_en="Wastewater monitoring"))  # fmt: skip
    assert _searched(world.db, viewer, "wastewater") == [(SERIES, 20)]
    assert _searched(peer_db, pair.li_wei, "wastewater") == []  # not sent yet
    with world.db.write() as session:
        minutes.circulate(session, liaison, meeting_id)
    assert pair.to_nncc() == ["applied"]
    assert _searched(peer_db, pair.li_wei, "wastewater 哈尔滨") == [(SERIES, 20)]
    lcdc = world.partner("LCDC")  # not a party: sees nothing on its own node
    world.exchange()
    assert _searched(lcdc.db, lcdc.principal("lao_viewer"), "Harbin") == []


def test_the_migration_indexes_meetings_recorded_before_it(world: Any, peer_db: Database) -> None:
    pair = Pair(world, peer_db)
    _draft(pair)
    viewer = world.principal("thai_viewer")
    command.downgrade(
        migrations.alembic_config(world.settings.database_url), "0027_meeting_languages"
    )
    assert _searched(world.db, viewer, "哈尔滨") == []  # as a node before meetings were indexed
    migrations.upgrade(world.settings.database_url)
    assert _searched(world.db, viewer, "哈尔滨 情报交流 control") == [(SERIES, 20)]


def _reads(world: Any, username: str, language: str) -> None:
    from mekongx.model.identity import User

    with world.db.write() as session:
        session.execute(update(User).where(User.username == username).values(language=language))


def test_a_lao_reader_sees_notes_tasks_and_results_in_english_marked(
    world: Any, peer_db: Database
) -> None:
    """Progress notes, the home page's actions due and the search results are shown by the one
    rule of a record's texts: in English where nothing is written in Lao, marked so."""
    pair = Pair(world, peer_db)
    meeting_id, _copy = _approved(pair)
    analyst = world.principal("thai_analyst")
    with world.db.write() as session:
        actions.add_note(session, analyst, _action(world.db, "ONCB"),
                         NoteInput(noted_on=date(2025, 9, 1), body="Hotline opened"))  # fmt: skip
        actions.add_note(session, analyst, _action(world.db, "ONCB"), NoteInput(
            noted_on=date(2025, 9, 2), body="ເປີດສາຍດ່ວນແລ້ວ", language="lo"))  # fmt: skip
    _reads(world, "thai.liaison", "lo")
    mark = "(ເປັນພາສາອັງກິດ)"
    with world.browser("thai.liaison") as lao:
        page = lao.client.get(f"/meetings/{meeting_id}").text
        assert (
            f'<span lang="en">Hotline opened</span> <small class="shown-in">{mark}</small>' in page
        )
        assert "ເປີດສາຍດ່ວນແລ້ວ</li>" not in page  # its own language: no mark, no span
        assert "ເປີດສາຍດ່ວນແລ້ວ <small>" in page
        home = lao.client.get("/").text
        assert f"{SERIES} 20 · Open a hotline {mark}" in home
        found = lao.client.get("/search", params={"q": "Harbin"}).text
        assert f"{SERIES} 20 · Harbin {mark}" in found
        report = lao.client.get(f"/meetings/{meeting_id}/report", params={"lang": "lo"}).text
        assert (
            f'<span lang="en">Hotline opened</span> <small class="shown-in">{mark}</small>'
            in report
        )
    _reads(world, "thai.analyst", "en")
    with world.browser("thai.analyst") as english:  # a reader of the note's language: no mark
        page = english.client.get(f"/meetings/{meeting_id}").text
        assert "Hotline opened <small>" in page and "shown-in" not in page.split("Hotline")[1][:80]


def test_a_text_empty_in_every_language_is_named_by_its_word_in_the_readers_language() -> None:
    """No field code in the message: a meeting without a place tells a Lao reader ສະຖານທີ່."""
    from mekongx.domains.meetings.schemas import MeetingFields
    from mekongx.i18n.catalog import translator

    fields = {"series": "TH-CN", "number": 20, "host_agency": "ONCB", "counterpart": "NNCC"}
    fields |= {"starts_on": "2026-07-10", "ends_on": "2026-07-10"}
    with pytest.raises(ValidationFailed) as caught:
        parse(MeetingFields, fields)
    (problem,) = caught.value.fields
    assert problem.message == "Place: write it in at least one language."
    assert translator("lo")(problem.message).startswith("ສະຖານທີ່:")
    assert translator("th")(problem.message).startswith("สถานที่:")
    assert "place" not in translator("vi")(problem.message).lower()
