"""Handlers for what peers send to the precursors area (register them in ``mekongx.wiring``)::

handlers.register(exchange.KIND_NOTIFICATION, precursor_handlers.apply_notification)
handlers.register(exchange.KIND_RESPONSE, precursor_handlers.apply_response)
handlers.register(exchange.KIND_INCIDENT, precursor_handlers.apply_incident)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from mekongx.domains.precursors import incidents as incident_service
from mekongx.domains.precursors import notifications as pen
from mekongx.federation.handlers import Received


def _plain(data: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k != "kind"}


def apply_notification(session: Session, received: Received, data: Mapping[str, Any]) -> str:
    return pen.apply_received_notification(session, received.sender, _plain(data)).uid


def apply_response(session: Session, received: Received, data: Mapping[str, Any]) -> str:
    return pen.apply_response(session, received.sender, _plain(data)).uid


def apply_incident(session: Session, received: Received, data: Mapping[str, Any]) -> str:
    return incident_service.apply_received_incident(session, received.sender, _plain(data)).uid
