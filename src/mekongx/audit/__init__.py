"""The append-only, hash-chained audit log."""

from mekongx.audit import chain as _chain  # noqa: F401  (writes the rows at the commit)
from mekongx.audit.log import (
    Actor,
    AuditEvent,
    AuditHead,
    hold_chain,
    read_recorded,
    record,
    record_read,
    verify_chain,
)

__all__ = [
    "Actor",
    "AuditEvent",
    "AuditHead",
    "hold_chain",
    "read_recorded",
    "record",
    "record_read",
    "verify_chain",
]
