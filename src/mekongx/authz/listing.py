"""Pages of a list of records for one user: the one list machinery of every area.

An area builds its query (``authz.visible`` plus its own filters) and passes it here with the
model; :func:`page_of` answers one page, newest first (by ``id``), in a bounded number of
statements whatever the table holds:

- the page's ids are chosen by a subquery that reads only the ordering key and the visibility
  columns, and only those rows are read, in the same statement; with ``after`` (the keyset
  cursor: the last id of the previous page, :attr:`Page.next_after`) the query starts at that
  key instead of skipping rows, so page 2,000 costs what page 1 costs; with ``before`` (the
  first key of the next page, :attr:`Page.prev_before`) it reads the rows just before that
  key in the reverse order and shows them newest first, so walking back is as cheap and as
  stable (rows arriving at the top move nothing) as walking on;
- ``columns`` (a list's own columns: what its page shows) reads the page as plain rows of
  those columns instead of ORM objects (no identity map, no unloaded attributes, none of the
  columns the list does not show), run on the session's connection without the ORM's
  execution steps and handed back as named tuples (cheap to read by name in a template),
  which the API's lists answer with (``api.v1.schemas``);
- visibility is decided inside that query, row by row (``authz.visibility_clause``): no hidden
  row is loaded, checked in Python or counted;
- the total is counted exactly up to ``bound`` visible rows; beyond, it is estimated from the
  share of visible rows among the newest ids (:attr:`Page.total_exact` is then False), so a
  list of a million records never counts a million rows.
"""

from __future__ import annotations

import threading
import time
from collections import namedtuple
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache, partial
from typing import Any, Generic, TypeVar, overload
from weakref import WeakKeyDictionary

from sqlalchemy import Integer, Result, Row, Select, bindparam, func, select, tuple_
from sqlalchemy.orm import Session

from mekongx.db import fts
from mekongx.text import Plan, query_plan

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
    after: int | None = None  # the cursor this page was read from (None: by ``page``)
    # ``after`` or ``before`` was given for a list in its own ``order`` and the cursor row is
    # no longer in the query (decided, withdrawn, hidden): the page was read from its key
    # alone (``after``), or is the list's first page (``before``)
    cursor_lost: bool = False
    # pass as ``before`` for the page before (None: nothing before it, the first page)
    prev_before: int | None = None
    before: int | None = None  # the cursor this page was read from backwards


