"""Visible text built outside the catalogs, which ``scripts/i18n.py check`` reports.

A msgid is found in the catalogs only when it is written out whole: ``_(f"Saved {n}")``,
``_("Saved " + name)`` or ``_("…".format(…))`` can never be translated, and neither can English
typed straight into a template outside ``_()``. The engines keep their own message tables
(``MESSAGES`` in ``<engine>/messages.py``, ``TERMS`` of the chemistry engine), outside babel:
every message there must have English, Thai and Chinese with the same fields.
"""

from __future__ import annotations

import ast
import importlib
import re
import string
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "mekongx"

# calls whose first argument is shown to a user (the errors' msgid, the CLI's messages)
MESSAGE_CALLS = {"_", "N_", "gettext", "ngettext", "say", "fail", "Translated"}
ERROR_CALLS = {"MekongXError", "NotFound", "Forbidden", "Conflict", "BadRequest", "Locked",
               "Unauthorized", "TooLarge", "Unavailable", "PydanticCustomError"}  # fmt: skip
ENGINE_TABLES = ("chemistry", "wastewater", "moneyflow", "matching", "tabular")
# words a template may show as they are: the product's name, a language's own name, file kinds
TEMPLATE_WORDS = {"MekongX", "English", "api", "openapi", "json"}


def _built(node: ast.expr) -> bool:
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        return True
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in ("format", "join")
    )


def python_problems(source: str, name: str = "<source>") -> list[str]:
    """Messages whose msgid is built at run time (never in a catalog)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        called = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        if called in MESSAGE_CALLS or called in ERROR_CALLS:
            position = 1 if called == "PydanticCustomError" else 0
        elif called == "FieldProblem":
            position = 1
        else:
            continue
        if len(node.args) > position and _built(node.args[position]):
            found.append(f"{name}:{node.lineno}: message built outside the catalog: {ast.unparse(node)[:90]}")  # fmt: skip
    return found


_TEMPLATE_CODE = re.compile(r"(?s)\{#.*?#\}|<(script|style)\b.*?</\1>|\{\{.*?\}\}|\{%.*?%\}")
_ATTRIBUTE = re.compile(r"""\b(?:placeholder|title|aria-label|alt|label)="([^"{]*)\"""")
_BUILT_IN_TEMPLATE = re.compile(r"""_\(\s*(?:"[^"]*"|'[^']*'|[\w.]+)\s*(?:~|\+)""")


def template_problems(source: str, name: str = "<template>") -> list[str]:
    """English in a template outside ``_()``: text between tags, visible attributes, and msgids
    joined with ``~`` or ``+`` inside ``_()``."""
    found = [f"{name}: message built outside the catalog: {m.group(0)}"
             for m in _BUILT_IN_TEMPLATE.finditer(source)]  # fmt: skip
    for value in _ATTRIBUTE.findall(source):
        if re.search(r"[A-Za-z]{3,}", value) and value.strip() not in TEMPLATE_WORDS:
            found.append(f"{name}: attribute text outside _(): {value!r}")
    text = re.sub(r"(?s)<[^>]*>", " ", _TEMPLATE_CODE.sub(" ", source))
    for words in re.findall(r"[A-Za-z][A-Za-z'’ ]{2,}", text):
        if re.search("[a-z]{2}", words) and words.strip() not in TEMPLATE_WORDS:
            found.append(f"{name}: text outside _(): {words.strip()!r}")
    return found


def _fields(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field}


def table_problems(engine: str, tables: dict[str, dict[str, dict[str, str]]]) -> list[str]:
    """Every engine message in en, th and zh, none empty, the same fields in each."""
    found = []
    for table_name, table in tables.items():
        for code, texts in table.items():
            for lang in ("en", "th", "zh"):
                if not str(texts.get(lang, "")).strip():
                    found.append(f"{engine}.{table_name}[{code}]: no {lang} text")
            if len({frozenset(_fields(t)) for t in texts.values()}) > 1:
                found.append(f"{engine}.{table_name}[{code}]: fields differ between languages")
    return found


def problems() -> list[str]:
    found: list[str] = []
    for path in sorted(SRC.rglob("*.py")):
        found += python_problems(path.read_text("utf-8"), str(path.relative_to(ROOT)))
    for path in sorted((SRC / "web" / "templates").rglob("*.html")):
        found += template_problems(path.read_text("utf-8"), str(path.relative_to(ROOT)))
    for engine in ENGINE_TABLES:
        module = importlib.import_module(f"mekongx.{engine}.messages")
        tables = {n: getattr(module, n) for n in ("MESSAGES", "TERMS") if hasattr(module, n)}
        found += table_problems(engine, tables)
    return found
