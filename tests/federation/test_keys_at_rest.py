"""The node's private keys: encrypted at rest with a passphrase, every earlier pair kept for its
overlap (not only the last), and dropped at once in an emergency."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from mekongx import migrations
from mekongx.federation.keys import KeyFileError, NodeKeys, is_encrypted

PASSPHRASE = "Mekong-Keys-At-Rest-2567"
DAY = timedelta(days=1)


def _secret(path: Path, text: str = PASSPHRASE) -> Path:
    path.write_text(text + "\n")
    path.chmod(0o600)
    return path


def test_encrypted_key_files_open_only_with_the_passphrase(tmp_path: Path) -> None:
    keys = NodeKeys.create(tmp_path / "keys", PASSPHRASE)
    stored = (tmp_path / "keys" / NodeKeys.CURRENT).read_text()
    secret = json.loads(keys.current._private_blob())["sign"]
    assert "sign" not in json.loads(stored) and secret not in stored
    assert is_encrypted(tmp_path / "keys" / NodeKeys.CURRENT)
    with pytest.raises(KeyFileError, match="MEKONGX_KEY_PASSPHRASE_FILE"):
        NodeKeys.load(tmp_path / "keys")
    with pytest.raises(KeyFileError, match="wrong passphrase"):
        NodeKeys.load(tmp_path / "keys", "Not-The-Passphrase-1")
    assert (
        NodeKeys.load(tmp_path / "keys", PASSPHRASE).current.fingerprint == keys.current.fingerprint
    )
    rotated = NodeKeys.rotate(tmp_path / "keys", DAY, PASSPHRASE)  # stays encrypted
    assert is_encrypted(tmp_path / "keys" / NodeKeys.PREVIOUS)
    again = NodeKeys.load(tmp_path / "keys", PASSPHRASE)
    assert again.previous is not None and again.previous.fingerprint == keys.current.fingerprint
    assert again.current.fingerprint == rotated.current.fingerprint


def test_every_earlier_pair_is_kept_for_its_overlap(tmp_path: Path) -> None:
    first = NodeKeys.create(tmp_path).current
    second = NodeKeys.rotate(tmp_path, DAY).current
    third = NodeKeys.rotate(tmp_path, DAY)
    assert [p.fingerprint for p, _ in third.earlier] == [second.fingerprint, first.fingerprint]
    assert len(NodeKeys.load(tmp_path).decryption_keys()) == 3  # before: the first was lost
    # A pair whose overlap ended is no longer loaded.
    path = tmp_path / NodeKeys.PREVIOUS
    data = json.loads(path.read_text())
    data["earlier"][1]["until"] = "2020-01-01T00:00:00+00:00"
    path.write_text(json.dumps(data))
    assert [p.fingerprint for p, _ in NodeKeys.load(tmp_path).earlier] == [second.fingerprint]
    # Emergency: a rotation that keeps no earlier pair.
    assert NodeKeys.drop_earlier(tmp_path) == 2
    last = NodeKeys.rotate(tmp_path, timedelta(0))
    assert last.earlier == () and not path.exists()
    assert len(NodeKeys.load(tmp_path).decryption_keys()) == 1


def test_the_single_previous_pair_of_older_nodes_still_loads(tmp_path: Path) -> None:
    old = NodeKeys.create(tmp_path).current
    new = NodeKeys.rotate(tmp_path, DAY)
    until = new.earlier[0][1]
    (tmp_path / NodeKeys.PREVIOUS).write_text(
        json.dumps({"pair": json.loads(old._private_blob()), "until": until.isoformat()})
    )
    previous = NodeKeys.load(tmp_path).previous
    assert previous is not None and previous.fingerprint == old.fingerprint


def _cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mekongx.cli.main", *args], env=env,
                          capture_output=True, text=True, timeout=180)  # fmt: skip


def test_keys_encrypt_command(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'node.db'}"
    migrations.upgrade(url)
    keys = NodeKeys.create(tmp_path / "keys")
    env = {**os.environ, "MEKONGX_ENV": "test", "MEKONGX_DATA_DIR": str(tmp_path),
           "MEKONGX_DATABASE_URL": url, "MEKONGX_LANG": "en"}  # fmt: skip
    unset = _cli(env, "keys", "encrypt")
    assert unset.returncode == 2 and "MEKONGX_KEY_PASSPHRASE_FILE" in unset.stderr
    short = {**env, "MEKONGX_KEY_PASSPHRASE_FILE": str(_secret(tmp_path / "short", "abc"))}
    bad = _cli(short, "keys", "encrypt")
    assert bad.returncode == 2 and "at least 12" in bad.stderr and "Traceback" not in bad.stderr
    assert not is_encrypted(tmp_path / "keys" / NodeKeys.CURRENT)  # nothing changed

    with_file = {**env, "MEKONGX_KEY_PASSPHRASE_FILE": str(_secret(tmp_path / "passphrase"))}
    done = _cli(with_file, "keys", "encrypt")
    assert done.returncode == 0, done.stderr
    assert is_encrypted(tmp_path / "keys" / NodeKeys.CURRENT)
    shown = _cli(with_file, "keys", "show")
    assert shown.returncode == 0 and keys.current.fingerprint in shown.stdout
    locked = _cli(env, "keys", "show")
    assert locked.returncode == 2 and "encrypted" in locked.stderr
    assert "Traceback" not in locked.stderr
