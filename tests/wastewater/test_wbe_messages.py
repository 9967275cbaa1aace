"""Every human-readable text exists in English, Thai and Simplified Chinese."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mekongx.wastewater import LANGUAGES, WbeError, render
from mekongx.wastewater.messages import MESSAGES, template_fields
from mekongx.wastewater.montecarlo import TERMS

SOURCES = [
    *sorted((Path(__file__).parents[2] / "src/mekongx/wastewater").glob("*.py")),
    Path(__file__).parents[2] / "src/mekongx/cli/wbe.py",
]


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_every_code_has_all_three_languages_with_the_same_fields(code: str) -> None:
    templates = MESSAGES[code]
    assert set(templates) == set(LANGUAGES)
    assert all(templates[lang].strip() for lang in LANGUAGES)
    fields = {lang: template_fields(templates[lang]) for lang in LANGUAGES}
    assert fields["th"] == fields["en"] == fields["zh"]


def test_thai_and_chinese_texts_are_written_in_their_scripts() -> None:
    for code, templates in MESSAGES.items():
        assert re.search("[\u0e00-\u0e7f]", templates["th"]), code
        assert re.search("[\u4e00-\u9fff]", templates["zh"]), code


def test_every_code_used_in_the_source_is_defined() -> None:
    pattern = re.compile(r"""(?:WbeError|Flag|render|_fail)\(\s*"([a-z_]+\.[a-z_.]+)\"""")
    used = set()
    for path in SOURCES:
        used |= set(pattern.findall(path.read_text(encoding="utf-8")))
    assert used, "the pattern should find message codes"
    assert used <= set(MESSAGES), used - set(MESSAGES)


def test_every_budget_term_has_a_label() -> None:
    for term in TERMS:
        assert f"budget.term.{term}" in MESSAGES


def test_errors_render_in_each_language() -> None:
    error = WbeError("unit.unknown_flow", unit="gal/d", allowed="m3/d")
    assert "gal/d" in str(error)
    assert "อัตราการไหล" in error.render("th")
    assert "流量" in error.render("zh")
    assert render("unit.unknown_flow", "xx", unit="a", allowed="b") == error.render("en").replace(
        "gal/d", "a"
    ).replace("m3/d", "b")
