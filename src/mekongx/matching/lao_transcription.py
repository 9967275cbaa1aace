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
  key drops anyway;
- a Lao syllable with a two-part vowel is written with two characters: the consonant with its u
  or i, then the rest as a syllable of its own (杜安 du.an Douane/Deuane, 苏瓦 su.wa Soua, 布万
  bu.wan Bouan; 维扬 wei.yang Vieng, 皮耶 pi.ye Pia, 提乌 ti.wu Thiu, 菲尧 fei.yao Pheo), as
  the transcription table for Lao personal names lists them (zh.wikipedia 外语译音表/老挝语, rows
  oa oua ua eua, oan uan ouan, iang, ia ie ea, iu iou, eo ieo; ``_two_part``); such a pair is
  also read as one Lao syllable;
- ແ-ງ aeng, which Latin spellings write eng (ແສງ Seng), with an -ang character (桑 sang), as the
  same table's row "ang aung aeng" does;
- every character of that table also as its cells give it, whatever its Mandarin sound (希 xi Hi,
  伦 lun Len, 富 fu Fu, 雅 ya Nga; ``table_sounds``);
- characters the Chinese-language press outside Xinhua is seen to write for a Lao syllable their
  Mandarin sound does not give, each from a real name printed in both spellings (潘 pan Phang, 邦
  bang Boun, 森 sen Seng: the Lao rows of ``data/transcription_han.csv``, read as the Khmer rows
  are, ``char_sounds``), and ເ-ືອນ euan written 德昂 de.ang (森德昂 Sengdeuan; ``_two_part``).

Each syllable's Lao spellings are written as the Lao romanisation respelt without its French
habits (``lao.latin_variants``: u for ou, no silent e), the form a Latin Lao name and a name in
Lao script are also keyed in.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import islice, product

from mekongx.matching.keys import latin_key
from mekongx.matching.lao import latin_variants
from mekongx.matching.sea_transcription import initial_final, reading_sounds, written_sounds

_MAX = 16  # readings per name part
_MERGED = 2  # readings per pair of characters written for one Lao syllable

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
    "a": ("a",), "ai": ("ai", "e"), "an": ("an", "am", "on"), "ang": ("ang", "an", "eng"),
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


# the second character of a Lao syllable written in two (``_two_part``): pinyin -> the rest of
# the Lao vowel after the first character's u or i (瓦 wa: u -> ua, eua; 扬 yang: i -> iang)
_AFTER_U: dict[str, tuple[str, ...]] = {
    "wa": ("ua", "uea"), "an": ("uan", "uean"), "wan": ("uan", "uean"),
}  # fmt: skip
_AFTER_I: dict[str, tuple[str, ...]] = {
    "yang": ("iang", "ieng"), "ye": ("ia", "ie"), "wu": ("iu",), "yao": ("eo", "ieo"),
}  # fmt: skip
# … and after a character's e, as the Lao Chinese-language press writes ເ-ືອນ euan (德 de + 昂
# ang: 森德昂 Sengdeuan, Vietnam News Agency's Chinese service, data/sources.yaml)
_AFTER_E: dict[str, tuple[str, ...]] = {"ang": ("euan",)}


def _two_part(first: str, second: str) -> tuple[str, ...]:
    """Lao spellings of one syllable written with two characters (杜 du + 安 an = duan, duean;
    维 wei + 扬 yang = viang, vieng; 德 de + 昂 ang = deuan), or () when the pair is not such a
    syllable."""
    ini, fin = initial_final(first)
    if not ini or ini == "y":
        return ()
    rests = _AFTER_U.get(second, ()) if fin == "u" else ()
    if fin in ("i", "ei"):  # 吉 ji Ki/Chi, 维 wei Vi, 菲 fei Phi
        rests = _AFTER_I.get(second, ())
    if fin == "e":  # 德 de Deu-
        rests = _AFTER_E.get(second, ())
    if not rests:
        return ()
    return tuple(dict.fromkeys(o + r for o in _ONSETS.get(ini, (ini,)) for r in rests))


