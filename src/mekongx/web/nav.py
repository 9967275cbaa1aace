"""The main menu, assembled from the page modules: each may declare ``NAV = [NavItem(...)]``."""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass
from functools import cache, lru_cache
from types import ModuleType

from mekongx.authz import Permission, Principal
from mekongx.authz.permissions import roles_with
from mekongx.i18n import translator
from mekongx.model.identity import Role


@dataclass(frozen=True)
class NavItem:
    order: int
    path: str
    label: str  # msgid, marked with N_()
    permission: Permission = Permission.READ_RECORDS


@cache
def page_modules() -> tuple[ModuleType, ...]:
    """Every module of ``mekongx.web.pages`` (each defines a ``router``), in name order."""
    import mekongx.web.pages as pages

    names = sorted(m.name for m in pkgutil.iter_modules(pages.__path__))
    return tuple(importlib.import_module(f"mekongx.web.pages.{name}") for name in names)


@cache
def _items() -> tuple[NavItem, ...]:
    items = [item for module in page_modules() for item in getattr(module, "NAV", [])]
    return tuple(sorted(items, key=lambda i: i.order))


def links(principal: Principal, lang: str, here: str) -> list[tuple[str, str, bool]]:
    """The menu as a page shows it: (path, label in ``lang``, whether the page at ``here`` is
    in that item's part of the node). The labels are translated once per role and language,
    not on every page (18 items: translating and testing them in the template was 0.28 ms of
    every page's 0.45 ms of ``base.html``)."""
    return [(path, label, here == path or (path != "/" and here.startswith(path)))
            for path, label in _labelled(principal.role, lang)]  # fmt: skip


@lru_cache(maxsize=256)
def _labelled(role: Role, lang: str) -> tuple[tuple[str, str], ...]:
    _ = translator(lang)
    return tuple((item.path, _(item.label)) for item in _items() if role in roles_with(item.permission))  # fmt: skip
