"""The command line refuses hostile workbooks in bounded time and memory (issue 10, item 2).

Before the bounded reader, the zip bomb ran 484 s and 2 GB on ``mekongx precursors screen``
before its error. The command runs here in a fresh process whose peak memory is reported by a
small launcher (``ru_maxrss`` of its only child).
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

LAUNCHER = (
    "import resource, subprocess, sys\n"
    "answer = subprocess.run(sys.argv[1:])\n"
    "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print('maxrss_kb', usage.ru_maxrss, 'cpu_s', usage.ru_utime + usage.ru_stime, file=sys.stderr)\n"
    "sys.exit(answer.returncode)\n"
)
# CPU seconds of the command (starting Python and loading the register included): its own work,
# whatever the machine's load; before the bounded reader the zip bomb took 484 s.
CPU_SECONDS = 60.0
MEMORY_MB = 400  # the process itself (register, openpyxl) is about 150 MB


@pytest.mark.parametrize(
    ("case", "phrase"),
    [
        ("dimension", "declares 16384 columns"),
        ("zip_bomb", "unpacks to more than 80 MB"),
        ("doctype", "DOCTYPE"),
    ],
)
def test_precursors_screen_refuses_hostile_workbooks(
    tmp_path: Path, hostile: dict[str, Any], case: str, phrase: str
) -> None:
    source = tmp_path / hostile[case].name
    source.write_bytes(hostile[case].content)
    answer = subprocess.run(
        [sys.executable, "-c", LAUNCHER, sys.executable, "-m", "mekongx.cli.main",
         "precursors", "screen", str(source), "--out", str(tmp_path / "o.csv")],
        capture_output=True,
        text=True,
        timeout=300,
    )  # fmt: skip
    assert answer.returncode == 2, answer.stderr
    assert phrase in answer.stderr and "Traceback" not in answer.stderr
    peak_mb = int(answer.stderr.split("maxrss_kb")[1].split()[0]) / 1024
    cpu = float(answer.stderr.split("cpu_s")[1].split()[0])
    assert cpu < CPU_SECONDS and peak_mb < MEMORY_MB, (cpu, peak_mb)
    assert not (tmp_path / "o.csv").exists()


WBE_MEMORY_MB = 400  # numpy and scipy loaded: about 130 MB; before chunking this case took 1.5 GB


def test_wbe_estimate_on_a_long_series_stays_within_its_memory_bound(tmp_path: Path) -> None:
    """Issue 10, item 9: ``wbe estimate`` simulated each site x analyte series whole, holding
    (rows x draws) floats several times over: one site's 30,000 days at 2,000 draws took about
    1.5 GB. The Monte Carlo now runs in chunks of ``MC_ROWS`` rows and rows are written as they
    are made."""
    source = tmp_path / "long.csv"
    lines = ["site,date,analyte,concentration_ng_l,flow_m3_d,population"]
    first = date(1920, 1, 1)
    for day in range(30_000):
        when = (first + timedelta(days=day)).isoformat()
        lines.append(f"BKK-1,{when},METH,{100 + day % 97},{30000 + day % 13},120000")
    source.write_text("\n".join(lines) + "\n")
    out = tmp_path / "estimates.csv"
    answer = subprocess.run(
        [sys.executable, "-c", LAUNCHER, sys.executable, "-m", "mekongx.cli.main",
         "wbe", "estimate", str(source), "--out", str(out), "--draws", "2000"],
        capture_output=True,
        text=True,
        timeout=600,
    )  # fmt: skip
    assert answer.returncode == 0, answer.stderr
    peak_mb = int(answer.stderr.split("maxrss_kb")[1].split()[0]) / 1024
    assert peak_mb < WBE_MEMORY_MB, peak_mb
    rows = out.read_text().splitlines()
    assert len(rows) == 30_001
    median, low, high = (float(x) for x in rows[-1].split(",")[6:9])
    assert 0 < low < median < high
