"""Wastewater area, through its service: import (good and bad files), estimates equal to the
engine's, visibility by distribution, sharing payloads and read-only received copies."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import replace
from typing import Any

import numpy as np
import openpyxl
import pytest
from sqlalchemy import func, select

from mekongx.audit import verify_chain
from mekongx.authz import Principal
from mekongx.db import Database
from mekongx.domains.wbe import comparisons, demo, estimates, exchange, results, service
from mekongx.domains.wbe.analysis import parameter_set_by_label
from mekongx.domains.wbe.models import WbeCampaign, WbeMeasurement, WbeSample
from mekongx.domains.wbe.schemas import CampaignInput, SiteInput
from mekongx.errors import Conflict, Forbidden, NotFound, ValidationFailed
from mekongx.wastewater import (
    Campaign,
    Quantity,
    Sample,
    Series,
    builtin_parameter_set,
    campaign_draws,
    estimate_batch,
    summarise,
)

START = dt.date(2025, 3, 10)
HEADER = "date,analyte,concentration_ng_l,loq_ng_l,flow_m3_d,population,sampling_mode\n"


def make_campaign(world: Any, *, user: str = "thai_liaison", **fields: Any) -> int:
    principal = world.principal(user)
    with world.db.write() as session:
        site = service.create_site(
            session,
            principal,
            SiteInput(
                code=f"S{fields.pop('code', 1)}",
                plant="Si Phraya WWTP",
                city=fields.pop("city", "Bangkok"),
                country="TH",
                population_served=120_000,
                sewer_type="combined",
                translations=fields.pop("translations", {}),
            ),
        )
        data = {
            "title": "Bangkok March 2025",
            "site_id": site.id,
            "period_start": START,
            "period_end": START + dt.timedelta(days=6),
            **fields,
        }
        return service.create_campaign(session, principal, CampaignInput.model_validate(data)).id


def load(
    world: Any,
    campaign_id: int,
    content: str | bytes,
    name: str = "r.csv",
    user: str = "thai_liaison",
) -> results.ImportResult:
    raw = content.encode() if isinstance(content, str) else content
    with world.db.write() as session:
        return results.import_file(session, world.principal(user), campaign_id, name, raw)


def good_csv(start: dt.date = START, level: float = 1.0, seed: int = 0) -> str:
    return demo.results_csv(start, 7, flow_m3_d=30_000, population=120_000, level=level, seed=seed)


def count(world: Any, model: Any) -> int:
    with world.db.read() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_good_csv_and_xlsx_import(world: Any) -> None:
    cid = make_campaign(world)
    result = load(world, cid, good_csv())
    assert (result.rows, result.samples_added) == (42, 7)
    assert count(world, WbeMeasurement) == 42
    # the same data as a workbook, into a second campaign
    cid2 = make_campaign(world, code=2, title="Second")
    book = openpyxl.Workbook()
    sheet = book.active
    for line in good_csv(seed=1).splitlines():
        cells: list[Any] = line.split(",")
        if cells[0] != "date":
            cells[0] = dt.date.fromisoformat(cells[0])  # a real Excel date cell
            cells[4] = float(cells[4])
        sheet.append(cells)
    buffer = io.BytesIO()
    book.save(buffer)
    assert load(world, cid2, buffer.getvalue(), "results.xlsx").rows == 42
    with world.db.read() as session:
        stored = service.rows_of(session, session.get(WbeCampaign, cid))
    censored = [r for r in stored if r.censored]
    assert censored and all(r.concentration_ng_l is None and r.loq_ng_l for r in censored)


BAD = (
    HEADER
    + "2025-03-10,METH,250,5,30000,120000,flow\n"  # row 2: good
    + "2025-13-01,METH,250,5,30000,120000,flow\n"  # row 3: bad date
    + "2025-03-11,XTC,250,5,30000,120000,flow\n"  # row 4: unknown analyte
    + "2025-03-12,METH,abc,5,30000,120000,flow\n"  # row 5: not a number
    + "2025-03-13,METH,<LOQ,,30000,120000,flow\n"  # row 6: censored without LOQ
    + "2025-03-14,METH,-3,5,-1,0,bucket\n"  # row 7: four bad cells
    + "2025-04-30,METH,250,5,30000,120000,flow\n"  # row 8: outside the period
    + "2025-03-10,METH,260,5,30000,120000,flow\n"  # row 9: repeats row 2
    + "2025-03-10,AMP,20,5,31000,120000,flow\n"  # row 10: flow differs from row 2
)


def test_bad_file_names_every_cell_and_writes_nothing(world: Any) -> None:
    cid = make_campaign(world)
    with pytest.raises(ValidationFailed) as caught:
        load(world, cid, BAD)
    fields = {f.field for f in caught.value.fields}
    assert fields == {
        "rows.3.date",
        "rows.4.analyte",
        "rows.5.concentration_ng_l",
        "rows.6.loq_ng_l",
        "rows.7.concentration_ng_l",
        "rows.7.flow_m3_d",
        "rows.7.population",
        "rows.7.sampling_mode",
        "rows.8.date",
        "rows.9.analyte",
        "rows.10.flow_m3_d",
    }
    assert count(world, WbeSample) == 0 and count(world, WbeMeasurement) == 0


def test_problems_are_in_the_users_language(world: Any) -> None:
    cid = make_campaign(world, user="thai_analyst")
    with pytest.raises(ValidationFailed) as caught:
        load(world, cid, HEADER + "2025-03-12,METH,abc,5,30000,120000,flow\n", user="thai_analyst")
    problem = caught.value.fields[0]
    assert problem.params["row"] == 2 and problem.params["column"] == "concentration_ng_l"
    assert "ไม่ใช่ตัวเลข" in problem.params["problem"]  # the engine's Thai text


@pytest.mark.parametrize(
    ("name", "content", "field"),
    [
        ("r.pdf", b"%PDF-1.4", "file"),
        ("r.xlsx", b"not a zip", "file"),
        ("r.xlsx", b"PK\x03\x04garbage", "file"),
        ("r.csv", b"\xff\xfe\x00d\x00a", "file"),
        ("r.csv", b"date,analyte\n2025-03-10,METH\n", "file"),
        ("r.csv", HEADER.encode(), "file"),
    ],
)
def test_unreadable_files(world: Any, name: str, content: bytes, field: str) -> None:
    cid = make_campaign(world)
    with pytest.raises(ValidationFailed) as caught:
        load(world, cid, content, name)
    assert [f.field for f in caught.value.fields] == [field]
    assert count(world, WbeSample) == 0


def test_second_import_cannot_repeat_or_contradict(world: Any) -> None:
    cid = make_campaign(world)
    load(world, cid, HEADER + "2025-03-10,METH,250,5,30000,120000,flow\n")
    with pytest.raises(ValidationFailed) as caught:
        load(
            world,
            cid,
            HEADER
            + "2025-03-10,METH,250,5,30000,120000,flow\n"
            + "2025-03-10,AMP,20,5,30000,99000,flow\n",
        )
    assert {f.field for f in caught.value.fields} == {"rows.2.analyte", "rows.3.population"}
    load(world, cid, HEADER + "2025-03-10,AMP,20,5,30000,120000,flow\n")  # same day, new analyte
    assert count(world, WbeSample) == 1 and count(world, WbeMeasurement) == 2


def test_estimates_equal_the_engine(world: Any) -> None:
    cid = make_campaign(world)
    content = good_csv()
    load(world, cid, content)
    with world.db.read() as session:
        campaign, est = estimates.campaign_estimate(
            session, world.principal("thai_viewer"), cid, draws=500, seed=3
        )
        site_uid = service.site_of(session, campaign).uid
    assert est is not None
    params = builtin_parameter_set("mekongx-default")
    assert est.parameter_set == params.label == campaign.parameter_set
    samples = []
    for line in content.splitlines()[1:]:
        day, code, conc, loq, flow, pop, _mode = line.split(",")
        quantity = Quantity(float(loq), True) if conc == "<LOQ" else Quantity(float(conc))
        samples.append(
            Sample("S1", dt.date.fromisoformat(day), code, quantity, float(flow), float(pop))
        )
    samples.sort(key=lambda s: (s.analyte, s.date))
    expected = estimate_batch(samples, params, n_draws=500, seed=3)
    assert [r.estimate.load_mg_d_per_1000 for r in est.rows] == [
        r.estimate.load_mg_d_per_1000 for r in expected
    ]
    assert [r.consumption_median for r in est.rows] == [r.consumption_median for r in expected]
    assert all(r.estimate.parameter_set == params.label for r in est.rows)
    meth = next(a for a in est.analytes if a.analyte == "METH")
    series = Series.from_samples([s for s in samples if s.analyte == "METH"])
    # the campaign's draws are keyed by campaign, site and population method (one figure per
    # campaign wherever it is shown)
    keyed = Campaign(campaign.uid, site_uid, replace(series, sampling_mode=("flow",) * 7))
    draws = campaign_draws(keyed, params, 500, seed=3)
    iv = summarise(draws.campaign_mean()[np.newaxis, :])
    assert meth.consumption_mean is not None
    assert meth.consumption_mean.median == pytest.approx(float(iv.median[0]))
    assert abs(sum(meth.budget.shares.values()) - 1) < 1e-9
    assert meth.weekday is not None and set(meth.weekday.means) == set(range(1, 8))


def test_ranking_and_trend(world: Any) -> None:
    principal = world.principal("thai_viewer")
    for year, code, city in [(2023, 1, "Bangkok"), (2025, 2, "Chiang Mai")]:
        cid = make_campaign(
            world,
            code=code,
            city=city,
            period_start=dt.date(year, 3, 10),
            period_end=dt.date(year, 3, 16),
        )
        load(world, cid, good_csv(dt.date(year, 3, 10), level=1.0 if code == 1 else 3.0))
    with world.db.read() as session:
        ranked = comparisons.city_ranking(session, principal, "METH", draws=500)
        assert [r.label.split(" (")[0] for r in ranked] == ["Chiang Mai", "Bangkok"]
        assert ranked[0].ranking.rank == 1 and ranked[0].parameter_set
        assert comparisons.city_ranking(session, principal, "METH", year=2025, draws=500) == []
        site_id = session.get(WbeCampaign, 1).site_id  # type: ignore[union-attr]
        single = comparisons.site_trend(session, principal, site_id, "METH", draws=500)
    assert len(single.points) == 1 and single.theil_sen is None


def test_trend_tests_from_two_years(world: Any) -> None:
    principal = world.principal("thai_liaison")
    cid = make_campaign(world)
    with world.db.read() as session:
        site_id = session.get(WbeCampaign, cid).site_id  # type: ignore[union-attr]
    load(world, cid, good_csv())
    for year, level in [(2023, 0.5), (2024, 0.8)]:
        with world.db.write() as session:
            other = service.create_campaign(
                session,
                principal,
                CampaignInput(
                    title=f"Bangkok {year}",
                    site_id=site_id,
                    period_start=dt.date(year, 3, 10),
                    period_end=dt.date(year, 3, 16),
                ),
            ).id
        load(world, other, good_csv(dt.date(year, 3, 10), level=level, seed=year))
    with world.db.read() as session:
        result = comparisons.site_trend(session, principal, site_id, "METH", draws=500)
    assert [p.midpoint.year for p in result.points] == [2023, 2024, 2025]
    assert result.mann_kendall is not None and result.mann_kendall.s == 3
    assert result.theil_sen is not None and result.theil_sen.slope > 0


def _share(world: Any, campaign_id: int) -> None:
    with world.db.write() as session:
        exchange.share(session, world.principal("thai_liaison"), cid_uid(world, campaign_id))


def test_visibility_by_distribution(world: Any) -> None:
    """Each partner's node holds what the distribution sent it, and nothing else."""
    nncc, lcdc, ccdac = (world.partner(code) for code in ("NNCC", "LCDC", "CCDAC"))
    own = make_campaign(world, title="ZXOWN")
    grouped = make_campaign(
        world, code=2, title="ZXGROUP", distribution="group", sharing_group="SAFE-MEKONG"
    )
    with world.db.write() as session, pytest.raises(Forbidden):  # own records never leave
        exchange.share(session, world.principal("thai_liaison"), cid_uid(world, own))
    _share(world, grouped)
    world.exchange()
    lao: Principal = lcdc.principal("lao_viewer")
    myanmar: Principal = ccdac.principal("myanmar_viewer")
    with lcdc.db.read() as session:
        assert [c.title for c in service.list_campaigns(session, lao)] == ["ZXGROUP"]
        copy = lcdc.id_of(WbeCampaign, cid_uid(world, grouped))
        assert service.peek_campaign(session, lao, copy).title == "ZXGROUP"
        assert [s.code for s in service.visible_sites(session, lao)] == ["S2"]
        with pytest.raises(NotFound):
            service.peek_campaign(session, lao, copy + 1)
    assert count(lcdc, WbeCampaign) == 1  # ZXOWN never reached it
    with ccdac.db.read() as session:
        assert service.list_campaigns(session, myanmar) == []
        assert service.visible_sites(session, myanmar) == []
    with nncc.db.write() as session, pytest.raises(Forbidden):  # a received copy is read-only
        copy = nncc.id_of(WbeCampaign, cid_uid(world, grouped))
        results.import_file(session, nncc.principal("chinese_liaison"), copy, "r.csv", b"")


