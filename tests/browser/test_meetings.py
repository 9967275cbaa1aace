"""The meeting mechanism through a real browser, on the demo's ONCB and NNCC node processes: ONCB's
liaison officer sends the 20th meeting's draft minutes, NNCC's liaison officer comments on an
agenda item and approves, ONCB approves; both nodes show the minutes frozen with both
signatures; the progress report on the 19th meeting comes out as a page and a PDF."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from mekongx.i18n import translator

pytestmark = pytest.mark.browser
PASSWORD = "Mekong-Demo-2567"
TH, ZH, EN = translator("th"), translator("zh"), translator("en")


@pytest.fixture
def browse(browser_instance: Any) -> Iterator[Callable[..., Any]]:
    contexts: list[Any] = []

    def open_as(url: str, username: str) -> Any:
        context = browser_instance.new_context(viewport={"width": 1280, "height": 900})
        contexts.append(context)
        page = context.new_page()
        page.goto(f"{url}/login")
        page.fill("#username", username)
        page.fill("#password", PASSWORD)
        page.click("form[action='/login'] button[type=submit]")
        page.wait_for_url(f"{url}/")
        page.select_option("#lang-select", LANGUAGE[username])  # other tests may have changed it
        page.click("form[action='/lang'] button[type=submit]")
        page.wait_for_load_state()
        return page

    yield open_as
    for context in contexts:
        context.close()


LANGUAGE = {"nattaya": "th", "li.wei": "zh"}


def _peer(url: str, offset: int) -> str:
    host, port = url.rsplit(":", 1)
    return f"{host}:{int(port) + offset}"


def _eventually(
    page: Any, url: str, check: Callable[[], bool], what: str, timeout: float = 120
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        page.goto(url)
        if check():
            return
        time.sleep(1.5)
    raise AssertionError(f"timed out waiting for {what}")


def test_draft_comment_approve_report(browse: Any, live_node: str) -> None:
    nncc = _peer(live_node, 1)
    thai = browse(live_node, "nattaya")  # Thai
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

    chinese = browse(nncc, "li.wei")  # Chinese
    series = f"{nncc}/meetings/series/TH-CN"
    twentieth = ZH("No. %(number)s", number=20)
    _eventually(
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

    _eventually(thai, meeting_url, frozen, "NNCC's comment and approval at ONCB")
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
