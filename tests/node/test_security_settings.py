"""Issue 10, items 7 and 9: second-factor attempts, re-authentication, API token expiry and
revocation, per-client login throttling, no user enumeration by lock-out, the password policy,
security headers."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pyotp
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, update

from mekongx.accounts import service as accounts
from mekongx.accounts.passwords import DEMO_PASSWORD, policy_problems
from mekongx.accounts.phantoms import PHANTOMS
from mekongx.app import create_app
from mekongx.errors import ValidationFailed
from mekongx.model.identity import ApiToken, LoginSession, User

PASSWORD = "Test-Passw0rd-2567"


def _csrf(client: TestClient, path: str = "/login") -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', client.get(path).text)
    assert match, path
    return match.group(1)


def _login(client: TestClient, username: str, password: str) -> Any:
    return client.post(
        "/login",
        data={"csrf_token": _csrf(client), "username": username, "password": password, "next": "/"},
    )


def _user(world: Any, name: str) -> User:
    with world.db.read() as session:
        user = session.get(User, world.users[name].id)
        assert user is not None
        session.expunge(user)
        return user


# --- item 7: the second factor ---------------------------------------------------------------


def test_second_factor_attempts_are_limited(browser: Any, world: Any) -> None:
    secret = world.enable_second_factor("thai_liaison")
    client = browser.client
    assert _login(client, "thai.liaison", PASSWORD).headers["location"].startswith("/login/totp")
    token = _csrf(client, "/login/totp")
    answers = [
        client.post("/login/totp", data={"csrf_token": token, "code": f"{n:06d}", "next": "/"})
        for n in range(world.settings.lockout_attempts)
    ]
    assert [a.status_code for a in answers[:-1]] == [401] * (world.settings.lockout_attempts - 1)
    assert answers[-1].status_code == 423  # the locking failure ends the pending login
    right = client.post(
        "/login/totp", data={"csrf_token": token, "code": pyotp.TOTP(secret).now(), "next": "/"}
    )
    assert right.status_code in (303, 403) and client.get("/").status_code == 303
    assert client.get("/").headers["location"].startswith("/login")
    assert accounts.is_locked(_user(world, "thai_liaison"))
    with world.db.read() as session:
        user_id = world.users["thai_liaison"].id
        assert session.scalar(select(LoginSession).where(LoginSession.user_id == user_id)) is None


def test_changing_the_second_factor_needs_the_current_password(browser: Any, world: Any) -> None:
    browser.login("thai.analyst")
    secret = pyotp.random_base32()
    code = pyotp.TOTP(secret).now()
    without = browser.post("/profile/totp", {"secret": secret, "code": code})
    assert without.status_code == 422 and _user(world, "thai_analyst").totp_secret is None
    assert _user(world, "thai_analyst").failed_logins == 1  # counted like a failed login
    right = browser.post("/profile/totp", {"secret": secret, "code": code, "current": PASSWORD})
    assert right.status_code == 200 and _user(world, "thai_analyst").totp_secret is not None


def test_wrong_current_passwords_lock_the_account(browser: Any, world: Any) -> None:
    browser.login("thai.viewer")  # reads English
    for _ in range(world.settings.lockout_attempts - 1):
        answer = browser.post("/profile/password", {"current": "Nope-1234-abcd", "password": "x"})
        assert answer.status_code == 422 and "current password is wrong" in answer.text
    last = browser.post("/profile/password", {"current": "Nope-1234-abcd", "password": "x"})
    assert last.status_code == 303 and last.headers["location"] == "/login"
    assert accounts.is_locked(_user(world, "thai_viewer"))
    assert browser.client.get("/").status_code == 303  # every session ended


# --- item 7: API tokens -----------------------------------------------------------------------


def _make_token(world: Any, name: str = "thai_analyst", days: int | None = None) -> str:
    with world.db.write() as session:
        user = session.get(User, world.users[name].id)
        assert user is not None
        return accounts.create_api_token(session, user=user, actor=world.principal(name),
                                         name="robot", settings=world.settings, days=days)  # fmt: skip


def test_tokens_expire(app_client: TestClient, world: Any) -> None:
    token = _make_token(world, days=30)
    headers = {"Authorization": f"Bearer {token}"}
    assert app_client.get("/api/v1/me", headers=headers).status_code == 200
    listed = app_client.get("/api/v1/tokens", headers=headers).json()
    expires = dt.datetime.fromisoformat(listed[0]["expires_at"])
    assert dt.timedelta(days=29) < expires - dt.datetime.now(dt.UTC) <= dt.timedelta(days=30)
    with world.db.write() as session:
        session.execute(update(ApiToken).values(expires_at=dt.datetime.now(dt.UTC)))
    assert app_client.get("/api/v1/me", headers=headers).status_code == 401
    with world.db.write() as session, pytest.raises(ValidationFailed):
        user = session.get(User, world.users["thai_analyst"].id)
        assert user is not None
        accounts.create_api_token(session, world.principal("thai_analyst"), user, "x",
                                  world.settings, world.settings.token_max_days + 1)  # fmt: skip


def test_tokens_listed_and_revoked_through_the_api(app_client: TestClient, world: Any) -> None:
    first, second = _make_token(world), _make_token(world)
    headers = {"Authorization": f"Bearer {first}"}
    prefix = second.split("_")[1]
    assert {t["prefix"] for t in app_client.get("/api/v1/tokens", headers=headers).json()} == {
        first.split("_")[1],
        prefix,
    }
    other = {"Authorization": f"Bearer {_make_token(world, 'thai_viewer')}"}
    assert app_client.delete(f"/api/v1/tokens/{prefix}", headers=other).status_code == 404
    assert app_client.delete(f"/api/v1/tokens/{prefix}", headers=headers).status_code == 204
    assert app_client.get("/api/v1/me", headers={"Authorization": f"Bearer {second}"}).status_code == 401  # fmt: skip
    assert app_client.get("/api/v1/me", headers=headers).status_code == 200


def test_tokens_created_and_revoked_on_the_profile_page(browser: Any, world: Any) -> None:
    browser.login("thai.viewer")  # reads English
    refused = browser.post("/profile/tokens", {"name": "robot", "days": "10", "current": "x"})
    assert refused.status_code == 422
    made = browser.post("/profile/tokens", {"name": "robot", "days": "10", "current": PASSWORD})
    token = re.search(r"<code>(mx_[0-9a-f]+_[^<]+)</code>", made.text)
    assert made.status_code == 200 and token
    prefix = token.group(1).split("_")[1]
    assert browser.post(f"/profile/tokens/{prefix}/revoke", {}).status_code == 303
    page = browser.client.get("/profile").text
    assert "revoked" in page


def test_password_change_revokes_every_token(browser: Any, world: Any) -> None:
    token = _make_token(world)
    browser.login("thai.analyst")
    answer = browser.post(
        "/profile/password", {"current": PASSWORD, "password": "Harbour-Lantern-7391"}
    )
    assert answer.status_code == 303
    with world.db.read() as session:
        rows = session.scalars(select(ApiToken)).all()
        assert rows and all(r.revoked for r in rows)
    client = TestClient(create_app(world.settings, world.db))
    assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"}).status_code == 401  # fmt: skip


# --- item 9: logins -----------------------------------------------------------------------------


def test_unknown_names_lock_like_real_ones(app_client: TestClient, world: Any) -> None:
    PHANTOMS.clear()
    answers: dict[str, list[int]] = {}
    texts: dict[str, str] = {}
    for name in ("thai.viewer", "nobody.here"):
        answers[name] = []
        for _ in range(world.settings.lockout_attempts + 1):
            answer = _login(app_client, name, "Wrong-Guess-2567")
            answers[name].append(answer.status_code)
            texts[name] = answer.text.replace(name, "NAME")
    assert answers["thai.viewer"] == answers["nobody.here"]
    assert answers["nobody.here"][-1] == 423
    assert re.sub(r'value="[^"]*"', "", texts["thai.viewer"]) == re.sub(
        r'value="[^"]*"', "", texts["nobody.here"]
    )


def test_logins_are_throttled_per_client(world: Any) -> None:
    settings = world.settings.model_copy(update={"login_client_attempts": 5})
    client = TestClient(create_app(settings, world.db), follow_redirects=False)
    names = ["thai.admin", "thai.analyst", "thai.liaison", "thai.viewer", "someone.else"]
    assert [_login(client, n, "Wrong-Guess-2567").status_code for n in names] == [401] * 5
    blocked = _login(client, "thai.analyst", PASSWORD)  # even the right password waits
    assert blocked.status_code == 429 and "Too many failed logins" in blocked.text


@pytest.mark.parametrize(
    ("password", "demo"),
    [
        ("Password1234!", False),
        ("Mekong-Secure-2567", False),
        ("Oncb-Bangkok-2567!", False),
        (DEMO_PASSWORD, False),
        ("Sunshine-1234", False),
        ("qwerty123456!", False),
    ],
)
def test_policy_refuses_common_and_product_passwords(password: str, demo: bool) -> None:
    problems = policy_problems(
        password, username="somchai", min_length=12, words=("ONCB",), demo=demo
    )
    assert any("too easy to guess" in p.message for p in problems)


def test_demo_password_only_in_demo_mode(world: Any) -> None:
    assert policy_problems(DEMO_PASSWORD, username="x", min_length=12, demo=True) == []
    with world.db.write() as session, pytest.raises(ValidationFailed):
        accounts.create_user(session, world.principal("thai_admin"),
                             accounts.UserInput("new.one", "N", "ONCB", "viewer", DEMO_PASSWORD),
                             world.settings)  # fmt: skip


# --- item 9: headers ------------------------------------------------------------------------


def test_security_headers(world: Any) -> None:
    plain = TestClient(create_app(world.settings, world.db)).get("/login")
    assert "camera=()" in plain.headers["permissions-policy"]
    assert "strict-transport-security" not in plain.headers
    https = world.settings.model_copy(update={"public_url": "https://oncb.example"})
    secure = TestClient(create_app(https, world.db)).get("/login")
    assert secure.headers["strict-transport-security"].startswith("max-age=31536000")


# --- item 8: a node's users belong to its own agency --------------------------------------------


def test_users_of_another_agency_are_refused(
    app_client: TestClient, world: Any, token_for: Any
) -> None:
    body = {"username": "li.wei", "display_name": "Li Wei", "agency_code": "NNCC",
            "role": "liaison", "password": "Harbour-Lantern-7391"}  # fmt: skip
    answer = app_client.post("/api/v1/users", json=body, headers=token_for("thai_admin"))
    assert answer.status_code == 422
    assert answer.json()["error"]["fields"][0]["field"] == "agency_code"
    assert "Users of this node belong to ONCB" in answer.json()["error"]["fields"][0]["message"]
    own = app_client.post("/api/v1/users", json={**body, "agency_code": "ONCB"},
                          headers=token_for("thai_admin"))  # fmt: skip
    assert own.status_code == 201, own.text
