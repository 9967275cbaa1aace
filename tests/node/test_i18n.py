"""The languages: complete catalogs, dates as each reader expects, pages in every language."""

from __future__ import annotations

import importlib.util
import re
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from mekongx.i18n import format_date, format_datetime, negotiate, translator
from mekongx.i18n.dates import format_gregorian

ROOT = Path(__file__).resolve().parents[2]


def _i18n_script() -> Any:
    spec = importlib.util.spec_from_file_location("i18n_script", ROOT / "scripts" / "i18n.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_string_is_translated_in_every_enabled_language() -> None:
    missing = _i18n_script().missing()
    assert {"th", "zh_Hans"} <= set(missing)
    assert missing == {locale: [] for locale in missing}, (
        "run: .venv/bin/python scripts/i18n.py update, then translate"
    )


def test_a_language_is_offered_only_once_its_catalog_is_complete() -> None:
    script = _i18n_script()
    status = script.missing(tuple(script.CATALOGS))
    from mekongx.i18n import ENABLED, LANGUAGES, LOCALE_DIRS

    assert list(LANGUAGES) == [lang for lang in LANGUAGES if lang in ENABLED]
    for lang in ENABLED:
        assert lang == "en" or status[LOCALE_DIRS[lang]] == []
    assert negotiate("lo-LA, vi;q=0.9, th;q=0.5") in LANGUAGES


def _outside_catalog() -> Any:
    spec = importlib.util.spec_from_file_location(
        "outside_catalog", ROOT / "scripts" / "outside_catalog.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_no_text_is_built_outside_the_catalogs() -> None:
    assert _outside_catalog().problems() == []


@pytest.mark.parametrize(
    "source",
    [
        'x = _(f"Saved {n}")',
        'raise NotFound("No report " + uid)',
        'FieldProblem("name", "{} is too long".format(field))',
        'say(N_("Sent to ") + agency)',
    ],
)
def test_the_check_catches_python_built_messages(source: str) -> None:
    assert _outside_catalog().python_problems(source)


@pytest.mark.parametrize(
    "source",
    [
        "<p>Saved</p>",
        '<input placeholder="Search reports">',
        '{{ _("Report of " ~ agency) }}',
        "<td>{{ n }} kg</td>",
    ],
)
def test_the_check_catches_template_text(source: str) -> None:
    assert _outside_catalog().template_problems(source)


def test_the_check_catches_engine_messages_missing_a_language() -> None:
    tables = {"MESSAGES": {"X": {"en": "row {row}", "th": "แถว {row}", "zh": ""}}}
    assert _outside_catalog().table_problems("chemistry", tables)
    fields = {"MESSAGES": {"X": {"en": "row {row}", "th": "แถว", "zh": "第 {row} 行"}}}
    assert _outside_catalog().table_problems("chemistry", fields)
    fine = '<p>{{ _("Saved") }}</p> <span lang="en">MekongX</span>'
    assert _outside_catalog().template_problems(fine) == []
    assert _outside_catalog().python_problems('_("Saved %(n)s", n=n)') == []


def test_translations_keep_their_placeholders() -> None:
    script = _i18n_script()
    for locale in script.CATALOGS:
        for message in script.load(locale):
            if message.id and message.string:
                assert set(re.findall(r"%\((\w+)\)s", str(message.id))) == set(
                    re.findall(r"%\((\w+)\)s", str(message.string))
                ), (locale, message.id)


def test_dates() -> None:
    day = date(2024, 7, 10)
    assert format_date(day, "th") == "10 ก.ค. 2567"
    assert format_date(day, "zh") == "2024年7月10日"
    assert format_date(day, "en") == "10 Jul 2024"
    moment = datetime(2024, 7, 10, 3, 30, tzinfo=UTC)
    assert format_datetime(moment, "th", "Asia/Bangkok") == "10 ก.ค. 2567 10:30 (UTC+07)"
    assert format_datetime(moment, "zh", "Asia/Shanghai") == "2024年7月10日 11:30 (UTC+08)"


def test_dates_in_lao_burmese_khmer_and_vietnamese_with_the_gregorian_at_hand() -> None:
    day = date(2024, 7, 10)
    assert format_date(day, "lo") == "10 ກໍລະກົດ 2024"  # Gregorian, as the Lao administration
    assert format_date(day, "my") == "၂၀၂၄ ဇူလိုင် ၁၀"  # Myanmar digits
    assert format_date(day, "km") == "១០ កក្កដា ២០២៤"  # Khmer digits
    assert format_date(day, "vi") == "10/07/2024"
    moment = datetime(2024, 7, 10, 3, 30, tzinfo=UTC)
    assert format_datetime(moment, "km", "Asia/Phnom_Penh") == "១០ កក្កដា ២០២៤ ១០:៣០ (UTC+07)"
    assert format_datetime(moment, "vi", "Asia/Ho_Chi_Minh") == "10/07/2024 10:30 (UTC+07)"
    assert format_gregorian(day) == "2024-07-10"


def test_a_times_zone_is_written_as_strftime_writes_its_offset() -> None:
    """``dates._zone`` computes the offset itself (``strftime("%z")`` cost a millisecond on a
    list of 50 dates): west of UTC, half and quarter hours, and an old local mean time in
    seconds read as they did, also in the Gregorian title of a Thai date."""
    from zoneinfo import ZoneInfo

    from mekongx.i18n.dates import format_gregorian_datetime

    moment = datetime(2026, 12, 4, 10, 5, tzinfo=UTC)
    assert format_datetime(moment, "en", "America/St_Johns") == "4 Dec 2026 06:35 (UTC-03:30)"
    assert format_datetime(moment, "en", "Asia/Kathmandu") == "4 Dec 2026 15:50 (UTC+05:45)"
    assert format_datetime(moment, "th", "Asia/Yangon") == "4 ธ.ค. 2569 16:35 (UTC+06:30)"
    assert format_datetime(moment, "en", "UTC") == "4 Dec 2026 10:05 (UTC+00)"
    cases = [(moment, zone) for zone in ("America/St_Johns", "Asia/Kathmandu", "Pacific/Chatham",
                                         "America/Los_Angeles", "Asia/Bangkok")]  # fmt: skip
    cases.append((datetime(1900, 1, 1, tzinfo=UTC), "Asia/Bangkok"))  # +06:42:04, Bangkok mean time
    for when, zone in cases:
        local = when.astimezone(ZoneInfo(zone))
        offset = local.strftime("%z")
        written = f"UTC{offset[:3]}" if offset[3:] == "00" else f"UTC{offset[:3]}:{offset[3:]}"
        assert format_gregorian_datetime(when, zone) == f"{local.date().isoformat()} {local:%H:%M} ({written})"  # fmt: skip


def test_small_whole_numbers_are_written_as_babel_writes_them() -> None:
    """``format_number`` skips Babel below 1,000 (a pager's numbers): the same digits."""
    from babel.numbers import format_decimal

    from mekongx.i18n.dates import native_digits
    from mekongx.i18n.numbers import LOCALES, format_number

    for lang, locale in LOCALES.items():
        for value in (0, 7, 42, 999, 1000, 12345):
            cldr = format_decimal(value, locale=locale, decimal_quantization=False)
            assert format_number(value, lang) == native_digits(cldr, lang), (lang, value)
    assert format_number(5, "my") == "၅" and format_number(1234, "en") == "1,234"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("th-TH,th;q=0.9,en;q=0.8", "th"),
        ("zh-CN,zh;q=0.9", "zh"),
        ("fr-FR, en;q=0.5", "en"),
        ("", "en"),
        ("en;q=0.1, zh;q=0.8", "zh"),
        ("xx;q=abc", "en"),
    ],
)
def test_language_negotiation(header: str, expected: str) -> None:
    assert negotiate(header) == expected


