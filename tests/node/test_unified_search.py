"""One search box over every area, in every script, each result only where the user may see it."""

from __future__ import annotations

from typing import Any

from alembic import command

from mekongx import migrations
from mekongx.domains.fugitives import fulltext as fugitive_text
from mekongx.domains.fugitives import service as notices
from mekongx.domains.fugitives.schemas import NoticeInput
from mekongx.domains.rfi import service as rfi
from mekongx.domains.rfi.schemas import RfiInput
from mekongx.domains.search import registry
from mekongx.validation import parse
from mekongx.wiring import install

NOTICE = {
    "names": [{"name": "兰卫红"}, {"name": "หลาน เว่ยหง"}, {"name": "Ah Hong", "kind": "alias"}],
    "birth_date": "1978", "nationality": "CN",
    "documents": [{"type": "passport", "number": "E12345678", "country": "CN"}],
    "warrant_reference": "ONCB-W-2567/118", "warrant_authority": "Criminal Court",
    "charges": "Trafficking", "distribution": "peers", "recipients": ["NNCC"],
}  # fmt: skip


def _titles(world: Any, user: str, query: str) -> dict[str, list[str]]:
    install()  # the areas register their search providers at start-up
    with world.db.read() as session:
        found = registry.search(session, world.principal(user), query)
    out: dict[str, list[str]] = {}
    for item in found:
        out.setdefault(item.area, []).append(item.title)
    return out


def _publish(world: Any) -> int:
    with world.db.write() as session:
        notice = notices.create_notice(session, world.principal("thai_analyst"), parse(NoticeInput, NOTICE))  # fmt: skip
        notice_id = notice.id
    for action in ("review", "publish"):
        with world.db.write() as session:
            notices.transition(session, world.principal("thai_liaison"), notice_id, action)
    return notice_id


def test_a_latin_query_finds_the_thai_and_chinese_spellings(world: Any) -> None:
    nncc = world.partner("NNCC")
    _publish(world)
    world.exchange()  # the recipient searches its copy on its own node
    for node, user in ((world, "thai_viewer"), (nncc, "chinese_liaison")):
        for query in ("Lan Weihong", "หลาน เว่ยหง", "兰卫红", "Ah Hong"):
            assert _titles(node, user, query).get("Wanted persons") == ["兰卫红"], (user, query)


def test_one_chinese_character_finds_its_reports(world: Any) -> None:
    world.report("thai_liaison", title="兰卫红 seen in Mong La", narrative="x")
    world.report("thai_liaison", title="Other boat", narrative="y")
    assert _titles(world, "thai_liaison", "卫") == {
        "Intelligence reports": ["兰卫红 seen in Mong La"]
    }


def test_warrant_and_passport_numbers_however_written(world: Any) -> None:
    _publish(world)
    for query in ("oncb w 2567 118", "E 1234 5678", "e12345678"):
        assert _titles(world, "thai_viewer", query).get("Wanted persons") == ["兰卫红"], query


def test_numbers_and_name_words_come_from_the_full_text_index_on_both_nodes(world: Any) -> None:
    """A notice is found by its numbers through the shared index, on the node that wrote it and
    on the one that received it (no reading of the newest notices one by one)."""
    nncc = world.partner("NNCC")
    notice_id = _publish(world)
    world.exchange()
    with world.db.read() as session:
        shown = notices.visible_notices(world.principal("thai_viewer"))
        assert [n.id for n in fugitive_text.search(session, shown, "E 1234 5678")] == [notice_id]
    for node, user in ((world, "thai_viewer"), (nncc, "chinese_liaison")):
        for query in ("ONCB-W-2567/118", "e12345678", "Weihong"):
            assert _titles(node, user, query).get("Wanted persons") == ["兰卫红"], (user, query)
    assert "Wanted persons" not in _titles(world, "thai_viewer", "E 9999 0000")


