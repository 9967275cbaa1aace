"""Version 1 of the REST API: every module of this package with a ``router`` is included."""

import importlib
import pkgutil

from fastapi import APIRouter

router = APIRouter(prefix="/api/v1")
for _module in sorted(m.name for m in pkgutil.iter_modules(__path__)):
    _routes = getattr(importlib.import_module(f"{__name__}.{_module}"), "router", None)
    if isinstance(_routes, APIRouter):
        router.include_router(_routes)

__all__ = ["router"]
