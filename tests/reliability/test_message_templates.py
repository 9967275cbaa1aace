"""Every message template gets the placeholders it needs from every place that uses it.

A message with a placeholder its caller does not supply fails only when it is shown: a
``KeyError`` in the middle of an error answer, which became a 500 and a traceback (issue 10,
item 5: the row-length problem of precursor screening). This test reads the source of the whole
package and checks, for every call that passes a translatable message (``N_("… %(x)s")``,
directly or through a module constant) or an engine message code (``chemistry``, ``wastewater``
and ``tabular`` message tables), that the call supplies every placeholder of the template.
Calls that pass their parameters as ``**mapping`` cannot be checked statically and are counted.
"""

from __future__ import annotations

import ast
import re
import string
from collections.abc import Iterator
from pathlib import Path

import pytest

from mekongx.chemistry.messages import MESSAGES as CHEMISTRY
from mekongx.tabular.messages import MESSAGES as TABULAR
from mekongx.wastewater.messages import MESSAGES as WASTEWATER

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "mekongx"
GETTEXT = re.compile(r"%\((\w+)\)[sdifr]")
# Engine tables, and where a string that equals one of their codes is a code of that table.
TABLES = {
    "chemistry": (CHEMISTRY, "chemistry"),
    "wastewater": (WASTEWATER, "wastewater"),
    "tabular": (TABULAR, "tabular"),
}
CODE_CALLS = {"render", "engine", "DeclarationFileError", "RowIssue", "WbeError", "TableError",
              "Flag", "_reason", "_cell_error"}  # fmt: skip
FIXED = {"RowIssue": {"row", "column", "value"}}  # RowIssue.message() supplies these itself


def _modules() -> Iterator[tuple[Path, ast.Module]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        yield path, ast.parse(path.read_text(encoding="utf-8"), str(path))


def _msgid(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "N_"
        and node.args
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    ):
        return node.args[0].value
    return None


def _constants() -> dict[str, str]:
    """Module-level ``NAME = N_("…")`` of the whole package, by name."""
    found: dict[str, str] = {}
    for _, tree in _modules():
        for node in tree.body:
            if isinstance(node, ast.Assign) and len(node.targets) == 1:
                target = node.targets[0]
                if isinstance(target, ast.Name) and isinstance(node.value, ast.Call):
                    text = _msgid(node.value)
                    if text is not None:
                        found[target.id] = text
    return found


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _supplied(call: ast.Call) -> set[str] | None:
    """Placeholder names the call passes (keywords, literal dicts); None if it uses ``**``."""
    names = {k.arg for k in call.keywords if k.arg is not None}
    if any(k.arg is None for k in call.keywords):
        return None
    for arg in call.args:
        if isinstance(arg, ast.Dict):
            if any(k is None for k in arg.keys):
                return None
            names |= {k.value for k in arg.keys if isinstance(k, ast.Constant)}
    return names


def _gettext_problems() -> tuple[list[str], int]:
    constants = _constants()
    problems: list[str] = []
    unchecked = 0
    for path, tree in _modules():
        for call in ast.walk(tree):
            if not isinstance(call, ast.Call) or _name(call.func) in ("N_", "ngettext"):
                continue  # a marker; the call that passes the message supplies the values
            for arg in call.args:
                text = _msgid(arg)
                if text is None and isinstance(arg, ast.Name | ast.Attribute):
                    text = constants.get(_name(arg))
                needed = set(GETTEXT.findall(text or ""))
                if not needed:
                    continue
                supplied = _supplied(call)
                if supplied is None:
                    unchecked += 1
                    continue
                if missing := needed - supplied:
                    where = f"{path.relative_to(PACKAGE)}:{call.lineno}"
                    problems.append(f"{where}: {text!r} lacks {sorted(missing)}")
    return problems, unchecked


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _engine_problems() -> tuple[list[str], int]:
    problems: list[str] = []
    unchecked = 0
    for path, tree in _modules():
        for call in ast.walk(tree):
            if not isinstance(call, ast.Call):
                continue
            func = _name(call.func)
            for table, folder in TABLES.values():
                inside = folder in path.parts
                if not inside and func not in CODE_CALLS:
                    continue
                for arg in call.args:
                    if not (isinstance(arg, ast.Constant) and isinstance(arg.value, str)):
                        continue
                    if arg.value not in table:
                        continue
                    needed = set().union(*(_fields(t) for t in table[arg.value].values()))
                    supplied = FIXED.get(func) or _supplied(call)
                    if supplied is None:
                        unchecked += 1
                        continue
                    if func not in CODE_CALLS and not supplied and needed:
                        continue  # a code compared or stored, not rendered, here
                    if missing := needed - supplied:
                        where = f"{path.relative_to(PACKAGE)}:{call.lineno}"
                        problems.append(f"{where}: {arg.value} lacks {sorted(missing)}")
    return problems, unchecked


def test_every_translatable_message_gets_its_placeholders() -> None:
    problems, _unchecked = _gettext_problems()
    assert problems == []


def test_every_engine_message_code_gets_its_fields() -> None:
    problems, _unchecked = _engine_problems()
    assert problems == []


def test_the_check_finds_a_missing_placeholder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Planted mistakes of both kinds are found (the check itself can fail)."""
    (tmp_path / "chemistry").mkdir()
    (tmp_path / "chemistry" / "planted.py").write_text(
        'DeclarationFileError("MISSING_COLUMN", path=p)\n'
        'raise Conflict(N_("The user name %(name)s is taken."), user=1)\n'
        'TAKEN = N_("The agency %(code)s exists.")\n'
        "bad(TAKEN, agency=2)\n",
        encoding="utf-8",
    )
    monkeypatch.setitem(globals(), "PACKAGE", tmp_path)
    engine, _ = _engine_problems()
    gettext, _ = _gettext_problems()
    assert engine == ["chemistry/planted.py:1: MISSING_COLUMN lacks ['column', 'found']"]
    assert [g.split(": ", 1)[0] for g in gettext] == [
        "chemistry/planted.py:2",
        "chemistry/planted.py:4",
    ]
