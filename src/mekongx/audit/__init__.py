"""The append-only, hash-chained audit log."""

from mekongx.audit.log import Actor, AuditEvent, AuditHead, record, verify_chain

__all__ = ["Actor", "AuditEvent", "AuditHead", "record", "verify_chain"]
