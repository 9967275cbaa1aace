"""Per-request context: request id, language, security headers."""

from __future__ import annotations

import re
import secrets

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Features no page of the node uses; denied to every frame.
PERMISSIONS = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), "
    "midi=(), magnetometer=(), gyroscope=(), accelerometer=(), display-capture=()"
)
HSTS = "max-age=31536000; includeSubDomains"  # sent only when the public URL is https
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; "
    "base-uri 'none'; object-src 'none'"
)


class RequestContextMiddleware:
    """Gives every request an id (kept from ``X-Request-ID`` when well-formed) and safe headers.

    A plain ASGI middleware: it adds the headers to the response's start message as it passes
    (Starlette's ``BaseHTTPMiddleware`` ran every request through a task and a stream of its
    own, a tenth of the cost of a small API answer)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = Headers(scope=scope).get("x-request-id", "")
        request_id = incoming if _REQUEST_ID.match(incoming) else secrets.token_hex(8)
        scope.setdefault("state", {})["request_id"] = request_id  # request.state.request_id
        https = scope["app"].state.node.settings.public_url.startswith("https://")
        static = scope["path"].startswith("/static/")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["X-Request-ID"] = request_id
                headers.setdefault("Content-Security-Policy", CSP)
                headers["X-Content-Type-Options"] = "nosniff"
                headers["X-Frame-Options"] = "DENY"
                headers["Referrer-Policy"] = "same-origin"
                headers["Permissions-Policy"] = PERMISSIONS
                if https:
                    headers["Strict-Transport-Security"] = HSTS
                if not static:
                    # Pages and API answers carry protected data: never kept in a shared or
                    # browser cache.
                    headers["Cache-Control"] = "no-store"
            await send(message)

        await self.app(scope, receive, send_with_headers)
