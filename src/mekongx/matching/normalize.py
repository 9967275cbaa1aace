"""Text normalisation, script detection and honorific removal.

Thai vowel signs and tone marks are combining characters; unlike generic ASCII folding we keep them,
because they carry the vowel of the syllable.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from functools import cache, lru_cache

from mekongx.matching import _data, burmese, lao
from mekongx.matching.keys import split_pinyin


class Script(StrEnum):
    HAN = "han"
    THAI = "thai"
    LATIN = "latin"
    BURMESE = "burmese"
    KHMER = "khmer"
    OTHER = "other"


# Separators in Chinese renderings of foreign names: 他信·西那瓦, 他信・西那瓦, 他信•西那瓦.
MIDDLE_DOTS = "·・•‧∙⋅．"
_SPLIT = re.compile(r"[\s,;/()\[\]\"“”_\u104a\u104b\u17d4\u17d5]+")


def char_script(ch: str) -> Script:
    cp = ord(ch)
    if 0x0E00 <= cp <= 0x0E7F:
        return Script.THAI
    if 0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0xF900 <= cp <= 0xFAFF or cp >= 0x20000:
        return Script.HAN
    if ch.isalpha() and (cp < 0x0250 or 0x1E00 <= cp <= 0x1EFF):
        return Script.LATIN
    if 0x1000 <= cp <= 0x109F:
        return Script.BURMESE
    if 0x1780 <= cp <= 0x17FF:
        return Script.KHMER
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


_DOTS = str.maketrans(dict.fromkeys(MIDDLE_DOTS, "·"))
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\ufeff]")
# NFKC splits SARA AM (U+0E33) into NIKHAHIT + SARA AA (text typed that way looks the same);
# Thai spelling treats it as one vowel, so it is put back together.
_SARA_AM = re.compile("\u0e4d([\u0e48-\u0e4b]?)\u0e32")


def clean(text: str) -> str:
    """NFC (Thai marks kept), unify dots and spaces, drop control characters; Lao letters are
    rewritten as the Thai letters of the same sound (``lao.py``), Burmese typed in Zawgyi is
    converted to Unicode (``burmese.py``)."""
    text = burmese.to_unicode(lao.to_thai(text))
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    if "\u0e4d" in text:
        text = _SARA_AM.sub("\\1\u0e33", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    text = _CONTROL.sub("", text)
    return text.translate(_DOTS).strip()


# signs written after or over a consonant (vowels, tone marks, ์): no Thai word starts with one
_THAI_FOLLOWING = re.compile("[\u0e30-\u0e3a\u0e45-\u0e4e]")


@cache
def _thai_prefix_re() -> re.Pattern[str]:
    alts = "|".join(re.escape(p) for p in _honorifics()["thai_prefix"])
    return re.compile(f"^(?:{alts})")


def _strip_thai(token: str, removed: list[str]) -> str:
    hon = _honorifics()
    if token in hon["thai_token"]:
        removed.append(token)
        return ""
    pattern = _thai_prefix_re()
    while True:
        m = pattern.match(token)
        if m is None:
            break
        rest = token[m.end() :]
        if rest and (len(rest) < 2 or _THAI_FOLLOWING.match(rest)):
            break  # part of the name: คุณานนต์ Khunanon, นายิกา (a word starts with no such sign)
        removed.append(m.group(0))
        token = rest
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


_RUNS = re.compile(
    "([\u0e00-\u0e7f][\u0e00-\u0e7f.]*)|([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff·]+)"
    "|([^\u0e00-\u0e7f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]+)"
)


def _split_scripts(chunk: str) -> list[tuple[str, Script]]:
    """Split a space-free chunk where the script changes (``兰卫红Lan`` -> two tokens)."""
    out: list[tuple[str, Script]] = []
    for m in _RUNS.finditer(chunk):
        thai_run, han_run, rest = m.groups()
        if thai_run:
            out.append((thai_run, Script.THAI))
        elif han_run:
            out.append((han_run, Script.HAN))
        elif rest:
            out.append((rest, text_script(rest)))
    return out


def burmese_honorific(words: list[str]) -> bool:
    """Does a Latin name start with a Burmese courtesy word (U, Daw, Ko, Maung, Ma, Sai …)?

    Ma and Ko are Chinese surnames as well: before a Chinese given name (Wade-Giles with a hyphen,
    Ma Ying-jeou; or pinyin, Ma Lin) they are the surname, not a courtesy word."""
    if len(words) < 2 or words[0].lower() not in _honorifics()["burmese_latin"]:
        return False
    if words[0].lower() in ("ma", "ko"):
        rest = words[1:]
        if any("-" in w for w in rest) or all(split_pinyin(w) for w in rest):
            return False
    return True


@cache
def _latin_titles() -> frozenset[str]:
    return frozenset(_honorifics()["latin_token"])


# A nickname written inside a name, one or two words between parentheses or quotes: Yingluck
# "Pu" Shinawatra, Paetongtarn “Ung Ing” Shinawatra, สมชาย (นก) วงศ์สวัสดิ์ (a Thai custom; the
# press writes it so). Straight single quotes only around one whole word: O'Neill keeps its
# apostrophe.
_WORDS = r"[^()（）\"“”‘’\s]+(?: [^()（）\"“”‘’\s]+)?"  # one word or two
_NICKNAME = re.compile(
    rf"(?:^|(?<=\s))(?:[(（]({_WORDS})[)）]|\"({_WORDS})\"|“({_WORDS})”|‘({_WORDS})’"
    r"|'([^'\s]+)')(?=\s|$)"
)


def set_aside_nicknames(text: str) -> tuple[str, tuple[str, ...]]:
    """The name without the nicknames written in it, and those nicknames.

    A nickname is set aside only when it is in the script of the rest of the name and two words or
    more remain: a name in another script beside it (Lan Weihong (兰卫红)) is kept, as is a
    parenthesis beside a name of one word."""
    if not any(mark in text for mark in "(（\"“‘'"):
        return text, ()
    found = [(m, next(g for g in m.groups() if g)) for m in _NICKNAME.finditer(text)]
    if not found:
        return text, ()
    rest = _NICKNAME.sub(" ", text)
    words = rest.split()
    script = text_script(rest)
    if len(words) < 2 or script is Script.OTHER:
        return text, ()
    nicknames = tuple(word for _, word in found if text_script(word) is script)
    if len(nicknames) < len(found):
        return text, ()
    return " ".join(words), nicknames


def tokenize(text: str) -> tuple[list[Token], list[str]]:
    """Tokens of a name (honorifics removed) and the honorifics that were removed."""
    removed: list[str] = []
    tokens: list[Token] = []
    for chunk in _SPLIT.split(clean(text)):
        if chunk:
            got, gone = _chunk_tokens(chunk)
            tokens += got
            removed += gone
    return tokens, removed


@lru_cache(maxsize=400_000)
def _chunk_tokens(chunk: str) -> tuple[tuple[Token, ...], tuple[str, ...]]:
    """Tokens of one space-free chunk (cached: names repeat the same words)."""
    removed: list[str] = []
    tokens: list[Token] = []
    latin_titles = _latin_titles()
    for piece, script in _split_scripts(chunk):
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
    return tuple(tokens), tuple(removed)
