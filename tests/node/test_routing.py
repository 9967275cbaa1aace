"""Dispatch by path prefix (``http/routing.py``) answers every path as the whole route list
would: the same route, the same "method not allowed", the same trailing-slash redirect."""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from typing import Any

from fastapi import APIRouter, FastAPI
from fastapi.testclient import TestClient
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Match, Mount
from starlette.staticfiles import StaticFiles

from mekongx.app import create_app
from mekongx.http.routing import PrefixDispatch, dispatch_by_prefix
from mekongx.settings import Settings


def _decision(routes: list[Any], scope: dict[str, Any]) -> tuple[str, int] | None:
    """What Starlette's router loop picks among ``routes``: a full match, else the first
    partial one (405), else a route matching the path with or without its trailing slash."""
    partial = None
    for route in routes:
        match, _ = route.matches(dict(scope))
        if match is Match.FULL:
            return "full", id(route)
        if match is Match.PARTIAL and partial is None:
            partial = route
    if partial is not None:
        return "partial", id(partial)
    path = scope["path"]
    if path != "/":
        twin = path.rstrip("/") if path.endswith("/") else path + "/"
        for route in routes:
            if route.matches({**scope, "path": twin})[0] is not Match.NONE:
                return "redirect", id(route)
    return None


def _paths(routes: list[Any], prefix: str = "") -> list[str]:
    """Every route's path, through included routers (FastAPI 0.165 keeps them as one route)."""
    found = []
    for route in routes:
        if isinstance(route, Mount):
            found += [prefix + route.path, prefix + route.path + "/x.css"]
        elif hasattr(route, "path"):
            found.append(prefix + route.path)
        elif hasattr(route, "original_router"):
            found += _paths(route.original_router.routes, prefix + route.include_context.prefix)
    return found


def _concrete(path: str) -> list[str]:
    """A path with its parameters filled in two ways, and each with a trailing slash."""
    filled = [re.sub(r"\{[^}]*\}", value, path) for value in ("1", "x-y")]
    return [variant for one in filled for variant in (one, one.rstrip("/") + "/")]


def test_every_path_of_the_node_chooses_the_route_the_whole_list_chooses(tmp_path: Path) -> None:
    settings = Settings(env="test", database_url=f"sqlite:///{tmp_path / 'node.db'}",
                        data_dir=tmp_path, node_agency="ONCB")  # fmt: skip
    app = create_app(settings)
    dispatch = app.router.middleware_stack
    assert isinstance(dispatch, PrefixDispatch)
    paths = {p for path in _paths(app.router.routes) for p in _concrete(path)}
    paths |= {"/", "//", "/nope", "/api", "/api/", "/api/v1", "/api/v1/", "/api/v1/nope/1",
              "/static", "/static/", "/healthz/", "/FUGITIVES", "/api/v1/reports/1/x/y/z"}  # fmt: skip
    assert len(paths) > 400
    shorter = 0
    for path, method in itertools.product(sorted(paths), ("GET", "POST", "DELETE")):
        scope = {"type": "http", "method": method, "path": path, "root_path": "", "headers": []}
        table = dispatch.table(path).routes
        assert _decision(table, scope) == _decision(app.router.routes, scope), (method, path)
        shorter += len(table) < len(app.router.routes) / 4
    assert shorter > len(paths)  # most requests are matched against a few routes


def _endpoint(name: str) -> Any:
    def answer(request: Request) -> PlainTextResponse:
        other = request.url_for("deep", x="7")  # a route of another prefix: url_for sees all
        return PlainTextResponse(f"{name} {request.path_params} {other.path}")

    answer.__name__ = name
    return answer


def _tricky_app(files: Path, dispatched: bool) -> FastAPI:
    app = FastAPI()
    for name, path in [("root", "/"), ("ab", "/a/b"), ("ab_slash", "/a/b/c/"), ("deep", "/a/{x}/c"),
                       ("files", "/files/{rest:path}"), ("dashed", "/x-{id}"), ("only_post", "/post")]:  # fmt: skip
        methods = ["POST"] if name == "only_post" else ["GET"]
        app.add_api_route(path, _endpoint(name), methods=methods, name=name)
    inner = APIRouter(prefix="/in")
    inner.add_api_route("/{id}", _endpoint("inner"), methods=["GET"])
    outer = APIRouter(prefix="/r")
    outer.add_api_route("/list", _endpoint("outer"), methods=["GET"])
    outer.include_router(inner)
    app.include_router(outer, prefix="/v")
    app.mount("/m", StaticFiles(directory=str(files)), name="static")
    app.add_api_route("/{slug}", _endpoint("slug"), methods=["GET"])
    if dispatched:
        dispatch_by_prefix(app.router)
    return app


def test_a_tricky_route_table_answers_the_same_with_and_without_the_dispatch(tmp_path: Path) -> None:  # fmt: skip
    (tmp_path / "f.txt").write_text("file")
    plain = TestClient(_tricky_app(tmp_path, False), follow_redirects=False)
    fast = TestClient(_tricky_app(tmp_path, True), follow_redirects=False)
    assert isinstance(fast.app.router.middleware_stack, PrefixDispatch)  # type: ignore[attr-defined]
    words = ["", "a", "b", "c", "v", "r", "in", "list", "m", "f.txt", "files", "x-1", "post", "zz"]
    paths = {"/" + "/".join(parts) for n in range(1, 5) for parts in itertools.product(words, repeat=n)}  # fmt: skip
    assert len(paths) > 20_000
    dispatch = fast.app.router.middleware_stack  # type: ignore[attr-defined]
    for path, method in itertools.product(sorted(paths), ("GET", "POST")):
        scope = {"type": "http", "method": method, "path": path, "root_path": "", "headers": []}
        assert _decision(dispatch.table(path).routes, scope) == _decision(dispatch.router.routes, scope), path  # fmt: skip
    # and answered end to end (a sample: each request costs a few milliseconds)
    for path in [*sorted(paths)[::97], "/", "/a/b/c", "/a/b/c/", "/v/r/in/5", "/v/r/list/", "/m/f.txt"]:  # fmt: skip
        for method in ("GET", "POST"):
            url = "http://testserver" + path
            one, other = plain.request(method, url), fast.request(method, url)
            assert (one.status_code, one.text, one.headers.get("location")) == (
                other.status_code, other.text, other.headers.get("location")), (method, path)  # fmt: skip
    assert fast.get("/v/r/in/5").text == "inner {'id': '5'} /a/7/c"
    assert fast.get("/v/r/list/").headers["location"] == "http://testserver/v/r/list"
    assert fast.put("/a/b").status_code == 405 and fast.get("/post").text.startswith("slug")
