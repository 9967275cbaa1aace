"""Burmese typed in Zawgyi, converted to Unicode before any request body reaches a page or the API.

Every posted body passes through here, whatever carries it: a form
(``application/x-www-form-urlencoded``), a form with files (``multipart/form-data``: its text
fields, not its files, which the table reader converts cell by cell) and a JSON body (the API:
every string value, at any depth). A value typed in the Zawgyi encoding
(``mekongx.text.zawgyi``) is replaced by its Unicode form, so no area stores Zawgyi and no area
needs code for it. The rest of the body is left byte for byte as it came (a JSON number keeps
its digits).

The user is told: a page learns which fields were converted from
``request.state.zawgyi_fields`` and, after a redirect, from a short-lived cookie
(``web/render.py``); an API answer carries the header ``X-MekongX-Zawgyi-Converted`` naming the
converted fields (``title``, ``delegates[0].name``). Forms and JSON bodies above ``LIMIT`` and
multipart bodies above ``multipart_limit`` (8 MB, or the node's upload limit if lower: the
body is held whole before anyone is logged in) pass unchanged, as does
everything addressed to ``/federation`` (signed envelopes are never touched).
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import parse_qsl, urlencode

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mekongx.text.zawgyi import normalise

COOKIE = "mekongx_zawgyi"
HEADER = "X-MekongX-Zawgyi-Converted"
LIMIT = 1024 * 1024
_FORM = b"application/x-www-form-urlencoded"
_MULTIPART = b"multipart/form-data"
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.S)
_MAYBE_MYANMAR = re.compile(r"[\u1000-\u109f]|\\u10[0-9a-f]{2}", re.I)


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


def _changed_paths(before: Any, after: Any, path: str = "") -> list[str]:
    if isinstance(before, dict) and isinstance(after, dict):
        return [
            found
            for key in before
            if key in after
            for found in _changed_paths(before[key], after[key], f"{path}.{key}" if path else key)
        ]
    if isinstance(before, list) and isinstance(after, list):
        return [
            found
            for i, (b, a) in enumerate(zip(before, after, strict=False))
            for found in _changed_paths(b, a, f"{path}[{i}]")
        ]
    return [path or "$"] if before != after else []


def convert_json(body: bytes) -> tuple[bytes, list[str]]:
    """The JSON body with every Zawgyi string in Unicode, and the paths of the converted values.

    Only the string literals that were Zawgyi are rewritten; everything else stays as sent."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return body, []
    if not _MAYBE_MYANMAR.search(text):
        return body, []
    try:
        before = json.loads(text)
    except ValueError:
        return body, []  # the API answers the malformed body itself

    def literal(match: re.Match[str]) -> str:
        value, changed = normalise(json.loads(match.group(0)))
        return json.dumps(value, ensure_ascii=False) if changed else match.group(0)

    converted = _JSON_STRING.sub(literal, text)
    if converted == text:
        return body, []
    return converted.encode("utf-8"), _changed_paths(before, json.loads(converted))


def _boundary(content_type: bytes) -> bytes | None:
    for param in content_type.split(b";")[1:]:
        name, _, value = param.strip().partition(b"=")
        if name.lower() == b"boundary" and value:
            return value.strip(b'"')
    return None


def _part_name(headers: bytes) -> tuple[str | None, bool]:
    """The field name of a multipart part and whether it is a plain text field (no file)."""
    name, text = None, True
    for line in headers.decode("utf-8", "replace").split("\r\n"):
        key, _, value = line.partition(":")
        if key.strip().lower() == "content-disposition":
            found = re.search(r'(?:^|;)\s*name="([^"]*)"', value)
            name = found.group(1) if found else None
            text = text and re.search(r";\s*filename\*?=", value) is None
        elif key.strip().lower() == "content-type":
            text = text and value.strip().lower().startswith("text/plain")
    return name, text


def convert_multipart(body: bytes, content_type: bytes) -> tuple[bytes, list[str]]:
    """The multipart body with its Zawgyi text fields in Unicode (files untouched), and the
    names of the converted fields."""
    boundary = _boundary(content_type)
    if boundary is None:
        return body, []
    delimiter = b"--" + boundary
    pieces = body.split(delimiter)
    converted: list[str] = []
    for index in range(1, len(pieces) - 1):  # the first is the preamble, the last the epilogue
        head, sep, content = pieces[index].partition(b"\r\n\r\n")
        if not sep or not content.endswith(b"\r\n"):
            continue
        name, plain = _part_name(head)
        if name is None or not plain:
            continue
        try:
            value = content[:-2].decode("utf-8")
        except UnicodeDecodeError:
            continue
        text, changed = normalise(value)
        if changed:
            converted.append(name)
            pieces[index] = head + sep + text.encode("utf-8") + b"\r\n"
    if not converted:
        return body, []
    return delimiter.join(pieces), converted


class ZawgyiInput:
    """ASGI middleware: see the module's docstring."""

    def __init__(self, app: ASGIApp, multipart_limit: int = 8 * LIMIT) -> None:
        self.app = app
        self.multipart_limit = multipart_limit

    def _kind(self, scope: Scope) -> tuple[str, bytes, int] | None:
        if scope["type"] != "http" or scope["method"] not in {"POST", "PUT", "PATCH"}:
            return None
        if scope["path"].startswith("/federation"):
            return None
        content_type = dict(scope.get("headers", ())).get(b"content-type", b"")
        media = content_type.split(b";")[0].strip().lower()
        if media == _FORM:
            return "form", content_type, LIMIT
        if media == _MULTIPART:
            return "multipart", content_type, self.multipart_limit
        if media == b"application/json" or media.endswith(b"+json"):
            return "json", content_type, LIMIT
        return None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        kind = self._kind(scope)
        if kind is None:
            await self.app(scope, receive, send)
            return
        form, content_type, limit = kind
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
            if size > limit:
                break
        body = b"".join(chunks)
        fields: list[str] = []
        if not more and not tail:
            if form == "form":
                body, fields = convert_form(body)
            elif form == "multipart":
                body, fields = convert_multipart(body, content_type)
            else:
                body, fields = convert_json(body)
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
            if fields and message["type"] == "http.response.start":
                extra: list[tuple[bytes, bytes]] = []
                if form == "json":
                    names = ", ".join(fields).encode("ascii", "backslashreplace")
                    extra.append((HEADER.lower().encode(), names))
                elif 300 <= message["status"] < 400:
                    cookie = f"{COOKIE}=1; Max-Age=60; Path=/; HttpOnly; SameSite=Strict"
                    extra.append((b"set-cookie", cookie.encode()))
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, replayed, sending)
