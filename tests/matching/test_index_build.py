"""The fast index build (shared parts, worker processes) gives the same index as a plain one."""

from __future__ import annotations

import gc
import random
from array import array

import pytest

from mekongx.matching import (
    Index,
    blocking,
    index,
    passport_variants,
    pinyin_to_thai,
    profile,
    romanize,
)
from mekongx.matching import han as hanmod
from mekongx.matching import names as names_mod
from mekongx.matching import thai as thai_mod

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高兰卢庄牛程唐欧阳司马诸葛"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂卫红华建国志"
THAI_GIVEN = "สมชาย ธนากร วิชัย สุดารัตน์ กนกพร ประเสริฐ มานพ ศิริพร".split()
MORPHEMES = "ศรี สุข ทอง แก้ว บุญ มา ดี วงศ์ ชัย มงคล เจริญ รัตน์ พร".split()


def _names(n: int, seed: int) -> list[str]:
    """A mix like the speed benchmark's: Han, pinyin, Thai renderings of Chinese; Thai, RTGS."""
    rng = random.Random(seed)
    out: list[str] = []
    for _ in range(n):
        if rng.random() < 0.6:
            s = rng.choice(SURNAMES[:-6]) if rng.random() < 0.9 else rng.choice(["欧阳", "司马"])
            g = "".join(rng.choices(GIVEN, k=rng.choice((1, 2))))
            form = rng.random()
            if form < 0.4:
                out.append(s + g)
                continue
            ps = hanmod.toneless(hanmod.surname_pinyin(s))
            pg = hanmod.toneless(hanmod.given_pinyin(g))
            if form < 0.75:
                out.append(f"{''.join(ps).capitalize()} {''.join(pg).capitalize()}")
            else:
                ts = pinyin_to_thai(list(hanmod.surname_pinyin(s)), "thc43")
                tg = pinyin_to_thai(list(hanmod.given_pinyin(g)), "thc43")
                out.append(f"{ts} {tg}")
        else:
            given = rng.choice(THAI_GIVEN)
            surname = "".join(rng.choices(MORPHEMES, k=rng.choice((2, 3))))
            if rng.random() < 0.5:
                out.append(f"{given} {surname}")
            else:
                rg, rs = romanize(given), romanize(surname)
                rs = rng.choice([rs, *passport_variants(rs)])
                out.append(f"{rg.capitalize()} {rs.capitalize()}")
    return out


def _plain_postings(names: list[str]) -> dict[str, list[int]]:
    """The straightforward build: every entry under ``filing_keys`` of its profile."""
    out: dict[str, list[int]] = {}
    for pos, name in enumerate(names):
        for key in blocking.filing_keys(profile(name).compact):
            out.setdefault(key, []).append(pos)
    return out


def _as_lists(postings: dict[str, array[int]]) -> dict[str, list[int]]:
    return {k: list(v) for k, v in postings.items()}


@pytest.fixture(scope="module")
def names() -> list[str]:
    return _names(3000, seed=5)


def test_shared_parts_file_under_the_plain_keys(names: list[str]) -> None:
    idx = Index()
    for i, name in enumerate(names):
        idx.add(name, id=f"W{i}")
    assert _as_lists(idx._postings) == _plain_postings(names)
    assert idx._compact == [profile(n).compact for n in names]


def test_parallel_build_equals_one_by_one(
    names: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index, "_CHUNK_MIN", 200)
    one = Index()
    for i, name in enumerate(names):
        one.add(name, id=f"W{i}")
    par = Index()
    par.add("Lan Weihong", id="first")  # a parallel build appends after existing entries
    par.add_many([(f"W{i}", n) for i, n in enumerate(names)], processes=2)
    assert len(par) == len(names) + 1
    assert par._ids[1:] == one._ids and par._names[1:] == names
    assert par._compact[1:] == one._compact
    # one compact object per distinct name, however the chunks and workers split the repeats
    assert len({id(c) for c in par._compact[1:]}) == len(set(names)) < len(names)
    shifted = {k: [p - 1 for p in v if p] for k, v in _as_lists(par._postings).items()}
    assert {k: v for k, v in shifted.items() if v} == _as_lists(one._postings)
    par.add("兰卫红", id="last")  # and one-by-one adds still work afterwards
    assert par._ids[-1] == "last"

    ref = Index()
    ref.add("Lan Weihong", id="first")
    for i, name in enumerate(names):
        ref.add(name, id=f"W{i}")
    ref.add("兰卫红", id="last")
    queries = _names(150, seed=6) + names[:50] + ["Lan Weihong", "หลาน เว่ยหง"]
    for q in queries:
        got = [(h.id, h.probability) for h in par.search(q, limit=5)]
        assert got == [(h.id, h.probability) for h in ref.search(q, limit=5)], q


