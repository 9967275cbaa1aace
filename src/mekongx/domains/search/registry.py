"""The search providers of the areas and the one function the search page calls.

A provider takes the session, the user and the query and returns :class:`Found` items, at most
``limit``, only records the user may see (it loads them through ``authz.visible``/``access``).
``area`` is a msgid the page translates; the order of areas on the page is ``order``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.orm import Session

from mekongx.authz import Permission, Principal, require


@dataclass(frozen=True)
class Found:
    area: str  # msgid (N_), e.g. "Wanted persons"
    order: int
    title: str
    url: str
    detail: str = ""  # a short line: the agency, a matched alias, a warrant number…


Provider = Callable[[Session, Principal, str, int], list[Found]]
_PROVIDERS: dict[str, Provider] = {}


def register(name: str, provider: Provider) -> None:
    _PROVIDERS[name] = provider


def search(session: Session, principal: Principal, query: str, limit: int = 20) -> list[Found]:
    """Every area's results for ``query``, grouped by area."""
    require(principal, Permission.READ_RECORDS)
    query = query.strip()[:200]
    if not query:
        return []
    found = [hit for name in sorted(_PROVIDERS) for hit in _PROVIDERS[name](session, principal, query, limit)]  # fmt: skip
    return sorted(found, key=lambda f: f.order)
