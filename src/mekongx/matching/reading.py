"""A parsed name and one way of writing it (a reading), in the shared key space."""

from __future__ import annotations

from dataclasses import dataclass, field

from mekongx.matching.keys import latin_key
from mekongx.matching.normalize import Script, Token


@dataclass(frozen=True, slots=True)
class Name:
    """A person's name after normalisation.

    ``han`` is the simplified Han form of a Chinese-style name, split into ``surname`` and
    ``given``; ``foreign_han`` holds the pieces of a Han transliteration of a foreign name
    (他信·西那瓦 -> ("他信", "西那瓦")).
    """

    original: str
    tokens: tuple[Token, ...]
    honorifics: tuple[str, ...] = ()
    han: str | None = None
    surname: str | None = None
    given: str | None = None
    foreign_han: tuple[str, ...] | None = None
    # one-word nicknames written in the name and set aside (Somchai (Nok) Wongsawat)
    nicknames: tuple[str, ...] = ()

    @property
    def scripts(self) -> frozenset[Script]:
        return frozenset(t.script for t in self.tokens)

    @property
    def script(self) -> Script:
        """The script of the name (the first token's if several are mixed)."""
        return self.tokens[0].script if self.tokens else Script.OTHER

    @property
    def text(self) -> str:
        return " ".join(t.text for t in self.tokens)


@dataclass(frozen=True, slots=True)
class Reading:
    """One way of writing a name, as parts (surname / given name / family name …).

    ``alternatives[i]`` lists display forms of part ``i`` and ``keys[i]`` their phonetic keys in the
    same order (the first is the primary form). ``surname`` is the index of the part known to be the
    surname, if any. ``pinyin`` keeps the toneless pinyin syllables per part when known.
    """

    system: str
    alternatives: tuple[tuple[str, ...], ...]
    keys: tuple[tuple[str, ...], ...]
    surname: int | None = None
    pinyin: tuple[tuple[str, ...], ...] | None = None
    labels: tuple[tuple[str, ...], ...] = field(default=())

    @property
    def parts(self) -> tuple[str, ...]:
        return tuple(alts[0] for alts in self.alternatives)

    @property
    def text(self) -> str:
        return " ".join(self.parts)


def _alts(
    pairs: list[tuple[str, str, str]],
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """Deduplicate (display, key, label) triples by key, keeping the first display form."""
    displays: dict[str, str] = {}
    labels: dict[str, str] = {}
    for display, key, label in pairs:
        if key and key not in displays:
            displays[key] = display
            labels[key] = label
    return tuple(displays.values()), tuple(displays), tuple(labels.values())


def make_reading(
    system: str,
    parts: list[list[tuple[str, str, str]]],
    surname: int | None = None,
    pinyin: tuple[tuple[str, ...], ...] | None = None,
) -> Reading | None:
    triples = [_alts(p) for p in parts]
    triples = [t for t in triples if t[1]]
    if not triples:
        return None
    alternatives, keys, labels = zip(*triples, strict=True)
    return Reading(
        system, alternatives, keys, surname if len(triples) == len(parts) else None, pinyin, labels
    )


def syl_key(syllables: tuple[str, ...] | list[str]) -> str:
    """Key of a multi-syllable word with syllable boundaries kept (``"wei.hoN"``)."""
    return ".".join([k for k in map(latin_key, syllables) if k])


Triple = tuple[str, str, str]
