"""A seizure's district as a coded field: chosen on the form from the province's coded districts
(Thailand, Cambodia), kept as its code with the written name beside it, refused with the field
named in the reader's language when the code is unknown or of another province, shown in the
reader's language, found by search in either script, carried to peers as the written name
(the receiver finds the code again), imported from a workbook as a code or a name, and given
by the demo's seizures."""

from __future__ import annotations

import io
import re
from datetime import date
from typing import Any

import openpyxl
import pytest
from sqlalchemy import select

from mekongx.authz.sharing import SharingInput
from mekongx.domains.seizures import exchange, reference, service, tabular
from mekongx.domains.seizures.demo import seed_demo_seizures
from mekongx.domains.seizures.models import Seizure
from mekongx.domains.seizures.payloads import SeizurePayload
from mekongx.domains.seizures.schemas import SeizureInput
from mekongx.errors import ValidationFailed
from mekongx.i18n import LANGUAGE_CODES, translator
from mekongx.model.identity import User
from mekongx.validation import parse

SEIZURE = {
    "reference": "ONCB-D-1", "seized_on": "2026-03-14", "country": "TH", "admin1": "TH-57",
    "drug": "heroin", "quantity": "12", "unit": "kg", "language": "en",
}  # fmt: skip
FORM = {**SEIZURE, "arrests": "0", "handling_code": "H0", "distribution": "own"}


def _create(world: Any, user: str = "thai_liaison", **changes: Any) -> Seizure:
    with world.db.write() as session:
        return service.create_seizure(session, world.principal(user), parse(SeizureInput, {**SEIZURE, **changes}))  # fmt: skip


def test_a_code_is_kept_with_its_province_and_written_name(world: Any) -> None:
    made = _create(world, admin1="", admin2_code="5709")  # Mae Sai: the province comes with it
    assert (made.admin2_code, made.admin1, made.admin2) == ("5709", "TH-57", "Mae Sai (แม่สาย)")
    named = _create(world, reference="ONCB-D-2", quantity="13", admin2="อำเภอเชียงแสน")
    assert (named.admin2_code, named.admin2) == ("5708", "Chiang Saen (เชียงแสน)")
    ambiguous = _create(world, reference="ONCB-D-3", admin1="TH-14", admin2="Bang Sai")
    assert (ambiguous.admin2_code, ambiguous.admin2) == (
        "",
        "Bang Sai",
    )  # two amphoe: kept as written
    lao = _create(world, reference="ONCB-D-4", country="LA", admin1="LA-BK", admin2="Ton Pheung")
    assert (lao.admin2_code, lao.admin2) == ("", "Ton Pheung")  # no coded list: as written


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"admin2_code": "5799"}, "Unknown district code %(code)s of %(country)s."),
        ({"admin2_code": "5009"}, "District %(code)s (%(name)s) is not in %(unit)s."),  # Fang: TH-50
        ({"admin2_code": "KH:1001"}, "Unknown district code %(code)s of %(country)s."),
        ({"country": "LA", "admin1": "LA-BK", "admin2_code": "0101"},
         "There is no coded list of districts of %(country)s: write the district's name instead."),
    ],
)  # fmt: skip
def test_a_bad_district_code_is_refused_naming_the_field(world: Any, changes: dict[str, Any], message: str) -> None:  # fmt: skip
    with pytest.raises(ValidationFailed) as refused:
        _create(world, **changes)
    [problem] = refused.value.fields
    assert (problem.field, problem.message) == ("admin2_code", message)
    with world.db.read() as session:
        assert session.scalar(select(Seizure.id)) is None


