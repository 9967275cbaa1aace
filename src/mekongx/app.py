"""The composition root: builds the web application of one node from its settings."""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources

from fastapi import FastAPI
from starlette.requests import Request
from starlette.responses import JSONResponse

from mekongx import __version__
from mekongx.api import federation as federation_api
from mekongx.api import v1 as api_v1
from mekongx.db import Database
from mekongx.federation.gate import RefusalGate
from mekongx.federation.keys import NodeKeys
from mekongx.federation.keystore import load_node_keys
from mekongx.http.context import RequestContextMiddleware
from mekongx.http.errors import install_error_handlers
from mekongx.http.node import Node
from mekongx.http.routing import dispatch_by_prefix
from mekongx.http.static import Assets, static_dir
from mekongx.http.zawgyi import ZawgyiInput
from mekongx.settings import Settings, get_settings
from mekongx.web.nav import page_modules
from mekongx.web.render import render_error
from mekongx.wiring import install as install_handlers
from mekongx.wiring import warm_up


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    """While the process serves: the areas warm up in a thread beside the first requests."""
    threading.Thread(target=warm_up, name="mekongx-warm-up", daemon=True).start()
    yield


def create_app(settings: Settings | None = None, database: Database | None = None) -> FastAPI:
    settings = settings or get_settings()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    app = FastAPI(
        title="MekongX node API",
        version=__version__,
        description=(
            "REST API of one MekongX node. Authenticate with `Authorization: Bearer <token>` "
            "(create tokens on your profile page). Errors are JSON objects naming the field and "
            "the problem, in your language (Accept-Language or your profile setting)."
        ),
        openapi_url="/api/v1/openapi.json",
        docs_url=None,  # /api/v1/docs is rendered on the node (web/pages/apidocs.py), no CDN
        redoc_url=None,
        lifespan=_lifespan,
    )
    install_handlers()
    keys = load_node_keys(settings) if (settings.keys_dir / NodeKeys.CURRENT).exists() else None
    app.state.node = Node(
        settings,
        database or Database(settings.effective_database_url, **settings.database_options),
        keys,
        RefusalGate(settings.federation_refusals_per_minute),
        RefusalGate(settings.login_client_attempts, name="web login"),
    )
    # a form with files may be as large as the upload limit (and its text fields beside the file)
    # a body is held whole only up to 8 MB (or the upload limit) before anyone is logged in:
    # a larger upload's text fields pass unconverted (its table cells are converted when read)
    app.add_middleware(
        ZawgyiInput, multipart_limit=min(settings.upload_max_mb + 1, 8) * 1024 * 1024
    )
    app.add_middleware(RequestContextMiddleware)
    install_error_handlers(app, render_error)
    # the fonts of generated documents serve the pages too (Lao, Khmer, Burmese: mekongx.css)
    fonts = resources.files("mekongx.documents") / "fonts"
    app.mount("/static/fonts", Assets(directory=str(fonts)), name="fonts")
    app.mount("/static", Assets(directory=str(static_dir())), name="static")
    for router in api_v1.routers:  # the federation endpoints are not here: see below
        app.include_router(router, prefix=api_v1.PREFIX)
    for module in page_modules():
        app.include_router(module.router, include_in_schema=False)

    @app.get("/healthz", include_in_schema=False)
    def healthz(request: Request) -> JSONResponse:
        return JSONResponse({"status": "ok", "version": __version__})

    dispatch_by_prefix(app.router)
    return app


def settle(app: FastAPI) -> FastAPI:
    """An application built to serve, with what the process holds once it is built (about
    500,000 objects: modules, schemas, routes, catalogues) moved out of the garbage
    collector's sight (``gc.freeze``). Every full collection walked them all, a pause of
    0.2-0.3 s of CPU that fell on whichever request was running (up to 12 ms more per page on the
    twenty pages of a list measured by ``benchmarks/api_load.py``); it now walks what requests
    leave (about 50,000 objects, 0.03 s). For the processes that serve
    (``mekongx serve``, its workers, the listener), not for tests that build many
    applications (a frozen object is never collected)."""
    gc.collect()
    gc.freeze()
    return app


def create_federation_app(node: Node, *, mutual_tls: bool) -> FastAPI:
    """The federation listener's application: ``/federation/v1`` and nothing else (no UI, no
    login, no API), sharing the node (database, keys, refusal counts) with the web application.
    ``mutual_tls``: served with client certificates required (each request must carry one
    issued by the claimed sender's pinned CA); otherwise only loopback clients are answered."""
    app = FastAPI(openapi_url=None, docs_url=None, redoc_url=None)
    app.state.node = node
    app.state.refusals = node.refusals
    app.state.mutual_tls = mutual_tls
    app.include_router(federation_api.router)
    return app
