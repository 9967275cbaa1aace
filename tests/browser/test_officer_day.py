"""Every area's main job through a real browser, against the three demo node processes (ONCB,
NNCC, SMCC on consecutive ports; one demo shared by the whole session), each in at least two
languages. Screenshots of the pages land in ``var/screenshots``."""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

import pytest

from mekongx.i18n import translator

from .conftest import eventually, peer, shot

pytestmark = pytest.mark.browser
TH, ZH, EN = translator("th"), translator("zh"), translator("en")


def _flash(page: Any) -> str:
    return str(page.locator("p.flash").inner_text())


def test_report_submit_release_arrive_acknowledge_reply(browse: Any, live_node: str) -> None:
    """Thai analyst → Thai liaison officer → Chinese liaison officer at NNCC, and back."""
    nncc = peer(live_node, 1)
    title = f"เรือต้องสงสัยที่เชียงแสน {int(time.time())}"
    analyst = browse(live_node, "somchai")  # Thai
    analyst.goto(f"{live_node}/reports/new")
    assert analyst.locator("button[value=submit]").inner_text() == TH("Submit for release")
    analyst.fill("#title", title)
    analyst.fill("#narrative", "พบเรือขนสินค้าต้องสงสัยที่ท่าเรือเชียงแสน 14:00 น.")
    analyst.select_option("#distribution", "peers")
    analyst.check("input[name=recipients][value=NNCC]")
    analyst.check("input[name=recipients][value=SMCC]")
    analyst.fill("#comment", "ด่วน")
    analyst.click("button[value=submit]")
    assert _flash(analyst) == TH("Submitted for release. A liaison officer of your agency will release it or return it to you.")  # fmt: skip
    report_url = analyst.url
    shot(analyst, "report-submitted-th")

    liaison = browse(live_node, "nattaya", "en")
    assert TH("Releases waiting") != "Releases waiting"
    liaison.goto(f"{live_node}/")
    assert title in liaison.locator("#tasks").inner_text()
    shot(liaison, "home-tasks-en")
    liaison.goto(report_url)
    shot(liaison, "release-decision-en")
    liaison.uncheck("#release-decision input[name=to][value=SMCC]")  # narrow to NNCC
    liaison.click("#release-decision form[action$='/release'] button")
    assert _flash(liaison) == EN("Released. The report is on its way to the agencies you chose.")
    assert "NNCC" in liaison.locator("#release-state").inner_text()

    chinese = browse(nncc, "li.wei")  # Chinese
    search = f"{nncc}/reports"
    eventually(chinese, search, lambda: title in chinese.content(), "the report at NNCC")
    chinese.click(f"text={title}")
    assert "(UTC+08)" in chinese.content()  # NNCC shows Beijing time, ONCB Bangkok time
    chinese.click("form[action$='/acknowledge'] button")
    assert _flash(chinese) == ZH("Acknowledged. The originating agency sees it in its exchange table.")  # fmt: skip
    chinese.fill("#reply-body", "请提供船名。")
    chinese.click("form[action$='/reply'] button")
    assert _flash(chinese) == ZH("Message sent.")
    shot(chinese, "report-thread-zh")

    def answered() -> bool:
        text = liaison.content()
        return "请提供船名。" in text and "NNCC" in text and EN("yes") in liaison.locator("table.stacked").inner_text()  # fmt: skip

    eventually(liaison, report_url, answered, "the acknowledgement and reply at ONCB")
    shot(liaison, "report-acknowledged-en")


def test_rfi_ask_acknowledge_answer(browse: Any, live_node: str) -> None:
    nncc = peer(live_node, 1)
    subject = f"Owner of boat MK-{int(time.time()) % 100000}"
    asker = browse(live_node, "nattaya", "th")
    asker.goto(f"{live_node}/rfi/new")
    asker.fill("#subject", subject)
    asker.fill("#question", "Who owns the boat seen at Chiang Saen?")
    asker.check("input[name=requested][value=NNCC]")
    asker.click("form[action='/rfi/new'] button[type=submit]")
    assert _flash(asker) == TH("Request sent. The deadline clock has started.")
    rfi_url = asker.url

    answerer = browse(nncc, "li.wei")  # Chinese
    eventually(answerer, f"{nncc}/", lambda: subject in answerer.locator("#tasks").inner_text(), "the RFI in NNCC's tasks")  # fmt: skip
    answerer.click(f"#tasks >> text={subject}")
    answerer.click("form[action$='/acknowledge'] button")
    assert _flash(answerer) == ZH("Acknowledged. The requesting agency is told.")
    answerer.fill("#body", "船主为西双版纳某贸易公司。")
    answerer.click("form[action$='/reply'] button.primary")
    assert _flash(answerer) == ZH("Answer sent to the requesting agency.")
    shot(answerer, "rfi-answered-zh")
    eventually(asker, rfi_url, lambda: "船主为西双版纳某贸易公司。" in asker.content(), "the answer at ONCB")  # fmt: skip
    shot(asker, "rfi-answer-th")


