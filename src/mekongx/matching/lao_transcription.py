"""Chinese transcriptions of Lao names read as Lao sound (通伦·西苏里 = Thongloun Sisoulith).

Xinhua writes a Lao name one character per Lao syllable, parts joined by the middle dot, with
characters chosen for their Mandarin sound. Mandarin lacks several Lao sounds, and the choices
differ from those for Burmese and Khmer names (``sea_transcription.py``), which read 本 as bein
and 冯 as pein, where a Lao name means Boun and Vong. The correspondences read back here are those
of the Chinese standard for Lao (MZ/T 外语地名汉字译写导则 老挝语, Ministry of Civil Affairs) as
Xinhua applies them to Lao personal names, seen in its renderings of Lao leaders' names
(zh.wikipedia article titles; see ``data/sources.yaml``):

- Lao ph and v are both written with f- characters (富 fu Phou, 发 fa Pha, 冯 feng Vong, 丰 feng
  Phom); w- characters write v (万 wan Vanh, 维 wei Vi, 沃 wo Vo);
- a Lao -om, -ong and -one are written -ong or -eng (宋 song Som/Sone, 通 tong Thong, 蓬 peng
  Phone), a Lao -oun with -un or -en (伦 lun Loun, 本 ben Boun, 温 wen Oun), -am and -one with
  -an (坎 kan Kham, 山 shan Sone), -eng with -ing (平 ping Pheng, 凌 ling Leng);
- the Lao vowel ເ-ືອ (eua, ue) with -e (勒 le/lei Leua: 本勒 Bounleua);
- Lao ch and k before i are written with j- and q- characters (吉 ji Chit/Kit, 乔 qiao Keo); ny
  with y- (扬 yang Nhang); final stops are not written (吉 ji Chit, 萨 sa Sath), which the shared
  key drops anyway.

Each syllable's Lao spellings are written as the Lao romanisation respelt without its French
habits (``lao.latin_variants``: u for ou, no silent e), the form a Latin Lao name and a name in
Lao script are also keyed in.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import islice, product

from mekongx.matching.keys import latin_key
from mekongx.matching.sea_transcription import initial_final

_MAX = 16  # readings per name part

# pinyin initial -> the Lao onsets it writes, the usual one first
_ONSETS: dict[str, tuple[str, ...]] = {
    "b": ("b", "p"), "p": ("ph", "p"), "m": ("m",), "f": ("ph", "v"), "d": ("d", "t"),
    "t": ("th", "t"), "n": ("n", "ny"), "l": ("l", "r"), "g": ("k",), "k": ("kh", "k"),
    "h": ("h", "kh"), "j": ("ch", "k"), "q": ("k", "ch"), "x": ("s", "ch"), "zh": ("ch",),
    "ch": ("ch",), "sh": ("s",), "r": ("l", "r"), "z": ("s", "ch"), "c": ("s", "ch"),
    "s": ("s",), "y": ("y", "ny"), "w": ("v",), "": ("",),
}  # fmt: skip
# pinyin final -> the Lao rhymes it writes (u for the French ou, no silent e), the usual first
_RHYMES: dict[str, tuple[str, ...]] = {
    "a": ("a",), "ai": ("ai", "e"), "an": ("an", "am", "on"), "ang": ("ang", "an"),
    "ao": ("ao", "o", "eo"), "e": ("e", "oe", "a", "uea"), "ei": ("i", "e", "ai", "uea"),
    "en": ("un", "en", "on", "an"), "eng": ("ong", "om", "eng", "on"), "i": ("i",),
    "ia": ("a", "ia"), "ian": ("ian", "ien", "an"), "iang": ("iang", "ang"),
    "iao": ("eo", "ao", "iao"), "ie": ("e", "ie"), "in": ("in", "im"), "ing": ("eng", "ing", "in"),
    "iong": ("ong",), "iu": ("iu", "u"), "o": ("o",), "ong": ("ong", "om", "on", "ung"),
    "ou": ("u", "o"), "u": ("u", "o", "ua"), "ua": ("ua", "a"), "uai": ("uai", "ai"),
    "uan": ("uan", "on", "an"), "uang": ("uang", "ang"), "ui": ("ui", "uai"),
    "un": ("un", "on"), "uo": ("o", "u"), "v": ("u",), "ve": ("ue",), "van": ("uan",),
    "vn": ("un",), "er": ("e",),
}  # fmt: skip
# syllables Xinhua writes with a character its rules do not give them, read after its own sounds:
# ດວງ Douang with 隆 long (宋迪·隆迪 Somdy Douangdy)
_LATER: dict[str, tuple[str, ...]] = {"long": ("duang",)}


@lru_cache(maxsize=5_000)
def syllable_sounds(syl: str) -> tuple[str, ...]:
    """Lao spellings a toneless pinyin syllable writes, the usual one first
    (``"feng"`` -> ``("phong", "phom", "vong", …)``)."""
    ini, fin = initial_final(syl)
    if ini in ("j", "q", "x") and fin.startswith("u"):  # ju, qu, xu are ü
        fin = "v" + fin[1:]
    if (ini, fin[:1]) in (("y", "i"), ("w", "u")):  # yi, yin, wu: the vowel is the rhyme's
        ini = ""
    onsets = _ONSETS.get(ini, (ini,))
    if ini == "w" and fin in ("en", "eng"):  # 温 wen Oun, 翁 weng Ong: a Lao name's vowel onset
        onsets = ("v", "")
    rhymes = _RHYMES.get(fin, (fin,))
    combos = sorted(product(range(len(onsets)), range(len(rhymes))), key=sum)
    # one spelling per key (ph and p, th and t fold together in the shared key)
    by_key = {latin_key(onsets[i] + rhymes[j]): onsets[i] + rhymes[j] for i, j in combos[::-1]}
    own = (by_key[latin_key(onsets[i] + rhymes[j])] for i, j in combos)
    return tuple(dict.fromkeys((*own, *_LATER.get(syl, ()))))


def part_sounds(syllables: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Lao readings of one part of a transcription (冯维希 feng.wei.xi = vong.vi.chi), as
    syllable tuples, those with the fewest departures from each syllable's usual sound first
    (at most ``_MAX``)."""
    per = [syllable_sounds(s) for s in syllables]
    combos = islice(product(*(range(len(p)) for p in per)), 4096)
    ranked = sorted(combos, key=sum)[:_MAX]
    return [tuple(p[i] for p, i in zip(per, c, strict=True)) for c in ranked]