def test_the_migration_indexes_notices_held_before_it(world: Any) -> None:
    notice_id = _publish(world)
    config = migrations.alembic_config(world.settings.database_url)
    thai = world.principal("thai_viewer")
    command.downgrade(config, "0029_fugitive_hits_queue")  # as a node before notices were indexed
    with world.db.read() as session:
        shown = notices.visible_notices(thai)
        assert fugitive_text.search(session, shown, "e12345678") == []
    migrations.upgrade(world.settings.database_url)
    with world.db.read() as session:
        shown = notices.visible_notices(thai)
        assert [n.id for n in fugitive_text.search(session, shown, "e12345678")] == [notice_id]


def test_every_area_and_only_what_the_user_may_see(world: Any) -> None:
    nncc, lcdc = world.partner("NNCC"), world.partner("LCDC")
    notice_id = _publish(world)
    with world.db.write() as session:  # a draft stays at home
        draft = notices.create_notice(session, world.principal("thai_analyst"), parse(NoticeInput, {**NOTICE, "names": [{"name": "Somsak Draft"}]}))  # fmt: skip
        rfi.create_rfi(session, world.principal("thai_liaison"), RfiInput(
            subject="Boat owner at Chiang Saen", question="Who owns it?", language="en",
            urgency="routine", requested=["NNCC"]))  # fmt: skip
    world.report("thai_liaison", title="Chiang Saen port report", narrative="own agency only")
    assert draft.id != notice_id
    thai = _titles(world, "thai_liaison", "Chiang Saen")
    assert thai["Intelligence reports"] == ["Chiang Saen port report"]
    assert thai["Requests for information"] == ["Boat owner at Chiang Saen"]
    assert "Somsak Draft" in str(_titles(world, "thai_analyst", "Somsak Draft"))
    world.exchange()  # what the partners' nodes hold after the exchange
    assert _titles(lcdc, "lao_viewer", "Somsak Draft") == {}  # another agency: not its draft
    chinese = _titles(nncc, "chinese_liaison", "Chiang Saen")
    assert "Intelligence reports" not in chinese  # own distribution: never sent
    assert chinese["Requests for information"] == ["Boat owner at Chiang Saen"]  # asked of NNCC


def test_search_page_groups_by_area_in_the_users_language(world: Any, browser: Any) -> None:
    _publish(world)
    browser.login("thai.liaison")  # Thai
    page = browser.client.get("/search", params={"q": "Lan Weihong"})
    assert page.status_code == 200 and "兰卫红" in page.text and "/fugitives/notices/" in page.text


def test_a_place_in_one_script_finds_incidents_written_in_another(world: Any, browser: Any) -> None:
    """The gazetteer where places are searched and entered: 清莱 finds an incident at
    เชียงราย; the incident form offers the region's places in the user's language."""
    from mekongx.domains.precursors import incidents
    from mekongx.domains.precursors.schemas import IncidentInput

    data = {"kind": "seizure", "title": "ยึดสารตั้งต้น", "occurred_on": "2026-03-01",
            "country": "TH", "place": "อำเภอแม่สาย จังหวัดเชียงราย", "substance_id": "acetic_anhydride",
            "quantity": 50, "unit": "kg", "language": "th"}  # fmt: skip
    with world.db.write() as session:
        incidents.create_incident(session, world.principal("thai_analyst"), parse(IncidentInput, data))  # fmt: skip
    for query in ("清莱", "Chiang Rai", "Mae Sai", "เชียงราย"):
        assert _titles(world, "thai_viewer", query).get("Precursor incidents") == ["ยึดสารตั้งต้น"], (
            query
        )
    assert "Precursor incidents" not in _titles(world, "thai_viewer", "Bokeo")
    browser.login("thai.analyst")
    form = browser.client.get("/precursors/incidents/new")
    assert '<datalist id="places">' in form.text and '<option value="เชียงราย">' in form.text
