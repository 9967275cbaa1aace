"""Names parsed by script and read into the shared key space: Thai and Latin words here,
Chinese names in ``chinese_names``; ``readings`` gives every reading of a name."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache, lru_cache

from mekongx.matching import (
    _data,
    han,
    lao,
    lao_transcription,
    script_readings,
    sea_transcription,
    thai,
    thai_compounds,
    traditional,
    vietnamese,
)
from mekongx.matching.alignment import FOREIGN_ONLY
from mekongx.matching.chinese_names import (
    NO_TONES,
    dialect_surname,
    given_name_pieces,
    han_readings,
    one_mandarin_syllable,
    rarity,
    surname_spelling,
    thai_chinese_keys,
    thai_chinese_surnames,
    thai_surname_pinyin,
    variant_to_pinyin,
    wade_giles_to_pinyin,
)
from mekongx.matching.keys import EXACT, ascii_fold, latin_key, latin_syllables, split_pinyin
from mekongx.matching.latin_habits import english_habits, surname_variants, vowel_length_r
from mekongx.matching.normalize import (
    Script,
    Token,
    burmese_honorific,
    set_aside_nicknames,
    tokenize,
)
from mekongx.matching.origin import BURMESE_LETTERS, western_given_first
from mekongx.matching.reading import Name, Reading, make_reading, syl_key
from mekongx.matching.thai_letters import respellings
from mekongx.matching.transcription import part_sounds

__all__ = [
    "Name",
    "Reading",
    "parse_name",
    "rarity",
    "readings",
    "syl_key",
    "thai_word_keys",
]

_SAE = "แซ่"  # "surname" marker in Thai spellings of Chinese clan names (แซ่ตั้ง)
# Thai spellings that read differently in Chinese names (ü, apical i, ห+ว = hu); other words skip
# the extra parses.
# nh between vowels as one onset, the palatal nasal ñ (Khmer ញ: ខៀវ កាញារីទ្ធ Khieu Kanharith,
# 乔卡纳里 qiao.ka.na.li), where the syllables of the spelling split it kan.ha
_NH_ONSET = re.compile("(?<=[aeiou])nh(?=[aeiou])", re.IGNORECASE)
_SILENT_E = re.compile("[aeiou][bcdfghjklmnpqrstvwxz]e$", re.IGNORECASE)
_CHINESE_SPELLING = re.compile("[\u0e3a]|ว\u0e4c|หว|วิ|วี|อือ|[ซสจชฉร]ือ")


@lru_cache(maxsize=200_000)
def parse_name(text: str) -> Name:
    """Normalise a name: nicknames and honorifics removed, tokens by script, Han folded and
    segmented."""
    bare, nicknames = set_aside_nicknames(text)
    tokens, removed = tokenize(bare)
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
    return Name(text, tuple(folded), tuple(removed), name_han, surname, given, foreign, nicknames)


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


def thai_table_rows(word: str) -> list[dict[str, str]]:
    """Rows of the Thai-name table (thai_han.csv) for a Thai word: its published Latin forms."""
    return _thai_to_table().get(word, [])


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
    # a compound of name words, each read alone (อุดม-ลักษณ์ u-dom-lak, อร-วดี on-wa-di)
    for first, last in thai_compounds.splits(bare):
        tail = syl_key(thai.syllables(last))
        for n, head_syl in enumerate(thai_compounds.head_readings(first)):
            if (head := syl_key(head_syl)) and tail:
                out.append((word, f"{head}.{tail}", "thai-formal" if n else "rtgs"))
    for sound in respellings(bare):  # ฤกษ์ roek, an opening ปร pra (thai_letters.respellings)
        out.append((word, syl_key(thai.syllables(sound)), "rtgs"))
        out.append((word, syl_key(thai.syllables(sound, linked=True)), "thai-formal"))
    if "ฤ" in bare:  # ฤ is ri (กฤษ krit) or rue (พฤกษ์ phruek, นฤมล na-rue-mon) by word
        out.append((word, syl_key(thai.syllables(bare, rue=True)), "rtgs"))
        out.append((word, syl_key(thai.syllables(bare, linked=True, rue=True)), "thai-formal"))
    # read as a Chinese name: ห+ว is hu (หวา = hua; RI49 even writes huang as หวาง) and the
    # spellings of ü read like pinyin (สฺวี = xu)
    if _CHINESE_SPELLING.search(bare.translate(NO_TONES)):
        out += [(word, key, label) for _, key, label in thai_chinese_keys(bare, "rtgs")]
    for py in variant_to_pinyin().get(bare, ()):
        out.append((word, latin_key(py), "surname-variant"))
    # the pinyin of the surname a Thai spelling stands for, which a dialect spelling of it in
    # Latin letters is read back to (Chan = 陈 chen = เฉิน)
    for py in thai_surname_pinyin().get(bare.translate(NO_TONES), ()):
        out.append((word, EXACT + py, "surname-variant"))
    for row in _thai_to_table().get(bare, []):
        for latin in row["latin"].split("|"):
            out.append((word, latin_key(latin), "table"))
        out.append((word, syl_key(han.toneless(han.given_pinyin(row["han"]))), "table-han"))
    return tuple(out)


def _foreign_han_readings(name: Name) -> list[Reading]:
    assert name.foreign_han is not None
    table = _han_to_thai_table()
    parts: list[list[tuple[str, str, str]]] = []
    for piece in name.foreign_han:
        syl = han.toneless(han.given_pinyin(piece))
        alts = [("".join(syl), syl_key(syl), "pinyin")]
        # read as the sound of a Thai name (颂 song = som, 缴 jiao = kaeo): transcription.py
        alts += [("".join(syl), syl_key(s), "transcription") for s in part_sounds(syl)[1:]]
        # … or of a Lao, Khmer or Burmese one (诺罗敦 nuo.luo.dun = Norodom)
        alts += [
            ("".join(syl), syl_key(s), "sea-transcription")
            for s in sea_transcription.part_sounds(syl, han.to_simplified(piece))[1:]
        ]
        # … or of a Lao one, whose sounds Xinhua writes otherwise (冯 feng = Vong, 本 ben = Boun)
        alts += [
            ("".join(syl), syl_key(s), "lao-transcription")
            for s in lao_transcription.part_sounds(syl, han.to_simplified(piece))
        ]
        for row in table.get(piece, []):
            alts += [(row["thai"], k, "table") for _, k, _ in thai_word_keys(row["thai"])]
            alts += [(v, latin_key(v), "table") for v in row["latin"].split("|")]
        parts.append(alts)
    r = make_reading("han-transliteration", parts)
    return [r] if r else []


def _thai_surname_index(texts: list[str]) -> int | None:
    """Which word of a Thai-script name is a Chinese surname, if that is certain.

    แซ่ marks a clan name (แซ่ตั้ง); otherwise a two-word name whose first word is a Thai spelling
    of a Chinese surname is a Chinese name in Chinese order (หลี่ เฉียง): Thai writes Chinese names
    surname first, and Thai given names are not spelt like Chinese surnames.
    """
    sae = [i for i, t in enumerate(texts) if t.startswith(_SAE) and len(t) > len(_SAE) + 1]
    if len(sae) == 1:
        return sae[0]
    if len(texts) == 2 and texts[0].translate(NO_TONES) in thai_chinese_surnames():
        return 0
    return None


def _thai_readings(tokens: list[Token]) -> list[Reading]:
    texts = [t.text for t in tokens]
    parts = [list(thai_word_keys(t)) for t in texts]
    r = make_reading("thai", parts, _thai_surname_index(texts))
    return [r] if r else []


def _latin_readings(tokens: list[Token]) -> list[Reading]:
    texts = [t.text for t in tokens]
    caps = [i for i, t in enumerate(texts) if t.isupper() and len(t) > 1]
    surname = caps[0] if len(caps) == 1 and len(texts) > 1 else None
    pins = [split_pinyin(t) for t in texts]
    if surname is None and len(texts) == 2:
        # a dialect surname spelling that is not pinyin (Lee, Wong, Lim) marks the surname
        marked = [i for i, t in enumerate(texts) if dialect_surname(t)]
        # … unless the other word could be the surname too ("Faan Hung", "Chiang Li")
        if len(marked) == 1 and not surname_spelling(texts[1 - marked[0]]):
            surname = marked[0]
    pinyin = tuple(p for p in pins if p) if all(pins) else None
    # pinyin as names are written in it: a vowel opens no syllable inside a word (Cheen is not
    # che.en, Arunee not a.ru.ne.e)
    written_as_pinyin = all(p and all(s[0] not in "aeiou" for s in p[1:]) for p in pins)
    table = _latin_table()
    parts = []
    # pinyin syllables only in a name that reads as Chinese: a word is a Chinese surname spelling
    # and every other word pinyin ("Goh Wenguo"); Thai words split as pinyin go wrong ("Arunee"
    # as a.ru.ne.e, "Saengorun" as sa.eng.o.run)
    chinese = any(surname_spelling(t) for t in texts) and all(
        p or surname_spelling(t) for t, p in zip(texts, pins, strict=True)
    )
    for t, syl in zip(texts, pins, strict=True):
        # syllable boundaries: pinyin's, else the hyphens and vowels of the spelling (Wade-Giles
        # "Hsin-hsiu", Thai "Thinwat" = thin.wat), so that syllables compare one to one
        pinyin_word = chinese and syl and "-" not in t and not dialect_surname(t)
        key = syl_key(syl) if syl and pinyin_word else syl_key(latin_syllables(t))
        alts = [(t, key, "latin")]
        if not chinese and (split := latin_syllables(t, clusters=False)) != latin_syllables(t):
            alts.append((t, syl_key(split), "latin"))  # Phetrat: phet.rat as well as phe.trat
        if not chinese and (long_r := vowel_length_r(latin_syllables(t))) is not None:
            alts.append((t, syl_key(long_r), "latin"))  # Bordin: bo.din (r marks a long vowel)
        if not chinese and _SILENT_E.search(t):
            # English-style silent e of some Thai passport spellings (Pote, Udomchoke)
            alts.append((t, syl_key(latin_syllables(t[:-1])), "latin"))
        if not chinese and (respelt := english_habits(t)) != t:
            alts.append((t, syl_key(latin_syllables(respelt)), "latin"))  # Camin, Irada, Litar
        if not chinese and (old := traditional.respell(t)) is not None:
            alts.append((t, syl_key(latin_syllables(old)), "latin"))  # Snidvongs, Devakula
        if not chinese:  # Lao names in French habits: Thongloun, Sonexay, Bounnhang
            alts += [(t, syl_key(latin_syllables(v)), "latin") for v in lao.latin_variants(t)]
            if (ng := vietnamese.nh_as_ng(t)) is not None:  # Mạnh 孟: Vietnamese -nh is -ng
                alts.append((t, syl_key(latin_syllables(ng)), "latin"))
            if _NH_ONSET.search(t):  # Khmer ញ written nh opens a syllable: Kanharith ka.nha.rith
                alts.append((t, syl_key(latin_syllables(_NH_ONSET.sub("-nh", t))), "latin"))
        if "sh" in t.lower():  # sh is ช in Thai passports but ซ in THC43 Chinese names
            alts.append((t, latin_key(t.lower().replace("sh", "s")), "latin"))
        # a dialect spelling of a surname read back to the pinyin it stands for; a word that is
        # itself pinyin (Tang: 唐, and Cantonese for 邓 deng) meets that surname exactly, not
        # every surname sharing its coarse key (滕 teng)
        alts += surname_variants(t)
        if syl is None or "-" in t:
            # a Wade-Giles given name read back as pinyin: jen is ren, jui is rui (the key alone
            # would fold WG j with zh/j/q)
            wg = wade_giles_to_pinyin(t)
            if wg is not None:
                alts.append((t, syl_key(wg), "wade-giles"))
        for row in table.get(ascii_fold(t), []):
            alts += [(t, latin_key(v), "table") for v in row["latin"].split("|")]
        if written_as_pinyin and syl is not None and len(syl) > 1 and "-" not in t:
            # a name in pinyin throughout, its given name run together (Dan Tianfang): a Chinese
            # name, marked so that no sound reading of a name in characters meets it
            # (alignment.FOREIGN_ONLY), nor its dialect readings (alignment.dialect_spelt); a
            # hyphenated given name is no such mark (Chan Kong-sang, Tan Chuan-Jin)
            alts.append((t, EXACT + ".".join(syl), "latin"))
        parts.append(alts)
    out: list[Reading | None] = [make_reading("latin", parts, surname, pinyin)]
    # "Lan Wei Hong": the given name written as separate syllables; also after a dialect
    # surname ("Teo Wei Ming" for 张伟明: Singapore and Malaysian names often keep the family's
    # Teochew, Hokkien or Hakka surname before a given name in pinyin)
    dialect_first = len(texts) == 3 and dialect_surname(texts[0])
    # … and its given-name words one syllable each, pinyin or not: a Mandarin given name spelt
    # in the letters of Malaysia and Singapore (Wong Siaw Ting for 王晓庭: siaw has xiao's key),
    # after any surname spelling (Tan, also pinyin) when a given-name word is no pinyin
    if len(texts) == 3 and not all(pins[1:]) and ascii_fold(texts[0]) in variant_to_pinyin():
        dialect_first = True
    given = pins
    if dialect_first:
        given = [pins[0], *map(one_mandarin_syllable, texts[1:], pins[1:])]
    if len(texts) == 3 and all(p and len(p) == 1 for p in given[int(dialect_first) :]):
        for a, b in ((1, 2),) if dialect_first else ((0, 1), (1, 2)):
            merged = [*texts[:a], texts[a] + texts[b].lower(), *texts[b + 1 :]]
            syls = [*given[:a], (*(given[a] or ()), *(given[b] or ())), *given[b + 1 :]]
            out.append(
                make_reading(
                    "latin-joined",
                    [
                        [(t, syl_key(sy or ()), "latin"), *surname_variants(t)]
                        for t, sy in zip(merged, syls, strict=True)
                    ],
                )
            )
    # "Chong Yin-Sang", "Nga Korming": after a surname spelling, a hyphenated given name is also
    # read as its words spaced (a hyphen is a space), and a given name run together that is no
    # pinyin also cut where a southern dialect's syllables allow (chinese_names.given_name_pieces):
    # the dialect readings of a name in characters keep all spellings of each character only read
    # a word per character, and Hakka and Foochow are read so only (southern_chinese._SPLIT_ONLY)
    if len(texts) == 2:
        for pieces in given_name_pieces(texts[0], texts[1]):
            # each piece with the keys of its own sound (Kor: kon, ko), not those of a surname
            # or Wade-Giles syllable it may also spell (Yam Kuen met 郑联科 so)
            spaced = _latin_readings([Token(p, Script.LATIN) for p in pieces])[0]
            syllables = [
                [(a, k, lb) for a, k, lb in zip(*alts, strict=True) if lb == "latin"]
                for alts in zip(spaced.alternatives, spaced.keys, spaced.labels, strict=True)
            ]
            out.append(make_reading("latin", [parts[0], *syllables], surname))
    return [r for r in out if r is not None]


@lru_cache(maxsize=200_000)
def readings(name: Name | str) -> tuple[Reading, ...]:
    """All readings of a name, in every script folded to the shared key space."""
    if isinstance(name, str):
        name = parse_name(name)
    out: list[Reading] = []
    if name.han is not None:
        out += han_readings(name)
        out += _transcription_readings(name.han)
    if name.foreign_han is not None:
        out += _foreign_han_readings(name)
    thai_tokens = [t for t in name.tokens if t.script is Script.THAI]
    if thai_tokens:
        out += _thai_readings(thai_tokens)
        if len(thai_tokens) == 1 and script_readings.LAO.search(name.original):
            out += script_readings.lao_syllable_reading(out[-1])
    burmese_tokens = [t.text for t in name.tokens if t.script is Script.BURMESE]
    if burmese_tokens:
        out += script_readings.burmese_readings(burmese_tokens)
    khmer_tokens = [t.text for t in name.tokens if t.script is Script.KHMER]
    if khmer_tokens:
        out += script_readings.khmer_readings(khmer_tokens)
    latin_tokens = [t for t in name.tokens if t.script is Script.LATIN]
    if latin_tokens:
        latin = _latin_readings(latin_tokens)
        if vietnamese.looks_vietnamese([t.text for t in latin_tokens]):
            # Anh is not An (英, 安): in a Vietnamese name a final nh is only the ng it stands for
            latin = [vietnamese.final_nh(r) for r in latin]
        out += latin
        if (vi := _vietnamese_reading(latin_tokens)) is not None:
            out.append(vi)
        out += [vietnamese.final_nh(r) for r in _vietnamese_short_readings(latin_tokens)]
        if burmese_honorific([t.text for t in latin_tokens]):
            # U Thein Sein is also Thein Sein: a Burmese courtesy word neither costs nor makes
            # a match (the reading with it stays: Ma and Ko are Chinese surnames too)
            out += _latin_readings(latin_tokens[1:])
            out += _burmese_syllable_reading(latin_tokens[1:])
        elif any(BURMESE_LETTERS.search(t.text.lower()) for t in latin_tokens):
            out += _burmese_syllable_reading(latin_tokens)
        elif western_given_first([t.text for t in latin_tokens]):
            # Tony Tan Keng Yam is also Tan Keng Yam: the English given name that Hong Kong,
            # Singapore and Malaysian Chinese put before their Chinese name is not in the
            # characters, and neither costs nor makes a match
            out += _latin_readings(latin_tokens[1:])
    return tuple(out)


def _burmese_syllable_reading(tokens: list[Token]) -> list[Reading]:
    """A Burmese name in Latin letters with a word of two syllables (Wunna, Thura), one part per
    syllable, as its Myanmar-script reading and its Chinese transcription have them (ဝဏ္ဏ wun.na,
    温纳): one more reading, for such names only. A word ending in oe is read o there: the vowel
    ို, which Myanmar script reads o and Chinese writes 莫 mo (Moe Myint Tun, 莫敏吞)."""
    words = [t.text[:-1] if t.text.lower().endswith("oe") else t.text for t in tokens]
    syls = [latin_syllables(w) for w in words]
    if all(len(s) < 2 for s in syls) and words == [t.text for t in tokens]:
        return []
    split = [Token(x, Script.LATIN) for s in syls for x in s]
    return _latin_readings(split)[:1]


def _vietnamese_reading(tokens: list[Token]) -> Reading | None:
    """Nguyễn Văn An read as the Mandarin of 阮文安 (ruan / wen.an), family name first."""
    parts = vietnamese.reading_parts([t.text for t in tokens])
    return None if parts is None else make_reading("han-viet", parts, 0)


def _vietnamese_short_readings(tokens: list[Token]) -> list[Reading]:
    """Nguyễn Văn An also without its middle name, as records abroad write it (Nguyen An, An
    Nguyen; ``vietnamese.shortened``): "latin-short" readings, which meet only the other name's
    full readings, at a small cost (``vietnamese.MIDDLE_NAME_COST``). The family name is not
    marked as the surname: a two-word Latin name marks a word spelt like a Chinese surname (Hung,
    Chau), and Nguyen Hung would then be compared surname to surname crosswise."""
    out = []
    for kept, _ in vietnamese.shortened([t.text for t in tokens]):
        for r in _latin_readings([tokens[i] for i in kept])[:1]:
            out.append(replace(r, system="latin-short", surname=None))
    return out


def _transcription_readings(name_han: str) -> list[Reading]:
    """A name in characters that looks like the Chinese transcription of a Burmese or Khmer name
    (吴登盛, 洪森) read as sound, syllable by syllable (``sea_transcription.py``)."""
    surnames = _data.surnames()
    transcribed = sea_transcription.looks_transcribed(name_han, surnames.keys())
    if not transcribed and not sea_transcription.may_be_transcribed(name_han, surnames.keys()):
        return []
    syls = list(han.toneless(han.given_pinyin(name_han)))
    if not transcribed:  # the surname's own reading (单 shan, not dan: Dan Tianfang is no 单田芳)
        syls[:1] = han.toneless(han.surname_pinyin(name_han[0]))
    out: list[Reading | None] = []
    chinese_too = (
        transcribed and name_han[0] in sea_transcription.HONORIFIC_HAN and (name_han[0] in surnames)
    )
    # four characters with a one-character surname are no Chinese name (谢索帕拉 Chea Sophara):
    # they get every sound, not the few of a name that may well be Chinese
    few = not transcribed and len(name_han) < 4
    chars = han.to_simplified(name_han)
    for shape in sea_transcription.reading_shapes(syls, not chinese_too, few=few, chars=chars):
        parts = [[(shown, syl_key(sy), "transcription") for shown, sy in part] for part in shape]
        out.append(make_reading("sea-transcription", parts))
    if transcribed and not chinese_too:
        # … or as words of two syllables, one, then the rest (亨利班提育 Henry Van Thio), its
        # parts kept in their order ("sea-transcription-words", origin.order_fixed)
        for shape in sea_transcription.word_shapes(syls, chars):
            parts = [
                [(shown, syl_key(sy), "transcription") for shown, sy in part] for part in shape
            ]
            out.append(make_reading("sea-transcription-words", parts))
    if len(syls) >= 4:
        # … or a Lao name written without the middle dot (苏发努冯 Souphanouvong), one word read
        # with the Lao sounds Xinhua writes (冯 feng = Vong): only names of four characters or
        # more, which few Chinese names are
        lao_sounds = lao_transcription.part_sounds(tuple(syls), han.to_simplified(name_han))
        part = [("".join(s), syl_key(s), "lao-transcription") for s in lao_sounds]
        out.append(make_reading("sea-transcription", [part]))
    # a name that may well be Chinese (洪森: Hong Sen, or Hun Sen) is read as sound against names
    # not read as Chinese only (alignment.FOREIGN_ONLY)
    return [r if transcribed else replace(r, surname=FOREIGN_ONLY) for r in out if r is not None]
