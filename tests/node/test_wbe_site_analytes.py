"""A site's page offers the analytes measured at that site (in the newest 1,000 campaigns its
trend computes over), read from the site's campaigns only, not from every campaign of the node."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tests.node.test_wbe_http import seed

from mekongx.domains.wbe import estimates, service
from mekongx.domains.wbe.schemas import CampaignInput, SiteInput


def test_a_sites_analytes_are_those_measured_at_the_site(world: Any, browser: Any) -> None:
    seed(world)  # site S1: a week of results for six analytes
    principal = world.principal("thai_liaison")
    with world.db.write() as session:
        quiet = service.create_site(
            session,
            principal,
            SiteInput(code="S9", plant="WWTP", city="Nan", country="TH", population_served=40_000),
        )
        service.create_campaign(
            session,
            principal,
            CampaignInput(title="Nan, no results yet", site_id=quiet.id, lab_id=None,
                          period_start=dt.date(2025, 3, 3), period_end=dt.date(2025, 3, 9)),
        )  # fmt: skip
        quiet_id = quiet.id
    with world.db.read() as session:
        everywhere = estimates.analytes_in_view(session, principal)
        assert everywhere == ["AMP", "BE", "KET", "MDMA", "METH", "NK"]
        assert estimates.analytes_in_view(session, principal, quiet_id) == []
        first = service.get_site(session, principal, 1)
        assert estimates.analytes_in_view(session, principal, first.id) == everywhere
    browser.login("thai.analyst")
    page = browser.client.get(f"/wbe/sites/{quiet_id}")
    assert page.status_code == 200
    assert '<option value="METH"' not in page.text  # nothing measured at this site
