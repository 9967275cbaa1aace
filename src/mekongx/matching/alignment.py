"""How two names' readings line up: part against part and syllable against syllable, the
surname weighted. Each Thai word's ending is then checked against its Latin spelling
(``ending_costs.py``), and the scorer (``scoring.py``) turns the best alignment into features and
a calibrated probability."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import permutations
from typing import NamedTuple

from mekongx.matching import _data, vietnamese
from mekongx.matching.keys import EXACT, latin_key
from mekongx.matching.part_similarity import (
    BURMESE,
    SOUNDED_X,
    SOUNDED_Y,
    key_similarity,
    part_sim,
    syllables_equal,
)
from mekongx.matching.syllable import syllabify

SURNAME_WEIGHT = SW = 1.3
_MAX_PARTS = 4
# Added to a compact reading's surname index: a reading compared with names in Chinese characters
# only (the Hán-Việt reading of a Vietnamese name: between two Latin names its Mandarin syllables,
# several per Vietnamese one, would meet where the Vietnamese syllables differ)
HAN_ONLY = 100
# … and a reading compared with names in Latin letters only: the Cantonese and Hokkien readings of
# a name in Chinese characters (southern_chinese.py). Against Thai script, Han or the Mandarin of a
# Hán-Việt reading their many spellings per character would only add chance resemblances.
LATIN_ONLY = 200
DIALECT_SYSTEMS = frozenset(
    (
        "cantonese",
        "hokkien",
        "foochow",
        "hakka",
        "cantonese-split",
        "hokkien-split",
        "foochow-split",
        "hakka-split",
        "hainanese-split",
        "cantonese-married",
        "cantonese-maiden",
    )
)
# The surname index of a reading compared only with names that are no Chinese name: the sound
# reading of a name in characters that starts with a Chinese surname (洪森 hong.sen read as a
# Khmer name: Hun Sen). Against a Chinese name in any script (ZHAO Dong, 赵东, a pinyin-like
# Latin name) such a reading would outscore the Mandarin reading of a plausible Chinese name; it
# meets Latin-letter, Myanmar- and Khmer-script names that the engine does not read as Chinese.
FOREIGN_ONLY = 400


Keys = tuple[tuple[str, ...], ...]
CompactReading = tuple[Keys, int | None]


@dataclass(frozen=True, slots=True)
class Compact:
    """The part of a profile the scorer needs: distinct readings as keys (an index stores these)."""

    readings: tuple[CompactReading, ...]
    script: str
    rarity: float | None
    han: str | None
    # per word of a Thai- or Latin-letter name: its ending and consonant outlines (``endings.py``)
    endings: tuple[str, ...] = ()
    # a Latin-letter name with a word no Chinese romanisation writes (``origin.non_chinese_word``)
    non_chinese: bool = False
    # bit i set: reading i keeps the order of its parts (a Burmese name, which has no family name
    # and a fixed order: Tin Win and Win Tin are two people; ``origin.order_fixed``)
    ordered: int = 0
    # bit i set: reading i is a Vietnamese name without its middle name (Nguyễn Văn An read as
    # Nguyen An: ``vietnamese.shortened``), compared with the other name's full readings only
    shortened: int = 0
    # bit i set: reading i's parts, three or more, are never taken in the reverse of their order
    # (a Chinese transcription of a Burmese, Khmer or Lao name; ``origin.order_not_reversed``)
    unreversed: int = 0


class Alignment(NamedTuple):
    """How two readings line up (``align``). A named tuple: about fifteen are made per query
    screened, and a frozen dataclass took three times as long to make (2.5 µs against 0.8)."""

    sim: float
    min_sim: float
    surname_sim: float | None
    unmatched: int
    pairs: tuple[tuple[int, int, float, int, int], ...]  # (part a, part b, sim, alt a, alt b)
    swapped: bool
    syllables_exact: float = 1.0
    syllable_mismatches: int = 0


# how a reading's parts may be assigned (``align``): in any order, in their order (a Burmese name),
# or in any order but the reverse of theirs (a transcription: ``Compact.unreversed``)
FREE, ORDERED, NOT_REVERSED = 0, 1, 2


def reversed_order(perm: tuple[int, ...]) -> bool:
    """Does ``perm`` take three parts or more in the reverse of their order (Mya Tun Oo as Oo Tun
    Mya)? Two parts swapped are not reversed in this sense (a family name moved: Hun Sen, Sen Hun)."""
    return len(perm) >= 3 and all(perm[k] > perm[k + 1] for k in range(len(perm) - 1))


def _joined(ka: Keys, kb: Keys, thai: bool, ordered: int = FREE, sounded: int = 0) -> float:
    """Similarity of the names written as one word, for "จูกัดเหลียง" vs "Zhuge Liang".

    The words keep their syllables ("Lin Xuan Qin" = lin.suan.cin), so that the syllables are
    compared as in ``key_similarity``: "Lan Xuanqin" is not one letter away from it. ``ordered``
    as in ``align``: NOT_REVERSED does not reverse three words or more.
    """
    a = [syl for p in ka for syl in syllabify(p[0])]
    best = 0.0
    fixed = ordered == ORDERED or (ordered == NOT_REVERSED and len(kb) >= 3)
    for order in (kb,) if fixed else (kb, kb[::-1]):
        b = [syl for p in order for syl in syllabify(p[0])]
        if len(a) == len(b):  # else the words do not line up syllable by syllable
            best = max(best, key_similarity(".".join(a), ".".join(b), thai, sounded))
    return best


def _one_word_sim(x: str, y: str, sim: float) -> float:
    """The similarity of two names of one word each (a name left with one word once its courtesy
    word is dropped: Saw Maung as Maung), capped at ``_LETTERS_ALONE`` when their syllables do not
    line up and the letter edit distance gave it: one word a few letters off is no evidence that
    carries a match alone (貌貌卡 maung.ka / Saw Maung scored 0.90 on 0.67 of letters)."""
    xs, ys = syllabify(x), syllabify(y)
    if xs and len(xs) == len(ys):
        return sim
    return min(sim, _LETTERS_ALONE)


_LETTERS_ALONE = 0.5


@lru_cache(maxsize=64)
def _perms(n: int, k: int) -> tuple[tuple[int, ...], ...]:
    return tuple(permutations(range(n), k))


@lru_cache(maxsize=500_000)
def align(
    a: CompactReading,
    b: CompactReading,
    thai: bool = False,
    ordered: int = FREE,
    sounded: int = 0,
) -> Alignment:
    """Best order-free assignment of the parts of reading ``a`` to the parts of reading ``b``.

    ``thai``: both names are Thai-like (``thai_pair``), so Thai vowel spellings are variants.
    ``ordered``: one of them is a Burmese reading, whose parts keep their order (a part may be
    left unmatched, but no two are swapped), and the surname marks of other readings are no
    reason to swap them. NOT_REVERSED: one of them is a transcription, whose parts, three or more,
    are not taken in the reverse of their order (two may be swapped). ``sounded``: one of them
    is the sound reading of a Chinese transcription (``key_similarity``).
    """
    full_a, full_b = a[0], b[0]
    if len(full_a) == 2 and len(full_b) == 2:
        return _align_two(full_a, full_b, a[1], b[1], thai, ordered == ORDERED, sounded)
    ka, kb = full_a[:_MAX_PARTS], full_b[:_MAX_PARTS]
    flip = len(ka) > len(kb)
    if flip:
        ka, kb = kb, ka
    sur_a, sur_b = (b[1], a[1]) if flip else (a[1], b[1])
    by_part = sounded
    if flip and sounded & (SOUNDED_X | SOUNDED_Y):  # which key is the transcription's, swapped
        by_part = (
            sounded & BURMESE
            | (SOUNDED_Y if sounded & SOUNDED_X else 0)
            | (SOUNDED_X if sounded & SOUNDED_Y else 0)
        )
    cells = [[part_sim(x, y, thai, by_part) for y in kb] for x in ka]
    len_b = [len(y[0]) for y in kb]
    lens = [[lx if lx > ly else ly for ly in len_b] for lx in [len(x[0]) for x in ka]]
    best: tuple[float, tuple[int, ...]] | None = None
    total_b = [float(len(y[0])) for y in kb]
    all_b = sum(total_b)
    for perm in _perms(len(kb), len(ka)):
        if ordered == ORDERED:
            if any(perm[k] > perm[k + 1] for k in range(len(perm) - 1)):
                continue
        elif ordered == NOT_REVERSED and reversed_order(perm):
            continue
        if ordered != ORDERED and sur_a is not None and sur_b is not None and perm[sur_a] != sur_b:
            continue  # when both names mark their surname, surname is compared with surname
        num = 0.0
        den = all_b
        for i, j in enumerate(perm):
            w = float(lens[i][j])
            den -= total_b[j]  # matched parts leave the unmatched remainder
            if i == sur_a or j == sur_b:
                w *= SURNAME_WEIGHT
            num += w * cells[i][j][0]
            den += w
        score = num / den if den else 0.0
        if best is None or score > best[0] + 1e-9:
            best = (score, perm)
    assert best is not None
    sim, perm = best
    pairs = []
    for i, j in enumerate(perm):
        s, ai, bj = cells[i][j]
        pairs.append((j, i, s, bj, ai) if flip else (i, j, s, ai, bj))
    surname_sim = None
    for i, j in enumerate(perm):
        if i == sur_a or j == sur_b:
            surname_sim = cells[i][j][0]
    if sur_a is not None and sur_b is not None and perm[sur_a] != sur_b:
        surname_sim = 0.0
    unmatched = (
        len(kb) - len(ka) + max(0, len(full_a) - _MAX_PARTS) + max(0, len(full_b) - _MAX_PARTS)
    )
    if unmatched:
        joined = _joined(full_a, full_b, thai, ordered, sounded)
        if joined > sim:
            pair = ((0, 0, joined, 0, 0),)
            return Alignment(joined, joined, None, 0, pair, False, float(joined == 1.0))
    if len(full_a) == len(full_b) == 1 and not thai and 0.0 < sim < 1.0:
        _, ai, bj = cells[0][0]
        sim = _one_word_sim(ka[0][ai], kb[0][bj], sim)
        pairs = [(0, 0, sim, ai, bj)]
    same = total = mismatches = 0
    for i, j in enumerate(perm):
        _, ai, bj = cells[i][j]
        eq, n = syllables_equal(ka[i][ai], kb[j][bj], thai)
        same, total = same + eq, total + n
        if n > 1 or max(len(ka[i][ai]), len(kb[j][bj])) <= 4:  # syllables, not Thai words
            mismatches += n - eq
    if len(kb) > len(perm):  # parts of b left unmatched count their syllables
        for j in set(range(len(kb))) - set(perm):
            total += kb[j][0].count(".") + 1
    return Alignment(
        sim,
        0.0 if unmatched else min(p[2] for p in pairs),  # a missing part is a zero-similarity part
        surname_sim,
        unmatched,
        tuple(sorted(pairs)),
        # parts in another order (not merely one left unmatched: U Win Tin / Win Tin)
        any(perm[k] > perm[k + 1] for k in range(len(perm) - 1)),
        same / total if total else 0.0,
        mismatches,
    )


def _align_two(
    ka: Keys,
    kb: Keys,
    sur_a: int | None,
    sur_b: int | None,
    thai: bool,
    ordered: bool,
    sounded: int = 0,
) -> Alignment:
    """``align`` of two readings of two parts each (surname and given name, the usual case):
    the same figures, and only the two part pairs of the order that is taken compared when the
    order is known beforehand (a Burmese reading, or both surnames marked)."""
    a0, a1 = ka
    b0, b1 = kb
    c00: tuple[float, int, int] | None = None
    c11, c01, c10 = c00, c00, c00
    straight = crossed = 0.0
    if ordered or (sur_a is not None and sur_b is not None and sur_a == sur_b):
        take_straight = True
    elif sur_a is not None and sur_b is not None:  # both say which is the surname
        take_straight = False
    else:
        take_straight = None

    # a part pair's weight: the longer key's length, more for the surname
    la0, la1, lb0, lb1 = len(a0[0]), len(a1[0]), len(b0[0]), len(b1[0])
    if take_straight is not False:
        c00, c11 = part_sim(a0, b0, thai, sounded), part_sim(a1, b1, thai, sounded)
        w00 = float(la0 if la0 > lb0 else lb0) * (SW if sur_a == 0 or sur_b == 0 else 1.0)
        w11 = float(la1 if la1 > lb1 else lb1) * (SW if sur_a == 1 or sur_b == 1 else 1.0)
        straight = (w00 * c00[0] + w11 * c11[0]) / (w00 + w11)
    if take_straight is not True:
        c01, c10 = part_sim(a0, b1, thai, sounded), part_sim(a1, b0, thai, sounded)
        w01 = float(la0 if la0 > lb1 else lb1) * (SW if sur_a == 0 or sur_b == 1 else 1.0)
        w10 = float(la1 if la1 > lb0 else lb0) * (SW if sur_a == 1 or sur_b == 0 else 1.0)
        crossed = (w01 * c01[0] + w10 * c10[0]) / (w01 + w10)
    if take_straight is None:
        take_straight = straight >= crossed - 1e-9
    if take_straight:
        assert c00 is not None and c11 is not None
        sim, first, second, y0, y1, j0, j1 = straight, c00, c11, b0, b1, 0, 1
    else:
        assert c01 is not None and c10 is not None
        sim, first, second, y0, y1, j0, j1 = crossed, c01, c10, b1, b0, 1, 0
    surname_sim = None
    if sur_a == 0 or sur_b == j0:
        surname_sim = first[0]
    if sur_a == 1 or sur_b == j1:
        surname_sim = second[0]
    if sur_a is not None and sur_b is not None and (j0, j1)[sur_a] != sur_b:
        surname_sim = 0.0
    same = total = mismatches = 0
    for x, y, (_, ai, bj) in ((a0, y0, first), (a1, y1, second)):
        xk, yk = x[ai], y[bj]
        eq, n = syllables_equal(xk, yk, thai)
        same, total = same + eq, total + n
        if n > 1 or max(len(xk), len(yk)) <= 4:  # syllables, not Thai words
            mismatches += n - eq
    return Alignment(
        sim,
        min(first[0], second[0]),
        surname_sim,
        0,
        ((0, j0, first[0], first[1], first[2]), (1, j1, second[0], second[1], second[2])),
        j0 == 1,
        same / total if total else 0.0,
        mismatches,
    )


def thai_pair(ca: Compact, cb: Compact) -> bool:
    """Are both names Thai-like: Thai or Latin script, neither Han nor read as a Chinese name?"""
    return _thai_like(ca) and _thai_like(cb)


def _thai_like(c: Compact) -> bool:
    """``thai_pair`` of one name (a loop of its own: this runs for every candidate scored)."""
    if c.rarity is not None:
        return False
    if c.script == "th":
        # a Thai-script name with a Chinese surname marked (หลี่ เฉียง, แซ่ตั้ง) is Chinese
        return all(sur is None for _, sur in c.readings)
    return c.script == "latin"


def foreign(c: Compact) -> bool:
    """May a ``FOREIGN_ONLY`` reading meet this name: one in Latin letters (or Myanmar or Khmer
    script, read into them; or Lao script, read with the Thai reader and marked ``non_chinese``
    by ``origin.non_chinese_word``: ສຸພານຸວົງ meets 苏发努冯) that is not read as a Chinese name, has no word spelt like the
    surname of one (Lee Shau Kee, Lim Kit Siang: their Cantonese and Hokkien readings meet them;
    the sound reading met 李兆基 / LEE SHAU KEE by chance) and is not pinyin throughout with a
    given name run together (Dan Tianfang): such words carry keys marked ``EXACT``; unless another
    of its words is one that no Chinese romanisation writes (Heng Samrin: Heng is a Hokkien
    surname spelling, Samrin no Chinese given name), which holds too when a reading takes the
    name for a Chinese one (Sok Soken: Sok a surname spelling, Soken Wade-Giles so.ken)."""
    return (
        (c.script == "latin" or (c.script == "th" and c.non_chinese))
        and (c.rarity is None or c.non_chinese)
        and c.han is None
        and (
            c.non_chinese
            or not any(k[:1] == EXACT for keys, _ in c.readings for part in keys for k in part)
        )
    )


@cache
def surname_keys() -> frozenset[str]:
    """Keys of every spelling of a Chinese surname (pinyin, Wade-Giles, dialect: Chan, Lim, Teo;
    ``data/surnames_southern.csv``: Fok, Mak, Kwan)."""
    out = {latin_key(s.pinyin) for s in _data.surnames().values()}
    out |= {latin_key(v) for s in _data.surnames().values() for v in s.latin_variants}
    # and the southern surnames the mainland list lacks (霍 Fok, 麦 Mak, 关 Kwan)
    out |= {latin_key(v) for spellings in _data.southern_surnames().values() for v in spellings}
    return frozenset(k for k in out if k)


def dialect_spelt(c: Compact) -> bool:
    """May a Latin name be a Cantonese or Hokkien spelling of a Chinese name: has it a word spelt
    like a Chinese surname (Chan Chun Sing, Lim Guan Eng), and is it not pinyin throughout with
    a given name run together (Zhang Xiuying; such words carry a key of several syllables marked
    ``EXACT``)? Only such a name is compared with the dialect readings (``LATIN_ONLY``) of a name
    in characters, as only such a query looks them up in an index: the others (Somchai Jaidee,
    Chen Jianguo) met nothing there but chance resemblances, for a fifth of the screening time."""
    known = surname_keys()
    found = False
    for keys, _ in c.readings:
        for part in keys:
            for k in part:
                if k[:1] == EXACT and "." in k:
                    return False
                found = found or k in known
    return found


def _sounded(c: Compact, i: int) -> bool:
    """Is reading ``i`` the sound reading of a transcription (``sea_transcription.py``): a reading
    whose parts are not reversed (``Compact.unreversed``) and that marks no surname, or only to be
    compared with foreign names (``FOREIGN_ONLY``)? Not the Mandarin or dialect reading of the same
    characters (杜德山 read in Cantonese, dak for 德, is no transcription of Do Thanh)."""
    if not c.unreversed >> i & 1:
        return False
    sur = c.readings[i][1]
    return sur is None or sur >= FOREIGN_ONLY


def _burmese_sounded(c: Compact, i: int) -> bool:
    """Is reading ``i`` of a name in characters one that keeps its order (``Compact.ordered``):
    the sound reading of a transcription of a Burmese name (赛桑奥 read as Sai Sam Ao)?"""
    return c.han is not None and bool(c.ordered >> i & 1)


def _burmese_marks(ca: Compact, i: int, cb: Compact, j: int) -> int:
    """``align``'s ``sounded`` for readings ``i`` of ``ca`` and ``j`` of ``cb`` when one keeps its
    order: which is a transcription's sound reading, and ``BURMESE`` (0 when neither is)."""
    marks = (SOUNDED_X if _sounded(ca, i) or _burmese_sounded(ca, i) else 0) | (
        SOUNDED_Y if _sounded(cb, j) or _burmese_sounded(cb, j) else 0
    )
    return marks | BURMESE if marks else 0


def best_alignment(ca: Compact, cb: Compact) -> tuple[Alignment, int, int] | None:
    """The best-aligned pair of readings: (alignment, reading index in a, reading index in b)."""
    best: tuple[float, Alignment, int, int] | None = None
    thai = thai_pair(ca, cb)
    dialect_a: bool | None = None  # dialect_spelt(ca), worked out when first needed
    dialect_b: bool | None = None
    for i, ra in enumerate(ca.readings):
        sur = ra[1] if ra[1] is not None else -1
        a_latin, a_han = LATIN_ONLY <= sur < FOREIGN_ONLY, HAN_ONLY <= sur < LATIN_ONLY
        a_sounded = _sounded(ca, i)
        if sur >= FOREIGN_ONLY:
            if not foreign(cb):
                continue
            ra = (ra[0], None)
        elif a_latin:
            if cb.script != "latin":
                continue
            if dialect_b is None:
                dialect_b = dialect_spelt(cb)
            if not dialect_b:
                continue
            ra = (ra[0], sur - LATIN_ONLY)
        elif a_han:
            if cb.han is None:
                continue
            ra = (ra[0], sur - HAN_ONLY)
        for j, rb in enumerate(cb.readings):
            if rb[1] is not None and rb[1] >= FOREIGN_ONLY:
                if not foreign(ca):
                    continue
                rb = (rb[0], None)
            elif rb[1] is not None and rb[1] >= LATIN_ONLY:
                if ca.script != "latin" or a_han:
                    continue
                if dialect_a is None:
                    dialect_a = dialect_spelt(ca)
                if not dialect_a:
                    continue
                rb = (rb[0], rb[1] - LATIN_ONLY)
            elif rb[1] is not None and rb[1] >= HAN_ONLY:
                if ca.han is None or a_latin:
                    continue  # a Hán-Việt reading meets the Mandarin of the characters only
                rb = (rb[0], rb[1] - HAN_ONLY)
            short_a, short_b = ca.shortened >> i & 1, cb.shortened >> j & 1
            if short_a and short_b:
                continue  # Nguyen Van An and Nguyen Thi An, both without their middle names
            order = (
                ORDERED
                if ca.ordered >> i & 1 or cb.ordered >> j & 1
                else NOT_REVERSED
                if ca.unreversed >> i & 1 or cb.unreversed >> j & 1
                else FREE
            )
            # near syllables are a Khmer transcription's habit: a Burmese name (ORDERED) is built
            # from a small stock of syllables, and a near one is another name's; its syllables
            # may still be grouped otherwise (``part_similarity.BURMESE``)
            if order == ORDERED:
                sounded = _burmese_marks(ca, i, cb, j) if ca.han or cb.han else 0
            elif a_sounded:
                sounded = SOUNDED_X | SOUNDED_Y if _sounded(cb, j) else SOUNDED_X
            else:
                sounded = SOUNDED_Y if _sounded(cb, j) else 0
            al = align(ra, rb, thai, order, sounded)
            if short_a or short_b:  # a Vietnamese name without its middle name: a small cost
                cost = vietnamese.MIDDLE_NAME_COST
                al = al._replace(sim=max(0.0, al.sim - cost), min_sim=max(0.0, al.min_sim - cost))
            rank = al.sim + 0.5 * al.min_sim - 0.15 * al.unmatched
            if best is None or rank > best[0] + 1e-9:
                best = (rank, al, i, j)
                if al.min_sim == 1.0 and al.unmatched == 0:
                    return al, i, j
    return None if best is None else best[1:]
