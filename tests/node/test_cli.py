"""The command line, run as a user runs it: a real ``mekongx`` process per command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

MEKONGX = [sys.executable, "-m", "mekongx.cli.main"]


def run(
    args: list[str], env: dict[str, str], stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*MEKONGX, *args],
        env={**os.environ, **env},
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def node_env(db_url: str, tmp_path: Path) -> dict[str, str]:
    return {
        "MEKONGX_DATABASE_URL": db_url,
        "MEKONGX_DATA_DIR": str(tmp_path),
        "MEKONGX_ENV": "test",
        "MEKONGX_LANG": "en",
    }


INIT = [
    "init",
    "--agency",
    "ONCB",
    "--name-en",
    "ONCB",
    "--name-th",
    "สำนักงาน ป.ป.ส.",
    "--name-zh",
    "泰国肃毒委员会办公室",
    "--country",
    "TH",
]


def test_init_users_audit_backup_restore(node_env: dict[str, str], tmp_path: Path) -> None:
    first = run([*INIT, "--password", "Harbour-Chief-2567"], node_env)
    assert first.returncode == 0, first.stderr
    assert (tmp_path / "keys").stat().st_mode & 0o777 == 0o700
    again = run([*INIT, "--password", "Harbour-Chief-2567"], node_env)
    assert again.returncode == 2 and "already exists" in again.stderr
    weak = run(
        [
            "users",
            "create",
            "somchai",
            "--name",
            "Somchai",
            "--role",
            "analyst",
            "--password",
            "weak",
        ],
        node_env,
    )
    assert weak.returncode == 2 and "at least 12 characters" in weak.stderr
    made = run(
        [
            "users",
            "create",
            "somchai",
            "--name",
            "Somchai",
            "--role",
            "analyst",
            "--password",
            "Strong-Analyst-1",
        ],
        node_env,
    )
    assert made.returncode == 0, made.stderr
    listing = run(["users", "list"], node_env)
    assert "somchai" in listing.stdout and "analyst" in listing.stdout
    chinese = run(["users", "list"], {**node_env, "MEKONGX_LANG": "zh"})
    assert "用户名" in chinese.stdout and "有效" in chinese.stdout  # headers and status translated
    token = run(["users", "token", "somchai", "--name", "checkpoint"], node_env)
    assert token.stdout.startswith("mx_")
    verified = run(["audit", "verify"], node_env)
    assert verified.returncode == 0 and "intact" in verified.stdout
    assert run(["users", "unlock", "nobody"], node_env).returncode == 2
    backup = tmp_path / "b.tar.gz"
    assert run(["backup", str(backup)], node_env).returncode == 0
    other = {**node_env, "MEKONGX_DATABASE_URL": f"sqlite:///{tmp_path / 'other.db'}"}
    restored = run(["restore", str(backup)], other)
    assert restored.returncode == 0, restored.stderr
    assert "somchai" in run(["users", "list"], other).stdout
    assert run(["audit", "verify"], other).returncode == 0
    refused = run(["restore", str(backup)], other)
    assert refused.returncode == 2 and "not empty" in refused.stderr


def test_messages_follow_the_language(node_env: dict[str, str]) -> None:
    run([*INIT, "--password", "Harbour-Chief-2567"], node_env)
    thai = run(["users", "unlock", "nobody"], {**node_env, "MEKONGX_LANG": "th"})
    assert "ไม่พบผู้ใช้" in thai.stderr
    chinese = run(["audit", "verify"], {**node_env, "MEKONGX_LANG": "zh"})
    assert "审计链完整" in chinese.stdout


def test_db_reindex_rebuilds_the_search_index_and_audits_it(node_env: dict[str, str]) -> None:
    run([*INIT, "--password", "Harbour-Chief-2567"], node_env)
    done = run(["db", "reindex"], {**node_env, "MEKONGX_LANG": "th"})
    assert done.returncode == 0, done.stderr
    assert "สร้างดัชนีค้นหาใหม่แล้ว: 0 รายการ" in done.stdout  # every kind, not only reports
    assert "การตรวจยึด: 0" in done.stdout and "รายงานการข่าว: 0" in done.stdout


def test_production_refuses_unsafe_settings(tmp_path: Path) -> None:
    answer = run(
        ["db", "upgrade"],
        {
            "MEKONGX_ENV": "production",
            "MEKONGX_DATA_DIR": str(tmp_path),
            "MEKONGX_DATABASE_URL": "",
        },
    )
    assert answer.returncode == 2 and "MEKONGX_DATABASE_URL" in answer.stderr
    assert "Traceback" not in answer.stderr


@pytest.mark.parametrize(
    ("variable", "value", "said"),
    [("MEKONGX_SQLITE_CACHE_MIB", "lots", "valid integer"),
     ("MEKONGX_SQLITE_CACHE_MIB", "1", "greater than or equal to 2"),
     ("MEKONGX_DB_IDLE_TRANSACTION_SECONDS", "-5", "greater than or equal to 0")],
)  # fmt: skip
def test_a_bad_database_setting_is_named_and_nothing_is_written(
    tmp_path: Path, variable: str, value: str, said: str
) -> None:
    answer = run(["db", "upgrade"], {"MEKONGX_DATA_DIR": str(tmp_path), variable: value})
    assert answer.returncode == 2, answer.stderr
    assert variable.removeprefix("MEKONGX_").lower() in answer.stderr and said in answer.stderr
    assert "Traceback" not in answer.stderr
    assert not list(tmp_path.iterdir())  # no database made


def test_help_everywhere() -> None:
    for args in (
        ["--help"],
        ["users", "--help"],
        ["db", "--help"],
        ["audit", "verify", "--help"],
        ["demo", "--help"],
    ):
        answer = run(args, {})
        assert answer.returncode == 0 and "Usage" in answer.stdout, args


def test_a_command_loads_its_own_area_only() -> None:
    """`mekongx users ...` imports the users' commands, not every area and the web application
    (which cost every command about 2 s of CPU before it started)."""
    probe = (
        "import sys\n"
        "from mekongx.cli.main import app\n"
        "try:\n"
        "    app(['users', '--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted(m for m in ('mekongx.wiring', 'mekongx.app', 'mekongx.cli.users',"
        " 'mekongx.cli.wbe') if m in sys.modules))\n"
    )
    answer = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120
    )
    assert answer.returncode == 0, answer.stderr
    assert answer.stdout.strip().splitlines()[-1] == "['mekongx.cli.users']"


def test_demo_seeds_every_node_and_the_partners_answers(tmp_path: Path) -> None:
    """``mekongx demo --no-serve`` seeds the three nodes, the meetings both sides signed and
    NNCC's answer to ONCB's asset-tracing request, applied through the exchange's checks."""
    import sqlite3

    env = {k: v for k, v in os.environ.items() if not k.startswith("MEKONGX_")}
    done = subprocess.run(
        [sys.executable, "-m", "mekongx.cli.main", "demo", "--no-serve", "--data-dir",
         str(tmp_path / "demo"), "--reports", "5"],
        env=env, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    with sqlite3.connect(tmp_path / "demo" / "ONCB" / "mekongx.db") as db:
        answered = db.execute(
            "SELECT p.status FROM rfi_requests r JOIN rfi_parties p ON p.rfi_id = r.id"
            " WHERE r.purpose = 'asset_tracing'"
        ).fetchall()
        files = {name for (name,) in db.execute("SELECT filename FROM rfi_attachments")}
    assert answered == [("answered",)]
    assert files == {"transfers-to-Laos.csv", "账户明细-6217.xlsx"}
