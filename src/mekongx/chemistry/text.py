"""Text normalisation shared by the register index and the screening of declarations.

Three forms of a string:

* ``fold``: NFKC, lower case, Latin accents removed, Greek letters spelt out
  (``α`` -> ``alpha``), everything else kept;
* ``latin_tokens``: the ASCII letter/digit runs of the folded text (``1-phenyl-2-propanone``
  -> ``['1', 'phenyl', '2', 'propanone']``);
* ``dense``: the folded text without spaces and punctuation, for Thai and Chinese, which are
  written without spaces between words. Thai vowel and tone marks are combining characters and
  are kept.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["dense", "fold", "has_non_ascii", "latin_tokens"]

_GREEK = str.maketrans(
    {
        "α": " alpha ",
        "β": " beta ",
        "γ": " gamma ",
        "δ": " delta ",
        "ω": " omega ",
        "µ": "u",
        "μ": "u",
    }
)
_COMBINING_LATIN = re.compile(r"[\u0300-\u036f]")
_TOKEN = re.compile(r"[a-z0-9]+")
_DENSE_DROP = re.compile(r"[\s\-_,.;:()\[\]{}/\\'\"`~!@#$^&*+=<>?|，。；：（）【】、《》“”‘’·…—–]+")


def fold(text: str) -> str:
    """Case-folded, compatibility-normalised text (see module docstring)."""
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKC", text).lower().translate(_GREEK)
    if not text.isascii():
        decomposed = unicodedata.normalize("NFD", text)
        if _COMBINING_LATIN.search(decomposed):
            text = unicodedata.normalize("NFC", _COMBINING_LATIN.sub("", decomposed))
    return text


def has_non_ascii(folded: str) -> bool:
    return not folded.isascii()


def latin_tokens(folded: str) -> list[str]:
    """ASCII letter/digit runs of already-folded text."""
    return _TOKEN.findall(folded)


def dense(folded: str) -> str:
    """Folded text without whitespace and punctuation."""
    return _DENSE_DROP.sub("", folded)
