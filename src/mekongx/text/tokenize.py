"""Tokenisation that finds words in Thai, Lao, Burmese, Khmer, Chinese and Latin text alike.

Thai, Lao, Burmese, Khmer and Chinese are written without spaces between words, so a word index
finds nothing in them. Runs of their characters are cut into overlapping character bigrams instead
(``เว่ยหง`` → ``เว ว่ ่ย ยห หง``); any query inside such a run is then a conjunction of its own
bigrams, which the run contains. Latin, Cyrillic etc. are cut into words, case-folded. Tokens
with characters outside ``[a-z0-9]`` are hex-encoded so that every full-text engine (SQLite
FTS5, PostgreSQL ``simple``) treats them as one opaque word.

Beside the words of the text, the index holds words for what the text means in other scripts
and forms: the codes of the places it names (``gazetteer``: 清莱, เชียงราย and Chiang Rai are one
code, a district also carries its province's), the search keys of its telephone numbers
(``phones``: 0828856716 and +66 82 885 6716 are one key) and the phonetic keys of its Thai and
Chinese words (``crossscript``: a Latin query finds them by sound). ``query_plan`` turns a query
into the words to look for: a place name or a number becomes its code or key, and a Latin query
of two syllables or more may also be found by sound.
"""

from __future__ import annotations

import re
import unicodedata

from mekongx.text import crossscript, gazetteer, phones

_RUN = re.compile(
    # Thai, Lao, Burmese (with its extensions), Khmer (with its symbols), Han, kana
    # (the Burmese and Khmer sentence marks end a run)
    r"(?P<nospace>[\u0E00-\u0EFF\u1000-\u1049\u104C-\u109F\uA9E0-\uA9FF\uAA60-\uAA7F"
    r"\u1780-\u17D3\u17D7\u17DC\u17DD\u17E0-\u17E9\u19E0-\u19FF"
    r"\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\u3040-\u30FF]+)"
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


def _phone_token(key: str) -> str:
    return "zztel" + key


# An identity-document or warrant number written with spaces, dashes, dots or slashes
# (E 8765-4321, ONCB-W-2567/118): letters and digits mixed, at least six characters in all.
_DOCUMENT = re.compile(
    r"(?<![0-9A-Za-z])(?:[A-Za-z]{1,5}[ .\-/]?){0,2}\d[\dA-Za-z]*(?:[.\-/ ]\d[\dA-Za-z]*){0,4}"
    r"(?![0-9A-Za-z])"
)


def document_keys(text: str) -> list[str]:
    """Document numbers in ``text`` as compared: letters and digits only, lower case (a key
    needs a digit and a letter, or at least eight digits, so plain amounts are left out)."""
    keys: dict[str, None] = {}
    for match in _DOCUMENT.finditer(text):
        key = re.sub(r"[^0-9A-Za-z]", "", match.group(0)).casefold()
        has_letter = any(c.isalpha() for c in key)
        if 6 <= len(key) <= 30 and any(c.isdigit() for c in key) and (has_letter or len(key) >= 8):
            keys.setdefault(key, None)
    return list(keys)


def _document_token(key: str) -> str:
    return "zzdoc" + key


def index_tokens(text: str) -> str:
    """The space-separated token string to store in the full-text index (Han characters also
    one by one, so that a one-character query such as a surname finds its records), with the
    words of its places, telephone numbers and sounds (see the module's docstring)."""
    words = [_encode(t) for t in _raw_tokens(text, han_unigrams=True)]
    places = {p.code: p for named in gazetteer.places_in(text) for p in gazetteer.with_parents(named)}  # fmt: skip
    words += [gazetteer.token(p) for p in places.values()]
    words += [_phone_token(key) for key in phones.numbers_in(text)]
    words += [_document_token(key) for key in document_keys(text)]
    words += sorted(crossscript.index_words(text))
    return " ".join(words)


# A query plan: any of its groups; a group: all of its slots; a slot: any of its alternatives;
# an alternative: all of its words.
Plan = list[list[list[list[str]]]]


def query_plan(text: str) -> Plan:
    """What a query looks for (see ``Plan``): its own words, with each place it names as the
    place's code and each telephone number as its key; for a Latin query of two syllables or
    more, also the same places and numbers with the rest found by sound. Empty for a query with
    nothing searchable."""
    special: list[list[list[str]]] = []
    rest = gazetteer.folded(text)
    for start, end, place in sorted(gazetteer.find(text), key=lambda f: -f[0]):
        special.append([[gazetteer.token(place)]])
        rest = rest[:start] + " " + rest[end:]
    for key in phones.numbers_in(rest):
        special.append([[_phone_token(key)]])
    if special:
        rest = re.sub(r"(?:\+|00)?\(?\d[\d\s().\-]{6,22}\d", " ", rest)
    documents = [key for key in document_keys(rest) if any(c.isalpha() for c in key)]
    if documents and not special:
        # a document number however it is written: its key, or its words as typed
        return [
            [[[_document_token(key)]] for key in documents],
            [[[token]] for token in query_tokens(rest)],
        ]
    plain = [[[token]] for token in query_tokens(rest)]
    if not plain and not special:
        return []
    plan: Plan = [special + plain]
    by_sound = crossscript.query_slots(rest)
    if by_sound:
        plan.append(special + by_sound)
    return plan


def query_tokens(text: str) -> list[str]:
    """Distinct encoded tokens of a query, in order; all must match."""
    seen: dict[str, None] = {}
    for token in _raw_tokens(text):
        seen.setdefault(_encode(token), None)
    return list(seen)
