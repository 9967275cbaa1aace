"""Engines and sessions for SQLite (the embedded default) and PostgreSQL.

SQLite runs in WAL mode with foreign keys on. Writers take the database lock at the start of
their transaction (``BEGIN IMMEDIATE``) so that two concurrent requests never deadlock on a lock
upgrade; readers use deferred transactions and run beside the writer.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext, suppress
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

try:
    import fcntl
except ImportError:  # not on Windows: threads still queue; processes rely on SQLite's locking
    fcntl = None  # type: ignore[assignment]
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from mekongx.settings import IDLE_TRANSACTION_SECONDS, SQLITE_CACHE_MIB


def is_sqlite(url_or_engine: str | Engine) -> bool:
    url = url_or_engine.url if isinstance(url_or_engine, Engine) else make_url(url_or_engine)
    return url.get_backend_name() == "sqlite"


# the threads a request's synchronous code runs in (anyio's default limiter: 40)
READING_THREADS = 40


def _sqlite_engine(url: str, *, immediate: bool, cache_mib: int = SQLITE_CACHE_MIB) -> Engine:
    if ":memory:" in url:
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
    else:
        # Connections are kept open: closing the last connection to a WAL database checkpoints
        # it and deletes the WAL, which made every transaction pay for a checkpoint and a new
        # connection with its pragmas. The writer needs one connection (writers queue on a
        # lock); readers as many as there are threads reading: a connection beyond the pool's
        # size is closed when it is given back, and with it its warm page cache (with 8 kept, a
        # search under 32 clients opened 59 connections in a few seconds, 26 with 40 kept).
        engine = create_engine(
            url,
            connect_args={"check_same_thread": False, "timeout": 30},
            poolclass=QueuePool,
            pool_size=2 if immediate else READING_THREADS,
            max_overflow=64,
            # the connection given back last is taken first: its page cache is the warm one (in
            # turn, one request at a time went through all 40 cold caches)
            pool_use_lifo=True,
        )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # let SQLAlchemy's "begin" event issue BEGIN
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        # SQLite's own page cache, 2 MiB, no longer holds the pages one list reads at a million
        # records (an area's index, the recipients it checks visibility in), which every
        # statement then read again from the operating system: the wastewater site's analytes
        # 3.0 ms with it, 1.2-1.3 with 8 to 64 MiB (benchmarks/README.md, "the page cache")
        cursor.execute(f"PRAGMA cache_size=-{int(cache_mib) * 1024}")  # negative: KiB
        # Writers: FULL, so a commit (an outbox row and the link's next sequence number, an
        # inbox row and the receipt) is on disk before it is acknowledged; with NORMAL a power
        # loss may undo the last commits and rewind the sender's sequence. Readers write
        # nothing.
        cursor.execute("PRAGMA synchronous=FULL" if immediate else "PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


class _WriterQueue:
    """Writers of one SQLite database queue here: threads of this process on a lock, and
    processes (a CLI command beside the server, a second node tool) on an ``flock`` of a file
    next to the database. The kernel wakes a waiting process as soon as the lock is free. The
    file lock is best effort: where it cannot be taken, SQLite's own locking still decides."""

    def __init__(self, url: str) -> None:
        self._lock = threading.RLock()
        self._depth = 0
        database = make_url(url).database or ""
        self._path = None if database in ("", ":memory:") else Path(database + "-writer.lock")
        self._fd: int | None = None

    def __enter__(self) -> None:
        self._lock.acquire()
        self._depth += 1
        if self._depth == 1 and self._path is not None and fcntl is not None:
            try:
                if self._fd is None:
                    self._fd = os.open(self._path, os.O_RDWR | os.O_CREAT, 0o600)
                self._take(self._fd)
            except OSError:
                self._close()

    @staticmethod
    def _take(fd: int, patience: float = 30.0) -> None:
        """Take the file lock, polling briefly; after ``patience`` seconds go on without it
        (SQLite's busy timeout then applies, as it would without this queue)."""
        assert fcntl is not None
        deadline, pause = time.monotonic() + patience, 0.0005
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(pause)
                pause = min(pause * 2, 0.004)

    def __exit__(self, *exc: object) -> None:
        try:
            self._depth -= 1
            if self._depth == 0 and self._fd is not None and fcntl is not None:
                try:
                    fcntl.flock(self._fd, fcntl.LOCK_UN)
                except OSError:
                    self._close()
        finally:
            self._lock.release()

    def _close(self) -> None:
        if self._fd is not None:
            with suppress(OSError):
                os.close(self._fd)
        self._fd = None


class Database:
    """The node's database: a reader and a writer session factory over one URL."""

    def __init__(
        self,
        url: str,
        *,
        pool_size: int = 20,
        sqlite_cache_mib: int = SQLITE_CACHE_MIB,
        idle_transaction_seconds: int = IDLE_TRANSACTION_SECONDS,
    ) -> None:
        self.url = url
        if is_sqlite(url):
            self.write_engine = _sqlite_engine(url, immediate=True, cache_mib=sqlite_cache_mib)
            self.read_engine = _sqlite_engine(url, immediate=False, cache_mib=sqlite_cache_mib)
        else:
            # A commit is durable before it is acknowledged, whatever the server's default; a
            # transaction left idle is ended by the server, and the locks it held with it.
            options = "-c synchronous_commit=on"
            options += f" -c idle_in_transaction_session_timeout={int(idle_transaction_seconds) * 1000}"  # fmt: skip
            self.write_engine = create_engine(
                url,
                pool_size=pool_size,
                max_overflow=pool_size,
                pool_pre_ping=True,
                connect_args={"options": options},
            )
            self.read_engine = self.write_engine
        self._writer = sessionmaker(self.write_engine, expire_on_commit=False)
        self._write_lock: AbstractContextManager[object] = (
            _WriterQueue(url) if is_sqlite(url) else nullcontext()
        )
        self._reader = sessionmaker(self.read_engine, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        return self.write_engine.dialect.name

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session whose transaction may write; commits on success, rolls back on error.

        On SQLite only one transaction writes at a time anyway; threads of this process queue
        for it on a lock (first come, first served), and processes on a file lock beside the
        database, instead of polling the database lock with SQLite's sleeping busy handler
        (which sleeps up to 100 ms between tries), which is what made the slowest writes slow.
        """
        with self._write_lock, self._writer() as session, session.begin():
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading only; it is closed without committing anything.

        Closing (unlike rolling back) keeps the loaded objects' attributes readable after the
        block, which the delivery layer relies on when it renders them.
        """
        with self._reader() as session:
            yield session

    def dispose(self) -> None:
        self.write_engine.dispose()
        if self.read_engine is not self.write_engine:
            self.read_engine.dispose()
