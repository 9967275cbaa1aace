"""Naming the plan's keeper on its page (administrators) and with ``mekongx mekong keeper``:
the same rule as ``PUT /api/v1/mekong/plan/keeper``, audited; bad input named in the user's
language, nothing written."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

from sqlalchemy import func, select, update

from mekongx.audit import AuditEvent
from mekongx.domains.mekong.models import PlanKeeper
from mekongx.model.identity import User


def _keeper(world: Any) -> str | None:
    with world.db.read() as session:
        found = session.get(PlanKeeper, "2023-2027")
        return found.agency_code if found else None


def _named(world: Any) -> int:
    with world.db.read() as session:
        stmt = select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "mekong.plan.keeper")  # fmt: skip
        return session.scalar(stmt) or 0


def test_the_administrator_names_the_keeper_on_its_page(world: Any) -> None:
    with world.browser("thai.admin") as browser:
        page = browser.client.get("/mekong-plan/keeper")
        assert page.status_code == 200 and "No agency keeps the plan 2023-2027" in page.text
        done = browser.post("/mekong-plan/keeper", {"agency": "LCDC"})
        assert done.status_code == 303 and done.headers["location"] == "/mekong-plan/keeper"
        page = browser.client.get("/mekong-plan/keeper")
        assert "kept by LCDC" in page.text and "named by" in page.text
        plan = browser.client.get("/mekong-plan")
        assert "kept by LCDC" in plan.text and 'href="/mekong-plan/keeper"' in plan.text
    assert _keeper(world) == "LCDC" and _named(world) == 1
    with world.browser("thai.liaison") as browser:
        assert browser.client.get("/mekong-plan/keeper").status_code == 403
        assert browser.post("/mekong-plan/keeper", {"agency": "ONCB"}).status_code == 403
        assert 'href="/mekong-plan/keeper"' not in browser.client.get("/mekong-plan").text
    assert _keeper(world) == "LCDC" and _named(world) == 1


def test_bad_input_is_named_in_the_user_s_language_and_nothing_is_written(world: Any) -> None:
    with world.db.write() as session:
        session.execute(update(User).where(User.username == "thai.admin").values(language="th"))
    with world.browser("thai.admin") as browser:
        blank = browser.post("/mekong-plan/keeper", {"agency": ""})
        assert blank.status_code == 422 and "เลือกหน่วยงานที่ดูแลแผน" in blank.text
        unknown = browser.post("/mekong-plan/keeper", {"agency": "NOPE"})
        assert unknown.status_code == 422 and "NOPE" in unknown.text and "ไม่รู้จักหน่วยงาน" in unknown.text  # fmt: skip
        assert "Traceback" not in unknown.text
    assert _keeper(world) is None and _named(world) == 0


def _cli(world: Any, *args: str, lang: str = "en") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MEKONGX_DATABASE_URL": world.settings.database_url,
           "MEKONGX_DATA_DIR": str(world.settings.data_dir), "MEKONGX_NODE_AGENCY": "ONCB",
           "MEKONGX_ENV": "test", "MEKONGX_LANG": lang}  # fmt: skip
    return subprocess.run([sys.executable, "-m", "mekongx.cli.main", "mekong", "keeper", *args],
                          env=env, capture_output=True, text=True, timeout=600)  # fmt: skip


def test_the_command_line_shows_and_names_the_keeper(world: Any) -> None:
    shown = _cli(world)
    assert shown.returncode == 0 and "No agency keeps the plan 2023-2027" in shown.stdout
    named = _cli(world, "lcdc", "--as", "thai.admin")
    assert named.returncode == 0, named.stderr
    assert "The plan 2023-2027 is kept by LCDC." in named.stdout
    shown = _cli(world)
    assert "kept by LCDC" in shown.stdout and "named by" in shown.stdout
    assert _keeper(world) == "LCDC" and _named(world) == 1


def test_the_command_line_refuses_bad_input_in_the_user_s_language(world: Any) -> None:
    unknown = _cli(world, "NOPE", "--as", "thai.admin", lang="th")
    assert unknown.returncode == 2 and "NOPE" in unknown.stderr and "ไม่รู้จักหน่วยงาน" in unknown.stderr  # fmt: skip
    not_admin = _cli(world, "LCDC", "--as", "thai.liaison")
    assert not_admin.returncode == 2 and not_admin.stderr.strip()
    nobody = _cli(world, "LCDC", "--as", "nobody")
    assert nobody.returncode == 2 and "No active user nobody" in nobody.stderr
    assert _keeper(world) is None and _named(world) == 0
