"""A site's page reads the site's campaigns from the site's end of two indexes that also decide
their visibility (the page, the newest 1,000 of its analytes, the list's total), so its cost does
not grow with the campaigns of the node or the length of the site's history, and reads the one
site it shows; its list shows each campaign as before (title marked when written in another
language, dates in the reader's calendar)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import event, inspect, text
from sqlalchemy.engine import Engine

from mekongx.domains.wbe import service
from mekongx.domains.wbe.schemas import CampaignInput, SiteInput
from mekongx.i18n import translator
from mekongx.i18n.texts import SHOWN_IN, language_name

VISIBILITY = ["origin_agency", "distribution", "sharing_group", "uid"]


def _site_with_campaigns(world: Any) -> tuple[int, int]:
    liaison = world.principal("thai_liaison")
    with world.db.write() as session:
        sites = []
        for code in ("S1", "S2"):
            data = SiteInput(code=code, plant="WWTP", city="Nan", country="TH", population_served=40_000)  # fmt: skip
            sites.append(service.create_site(session, liaison, data))
        for n in range(6):  # weekly campaigns at both sites, in Thai
            for site in sites:
                start = dt.date(2025, 1, 6) + dt.timedelta(days=7 * n)
                service.create_campaign(session, liaison, CampaignInput(
                    title=f"รอบ {n}", language="th", site_id=site.id, lab_id=None,
                    period_start=start, period_end=start + dt.timedelta(days=6)))  # fmt: skip
        english = service.create_campaign(session, liaison, CampaignInput(
            title="ZX <b>dry</b> season", language="en", site_id=sites[0].id, lab_id=None,
            period_start=dt.date(2025, 3, 3), period_end=dt.date(2025, 3, 9)))  # fmt: skip
        return sites[0].id, english.id


def test_a_sites_page_reads_its_campaigns_and_its_site_through_indexes(
    world: Any, browser: Any
) -> None:
    site_id, english = _site_with_campaigns(world)
    browser.login("thai.analyst")  # reads Thai
    seen: list[tuple[str, Any]] = []

    def log(conn: Any, cursor: Any, statement: str, parameters: Any, *args: Any) -> None:
        seen.append((statement, parameters))

    event.listen(Engine, "before_cursor_execute", log)
    try:
        page = browser.client.get(f"/wbe/sites/{site_id}")
    finally:
        event.remove(Engine, "before_cursor_execute", log)
    assert page.status_code == 200

    # the list as before: the English title escaped and marked "(in English)" in Thai, its
    # dates in the Buddhist Era with the Gregorian date as their title, the newest period first
    mark = translator("th")(SHOWN_IN, language=language_name("en", "th"))
    item = (
        f'<li><a href="/wbe/campaigns/{english}"><span lang="en">ZX &lt;b&gt;dry&lt;/b&gt; '
        f'season</span> <small class="shown-in">({mark})</small></a> — '
        '<time datetime="2025-03-03" title="2025-03-03">3 มี.ค. 2568</time> – '
        '<time datetime="2025-03-09" title="2025-03-09">9 มี.ค. 2568</time> '
        "(<code>mekongx-default@1.1.0</code>)</li>"
    )
    assert item in page.text
    titles = [t for t in page.text.split("<li>") if "/wbe/campaigns/" in t]
    assert len(titles) == 7 and "ZX" in titles[0] and "รอบ 5" in titles[1] and "รอบ 0" in titles[-1]

    with world.db.write() as session:
        connection = session.connection()
        indexes = {i["name"]: i["column_names"] for i in inspect(connection).get_indexes("wbe_campaigns")}  # fmt: skip
        assert indexes["ix_wbe_campaigns_site_period"] == ["site_id", "period_start", "id", *VISIBILITY]  # fmt: skip
        assert indexes["ix_wbe_campaigns_site_newest"] == ["site_id", "id", *VISIBILITY]
        campaigns = [(s, p) for s, p in seen if "FROM wbe_campaigns" in s and "wbe_sites" not in s]
        assert len(campaigns) >= 3  # the total, the page, the newest 1,000 (analytes)
        if world.db.dialect == "sqlite":
            for statement, parameters in campaigns:
                plan = [str(row[-1]) for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)]  # fmt: skip
                read = [line for line in plan if "wbe_campaigns" in line]
                assert read and all(
                    "USING COVERING INDEX ix_wbe_campaigns_site_" in line
                    or "USING INTEGER PRIMARY KEY" in line
                    or line == "SEARCH wbe_campaigns"  # the table's lowest and highest id
                    for line in read
                ), plan
            [(statement, parameters)] = [(s, p) for s, p in seen if "FROM wbe_sites" in s]
            plan = [str(row[-1]) for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)]  # fmt: skip
            assert "SEARCH wbe_sites USING INTEGER PRIMARY KEY (rowid=?)" in plan, plan
        else:
            connection.execute(text("SET LOCAL enable_seqscan = off"))  # a table of 13 rows
            for statement, parameters in campaigns:
                plan = " ".join(str(row[0]) for row in connection.exec_driver_sql(f"EXPLAIN {statement}", parameters))  # fmt: skip
                assert "ix_wbe_campaigns_site_period" in plan or "ix_wbe_campaigns_site_newest" in plan, plan  # fmt: skip
                assert "Seq Scan on wbe_campaigns" not in plan, plan