def test_notice_review_publish_screen_hit_confirmed_back_home(browse: Any, live_node: str, tmp_path: Path) -> None:  # fmt: skip
    nncc = peer(live_node, 1)
    stamp = int(time.time()) % 100000
    analyst = browse(live_node, "somchai")  # Thai
    analyst.goto(f"{live_node}/fugitives/new")
    analyst.fill("#name_0", "วิชัย ทองดี")
    analyst.fill("#name_1", "Wichai Thongdee")
    analyst.fill("#birth_date", "1982-03-04")
    analyst.select_option("#nationality", "TH")
    analyst.fill("#warrant_reference", f"จ.{stamp}/2567")
    analyst.fill("#warrant_authority", "ศาลจังหวัดเชียงราย")
    analyst.fill("#charges", "จำหน่ายเมทแอมเฟตามีน")
    analyst.select_option("#distribution", "peers")
    analyst.check("input[name=recipients][value=NNCC]")
    analyst.click("form[action='/fugitives/new'] button[type=submit]")
    assert _flash(analyst) == TH("Notice saved. It waits for review by a second person.")
    assert analyst.locator("form[action$='/review']").count() == 0  # not for its author
    notice_url = analyst.url

    liaison = browse(live_node, "nattaya", "zh")
    liaison.goto(f"{live_node}/")
    assert "วิชัย ทองดี" in liaison.locator("#tasks").inner_text()
    liaison.goto(notice_url)
    liaison.click("form[action$='/review'] button")
    assert _flash(liaison) == ZH("Notice reviewed. A liaison officer can now publish it.")
    liaison.click("form[action$='/publish'] button")
    assert _flash(liaison) == ZH("Notice published to its distribution.")

    screener = browse(nncc, "li.wei", "en")
    eventually(screener, f"{nncc}/fugitives", lambda: "Wichai Thongdee" in screener.content() or "วิชัย ทองดี" in screener.content(), "the notice at NNCC")  # fmt: skip
    screener.goto(f"{nncc}/fugitives/screen")  # one name typed in
    screener.fill("#name", "Wichai Thongdee")
    screener.click("form[action='/fugitives/screen'] button")
    screener.wait_for_selector("text=วิชัย ทองดี")
    passengers = tmp_path / "passengers.csv"
    passengers.write_text("name,birth_date,nationality\nZhang Wei,1990,CN\nวิชัย ทองดี,1982-03-04,TH\n", encoding="utf-8")  # fmt: skip
    screener.goto(f"{nncc}/fugitives/screen")
    screener.set_input_files("#file", str(passengers))
    screener.click("form[action='/fugitives/screen/file'] button")
    screener.wait_for_selector("form[action$='/decide']", timeout=60_000)
    shot(screener, "screening-file-en")
    form = screener.locator("form[action$='/decide']").first
    form.locator("input[name=note]").fill("Seen at Mohan border crossing, 2 Dec, 09:40")
    form.locator("button[value=confirmed]").click()
    assert _flash(screener) == EN("Decision saved.")

    eventually(liaison, notice_url, lambda: "Seen at Mohan border crossing" in liaison.content(), "the confirmed hit at ONCB")  # fmt: skip
    assert "Seen at Mohan border crossing" in liaison.locator("#confirmed-hits").inner_text()
    shot(liaison, "notice-confirmed-hit-zh")


