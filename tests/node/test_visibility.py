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
from starlette.routing import Mount, Route

from mekongx.app import create_app

USERS = [
    "thai_admin",
    "thai_analyst",
    "thai_liaison",
    "thai_viewer",
    "chinese_liaison",
    "lao_viewer",
    "myanmar_viewer",
]
AGENCY = {
    "thai_admin": "ONCB", "thai_analyst": "ONCB", "thai_liaison": "ONCB", "thai_viewer": "ONCB",
    "chinese_liaison": "NNCC", "lao_viewer": "LCDC", "myanmar_viewer": "CCDAC",
}  # fmt: skip


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
def reports(world: Any) -> dict[str, tuple[int, set[str]]]:
    """Title → (id, agencies that may see it)."""
    made = {
        "ZXOWNONLY": ("thai_liaison", {"distribution": "own"}, {"ONCB"}),
        "ZXTONNCC": (
            "thai_liaison",
            {"distribution": "peers", "recipients": ["NNCC"]},
            {"ONCB", "NNCC"},
        ),
        "ZXTOGROUP": (
            "thai_liaison",
            {"distribution": "group", "sharing_group": "SAFE-MEKONG"},
            {"ONCB", "NNCC", "LCDC"},
        ),
        "ZXNNCCOWN": ("chinese_liaison", {"distribution": "own"}, {"NNCC"}),
        "ZXNNCCTOLAO": (
            "chinese_liaison",
            {"distribution": "peers", "recipients": ["LCDC"]},
            {"NNCC", "LCDC"},
        ),
    }
    out = {}
    for title, (author, fields, seen_by) in made.items():
        out[title] = (
            world.report(
                author, title=title, narrative=f"{title} narrative", handling_code="H2", **fields
            ),
            seen_by,
        )
    return out


def test_every_route_respects_distribution(
    world: Any, reports: dict[str, tuple[int, set[str]]], token_for: Any
) -> None:
    app = create_app(world.settings, world.db)
    # Node-to-node routes (/federation) carry no user-visible records: they are tested in tests/federation.
    routes = [(p, m) for p, m in _routes(app) if "GET" in m and not p.startswith("/federation/")]
    assert len(routes) >= 12, routes
    with TestClient(app, follow_redirects=False) as client:
        for user in USERS:
            headers = token_for(user)
            client.cookies.clear()
            agency = AGENCY[user]
            hidden = {t for t, (_, seen) in reports.items() if agency not in seen}
            shown = {t for t, (_, seen) in reports.items() if agency in seen}
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
                    targets = [path.replace("{report_id}", str(rid)) for rid, _ in reports.values()]
                elif "{" in path:
                    continue
                for target in targets:
                    for query in ("", "?q=ZX" if "search" in target else ""):
                        answer = client.get(
                            target + query, headers=headers if target.startswith("/api/") else None
                        )
                        assert answer.status_code < 500, (user, target, answer.text[:300])
                        for title in hidden:
                            assert title not in answer.text, (user, target, title)
                        if "{report_id}" in path and answer.status_code == 200:
                            assert any(title in answer.text for title in shown)
            for title, (rid, seen) in reports.items():
                status = client.get(f"/api/v1/reports/{rid}", headers=headers).status_code
                assert status == (200 if agency in seen else 404), (user, title, status)
                assert client.get(f"/reports/{rid}").status_code == (200 if agency in seen else 404)
            listing = client.get("/api/v1/reports?per_page=200", headers=headers).json()
            assert {r["title"] for r in listing["items"]} == shown
            found = client.get("/api/v1/reports/search?q=narrative", headers=headers).json()
            assert {r["title"] for r in found} == shown


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
    world: Any, reports: dict[str, tuple[int, set[str]]], token_for: Any
) -> None:
    app = create_app(world.settings, world.db)
    rid, _ = reports["ZXTONNCC"]
    body = {
        "title": "changed",
        "narrative": "x",
        "language": "en",
        "source_reliability": "A",
        "info_reliability": 1,
    }
    with TestClient(app) as client:
        answer = client.put(
            f"/api/v1/reports/{rid}", json=body, headers=token_for("chinese_liaison")
        )
        assert answer.status_code == 403
        viewer = client.put(f"/api/v1/reports/{rid}", json=body, headers=token_for("thai_viewer"))
        assert viewer.status_code == 403
        analyst_release = client.post(
            "/api/v1/reports",
            json={**body, "distribution": "peers", "recipients": ["NNCC"]},
            headers=token_for("thai_analyst"),
        )
        assert analyst_release.status_code == 403
