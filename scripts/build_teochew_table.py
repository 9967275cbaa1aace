"""Build the Teochew reading table of the name matcher from the 《潮州音字典》 syllable lists.

    PYTHONPATH=src python scripts/build_teochew_table.py suantau.dict.yaml dieziu.dict.yaml

The two files are the Swatow (汕頭) and Chaozhou city (潮州) readings of the characters of
《潮州音字典》 (吳華重、林適民主編, 廣東人民出版社 1983), as the project kahaani/dieghv
(https://github.com/kahaani/dieghv) entered them from the dictionary's syllable index, one
``character<TAB>syllable+tone`` per line in its Dieghv spelling (bh, gh, z, c, r, v = ɯ, a
final n marks a nasal vowel, a final h the glottal stop). Readings of characters are facts;
only the characters and their toneless syllables are kept.

Writes ``src/mekongx/matching/data/teochew.csv``: each character (CJK basic block, traditional
forms filed under the simplified one) with its toneless syllables, Swatow first (the accent of
most Singapore and Malaysian Teochew names: 張 dion Teo, 楊 ion Yeo), then the Chaozhou
readings that differ. The engine spells them as names do (``southern_chinese.py``).
"""

from __future__ import annotations

import sys
from pathlib import Path

from mekongx.matching import _data

OUT = Path(__file__).resolve().parents[1] / "src" / "mekongx" / "matching" / "data"


def _readings(path: str) -> dict[str, list[str]]:
    """character -> toneless syllables in the order of the file (single characters only)."""
    out: dict[str, list[str]] = {}
    body = False
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip() == "...":
            body = True
            continue
        if not body or not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 2 or len(cols[0]) != 1:
            continue
        syl = cols[1].strip().rstrip("12345678")
        if syl.isascii() and syl.isalpha():
            got = out.setdefault(cols[0], [])
            if syl not in got:
                got.append(syl)
    return out


def main(swatow: str, chaozhou: str) -> None:
    simp = _data.trad_to_simp()
    merged: dict[str, list[str]] = {}
    for path in (swatow, chaozhou):
        readings = _readings(path)
        # the character's own readings first, then those of traditional forms folding to it
        for ch in sorted(readings, key=lambda c: (simp.get(c, c) != c, c)):
            target = simp.get(ch, ch)
            if not "\u4e00" <= target <= "\u9fff":
                continue
            got = merged.setdefault(target, [])
            got += [r for r in readings[ch] if r not in got]
    rows = "".join(f"{ch},{'|'.join(rs)}\n" for ch, rs in sorted(merged.items()) if rs)
    header = (
        "# Teochew readings of Han characters, toneless, in the Dieghv spelling of the source\n"
        "# (bh, gh, z, c, r; v = the vowel ɯ; a final n marks a nasal vowel, a final h the glottal\n"
        "# stop): Swatow readings first, then the Chaozhou city ones that differ.\n"
        "# Source: 《潮州音字典》, 吳華重、林適民主編, 廣東人民出版社 1983, as entered from its\n"
        "# syllable index by https://github.com/kahaani/dieghv (suantau.dict.yaml, dieziu.dict.yaml).\n"
        "# CJK basic block only. Built by scripts/build_teochew_table.py. See sources.yaml.\n"
    )
    (OUT / "teochew.csv").write_text(header + "han,readings\n" + rows, encoding="utf-8")
    print(f"teochew.csv: {len(merged)} characters")


if __name__ == "__main__":
    main(*sys.argv[1:3])
