"""Which vendored font draws which characters.

Every face is declared once here. The PDF renderer registers them all; the document's language
picks the primary face and the others follow as fallbacks, so that each run of characters the
primary face lacks (Latin digits in Thai text, a Thai name in a Chinese document) is drawn by
the first face that has them, and then shaped by HarfBuzz in that face. Adding a script (Lao,
Burmese, Khmer: issue 18) is one more ``FontFace`` here and its files in ``fonts/``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from fontTools.ttLib import TTFont

__all__ = ["FACES", "FontFace", "covered", "faces_for", "font_file"]


@dataclass(frozen=True, slots=True)
class FontFace:
    family: str  # the name the PDF renderer registers it under
    regular: str  # file in mekongx/documents/fonts/
    bold: str | None  # None: bold text is drawn with the regular face
    primary_for: tuple[str, ...] = ()  # document languages that start with this face


FACES: tuple[FontFace, ...] = (
    FontFace("noto-sans", "NotoSans-Regular.ttf", "NotoSans-Bold.ttf", ("en",)),
    FontFace("noto-sans-thai", "NotoSansThai-Regular.ttf", "NotoSansThai-Bold.ttf", ("th",)),
    FontFace("noto-sans-sc", "NotoSansSC-Regular.otf", None, ("zh",)),
)


def font_file(name: str) -> Path:
    path = Path(str(resources.files("mekongx.documents") / "fonts" / name))
    if not path.is_file():
        raise FileNotFoundError(f"vendored font {name} is missing from the package")
    return path


def faces_for(lang: str) -> list[FontFace]:
    """The primary face for ``lang`` first, then every other face in declaration order."""
    primary = [f for f in FACES if lang in f.primary_for] or [FACES[0]]
    return primary + [f for f in FACES if f not in primary]


@cache
def _cmap(name: str) -> frozenset[int]:
    font = TTFont(font_file(name), lazy=True)
    try:
        return frozenset(font.getBestCmap())
    finally:
        font.close()


def covered(char: str) -> bool:
    """True when some vendored face has a glyph for ``char``."""
    code = ord(char)
    return any(code in _cmap(face.regular) for face in FACES)
