"""Chinese names read in Cantonese and Hokkien, as Hong Kong, Macau, Singapore and Malaysia write them.

A person registered as 陈振声 in Chinese characters carries Chan Chun Sing on a Singapore passport,
李嘉诚 is Li Ka-shing in Hong Kong, 林冠英 is Lim Guan Eng in Malaysia: the Latin spelling is the
sound of the characters in the person's own Chinese language, not their Mandarin pinyin. A name in
Chinese characters therefore gets two more readings:

- **Cantonese**, in the Hong Kong government romanisation used on HKID cards and passports (and,
  with Portuguese habits close to it, in Macau): ``data/cantonese_hk.csv``, several spellings per
  character as the registry package cantonese-romanisation 1.0.5 lists them (陈 chan|chun,
  国 gwok|kwok, 诚 shing|sing).
- **Hokkien** (Southern Min: Singapore, Malaysia, Taiwan, the Philippines), with one **Teochew**
  spelling per character after it where Teochew reads otherwise (``data/teochew.csv``, from
  《潮州音字典》: 程 thia Thia, 勋 hng Hng, 强 kiang Kiang, 细 soi Soi):
  ``data/hokkien.csv``, the literary and colloquial Tâi-lô readings of the registry package taibun
  1.1.8 (陈 tan|tin, 林 lim|na), each also written with the Pe̍h-ōe-jī habits that name spellings
  follow (ts -> ch, ing -> eng, ik -> ek, ian -> ean, iong -> eong, ua -> oa, oo -> o; nasal nn
  not written): 清 tshing -> Cheng, 德 tik -> Teck, 贤 hian -> Hean, 昌 tshiong -> Cheong.

The surname also keeps the dialect spellings of ``surnames_zh.csv`` (Teochew Teo, Heng; Ooi, Goh).
Each reading is given twice: surname + given name (``Lee Ka-shing``) and surname + one part per
given-name character (``Chan Chun Sing``), so that a name written in three words lines up word
for word with all its alternative spellings. The two dialects are merged into one reading of
each shape (kept apart, they cost the index twice the readings for the same figures), never with
pinyin, and compared with names in Latin letters only (``alignment.LATIN_ONLY``): against Thai
script, Chinese characters or the Mandarin of a Hán-Việt reading their many spellings per
character would meet other names by chance.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import islice, product

from mekongx.matching import _data
from mekongx.matching.keys import EXACT, latin_key

Triple = tuple[str, str, str]
DIALECTS = ("cantonese", "hokkien", "hakka", "foochow")
_PER_CHARACTER = 4  # distinct keys kept per character and dialect
_MAX_GIVEN = 9  # given-name combinations kept per dialect
# Hakka (Malaysia, Singapore, Sabah) and Foochow (Sarawak, Sibu): two spellings per character,
# and a given name read one part per character only (``_SPLIT_ONLY``), so that their
# alternatives cost the index little
_HAKKA_PER_CHARACTER = 2
_FOOCHOW_PER_CHARACTER = 2
_SPLIT_ONLY = frozenset(("hakka", "foochow"))
# Pe̍h-ōe-jī spellings of Tâi-lô finals and vowels, as Singapore and Malaysian names write them
# (贤 hian Hean, 杰 kiat Keat, 昌 tshiong Cheong, 蔡 tshua Chua, 清 tshing Cheng, 德 tik Teck)
_POJ = tuple(
    (re.compile(p), r)
    for p, r in (
        ("ing", "eng"),
        ("ik", "ek"),
        ("ia(?=[ntkp]|$)", "ea"),
        ("iong", "eong"),
        ("iok", "eok"),  # 玉 giok Geok (Lee Geok Kun), as iong is eong
        ("ua", "oa"),
        ("oo", "o"),
        ("iau", "eow"),  # 萧 siau Seow (and iow: 廖 liau Liow)
    )
)


@cache
def _table(name: str) -> dict[str, tuple[str, ...]]:
    return {r["han"]: tuple(r["readings"].split("|")) for r in _data._rows(name)}


def _hokkien_spellings(tailo: str) -> list[str]:
    """Tâi-lô (toneless) -> the spellings a name carries: ts/tsh are ch, nasal nn unwritten, the
    POJ form first (Cheng, Teck), an initial i also written y (炎 iam Yam), an initial u w."""
    base = tailo.replace("tsh", "ch").replace("ts", "ch").replace("nn", "")
    poj = base
    for pattern, repl in _POJ:
        poj = pattern.sub(repl, poj)
    out = list(dict.fromkeys((poj, base)))
    if "iau" in base:
        out.append(base.replace("iau", "iow"))
    if base.startswith("i") and len(base) > 1:
        out.append("y" + base[1:] if base[1] in "aeou" else "y" + base)
    if base.startswith("u") and len(base) > 1 and base[1] in "aei":
        out.append("w" + base[1:] if base[1] != "i" else "wee" + base[2:])  # 远 uan Wan, 威 ui Wee
    if base == "hui":  # 惠 hui Hwee, 輝 Hwee, as 瑞 sui is Swee (hw keys as w, not as h.u)
        out.append("hwee")
    # an initial ng before an oral vowel is also g, as the two alternate in Hokkien (吳 ngôo /
    # gôo Goh, 梧 Goh); a final ai after a consonant is also ye (泰 thài Thye, 才 tsâi Chye)
    if base.startswith("ng") and base[2:3] in tuple("aeiou"):
        out.append("g" + poj[2:])
    if base.endswith("ai") and len(base) > 2 and base[-3] not in "aeiou":
        out.append(base[:-2] + "ye")
    # a final e after a consonant is also ay, as English spells the vowel (生 senn Say, 鄭 tēnn
    # Tay, 禮 lé Lay), the way Teochew names write it (``_teochew_spellings``)
    if base.endswith("e") and len(base) > 1 and base[-2] not in "aeiou":
        out.append(base[:-1] + "ay")
    return out


def _penang_eik(tailo: str) -> list[str]:
    """A Hokkien final ik (POJ ek) as Penang names write it, ei before the k (德 tik Teik: Tan
    Teik Cheng 陳德欽, Teoh Teik Huat), as Penang's local spelling writes a vowel e before a final
    stop (八 peh "peik")."""
    base = tailo.replace("tsh", "ch").replace("ts", "ch")
    return [base[:-2] + "eik"] if base.endswith(("ik", "ek")) and len(base) > 2 else []


def _nasal_n(spelt: str) -> list[str]:
    """A final ng after ia or ua also written n, as Singapore and Penang names write it (亮
    liang Lian, 光 kuang Kuan: Tan Kin Lian, Lee Kuan Yew)."""
    return [spelt[:-1]] if spelt.endswith(("iang", "uang")) else []


# Dieghv initials of the Teochew table -> the spelling names give them (the key folds p/b, t/d,
# k/g and ch/ts/j, so one spelling each suffices but for bh = b or m, gh = g or ng, r = j or y)
_TEOCHEW_INITIALS = (
    ("bh", ("b", "m")), ("gh", ("g", "ng")), ("ng", ("ng",)), ("z", ("ch",)), ("c", ("ch",)),
    ("r", ("j", "y")), ("b", ("p",)), ("p", ("p",)), ("m", ("m",)), ("d", ("t",)), ("t", ("t",)),
    ("n", ("n",)), ("l", ("l",)), ("g", ("k",)), ("k", ("k",)), ("h", ("h",)), ("s", ("s",)),
)  # fmt: skip


def _teochew_spellings(syllable: str) -> list[str]:
    """Toneless Dieghv syllable -> the spellings a Singapore or Malaysian name carries: the
    glottal stop and the nasal mark unwritten (張 dion Teo, 鄭 den Tay/Teh), io also eo (楊 ion
    Yeo), the vowel ɯ (v) as u or er (思 sv Ser), ue also oe, ua also oa (蔡 cua Chua); an
    initial i is written y, an initial u w (耀 iau Yau, 王 uang Wang)."""
    if syllable.endswith("h") and syllable != "ngh":
        syllable = syllable[:-1]
    if syllable.endswith("n") and not syllable.endswith("ng"):
        syllable = syllable[:-1]
    initials: tuple[str, ...] = ("",)
    rest = syllable
    for ini, spelt in _TEOCHEW_INITIALS:
        if syllable.startswith(ini) and syllable != ini and syllable[len(ini) :] != "g":
            initials, rest = spelt, syllable[len(ini) :]
            break
    finals = [rest]
    if "v" in rest:
        finals = [
            rest.replace("v", "u"),
            rest.replace("v", "er") if rest == "v" else rest.replace("v", "e"),
        ]
    if rest.startswith("io"):
        finals.append("eo" + rest[2:])
    if rest.startswith(("ue", "ua")):
        finals.append("o" + rest[1:])
    if rest == "e" and initials != ("",):
        finals.append("ay")  # 鄭 den Tay, 生 sen Say
    if rest == "ak" and initials != ("",):
        finals.append("uck")  # 樂 lak Luck, as English spells a short a (Hong Kong's 德 Duck)
    out: list[str] = []
    for ini in initials:
        for fin in finals:
            if not ini and fin[:1] == "i" and len(fin) > 1 and fin[1] in "aeou":
                fin = "y" + fin[1:]
            elif not ini and fin[:2] == "eo":
                fin = "y" + fin
            elif not ini and fin[:1] == "u" and len(fin) > 1 and fin[1] in "aei":
                fin = "w" + fin[1:]
            out.append(ini + fin)
    return list(dict.fromkeys(out))


def _foochow_spellings(syllable: str) -> list[str]:
    """Toneless syllable of the Foochow table -> the spellings Sarawak and Sibu names give it
    (Foochow Romanized habits without its marks): z and c are ch, the glottal stop unwritten,
    the vowel ü (y) written ii or u (許 hy Hii), ö (oe) written oe or e, ieu also iew (曉 hieu
    Hiew); an initial i is written y, an initial u w (黃 uong Wong)."""
    if syllable.endswith("h") and len(syllable) > 2:
        syllable = syllable[:-1]
    for ini, spelt in (("z", "ch"), ("c", "ch")):
        if syllable.startswith(ini):
            syllable = spelt + syllable[1:]
            break
    out = [syllable]
    if "y" in syllable:
        out = [
            syllable.replace("y", "ii" if syllable.endswith("y") else "u"),
            syllable.replace("y", "u"),
        ]
    if "oe" in syllable:
        out.append(syllable.replace("oe", "e"))
    if "ieu" in syllable:
        out.insert(0, syllable.replace("ieu", "iew"))
    onset = re.match("[^aeiou]*", syllable)
    if onset is not None and not onset.group() and len(syllable) > 1 and syllable[1] in "aeiou":
        if syllable[0] == "u":
            out.insert(0, "w" + syllable[1:])
        elif syllable[0] == "i":
            out.insert(0, "y" + syllable[1:])
    return list(dict.fromkeys(out))


def _hakka_spellings(syllable: str) -> list[str]:
    """Toneless syllable of the Hakka table (Meixian IPA, aspiration as h, ŋ as ng) -> the
    spellings Malaysian and Singapore Hakka names give it: ts(h) is ch, ɔ o, ɛ e; ə (the vowel
    of Meixian's ts/s syllables) is i, as the Huiyang-based accents of Malaysia say it (鎮 tsən
    Chin), ɿ i or u (素 sɿ Su); iu also iew (劉 liu Liew), uɔ after k o (郭 kuɔk Kok), ian also
    ien, un also oon (文 vun Voon); ngi before a vowel also ny; an initial i is written y (葉 iap
    Yap), an initial v also w (黃 vɔng Wong)."""
    base = syllable.replace("ɔ", "o").replace("ɛ", "e").replace("tsh", "ch").replace("ts", "ch")
    base = base.replace("ph", "p").replace("kh", "k")
    out = [base.replace("ə", "i").replace("ɿ", "i")]
    if "ə" in base:
        out.append(base.replace("ə", "e"))
    if "ɿ" in base:
        out.append(base.replace("ɿ", "u"))
    first = out[0]
    if "iu" in first and not first.endswith(("iun", "iung", "iuk")):
        out.append(first.replace("iu", "iew"))
    if first.startswith("kuo"):
        out.append("k" + first[2:])
    if "ian" in first or "ien" in first:
        out.append(first.replace("ian", "ien") if "ian" in first else first.replace("ien", "ian"))
    if first.endswith("un") and first[:-2][-1:] not in ("i", ""):
        out.append(first[:-2] + "oon")
    if first.startswith("ngi") and first[3:4] in tuple("aeou"):
        out.append("ny" + first[3:])
    if first.startswith("i") and len(first) > 1:
        out.insert(0, "y" + first[1:] if first[1] in "aeou" else "y" + first)
    if first.startswith("v"):
        out.append("w" + first[1:])
    return list(dict.fromkeys(out))


def _iew(spelt: str) -> str:
    """A Cantonese final -iu as Malaysian and Singapore names write it: siu Siew, yiu Yew."""
    return spelt[:-2] + ("ew" if spelt[:-2].endswith("y") else "iew")


def _keyed(spellings: list[str], most: int = _PER_CHARACTER) -> list[tuple[str, str]]:
    """(spelling, key) with distinct keys, at most ``most``."""
    seen: dict[str, str] = {}
    for s in spellings:
        k = latin_key(s)
        if k and k not in seen:
            seen[k] = s
            if len(seen) == most:
                break
    return [(s, k) for k, s in seen.items()]


@cache
def character_spellings(ch: str, dialect: str, teochew: bool = True) -> tuple[tuple[str, str], ...]:
    """(spelling, key) alternatives of one simplified character in ``cantonese`` or ``hokkien``
    (with a Teochew spelling, and a Cantonese uk also ok, unless ``teochew`` is false: a
    surname's character, whose other spellings are the surname table's)."""
    spellings: list[str] = []
    if dialect == "cantonese":
        spellings += _table("cantonese_hk.csv").get(ch, ())
        # a final -au is also written -ow, in Hong Kong's own place names and in names (九龍
        # Kowloon, 周潤發 Chow Yun-fat) and in Malaysia (劉 Low)
        spellings += [s[:-2] + "ow" for s in spellings[:2] if s.endswith("au")]
        # … and a final -iu -iew in Malaysia and Singapore, as their Hakka names write it (兆 siu
        # Siew: Loke Siew Fook 陸兆福; 耀 yiu Yew: Lee Kuan Yew 李光耀)
        spellings += [_iew(s) for s in spellings[:2] if s.endswith("iu")]
        # the vowel of uk, which Hong Kong writes ung or ong before ng (and Macau always ong),
        # also written o before k in given names (鈺 yuk Yok: Tsang Yok-sing 曾鈺成), and oke in
        # Malaysia, as its surname 陸 Loke is (玉 yuk Yoke: 清玉 Chin Yoke)
        if teochew:
            uk = [s[:-2] for s in spellings[:2] if s.endswith("uk") and s[-3:] != "euk"]
            spellings += [s + "ok" for s in uk] + [s + "oke" for s in uk]
        return tuple(_keyed(spellings))
    if dialect == "hakka":
        for r in _table("hakka.csv").get(ch, ())[:2]:
            spellings += _hakka_spellings(r)
        hakka = _keyed(spellings, _HAKKA_PER_CHARACTER)
        # over the cap, one spelling of a Malaysian accent (Senai, Johor; then Hong Kong's, of
        # Bao'an and Huiyang) whose key the Meixian readings lack: most Malaysian Hakka speak
        # accents of Huiyang and Hopo, not Meixian's (健 ken Ken, 仙 sen Sen, 敏 min Min, 荣 in
        # Yin; the table keeps only such readings)
        keys = {k for _, k in hakka}
        for r in _table("hakka_malaysia.csv").get(ch, ()):
            new = [(s, k) for s, k in _keyed(_hakka_spellings(r)) if k not in keys]
            if new:
                hakka.append(new[0])
                break
        return tuple(hakka)
    if dialect == "foochow":
        for r in _table("foochow.csv").get(ch, ())[:2]:
            spellings += _foochow_spellings(r)
        return tuple(_keyed(spellings, _FOOCHOW_PER_CHARACTER))
    for r in _table("hokkien.csv").get(ch, ()):
        spellings += _hokkien_spellings(r)
    hokkien = _keyed(spellings)
    # Teochew, the other Southern Min language of Singapore and Malaysia, after them: one
    # spelling, the first whose key Hokkien has not (思 Ser, 勋 Hng, 强 Kiang, 程 Thia), so that
    # a name's alternatives, and the keys an index files, grow by one per character at most; it
    # takes its place over the cap, as Hokkien's four spellings of 乐 (gak lok ngau gau) would
    # leave out the Teochew lak of a Teochew name (張思樂 Teo Ser Luck) …
    keys = {k for _, k in hokkien}
    new = [
        (s, k)
        for r in (_table("teochew.csv").get(ch, ()) if teochew else ())
        for s, k in _keyed(_teochew_spellings(r))
        if k not in keys
    ]
    hokkien += [(s, k) for s, k in new if not s.endswith("uck")][:1]
    # … and a final ak also written uck, English's short u (樂 lak Luck), once
    hokkien += [(s, k) for s, k in new if s.endswith("uck")][:1]
    # over the cap: the first final ng after ia or ua also written n (one spelling at most)
    for s, _ in hokkien:
        nasal = _keyed(_nasal_n(s), 1)
        if nasal and nasal[0][1] not in {k for _, k in hokkien}:
            hokkien.append(nasal[0])
            break
    # … and in a given name, Penang's ei before k (德 Teik), once
    if teochew:
        keys = {k for _, k in hokkien}
        for r in _table("hokkien.csv").get(ch, ()):
            eik = [(s, k) for s, k in _keyed(_penang_eik(r), 1) if k not in keys]
            if eik:
                hokkien += eik
                break
    return tuple(hokkien)


@cache
def syllable_keys() -> frozenset[str]:
    """The keys of every Cantonese, Hokkien and Teochew spelling of one character (chan, lim,
    teo; Yeoh has the key of yeo): a word with none of them, nor pinyin or Wade-Giles, is no
    Chinese syllable."""
    chars = set(_table("cantonese_hk.csv")) | set(_table("hokkien.csv"))
    chars |= set(_table("teochew.csv")) | set(_table("foochow.csv")) | set(_table("hakka.csv"))
    chars |= set(_table("hakka_malaysia.csv"))
    return frozenset(
        k for ch in chars for dialect in DIALECTS
        for _, k in character_spellings(ch, dialect)
    )  # fmt: skip


@cache
def spellings() -> frozenset[str]:
    """Every Cantonese, Hokkien, Teochew, Hakka and Foochow spelling of one character (chan,
    siau, seow; not siaw)."""
    chars = set(_table("cantonese_hk.csv")) | set(_table("hokkien.csv"))
    chars |= set(_table("teochew.csv")) | set(_table("foochow.csv")) | set(_table("hakka.csv"))
    chars |= set(_table("hakka_malaysia.csv"))
    return frozenset(
        s for ch in chars for dialect in DIALECTS for s, _ in character_spellings(ch, dialect)
    )


def _surname(surname: str, dialect: str) -> list[Triple]:
    """Alternatives of the surname: the dialect reading of its characters, then the dialect
    spellings the surname table lists (Teochew Teo for 张, Heng for 王; Ooi for 黄)."""
    # no Teochew reading of the surname's characters: the surname table has its Teochew
    # spellings (Teo, Tay, Heng), and 庄 ziang read Chang met Tio (张) through zhang's key
    per_char = [character_spellings(ch, dialect, teochew=False) for ch in surname]
    out: list[Triple] = []
    if all(per_char):
        for combo in islice(product(*per_char), _PER_CHARACTER):
            out.append(
                ("".join(s for s, _ in combo).capitalize(), ".".join(k for _, k in combo), dialect)
            )
    row = _data.surnames().get(surname)
    if row is not None:
        out += [(v.capitalize(), latin_key(v), "surname-variant") for v in row.latin_variants]
        if row.latin_variants:  # what a dialect spelling of the other name is read back to
            out.append((row.pinyin, EXACT + row.pinyin, "surname-variant"))
    # the spellings of Singapore and Malaysian lists the mainland list lacks (马 Bey, 郭 Kuek)
    out += [
        (v.capitalize(), latin_key(v), "surname-variant")
        for v in _data.southern_surnames().get(surname, ())
    ]
    return out


def reading_parts(surname: str, given: str) -> list[tuple[str, list[list[Triple]]]]:
    """(system, parts) of the Cantonese and Hokkien readings of a name in simplified characters:
    for each dialect known for every character, surname + given name and surname + one part per
    given-name character (when the given name has two or more)."""
    out: list[tuple[str, list[list[Triple]]]] = []
    for dialect in DIALECTS:
        sur = _surname(surname, dialect)
        per_char = [character_spellings(ch, dialect) for ch in given]
        if not sur or not all(per_char):
            continue
        if not given:
            out.append((dialect, [sur]))
            continue
        # Hakka and Foochow names are written a word per character (Liew Chin Tong, Tiong Hiew
        # King): their given names are not read as one word, which halves their cost to the index
        if dialect in _SPLIT_ONLY and len(given) > 1:
            split = [[(s.capitalize(), k, dialect) for s, k in alts] for alts in per_char]
            out.append((dialect + "-split", [sur, *split]))
            continue
        joined = [
            (
                "-".join(s for s, _ in combo).capitalize(),
                ".".join(k for _, k in combo),
                dialect,
            )
            for combo in islice(product(*per_char), _MAX_GIVEN)
        ]
        out.append((dialect, [sur, joined]))
        if len(given) > 1:
            split = [[(s.capitalize(), k, dialect) for s, k in alts] for alts in per_char]
            out.append((dialect + "-split", [sur, *split]))
        if dialect == "hokkien" and len(given) > 1 and (hainan := _hainanese(per_char)):
            out.append(("hainanese-split", [sur, *hainan]))
        if dialect == "cantonese" and len(given) == 3 and given[0] in _data.surnames():
            married = _married(sur, given, per_char)
            out.append(("cantonese-married", married))
            split = [[(s.capitalize(), k, dialect) for s, k in alts] for alts in per_char[1:]]
            # … in four words as well, her own surname with all its spellings (CHAN FANG ON
            # SANG, a passport's upper case without hyphens: 方 Fang is no Cantonese reading)
            out.append(("cantonese-married", [married[0], married[1], *split]))
            # … and her maiden name alone, as she was registered before her marriage or signs
            # a document without her husband's surname (葉劉淑儀 Lau Suk-yee, 林鄭月娥 Cheng
            # Yuet-ngor)
            out.append(("cantonese-maiden", married[1:]))
            out.append(("cantonese-maiden", [married[1], *split]))  # CHENG YUET NGOR
    return out


def _hainanese(per_char: list[tuple[tuple[str, str], ...]]) -> list[list[Triple]] | None:
    """The given name as a Hainanese family of Singapore or Malaysia writes it, a word per
    character: Hainanese hardened the s of the other Southern Min languages into t, so a
    character whose Hokkien spellings start with s is spelt with t instead (詩 si Tee: Ong Tee
    Keat 翁詩傑; 山 san Tan: Mah Bow Tan 馬寶山), the others as in Hokkien. None when no
    character starts with s (the Hokkien reading is the same)."""
    out: list[list[Triple]] = []
    changed = False
    for alts in per_char:
        hard = _keyed(["t" + s[1:] for s, _ in alts if s[:1] == "s" and s[:2] != "sh"], 2)
        changed = changed or bool(hard)
        out.append([(s.capitalize(), k, "hainanese") for s, k in hard or alts])
    return out if changed else None


def _married(
    sur: list[Triple], given: str, per_char: list[tuple[tuple[str, str], ...]]
) -> list[list[Triple]]:
    """A Hong Kong or Macau married woman's name: her husband's surname before her own (林鄭月娥
    Lam Cheng Yuet-ngor, 陳方安生 Chan Fang On-sang): surname, her own surname, given name."""
    own = _surname(given[0], "cantonese")
    rest = [
        ("-".join(s for s, _ in combo).capitalize(), ".".join(k for _, k in combo), "cantonese")
        for combo in islice(product(*per_char[1:]), _MAX_GIVEN)
    ]
    return [sur, own, rest]