def test_precursor_file_upload_results_export(browse: Any, live_node: str, tmp_path: Path) -> None:  # fmt: skip
    declarations = tmp_path / "declarations.csv"
    declarations.write_text(
        "declaration_id,line_no,date,hs_code,description,cas,quantity,unit,consignor,"
        "consignor_country,consignee,consignee_country,port_of_loading,port_of_discharge,"
        "final_destination\n"
        "TH-001,1,2026-03-01,2915.24,Acetic anhydride 99%,108-24-7,500,kg,Jiangsu Chem Co,CN,"
        "Siam Trading,TH,Nanjing,Laem Chabang,Bangkok\n",
        encoding="utf-8",
    )
    for user, lang in (("nattaya", "th"), ("nattaya", "zh")):
        page = browse(live_node, user, lang)
        page.goto(f"{live_node}/precursors/screen")
        page.set_input_files("#file", str(declarations))
        page.click("form[action='/precursors/screen'] button[type=submit]")
        page.wait_for_url(re.compile(r".*/precursors/screen/\d+"))
        assert "108-24-7" in page.content()
        shot(page, f"precursor-results-{lang}")
        with page.expect_download() as download:
            page.click("a[href*='export.csv']")
        assert "108-24-7" in Path(download.value.path()).read_text(encoding="utf-8-sig")


def test_wastewater_import_estimates_ranking(browse: Any, live_node: str, tmp_path: Path) -> None:
    from datetime import date

    from mekongx.domains.wbe.demo import results_csv

    results = tmp_path / "results.csv"
    results.write_text(results_csv(date(2026, 5, 4), 7, flow_m3_d=52_000, population=260_000, seed=7), encoding="utf-8")  # fmt: skip
    for lang in ("en", "zh"):
        page = browse(live_node, "nattaya", lang)
        page.goto(f"{live_node}/wbe/campaigns/new")
        page.fill("#title", f"Browser week {lang}")
        page.fill("#period_start", "2026-05-04")
        page.fill("#period_end", "2026-05-10")
        page.click("form[action='/wbe/campaigns/new'] button[type=submit]")
        page.wait_for_url(re.compile(r".*/wbe/campaigns/\d+"))
        page.set_input_files("#file", str(results))
        page.click("form[action$='/import'] button")
        page.wait_for_load_state()
        assert page.locator("p.ok").count() == 1, page.content()[:2000]
        assert page.locator("table").count() >= 1  # the estimates
        shot(page, f"wbe-campaign-{lang}")
        page.goto(f"{live_node}/wbe/ranking")
        assert page.locator("table").count() >= 1
        shot(page, f"wbe-ranking-{lang}")


def test_pages_fit_a_phone_in_three_languages(browse: Any, live_node: str) -> None:
    """At 375 px the page never scrolls sideways; wide tables scroll inside themselves."""
    for lang in ("th", "zh", "en"):
        page = browse(live_node, "nattaya", lang, width=375)
        for path in ("/", "/reports", "/reports/releases", "/fugitives", "/fugitives/hits", "/rfi", "/wbe/ranking", "/api/v1/docs"):  # fmt: skip
            page.goto(f"{live_node}{path}")
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 1, (lang, path, overflow)
        page.goto(f"{live_node}/reports")
        shot(page, f"phone-reports-{lang}")


def test_one_search_box_in_three_scripts(browse: Any, live_node: str) -> None:
    """The demo's notice for สมพงษ์ แก้วมณี / Sompong Kaewmanee, 陈国华 from NNCC, and reports
    found in another script than the query's."""
    for lang, query, expected in (
        ("zh", "Sompong Kaewmanee", "สมพงษ์ แก้วมณี"),
        ("th", "陈国华", "陈国华"),
        ("en", "Chen Guohua", "陈国华"),
        ("th", "E87654321", "陈国华"),
        # report bodies across scripts: a Latin name finds the Thai-language reports by sound,
        # a place in Chinese finds the Thai spelling (the gazetteer)
        ("en", "Lan Weihong", "หลาน เว่ยหง"),
        ("th", "清莱", "เชียงราย"),
    ):
        page = browse(live_node, "nattaya", lang)
        page.goto(f"{live_node}/search")
        page.fill("#q", query)
        page.press("#q", "Enter")
        page.wait_for_selector("ul.results li")
        assert expected in page.locator("#results").inner_text(), (lang, query)
        shot(page, f"search-{lang}-{query.split()[0]}")