def test_the_form_offers_the_provinces_districts_and_names_the_field_in_seven_languages(world: Any, browser: Any) -> None:  # fmt: skip
    browser.login("thai.analyst")
    form = browser.client.get("/seizures/new").text
    assert '<option value="TH:5709" >แม่สาย (5709)</option>' in form  # every province, grouped
    assert 'value="KH:1201"' in form and 'hx-get="/seizures/districts"' in form
    options = browser.client.get("/seizures/districts?admin1=TH-57&admin2_code=TH:5709").text
    codes = re.findall(r'value="TH:(\d+)"', options)
    assert sorted(codes) == sorted(d.code for d in reference.districts_of("TH-57"))
    assert 'value="TH:5709" selected' in options and "KH:" not in options
    assert "TH:" not in browser.client.get("/seizures/districts?admin1=LA-BK").text
    for lang in LANGUAGE_CODES:
        with world.db.write() as session:
            session.query(User).filter_by(username="thai.analyst").one().language = lang
        _ = translator(lang)
        bad = browser.post("/seizures/new", {**FORM, "admin2_code": "TH:5009"})
        assert bad.status_code == 422  # type: ignore[attr-defined]
        text = bad.text  # type: ignore[attr-defined]
        said = _("District %(code)s (%(name)s) is not in %(unit)s.", code="5009", name="Fang", unit="TH-57")  # fmt: skip
        assert said in text and 'id="err-admin2_code"' in text, lang
        assert lang == "en" or said != translator("en")("District %(code)s (%(name)s) is not in %(unit)s.", code="5009", name="Fang", unit="TH-57")  # fmt: skip
        assert _("District") in text
        assert 'value="TH:5009" selected' in text  # the choice is shown again
    made = browser.post("/seizures/new", {**FORM, "admin2_code": "TH:5709"})
    page = browser.client.get(made.headers["location"]).text  # type: ignore[attr-defined]
    assert "Mae Sai (5709)" in page  # the reader is English now
    with world.db.write() as session:
        session.query(User).filter_by(username="thai.analyst").one().language = "th"
    page = browser.client.get(made.headers["location"]).text  # type: ignore[attr-defined]
    assert "แม่สาย (5709)" in page
    correcting = browser.client.get(made.headers["location"] + "/correct").text  # type: ignore[attr-defined]
    assert 'value="TH:5709" selected' in correcting


def test_a_khmer_reader_sees_a_cambodian_district_in_khmer(world: Any) -> None:
    stung_treng = reference.district("KH", "1904")
    assert stung_treng is not None
    assert (stung_treng.name("km"), stung_treng.name("th"), stung_treng.name("en")) == ("ស្ទឹងត្រែង", "Stueng Traeng", "Stueng Traeng")  # fmt: skip


def test_search_finds_a_coded_district_by_either_name_and_shows_it_in_the_readers(world: Any, browser: Any) -> None:  # fmt: skip
    _create(world, admin2_code="5709", place="Ban Pa Yang checkpoint")
    with world.db.read() as session:
        for query in ("แม่สาย", "Mae Sai"):
            found = service.search(session, world.principal("thai_viewer"), query, 5)
            assert [s.reference for s in found] == ["ONCB-D-1"], query
    browser.login("thai.analyst")
    for lang, shown in (("th", "แม่สาย · Ban Pa Yang"), ("en", "Mae Sai · Ban Pa Yang")):
        with world.db.write() as session:
            session.query(User).filter_by(username="thai.analyst").one().language = lang
        assert shown in browser.client.get("/search?q=ONCB-D-1").text, lang
        assert shown in browser.client.get("/seizures").text, lang  # the list's place column


def test_a_peer_gets_the_written_name_and_finds_the_code_again(world: Any) -> None:
    nncc = world.partner("NNCC")
    made = _create(world, admin2_code="5709", distribution="peers", recipients=["NNCC"])
    with world.db.read() as session:
        sent = exchange.payload(session, session.get(Seizure, made.id))
    # a peer that knows no codes: its payload schema has no admin2_code and forbids extra keys
    assert "admin2_code" not in sent and sent["admin2"] == "Mae Sai (แม่สาย)"
    assert set(sent) <= set(SeizurePayload.model_fields) - {"admin2_code"}
    world.exchange()
    with nncc.db.read() as session:
        copy = session.get(Seizure, nncc.id_of(Seizure, made.uid))
        assert (copy.admin2_code, copy.admin1, copy.admin2) == ("5709", "TH-57", "Mae Sai (แม่สาย)")
    older_peer = {**sent, "admin2": "Mae Sai"}  # as a node before codes wrote it
    checked = SeizurePayload.model_validate(older_peer)
    assert (checked.admin2_code, checked.admin2) == ("5709", "Mae Sai (แม่สาย)")


