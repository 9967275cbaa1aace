"""Connects areas to the exchange: which handler applies which kind of received payload."""

from __future__ import annotations

from mekongx.domains.intel import exchange as intel_exchange
from mekongx.federation import acks, handlers


def install() -> None:
    handlers.register(acks.KIND, acks.apply_ack)
    handlers.register(intel_exchange.KIND, intel_exchange.apply)
    handlers.register(intel_exchange.CONSENT_KIND, intel_exchange.apply_consent)