@overload
def page_of(
    session: Session,
    stmt: Select[T],
    model: Any,
    *,
    page: int = ...,
    per_page: int = ...,
    after: int | None = ...,
    before: int | None = ...,
    bound: int = ...,
    order: Sequence[Any] = ...,
    key: Any = ...,
) -> Page[T]: ...
@overload
def page_of(
    session: Session,
    stmt: Select[Any],
    model: Any,
    *,
    page: int = ...,
    per_page: int = ...,
    after: int | None = ...,
    before: int | None = ...,
    bound: int = ...,
    order: Sequence[Any] = ...,
    key: Any = ...,
    columns: Sequence[Any],
) -> Page[Any]: ...
def page_of(
    session: Session,
    stmt: Select[Any],
    model: Any,
    *,
    page: int = 1,
    per_page: int = 50,
    after: int | None = None,
    before: int | None = None,
    bound: int = COUNT_BOUND,
    order: Sequence[Any] = (),
    key: Any = None,
    columns: Sequence[Any] = (),
) -> Page[Any]:
    """One page of ``stmt`` (a query over ``model`` already limited to what the user may see),
    newest first: by ``order`` (columns, each descending; a seizure's date) then by id (or by
    ``key``, another unique, increasing integer column: the audit log's ``seq``). ``after``
    (the keyset cursor: the key of the previous page's last row) wins over ``before`` (the key
    of the next page's first row: the rows just before it, read in the reverse order), which
    wins over ``page``. Items are ``model`` objects, or with ``columns`` named tuples of those
    columns and the key (last).

    Read backwards, the page holds the ``per_page`` rows just before the cursor: when fewer
    are left before it (the list's top), those only, numbered 1 (a short first page: no row
    is shown twice), and when none, the list's first page. Its number is otherwise ``page``,
    at least 2 (there are rows before it)."""
    key = model.id if key is None else key
    total, exact = count_of(session, stmt, model, bound, key=key)
    order, columns = tuple(order), tuple(columns)
    # one row more than the page: whether a next page exists is known, not guessed from a
    # full page (a list of exactly 50 rows has no empty second page)
    values: dict[str, Any] = {"mekongx_page_limit": per_page + 1}
    lost = False
    cursor = after if after is not None else before
    back = after is None and before is not None
    seek = "first" if cursor is None else "key"
    if cursor is not None and order:
        # the cursor row is read through the user's own query: a hidden row's values are
        # never used
        last = _rows(session, _derived(stmt, ("cursor", key, order), lambda: _cursor(stmt, key, order)),
                     {"mekongx_page_cursor": cursor}).one_or_none()  # fmt: skip
        seek, lost = ("row", False) if last is not None else ("key", True)
        values.update({f"mekongx_page_order_{n}": v for n, v in enumerate(last or ())})
    elif cursor is None and page > 1:
        seek = "offset"
        values["mekongx_page_offset"] = (page - 1) * per_page
    if cursor is not None:
        values["mekongx_page_after"] = cursor
    if back and lost:  # the cursor row has left the list: no place to read back from
        return replace(_top(session, stmt, model, per_page, bound, order, key, columns), cursor_lost=True)  # fmt: skip
    if back:
        seek += " back"
    shape = ("page", model, key, order, columns, seek)
    shown = _derived(stmt, shape, lambda: _page(stmt, model, key, order, columns, seek))
    if columns:
        result = _rows(session, shown, values)
        named, fetched = _named_row(tuple(result.keys())), result.all()  # one fetch, not 50
        rows: Sequence[Any] = list(map(named, fetched)) if named else fetched
    else:
        rows = session.execute(shown, values).all()
    more = len(rows) > per_page
    if back:
        if not rows:  # nothing before the cursor: the list's top
            return _top(session, stmt, model, per_page, bound, order, key, columns)
        # read backwards, the extra row is the furthest from the cursor: the newest, shown first
        rows = rows[1:] if more else rows
        page, prev = (max(page, 2), rows[0][-1]) if more else (1, None)
        following: int | None = rows[-1][-1]
    else:
        rows = rows[:per_page]
        prev = rows[0][-1] if rows and (page > 1 or after is not None) else None
        if after is not None and not rows:
            prev = after  # an empty page after the cursor: the page before ends at the cursor
        following = rows[-1][-1] if more else None
    items: list[Any] = [row[0] for row in rows] if not columns else list(rows)
    return Page(
        items, total, page, per_page, exact, following, after, lost, prev, before if back else None
    )


def _top(session: Session, stmt: Select[Any], model: Any, per_page: int, bound: int,
         order: tuple[Any, ...], key: Any, columns: tuple[Any, ...]) -> Page[Any]:  # fmt: skip
    """The list's first page (a backward read that found nothing, or no cursor row)."""
    return page_of(session, stmt, model, per_page=per_page, bound=bound, order=order, key=key,
                   columns=columns)  # fmt: skip


_namedtuple: Any = namedtuple


@lru_cache(maxsize=512)
def _named_row(fields: tuple[str, ...]) -> Callable[[Iterable[Any]], tuple[Any, ...]] | None:
    """A page's rows of ``columns`` are named tuples of their fields, not SQLAlchemy rows: the
    same values by index and by name, but a name costs ~0.03 us instead of ~2 us (``Row``
    asks its class for every name first), and a page's template reads each row's fields by
    name (50 notices x 9 names: a fifth of the page). None: names no named tuple takes
    (two alike, a leading underscore); the rows stay SQLAlchemy's."""
    try:
        made: Any = _namedtuple("ListRow", fields)  # the fields are known at run time only
    except ValueError:
        return None
    make: Callable[[Iterable[Any]], tuple[Any, ...]] = made._make
    return make


