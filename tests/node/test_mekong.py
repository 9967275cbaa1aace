"""Joint operations and Mekong joint patrols: recorded through the form (bad input refused in the
user's language, nothing written), shared with the Safe Mekong group over the exchange, results
from the linked seizures as far as the reader may see them, and the demo's records pass the
checks."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import func, select

from mekongx.domains.mekong import service
from mekongx.domains.mekong.demo import seed_demo_operations
from mekongx.domains.mekong.models import JointOperation
from mekongx.domains.seizures import service as seizures
from mekongx.domains.seizures.schemas import SeizureInput
from mekongx.validation import parse

SEIZURE = {"seized_on": "2026-03-14", "country": "TH", "admin1": "TH-57", "drug": "meth_crystal",
           "quantity": "20", "unit": "kg", "arrests": 1, "nationalities": {"MM": 1}}  # fmt: skip
FORM = {"activity": "operation", "name": "Operation Mekong Dawn", "starts_on": "2026-03-01",
        "ends_on": "2026-04-30", "countries": ["TH", "LA", "MM"], "phases": "Exchange; 2026-03-01; 2026-03-10",
        "targets": "crystal methamphetamine by river", "seizure_refs": "S-SHARED\nS-OWN",
        "handling_code": "H0", "distribution": "group", "sharing_group": "SAFE-MEKONG", "language": "en"}  # fmt: skip


def _count(node: Any) -> int:
    with node.db.read() as session:
        return session.scalar(select(func.count()).select_from(JointOperation)) or 0


def test_an_operation_with_its_results_reaches_the_group(world: Any) -> None:
    nncc = world.partner("NNCC")
    with world.db.write() as session:
        liaison = world.principal("thai_liaison")
        seizures.create_seizure(session, liaison, parse(SeizureInput, {**SEIZURE, "reference": "S-SHARED",
                                                                       "distribution": "group", "sharing_group": "SAFE-MEKONG"}))  # fmt: skip
        seizures.create_seizure(session, liaison, parse(SeizureInput, {**SEIZURE, "reference": "S-OWN", "quantity": "5"}))  # fmt: skip
    with world.browser("thai.liaison") as browser:
        bad = browser.post(
            "/mekong/new",
            {**FORM, "activity": "patrol", "countries": ["TH"], "ends_on": "2026-02-01"},
        )
        assert bad.status_code == 422
        for field in ("number", "ends_on", "countries"):
            assert f'id="err-{field}"' in bad.text, field
        assert _count(world) == 0
        made = browser.post("/mekong/new", FORM)
        assert made.status_code == 303, made.text
        page = browser.client.get(made.headers["location"]).text
        assert "Operation Mekong Dawn" in page and "S-SHARED" in page and "S-OWN" in page
        assert "25.0" in page.split('id="results"')[1].split("</p>")[0]
    world.exchange()
    with nncc.browser("chinese.liaison") as browser:
        listed = browser.client.get("/mekong").text
        assert "Operation Mekong Dawn" in listed
        copy = nncc.id_of(JointOperation, world.uid_of(JointOperation, 1))
        page = browser.client.get(f"/mekong/{copy}").text
        results = page.split('id="results"')[1].split("</p>")[0]
        assert "S-SHARED" in page and "S-OWN" not in page and "20.0" in results


def test_the_demo_operations_pass_every_check(world: Any) -> None:
    with world.db.write() as session:
        seed_demo_operations(
            session, "ONCB", world.principal("thai_liaison"), today=date(2026, 11, 30)
        )
    assert _count(world) == 2


def test_the_list_pages_the_latest_started_first(world: Any, browser: Any) -> None:
    """The operations list is on the shared list machinery (``authz.listing``): pages of the
    latest started first, each operation once."""
    with world.db.write() as session:
        seed_demo_operations(
            session, "ONCB", world.principal("thai_liaison"), today=date(2026, 11, 30)
        )
        viewer = world.principal("thai_viewer")
        pages = [service.list_operations(session, viewer, page=n, per_page=1) for n in (1, 2)]
        assert [p.total for p in pages] == [2, 2]
        first, second = pages[0].items[0], pages[1].items[0]
        assert first.id != second.id and first.starts_on >= second.starts_on
        names = first.name, second.name
    browser.login("thai.viewer")
    listed = browser.client.get("/mekong?activity=").text
    assert all(name in listed for name in names) and 'class="pager"' in listed
    assert (
        'href="/mekong/new"' not in listed
    )  # a viewer records nothing: no button that answers 403


def test_the_demo_names_reach_each_reader_in_their_language(world: Any) -> None:
    """An operation's name is written once (English) with its translations beside it; they travel
    with the record, and each reader sees their language (else English, marked)."""
    nncc = world.partner("NNCC")
    with world.db.write() as session:
        seed_demo_operations(
            session, "ONCB", world.principal("thai_liaison"), today=date(2026, 11, 30)
        )
    world.exchange()
    with nncc.db.read() as session:
        copy = session.scalars(
            select(JointOperation).where(JointOperation.activity == "patrol")
        ).one()
        assert copy.name == "Mekong joint patrol (demo)" and copy.language == "en"
        assert copy.text("name", "lo") == "ການລາດຕະເວນຮ່ວມແມ່ນ້ຳຂອງ (ສາທິດ)"
        assert copy.text("name", "vi") == "Tuần tra chung trên sông Mê Kông (minh họa)"
        assert not copy.shown("name", "en").fallback
    with nncc.browser("chinese.liaison") as browser:
        listed = browser.client.get("/mekong").text
        assert "湄公河联合巡逻执法（演示）" in listed and "Mekong joint patrol (demo)" not in listed
    with world.db.write() as session:  # a name without a Burmese translation: English, marked
        operation = session.scalars(select(JointOperation)).first()
        assert operation is not None
        operation.translations = "{}"
        shown = operation.shown("name", "my")
        assert shown.fallback and shown.lang == "en"
