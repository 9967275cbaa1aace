"""A backup proves itself: an altered, truncated, re-signed, foreign or wrongly opened backup is
refused with a clear message and nothing is restored (issue 10, item 4)."""

from __future__ import annotations

import copy
import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from mekongx import migrations
from mekongx.backup import BackupError, create_backup, restore_backup
from mekongx.backup.archive import MANIFEST, SIGNATURE
from mekongx.backup.restore import _stream
from mekongx.backup.sealed import Opening, SealedWriter, Sealing
from mekongx.db import Database
from mekongx.federation.envelope import key_id
from mekongx.federation.keys import KeyPair, NodeKeys, b64, unb64

Members = dict[str, bytes]
INIT = ("init", "--name-en", "ONCB", "--name-th", "ป.ป.ส.", "--name-zh", "泰国肃毒委员会办公室")
INIT = (*INIT, "--country", "TH", "--password", "Harbour-Chief-2567")
PASSPHRASE = "correct horse battery staple"


@pytest.fixture(autouse=True)
def _cheap_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    from mekongx.backup import sealed

    monkeypatch.setattr(sealed, "SCRYPT", {"n": 1 << 12, "r": 8, "p": 1})


@pytest.fixture
def second(second_db_url: str) -> Iterator[Database]:
    db = Database(second_db_url)
    yield db
    db.dispose()


@pytest.fixture
def made(world: Any, tmp_path: Path) -> tuple[Path, NodeKeys]:
    """A node with one H1 report of its own, backed up to its own key."""
    world.report("thai_analyst", title="Original title", handling_code="H1", distribution="own")
    keys = NodeKeys.create(world.settings.keys_dir)
    archive = tmp_path / "node.backup"
    create_backup(world.db, archive, "ONCB", keys)
    return archive, keys


def _rows(db: Database) -> int:
    with db.read() as session:
        return sum(
            session.scalar(select(func.count()).select_from(t)) or 0
            for t in migrations.metadata().sorted_tables
        )


def _open(keys: NodeKeys, passphrase: str | None = None) -> Opening:
    return Opening(tuple(keys.decryption_keys()), passphrase)


def forge(
    source: Path,
    target: Path,
    keys: NodeKeys,
    edit: Callable[[Members, dict[str, Any]], None],
    *,
    fix_manifest: bool = True,
    signer: KeyPair | None = None,
) -> None:
    """What someone who can decrypt the backup (but holds no signing key unless ``signer``)
    can make of it: edit members and the manifest, re-list the hashes, re-encrypt."""
    members: Members = dict(_stream(source, _open(keys)))
    manifest = json.loads(members.pop(MANIFEST))
    signature = json.loads(members.pop(SIGNATURE))
    edit(members, manifest if fix_manifest else copy.deepcopy(manifest))
    if fix_manifest:
        manifest["members"] = [
            {
                "name": name,
                "sha256": hashlib.sha256(data).hexdigest(),
                "rows": data.count(b"\n"),
                "bytes": len(data),
            }
            for name, data in members.items()
        ]
        counts = dict.fromkeys(manifest["tables"], 0)
        for name, data in members.items():
            counts[name.split("/")[1]] += data.count(b"\n")
        manifest["tables"] = counts
    blob = json.dumps(manifest, indent=1, ensure_ascii=False).encode()
    if signer is not None:
        manifest["node"].update(sign_public=signer.sign_public, enc_public=signer.enc_public)
        blob = json.dumps(manifest, indent=1, ensure_ascii=False).encode()
        signature = {
            "alg": "Ed25519",
            "kid": key_id(unb64(signer.sign_public)),
            "sig": b64(signer.sign.sign(blob)),
        }
    members[MANIFEST] = blob
    members[SIGNATURE] = json.dumps(signature).encode()
    with target.open("wb") as raw:
        writer = SealedWriter(raw, Sealing(node_public=keys.current.enc.public_key()))
        with tarfile.open(fileobj=writer, mode="w|gz") as archive:
            for name, data in members.items():
                info = tarfile.TarInfo(name)
                info.size = len(data)
                archive.addfile(info, io.BytesIO(data))
        writer.finish()


def _member(members: Members, table: str) -> str:
    return next(name for name in members if name.startswith(f"tables/{table}/"))


def _replace(table: str, old: bytes, new: bytes) -> Callable[[Members, dict[str, Any]], None]:
    def edit(members: Members, manifest: dict[str, Any]) -> None:
        name = _member(members, table)
        assert old in members[name]
        members[name] = members[name].replace(old, new)

    return edit


