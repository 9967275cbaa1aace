"""A port control officer's day through a real browser against the demo nodes: a broken
manifest refused row by row in Thai, the day's ranked list of Laem Chabang, a container's
reasons, an examination with a seizure, an alert to NNCC that arrives there in Chinese."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path
from typing import Any

import pytest

from mekongx.domains.ports.manifest import FIELDS
from mekongx.i18n import translator

pytestmark = pytest.mark.browser
PASSWORD = "Mekong-Demo-2567"
TH, ZH = translator("th"), translator("zh")
SHOTS = os.environ.get("MEKONGX_TEST_SHOTS", "")  # a folder for screenshots, when set


def _login(browser: Any, url: str, username: str, lang: str) -> Any:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{url}/login")
    page.fill("#username", username)
    page.fill("#password", PASSWORD)
    page.click("form[action='/login'] button[type=submit]")
    page.wait_for_url(f"{url}/")
    page.select_option("#lang-select", lang)
    page.click("form[action='/lang'] button[type=submit]")
    page.wait_for_load_state()
    return page


def _shot(page: Any, name: str) -> None:
    if SHOTS:
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)


def test_rank_examine_seize_and_alert_nncc(
    browser_instance: Any, live_node: str, tmp_path: Path
) -> None:
    host, port = live_node.rsplit(":", 1)
    nncc = f"{host}:{int(port) + 1}"
    analyst = _login(browser_instance, live_node, "somchai", "th")
    broken = tmp_path / "broken.csv"
    row = {f: "" for f in FIELDS} | {"bill_of_lading": "B1", "shipper": "S", "consignee": "C", "goods": "toys",
                                      "weight_kg": "5000", "container": "CSQU3054384", "port_of_loading": "CNSHA",
                                      "port_of_discharge": "THLCH", "arrival_on": "2026-12-03"}  # fmt: skip
    broken.write_text(",".join(FIELDS) + "\n" + ",".join(row[f] for f in FIELDS) + "\n")
    analyst.goto(f"{live_node}/ports")
    analyst.set_input_files("#file", str(broken))
    analyst.click("form[action='/ports/import'] button.primary")
    refusal = analyst.locator("div.alert").inner_text()
    assert "ISO 6346" in refusal and "แถว 2" in refusal

    analyst.goto(f"{live_node}/ports")
    table = analyst.locator("table").first.inner_text()
    assert "THLCH" not in table and "CN" in table
    _shot(analyst, "ports-list-th")
    # the highest-ranked container loaded in China (the alert goes to NNCC)
    chinese = analyst.locator("table").first.locator(
        "tbody tr", has=analyst.locator("td", has_text=re.compile(r"^CN"))
    )
    chinese.first.locator("a").click()
    assert TH("Why this score") in analyst.content()
    number = analyst.locator("h1").inner_text().split()[-1]
    _shot(analyst, "ports-container-th")
    analyst.check("input[name=outcome][value=seizure]")
    analyst.fill("#seized", "BMK ใน 72 ถัง")
    analyst.fill("#quantity_kg", "14400")
    analyst.click("form[action$='/examination'] button.primary")
    assert analyst.locator("p.flash").inner_text() == TH("Examination recorded.")
    analyst.goto(f"{live_node}/ports/rules")
    assert "100 %" in analyst.content()

    liaison = _login(browser_instance, live_node, "nattaya", "th")
    liaison.goto(f"{live_node}/ports")
    liaison.locator("a", has_text=number).click()
    liaison.select_option("#to_agency", "NNCC")
    liaison.fill("#alert_note", "โปรดตรวจสอบผู้ส่งสินค้าที่ท่าต้นทาง")
    liaison.click("form[action$='/alert'] button.primary")
    assert liaison.locator("p.flash").inner_text() == TH("Alert sent.")

    officer = _login(browser_instance, nncc, "li.wei", "zh")
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        officer.goto(f"{nncc}/ports/alerts")
        if number in officer.content():
            break
        time.sleep(1.5)
    else:
        raise AssertionError("the alert did not reach NNCC")
    assert ZH("Seizure") in officer.locator("table").inner_text()
    _shot(officer, "ports-alerts-zh")
    english = _login(browser_instance, live_node, "somchai", "en")
    english.goto(f"{live_node}/ports")
    _shot(english, "ports-list-en")
    english.locator("a", has_text=number).click()
    _shot(english, "ports-container-en")
    chinese_page = _login(browser_instance, live_node, "somchai", "zh")
    chinese_page.goto(f"{live_node}/ports")
    _shot(chinese_page, "ports-list-zh")
