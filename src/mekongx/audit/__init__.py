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
from mekongx.audit.reads import ReadSessionWrites, read_session

__all__ = [
    "Actor",
    "AuditEvent",
    "AuditHead",
    "ReadSessionWrites",
    "hold_chain",
    "read_recorded",
    "read_session",
    "record",
    "record_read",
    "verify_chain",
]
