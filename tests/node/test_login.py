"""Logging in: password policy, lock-out, second factor, CSRF, API tokens, sessions."""

from __future__ import annotations

import re
from typing import Any

import pyotp
import pytest
from fastapi.testclient import TestClient

from mekongx.accounts import authentication as authn
from mekongx.accounts import service as accounts
from mekongx.accounts.passwords import policy_problems
from mekongx.audit import verify_chain
from mekongx.errors import ValidationFailed


def _csrf(client: TestClient, path: str = "/login") -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', client.get(path).text)
    assert match
    return match.group(1)


def _login(client: TestClient, username: str, password: str) -> Any:
    return client.post(
        "/login",
        data={"csrf_token": _csrf(client), "username": username, "password": password, "next": "/"},
    )


@pytest.mark.parametrize(
    ("password", "ok"),
    [
        ("short-1A", False),
        ("alllowercaseletters", False),
        ("Long-enough-2567", True),
        ("รหัสผ่านภาษาไทย2567", True),
        ("thai.analyst-Pass1", False),  # contains the user name
    ],
)
def test_password_policy(password: str, ok: bool) -> None:
    assert (policy_problems(password, username="thai.analyst", min_length=12) == []) is ok


def test_login_and_logout(browser: Any, world: Any) -> None:
    browser.login("thai.analyst")
    assert browser.client.get("/").status_code == 200
    response = browser.post("/logout", {})
    assert response.status_code == 303
    assert browser.client.get("/").headers["location"].startswith("/login")


def test_wrong_password_message_in_users_language(app_client: TestClient) -> None:
    app_client.cookies.set("mx_lang", "th")
    response = _login(app_client, "thai.analyst", "wrong-password-1A")
    assert response.status_code == 401
    assert "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง" in response.text


def test_lockout_after_repeated_failures(app_client: TestClient, world: Any) -> None:
    for _ in range(world.settings.lockout_attempts):
        assert _login(app_client, "thai.viewer", "wrong-password-1A").status_code == 401
    locked = _login(app_client, "thai.viewer", "Test-Passw0rd-2567")
    assert locked.status_code == 423
    with world.db.write() as session:
        accounts.unlock_user(session, world.principal("thai_admin"), world.users["thai_viewer"].id)
    assert _login(app_client, "thai.viewer", "Test-Passw0rd-2567").status_code == 303
    with world.db.read() as session:
        assert verify_chain(session)[1] == []


def test_unknown_user_gets_the_same_answer(app_client: TestClient) -> None:
    assert _login(app_client, "nobody", "whatever-1A-long").status_code == 401


def test_csrf_token_required_for_forms(browser: Any) -> None:
    browser.login("thai.liaison")
    response = browser.client.post("/reports/new", data={"title": "x"})
    assert response.status_code == 403
    assert "security token" in response.text or "โทเคนความปลอดภัย" in response.text


def test_login_form_needs_its_token(app_client: TestClient) -> None:
    response = app_client.post(
        "/login", data={"username": "thai.analyst", "password": "Test-Passw0rd-2567"}
    )
    assert response.status_code == 403


def test_open_redirect_refused(app_client: TestClient) -> None:
    token = _csrf(app_client)
    response = app_client.post(
        "/login",
        data={
            "csrf_token": token,
            "username": "thai.analyst",
            "password": "Test-Passw0rd-2567",
            "next": "https://evil.example/",
        },
    )
    assert response.headers["location"] == "/"


def test_second_factor(browser: Any, world: Any) -> None:
    secret = pyotp.random_base32()
    with world.db.write() as session, pytest.raises(ValidationFailed):
        authn.enable_totp(
            session, world.principal("thai_liaison"), secret, "000000", world.settings
        )
    world.enable_second_factor("thai_liaison", secret)
    client = browser.client
    response = _login(client, "thai.liaison", "Test-Passw0rd-2567")
    assert response.headers["location"].startswith("/login/totp")
    assert client.get("/").headers["location"].startswith("/login")  # not in yet
    token = _csrf(client, "/login/totp")
    wrong = client.post("/login/totp", data={"csrf_token": token, "code": "123456", "next": "/"})
    assert wrong.status_code == 401
    right = client.post(
        "/login/totp", data={"csrf_token": token, "code": pyotp.TOTP(secret).now(), "next": "/"}
    )
    assert right.status_code == 303
    assert client.get("/").status_code == 200


def test_api_token_and_bad_token(app_client: TestClient, token_for: Any) -> None:
    headers = token_for("thai.analyst".replace(".", "_"))
    me = app_client.get("/api/v1/me", headers=headers)
    assert me.status_code == 200 and me.json()["role"] == "analyst"
    bad = app_client.get("/api/v1/me", headers={"Authorization": "Bearer mx_nope_nope"})
    assert bad.status_code == 401 and bad.json()["error"]["code"] == "not_authenticated"
    assert app_client.get("/api/v1/me").status_code == 401


def test_disabled_user_loses_sessions(browser: Any, world: Any) -> None:
    browser.login("thai.viewer")
    with world.db.write() as session:
        accounts.set_user_active(
            session,
            world.principal("thai_admin"),
            world.users["thai_viewer"].id,
            False,
            world.settings,
        )
    assert browser.client.get("/").status_code == 303


def test_cookie_flags(app_client: TestClient) -> None:
    response = _login(app_client, "thai.analyst", "Test-Passw0rd-2567")
    cookie = response.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie
