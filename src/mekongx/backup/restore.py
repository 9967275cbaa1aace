"""Restoring a backup written by ``archive.py``.

A restore reads the whole file once without touching the database (decrypts, hashes every
member, checks the signature, the signer and the member list), then reads it again inside one
transaction, checking each member's hash again before inserting its rows, and finally checks
the restored audit chain and that it ends at the manifest's head. Any problem rolls everything
back.
"""

from __future__ import annotations

import hashlib
import io
import json
import tarfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from rich.progress import Progress
from sqlalchemy import Integer, Table, func, insert, select, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from mekongx import migrations
from mekongx.audit import Actor, AuditHead, record, verify_chain
from mekongx.backup.archive import (
    FORMAT,
    MANIFEST,
    MAX_MEMBER,
    SIGNATURE,
    BackupError,
    Summary,
    node_tables,
    table_codecs,
)
from mekongx.backup.sealed import Opening, SealedReader, SealError
from mekongx.db import Database
from mekongx.federation.keys import NodeKeys, fingerprint, load_sign_public, unb64
from mekongx.i18n import N_


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
    known = {table.name for table in node_tables()}
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
    codecs = {c.table.name: c for c in table_codecs()}
    listed = {str(m["name"]): str(m["sha256"]) for m in manifest["members"]}
    counts = dict.fromkeys(codecs, 0)
    with db.write() as session, Progress(disable=not progress) as bar:
        _ensure_empty(session, node_tables())
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
        _reset_sequences(session, node_tables())
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
