"""The REST API: validation errors name the field, in the caller's language; never a 500."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

GOOD = {
    "title": "T",
    "narrative": "N",
    "language": "en",
    "source_reliability": "B",
    "info_reliability": 2,
}


def test_create_read_update_cycle(app_client: TestClient, token_for: Any) -> None:
    headers = token_for("thai_liaison")
    created = app_client.post(
        "/api/v1/reports",
        json={**GOOD, "distribution": "peers", "recipients": ["nncc"]},
        headers=headers,
    )
    assert created.status_code == 201, created.text
    body = created.json()
    assert (
        body["recipients"] == ["NNCC"] and body["origin_agency"] == "ONCB" and body["version"] == 1
    )
    updated = app_client.put(
        f"/api/v1/reports/{body['id']}",
        json={**GOOD, "title": "T2", "expected_version": 1},
        headers=headers,
    )
    assert updated.status_code == 200 and updated.json()["version"] == 2
    stale = app_client.put(
        f"/api/v1/reports/{body['id']}", json={**GOOD, "expected_version": 1}, headers=headers
    )
    assert stale.status_code == 409


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"title": ""}, "title"),
        ({"title": "x" * 301}, "title"),
        ({"language": "fr"}, "language"),
        ({"info_reliability": 7}, "info_reliability"),
        ({"info_reliability": "high"}, "info_reliability"),
        ({"source_reliability": "Z"}, "source_reliability"),
        ({"handling_code": "H3"}, "handling_note"),
        ({"distribution": "peers"}, "recipients"),
        ({"distribution": "group"}, "sharing_group"),
        ({"colour": "red"}, "colour"),
        ({"distribution": "peers", "recipients": ["ATLANTIS"]}, "recipients"),
        ({"distribution": "group", "sharing_group": "NOPE"}, "sharing_group"),
    ],
)
def test_bad_fields_are_named(
    app_client: TestClient, token_for: Any, change: dict[str, Any], field: str
) -> None:
    answer = app_client.post(
        "/api/v1/reports", json={**GOOD, **change}, headers=token_for("thai_liaison")
    )
    assert answer.status_code == 422, answer.text
    error = answer.json()["error"]
    assert error["code"] == "invalid"
    assert field in [f["field"] for f in error["fields"]]


def test_errors_in_thai_and_chinese(world: Any, app_client: TestClient, token_for: Any) -> None:
    headers = token_for("thai_liaison")
    thai = app_client.post(
        "/api/v1/reports", json={**GOOD, "title": ""}, headers=headers
    )  # the user's language is th
    assert thai.json()["error"]["fields"][0]["message"] == "จำเป็นต้องกรอกช่องนี้"
    nncc = world.partner("NNCC")  # a Chinese-speaking user, on NNCC's node
    with nncc.app() as there:
        chinese = there.get("/api/v1/reports/999999", headers=nncc.token("chinese_liaison"))
    assert chinese.status_code == 404 and chinese.json()["error"]["message"] == "找不到该记录。"
    anonymous = app_client.get("/api/v1/me", headers={"Accept-Language": "zh-CN,zh;q=0.9"})
    assert anonymous.json()["error"]["message"] == "请先登录。"


@pytest.mark.parametrize(
    "body",
    [
        b"{not json",
        b"[]",
        b'"text"',
        b"null",
        b'{"title": {"$gt": ""}}',
        '{"title": "\u0000"}'.encode(),
        b"\xff\xfe",
    ],
)
def test_hostile_bodies_never_500(app_client: TestClient, token_for: Any, body: bytes) -> None:
    headers = {**token_for("thai_liaison"), "Content-Type": "application/json"}
    answer = app_client.post("/api/v1/reports", content=body, headers=headers)
    assert answer.status_code == 422, answer.text
    assert answer.json()["error"]["fields"]


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/reports?page=0",
        "/api/v1/reports?page=abc",
        "/api/v1/reports?per_page=100000",
        "/api/v1/reports?handling_code=H9",
        "/api/v1/reports/abc",
        "/api/v1/reports/-1",
        "/api/v1/reports/99999999999999999999",
        "/api/v1/reports/search?q=",
        "/api/v1/reports/search?q=" + "x" * 500,
        "/api/v1/reports/search?q=%22%20OR%201%3D1%20--",
        "/api/v1/reports/search?q=NEAR(a%20b)%20*",
        "/api/v1/audit",
        "/api/v1/users",
    ],
)
def test_hostile_queries_never_500(app_client: TestClient, token_for: Any, path: str) -> None:
    answer = app_client.get(path, headers=token_for("thai_analyst"))
    assert answer.status_code in (200, 403, 404, 422), (path, answer.text)
    if answer.status_code != 200:
        assert answer.json()["error"]["message"]


@pytest.mark.parametrize(
    "path",
    ["/api/v1/reports", "/api/v1/training/courses", "/api/v1/prevention/programmes",
     "/api/v1/finance/cases", "/api/v1/mekong/operations", "/api/v1/audit"],
)  # fmt: skip
def test_every_list_bounds_its_cursor_and_page_alike(
    app_client: TestClient, token_for: Any, path: str
) -> None:
    """The lists share one set of page parameters (``http.params``): a cursor or page beyond
    what a row id can be is refused with the field named, not sent to the database."""
    headers = token_for("thai_admin" if path.endswith("audit") else "thai_analyst")
    for query in ("after=9999999999", "after=0", "page=0"):
        answer = app_client.get(f"{path}?{query}", headers=headers)
        assert answer.status_code == 422, (path, query, answer.text)
        assert answer.json()["error"]["fields"], (path, query)


def test_pagination(app_client: TestClient, world: Any, token_for: Any) -> None:
    for i in range(7):
        world.report("thai_analyst", title=f"R{i}")
    headers = token_for("thai_viewer")
    first = app_client.get("/api/v1/reports?per_page=3", headers=headers).json()
    third = app_client.get("/api/v1/reports?per_page=3&page=3", headers=headers).json()
    assert first["total"] == 7 and len(first["items"]) == 3 and len(third["items"]) == 1
    assert first["items"][0]["title"] == "R6"


def test_admin_api_requires_admin(app_client: TestClient, token_for: Any) -> None:
    assert app_client.get("/api/v1/audit", headers=token_for("thai_liaison")).status_code == 403
    admin = token_for("thai_admin")
    audit = app_client.get("/api/v1/audit?per_page=5", headers=admin)
    assert audit.status_code == 200 and audit.json()["total"] > 0
    created = app_client.post(
        "/api/v1/users",
        json={
            "username": "new.user",
            "display_name": "N",
            "agency_code": "ONCB",
            "role": "viewer",
            "password": "short",
        },
        headers=admin,
    )
    assert (
        created.status_code == 422 and created.json()["error"]["fields"][0]["field"] == "password"
    )


def test_openapi_documents_the_api(app_client: TestClient) -> None:
    spec = app_client.get("/api/v1/openapi.json").json()
    assert "/api/v1/reports" in spec["paths"] and "/api/v1/reports/{report_id}" in spec["paths"]
    assert "ReportInput" in spec["components"]["schemas"]


def test_security_headers(app_client: TestClient) -> None:
    answer = app_client.get("/login")
    assert "default-src 'self'" in answer.headers["content-security-policy"]
    assert answer.headers["x-frame-options"] == "DENY"
    assert answer.headers["x-request-id"]
