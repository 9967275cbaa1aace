"""The link chart of the demo case in a real browser (Debian's chromium, the session's demo
nodes): expand an account, expand a neighbour from the table, highlight an alert, and a chain
that does not exist refused in the user's language; the chart's script and Cytoscape.js run
under the node's CSP without a violation."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from mekongx.domains.finance import graph
from mekongx.i18n import translator

pytestmark = pytest.mark.browser
SHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
PASSWORD = "Mekong-Demo-2567"
TH = translator("th")
HUB = "014-2-55810-3"
MULE = "087-1-61000-0"
LAOS = "LA-BCEL-0100-5566"


def test_link_chart_expand_and_highlight_an_alert(browser_instance: Any, live_node: str) -> None:
    context = browser_instance.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        problems: list[str] = []
        # a refused request (422) is logged by chromium too; only CSP refusals count here
        page.on("console", lambda m: problems.append(m.text) if "Content Security Policy" in m.text else None)  # fmt: skip
        page.on("pageerror", lambda e: problems.append(str(e)))
        page.goto(f"{live_node}/login")
        page.fill("#username", "somchai")  # ONCB's analyst, who works in Thai
        page.fill("#password", PASSWORD)
        page.click("form[action='/login'] button[type=submit]")
        page.wait_for_url(f"{live_node}/")
        page.goto(f"{live_node}/finance")
        page.click("text=Operation Golden Reed")
        page.click(f"text={TH('Link chart')}")
        assert page.locator("h1").inner_text().startswith(TH("Link chart"))
        chart_url = page.url
        page.wait_for_function("() => window.mekongxChart !== undefined")

        page.fill("#account", HUB)
        page.click("#do-expand")
        rows = page.locator("#chart-table tbody tr[data-link]")
        rows.nth(6).wait_for()  # the cash deposits and the six transfers out
        assert rows.count() == 7
        assert page.url == chart_url  # drawn by the script, not a new page
        assert page.evaluate("() => window.mekongxChart.nodes().length") == 8
        assert page.locator("#chart canvas").count() > 0

        page.click(f"#chart-table a.expand[data-account='{MULE}']")  # expand a neighbour
        rows.nth(7).wait_for()  # the mule's transfer to the collector joins
        assert page.evaluate("() => window.mekongxChart.nodes().length") == 9
        assert page.evaluate(f"() => window.mekongxChart.getElementById('{MULE}').hasClass('expanded')")  # fmt: skip

        fan_out = page.locator("#alert option", has_text=TH("fan-out to new accounts")).first
        page.select_option("#alert", fan_out.get_attribute("value"))
        page.click("#do-alert")
        page.locator("#chart-table tbody tr.highlight").nth(5).wait_for()
        assert page.evaluate("() => window.mekongxChart.edges('.hl').length") >= 6
        for i in range(6):
            assert page.locator(f"#chart-table tr.highlight a[data-account='087-1-6100{i}-{i}']").count()  # fmt: skip
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / "finance-chart-th.png"), full_page=True)

        page.fill("#source", LAOS)
        page.fill("#target", HUB)
        page.click("#do-path")
        refused = page.locator("#chart-status.alert")
        refused.wait_for()
        assert refused.inner_text() == TH(graph.NO_PATH, source=LAOS, target=HUB)
        assert page.locator("#chart-table tbody tr.highlight").count() >= 6  # the chart is kept
        assert problems == [], problems  # no CSP violation, no script error
    finally:
        context.close()
