"""Backups of a whole node that restore onto SQLite or PostgreSQL alike.

A backup is a ``.tar.gz`` holding ``manifest.json`` (format, schema revision, row counts, the
audit head) and one JSON-lines file per table. It is read in one snapshot (a single read
transaction; REPEATABLE READ on PostgreSQL), so the tables agree with each other. Restoring
needs an empty, migrated database; it inserts every row, rebuilds the full-text index and
verifies the audit chain against the manifest before committing.
"""

from __future__ import annotations

import io
import json
import tarfile
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from rich.progress import Progress
from sqlalchemy import Integer, Table, func, insert, select, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from mekongx import __version__, migrations
from mekongx.audit import Actor, record, verify_chain
from mekongx.db import Database
from mekongx.domains.intel.service import reindex_all
from mekongx.i18n import N_
from mekongx.model.base import UTCDateTime

FORMAT = "mekongx-backup/1"
BATCH = 2000


class BackupError(Exception):
    def __init__(self, message: str, **params: Any) -> None:
        super().__init__(message % params if params else message)
        self.message, self.params = message, params


@dataclass(frozen=True)
class Summary:
    rows: int
    tables: dict[str, int]


def _tables() -> list[Table]:
    return list(migrations.metadata().sorted_tables)


def _encode(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime) else value


def _decode_row(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for column in table.columns:
        value = row.get(column.name)
        if value is not None and isinstance(column.type, UTCDateTime):
            value = datetime.fromisoformat(value)
        out[column.name] = value
    return out


def _add_bytes(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mtime, info.mode = len(data), int(time.time()), 0o600
    archive.addfile(info, io.BytesIO(data))


def create_backup(db: Database, target: Path, agency: str, *, progress: bool = False) -> Summary:
    """Write a backup of every table to ``target`` (written to a temporary name, then renamed)."""
    with db.write() as session:
        record(
            session,
            Actor.system(agency),
            "backup.create",
            "node",
            agency,
            details={"file": target.name},
        )
    counts: dict[str, int] = {}
    partial = target.with_name(target.name + ".partial")
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with (
            db.read() as session,
            tarfile.open(partial, "w:gz") as archive,
            Progress(disable=not progress) as bar,
        ):
            if session.get_bind().dialect.name == "postgresql":
                session.execute(text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"))
            tables = _tables()
            task = bar.add_task("backup", total=len(tables))
            for table in tables:
                lines = [
                    json.dumps({k: _encode(v) for k, v in row.items()}, ensure_ascii=False)
                    for row in session.execute(select(table)).mappings()
                ]
                counts[table.name] = len(lines)
                _add_bytes(archive, f"tables/{table.name}.jsonl", ("\n".join(lines)).encode())
                bar.advance(task)
            head = session.execute(text("SELECT seq, hash FROM audit_head WHERE id = 1")).first()
            manifest = {
                "format": FORMAT,
                "mekongx_version": __version__,
                "schema_revision": migrations.current_revision(db.url),
                "agency": agency,
                "created_at": datetime.now().astimezone().isoformat(),
                "tables": counts,
                "audit_head": {"seq": head[0], "hash": head[1]} if head else None,
            }
            _add_bytes(archive, "manifest.json", json.dumps(manifest, indent=2).encode())
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    return Summary(sum(counts.values()), counts)


def _read_manifest(archive: tarfile.TarFile) -> dict[str, Any]:
    try:
        member = archive.extractfile("manifest.json")
        manifest: dict[str, Any] = json.loads(member.read()) if member else {}
    except (KeyError, json.JSONDecodeError):
        raise BackupError(N_("This file is not a MekongX backup (no manifest).")) from None
    if manifest.get("format") != FORMAT:
        raise BackupError(
            N_("Unsupported backup format: %(format)s"), format=str(manifest.get("format"))
        )
    return manifest


def _rows(archive: tarfile.TarFile, table: Table) -> Iterator[dict[str, Any]]:
    member = archive.extractfile(f"tables/{table.name}.jsonl")
    if member is None:
        return
    for line in io.TextIOWrapper(member, encoding="utf-8"):
        if line.strip():
            yield _decode_row(table, json.loads(line))


def _ensure_empty(session: Session, tables: list[Table]) -> None:
    for table in tables:
        if session.scalar(select(func.count()).select_from(table)):
            raise BackupError(
                N_(
                    "The database is not empty (table %(table)s has rows). Restore into a new database."
                ),
                table=table.name,
            )


def _reset_sequences(session: Session, tables: list[Table]) -> None:
    if session.get_bind().dialect.name != "postgresql":
        return
    for table in tables:
        keys = list(table.primary_key.columns)
        for column in keys:
            if (
                len(keys) == 1
                and column.autoincrement is not False
                and isinstance(column.type, Integer)
            ):
                session.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', '{column.name}'), "  # noqa: S608
                        f"COALESCE((SELECT MAX({column.name}) FROM {table.name}), 0) + 1, false)"
                    )
                )


def restore_backup(db: Database, source: Path, agency: str, *, progress: bool = False) -> Summary:
    """Load a backup into an empty database in one transaction; nothing is kept on failure."""
    try:
        return _restore(db, source, agency, progress)
    except (
        tarfile.TarError,
        EOFError,
        zlib.error,
        json.JSONDecodeError,
        UnicodeDecodeError,
        ValueError,
        TypeError,
        SQLAlchemyError,
    ) as error:
        raise BackupError(
            N_("The backup file is damaged (%(problem)s); nothing was restored."),
            problem=type(error).__name__,
        ) from None


def _restore(db: Database, source: Path, agency: str, progress: bool) -> Summary:
    try:
        archive = tarfile.open(source, "r:gz")  # noqa: SIM115 - closed by the with below
    except (tarfile.TarError, OSError):
        raise BackupError(
            N_("This file is not a MekongX backup (not a readable archive).")
        ) from None
    with archive:
        manifest = _read_manifest(archive)
        if manifest.get("schema_revision") != migrations.current_revision(db.url):
            raise BackupError(
                N_("The backup has schema revision %(backup)s but this database has %(db)s."),
                backup=str(manifest.get("schema_revision")),
                db=str(migrations.current_revision(db.url)),
            )
        tables = _tables()
        counts: dict[str, int] = {}
        with db.write() as session, Progress(disable=not progress) as bar:
            _ensure_empty(session, tables)
            task = bar.add_task("restore", total=len(tables))
            for table in tables:
                batch: list[dict[str, Any]] = []
                counts[table.name] = 0
                for row in _rows(archive, table):
                    batch.append(row)
                    if len(batch) >= BATCH:
                        session.execute(insert(table), batch)
                        counts[table.name] += len(batch)
                        batch = []
                if batch:
                    session.execute(insert(table), batch)
                    counts[table.name] += len(batch)
                if counts[table.name] != manifest["tables"].get(table.name, 0):
                    raise BackupError(
                        N_("The backup is incomplete: table %(table)s."), table=table.name
                    )
                bar.advance(task)
            _reset_sequences(session, tables)
            reindex_all(session)
            _, problems = verify_chain(session)
            if problems:
                raise BackupError(
                    N_("The audit chain in the backup does not verify; nothing was restored.")
                )
            record(
                session,
                Actor.system(agency),
                "backup.restore",
                "node",
                agency,
                details={"file": source.name},
            )
    return Summary(sum(counts.values()), counts)
