"""The stamp of the notice names: every change to a published notice's names moves it, and every
process rebuilds its screening index of the names before its next screening."""

from __future__ import annotations

import uuid

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from mekongx.domains.fugitives.models import IndexVersion


def bump_index(session: Session) -> None:
    """Mark the notice names changed: every process rebuilds its index before its next screening."""
    stamp = uuid.uuid4().hex
    done = session.execute(
        update(IndexVersion)
        .where(IndexVersion.id == 1)
        .values(version=IndexVersion.version + 1, stamp=stamp)
    )
    if not getattr(done, "rowcount", 0):
        try:  # the very first change: two writers may race to create the row
            with session.begin_nested():
                session.add(IndexVersion(id=1, version=1, stamp=stamp))
        except IntegrityError:
            session.execute(
                update(IndexVersion)
                .where(IndexVersion.id == 1)
                .values(version=IndexVersion.version + 1, stamp=stamp)
            )
