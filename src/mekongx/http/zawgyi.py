"""Burmese typed in Zawgyi, converted to Unicode before any form reaches a page.

Every posted form (``application/x-www-form-urlencoded``) passes through here: a value typed in
the Zawgyi encoding (``mekongx.text.zawgyi``) is replaced by its Unicode form, so no area stores
Zawgyi and no area needs code for it. The page learns which fields were converted from
``request.state.zawgyi_fields``; after a redirect, a short-lived cookie carries the fact to the
next page, which tells the user (``web/render.py``). Bodies above ``LIMIT`` pass unchanged.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mekongx.text.zawgyi import normalise

COOKIE = "mekongx_zawgyi"
LIMIT = 1024 * 1024
_FORM = b"application/x-www-form-urlencoded"


def convert_form(body: bytes) -> tuple[bytes, list[str]]:
    """The form body with its Zawgyi values in Unicode, and the names of the converted fields."""
    try:
        pairs = parse_qsl(body.decode("ascii"), keep_blank_values=True, errors="strict")
    except (UnicodeDecodeError, ValueError):
        return body, []
    converted: list[str] = []
    result = []
    for name, value in pairs:
        text, changed = normalise(value)
        if changed:
            converted.append(name)
        result.append((name, text))
    if not converted:
        return body, []
    return urlencode(result).encode("ascii"), converted


class ZawgyiForms:
    """ASGI middleware: see the module's docstring."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        headers = dict(scope.get("headers", ())) if scope["type"] == "http" else {}
        if (
            scope["type"] != "http"
            or scope["method"] not in {"POST", "PUT", "PATCH"}
            or not headers.get(b"content-type", b"").startswith(_FORM)
        ):
            await self.app(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        more = True
        tail: list[Message] = []
        while more:
            message = await receive()
            if message["type"] != "http.request":
                tail.append(message)
                break
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            more = message.get("more_body", False)
            if size > LIMIT:
                break
        body = b"".join(chunks)
        fields: list[str] = []
        if not more and not tail:
            body, fields = convert_form(body)
        if fields:
            scope.setdefault("state", {})["zawgyi_fields"] = fields
            scope["headers"] = [
                (k, str(len(body)).encode() if k == b"content-length" else v)
                for k, v in scope["headers"]
            ]
        replay: list[Message] = [{"type": "http.request", "body": body, "more_body": more}, *tail]

        async def replayed() -> Message:
            return replay.pop(0) if replay else await receive()

        async def sending(message: Message) -> None:
            if (
                fields
                and message["type"] == "http.response.start"
                and 300 <= message["status"] < 400
            ):
                cookie = f"{COOKIE}=1; Max-Age=60; Path=/; HttpOnly; SameSite=Strict"
                message = {
                    **message,
                    "headers": [*message.get("headers", []), (b"set-cookie", cookie.encode())],
                }
            await send(message)

        await self.app(scope, replayed, sending)
