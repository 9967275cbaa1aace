"""Seizure reports through the service: recorded on the seizing country's node, shared over the
exchange only to the agencies their distribution names, refused with the field named when the
place, drug, quantity or unit is impossible or the seizure is already reported, linked to
records of other areas only as far as the reader may see them."""

from __future__ import annotations

import io
from typing import Any

import openpyxl
import pytest
from alembic import command
from fastapi.testclient import TestClient
from sqlalchemy import func, select, update

from mekongx import migrations
from mekongx.app import create_app
from mekongx.authz import Principal
from mekongx.authz.sharing import SharingInput
from mekongx.domains.intel.models import IntelReport
from mekongx.domains.seizures import fulltext, service, tabular
from mekongx.domains.seizures.models import Seizure
from mekongx.domains.seizures.schemas import SeizureInput
from mekongx.errors import ValidationFailed
from mekongx.i18n import translator
from mekongx.model.identity import Role
from mekongx.validation import parse

MAE_SAI = {
    "reference": "ONCB-2026-0412", "seized_on": "2026-03-14", "country": "TH", "admin1": "TH-57",
    "admin2": "Mae Sai", "place": "Ban Pa Yang checkpoint", "latitude": 20.43, "longitude": 99.88,
    "drug": "meth_tablets", "form": "tablets", "quantity": "1200000", "unit": "tablets",
    "purity": "18.5", "markings": "WY", "origin_country": "MM", "transit_countries": [],
    "destination_country": "TH", "conveyance": "road", "concealment": "rice sacks, pickup",
    "arrests": 2, "nationalities": {"TH": 1, "MM": 1}, "language": "en",
}  # fmt: skip


def _count(world: Any) -> int:
    with world.db.read() as session:
        return session.scalar(select(func.count()).select_from(Seizure)) or 0


def _create(world: Any, user: str = "thai_liaison", **changes: Any) -> Seizure:
    with world.db.write() as session:
        return service.create_seizure(session, world.principal(user), parse(SeizureInput, {**MAE_SAI, **changes}))  # fmt: skip


def test_a_shared_seizure_reaches_the_named_agency_only(world: Any) -> None:
    nncc, lcdc = world.partner("NNCC"), world.partner("LCDC")
    made = _create(world, distribution="peers", recipients=["NNCC"], handling_code="H1")
    world.exchange()
    copy_id = nncc.id_of(Seizure, made.uid)
    with nncc.db.read() as session:
        copy = session.get(Seizure, copy_id)
        assert copy.received and copy.origin_agency == "ONCB" and copy.handling_code == "H1"
        assert copy.tablets == 1_200_000 and copy.admin1 == "TH-57" and copy.quantity_kg is None
        assert service.nationalities_of(copy) == {"MM": 1, "TH": 1}
    with lcdc.db.read() as session:
        assert session.scalar(select(func.count()).select_from(Seizure)) == 0
    world.exchange()  # a repeat changes nothing
    assert nncc.id_of(Seizure, made.uid) == copy_id


def test_an_analyst_keeps_seizures_in_the_agency(world: Any) -> None:
    own = _create(world, "thai_analyst")
    assert own.distribution == "own"
    with pytest.raises(Exception) as refused:
        _create(world, "thai_analyst", reference="X-2", distribution="peers", recipients=["NNCC"])
    assert type(refused.value).__name__ == "Forbidden"
    assert _count(world) == 1


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"latitude": 21.5, "longitude": 101.6}, "longitude"),  # in Laos, stated Thailand
        ({"admin1": "TH-99"}, "admin1"),
        ({"admin1": "LA-BK"}, "admin1"),
        ({"drug": "heroin", "unit": "tablets"}, "unit"),
        ({"drug": "heroin", "unit": "kg", "quantity": "250000"}, "quantity"),
        ({"unit": "litres"}, "unit"),
        ({"latitude": 20.4, "longitude": None}, "longitude"),
        ({"arrests": 1}, "nationalities"),
    ],
)
def test_impossible_seizures_are_refused_naming_the_field(world: Any, changes: dict[str, Any], field: str) -> None:  # fmt: skip
    with pytest.raises(ValidationFailed) as refused:
        _create(world, **changes)
    assert field in [p.field for p in refused.value.fields]
    assert _count(world) == 0


