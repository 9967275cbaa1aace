"""Reasons and column names in the reader's language, names included.

A reason keeps language-neutral parameters (the register's English substance name, the canonical
column name, a business class): that is what is stored and exported as codes. Rendered for a Thai
or Chinese reader, each of them is put in that language first: the substance's Thai or Chinese
name from the register, the column's Thai or Chinese header, the place's local name, the words of
``messages.TERMS``. Nothing English-only reaches a Thai or Chinese page through a reason.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache

from mekongx.chemistry.declarations import HEADER_ALIASES
from mekongx.chemistry.messages import TERMS, render
from mekongx.chemistry.register import Place, Substance
from mekongx.chemistry.register_files import load_register

__all__ = ["column_label", "reason_text", "substance_label"]

# a header is in a language when it has a letter of its script (Vietnamese: a letter English
# has not, which every Vietnamese header of ``declarations`` carries)
_SCRIPT = {
    "th": re.compile("[\u0e00-\u0e7f]"),
    "zh": re.compile("[\u4e00-\u9fff]"),
    "lo": re.compile("[\u0e80-\u0eff]"),
    "my": re.compile("[\u1000-\u109f]"),
    "km": re.compile("[\u1780-\u17ff]"),
    "vi": re.compile("[ăâđêôơưĂÂĐÊÔƠƯ\u0300-\u0323\u1ea0-\u1ef9]"),
}


def column_label(column: str, lang: str) -> str:
    """A canonical column's header in ``lang``: its first alias in that language's script (every
    alias is accepted when a file is read), else the canonical name."""
    script = _SCRIPT.get(lang)
    if script is None:
        return column
    return next((a for a in HEADER_ALIASES.get(column, ()) if script.search(a)), column)


def substance_label(sub: Substance, lang: str) -> str:
    """The substance's first name in ``lang`` (Thai or Chinese), or its English name."""
    if lang == "zh" and sub.zh:
        return sub.zh[0]
    if lang == "th" and sub.th:
        return sub.th[0].name
    return sub.name


def _place_label(place: Place, lang: str) -> str:
    names = place.th if lang == "th" else place.zh if lang == "zh" else ()
    return names[0] if names else (place.en[0].title() if place.en else place.id)


@cache
def _substances() -> dict[str, Substance]:
    return {sub.name: sub for sub in load_register().substances}


@cache
def _places() -> dict[str, Place]:
    return {(p.en[0].title() if p.en else p.id): p for p in load_register().places}


def _local(key: str, value: str, lang: str) -> str:
    if key == "substance" and (sub := _substances().get(value)) is not None:
        return substance_label(sub, lang)
    if key == "substances":  # one per line in the stored parameter
        separator = "、" if lang == "zh" else ", "
        return separator.join(_local("substance", v, lang) for v in value.split("\n"))
    if key == "field" and value in HEADER_ALIASES:
        return column_label(value, lang)
    if key == "place" and (place := _places().get(value)) is not None:
        return _place_label(place, lang)
    if key in ("business", "language") and (term := TERMS.get(f"{key}.{value}")) is not None:
        return term.get(lang) or term["en"]
    return value


def reason_text(code: str, params: Mapping[str, str], lang: str) -> str:
    """The reason ``code`` in ``lang`` with its names in ``lang`` too."""
    localised = {k: _local(k, str(v), lang) for k, v in params.items()}
    return render(code, lang, **localised)
