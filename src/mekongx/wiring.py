"""Connects areas to the exchange: which handler applies which kind of received payload."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from mekongx.db import Database
from mekongx.domains.fugitives import exchange as fugitives_exchange
from mekongx.domains.intel import exchange as intel_exchange
from mekongx.domains.precursors import exchange as precursors_exchange
from mekongx.domains.precursors import handlers as precursors_handlers
from mekongx.domains.rfi import exchange as rfi_exchange
from mekongx.domains.rfi.service import periodic as rfi_clock
from mekongx.domains.wbe import exchange as wbe_exchange
from mekongx.federation import acks, checkpoints, handlers
from mekongx.federation.keys import NodeKeys
from mekongx.settings import Settings

log = logging.getLogger("mekongx.worker")


def install() -> None:
    handlers.register(acks.KIND, acks.apply_ack)
    handlers.register(checkpoints.KIND, checkpoints.apply_checkpoint)
    handlers.register(intel_exchange.KIND, intel_exchange.apply, batch=intel_exchange.apply_many)
    handlers.register(intel_exchange.CONSENT_KIND, intel_exchange.apply_consent)
    handlers.register(precursors_exchange.KIND_NOTIFICATION, precursors_handlers.apply_notification)
    handlers.register(precursors_exchange.KIND_RESPONSE, precursors_handlers.apply_response)
    handlers.register(precursors_exchange.KIND_INCIDENT, precursors_handlers.apply_incident)
    handlers.register(rfi_exchange.KIND_REQUEST, rfi_exchange.apply_request)
    for kind in rfi_exchange.KINDS[1:]:
        handlers.register(kind, rfi_exchange.checked(kind))
    handlers.register(fugitives_exchange.KIND, fugitives_exchange.apply_notice)
    handlers.register(fugitives_exchange.HIT_KIND, fugitives_exchange.apply_hit)
    handlers.register(wbe_exchange.KIND, wbe_exchange.apply)


def periodic(db: Database, settings: Settings, keys: NodeKeys) -> Callable[[datetime], None]:
    """What the delivery worker runs about every 30 s: the RFI clock's reminders and
    escalations, and the audit checkpoints. One failing task does not stop the others."""
    tasks = [rfi_clock(db), checkpoints.periodic(db, settings, keys)]

    def tick(now: datetime) -> None:
        for task in tasks:
            try:
                task(now)
            except Exception:  # logged; the next tick tries again
                log.exception("periodic task failed")

    return tick
