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
- final stops are not written (Bulsak 汶薩): the shared key drops them on the Thai side too.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import islice, product

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
    if syl.endswith("ng"):
        out += [s[:-2] + "m" for s in list(out) if s.endswith("ng")]  # 颂 song = som
    elif syl.endswith("n"):
        out += [s[:-1] + "m" for s in list(out) if s.endswith("n")]  # 森 sen = sem
    return tuple(dict.fromkeys(out))


def part_sounds(syllables: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Readings of one transcribed part, as syllable tuples (at most ``_MAX``, pinyin first)."""
    options = [syllable_sounds(s) for s in syllables]
    combos = islice(product(*range_of(options)), 512)
    ranked = sorted(combos, key=sum)  # fewest departures from the pinyin first
    return [tuple(o[i] for o, i in zip(options, c, strict=True)) for c in ranked[:_MAX]]


def range_of(options: list[tuple[str, ...]]) -> list[range]:
    return [range(len(o)) for o in options]
