#!/usr/bin/env python3
"""The raw driver's floor: what any Python server pays to answer the reports list, a report's
detail and the reports search on this database, with no framework at all (issue 21).

The node's own statements are recorded from the node itself (its ASGI app called in-process
with the benchmark's token, every statement given to the driver caught by SQLAlchemy's
``before_cursor_execute``): for each path, the statements of its second call (caches warm:
the list's estimated total is kept 10 s, so a page is its page statement) less those of
``/api/v1/me`` (the token check) and the transaction's (``BEGIN``). A detail is the node's read
of one report by id through the visibility clause (``authz.records._found``: alone on SQLite,
inside the statement that also writes the audit row on PostgreSQL) and the request's other
reads (its recipients, by the uid read): the audit row is not written, so the floor's detail
is cheaper than any audited read can be. A bare ASGI app (``Floor``: no FastAPI, no Starlette,
no SQLAlchemy) then answers the node's paths by running those statements with their bound
values through the raw driver on a connection kept open (sqlite3, psycopg; called on the event
loop: the least CPU per request; on PostgreSQL a request then waits for the database server,
so api_load.py also serves it with psycopg's async connections, one per request in flight,
eight at most: "pooled"), and writes the rows as JSON (orjson, column names as keys), or
has the database write it ("json in db": the statement wrapped in ``json_agg`` on PostgreSQL,
``json_group_array(json_object(...))`` on SQLite, the text passed on: the least Python a
server can run; ``MEKONGX_FLOOR_MODE`` picks the served one). The
keyset cursor's ``after``, the detail's id and its uid are put in the place of the recorded
value (found by value: the recording asks with values that occur once among the parameters).

    PYTHONPATH=src .venv/bin/python benchmarks/api_load.py --records 100000 --keep /tmp/k100k \
        --only reports                         # the floor is served beside the node's reports
    PYTHONPATH=src .venv/bin/python benchmarks/api_list_cost.py /tmp/k100k --records 100000 \
        --only floor                           # its in-process CPU, as the node's rows

The recording needs ``mekongx`` (``PYTHONPATH=src``); the served app imports nothing but the
standard library, orjson and the driver.
"""

from __future__ import annotations

import asyncio
import os
import pickle
import re
import sqlite3
import sys
from typing import Any
from urllib.parse import parse_qs, quote

import orjson

BASE = "/api/v1/reports"
# the floor's rows in api_list_cost.py (name, path: the node's own), {mid} and {one} as there
PATHS = [
    ("reports list (raw floor)", f"{BASE}?per_page=50"),
    ("reports list, keyset page (raw floor)", f"{BASE}?per_page=50&after={{mid}}"),
    ("reports detail (raw floor: the read, no audit row)", f"{BASE}/{{one}}"),
    ("reports search (Thai) (raw floor)", f"{BASE}/search?q=ยาบ้า เชียงราย&limit=50"),
    ("reports search (Latin) (raw floor)", f"{BASE}/search?q=Weihong&limit=50"),
]
Steps = list[tuple[str, Any]]  # (statement, parameters) as the driver is given them


