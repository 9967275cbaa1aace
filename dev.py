#!/usr/bin/env python3
"""One entry point for a new machine: needs only Python 3.11+.

    python3 dev.py demo   # install everything into .venv, start a seeded demo node
    python3 dev.py test   # install everything into .venv, run every quality gate and test

It creates ``.venv`` beside this file, installs the hash-pinned ``requirements.lock`` and the
package itself, then hands over to the tools inside the virtual environment.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
LOCK = ROOT / "requirements.lock"
STAMP = VENV / ".mekongx-installed"


def _run(*args: str | Path, env: dict[str, str] | None = None) -> int:
    print("+", " ".join(str(a) for a in args), flush=True)
    return subprocess.call([str(a) for a in args], cwd=ROOT, env=env)


def _check(*args: str | Path) -> None:
    code = _run(*args)
    if code:
        sys.exit(code)


def install() -> None:
    """Create the virtual environment and install the pinned dependencies (once per lock)."""
    if sys.version_info < (3, 11):
        sys.exit("MekongX needs Python 3.11 or newer; this is " + sys.version.split()[0])
    digest = hashlib.sha256(LOCK.read_bytes() + (ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == digest:
        return
    if not (BIN / "python").exists():
        print(f"Creating virtual environment in {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    py = BIN / "python"
    _check(
        py,
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
        "--require-hashes",
        "-r",
        LOCK,
    )
    _check(
        py,
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
        "--no-deps",
        "--no-build-isolation",
        "-e",
        ROOT,
    )
    STAMP.write_text(digest)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"demo", "test", "install"}:
        print(__doc__)
        return 2
    install()
    command, rest = argv[0], argv[1:]
    if command == "install":
        return 0
    if command == "demo":
        return _run(BIN / "mekongx", "demo", *rest)
    return _run(BIN / "python", ROOT / "scripts" / "check.py", *rest)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
