"""The main menu, assembled from the page modules: each may declare ``NAV = [NavItem(...)]``."""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass
from functools import cache
from types import ModuleType

from mekongx.authz import Permission, Principal, can


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


def menu(principal: Principal) -> list[NavItem]:
    return [item for item in _items() if can(principal, item.permission).allowed]
