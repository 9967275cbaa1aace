"""Parsed names and their readings in the shared key space."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from mekongx.matching import _data, han, lao, thai, vietnamese
from mekongx.matching.keys import (
    ascii_fold,
    latin_key,
    latin_syllables,
    pinyin_syllables,
    split_pinyin,
)
from mekongx.matching.normalize import Script, Token, burmese_honorific, tokenize
from mekongx.matching.pinyin_thai import pinyin_to_thai
from mekongx.matching.transcription import part_sounds

_SAE = "แซ่"  # "surname" marker in Thai spellings of Chinese clan names (แซ่ตั้ง)
# Thai spellings that read differently in Chinese names (ü, apical i, ห+ว = hu); other words skip
# the extra parses.
_NO_TONES = str.maketrans(dict.fromkeys("\u0e48\u0e49\u0e4a\u0e4b"))
_SILENT_E = re.compile("[aeiou][bcdfghjklmnpqrstvwxz]e$", re.IGNORECASE)
_CHINESE_SPELLING = re.compile("[\u0e3a]|ว\u0e4c|หว|วิ|วี|อือ|[ซสจชฉร]ือ")


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


@lru_cache(maxsize=200_000)
def parse_name(text: str) -> Name:
    """Normalise a name: honorifics removed, tokens by script, Han folded and segmented."""
    tokens, removed = tokenize(text)
    han_tokens = [t for t in tokens if t.script is Script.HAN]
    folded: list[Token] = []
    for tok in tokens:
        folded.append(
            Token(han.to_simplified(tok.text), tok.script) if tok.script is Script.HAN else tok
        )
    name_han = surname = given = None
    foreign: tuple[str, ...] | None = None
    if han_tokens:
        joined = "".join(t.text for t in folded if t.script is Script.HAN)
        if "·" in joined or _all_thai_table(
            joined, [t.text for t in folded if t.script is Script.HAN]
        ):
            foreign = tuple(p for p in joined.replace("·", " ").split() if p)
            if len([t for t in folded if t.script is Script.HAN]) > 1:
                foreign = tuple(t.text for t in folded if t.script is Script.HAN)
        else:
            name_han = joined
            first = next(t.text for t in folded if t.script is Script.HAN)
            if len(han_tokens) > 1 and first in _data.surnames():
                surname, given = first, joined[len(first) :]
            else:
                surname, given = han.segment(joined)
    return Name(text, tuple(folded), tuple(removed), name_han, surname, given, foreign)


def _all_thai_table(joined: str, pieces: list[str]) -> bool:
    table = _han_to_thai_table()
    return len(pieces) > 1 and all(p in table for p in pieces)


@cache
def _han_to_thai_table() -> dict[str, list[dict[str, str]]]:
    out: dict[str, list[dict[str, str]]] = {}
    for row in _data.thai_han_tokens():
        out.setdefault(row["han"], []).append(row)
    return out


@cache
def _variant_to_pinyin() -> dict[str, tuple[str, ...]]:
    """Dialect/Thai spellings of Chinese surnames -> the pinyin surname readings they stand for."""
    out: dict[str, set[str]] = {}
    for row in _data.surnames().values():
        for v in row.latin_variants:
            out.setdefault(ascii_fold(v), set()).add(row.pinyin)
        for v in row.thai_variants:
            out.setdefault(v, set()).add(row.pinyin)
    return {k: tuple(sorted(v)) for k, v in out.items()}


@cache
def _latin_table() -> dict[str, list[dict[str, str]]]:
    out: dict[str, list[dict[str, str]]] = {}
    for row in _data.thai_han_tokens():
        for v in row["latin"].split("|"):
            out.setdefault(ascii_fold(v), []).append(row)
    return out


@cache
def _thai_to_table() -> dict[str, list[dict[str, str]]]:
    out: dict[str, list[dict[str, str]]] = {}
    for row in _data.thai_han_tokens():
        out.setdefault(row["thai"], []).append(row)
    return out


def _alts(
    pairs: list[tuple[str, str, str]],
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """Deduplicate (display, key, label) triples by key, keeping the first display form."""
    seen: dict[str, tuple[str, str]] = {}
    for display, key, label in pairs:
        if key and key not in seen:
            seen[key] = (display, label)
    keys = tuple(seen)
    return tuple(v[0] for v in seen.values()), keys, tuple(v[1] for v in seen.values())


def _reading(
    system: str,
    parts: list[list[tuple[str, str, str]]],
    surname: int | None = None,
    pinyin: tuple[tuple[str, ...], ...] | None = None,
) -> Reading | None:
    triples = [_alts(p) for p in parts]
    triples = [t for t in triples if t[1]]
    if not triples:
        return None
    return Reading(
        system,
        tuple(t[0] for t in triples),
        tuple(t[1] for t in triples),
        surname if len(triples) == len(parts) else None,
        pinyin,
        tuple(t[2] for t in triples),
    )


def syl_key(syllables: tuple[str, ...] | list[str]) -> str:
    """Key of a multi-syllable word with syllable boundaries kept (``"wei.hoN"``)."""
    return ".".join(k for k in (latin_key(s) for s in syllables) if k)


Triple = tuple[str, str, str]


@cache
def _hu_spellings() -> tuple[str, ...]:
    """Thai spellings with ห+ว that RI49 or THC43 write for a Mandarin hu- syllable (หวา, หวาง).

    Only these read ห+ว as hu: THC43 หวัง is wang and never huang.
    """
    out: set[str] = set()
    for syl in pinyin_syllables():
        if syl.startswith("hu"):
            for tone in "1234":
                for system in ("thc43", "ri49"):
                    try:
                        th = pinyin_to_thai([syl + tone], system).translate(_NO_TONES)
                    except ValueError:
                        continue
                    if "หว" in th:
                        out.add(th)
    return tuple(sorted(out))


def _reads_hu(text: str) -> bool:
    bare = text.translate(_NO_TONES)
    return "หว" in bare and any(sp in bare for sp in _hu_spellings())


def _thai_chinese_keys(th: str, label: str) -> tuple[Triple, ...]:
    """Keys of a Thai rendering of Chinese syllables, ห+ว read as hu where a system writes hu so."""
    out = [(th, syl_key(thai.syllables(th, chinese=True)), label)]
    if _reads_hu(th):
        out.append((th, syl_key(thai.syllables(th, hw=True, chinese=True)), label))
    return tuple(out)


@lru_cache(maxsize=100_000)
def thai_word_keys(word: str) -> tuple[tuple[str, str, str], ...]:
    """(display, key, label) alternatives of one Thai word."""
    bare = word[len(_SAE) :] if word.startswith(_SAE) and len(word) > len(_SAE) + 1 else word
    out = [(word, syl_key(thai.syllables(bare)), "rtgs")]
    # formal reading of Pali-Sanskrit compounds (ศุภชัย su-pha-chai), and the spelling that also
    # sounds silent letters (ชินวัตร Shinawatra, ภักดิ์ pakdi)
    out.append((word, syl_key(thai.syllables(bare, linked=True)), "thai-formal"))
    out.append((word, syl_key(thai.syllables(bare, spelling=True)), "thai-spelling"))
    out.append((word, syl_key(thai.syllables(bare, spelling=True, linked=True)), "thai-spelling"))
    if "ฤ" in bare:  # ฤ is ri (กฤษ krit) or rue (พฤกษ์ phruek, นฤมล na-rue-mon) by word
        out.append((word, syl_key(thai.syllables(bare, rue=True)), "rtgs"))
        out.append((word, syl_key(thai.syllables(bare, linked=True, rue=True)), "thai-formal"))
    # read as a Chinese name: ห+ว is hu (หวา = hua; RI49 even writes huang as หวาง) and the
    # spellings of ü read like pinyin (สฺวี = xu)
    if _CHINESE_SPELLING.search(bare.translate(_NO_TONES)):
        out += [(word, key, label) for _, key, label in _thai_chinese_keys(bare, "rtgs")]
    for py in _variant_to_pinyin().get(bare, ()):
        out.append((word, latin_key(py), "surname-variant"))
    for row in _thai_to_table().get(bare, []):
        for latin in row["latin"].split("|"):
            out.append((word, latin_key(latin), "table"))
        out.append((word, syl_key(han.toneless(han.given_pinyin(row["han"]))), "table-han"))
    return tuple(out)


@lru_cache(maxsize=100_000)
def _given_forms(given: str) -> dict[str, tuple[Triple, ...]]:
    """Readings of a Chinese given name per system (cached: given names repeat a lot)."""
    g_py = han.given_pinyin(given)
    plain = han.toneless(g_py)
    pin: Triple = ("".join(plain), syl_key(plain), "pinyin")
    wg = han.wade_giles_syllables(given)
    out: dict[str, tuple[Triple, ...]] = {
        "pinyin": (pin,),
        "romanisation-variants": (pin, ("".join(wg), syl_key(wg), "wade-giles")),
    }
    for system in ("thc43", "ri49"):
        out[f"thai-{system}"] = _thai_chinese_keys(pinyin_to_thai(g_py, system), f"thai-{system}")
    return out


@lru_cache(maxsize=10_000)
def _surname_forms(surname: str, sandhi: bool) -> dict[str, tuple[Triple, ...]]:
    """Readings of a Chinese surname per system; ``sandhi``: a third tone read as second."""
    s_py = han.surname_pinyin(surname)
    if sandhi:
        s_py = (*s_py[:-1], s_py[-1][:-1] + "2")
    plain = han.toneless(s_py)
    pin: Triple = ("".join(plain), syl_key(plain), "pinyin")
    variants: list[Triple] = []
    if han.toneless(han.given_pinyin(surname)) == plain:  # WG only when the reading agrees
        wg = han.wade_giles_syllables(surname)
        variants.append(("".join(wg), syl_key(wg), "wade-giles"))
    # Dialect (Cantonese, Hokkien, Teochew) spellings are not listed here: the other name's
    # reading maps them back to the pinyin surname (see ``_variant_to_pinyin``), which keeps the
    # number of alternatives, and so the scoring cost, small.
    out: dict[str, tuple[Triple, ...]] = {
        "pinyin": (pin,),
        "romanisation-variants": tuple(variants),
    }
    for system in ("thc43", "ri49"):
        out[f"thai-{system}"] = _thai_chinese_keys(pinyin_to_thai(s_py, system), f"thai-{system}")
    return out


@lru_cache(maxsize=200_000)
def _han_readings_for(surname: str, given: str) -> tuple[Reading, ...]:
    s_py, g_py = han.surname_pinyin(surname), han.given_pinyin(given)
    sandhi = bool(g_py) and s_py[-1].endswith("3") and g_py[0].endswith("3")
    sur = _surname_forms(surname, sandhi)
    giv = _given_forms(given) if given else None
    pin = (han.toneless(s_py), han.toneless(g_py)) if given else (han.toneless(s_py),)
    out: list[Reading] = []
    for system in ("pinyin", "romanisation-variants", "thai-thc43", "thai-ri49"):
        parts = [list(sur[system])]
        if giv is not None:
            parts.append(list(giv[system]))
        r = _reading(system, parts, 0, pin)
        if r is not None:
            out.append(r)
    return tuple(out)


def _han_readings(name: Name) -> list[Reading]:
    assert name.surname is not None and name.given is not None
    return list(_han_readings_for(name.surname, name.given))


def _foreign_han_readings(name: Name) -> list[Reading]:
    assert name.foreign_han is not None
    table = _han_to_thai_table()
    parts: list[list[tuple[str, str, str]]] = []
    for piece in name.foreign_han:
        syl = han.toneless(han.given_pinyin(piece))
        alts = [("".join(syl), syl_key(syl), "pinyin")]
        # read as the sound of a Thai name (颂 song = som, 缴 jiao = kaeo): transcription.py
        alts += [("".join(syl), syl_key(s), "transcription") for s in part_sounds(syl)[1:]]
        for row in table.get(piece, []):
            alts += [(row["thai"], k, "table") for _, k, _ in thai_word_keys(row["thai"])]
            alts += [(v, latin_key(v), "table") for v in row["latin"].split("|")]
        parts.append(alts)
    r = _reading("han-transliteration", parts)
    return [r] if r else []


@cache
def _thai_chinese_surnames() -> frozenset[str]:
    """Thai spellings (tone marks dropped) of Chinese surnames: RI49, THC43 and Teochew forms."""
    out: set[str] = set()
    for row in _data.surnames().values():
        s_py = han.surname_pinyin(row.han)
        for system in ("thc43", "ri49"):
            out.add(pinyin_to_thai(s_py, system).translate(_NO_TONES))
        out.update(v.translate(_NO_TONES) for v in row.thai_variants)
    return frozenset(out)


def _thai_surname_index(texts: list[str]) -> int | None:
    """Which word of a Thai-script name is a Chinese surname, if that is certain.

    แซ่ marks a clan name (แซ่ตั้ง); otherwise a two-word name whose first word is a Thai spelling
    of a Chinese surname is a Chinese name in Chinese order (หลี่ เฉียง): Thai writes Chinese names
    surname first, and Thai given names are not spelt like Chinese surnames.
    """
    sae = [i for i, t in enumerate(texts) if t.startswith(_SAE) and len(t) > len(_SAE) + 1]
    if len(sae) == 1:
        return sae[0]
    if len(texts) == 2 and texts[0].translate(_NO_TONES) in _thai_chinese_surnames():
        return 0
    return None


def _thai_readings(tokens: list[Token]) -> list[Reading]:
    texts = [t.text for t in tokens]
    parts = [list(thai_word_keys(t)) for t in texts]
    r = _reading("thai", parts, _thai_surname_index(texts))
    return [r] if r else []


def _vowel_length_r(syls: tuple[str, ...]) -> tuple[str, ...] | None:
    """Syllables without an r that closes a syllable before another one (Bor-din, Char-oen):
    Thai passport spellings write r after a vowel to mark it long. None when there is none."""
    out = tuple(
        s[:-1] if i < len(syls) - 1 and len(s) > 2 and s[-1] in "rR" and s[-2] in "aeiouAEIOU"
        else s
        for i, s in enumerate(syls)
    )  # fmt: skip
    return out if out != syls else None


def _dialect_surname(word: str) -> bool:
    """A dialect or Wade-Giles spelling of a Chinese surname that is no pinyin surname (Lee, Goh)."""
    folded = ascii_fold(word)
    return folded in _variant_to_pinyin() and folded not in _data.surname_pinyin_share()


def _surname_spelling(word: str) -> bool:
    """Is the word a spelling of a Chinese surname (pinyin, or a dialect form such as Lee, Goh)?"""
    folded = ascii_fold(word)
    return folded in _data.surname_pinyin_share() or folded in _variant_to_pinyin()


def _latin_readings(tokens: list[Token]) -> list[Reading]:
    texts = [t.text for t in tokens]
    caps = [i for i, t in enumerate(texts) if t.isupper() and len(t) > 1]
    surname = caps[0] if len(caps) == 1 and len(texts) > 1 else None
    pins = [split_pinyin(t) for t in texts]
    if surname is None and len(texts) == 2:
        # a dialect surname spelling that is not pinyin (Lee, Wong, Lim) marks the surname
        marked = [i for i, t in enumerate(texts) if _dialect_surname(t)]
        # … unless the other word could be the surname too ("Faan Hung", "Chiang Li")
        if len(marked) == 1 and not _surname_spelling(texts[1 - marked[0]]):
            surname = marked[0]
    pinyin = tuple(p for p in pins if p) if all(pins) else None
    table = _latin_table()
    parts = []
    # pinyin syllables only in a name that reads as Chinese: a word is a Chinese surname spelling
    # and every other word pinyin ("Goh Wenguo"); Thai words split as pinyin go wrong ("Arunee"
    # as a.ru.ne.e, "Saengorun" as sa.eng.o.run)
    chinese = any(_surname_spelling(t) for t in texts) and all(
        p or _surname_spelling(t) for t, p in zip(texts, pins, strict=True)
    )
    for t, syl in zip(texts, pins, strict=True):
        # syllable boundaries: pinyin's, else the hyphens and vowels of the spelling (Wade-Giles
        # "Hsin-hsiu", Thai "Thinwat" = thin.wat), so that syllables compare one to one
        pinyin_word = chinese and syl and "-" not in t and not _dialect_surname(t)
        key = syl_key(syl) if syl and pinyin_word else syl_key(latin_syllables(t))
        alts = [(t, key, "latin")]
        if not chinese and (split := latin_syllables(t, clusters=False)) != latin_syllables(t):
            alts.append((t, syl_key(split), "latin"))  # Phetrat: phet.rat as well as phe.trat
        if not chinese and (long_r := _vowel_length_r(latin_syllables(t))) is not None:
            alts.append((t, syl_key(long_r), "latin"))  # Bordin: bo.din (r marks a long vowel)
        if not chinese and _SILENT_E.search(t):
            # English-style silent e of some Thai passport spellings (Pote, Udomchoke)
            alts.append((t, syl_key(latin_syllables(t[:-1])), "latin"))
        if not chinese:  # Lao names in French habits: Thongloun, Sonexay, Bounnhang
            alts += [(t, syl_key(latin_syllables(v)), "latin") for v in lao.latin_variants(t)]
        if "sh" in t.lower():  # sh is ช in Thai passports but ซ in THC43 Chinese names
            alts.append((t, latin_key(t.lower().replace("sh", "s")), "latin"))
        for py in _variant_to_pinyin().get(ascii_fold(t), ()):
            alts.append((t, latin_key(py), "surname-variant"))
        if syl is None or "-" in t:
            # a Wade-Giles given name read back as pinyin: jen is ren, jui is rui (the key alone
            # would fold WG j with zh/j/q)
            wg = _wade_giles_to_pinyin(t)
            if wg is not None:
                alts.append((t, syl_key(wg), "wade-giles"))
        for row in table.get(ascii_fold(t), []):
            alts += [(t, latin_key(v), "table") for v in row["latin"].split("|")]
        parts.append(alts)
    out: list[Reading | None] = [_reading("latin", parts, surname, pinyin)]
    # "Lan Wei Hong": the given name written as separate syllables
    if len(texts) == 3 and all(p and len(p) == 1 for p in pins):
        for a, b in ((0, 1), (1, 2)):
            merged = [*texts[:a], texts[a] + texts[b].lower(), *texts[b + 1 :]]
            syls = [*pins[:a], (*(pins[a] or ()), *(pins[b] or ())), *pins[b + 1 :]]
            out.append(
                _reading(
                    "latin-joined",
                    [[(t, syl_key(sy or ()), "latin")] for t, sy in zip(merged, syls, strict=True)],
                )
            )
    return [r for r in out if r is not None]


@lru_cache(maxsize=200_000)
def readings(name: Name | str) -> tuple[Reading, ...]:
    """All readings of a name, in every script folded to the shared key space."""
    if isinstance(name, str):
        name = parse_name(name)
    out: list[Reading] = []
    if name.han is not None:
        out += _han_readings(name)
    if name.foreign_han is not None:
        out += _foreign_han_readings(name)
    thai_tokens = [t for t in name.tokens if t.script is Script.THAI]
    if thai_tokens:
        out += _thai_readings(thai_tokens)
    latin_tokens = [t for t in name.tokens if t.script is Script.LATIN]
    if latin_tokens:
        out += _latin_readings(latin_tokens)
        if (vi := _vietnamese_reading(latin_tokens)) is not None:
            out.append(vi)
        if burmese_honorific([t.text for t in latin_tokens]):
            # U Thein Sein is also Thein Sein: a Burmese courtesy word neither costs nor makes
            # a match (the reading with it stays: Ma and Ko are Chinese surnames too)
            out += _latin_readings(latin_tokens[1:])
    return tuple(out)


def _vietnamese_reading(tokens: list[Token]) -> Reading | None:
    """Nguyễn Văn An read as the Mandarin of 阮文安 (ruan / wen.an), family name first."""
    parts = vietnamese.reading_parts([t.text for t in tokens])
    return None if parts is None else _reading("han-viet", parts, 0)


@cache
def _wade_giles_table() -> dict[str, str]:
    """Wade-Giles syllable (ASCII, no apostrophe) -> the commonest pinyin syllable it spells."""
    from pypinyin import Style
    from pypinyin.style import convert

    share = _data.given_syllable_share()
    out: dict[str, str] = {}
    for syl in sorted(pinyin_syllables()):
        wg = ascii_fold(convert(syl.replace("v", "ü"), Style.WADEGILES, strict=False)).replace(
            "v", "u"
        )
        if wg not in out or share.get(syl, 0.0) > share.get(out[wg], 0.0):
            out[wg] = syl
    return out


@lru_cache(maxsize=100_000)
def _wade_giles_to_pinyin(word: str) -> tuple[str, ...] | None:
    """Pinyin of a Wade-Giles given name ("I" -> yi, "Chien-ying" -> jian ying), or None."""
    table = _wade_giles_table()
    out = tuple(table.get(ascii_fold(s).replace("v", "u"), "") for s in latin_syllables(word))
    return out if out and all(out) else None


def rarity(name: Name) -> float | None:
    """-log10 of the expected share of people with this Chinese name, or None if not Chinese-like.

    Rare names ("Lan Weihong", about 6) are stronger evidence of identity than common ones
    ("Wang Wei", about 2.3).
    """
    sur: str | None = None
    given: tuple[str, ...] = ()
    if name.han is not None and name.surname is not None:
        sur = "".join(han.toneless(han.surname_pinyin(name.surname)))
        given = han.toneless(han.given_pinyin(name.given or ""))
    else:
        latin = [t.text for t in name.tokens if t.script is Script.LATIN]
        if len(latin) < 2 or len(latin) > 3:
            return None
        share = _data.surname_pinyin_share()
        values: list[float] = []
        # either end may be the surname; without a mark, the commoner reading counts (the weaker
        # evidence): "Yi Huang" is as common as Huang Yi
        for cand, rest in ((latin[0], latin[1:]), (latin[-1], latin[:-1])):
            key = ascii_fold(cand)
            pieces = [split_pinyin(r) or _wade_giles_to_pinyin(r) for r in rest]
            # a dialect spelling (Lee, Wong, Tan) counts as the surname it stands for
            readings_of = [key] if key in share else list(_variant_to_pinyin().get(key, ()))
            if readings_of and all(pieces):
                sur = max(readings_of, key=lambda r: share.get(r, 0.0))
                values.append(_name_rarity(sur, tuple(s for p in pieces if p for s in p)))
        return min(values) if values else None
    return _name_rarity(sur, given)


def _name_rarity(sur: str, given: tuple[str, ...]) -> float:
    value = -math.log10(han.surname_share(sur) / 1000.0)
    for syl in given:
        value += -math.log10(han.given_share(syl) / 1000.0)
    return value
