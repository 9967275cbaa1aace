"""Issue 13, item 8 (the other parts of Form D): methods of illicit manufacture named on
incidents (1988 Convention art. 12(12)(c)) and annual legitimate requirements (ALR) of
ephedrine, pseudoephedrine, P-2-P and 3,4-MDP-2-P and of preparations of the ephedrines (CND
resolution 49/3, source INCB-ALR in the register's sources)."""

from __future__ import annotations

import io
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from mekongx.audit.log import AuditEvent
from mekongx.chemistry.formd import load_vocabulary
from mekongx.domains.precursors import formd as formd_service
from mekongx.domains.precursors import incidents as incident_service
from mekongx.domains.precursors.labels import MANUFACTURE_METHODS
from mekongx.domains.precursors.models import LegitimateRequirement
from mekongx.domains.precursors.schemas import IncidentInput, RequirementInput
from mekongx.errors import Forbidden, ValidationFailed
from mekongx.validation import parse

SEIZURE = {"kind": "seizure", "title": "Laboratory", "occurred_on": "2025-03-01", "country": "TH"}


def _incident(world: Any, **change: Any) -> None:
    with world.db.write() as session:
        data = parse(IncidentInput, {**SEIZURE, **change})
        incident_service.create_incident(session, world.principal("thai_liaison"), data)


def _alr(world: Any, user: str = "thai_liaison", **data: Any) -> None:
    with world.db.write() as session:
        formd_service.set_requirement(session, world.principal(user), parse(RequirementInput, data))


def _form(world: Any, year: int) -> formd_service.FormD:
    with world.db.read() as session:
        return formd_service.form_d(session, world.principal("thai_viewer"), year)


def test_every_manufacture_method_has_a_label_a_source_and_register_substances() -> None:
    vocabulary = load_vocabulary()
    assert set(MANUFACTURE_METHODS) == {"", *vocabulary.method_codes}
    for method in vocabulary.methods:
        assert method.sources and method.verification in ("S", "bg"), method.code
    assert vocabulary.alr.source == "INCB-ALR"
    assert vocabulary.alr.substances == ("ephedrine", "pseudoephedrine", "p2p", "pmk")


def test_form_d_counts_methods_of_illicit_manufacture(world: Any) -> None:
    _incident(
        world, substance_id="ephedrine", quantity=40, manufacture_method="meth_ephedrine_hi_red_p"
    )
    _incident(
        world,
        substance_id="red_phosphorus",
        quantity=5,
        manufacture_method="meth_ephedrine_hi_red_p",
    )
    _incident(
        world,
        substance_id="p2p",
        quantity=200,
        unit="l",
        manufacture_method="p2p_reductive_amination",
    )
    _incident(world, substance_id="acetone", quantity=10, unit="l")  # no method named
    form = _form(world, 2025)
    assert [(m.method, m.incidents) for m in form.manufacture] == [
        ("meth_ephedrine_hi_red_p", 2),
        ("p2p_reductive_amination", 1),
    ]
    assert form.manufacture[0].substances == ["Ephedrine", "Red phosphorus"]


def test_unknown_manufacture_method_is_refused_naming_the_field(world: Any) -> None:
    with pytest.raises(ValidationFailed) as refused:
        parse(IncidentInput, {**SEIZURE, "manufacture_method": "shake_and_bake"})
    assert [p.field for p in refused.value.fields] == ["manufacture_method"]


def test_legitimate_requirements_stay_in_force_until_a_newer_estimate(world: Any) -> None:
    _alr(world, year=2024, substance_id="ephedrine", quantity=1200, unit="kg")
    _alr(world, year=2024, substance_id="pseudoephedrine", preparation=True, quantity=300)
    _alr(world, year=2024, substance_id="p2p", quantity=100, unit="kg", note="one licensed user")
    _alr(world, year=2026, substance_id="ephedrine", quantity=900, unit="kg")
    in_2025 = {(r.substance_id, r.preparation): r for r in _form(world, 2025).requirements}
    assert set(in_2025) == {("ephedrine", False), ("pseudoephedrine", True), ("p2p", False)}
    assert (in_2025[("ephedrine", False)].quantity, in_2025[("ephedrine", False)].set_for_year) == (
        1200,
        2024,
    )
    p2p = in_2025[("p2p", False)]  # a liquid: INCB's unit is litres, by its density
    assert p2p.incb_unit == "l" and p2p.incb_quantity is not None
    assert abs(p2p.incb_quantity - 100 / 1.006) < 0.01 and p2p.note == "one licensed user"
    in_2026 = {(r.substance_id, r.preparation): r for r in _form(world, 2026).requirements}
    assert (in_2026[("ephedrine", False)].quantity, in_2026[("ephedrine", False)].set_for_year) == (
        900,
        2026,
    )
    assert _form(world, 2023).requirements == []
    # a second estimate for the same year replaces the first; no quantity withdraws it
    _alr(world, year=2026, substance_id="ephedrine", quantity=0, unit="kg")
    assert [
        r.quantity for r in _form(world, 2026).requirements if r.substance_id == "ephedrine"
    ] == [0]
    _alr(world, year=2026, substance_id="ephedrine")
    assert [
        r.set_for_year for r in _form(world, 2026).requirements if r.substance_id == "ephedrine"
    ] == [2024]
    with world.db.read() as session:
        rows = session.scalars(select(LegitimateRequirement)).all()
        assert len(rows) == 3 and {r.agency for r in rows} == {"ONCB"}
        events = [
            e.action
            for e in session.scalars(select(AuditEvent))
            if e.action.startswith("precursors.alr")
        ]
    assert events == ["precursors.alr.set"] * 5 + ["precursors.alr.withdraw"]


