"""The node's static assets (stylesheets, scripts, vendored libraries): cached by browsers for a
year and sent compressed.

Pages name an asset through :func:`asset_url`, which adds the digest of every asset's content
(``/static/mekongx.css?v=1a2b…``): a changed file gets a new address, so the answer to an
address that carries the current digest may be cached for a year (``immutable``); without it
(an old or hand-typed address) the browser revalidates each time. Text assets are gzipped once
per process, in memory, for clients that accept it (no build step, nothing written to disk).
"""

from __future__ import annotations

import gzip
import hashlib
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from starlette.datastructures import Headers
from starlette.responses import Response
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

YEAR = 365 * 24 * 3600
COMPRESSED = {".css", ".js", ".svg", ".json", ".txt", ".map"}


def static_dir() -> Path:
    return Path(str(resources.files("mekongx.web") / "static"))


@lru_cache(maxsize=1)
def asset_digest() -> str:
    """A short digest of every asset's name and content (computed once per process)."""
    digest = hashlib.sha256()
    root = static_dir()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def asset_url(path: str) -> str:
    """The address of a static asset, with the digest that lets browsers cache it for a year."""
    return f"/static/{path.lstrip('/')}?v={asset_digest()}"


@lru_cache(maxsize=256)
def _gzipped(path: str, mtime: float) -> bytes:
    return gzip.compress(Path(path).read_bytes(), compresslevel=9, mtime=0)


class Assets(StaticFiles):
    """Starlette's static files with the cache lifetime and compression described above."""

    def file_response(
        self, full_path: Any, stat_result: Any, scope: Scope, status_code: int = 200
    ) -> Response:
        headers = Headers(scope=scope)
        versioned = f"v={asset_digest()}".encode() in scope.get("query_string", b"")
        cache = f"public, max-age={YEAR}, immutable" if versioned else "no-cache"
        path = Path(full_path)
        if path.suffix in COMPRESSED and "gzip" in headers.get("accept-encoding", ""):
            plain = super().file_response(full_path, stat_result, scope, status_code)
            etag = plain.headers.get("etag", '""')[:-1] + '-gz"'
            common = {"cache-control": cache, "vary": "Accept-Encoding", "etag": etag}
            if etag in headers.get("if-none-match", ""):
                return Response(status_code=304, headers=common)
            return Response(
                _gzipped(str(path), stat_result.st_mtime),
                status_code=status_code,
                media_type=plain.media_type,
                headers={**common, "content-encoding": "gzip"},
            )
        response = super().file_response(full_path, stat_result, scope, status_code)
        response.headers["cache-control"] = cache
        if path.suffix in COMPRESSED:
            response.headers["vary"] = "Accept-Encoding"
        return response
