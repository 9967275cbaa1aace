"""The Burmese and Khmer interface texts: Unicode Burmese, each in its own script, markup kept.

Covers the gettext catalogs, the engines' message tables (``mekongx.<engine>.messages``) and the
drug categories of seizure reports.
"""

from __future__ import annotations

import importlib
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from mekongx.domains.fugitives.tabular import read_people
from mekongx.domains.seizures.reference import drugs
from mekongx.text.zawgyi import is_zawgyi

LOCALE = Path(__file__).resolve().parents[2] / "src" / "mekongx" / "i18n" / "locale"
ENGINES = ("chemistry", "matching", "moneyflow", "tabular", "wastewater")
# What a translation must carry over from its msgid unchanged: gettext and str.format fields,
# HTML tags and entities, and text in backticks (commands).
KEPT = re.compile(r"%\([A-Za-z_0-9]+\)[sdif]|%[sdif%]|\{[^{}]*\}|<[^>]+>|&[a-z]+;|`[^`]*`")
MYANMAR = re.compile(r"[\u1000-\u109F]")
KHMER = re.compile(r"[\u1780-\u17FF]")
LAO = re.compile(r"[\u0E80-\u0EFF]")
# In Unicode Burmese the vowel sign E and the medials follow their consonant (or another medial).
PREFIXED_MARK = re.compile(r"(?:^|[^\u1000-\u103F\u104E])[\u1031\u103B-\u103E]")


def _catalog(lang: str) -> list[tuple[str, str]]:
    with (LOCALE / lang / "messages.po").open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    return [(str(m.id), str(m.string)) for m in catalog if m.id and m.string]


def _engine_texts(lang: str) -> list[tuple[str, str]]:
    """The engines' templates and the seizure drug categories in ``lang``."""
    texts = []
    for engine in ENGINES:
        module = importlib.import_module(f"mekongx.{engine}.messages")
        for table in (getattr(module, "MESSAGES", {}), getattr(module, "TERMS", {})):
            texts += [(entry["en"], entry[lang]) for entry in table.values() if lang in entry]
    texts += [(drug.en, getattr(drug, lang)) for drug in drugs().values()]
    return texts


@pytest.mark.parametrize("lang", ["my", "km"])
def test_catalog_keeps_fields_markup_and_commands(lang: str) -> None:
    texts = _catalog(lang)
    assert len(texts) > 1000
    for msgid, text in texts:
        assert Counter(KEPT.findall(msgid)) == Counter(KEPT.findall(text)), (msgid, text)


@pytest.mark.parametrize("lang", ["my", "km"])
def test_texts_are_in_their_own_script_and_canonical_order(lang: str) -> None:
    other = KHMER if lang == "my" else MYANMAR
    own = MYANMAR if lang == "my" else KHMER
    texts = _catalog(lang) + _engine_texts(lang)
    assert all(text for _, text in texts)
    assert sum(1 for _, text in texts if own.search(text)) > 0.9 * len(texts)
    for msgid, text in texts:
        assert not other.search(text), (msgid, text)
        assert text == unicodedata.normalize("NFC", text), (msgid, text)


def test_burmese_is_unicode_not_zawgyi() -> None:
    for msgid, text in _catalog("my") + _engine_texts("my"):
        assert not is_zawgyi(text), (msgid, text)
        assert not PREFIXED_MARK.search(text), (msgid, text)


def test_the_checks_see_zawgyi_and_a_lost_field() -> None:
    zawgyi = "\u1031\u1019\u102c\u1004\u1039"  # "ေမာင္": E before its consonant, U+1039 as asat
    assert is_zawgyi(zawgyi) and PREFIXED_MARK.search(zawgyi)
    assert not PREFIXED_MARK.search("မောင်")
    assert Counter(KEPT.findall("%(n)s <b>x</b>")) != Counter(KEPT.findall("%(n)s x"))


@pytest.mark.parametrize("lang", ["my", "km"])
def test_one_plural_form_as_cldr_has(lang: str) -> None:
    with (LOCALE / lang / "messages.po").open("rb") as handle:
        assert read_po(handle, locale=lang).num_plurals == 1


@pytest.mark.parametrize(
    "header",
    ["အမည်,မွေးသက္ကရာဇ်,နိုင်ငံသား,နိုင်ငံကူးလက်မှတ်", "ឈ្មោះ,ថ្ងៃខែឆ្នាំកំណើត,សញ្ជាតិ,លិខិតឆ្លងដែន"],
)
def test_a_register_with_burmese_or_khmer_headers_is_read(header: str) -> None:
    data = f"{header}\nAung Kyaw,1980-05-01,MM,MA1234567\n".encode()
    (person,) = read_people("guests.csv", data, "my")
    assert person["name"] == "Aung Kyaw"
    assert person["nationality"] == "MM"
    assert str(person["birth_date"]).startswith("1980")


def test_every_drug_category_has_a_lao_and_a_vietnamese_name() -> None:
    # The seizure pages showed "Cannabis", "Opium" in English to Lao and Vietnamese readers.
    assert drugs()["cannabis"].name("lo") == "ກັນຊາ"
    assert drugs()["opium"].name("vi") == "Thuốc phiện"
    for drug in drugs().values():
        assert drug.lo and LAO.search(drug.lo), drug.code
        assert drug.vi, drug.code
