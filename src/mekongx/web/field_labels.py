"""The label each form gives its fields, read from the form templates themselves, so that an
error names a field as the form shows it ("Importing agency"), not by its code
(``importer_agency``), in the reader's language: on the generic error page and in every form's
error summary alike.

A form labels a field with ``<label for="ID">{{ _("Text") }}`` where the input, select or
textarea ``id="ID"`` posts as ``name="NAME"`` (usually ID itself), or wraps a checkbox:
``<label><input name="NAME"> {{ _("Text") }}</label>``. The index keeps, per template folder
(one per area: ``precursors/``, ``wbe/``), the first label of each field name; a field is looked
up in the folder of the page's area (``/precursors/...``, ``/mekong-plan/...`` under
``mekong/``), then in the shared templates. A problem deep in a list keeps its place beside the
label: "Deadline (items.0.resolutions.0.actions.0.deadline)".
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

_TEXT = r"""\{\{\s*_\(\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')"""
_LABEL_FOR = re.compile(r'<label\b[^>]*\bfor="([^"{}]+)"[^>]*>\s*' + _TEXT)
_WRAPPED = re.compile(r'<label\b[^>]*>\s*<input\b[^>]*\bname="([^"{}]+)"[^>]*>\s*' + _TEXT)
_ELEMENT = re.compile(r"<(?:input|select|textarea)\b[^>]*>")
_ID = re.compile(r'\bid="([^"{}]+)"')
_NAME = re.compile(r'\bname="([^"{}]+)"')


def _labels_of(text: str) -> dict[str, str]:
    """{field name: label msgid} of one template."""
    names = {}
    for element in _ELEMENT.finditer(text):
        found_id, found_name = _ID.search(element.group()), _NAME.search(element.group())
        if found_id and found_name:
            names[found_id.group(1)] = found_name.group(1)
    out: dict[str, str] = {}
    for match in _LABEL_FOR.finditer(text):
        name = names.get(match.group(1), match.group(1))
        out.setdefault(name, match.group(2) or match.group(3))
    for match in _WRAPPED.finditer(text):
        out.setdefault(match.group(1), match.group(2) or match.group(3))
    return out


@cache
def index() -> dict[str, dict[str, str]]:
    """{template folder ("" for the shared templates): {field name: label msgid}}."""
    out: dict[str, dict[str, str]] = {}

    def walk(folder: resources.abc.Traversable, area: str) -> None:
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if entry.is_dir():
                walk(entry, area or entry.name)
            elif entry.name.endswith(".html"):
                for name, msgid in _labels_of(entry.read_text(encoding="utf-8")).items():
                    out.setdefault(area, {}).setdefault(name, msgid)

    walk(resources.files("mekongx.web").joinpath("templates"), "")
    return out


def area_of(path: str) -> str:
    """The template folder of the area a page path belongs to (``/mekong-plan/2`` → mekong)."""
    first = path.strip("/").split("/", 1)[0]
    known = index()
    if first in known:
        return first
    return first.split("-", 1)[0] if first.split("-", 1)[0] in known else ""


def label_of(code: str, area: str = "") -> str | None:
    """The label msgid of the field a problem names (``days.0.flow_m3_d``: the whole code, else
    its last named part, else the list it is in), or None when no form of the area labels it."""
    parts = [p for p in code.split(".") if p]
    keys = [code, *[p for p in reversed(parts) if not p.isdigit()][:1], *parts[:1]]
    known = index()
    scopes = [area, ""]
    for key in keys:
        for scope in scopes:
            found = known.get(scope, {}).get(key)
            if found is not None:
                return found
    return None
