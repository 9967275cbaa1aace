"""Chinese transcriptions of Thai names read as sound (Xinhua style: 颂萨·缴玛尼 = Somsak Kaewmanee).

Mainland Chinese writes a Thai name with characters chosen for their Mandarin sound, parts joined by
a middle dot. Such a name is no Chinese surname plus given name: its pinyin is a rendering of Thai
syllables, and Mandarin lacks some of them. The Xinhua Thai personal-name grid (reproduced at
zh.wikipedia.org/wiki/Wikipedia:外語譯音表/泰語, see ``data/sources.yaml``) shows the habits read back
here:

- Thai k before i is written with j- characters (吉 ji = ki, 甲 jia = ka, 堅 jian = kian/kan,
  江 jiang = kiang): j- may stand for k, with or without the i;
- a final m, which Mandarin lacks, becomes n or ng (Kasemsant 格森訕, สม som 颂 song): -n and -ng
  may stand for -m;
- แ-ว / เ-ว (kaeo, eo) are written with -iao characters (缴 jiao): -iao may stand for eo/ao;
- final stops are not written (Bulsak 汶薩): the shared key drops them on the Thai side too;
- an onset cluster is written as its first consonant: the grid's columns are "b br / p pl pr",
  "ph bh phl phr", "g k kr", "kh khl" (巴滴玛巴功 = Patimaprakorn, 巴 = pra): b-, p-, g- and k-
  may stand for br/pr/pl, phr/phl, kr, khr/khl;
- Mandarin has no -on rhyme: the grid's row "on aung uong orn" (its characters are not in the
  stored copy read) is written with -ong characters in Xinhua's forms, 功 = korn (巴滴玛巴功
  Patimaprakorn), 通 = thorn (比蒂耶通 Pridiyathorn): -ong may stand for on/orn;
- pinyin has no bong, pong, mong or fong, so after b, p, m, f those rows are written with -eng
  characters (蓬 peng = phong/phorn, 蒙 meng = mong): -eng after a labial may stand for -ong too;
- the grid writes l + a with 叻 le (叻 is la/ra in Thai names): le may stand for la;
- its row "ia ie ya" is written with -ie characters (耶 ye, 列 lie, 贴 tie), and 切 qie stands
  in its row "e" too: -ie may stand for ia and for e; its row "i ee y" writes v/w + i with 威
  wei: wei may stand for wi.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from itertools import islice

_MAX = 8  # alternatives per name part (each becomes a key in the index)


@lru_cache(maxsize=20_000)
def syllable_sounds(syl: str) -> tuple[str, ...]:
    """Thai-sound readings of one toneless pinyin syllable of a transcription, the pinyin first."""
    out = [syl]
    if syl.startswith("j"):
        rest = syl[1:]
        out.append("k" + rest)
        if rest.startswith("i") and len(rest) > 1 and rest[1] in "aeou":
            out.append("k" + rest[1:])  # 甲 jia = ka, 缴 jiao = kao
    if syl.endswith("iao"):
        out += [s[:-3] + "eo" for s in list(out) if s.endswith("iao")]  # 缴 jiao = kaeo
    if syl in _LABIAL_ENG:  # 蓬 peng = phong
        out.append(syl[0] + "ong")
    if syl == "le":  # 叻 = la
        out.append("la")
    if syl.endswith(("ie", "ye")):  # 耶 ye = ya, 贴 tie = thia or the, 杰 jie = kiat
        out += [
            x for s in list(out) if s.endswith(("ie", "ye")) for x in (s[:-1] + "a", s[:-2] + "e")
        ]
    if syl == "wei":  # 威 = wi
        out.append("wi")
    if syl.endswith("ng"):
        out += [s[:-2] + "n" for s in list(out) if s.endswith("ong")]  # 功 gong = korn
        out += [s[:-2] + "m" for s in list(out) if s.endswith("ng")]  # 颂 song = som
    elif syl.endswith("n"):
        out += [s[:-1] + "m" for s in list(out) if s.endswith("n")]  # 森 sen = sem
    # a cluster written as its first consonant (巴 ba = pra): after the readings above, so that
    # a part's first few readings stay the nearer ones (``part_sounds`` keeps ``_MAX``)
    out += [s[0] + "r" + s[1:] for s in list(out) if s[0] in "bpgk" and s[1:2] in _VOWEL]
    return tuple(dict.fromkeys(out))


_LABIAL_ENG = frozenset(("beng", "peng", "meng", "feng"))
_VOWEL = frozenset("aeiou")


def part_sounds(syllables: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Readings of one transcribed part, as syllable tuples (at most ``_MAX``, pinyin first, then
    fewest departures from it), and after them the part read with a grid character that writes a
    consonant alone (``_CONSONANT``) joined to its neighbour."""
    options = [syllable_sounds(s) for s in syllables]
    out = [tuple(o[i] for o, i in zip(options, c, strict=True)) for c in _fewest(options)]
    return out + [x for x in _consonants_joined(syllables, out[:2]) if x not in out]


def _fewest(options: list[tuple[str, ...]]) -> list[tuple[int, ...]]:
    """The first ``_MAX`` index tuples by fewest departures (sum of indices), in product order
    within a sum; built sum by sum, so that no syllable's alternatives are cut off (a product cut
    at 512 never moved the first syllable of a long part)."""
    sizes = [len(o) for o in options]
    out: list[tuple[int, ...]] = []
    total = 0
    while len(out) < _MAX and total <= sum(n - 1 for n in sizes):
        out += islice(_with_sum(sizes, total), _MAX - len(out))
        total += 1
    return out


def _with_sum(sizes: list[int], total: int) -> Iterator[tuple[int, ...]]:
    if not sizes:
        if total == 0:
            yield ()
        return
    for i in range(min(total, sizes[0] - 1) + 1):
        for rest in _with_sum(sizes[1:], total - i):
            yield (i, *rest)


# the grid's first row: the characters that write a consonant with no vowel (布 b, 普 ph, 格 k,
# 克 kh, 德 d, 特 th, 斯 s, 姆 m, 夫 f), in an onset cluster (斯里 = sri) or as a final (提普 = thip)
_CONSONANT = {"bu": "b", "pu": "p", "ge": "k", "ke": "k", "de": "d", "te": "t", "si": "s",
              "mu": "m", "fu": "f"}  # fmt: skip


def _consonants_joined(
    syllables: tuple[str, ...], readings: list[tuple[str, ...]]
) -> list[tuple[str, ...]]:
    out = []
    for reading in readings:
        for i, syl in enumerate(syllables):
            c = _CONSONANT.get(syl)
            if c is None:
                continue
            if i + 1 < len(syllables) and syllables[i + 1].startswith("l"):  # 斯里 = sri
                nxt = "r" + reading[i + 1][1:]
                out.append((*reading[:i], c + nxt, *reading[i + 2 :]))
            elif i == len(syllables) - 1 and i > 0:  # 提普 = thip
                out.append((*reading[: i - 1], reading[i - 1] + c))
    return list(dict.fromkeys(out))