def _add_admin(members: Members, manifest: dict[str, Any]) -> None:
    name = _member(members, "users")
    rows = [json.loads(line) for line in members[name].splitlines()]
    intruder = dict(rows[0], id=999, username="intruder", role="admin", agency_code="ONCB")
    members[name] += json.dumps(intruder).encode() + b"\n"


def _cut_audit_tail(members: Members, manifest: dict[str, Any]) -> None:
    name = _member(members, "audit_events")
    lines = members[name].splitlines(keepends=True)[:-3]
    members[name] = b"".join(lines)
    last = json.loads(lines[-1])
    manifest["audit_head"] = {"seq": last["seq"], "hash": last["hash"]}
    head = _member(members, "audit_head")
    row = json.loads(members[head])
    members[head] = json.dumps(dict(row, seq=last["seq"], hash=last["hash"])).encode() + b"\n"


def _swap(members: Members, manifest: dict[str, Any]) -> None:
    a, b = _member(members, "agencies"), _member(members, "sharing_groups")
    members[a], members[b] = members[b], members[a]


TAMPERING = {
    "edited title": _replace("intel_reports", b'"Original title"', b'"Harmless title"'),
    "edited handling code": _replace("intel_reports", b'"handling_code":"H1"', b'"handling_code":"H0"'),
    "edited distribution": _replace("intel_reports", b'"distribution":"own"', b'"distribution":"group"'),
    "added admin account": _add_admin,
    "truncated audit tail": _cut_audit_tail,
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(TAMPERING))
def test_an_edited_backup_is_refused(
    case: str, made: tuple[Path, NodeKeys], second: Database, tmp_path: Path
) -> None:
    archive, keys = made
    forged = tmp_path / "forged.backup"
    forge(archive, forged, keys, TAMPERING[case])  # every hash re-listed: the signature breaks
    with pytest.raises(BackupError, match="signature does not verify"):
        restore_backup(second, forged, "ONCB", keys)
    forge(archive, forged, keys, TAMPERING[case], fix_manifest=False)  # hashes left as signed
    with pytest.raises(BackupError, match="do not match its signed manifest"):
        restore_backup(second, forged, "ONCB", keys)
    assert _rows(second) == 0


def test_a_swapped_member_is_refused(
    made: tuple[Path, NodeKeys], second: Database, tmp_path: Path
) -> None:
    archive, keys = made
    forged = tmp_path / "forged.backup"
    forge(archive, forged, keys, _swap, fix_manifest=False)
    with pytest.raises(BackupError, match="do not match its signed manifest"):
        restore_backup(second, forged, "ONCB", keys)
    assert _rows(second) == 0


def test_a_backup_re_signed_with_another_key_is_refused(
    made: tuple[Path, NodeKeys], second: Database, tmp_path: Path
) -> None:
    archive, keys = made
    forged = tmp_path / "forged.backup"
    intruder = KeyPair.generate()
    forge(archive, forged, keys, _add_admin, signer=intruder)
    with pytest.raises(BackupError, match="another node's key") as refused:
        restore_backup(second, forged, "ONCB", keys)
    assert intruder.fingerprint in str(refused.value)
    assert _rows(second) == 0


def test_the_restored_chain_must_end_at_the_signed_head(
    made: tuple[Path, NodeKeys], second: Database, tmp_path: Path
) -> None:
    """Even a manifest signed by the node's own key must agree with the audit rows it lists."""
    archive, keys = made
    forged = tmp_path / "forged.backup"

    def older_head(members: Members, manifest: dict[str, Any]) -> None:
        manifest["audit_head"]["seq"] -= 1

    forge(archive, forged, keys, older_head, signer=keys.current)
    with pytest.raises(BackupError, match="does not end at the head"):
        restore_backup(second, forged, "ONCB", keys)
    assert _rows(second) == 0


@pytest.mark.parametrize("cut", [1, 100, 0])  # 0: half the file
def test_a_truncated_or_flipped_file_is_refused(
    made: tuple[Path, NodeKeys], second: Database, tmp_path: Path, cut: int
) -> None:
    archive, keys = made
    data = archive.read_bytes()
    cut = cut or len(data) // 2
    short = tmp_path / "short.backup"
    short.write_bytes(data[: max(len(data) - cut, 0)])
    with pytest.raises(BackupError, match=r"incomplete|altered|damaged"):
        restore_backup(second, short, "ONCB", keys)
    flipped = bytearray(data)
    flipped[-min(cut, len(data) - 200)] ^= 1
    short.write_bytes(bytes(flipped))
    with pytest.raises(BackupError, match=r"altered|damaged"):
        restore_backup(second, short, "ONCB", keys)
    assert _rows(second) == 0