def test_a_sites_names_reach_each_reader_in_their_language(world: Any) -> None:
    """The plant's and city's names travel with the campaign in every language written; a site
    that records no language shows its own text where no translation is written (unmarked)."""
    lcdc = world.partner("LCDC")
    texts = {"city": {"lo": "ບາງກອກ", "km": "បាងកក"}, "plant": {"lo": "ໂຮງບຳບັດນ້ຳເສຍສີ່ພະຍາ"}}
    grouped = make_campaign(
        world, distribution="group", sharing_group="SAFE-MEKONG", translations=texts
    )
    _share(world, grouped)
    world.exchange()
    with lcdc.db.read() as session:
        [site] = service.visible_sites(session, lcdc.principal("lao_viewer"))
        assert (
            site.text("city", "lo") == "ບາງກອກ" and site.text("plant", "lo") == "ໂຮງບຳບັດນ້ຳເສຍສີ່ພະຍາ"
        )
        assert site.text("city", "km") == "បាងកក"
        shown = site.shown("plant", "km")
        assert shown.text == "Si Phraya WWTP" and not shown.fallback


def test_analyst_cannot_release(world: Any) -> None:
    with pytest.raises(Forbidden):
        make_campaign(world, user="thai_analyst", distribution="group", sharing_group="SAFE-MEKONG")


