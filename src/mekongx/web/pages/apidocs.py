"""The REST API reference at ``/api/v1/docs``, rendered on the node from its OpenAPI document.

FastAPI's Swagger page loads its script from a CDN, which an offline node (and its content
security policy, ``'self'`` only) cannot; this page needs no script at all. The machine-readable
document stays at ``/api/v1/openapi.json``."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from mekongx.web.render import render

router = APIRouter()
METHODS = ("get", "post", "put", "patch", "delete")


def _schema_name(body: dict[str, Any]) -> str:
    for media in body.get("content", {}).values():
        ref = str(media.get("schema", {}).get("$ref", ""))
        if ref:
            return ref.rsplit("/", 1)[-1]
    return ""


def operations(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """One entry per path and method, grouped by tag in the order of the document."""
    found = []
    for path, item in spec.get("paths", {}).items():
        for method in METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            found.append(
                {
                    "tag": (operation.get("tags") or ["node"])[0],
                    "method": method.upper(),
                    "path": path,
                    "summary": operation.get("summary", ""),
                    "description": operation.get("description", ""),
                    "parameters": [
                        (p["name"], p.get("in", ""), p.get("required", False))
                        for p in operation.get("parameters", [])
                    ],
                    "body": _schema_name(operation.get("requestBody", {})),
                    "responses": sorted(operation.get("responses", {})),
                }
            )
    return sorted(found, key=lambda o: (o["tag"], o["path"], METHODS.index(o["method"].lower())))


@router.get("/api/v1/docs", include_in_schema=False)
def api_docs(request: Request) -> Response:
    spec = request.app.openapi()
    return render(
        request,
        "apidocs.html",
        spec=spec,
        operations=operations(spec),
        schemas=sorted(spec.get("components", {}).get("schemas", {}).items()),
    )
