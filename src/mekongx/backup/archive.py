"""Writing and restoring a backup.

Inside the encrypted container (``sealed.py``) is a gzip-compressed tar stream: the rows of each
table as JSON lines, cut into members of at most 2,000 rows or 4 MiB
(``tables/<table>/00001.jsonl``, in foreign-key order), then ``manifest.json`` and
``manifest.sig``. The manifest names the node that made the backup (agency, public keys,
fingerprint), when, the schema revision, the audit head, the row count of every table and every
member with its SHA-256; ``manifest.sig`` is the node's Ed25519 signature of those exact bytes.

A restore reads the whole file once without touching the database (decrypts, hashes every
member, checks the signature, the signer and the member list), then reads it again inside one
transaction, checking each member's hash again before inserting its rows, and finally checks
the restored audit chain and that it ends at the manifest's head. Any problem rolls everything
back.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import tarfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.exceptions import InvalidSignature
from rich.progress import Progress
from sqlalchemy import Integer, Table, func, insert, select, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from mekongx import __version__, migrations
from mekongx.audit import Actor, AuditHead, record, verify_chain
from mekongx.backup.rows import TableCodec, UnsupportedColumn
from mekongx.backup.sealed import Opening, SealedReader, SealedWriter, SealError, Sealing
from mekongx.db import Database
from mekongx.federation.envelope import key_id
from mekongx.federation.keys import NodeKeys, b64, fingerprint, load_sign_public, unb64
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


def _tables() -> list[Table]:
    return list(migrations.metadata().sorted_tables)


def _codecs() -> list[TableCodec]:
    try:
        return [TableCodec(table) for table in _tables()]
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
    codecs = _codecs()
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


# --- restoring --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Inspected:
    manifest: dict[str, Any]
    hashes: dict[str, str]


def _stream(source: Path, opening: Opening) -> Iterator[tuple[str, bytes]]:
    """Every member of the backup, in order, as (name, content)."""
    with source.open("rb") as raw:
        reader = SealedReader(raw, opening)
        buffered = io.BufferedReader(reader, 1 << 16)
        with tarfile.open(fileobj=buffered, mode="r|gz") as archive:
            for info in archive:
                if not info.isfile() or info.size > MAX_MEMBER:
                    raise BackupError(
                        N_("The backup file was altered or is damaged; nothing was restored.")
                    )
                member = archive.extractfile(info)
                yield info.name, member.read() if member else b""


def _inspect(source: Path, opening: Opening) -> _Inspected:
    hashes: dict[str, str] = {}
    manifest_blob, signature_blob = b"", b""
    for name, data in _stream(source, opening):
        if name in hashes:
            raise BackupError(
                N_("The backup file was altered or is damaged; nothing was restored.")
            )
        hashes[name] = hashlib.sha256(data).hexdigest()
        if name == MANIFEST:
            manifest_blob = data
        elif name == SIGNATURE:
            signature_blob = data
    if not manifest_blob or not signature_blob:
        raise BackupError(N_("This file is not a MekongX backup (no manifest)."))
    manifest = json.loads(manifest_blob)
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(
            N_("Unsupported backup format: %(format)s"),
            format=str(manifest.get("format") if isinstance(manifest, dict) else None),
        )
    signature = json.loads(signature_blob)
    try:
        load_sign_public(manifest["node"]["sign_public"]).verify(
            unb64(signature["sig"]), manifest_blob
        )
    except InvalidSignature:
        raise BackupError(
            N_("The backup's signature does not verify: it was altered. Nothing was restored.")
        ) from None
    return _Inspected(manifest, hashes)


def _same_fingerprint(given: str, actual: str) -> bool:
    def norm(text: str) -> str:
        return "".join(text.split()).upper()

    return norm(given) == norm(actual)


def _check(
    inspected: _Inspected,
    agency: str,
    keys: NodeKeys | None,
    trust: str | None,
    revision: str | None,
) -> None:
    """Everything that can be checked before the database is touched."""
    manifest, hashes = inspected.manifest, inspected.hashes
    node = manifest["node"]
    signer = str(node["sign_public"])
    ours = (
        {pair.sign_public for pair in (keys.current, *(p for p, _ in keys.earlier))}
        if keys
        else set()
    )
    if signer not in ours:
        actual = fingerprint(signer, str(node["enc_public"]))
        if trust is None:
            raise BackupError(
                N_(
                    "The backup was signed by another node's key (fingerprint %(fingerprint)s). "
                    "If you trust it, restore with --trust-fingerprint and that fingerprint."
                ),
                fingerprint=actual,
            )
        if not _same_fingerprint(trust, actual):
            raise BackupError(
                N_(
                    "The backup was signed by a key with fingerprint %(fingerprint)s, not the "
                    "one given; nothing was restored."
                ),
                fingerprint=actual,
            )
    if node.get("agency") != agency:
        raise BackupError(
            N_("The backup belongs to the node of %(backup)s, not %(agency)s."),
            backup=str(node.get("agency")),
            agency=agency,
        )
    if manifest.get("schema_revision") != revision:
        raise BackupError(
            N_("The backup has schema revision %(backup)s but this database has %(db)s."),
            backup=str(manifest.get("schema_revision")),
            db=str(revision),
        )
    listed = {str(m["name"]): str(m["sha256"]) for m in manifest["members"]}
    present = {name: digest for name, digest in hashes.items() if name not in (MANIFEST, SIGNATURE)}
    known = {table.name for table in _tables()}
    rows: dict[str, int] = {}
    for member in manifest["members"]:
        table = str(member["name"]).split("/")[1] if str(member["name"]).count("/") == 2 else ""
        if table not in known:
            raise _altered()
        rows[table] = rows.get(table, 0) + int(member["rows"])
    if listed != present or len(listed) != len(manifest["members"]):
        raise _altered()
    if any(rows.get(name, 0) != int(count) for name, count in manifest["tables"].items()) or set(
        rows
    ) - set(manifest["tables"]):
        raise _altered()


def _altered() -> BackupError:
    return BackupError(
        N_("The backup's contents do not match its signed manifest; nothing was restored.")
    )


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


def restore_backup(
    db: Database,
    source: Path,
    agency: str,
    keys: NodeKeys | None,
    *,
    passphrase: str | None = None,
    trust: str | None = None,
    progress: bool = False,
) -> Summary:
    """Load a backup into an empty database in one transaction; nothing is kept on failure.

    ``trust`` is the fingerprint of another node whose backup the operator means to restore;
    without it, only backups signed by this node's own keys are accepted."""
    opening = Opening(tuple(keys.decryption_keys()) if keys else (), passphrase)
    try:
        inspected = _inspect(source, opening)
        _check(inspected, agency, keys, trust, migrations.current_revision(db.url))
        return _load(db, source, opening, inspected.manifest, agency, progress)
    except SealError as error:
        raise BackupError(error.message, **error.params) from None
    except OSError:
        raise BackupError(
            N_("This file is not a MekongX backup (not a readable archive).")
        ) from None
    except (
        tarfile.TarError,
        EOFError,
        zlib.error,
        json.JSONDecodeError,
        UnicodeDecodeError,
        KeyError,
        ValueError,
        TypeError,
        SQLAlchemyError,
    ) as error:
        raise BackupError(
            N_("The backup file is damaged (%(problem)s); nothing was restored."),
            problem=type(error).__name__,
        ) from None


