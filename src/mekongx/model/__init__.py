"""The shared record base: what every record that may leave the node carries."""

from mekongx.model.base import Base, utcnow
from mekongx.model.record import (
    Distribution,
    HandlingCode,
    InfoReliability,
    SharedRecord,
    SourceReliability,
    new_uid,
)

__all__ = [
    "Base",
    "Distribution",
    "HandlingCode",
    "InfoReliability",
    "SharedRecord",
    "SourceReliability",
    "new_uid",
    "utcnow",
]
