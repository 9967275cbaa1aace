"""TOTP secrets are encrypted at rest with a key file beside the node keys (issue 10, item 4)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyotp
import pytest
from sqlalchemy import text

from mekongx import migrations
from mekongx.accounts import authentication as authn
from mekongx.accounts.totp_keys import totp_box
from mekongx.backup.archive import create_backup
from mekongx.backup.restore import _stream
from mekongx.backup.sealed import Opening
from mekongx.db import Database
from mekongx.federation.keys import NodeKeys
from mekongx.model.identity import User

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def _enrol(world: Any, name: str, secret: str = SECRET) -> None:
    world.enable_second_factor(name, secret)


def _stored(db: Database, user_id: int) -> str:
    with db.read() as session:
        user = session.get(User, user_id)
        assert user is not None and user.totp_secret is not None
        return user.totp_secret


def test_the_secret_is_stored_sealed_and_login_still_works(world: Any, browser: Any) -> None:
    _enrol(world, "thai_liaison")
    stored = _stored(world.db, world.users["thai_liaison"].id)
    assert stored.startswith("v1:") and SECRET not in stored
    key_file = world.settings.keys_dir / "totp.key"
    assert key_file.stat().st_mode & 0o777 == 0o600
    assert key_file.read_bytes().strip().decode() not in stored
    page = browser.client.get("/login")
    token = page.text.split('name="csrf_token" value="')[1].split('"')[0]
    answer = browser.client.post(
        "/login",
        data={
            "csrf_token": token,
            "username": "thai.liaison",
            "password": "Test-Passw0rd-2567",
            "next": "/",
        },
    )
    assert answer.headers["location"].startswith("/login/totp")
    page = browser.client.get("/login/totp")
    token = page.text.split('name="csrf_token" value="')[1].split('"')[0]
    right = browser.client.post(
        "/login/totp", data={"csrf_token": token, "code": pyotp.TOTP(SECRET).now(), "next": "/"}
    )
    assert right.status_code == 303 and browser.client.get("/").status_code == 200


def test_a_database_writer_cannot_move_a_secret_to_another_account(world: Any) -> None:
    """Sealed with the user's id: copied onto another account it no longer opens."""
    _enrol(world, "thai_liaison")
    liaison, analyst = world.users["thai_liaison"], world.users["thai_analyst"]
    with world.db.write() as session:
        session.execute(
            text("UPDATE users SET totp_secret = :s WHERE id = :id"),
            {"s": _stored(world.db, liaison.id), "id": analyst.id},
        )
    with world.db.write() as session:
        user = session.get(User, analyst.id)
        assert user is not None
        login = authn.start_session(session, user, world.settings)[1]
        error = authn.verify_second_factor(
            session, login, user, pyotp.TOTP(SECRET).now(), world.principal("thai_analyst").actor,
            world.settings,
        )  # fmt: skip
    assert error is not None


def test_backups_carry_the_sealed_secret(world: Any, tmp_path: Path) -> None:
    _enrol(world, "thai_liaison")
    keys = NodeKeys.create(world.settings.keys_dir)
    archive = tmp_path / "node.backup"
    create_backup(world.db, archive, "ONCB", keys)
    members = dict(_stream(archive, Opening(tuple(keys.decryption_keys()))))
    users = b"".join(data for name, data in members.items() if name.startswith("tables/users/"))
    assert b'"totp_secret":"v1:' in users and SECRET.encode() not in users


@pytest.fixture
def before_0009(second_db_url: str) -> Iterator[str]:
    """A database at the revision before TOTP secrets were sealed (put back up afterwards)."""
    migrations.downgrade(second_db_url, "0008")
    yield second_db_url
    db = Database(second_db_url)
    with db.write() as session:
        session.execute(text("DELETE FROM users"))
        session.execute(text("DELETE FROM agencies"))
    db.dispose()
    migrations.upgrade(second_db_url)


def test_the_migration_seals_existing_secrets(before_0009: str, tmp_path: Path) -> None:
    db = Database(before_0009)
    with db.write() as session:
        session.execute(
            text(
                "INSERT INTO agencies (code, name_en, name_th, name_zh, country, is_own, active, "
                "created_at) VALUES ('ONCB', 'ONCB', 'ป.ป.ส.', '泰国', 'TH', true, true, "
                "CURRENT_TIMESTAMP)"
            )
        )
        session.execute(
            text(
                "INSERT INTO users (id, username, display_name, agency_code, role, language, "
                "password_hash, totp_secret, failed_logins, active, created_at, "
                "password_changed_at) VALUES (5, 'somchai', 'Somchai', 'ONCB', 'analyst', 'th', "
                "'x', :secret, 0, true, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
            ),
            {"secret": SECRET},
        )
    db.dispose()
    with pytest.raises(RuntimeError, match="mekongx db upgrade"):
        migrations.upgrade(before_0009)  # it will not guess where the node keys are
    keys_dir = tmp_path / "keys"
    migrations.upgrade(before_0009, keys_dir=keys_dir)
    db = Database(before_0009)
    stored = _stored(db, 5)
    assert stored.startswith("v1:") and totp_box(keys_dir).open(5, stored) == SECRET
    db.dispose()
