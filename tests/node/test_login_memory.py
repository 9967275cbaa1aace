"""A process keeps who its callers are between requests (accounts/login_cache.py) and forgets it
at once when the node changes a user, a session or a token, in this process or another."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pyotp
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import delete, event, func, select, update

from mekongx.accounts import login_cache
from mekongx.app import create_app
from mekongx.db import epochs
from mekongx.model.identity import ApiToken, LoginSession, User


def _statements(engine: Any) -> list[str]:
    seen: list[str] = []

    @event.listens_for(engine, "before_cursor_execute")
    def _log(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        seen.append(statement)

    return seen


def test_a_known_token_is_answered_without_a_statement(world: Any) -> None:
    headers = world.token("thai_analyst")
    with world.app() as client:
        assert client.get("/api/v1/me", headers=headers).status_code == 200
        seen = _statements(world.db.read_engine)
        again = client.get("/api/v1/me", headers=headers)
    assert again.status_code == 200 and again.json()["username"] == "thai.analyst"
    assert seen == []


def test_a_token_revoked_by_a_command_stops_at_once(world: Any) -> None:
    headers = world.token("thai_analyst")
    env = {
        **os.environ,
        "MEKONGX_DATABASE_URL": world.db.url,
        "MEKONGX_DATA_DIR": str(world.settings.data_dir),  # the node's own, as its commands run
        "MEKONGX_NODE_AGENCY": world.agency,
        "MEKONGX_ENV": "test",
        "MEKONGX_LANG": "en",
    }
    with world.app() as client:
        assert client.get("/api/v1/me", headers=headers).status_code == 200
        token = headers["Authorization"].removeprefix("Bearer ")
        done = subprocess.run(
            [sys.executable, "-m", "mekongx.cli.main", "users", "revoke-token", token[:12]],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        refused = client.get("/api/v1/me", headers=headers)
    assert refused.status_code == 401
    assert refused.json()["error"]["message"] == "The API token is not valid."


def test_a_user_disabled_in_one_process_is_refused_by_the_others(world: Any) -> None:
    """Two applications on one database are two web workers of one node."""
    headers = world.token("thai_analyst")
    with (
        world.app() as first,
        world.browser("thai.analyst") as page,
        world.browser("thai.admin") as admin,
    ):
        assert first.get("/api/v1/me", headers=headers).status_code == 200
        assert page.client.get("/profile").status_code == 200
        user_id = world.users["thai_analyst"].id
        assert admin.post(f"/admin/users/{user_id}/disable", {}).status_code == 303
        assert first.get("/api/v1/me", headers=headers).status_code == 401
        assert page.client.get("/profile").status_code == 303


def test_a_session_ended_in_one_worker_is_refused_by_another(world: Any) -> None:
    with world.browser("thai.analyst") as page, world.app() as other:
        other.cookies.update(page.client.cookies)
        assert other.get("/profile").status_code == 200  # remembered by the other worker
        assert page.post("/logout", {}).status_code == 303
        assert other.get("/profile").status_code == 303  # back to the login form


def test_a_change_behind_the_nodes_back_applies_after_the_set_time(
    world: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A write the node's code does not make (by hand in SQL) is seen after
    ``login_cache_seconds``; with 0 on the very next request."""
    headers = world.token("thai_analyst")
    clock = [1000.0]
    monkeypatch.setattr(login_cache.time, "monotonic", lambda: clock[0])
    with world.app() as client:
        assert client.get("/api/v1/me", headers=headers).status_code == 200
        with world.db.write_engine.begin() as connection:  # Core, behind the ORM's back
            connection.execute(update(ApiToken).values(revoked=True))
        assert client.get("/api/v1/me", headers=headers).status_code == 200
        clock[0] += world.settings.login_cache_seconds + 1
        assert client.get("/api/v1/me", headers=headers).status_code == 401

    headers = world.token("thai_liaison")
    settings = world.settings.model_copy(update={"login_cache_seconds": 0})
    with TestClient(create_app(settings, world.db)) as client:
        assert client.get("/api/v1/me", headers=headers).status_code == 200
        with world.db.write_engine.begin() as connection:
            connection.execute(update(User).values(active=False))
        assert client.get("/api/v1/me", headers=headers).status_code == 401


def test_nothing_is_kept_where_the_change_mark_is_not_safely_ours(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = tmp_path / f"mekongx-{os.getuid()}"
    shared.mkdir(mode=0o777)
    shared.chmod(0o777)  # others may write: a mark there could be held still by them
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    assert epochs.epoch_for("postgresql+psycopg://x@nowhere/unsafe", "logins") is None
    shared.chmod(0o700)
    safe = epochs.epoch_for("postgresql+psycopg://x@nowhere/safe", "logins")
    assert safe is not None
    assert stat.S_IMODE(safe.path.stat().st_mode) == 0o600
    assert safe.path.parent == shared
    before = safe.current()
    safe.bump()
    assert safe.current() != before


def test_a_pending_login_ended_behind_the_nodes_back_is_not_brought_back(
    world: Any, browser: Any
) -> None:
    """The second factor completes the login row as it is now, never the process's memory of
    it: a login ended meanwhile (here by hand, which the change mark cannot see) stays ended."""
    secret = world.enable_second_factor("thai_liaison")
    client = browser.client
    page = client.get("/login")
    csrf = page.text.split('name="csrf_token" value="')[1].split('"')[0]
    form = {"csrf_token": csrf, "username": "thai.liaison", "password": "Test-Passw0rd-2567"}
    assert (
        client.post("/login", data=form | {"next": "/"})
        .headers["location"]
        .startswith("/login/totp")
    )
    totp_page = client.get("/login/totp")  # the pending login is now remembered
    csrf = totp_page.text.split('name="csrf_token" value="')[1].split('"')[0]
    with world.db.write_engine.begin() as connection:  # Core: the mark does not move
        connection.execute(delete(LoginSession))
    answer = client.post(
        "/login/totp", data={"csrf_token": csrf, "code": pyotp.TOTP(secret).now(), "next": "/"}
    )
    assert answer.status_code == 303 and answer.headers["location"] == "/login"
    with world.db.read() as session:
        assert session.scalar(select(func.count()).select_from(LoginSession)) == 0


def test_a_savepoint_ending_does_not_swallow_the_commits_mark(world: Any) -> None:
    mark = epochs.epoch_for(world.db.url, "logins")
    assert mark is not None
    with world.db.write() as session:
        user = session.get(User, world.users["thai_viewer"].id)
        assert user is not None
        user.language = "zh"
        session.flush()
        with session.begin_nested():
            pass
        before_commit = mark.current()
    assert mark.current() != before_commit
