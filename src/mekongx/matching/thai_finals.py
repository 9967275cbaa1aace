"""Finals of a Latin spelling of a Thai word that the Thai letters must hold (-l, -orn, a closing
written twice), and one that a Latin spelling must write, a final n before an onset n.

The phonetic key and the consonant outline (``outline.py``) treat r and l alike (Thai speakers say
both as l; a final ร, ล and น all sound n), so that spellings of one name meet; ธนพร Thanaporn and
ธนพล Thanaphol, มาริสา and มาลิษา Malisa met as if one name. What a spelling writes is still
telling where the Thai word lacks the letter behind it:

- **a final l** (Nantapol, Kamol, Phol: an l no vowel follows) is written for ล, ฬ or ฦ; not for a
  word that has none (นันตพร);
- **-orn** (Porn, Kesorn, Insorn) is written for a syllable closed by ร, ณ or ญ or for the vowel
  ออ before น (อินสอน); not for ธเนศพล;
- **a final l that ends the word** (Thanaphol, Kamol, Wibul) is written for a last syllable closed
  on ล or ฬ: ลดาพร has an ล, but its last syllable closes on ร (not Ladaphol). Of the ``dev``
  spellings none writes a word-final l for another last syllable but Akkarapol (อัครพนธ์, which the
  l mark already refuses); ``END_L``.

Checked against every annotated spelling of the ``dev`` part of nozomiyamada/thai_romanization
(commit 9968ea4; 3,537 spellings) and the train and seen real persons of
``benchmarks/data/names_thai_real.csv``: one of them writes a final l the Thai word has not
(Akkarapol for อัครพนธ์), none an -orn. An l that opens a syllable is not checked: Thai speakers
say ร as l and some write it so (Somluck for สมรักษ์, a real person's own spelling), although it
would part มาริสา from Malisa. Nor is -on: passports write พร as -phon (RTGS) and -pon as well
as -porn.

The other way round, **a syllable closed on n before one that opens on n** (อรุณณี a-run-ni,
สรินนา sa-rin-na) is written with both: nn (Arunnee, Sarinna), or the final as l or r before the
n (Wimolnut, Ornitcha). RTGS writes each syllable's final and onset, and none of the 60 annotated
``dev`` spellings of the 29 such words (by their IPA) writes one n. A word read so in every
reading (``endings.py``) is marked ``N``; a Latin spelling without nn, ln or rn is not one of it
(อรุณณี is not Arunee, อารุณี's spelling; สรินนา not Sarina, ซารีนา's). A Latin nn where the Thai
word has no such pair is a habit (Nattee for นที) and says nothing.

And **a closing written twice** between two vowels (Nattee, Natthee, Manatchai, Manaschai,
Supphawan: tt, tch, pp, kk, dd, ts, ss, sch …) writes a syllable closed on that consonant (RTGS
writes every syllable's final and the next one's initial). A Thai syllable closes on a written
letter without a vowel sign of its own, or, in Pali doubling, on the consonant after a short
vowel (รัติยา rat-ti-ya, วุฒิชาติ wut-thi-chat); นที and มานะชัย have neither, so Nattee is
ณัฐธีร์'s spelling and not theirs. The Thai mark ``D`` says the letters allow a closing inside
the word; of the 3,537 annotated ``dev`` spellings, 602 write such a closing, all on words that
allow it.

``thai_marks`` and ``latin_marks`` give these as letters of a word's shape (``outline.shape``);
``differ`` compares them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

from mekongx.matching.keys import ascii_fold

ORN, L, NN, CLOSED = "o", "l", "N", "D"
# a Latin nn between two vowels (Arunnee, Sarinna, Chinnakorn): a syllable closed on n before one
# that opens on n, in some reading of the Thai word (``twice_n``)
TWICE_N = "n"

# a word that ends on a final l (Kamol, Thanaphol): its Thai word's last syllable closes on ล or ฬ
END_L = "e"
# a word that ends on -orn (Siriporn, Chatporn): written for a last syllable closed on ร, ณ or ญ,
# seldom for one closed on ล (``unlikely``: 4 of the 203 annotated ``dev`` spellings of the 77
# words whose last syllable closes on ล, Jiraporn for จิรพล and Chatporn for ฉัตรพล)
END_ORN = "r"
_LATIN_END_ORN = re.compile("orn$")
# a stop written twice between two vowels (Nattee, Manatchai, Supphawan): a syllable closed on it
_LATIN_CLOSED = re.compile("[aeiouy](?:tt|tch|pp|kk|dd|td|dt|ts|ss|sch|tj|dj|dch)(?=h?[aeiouy])")
# a stop letter written twice after a short vowel, the second with a vowel of its own (ลัดดา, นัทที,
# จิตติ): the first closes a syllable the second opens, and a Latin spelling writes both (Ladda,
# Latda, Nattee, Chitti; not Lada, Natee)
DOUBLE = "2"
_THAI_DOUBLE = re.compile(
    "[\u0e31\u0e34\u0e38]([กขคดตถทธบปพภฎฏฐฑฒ])\\1(?=[\u0e30-\u0e39\u0e47](?!\u0e4c))"
    # ... and after ั two different letters of the t stops (ณัฐธีร์ nat-thi: Natthi, not Nathi,
    # นที's); not after ิ or ุ, where spellings write them once (สิทธิเดช Sitidej, อิทธิ Idhi)
    "|\u0e31[ฏฐตถทธฒด][ฏฐตถทธฒด](?=[\u0e30-\u0e39\u0e47](?!\u0e4c))"
)
_TONE_MARKS = re.compile("[\u0e48-\u0e4b]")
_VOWEL_SIGNS = "\u0e30\u0e31\u0e32\u0e33\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e47"
_LEADING = "เแโใไ"
# after a short vowel sign a consonant with a vowel of its own may close the syllable too
# (รัติยา rat-ti-ya, วุฒิชาติ wut-thi-chat)
_SHORT = "\u0e31\u0e34\u0e38"

_THAI_ORN = re.compile("[รณญ]|อ[\u0e48-\u0e4b]?น")
_THAI_L = re.compile("[ลฬฦ]")
# -orng is ong with an r that marks a long vowel (Charn, Thorng), not a final r
_LATIN_ORN = re.compile("orn(?!g)")
_LATIN_FINAL_L = re.compile("l(?![aeiouyl])")  # Kamol, Phol; not Chollada's first l
_LATIN_END_L = re.compile("[aeiou]l$")
# the last syllable closed on ล or ฬ, and what ◌์ silences after it (วิบูลย์)
_THAI_END_L = re.compile("[ลฬ][\u0e48-\u0e4b]?(?:[ก-ฮ]{1,2}[\u0e34\u0e38]?\u0e4c)?$")
_LATIN_NN = re.compile("[nlr]n(?=[aeiouy])")  # Arunnee, Wimolnut, Ornitcha; not Porn
_LATIN_TWICE_N = re.compile("[aeiouy]nn(?=[aeiouy])")


@lru_cache(maxsize=100_000)
def latin_marks(word: str) -> str:
    """The marks of a Latin word (``"Nantapol"`` -> ``"l"``, ``"Thanaporn"`` -> ``"o"``,
    ``"Arunnee"`` -> ``"N"``)."""
    w = ascii_fold(word).lower()
    return (
        (ORN if _LATIN_ORN.search(w) else "")
        + (L if _LATIN_FINAL_L.search(w) else "")
        + (NN if _LATIN_NN.search(w) else "")
        + (CLOSED if _LATIN_CLOSED.search(w) else "")
        + (END_L if _LATIN_END_L.search(w) else "")
        + (TWICE_N if _LATIN_TWICE_N.search(w) else "")
        + (END_ORN if _LATIN_END_ORN.search(w) else "")
    )


def may_close(word: str) -> bool:
    """Could a syllable inside the Thai word close on a written consonant? A final is a letter
    without a vowel sign of its own, neither the word's first letter nor its last, nor the
    onset after a leading vowel; ◌์ says nothing."""
    w = _TONE_MARKS.sub("", word)
    if "\u0e4c" in w:
        return True
    last = max((i for i, c in enumerate(w) if "ก" <= c <= "ฮ"), default=-1)
    for i, c in enumerate(w):
        if not ("ก" <= c <= "ฮ") or i == 0 or i == last:
            continue
        if w[i - 1] in _LEADING:
            continue
        if i + 1 < len(w) and w[i + 1] in _VOWEL_SIGNS and w[i - 1] not in _SHORT:
            continue
        if i + 1 == last == len(w) - 1 and w[i - 1] not in _SHORT + "\u0e47":
            continue  # the onset of a last syllable read with o (ลดาพร la-da-phon)
        return True
    return False


def closes_on_n(readings: tuple[tuple[str, ...], ...]) -> bool:
    """Does every reading of a Thai word (RTGS syllables) close a syllable on n before one that
    opens on n (``("a", "run", "ni")``)?"""
    return bool(readings) and all(
        any(a.endswith("n") and b.startswith("n") for a, b in pairwise(r)) for r in readings
    )


# น or ณ with no vowel sign of its own before another consonant, not the word's first letter: it
# closes a syllable and may open a linking one (ชนพัฒน์ chon-na-phat, รณชิต ron-na-chit)
_THAI_N_LINKED = re.compile("(?<=.)[นณ](?=[ก-ฮ])")


def twice_n(word: str, readings: tuple[tuple[str, ...], ...]) -> bool:
    """May a Latin spelling of the Thai word write nn: does some reading (RTGS syllables) close a
    syllable on n (not ng) before one that opens on n (``("chin", "na", "kon")``, ``("sa", "rin",
    "na")``), or may an น or ณ close one syllable and open a linking one?"""
    if _THAI_N_LINKED.search(_TONE_MARKS.sub("", word)):
        return True
    return any(
        a.endswith("n") and not a.endswith("ng") and b.startswith("n") and not b.startswith("ng")
        for r in readings
        for a, b in pairwise(r)
    )


def thai_marks(
    word: str, published: tuple[str, ...] = (), readings: tuple[tuple[str, ...], ...] = ()
) -> str:
    """The marks a Latin spelling of the Thai ``word`` may carry: its letters allow them, or one of
    its published Latin forms has them; and ``N`` where every reading closes a syllable on n
    before an n (and every published form writes it so)."""
    marks = (ORN if _THAI_ORN.search(word) else "") + (L if _THAI_L.search(word) else "")
    marks += CLOSED if may_close(word) else ""
    marks += TWICE_N if twice_n(word, readings) else ""
    marks += END_L if _THAI_END_L.search(word) else ""
    forms = "".join(latin_marks(v) for v in published)
    marks += forms.replace(NN, "")
    if closes_on_n(readings) and all(NN in latin_marks(v) for v in published):
        marks += NN
    if _THAI_DOUBLE.search(_TONE_MARKS.sub("", word)) and all(
        CLOSED in latin_marks(v) for v in published
    ):
        marks += DOUBLE
    return "".join(m for m in (ORN, L, NN, CLOSED, END_L, DOUBLE, TWICE_N, END_ORN) if m in marks)


def _differs(thai: set[str], latin: str) -> bool:
    return (
        bool(set(latin) - thai - {NN, END_ORN})
        or (NN in thai and NN not in latin)
        or (DOUBLE in thai and CLOSED not in latin)
    )


def differ(thai: str, latins: list[str]) -> bool:
    """Does every Latin spelling (its marks) write something the Thai word (its marks) lacks, or
    lack the nn the Thai word needs?"""
    return bool(latins) and all(_differs(set(thai), m) for m in latins)


def unlikely(thai: str, latins: list[str]) -> bool:
    """Does every Latin spelling (its marks) end on -orn where the Thai word's last syllable closes
    on ล (its marks: ``END_L``, and no published form that ends on -orn)? Not a refusal: the
    annotator writes -porn for พล now and then, so the pair costs ``ending_costs.UNLIKELY_COST``
    and stays a match unless something else in it differs too (ภาณุพล / Phanaporn: pha-nu-phon)."""
    return (
        bool(latins) and END_L in thai and END_ORN not in thai and all(END_ORN in m for m in latins)
    )
