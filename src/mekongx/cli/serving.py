"""Running one node process: the web server, the delivery worker beside it, and the federation
listener (mutual TLS when the node has a certificate; plain HTTP on loopback outside
production). The two listeners serve different applications: the web port never answers
``/federation/v1`` and the federation port answers nothing else."""

from __future__ import annotations

import asyncio
import logging
import ssl
import threading
from datetime import timedelta
from typing import Any

import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from mekongx.api.federation import MTLS_SCOPE_KEY
from mekongx.app import create_app, create_federation_app, settle
from mekongx.cli.exchange import transport_for
from mekongx.federation.delivery import run_worker
from mekongx.settings import Settings
from mekongx.wiring import periodic

log = logging.getLogger("mekongx.serve")


class ClientCertificateProtocol(H11Protocol):
    """HTTP/1.1 over TLS that hands the application the client certificate the handshake
    verified (uvicorn does not): ``scope["mekongx.client_cert"]`` = its DER bytes, or None."""

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        ssl_object = transport.get_extra_info("ssl_object")
        der = ssl_object.getpeercert(binary_form=True) if ssl_object is not None else None
        inner = self.app

        async def app(scope: Any, receive: Any, send: Any) -> None:
            scope[MTLS_SCOPE_KEY] = der
            await inner(scope, receive, send)

        self.app = app


def web_config(
    settings: Settings, app: Any, host: str, port: int, log_level: str
) -> uvicorn.Config:
    """The web port; forwarded headers are believed only from the configured proxies."""
    proxies = [str(network) for network in settings.proxy_networks()]
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        proxy_headers=bool(proxies),
        forwarded_allow_ips=proxies or None,
        server_header=False,
        log_level=log_level,
    )


def federation_config(
    settings: Settings, app: Any, host: str, log_level: str
) -> uvicorn.Config | None:
    """The federation listener, or None when the node has none. Never reads forwarded headers."""
    if not settings.federation_port:
        return None
    common: dict[str, Any] = {
        "port": settings.federation_port,
        "proxy_headers": False,
        "server_header": False,
        "log_level": log_level,
    }
    if settings.federation_tls:
        return uvicorn.Config(
            create_federation_app(app.state.node, mutual_tls=True),
            host=host,
            ssl_certfile=str(settings.tls_cert),
            ssl_keyfile=str(settings.tls_key),
            ssl_ca_certs=str(settings.tls_peer_ca),
            ssl_cert_reqs=ssl.CERT_REQUIRED,  # peers present their agency CA's certificate
            http=ClientCertificateProtocol,
            **common,
        )
    if settings.env == "production":  # Settings refuses this too; never plain HTTP in production
        return None
    log.warning("federation listener without TLS: plain HTTP on 127.0.0.1 only (development)")
    return uvicorn.Config(
        create_federation_app(app.state.node, mutual_tls=False), host="127.0.0.1", **common
    )


def serve_node(settings: Settings, host: str, port: int, *, log_level: str = "info") -> None:
    app = settle(create_app(settings))
    node = app.state.node
    configs = [web_config(settings, app, host, port, log_level)]
    if (federation := federation_config(settings, app, host, log_level)) is not None:
        configs.append(federation)
    stop = threading.Event()
    worker = None
    if settings.worker and node.keys is not None:
        worker = threading.Thread(
            target=run_worker,
            args=(node.db, node.keys, settings.node_agency, transport_for(settings), stop),
            kwargs={
                "max_backoff": timedelta(seconds=settings.retry_max_seconds),
                "periodic": periodic(node.db, settings, node.keys),
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


def serve_listener(settings: Settings, host: str, *, log_level: str = "info") -> bool:
    """The federation listener alone (for nodes whose web port runs several processes with
    ``serve --workers N``); False when the node has none configured."""
    app = settle(create_app(settings))
    config = federation_config(settings, app, host, log_level)
    if config is None:
        return False
    uvicorn.Server(config).run()
    return True