def test_unknown_msgid_falls_back_to_english() -> None:
    assert translator("th")("Not in any catalog %(x)s", x=1) == "Not in any catalog 1"


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("th", ["ภาพรวม", "รายงานการข่าว", "ค้นหา"]),
        ("zh", ["总览", "情报报告", "搜索"]),
        ("lo", ["ພາບລວມ", "ລາຍງານຂ່າວສານ", "ຄົ້ນຫາ"]),
        ("my", ["ခြုံငုံကြည့်", "ထောက်လှမ်းရေး အစီရင်ခံစာများ", "ရှာဖွေရန်"]),
        ("km", ["ផ្ទាំងទិដ្ឋភាពទូទៅ", "របាយការណ៍ស៊ើបការណ៍", "ស្វែងរក"]),
        ("vi", ["Tổng quan", "Báo cáo tình báo", "Tìm kiếm"]),
        ("en", ["Dashboard", "Intelligence reports", "Search"]),
    ],
)
def test_pages_in_each_language(browser: Any, lang: str, words: list[str]) -> None:
    browser.login("thai.admin")
    answer = browser.post("/lang", {"lang": lang, "next": "/"})
    assert answer.status_code == 303
    for path in (
        "/",
        "/reports",
        "/search",
        "/admin/users",
        "/admin/agencies",
        "/admin/audit",
        "/profile",
        "/reports/999",
    ):
        page = browser.client.get(path)
        assert page.status_code in (200, 404), path
        assert f'lang="{ {"th": "th", "zh": "zh-Hans"}.get(lang, lang) }"' in page.text
        for word in words:
            assert word in page.text, (path, word)


def test_the_menu_comes_translated_once_per_role_and_language() -> None:
    """The menu a page shows (``nav.links``): each item the role may use, its label in the
    reader's language (translated once per role and language, not on every page) and whether
    the page is in that item's part of the node."""
    from mekongx.authz import Principal
    from mekongx.model.identity import Role
    from mekongx.web import nav

    viewer = Principal(1, "somchai", "Somchai", "ONCB", Role.VIEWER, "th")
    admin = Principal(2, "admin", "Admin", "ONCB", Role.ADMIN, "zh")
    shown = nav.links(viewer, "th", "/seizures/picture")
    assert shown[0] == ("/", translator("th")("Dashboard"), False)
    current = [(path, label) for path, label, here in shown if here]
    assert current == [("/seizures", translator("th")("Seizures")),
                       ("/seizures/picture", translator("th")("Regional picture"))]  # fmt: skip
    assert "/admin/users" not in [path for path, _, _ in shown]
    assert ("/admin/users", translator("zh")("Users"), True) in nav.links(
        admin, "zh", "/admin/users"
    )
    assert nav.links(viewer, "th", "/")[0][2] is True
    assert nav._labelled(Role.VIEWER, "th") is nav._labelled(Role.VIEWER, "th")