async def record(app: Any, url: str, token: str, records: int, searches: list[str]) -> dict[str, Any]:  # fmt: skip
    """The node's statements for the floor's paths (``app``: the node's ASGI app, built, on
    the database at ``url``; ``records``: how many reports it holds)."""
    import httpx
    from sqlalchemy import Engine, event

    caught: Steps = []

    def catch(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        caught.append((statement, parameters))

    transport = httpx.ASGITransport(app=app)
    headers = {"Authorization": f"Bearer {token}"}
    event.listen(Engine, "before_cursor_execute", catch)
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://node", headers=headers) as client:  # fmt: skip

            async def steps(path: str) -> Steps:
                for _ in range(2):  # the second call's: caches warm
                    caught.clear()
                    answer = await client.get(path)
                    assert answer.status_code == 200, (path, answer.status_code)
                return list(caught)

            token_check = {statement for statement, _ in await steps("/api/v1/me")}

            async def own(path: str) -> Steps:
                return [(s, p) for s, p in await steps(path) if s not in token_check
                        and s.split()[0].upper() not in ("BEGIN", "COMMIT", "ROLLBACK")]  # fmt: skip

            after, one = records // 2 + 7, records // 50 + 3  # values no other parameter has
            keyset = await own(f"{BASE}?per_page=50&after={after}")
            # the detail's read: the node's own statement (``authz.records._found``, which the
            # node runs alone on SQLite and inside its audited statement on PostgreSQL), then
            # the node's other reads of the request (the recipients, by the record's uid)
            caught.clear()
            uid = _read_one(url, one)
            read = caught[-1]
            rest = [step for step in await own(f"{BASE}/{one}")
                    if not _writes(step[0]) and step[0] != read[0]]  # fmt: skip
            detail = [read, *rest]
            recipe = {
                "first": await own(f"{BASE}?per_page=50"),
                "after": (keyset, _slots(keyset, after)),
                "detail": (detail, _slots(detail[:1], one), _slots(detail, uid)),
                "search": {q: await own(f"{BASE}/search?q={quote(q)}&limit=50") for q in searches},
            }
    finally:
        event.remove(Engine, "before_cursor_execute", catch)
    async with httpx.AsyncClient(transport=transport, base_url="http://node", headers=headers) as client:  # fmt: skip
        await _same_rows(client, url, Floor(url, recipe), records, searches)
    return recipe


async def _same_rows(client: Any, url: str, floor: Floor, records: int, searches: list[str]) -> None:  # fmt: skip
    """The floor answers with the node's rows (their ids), its JSON written by Python or by
    the database, on other pages and ids than the recorded ones: a first page, three keyset
    pages, three details, every search."""
    paths = [f"{BASE}?per_page=50", *(f"{BASE}?per_page=50&after={records // n}" for n in (3, 5, 9)),
             *(f"{BASE}/{records // n}" for n in (4, 6, 8)),
             *(f"{BASE}/search?q={quote(q)}&limit=50" for q in searches)]  # fmt: skip
    in_db = Floor(url, floor.recipe, in_db=True)
    try:
        for path in paths:
            answer = (await client.get(path)).json()
            items = answer if isinstance(answer, list) else answer.get("items", [answer])
            node = {row["id"] for row in items}
            route, _, query = path.partition("?")
            found = floor.steps(route, query)
            assert found is not None, path
            for made in (await floor.answer(*found), await in_db.answer(*found)):
                done = orjson.loads(made)
                rows = done[0] if route.rsplit("/", 1)[-1].isdigit() else done[-1]
                ids = [row["id"] for row in rows]  # a list reads one row more than it shows
                assert node == set(ids[: len(node)]) and len(ids) - len(node) in (0, 1), (path, sorted(node)[:5], len(rows))  # fmt: skip
    finally:
        await floor.close()
        await in_db.close()


def _read_one(url: str, ident: int) -> str:
    """Run the node's detail read of report ``ident`` as ONCB sees it (the statement is
    caught), and return its uid."""
    from sqlalchemy import create_engine

    from mekongx.authz.records import _found
    from mekongx.domains.intel.models import IntelReport

    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            row = conn.execute(_found(IntelReport, "ONCB", False, None), {"ident": ident}).one()
    finally:
        engine.dispose()
    return str(row.uid)


def _writes(statement: str) -> bool:
    return re.search(r"\b(INSERT|UPDATE|DELETE)\b", statement, re.IGNORECASE) is not None


def _slots(steps: Steps, value: object) -> list[tuple[int, Any]]:
    """Where ``value`` is among each statement's parameters (statement index, position or
    name): exactly once in the recording, else the floor could not put another in its place."""
    found = [(n, k) for n, (_, params) in enumerate(steps)
             for k, v in (params.items() if isinstance(params, dict) else enumerate(params))
             if v == value and not isinstance(v, bool)]  # fmt: skip
    if len(found) != 1:
        raise RuntimeError(f"the value {value} is {len(found)} times among the parameters")
    return found


def _with(steps: Steps, slots: list[tuple[int, Any]], value: object) -> Steps:
    out = list(steps)
    for n, key in slots:
        statement, params = out[n]
        if isinstance(params, dict):
            params = {**params, key: value}
        else:
            params = (*params[:key], value, *params[key + 1 :])
        out[n] = (statement, params)
    return out


class Floor:
    """The bare ASGI app that answers the node's reports paths from the recorded statements
    (``url``: the node's SQLAlchemy URL; ``recipe``: what :func:`record` returned)."""

    def __init__(self, url: str, recipe: dict[str, Any], *, pooled: bool = False,
                 in_db: bool = False) -> None:  # fmt: skip
        self.recipe = recipe
        self.in_db = in_db  # the database writes the JSON (sync connections only)
        self.wrapped: dict[str, str] = {}
        self.sqlite = url.startswith("sqlite")
        if self.sqlite:
            self.db = sqlite3.connect(url.split(":///", 1)[1], isolation_level=None,
                                      check_same_thread=False)  # fmt: skip
            for pragma in ("journal_mode=WAL", "busy_timeout=30000", "synchronous=NORMAL"):
                self.db.execute(f"PRAGMA {pragma}")
        self.conninfo = url.replace("postgresql+psycopg://", "postgresql://", 1)
        self.pooled = pooled
        self.pg: Any = None
        self.free: asyncio.Queue[Any] | None = None

    def steps(self, path: str, query: str) -> tuple[Steps, list[tuple[int, Any]]] | None:
        """The statements answering ``path``, and where the uid the first one reads goes in
        the others (a detail's)."""
        if path == BASE:
            after = parse_qs(query).get("after")
            if not after:
                return self.recipe["first"], []
            steps, slots = self.recipe["after"]
            return _with(steps, slots, int(after[0])), []
        if path == f"{BASE}/search":
            found = self.recipe["search"].get(parse_qs(query).get("q", [""])[0])
            return None if found is None else (found, [])
        tail = path.removeprefix(f"{BASE}/")
        if tail != path and tail.isdigit():
            steps, slots, uid = self.recipe["detail"]
            return _with(steps, slots, int(tail)), uid
        return None

    async def run(self, steps: Steps, uid: list[tuple[int, Any]]) -> list[list[dict[str, Any]]]:
        out: list[list[dict[str, Any]]] = []
        if self.sqlite:
            for statement, params in steps:
                cursor = self.db.execute(statement, params)
                names = [d[0] for d in cursor.description]
                out.append([dict(zip(names, row, strict=True)) for row in cursor.fetchall()])
                if uid and len(out) == 1 and out[0]:
                    steps = _with(steps, uid, out[0][0]["uid"])
            return out
        if not self.pooled:  # one connection kept open, its round trips on the event loop
            if self.pg is None:
                import psycopg

                self.pg = psycopg.connect(self.conninfo, autocommit=True)
            for statement, params in steps:
                cursor = self.pg.execute(statement, params)
                names = [d.name for d in cursor.description or ()]
                out.append([dict(zip(names, row, strict=True)) for row in cursor.fetchall()])
                if uid and len(out) == 1 and out[0]:
                    steps = _with(steps, uid, out[0][0]["uid"])
            return out
        if self.free is None:  # connections of this event loop
            import psycopg

            self.free = asyncio.Queue()
            for _ in range(8):
                self.free.put_nowait(await psycopg.AsyncConnection.connect(self.conninfo, autocommit=True))  # fmt: skip
        db = await self.free.get()
        try:
            for statement, params in steps:
                cursor = await db.execute(statement, params)
                names = [d.name for d in cursor.description or ()]
                out.append([dict(zip(names, row, strict=True)) for row in await cursor.fetchall()])
                if uid and len(out) == 1 and out[0]:
                    steps = _with(steps, uid, out[0][0]["uid"])
        finally:
            self.free.put_nowait(db)
        return out

    async def answer(self, steps: Steps, uid: list[tuple[int, Any]]) -> bytes:
        """The answer's body: the rows of each statement as JSON objects, in a list."""
        if not self.in_db:
            return orjson.dumps(await self.run(steps, uid), default=str)
        if self.pg is None and not self.sqlite:
            import psycopg

            self.pg = psycopg.connect(self.conninfo, autocommit=True)
        db = self.db if self.sqlite else self.pg
        out: list[str] = []
        for statement, params in steps:
            (made,) = db.execute(self._wrapped(db, statement, params), params).fetchone()
            out.append(made)
            if uid and len(out) == 1 and made != "[]":
                steps = _with(steps, uid, orjson.loads(made)[0]["uid"])
        return f"[{','.join(out)}]".encode()

    def _wrapped(self, db: Any, statement: str, params: Any) -> str:
        """The statement whose one value is its rows as a JSON array of objects."""
        found = self.wrapped.get(statement)
        if found is None:
            if self.sqlite:  # the columns' names, from the statement run once
                names = [d[0] for d in db.execute(statement, params).description]
                pairs = ", ".join(f"'{n}', t.\"{n}\"" for n in names)
                found = f"SELECT json_group_array(json_object({pairs})) FROM ({statement}) AS t"
            else:
                found = f"SELECT coalesce(json_agg(t), '[]'::json)::text FROM ({statement}) AS t"
            self.wrapped[statement] = found
        return found

    async def close(self) -> None:
        while self.free is not None and not self.free.empty():
            await self.free.get_nowait().close()
        if self.pg is not None:
            self.pg.close()

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        found = self.steps(scope["path"], scope["query_string"].decode())
        status, body = 200, b'{"ok":true}'
        if found is not None:
            body = await self.answer(*found)
        elif scope["path"] != "/healthz":
            status, body = 404, b"{}"
        headers = [(b"content-type", b"application/json")]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})


