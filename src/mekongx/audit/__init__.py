"""The append-only, hash-chained audit log."""

from mekongx.audit.log import Actor, AuditEvent, AuditHead, hold_chain, record, verify_chain

__all__ = ["Actor", "AuditEvent", "AuditHead", "hold_chain", "record", "verify_chain"]
