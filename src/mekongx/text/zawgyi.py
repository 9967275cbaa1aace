"""Burmese typed in the Zawgyi font encoding: detected and converted to Unicode.

Much Burmese text is still typed with the Zawgyi font, which puts its own glyphs on Myanmar code
points: the vowel sign E (U+1031) and the medial RA are stored *before* the consonant they are
drawn with, U+1039 (the Unicode virama) is its visible asat, the four medials sit one code point
off their Unicode places, and stacked consonants, kinzi and glyph variants take code points that
Unicode gives to Mon, Shan and Karen letters (U+105A, U+1060–U+1097). Unicode text does none of
this, so the two can be told apart by patterns that only one of them produces.

Sources of the rules (the code is our own):
- Unicode Technical Note #11, "Representing Myanmar in Unicode" (Martin Hosken, version 4),
  https://www.unicode.org/notes/tn11/ — the storage order of a Unicode syllable, used to
  reorder each converted syllable.
- Rabbit converter (Ko Saturngod and contributors, MIT),
  https://github.com/Rabbit-Converter/Rabbit, ``rule.json``: the Zawgyi → Unicode character
  mapping (medials, stacked consonants, kinzi, glyph variants, ``၀``/``ဝ`` and ``ဥ``/``ဉ``).
- Google myanmar-tools, https://github.com/google/myanmar-tools: the same distinctions are the
  features of its detector (a Markov model trained on web text); this module uses hand-written
  rules instead, so it needs no model file and gives the same answer on every node.

``is_zawgyi`` scores the patterns found only in Zawgyi against those found only in Unicode and
needs at least one Zawgyi pattern; ``to_unicode`` maps the code points, moves the prefixed marks
behind their consonant and sorts each syllable's marks into the Unicode order. ``normalise``
does both: the form and import code calls it and tells the user when it converted.
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["Normalised", "is_zawgyi", "normalise", "to_unicode"]

_CONSONANT = "\u1000-\u1021"

# Patterns only Zawgyi produces.
_ZAWGYI_ONLY = [
    # its glyph variants, stacked consonants and kinzi (Mon/Shan/Karen letters in Unicode)
    re.compile(r"[\u105A\u1060-\u1097]"),
    # its asat is U+1039, which in Unicode (the virama) is always followed by a consonant
    re.compile(rf"\u1039(?![{_CONSONANT}])"),
    # vowel sign E stored before its consonant: at the start of a word or after a vowel sign
    re.compile(
        r"(?:^|[^\u1000-\u102A\u103B-\u103F\u104E])\u1031(?=[\u1000-\u1021\u103B\u107E-\u1084])"
    ),
    # medial RA (U+103B in Zawgyi) stored before its consonant
    re.compile(rf"(?:^|[^{_CONSONANT}\u1031])\u103B(?=[{_CONSONANT}])"),
    # its alternative vowel signs U and UU
    re.compile(r"[\u1033\u1034]"),
]
# Patterns only Unicode produces.
_UNICODE_ONLY = [
    re.compile(r"\u1004\u103A\u1039"),  # kinzi
    re.compile(r"\u103E"),  # medial HA (Zawgyi has it at U+103D)
    # vowel sign E after its consonant and medials, closing the syllable
    re.compile(rf"[{_CONSONANT}][\u103B-\u103E]*\u1031(?![{_CONSONANT}\u103B\u107E-\u1084])"),
]


def is_zawgyi(text: str) -> bool:
    """Whether ``text`` holds Burmese typed in Zawgyi (text with no Burmese is not)."""
    if not re.search(r"[\u1000-\u109F]", text):
        return False
    zawgyi = sum(len(p.findall(text)) for p in _ZAWGYI_ONLY)
    unicode = sum(len(p.findall(text)) for p in _UNICODE_ONLY)
    return zawgyi > 0 and zawgyi > unicode


_KINZI = "\u1004\u103a\u1039"
# One Zawgyi code point → its Unicode sequence.
_MAP = {
    "\u1039": "\u103A",  # asat
    "\u103A": "\u103B",  # medial YA
    "\u103B": "\u103C",  # medial RA
    "\u107E": "\u103C", "\u107F": "\u103C", "\u1080": "\u103C", "\u1081": "\u103C",
    "\u1082": "\u103C", "\u1083": "\u103C", "\u1084": "\u103C",
    "\u103C": "\u103D",  # medial WA
    "\u103D": "\u103E",  # medial HA
    "\u1087": "\u103E",
    "\u107D": "\u103B",
    "\u108A": "\u103D\u103E",
    "\u1088": "\u103E\u102F",
    "\u1089": "\u103E\u1030",
    "\u1033": "\u102F",
    "\u1034": "\u1030",
    "\u105A": "\u102B\u103A",
    "\u108E": "\u102D\u1036",
    "\u1094": "\u1037", "\u1095": "\u1037",
    "\u1086": "\u103F",
    "\u106A": "\u1009",
    "\u106B": "\u100A",
    "\u108F": "\u1014",
    "\u1090": "\u101B",
    "\u1064": _KINZI,
    "\u108B": _KINZI + "\u102D",
    "\u108C": _KINZI + "\u102E",
    "\u108D": _KINZI + "\u1036",
    "\u1060": "\u1039\u1000", "\u1061": "\u1039\u1001", "\u1062": "\u1039\u1002",
    "\u1063": "\u1039\u1003", "\u1065": "\u1039\u1005", "\u1066": "\u1039\u1006",
    "\u1067": "\u1039\u1006", "\u1068": "\u1039\u1007", "\u1069": "\u1039\u1008",
    "\u106C": "\u1039\u100B", "\u106D": "\u1039\u100C", "\u1070": "\u1039\u100F",
    "\u1071": "\u1039\u1010", "\u1072": "\u1039\u1010", "\u1073": "\u1039\u1011",
    "\u1074": "\u1039\u1011", "\u1075": "\u1039\u1012", "\u1076": "\u1039\u1013",
    "\u1077": "\u1039\u1014", "\u1078": "\u1039\u1015", "\u1079": "\u1039\u1016",
    "\u107A": "\u1039\u1017", "\u107B": "\u1039\u1018", "\u1093": "\u1039\u1018",
    "\u107C": "\u1039\u1019", "\u1085": "\u1039\u101C",
    "\u1096": "\u1039\u1010\u103D",
    "\u106E": "\u100D\u1039\u100D", "\u106F": "\u100D\u1039\u100E",
    "\u1091": "\u100F\u1039\u100D", "\u1092": "\u100B\u1039\u100C",
    "\u1097": "\u100B\u1039\u100B",
}  # fmt: skip
_MAPPED = re.compile("[" + "".join(_MAP) + "]")

# Unicode storage order of the marks after a consonant (UTN #11): medials Y R W H, vowel E,
# upper vowels, lower vowels, AA, anusvara, dot below, asat, visarga.
_RANK = {
    "\u103B": 1, "\u103C": 2, "\u103D": 3, "\u103E": 4, "\u1031": 5,
    "\u102D": 6, "\u102E": 6, "\u1032": 6, "\u102F": 7, "\u1030": 7,
    "\u102B": 8, "\u102C": 8, "\u1036": 9, "\u1037": 10, "\u103A": 11, "\u1038": 12,
}  # fmt: skip
# After mapping, a Zawgyi syllable is: prefixed marks (vowel E, medial RA), a base (kinzi
# moved in front, the consonant, stacked consonants), then its other marks.
_SYLLABLE = re.compile(
    r"(?P<pre>[\u1031\u103C]*)"
    rf"(?P<base>(?:{_KINZI})?[\u1000-\u102A\u103F\u104E](?:\u1039[{_CONSONANT}])*)"
    r"(?P<post>[\u102B-\u1030\u1032-\u1038\u103A\u103B\u103D\u103E]*)"
)


def _syllable(match: re.Match[str]) -> str:
    marks = sorted(dict.fromkeys(match["pre"] + match["post"]), key=lambda c: _RANK.get(c, 13))
    return match["base"] + "".join(marks)


def to_unicode(text: str) -> str:
    """Zawgyi-encoded ``text`` as Unicode (only the Myanmar characters change)."""
    text = text.replace("\u200b", "")
    text = re.sub(r"\u1025(?=[\u1039\u103A])", "\u1009", text)  # ဥ + asat is NYA
    text = text.replace("\u1025\u102e", "\u1026")
    text = re.sub(r"\u1044(?=\u1004\u1039\u1038)", "\u104e", text)  # ၎င္း
    # the digits zero and seven typed for the letters WA and RA inside words
    text = re.sub(
        r"(?<=[\u1031\u103B])\u1040|\u1040(?=[\u102B-\u1038\u103A-\u103D])", "\u101d", text
    )
    text = re.sub(
        r"(?<=[\u1031\u103B])\u1047|\u1047(?=[\u102B-\u1038\u103A-\u103D])", "\u101b", text
    )
    text = _MAPPED.sub(lambda m: _MAP[m.group(0)], text)
    # Zawgyi draws kinzi over the consonant it is typed after; Unicode stores it before
    text = re.sub(rf"([{_CONSONANT}])({_KINZI})", r"\2\1", text)
    return _SYLLABLE.sub(_syllable, text)


class Normalised(NamedTuple):
    text: str
    converted: bool  # it was Zawgyi and is now Unicode: tell the user


def normalise(text: str) -> Normalised:
    """``text`` in Unicode: converted from Zawgyi if it was Zawgyi, else unchanged."""
    if is_zawgyi(text):
        return Normalised(to_unicode(text), True)
    return Normalised(text, False)
