"""Static assets: pages name them with the digest of their content, which browsers may cache for
a year; text assets come gzipped to clients that accept it, and revalidate by ETag."""

from __future__ import annotations

import gzip
import re
from typing import Any

from mekongx.http.static import static_dir


def test_pages_name_assets_that_may_be_cached_for_a_year(world: Any) -> None:
    client = world.app()
    page = client.get("/reports", headers=world.token("thai_analyst")).text
    [css] = re.findall(r'href="(/static/mekongx\.css\?v=[0-9a-f]{12})"', page)
    answer = client.get(css, headers={"Accept-Encoding": "gzip"})
    assert answer.status_code == 200
    assert answer.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert answer.headers["content-encoding"] == "gzip"
    assert answer.content == (static_dir() / "mekongx.css").read_bytes()  # decoded by httpx
    again = client.get(
        css, headers={"Accept-Encoding": "gzip", "If-None-Match": answer.headers["etag"]}
    )
    assert again.status_code == 304 and again.content == b""


def test_an_address_without_the_current_digest_is_revalidated(world: Any) -> None:
    client = world.app()
    for address in ("/static/mekongx.css", "/static/mekongx.css?v=000000000000"):
        answer = client.get(address, headers={"Accept-Encoding": "identity"})
        assert answer.status_code == 200
        assert answer.headers["cache-control"] == "no-cache"
        assert "content-encoding" not in answer.headers
    raw = client.get("/static/mekongx.css", headers={"Accept-Encoding": "gzip"})
    assert len(gzip.compress(raw.content)) < len(raw.content)
