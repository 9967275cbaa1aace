"""Which vendored font draws which characters.

Every face is declared once here. The PDF renderer registers them all; the document's language
picks the primary face and the others follow as fallbacks, so that each run of characters the
primary face lacks (Latin digits in Thai text, a Thai name in a Chinese document) is drawn by
the first face that has them, and then shaped by HarfBuzz in that face. Adding a script (Lao,
Burmese, Khmer: issue 18) is one more ``FontFace`` here and its files in ``fonts/``.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from fontTools.ttLib import TTFont

__all__ = [
    "FACES",
    "OFFICIAL",
    "FontFace",
    "covered",
    "faces_for",
    "font_file",
    "needs_shaping",
    "widest",
]


@dataclass(frozen=True, slots=True)
class FontFace:
    family: str  # the name the PDF renderer registers it under
    regular: str  # file in mekongx/documents/fonts/
    bold: str | None  # None: bold text is drawn with the regular face
    primary_for: tuple[str, ...] = ()  # document languages that start with this face


FACES: tuple[FontFace, ...] = (
    FontFace("noto-sans", "NotoSans-Regular.ttf", "NotoSans-Bold.ttf", ("en", "vi", "my")),
    FontFace("noto-sans-thai", "NotoSansThai-Regular.ttf", "NotoSansThai-Bold.ttf", ("th",)),
    FontFace("noto-sans-sc", "NotoSansSC-Regular.otf", None, ("zh",)),
    FontFace("noto-sans-lao", "NotoSansLao-Regular.ttf", "NotoSansLao-Bold.ttf", ("lo",)),
    FontFace(
        # never primary: as the primary face, fpdf2 (2.8.9) drew some shaped Burmese runs of the
        # page foot with glyph ids of another subset; as a fallback it is right, bold included
        "noto-sans-myanmar",
        "NotoSansMyanmar-Regular.ttf",
        "NotoSansMyanmar-Bold.ttf",
        (),
    ),
    FontFace("noto-sans-khmer", "NotoSansKhmer-Regular.ttf", "NotoSansKhmer-Bold.ttf", ("km",)),
)

#: The faces of official documents (``Document.official``), registered only for them: Thai in
#: Laksaman, metric-compatible with TH Sarabun PSK, the face the Thai Cabinet prescribed for
#: government documents at 16 pt (resolution of 7 September 2010); Chinese in a Song face, as
#: near GB/T 9704-2012's 仿宋 (body) and 小标宋 (title) as free fonts allow.
OFFICIAL: tuple[FontFace, ...] = (
    FontFace("laksaman", "Laksaman.ttf", "Laksaman-Bold.ttf", ("th",)),
    FontFace("noto-serif-sc", "NotoSerifSC-Regular.otf", "NotoSerifSC-Bold.otf", ("zh",)),
)


def font_file(name: str) -> Path:
    path = Path(str(resources.files("mekongx.documents") / "fonts" / name))
    if not path.is_file():
        raise FileNotFoundError(f"vendored font {name} is missing from the package")
    return path


def faces_for(lang: str, official: bool = False) -> list[FontFace]:
    """The primary face for ``lang`` first, then every other face in declaration order; for an
    official document, the official faces (``lang``'s first) come before the others."""
    primary = [f for f in FACES if lang in f.primary_for] or [FACES[0]]
    faces = primary + [f for f in FACES if f not in primary]
    lead = [f for f in OFFICIAL if lang in f.primary_for] if official else []
    if not lead:
        return faces
    return lead + [f for f in OFFICIAL if f not in lead] + faces


@cache
def _advances(name: str) -> dict[int, float]:
    """Each character's advance width in ``name``, in ems."""
    font = TTFont(font_file(name), lazy=True)
    try:
        per_em = font["head"].unitsPerEm
        metrics = font["hmtx"].metrics
        return {code: metrics[glyph][0] / per_em for code, glyph in font.getBestCmap().items()}
    finally:
        font.close()


def _files(official: bool) -> list[str]:
    faces = FACES + OFFICIAL if official else FACES
    return [n for face in faces for n in (face.regular, face.bold) if n is not None]


def covered(char: str) -> bool:
    """True when some vendored face has a glyph for ``char``."""
    code = ord(char)
    return any(code in _advances(face.regular) for face in FACES)


@cache
def _widest(char: str, official: bool) -> float:
    code = ord(char)
    return max((_advances(n).get(code, 0.0) for n in _files(official)), default=0.0) or 1.0


def widest(text: str, official: bool = False) -> float:
    """An upper bound of ``text``'s width in ems, whichever face draws each character (of the
    faces of an ordinary document, or of an official one)."""
    return sum(_widest(char, official) for char in text)


# Scripts whose characters change shape or place with their neighbours (HarfBuzz needed):
# Hebrew to Myanmar (Arabic, Indic, Thai, Lao, Tibetan, Myanmar), Khmer and Mongolian.
_COMPLEX = ((0x0590, 0x109F), (0x1780, 0x18AF), (0x1A00, 0x1CFF), (0xA8E0, 0xABFF))


@cache
def _complex(char: str) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in _COMPLEX) or unicodedata.combining(char) != 0


def needs_shaping(text: str) -> bool:
    """False for text that is drawn right glyph by glyph (Latin, digits, Han): it is then not
    shaped, which makes long tables several times faster; anything else is."""
    return any(_complex(char) for char in text)
