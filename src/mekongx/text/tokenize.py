"""Tokenisation that finds words in Thai, Chinese and Latin text alike.

Thai and Chinese are written without spaces between words, so a word index finds nothing in
them. Runs of Thai or Han characters are cut into overlapping character bigrams instead
(``เว่ยหง`` → ``เว ว่ ่ย ยห หง``); any query inside such a run is then a conjunction of its own
bigrams, which the run contains. Latin, Cyrillic etc. are cut into words, case-folded. Tokens
with characters outside ``[a-z0-9]`` are hex-encoded so that every full-text engine (SQLite
FTS5, PostgreSQL ``simple``) treats them as one opaque word.
"""

from __future__ import annotations

import re
import unicodedata

_RUN = re.compile(
    r"(?P<nospace>[\u0E00-\u0E7F\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\u3040-\u30FF]+)"
    r"|(?P<word>[^\W_]+)",
    re.UNICODE,
)


def _encode(token: str) -> str:
    if token.isascii() and token.isalnum():
        return token
    return "x" + token.encode().hex()


_HAN = re.compile(r"[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]")


def _raw_tokens(text: str, *, han_unigrams: bool = False) -> list[str]:
    text = unicodedata.normalize("NFKC", text).casefold()
    tokens: list[str] = []
    for match in _RUN.finditer(text):
        run = match.group("nospace")
        if run is not None:
            if len(run) == 1:
                tokens.append(run)
            else:
                tokens.extend(run[i : i + 2] for i in range(len(run) - 1))
                if han_unigrams:  # one Han character is a word: a query of one finds it
                    tokens.extend(c for c in run if _HAN.match(c))
        else:
            tokens.append(match.group("word"))
    return tokens


def index_tokens(text: str) -> str:
    """The space-separated token string to store in the full-text index (Han characters also
    one by one, so that a one-character query such as a surname finds its records)."""
    return " ".join(_encode(t) for t in _raw_tokens(text, han_unigrams=True))


def query_tokens(text: str) -> list[str]:
    """Distinct encoded tokens of a query, in order; all must match."""
    seen: dict[str, None] = {}
    for token in _raw_tokens(text):
        seen.setdefault(_encode(token), None)
    return list(seen)
