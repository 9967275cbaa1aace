"""Writing a backup, and the format a restore (``restore.py``) reads.

Inside the encrypted container (``sealed.py``) is a gzip-compressed tar stream: the rows of each
table as JSON lines, cut into members of at most 2,000 rows or 4 MiB
(``tables/<table>/00001.jsonl``, in foreign-key order), then ``manifest.json`` and
``manifest.sig``. The manifest names the node that made the backup (agency, public keys,
fingerprint), when, the schema revision, the audit head, the row count of every table and every
member with its SHA-256; ``manifest.sig`` is the node's Ed25519 signature of those exact bytes.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import tarfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO

from rich.progress import Progress
from sqlalchemy import Table, select, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from mekongx import __version__, migrations
from mekongx.audit import Actor, AuditHead, record
from mekongx.backup.rows import TableCodec, UnsupportedColumn
from mekongx.backup.sealed import SealedWriter, SealError, Sealing
from mekongx.db import Database
from mekongx.federation.envelope import key_id
from mekongx.federation.keys import NodeKeys, b64, unb64
from mekongx.i18n import N_

FORMAT = "mekongx-backup/2"
MEMBER_ROWS = 2000
MEMBER_BYTES = 4 << 20
MAX_MEMBER = 256 << 20
MANIFEST, SIGNATURE = "manifest.json", "manifest.sig"


class BackupError(Exception):
    def __init__(self, message: str, **params: Any) -> None:
        super().__init__(message % params if params else message)
        self.message, self.params = message, params


@dataclass(frozen=True)
class Summary:
    rows: int
    tables: dict[str, int]
    sha256: str = ""


def node_tables() -> list[Table]:
    """Every table of the node, in foreign-key order (the order members are written and loaded)."""
    return list(migrations.metadata().sorted_tables)


def table_codecs() -> list[TableCodec]:
    """Each table's codec between rows and JSON lines, in ``node_tables`` order."""
    try:
        return [TableCodec(table) for table in node_tables()]
    except UnsupportedColumn as error:
        raise BackupError(
            N_("A column type cannot be backed up: %(column)s"), column=str(error)
        ) from None


# --- writing ----------------------------------------------------------------------------------


class _Members:
    """Adds members to the tar stream and remembers each one's name, hash, size and rows."""

    def __init__(self, archive: tarfile.TarFile, mtime: int) -> None:
        self.archive, self.mtime = archive, mtime
        self.listed: list[dict[str, Any]] = []

    def add(self, name: str, data: bytes, rows: int | None = None) -> None:
        info = tarfile.TarInfo(name)
        info.size, info.mtime, info.mode = len(data), self.mtime, 0o600
        self.archive.addfile(info, io.BytesIO(data))
        if rows is not None:
            entry = {"name": name, "sha256": hashlib.sha256(data).hexdigest(), "rows": rows}
            self.listed.append(entry | {"bytes": len(data)})


def _write_tables(session: Session, members: _Members, bar: Progress) -> dict[str, int]:
    codecs = table_codecs()
    task = bar.add_task("backup", total=len(codecs))
    counts: dict[str, int] = {}
    for table_codec in codecs:
        table = table_codec.table
        part, rows, size, number = bytearray(), 0, 0, 0
        counts[table.name] = 0
        stmt = select(table).order_by(*table.primary_key.columns)
        for row in session.execute(stmt.execution_options(yield_per=1000)).mappings():
            line = table_codec.line(row)
            part += line
            rows, size = rows + 1, size + len(line)
            if rows >= MEMBER_ROWS or size >= MEMBER_BYTES:
                number += 1
                members.add(f"tables/{table.name}/{number:05d}.jsonl", bytes(part), rows)
                counts[table.name] += rows
                part, rows, size = bytearray(), 0, 0
        if rows:
            number += 1
            members.add(f"tables/{table.name}/{number:05d}.jsonl", bytes(part), rows)
            counts[table.name] += rows
        bar.advance(task)
    return counts


def _open_new(path: Path) -> BinaryIO:
    """A new file readable by its owner only from the moment it exists (mode 0600)."""
    path.unlink(missing_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    return os.fdopen(fd, "wb")


def _write(
    db: Database, partial: Path, agency: str, keys: NodeKeys, sealing: Sealing, progress: bool
) -> Summary:
    created = datetime.now().astimezone()
    with _open_new(partial) as raw:
        writer = SealedWriter(raw, sealing)
        with (
            db.read() as session,
            tarfile.open(fileobj=writer, mode="w|gz") as archive,
            Progress(disable=not progress) as bar,
        ):
            if session.get_bind().dialect.name == "postgresql":
                session.execute(text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"))
            members = _Members(archive, int(created.timestamp()))
            counts = _write_tables(session, members, bar)
            head = session.get(AuditHead, 1)
            pair = keys.current
            manifest = {
                "format": FORMAT,
                "mekongx_version": __version__,
                "schema_revision": migrations.current_revision(db.url),
                "created_at": created.isoformat(),
                "node": {
                    "agency": agency,
                    "sign_public": pair.sign_public,
                    "enc_public": pair.enc_public,
                    "fingerprint": pair.fingerprint,
                },
                "encryption": sealing.kind,
                "audit_head": {"seq": head.seq, "hash": head.hash} if head else None,
                "tables": counts,
                "members": members.listed,
            }
            blob = json.dumps(manifest, indent=1, ensure_ascii=False).encode()
            signature = {
                "alg": "Ed25519",
                "kid": key_id(unb64(pair.sign_public)),
                "sig": b64(pair.sign.sign(blob)),
            }
            members.add(MANIFEST, blob)
            members.add(SIGNATURE, json.dumps(signature).encode())
        writer.finish()
        raw.flush()
        os.fsync(raw.fileno())
    return Summary(sum(counts.values()), counts, writer.digest.hexdigest())


def create_backup(
    db: Database,
    target: Path,
    agency: str,
    keys: NodeKeys,
    *,
    passphrase: str | None = None,
    progress: bool = False,
) -> Summary:
    """Write a signed, encrypted backup of every table to ``target`` (mode 0600).

    Encrypted to the node's own key, or with ``passphrase`` when one is given. The file is
    written under a temporary name and renamed once complete and flushed to disk; only then is
    ``backup.create`` audited. A failure is audited as ``backup.failed`` and leaves no file."""
    sealing = Sealing(node_public=keys.current.enc.public_key(), passphrase=passphrase)
    partial = target.with_name(target.name + ".partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        summary = _write(db, partial, agency, keys, sealing, progress)
        partial.replace(target)
        _sync_directory(target.parent)
    except BaseException as error:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        _audit_failure(db, agency, target, error)
        if isinstance(error, SealError):
            raise BackupError(error.message, **error.params) from None
        if isinstance(error, OSError):
            raise BackupError(
                N_("The backup could not be written (%(problem)s); no file was left."),
                problem=error.strerror or type(error).__name__,
            ) from None
        raise
    with db.write() as session:
        record(
            session,
            Actor.system(agency),
            "backup.create",
            "node",
            agency,
            details={
                "file": target.name,
                "bytes": target.stat().st_size,
                "sha256": summary.sha256,
                "rows": summary.rows,
                "encryption": sealing.kind,
            },
        )
    return summary


def _sync_directory(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _audit_failure(db: Database, agency: str, target: Path, error: BaseException) -> None:
    try:
        with db.write() as session:
            record(
                session,
                Actor.system(agency),
                "backup.failed",
                "node",
                agency,
                details={"file": target.name, "problem": type(error).__name__},
            )
    except SQLAlchemyError:  # the database itself may be why the backup failed
        pass
