"""Requests for information and precursor incidents on the shared full-text index: found by
every word in any script (a place by any of its names), only where the user may see them, on the
sender's node and on the copies the exchange delivered; the migrations index what was written
before, and a search of one kind never returns another kind's documents."""

from __future__ import annotations

from typing import Any

from alembic import command
from sqlalchemy import text

from mekongx import migrations
from mekongx.db import fts
from mekongx.domains.precursors import incidents
from mekongx.domains.precursors.schemas import IncidentInput
from mekongx.domains.rfi import service as rfi
from mekongx.domains.rfi.schemas import RfiInput
from mekongx.domains.search.providers import incidents as incident_provider
from mekongx.domains.search.providers import rfis as rfi_provider
from mekongx.validation import parse

SUBJECT = "เรือของ หลาน เว่ยหง ที่ท่าเรือเชียงแสน"
INCIDENT = {"kind": "seizure", "title": "ยึดอะซิติกแอนไฮไดรด์ที่ด่าน", "occurred_on": "2026-03-01",
            "country": "TH", "place": "อำเภอแม่สาย จังหวัดเชียงราย", "substance_id": "acetic_anhydride",
            "quantity": 50, "unit": "kg", "language": "th", "description": "ซ่อนในรถบรรทุกห้องเย็น",
            "distribution": "peers", "recipients": ["NNCC"]}  # fmt: skip


def _request(world: Any) -> None:
    with world.db.write() as session:
        rfi.create_rfi(session, world.principal("thai_liaison"), RfiInput(
            subject=SUBJECT, question="Who owns the longtail boat moored there since May?",
            language="th", urgency="routine", requested=["NNCC"]))  # fmt: skip


def _incident(world: Any) -> None:
    with world.db.write() as session:
        incidents.create_incident(session, world.principal("thai_liaison"), parse(IncidentInput, INCIDENT))  # fmt: skip


def _requests(node: Any, user: str, query: str) -> list[str]:
    with node.db.read() as session:
        return [f.title for f in rfi_provider(session, node.principal(user), query, 10)]


def _incidents(node: Any, user: str, query: str) -> list[str]:
    with node.db.read() as session:
        return [f.title for f in incident_provider(session, node.principal(user), query, 10)]


def test_requests_by_any_word_in_any_script_where_the_user_may_see_them(world: Any) -> None:
    nncc, lcdc = world.partner("NNCC"), world.partner("LCDC")
    _request(world)
    for query in ("เว่ยหง", "Weihong", "longtail boat", "Chiang Saen", "清盛"):
        assert _requests(world, "thai_viewer", query) == [SUBJECT], query
    assert _requests(world, "thai_viewer", "ketamine") == []
    world.exchange()
    assert _requests(nncc, "chinese_liaison", "兰卫红 boat") == []  # every word must match
    assert _requests(nncc, "chinese_liaison", "longtail") == [SUBJECT]  # the received copy
    assert _requests(lcdc, "lao_viewer", "longtail") == []  # not asked: nothing delivered


def test_incidents_by_place_substance_and_description(world: Any) -> None:
    nncc, lcdc = world.partner("NNCC"), world.partner("LCDC")
    _incident(world)
    for query in ("清莱", "Mae Sai", "ห้องเย็น", "อะซิติก"):
        assert _incidents(world, "thai_viewer", query) == [INCIDENT["title"]], query
    world.exchange()
    assert _incidents(nncc, "chinese_liaison", "清莱") == [INCIDENT["title"]]
    assert _incidents(lcdc, "lao_viewer", "清莱") == []


def test_the_migrations_index_requests_and_incidents_written_before_them(world: Any) -> None:
    _request(world)
    _incident(world)
    config = migrations.alembic_config(world.settings.database_url)
    command.downgrade(config, "0017_rfi_asset_requests")  # as a node before requests were indexed
    command.downgrade(config, "0017_precursor_formd")
    assert _requests(world, "thai_viewer", "longtail") == []
    assert _incidents(world, "thai_viewer", "清莱") == []
    migrations.upgrade(world.settings.database_url)
    assert _requests(world, "thai_viewer", "longtail") == [SUBJECT]
    assert _incidents(world, "thai_viewer", "清莱") == [INCIDENT["title"]]


def _kind_column(world: Any) -> str:
    with world.db.read() as session:
        return str(session.execute(text(
            "SELECT sql FROM sqlite_master WHERE name = 'search_index'")).scalar())  # fmt: skip


def test_one_kind_only_and_the_index_rebuilt_with_its_documents(world: Any) -> None:
    """Documents of three kinds hold the same words; a search of one kind finds its own only.
    The SQLite index written before 0027_search_kinds (the kind not a word of the index) is
    rebuilt with every document and its number, and searches find the same."""
    _request(world)
    _incident(world)
    world.report("thai_liaison", title="เรือที่เชียงแสน 清莱", narrative="longtail ห้องเย็น")
    kinds = ("rfi", "precursor_incident", "intel_report")

    def found() -> dict[tuple[str, str], int]:
        with world.db.read() as session:
            return {(query, kind): len(session.execute(*clause).all())
                    for query in ("longtail", "清莱 ห้องเย็น") for kind in kinds
                    if (clause := fts.match_clause(session, query, kind))}  # fmt: skip

    expected = {("longtail", "rfi"): 1, ("longtail", "precursor_incident"): 0,
                ("longtail", "intel_report"): 1, ("清莱 ห้องเย็น", "rfi"): 0,
                ("清莱 ห้องเย็น", "precursor_incident"): 1, ("清莱 ห้องเย็น", "intel_report"): 1}  # fmt: skip
    assert found() == expected
    if not world.db.url.startswith("sqlite"):
        return  # PostgreSQL's index is the same at both revisions
    with world.db.read() as session:
        before = session.execute(text("SELECT rowid, uid, kind FROM search_index ORDER BY rowid")).all()  # fmt: skip
    command.downgrade(migrations.alembic_config(world.settings.database_url), "0007")
    assert "kind UNINDEXED" in _kind_column(world)
    migrations.upgrade(world.settings.database_url)
    assert _kind_column(world) == fts.SQLITE_DDL
    with world.db.read() as session:
        after = session.execute(text("SELECT rowid, uid, kind FROM search_index ORDER BY rowid")).all()  # fmt: skip
    assert after == before and found() == expected
