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

An id may be written with the template's values (``id="s-{{ a.id }}"``): a label whose ``for``
is the same text names it. A field given to a macro with its label, ``texts_fieldset("place",
_("Place"), …)`` (one input per language: ``place_th`` … ``place_en``, each named "Place"
with its language) or ``agency_select("host_agency", _("Host agency"), …)``, is labelled so too.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from mekongx.i18n.texts import TEXT_LANGUAGES

_MSGID = r"""_\(\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')"""
_TEXT = r"\{\{\s*" + _MSGID
_LABEL_FOR = re.compile(r'<label\b[^>]*\bfor="([^"]+)"[^>]*>\s*' + _TEXT)
_WRAPPED = re.compile(r'<label\b[^>]*>\s*<input\b[^>]*\bname="([^"{}]+)"[^>]*>\s*' + _TEXT)
_ELEMENT = re.compile(r"<(?:input|select|textarea)\b[^>]*>")
_ID = re.compile(r'\bid="([^"]+)"')
_NAME = re.compile(r'\bname="([^"{}]+)"')
_FIELDSET = re.compile(r"<fieldset\b[^>]*>\s*<legend>\s*" + _TEXT + r".*?</fieldset>", re.S)
#: a macro given a field and its label: ``texts_fieldset("place", _("Place"), …)``
_MACRO = re.compile(r'\{\{\s*(texts_fieldset|agency_select)\(\s*"(\w+)"\s*,\s*' + _MSGID)


def _labels_of(text: str) -> tuple[dict[str, str], dict[str, str]]:
    """({field name: label msgid} by a label for a literal id or around the input, the same by
    a templated id, a legend or a macro) of one template: the first are preferred."""
    names = {}
    for element in _ELEMENT.finditer(text):
        found_id, found_name = _ID.search(element.group()), _NAME.search(element.group())
        if found_id and found_name:
            names[found_id.group(1)] = found_name.group(1)
    first: dict[str, str] = {}
    then: dict[str, str] = {}
    for match in _LABEL_FOR.finditer(text):
        name = names.get(match.group(1), match.group(1))
        if "{" not in name:
            kept = then if "{" in match.group(1) else first
            kept.setdefault(name, match.group(2) or match.group(3))
    for match in _WRAPPED.finditer(text):
        first.setdefault(match.group(1), match.group(2) or match.group(3))
    for match in _FIELDSET.finditer(text):  # inputs labelled only by their fieldset's legend
        msgid = match.group(1) or match.group(2)
        for element in _ELEMENT.finditer(match.group()):
            found_name = _NAME.search(element.group())
            if found_name and 'type="hidden"' not in element.group():
                then.setdefault(found_name.group(1), msgid)
    for match in _MACRO.finditer(text):
        macro, field, msgid = match.group(1), match.group(2), match.group(3) or match.group(4)
        if macro == "texts_fieldset":
            for code in TEXT_LANGUAGES:
                then.setdefault(f"{field}_{code}", msgid)
        else:
            then.setdefault(field, msgid)
    return first, {name: msgid for name, msgid in then.items() if "%(" not in msgid}


def language_of(code: str, area: str = "") -> str:
    """The language of a field that is one language's input of a text (``place_lo`` of a
    ``texts_fieldset``: "lo"), else ""."""
    last = next((p for p in reversed(code.split(".")) if p and not p.isdigit()), "")
    field, _sep, lang = last.rpartition("_")
    if lang not in TEXT_LANGUAGES or not field:
        return ""
    return lang if field in _fieldsets().get(area, set()) | _fieldsets().get("", set()) else ""


@cache
def _fieldsets() -> dict[str, set[str]]:
    """{template folder: the fields given to ``texts_fieldset`` there}."""
    out: dict[str, set[str]] = {}
    for area, text in _templates():
        for match in _MACRO.finditer(text):
            if match.group(1) == "texts_fieldset":
                out.setdefault(area, set()).add(match.group(2))
    return out


def _templates() -> list[tuple[str, str]]:
    """(template folder, text) of every template."""
    found: list[tuple[str, str]] = []

    def walk(folder: resources.abc.Traversable, area: str) -> None:
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if entry.is_dir():
                walk(entry, area or entry.name)
            elif entry.name.endswith(".html"):
                found.append((area, entry.read_text(encoding="utf-8")))

    walk(resources.files("mekongx.web").joinpath("templates"), "")
    return found


@cache
def index() -> dict[str, dict[str, str]]:
    """{template folder ("" for the shared templates): {field name: label msgid}}."""
    out: dict[str, dict[str, str]] = {}
    found = [(area, _labels_of(text)) for area, text in _templates()]
    for rank in (0, 1):  # the preferred labels of every template first
        for area, labels in found:
            for name, msgid in labels[rank].items():
                out.setdefault(area, {}).setdefault(name, msgid)
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
