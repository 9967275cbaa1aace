"""The notes of the shipped parameter files in the reader's language.

A parameter file writes its notes (an analyte's note, its stability notes) in English, the
words of the sources they summarise; ``data/notes_i18n.yaml`` holds each shipped note in the
interface's other languages, keyed by the English note. A note that is not there (a parameter
file of one's own) has no translation: the caller shows the English and says so.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Final

import yaml

__all__ = ["TRANSLATED", "note_in"]

TRANSLATED: Final = ("th", "zh", "lo", "my", "km", "vi")


@cache
def _table() -> dict[str, dict[str, str]]:
    text = resources.files("mekongx.wastewater").joinpath("data/notes_i18n.yaml").read_text("utf-8")
    raw = yaml.safe_load(text) or {}
    return {str(note): {str(k): str(v) for k, v in texts.items()} for note, texts in raw.items()}


def note_in(note: str, lang: str) -> str | None:
    """``note`` in ``lang``: the note itself in English, its translation, or None when the note
    has no translation into ``lang``."""
    if lang == "en":
        return note
    return _table().get(note, {}).get(lang) or None