def test_a_seizure_already_reported_is_refused(world: Any) -> None:
    _create(world)
    for changes in ({}, {"reference": "ANOTHER-NUMBER"}):
        with pytest.raises(ValidationFailed) as refused:
            _create(world, **changes)
        assert [p.field for p in refused.value.fields] == ["reference"]
    assert _count(world) == 1


def test_links_resolve_only_for_records_the_reader_may_see(world: Any) -> None:
    nncc = world.partner("NNCC")
    shared = world.report("thai_liaison", title="Shared lead", distribution="peers", recipients=["NNCC"])  # fmt: skip
    kept = world.report("thai_liaison", title="Kept lead")
    links = [{"kind": "intel_report", "uid": world.uid_of(IntelReport, i)} for i in (shared, kept)]
    made = _create(world, distribution="peers", recipients=["NNCC"], links=links)
    with world.db.read() as session:
        titles = [r.title for r in service.links_of(session, world.principal("thai_viewer"), session.get(Seizure, made.id))]  # fmt: skip
    assert titles == ["Shared lead", "Kept lead"]
    world.exchange()
    with nncc.db.read() as session:
        copy = session.get(Seizure, nncc.id_of(Seizure, made.uid))
        titles = [r.title for r in service.links_of(session, nncc.principal("chinese_liaison"), copy)]  # fmt: skip
    assert titles == ["Shared lead"]


def _workbook(rows: list[list[Any]]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["reference", "date", "country", "province", "latitude", "longitude", "drug",
                  "quantity", "unit", "arrests", "nationalities", "origin", "transit"])  # fmt: skip
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


GOOD = [
    ["T-1", "2026-02-01", "TH", "TH-57", 20.27, 100.08, "meth_tablets", 400000, "tablets", 1, "MM:1", "MM", "LA"],
    ["T-2", "2026-02-03", "TH", "TH-43", 17.88, 102.74, "meth_crystal", 52.5, "kg", 0, "", "MM", "LA"],
    ["T-3", "2026-02-09", "TH", "", None, None, "ketamine", 120, "kg", 2, "TH:1; CN:1", "MM", ""],
]  # fmt: skip


def test_a_workbook_imports_every_row(world: Any) -> None:
    with world.db.write() as session:
        count = tabular.import_seizures(session, world.principal("thai_liaison"), "s.xlsx",
                                        _workbook(GOOD), SharingInput())  # fmt: skip
    assert count == 3
    with world.db.read() as session:
        made = list(session.scalars(select(Seizure).order_by(Seizure.reference)))
        assert [s.reference for s in made] == ["T-1", "T-2", "T-3"]
        assert made[1].quantity_kg == 52.5 and made[0].transit_countries == "LA"
        assert made[0].tablets == 400000 and made[0].author_name and made[0].status == "active"
        assert made[0].nationalities == '{"MM": 1}' and made[2].admin1 == ""


def test_an_imported_workbook_is_written_as_recording_each_row_would_be(world: Any) -> None:
    """The import writes in bulk: the picture's totals equal a rebuild from the rows, the
    search finds the rows, the named agency gets each report, one audit row says what came in;
    the same seizure twice in a file (two references) is refused naming the later row."""
    from mekongx.audit import AuditEvent
    from mekongx.domains.seizures import totals
    from mekongx.domains.seizures.models import SeizureTotal
    from mekongx.federation.models import OutboxEntry

    world.partner("NNCC")
    shared = SharingInput(distribution="peers", recipients=["NNCC"])
    with world.db.write() as session:
        tabular.import_seizures(session, world.principal("thai_liaison"), "s.xlsx", _workbook(GOOD), shared)  # fmt: skip

    def kept() -> set[Any]:
        with world.db.read() as session:
            return {tuple(getattr(t, k) for k in (*totals.KEYS, *totals.SUMS[:4]))
                    for t in session.scalars(select(SeizureTotal))}  # fmt: skip

    before = kept()
    assert sum(row[len(totals.KEYS)] for row in before) == 3
    assert all(row[totals.KEYS.index("recipients")] == ",NNCC," for row in before)
    with world.db.write() as session:
        totals.rebuild(session)
    assert kept() == before
    with world.db.read() as session:
        assert session.scalar(select(func.count()).select_from(OutboxEntry).where(OutboxEntry.to_agency == "NNCC")) == 3  # fmt: skip
        events = session.scalars(select(AuditEvent).where(AuditEvent.action == "seizures.import")).all()  # fmt: skip
        assert len(events) == 1 and '"count": 3' in str(events[0].details)
        assert [s.reference for s in service.search(session, world.principal("thai_viewer"), "T-2", 5)] == ["T-2"]  # fmt: skip
    twice = [[f"U-{i}", "2026-03-01", "TH", "TH-57", None, None, "heroin", 5, "kg", 0, "", "", ""] for i in (1, 2)]  # fmt: skip
    with pytest.raises(ValidationFailed) as refused, world.db.write() as session:
        tabular.import_seizures(session, world.principal("thai_analyst"), "s.xlsx", _workbook(twice), SharingInput())  # fmt: skip
    [problem] = refused.value.fields
    assert problem.params["row"] == 3 and "U-1" in problem.params["problem"]


