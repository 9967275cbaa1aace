"""Backup and restore give back the same data and a valid audit chain, on either engine."""

from __future__ import annotations

import tarfile
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from mekongx import migrations
from mekongx.audit import verify_chain
from mekongx.backup import BackupError, create_backup, restore_backup
from mekongx.db import Database
from mekongx.domains.intel import service as intel


def _dump(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    out = {}
    with db.read() as session:
        for table in migrations.metadata().sorted_tables:
            rows = session.execute(select(table).order_by(*table.primary_key.columns)).all()
            out[table.name] = [tuple(r) for r in rows]
    return out


def _fresh_sqlite(tmp_path: Path, name: str) -> Database:
    url = f"sqlite:///{tmp_path / name}"
    migrations.upgrade(url)
    return Database(url)


def test_round_trip(world: Any, tmp_path: Path) -> None:
    world.report(
        "thai_liaison",
        title="หลาน เว่ยหง ที่เชียงราย",
        distribution="peers",
        recipients=["NNCC"],
        language="th",
    )
    world.report("chinese_liaison", title="兰卫红", language="zh")
    archive = tmp_path / "node.tar.gz"
    summary = create_backup(world.db, archive, "ONCB")
    assert summary.rows > 10 and archive.exists()
    before = _dump(world.db)
    target = _fresh_sqlite(tmp_path, "restored.db")
    restore_backup(target, archive, "ONCB")
    after = _dump(target)
    for table, rows in before.items():
        if table == "audit_events":
            assert after[table][: len(rows)] == rows  # plus the restore's own entry
            assert after[table][-1][5] == "backup.restore"
        elif table == "audit_head":
            continue
        else:
            assert after[table] == rows, table
    with target.read() as session:
        assert verify_chain(session)[1] == []
        assert {
            r.title for r in intel.search_reports(session, world.principal("thai_viewer"), "เว่ยหง")
        } == {"หลาน เว่ยหง ที่เชียงราย"}
    target.dispose()


def test_restore_refuses_a_non_empty_database(world: Any, tmp_path: Path) -> None:
    archive = tmp_path / "node.tar.gz"
    create_backup(world.db, archive, "ONCB")
    with pytest.raises(BackupError, match="not empty"):
        restore_backup(world.db, archive, "ONCB")


@pytest.mark.parametrize("content", [b"", b"not a tarball", b"\x1f\x8b\x08garbage"])
def test_restore_refuses_garbage(tmp_path: Path, content: bytes) -> None:
    bad = tmp_path / "bad.tar.gz"
    bad.write_bytes(content)
    target = _fresh_sqlite(tmp_path, "t.db")
    with pytest.raises(BackupError):
        restore_backup(target, bad, "ONCB")
    target.dispose()


def test_restore_refuses_a_tampered_audit_chain(world: Any, tmp_path: Path) -> None:
    archive = tmp_path / "node.tar.gz"
    create_backup(world.db, archive, "ONCB")
    tampered = tmp_path / "tampered.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(tampered, "w:gz") as out:
        for member in source.getmembers():
            data = source.extractfile(member)
            assert data is not None
            content = data.read()
            if member.name == "tables/audit_events.jsonl":
                content = content.replace(b"user.create", b"user.delete", 1)
            member.size = len(content)
            import io

            out.addfile(member, io.BytesIO(content))
    target = _fresh_sqlite(tmp_path, "t.db")
    with pytest.raises(BackupError, match="audit chain"):
        restore_backup(target, tampered, "ONCB")
    with target.read() as session:  # nothing was half-written
        assert verify_chain(session)[0] == 0
    target.dispose()