def _second_node(world: Any, tmp_path: Any) -> Database:
    """Another node's database (SQLite) with the same agencies: a real separate store."""
    from mekongx import migrations
    from mekongx.accounts import service as accounts
    from mekongx.audit import Actor

    url = f"sqlite:///{tmp_path / 'peer.db'}"
    migrations.upgrade(url)
    peer = Database(url)
    with peer.write() as session:
        actor = Actor.system("NNCC")
        for code, country in [("ONCB", "TH"), ("NNCC", "CN"), ("LCDC", "LA")]:
            accounts.create_agency(
                session,
                actor,
                accounts.AgencyInput(code, code, code, code, country, code == "NNCC"),
            )
        accounts.create_sharing_group(
            session, actor, "SAFE-MEKONG", {"en": "Safe Mekong"}, ["ONCB", "NNCC", "LCDC"]
        )
    return peer


def test_payload_round_trip_to_a_second_database(world: Any, tmp_path: Any) -> None:
    cid = make_campaign(
        world, title="ZXSHARED", distribution="peers", recipients=["NNCC"], handling_code="H2"
    )
    load(world, cid, good_csv())
    with world.db.write() as session:
        payload = exchange.export_payload(
            session, world.principal("thai_liaison"), cid_uid(world, cid)
        )
    params = parameter_set_by_label(payload["parameter_set"]["label"])
    assert payload["parameter_set"]["values"]["analytes"]["METH"]["excretion"]["mean"] == 0.43
    assert all(c["parameter_set"] == params.label for c in payload["consumption"])
    assert len(payload["loads"]) == 42 and payload["handling_code"] == "H2"
    assert "id" not in payload and "site_id" not in payload

    peer = _second_node(world, tmp_path)
    try:
        with peer.write() as session:
            copy = exchange.apply_received(session, "ONCB", payload, node_agency="NNCC")
            copy_id = copy.id
            assert copy.received and copy.origin_agency == "ONCB"
        from mekongx.accounts import service as accounts

        with peer.write() as session:
            user = accounts.create_user(
                session,
                __import__("mekongx.audit", fromlist=["Actor"]).Actor.system("NNCC"),
                accounts.UserInput("wang", "Wang", "NNCC", "liaison", "Test-Passw0rd-2567", "zh"),
                world.settings.model_copy(update={"node_agency": "NNCC"}),
            )
            chinese = accounts.principal_for(user)
        with peer.read() as session:
            _, theirs = estimates.campaign_estimate(session, chinese, copy_id, draws=300)
        with world.db.read() as session:
            _, ours = estimates.campaign_estimate(
                session, world.principal("thai_liaison"), cid, draws=300
            )
        assert theirs is not None and ours is not None
        assert [r.consumption_median for r in theirs.rows] == [
            r.consumption_median for r in ours.rows
        ]
        with peer.write() as session, pytest.raises(Forbidden):
            results.import_file(session, chinese, copy_id, "r.csv", good_csv().encode())
        with peer.write() as session, pytest.raises(Forbidden):
            exchange.export_payload(session, chinese, payload["uid"])
        with peer.write() as session:  # applying the same version again changes nothing
            again = exchange.apply_received(session, "ONCB", payload, node_agency="NNCC")
            assert again.id == copy_id
        newer = {**payload, "version": payload["version"] + 1, "samples": payload["samples"][:6]}
        with peer.write() as session:  # a correction from the originator replaces the copy
            fixed = exchange.apply_received(session, "ONCB", newer, node_agency="NNCC")
            assert fixed.id == copy_id and service.count_samples(session, fixed) == 6
        with peer.write() as session, pytest.raises(Forbidden):
            exchange.apply_received(session, "LCDC", payload)
        with peer.write() as session, pytest.raises(Forbidden):  # not addressed to LCDC
            exchange.apply_received(session, "ONCB", payload, node_agency="LCDC")
        with peer.read() as session:
            assert verify_chain(session)[1] == []
    finally:
        peer.dispose()