def test_a_bad_workbook_names_row_and_column_in_thai_and_writes_nothing(world: Any) -> None:
    bad = [
        GOOD[0],
        ["T-4", "2026-02-01", "TH", "XX-1", None, None, "heroin", 5, "kg", 0, "", "", ""],
        ["T-5", "2026-02-01", "TH", "TH-57", 21.9, 101.2, "heroin", 5, "kg", 0, "", "", ""],
        ["T-6", "2026-02-01", "TH", "TH-57", None, None, "heroin", 5, "tablets", 0, "", "", ""],
        ["T-1", "2026-02-02", "TH", "TH-50", None, None, "heroin", 1, "kg", 0, "", "", ""],
    ]  # fmt: skip
    with pytest.raises(ValidationFailed) as refused, world.db.write() as session:
        tabular.import_seizures(session, world.principal("thai_analyst"), "s.xlsx", _workbook(bad), SharingInput())  # fmt: skip
    _ = translator("th")
    said = [_(p.message, **p.params) for p in refused.value.fields]
    assert len(said) == 4, said
    assert all(s.startswith("แถว") for s in said), said
    assert (
        "“province”" in said[0]
        and "“longitude”" in said[1]
        and "“unit”" in said[2]
        and "“reference”" in said[3]
    )
    assert _count(world) == 0


def _found(session: Any, principal: Any, query: str) -> list[str]:
    return sorted(s.reference for s in service.search(session, principal, query, 50))


def _thai_seizures(world: Any) -> None:
    _create(world, reference="ONCB-2026-0413", distribution="peers", recipients=["NNCC"],
            place="ด่านบ้านป่ายางอำเภอแม่สายจังหวัดเชียงราย",
            concealment="ซุกซ่อนในกระสอบข้าวสารบนรถกระบะ")  # fmt: skip
    _create(world, "thai_analyst", reference="ONCB-2026-0414", quantity="50000",
            place="ท่าเรือเชียงแสนใกล้อำเภอแม่สาย")  # fmt: skip


def test_search_finds_a_word_inside_a_thai_run_and_only_what_the_reader_may_see(world: Any) -> None:  # fmt: skip
    """Seizures are on the shared full-text index: a word in the middle of a Thai run (no
    spaces) finds them; an agency that holds no copy finds nothing, on its own node too."""
    nncc = world.partner("NNCC")
    _thai_seizures(world)
    thai = world.principal("thai_viewer")
    outsider = Principal(0, "nncc_reader", "NNCC reader", "NNCC", Role.VIEWER, "en")
    with world.db.read() as session:
        assert _found(session, thai, "แม่สาย") == ["ONCB-2026-0413", "ONCB-2026-0414"]
        assert _found(session, thai, "กระสอบข้าวสาร") == ["ONCB-2026-0413"]
        assert _found(session, thai, "ONCB-2026-0414") == ["ONCB-2026-0414"]
        assert _found(session, outsider, "แม่สาย") == ["ONCB-2026-0413"]  # the shared one
        assert _found(session, outsider, "เชียงแสน") == []
    world.exchange()
    with nncc.db.read() as session:
        reader = nncc.principal("chinese_analyst")
        assert _found(session, reader, "แม่สาย") == ["ONCB-2026-0413"]  # the received copy
        assert _found(session, reader, "กระสอบ") == ["ONCB-2026-0413"]
        assert _found(session, reader, "เชียงแสน") == []


def test_a_retracted_seizure_is_no_longer_found(world: Any) -> None:
    _thai_seizures(world)
    with world.db.write() as session:
        seizure = session.scalar(select(Seizure).where(Seizure.reference == "ONCB-2026-0414"))
        seizure.status = "retracted"
        fulltext.index(session, seizure)
    with world.db.read() as session:
        assert _found(session, world.principal("thai_viewer"), "แม่สาย") == ["ONCB-2026-0413"]


