"""The declaration upload page lists the accepted columns and offers an example file in every
language; each example file, uploaded as it is, is read and screened."""

from __future__ import annotations

import re
from typing import Any

import pytest


def test_upload_page_lists_columns_in_every_language(browser: Any) -> None:
    browser.login("thai.liaison")
    page = browser.client.get("/precursors/screen")
    assert 'id="columns"' in page.text
    for text in ("declaration_id", "เลขที่ใบขนสินค้า", "报关单号", "ປະລິມານ", "အရေအတွက်", "បរិមាណ",
                 "Số lượng", "template.csv?lang=zh", "template.csv?lang=km"):  # fmt: skip
        assert text in page.text


@pytest.mark.parametrize(("lang", "header"), [("th", "เลขที่ใบขนสินค้า"), ("zh", "报关单号"), ("en", "declaration_id"),
    ("lo", "ເລກທີໃບແຈ້ງພາສີ"), ("my", "အကောက်ခွန်ကြေညာလွှာအမှတ်"), ("km", "លេខប្រកាសគយ"), ("vi", "Số tờ khai")])  # fmt: skip
def test_each_template_is_read_back(browser: Any, lang: str, header: str) -> None:
    browser.login("thai.liaison")
    template = browser.client.get("/precursors/template.csv", params={"lang": lang})
    assert template.status_code == 200 and header in template.content.decode("utf-8-sig")
    answer = browser.client.post(
        "/precursors/screen",
        data={"csrf_token": browser.csrf},
        files={"file": (f"declarations-{lang}.csv", template.content, "text/csv")},
    )
    assert answer.status_code == 303, answer.text[:500]
    result = browser.client.get(answer.headers["location"])
    assert "108-24-7" in result.text
    assert re.search(r"/precursors/screen/\d+", answer.headers["location"])
