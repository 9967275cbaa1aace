"""What to do with a received payload, by its ``kind``. Areas register their handlers at start-up
(see ``mekongx.wiring``); the exchange itself knows no area."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session


@dataclass(frozen=True)
class Received:
    """The verified header of a received envelope, given to the handler with its payload."""

    message_id: str
    type: str
    sender: str
    own_agency: str
    thread: str | None
    in_reply_to: str | None
    handling: str
    created: str


Handler = Callable[[Session, Received, Mapping[str, Any]], str]
"""A handler applies the payload in the given transaction and returns the record uid it touched."""

_HANDLERS: dict[str, Handler] = {}


def register(kind: str, handler: Handler) -> None:
    _HANDLERS[kind] = handler


def handler_for(kind: str) -> Handler | None:
    return _HANDLERS.get(kind)


def kinds() -> list[str]:
    return sorted(_HANDLERS)
