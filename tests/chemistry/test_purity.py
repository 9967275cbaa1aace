"""The engine is a pure library: no web framework, database or other MekongX package (except the
pure bounded table reader, ``mekongx.tabular``, shared by every reader of uploaded tables)."""

from __future__ import annotations

import subprocess
import sys


def test_import_pulls_in_no_web_or_database_modules() -> None:
    # the table reader converts Zawgyi with mekongx.text.zawgyi, which loads nothing else
    code = (
        "import sys, mekongx.chemistry\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('fastapi', 'sqlalchemy', 'starlette', 'pydantic', 'alembic', 'psycopg', 'jinja2'))\n"
        "own = sorted(m for m in sys.modules if m.startswith('mekongx.') "
        "and not m.startswith(('mekongx.chemistry', 'mekongx.tabular', 'mekongx.text.zawgyi')) "
        "and m != 'mekongx.text')\n"
        "print(bad, own)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[] []"
