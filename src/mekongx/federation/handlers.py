"""What to do with a received payload, by its ``kind``. Areas register their handlers at start-up
(see ``mekongx.wiring``); the exchange itself knows no area."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError
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
    evaluation: str | None = None


Handler = Callable[[Session, Received, Mapping[str, Any]], str]
"""A handler applies the payload in the given transaction and returns the record uid it touched."""

Item = tuple[Received, Mapping[str, Any]]
BatchHandler = Callable[[Session, Sequence[Item]], list[tuple[str, str]] | None]
"""Optional, for kinds that arrive in volume: applies a run of consecutive envelopes of one kind
with bulk statements and returns ``(status, record uid)`` per item in order, where status is
``applied`` or ``refused:<code>:<why>``. It returns None to decline a run it cannot take in bulk
(the exchange then calls the per-envelope handler for each item); if it raises, its savepoint is
rolled back and the exchange does the same. Its effect must equal the per-envelope handler's."""

HANDLING_CODES = ("H0", "H1", "H2", "H3")


class RetractionPayload(BaseModel):
    """What every ``retraction`` carries, whatever the kind of the record it withdraws."""

    model_config = ConfigDict(extra="forbid", title="retraction")

    uid: str = Field(min_length=1, max_length=36)
    origin_agency: str = Field(min_length=1, max_length=16)
    reason: str = Field("", max_length=2000)


_HANDLERS: dict[str, Handler] = {}
_BATCH_HANDLERS: dict[str, BatchHandler] = {}
_SCHEMAS: dict[str, type[BaseModel]] = {}


def register(
    kind: str,
    handler: Handler,
    *,
    batch: BatchHandler | None = None,
    schema: type[BaseModel] | None = None,
) -> None:
    """Register the handler of ``kind`` and the pydantic model its payloads must satisfy (the
    same field rules as local input). Registering again without ``schema`` keeps the schema."""
    _HANDLERS[kind] = handler
    if schema is not None:
        _SCHEMAS[kind] = schema
    if batch is not None:
        _BATCH_HANDLERS[kind] = batch
    else:
        _BATCH_HANDLERS.pop(kind, None)


def schema_for(kind: str, type_: str = "information") -> type[BaseModel] | None:
    """The model a payload of ``kind`` carried by an envelope of ``type_`` must satisfy."""
    if kind not in _SCHEMAS:
        return None
    return RetractionPayload if type_ == "retraction" else _SCHEMAS[kind]


def schemas() -> dict[str, type[BaseModel]]:
    return dict(sorted(_SCHEMAS.items()))


def _where(error: ValidationError) -> str:
    """A short, stable account of what failed: ``title: string_type; handling_code: literal_error``."""
    parts = []
    for item in error.errors(include_url=False)[:3]:
        loc = ".".join(str(p) for p in item.get("loc", ())) or "payload"
        parts.append(f"{loc}: {item.get('type', 'invalid')}")
    return "; ".join(parts)


def check(received: Received, payload: Mapping[str, Any]) -> tuple[Mapping[str, Any], str]:
    """Validate a received payload before any handler sees it.

    Returns the payload as the schema normalised it and ``""``, or the payload unchanged and the
    receipt status that refuses it: ``refused:unknown-kind``, ``refused:invalid-payload:<where>``
    or ``refused:handling-mismatch:<header>/<payload>``. An authentic envelope that is refused
    still takes its place in the link's sequence, so one bad payload cannot stop a link."""
    kind = payload.get("kind")
    schema = schema_for(kind, received.type) if isinstance(kind, str) else None
    if schema is None or kind not in _HANDLERS:
        return payload, "refused:unknown-kind"
    if received.handling not in HANDLING_CODES:
        return payload, f"refused:bad-handling:{received.handling}"[:200]
    try:
        model = schema.model_validate({k: v for k, v in payload.items() if k != "kind"})
    except ValidationError as error:
        return payload, f"refused:invalid-payload:{_where(error)}"[:200]
    data: dict[str, Any] = {"kind": kind, **model.model_dump(mode="json", by_alias=True)}
    handling = data.get("handling_code")
    if handling is not None and handling != received.handling:
        return payload, f"refused:handling-mismatch:{received.handling}/{handling}"
    return data, ""


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