def _rows(session: Session, stmt: Select[Any], values: dict[str, Any] | None = None) -> Result[Any]:
    """``stmt`` (columns, no ORM entity) run on the session's connection, after the flush the
    session would have made: plain rows as the cursor gives them, without the ORM's execution
    and loading steps (a row tuple built twice, the ORM's context and events), which cost a
    page of 50 seizures 0.4 ms of its 2."""
    if session.autoflush:
        session.flush()
    return session.connection().execute(stmt, values)


def _derived(stmt: Select[Any], shape: Hashable, build: Callable[[], Select[Any]]) -> Select[Any]:
    """The statement ``build`` makes from ``stmt`` for ``shape``, built once per ``stmt``
    object: an area's unfiltered list is the same object on every request
    (``authz.visible``), so its page, count and cursor statements are too, and SQLAlchemy
    computes each one's cache key once instead of on every request (a quarter of a page's
    CPU). The values (cursor, limit) are bound parameters. ``shape`` holds the columns
    themselves, so they stay alive while their statement is kept."""
    with _derived_lock:
        held = _statements.get(stmt)
        found = held.get(shape) if held is not None else None
    if found is None:
        found = build()
        with _derived_lock:
            _statements.setdefault(stmt, {})[shape] = found
    return found


_statements: WeakKeyDictionary[Select[Any], dict[Hashable, Select[Any]]] = WeakKeyDictionary()
_derived_lock = threading.Lock()


def _ids(stmt: Select[Any], key: Any) -> Select[Any]:
    return _derived(stmt, ("ids", key), lambda: stmt.with_only_columns(key).order_by(None))


def _cursor(stmt: Select[Any], key: Any, order: tuple[Any, ...]) -> Select[Any]:
    cursor = bindparam("mekongx_page_cursor", type_=key.type)
    return stmt.with_only_columns(*order).order_by(None).where(key == cursor)


def _page(stmt: Select[Any], model: Any, key: Any, order: tuple[Any, ...],
          columns: tuple[Any, ...], seek: str) -> Select[Any]:  # fmt: skip
    """One page's statement: the page's keys chosen by a subquery over the key and the
    visibility columns (``seek``: from the newest, after the cursor's key, after the cursor
    row's (order..., key), or at an offset; "... back": before the cursor, in the reverse
    order, the rows nearest it first), and only those rows read, in one statement, newest
    first."""
    newest = [*(column.desc() for column in order), key.desc()]
    back = seek.endswith(" back")
    walk = [*(column.asc() for column in order), key.asc()] if back else newest
    limit = bindparam("mekongx_page_limit", type_=Integer)
    chosen = _ids(stmt, key).with_only_columns(key.label("picked")).order_by(*walk).limit(limit)
    cursor = bindparam("mekongx_page_after", type_=key.type)
    seek = seek.removesuffix(" back")
    if seek == "row":
        last = tuple_(*(bindparam(f"mekongx_page_order_{n}", type_=c.type) for n, c in enumerate(order)), cursor)  # fmt: skip
        chosen = chosen.where(tuple_(*order, key) > last if back else tuple_(*order, key) < last)
    elif seek == "key":
        chosen = chosen.where(key > cursor if back else key < cursor)
    elif seek == "offset":
        chosen = chosen.offset(bindparam("mekongx_page_offset", type_=Integer))
    picked = chosen.subquery("page")
    shown = select(*columns, picked.c.picked) if columns else select(model, picked.c.picked)
    return shown.join_from(model, picked, key == picked.c.picked).order_by(*newest)


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
    ids = _ids(stmt, key)
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
    row = _rows(session, _derived(ids, ("count", key, bound), lambda: _counting(ids, key, bound))).one()  # fmt: skip
    counted, boundary, lowest, highest = tuple(row)
    if counted <= bound or boundary is None or lowest is None or highest is None:
        return int(counted), True
    share = counted / (highest - boundary + 1)
    return max(int(share * (highest - lowest + 1)), bound + 1), False