# The transcription table for Lao personal names (mainland usage) kept by zh.wikipedia as
# Wikipedia:外语译音表/老挝语 (the stored copy named in data/sources.yaml): per vowel row, the
# character written for each consonant column; "-" a cell written with two characters (read by
# ``_two_part``) or left empty. Only the rows whose columns the stored copy shows unambiguously; a
# row of eighteen characters is taken to leave the nh column empty (its last character, a zero-
# initial one, writes ng, as in the rows that fill both).
_TABLE_COLUMNS = (
    "", "b", "d", "th", "k", "kh", "v", "f", "ch", "s", "ph", "h", "m", "n", "y", "l", "r", "nh",
    "ng",
)  # fmt: skip
_TABLE_ROWS = (
    ("a", "阿巴达塔加卡瓦法乍萨帕哈马纳亚拉拉雅雅"),
    ("ai", "艾拜代泰盖凯韦费斋赛派海迈奈耶莱赖艾艾"),
    ("ao", "奥包道陶高考沃福召绍保豪毛瑙尧劳劳-敖"),
    ("an", "安班丹坦甘坎万凡占桑潘汉曼南扬兰兰-岸"),
    ("en", "恩本登滕根肯文芬曾森彭亨门嫩延伦伦-恩"),
    ("eu", "厄伯德特格克沃弗哲瑟珀赫默讷耶勒勒-额"),
    ("i", "伊比迪提吉基维菲芝西皮希米尼伊利里尼宜"),
    ("ou", "乌布杜图古库武富朱苏普胡穆努尤卢鲁-伍"),
    ("o", "奥博多托戈科沃福佐索波霍莫诺约洛罗诺鄂"),
)


@lru_cache(maxsize=1)
def table_sounds() -> dict[str, tuple[str, ...]]:
    """Character of the table -> the Lao spellings its cells give it, in the form a Latin Lao name
    is keyed in (``lao.latin_variants``: 富 -> ``("fu",)``, 希 -> ``("hi",)``, 伦 -> ``("len",
    "ren")``, 福 -> ``("fao", "fo")``)."""
    out: dict[str, list[str]] = {}
    for vowel, chars in _TABLE_ROWS:
        for onset, ch in zip(_TABLE_COLUMNS, chars, strict=True):
            if ch != "-":
                spelt = onset + vowel
                out.setdefault(ch, []).append((latin_variants(spelt) or (spelt,))[0])
    return {k: tuple(dict.fromkeys(v)) for k, v in out.items()}


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


def _respelt(spelling: str) -> str:
    """A Lao syllable as Lao names spell it (boun) in the form the sounds here are spelt in (bun)."""
    return (latin_variants(spelling) or (spelling,))[0]


def char_sounds(char: str, syl: str) -> tuple[str, ...]:
    """``syllable_sounds`` of one character of a Lao transcription, with the Lao syllables that
    Xinhua and the Lao Chinese-language press write with that character whatever its Mandarin
    sound (``data/transcription_han.csv``, read by ``sea_transcription.written_sounds``: 邦 bang
    Boun, 潘 pan Phang) after its usual sound."""
    return written_sounds(char, reading_sounds(char, syl, syllable_sounds, 1), "lao", 1, _respelt)


def part_sounds(syllables: tuple[str, ...], chars: str = "") -> list[tuple[str, ...]]:
    """Lao readings of one part of a transcription (冯维希 feng.wei.xi = vong.vi.chi), as
    syllable tuples, those with the fewest departures from each syllable's usual sound first
    (at most ``_MAX``), then a pair of characters read as one syllable (``_two_part``) and, given
    the part's characters (``chars``), the part as the table writes it (``table_sounds``); given
    the characters, each syllable's sounds are its character's (``char_sounds``). Also each
    syllable read as its plain pinyin, the others by their usual Lao sound: a writer who follows
    the Latin spelling writes a syllable so (本豐 bun.feng = Bounfeng, 豐's Lao sounds being Phong
    and Vong)."""
    if len(chars) == len(syllables):
        per = [char_sounds(c, s) for c, s in zip(chars, syllables, strict=True)]
    else:
        per = [syllable_sounds(s) for s in syllables]
    combos = islice(product(*(range(len(p)) for p in per)), 4096)
    ranked = sorted(combos, key=sum)[:_MAX]
    out = [tuple(p[i] for p, i in zip(per, c, strict=True)) for c in ranked]
    # the part as the table writes it (``chars``, one per syllable): each character by the cells
    # it fills (希 = hi, 伦 = len), the first, second and third, the others by their usual sound
    if len(chars) == len(syllables):
        cells = [table_sounds().get(ch, p[:1]) for ch, p in zip(chars, per, strict=True)]
        for j in range(3):
            out.append(tuple(c[min(j, len(c) - 1)] for c in cells))
    # one syllable read as its plain pinyin, the others by their usual Lao sound (本豐 bun.feng)
    for k, syl in enumerate(syllables):
        out.append(tuple(syl if j == k else p[0] for j, p in enumerate(per)))
    out = list(dict.fromkeys(out))
    # a pair of characters that writes one Lao syllable with a two-part vowel (杜安 = duan), the
    # other syllables read by their usual sound
    for k in range(len(syllables) - 1):
        for merged in _two_part(syllables[k], syllables[k + 1])[:_MERGED]:
            out.append((*(p[0] for p in per[:k]), merged, *(p[0] for p in per[k + 2 :])))
    return out
