"""Files the command line writes cannot carry a spreadsheet formula (issue 10, item 9), and
``mekongx users disable`` exists as the help says.

``precursors screen`` and ``wbe estimate`` wrote ``=cmd|' /C calc'!A0`` raw; they now pass
every cell through ``mekongx.tabular.safe_cell``, the function the web and API exports use.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

MEKONGX = [sys.executable, "-m", "mekongx.cli.main"]
FORMULA = "=cmd|' /C calc'!A0"


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*MEKONGX, *args],
        env={**os.environ, "MEKONGX_LANG": "en", **(env or {})},
        capture_output=True,
        text=True,
        timeout=300,
    )


def _cells(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [cell for row in csv.reader(handle) for cell in row]


def test_precursors_screen_defuses_formulas(tmp_path: Path) -> None:
    source = tmp_path / "d.csv"
    source.write_text(f'declaration_id,line_no,description\n"{FORMULA}",1,acetic anhydride\n')
    answer = _run("precursors", "screen", str(source), "--out", str(tmp_path / "o.csv"))
    assert answer.returncode == 0, answer.stderr
    cells = _cells(tmp_path / "o.csv")
    assert "'" + FORMULA in cells and FORMULA not in cells


def test_wbe_estimate_defuses_formulas(tmp_path: Path) -> None:
    source = tmp_path / "s.csv"
    source.write_text(
        "site,date,analyte,concentration_ng_l,flow_m3_d,population\n"
        f'"{FORMULA}",2025-03-10,METH,120,30000,120000\n'
    )
    out = tmp_path / "o.csv"
    answer = _run("wbe", "estimate", str(source), "--out", str(out), "--draws", "50")
    assert answer.returncode == 0, answer.stderr
    cells = _cells(out)
    assert "'" + FORMULA in cells and FORMULA not in cells


def test_users_disable_and_enable(db_url: str, tmp_path: Path) -> None:
    env = {"MEKONGX_DATABASE_URL": db_url, "MEKONGX_DATA_DIR": str(tmp_path), "MEKONGX_ENV": "test"}
    init = _run("init", "--agency", "ONCB", "--name-en", "ONCB", "--name-th", "ป.ป.ส.",
                "--name-zh", "泰国肃毒委", "--country", "TH", "--password", "Harbour-Chief-2567",
                env=env)  # fmt: skip
    assert init.returncode == 0, init.stderr
    listed = _run("users", "list", env=env)
    name = next(
        line.split("│")[2].strip() for line in listed.stdout.splitlines() if "admin" in line
    )
    assert _run("users", "disable", name, env=env).returncode == 0
    assert "disabled" in _run("users", "list", env=env).stdout
    assert _run("users", "enable", name, env=env).returncode == 0
    assert "disabled" not in _run("users", "list", env=env).stdout
    missing = _run("users", "disable", "nobody", env=env)
    assert missing.returncode == 2 and "No such user" in missing.stderr
