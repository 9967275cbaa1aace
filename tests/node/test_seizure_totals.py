"""The regional picture's totals: kept as seizures are recorded and received, on each node they
give the same picture as a scan of the rows (whole months and the days at the edges), for what
that node holds and no more; rebuilt from the rows they are the same."""

from __future__ import annotations

import importlib
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, select, text

from mekongx.domains.seizures import picture, totals
from mekongx.domains.seizures import service as seizures
from mekongx.domains.seizures.models import Seizure, SeizureTotal
from mekongx.domains.seizures.schemas import SeizureInput
from mekongx.validation import parse

# (reference, date, drug, quantity, unit, sharing, coordinates)
THAI = [
    ("TH-1", "2026-01-05", "meth_tablets", "200000", "tablets", {}, (20.27, 100.08)),
    ("TH-2", "2026-02-11", "meth_crystal", "12.5", "kg", {"distribution": "group", "sharing_group": "SAFE-MEKONG"}, None),
    ("TH-3", "2026-02-28", "heroin", "3.125", "kg", {"distribution": "peers", "recipients": ["NNCC"]}, (19.9, 99.8)),
    ("TH-4", "2026-10-21", "ketamine", "800", "g", {"distribution": "peers", "recipients": ["LCDC"]}, None),
    ("TH-5", "2025-11-30", "meth_crystal", "40", "kg", {"distribution": "group", "sharing_group": "SAFE-MEKONG"}, None),
]  # fmt: skip
CHINESE = [
    ("CN-1", "2026-03-02", "meth_crystal", "55", "kg", {"distribution": "peers", "recipients": ["ONCB"]}, (21.9, 100.7)),
    ("CN-2", "2026-03-02", "meth_crystal", "7", "kg", {}, None),
    ("CN-3", "2026-06-30", "ketamine", "1.5", "kg", {"distribution": "group", "sharing_group": "SAFE-MEKONG"}, (22.0, 100.8)),
    ("CN-4", "2026-07-01", "meth_tablets", "30000", "tablets", {"distribution": "peers", "recipients": ["LCDC"]}, None),
]  # fmt: skip
PERIODS = [
    picture.Filters(date(2026, 1, 1), date(2026, 11, 30)),  # whole months, the one before too
    picture.Filters(date(2026, 2, 10), date(2026, 10, 25)),  # edges scanned
    picture.Filters(date(2026, 1, 1), date(2026, 12, 31), drug="meth_crystal"),
    picture.Filters(date(2026, 3, 1), date(2026, 3, 31), country="CN"),
]


def _record(node: Any, user: str, rows: list[Any], country: str, admin1: str) -> None:
    with node.db.write() as session:
        for ref, day, drug, quantity, unit, sharing, where in rows:
            data = {"reference": ref, "seized_on": day, "country": country, "admin1": admin1,
                    "drug": drug, "quantity": quantity, "unit": unit, "origin_country": "MM",
                    "transit_countries": ["LA"], "destination_country": country, **sharing}  # fmt: skip
            if where:
                data["latitude"], data["longitude"] = where
            seizures.create_seizure(session, node.principal(user), parse(SeizureInput, data))


def _seen(found: picture.Picture) -> Any:
    def fig(f: picture.Figure) -> Any:
        return (f.seizures, f.kg.normalize(), f.tablets, tuple(f.nodes))

    return (fig(found.total), fig(found.previous),
            {k: (fig(a), fig(b)) for k, (a, b) in found.by_drug.items()},
            {k: fig(v) for k, v in found.by_country.items()},
            [(o, t, d, fig(f)) for o, t, d, f in found.flows],
            [(u, round(lat, 6), round(lon, 6), f.seizures) for u, lat, lon, f in found.places],
            found.nodes)  # fmt: skip


def _same_either_way(node: Any, user: str) -> list[Any]:
    seen = []
    with node.db.write() as session:
        for filters in PERIODS:
            kept = picture.picture(session, node.principal(user), filters)
            scanned = picture.picture(session, node.principal(user), filters, scan=True)
            assert _seen(kept) == _seen(scanned), filters
            seen.append(_seen(kept))
    return seen


def _rows(node: Any) -> set[Any]:
    with node.db.read() as session:
        return {tuple(getattr(t, k) for k in (*totals.KEYS, *totals.SUMS[:4])) for t in session.scalars(select(SeizureTotal))}  # fmt: skip


