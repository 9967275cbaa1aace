"""Dictionary scanner for names in free text (leftmost-longest, no substring traps).

Latin-script names are indexed as token sequences: ``1-phenyl-2-propanone`` becomes the key
``1 phenyl 2 propanone`` and the compact key ``1phenyl2propanone`` (so ``P 2 P`` finds ``P2P``
and ``pseudo ephedrine`` finds ``pseudoephedrine``). A name only matches whole tokens, so
``piperidine`` never fires inside ``piperidinecarboxylic`` and ``acetic acid`` never hits
``acetic anhydride``. Scanning walks the tokens once; at each position it extends the window
while it is still a prefix of some key (a trie walk over hashed prefixes) and keeps the longest
match, then jumps past it.

Thai and Chinese names are written without spaces, so they are indexed in ``dense`` form and
found by a character scan keyed on their first two characters. Both scans are leftmost-longest:
a longer name (a look-alike such as ``methyl ethyl ketone peroxide`` or ``二甲苯``) that covers a
shorter controlled one (``methyl ethyl ketone``, ``甲苯``) wins and suppresses it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from mekongx.chemistry.text import dense, fold, latin_tokens

__all__ = ["DenseHit", "Term", "TermIndex", "TokenHit"]


@dataclass(frozen=True, slots=True)
class Term:
    """One indexed name. ``kind`` is ``substance``, ``lookalike`` or ``place``."""

    kind: str
    ref: str
    lang: str
    text: str
    abbr: bool = False


@dataclass(frozen=True, slots=True)
class TokenHit:
    start: int  # token index
    end: int  # token index, exclusive
    terms: tuple[Term, ...]
    compact: bool


@dataclass(frozen=True, slots=True)
class DenseHit:
    start: int  # character index in the dense text
    end: int
    terms: tuple[Term, ...]


class TermIndex:
    """Index of names; ``scan_tokens`` and ``scan_dense`` find them in normalised text."""

    def __init__(self, terms: Iterable[Term]) -> None:
        phrases: dict[str, list[Term]] = {}
        compact: dict[str, list[Term]] = {}
        dense_terms: dict[str, list[Term]] = {}
        self.max_tokens = 1
        for term in terms:
            folded = fold(term.text)
            if folded.isascii():
                tokens = latin_tokens(folded)
                if not tokens:
                    continue
                self.max_tokens = max(self.max_tokens, len(tokens))
                phrases.setdefault(" ".join(tokens), []).append(term)
                compact.setdefault("".join(tokens), []).append(term)
            else:
                key = dense(folded)
                if len(key) >= 2:
                    dense_terms.setdefault(key, []).append(term)
        self.phrases = {k: tuple(v) for k, v in phrases.items()}
        self.compact = {k: tuple(v) for k, v in compact.items()}
        self.dense_terms = {k: tuple(v) for k, v in dense_terms.items()}
        prefixes: set[str] = set()
        for key in self.phrases:
            parts = key.split(" ")
            for i in range(1, len(parts) + 1):
                prefixes.add(" ".join(parts[:i]))
        cprefixes: set[str] = set()
        for key in self.compact:
            for i in range(1, len(key) + 1):
                cprefixes.add(key[:i])
        self.prefixes = frozenset(prefixes)
        self.cprefixes = frozenset(cprefixes)
        by_head: dict[str, list[str]] = {}
        for key in self.dense_terms:
            by_head.setdefault(key[:2], []).append(key)
        self.dense_heads = {
            head: tuple(sorted(keys, key=len, reverse=True)) for head, keys in by_head.items()
        }
        self.vocabulary = frozenset(
            token for key in self.phrases for token in key.split(" ") if token.isalpha()
        )

    def scan_tokens(self, tokens: list[str]) -> list[TokenHit]:
        """Leftmost-longest matches of indexed Latin names in a token list."""
        hits: list[TokenHit] = []
        prefixes, cprefixes = self.prefixes, self.cprefixes
        phrases, compact = self.phrases, self.compact
        n = len(tokens)
        i = 0
        while i < n:
            spaced = joined = tokens[i]
            if spaced not in prefixes and joined not in cprefixes:
                i += 1
                continue
            best_end = 0
            best_terms: tuple[Term, ...] = ()
            best_compact = False
            j = i + 1
            spaced_alive = True
            while True:
                if spaced_alive and spaced in prefixes:
                    found = phrases.get(spaced)
                    if found:
                        best_end, best_terms, best_compact = j, found, False
                else:
                    spaced_alive = False
                joined_alive = joined in cprefixes
                if joined_alive:
                    found = compact.get(joined)
                    if found and j > best_end:
                        best_end, best_terms, best_compact = j, found, True
                if (not spaced_alive and not joined_alive) or j >= n:
                    break
                if j - i >= self.max_tokens * 3:
                    break
                spaced = spaced + " " + tokens[j]
                joined = joined + tokens[j]
                j += 1
            if best_end:
                hits.append(TokenHit(i, best_end, best_terms, best_compact))
                i = best_end
            else:
                i += 1
        return hits

    def scan_dense(self, text: str) -> list[DenseHit]:
        """Leftmost-longest matches of Thai/Chinese (dense) names in dense text."""
        hits: list[DenseHit] = []
        heads = self.dense_heads
        n = len(text)
        i = 0
        while i < n - 1:
            keys = heads.get(text[i : i + 2])
            if keys is not None:
                for key in keys:
                    if text.startswith(key, i):
                        end = i + len(key)
                        hits.append(DenseHit(i, end, self.dense_terms[key]))
                        i = end
                        break
                else:
                    i += 1
                continue
            i += 1
        return hits
