"""Through a real browser: log in, switch language, search in three scripts, keyboard use."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser
SHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"


def _login(page: Any, url: str, username: str = "nattaya") -> None:
    page.goto(f"{url}/login")
    page.get_by_label("User name").fill(username)
    page.get_by_label("Password").fill("Mekong-Demo-2567")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{url}/")


def test_login_language_switch_and_search(browser_instance: Any, live_node: str) -> None:
    context = browser_instance.new_context(locale="en-GB")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    # A live-search request still running when the form is submitted is aborted by the
    # navigation (net::ERR_ABORTED): not a failure. Anything else is.
    page.on(
        "requestfailed",
        lambda request: (
            None
            if "ERR_ABORTED" in (request.failure or "")
            else errors.append(f"failed: {request.url}")
        ),
    )
    page.goto(f"{live_node}/login")
    page.get_by_label("User name").fill("nattaya")
    page.get_by_label("Password").fill("wrong-password-1A")
    page.get_by_role("button", name="Log in").click()
    assert page.get_by_role("alert").inner_text().strip() == "Wrong user name or password."
    # other browser tests on this node save other languages in nattaya's profile: save Thai
    # first, in a session of its own, then log in afresh
    other = context.new_page()
    _login(other, live_node)
    other.select_option("#lang-select", "th")
    other.click("form[action='/lang'] button[type=submit]")
    other.wait_for_load_state()
    other.close()
    context.clear_cookies()
    _login(page, live_node)
    # nattaya's own language is Thai: the dashboard greets her in Thai.
    assert page.get_by_role("heading", level=1).inner_text() == "ภาพรวม"
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "dashboard-th.png"), full_page=True)

    page.get_by_label("ภาษา").select_option("zh")
    page.get_by_role("button", name="เปลี่ยน").click()
    assert page.get_by_role("heading", level=1).inner_text() == "总览"
    page.get_by_role("link", name="搜索").click()
    page.get_by_label("任意文字的词语：泰文、中文或拉丁字母").fill("卫红")
    page.get_by_role("button", name="搜索").click()
    results = page.locator("ul.results li")
    assert results.count() > 0  # reports in any script whose text names 兰卫红
    found = page.locator("#results").inner_text()
    assert any(name in found for name in ("兰卫红", "Lan Weihong", "หลาน เว่ยหง"))
    page.screenshot(path=str(SHOTS / "search-zh.png"), full_page=True)

    page.get_by_label("语言").select_option("th")
    page.get_by_role("button", name="切换").click()
    page.get_by_label("คำค้นในอักษรใดก็ได้: ไทย จีน หรือละติน").fill("เว่ยหง")
    page.keyboard.press("Enter")
    page.wait_for_selector("ul.results li")
    assert "เว่ยหง" in page.locator("#results").inner_text()

    page.get_by_label("ภาษา").select_option("en")
    page.get_by_role("button", name="เปลี่ยน").click()
    page.get_by_label("Words in any script: Thai, Chinese or Latin").fill("weihong")
    page.keyboard.press("Enter")
    page.wait_for_selector("ul.results li")
    page.locator("ul.results li a").first.click()
    assert page.get_by_text("Originating agency").is_visible()
    assert errors == []
    context.close()


def test_report_form_errors_and_keyboard(browser_instance: Any, live_node: str) -> None:
    context = browser_instance.new_context(locale="en-GB")
    page = context.new_page()
    _login(page, live_node, "viewer")
    assert page.get_by_role("heading", level=1).inner_text() == "Dashboard"
    # Keyboard: the skip link is the first stop and jumps to the content.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.goto(f"{live_node}/reports/new")
    assert "Your role does not allow this action." in page.content()
    context.close()

    context = browser_instance.new_context(locale="en-GB")
    page = context.new_page()
    _login(page, live_node, "nattaya")
    page.goto(f"{live_node}/reports/new")
    page.locator("#lang-select").select_option("th")
    page.locator("form[action='/lang'] button").click()
    page.get_by_label("หัวเรื่อง").fill("Browser test report")
    page.get_by_label("รายละเอียด").fill("Seen near Huay Xai")
    page.get_by_label("รหัสเงื่อนไขการใช้").select_option("H3")
    page.get_by_role("button", name="บันทึก").click()
    assert "รหัส H3 ต้องระบุข้อจำกัดเป็นลายลักษณ์อักษร" in page.content()
    assert page.get_by_label("หัวเรื่อง").input_value() == "Browser test report"  # nothing lost
    page.get_by_label("ข้อจำกัด (จำเป็นสำหรับ H3)").fill("Not for the press")
    page.get_by_role("button", name="บันทึก").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Browser test report"
    page.screenshot(path=str(SHOTS / "report-th.png"), full_page=True)
    context.close()
