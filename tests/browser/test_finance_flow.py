"""The financial investigator's job through a real browser against the demo nodes: import the
demo goAML file into a new case, run the detectors (explanations in Thai), trace the collector's
balance (Sankey and ledger, court schedule), freeze it under an order; then ask NNCC to trace
the money on, with a file, see NNCC answer in Chinese, and the answer arrive on the case."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from mekongx.domains.finance.demo import demo_file
from mekongx.i18n import translator

from .conftest import eventually

pytestmark = pytest.mark.browser
COLLECTOR = "099-7-33120-8"
TH, ZH = translator("th"), translator("zh")


def test_import_detect_trace_freeze_and_ask_nncc(
    browse: Any, live_node: str, tmp_path: Path
) -> None:
    host, port = live_node.rsplit(":", 1)
    nncc = f"{host}:{int(port) + 1}"
    goaml = tmp_path / "str-mkcb.xml"
    goaml.write_bytes(demo_file())

    analyst = browse(live_node, "somchai", "th")
    analyst.goto(f"{live_node}/finance")
    analyst.fill("#title", "ทดสอบ Golden Reed")
    analyst.click("form[action='/finance'] button.primary")
    assert analyst.locator("p.flash").inner_text() == TH("Case created.")
    case_url = analyst.url.split("#")[0]
    broken = tmp_path / "broken.csv"
    broken.write_text("id,when\n1,2\n")
    analyst.set_input_files("#file", str(broken))
    analyst.click("form[action$='/import'] button.primary")
    # the upload goes with a progress bar; the 422 page is swapped in, in Thai
    analyst.locator("h1", has_text=TH("Not done")).wait_for(timeout=60_000)
    analyst.goto(case_url)
    analyst.set_input_files("#file", str(goaml))
    analyst.click("form[action$='/import'] button.primary")
    analyst.locator("main", has_text="335").wait_for(timeout=120_000)
    analyst.goto(case_url)
    analyst.click("form[action$='/detect'] button")
    alerts = analyst.locator("#alerts + table").inner_text()
    assert "บัญชีที่ไม่เคยติดต่อกันมาก่อน" in alerts and "คะแนน" in alerts  # explained in Thai

    analyst.goto(f"{case_url}/trace?account={COLLECTOR}&direction=backward")
    assert analyst.locator("figure.sankey svg").count() == 1
    assert "CASH:Mae Sai" in analyst.locator("#ledger + table, #ledger ~ table").first.inner_text()
    with analyst.expect_download() as download:
        analyst.click("a[href*='schedule?form=pdf']")
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF-")

    analyst.goto(case_url)
    analyst.select_option("#kind", "bank_account")
    analyst.fill("#description", "ยอดเงินในบัญชีของ Northern Star Holdings")
    analyst.fill("#account", COLLECTOR)
    analyst.fill("#value", "293200")
    analyst.fill("#valued_on", "2024-06-20")
    analyst.click("form[action$='/assets'] button.primary")
    asset = analyst.locator("form[action$='/transition']").first
    asset.locator("select[name=to_state]").select_option("frozen")
    asset.locator("input[name=authority]").fill("สำนักงาน ปปง.")
    asset.locator("input[name=order_number]").fill("ปปง. 113/2567")
    asset.locator("input[name=order_date]").fill("2024-06-21")
    asset.locator("input[name=expires_on]").fill("2024-09-19")
    asset.locator("button").click()
    assert "ปปง. 113/2567" in analyst.locator("#assets + table").inner_text()

    liaison = browse(live_node, "nattaya", "th")
    liaison.goto(case_url)
    liaison.click("a[href*='/requests/new?purpose=asset_tracing']")
    subject = f"ติดตามเงิน Golden Reed {int(time.time()) % 100000}"
    liaison.fill("#subject", subject)
    liaison.fill("#question", "กรุณาติดตามเงินที่โอนต่อจากบัญชี LA-BCEL-0100-5566")
    liaison.select_option("#agency", "NNCC")
    liaison.fill("input[name=t0_identifier]", "LA-BCEL-0100-5566")
    liaison.fill("input[name=t0_institution]", "BCEL")
    note = tmp_path / "transfers.csv"
    note.write_text("from,to,amount\n099-7-33120-8,LA-BCEL-0100-5566,1850000\n")
    liaison.set_input_files("#attachments", str(note))
    liaison.click("form[action$='/requests'] button.primary")
    assert liaison.locator("p.flash").inner_text() == TH(
        "Request sent. Its deadline clock has started; the answer will appear on this case."
    )

    answerer = browse(nncc, "li.wei", "zh")
    eventually(
        answerer, f"{nncc}/rfi", lambda: subject in answerer.content(), "the request at NNCC"
    )
    answerer.click(f"text={subject}")
    assert "BCEL" in answerer.content() and "transfers.csv" in answerer.content()
    answerer.fill("#body", "该账户资金已转入西双版纳的两个账户，详见附件。")
    answerer.click("form[action$='/reply'] button.primary")
    assert answerer.locator("p.flash").inner_text() == ZH("Answer sent to the requesting agency.")

    eventually(liaison, case_url, lambda: TH("Answered") in liaison.locator("#requests + table").inner_text(),
                "the answer on the case at ONCB")  # fmt: skip
    liaison.click(f"#requests + table >> text={subject}")
    assert "该账户资金已转入西双版纳的两个账户" in liaison.content()
