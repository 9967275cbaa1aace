"""The regional picture in a real browser on the demo's ONCB node: the map draws offline (the
vendored d3-geo, the shipped outlines and provinces, circles and routes), in Thai; the drug filter narrows
the totals and says which nodes' records they rest on."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser
PASSWORD = "Mekong-Demo-2567"


def test_map_and_filters(live_node: str, browser_instance: Any) -> None:
    context = browser_instance.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(live_node) else None)
    page.goto(f"{live_node}/login")
    page.fill("#username", "somchai")  # ONCB's analyst, Thai interface
    page.fill("#password", PASSWORD)
    page.click("form[action='/login'] button[type=submit]")
    page.wait_for_url(f"{live_node}/")
    page.select_option("#lang-select", "th")  # other tests on this node may have changed it
    page.click("form[action='/lang'] button[type=submit]")
    page.wait_for_load_state()
    page.goto(f"{live_node}/seizures/picture?since=2024-01-01")
    page.wait_for_selector("#seizure-map[data-drawn=true]")
    assert page.locator("#seizure-map path.country").count() == 6
    # first-level units by ISO 3166-2 code, named in the reader's language (Chiang Rai)
    assert page.locator("#seizure-map path.admin1").count() > 150
    assert page.locator("#seizure-map path.admin1[data-code='CN-YN']").count() == 1
    chiang_rai = page.locator("#seizure-map path.admin1[data-code='TH-57'] title")
    assert chiang_rai.text_content() == "เชียงราย (TH-57)"
    assert page.locator("#seizure-map circle.place").count() > 0
    assert page.locator("#seizure-map polyline.flow").count() > 0
    assert "ภาพรวมภูมิภาค" in page.inner_text("h1")
    everything = page.inner_text("#picture-total")
    assert "ONCB" in page.inner_text("#rests-on")
    page.select_option("#drug", "heroin")
    page.click("#picture-filters button[type=submit]")
    page.wait_for_selector("#seizure-map[data-drawn=true]")
    assert "drug=heroin" in page.url
    assert page.inner_text("#picture-total") != everything
    assert page.locator("#by-drug tbody tr").count() == 1
    assert outside == []  # nothing fetched from outside the node
    context.close()
