"""The seizures area's and the joint operations area's main jobs through a real browser, on the
demo's node processes: a Thai liaison officer records a seizure (a province of another country is
refused in Thai, naming the field; the district is chosen from the province's coded districts,
which the form asks for when the province changes), shares it with NNCC, then records a joint patrol in English
linked to it; at NNCC the seizure and the patrol arrive as read-only copies, read in Chinese,
with the patrol's results counting the seizure NNCC may see."""

from __future__ import annotations

import re
import time
from datetime import date, timedelta
from typing import Any

import pytest

from mekongx.i18n import translator

from .conftest import eventually, peer, shot

pytestmark = pytest.mark.browser
TH, ZH, EN = translator("th"), translator("zh"), translator("en")


def test_seizure_and_joint_patrol_reach_the_partner(browse: Any, live_node: str) -> None:
    nncc = peer(live_node, 1)
    stamp = int(time.time()) % 1_000_000
    reference = f"ONCB-BR-{stamp}"
    seized_on = (date.today() - timedelta(days=3)).isoformat()
    tablets = 100_000 + stamp % 90_000  # not a duplicate of a seizure recorded before

    thai = browse(live_node, "nattaya", "th")  # ONCB's liaison officer
    thai.goto(f"{live_node}/seizures/new")
    thai.fill("#reference", reference)
    thai.fill("#seized_on", seized_on)
    thai.select_option("#country", "TH")
    thai.select_option("#admin1", "CN-YN")  # Yunnan is not a province of Thailand
    thai.fill("#place", "ท่าเรือเชียงแสน")
    thai.select_option("#drug", "meth_tablets")
    thai.fill("#quantity", str(tablets))
    thai.select_option("#unit", "tablets")
    thai.select_option("#conveyance", "river")
    thai.fill("#arrests", "2")
    thai.fill("#nationalities", "MM:1; TH:1")
    thai.select_option("#distribution", "peers")
    thai.check("input[name=recipients][value=NNCC]")
    thai.click("form[action='/seizures/new'] button[type=submit]")
    problem = thai.locator("#err-admin1").inner_text()
    assert "CN-YN" in problem and re.search("[\u0e00-\u0e7f]", problem), problem
    assert thai.input_value("#reference") == reference  # nothing typed is lost
    thai.select_option("#admin1", "TH-57")  # the district select asks for Chiang Rai's districts
    thai.wait_for_function("""() => { const s = document.querySelector('#admin2_code');
        return s.querySelector('option[value="TH:5709"]') && !s.querySelector('option[value^="KH:"]'); }""")
    assert thai.locator("#admin2_code option").count() == 1 + 18  # "—" and Chiang Rai's 18 amphoe
    thai.select_option("#admin2_code", "TH:5709")
    thai.click("form[action='/seizures/new'] button[type=submit]")
    thai.wait_for_url(re.compile(r".*/seizures/\d+"))
    assert thai.locator("p.flash").inner_text() == TH("The seizure is recorded.")
    assert "แม่สาย (5709)" in thai.locator("dl").inner_text()  # the district in Thai
    assert f"{tablets:,}" in thai.locator("dl").inner_text()  # not in exponent form (1.2E+5)
    shot(thai, "seizure-recorded-th")

    english = browse(live_node, "nattaya", "en")  # the same officer, now in English
    english.goto(f"{live_node}/mekong/new")
    english.select_option("#activity", "patrol")
    english.fill("#name", f"Browser patrol {stamp}")
    english.fill("#number", str(2000 + stamp % 8000))
    english.fill("#starts_on", seized_on)
    english.fill("#ends_on", date.today().isoformat())
    for country in ("TH", "CN", "LA", "MM"):
        english.check(f"input[name=countries][value={country}]")
    english.fill("#route", "Guanlei – Golden Triangle – Chiang Saen")
    english.fill("#seizure_refs", reference)
    english.select_option("#distribution", "peers")
    english.check("input[name=recipients][value=NNCC]")
    english.click("form[action='/mekong/new'] button[type=submit]")
    english.wait_for_url(re.compile(r".*/mekong/\d+"))
    assert english.locator("p.flash").inner_text() == EN("The joint operation is recorded.")
    assert reference in english.locator("main").inner_text()
    assert english.locator("#results").inner_text().startswith("1 ")
    shot(english, "mekong-patrol-en")

    chinese = browse(nncc, "li.wei", "zh")  # NNCC's liaison officer
    eventually(chinese, f"{nncc}/mekong", lambda: f"Browser patrol {stamp}" in chinese.content(), "the patrol at NNCC")  # fmt: skip
    chinese.click(f"text=Browser patrol {stamp}")
    assert ZH("received copy, read-only") in chinese.content()
    assert chinese.locator("#results").inner_text().startswith("1 ")  # NNCC holds the seizure
    shot(chinese, "mekong-patrol-zh")
    chinese.click(f"a:text('{reference}')")
    chinese.wait_for_url(re.compile(r".*/seizures/\d+"))
    assert reference in chinese.locator("h1").inner_text()
    assert ZH("received copy, read-only") in chinese.content()
    assert "Mae Sai (5709)" in chinese.locator("dl").inner_text()  # its code found again at NNCC
    shot(chinese, "seizure-received-zh")