def app() -> Floor:
    """The floor served by uvicorn (``--factory api_floor:app``): the URL and the recording's
    file in ``MEKONGX_DATABASE_URL`` and ``MEKONGX_FLOOR``."""
    with open(os.environ["MEKONGX_FLOOR"], "rb") as held:
        recipe = pickle.load(held)  # noqa: S301 (written by this benchmark just before)
    mode = os.environ.get("MEKONGX_FLOOR_MODE", "")
    return Floor(os.environ["MEKONGX_DATABASE_URL"], recipe, pooled=mode == "pooled",
                 in_db=mode == "json in db")  # fmt: skip


def _record_child() -> None:
    """``api_floor.py --record FILE TOKEN RECORDS``: record with the node's app (its
    environment set by the caller, as api_load.py's in-process child) into FILE."""
    import logging
    from importlib import import_module

    from mekongx.app import create_app

    sys.path.insert(0, os.path.dirname(__file__))
    from api_seed import SEARCHES

    logging.disable(logging.WARNING)
    out, token, records = sys.argv[2], sys.argv[3], int(sys.argv[4])
    node = create_app()
    settle = getattr(import_module("mekongx.app"), "settle", None)
    if settle is not None:
        settle(node)
    recipe = asyncio.run(record(node, os.environ["MEKONGX_DATABASE_URL"], token, records, SEARCHES))
    with open(out, "wb") as held:
        pickle.dump(recipe, held)
    for name, steps in (("list", recipe["first"]), ("detail", recipe["detail"][0])):
        print(f"floor {name}: {len(steps)} statements", file=sys.stderr)


if __name__ == "__main__" and sys.argv[1:2] == ["--record"]:
    _record_child()
