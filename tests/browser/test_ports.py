"""A port control officer's day through a real browser against the demo nodes: a broken
manifest refused row by row in Thai, the next day's manifest imported with the terminal's saved
mapping, its ranked list with the planted containers on top, a container's reasons, an
examination that found nothing and one with a seizure, an alert to NNCC that arrives there in
Chinese; and a rule change proposed by one officer that takes effect only when a colleague
approves it through the shared review (the home page's task, approve, send back)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest

from mekongx.domains.ports.demo import DEMO_MAPPING, generate
from mekongx.domains.ports.manifest import FIELDS
from mekongx.i18n import translator

from .conftest import eventually, shot

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

    # tomorrow's manifest, with the terminal's saved column mapping
    tomorrow = generate(dt.date.today() + dt.timedelta(days=1), 40, seed=909, planted_every=10)
    upload = tmp_path / "laem-chabang-tomorrow.csv"
    upload.write_bytes(tomorrow.csv())
    analyst.goto(f"{live_node}/ports")
    analyst.set_input_files("#file", str(upload))
    analyst.select_option("#mapping", label=DEMO_MAPPING)
    analyst.click("form[action='/ports/import'] button.primary")
    assert analyst.locator("p.flash").inner_text() == TH("Manifest imported and profiled.")
    table = analyst.locator("table").first.inner_text()
    assert "THLCH" not in table and "CN" in table
    rows = analyst.locator("table").first.locator("tbody tr")
    top = {rows.nth(i).locator("td").nth(1).inner_text() for i in range(len(tomorrow.planted))}
    assert tomorrow.planted <= top, (tomorrow.planted, top)
    shot(analyst, "ports-list-th")
    # the last container of the list is examined and holds nothing
    rows.last.locator("a").click()
    analyst.wait_for_url(re.compile(r".*/ports/containers/\d+"))
    analyst.check("input[name=outcome][value=nothing]")
    analyst.click("form[action$='/examination'] button.primary")
    assert analyst.locator("p.flash").inner_text() == TH("Examination recorded.")
    analyst.goto(f"{live_node}/ports")
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
    eventually(officer, f"{nncc}/ports/alerts", lambda: number in officer.content(),
               "the alert at NNCC", timeout=120)  # fmt: skip
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


def test_a_rule_change_waits_for_a_colleagues_approval(browse: Any, live_node: str) -> None:
    """somchai proposes a new weight and a new rule; nattaya finds them on her home page,
    approves the weight (in force at once) and sends the rule back with a comment, which comes
    back to somchai's home page; the proposer is never offered the decision."""
    analyst = browse(live_node, "somchai", "th")
    analyst.goto(f"{live_node}/ports/rules")
    row = analyst.locator("tr[id^=rule-]", has_text=TH("Long time between loading and arrival"))
    rule_id = (row.get_attribute("id") or "").removeprefix("rule-")
    weight = str(int(row.locator("td").nth(2).inner_text()) + 5)
    row.locator("input[name=weight]").fill(weight)
    row.locator("input[name=why]").fill("ตู้ค้างนานพบของกลางสองครั้งในเดือนนี้")
    row.locator("button", has_text=TH("Propose this weight")).click()
    assert analyst.locator("p.flash").inner_text() == TH(
        "Change proposed: it takes effect when a colleague approves it."
    )
    change = analyst.locator(f"#change-{rule_id}")
    assert TH("Your proposal: a colleague decides.") in change.inner_text()
    assert analyst.locator(f"#rule-{rule_id} td").nth(2).inner_text() != weight  # not yet
    analyst.select_option("#kind", "listed_party")
    label = f"บริษัทที่ถูกเฝ้าระวังจากการประชุมครั้งที่ 19 ({weight})"
    analyst.fill("#label", label)
    analyst.fill("#values", "Golden Triangle Logistics Co., Ltd., Mekong Star Freight")
    analyst.fill("#weight", "30")
    analyst.click("form[action='/ports/rules'] button.primary")
    assert analyst.locator("p.flash").inner_text() == TH(
        "Change proposed: it takes effect when a colleague approves it."
    )
    shot(analyst, "ports-rules-proposed-th")

    colleague = browse(live_node, "nattaya", "th")
    colleague.goto(f"{live_node}/")
    task = colleague.locator("a[href*='/ports/rules#change-']").first
    assert TH("Rule changes waiting for approval") in colleague.content()
    task.click()
    colleague.wait_for_url(re.compile(r".*/ports/rules.*"))
    mine = colleague.locator(f"#change-{rule_id}")
    mine.locator("input[name=note]").fill("เห็นด้วย")
    mine.locator("button[value=approve]").click()
    assert colleague.locator("p.flash").inner_text() == TH("Change approved: it is in effect.")
    assert colleague.locator(f"#rule-{rule_id} td").nth(2).inner_text() == weight
    added = colleague.locator("tr[id^=change-]", has_text=label)
    added.locator("input[name=note]").fill("โปรดระบุแหล่งที่มาของรายชื่อ")
    added.locator("button[value=return]").click()
    assert colleague.locator("p.flash").inner_text() == TH("Change sent back to its author.")
    shot(colleague, "ports-rules-decided-th")

    analyst.goto(f"{live_node}/")
    assert TH("Returned to you") in analyst.content()
    assert "โปรดระบุแหล่งที่มาของรายชื่อ" in analyst.content()
