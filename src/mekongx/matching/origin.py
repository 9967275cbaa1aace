"""Where a name comes from, as far as its spelling tells: a Latin name that no romanisation of a
Chinese name writes (Khmer and Burmese spellings), a Burmese name whose parts keep their order,
an English given name before a Chinese one. ``names`` and ``scoring`` ask these questions."""

from __future__ import annotations

import re

from mekongx.matching import _data, lao, sea_transcription, southern_chinese, vietnamese
from mekongx.matching.chinese_names import (
    dialect_surname,
    given_name_pieces,
    surname_spelling,
    wade_giles_to_pinyin,
)
from mekongx.matching.keys import ascii_fold, latin_key, latin_syllables, split_pinyin
from mekongx.matching.normalize import Script, burmese_honorific
from mekongx.matching.reading import Name

__all__ = [
    "BURMESE_LETTERS",
    "non_chinese_word",
    "order_fixed",
    "order_not_reversed",
    "western_given_first",
]

# letters of Khmer names in Latin that no romanisation of Chinese writes: the aspirate doubled
# (Chhon, Chhum), the Khmer vowel uo before n or t (Huot, Nuon, Chuon; Vietnamese uông is
# uong), the French-based eou for ៅ after a second-series consonant (ពៅ Peou: Yang Peou; the
# Lao table's row "ao au av aou aeu eou", data/sources.yaml) and ourn for ួន (ហួន Hourn: Kao Kim
# Hourn)
_KHMER_LETTERS = re.compile("hh|uo[nt](?!g)|eou|ourn")

# Letters of Burmese names (the conventional spellings of ``burmese.py``): -aung (Maung, Aung), -ein
# and -aing (Thein, Hlaing) ending a syllable (not pinyin Wei.ning, Thai Chai.ngoen), ky- before
# a, i or o (Kyaw, Kyi; Cantonese has kyu-), a creaky nasal written -nt after y, yi or u at the
# end of a word (Myint, Nyunt; not Thai Bunthawi), the voiceless sonorants hl-, hm-, hn- (not the
# Hokkien Hng) and ht- (Htin), and the words Swe and Shwe (ဆွေ, ရွှေ: Than Swe), which no
# Cantonese, Hokkien, Teochew, Hakka, pinyin or Wade-Giles syllable has: a name with such a word
# (Saw Maung) is no Chinese name, though another word is spelt like a Chinese surname (Saw, 苏)
BURMESE_LETTERS = re.compile(
    "aung(?![aeiouy])|[^a]ein(?![aeiouyg])|aing(?![aeiouy])|^ky[aio]|(?:yi?|u)nt$|^h[lmt]|^hn(?!g)"
    "|^sh?we$"
)


def western_given_first(words: list[str]) -> bool:
    """Does a Latin name start with a word that is no Chinese syllable in any romanisation
    (Tony, Donald, Carrie: not one pinyin, Wade-Giles, Cantonese, Hokkien or Teochew syllable,
    no hyphen), followed by a Chinese surname spelling and a given name (Tony Tan Keng Yam,
    Donald Tsang Yam-kuen)?"""
    if len(words) < 3 or not surname_spelling(words[1]):
        return False
    first = ascii_fold(words[0])
    return (
        "-" not in words[0]
        and len(split_pinyin(first) or ()) != 1
        and latin_key(first) not in southern_chinese.syllable_keys()
        and wade_giles_to_pinyin(first) is None
        and not surname_spelling(first)
        and first not in vietnamese.FAMILY  # Nguyen Tan Dung: a Vietnamese family name
    )


