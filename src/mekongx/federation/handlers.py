"""What to do with a received payload, by its ``kind``. Areas register their handlers at start-up
(see ``mekongx.wiring``); the exchange itself knows no area."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from mekongx.errors import MekongXError


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

Item = tuple[Received, Mapping[str, Any]]
BatchHandler = Callable[[Session, Sequence[Item]], list[tuple[str, str]] | None]
"""Optional, for kinds that arrive in volume: applies a run of consecutive envelopes of one kind
with bulk statements and returns ``(status, record uid)`` per item in order, where status is
``applied`` or ``refused:<code>:<why>``. It returns None to decline a run it cannot take in bulk
(the exchange then calls the per-envelope handler for each item); if it raises, its savepoint is
rolled back and the exchange does the same. Its effect must equal the per-envelope handler's."""

_HANDLERS: dict[str, Handler] = {}
_BATCH_HANDLERS: dict[str, BatchHandler] = {}


def register(kind: str, handler: Handler, *, batch: BatchHandler | None = None) -> None:
    _HANDLERS[kind] = handler
    if batch is not None:
        _BATCH_HANDLERS[kind] = batch
    else:
        _BATCH_HANDLERS.pop(kind, None)


def handler_for(kind: str) -> Handler | None:
    return _HANDLERS.get(kind)


def batch_handler_for(kind: str) -> BatchHandler | None:
    return _BATCH_HANDLERS.get(kind)


def refusal(error: Exception) -> str:
    """The receipt status for a payload the area refuses (the same text however it was applied)."""
    if isinstance(error, MekongXError):
        return f"refused:{error.code}:{error}"[:200]
    return f"refused:malformed-payload:{type(error).__name__}"


def kinds() -> list[str]:
    return sorted(_HANDLERS)
