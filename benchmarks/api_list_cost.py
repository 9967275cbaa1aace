#!/usr/bin/env python3
"""In-process CPU cost of the lists and details of every area, and of the stack alone, on a
database seeded by api_load.py (``--keep``): the node's ASGI app called through httpx's ASGI
transport with the benchmark's API token, each path five times to warm the caches, then the
best of three rounds of ``--repeat`` calls (CPU milliseconds per request, and the wall
milliseconds per request of the fastest round: on PostgreSQL they include the database server's work and the
round trips to it, which the CPU figure leaves out).

    PYTHONPATH=src .venv/bin/python benchmarks/api_list_cost.py /tmp/h2/k100 --records 100000
    PYTHONPATH=src .venv/bin/python benchmarks/api_list_cost.py /tmp/h2/k100 --records 100000 \
        --seed-lists --only screening,hits,campaigns     # the lists without documents too
    PYTHONPATH=src .venv/bin/python benchmarks/api_list_cost.py /tmp/h2/k100 --records 100000 \
        --engine postgresql --pg-name mekongx_bench_100000     # api_load.py's --pg-name, if any

With ``PYTHONPATH`` pointing at another checkout's ``src`` it measures that code on the same
database: run the two alternately for a comparison at the same load."""

from __future__ import annotations

import argparse
import asyncio
import html
import logging
import re
import time
from importlib import import_module
from pathlib import Path
from typing import Annotated

import httpx
from fastapi import Depends, FastAPI, Request
from pydantic import BaseModel

from api_common import Timings, keep_database
from api_seed import SEARCHES

PATHS = [
    ("bare ASGI hello (httpx in-process)", ""),
    ("minimal FastAPI: sync Depends, sync route, model", "minimal:sync"),
    ("minimal FastAPI: async Depends and route, model", "minimal:async"),
    ("stack: /healthz (no database)", "/healthz"),
    ("stack: /api/v1/me (token check)", "/api/v1/me"),
    ("reports list", "/api/v1/reports?per_page=50"),
    ("reports list, keyset page", "/api/v1/reports?per_page=50&after={mid}"),
    ("reports detail (audited)", "/api/v1/reports/{one}"),
    ("seizures list", "/api/v1/seizures?per_page=50"),
    ("seizures list, keyset page", "/api/v1/seizures?per_page=50&after={mid}"),
    ("seizures detail (audited)", "/api/v1/seizures/{one}"),
    ("declarations list", "/api/v1/precursors/notifications?per_page=50"),
    ("declarations detail (audited)", "/api/v1/precursors/notifications/{one}"),
    ("notices list (web page)", "/fugitives"),
    ("notices list (web page), page 20", "/fugitives?page=20"),
    ("notices list (web page), page 20 by Next links", "next:20:/fugitives"),
    ("notices list (web page), page 19 by Previous links (from page 20)", "prev:20:/fugitives"),
    ("notices detail (web page)", "/fugitives/notices/{one}"),
    ("fugitive screening runs (web page)", "/fugitives/screen"),
    ("fugitive screening runs (web page), page 20", "/fugitives/screen?page=20"),
    ("fugitive screening runs (web page), page 20 by Next links", "next:20:/fugitives/screen"),
    (
        "fugitive screening runs (web page), page 19 by Previous links (from page 20)",
        "prev:20:/fugitives/screen",
    ),
    ("fugitive hits to review and alerts (web page)", "/fugitives/hits"),
    ("fugitive hits to review (web page), page 20", "/fugitives/hits?page=20"),
    ("fugitive hits to review (web page), page 20 by Next links", "next:20:/fugitives/hits"),
    (
        "fugitive hits to review (web page), page 19 by Previous links (from page 20)",
        "prev:20:/fugitives/hits",
    ),
    ("precursor screening runs", "/api/v1/precursors/screenings?per_page=50"),
    (
        "precursor screening runs, keyset page",
        "/api/v1/precursors/screenings?per_page=50&after={mid}",
    ),
    ("precursor screening runs (web page)", "/precursors/screen"),
    ("wastewater site's campaigns (web page)", "/wbe/sites/1"),
    ("reports search (Thai)", "/api/v1/reports/search?q=ยาบ้า เชียงราย&limit=50"),
    ("reports search (Latin)", "/api/v1/reports/search?q=Weihong&limit=50"),
    ("seizures search", "/api/v1/seizures/search?q=Mae Sai&limit=50"),
]


async def hello(scope: dict, receive: object, send: object) -> None:  # type: ignore[type-arg]
    await send({"type": "http.response.start", "status": 200, "headers": []})  # type: ignore[operator]
    await send({"type": "http.response.body", "body": b"hello"})  # type: ignore[operator]


def caller(request: Request) -> str:
    return request.headers.get("authorization", "")[7:]


async def async_caller(request: Request) -> str:
    return caller(request)


class Me(BaseModel):
    username: str
    agency: str
    role: str