def test_the_migration_indexes_seizures_recorded_before_it(world: Any) -> None:
    _thai_seizures(world)
    config = migrations.alembic_config(world.settings.database_url)
    thai = world.principal("thai_viewer")
    command.downgrade(config, "0022_seizures")  # as a node before seizures were indexed
    with world.db.read() as session:
        assert _found(session, thai, "แม่สาย") == []
    migrations.upgrade(world.settings.database_url)
    with world.db.read() as session:
        assert _found(session, thai, "แม่สาย") == ["ONCB-2026-0413", "ONCB-2026-0414"]


def test_the_originator_retracts_a_seizure_on_its_page_with_a_reason(world: Any) -> None:
    seizure_id = _create(world).id
    url = f"/seizures/{seizure_id}"
    with world.browser("thai.liaison") as browser:
        assert 'id="retract-form"' in browser.client.get(url).text
        empty = browser.post(f"{url}/retract", {"reason": "  "})
        assert empty.status_code == 422 and 'id="err-reason"' in empty.text
        assert "<details open>" in empty.text  # the form stays open on the problem
        assert _count(world) == 1
        gone = browser.post(f"{url}/retract", {"reason": "Counted twice with ONCB-2026-0411"})
        assert gone.status_code == 303 and gone.headers["location"] == url
        page = browser.client.get(url).text
        assert 'id="retracted"' in page and "Counted twice with ONCB-2026-0411" in page
        assert 'id="retract-form"' not in page
    with world.browser("thai.viewer") as browser:  # a reader without the right sees no form
        assert 'id="retract-form"' not in browser.client.get(url).text


def test_a_bulk_import_has_its_own_upload_bound() -> None:
    """A seizure file may be larger than a screening list (``upload_bulk_max_mb``, 25 MB by
    default, against 5 MB): a 6 MB CSV is read; beyond the bulk bound the file is refused
    naming the bound in the user's language, before any row is read."""
    from mekongx import uploads
    from mekongx.settings import Settings

    header = "reference,date,country,drug,quantity,unit\n"
    body = "".join(
        f"B-{i:07d},2026-01-02,TH,heroin,{1 + i / 1000:.3f},kg,{'x' * 30}\n" for i in range(90_000)
    )
    data = (header + body).encode()
    assert 5 * uploads.MB < len(data) < 25 * uploads.MB
    assert len(tabular.read_rows("s.csv", data, "en", uploads.bulk_limits(Settings()))) == 90_000
    with pytest.raises(ValidationFailed) as info:
        tabular.read_rows("s.csv", data, "th", uploads.bulk_limits(Settings(upload_bulk_max_mb=2)))
    message = translator("th")(info.value.fields[0].message, **info.value.fields[0].params)
    assert "2 MB" in message and message != translator("en")(info.value.fields[0].message, **info.value.fields[0].params)  # fmt: skip


def test_a_stored_row_the_list_or_detail_cannot_answer_is_the_nodes_500_not_the_callers_422(
    world: Any, token_for: Any, caplog: pytest.LogCaptureFixture
) -> None:
    made = _create(world)
    with world.db.write() as session:  # a row written wrongly by some earlier code of the node
        session.execute(update(Seizure).where(Seizure.id == made.id).values(nationalities='{"TH": "two"}'))  # fmt: skip
    app = create_app(world.settings, world.db)
    with TestClient(app, raise_server_exceptions=False) as client, caplog.at_level("ERROR"):
        answer = client.get("/api/v1/seizures", headers=token_for("thai_analyst"))
    assert answer.status_code == 500, answer.text
    error = answer.json()["error"]
    assert error["code"] == "internal" and error["fields"] == []
    logged = [r for r in caplog.records if r.levelname == "ERROR" and r.name == "mekongx.http"]
    assert logged and error["request_id"] in logged[0].getMessage()
    assert "nationalities" in str(logged[0].exc_text)
    # a detail built by hand (``_out``) answers the same way, not the caller's 422
    with TestClient(app, raise_server_exceptions=False) as client:
        detail = client.get(f"/api/v1/seizures/{made.id}", headers=token_for("thai_analyst"))
    assert detail.status_code == 500 and detail.json()["error"]["code"] == "internal", detail.text
