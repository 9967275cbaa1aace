"""A search with ``min_probability`` skips candidates whose probability ceiling is below it, and
answers exactly as the search that scores them all."""

from __future__ import annotations

import pytest
from tests.matching.test_index_build import _names

from mekongx.matching import Index, index, profile
from mekongx.matching.scoring import probability_ceiling, quick_probability


@pytest.fixture(scope="module")
def watchlist() -> Index:
    idx = Index()
    idx.add_many(((str(i), n) for i, n in enumerate(_names(1_500, 3))), processes=1)
    return idx


QUERIES = [*_names(200, 4), "Somsak Kaewmanee", "สมศักดิ์ แก้วมณี", "Nguyễn Văn An", "阮氏金银"]


def test_the_ceiling_is_never_below_the_probability(watchlist: Index) -> None:
    pairs = below = 0
    for q in QUERIES:
        qc = profile(q).compact
        for pos in watchlist.candidates_for(qc):
            cand = watchlist._compact[pos]
            ceiling = probability_ceiling(qc, cand)
            assert ceiling >= quick_probability(qc, cand)
            pairs, below = pairs + 1, below + (ceiling < 0.5)
    assert pairs > 1_000 and below > 0  # some are skipped at 0.5


@pytest.mark.parametrize("threshold", [0.2, 0.5, 0.9])
def test_skipping_below_the_ceiling_changes_no_answer(
    watchlist: Index, threshold: float, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = [watchlist.search(q, 5, min_probability=threshold) for q in QUERIES]
    monkeypatch.setattr(index, "probability_ceiling", lambda a, b: 1.0)  # every candidate scored
    assert answers == [watchlist.search(q, 5, min_probability=threshold) for q in QUERIES]
    assert any(answers)
