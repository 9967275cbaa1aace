"""Reach and outcomes imported from a CSV or .xlsx file with a column mapping: every bad row
named by row and column in the user's language and nothing written; a good file writes every
row, as one new version of the programme sent once to the agencies it is shared with."""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Callable
from typing import Any

import openpyxl
import pytest
from sqlalchemy import func, select

from mekongx.audit.log import AuditEvent
from mekongx.domains.prevention import demo, imports, service
from mekongx.domains.prevention.models import Outcome, Programme, Reach
from mekongx.domains.prevention.schemas import ImportInput, IndicatorInput, ProgrammeInput
from mekongx.errors import ValidationFailed
from mekongx.federation.models import OutboxEntry
from mekongx.i18n import translator
from mekongx.validation import parse

TH = translator("th")
# A Thai office's sheet: its own column titles, one row a count.
THAI_REACH = """ปี,จังหวัด,ตัวชี้วัด,ช่วงอายุ,เพศ,จำนวน,แหล่งที่มา
2024,Chon Buri,participants,all,all,60,school register 2024
2024,Chon Buri,participants,6-11,f,31,school register 2024
2024,Chon Buri,participants,6-11,m,29,school register 2024
2024,Chon Buri,schools,all,all,4,school register 2024
2023,,participants,all,all,1200,annual report 2023
"""
MAPPING = {"year": "ปี", "region": "จังหวัด", "measure": "ตัวชี้วัด", "age_band": "ช่วงอายุ",
           "sex": "เพศ", "count": "จำนวน", "source": "แหล่งที่มา"}  # fmt: skip


def _programme(world: Any, **sharing: Any) -> tuple[int, Any]:
    world.partner("NNCC")
    liaison = world.principal("thai_liaison")
    with world.db.write() as session:
        programme = service.create_programme(session, liaison, ProgrammeInput.model_validate(
            {**demo._dare()["programme"], **sharing}))  # fmt: skip
        service.add_indicator(session, liaison, programme.id, IndicatorInput(
            code="completion", kind="rate", name_en="Completion rate", definition="Pupils who attended all lessons",
            numerator="attended all", denominator="enrolled"))  # fmt: skip
        return programme.id, dataclasses.replace(liaison, language="th")


def _counts(world: Any, model: Any) -> int:
    with world.db.read() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def _xlsx(rows: list[list[Any]]) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_sheet_with_its_own_column_titles_is_imported_as_one_new_version(world: Any) -> None:
    pid, thai = _programme(world, distribution="peers", recipients=["NNCC"])
    with world.db.read() as session:
        before = session.get(Programme, pid).version  # type: ignore[union-attr]
        sent = session.scalar(select(func.count()).select_from(OutboxEntry))
    columns = parse(ImportInput, {"part": "reach", "columns": MAPPING}).columns
    with world.db.write() as session:
        rows = imports.import_file(
            session, thai, pid, "reach", "reach.csv", THAI_REACH.encode(), columns
        )
    assert rows == 5
    with world.db.read() as session:
        found = {(r.year, r.region, r.measure, r.age_band, r.sex): r.count
                 for r in session.scalars(select(Reach).where(Reach.programme_id == pid))}  # fmt: skip
        programme = session.get(Programme, pid)
        assert (
            programme is not None and programme.version == before + 1
        )  # one version, not one a group
        assert session.scalar(select(func.count()).select_from(OutboxEntry)) == sent + 1
        assert session.scalar(select(func.count()).select_from(AuditEvent).where(
            AuditEvent.action == "prevention.reach.import")) == 1  # fmt: skip
    assert found == {(2024, "Chon Buri", "participants", "all", "all"): 60,
                     (2024, "Chon Buri", "participants", "6-11", "f"): 31,
                     (2024, "Chon Buri", "participants", "6-11", "m"): 29,
                     (2024, "Chon Buri", "schools", "all", "all"): 4,
                     (2023, "", "participants", "all", "all"): 1200}  # fmt: skip


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("ปี,จำนวน\n2024,5\n", [("file", {"fields": "แหล่งที่มา"})]),  # the mapped source column is missing
        (THAI_REACH.replace(",29,", ",39,"),  # 31 + 39 is not the total 60
         [("rows", {"rows": "2, 3, 4, 5", "needle": "70"})]),
        (THAI_REACH.replace("2023,,participants,all,all,1200", "2023,,participants,all,all,many"),
         [("cell", {"row": 6, "column": "จำนวน"})]),
        (THAI_REACH.replace("2023,,", "1800,,"), [("cell", {"row": 6, "column": "ปี"})]),
        (THAI_REACH.replace("6-11,m", "6-11,x"), [("cell", {"row": 4, "column": "เพศ"})]),
        (THAI_REACH.replace("annual report 2023", "ด.ช. สมชาย ใจดี"), [("cell", {"row": 6, "column": "แหล่งที่มา"})]),
    ],
)  # fmt: skip
def test_bad_reach_rows_are_named_in_the_users_language_and_nothing_is_written(
    world: Any, content: str, expected: list[tuple[str, dict[str, Any]]]
) -> None:
    pid, thai = _programme(world)
    columns = parse(ImportInput, {"part": "reach", "columns": MAPPING}).columns
    before = _counts(world, Reach)
    with world.db.write() as session, pytest.raises(ValidationFailed) as refused:
        imports.import_file(session, thai, pid, "reach", "reach.csv", content.encode(), columns)
    problems = refused.value.fields
    assert len(problems) == len(expected), problems
    for problem, (kind, wanted) in zip(problems, expected, strict=True):
        assert problem.field == "file"
        if kind == "cell":
            assert (problem.params["row"], problem.params["column"]) == (
                wanted["row"],
                wanted["column"],
            )
            assert any(
                "\u0e00" <= ch <= "\u0e7f" for ch in problem.params["problem"]
            )  # said in Thai
        elif kind == "rows":
            assert (
                problem.params["rows"] == wanted["rows"]
                and wanted["needle"] in problem.params["problem"]
            )
        else:
            assert problem.params == wanted
    assert _counts(world, Reach) == before


