"""Typo-tolerant search of Thai and Chinese names in dense (space-free) text.

Candidates are pre-filtered by shared character bigrams, then compared by edit distance against
every slice of the text of about the name's length: one edit for names under ten characters, two
for longer ones (Thai vowels and tone marks are separate code points, so one slip of the keyboard
can be two edits after normalisation).
"""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz.distance import Levenshtein

__all__ = ["DenseFuzzy"]


def _window_distance(name: str, text: str, limit: int) -> int:
    """Smallest edit distance between ``name`` and any slice of ``text`` of about its length."""
    size = len(name)
    best = limit + 1
    for width in (size, size - 1, size + 1):
        if width <= 0 or width > len(text):
            continue
        for start in range(len(text) - width + 1):
            dist = Levenshtein.distance(name, text[start : start + width], score_cutoff=limit)
            if dist < best:
                best = dist
                if dist == 0:
                    return 0
    return best


class DenseFuzzy:
    """Pool of (dense name, substance id) pairs."""

    def __init__(self, names: Iterable[tuple[str, str]], min_length: int = 6) -> None:
        self.pool: list[tuple[str, str]] = []
        self.bigrams: dict[str, list[int]] = {}
        for key, sid in names:
            if len(key) < min_length:
                continue
            pos = len(self.pool)
            self.pool.append((key, sid))
            for bigram in {key[k : k + 2] for k in range(len(key) - 1)}:
                self.bigrams.setdefault(bigram, []).append(pos)

    def best(self, text: str) -> tuple[str, float, str] | None:
        """(name, score, substance id) of the closest name within its edit limit, or None."""
        if len(text) < 6 or not self.pool:
            return None
        counts: dict[int, int] = {}
        for bigram in {text[k : k + 2] for k in range(len(text) - 1)}:
            for pos in self.bigrams.get(bigram, ()):
                counts[pos] = counts.get(pos, 0) + 1
        found: tuple[int, int, int] | None = None
        for pos, shared in counts.items():
            name = self.pool[pos][0]
            if shared * 3 < len(name) - 1:
                continue
            limit = 1 if len(name) < 10 else 2
            dist = _window_distance(name, text, limit)
            if dist <= limit and (found is None or (dist, -len(name)) < (found[0], found[1])):
                found = (dist, -len(name), pos)
        if found is None:
            return None
        name, sid = self.pool[found[2]]
        return name, 100.0 * (1 - found[0] / len(name)), sid

    def longer_name(
        self, text: str, spans: Iterable[tuple[int, int]]
    ) -> tuple[str, float, str] | None:
        """A name that contains an exactly matched span and, within its edit limit, also spells
        the characters around it: ``เมิลอีเฟดรีน`` is a mistyped ``เมทิลอีเฟดรีน``, not
        ``อีเฟดรีน`` with noise. The edits must be few compared with the extra characters the
        longer name explains, or it is just a longer name next to other words."""
        found: tuple[int, int, str, str] | None = None
        for start_hit, end_hit in spans:
            key = text[start_hit:end_hit]
            for name, sid in self.pool:
                if len(name) <= len(key):
                    continue
                offset = name.find(key)
                if offset < 0:
                    continue
                limit = 1 if len(name) < 12 else 2
                start = start_hit - offset
                for size in (len(name) - 1, len(name), len(name) + 1):
                    for shift in (-1, 0, 1):
                        a = start + shift
                        if a < 0 or a + size > len(text) or a > start_hit or a + size < end_hit:
                            continue
                        dist = Levenshtein.distance(name, text[a : a + size], score_cutoff=limit)
                        if (
                            dist <= limit
                            and 2 * dist < len(name) - len(key) - 1
                            and (found is None or (dist, -len(name)) < (found[0], found[1]))
                        ):
                            found = (dist, -len(name), name, sid)
        if found is None:
            return None
        return found[2], 100.0 * (1 - found[0] / len(found[2])), found[3]
