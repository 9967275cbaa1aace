"""The search's cheaper forms give the same figures as the plain ones they replace: a two-part
alignment whose order is known beforehand compares two part pairs, not four, and the candidates'
key weights are summed after one sort instead of ``np.unique``."""

from __future__ import annotations

import math

import numpy as np
import pytest
from tests.matching.test_index_build import _names

from mekongx.matching import Index, alignment, profile
from mekongx.matching.alignment import SURNAME_WEIGHT, Alignment, CompactReading, thai_pair
from mekongx.matching.blocking import blocking_keys

NAMES = [
    *_names(300, 5),
    "Somsak Kaewmanee",
    "สมศักดิ์ แก้วมณี",
    "Wang Wei",
    "王伟",
    "Li Ming",
    "李明",
    "Tin Win",
    "Win Tin",
    "Nguyễn Văn An",
]


def _plain_two(a: CompactReading, b: CompactReading, thai: bool, ordered: bool) -> Alignment:
    """``align`` of two two-part readings as it was before: all four part pairs compared."""
    ka, kb = a[0], b[0]
    sur_a, sur_b = a[1], b[1]
    cells = [[alignment.part_sim(x, y, thai) for y in kb] for x in ka]
    lens = [[max(len(x[0]), len(y[0])) for y in kb] for x in ka]
    wt = [[float(lens[i][j]) * (SURNAME_WEIGHT if i == sur_a or j == sur_b else 1.0)
          for j in (0, 1)] for i in (0, 1)]  # fmt: skip
    straight = (wt[0][0] * cells[0][0][0] + wt[1][1] * cells[1][1][0]) / (wt[0][0] + wt[1][1])
    crossed = (wt[0][1] * cells[0][1][0] + wt[1][0] * cells[1][0][0]) / (wt[0][1] + wt[1][0])
    if ordered:
        sim, perm = straight, (0, 1)
    elif sur_a is not None and sur_b is not None:
        sim, perm = (straight, (0, 1)) if sur_a == sur_b else (crossed, (1, 0))
    else:
        sim, perm = (straight, (0, 1)) if straight >= crossed - 1e-9 else (crossed, (1, 0))
    pairs = [(i, j, *cells[i][j]) for i, j in enumerate(perm)]
    surname_sim = None
    for i, j in enumerate(perm):
        if i == sur_a or j == sur_b:
            surname_sim = cells[i][j][0]
    if sur_a is not None and sur_b is not None and perm[sur_a] != sur_b:
        surname_sim = 0.0
    same = total = mismatches = 0
    for i, j in enumerate(perm):
        _, ai, bj = cells[i][j]
        eq, n = alignment.syllables_equal(ka[i][ai], kb[j][bj], thai)
        same, total = same + eq, total + n
        if n > 1 or max(len(ka[i][ai]), len(kb[j][bj])) <= 4:
            mismatches += n - eq
    return Alignment(
        sim,
        min(p[2] for p in pairs),
        surname_sim,
        0,
        tuple(sorted(pairs)),
        perm[0] > perm[1],
        same / total if total else 0.0,
        mismatches,
    )


def test_two_part_alignments_are_the_plain_ones() -> None:
    compacts = [profile(n).compact for n in NAMES]
    compared = marked = 0
    for k, ca in enumerate(compacts):
        for cb in compacts[k : k + 40]:
            thai = thai_pair(ca, cb)
            for ra in ca.readings:
                for rb in cb.readings:
                    if len(ra[0]) != 2 or len(rb[0]) != 2:
                        continue
                    # the surname index as ``best_alignment`` passes it (HAN_ONLY etc. taken off)
                    a = (ra[0], None if ra[1] is None else ra[1] % 100)
                    b = (rb[0], None if rb[1] is None else rb[1] % 100)
                    for ordered in (False, True):
                        got = alignment.align.__wrapped__(a, b, thai, ordered)
                        assert got == _plain_two(a, b, thai, ordered), (a, b, thai, ordered)
                        compared += 1
                        marked += a[1] is not None and b[1] is not None
    assert compared > 10_000 and marked > 1_000


def test_an_order_known_beforehand_compares_two_part_pairs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[tuple[tuple[str, ...], tuple[str, ...]]] = []
    plain = alignment.part_sim.__wrapped__

    def counted(
        x: tuple[str, ...], y: tuple[str, ...], thai: bool, sounded: bool = False
    ) -> tuple[float, int, int]:
        calls.append((x, y))
        return plain(x, y, thai, sounded)

    monkeypatch.setattr(alignment, "part_sim", counted)
    a = ((("wang",), ("wei",)), 0)  # both surnames marked: surname against surname
    b = ((("li",), ("ming",)), 0)
    alignment.align.__wrapped__(a, b)
    assert calls == [(("wang",), ("li",)), (("wei",), ("ming",))]
    calls.clear()
    alignment.align.__wrapped__(a, ((("ming",), ("li",)), 1))
    assert calls == [(("wang",), ("li",)), (("wei",), ("ming",))]
    calls.clear()
    alignment.align.__wrapped__((a[0], None), (b[0], None), False, True)  # a fixed order
    assert len(calls) == 2
    calls.clear()
    alignment.align.__wrapped__((a[0], None), (b[0], None))  # either order: all four
    assert len(calls) == 4


def _plain_candidates(idx: Index, compact: alignment.Compact) -> list[int]:
    """``Index.candidates_for`` as it was before: the weights summed over ``np.unique``."""
    n = max(len(idx), 1)
    arrays, weights, smallest = [], [], None
    for key in blocking_keys(compact):
        post = idx._posting(key)
        if post is None:
            continue
        if len(post) > idx.max_postings:
            if smallest is None or len(post) < len(smallest):
                smallest = post
            continue
        idf = math.log(1.0 + n / len(post))
        arrays.append(post)
        weights.append(idf * 0.5 if key.startswith("c:") else idf)
    if not arrays:
        return [] if smallest is None else [int(i) for i in smallest[: idx.candidates]]
    if len(arrays) == 1:
        return [int(i) for i in arrays[0][: idx.candidates]]
    allids = np.concatenate(arrays)
    allw = np.repeat(np.asarray(weights), [len(a) for a in arrays])
    uniq, inverse = np.unique(allids, return_inverse=True)
    sums = np.bincount(inverse, weights=allw)
    k = min(idx.candidates, len(uniq))
    part = np.argpartition(-sums, k - 1)[:k] if len(uniq) > k else np.arange(len(uniq))
    order = part[np.argsort(-sums[part], kind="stable")]
    return [int(uniq[i]) for i in order]


def test_candidates_are_the_plain_ones() -> None:
    idx = Index(max_postings=200)
    idx.add_many(((str(i), n) for i, n in enumerate(_names(3_000, 6))), processes=1)
    seen = 0
    for q in [*_names(300, 7), *NAMES[-9:]]:
        compact = profile(q).compact
        got = idx.candidates_for(compact)
        assert got == _plain_candidates(idx, compact), q
        seen += len(got)
    assert seen > 2_000