def _workbook(rows: list[list[Any]], header: list[str] | None = None) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(header or ["reference", "date", "country", "province", "district", "drug", "quantity", "unit"])  # fmt: skip
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_workbook_gives_a_district_as_code_or_name(world: Any) -> None:
    rows = [
        ["W-1", "2026-02-01", "TH", "TH-57", 5709, "heroin", 1, "kg"],  # a code, read as a number
        ["W-2", "2026-02-01", "TH", "", "อำเภอเชียงแสน", "heroin", 2, "kg"],  # a name, no province
        ["W-3", "2026-02-01", "KH", "KH-1", 102, "heroin", 3, "kg"],  # Cambodia's 0102
        ["W-4", "2026-02-01", "LA", "LA-BK", "Ton Pheung", "heroin", 4, "kg"],
    ]  # fmt: skip
    with world.db.write() as session:
        tabular.import_seizures(session, world.principal("thai_liaison"), "d.xlsx", _workbook(rows), SharingInput())  # fmt: skip
    with world.db.read() as session:
        made = {
            s.reference: (s.admin1, s.admin2_code, s.admin2)
            for s in session.scalars(select(Seizure))
        }
    assert made == {
        "W-1": ("TH-57", "5709", "Mae Sai (แม่สาย)"),
        "W-2": ("TH-57", "5708", "Chiang Saen (เชียงแสน)"),
        "W-3": ("KH-1", "0102", "Mangkul Bourei (មង្គលបូរី)"),
        "W-4": ("LA-BK", "", "Ton Pheung"),
    }


def test_a_bad_district_in_a_workbook_names_row_and_column_in_thai(world: Any) -> None:
    rows = [
        ["X-1", "2026-02-01", "TH", "TH-57", 5799, "heroin", 1, "kg"],
        ["X-2", "2026-02-01", "TH", "TH-57", "", "heroin", 2, "kg", "5009"],
    ]  # fmt: skip
    header = ["reference", "date", "country", "province", "อำเภอ", "drug", "quantity", "unit", "district code"]  # fmt: skip
    with pytest.raises(ValidationFailed) as refused, world.db.write() as session:
        tabular.import_seizures(session, world.principal("thai_analyst"), "d.xlsx", _workbook(rows, header), SharingInput())  # fmt: skip
    _ = translator("th")
    said = [_(p.message, **p.params) for p in refused.value.fields]
    assert len(said) == 2, said
    assert said[0].startswith("แถว 2") and "“อำเภอ”" in said[0] and "5799" in said[0], said
    assert said[1].startswith("แถว 3") and "“district code”" in said[1] and "TH-57" in said[1], said
    with world.db.read() as session:
        assert session.scalar(select(Seizure.id)) is None


def test_the_demo_gives_thai_and_cambodian_seizures_their_district_codes(world: Any) -> None:
    with world.db.write() as session:
        seed_demo_seizures(session, "ONCB", world.principal("thai_analyst"),
                           world.principal("thai_liaison"), count=20, today=date(2026, 11, 30))  # fmt: skip
    with world.db.read() as session:
        rows = list(session.scalars(select(Seizure)))
    assert rows and all(reference.district("TH", s.admin2_code) is not None for s in rows)
    assert all(reference.district("TH", s.admin2_code).admin1 == s.admin1 for s in rows)  # type: ignore[union-attr]


def test_the_api_takes_and_gives_the_code(world: Any, token_for: Any) -> None:
    headers = token_for("thai_liaison")
    with world.app() as client:
        made = client.post(
            "/api/v1/seizures", json={**SEIZURE, "admin2_code": "5709"}, headers=headers
        )
        assert made.status_code == 201, made.text
        assert (made.json()["admin2_code"], made.json()["admin2"]) == ("5709", "Mae Sai (แม่สาย)")
        bad = client.post("/api/v1/seizures", json={**SEIZURE, "reference": "ONCB-D-9", "admin2_code": "5009"}, headers=headers)  # fmt: skip
        assert bad.status_code == 422 and bad.json()["error"]["fields"][0]["field"] == "admin2_code"
