"""Build the Malaysian Hakka reading table of the name matcher from a Senai (士乃, Johor) syllable list.

    PYTHONPATH=src python scripts/build_hakka_malaysia_table.py 马来西亚(柔佛士乃客家话).tsv \
        香港客家話-香港本土語言保育協會.tsv

The file is the Senai Hakka list of the project MCPDict (漢字音典,
https://github.com/osfans/MCPDict, tools/tables/data/马来西亚(柔佛士乃客家话).tsv; its catalogue
gives the source as 陳曉錦《馬來西亞的三個漢語方言》): a header, then one line per reading,
``character<TAB>区<TAB>小片<TAB>方言点<TAB>initial<TAB>final<TAB>tone<TAB>tone name<TAB>note``,
in IPA; the zero initial is ``0`` or empty, alternatives are written ``a/b`` and literary and
colloquial readings are marked 文 and 白. Readings of characters are facts; only the characters and
their toneless syllables are kept. A line whose syllable is not made of IPA initials and finals is
left out (a syllabic n̩, a glottal stop).

The second file, optional, is MCPDict's Hong Kong Hakka list
(tools/tables/data/香港客家話-香港本土語言保育協會.tsv; its catalogue gives the source as 香港本土語言
保育協會, the Hong Kong Indigenous Languages Preservation Society): a header, then one line per
reading, ``character<TAB>IPA syllable + tone digit<TAB>gloss...``. Hong Kong's Hakka is of the
Bao'an and Huiyang accents that the Hakka of Kuala Lumpur, Selangor and Sabah also speak; its
readings come after Senai's for the same character.

Writes ``src/mekongx/matching/data/hakka_malaysia.csv``: each character (CJK basic block,
traditional forms filed under the simplified one) with the toneless Senai syllables, in the order of
the file, whose spellings (``southern_chinese._hakka_spellings``) give a key that the engine's
Meixian spellings of the character (hakka.csv) lack; the syllables are written as hakka.csv writes
them (aspiration ʰ as h, ŋ as ng; ɛ ɔ ə ɿ kept).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from build_hakka_table import fold_traditional

from mekongx.matching import southern_chinese
from mekongx.matching.keys import latin_key

OUT = Path(__file__).resolve().parents[1] / "src" / "mekongx" / "matching" / "data"
_INITIALS = frozenset("p pʰ m f v t tʰ n l ts tsʰ s k kʰ ŋ h".split()) | {"", "0"}
_FINAL = re.compile("[iu]?[aeiouɔɛəɿ]*[iu]?(?:m|n|ŋ|p|t|k)?")


def _syllables(initial: str, final: str) -> list[str]:
    """The toneless syllables of one line (alternatives ``a/b`` paired in order)."""
    inits = initial.strip().split("/")
    finals = [re.sub("[文白]", "", f) for f in final.strip().split("/")]
    if len(inits) == 1:
        inits = inits * len(finals)
    elif len(finals) == 1:
        finals = finals * len(inits)
    out: list[str] = []
    for ini, fin in zip(inits, finals, strict=False):
        ini = ini.strip()
        fin = fin.strip()
        if ini not in _INITIALS or not fin or _FINAL.fullmatch(fin) is None:
            continue
        ini = "" if ini == "0" else ini
        out.append((ini + fin).replace("ʰ", "h").replace("ŋ", "ng"))
    return out


def _split(syllable: str) -> tuple[str, str]:
    """An IPA syllable (tone digits removed) as initial and final, the longest initial first."""
    for ini in sorted(_INITIALS - {"0"}, key=len, reverse=True):
        if ini and syllable.startswith(ini) and len(syllable) > len(ini):
            return ini, syllable[len(ini) :]
    return "", syllable


def _readings(path: str, hong_kong: bool = False) -> dict[str, list[str]]:
    """character -> toneless syllables in the order of the file: the Senai list (initial and
    final in columns 5 and 6) or, ``hong_kong``, the Hong Kong one (syllable and tone in column 2)."""
    out: dict[str, list[str]] = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines()[1:]:
        cells = line.split("\t")
        if len(cells) < (2 if hong_kong else 6) or len(cells[0]) != 1:
            continue
        ch = cells[0]
        if not ("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"):
            continue
        parts = _split(re.sub("[0-9]", "", cells[1])) if hong_kong else (cells[4], cells[5])
        got = out.setdefault(ch, [])
        got += [s for s in _syllables(*parts) if s not in got]
    return out


def main(path: str, hong_kong: str | None = None) -> None:
    merged = fold_traditional(_readings(path))
    if hong_kong is not None:
        for ch, syllables in fold_traditional(_readings(hong_kong, True)).items():
            got = merged.setdefault(ch, [])
            got += [s for s in syllables if s not in got]
    rows = []
    for ch, syllables in sorted(merged.items()):
        meixian = [
            x for r in southern_chinese._table("hakka.csv").get(ch, ())[:2]
            for x in southern_chinese._hakka_spellings(r)
        ]  # fmt: skip
        known = {k for _, k in southern_chinese._keyed(meixian, 2)}
        new = [
            s
            for s in syllables
            if any(latin_key(x) not in known for x in southern_chinese._hakka_spellings(s))
        ]
        if new:
            rows.append(f"{ch},{'|'.join(new)}\n")
    header = (
        "# Malaysian Hakka readings of Han characters (Senai 士乃, Johor), toneless, in IPA\n"
        "# written as hakka.csv writes it (aspiration as h, ŋ as ng; ɛ ɔ ə ɿ kept), only those whose\n"
        "# spellings give a key the Meixian readings of hakka.csv lack. Source: the Senai list of\n"
        "# MCPDict (漢字音典), https://github.com/osfans/MCPDict ,\n"
        "# tools/tables/data/马来西亚(柔佛士乃客家话).tsv, after 陳曉錦《馬來西亞的三個漢語方言》;\n"
        "# after them the Hong Kong Hakka readings of MCPDict's\n"
        "# tools/tables/data/香港客家話-香港本土語言保育協會.tsv (when given as a second file).\n"
        "# Built by scripts/build_hakka_malaysia_table.py. See sources.yaml.\n"
    )
    (OUT / "hakka_malaysia.csv").write_text(
        header + "han,readings\n" + "".join(rows), encoding="utf-8"
    )
    print(f"hakka_malaysia.csv: {len(rows)} of {len(merged)} characters")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None)
