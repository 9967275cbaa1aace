"""The meeting mechanism through a real browser, on the demo's ONCB and NNCC node processes: ONCB's
liaison officer sends the 20th meeting's draft minutes, NNCC's liaison officer comments on an
agenda item and approves, ONCB approves; both nodes show the minutes frozen with both
signatures; the progress report on the 19th meeting comes out as a page and a PDF."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from mekongx.i18n import translator

from .conftest import eventually, peer

pytestmark = pytest.mark.browser
TH, ZH, EN = translator("th"), translator("zh"), translator("en")


LANGUAGE = {"nattaya": "th", "li.wei": "zh"}


def test_draft_comment_approve_report(browse: Any, live_node: str) -> None:
    nncc = peer(live_node, 1)
    thai = browse(live_node, "nattaya", LANGUAGE["nattaya"])  # Thai
    thai.goto(f"{live_node}/meetings/series/TH-CN")
    thai.click(f"text={TH('No. %(number)s', number=20)}")
    meeting_url = thai.url
    assert TH("Draft") in thai.content()
    thai.click("form[action$='/circulate'] button")
    assert thai.locator("p.flash").inner_text() == TH(
        "Minutes sent to the other side for comment and approval."
    )
    thai.click(
        "form[action$='/approve'] button"
    )  # somchai drafted it: nattaya is the second person
    assert thai.locator("p.flash").inner_text() == TH(
        "Approved. Your node signed the minutes; the other side is told."
    )

    chinese = browse(nncc, "li.wei", LANGUAGE["li.wei"])  # Chinese
    series = f"{nncc}/meetings/series/TH-CN"
    twentieth = ZH("No. %(number)s", number=20)
    eventually(
        chinese,
        series,
        lambda: twentieth in chinese.content(),
        "the 20th meeting's minutes at NNCC",
    )
    chinese.click(f"text={twentieth}")
    assert "哈尔滨" in chinese.content() and ZH("received copy (read-only)") in chinese.content()
    chinese.locator("section.card textarea[name=body]").first.fill("同意，请补充海上通道合作内容。")
    chinese.locator("section.card form[action$='/comments'] button").first.click()
    assert chinese.locator("p.flash").inner_text() == ZH("Comment sent to the other side.")
    chinese.click("form[action$='/approve'] button")
    assert chinese.locator("p.flash").inner_text() == ZH(
        "Approved. Your node signed the minutes; the other side is told."
    )
    assert ZH("Approved by both sides") in chinese.content()  # ONCB's approval arrived first

    def frozen() -> bool:
        text = thai.content()
        return TH("Approved by both sides") in text and "同意，请补充海上通道合作内容。" in text

    eventually(thai, meeting_url, frozen, "NNCC's comment and approval at ONCB")
    verified = TH("verified with the node key %(kid)s", kid="\x00").split("\x00")[0]
    assert thai.content().count(verified) == 2  # both sides' signatures verify at ONCB

    thai.goto(f"{live_node}/meetings/series/TH-CN")
    thai.click(f"text={TH('No. %(number)s', number=19)}")
    thai.select_option("#report-lang", "th+zh-Hans")
    thai.click("#report button")
    assert "มติข้อ 10" in thai.content() and "决议第10条" in thai.content()
    link = thai.locator("a[href*='report.pdf']").get_attribute("href")
    cookies = {c["name"]: c["value"] for c in thai.context.cookies()}
    pdf = httpx.get(f"{live_node}{link}", cookies=cookies, timeout=60)
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
