#!/usr/bin/env python3
"""Keep the Thai and Chinese catalogs in step with the code.

    .venv/bin/python scripts/i18n.py update   # extract every marked string, merge into the .po files
    .venv/bin/python scripts/i18n.py check    # list msgids without a Thai or Chinese translation,
                                              # and text built outside the catalogs

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
LOCALE = ROOT / "src" / "mekongx" / "i18n" / "locale"
CATALOGS = {"th": LOCALE / "th" / "messages.po", "zh_Hans": LOCALE / "zh_Hans" / "messages.po"}


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


def missing() -> dict[str, list[str]]:
    template = extract()
    result: dict[str, list[str]] = {}
    for locale in CATALOGS:
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
    else:
        print(__doc__)
        sys.exit(2)
