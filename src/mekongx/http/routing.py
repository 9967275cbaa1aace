"""Requests matched against the few routes that can answer their path, not all ~220 in order.

Starlette's router tries every route of the application in order, and FastAPI's included
routers match each request twice per level of inclusion (once to learn whether it matches, once
to choose the route): a request for ``/healthz``, the last route, was tested against every route
of the node more than once, a third of the cost of a small API answer.

``dispatch_by_prefix`` puts a table in front of the application's router: by the first
segments of the path (``/api/v1/reports/...`` → ``("api", "v1", "reports")``), the routes that
could match it, in their order. The router then runs as before over that short list: a route
left out has literal segments that differ from the path's, so it could match neither the path
nor its trailing-slash twin (the redirect the router looks for); the first full match, a
"method not allowed" and the redirect are the ones the whole list would have given. The table is
built on the first request and again when routes are added to the application.
"""

from __future__ import annotations

import copy
from typing import Any

from starlette.routing import Mount, Route, Router, WebSocketRoute
from starlette.types import Receive, Scope, Send

DEPTH = 3  # segments of a path that choose its routes
_OTHER = object()  # a path's segment that is no route's literal segment at its place

# A route's pattern: its first literal segments, then whether anything may follow (a parameter,
# a mount's files); a segment None: a parameter in it.
Pattern = tuple[tuple[str | None, ...], bool]


def pattern_of(path: str) -> Pattern:
    segments: list[str | None] = []
    for part in path.split("/")[1:]:
        if "{" in part:  # a parameter: this segment and everything after may be anything
            segments.append(None)
            return tuple(segments), True
        if len(segments) == DEPTH:
            return tuple(segments), True
        segments.append(part)
    return tuple(segments), False


def patterns(route: Any, prefix: str = "") -> list[Pattern]:
    """The patterns of every route reached through ``route`` (an included router's own routes)."""
    if isinstance(route, Mount):
        return [pattern_of(prefix + route.path + "/{path:path}")]
    if isinstance(route, Route | WebSocketRoute):
        return [pattern_of(prefix + route.path)]
    # FastAPI (0.165) keeps an included router as one route: its routes under its prefix
    inner = getattr(route, "original_router", None)
    inner_prefix = getattr(getattr(route, "include_context", None), "prefix", None)
    if isinstance(inner, Router) and isinstance(inner_prefix, str):
        return [found for child in inner.routes for found in patterns(child, prefix + inner_prefix)]  # fmt: skip
    return [((), True)]  # a kind of route this table does not know: tried for every path


def _may_match(pattern: Pattern, key: tuple[object, ...], whole: bool) -> bool:
    """Whether a route of ``pattern`` may match a path of these first segments (``whole``: the
    path has no more segments, bar a trailing slash)."""
    segments, open_end = pattern
    for index, segment in enumerate(key):
        if index == len(segments):
            return open_end
        if segments[index] is None:
            return True
        if segments[index] != segment:
            return False
    # the path ends here (or goes on past DEPTH): the route's further segments must allow it
    return not whole or all(segment in ("", None) for segment in segments[len(key) :])


class PrefixDispatch:
    """The application router's entry: see the module's docstring."""

    def __init__(self, router: Router) -> None:
        self.router = router
        self.built_for = -1
        self.known: list[set[str]] = []
        self.tables: dict[tuple[object, ...], Router] = {}
        self.entries: list[tuple[Any, list[Pattern]]] = []

    def _build(self) -> None:
        self.entries = [(route, patterns(route)) for route in self.router.routes]
        self.known = [set() for _ in range(DEPTH)]
        for _, found in self.entries:
            for segments, _ in found:
                for index, segment in enumerate(segments):
                    if segment is not None:
                        self.known[index].add(segment)
        self.tables = {}
        self.built_for = len(self.router.routes)

    def table(self, path: str) -> Router:
        """A copy of the router holding only the routes that may match ``path``."""
        if self.built_for != len(self.router.routes):
            self._build()
        parts = path.rstrip("/").split("/")[1 : DEPTH + 2]
        whole = len(parts) <= DEPTH
        key = tuple(
            part if part in known else _OTHER
            for part, known in zip(parts[:DEPTH], self.known, strict=False)
        )
        found = self.tables.get(key) if whole else self.tables.get((*key, _OTHER))
        if found is None:
            found = copy.copy(self.router)
            found.routes = self._routes_for(key, whole)
            self.tables[key if whole else (*key, _OTHER)] = found
        return found

    def _routes_for(self, key: tuple[object, ...], whole: bool) -> list[Any]:
        return [
            route
            for route, found in self.entries
            if any(_may_match(pattern, key, whole) for pattern in found)
        ]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.router.app(scope, receive, send)
            return
        root = scope.get("root_path", "")
        path = scope["path"]
        if root and path.startswith(root):
            path = path[len(root) :]
        scope.setdefault("router", self.router)  # url_for sees every route
        await self.table(path).app(scope, receive, send)


def dispatch_by_prefix(router: Router) -> None:
    """Route ``router``'s requests through a ``PrefixDispatch`` table (in front of its own
    middleware, if it has none; left as it is otherwise)."""
    if getattr(router, "middleware_stack", None) == router.app:
        router.middleware_stack = PrefixDispatch(router)
