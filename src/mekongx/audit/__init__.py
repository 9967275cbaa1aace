"""The append-only, hash-chained audit log."""

from mekongx.audit.inline import read_recorded
from mekongx.audit.log import Actor, AuditEvent, AuditHead, hold_chain, record, verify_chain

__all__ = [
    "Actor",
    "AuditEvent",
    "AuditHead",
    "hold_chain",
    "read_recorded",
    "record",
    "verify_chain",
]
