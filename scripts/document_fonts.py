"""Write the fonts vendored in ``src/mekongx/documents/fonts/`` from Debian's Noto packages.

Nodes are offline, so the PDF renderer never downloads a font: the files are in the package.
This script is how they were made (and how to make them again, or add a script's font):

    cd /tmp && apt-get download fonts-noto-core fonts-noto-cjk fonts-tlwg-laksaman-ttf
    for f in fonts-noto-*.deb fonts-tlwg-laksaman-ttf*.deb; do dpkg-deb -x "$f" noto; done
    .venv/bin/python scripts/document_fonts.py /tmp/noto

Noto Sans (Latin) is cut down to Latin, general punctuation and currency signs; Noto Sans
Thai, Lao, Khmer and Myanmar are copied whole (they are small); Noto Sans CJK SC (CFF outlines,
which fpdf2 embeds) is cut down to the GB 2312 repertoire, CJK and full-width punctuation and Latin, without vertical metrics,
so that the package stays small. The faces of official documents (``Document.official``) are
Laksaman (TLWG's metric-compatible version of SIPA's TH Sarabun PSK, the face the Thai Cabinet
prescribed for government documents; GPL-2+ with the font exception, copied whole) and Noto
Serif CJK SC regular and bold, cut down like the sans. Noto fonts declare no Reserved Font Name, so the subsets keep
their names (SIL OFL 1.1, section 3). fontTools comes with fpdf2.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

OUT = Path(__file__).resolve().parents[1] / "src" / "mekongx" / "documents" / "fonts"
CORE = Path("usr/share/fonts/truetype/noto")
CJK = Path("usr/share/fonts/opentype/noto")
TLWG = Path("usr/share/fonts/truetype/tlwg")
CJK_SC_INDEX = 2  # Noto{Sans,Serif}CJK-*.ttc: JP, KR, SC, TC, HK (then the Sans Mono faces)

LATIN = {
    *range(0x20, 0x7F),  # Basic Latin
    *range(0xA0, 0x250),  # Latin-1 Supplement, Latin Extended-A and -B
    *range(0x1E00, 0x1F00),  # Latin Extended Additional (Vietnamese)
    *range(0x300, 0x370),  # combining diacritics
    *range(0x2000, 0x2070),  # general punctuation
    *range(0x20A0, 0x20C1),  # currency signs (kip, dong, yuan, baht elsewhere)
    0x2116,  # numero sign
    0x2122,  # trade mark
    *range(0x2190, 0x2194),  # arrows
    0x2212,  # minus sign
    0xFFFD,  # replacement character
}
CJK_PUNCTUATION = {*range(0x3000, 0x3040), *range(0xFF00, 0xFFF0), *range(0x2000, 0x2070)}


def gb2312() -> set[int]:
    """Every character of GB 2312 (rows 0xA1-0xF7, cells 0xA1-0xFE), from Python's codec."""
    found: set[int] = set()
    for row in range(0xA1, 0xF8):
        for cell in range(0xA1, 0xFF):
            try:
                found.add(ord(bytes((row, cell)).decode("gb2312")))
            except UnicodeDecodeError:
                continue
    return found


def _options(features: list[str], drop: list[str]) -> subset.Options:
    options = subset.Options()
    options.layout_features = features
    options.drop_tables += drop
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = False
    return options


def _subset(font: TTFont, unicodes: set[int], options: subset.Options, target: Path) -> None:
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)
    font.save(target)
    print(f"{target.name}: {target.stat().st_size:,} bytes")


def main(root: Path) -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    latin_features = ["ccmp", "locl", "kern", "liga", "mark", "mkmk"]
    for weight in ("Regular", "Bold"):
        source = root / CORE / f"NotoSans-{weight}.ttf"
        _subset(TTFont(source), LATIN, _options(latin_features, []), OUT / source.name)
        for script in ("Thai", "Lao", "Khmer", "Myanmar"):  # small: copied whole
            whole = root / CORE / f"NotoSans{script}-{weight}.ttf"
            shutil.copyfile(whole, OUT / whole.name)
            print(f"{whole.name}: {whole.stat().st_size:,} bytes (whole)")
    collection = TTCollection(root / CJK / "NotoSansCJK-Regular.ttc")
    cjk_features = ["ccmp", "locl", "kern", "liga", "calt", "mark", "mkmk"]
    _subset(
        collection.fonts[CJK_SC_INDEX],
        gb2312() | CJK_PUNCTUATION | LATIN,
        _options(cjk_features, ["vhea", "vmtx", "VORG", "BASE"]),
        OUT / "NotoSansSC-Regular.otf",
    )
    for weight in ("Regular", "Bold"):  # official Chinese documents (GB/T 9704: a Song face)
        serif = TTCollection(root / CJK / f"NotoSerifCJK-{weight}.ttc")
        _subset(
            serif.fonts[CJK_SC_INDEX],
            gb2312() | CJK_PUNCTUATION | LATIN,
            _options(cjk_features, ["vhea", "vmtx", "VORG", "BASE"]),
            OUT / f"NotoSerifSC-{weight}.otf",
        )
    for name in ("Laksaman.ttf", "Laksaman-Bold.ttf"):  # official Thai documents
        shutil.copyfile(root / TLWG / name, OUT / name)
        print(f"{name}: {(OUT / name).stat().st_size:,} bytes (whole)")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__)
        sys.exit(2)
    sys.exit(main(Path(sys.argv[1])))