def test_requirement_input_is_checked(world: Any) -> None:
    for data, field in (
        ({"year": 2025, "substance_id": "acetone", "quantity": 5}, "substance_id"),
        ({"year": 2025, "substance_id": "p2p", "preparation": True, "quantity": 5}, "substance_id"),
        ({"year": 1950, "substance_id": "ephedrine", "quantity": 5}, "year"),
        ({"year": 2025, "substance_id": "ephedrine", "quantity": -1}, "quantity"),
        ({"year": 2025, "substance_id": "ephedrine", "quantity": 1, "unit": "drums"}, "unit"),
    ):
        with pytest.raises(ValidationFailed) as refused:
            parse(RequirementInput, data)
        assert field in [p.field for p in refused.value.fields], data
    with pytest.raises(Forbidden):
        _alr(world, user="thai_viewer", year=2025, substance_id="ephedrine", quantity=5)


def test_form_d_parts_through_api_xlsx_and_page(
    world: Any, app_client: Any, token_for: Any, browser: Any
) -> None:
    _incident(
        world, substance_id="hydroxylimine", quantity=3, manufacture_method="ketamine_hydroxylimine"
    )
    put = app_client.put(
        "/api/v1/precursors/formd/requirements",
        json={"year": 2025, "substance_id": "pmk", "quantity": 0, "unit": "kg"},
        headers=token_for("thai_liaison"),
    )
    assert put.status_code == 200, put.text
    assert [(r["substance_id"], r["quantity"]) for r in put.json()] == [("pmk", 0)]
    refused = app_client.put(
        "/api/v1/precursors/formd/requirements",
        json={"year": 2025, "substance_id": "acetone", "quantity": 1},
        headers=token_for("thai_liaison"),
    )
    assert refused.status_code == 422 and "substance_id" in refused.text
    body = app_client.get(
        "/api/v1/precursors/formd?year=2025", headers=token_for("thai_viewer")
    ).json()
    assert body["methods_of_manufacture"] == [
        {
            "method": "ketamine_hydroxylimine",
            "incidents": 1,
            "substances": ["Hydroxylimine (ketamine precursor)"],
        }
    ]
    assert body["legitimate_requirements"][0]["substance_id"] == "pmk"
    book = app_client.get(
        "/api/v1/precursors/formd.xlsx?year=2025", headers=token_for("thai_liaison")
    )
    assert book.status_code == 200
    cells = [
        c
        for row in load_workbook(io.BytesIO(book.content)).active.iter_rows(values_only=True)
        for c in row
        if c
    ]
    assert any(str(c).startswith("Methods of illicit manufacture / ") for c in cells)  # Thai reader
    assert any(str(c).startswith("Annual legitimate requirements (ALR) / ") for c in cells)
    assert any(str(c).startswith("Ketamine: rearrangement of hydroxylimine / ") for c in cells)
    browser.login("thai.liaison")
    answer = browser.post(
        "/precursors/formd/requirements",
        {
            "year": "2025",
            "substance_id": "ephedrine:1",
            "quantity": "250",
            "unit": "kg",
            "note": "",
        },
    )
    assert answer.status_code == 303  # type: ignore[attr-defined]
    page = browser.client.get("/precursors/formd?year=2025").text
    assert "250.000" in page and "ตำรับยา" in page  # ephedrine preparations, in Thai
    bad = browser.post(
        "/precursors/formd/requirements",
        {"year": "2025", "substance_id": "p2p:1", "quantity": "5", "unit": "kg", "note": ""},
    )
    assert bad.status_code == 422  # type: ignore[attr-defined]
    assert "Form D" in bad.text or "แบบ D" in bad.text  # type: ignore[attr-defined]
    with world.db.read() as session:
        assert len(session.scalars(select(LegitimateRequirement)).all()) == 2  # nothing written