def test_passphrase_backups(world: Any, second: Database, tmp_path: Path) -> None:
    keys = NodeKeys.create(world.settings.keys_dir)
    archive = tmp_path / "node.backup"
    create_backup(world.db, archive, "ONCB", keys, passphrase=PASSPHRASE)
    assert b"Original" not in archive.read_bytes() and b"thai.analyst" not in archive.read_bytes()
    with pytest.raises(BackupError, match="encrypted with a passphrase"):
        restore_backup(second, archive, "ONCB", keys)
    with pytest.raises(BackupError, match="wrong passphrase"):
        restore_backup(second, archive, "ONCB", keys, passphrase="not the passphrase")
    assert _rows(second) == 0
    restore_backup(second, archive, "ONCB", keys, passphrase=PASSPHRASE)
    assert _rows(second) > 10


def test_another_nodes_backup_needs_its_fingerprint(
    world: Any, second: Database, tmp_path: Path
) -> None:
    """A node rebuilt with new keys restores its old backup only when the operator names the
    old key's fingerprint."""
    old = NodeKeys.create(tmp_path / "old-keys")
    archive = tmp_path / "node.backup"
    create_backup(world.db, archive, "ONCB", old, passphrase=PASSPHRASE)
    new = NodeKeys.create(tmp_path / "new-keys")
    with pytest.raises(BackupError, match="another node's key"):
        restore_backup(second, archive, "ONCB", new, passphrase=PASSPHRASE)
    wrong = KeyPair.generate().fingerprint
    with pytest.raises(BackupError, match="not the one given"):
        restore_backup(second, archive, "ONCB", new, passphrase=PASSPHRASE, trust=wrong)
    sealed_to_old = tmp_path / "sealed-to-old.backup"
    create_backup(world.db, sealed_to_old, "ONCB", old)
    with pytest.raises(BackupError, match="does not hold"):
        restore_backup(second, sealed_to_old, "ONCB", new, trust=old.current.fingerprint)
    with pytest.raises(BackupError, match="belongs to the node of ONCB"):
        restore_backup(second, archive, "NNCC", old, passphrase=PASSPHRASE)
    assert _rows(second) == 0
    restore_backup(
        second,
        archive,
        "ONCB",
        new,
        passphrase=PASSPHRASE,
        trust=old.current.fingerprint.lower().replace(" ", ""),
    )
    assert _rows(second) > 10


def test_the_command_line_refuses_in_the_users_language(
    db_url: str, second_db_url: str, tmp_path: Path
) -> None:
    env = {
        **os.environ,
        "MEKONGX_DATABASE_URL": db_url,
        "MEKONGX_DATA_DIR": str(tmp_path),
        "MEKONGX_ENV": "test",
        "MEKONGX_NODE_AGENCY": "ONCB",
        "MEKONGX_BACKUP_PASSPHRASE": PASSPHRASE,
    }

    def run(*args: str, **extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "mekongx.cli.main", *args],
            env={**env, **extra},
            capture_output=True,
            text=True,
            timeout=120,
        )

    made = run(*INIT)
    assert made.returncode == 0, made.stderr
    archive = tmp_path / "node.backup"
    written = run("backup", str(archive), "--passphrase")
    assert written.returncode == 0, written.stderr
    assert archive.stat().st_mode & 0o777 == 0o600
    other = {"MEKONGX_DATABASE_URL": second_db_url}
    wrong = run(
        "restore",
        str(archive),
        "--passphrase",
        MEKONGX_BACKUP_PASSPHRASE="wrong",
        MEKONGX_LANG="th",
        **other,
    )
    assert wrong.returncode == 2 and "ไม่สามารถถอดรหัสข้อมูลสำรองได้" in wrong.stderr
    assert "Traceback" not in wrong.stderr
    plain = run("restore", str(archive), MEKONGX_LANG="zh", **other)
    assert plain.returncode == 2 and "该备份使用口令加密" in plain.stderr
    restored = run("restore", str(archive), "--passphrase", MEKONGX_LANG="en", **other)
    assert restored.returncode == 0, restored.stderr
