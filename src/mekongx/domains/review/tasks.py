"""The home page's task list: one registry of task providers that every area registers into
(in ``mekongx.wiring``), so the page itself knows no area.

A provider takes the session, the user and the current time and returns the :class:`Task`
items waiting for that user (it checks the user's role itself and returns nothing when the
role cannot act). Titles are the records' own text; ``group`` is a msgid the page translates.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from mekongx.authz import Principal


@dataclass(frozen=True)
class Task:
    group: str  # msgid (N_) of the list this task belongs to, e.g. "Releases waiting"
    order: int  # where the group appears on the page (small first)
    title: str  # the record's own title or name
    url: str
    due: datetime | None = None  # a deadline, shown with the time left
    note: str = ""  # msgid (N_) of a short remark, translated by the page
    note_params: tuple[tuple[str, str], ...] = ()


Provider = Callable[[Session, Principal, datetime], list[Task]]
_PROVIDERS: dict[str, Provider] = {}


def register(name: str, provider: Provider) -> None:
    _PROVIDERS[name] = provider


def tasks_for(session: Session, principal: Principal, now: datetime) -> list[Task]:
    """Every provider's tasks for the user, grouped in page order, earliest deadline first."""
    found = [
        task for name in sorted(_PROVIDERS) for task in _PROVIDERS[name](session, principal, now)
    ]
    far = datetime.max.replace(tzinfo=now.tzinfo)
    return sorted(found, key=lambda t: (t.order, t.group, t.due or far))


def providers() -> list[str]:
    return sorted(_PROVIDERS)
