"""Chinese names read in every system the engine compares: pinyin, Wade-Giles, the dialect
spellings of surnames (Lee, Goh, Tan), the Thai systems RI49 and THC43; and how rare a name is."""

from __future__ import annotations

import math
from functools import cache, lru_cache

from mekongx.matching import _data, han, southern_chinese, thai
from mekongx.matching.keys import (
    EXACT,
    ascii_fold,
    latin_key,
    latin_syllables,
    pinyin_syllables,
    split_pinyin,
)
from mekongx.matching.normalize import Script
from mekongx.matching.pinyin_thai import pinyin_to_thai
from mekongx.matching.reading import Name, Reading, Triple, make_reading, syl_key

NO_TONES = str.maketrans(dict.fromkeys("\u0e48\u0e49\u0e4a\u0e4b"))


@cache
def variant_to_pinyin() -> dict[str, tuple[str, ...]]:
    """Dialect/Thai spellings of Chinese surnames -> the pinyin surname readings they stand for."""
    out: dict[str, set[str]] = {}
    for row in _data.surnames().values():
        for v in row.latin_variants:
            out.setdefault(ascii_fold(v), set()).add(row.pinyin)
        for v in row.thai_variants:
            out.setdefault(v, set()).add(row.pinyin)
    return {k: tuple(sorted(v)) for k, v in out.items()}


@cache
def variant_targets() -> frozenset[str]:
    """Pinyin surnames that some dialect or Thai spelling stands for."""
    return frozenset(p for ps in variant_to_pinyin().values() for p in ps)


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
                        th = pinyin_to_thai([syl + tone], system).translate(NO_TONES)
                    except ValueError:
                        continue
                    if "หว" in th:
                        out.add(th)
    return tuple(sorted(out))


def _reads_hu(text: str) -> bool:
    bare = text.translate(NO_TONES)
    return "หว" in bare and any(sp in bare for sp in _hu_spellings())


def thai_chinese_keys(th: str, label: str) -> tuple[Triple, ...]:
    """Keys of a Thai rendering of Chinese syllables, ห+ว read as hu where a system writes hu so."""
    out = [(th, syl_key(thai.syllables(th, chinese=True)), label)]
    if _reads_hu(th):
        out.append((th, syl_key(thai.syllables(th, hw=True, chinese=True)), label))
    return tuple(out)


def _wade_giles_key(wg: tuple[str, ...], plain: tuple[str, ...]) -> str:
    """Key of a Wade-Giles reading. Its j is pinyin r (饶 jao = rao, 仁 jen = ren): keyed as j it
    would fold with zh/j/ch and meet the pinyin of other characters (ZHAO Dong / 饶东 0.99), so
    those syllables keep the key of their pinyin; a Latin "Jao" or "Jen-hui" is read back to
    pinyin on its side (``wade_giles_to_pinyin``)."""
    return syl_key([p if w.startswith("j") else w for w, p in zip(wg, plain, strict=False)])


@lru_cache(maxsize=100_000)
def _given_forms(given: str) -> dict[str, tuple[Triple, ...]]:
    """Readings of a Chinese given name per system (cached: given names repeat a lot)."""
    g_py = han.given_pinyin(given)
    plain = han.toneless(g_py)
    pin: Triple = ("".join(plain), syl_key(plain), "pinyin")
    wg = han.wade_giles_syllables(given)
    out: dict[str, tuple[Triple, ...]] = {
        "pinyin": (pin,),
        "romanisation-variants": (pin, ("".join(wg), _wade_giles_key(wg, plain), "wade-giles")),
    }
    for system in ("thc43", "ri49"):
        out[f"thai-{system}"] = thai_chinese_keys(pinyin_to_thai(g_py, system), f"thai-{system}")
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
        variants.append(("".join(wg), _wade_giles_key(wg, plain), "wade-giles"))
    # Dialect (Cantonese, Hokkien, Teochew) spellings are not listed here: the other name's
    # reading maps them back to the pinyin surname (see ``variant_to_pinyin``), which keeps the
    # number of alternatives, and so the scoring cost, small.
    exact = "".join(plain)
    out: dict[str, tuple[Triple, ...]] = {
        "pinyin": (pin, (exact, EXACT + exact, "pinyin")) if exact in variant_targets() else (pin,),
        "romanisation-variants": tuple(variants),
    }
    for system in ("thc43", "ri49"):
        out[f"thai-{system}"] = thai_chinese_keys(pinyin_to_thai(s_py, system), f"thai-{system}")
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
        r = make_reading(system, parts, 0, pin)
        if r is not None:
            out.append(r)
    # Cantonese and Hokkien (Chan Chun Sing, Lim Guan Eng): southern_chinese.py
    for system, dialect_parts in southern_chinese.reading_parts(surname, given):
        r = make_reading(system, dialect_parts, 0)
        if r is not None:
            out.append(r)
    return tuple(out)


def han_readings(name: Name) -> list[Reading]:
    assert name.surname is not None and name.given is not None
    return list(_han_readings_for(name.surname, name.given))


@cache
def thai_chinese_surnames() -> frozenset[str]:
    """Thai spellings (tone marks dropped) of Chinese surnames: RI49, THC43 and Teochew forms."""
    out: set[str] = set()
    for row in _data.surnames().values():
        s_py = han.surname_pinyin(row.han)
        for system in ("thc43", "ri49"):
            out.add(pinyin_to_thai(s_py, system).translate(NO_TONES))
        out.update(v.translate(NO_TONES) for v in row.thai_variants)
    return frozenset(out)


