"""Change marks shared by the processes that use one database on one machine.

A process that keeps something read from the database (who a token belongs to) must forget it
when another process of the same node changes it (a token revoked by ``mekongx users
revoke-token``, a session ended in another web worker). Asking the database every time is what
the memory saves, so the writers mark a change in a small file instead, and the readers compare
the mark with the one they remembered: the 8 bytes of a memory-mapped file, read in well under
a microsecond, without a system call.

The mark is a random number, not a counter: a change writes a new one, and a reader only asks
"is it still the one I saw?", so two writers need no lock between them and a torn read can
only answer "changed". The file lies beside a SQLite database's file (``mekongx.db-logins.mark``,
as its ``-writer.lock``); for PostgreSQL in the node's data folder (``place_marks``, called with
``data_dir`` by the application and the commands; a process that did not call it uses a folder
of this system user's own, mode 0700, in the temporary directory). The node's web workers, its
delivery worker and the commands run beside them by the same system user with the same data
folder share it. A file that is not safely this user's (a link, another owner, others may
write to it, more than one name) is not used, nor is a folder others may write to, nor an
in-memory database: ``epoch_for`` then answers None and callers keep nothing.

Which tables move which mark is said by the model: a table whose ``info`` holds
``{CHANGE_MARK: "logins"}`` moves the mark "logins" whenever an ORM session writes to it (a row
added, changed or deleted, or a bulk ``update``/``delete`` of its rows), once when the session
flushes and again when its outermost transaction ends (committed or not), so a reader that
remembered the mark before the commit sees it change. Writes by plain Core connections, by hand
in SQL or by a restore do not move it: the callers also forget after a set time
(``login_cache_seconds``).
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
from sqlalchemy.orm import ORMExecuteState, Session, SessionTransaction

log = logging.getLogger("mekongx.db")

_SIZE = 8
CHANGE_MARK = "change_mark"  # the key of a table's ``info`` naming the mark its writes move


class ChangeEpoch:
    """One shared change mark: ``current()`` to remember it, ``bump()`` after a change."""

    def __init__(self, path: Path) -> None:
        """Open (or make) the mark at ``path``; ``ValueError`` if it is not safely ours."""
        self.path = path
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
        fd = os.open(path, flags, 0o600)
        try:
            info = os.fstat(fd)
            if not _safely_ours(info) or info.st_nlink != 1:
                raise ValueError(f"{path} is not a file of this user's alone")
            if info.st_size < _SIZE:
                os.ftruncate(fd, _SIZE)
            self._map = mmap.mmap(fd, _SIZE)
        finally:
            os.close(fd)

    def current(self) -> bytes:
        return self._map[:_SIZE]

    def bump(self) -> None:
        self._map[:_SIZE] = os.urandom(_SIZE)


_EPOCHS: dict[Path, ChangeEpoch | None] = {}
_PLACES: dict[str, Path] = {}
_LOCK = threading.Lock()


def _safely_ours(info: os.stat_result, kind: int = stat.S_IFREG) -> bool:
    """Of this kind, owned by this system user, and nobody else may write to it."""
    if stat.S_IFMT(info.st_mode) != kind or info.st_mode & 0o022:
        return False
    return not hasattr(os, "getuid") or info.st_uid == os.getuid()


def place_marks(url: str | URL, folder: Path) -> None:
    """Keep the marks of the (server) database at ``url`` in ``folder``, the node's data
    folder, in this process (the last call wins: a test process opens many nodes in turn)."""
    _PLACES[make_url(url).render_as_string(hide_password=True)] = folder


def _own_folder() -> Path | None:
    """``<tmp>/mekongx-<uid>``, made with mode 0700; None if it is not safely this user's."""
    uid = os.getuid() if hasattr(os, "getuid") else 0
    folder = Path(tempfile.gettempdir()) / f"mekongx-{uid}"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        info = folder.lstat()
    except OSError:
        return None
    return folder if _safely_ours(info, stat.S_IFDIR) and not info.st_mode & 0o077 else None


def _place(url: URL, name: str) -> Path | None:
    """Beside a SQLite database's file; otherwise in this user's own folder, by the URL."""
    if url.get_backend_name() == "sqlite":
        database = url.database or ""
        if database in ("", ":memory:") or database.startswith("file:"):
            return None  # one process only: nothing to share, nothing kept
        return Path(database).with_name(f"{Path(database).name}-{name}.mark")
    rendered = url.render_as_string(hide_password=True)
    folder = _PLACES.get(rendered) or _own_folder()
    if folder is None:
        return None
    try:
        if not _safely_ours(folder.stat(), stat.S_IFDIR):
            return None
    except OSError:
        return None
    return folder / f"{name}-{hashlib.sha256(rendered.encode()).hexdigest()[:24]}.mark"


def epoch_for(url: str | URL, name: str) -> ChangeEpoch | None:
    """The change mark ``name`` of the database at ``url`` (one per process and file), or
    None where it cannot be kept safely (see the module's text)."""
    path = _place(make_url(url), name)
    if path is None:
        return None
    if path in _EPOCHS:
        return _EPOCHS[path]
    with _LOCK:
        if path not in _EPOCHS:
            try:
                _EPOCHS[path] = ChangeEpoch(path)
            except (OSError, ValueError) as exc:
                log.warning("no shared change mark for %s (%s): nothing is kept", name, exc)
                _EPOCHS[path] = None
    return _EPOCHS[path]


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


@event.listens_for(Session, "after_transaction_end")
def _after_transaction_end(session: Session, transaction: SessionTransaction) -> None:
    """The outermost transaction ended (a savepoint's end is not the commit): move again."""
    if transaction.parent is not None or transaction.nested:
        return
    names = session.info.pop("change_marks", None)
    if names:
        url = session.get_bind().engine.url
        for name in names:
            if (epoch := epoch_for(url, name)) is not None:
                epoch.bump()