def test_outcomes_from_a_workbook_checked_against_the_indicators(world: Any) -> None:
    pid, thai = _programme(world)
    header = ["indicator", "year", "region", "numerator", "denominator", "source", "verified"]
    bad = _xlsx([header,
                 ["completion", 2024, "", 120, 100, "register", "no"],  # more passes than pupils
                 ["attendance", 2024, "", 5, 10, "register", ""],  # no such indicator
                 ["completion", 2023, "", 90, None, "register", ""],  # a rate without its denominator
                 ["completion", 2022, "", 90, 100, "register", "perhaps"],
                 ["completion", 2021, "", 90, 100, "register", "yes"],
                 ["completion", 2021, "", 91, 100, "register", "yes"]])  # fmt: skip
    with world.db.write() as session, pytest.raises(ValidationFailed) as refused:
        imports.import_file(session, thai, pid, "outcomes", "outcomes.xlsx", bad, {})
    named = [(p.params["row"], p.params["column"]) for p in refused.value.fields]
    assert named == [
        (2, "numerator"),
        (3, "indicator"),
        (4, "denominator"),
        (5, "verified"),
        (7, "indicator"),
    ]
    assert "120" in refused.value.fields[0].params["problem"]
    assert _counts(world, Outcome) == 0
    good = _xlsx([header, ["completion", 2024, "", 18_400, 20_000, "register", "yes"],
                  ["completion", 2023, "Chon Buri", 900, 1000, "register", ""]])  # fmt: skip
    with world.db.write() as session:
        assert imports.import_file(session, thai, pid, "outcomes", "outcomes.xlsx", good, {}) == 2
    with world.db.read() as session:
        values = {
            (o.year, o.region, o.numerator, o.verified) for o in session.scalars(select(Outcome))
        }
    assert values == {(2024, "", 18_400, True), (2023, "Chon Buri", 900, False)}


def test_import_through_the_page_and_the_api(
    world: Any, browser: Any, token_for: Callable[[str], dict[str, str]]
) -> None:
    pid, _thai = _programme(world)
    browser.login("thai.liaison")
    form = {"part": "reach", **{f"col_{k}": v for k, v in MAPPING.items()}}

    def upload(data: dict[str, str], name: str, content: bytes) -> Any:
        return browser.client.post(f"/prevention/{pid}/import", data={"csrf_token": browser.csrf, **data},
                                   files={"file": (name, content, "text/csv")})  # fmt: skip

    bad = upload(form, "reach.csv", THAI_REACH.replace(",29,", ",39,").encode())
    assert (
        bad.status_code == 422
        and TH("Rows %(rows)s: %(problem)s", rows="2, 3, 4, 5", problem="") in bad.text
    )
    assert (
        upload({**form, "part": "everything"}, "reach.csv", THAI_REACH.encode()).status_code == 422
    )
    assert _counts(world, Reach) == 0
    good = upload(form, "reach.csv", THAI_REACH.encode())
    assert good.status_code == 303, good.text
    assert _counts(world, Reach) == 5
    client = world.app()
    answer = client.post(f"/api/v1/prevention/programmes/{pid}/import?part=outcomes", headers=token_for("thai_liaison"),
                         files={"file": ("o.csv", b"indicator,year,numerator,denominator,source\ncompletion,2024,5,10,s\n", "text/csv")})  # fmt: skip
    assert answer.status_code == 201 and answer.json() == {"rows": 1}
    wrong = client.post(f"/api/v1/prevention/programmes/{pid}/import?part=outcomes", headers=token_for("thai_liaison"),
                        data={"columns": "[1]"}, files={"file": ("o.csv", b"a\n1\n", "text/csv")})  # fmt: skip
    assert wrong.status_code == 422 and wrong.json()["error"]["fields"][0]["field"] == "columns"
