"""No record is visible beyond its distribution, through any route, for any role.

The test creates reports with every kind of distribution, then walks every GET route of the
web UI and the API as every user, and checks that titles of reports a user may not see never
appear, and that opening them answers "not found".
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from starlette.routing import Mount, Route

from mekongx.app import create_app
from mekongx.domains.intel.models import IntelReport

USERS = {
    "ONCB": ["thai_admin", "thai_analyst", "thai_liaison", "thai_viewer"],
    "NNCC": ["chinese_liaison", "chinese_analyst"],
    "LCDC": ["lao_viewer", "lao_liaison"],
    "CCDAC": ["myanmar_viewer"],
}


def _routes(app: Any, prefix: str = "") -> Iterator[tuple[str, set[str]]]:
    """Every concrete route, through FastAPI's included routers and mounts."""
    for route in app.routes:
        if isinstance(route, Mount):
            continue
        if isinstance(route, Route):
            yield prefix + route.path, set(route.methods or ())
        elif hasattr(route, "original_router"):
            context = route.include_context
            yield from _routes(route.original_router, prefix + (context.prefix or ""))


@pytest.fixture
def nodes(world: Any) -> dict[str, Any]:
    """The four agencies' nodes, peered."""
    return {"ONCB": world, **{code: world.partner(code) for code in ("NNCC", "LCDC", "CCDAC")}}


@pytest.fixture
def reports(world: Any, nodes: dict[str, Any]) -> dict[str, tuple[str, set[str]]]:
    """Title → (uid, agencies that may see it), each written on its author's node and carried
    to the others by the exchange."""
    made = {
        "ZXOWNONLY": ("ONCB", "thai_liaison", {"distribution": "own"}, {"ONCB"}),
        "ZXTONNCC": (
            "ONCB",
            "thai_liaison",
            {"distribution": "peers", "recipients": ["NNCC"]},
            {"ONCB", "NNCC"},
        ),
        "ZXTOGROUP": (
            "ONCB",
            "thai_liaison",
            {"distribution": "group", "sharing_group": "SAFE-MEKONG"},
            {"ONCB", "NNCC", "LCDC"},
        ),
        "ZXNNCCOWN": ("NNCC", "chinese_liaison", {"distribution": "own"}, {"NNCC"}),
        "ZXNNCCTOLAO": (
            "NNCC",
            "chinese_liaison",
            {"distribution": "peers", "recipients": ["LCDC"]},
            {"NNCC", "LCDC"},
        ),
    }
    out = {}
    for title, (agency, author, fields, seen_by) in made.items():
        node = nodes[agency]
        rid = node.report(
            author, title=title, narrative=f"{title} narrative", handling_code="H2", **fields
        )
        out[title] = (node.uid_of(IntelReport, rid), seen_by)
    world.exchange()
    return out


def _held(node: Any, uid: str) -> int | None:
    with node.db.read() as session:
        return session.scalar(select(IntelReport.id).where(IntelReport.uid == uid))


def test_every_route_respects_distribution(
    nodes: dict[str, Any], reports: dict[str, tuple[str, set[str]]]
) -> None:
    """Every GET route of every node, as every user of that node: a report shows only where
    its distribution sent it; ids of reports held elsewhere answer "not found"."""
    largest = max(_held(n, uid) or 0 for n in nodes.values() for uid, _ in reports.values())
    for agency, node in nodes.items():
        app = create_app(node.settings, node.db)
        # Node-to-node routes (/federation) carry no user-visible records: tests/federation.
        routes = [
            (p, m) for p, m in _routes(app) if "GET" in m and not p.startswith("/federation/")
        ]
        assert len(routes) >= 12, routes
        hidden = {t for t, (_, seen) in reports.items() if agency not in seen}
        shown = {t for t, (_, seen) in reports.items() if agency in seen}
        for title, (uid, seen) in reports.items():  # a copy exists only where it was sent
            assert (_held(node, uid) is not None) == (agency in seen), (agency, title)
        with TestClient(app, follow_redirects=False) as client:
            for user in USERS[agency]:
                headers = node.token(user)
                client.cookies.clear()
                # Web pages authenticate by cookie: log in through the form.
                page = client.get("/login")
                token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
                assert token
                client.post(
                    "/login",
                    data={
                        "csrf_token": token.group(1),
                        "username": user.replace("_", "."),
                        "password": "Test-Passw0rd-2567",
                    },
                )
                for path, _methods in routes:
                    targets = [path]
                    if "{report_id}" in path:
                        targets = [
                            path.replace("{report_id}", str(i)) for i in range(1, largest + 1)
                        ]
                    elif "{" in path:
                        continue
                    for target in targets:
                        for query in ("", "?q=ZX" if "search" in target else ""):
                            answer = client.get(
                                target + query,
                                headers=headers if target.startswith("/api/") else None,
                            )
                            assert answer.status_code < 500, (user, target, answer.text[:300])
                            for title in hidden:
                                assert title not in answer.text, (user, target, title)
                            if "{report_id}" in path and answer.status_code == 200:
                                assert any(title in answer.text for title in shown)
                for title, (uid, _seen) in reports.items():
                    rid = _held(node, uid)
                    if rid is None:
                        continue
                    status = client.get(f"/api/v1/reports/{rid}", headers=headers).status_code
                    assert status == 200, (user, title, status)
                    assert client.get(f"/reports/{rid}").status_code == 200
                listing = client.get("/api/v1/reports?per_page=200", headers=headers).json()
                assert {r["title"] for r in listing["items"]} == shown, user
                found = client.get("/api/v1/reports/search?q=narrative", headers=headers).json()
                assert {r["title"] for r in found} == shown, user


def test_routes_never_query_protected_tables_directly() -> None:
    """Delivery code loads reports only through the domain services (which go through authz)."""
    import mekongx.api
    import mekongx.web

    offenders = []
    for package in (mekongx.api, mekongx.web):
        for path in Path(inspect.getfile(package)).parent.rglob("*.py"):
            source = path.read_text()
            if re.search(
                r"select\(\s*IntelReport|session\.get\(\s*IntelReport|query\(\s*IntelReport", source
            ):
                offenders.append(str(path))
    assert offenders == []


def test_received_copies_and_other_agencies_records_are_read_only(
    world: Any, nodes: dict[str, Any], reports: dict[str, tuple[str, set[str]]], token_for: Any
) -> None:
    nncc = nodes["NNCC"]
    uid, _ = reports["ZXTONNCC"]
    copy = _held(nncc, uid)
    with nncc.app() as client:  # the received copy, on the receiving node
        answer = client.put(
            f"/api/v1/reports/{copy}",
            json={"title": "changed", "narrative": "x", "language": "en",
                  "source_reliability": "A", "info_reliability": 1},
            headers=nncc.token("chinese_liaison"),
        )  # fmt: skip
        assert answer.status_code == 403
    app = create_app(world.settings, world.db)
    rid = _held(world, uid)
    body = {
        "title": "changed",
        "narrative": "x",
        "language": "en",
        "source_reliability": "A",
        "info_reliability": 1,
    }
    with TestClient(app) as client:
        viewer = client.put(f"/api/v1/reports/{rid}", json=body, headers=token_for("thai_viewer"))
        assert viewer.status_code == 403
        analyst_release = client.post(
            "/api/v1/reports",
            json={**body, "distribution": "peers", "recipients": ["NNCC"]},
            headers=token_for("thai_analyst"),
        )
        assert analyst_release.status_code == 403