def cid_uid(world: Any, cid: int) -> str:
    with world.db.read() as session:
        campaign = session.get(WbeCampaign, cid)
        assert campaign is not None
        return campaign.uid


def test_apply_on_the_same_database_and_own_records_never_leave(world: Any) -> None:
    own = make_campaign(world)
    with world.db.write() as session, pytest.raises(Forbidden):
        exchange.export_payload(session, world.principal("thai_liaison"), cid_uid(world, own))
    cid = make_campaign(world, code=2, distribution="group", sharing_group="SAFE-MEKONG")
    load(world, cid, good_csv())
    with world.db.write() as session:
        payload = exchange.export_payload(
            session, world.principal("thai_liaison"), cid_uid(world, cid)
        )
    original_site = payload["site"]
    payload = {
        **payload,
        "uid": "11111111-2222-3333-4444-555555555555",
        "origin_agency": "NNCC",
        "site": {**original_site, "uid": "11111111-2222-3333-4444-777777777777"},
    }
    with world.db.write() as session:
        copy = exchange.apply_received(session, "NNCC", payload)
        assert copy.received and copy.origin_agency == "NNCC"
        assert service.count_samples(session, copy) == 7
    with world.db.read() as session:
        titles = {
            c.origin_agency for c in service.list_campaigns(session, world.principal("thai_viewer"))
        }
    assert titles == {"ONCB", "NNCC"}
    hijack = {**payload, "uid": "11111111-2222-3333-4444-666666666666"}  # site uid is ONCB's
    hijack["site"] = original_site
    with world.db.write() as session, pytest.raises(Conflict):
        exchange.apply_received(session, "NNCC", {**hijack, "version": 1})
    bad = {**payload, "samples": [{"date": "2025-03-10"}]}
    with world.db.write() as session, pytest.raises(ValidationFailed) as caught:
        exchange.apply_received(session, "NNCC", bad)
    assert any(f.field.startswith("samples.0") for f in caught.value.fields)


def test_demo_campaigns_seed(world: Any) -> None:
    lcdc = world.partner("LCDC")
    liaison = world.principal("thai_liaison")
    with world.db.write() as session:
        assert demo.seed_demo_wbe(session, liaison) == 5
        for campaign in service.list_campaigns(session, liaison):
            if campaign.distribution != "own":
                exchange.share(session, liaison, campaign.uid)
    with world.db.read() as session:
        ranked = comparisons.city_ranking(
            session, world.principal("thai_viewer"), "METH", draws=300
        )
        assert {r.label.split(" (")[0] for r in ranked} == {"Bangkok", "Chiang Mai", "Chiang Rai"}
    world.exchange()
    with lcdc.db.read() as session:
        lao = lcdc.principal("lao_viewer")  # in the Safe Mekong group: four shared campaigns
        assert len(service.list_campaigns(session, lao)) == 4
        bangkok = next(s for s in service.visible_sites(session, lao) if s.code == "BKK-SPY")
        trend = comparisons.site_trend(session, lao, bangkok.id, "METH", draws=300)
        assert len(trend.points) == 3 and trend.mann_kendall is not None