def non_chinese_word(name: Name) -> bool:
    """Has a name in Latin letters a word that no romanisation of a Chinese name writes: two or
    more syllables in one word without a hyphen that are not pinyin (Samrin, Sokha, Kanharith).
    Chinese given names in Wade-Giles, Cantonese or Hokkien spellings are written a syllable per
    word or hyphenated (Shau Kee, Ka-shing); in pinyin they are run together but split as pinyin.
    Also a word with letters no Chinese romanisation writes (``_KHMER_LETTERS``: Ung Huot, Keat
    Chhon), though its other words are spelt like Chinese surnames."""
    if lao.LAO.search(name.original):
        return True  # a name in Lao script (read with the Thai reader) is no Chinese name
    for tok in name.tokens:
        low = tok.text.lower()
        if tok.script is Script.LATIN and (
            _KHMER_LETTERS.search(low) or BURMESE_LETTERS.search(low)
        ):
            return True
        if tok.script is not Script.LATIN or "-" in tok.text or split_pinyin(tok.text):
            continue
        if len(latin_syllables(tok.text)) >= 2 and not dialect_surname(tok.text):
            # … but a given name run together after a surname spelling, cut into two dialect
            # spellings (Li Kashing; names._latin_readings reads it so), as its words spaced are
            words = [t.text for t in name.tokens]
            if len(words) == 2 and tok.text == words[1] and given_name_pieces(*words):
                continue
            return True
    return False


def order_fixed(name: Name) -> frozenset[str]:
    """The reading systems of a name known to be Burmese, whose parts keep their order when
    compared (``alignment.Compact.ordered``): a Burmese name has no family name, its order is
    fixed, and it is built from a small stock of syllables, so that the same syllables in another
    order are another person's name (Tin Win, Win Tin). Known to be Burmese: a name in Myanmar
    script ("burmese"), a Latin name with a courtesy word (U Win Tin) or a word spelt as only
    Burmese names are (Thein Sein; "latin"), a Chinese transcription that starts with the
    character of a courtesy word (吴登盛, 杜昂山素季; "sea-transcription", not its Chinese
    readings: 吴温丁 may be Wu Wending, written Wending Wu)."""
    out: set[str] = set()
    if any(t.script is Script.BURMESE for t in name.tokens):
        out.add("burmese")
    words = [t.text for t in name.tokens if t.script is Script.LATIN]
    if words and (
        burmese_honorific(words) or any(BURMESE_LETTERS.search(w.lower()) for w in words)
    ):
        out.add("latin")
    han_name = name.han
    if (
        han_name is not None
        and han_name[0] in sea_transcription.HONORIFIC_HAN
        and sea_transcription.looks_transcribed(han_name, _data.surnames().keys())
    ):
        out.add("sea-transcription")
    if han_name is not None and len(han_name) >= 5:
        # the words of two, one and more syllables a transcription is also read as (亨利班提育
        # Henry Van Thio; sea_transcription.word_shapes), whatever the name's language
        out.add("sea-transcription-words")
    return frozenset(out)


def order_not_reversed(name: Name) -> frozenset[str] | None:
    """The readings of a name whose parts, three or more, are never to be taken in the reverse
    of their written order (``alignment.NOT_REVERSED``): None for every reading of a name in
    characters that looks like the transcription of a Burmese, Khmer or Lao name
    (``sea_transcription.looks_transcribed``); the sound reading ("sea-transcription") of one
    that may be such a transcription though it starts with a Chinese surname (莫敏吞 Moe Myint
    Tun; ``may_be_transcribed``), not its Chinese readings, whose order a Vietnamese name written
    given name first reverses; an empty set for other names. A transcription may be found with
    its family name moved to the other end (门萨安 Men Sam An, Sam An Men) or with syllables read
    loosely paired across, but its parts reversed are no order it is written in: a Burmese name
    keeps its order (妙吞乌 Mya Tun Oo is not Oo Tun Mya, another person), a Khmer or Lao one
    moves its family name only, and a Chinese given name keeps the order of its syllables (Ze
    Dong Mao, not Dong Ze Mao). Two parts may still be swapped: Khin Yi and Yi Khin may be one
    Khmer name in two orders."""
    han_name = name.han
    if han_name is None:
        return frozenset()
    surnames = _data.surnames().keys()
    if sea_transcription.looks_transcribed(han_name, surnames):
        return None
    if sea_transcription.may_be_transcribed(han_name, surnames):
        return frozenset(("sea-transcription",))
    return frozenset()