def _load(
    db: Database,
    source: Path,
    opening: Opening,
    manifest: dict[str, Any],
    agency: str,
    progress: bool,
) -> Summary:
    codecs = {c.table.name: c for c in _codecs()}
    listed = {str(m["name"]): str(m["sha256"]) for m in manifest["members"]}
    counts = dict.fromkeys(codecs, 0)
    with db.write() as session, Progress(disable=not progress) as bar:
        _ensure_empty(session, _tables())
        task = bar.add_task("restore", total=len(listed))
        for name, data in _stream(source, opening):
            if name in (MANIFEST, SIGNATURE):
                continue
            if listed.get(name) != hashlib.sha256(data).hexdigest():
                raise _altered()  # the file changed since it was checked
            table_codec = codecs[name.split("/")[1]]
            rows = [table_codec.row(line) for line in data.splitlines() if line.strip()]
            if rows:
                session.execute(insert(table_codec.table), rows)
            counts[table_codec.table.name] += len(rows)
            bar.advance(task)
        if any(counts[name] != manifest["tables"].get(name, 0) for name in counts):
            raise _altered()
        _reset_sequences(session, _tables())
        from mekongx.wiring import reindex_all  # every area's indexer, loaded on a restore only

        reindex_all(session)
        _, problems = verify_chain(session)
        if problems:
            raise BackupError(
                N_("The audit chain in the backup does not verify; nothing was restored.")
            )
        head = session.get(AuditHead, 1)
        restored = {"seq": head.seq, "hash": head.hash} if head else None
        if restored != manifest.get("audit_head"):
            raise BackupError(
                N_(
                    "The restored audit chain does not end at the head the backup recorded; "
                    "nothing was restored."
                )
            )
        record(
            session,
            Actor.system(agency),
            "backup.restore",
            "node",
            agency,
            details={"file": source.name, "audit_head": restored},
        )
    return Summary(sum(counts.values()), counts)
