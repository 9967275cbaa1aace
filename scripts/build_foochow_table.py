"""Build the Foochow (Fuzhou, Hokchiu) reading table of the name matcher from the character index
of the Dictionary of the Foochow Dialect.

    PYTHONPATH=src python scripts/build_foochow_table.py DFDCharacters.txt

The file is the character index of *A Dictionary of the Foochow Dialect* (R. S. Maclay and
C. C. Baldwin, third edition revised by S. H. Leger, 1929) as the project only3km/ciklinbekin
(https://github.com/only3km/ciklinbekin, file DFDCharacters.txt) entered it: one
``character<TAB>syllable+tone,...`` line per character (variants ``a,b`` before the tab), in
that project's ASCII code of the eight-tone syllables (b p m d t n l g k ng h z c s initials;
``y`` the vowel ü, ``oe`` ö; a final ``h`` the glottal stop); ``+...`` lines are page marks and
``~~x~~`` readings struck out in the source. Readings of characters are facts; only the
characters and their toneless syllables are kept.

Writes ``src/mekongx/matching/data/foochow.csv``: each character (CJK basic block, traditional
forms filed under the simplified one) with its toneless syllables in the order of the
dictionary. The engine spells them as Sarawak and Sibu names do (``southern_chinese.py``).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from mekongx.matching import _data

OUT = Path(__file__).resolve().parents[1] / "src" / "mekongx" / "matching" / "data"
_STRUCK = re.compile("~~[^~]*~~")
_SYLLABLE = re.compile("[a-z]+")


def _readings(path: str) -> dict[str, list[str]]:
    """character -> toneless syllables in the order of the file."""
    out: dict[str, list[str]] = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("+") or "\t" not in line:
            continue
        chars, syllables = line.split("\t", 1)
        syllables = _STRUCK.sub("", syllables)
        found = []
        for s in syllables.split(","):
            m = _SYLLABLE.match(s.strip())
            if m and m.group() not in found:
                found.append(m.group())
        for ch in chars.split(","):
            ch = ch.strip()
            if len(ch) == 1 and found:
                got = out.setdefault(ch, [])
                got += [s for s in found if s not in got]
    return out


def main(path: str) -> None:
    simp = _data.trad_to_simp()
    readings = _readings(path)
    merged: dict[str, list[str]] = {}
    # the character's own readings first, then those of traditional forms folding to it
    for ch in sorted(readings, key=lambda c: (simp.get(c, c) != c, c)):
        target = simp.get(ch, ch)
        if not "\u4e00" <= target <= "\u9fff":
            continue
        got = merged.setdefault(target, [])
        got += [r for r in readings[ch] if r not in got]
    rows = "".join(f"{ch},{'|'.join(rs)}\n" for ch, rs in sorted(merged.items()) if rs)
    header = (
        "# Foochow (Fuzhou, Hokchiu) readings of Han characters, toneless, in the ASCII code of the\n"
        "# source (b p m d t n l g k ng h z c s; y = the vowel ü, oe = ö; a final h the glottal stop),\n"
        "# in the order of the dictionary's index. Source: A Dictionary of the Foochow Dialect,\n"
        "# R. S. Maclay and C. C. Baldwin, 3rd edition revised by S. H. Leger (Foochow, 1929), index of\n"
        "# characters as entered by https://github.com/only3km/ciklinbekin (DFDCharacters.txt).\n"
        "# CJK basic block only. Built by scripts/build_foochow_table.py. See sources.yaml.\n"
    )
    (OUT / "foochow.csv").write_text(header + "han,readings\n" + rows, encoding="utf-8")
    print(f"foochow.csv: {len(merged)} characters")


if __name__ == "__main__":
    main(sys.argv[1])
