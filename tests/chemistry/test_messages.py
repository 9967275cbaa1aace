from __future__ import annotations

import string

from mekongx.chemistry import LANGUAGES, MESSAGES, render


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_message_in_three_languages_with_the_same_fields() -> None:
    for code, templates in MESSAGES.items():
        assert set(templates) == set(LANGUAGES), code
        assert all(t.strip() for t in templates.values()), code
        assert _fields(templates["th"]) == _fields(templates["en"]) == _fields(templates["zh"]), (
            code
        )


def test_render() -> None:
    assert "row 3" in render("BAD_QUANTITY", "en", row=3, column="qty", value="x")
    assert "แถว 3" in render("BAD_QUANTITY", "th", row=3, column="qty", value="x")
    assert "第 3 行" in render("BAD_QUANTITY", "zh", row=3, column="qty", value="x")
