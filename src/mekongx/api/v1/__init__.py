"""Version 1 of the REST API: every module of this package with a ``router`` is included."""

import importlib
import pkgutil

from fastapi import APIRouter

PREFIX = "/api/v1"
# the areas' routers, in name order: the application includes each under PREFIX (one level of
# inclusion: FastAPI matches a request twice per level)
routers: list[APIRouter] = []
for _module in sorted(m.name for m in pkgutil.iter_modules(__path__)):
    _routes = getattr(importlib.import_module(f"{__name__}.{_module}"), "router", None)
    if isinstance(_routes, APIRouter):
        routers.append(_routes)

__all__ = ["PREFIX", "routers"]
