"""Thai names in their traditional Latin spellings, respelt the way the Thai reader writes them.

Many Thai family names, and the names of the royal family, the nobility and their descendants,
carry the Latin spelling that King Vajiravudh's surname grants (from 1913) and the Royal
Institute's transliteration of 1939 gave them: letter for letter from the Pali-Sanskrit word
rather than by sound (Snidvongs สนิทวงศ์, Chakrabongse จักรพงษ์, Devakula เทวกุล, Svasti สวัสดิ์;
en.wikipedia.org/wiki/Romanization_of_Thai, "Transliteration" and "Usage"). The phonetic key
already folds most of their letters (v = w, bh = ph, dh = th, j = ch); what it cannot fold is
written here, each habit with the Thai letters it stands for:

- a Sanskrit cluster s + consonant, which Thai writes and says with an a between: at the start of
  a word (สว sa-w: Svasti, Swasdi; สน sa-n: Snidvongs; สก sa-k: Skul), sv after a consonant
  (สุขสวัสดิ์ Suksvasti) and sth after a vowel (โชติกเสถียร Chotikasthira);
- วงศ์, พงศ์ and พงษ์ with their cancelled ศ/ษ written: -vongs, -vongse, -bongse, -wongse;
- the silent ร of ทร and ตร written with its vowel inside a word or at its end: -dra, -tra
  (จันทร Chandra, ภัทร Bhadra, อินทร Indra, มิตร Mitra);
- กุล with the Sanskrit stem's final a: -kula (Devakula);
- รรม and รรณ written -rma, -rna (ธรรม Dharma, สุวรรณ Suvarna); a silenced ธิ inside a word
  written ddhi (ฤทธิ์เดช Riddhidej); sh for ษ between vowels (เกษมสันต์ Kashemsant);
- ทย, ตย, ธย between vowels, read tha-ya, written as the Sanskrit cluster dy, ty, dhy (วีรไวทยะ
  Viravaidya, วิทยา Vidya).

``respell`` gives the word with these rewritten (``"Snidvongs"`` -> ``"sanidvong"``), or None when
none applies; the reader keeps the word as written beside it. Written from the spelling system and
the train split of benchmarks/names_thai_spellings.py, never from its held-out parts.
"""

from __future__ import annotations

import re
from functools import lru_cache

from mekongx.matching.keys import ascii_fold

_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        # the Sanskrit -rma/-rna of รรม/รรณ, whose r Thai writes doubled and says as a final
        # (ธรรม Dharma tham, สุวรรณ Suvarna su-wan)
        (r"(?<=[aeiou])r([mn])a(?![aeiou])", r"\1"),
        # a silenced ธิ inside a word written ddhi (ฤทธิ์เดช Riddhidej: rit-det)
        (r"(?<=[aeiou])ddhi(?=[bcdfgjklmnpqrstvz])", "d"),
        # sh for ษ/ศ, the Sanskrit retroflex and palatal s (เกษมสันต์ Kashemsant)
        (r"(?<=[aeiou])sh(?=[aeiou])", "s"),
        (r"^s(?=(?:[vwnmk]|th)[aeiou])", "sa"),
        (r"(?<=[bcdfgjklmnpqrtvxz])s(?=[vw][aeiou])", "sa"),  # Suksvasti: suk-sa-wat
        (r"(?<=[aeiou])s(?=th[aeiou])", "sa"),  # Chotikasthira: ...-ka-sa-thian
        (r"(?<=ng)se?$", ""),
        (r"(?:(?<=[aeiou])|(?<=[aeiou]n))([dt]h?)ra(?![aeiou])", r"\1"),
        (r"kula$", "kul"),
        # Sanskrit dy/ty/dhy between vowels, Thai ทย/ตย/ธย read tha-ya (วีรไวทยะ Viravaidya)
        (r"(?<=[aeiou])([dt]h?)y(?=[aeiou])", r"\1ay"),
    )
)


@lru_cache(maxsize=100_000)
def respell(word: str) -> str | None:
    """The word without its traditional (Sanskrit-based) spelling habits, or None if it has none."""
    w = ascii_fold(word)
    out = w
    for pattern, repl in _RULES:
        out = pattern.sub(repl, out)
    return out if out != w else None
