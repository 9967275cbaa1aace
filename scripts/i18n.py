#!/usr/bin/env python3
"""Keep the catalogs (Thai, Chinese, Lao, Burmese, Khmer, Vietnamese) in step with the code.

    .venv/bin/python scripts/i18n.py update   # extract every marked string, merge into the .po files
    .venv/bin/python scripts/i18n.py check    # list msgids without a translation in an enabled
                                              # language, and text built outside the catalogs
    .venv/bin/python scripts/i18n.py status   # how complete every catalog is, enabled or not

``update`` keeps every catalog in step; ``check`` holds complete only the languages in
``mekongx.i18n.catalog.ENABLED`` (a language is enabled, and offered in the picker, once its
catalog is complete on main).

Strings are marked with ``_()`` or ``N_()`` in Python and ``_()`` in templates. New msgids
arrive in the catalogs untranslated; ``tests/i18n/test_catalogs.py`` fails until they are filled.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
from mekongx.i18n.catalog import ENABLED, LOCALE_DIRS  # noqa: E402

LOCALE = ROOT / "src" / "mekongx" / "i18n" / "locale"
CATALOGS = {d: LOCALE / d / "messages.po" for lang, d in LOCALE_DIRS.items() if lang != "en"}
CHECKED = tuple(LOCALE_DIRS[lang] for lang in ENABLED if lang != "en")


def extract() -> Catalog:
    pot = ROOT / "var" / "messages.pot"
    pot.parent.mkdir(exist_ok=True)
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "extract", "-F", str(ROOT / "babel.cfg"),
         "-k", "N_", "-k", "_", "--no-location", "--sort-output", "--omit-header",
         "-o", str(pot), str(ROOT)],
        check=True, capture_output=True,
    )  # fmt: skip
    with pot.open("rb") as handle:
        return read_po(handle)


def load(locale: str) -> Catalog:
    path = CATALOGS[locale]
    if not path.exists():
        return Catalog(locale=locale)
    with path.open("rb") as handle:
        return read_po(handle, locale=locale)


def save(catalog: Catalog, locale: str) -> None:
    path = CATALOGS[locale]
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, catalog, width=0, omit_header=False, sort_output=True, no_location=True)


def update() -> None:
    template = extract()
    for locale in CATALOGS:
        catalog = load(locale)
        catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        save(catalog, locale)
        print(f"{locale}: {len(catalog)} messages")


def missing(locales: tuple[str, ...] = CHECKED) -> dict[str, list[str]]:
    template = extract()
    result: dict[str, list[str]] = {}
    for locale in locales:
        catalog = load(locale)
        result[locale] = [
            str(m.id)
            for m in template
            if m.id and (not (found := catalog.get(m.id)) or not found.string or found.fuzzy)
        ]
    return result


if __name__ == "__main__":
    if sys.argv[1:] == ["update"]:
        update()
    elif sys.argv[1:] == ["check"]:
        problems = missing()
        for locale, ids in problems.items():
            for msgid in ids:
                print(f"{locale}: untranslated: {msgid}")
        sys.path.insert(0, str(ROOT / "scripts"))
        import outside_catalog

        outside = outside_catalog.problems()
        for problem in outside:
            print(problem)
        sys.exit(1 if any(problems.values()) or outside else 0)
    elif sys.argv[1:] == ["status"]:
        for locale, ids in missing(tuple(CATALOGS)).items():
            state = "checked" if locale in CHECKED else "not yet enabled"
            print(f"{locale}: {len(ids)} untranslated ({state})")
    else:
        print(__doc__)
        sys.exit(2)