def test_small_or_single_process_builds_stay_in_process(names: list[str]) -> None:
    idx = Index()
    idx.add_many(names[:100], processes=2)
    idx.add_many(["Wang Wei", ("X-1", "王伟")])
    assert [idx._id(p) for p in (100, 101)] == ["100", "X-1"]
    assert idx._ids[100:] == [None, "X-1"]  # a default id is made when asked for
    assert idx.search("王伟", limit=1)[0].id in {"100", "X-1"}


def test_add_many_restores_the_garbage_collector() -> None:
    assert gc.isenabled()
    Index().add_many(["Wang Wei", "สมชาย ใจดี"])
    assert gc.isenabled()
    gc.disable()
    try:
        Index().add_many(["Wang Wei"])
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_large_add_many_ends_with_one_collection(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    monkeypatch.setattr(index.gc, "collect", lambda *a: calls.append(1) or 0)
    monkeypatch.setattr(index, "_COLLECT_AFTER", 3)
    Index().add_many(["Wang Wei", "Li Na"])
    assert calls == []
    Index().add_many(["Wang Wei", "Li Na", "สมชาย ใจดี"])
    assert calls == [1]


@pytest.mark.parametrize("processes", [1, 2])
def test_a_failed_add_many_leaves_the_index_as_it_was(
    names: list[str], processes: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index, "_CHUNK_MIN", 200)
    idx = Index()
    idx.add_many(names[:500])
    before = (list(idx._names), list(idx._ids), list(idx._compact), _as_lists(idx._postings))
    real = index.profile

    def failing(name: str) -> object:
        if name == "Broken Name":
            raise ValueError("unreadable")
        return real(name)

    monkeypatch.setattr(index, "profile", failing)
    batch = [*names[500:2500], "Broken Name", *names[2500:]]
    with pytest.raises(ValueError, match="unreadable"):
        idx.add_many(batch, processes=processes)
    after = (list(idx._names), list(idx._ids), list(idx._compact), _as_lists(idx._postings))
    assert after == before
    monkeypatch.setattr(index, "profile", real)
    idx.add("Lan Weihong", id="next")
    assert idx._ids[-1] == "next" and len(idx) == 501


def test_latin_only_readings_are_filed_apart_and_found_by_latin_queries(names: list[str]) -> None:
    """The Cantonese/Hokkien readings of an entry in characters are filed under their own keys: a
    Latin query finds the entry through them, a query in characters does not look there (filed
    with the rest, every entry sharing a character's dialect spellings crowded the right Latin
    entry out of a Chinese query's candidates: 29 of 800 screened rows lost their hit)."""
    idx = Index()
    for i, name in enumerate(names):
        idx.add(name, id=f"W{i}")
    idx.add("陳振聲", id="SG")
    idx.add("Wang Rui", id="LATIN")
    keys = blocking.filing_keys(profile("陳振聲").compact)
    assert "dk:cun" in keys and "k:cun" not in keys
    assert "dk:cun" not in blocking.blocking_keys(profile("王瑞").compact)
    assert idx.search("Chan Chun Sing", limit=1)[0].id == "SG"
    assert idx.search("王瑞", limit=1)[0].id == "LATIN"


def test_a_build_worker_keeps_the_caches_its_names_share() -> None:
    """Every ``_EMPTY_EVERY`` names a worker empties the caches of whole names (each read once)
    but keeps those of words its names share; every ``_EMPTY_ALL_EVERY`` names it empties all."""
    syllables, parse = thai_mod.syllables, names_mod.parse_name
    syllables.cache_clear()
    parse.cache_clear()
    for _ in range(3):
        syllables("ทองดี")  # a word: one miss, two hits
    parse("ทองดี สุขใจ")  # a name: one miss
    index._empty_caches(False)
    assert syllables.cache_info().currsize == 1
    assert parse.cache_info().currsize == 0
    index._empty_caches(True)
    assert syllables.cache_info().currsize == 0
