"""Typo correction for Latin-script tokens against the words of register names.

A token is corrected only when it is not itself a register word, is not protected (look-alike
names, ordinary trade words, lawful chemical words such as *propanol*), has five or more letters,
and exactly one register word is within one edit (two for eight letters or more; optimal string
alignment, so a swap of neighbours is one edit). Corrections that change the chemical class
ending (``-ol`` alcohol -> ``-one`` ketone, ``-ane`` -> ``-ene`` ...) are refused: that is a
different compound, not a typo.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from rapidfuzz import process
from rapidfuzz.distance import OSA

__all__ = ["TypoCorrector"]

_CLASS_SUFFIXES = ("amide", "amine", "one", "ane", "ene", "yne", "ate", "ite", "ide", "ine", "ol")
_CACHE_LIMIT = 200_000


def _suffix_class(word: str) -> str:
    """Chemical word class from the ending (amine/ine and amide/ide count as one class)."""
    for suffix in _CLASS_SUFFIXES:
        if word.endswith(suffix):
            return {"amine": "ine", "amide": "ide"}.get(suffix, suffix)
    return ""


class TypoCorrector:
    def __init__(
        self,
        vocabulary: Collection[str],
        known_words: Collection[str],
        protected: Collection[str],
        whole_names: Collection[str],
        owners: Mapping[str, frozenset[str]],
    ) -> None:
        """``vocabulary``: register words a token may be corrected to (5+ letters);
        ``known_words``: every word of every indexed name (never corrected);
        ``whole_names``: single-word names; ``owners``: word -> substances using it."""
        self.vocabulary = sorted(vocabulary)
        self.known_words = frozenset(known_words)
        self.protected = frozenset(protected) - frozenset(vocabulary)
        self.whole_names = frozenset(whole_names)
        self.owners = owners
        self._cache: dict[str, str | None] = {}

    def fix(self, token: str) -> str | None:
        """The correction for ``token``, or None (cached per token)."""
        cached = self._cache.get(token, "")
        if cached != "":
            return cached
        result = self._correct(token) if self._candidate(token) else None
        if len(self._cache) > _CACHE_LIMIT:
            self._cache.clear()
        self._cache[token] = result
        return result

    def _candidate(self, token: str) -> bool:
        return (
            len(token) >= 5
            and token not in self.known_words
            and token not in self.protected
            and token.isalpha()
        )

    def _correct(self, token: str) -> str | None:
        size = len(token)
        limit = 1 if size < 8 else 2
        found = process.extract(
            token, self.vocabulary, scorer=OSA.distance, score_cutoff=limit, limit=5
        )
        if not found:
            return None
        best = min(d for _, d, _ in found)
        tied = [w for w, d, _ in found if d == best]
        if len(tied) > 1:
            tied = self._break_tie(token, tied)
        if len(tied) != 1:
            return None
        word = tied[0]
        if abs(len(word) - size) > limit or (best == 2 and word[0] != token[0]):
            return None
        a, b = _suffix_class(token), _suffix_class(word)
        if a and b and a != b:
            return None
        return word

    def _break_tie(self, token: str, tied: list[str]) -> list[str]:
        """Equally close words: the one substance they all belong to, else the same first
        letter, else a word that is a whole name."""
        owner_sets = [self.owners.get(w, frozenset()) for w in tied]
        if len(frozenset.intersection(*owner_sets)) == 1:
            return tied[:1]
        for rule in (lambda w: w[0] == token[0], lambda w: w in self.whole_names):
            kept = [w for w in tied if rule(w)]
            if len(kept) == 1:
                return kept
            if kept:
                tied = kept
        return tied
