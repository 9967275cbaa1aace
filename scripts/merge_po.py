#!/usr/bin/env python3
"""A git merge driver for the gettext catalogs, so that parallel branches that each add strings
merge without conflicts.

The catalogs are sorted and carry no locations, so two branches that add neighbouring msgids
produce neighbouring hunks, which git's line merge reports as a conflict. This driver merges by
message instead: every msgid either side added is kept; a translation changed on one side only
takes that side's text; a translation both sides changed keeps ours (the test of the catalogs
then shows nothing is missing). A msgid one side removed and the other left as it was is removed.

Enable it once per clone (the .gitattributes line names it; without this, git merges lines):

    git config merge.pocatalog.name "gettext catalog merge"
    git config merge.pocatalog.driver "python3 scripts/merge_po.py %O %A %B"

It needs Babel, so run it with the virtual environment's Python where plain python3 lacks it:
``git config merge.pocatalog.driver ".venv/bin/python scripts/merge_po.py %O %A %B"``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po


def _read(path: str) -> Catalog:
    with Path(path).open("rb") as handle:
        return read_po(handle)


def _key(message: object) -> object:
    return message.id  # type: ignore[attr-defined]


def merge(base_path: str, ours_path: str, theirs_path: str) -> int:
    base, ours, theirs = _read(base_path), _read(ours_path), _read(theirs_path)
    base_ids = {_key(m): m for m in base if m.id}
    ours_ids = {_key(m): m for m in ours if m.id}
    theirs_ids = {_key(m): m for m in theirs if m.id}
    for key, message in theirs_ids.items():
        mine = ours_ids.get(key)
        old = base_ids.get(key)
        if mine is None:
            if old is not None and old.string == message.string:
                continue  # removed on our side, untouched on theirs: stays removed
            ours[message.id] = message
            continue
        if mine.string == message.string:
            continue
        took_no_side = old is not None and mine.string == old.string
        if took_no_side or (not _filled(mine.string) and _filled(message.string)):
            mine.string = message.string
    for key, old in base_ids.items():
        if key not in theirs_ids and key in ours_ids and ours_ids[key].string == old.string:
            del ours[old.id]
    with Path(ours_path).open("wb") as handle:
        write_po(handle, ours, width=0, omit_header=False, sort_output=True, no_location=True)
    return 0


def _filled(string: object) -> bool:
    if isinstance(string, tuple | list):
        return all(bool(s) for s in string)
    return bool(string)


if __name__ == "__main__":
    sys.exit(merge(*sys.argv[1:4]))