def minimal(kind: str) -> FastAPI:
    """The stack's own floor: one route, one ``Depends`` (the bearer token read from a header)
    and a pydantic response model; ``sync``: plain functions, run in the thread pool as the
    node's dependencies and routes are; ``async``: coroutines, on the event loop."""
    app = FastAPI()
    if kind == "sync":

        @app.get("/api/v1/me", response_model=Me)
        def me(who: Annotated[str, Depends(caller)]) -> Me:
            return Me(username=who[:8], agency="ONCB", role="analyst")

    else:

        @app.get("/api/v1/me", response_model=Me)
        async def async_me(who: Annotated[str, Depends(async_caller)]) -> Me:
            return Me(username=who[:8], agency="ONCB", role="analyst")

    return app


NEXT = re.compile(r'<a href="([^"]+)" rel="next">')
PREVIOUS = re.compile(r'<a href="([^"]+)" rel="prev">')


async def follow_next(app: object, token: str, path: str) -> str:
    """``next:N:/list``: the address the list's pager links to as page N, found by following
    its first Next link from page 1 (a keyset cursor where the pager carries one, a page
    number on older checkouts: the cost of what an officer clicks, on either). ``prev:N:/list``:
    the address page N's first Previous link leads to (page N - 1, walking back)."""
    how, pages, path = path.split(":", 2)
    transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
    headers = {"Authorization": f"Bearer {token}"}
    async with httpx.AsyncClient(transport=transport, base_url="http://node", headers=headers) as client:  # fmt: skip
        for _ in range(int(pages) - 1):
            answer = await client.get(path)
            link = NEXT.search(answer.text)
            assert answer.status_code == 200 and link is not None, (path, answer.status_code)
            path = html.unescape(link.group(1))
        if how == "prev":
            answer = await client.get(path)
            link = PREVIOUS.search(answer.text)
            assert answer.status_code == 200 and link is not None, (path, answer.status_code)
            path = html.unescape(link.group(1))
    return path


async def measure(app: object, token: str, path: str, repeat: int) -> tuple[float, float]:
    transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
    headers = {"Authorization": f"Bearer {token}"}
    async with httpx.AsyncClient(transport=transport, base_url="http://node", headers=headers) as client:  # fmt: skip
        for _ in range(5):
            answer = await client.get(path or "/")
            assert answer.status_code == 200, (path, answer.status_code, answer.text[:200])
        timings = Timings()
        for _ in range(3):
            with timings.run(repeat):
                for _ in range(repeat):
                    await client.get(path or "/")
    if type(app).__name__ == "Floor":  # api_floor's: its connections
        await app.close()  # type: ignore[attr-defined]
    return timings.best_ms()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    parser.add_argument("keep", type=Path, help="the --keep directory of api_load.py")
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=60)
    parser.add_argument("--only", default="", help="comma-separated words: the rows named so")
    parser.add_argument("--engine", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--pg-name", default="",
                        help="the PostgreSQL database (default mekongx_bench_<records>)")  # fmt: skip
    parser.add_argument("--seed-lists", action="store_true",
                        help="first add a tenth of --records to each list without documents "
                             "(screening runs, hits, alerts, campaigns: api_seed.seed_lists), "
                             "once per database")  # fmt: skip
    args = parser.parse_args()
    url = keep_database(args)
    seeded = args.keep / f"{args.engine}-{args.records}.lists"
    if args.seed_lists and not seeded.exists():
        from api_seed import seed_lists

        started = time.monotonic()
        seed_lists(url, args.records // 10)
        seeded.write_text("seeded\n")
        print(f"seeded the lists ({args.records // 10:,} rows each) in {time.monotonic() - started:.0f} s")  # fmt: skip
    from mekongx.app import create_app

    logging.disable(logging.WARNING)
    token = (args.keep / f"{args.engine}-{args.records}.token").read_text().strip()
    app = create_app()
    settle = getattr(import_module("mekongx.app"), "settle", None)  # absent on older checkouts
    if settle is not None:
        settle(app)  # as the server (mekongx.cli.main:asgi_app) builds it
    # ids present in every area (each holds at least a tenth of the records)
    values = {"mid": args.records // 40, "one": args.records // 50}
    recipe: dict[str, object] = {}
    floor_paths: list[tuple[str, str]] = []
    if not args.only or "raw floor" in args.only:  # (the floor needs orjson)
        import api_floor

        floor_paths = api_floor.PATHS
    for name, path in PATHS + floor_paths:
        if args.only and not any(word in name for word in args.only.split(",")):
            continue
        target: object = app if path else hello
        if path.startswith("minimal:"):
            target, path = minimal(path.split(":")[1]), "/api/v1/me"
        if "raw floor" in name:  # the node's statements, no framework
            recipe = recipe or asyncio.run(
                api_floor.record(app, url, token, args.records // 2, SEARCHES)
            )
            target = api_floor.Floor(url, recipe)
        if path.startswith(("next:", "prev:")):
            path = asyncio.run(follow_next(target, token, path))
            name = f"{name} ({path})"
        cost, wall = asyncio.run(measure(target, token, path.format(**values), args.repeat))
        print(f"{cost:7.2f} ms CPU {wall:7.2f} ms wall  {name}")
        if "raw floor" in name:  # and with the JSON written by the database
            target = api_floor.Floor(url, recipe, in_db=True)
            cost, wall = asyncio.run(measure(target, token, path.format(**values), args.repeat))
            print(f"{cost:7.2f} ms CPU {wall:7.2f} ms wall  {name}, JSON by the database")


if __name__ == "__main__":
    main()
