"""Prevention programmes between two nodes: a Thai and a Chinese programme manager record their
programmes, each node receives the other's as a read-only copy (aggregates only), and both see
them side by side; bad input is refused naming the field, with nothing written."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import openpyxl
import pytest
from pydantic import ValidationError
from sqlalchemy import func, select

from mekongx.audit.log import AuditEvent
from mekongx.domains.prevention import dashboard, demo, exchange, lists, mapping, service
from mekongx.domains.prevention.models import Activity, Programme, Reach
from mekongx.domains.prevention.payloads import ProgrammePayload
from mekongx.domains.prevention.schemas import (
    ActivityInput,
    OutcomeInput,
    ProgrammeInput,
    ReachInput,
    UnitInput,
)
from mekongx.errors import Forbidden, ValidationFailed
from mekongx.federation.handlers import Received
from mekongx.federation.models import OutboxEntry
from mekongx.validation import parse
from mekongx.wiring import reindex_all


def _people(node: Any, liaison: str, analyst: str) -> dict[str, Any]:
    return {"liaison": node.principal(liaison), "analyst": node.principal(analyst)}


def _seed_both(world: Any) -> Any:
    nncc = world.partner("NNCC")
    with world.db.write() as session:
        demo.seed_demo_prevention(session, "ONCB", _people(world, "thai_liaison", "thai_analyst"))
    with nncc.db.write() as session:
        demo.seed_demo_prevention(
            session, "NNCC", _people(nncc, "chinese_liaison", "chinese_analyst")
        )
    world.exchange()
    return nncc


def test_both_countries_programmes_side_by_side_on_both_nodes(world: Any) -> None:
    nncc = _seed_both(world)
    for node, user in ((world, "thai_viewer"), (nncc, "chinese_analyst")):
        with node.db.read() as session:
            board = dashboard.build(session, node.principal(user))
            codes = {p.code for p in lists.list_programmes(session, node.principal(user)).items}
        assert codes == {"TBN1", "WHITE-SCHOOL", "DARE-TH", "QINGJIAO"}
        assert {"TH", "CN"} <= set(board.countries)
        assert board.series["CN · QINGJIAO"][2022] == 102_000_000
        assert board.series["TH · TBN1"][2003] == 660_000
    with world.db.read() as session:
        copy = session.scalar(select(Programme).where(Programme.code == "QINGJIAO"))
        assert copy is not None and copy.received and copy.origin_agency == "NNCC"
        assert "xalsdbl.com" in copy.sources  # the sources travel with the figures
        yunnan = [r for r in board.reach["CN"] if r.year == 2024]
    assert yunnan[0].minors == 1200 and yunnan[0].female == 595


def test_received_copies_are_read_only(world: Any) -> None:
    _seed_both(world)
    with world.db.read() as session:
        copy_id = session.scalar(select(Programme.id).where(Programme.code == "QINGJIAO"))
    with world.db.write() as session, pytest.raises(Forbidden):
        service.set_reach(session, world.principal("thai_analyst"), copy_id,
                          ReachInput(year=2024, counts=[{"count": 5}], source="x"))  # fmt: skip


def test_nothing_about_a_minor_crosses_the_border(world: Any) -> None:
    """Activity notes stay home; a count of 1-4 children is left out of the payload and a
    payload carrying one is refused by the schema; identifiers in received texts are refused."""
    world.partner("NNCC")
    analyst = world.principal("thai_liaison")
    with world.db.write() as session:
        programme = service.create_programme(session, analyst, ProgrammeInput.model_validate(
            {**demo._dare()["programme"], "distribution": "peers", "recipients": ["NNCC"]}))  # fmt: skip
        service.add_activity(session, analyst, programme.id, ActivityInput(
            kind="lesson", title="Lesson 1", starts_on=dt.date(2024, 6, 3), ends_on=dt.date(2024, 6, 3),
            notes="Class 5/2 was noisy; the teacher asked for a second visit"))  # fmt: skip
        service.add_activity(session, analyst, programme.id, ActivityInput(
            kind="camp", title="Weekend camp", starts_on=dt.date(2024, 7, 6), ends_on=dt.date(2024, 7, 7),
            participants=3))  # fmt: skip
        service.set_reach(session, analyst, programme.id, ReachInput(year=2024, region="Chon Buri", counts=[
            {"count": 33}, {"age_band": "6-11", "sex": "f", "count": 30},
            {"age_band": "6-11", "sex": "m", "count": 3}], source="school register"))  # fmt: skip
        uid = programme.uid
    with world.db.read() as session:
        entries = list(session.scalars(select(OutboxEntry).where(OutboxEntry.record_uid == uid)))
        body = exchange.payload(
            session, session.scalar(select(Programme).where(Programme.uid == uid))
        )
    assert entries and all(e.kind == exchange.KIND for e in entries)
    assert "noisy" not in str(body) and all(
        a["notes"] == "" if "notes" in a else True for a in body["activities"]
    )
    assert body["suppressed_counts"] == 2  # the three children of one age band, the camp of three
    assert [a["participants"] for a in body["activities"]] == [None, None]
    assert {(r["age_band"], r["count"]) for r in body["reach"]} == {("all", 33), ("6-11", 30)}
    ProgrammePayload.model_validate(body)  # what is sent satisfies the receiver's schema
    small = {**body, "reach": [*body["reach"], {**body["reach"][1], "sex": "m", "count": 3}]}
    with pytest.raises(ValidationError):
        ProgrammePayload.model_validate(small)
    noted = {**body, "activities": [{**body["activities"][0], "notes": "x"}]}
    camp = {**body, "activities": [{**body["activities"][1], "participants": 3}]}
    phone = {**body, "units": [{"uid": body["uid"], "kind": "school", "name": "Call 081 234 5678"}]}
    for refused in (noted, camp):
        with pytest.raises(ValidationError):
            ProgrammePayload.model_validate(refused)
    with world.partner("NNCC").db.write() as session, pytest.raises(ValidationFailed) as named:
        receipt = Received("m", "information", "ONCB", "NNCC", None, None, "H0", "")
        exchange.apply(session, receipt, phone)
    assert [f.field for f in named.value.fields] == ["units.0.name"]
    world.exchange()
    nncc = world.partner("NNCC")
    with nncc.db.read() as session:
        copy = session.scalar(select(Programme).where(Programme.uid == uid))
        assert copy is not None
        notes = session.scalars(
            select(Activity.notes).where(Activity.programme_id == copy.id)
        ).all()
        counts = session.scalars(select(Reach.count).where(Reach.programme_id == copy.id)).all()
    assert notes == ["", ""] and sorted(counts) == [30, 33]


def test_identifiers_of_children_are_refused_and_nothing_is_written(world: Any) -> None:
    analyst = world.principal("thai_analyst")
    with world.db.write() as session:
        programme_id = service.create_programme(
            session, analyst, ProgrammeInput.model_validate(demo._dare()["programme"])
        ).id
    for part, data in (
        ("add_unit", UnitInput(kind="club", name="Club of ด.ญ. มาลี")),
        (
            "set_reach",
            ReachInput(year=2024, counts=[{"count": 9}], source="list from mali@example.org"),
        ),
    ):
        with world.db.write() as session, pytest.raises(ValidationFailed) as refused:
            getattr(service, part)(session, analyst, programme_id, data)
        assert [f.field for f in refused.value.fields] == [
            "name" if part == "add_unit" else "source"
        ]
    for notes in ("ด.ช. สมชาย เรียนดี มาสาย", "เลขประจำตัว 1-1037-00123-45-6", "parent phone 081 234 5678",
                  "姓名：王小明", "born 2014-03-02"):  # fmt: skip
        with world.db.write() as session, pytest.raises(ValidationFailed) as refused:
            service.add_activity(session, analyst, programme_id, ActivityInput(
                kind="lesson", title="Lesson", starts_on=dt.date(2024, 6, 3), ends_on=dt.date(2024, 6, 3), notes=notes))  # fmt: skip
        assert [f.field for f in refused.value.fields] == ["notes"], notes
    with world.db.read() as session:
        assert session.scalar(select(func.count()).select_from(Activity)) == 0
    with world.db.write() as session:  # counts and plain descriptions are fine
        service.add_activity(session, analyst, programme_id, ActivityInput(
            kind="lesson", title="Lesson 1 of 13", starts_on=dt.date(2024, 6, 3), ends_on=dt.date(2024, 6, 3),
            participants=31, notes="31 pupils of Prathom 5, 2,400 leaflets"))  # fmt: skip


def test_counts_that_do_not_add_up_and_dates_out_of_order_are_refused() -> None:
    cases = [
        (ReachInput, {"year": 2024, "source": "s", "counts": [{"count": 60}, {"age_band": "6-11", "sex": "f", "count": 50}]},
         {"parts": "50", "total": "60", "measure": "participants"}),
        (OutcomeInput, {"indicator": "pass", "year": 2024, "numerator": 120, "denominator": 100, "source": "s"},
         {"numerator": "120", "denominator": "100"}),
        (ActivityInput, {"kind": "camp", "title": "Camp", "starts_on": "2024-06-03", "ends_on": "2024-06-01"},
         {"start": "2024-06-03", "end": "2024-06-01"}),
    ]  # fmt: skip
    for model, data, params in cases:
        with pytest.raises(ValidationFailed) as refused:
            parse(model, data)
        [problem] = refused.value.fields
        assert problem.params == params


def test_comparability_is_stated_and_exported(world: Any) -> None:
    nncc = _seed_both(world)
    with world.db.write() as session:
        made = demo.seed_demo_comparability(session, world.principal("thai_analyst"))
    assert made == len(demo.COMPARABILITY)
    with world.db.write() as session:
        principal = world.principal("thai_analyst")
        board = dashboard.build(session, principal)
        verdicts = {
            (p.left_programme.code, p.right_programme.code, p.mapping.verdict) for p in board.pairs
        }
        content = dashboard.workbook(session, principal, board, "ONCB")
    assert ("DARE-TH", "QINGJIAO", "not_comparable") in {(*sorted(v[:2]), v[2]) for v in verdicts}
    book = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
    cells = {
        str(c)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for c in row
    }
    assert {"QINGJIAO", "TBN1", "DARE-TH", "registration"} <= cells and len(book.sheetnames) == 4
    with world.db.read() as session:
        assert session.scalar(select(func.count()).select_from(AuditEvent).where(
            AuditEvent.action == "prevention.dashboard.export")) == 1  # fmt: skip
    # the other node made no statement of its own: its dashboard shows none
    with nncc.db.read() as session:
        assert mapping.pairs(session, nncc.principal("chinese_analyst")) == []


def test_programmes_are_listed_and_searched_through_the_shared_list_machinery(world: Any) -> None:
    """Pages newest first with the keyset cursor; search by a word of any script, received
    copies included; a programme kept to its own agency is neither listed nor found elsewhere;
    a restore's reindex writes every programme's document again."""
    nncc = _seed_both(world)
    with nncc.db.write() as session:
        service.create_programme(session, nncc.principal("chinese_liaison"), ProgrammeInput.model_validate(
            {**demo._dare()["programme"], "code": "HOME-ONLY", "name_en": "Kept at home"}))  # fmt: skip
    world.exchange()
    viewer = world.principal("thai_viewer")
    with world.db.read() as session:
        first = lists.list_programmes(session, viewer, per_page=3)
        rest = lists.list_programmes(session, viewer, per_page=3, after=first.next_after)
        thai = lists.list_programmes(session, viewer, "TH")
        found = {
            word: {p.code for p in lists.search_programmes(session, viewer, word)}
            for word in ("青骄", "ชิงเจียว", "Resistance", "Kept")
        }
    listed = [p.code for p in first.items + rest.items]
    assert sorted(listed) == ["DARE-TH", "QINGJIAO", "TBN1", "WHITE-SCHOOL"]
    assert (first.total, first.total_exact, rest.next_after) == (4, True, None)
    assert {p.code for p in thai.items} == {"DARE-TH", "TBN1", "WHITE-SCHOOL"}
    assert found == {
        "青骄": {"QINGJIAO"},
        "ชิงเจียว": {"QINGJIAO"},
        "Resistance": {"DARE-TH"},
        "Kept": set(),
    }
    with nncc.db.read() as session:
        home = lists.search_programmes(session, nncc.principal("chinese_analyst"), "Kept")
    assert [p.code for p in home] == ["HOME-ONLY"]
    with world.db.write() as session:
        assert reindex_all(session)["Prevention programmes"] == 4
