"""The region's places in Thai, Chinese and English, with codes (``data/gazetteer.csv``; its
sources in ``data/README.md``).

``places_in(text)`` finds the places a text names, in any of the three scripts; the search index
stores their codes (and their parents' codes) as words, so a place named in one script finds the
records that name it in another (清莱 ↔ เชียงราย ↔ Chiang Rai).
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["Place", "find", "load", "places_in", "token"]


@dataclass(frozen=True, slots=True)
class Place:
    code: str
    kind: str
    country: str
    parent: str
    en: tuple[str, ...]
    th: tuple[str, ...]
    zh: tuple[str, ...]
    source: str
    verified: str

    def name(self, lang: str) -> str:
        """The place's first name in ``lang`` (th, zh), else its English name."""
        names = self.th if lang == "th" else self.zh if lang == "zh" else ()
        return names[0] if names else self.en[0]


# Scripts whose combining marks are letters of the word (Thai, Lao, Burmese, Khmer), not accents
_MARKS_KEPT = re.compile(r"[\u0E00-\u0EFF\u1000-\u109F\u1780-\u17FF\uA9E0-\uA9FF\uAA60-\uAA7F]")


class _Marks(dict[int, int | None]):
    """``str.translate`` table that drops combining marks other than those kept; filled as
    characters are met (the C loop asks Python only about a character it has not seen before)."""

    def __missing__(self, code: int) -> int | None:
        char = chr(code)
        kept = not unicodedata.combining(char) or _MARKS_KEPT.match(char) is not None
        self[code] = code if kept else None
        return self[code]


_MARKS = _Marks()


def _fold(text: str) -> str:
    """Case, width and diacritics folded; dashes and apostrophes as spaces (Pu'er, Mae Sai–…)."""
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).casefold())
    text = text.translate(_MARKS)
    return unicodedata.normalize("NFC", re.sub(r"[\s'’\-–—]+", " ", text))


def _split(cell: str) -> tuple[str, ...]:
    return tuple(n.strip() for n in cell.split("|") if n.strip())


@cache
def load() -> dict[str, Place]:
    """Every place by code (read once per process)."""
    text = resources.files("mekongx.text").joinpath("data/gazetteer.csv").read_text("utf-8")
    places: dict[str, Place] = {}
    for row in csv.DictReader(text.splitlines()):
        place = Place(row["code"], row["kind"], row["country"], row["parent"],
                      _split(row["en"]), _split(row["th"]), _split(row["zh"]), row["source"],
                      row["verified"])  # fmt: skip
        places[place.code] = place
    return places


def _trie(names: list[str]) -> str:
    """A regular expression matching exactly ``names``, written as their character trie
    (``mae(?: s(?:ai|ot))?``): at each position of a text the engine follows one path instead
    of trying every name in turn. Going deeper is tried first, so the longest name that fits
    (with what follows it) wins, as in an alternation of the names longest first."""
    root: dict[str, dict[str, Any]] = {}
    for name in names:
        node = root
        for char in name:
            node = node.setdefault(char, {})
        node[""] = {}  # a name ends here

    def emit(node: dict[str, dict[str, Any]]) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root) if root else "(?!)"  # no names: matches nothing


@cache
def _patterns() -> tuple[re.Pattern[str], dict[str, str]]:
    """One expression for every name, and each folded name's place code. At a position, the
    longest Latin name wins, then the longest other one. Latin names match whole words; Thai and
    Chinese names match inside a run of text (neither script puts spaces between words)."""
    codes: dict[str, str] = {}
    for place in load().values():
        for name in (*place.en, *place.th, *place.zh):
            codes.setdefault(_fold(name), place.code)
    latin = _trie([n for n in codes if n.isascii()])
    other = _trie([n for n in codes if not n.isascii()])
    return re.compile(rf"(?<![0-9a-z])(?:{latin})(?![0-9a-z])|{other}"), codes


def find(text: str) -> list[tuple[int, int, Place]]:
    """(start, end, place) of every place named in ``text``, as offsets into the folded text."""
    pattern, codes = _patterns()
    places = load()
    return [(m.start(), m.end(), places[codes[m.group(0)]]) for m in pattern.finditer(_fold(text))]


def with_parents(place: Place) -> list[Place]:
    places = load()
    out = [place]
    while out[-1].parent and out[-1].parent in places and len(out) < 6:
        out.append(places[out[-1].parent])
    return out


def places_in(text: str) -> list[Place]:
    """The places ``text`` names, each once, in order of first mention."""
    seen: dict[str, Place] = {}
    for _, _, place in find(text):
        seen.setdefault(place.code, place)
    return list(seen.values())


def token(place: Place) -> str:
    """The index word of a place (letters and digits only): ``TH-57`` -> ``zzplaceth57``."""
    return "zzplace" + re.sub(r"[^0-9a-z]", "", place.code.casefold())


def folded(text: str) -> str:
    return _fold(text)
