"""The API reference is where the README says, works offline, and loads nothing from outside."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def test_api_docs_page_is_reachable_and_self_contained(app_client: Any) -> None:
    page = app_client.get("/api/v1/docs")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "POST /api/v1/reports" in page.text and "/api/v1/openapi.json" in page.text
    assert "cdn." not in page.text and '<script src="http' not in page.text
    assert app_client.get("/api/v1/openapi.json").json()["paths"]
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    assert "/api/v1/docs" in readme
