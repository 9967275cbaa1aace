"""In-memory inverted index over phonetic blocking keys, for screening against a watchlist.

Each entry is stored compactly (its distinct readings as interned key tuples). A query's blocking
keys select candidates, ranked by the summed inverse document frequency of the keys they share;
the best ``candidates`` of them are scored with the calibrated model.
"""

from __future__ import annotations

import bisect
import gc
import math
import multiprocessing
import sys
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from mekongx.matching.alignment import Compact, CompactReading
from mekongx.matching.blocking import _Filer, blocking_keys
from mekongx.matching.calibration import threshold
from mekongx.matching.evidence import Evidence
from mekongx.matching.judgements import Judgements
from mekongx.matching.result import Decision, Match
from mekongx.matching.scoring import (
    compare_profiles,
    probability_ceiling,
    profile,
    quick_probability,
)


def _post(pos: int, keys: Iterable[str], postings: dict[str, array[int]]) -> None:
    for key in keys:
        lst = postings.get(key)
        if lst is None:
            lst = postings[key] = array("I")
        lst.append(pos)


@dataclass(frozen=True, slots=True)
class Hit:
    """One watchlist entry returned by ``Index.search``."""

    id: str
    name: str
    probability: float
    decision: Decision
    match: Match | None = None


class Index:
    """Watchlist index. ``add`` names (any script), then ``search`` or ``search_many``."""

    def __init__(self, candidates: int = 12, max_postings: int = 2_000) -> None:
        self.candidates = candidates
        self.max_postings = max_postings
        self._names: list[str] = []
        # None: the default id, the position as text, made when asked for (``_id``): one string
        # per entry fewer (about 60 MB at 1,000,000 names)
        self._ids: list[str | None] = []
        self._compact: list[Compact] = []
        self._evidence: dict[int, Evidence] = {}
        self._postings: dict[str, array[int]] = {}
        self._frozen: dict[str, np.ndarray] = {}
        self._filer = _Filer()

    def __len__(self) -> int:
        return len(self._names)

    def _id(self, pos: int) -> str:
        """The id of the entry at ``pos``: the one given, or its position as text."""
        got = self._ids[pos]
        return str(pos) if got is None else got

    def add(self, name: str, id: str | None = None, evidence: Evidence | None = None) -> int:
        """Add a name; returns its position. ``id`` defaults to the position as text."""
        pos = len(self._names)
        compact, keys = self._filer.prepare(profile(name).compact)
        _post(pos, keys, self._postings)
        self._names.append(name)
        self._ids.append(id)
        self._compact.append(compact)
        if evidence is not None:
            self._evidence[pos] = evidence
        self._frozen.clear()
        return pos

    def add_many(self, names: Iterable[str | tuple[str, str]], processes: int = 1) -> None:
        """Add names (or ``(id, name)`` pairs) in order.

        ``processes`` > 1 computes the readings in that many forked worker processes (POSIX
        only; do not use it in a process that runs threads) and merges their postings: the index
        is the same as one built by ``add`` in order.

        If it fails (or is interrupted), the index is left as it was.

        The cyclic garbage collector is paused meanwhile: building creates no reference cycles,
        and on a large watchlist its full passes over the growing heap took half the build time.
        After a large build one full collection moves the new objects to the oldest generation at
        once (about 0.7 s for 1,000,000 names); otherwise the collector's catching up would pause
        the first searches instead.
        """
        enabled = gc.isenabled()
        gc.disable()
        try:
            size = len(self._names)
            try:
                added = self._add_many(names, processes)
            except BaseException:
                self._truncate(size)
                raise
        finally:
            if enabled:
                gc.enable()
        if enabled and added >= _COLLECT_AFTER:
            gc.collect()

    def _add_many(self, names: Iterable[str | tuple[str, str]], processes: int) -> int:
        items: list[tuple[str | None, str]] = [
            item if isinstance(item, tuple) else (None, item) for item in names
        ]
        if processes <= 1 or len(items) < 2 * _CHUNK_MIN:
            for id_, name in items:
                self.add(name, id=id_)
            return len(items)
        self._frozen.clear()
        base = len(self._names)
        for id_, name in items:
            self._names.append(name)
            self._ids.append(id_)
        size = max(_CHUNK_MIN, -(-len(items) // (processes * 4)))
        # each chunk's names travel with its task (the workers share no module state)
        tasks = (
            (base + i, [name for _, name in items[i : i + size]])
            for i in range(0, len(items), size)
        )
        ctx = multiprocessing.get_context("fork")
        # one Compact per distinct name of the build: a worker sends a name's compact the first
        # time it reads the name only (None after), and a name both workers read is kept once
        by_name: dict[str, Compact] = {}
        at_name = base
        with ctx.Pool(processes) as pool:
            for compacts, (keys, counts, flat_bytes) in pool.imap(_build_chunk, tasks):
                flat = array("I", flat_bytes)
                for c in compacts:
                    name = self._names[at_name]
                    at_name += 1
                    compact = by_name.get(name)
                    if compact is None:
                        # chunks arrive in order, so a worker's None follows the name's compact
                        assert c is not None
                        compact = by_name[name] = Compact(*c)
                    self._compact.append(compact)
                at = 0
                for key, count in zip(keys, counts, strict=True):
                    got = flat[at : at + count]
                    at += count
                    lst = self._postings.get(key)
                    if lst is None:
                        self._postings[key] = got
                    else:
                        lst.extend(got)
        return len(items)

    def _truncate(self, size: int) -> None:
        """Drop the entries from position ``size`` on (a failed ``add_many``)."""
        self._frozen.clear()
        del self._names[size:]
        del self._ids[size:]
        del self._compact[size:]
        for pos in [p for p in self._evidence if p >= size]:
            del self._evidence[pos]
        for key in list(self._postings):
            lst = self._postings[key]
            if lst and lst[-1] >= size:  # postings are in position order
                del lst[bisect.bisect_left(lst, size) :]
                if not lst:
                    del self._postings[key]

    def _posting(self, key: str) -> np.ndarray | None:
        got = self._frozen.get(key)
        if got is None:
            lst = self._postings.get(key)
            if lst is None:
                return None
            got = np.frombuffer(lst, dtype=np.uint32) if len(lst) else np.empty(0, np.uint32)
            self._frozen[key] = got
        return got

    def candidates_for(self, compact: Compact) -> list[int]:
        """Positions of the most promising entries for a query, best first."""
        n = max(len(self._names), 1)
        arrays: list[np.ndarray] = []
        weights: list[float] = []
        sizes: list[int] = []
        smallest: np.ndarray | None = None
        frozen, most, log = self._frozen, self.max_postings, math.log
        for key in blocking_keys(compact):
            post = frozen.get(key)
            if post is None:
                post = self._posting(key)
                if post is None:
                    continue
            size = len(post)
            if size > most:
                # too common to block on (a frequent surname alone); pair keys cover it
                if smallest is None or size < len(smallest):
                    smallest = post
                continue
            idf = log(1.0 + n / size)
            if key[:2] == "c:":
                idf *= 0.5
            arrays.append(post)
            weights.append(idf)
            sizes.append(size)
        if not arrays:
            if smallest is None:
                return []
            arrays, weights = [smallest[: self.max_postings]], [1.0]
        if len(arrays) == 1:
            got: list[int] = arrays[0][: self.candidates].tolist()
            return got
        # each posting as one integer, position above its key's number: one sort groups the
        # positions and keeps each one's keys in the order of ``arrays``, so ``bincount`` adds
        # the same weights in the same order as over ``np.unique``'s inverse (the same sums),
        # for less than ``np.unique``'s argsort and gathers; the arrays' own methods, not numpy's
        # module functions, which reach them through a Python wrapper each
        bits = max(1, (len(arrays) - 1).bit_length())
        # 32-bit integers when every position fits with the key's number below it: the same
        # values, sorted in half the memory (a third less time)
        wide: type[np.unsignedinteger[Any]] = np.uint32 if n << bits <= 1 << 32 else np.uint64
        shift = wide(bits)
        packed: np.ndarray[Any, np.dtype[np.unsignedinteger[Any]]]
        packed = np.concatenate(arrays).astype(wide)
        packed <<= shift
        packed |= np.arange(len(arrays), dtype=wide).repeat(sizes)
        packed.sort()
        allpos = packed >> shift
        first = np.empty(len(allpos), dtype=bool)
        first[0] = True
        np.not_equal(allpos[1:], allpos[:-1], out=first[1:])
        uniq = allpos[first]
        which = (packed & wide((1 << bits) - 1)).astype(np.intp)
        sums = np.bincount(first.cumsum() - 1, weights=np.asarray(weights)[which])
        k = min(self.candidates, len(uniq))
        part = (-sums).argpartition(k - 1)[:k] if len(uniq) > k else np.arange(len(uniq))
        order = part[(-sums[part]).argsort(kind="stable")]
        best: list[int] = uniq[order].tolist()
        return best

    def search(
        self,
        query: str,
        limit: int = 10,
        *,
        evidence: Evidence | None = None,
        judgements: Judgements | None = None,
        explain: bool = False,
        min_probability: float = 0.0,
    ) -> list[Hit]:
        """Best matches for one name, most probable first; ``explain`` adds a full ``Match``."""
        qp = profile(query)
        positions = self.candidates_for(qp.compact)
        if judgements is None and not explain and (evidence is None or not self._evidence):
            return self._quick_search(qp.compact, positions, limit, min_probability)
        hits: list[Hit] = []
        for pos in positions:
            cand = self._compact[pos]
            ev = self._evidence.get(pos)
            verdict = (
                judgements.lookup(query, self._names[pos], None, self._id(pos))
                if judgements
                else None
            )
            match: Match | None = None
            if verdict is not None:
                match = verdict.as_match("")
                p = match.probability
            elif explain or (evidence is not None and ev is not None):
                match = compare_profiles(qp, profile(self._names[pos]), (evidence, ev))
                p = match.probability
            else:
                p = quick_probability(qp.compact, cand)
            if p >= min_probability:
                hits.append(Hit(self._id(pos), self._names[pos], p, _decide(p), match))
        hits.sort(key=lambda h: -h.probability)
        return hits[:limit]

    def _quick_search(
        self, query: Compact, positions: list[int], limit: int, min_probability: float
    ) -> list[Hit]:
        """``search`` from names only: each distinct candidate compact scored once (a name the
        watchlist holds several times is one object), a ``Hit`` made only for those returned."""
        scored: list[tuple[float, int]] = []
        done: dict[int, float] = {}
        compacts = self._compact
        for pos in positions:
            cand = compacts[pos]
            p = done.get(id(cand))
            if p is None:
                # a candidate whose ceiling is below min_probability is not aligned: its 0.0 is
                # dropped below as its probability would be (the margin covers exp's rounding)
                p = done[id(cand)] = (
                    quick_probability(query, cand)
                    if min_probability <= 0.0
                    or probability_ceiling(query, cand) + _MARGIN >= min_probability
                    else 0.0
                )
            if p >= min_probability:
                scored.append((p, pos))
        scored.sort(key=_minus_probability)  # stable: ties keep the candidates' order
        names = self._names
        return [Hit(self._id(pos), names[pos], p, _decide(p)) for p, pos in scored[:limit]]

    def search_many(self, queries: Sequence[str], limit: int = 10) -> list[list[Hit]]:
        """``search`` for each query, in order (for batch screening of a file)."""
        return [self.search(q, limit) for q in queries]


_MARGIN = 1e-9  # probability_ceiling against min_probability
_CHUNK_MIN = 5_000
_COLLECT_AFTER = 10_000  # names added by one add_many
_Plain = tuple[
    tuple[CompactReading, ...], str, float | None, str | None, tuple[str, ...], bool, int, int, int
]


class _Worker:
    """State of a build worker process, kept across its chunks."""

    def __init__(self) -> None:
        self.filer = _Filer()
        self.seen: dict[str, bytes] = {}  # name -> its key numbers (array "I")
        self.key_ids: dict[str, int] = {}
        self.keys: list[str] = []

    def key_id(self, key: str) -> int:
        got = self.key_ids.get(key)
        if got is None:
            got = self.key_ids[key] = len(self.keys)
            self.keys.append(key)
        return got


_WORKER: _Worker | None = None


def _build_chunk(
    task: tuple[int, list[str]],
) -> tuple[list[_Plain | None], tuple[list[str], array[int], bytes]]:
    """Worker: compacts and postings of names at positions first, first + 1, …, quick to pickle.

    Compacts go as plain tuples; postings as (keys, posting lengths, all postings end to end).
    Postings are gathered as (key number, position) columns and grouped by one stable sort.

    A name the worker has read before goes as None (the main process keeps one compact per name)
    with the key numbers it remembers for it (as bytes: the smallest form to keep).

    A worker remembers the names it has seen (a third of a large watchlist are repeats), so the
    per-name caches of the reading functions are of no use to it: they are emptied every
    ``_EMPTY_EVERY`` names to bound its memory (they hold whole profiles, about 1.5 kB a name), and
    the engine's other bounded caches every ``_EMPTY_ALL_EVERY`` (per word and syllable, which its
    names share: filled to their sizes, they held about 1 GB in
    each worker of a 1,000,000-name build).
    """
    global _WORKER
    if _WORKER is None:
        _WORKER = _Worker()
    w = _WORKER
    # the shared part and shape tuples are kept for one chunk only (they make its compacts small
    # to pickle; a name read again later goes as None): kept across chunks they were a tenth of a
    # worker's memory
    w.filer = _Filer()
    seen = w.seen
    first, names = task
    out: list[_Plain | None] = []
    key_col = array("I")
    counts = array("I")
    for name in names:
        got = seen.get(name)
        if got is None:
            c, keys = w.filer.prepare(profile(name).compact)
            got = seen[name] = array("I", [w.key_id(k) for k in keys]).tobytes()
            out.append(
                (
                    c.readings,
                    c.script,
                    c.rarity,
                    c.han,
                    c.endings,
                    c.non_chinese,
                    c.ordered,
                    c.shortened,
                    c.unreversed,
                )
            )
            if len(seen) % _EMPTY_EVERY == 0:
                _empty_caches(len(seen) % _EMPTY_ALL_EVERY == 0)
        else:
            out.append(None)  # the main process has its compact already
        key_col.frombytes(got)
        counts.append(len(got) // 4)
    kcol = np.frombuffer(key_col, dtype=np.uint32)
    pos = np.repeat(
        np.arange(first, first + len(names), dtype=np.uint32), np.frombuffer(counts, np.uint32)
    )
    order = np.argsort(kcol, kind="stable")  # positions stay in order within a key
    uniq, per_key = np.unique(kcol[order], return_counts=True)
    keys_out = [w.keys[k] for k in uniq.tolist()]
    return out, (keys_out, array("I", per_key.astype(np.uint32).tobytes()), pos[order].tobytes())


# A build worker empties the caches that its names seldom hit (those of whole names: a worker reads
# each name once) every _EMPTY_EVERY names, and all of them (those of words and syllables too,
# which its names share) every _EMPTY_ALL_EVERY names
_EMPTY_EVERY = 20_000
_EMPTY_ALL_EVERY = 100_000


def _empty_caches(everything: bool) -> None:
    """Empty the engine's bounded caches: all of them, or those hit less than once in four misses
    since they were last emptied."""
    for fn in _bounded_caches():
        info = fn.cache_info()
        if everything or info.hits * 4 < info.misses:
            fn.cache_clear()


def _bounded_caches() -> list[Any]:
    """The engine's size-bounded caches (``lru_cache(maxsize=...)``; not the ``cache``d tables)."""
    out: dict[int, Any] = {}
    for mod in list(sys.modules.values()):
        if getattr(mod, "__name__", "").startswith("mekongx.matching"):
            for fn in vars(mod).values():
                info = getattr(fn, "cache_info", None)
                if callable(info) and info().maxsize is not None:
                    out[id(fn)] = fn
    return list(out.values())


def _minus_probability(item: tuple[float, int]) -> float:
    return -item[0]


def _decide(p: float) -> Decision:
    thr = threshold()
    if p >= thr:
        return Decision.MATCH
    return Decision.REVIEW if p >= thr / 2.5 else Decision.NO_MATCH
