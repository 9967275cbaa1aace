"""Pages of a list of records for one user: the one list machinery of every area.

An area builds its query (``authz.visible`` plus its own filters) and passes it here with the
model; :func:`page_of` answers one page, newest first (by ``id``), in a bounded number of
statements whatever the table holds:

- the page's ids are chosen by a query that reads only the ordering key and the visibility
  columns, then only those rows are loaded; with ``after`` (the keyset cursor: the last id of
  the previous page, :attr:`Page.next_after`) the query starts at that key instead of skipping
  rows, so page 2,000 costs what page 1 costs;
- visibility is decided inside that query, row by row (``authz.visibility_clause``): no hidden
  row is loaded, checked in Python or counted;
- the total is counted exactly up to ``bound`` visible rows; beyond, it is estimated from the
  share of visible rows among the newest ids (:attr:`Page.total_exact` is then False), so a
  list of a million records never counts a million rows.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar
from weakref import WeakKeyDictionary

from sqlalchemy import Select, func, select, tuple_
from sqlalchemy.orm import Session

from mekongx.db import fts

COUNT_BOUND = 1000
T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    total: int  # exact when ``total_exact``; otherwise an estimate, more than the bound
    page: int
    per_page: int
    total_exact: bool = True
    next_after: int | None = None  # pass as ``after`` for the next page (None: no more)


def page_of(
    session: Session,
    stmt: Select[T],
    model: Any,
    *,
    page: int = 1,
    per_page: int = 50,
    after: int | None = None,
    bound: int = COUNT_BOUND,
    order: Sequence[Any] = (),
    key: Any = None,
) -> Page[T]:
    """One page of ``stmt`` (a query over ``model`` already limited to what the user may see),
    newest first: by ``order`` (columns, each descending; a seizure's date) then by id (or by
    ``key``, another unique, increasing integer column: the audit log's ``seq``). ``after``
    (the keyset cursor: the key of the previous page's last row) wins over ``page``."""
    key = model.id if key is None else key
    ids = stmt.with_only_columns(key).order_by(None)
    total, exact = count_of(session, ids, model, bound, key=key)
    chosen = ids.order_by(*(column.desc() for column in order), key.desc()).limit(per_page)
    # the cursor row is read through the user's own query: a hidden row's values are never used
    last = None if after is None or not order else session.execute(
        stmt.with_only_columns(*order).order_by(None).where(key == after)).one_or_none()  # fmt: skip
    if last is not None:  # the rows after the cursor row in (order..., id)
        chosen = chosen.where(tuple_(*order, key) < tuple_(*last, after))
    elif after is not None:
        chosen = chosen.where(key < after)
    elif page > 1:
        chosen = chosen.offset((page - 1) * per_page)
    wanted = list(session.scalars(chosen))
    items: list[T] = []
    if wanted:
        loaded = session.scalars(select(model).where(key.in_(wanted)))
        rows = {getattr(row, key.key): row for row in loaded}
        items = [rows[i] for i in wanted if i in rows]
    more = len(wanted) == per_page
    return Page(items, total, page, per_page, exact, wanted[-1] if more else None)


def count_of(
    session: Session, stmt: Select[Any], model: Any, bound: int = COUNT_BOUND, *, key: Any = None
) -> tuple[int, bool]:
    """How many rows ``stmt`` (a query over ``model``) holds and whether that is exact: exact
    up to ``bound``; beyond, the share of its ids among the newest ``bound + 1`` of the
    table's, applied to the table's whole id range (two index reads, never a full count).
    An estimate is kept for ``ESTIMATE_SECONDS`` per query and parameters (the next pages of
    a long list do not count its newest rows again); an exact count is always made again.
    ``key``: as for :func:`page_of`."""
    key = model.id if key is None else key
    ids = stmt.with_only_columns(key).order_by(None)
    known = _cache_key(ids, bound)
    with _estimates_lock:
        kept = _estimates.setdefault(session.get_bind(), {})
        hit = kept.get(known) if known is not None else None
    if hit is not None and time.monotonic() - hit[0] < ESTIMATE_SECONDS:
        return hit[1], False
    total, exact = _count(session, ids, key, bound)
    if not exact and known is not None:
        with _estimates_lock:
            if len(kept) >= 1024:  # many lists and filters: forget the oldest
                del kept[next(iter(kept))]
            kept[known] = (time.monotonic(), total)
    return total, exact


ESTIMATE_SECONDS = 10.0
_estimates: WeakKeyDictionary[Any, dict[Hashable, tuple[float, int]]] = WeakKeyDictionary()
_estimates_lock = threading.Lock()


def _cache_key(ids: Select[Any], bound: int) -> Hashable | None:
    """The query's shape and its parameters' values (None: a query that cannot be keyed)."""
    found = ids._generate_cache_key()
    if found is None:
        return None
    known = (found.key, tuple(repr(b.effective_value) for b in found.bindparams), bound)
    try:
        hash(known)
    except TypeError:
        return None
    return known


def _count(session: Session, ids: Select[Any], key: Any, bound: int) -> tuple[int, bool]:
    newest = ids.order_by(key.desc()).limit(bound + 1).subquery()
    lowest_id = select(func.min(key)).scalar_subquery()
    highest_id = select(func.max(key)).scalar_subquery()
    [newest_key] = newest.c
    row = session.execute(
        select(func.count(), func.min(newest_key), lowest_id, highest_id).select_from(newest)
    ).one()
    counted, boundary, lowest, highest = row
    if counted <= bound or boundary is None or lowest is None or highest is None:
        return int(counted), True
    share = counted / (highest - boundary + 1)
    return max(int(share * (highest - lowest + 1)), bound + 1), False


SEARCH_WINDOW = 4  # matches ranked per result wanted, at first (see search_of)


def search_of(
    session: Session,
    stmt: Select[T],
    model: Any,
    query: str,
    kind: str,
    *,
    limit: int = 50,
    window: int | None = None,
) -> list[T]:
    """The records of ``stmt`` (a query over ``model`` limited to what the user may see) whose
    full-text document of ``kind`` matches every word of ``query``, best first: the index finds
    and ranks, visibility is decided in the database for the matches' records, and only the
    ``limit`` best visible ones are loaded.

    Ranked are the newest matches, ``SEARCH_WINDOW`` per result wanted (at least 200), so that
    a word found in half the records costs what a rare one costs. SQLite's index walks its
    lists from the newest document and stops; the window is ranked by ``fts.newest_matches``,
    one statement keeps the window's records the user may see, and older matches (four times
    as many each time) are read only while too few were visible. PostgreSQL walks the newest
    records (the window x 20), visible ones only, and probes each one's document in the same
    statement, and only when fewer than ``limit`` of them match (a rare word: few matches)
    reads every match from its GIN index. ``window`` (at least ``limit``) is for tests and
    tuning.
    """
    if window is None:
        window = max(limit * SEARCH_WINDOW, 200)
    window = max(window, limit)
    if session.get_bind().dialect.name != "sqlite":
        return _search_postgresql(session, stmt, model, query, kind, limit, window)
    found: list[T] = []
    below: int | None = None
    ids = stmt.with_only_columns(model.id, model.uid).order_by(None)
    while True:
        matches = fts.newest_matches(session, query, kind, window, below)
        if matches is None:
            return found
        rank = {m.uid: n for n, m in enumerate(matches)}
        seen = [row for part in range(0, len(matches), 10_000)
                for row in session.execute(ids.where(model.uid.in_([m.uid for m in matches[part:part + 10_000]])))]  # fmt: skip
        best = [row.id for row in sorted(seen, key=lambda row: rank[row.uid])][: limit - len(found)]
        if best:
            rows = {row.id: row for row in session.scalars(select(model).where(model.id.in_(best)))}
            found.extend(rows[i] for i in best if i in rows)
        if len(found) >= limit or len(matches) < window:
            return found
        below, window = min(m.doc for m in matches), window * 4


def _search_postgresql(
    session: Session,
    stmt: Select[T],
    model: Any,
    query: str,
    kind: str,
    limit: int,
    window: int,
) -> list[T]:
    """The newest ``window`` visible matches, ranked. First among the newest ``window`` x 20
    records, walked newest first, each one's document probed by its uid (a correlated
    subquery: the planner, misled by the correlated Thai bigrams of a word, would otherwise
    read every match); only when these hold fewer than ``limit`` matches, every record
    through the GIN index (a rare word: few matches)."""
    match = fts.match_and_rank(query, kind)
    if match is None:
        return []
    condition, rank = match
    index = fts.SEARCH_TABLE
    highest = session.scalar(select(func.max(model.id))) or 0
    floor = highest - window * 20
    probe = select(rank).where(index.c.uid == model.uid, condition).scalar_subquery()
    recent = (
        stmt.with_only_columns(model.id.label("id"), probe.label("rank"))
        .where(model.id > floor)
        .subquery("recent")
    )
    ranked = (
        select(recent.c.id, recent.c.rank)
        .where(recent.c.rank.is_not(None))
        .order_by(recent.c.id.desc())
        .limit(window)
        .subquery("ranked")
    )
    found = list(session.scalars(_best(model, ranked, limit)))
    if len(found) >= limit or floor <= 0:
        return found
    every = (
        stmt.with_only_columns(model.id.label("id"), rank.label("rank"))
        .join(index, index.c.uid == model.uid)
        .where(condition)
        .order_by(model.id.desc())
        .limit(window)
        .subquery("every")
    )
    return list(session.scalars(_best(model, every, limit)))


def _best(model: Any, ranked: Any, limit: int) -> Select[Any]:
    return select(model).join(ranked, ranked.c.id == model.id).order_by(ranked.c.rank).limit(limit)
