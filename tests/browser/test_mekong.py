"""Joint operations and the Safe Mekong plan through a real browser on the demo's ONCB and NNCC
node processes: ONCB's liaison officer records a Mekong joint patrol (a patrol without its number
refused in Thai, nothing written), shares it with the Safe Mekong group, and it arrives on NNCC's
node, where the Chinese liaison officer reads it; the plan page shows the countries' progress side
by side."""

from __future__ import annotations

import time
from typing import Any

import pytest

from mekongx.i18n import translator

pytestmark = pytest.mark.browser
TH, ZH = translator("th"), translator("zh")
LANGUAGE = {"nattaya": "th", "li.wei": "zh"}
NAME = "Patrol 151 (browser test)"


def _record_patrol(page: Any, url: str, number: str) -> None:
    page.goto(f"{url}/mekong/new")
    page.select_option("#activity", "patrol")
    page.fill("#name", NAME)
    page.fill("#number", number)
    page.fill("#starts_on", "2026-03-01")
    page.fill("#ends_on", "2026-03-04")
    for country in ("CN", "LA", "MM", "TH"):
        page.check(f"input[name=countries][value={country}]")
    page.fill("#route", "Guanlei → Chiang Saen")
    page.select_option("#distribution", "group")
    page.select_option("#sharing_group", "SAFE-MEKONG")
    page.click("form[action='/mekong/new'] button[type=submit]")


def test_a_patrol_reaches_the_group_and_the_plan_side_by_side(browse: Any, live_node: str) -> None:
    oncb = browse(live_node, "nattaya", LANGUAGE["nattaya"])
    _record_patrol(oncb, live_node, number="")
    assert TH("Give the patrol's number in the series.") in oncb.inner_text("#err-number")
    oncb.goto(f"{live_node}/mekong")
    assert NAME not in oncb.content()  # nothing written
    _record_patrol(oncb, live_node, number="151")
    oncb.wait_for_url(f"{live_node}/mekong/*")
    assert NAME in oncb.inner_text("h1") and TH("Mekong joint patrol") in oncb.inner_text("h1")

    nncc_url = live_node.rsplit(":", 1)[0] + f":{int(live_node.rsplit(':', 1)[1]) + 1}"
    nncc = browse(nncc_url, "li.wei", LANGUAGE["li.wei"])
    deadline = time.monotonic() + 120
    while NAME not in nncc.content():
        assert time.monotonic() < deadline, "the patrol did not reach NNCC"
        time.sleep(1.5)
        nncc.goto(f"{nncc_url}/mekong?activity=patrol")
    nncc.click(f"text={NAME}")
    assert ZH("received copy, read-only") in nncc.content()

    oncb.goto(f"{live_node}/mekong-plan")
    assert TH("Safe Mekong Joint Operation Plan %(plan)s", plan="2023-2027") in oncb.inner_text(
        "h1"
    )
    row = oncb.locator("tr#action-2\\.1")
    for country in ("CN", "TH"):  # the three-node demo: ONCB's and NNCC's progress
        assert TH("done") in row.locator(f"td[data-country={country}]").inner_text(), country
    assert row.locator("td[data-country=VN]").inner_text().strip() == "—"
