"""The notes of the shipped parameter sets (an analyte's note, its stability notes) exist in
every language of the interface, in that language's script and with the English note's
figures; a note of one's own has no translation."""

from __future__ import annotations

import re

import pytest

from mekongx.wastewater import notes
from mekongx.wastewater.param_files import all_builtin_names, builtin_parameter_set

SCRIPTS = {
    "th": "[\u0e00-\u0e7f]",
    "zh": "[\u4e00-\u9fff]",
    "lo": "[\u0e80-\u0eff]",
    "my": "[\u1000-\u109f]",
    "km": "[\u1780-\u17ff]",
    "vi": "[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]",
}


def _shipped_notes() -> set[str]:
    found = set()
    for name in all_builtin_names():
        for analyte in builtin_parameter_set(name).analytes.values():
            if analyte.excretion_note:
                found.add(analyte.excretion_note)
            found |= {s.note for s in analyte.stability}
    return found


def test_the_shipped_sets_have_notes() -> None:
    assert len(_shipped_notes()) >= 20


@pytest.mark.parametrize("note", sorted(_shipped_notes()))
@pytest.mark.parametrize("lang", notes.TRANSLATED)
def test_every_shipped_note_in_every_language(note: str, lang: str) -> None:
    text = notes.note_in(note, lang)
    assert text and text != note, (lang, note)
    assert re.search(SCRIPTS[lang], text), (lang, text)
    assert set(re.findall(r"\d+", note)) <= set(re.findall(r"\d+", text)), (lang, text)


def test_english_is_the_note_itself_and_an_unknown_note_has_no_translation() -> None:
    assert notes.note_in("stable in laboratory sewer reactors", "en") == (
        "stable in laboratory sewer reactors"
    )
    assert notes.note_in("a note written for one lab's own parameter file", "th") is None
