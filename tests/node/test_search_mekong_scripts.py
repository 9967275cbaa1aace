"""Search in Lao, Burmese and Khmer, written like Thai without spaces between words: a word
inside a run of text finds its record (character bigrams, as for Thai)."""

from __future__ import annotations

from typing import Any

import pytest

from mekongx.domains.intel import service as intel
from mekongx.text import query_tokens

LAO = "ຈັບກຸມຜູ້ຕ້ອງສົງໄສພ້ອມຢາບ້າ"  # arrested a suspect with methamphetamine tablets
BURMESE = "တာချီလိတ်မြို့တွင်မူးယစ်ဆေးဝါးဖမ်းဆီးရမိ။"  # narcotic drugs seized in Tachileik town
KHMER = "ការរឹបអូសគ្រឿងញៀននៅខេត្តស្ទឹងត្រែង។"  # seizure of drugs in Stung Treng province


@pytest.fixture
def indexed(world: Any) -> Any:
    for title in (LAO, BURMESE, KHMER):
        world.report("thai_liaison", title=title, narrative="-", language="en")
    return world


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("ຜູ້ຕ້ອງສົງໄສ", {LAO}),  # "suspect", inside the Lao run
        ("ຢາບ້າ", {LAO}),
        ("မူးယစ်ဆေးဝါး", {BURMESE}),  # "narcotic drugs", inside the Burmese run
        ("တာချီလိတ်", {BURMESE}),
        ("គ្រឿងញៀន", {KHMER}),  # "drugs", inside the Khmer run
        ("ស្ទឹងត្រែង", {KHMER}),
        ("ເຮໂຣອີນ", set()),  # heroin: in none of them
        ("ဘိန်းဖြူ", set()),
        ("ហេរ៉ូអ៊ីន", set()),
    ],
)
def test_a_word_inside_a_run_finds_its_record(indexed: Any, query: str, expected: set[str]) -> None:
    with indexed.db.read() as session:
        found = intel.search_reports(session, indexed.principal("thai_viewer"), query)
    assert {r.title for r in found} == expected


def test_sentence_marks_end_a_run() -> None:
    assert query_tokens("ក។ខ") == query_tokens("ក ខ")
    assert query_tokens("က။ခ") == query_tokens("က ခ")
