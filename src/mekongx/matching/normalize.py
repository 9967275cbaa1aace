"""Text normalisation, script detection and honorific removal.

Thai vowel signs and tone marks are combining characters; unlike generic ASCII folding we keep them,
because they carry the vowel of the syllable.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from mekongx.matching import _data


class Script(StrEnum):
    HAN = "han"
    THAI = "thai"
    LATIN = "latin"
    OTHER = "other"


# Separators in Chinese renderings of foreign names: 他信·西那瓦, 他信・西那瓦, 他信•西那瓦.
MIDDLE_DOTS = "·・•‧∙⋅．"
_SPLIT = re.compile(r"[\s,;/()\[\]\"“”_]+")


def char_script(ch: str) -> Script:
    cp = ord(ch)
    if 0x0E00 <= cp <= 0x0E7F:
        return Script.THAI
    if 0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0xF900 <= cp <= 0xFAFF or cp >= 0x20000:
        return Script.HAN
    if ch.isalpha() and (cp < 0x0250 or 0x1E00 <= cp <= 0x1EFF):
        return Script.LATIN
    return Script.OTHER


def text_script(text: str) -> Script:
    """The dominant script of a token (letters only)."""
    counts: dict[Script, int] = {}
    for ch in text:
        sc = char_script(ch)
        if sc is not Script.OTHER:
            counts[sc] = counts.get(sc, 0) + 1
    if not counts:
        return Script.OTHER
    return max(counts.items(), key=lambda kv: kv[1])[0]


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    script: Script


@cache
def _honorifics() -> dict[str, tuple[str, ...]]:
    raw = _data.yaml_table("honorifics.yaml")
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in raw.items()}


def clean(text: str) -> str:
    """NFC (Thai marks kept), unify dots and spaces, drop control characters."""
    text = unicodedata.normalize("NFKC", text)
    text = unicodedata.normalize("NFC", text)
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C" or ch in "\t\n")
    for dot in MIDDLE_DOTS:
        text = text.replace(dot, "·")
    return text.strip()


def _strip_thai(token: str, removed: list[str]) -> str:
    hon = _honorifics()
    if token in hon["thai_token"]:
        removed.append(token)
        return ""
    changed = True
    while changed:
        changed = False
        for prefix in hon["thai_prefix"]:
            rest = token[len(prefix) :]
            if token.startswith(prefix) and (not rest or len(rest) >= 2):
                removed.append(prefix)
                token = rest
                changed = True
                break
    return token


def _strip_han(token: str, removed: list[str]) -> str:
    hon = _honorifics()
    for suffix in hon["han_suffix"]:
        if token.endswith(suffix) and len(token) > len(suffix):
            removed.append(suffix)
            token = token[: -len(suffix)]
            break
    for prefix in hon["han_prefix"]:
        if token.startswith(prefix) and len(token) > len(prefix):
            removed.append(prefix)
            token = token[len(prefix) :]
            break
    return token


def _split_scripts(chunk: str) -> list[str]:
    """Split a space-free chunk where the script changes (``兰卫红Lan`` -> two tokens)."""
    out: list[str] = []
    current = ""
    last: Script | None = None
    for ch in chunk:
        sc = char_script(ch)
        if sc is Script.OTHER or sc is last or last is None:
            current += ch
            if sc is not Script.OTHER:
                last = sc
            continue
        out.append(current)
        current, last = ch, sc
    if current:
        out.append(current)
    return out


def tokenize(text: str) -> tuple[list[Token], list[str]]:
    """Tokens of a name (honorifics removed) and the honorifics that were removed."""
    text = clean(text)
    removed: list[str] = []
    tokens: list[Token] = []
    latin_titles = set(_honorifics()["latin_token"])
    for chunk in _SPLIT.split(text):
        for piece in _split_scripts(chunk):
            script = text_script(piece)
            if script is Script.THAI:
                piece = _strip_thai(piece, removed)
            elif script is Script.HAN:
                piece = _strip_han(piece, removed)
            elif script is Script.LATIN:
                bare = piece.lower().strip(".")
                if bare in latin_titles or bare.replace(".", "") in latin_titles:
                    removed.append(piece)
                    continue
                # "Pol.Col.Somchai" -> strip dotted rank prefixes
                while "." in bare:
                    head, _, tail = bare.partition(".")
                    if head in latin_titles:
                        removed.append(head)
                        bare = tail
                        piece = piece[len(head) + 1 :]
                    else:
                        break
            piece = piece.strip("-.·")
            if piece and script is not Script.OTHER:
                tokens.append(Token(piece, script))
    return tokens, removed