def test_the_totals_give_the_scans_picture_on_each_node(world: Any) -> None:
    nncc, lcdc = world.partner("NNCC"), world.partner("LCDC")
    _record(world, "thai_liaison", THAI, "TH", "TH-57")
    _record(nncc, "chinese_liaison", CHINESE, "CN", "CN-YN")
    world.exchange()
    oncb = _same_either_way(world, "thai_viewer")
    total = oncb[0][0]
    assert total[0] == 6 and total[3] == ("NNCC", "ONCB")  # CN-2 kept in China, CN-4 sent to Laos
    assert oncb[0][1][0] == 1  # the previous period: TH-5 in November 2025
    china = _same_either_way(nncc, "chinese_analyst")
    assert china[0][0][0] == 6  # its four, TH-2 (group) and TH-3 (named)
    laos = _same_either_way(lcdc, "lao_viewer")
    assert laos[0][0][0] == 4  # TH-2, TH-4, CN-3, CN-4
    for node in (world, nncc, lcdc):
        before = _rows(node)
        with node.db.write() as session:
            totals.rebuild(session)
        assert _rows(node) == before
    before = _rows(world)
    migration = importlib.import_module("mekongx.migrations.versions.0025_seizure_totals")
    with world.db.write() as session:  # the migration fills the totals of a node's seizures alike
        session.execute(delete(SeizureTotal))
        session.execute(text(migration.fill_sql(session.get_bind().dialect.name)))
    assert _rows(world) == before


def test_corrections_and_retractions_reach_the_peers_pictures(world: Any, token_for: Any) -> None:
    nncc = world.partner("NNCC")
    _record(world, "thai_liaison", THAI[1:3], "TH", "TH-57")  # TH-2 to the group, TH-3 to NNCC
    world.exchange()
    year = picture.Filters(date(2026, 1, 1), date(2026, 11, 30))

    def china() -> picture.Picture:
        with nncc.db.write() as session:
            return picture.picture(session, nncc.principal("chinese_analyst"), year)

    assert china().total.seizures == 2 and china().total.kg == Decimal("15.625")
    headers = token_for("thai_liaison")
    with world.db.read() as session:
        ids = {ref: i for ref, i in session.execute(select(Seizure.reference, Seizure.id))}
    body = {"reference": "TH-2", "seized_on": "2026-02-11", "country": "TH", "admin1": "TH-57",
            "drug": "meth_crystal", "quantity": "125", "unit": "kg", "distribution": "group",
            "sharing_group": "SAFE-MEKONG"}  # fmt: skip
    with world.app() as client:
        bad = client.put(
            f"/api/v1/seizures/{ids['TH-2']}", json={**body, "quantity": "-1"}, headers=headers
        )
        assert bad.status_code == 422 and "quantity" in bad.text
        fixed = client.put(f"/api/v1/seizures/{ids['TH-2']}", json=body, headers=headers)
        assert fixed.status_code == 200 and fixed.json()["version"] == 2, fixed.text
        empty = client.post(
            f"/api/v1/seizures/{ids['TH-3']}/retract", json={"reason": " "}, headers=headers
        )
        assert empty.status_code == 422 and "reason" in empty.text
        gone = client.post(f"/api/v1/seizures/{ids['TH-3']}/retract", json={"reason": "Counted twice"}, headers=headers)  # fmt: skip
        assert gone.status_code == 200 and gone.json()["status"] == "retracted"
        again = client.post(
            f"/api/v1/seizures/{ids['TH-3']}/retract", json={"reason": "x"}, headers=headers
        )
        assert again.status_code == 409
    with nncc.db.read() as session:  # nothing arrived yet: the peer still counts what it holds
        assert session.scalar(select(Seizure.version).where(Seizure.reference == "TH-2")) == 1
    world.exchange()
    seen = china()
    assert seen.total.seizures == 1 and seen.total.kg == Decimal(125)
    with nncc.db.read() as session:
        copy = session.scalar(select(Seizure).where(Seizure.reference == "TH-3"))
        assert (
            copy is not None and copy.status == "retracted" and copy.status_note == "Counted twice"
        )
    for node, user in ((world, "thai_viewer"), (nncc, "chinese_analyst")):
        _same_either_way(node, user)
        before = _rows(node)
        with node.db.write() as session:
            totals.rebuild(session)
        assert _rows(node) == before
    with nncc.browser("chinese.analyst") as browser:
        page = browser.client.get(f"/seizures/{nncc.id_of(Seizure, copy.uid)}").text
        assert 'id="retracted"' in page and "Counted twice" in page and "retract-form" not in page