@cache
def thai_surname_pinyin() -> dict[str, tuple[str, ...]]:
    """Thai spellings (tone marks dropped) of Chinese surnames -> their pinyin: the RI49 and THC43
    renderings and the Teochew forms of the table (เฉิน chen, หวัง wang, ตั้ง chen)."""
    out: dict[str, set[str]] = {}
    for row in _data.surnames().values():
        s_py = han.surname_pinyin(row.han)
        spellings = [pinyin_to_thai(s_py, system) for system in ("thc43", "ri49")]
        for th in (*spellings, *row.thai_variants):
            out.setdefault(th.translate(NO_TONES), set()).add(row.pinyin)
    return {k: tuple(sorted(v)) for k, v in out.items()}


def dialect_surname(word: str) -> bool:
    """A dialect or Wade-Giles spelling of a Chinese surname that is no pinyin surname (Lee, Goh)."""
    folded = ascii_fold(word)
    return folded in variant_to_pinyin() and folded not in _data.surname_pinyin_share()


def surname_spelling(word: str) -> bool:
    """Is the word a spelling of a Chinese surname (pinyin, or a dialect form such as Lee, Goh)?"""
    folded = ascii_fold(word)
    return folded in _data.surname_pinyin_share() or folded in variant_to_pinyin()


@cache
def _southern_surname_words() -> frozenset[str]:
    """The Hong Kong, Singapore and Malaysian surname spellings of ``surnames_southern.csv``
    (倪 Nga), which ``variant_to_pinyin`` does not read back to pinyin."""
    return frozenset(ascii_fold(v) for vs in _data.southern_surnames().values() for v in vs)


def given_name_pieces(surname: str, given: str) -> list[list[str]]:
    """The given name of a two-word Latin name after a Chinese surname spelling, cut into the
    words a southern dialect reading has one per character (``southern_chinese.reading_parts``):
    a hyphen is a space (Chong Yin-Sang as Chong Yin Sang, two or three pieces), and a word run
    together that is no Wade-Giles nor one dialect syllable (nor pinyin, after a pinyin surname)
    is cut where both halves are dialect spellings (``_spelt``: Korming as Kor Ming, Kuanyew as
    Kuan Yew), at most two cuts; a cut by keys alone met other persons (Tse Chilop, chi.lop, met
    王赛之) and read Cambodian names as Chinese (Heng Samrin: sam.rin). [] for any other name."""
    folded = ascii_fold(surname)
    dialect = dialect_surname(surname) or folded in _southern_surname_words()
    if not (dialect or surname_spelling(surname)):
        return []
    if "-" in given:
        pieces = [p for p in given.split("-") if p]
        return [pieces] if 2 <= len(pieces) <= 3 else []
    word = ascii_fold(given).lower()
    spelt = southern_chinese.spellings()
    # a run-together pinyin given name after a pinyin surname is a Mandarin name (Chong Yinsang
    # stays whole); after a dialect spelling it may be either (Lim Guaneng: 林冠英 Lim Guan Eng)
    pinyin = split_pinyin(word) and not dialect
    if len(word) < 4 or word in spelt or pinyin or wade_giles_to_pinyin(word):
        return []
    cuts = [(word[:i], word[i:]) for i in range(2, len(word) - 1)]
    return [[a.capitalize(), b.capitalize()] for a, b in cuts if _spelt(a) and _spelt(b)][:2]


def _spelt(piece: str) -> bool:
    """Is a piece of a word a dialect spelling of one character, also with an o written or, as
    Malaysian Hokkien and Teochew names write it (许 Khor, 可 Kor: Nga Kor Ming)?"""
    spelt = southern_chinese.spellings()
    return piece in spelt or (piece.endswith("or") and piece[:-1] in spelt)


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
def wade_giles_to_pinyin(word: str) -> tuple[str, ...] | None:
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
            pieces = [split_pinyin(r) or wade_giles_to_pinyin(r) for r in rest]
            # a dialect spelling (Lee, Wong, Tan) counts as the surname it stands for
            readings_of = [key] if key in share else list(variant_to_pinyin().get(key, ()))
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


@cache
def _pinyin_keys() -> frozenset[str]:
    return frozenset(latin_key(s) for s in pinyin_syllables())


def one_mandarin_syllable(word: str, pinyin: tuple[str, ...] | None) -> tuple[str, ...] | None:
    """A given-name word after a dialect surname as one syllable: its pinyin when it is one
    pinyin syllable, else the word itself when it is one Latin syllable with the key of a pinyin
    one that no dialect reading spells so, a Mandarin syllable spelt otherwise (Siaw = xiao; not
    Hoi, no Mandarin key, nor Chiu, a Cantonese spelling, nor Lop, a stop no Mandarin syllable
    ends in)."""
    if pinyin is not None:
        return pinyin
    syllables = latin_syllables(word)
    if len(syllables) != 1 or "-" in word or word[-1:].lower() in "ptk":  # no Mandarin final
        return None
    if latin_key(word) not in _pinyin_keys():
        return None
    return None if ascii_fold(word) in southern_chinese.spellings() else syllables
