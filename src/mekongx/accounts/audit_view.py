"""The audit log as administrators read it: pages of the newest events first."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from mekongx.audit import AuditEvent
from mekongx.authz.listing import Page, page_of


def audit_page(
    session: Session,
    *,
    action: str = "",
    actor: str = "",
    page: int = 1,
    per_page: int = 100,
    after: int | None = None,
    before: int | None = None,
) -> Page[AuditEvent]:
    """One page of the audit log, newest first, through the one list machinery
    (``authz.listing.page_of`` keyed by ``seq``: keyset paging with ``after``, the total
    estimated beyond the bound): ``action`` a prefix of the action's code, ``actor`` a user
    name. The caller checks the permission and audits the view."""
    stmt = select(AuditEvent)
    if action:
        stmt = stmt.where(AuditEvent.action.startswith(action.strip()[:64]))
    if actor:
        stmt = stmt.where(AuditEvent.actor == actor.strip()[:64])
    return page_of(session, stmt, AuditEvent, page=page, per_page=per_page, after=after,
                   before=before, key=AuditEvent.seq)  # fmt: skip
