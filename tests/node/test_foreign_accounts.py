"""Issue 10, item 8: a node's users belong to its own agency. Accounts of another agency left
from before (an admin could once create, on the NNCC node, an ONCB user who then answered an RFI
that NNCC sent to ONCB) cannot log in, their sessions and tokens stop working, `mekongx db
upgrade` disables them with a message and `mekongx users foreign` lists them. What an
addressee does reaches the requester only over the exchange, from the addressee's own node."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select

from mekongx.accounts import authentication as authn
from mekongx.accounts import service as accounts
from mekongx.accounts.passwords import hash_password
from mekongx.audit import Actor
from mekongx.audit.log import AuditEvent
from mekongx.domains.rfi import service as rfi
from mekongx.domains.rfi.models import Rfi, RfiParty
from mekongx.domains.rfi.schemas import ReplyInput, RfiInput
from mekongx.errors import Conflict
from mekongx.model.identity import User

PASSWORD = "Test-Passw0rd-2567"
ASK = {"subject": "Owner of a boat at Guanlei", "question": "请告知船主姓名", "language": "zh",
       "urgency": "urgent", "requested": ["ONCB"]}  # fmt: skip


def _legacy_account(node: Any, username: str, agency: str) -> tuple[int, str, str]:
    """An account of ``agency`` on ``node`` as an older version let an admin create it, with an
    API token and a login session made while that was allowed."""
    with node.db.write() as session:
        user = User(
            username=username,
            display_name="Somchai (ONCB)",
            agency_code=agency,
            role="liaison",
            language="th",
            password_hash=hash_password(PASSWORD),
        )
        session.add(user)
        session.flush()
        token = accounts.create_api_token(
            session, Actor.system(node.agency), user, "old", node.settings
        )
        cookie, _ = authn.start_session(session, user, node.settings)
        return user.id, token, cookie


def _login(client: TestClient, username: str) -> Any:
    page = client.get("/login")
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert csrf
    data = {"csrf_token": csrf.group(1), "username": username, "password": PASSWORD, "next": "/"}
    return client.post("/login", data=data)


def test_an_addressee_answers_from_its_own_node_only(world: Any) -> None:
    nncc = world.partner("NNCC")
    with nncc.db.write() as session:
        asked = rfi.create_rfi(session, nncc.principal("chinese_liaison"), RfiInput(**ASK))
        rfi_id, uid = asked.id, asked.uid
    _, token, cookie = _legacy_account(nncc, "somchai", "ONCB")
    with nncc.app() as client:
        refused = _login(client, "somchai")
        assert refused.status_code == 403, refused.text
        assert "belongs to ONCB, another agency" in refused.text
        headers = {"Authorization": f"Bearer {token}"}
        answer = client.post(f"/api/v1/rfi/{rfi_id}/reply",
                             json={"body": "船主：兰卫红", "language": "zh"}, headers=headers)  # fmt: skip
        assert answer.status_code == 401
        client.cookies.set("mx_session", cookie)
        assert client.get(f"/rfi/{rfi_id}").status_code == 303  # to the login page
    with nncc.db.read() as session:
        assert session.get(RfiParty, (rfi_id, "ONCB")).status == "sent"
        refusals = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "login.other-agency")
        ).all()
        assert len(refusals) == 1

    # ONCB's answer comes from the ONCB node, over the exchange.
    world.exchange()
    local = world.id_of(Rfi, uid)
    with world.db.write() as session:
        rfi.reply(session, world.principal("thai_liaison"), local,
                  ReplyInput(body="เจ้าของเรือ: หลาน เว่ยหง", language="th"))  # fmt: skip
    world.exchange()
    with nncc.db.read() as session:
        assert session.get(RfiParty, (rfi_id, "ONCB")).status == "answered"


def test_accounts_of_another_agency_cannot_be_enabled(world: Any) -> None:
    user_id, _, _ = _legacy_account(world, "li.wei", "NNCC")
    with world.db.write() as session:
        admin = world.principal("thai_admin")
        accounts.set_user_active(session, admin, user_id, False, world.settings)
    try:
        with world.db.write() as session:
            accounts.set_user_active(
                session, world.principal("thai_admin"), user_id, True, world.settings
            )
    except Conflict as error:
        assert "NNCC" in str(error.params)
    else:
        raise AssertionError("an account of another agency was enabled")


def _cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mekongx.cli.main", *args],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=180,
    )


def test_upgrade_disables_them_and_the_cli_lists_them(
    world: Any, db_url: str, tmp_path: Path
) -> None:
    _legacy_account(world, "li.wei", "NNCC")
    env = {"MEKONGX_DATABASE_URL": db_url, "MEKONGX_DATA_DIR": str(tmp_path),
           "MEKONGX_ENV": "test", "MEKONGX_NODE_AGENCY": "ONCB", "MEKONGX_LANG": "en"}  # fmt: skip
    before = _cli(env, "users", "foreign")
    assert before.returncode == 0, before.stderr
    assert "li.wei" in before.stdout and "NNCC" in before.stdout and "active" in before.stdout
    assert "thai.admin" not in before.stdout
    upgrade = _cli(env, "db", "upgrade")
    assert upgrade.returncode == 0, upgrade.stderr
    assert "Disabled li.wei: the account belongs to NNCC, another agency" in upgrade.stdout
    after = _cli({**env, "MEKONGX_LANG": "th"}, "users", "foreign")
    assert "li.wei" in after.stdout and "ปิดใช้งาน" in after.stdout, after.stdout
    again = _cli(env, "db", "upgrade")
    assert "Disabled" not in again.stdout  # once
    enable = _cli(env, "users", "enable", "li.wei")
    assert enable.returncode == 2 and "another agency" in enable.stderr, enable.stderr
    with world.db.read() as session:
        user = session.scalar(select(User).where(User.username == "li.wei"))
        assert user is not None and not user.active
        assert not [t for t in accounts.list_api_tokens(session, user) if not t.revoked]
        disabled = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "user.disable")
        ).all()
        assert [e.target_id for e in disabled] == [str(user.id)]
    mine = _cli(env, "users", "foreign")
    assert mine.returncode == 0
