"""Dates on pages: in the reader's calendar and digits, with the Gregorian date always at hand
(the title of a Buddhist-Era or native-digit date); digits per CLDR's numbering systems."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest
from babel import Locale

from mekongx.i18n import format_number, translator
from mekongx.web.render import ENV, _markup_aware, page_date

REPORT = {"title": "Boat at Chiang Saen", "narrative": "Seen at the port.", "language": "en",
          "source_reliability": "B", "info_reliability": "2", "handling_code": "H1",
          "distribution": "peers", "recipients": ["NNCC"], "action": "submit"}  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "shown"),
    [("th", "10 ก.ค. 2567"), ("my", "၂၀၂၄ ဇူလိုင် ၁၀"), ("km", "១០ កក្កដា ២០២៤")],
)
def test_a_buddhist_era_or_native_digit_date_carries_the_gregorian_date(
    lang: str, shown: str
) -> None:
    assert str(page_date(date(2024, 7, 10), lang, "Asia/Bangkok")) == (
        f'<time datetime="2024-07-10" title="2024-07-10">{shown}</time>'
    )


def test_a_time_carries_the_gregorian_date_and_time_in_the_node_zone() -> None:
    moment = datetime(2024, 7, 10, 3, 5, tzinfo=UTC)
    text = str(page_date(moment, "th", "Asia/Bangkok"))
    assert 'title="2024-07-10 10:05 (UTC+07)"' in text
    assert ">10 ก.ค. 2567 10:05 (UTC+07)</time>" in text


@pytest.mark.parametrize(
    ("lang", "shown"),
    [("en", "10 Jul 2024"), ("zh", "2024年7月10日"), ("lo", "10 ກໍລະກົດ 2024"), ("vi", "10/07/2024")],
)
def test_a_gregorian_date_in_arabic_digits_is_plain_text(lang: str, shown: str) -> None:
    assert page_date(date(2024, 7, 10), lang, "Asia/Bangkok") == shown


def test_digits_follow_cldr_except_khmer_which_follows_cambodian_official_writing() -> None:
    systems = {lang: Locale.parse(lang).default_numbering_system for lang in ("th", "lo", "my")}
    assert systems == {"th": "latn", "lo": "latn", "my": "mymr"}
    assert Locale.parse("km").default_numbering_system == "latn"  # Khmer digits chosen anyway


def test_a_date_inside_a_message_keeps_its_markup_and_the_rest_is_escaped() -> None:
    template = ENV.from_string('{{ _("written by %(who)s, %(when)s", who=who, when=when) }}')
    text = template.render(
        _=_markup_aware(translator("th")),
        who="<b>x</b>",
        when=page_date(date(2024, 7, 10), "th", "Asia/Bangkok"),
    )
    assert '<time datetime="2024-07-10" title="2024-07-10">10 ก.ค. 2567</time>' in text
    assert "&lt;b&gt;x&lt;/b&gt;" in text and "<b>" not in text


def test_a_thai_page_shows_buddhist_era_dates_with_the_gregorian_title(
    world: Any, browser: Any
) -> None:
    browser.login("thai.analyst")  # Thai
    answer = browser.post("/reports/new", REPORT)
    assert answer.status_code == 303
    page = browser.client.get(answer.headers["location"]).text
    banner = re.search(r'<p class="banner received" id="release-state">(.*?)</p>', page, re.S)
    assert banner is not None
    assert re.search(r'<time datetime="\d{4}-\d\d-\d\dT[^"]+" title="\d{4}-\d\d-\d\d \d\d:\d\d '
                     r'\(UTC\+07\)">\d+ \S+ 25\d\d \d\d:\d\d \(UTC\+07\)</time>', banner.group(1))  # fmt: skip
    assert "&lt;time" not in page


def test_numbers_on_a_khmer_page_are_in_khmer_digits(world: Any, browser: Any) -> None:
    """The pager (and every figure a page writes through ``num``) in the reader's digits."""
    browser.login("thai.analyst")
    assert browser.post("/lang", {"lang": "km", "next": "/reports"}).status_code == 303
    page = browser.client.get("/reports").text
    assert "ទំព័រ ១ នៃ ១" in page
    assert browser.post("/lang", {"lang": "th", "next": "/reports"}).status_code == 303
    assert "หน้า 1 จาก 1" in browser.client.get("/reports").text


def test_numbers_per_locale() -> None:
    assert format_number(Decimal("1234567.5"), "lo") == "1.234.567,5"
    assert format_number(1500, "my", 2) == "၁,၅၀၀.၀၀"
    assert format_number(Decimal("0.0015"), "th") == "0.0015"  # every decimal it has
