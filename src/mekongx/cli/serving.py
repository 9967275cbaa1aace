"""Running one node process: the web server, the delivery worker beside it, and the mutual-TLS
federation listener when the node has a certificate."""

from __future__ import annotations

import asyncio
import logging
import ssl
import threading
from datetime import timedelta

import uvicorn

from mekongx.app import create_app
from mekongx.cli.exchange import transport_for
from mekongx.domains.rfi.service import periodic as rfi_clock
from mekongx.federation.delivery import run_worker
from mekongx.settings import Settings

log = logging.getLogger("mekongx.serve")


def serve_node(settings: Settings, host: str, port: int, *, log_level: str = "info") -> None:
    app = create_app(settings)
    node = app.state.node
    configs = [uvicorn.Config(app, host=host, port=port, proxy_headers=True, log_level=log_level)]
    if settings.federation_port and settings.tls_cert and settings.tls_key and settings.tls_peer_ca:
        configs.append(
            uvicorn.Config(
                app,
                host=host,
                port=settings.federation_port,
                ssl_certfile=str(settings.tls_cert),
                ssl_keyfile=str(settings.tls_key),
                ssl_ca_certs=str(settings.tls_peer_ca),
                ssl_cert_reqs=ssl.CERT_REQUIRED,  # mutual TLS: peers present their agency CA's certificate
                log_level=log_level,
            )
        )
    stop = threading.Event()
    worker = None
    if settings.worker and node.keys is not None:
        worker = threading.Thread(
            target=run_worker,
            args=(node.db, node.keys, settings.node_agency, transport_for(settings), stop),
            kwargs={
                "max_backoff": timedelta(seconds=settings.retry_max_seconds),
                "periodic": rfi_clock(node.db),
            },
            name="delivery-worker",
            daemon=True,
        )
        worker.start()
    servers = [uvicorn.Server(config) for config in configs]

    async def run_all() -> None:
        await asyncio.gather(*(server.serve() for server in servers))

    try:
        asyncio.run(run_all())
    finally:
        stop.set()
        if worker is not None:
            worker.join(timeout=5)
