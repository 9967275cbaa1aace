"""A port control officer's day through a real browser against the demo nodes: a broken
manifest refused row by row in Thai, the day's ranked list of Laem Chabang, a container's
reasons, an examination with a seizure, an alert to NNCC that arrives there in Chinese."""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

import pytest

from mekongx.domains.ports.manifest import FIELDS
from mekongx.i18n import translator

from .conftest import shot

pytestmark = pytest.mark.browser
TH, ZH = translator("th"), translator("zh")


def test_rank_examine_seize_and_alert_nncc(browse: Any, live_node: str, tmp_path: Path) -> None:
    host, port = live_node.rsplit(":", 1)
    nncc = f"{host}:{int(port) + 1}"
    analyst = browse(live_node, "somchai", "th")
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
    shot(analyst, "ports-list-th")
    # the highest-ranked container loaded in China (the alert goes to NNCC)
    chinese = analyst.locator("table").first.locator(
        "tbody tr", has=analyst.locator("td", has_text=re.compile(r"^CN"))
    )
    chinese.first.locator("a").click()
    analyst.wait_for_url(re.compile(r".*/ports/containers/\d+"))
    analyst.wait_for_load_state()  # content() does not wait for the page it follows
    assert TH("Why this score") in analyst.content()
    number = analyst.locator("h1").inner_text().split()[-1]
    shot(analyst, "ports-container-th")
    analyst.check("input[name=outcome][value=seizure]")
    analyst.fill("#seized", "BMK ใน 72 ถัง")
    analyst.fill("#quantity_kg", "14400")
    analyst.click("form[action$='/examination'] button.primary")
    assert analyst.locator("p.flash").inner_text() == TH("Examination recorded.")
    analyst.goto(f"{live_node}/ports/rules")
    assert "100 %" in analyst.content()

    liaison = browse(live_node, "nattaya", "th")
    liaison.goto(f"{live_node}/ports")
    liaison.locator("a", has_text=number).click()
    liaison.select_option("#to_agency", "NNCC")
    liaison.fill("#alert_note", "โปรดตรวจสอบผู้ส่งสินค้าที่ท่าต้นทาง")
    liaison.click("form[action$='/alert'] button.primary")
    assert liaison.locator("p.flash").inner_text() == TH("Alert sent.")

    officer = browse(nncc, "li.wei", "zh")
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        officer.goto(f"{nncc}/ports/alerts")
        if number in officer.content():
            break
        time.sleep(1.5)
    else:
        raise AssertionError("the alert did not reach NNCC")
    assert ZH("Seizure") in officer.locator("table").inner_text()
    shot(officer, "ports-alerts-zh")
    english = browse(live_node, "somchai", "en")
    english.goto(f"{live_node}/ports")
    shot(english, "ports-list-en")
    english.locator("a", has_text=number).click()
    english.wait_for_url(re.compile(r".*/ports/containers/\d+"))
    shot(english, "ports-container-en")
    chinese_page = browse(live_node, "somchai", "zh")
    chinese_page.goto(f"{live_node}/ports")
    shot(chinese_page, "ports-list-zh")
