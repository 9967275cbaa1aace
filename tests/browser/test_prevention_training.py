"""Points 7 and 8 through a real browser, on the demo's ONCB and NNCC node processes: a Thai and
a Chinese programme manager see both countries' programmes side by side on their own nodes;
NNCC's training officer runs a course (a participant, a result, a certificate), and ONCB's node
verifies the certificate's code, then sees it revoked once NNCC revokes it. Screenshots of the
pages in Thai, Chinese and English are kept in the test's directory (``MEKONGX_SCREENSHOTS``
names another)."""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

import pytest

from mekongx.i18n import translator

from .conftest import shot

pytestmark = pytest.mark.browser
TH, ZH, EN = translator("th"), translator("zh"), translator("en")


def test_side_by_side_then_a_certificate_verified_by_the_other_node(
    browse: Any, live_node: str, tmp_path: Path
) -> None:
    host, port = live_node.rsplit(":", 1)
    nncc = f"{host}:{int(port) + 1}"
    thai = browse(live_node, "nattaya", "th")  # Thai
    thai.goto(f"{live_node}/prevention/dashboard")
    content = thai.content()
    assert TH("Prevention dashboard") in content and "QINGJIAO" in content and "TBN1" in content
    assert thai.locator("#reach-chart svg rect").count() > 3
    assert TH("not comparable") in content  # the mapping says where figures do not compare
    shot(thai, "prevention-dashboard-th")

    chinese = browse(nncc, "li.wei", "zh")  # Chinese
    chinese.goto(f"{nncc}/prevention/dashboard")
    assert ZH("Prevention dashboard") in chinese.content() and "TBN1" in chinese.content()
    shot(chinese, "prevention-dashboard-zh")
    chinese.goto(f"{nncc}/training")
    chinese.click("text=YPC-2025-TH >> xpath=../a")
    course = chinese.url
    chinese.click(f"text={ZH('Add a participant')}")
    chinese.fill("#n-name", "Ms Pranee Suksai")
    chinese.select_option("#n-agency", "ONCB")
    chinese.fill("#n-rank", "Chemist")
    chinese.click(f"text={ZH('Add the participant')}")
    row = chinese.locator("tr", has_text="Ms Pranee Suksai")
    row.locator("input[name=attended_days]").fill("10")
    row.locator("input[name=score]").fill("86")
    row.locator("select[name=passed]").select_option("yes")
    row.locator("input[name=reaction]").fill("5")
    row.locator("form[action$='/result'] button").click()
    chinese.locator("tr", has_text="Ms Pranee Suksai").locator(
        "form[action$='/certificate'] button"
    ).click()
    assert chinese.locator("p.flash").inner_text() == ZH(
        "Certificate issued; the officer's agency can check its code."
    )
    cell = chinese.locator("tr", has_text="Ms Pranee Suksai").locator("small").last.inner_text()
    code = re.search(r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}", cell)
    assert code, cell
    shot(chinese, "training-course-zh")
    assert chinese.url.startswith(course)

    viewer = browse(live_node, "viewer", "en")  # English, ONCB
    deadline = time.monotonic() + 120
    while True:  # the statement travels over the exchange
        viewer.goto(f"{live_node}/training/verify?code={code.group(0)}")
        if EN("Valid certificate.") in viewer.content() or time.monotonic() > deadline:
            break
        time.sleep(1.5)
    assert EN("Valid certificate.") in viewer.content() and "Ms Pranee Suksai" in viewer.content()
    shot(viewer, "training-verify-en")
    viewer.goto(f"{live_node}/training/verify?code=AAAA-BBBB-CCCC")
    assert EN("No certificate with this code is known to this node.") in viewer.content()

    chinese.goto(course)  # the organiser revokes it, saying why; the other node then says so
    row = chinese.locator("tr", has_text="Ms Pranee Suksai")
    row.locator("summary", has_text=ZH("Revoke")).click()
    row.locator("textarea[name=reason]").fill("Attendance sheet forged")
    row.locator("form[action$='/revoke'] button").click()
    assert chinese.locator("p.flash").inner_text() == ZH(
        "Certificate revoked; the officer's agency is told."
    )
    deadline = time.monotonic() + 120
    while True:
        viewer.goto(f"{live_node}/training/verify?code={code.group(0)}")
        if EN("This certificate was revoked.") in viewer.content() or time.monotonic() > deadline:
            break
        time.sleep(1.5)
    assert "Attendance sheet forged" in viewer.content()
    assert EN("Valid certificate.") not in viewer.content()
    shot(viewer, "training-verify-revoked-en")