def _counting(ids: Select[Any], key: Any, bound: int) -> Select[Any]:
    newest = ids.order_by(key.desc()).limit(bound + 1).subquery()
    lowest_id = select(func.min(key)).scalar_subquery()
    highest_id = select(func.max(key)).scalar_subquery()
    [newest_key] = newest.c
    return select(func.count(), func.min(newest_key), lowest_id, highest_id).select_from(newest)


SEARCH_WINDOW = 4  # matches ranked per result wanted, at first (see search_of)


@overload
def search_of(session: Session, stmt: Select[T], model: Any, query: str, kind: str, *,
              limit: int = ..., window: int | None = ...) -> list[T]: ...  # fmt: skip
@overload
def search_of(session: Session, stmt: Select[Any], model: Any, query: str, kind: str, *,
              limit: int = ..., window: int | None = ..., columns: Sequence[Any]) -> list[Row[Any]]: ...  # fmt: skip
def search_of(
    session: Session,
    stmt: Select[Any],
    model: Any,
    query: str,
    kind: str,
    *,
    limit: int = 50,
    window: int | None = None,
    columns: Sequence[Any] = (),
) -> list[Any]:
    """The records of ``stmt`` (a query over ``model`` limited to what the user may see) whose
    full-text document of ``kind`` matches every word of ``query``, best first: the index finds
    and ranks, visibility is decided in the database for the matches' records, and only the
    ``limit`` best visible ones are loaded: ``model`` objects, or with ``columns`` plain rows
    of those columns (as :func:`page_of`).

    Ranked are the newest matches, ``SEARCH_WINDOW`` per result wanted (at least 200), so that
    a word found in half the records costs what a rare one costs. SQLite's index walks its
    lists from the newest document and stops; one statement reads the window's documents
    with, for each, its record's id when the user may see it (a probe of the record by uid),
    the window is ranked by ``fts.ranked``, and older matches (four times as many each time)
    are read only while too few were visible. PostgreSQL walks the newest records (the window
    x 20), visible ones only, and probes each one's document in the same statement, and only
    when fewer than ``limit`` of them match (a rare word: few matches) reads every match from
    its GIN index. Each statement is built once per ``stmt`` object and shape, the query's
    words, the window and the limit bound as parameters. ``window`` (at least ``limit``) is
    for tests and tuning.
    """
    if window is None:
        window = max(limit * SEARCH_WINDOW, 200)
    window = max(window, limit)
    plan = query_plan(query)
    if not plan:
        return []
    columns = tuple(columns)
    if session.get_bind().dialect.name != "sqlite":
        return _search_postgresql(session, stmt, model, plan, kind, limit, window, columns)
    found: list[Any] = []
    values: dict[str, Any] = {
        "mekongx_fts_expr": fts.sqlite_match(plan, kind),
        "mekongx_fts_below": 2**62,
    }
    windowed = _derived(stmt, ("search", model), lambda: _search_window(stmt, model))
    load = _derived(stmt, ("search rows", model, columns), lambda: _search_rows(model, columns))
    while True:
        rows = session.execute(windowed, {**values, "mekongx_fts_window": window}).all()
        shown = {row.uid: row.shown for row in rows if row.shown is not None}
        ranked = fts.ranked(plan, [(row.uid, row.doc, row.body) for row in rows])
        best = [shown[m.uid] for m in ranked if m.uid in shown][: limit - len(found)]
        if best:
            loaded = {row[-1]: row for row in session.execute(load, {"mekongx_search_ids": best})}
            found.extend((loaded[i] if columns else loaded[i][0]) for i in best if i in loaded)
        if len(found) >= limit or len(rows) < window:
            return found
        values["mekongx_fts_below"], window = min(row.doc for row in rows), window * 4


