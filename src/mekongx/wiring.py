"""Connects areas to the exchange: which handler applies which kind of received payload."""

from __future__ import annotations

from mekongx.domains.fugitives import exchange as fugitives_exchange
from mekongx.domains.intel import exchange as intel_exchange
from mekongx.domains.precursors import exchange as precursors_exchange
from mekongx.domains.precursors import handlers as precursors_handlers
from mekongx.domains.rfi import exchange as rfi_exchange
from mekongx.domains.wbe import exchange as wbe_exchange
from mekongx.federation import acks, handlers


def install() -> None:
    handlers.register(acks.KIND, acks.apply_ack)
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
