"""Build the Hakka reading table of the name matcher from a Meixian (梅縣) homophone syllabary.

    PYTHONPATH=src python scripts/build_hakka_table.py 梅縣.tsv

The file is the Meixian Hakka syllabary of the project MCPDict (漢字音典,
https://github.com/osfans/MCPDict, tools/tables/data/梅縣.tsv): rhyme headings, then one line per
syllable, ``IPA syllable + tone<TAB>characters``, each character optionally followed by a gloss in
braces; ``□`` marks a syllable without a character, ``=`` and ``-`` literary and colloquial
readings. Readings of characters are facts; only the characters and their toneless syllables are
kept. A line whose syllable is not made of the IPA initials and finals of Meixian Hakka is left out.

Writes ``src/mekongx/matching/data/hakka.csv``: each character (CJK basic block, traditional forms
filed under the simplified one) with its toneless syllables in the order of the file, written in
ASCII but for the vowels (aspiration ʰ as h, ŋ as ng; ɛ ɔ ə ɿ kept). The engine spells them as
Malaysian and Singapore Hakka names do (``southern_chinese.py``).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from mekongx.matching import _data

OUT = Path(__file__).resolve().parents[1] / "src" / "mekongx" / "matching" / "data"
_GLOSS = re.compile(r"\{[^}]*\}")
_SYLLABLE = re.compile(
    "(tsʰ|ts|pʰ|tʰ|kʰ|p|t|k|m|n|ŋ|l|f|v|h|s)?"  # initial
    "([iu]?[aeiouɛɔəɿ]*[iu]?(?:m|n|ŋ|p|t|k)?)"  # medial, nucleus, coda
    "([0-9]+)$"  # tone
)


def _readings(path: str) -> dict[str, list[str]]:
    """character -> toneless syllables in the order of the file."""
    out: dict[str, list[str]] = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if "\t" not in line:
            continue
        syllable, chars = line.split("\t", 1)
        m = _SYLLABLE.fullmatch(syllable.strip())
        if m is None or not (m.group(1) or m.group(2)):
            continue
        toneless = ((m.group(1) or "") + m.group(2)).replace("ʰ", "h").replace("ŋ", "ng")
        for ch in _GLOSS.sub("", chars):
            if "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf":
                got = out.setdefault(ch, [])
                if toneless not in got:
                    got.append(toneless)
    return out


def fold_traditional(readings: dict[str, list[str]]) -> dict[str, list[str]]:
    """Readings filed under the simplified character (CJK basic block): the character's own
    readings first, then those of traditional forms folding to it."""
    simp = _data.trad_to_simp()
    merged: dict[str, list[str]] = {}
    for ch in sorted(readings, key=lambda c: (simp.get(c, c) != c, c)):
        target = simp.get(ch, ch)
        if not "\u4e00" <= target <= "\u9fff":
            continue
        got = merged.setdefault(target, [])
        got += [r for r in readings[ch] if r not in got]
    return merged


def main(path: str) -> None:
    merged = fold_traditional(_readings(path))
    rows = "".join(f"{ch},{'|'.join(rs)}\n" for ch, rs in sorted(merged.items()) if rs)
    header = (
        "# Hakka readings of Han characters (Meixian 梅縣, the reference accent of Hakka), toneless,\n"
        "# in IPA written in ASCII but for the vowels (aspiration ʰ as h, ŋ as ng; ɛ ɔ ə ɿ kept), in\n"
        "# the order of the source. Source: the Meixian syllabary of MCPDict (漢字音典),\n"
        "# https://github.com/osfans/MCPDict , tools/tables/data/梅縣.tsv. CJK basic block only.\n"
        "# Built by scripts/build_hakka_table.py. See sources.yaml.\n"
    )
    (OUT / "hakka.csv").write_text(header + "han,readings\n" + rows, encoding="utf-8")
    print(f"hakka.csv: {len(merged)} characters")


if __name__ == "__main__":
    main(sys.argv[1])