def _search_window(stmt: Select[Any], model: Any) -> Select[Any]:
    """SQLite: the window of newest matching documents (``fts.newest_window``), each with the
    id of its record when ``stmt`` holds it (a correlated probe by uid), else NULL."""
    window = fts.newest_window().subquery("window")
    shown = stmt.with_only_columns(model.id).order_by(None).where(model.uid == window.c.uid)
    return select(window, shown.limit(1).scalar_subquery().label("shown"))


def _search_rows(model: Any, columns: tuple[Any, ...]) -> Select[Any]:
    ids: Any = bindparam("mekongx_search_ids", expanding=True)
    return select(*(columns or (model,)), model.id.label("mekongx_search_id")).where(
        model.id.in_(ids)
    )


def _search_postgresql(
    session: Session,
    stmt: Select[Any],
    model: Any,
    plan: Plan,
    kind: str,
    limit: int,
    window: int,
    columns: tuple[Any, ...],
) -> list[Any]:
    """The newest ``window`` visible matches, ranked. First among the newest ``window`` x 20
    records, walked newest first, each one's document probed by its uid (a correlated
    subquery: the planner, misled by the correlated Thai bigrams of a word, would otherwise
    read every match); only when these hold fewer than ``limit`` matches, every record
    through the GIN index (a rare word: few matches)."""
    highest = session.scalar(_derived(stmt, ("highest", model), lambda: select(func.max(model.id)))) or 0  # fmt: skip
    floor = highest - window * 20
    values = {"mekongx_fts_expr": fts.postgresql_match(plan), "mekongx_fts_kind": kind,
              "mekongx_search_window": window, "mekongx_search_limit": limit,
              "mekongx_search_floor": floor}  # fmt: skip
    for shape in ("recent", "every"):
        build = partial(_postgresql_best, stmt, model, columns, shape)
        best = _derived(stmt, ("search", model, columns, shape), build)
        rows = session.execute(best, values).all()
        if len(rows) >= limit or floor <= 0:
            break
    return list(rows) if columns else [row[0] for row in rows]


def _postgresql_best(stmt: Select[Any], model: Any, columns: tuple[Any, ...], shape: str) -> Select[Any]:  # fmt: skip
    """PostgreSQL: the best ``limit`` of the newest ``window`` visible matches, among the
    records above ``floor`` (``shape`` "recent") or among every record (``shape`` "every")."""
    condition, rank = fts.match_and_rank()
    index = fts.SEARCH_TABLE
    window = bindparam("mekongx_search_window", type_=Integer)
    if shape == "recent":
        probe = select(rank).where(index.c.uid == model.uid, condition).scalar_subquery()
        recent = (
            stmt.with_only_columns(model.id.label("id"), probe.label("rank"))
            .where(model.id > bindparam("mekongx_search_floor", type_=Integer))
            .subquery("recent")
        )
        ranked = (
            select(recent.c.id, recent.c.rank)
            .where(recent.c.rank.is_not(None))
            .order_by(recent.c.id.desc())
            .limit(window)
            .subquery("ranked")
        )
    else:
        ranked = (
            stmt.with_only_columns(model.id.label("id"), rank.label("rank"))
            .join(index, index.c.uid == model.uid)
            .where(condition)
            .order_by(model.id.desc())
            .limit(window)
            .subquery("every")
        )
    limit = bindparam("mekongx_search_limit", type_=Integer)
    shown = select(*columns) if columns else select(model)
    return (
        shown.join_from(model, ranked, ranked.c.id == model.id).order_by(ranked.c.rank).limit(limit)
    )
