"""Chinese transcriptions of Burmese, Khmer and Lao names read as sound, syllable by syllable.

Chinese writes a Burmese name one character per Burmese syllable, without the middle dot that
Thai and Western names get, and with the courtesy word transcribed too: 吴登盛 is U Thein Sein,
昂山素季 Aung San Suu Kyi, 敏昂莱 Min Aung Hlaing; Khmer names the same way (洪森 Hun Sen, 西哈莫尼
Sihamoni). Read as a Chinese name (surname 吴 Wu + given name Dengsheng) such a name meets nothing;
read as sound it lines up with the Latin or Myanmar-script name one syllable per character. The
parts of a transcription written with the middle dot (诺罗敦·西哈莫尼 Norodom Sihamoni, 通伦·西苏里)
get these sounds too, beside the Thai ones of ``transcription.py``.

A name in characters is also read so when it looks like a transcription: it starts with the
transcription of a Burmese courtesy word (吴 U, 杜 Daw, 貌 Maung, 玛 Ma, 哥 Ko, 赛 Sai, 南 Nang, 昭
Sao) and has at least two more characters, or its first character is no Chinese surname, or it is
longer than a Chinese name is. The reading is one more reading of the name (its Chinese reading
stays). Each character's pinyin is given the Burmese and Khmer syllables it stands for in
Chinese transcription, following the correspondences of the Chinese standard for Burmese
(MZ/T 126-2019, 外语地名汉字译写导则 缅甸语, Ministry of Civil Affairs) and of Xinhua's renderings of
Burmese and Cambodian leaders' names: a Burmese -ein, which Mandarin lacks, is written -eng/-en
(登 deng Thein, 盛 sheng Sein); -aung with -ang (昂 ang Aung); -aing with -ai (莱 lai Hlaing); the
palatal ky- with j-/q- (觉 jue Kyaw, 季 ji Kyi, 钦 qin Khin); sh-/sw- with r- (瑞 rui Shwe, Swe);
s-/th- with sh-/x- (山 shan San); Khmer -un with -ong (洪 hong Hun); o with -uo (诺 nuo No); a final
m, which Mandarin lacks, with -n/-ng (as the Xinhua Thai grid notes, ``transcription.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Container
from functools import lru_cache
from itertools import islice, product

from mekongx.matching import _data
from mekongx.matching.keys import latin_key

# transcriptions of the Burmese courtesy words (first character of a name)
HONORIFIC_HAN = {"吴": "u", "杜": "daw", "貌": "maung", "玛": "ma", "哥": "ko", "赛": "sai",
                 "南": "nang", "昭": "sao"}  # fmt: skip
_PER_SYLLABLE = 10
_PER_COMMON = 6  # sounds per syllable of a name that may well be Chinese (吴, 杜)
_MAX_JOINED = 12
# … of a name that looks transcribed (no Chinese surname first: 蒙文兴 Mam Bunheng, whose 文 Bun is
# the fourth sound of its syllable), which few Chinese names are
_MAX_JOINED_SURE = 20

_INITIALS = ("zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q",
             "x", "r", "z", "c", "s", "y", "w")  # fmt: skip
# pinyin initial -> the Burmese/Khmer onsets it writes
_ONSETS: dict[str, tuple[str, ...]] = {
    "sh": ("s", "th", "sh"), "x": ("s", "sh", "ch", "th"), "r": ("sh", "s", "y"),
    "j": ("ky", "ch", "k"), "q": ("ch", "ky", "kh"), "z": ("z", "s"), "c": ("s", "ch", "hs"),
    "zh": ("ch", "z"),
    "t": ("ht", "t"), "d": ("d", "th"), "f": ("ph", "v"), "h": ("h", "hl"), "l": ("l", "hl", "r"),
    "n": ("n", "ny"), "m": ("m", "my"), "b": ("b", "p"), "p": ("p", "ph"),
}  # fmt: skip
# pinyin final -> the rhymes it writes
_RHYMES: dict[str, tuple[str, ...]] = {
    "eng": ("ein", "en", "eng", "in"), "en": ("ein", "en", "in"),
    "ing": ("in", "eng", "ein", "aing"), "in": ("in", "en", "yint"),
    "ang": ("aung", "ang", "an"), "an": ("an", "ant"),
    "ong": ("aung", "un", "on", "om", "ong"), "ai": ("aing", "ai", "e"), "ui": ("we", "wi", "ui"),
    "ue": ("aw", "ye", "we"), "iu": ("yu", "yun", "u"), "ao": ("aw", "aung", "ao"),
    "ou": ("o", "oe", "aw"), "uo": ("o", "aw"), "e": ("e", "ay", "a"), "i": ("i", "ei"),
    "u": ("u", "o"), "ie": ("ye", "e"), "ian": ("yan", "an", "ein"), "iao": ("yaw", "aw"),
    "ia": ("ya", "a"), "uan": ("wan", "un", "on"), "un": ("on", "un"), "a": ("a",), "o": ("o",),
    "ei": ("e", "ay", "ei"), "iang": ("yaung", "yang"), "iong": ("yaung", "yong"),
    "uai": ("wai", "we"), "uang": ("wang", "waung"), "ua": ("wa",), "v": ("u",), "ve": ("we",),
    # weng and wang read whole: 翁 Khmer Ung (翁霍 Ung Huot); 旺 Khmer vong (西索瓦·莫尼旺
    # Sisowath Monivong) as often as Burmese aung
    "ung": ("ung", "ong", "eng"), "wong": ("aung", "ong", "ang", "an"),
}  # fmt: skip
# sounds Xinhua writes with a character whose rules put them late: the Khmer family name 谢 Chea
# (谢索帕拉 Chea Sophara; the Teochew reading of 谢 is close to it), the Burmese ငြိမ်း Nyein with 迎
# ying (吴觉迎 U Kyaw Nyein: ny is written with y- before i), the Khmer Sam with 萨 sa (门萨安 Men
# Sam An: a final m before a vowel is not written), the Khmer Sann with 双 shuang (宋双 Son Sann),
# the Karen and Shan courtesy words Saw and Sao with 苏 su (苏貌 Saw Maung, 苏瑞泰 Sao Shwe Thaik),
# the Burmese Lwin with 伦 lun (pinyin -un is said -uen) and Wun with 温 wen (吴温纳貌伦 U Wunna
# Maung Lwin), Bun with 文 wen (its older reading, Hokkien bun: 文拉妮 Bun Rany, 文翁 Boun Oum),
# the Burmese Ohn, which Mandarin lacks, with 翁 weng (吴翁觉 U Ohn Gyaw; its wum, the Lao Oum of
# 文翁, kept among the first sounds), the Khmer Sar (ស, the open vowel â that Mandarin lacks) with
# 韶 and 绍 shao (韶肯 Sar Kheng; 沙洛特绍 Saloth Sar, Pol Pot's own name)
_EARLY = {"xie": ("chea",), "ying": ("nyein",), "sa": ("sam",), "su": ("saw",),
          "shuang": ("san",), "lun": ("lwin",), "wen": ("wun", "bun"), "weng": ("on", "wum"),
          "shao": ("sa",)}  # fmt: skip
# Khmer sounds Xinhua writes with a rhyme that stands for others first, read after those (and
# after the final m): -i and -ie for ea (吉春 Keat Chhon, 迪西哈 Tea Seiha, 谢索帕拉 Chea Sophara),
# -eng for o (安蓬莫尼罗 Aun Pornmoniroth), -ang for ong, -an for aun (安 Aun), -un for uon (杭尊纳隆
# Hang Chuon Naron), -iao for ieu (ៀវ, which Mandarin lacks: 乔卡纳里 Khieu Kanharith); Burmese:
# -iao for ya (妙吞乌 Mya Tun Oo)
_LATER: dict[str, tuple[str, ...]] = {
    "i": ("ea",), "ie": ("ea",), "iao": ("ya", "ieu"), "eng": ("on",), "ang": ("ong",), "an": ("aun",),
    "un": ("uon",),
}  # fmt: skip


def initial_final(syl: str) -> tuple[str, str]:
    """A toneless pinyin syllable's initial and final (``"feng"`` -> ``("f", "eng")``); the Lao
    transcription reads syllables the same way."""
    for ini in _INITIALS:
        if syl.startswith(ini) and len(syl) > len(ini):
            return ini, syl[len(ini) :]
    return "", syl


@lru_cache(maxsize=5_000)
def syllable_sounds(syl: str) -> tuple[str, ...]:
    """Burmese/Khmer Latin spellings a toneless pinyin syllable writes: the pinyin, the principal
    sound (the same when no rule applies), then the others."""
    ini, fin = initial_final(syl)
    onsets = tuple(dict.fromkeys((*_ONSETS.get(ini, ()), ini)))
    if ini in ("y", "w"):  # 敏 min / 缅 mian; 耶 ye, 温 wen: the y or w may belong to the rhyme
        onsets = (ini, "")
    if syl in ("weng", "wang"):  # read whole (_RHYMES)
        fin = "ung" if syl == "weng" else "wong"
    rhymes = (*_RHYMES.get(fin, ()), fin)
    if ini in ("j", "q", "x") and fin.startswith("u"):  # ju, qu, xu are ü
        rhymes = (*_RHYMES.get("v" + fin[1:], ()), *rhymes)
    rhymes = tuple(dict.fromkeys(rhymes))
    if fin.endswith(("n", "ng")):  # a final m, which Mandarin lacks (桑 sang Sam, 根 gen Kem)
        nasal = [r for r in rhymes[:2] if r.endswith("n") or r.endswith("ng")]
        rhymes = (*rhymes, *(r.removesuffix("g").removesuffix("n") + "m" for r in nasal))
    rhymes = tuple(dict.fromkeys((*rhymes, *_LATER.get(fin, ()))))
    combos = sorted(product(range(len(onsets)), range(len(rhymes))), key=sum)
    # second: the principal sound, each rule's first choice (沙 sha sa, 宋 song saung)
    principal = onsets[0] + rhymes[0]
    early = _EARLY.get(syl, ())
    rest = dict.fromkeys((*early, *(x for i, j in combos if (x := onsets[i] + rhymes[j]))))
    rest.pop(syl, None)
    rest.pop(principal, None)
    # one spelling per key: htaung and taung, htang and tang are one sound once keyed (the key
    # folds aspiration), and spent the few sounds a syllable keeps (唐 tang reached Thong's tong
    # only as its ninth spelling)
    seen = {latin_key(syl), latin_key(principal)}
    distinct = []
    for x in rest:
        if (k := latin_key(x)) not in seen:
            seen.add(k)
            distinct.append(x)
    return (syl, principal, *distinct[: _PER_SYLLABLE - 2])


def written_sounds(
    char: str, own: tuple[str, ...], language: str, after: int, respell: Callable[[str], str] = str
) -> tuple[str, ...]:
    """A character's sounds ``own`` (by the rules of one reader) with the syllables of
    ``language`` that Chinese writes with that character whatever its Mandarin sound
    (``data/transcription_han.csv``) put after the first ``after`` of them, each respelt by
    ``respell`` into the form the reader's sounds are spelt in. The one mechanism for such
    characters: Khmer and Burmese (``char_sounds``) and Lao (``lao_transcription.char_sounds``)."""
    table = _data.transcription_han(language).get(char, ())
    if not table:
        return own
    # the first ``after`` sounds stay where they are, even when two of them are one spelling
    # (莫 mo, principal mo): merged, a row became the principal sound (莫 Mam for 莫尼列 Monineath)
    head = own[:after]
    rows = [t for t in dict.fromkeys(map(respell, table)) if t not in head]
    return (
        *head,
        *rows,
        *(x for x in dict.fromkeys(own[after:]) if x not in head and x not in rows),
    )


def table_readings(char: str, syl: str) -> tuple[str, ...]:
    """The other standard Mandarin readings (pinyin, toneless) that the transcription tables write
    ``char`` with, beside ``syl``, the one reading a name's pinyin gives it (``data/
    transcription_han.csv``, rows of the language ``pinyin``): 都 is read dou, but written for du
    (内比都 Naypyidaw, 吴敏都 U Min Thu); 曾 ceng, but the Thai and Lao tables write zeng with it.
    Only the characters listed: a heteronym's other readings are not all names' sounds."""
    return tuple(r for r in _data.transcription_han("pinyin").get(char, ()) if r != syl)


def reading_sounds(
    char: str, syl: str, sounds: Callable[[str], tuple[str, ...]], after: int
) -> tuple[str, ...]:
    """``sounds`` of ``syl``, one character's reading, with the first two ``sounds`` (the pinyin
    and the principal sound) of each other reading the transcription tables write it with
    (``table_readings``) after the first ``after`` of ``syl``'s: 都 dou, do, then du. Only those
    two, as more of an other reading's sounds would meet more other persons' names. The one
    mechanism for Khmer and Burmese (``char_sounds``) and Lao (``lao_transcription.char_sounds``)."""
    own = sounds(syl)
    others = [x for r in table_readings(char, syl) for x in sounds(r)[:2]]
    if not others:
        return own
    return tuple(dict.fromkeys((*own[:after], *others, *own[after:])))


def char_sounds(char: str, syl: str) -> tuple[str, ...]:
    """``syllable_sounds`` of one character of a transcription (and of the other readings the
    tables write it with, ``reading_sounds``: 都 dou and du), with the Burmese and Khmer
    syllables Chinese writes with that character whatever its Mandarin sound (``written_sounds``:
    Burmese 班 ban Van; Khmer 肯 ken Kheng, 布 bu Prum, 列 lie Neath) after the principal sound, so
    that a name that may well be Chinese, read with fewer sounds, keeps them too."""
    own = reading_sounds(char, syl, syllable_sounds, 2)
    for language in ("burmese", "khmer"):
        own = written_sounds(char, own, language, 2)
    return own[:_PER_SYLLABLE]


def _sounds(syllables: list[str] | tuple[str, ...], chars: str) -> list[tuple[str, ...]]:
    """Sounds of each syllable, by its character when the characters are given (``char_sounds``)."""
    if len(chars) == len(syllables):
        return [char_sounds(c, s) for c, s in zip(chars, syllables, strict=True)]
    return [syllable_sounds(s) for s in syllables]


# family names of Vietnamese names in characters (阮 Nguyễn): a Hán-Việt name, not a transcription
# (``looks_transcribed``; ``may_be_transcribed`` still reads it as sound too)
_VIETNAMESE = frozenset("阮黎武裴邓范潘胡陈吴杜")


# Chinese surnames beyond the top-100 list of ``surnames_zh.csv`` (2020 household registration
# report), all in the Song primer 百家姓 (Hundred Family Surnames): a name of two or three
# characters starting with one (牛东, 牛红静) is an ordinary Chinese name, not a transcription. Read
# as sound, 牛 niu is the syllable nu and met Liu / หลิว (LIU Dong / 牛東 0.71). Left out: the
# surnames Chinese also writes Burmese syllables with (温 Win, 盛 Sein, 季 Kyi, 梅 Me).
_OTHER_SURNAMES = frozenset(
    "牛邢祝齐颜倪庞葛聂柳柴甘章包耿岳游鲁项申安左褚骆景焦阎房鲍米霍卫池管凌伍符涂关苗萧童翁"
    "祁车舒晏靳全宗钮闵俞尚谷卓喻滕饶邬巫卞储边索甄危"
)


def looks_transcribed(han: str, surnames: Container[str]) -> bool:
    """Does a name in characters look like the transcription of a Burmese or Khmer name?"""
    if han[0] in _VIETNAMESE and han[0] not in HONORIFIC_HAN:
        return False
    if len(han) >= 3 and han[0] in HONORIFIC_HAN:
        return True
    if len(han) <= 3 and han[0] in _OTHER_SURNAMES:
        return False
    if len(han) >= 2 and han[0] not in surnames and han[:2] not in surnames:
        return True
    return len(han) >= 5


def may_be_transcribed(han: str, surnames: Container[str]) -> bool:
    """Could a name in characters that ``looks_transcribed`` rejects still be a transcription: two
    or three characters starting with a Chinese surname that Chinese also writes Khmer, Burmese
    and Lao syllables with (洪森 Hun Sen, 谢辛 Chea Sim), or four when the first two are no
    compound surname (谢索帕拉 Chea Sophara; a Chinese given name has one or two characters, but a
    Hong Kong married woman's name carries two surnames: 陈方安生)? Such a name is far more often
    Chinese, so its sound reading meets only names that are not read as Chinese
    (``alignment.FOREIGN_ONLY``). A Vietnamese family name (胡, 邓, 陈: ``_VIETNAMESE``) may start
    one too, as the Cambodian Chinese press writes Huot Hak 胡哈 and Dith Tina 邓迪那 (not 吴 and
    杜, which are read as Burmese courtesy words only in longer names, ``looks_transcribed``)."""
    first = han[0]
    return (
        2 <= len(han) <= (4 if han[:2] not in surnames else 3)
        and not (first in _VIETNAMESE and first in HONORIFIC_HAN)
        and (first in surnames or first in _OTHER_SURNAMES)
    )


Triple = tuple[str, str, str]


def reading_shapes(
    syllables: list[str], joined: bool = True, few: bool = False, chars: str = ""
) -> list[list[list[tuple[str, tuple[str, ...]]]]]:
    """Shapes of the sound reading of a transcription (one pinyin syllable per character):
    one part per syllable (Burmese: Thein Sein), the first syllable apart from the rest joined
    (Khmer: Hun Manet), all joined (Sihamoni); each with the courtesy word, and without it when
    the name starts with one. A part is a list of (display, syllables) alternatives.

    ``joined=False``: one part per syllable only, with fewer sounds each, for a name that starts
    with 吴 or 杜, common Chinese surnames as well (吴子俊 is far more often Wu Zijun than a
    Burmese name): one in sixty Chinese names, whose readings cost every search.
    ``few``: fewer sounds per syllable, and no shape with all syllables joined (a name that starts
    with another Chinese surname, 洪森: most Chinese names of two or three characters get this
    reading; joined, their sounds filed a fifth of the index's keys and met nothing more in
    names_mekong.py).
    ``chars``: the name's characters (simplified), one per syllable (``char_sounds``)."""
    per = _sounds(syllables, chars)
    if not joined or few:
        per = [p[:_PER_COMMON] for p in per]
    bodies = [per]
    if len(per) >= 3 and syllables[0] in ("wu", "du", "mao", "ma", "ge", "sai", "nan", "zhao"):
        bodies.append(per[1:])
    most = _MAX_JOINED if few else _MAX_JOINED_SURE
    shapes: list[list[list[tuple[str, tuple[str, ...]]]]] = []
    for body in bodies:
        shapes.append([[(s, (s,)) for s in alts] for alts in body])
        if len(body) >= 3 and joined:
            shapes.append([[(s, (s,)) for s in body[0]], _joined(body[1:], most)])
        if len(body) >= 4 and joined:  # three words (杭尊纳隆 Hang Chuon Naron)
            shapes.append([[(s, (s,)) for s in body[0]], [(s, (s,)) for s in body[1]],
                           _joined(body[2:], most)])  # fmt: skip
        if len(body) >= 2 and joined and not few:
            shapes.append([_joined(body, most)])
    return shapes


def word_shapes(
    syllables: list[str], chars: str = ""
) -> list[list[list[tuple[str, tuple[str, ...]]]]]:
    """One more shape of the sound reading of a transcription of five syllables or more (one
    pinyin syllable per character), beside ``reading_shapes``: a first word of two syllables, a
    word of one and the rest joined, as a Chin name with the English given name its bearer was
    christened with is written (亨利班提育 = Henry Van Thio: 亨利 is how Chinese writes Henry). Its
    reading keeps its parts in the order written (``origin.order_fixed``): read in any order, it
    met the same words reversed (Thio Van Henry), another person's name."""
    if len(syllables) < 5:
        return []
    per = _sounds(syllables, chars)
    return [[_joined(per[:2]), [(s, (s,)) for s in per[2]], _joined(per[3:])]]


def part_sounds(syllables: tuple[str, ...], chars: str = "") -> list[tuple[str, ...]]:
    """Readings of one part of a transcription written with the middle dot (诺罗敦 nuo.luo.dun
    = no.ro.don), as syllable tuples: the pinyin, every syllable read by its first sound, then
    that reading with one syllable read otherwise; given the part's characters (``chars``), each
    also by the Khmer syllables written with it (``char_sounds``: 莫尼列 = mo.ni.neath)."""
    per = _sounds(syllables, chars)
    base = [min(1, len(p) - 1) for p in per]
    out = [tuple(p[0] for p in per), tuple(p[i] for p, i in zip(per, base, strict=True))]
    for i in range(2, max(len(p) for p in per)):
        for k, p in enumerate(per):
            if i < len(p):
                out.append(
                    tuple(
                        p[i] if j == k else q[b]
                        for j, (q, b) in enumerate(zip(per, base, strict=True))
                    )
                )
    kept = list(dict.fromkeys(out))[:_MAX_JOINED]
    final = _FINAL_SYLLABLES.get(syllables[-1]) if len(syllables) >= 3 else None
    if final is not None:  # 苏拉玛里特 su.la.ma.li.te = Suramarit: 特 writes the final t
        kept += [(*s[:-1], s[-1] + final) for s in part_sounds(syllables[:-1], chars[:-1])[1:4]]
    return kept


# the syllables Xinhua writes a part's final consonant with (特 t, 克 k, 姆 m, 斯 s, 尔 r)
_FINAL_SYLLABLES = {"te": "t", "de": "t", "ke": "k", "mu": "m", "si": "s", "er": "r"}


def _joined(
    per: list[tuple[str, ...]], most: int = _MAX_JOINED
) -> list[tuple[str, tuple[str, ...]]]:
    """The ``most`` likeliest spellings of syllables written as one word: fewest departures from
    each syllable's first sounds, and of as many, every syllable read by one of its nearer sounds
    (the third sound of both 宗 and 仁, Khmer Cham and Roeun: 郭宗仁 Kuoch Chamroeun) before one
    read by a far one."""
    combos = islice(product(*(range(len(p)) for p in per)), 4096)
    ranked = sorted(combos, key=lambda c: (sum(c), max(c, default=0)))[:most]
    out = []
    for c in ranked:
        syls = tuple(p[i] for p, i in zip(per, c, strict=True))
        out.append(("".join(syls), syls))
    return out
