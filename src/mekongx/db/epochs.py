"""Change marks shared by the processes that use one database on one machine.

A process that keeps something read from the database (who a token belongs to) must forget it
when another process of the same node changes it (a token revoked by ``mekongx tokens revoke``,
a session ended in another web worker). Asking the database every time is what the memory
saves, so the writers mark a change in a small file instead, and the readers compare the mark
with the one they remembered: the 8 bytes of a memory-mapped file, read in well under a
microsecond, without a system call.

The mark is a random number, not a counter: a change writes a new one, and a reader only asks
"is it still the one I saw?", so two writers need no lock between them and a torn read can
only answer "changed". The file lies beside a SQLite database's file (``mekongx.db-logins.mark``,
as its ``-writer.lock``); for PostgreSQL in a folder of this system user's own (mode 0700) in
the temporary directory, named by the database's URL without its password. The node's web
workers, its delivery worker and the commands run beside them by the same user share it. Where
it cannot be kept safely (that folder exists and belongs to another user, or others may write
to it; an in-memory database), ``epoch_for`` answers None and callers keep nothing.

Which tables move which mark is said by the model: a table whose ``info`` holds
``{CHANGE_MARK: "logins"}`` moves the mark "logins" whenever an ORM session writes to it (a row
added, changed or deleted, or a bulk ``update``/``delete`` of its rows), once when the session
flushes and again after it commits, so a reader that remembered the mark before the commit
sees it change. Writes by plain Core connections, by hand in SQL or by a restore do not move
it: the callers also forget after a set time (``login_cache_seconds``).
"""

from __future__ import annotations

import hashlib
import logging
import mmap
import os
import stat
import tempfile
import threading
from itertools import chain
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import ORMExecuteState, Session

log = logging.getLogger("mekongx.db")

_SIZE = 8
CHANGE_MARK = "change_mark"  # the key of a table's ``info`` naming the mark its writes move


class ChangeEpoch:
    """One shared change mark: ``current()`` to remember it, ``bump()`` after a change."""

    def __init__(self, path: Path) -> None:
        self.path = path
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            if os.fstat(fd).st_size < _SIZE:
                os.ftruncate(fd, _SIZE)
            self._map = mmap.mmap(fd, _SIZE)
        finally:
            os.close(fd)

    def current(self) -> bytes:
        return self._map[:_SIZE]

    def bump(self) -> None:
        self._map[:_SIZE] = os.urandom(_SIZE)


_EPOCHS: dict[tuple[str, str], ChangeEpoch | None] = {}
_LOCK = threading.Lock()


def _own_folder() -> Path | None:
    """``<tmp>/mekongx-<uid>``, made with mode 0700; None if it is not safely this user's."""
    uid = os.getuid() if hasattr(os, "getuid") else 0
    folder = Path(tempfile.gettempdir()) / f"mekongx-{uid}"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        info = folder.lstat()
    except OSError:
        return None
    if not stat.S_ISDIR(info.st_mode) or (hasattr(os, "getuid") and info.st_uid != uid):
        return None
    if info.st_mode & 0o077:
        return None
    return folder


def _place(url: URL, name: str) -> Path | None:
    """Beside a SQLite database's file; otherwise in this user's own folder, by the URL."""
    if url.get_backend_name() == "sqlite":
        database = url.database or ""
        if database in ("", ":memory:") or database.startswith("file:"):
            return None  # one process only: nothing to share, nothing kept
        return Path(database).with_name(f"{Path(database).name}-{name}.mark")
    folder = _own_folder()
    if folder is None:
        return None
    rendered = url.render_as_string(hide_password=True)
    return folder / f"{hashlib.sha256(rendered.encode()).hexdigest()[:32]}.{name}"


def epoch_for(url: str | URL, name: str) -> ChangeEpoch | None:
    """The change mark ``name`` of the database at ``url`` (one per process and database), or
    None where it cannot be kept safely (see the module's text)."""
    parsed = make_url(url)
    key = (parsed.render_as_string(hide_password=True), name)
    if key in _EPOCHS:
        return _EPOCHS[key]
    with _LOCK:
        if key not in _EPOCHS:
            epoch, path = None, _place(parsed, name)
            if path is not None:
                try:
                    epoch = ChangeEpoch(path)
                except (OSError, ValueError) as exc:
                    log.warning("no shared change mark for %s (%s): nothing is kept", name, exc)
            _EPOCHS[key] = epoch
    return _EPOCHS[key]


def _mark_of(cls: type) -> str | None:
    table = getattr(cls, "__table__", None)
    return None if table is None else table.info.get(CHANGE_MARK)


def _moved(session: Session, names: set[str]) -> None:
    """Move the marks now (the flush) and remember them for the commit."""
    url = session.get_bind().engine.url
    for name in names:
        if (epoch := epoch_for(url, name)) is not None:
            epoch.bump()
    session.info.setdefault("change_marks", set()).update(names)


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, _context: Any) -> None:
    names = {_mark_of(type(obj)) for obj in chain(session.new, session.dirty, session.deleted)}
    names.discard(None)
    if names:
        _moved(session, names)  # type: ignore[arg-type]


@event.listens_for(Session, "do_orm_execute")
def _bulk_write(state: ORMExecuteState) -> None:
    mapper = state.bind_mapper if state.is_update or state.is_delete else None
    if mapper is not None and (name := _mark_of(mapper.class_)) is not None:
        _moved(state.session, {name})


@event.listens_for(Session, "after_commit")
def _after_commit(session: Session) -> None:
    names = session.info.pop("change_marks", None)
    if names:
        url = session.get_bind().engine.url
        for name in names:
            if (epoch := epoch_for(url, name)) is not None:
                epoch.bump()


@event.listens_for(Session, "after_rollback")
def _after_rollback(session: Session) -> None:
    session.info.pop("change_marks", None)
