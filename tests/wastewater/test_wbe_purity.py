"""The wastewater engine is a pure library: numpy, scipy, pyyaml and the standard library only."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import mekongx.wastewater as wbe

PACKAGE = Path(wbe.__file__).parent
ALLOWED = {"numpy", "scipy", "yaml"} | set(sys.stdlib_module_names)


def imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_only_allowed_imports() -> None:
    for path in PACKAGE.glob("*.py"):
        for name in imported_modules(path):
            top = name.split(".")[0]
            if top == "mekongx":
                assert name.startswith("mekongx.wastewater"), (path.name, name)
            else:
                assert top in ALLOWED, (path.name, name)


def test_importing_the_engine_loads_no_web_or_database_code() -> None:
    code = (
        "import sys, mekongx.wastewater;"
        "bad = [m for m in sys.modules if m.split('.')[0] in "
        "('fastapi', 'sqlalchemy', 'starlette', 'typer', 'pydantic')"
        " or (m.startswith('mekongx.') and not m.startswith('mekongx.wastewater'))];"
        "print(','.join(bad))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_public_api_is_declared() -> None:
    assert len(wbe.__all__) == len(set(wbe.__all__))
    for name in wbe.__all__:
        assert hasattr(wbe, name), name
