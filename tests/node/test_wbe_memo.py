"""Campaign estimates and comparison draws are computed once per process for the same stored
samples: a second page view takes them from the memo; results imported since (new samples) and a
calibration since (new warnings) show at once. What the first estimate of a process would pay
for once is done in the background when a web process starts."""

from __future__ import annotations

import datetime as dt
import sys
import threading
from typing import Any

from fastapi.testclient import TestClient

from mekongx import wiring
from mekongx.app import create_app
from mekongx.domains.wbe import analysis, comparisons, demo, estimates, results, service
from mekongx.domains.wbe.schemas import CalibrationDay, CalibrationInput, CampaignInput, SiteInput
from mekongx.wastewater import all_builtin_names, builtin_names

START = dt.date(2025, 3, 10)


def _campaign(world: Any, code: str, city: str, method: str = "census") -> tuple[int, int]:
    liaison = world.principal("thai_liaison")
    with world.db.write() as session:
        site = service.create_site(session, liaison, SiteInput(
            code=code, plant="WWTP", city=city, country="TH", population_served=120_000,
            sewer_type="combined", population_method=method))  # fmt: skip
        campaign = service.create_campaign(session, liaison, CampaignInput(
            title=f"{city} March 2025", site_id=site.id, period_start=START,
            period_end=START + dt.timedelta(days=6)))  # fmt: skip
        return site.id, campaign.id


def _import(world: Any, campaign_id: int, first_day: int, days: int, level: float = 1.0) -> None:
    content = demo.results_csv(START + dt.timedelta(days=first_day), days, flow_m3_d=30_000,
                               population=120_000, level=level, seed=first_day)  # fmt: skip
    with world.db.write() as session:
        results.import_file(session, world.principal("thai_liaison"), campaign_id,
                            f"r{first_day}.csv", content.encode())  # fmt: skip


def _estimate(world: Any, campaign_id: int) -> analysis.CampaignEstimate:
    with world.db.read() as session:
        _, found = estimates.campaign_estimate(
            session, world.principal("thai_viewer"), campaign_id, draws=300, budget_draws=300
        )
    assert found is not None
    return found


def test_estimates_are_kept_until_the_samples_change(world: Any) -> None:
    memo = analysis._ESTIMATES
    memo.clear()
    site_id, cid = _campaign(world, "S1", "Chiang Rai", method="BOD5")
    _import(world, cid, 0, 3)
    first = _estimate(world, cid)
    again = _estimate(world, cid)
    assert (memo.misses, memo.hits) == (1, 1)
    assert again.analytes == first.analytes and again.analytes is first.analytes
    assert {a.days for a in first.analytes} == {3}
    assert first.flags  # BOD5 is not calibrated for Thailand: the page warns

    _import(world, cid, 3, 4)  # four more days: other samples, computed afresh
    fuller = _estimate(world, cid)
    assert memo.misses == 2 and {a.days for a in fuller.analytes} == {7}
    assert fuller.analytes[0].load_mean != first.analytes[0].load_mean

    days = [CalibrationDay(concentration_mg_l=150.0 + i, flow_m3_d=30_000, reference_population=120_000)
            for i in range(3)]  # fmt: skip
    with world.db.write() as session:
        estimates.create_calibration(session, world.principal("thai_liaison"), site_id,
                                     CalibrationInput(marker="BOD5", reference="census",
                                                      source="lab, census", days=days))  # fmt: skip
    calibrated = _estimate(world, cid)  # the same Monte Carlo, the warning gone at once
    assert memo.misses == 2 and calibrated.flags == ()
    assert calibrated.analytes is fuller.analytes


def test_rankings_reuse_each_campaigns_draws(world: Any) -> None:
    memo = analysis._FIGURES
    memo.clear()
    for code, city, level in (("S1", "Bangkok", 1.0), ("S2", "Chiang Mai", 3.0)):
        _, cid = _campaign(world, code, city)
        _import(world, cid, 0, 7, level)
    viewer = world.principal("thai_viewer")
    with world.db.read() as session:
        first = comparisons.city_ranking(session, viewer, "METH", draws=300)
        assert (memo.misses, memo.hits) == (2, 0)
        second = comparisons.city_ranking(session, viewer, "METH", draws=300)
        assert (memo.misses, memo.hits) == (2, 2)
        assert [r.label for r in second] == [r.label for r in first]
        assert second[0].label.startswith("Chiang Mai")
        other = comparisons.city_ranking(session, viewer, "METH", draws=300,
                                         parameter_set="mekongx-ketamine-pk")  # fmt: skip
        assert memo.misses == 4 and other[0].parameter_set != first[0].parameter_set


def test_a_web_process_warms_up_in_the_background(world: Any, monkeypatch: Any) -> None:
    """The app starts the areas' warm-up beside its first requests; the wastewater area's reads
    every built-in parameter set (scipy.stats imported), a failing step does not stop the rest."""
    ran: list[str] = []
    done = threading.Event()

    def broken() -> None:
        raise RuntimeError("warm-up step failed")

    def prepare() -> None:
        analysis.parameter_set_by_label.cache_clear()
        analysis.comparison_set.cache_clear()
        analysis.prepare()
        ran.append("wbe")
        done.set()

    monkeypatch.setattr(wiring, "WARM_UP", [broken, prepare])
    with TestClient(create_app(world.settings, world.db)) as client:
        assert client.get("/healthz").status_code == 200
        assert done.wait(60), "the warm-up did not run"
    assert ran == ["wbe"] and "scipy.stats" in sys.modules
    assert analysis.parameter_set_by_label.cache_info().currsize == len(all_builtin_names())
    assert analysis.comparison_set.cache_info().currsize == len(builtin_names()) + 1  # and None
