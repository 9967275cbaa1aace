"""Every reader of uploaded tables refuses hostile files quickly, naming the limit (issue 10, item 2).

The readers are the node's own entry points: precursor screening (API, page and command line
share ``screening.analyse_upload``/``chemistry.open_rows``), wastewater results import
(``wbe.results.read_results``) and lists of people to screen (``fugitives.read_people``). None of them
touches the database here; the real-server test (``test_upload_server.py``) checks that such
an upload does not stop other users' requests.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from mekongx import uploads
from mekongx.authz import Principal
from mekongx.chemistry import DeclarationFileError, Screener
from mekongx.chemistry.declarations import open_rows
from mekongx.domains.fugitives.tabular import read_people
from mekongx.domains.precursors import screening
from mekongx.domains.wbe.results import read_results
from mekongx.errors import ValidationFailed
from mekongx.http.errors import field_messages
from mekongx.model.identity import Role
from mekongx.settings import Settings
from mekongx.tabular import Limits, TableError, open_table

SECONDS = 5.0  # each refusal comes well within this on a loaded 2-core machine
LIMITS = uploads.limits(Settings(upload_max_rows=1000))  # the node's limits, fewer rows


def _analyst(lang: str = "en") -> Principal:
    return Principal(1, "somchai", "Somchai", "ONCB", Role.ANALYST, lang)


def _precursors(name: str, data: bytes, lang: str) -> str:
    try:
        screening.analyse_upload(_analyst(lang), _SCREENER, name, data, limits=LIMITS)
    except ValidationFailed as error:
        return " ".join(m for _, m in field_messages(lang, error.fields))
    raise AssertionError("accepted")


def _wastewater(name: str, data: bytes, lang: str) -> str:
    found = read_results(_analyst(lang), "mekongx-default@1.0.0", name, data, LIMITS)
    assert found.problems.items, "accepted"
    return " ".join(m for _, m in field_messages(lang, found.problems.finish()))


def _people(name: str, data: bytes, lang: str) -> str:
    try:
        read_people(name, data, lang, LIMITS)
    except ValidationFailed as error:
        return " ".join(m for _, m in field_messages(lang, error.fields))
    raise AssertionError("accepted")


_SCREENER = Screener()
READERS: dict[str, Callable[[str, bytes, str], str]] = {
    "precursors": _precursors,
    "wastewater": _wastewater,
    "people": _people,
}
PHRASES = {"not_utf8": "UTF-8", "not_zip": "Excel"}  # each reader words these its own way


@pytest.mark.parametrize("reader", sorted(READERS))
@pytest.mark.parametrize(
    "case", ["dimension", "far_cell", "zip_bomb", "doctype", "wide", "long", "not_utf8", "not_zip"]
)
def test_every_reader_refuses_hostile_files_quickly(
    hostile: dict[str, Any], reader: str, case: str
) -> None:
    file = hostile[case]
    started = time.monotonic()
    message = READERS[reader](file.name, file.content, "en")
    elapsed = time.monotonic() - started
    assert elapsed < SECONDS, f"{reader} took {elapsed:.1f} s on {case}"
    assert PHRASES.get(case, file.refusal) in message, message
    assert "Traceback" not in message


@pytest.mark.parametrize("lang", ["th", "zh"])
def test_refusals_are_translated(hostile: dict[str, Any], lang: str) -> None:
    english = _precursors("dimension.xlsx", hostile["dimension"].content, "en")
    other = _precursors("dimension.xlsx", hostile["dimension"].content, lang)
    assert other != english and "1048576" in other
    assert "1048576" in _wastewater("d.xlsx", hostile["dimension"].content, lang)
    assert "1048576" in _people("d.xlsx", hostile["dimension"].content, lang)


def test_engine_reader_on_files(tmp_path: Path, hostile: dict[str, Any]) -> None:
    """The command line's path-based reader: no row or size bound, workbooks still bounded."""
    bounds = uploads.command_line_limits()
    for case in ("dimension", "zip_bomb", "doctype", "wide"):
        path = tmp_path / hostile[case].name
        path.write_bytes(hostile[case].content)
        started = time.monotonic()
        with pytest.raises(DeclarationFileError) as info:
            _header, rows = open_rows(path, bounds)
            with rows:
                for _ in rows:
                    pass
        assert time.monotonic() - started < SECONDS
        assert any(p in info.value.message("en") for p in ("declares", "80 MB", "DOCTYPE", "5000"))


def test_time_limit(hostile: dict[str, Any]) -> None:
    slow = Limits(max_rows=None, max_seconds=0.0)
    with (
        pytest.raises(TableError) as info,
        open_table(hostile["long"].content[:200_000], "csv", slow) as table,
    ):
        for _ in table:
            time.sleep(0.001)
    assert info.value.code == "too_slow" and "seconds" in info.value.message("en")


def test_ratio_limit(hostile: dict[str, Any]) -> None:
    """Within the unpacked bound, a part compressed far beyond any real sheet is still refused."""
    roomy = Limits(max_unpacked_bytes=1024 * 1024 * 1024, max_ratio=100)
    with pytest.raises(TableError) as info:
        open_table(hostile["zip_bomb"].content, "xlsx", roomy)
    assert info.value.code == "ratio" and "the limit is 100" in info.value.message("en")
