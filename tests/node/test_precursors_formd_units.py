"""Issue 13, items 7 and 8: quantities keep their unit, Form D carries INCB's unit, seizures
their origin and provenance, preparations their own part, and the licit trade part."""

from __future__ import annotations

from typing import Any

import pytest

from mekongx.domains.precursors import formd as formd_service
from mekongx.domains.precursors import incidents as incident_service
from mekongx.domains.precursors import notifications as pen
from mekongx.domains.precursors.models import Incident
from mekongx.domains.precursors.schemas import IncidentInput, NotificationInput
from mekongx.validation import parse

SEIZURE = {"kind": "seizure", "title": "Seizure", "occurred_on": "2025-06-01", "country": "TH"}


def _incident(world: Any, **change: Any) -> Incident:
    with world.db.write() as session:
        data = IncidentInput.model_validate({**SEIZURE, **change})
        made = incident_service.create_incident(session, world.principal("thai_liaison"), data)
        session.expunge(made)
        return made


def test_quantity_is_stored_with_its_unit_and_converted_by_density(world: Any) -> None:
    acetone = _incident(world, substance_id="acetone", quantity=1000, unit="l")
    assert (acetone.quantity, acetone.unit) == (1000, "l")
    assert acetone.quantity_kg is not None and abs(acetone.quantity_kg - 792) < 0.01
    hcl = _incident(
        world, substance_id="hydrochloric_acid", quantity=500, unit="l", concentration_pct=35
    )
    assert hcl.quantity_kg is not None and 585 < hcl.quantity_kg < 590  # 1.174 kg/l at 35 %
    unknown = _incident(world, substance_id="methylamine", quantity=20, unit="l")
    assert unknown.quantity_kg is None and (unknown.quantity, unknown.unit) == (20, "l")
    legacy = _incident(world, substance_id="ephedrine", quantity_kg=12.5)
    assert (legacy.quantity, legacy.unit, legacy.quantity_kg) == (12.5, "kg", 12.5)


def test_bad_quantity_input_names_the_field(world: Any) -> None:
    from mekongx.errors import ValidationFailed

    for change, field in (
        ({"quantity": 5, "unit": "barrels"}, "unit"),
        ({"quantity": -5}, "quantity"),
        ({"concentration_pct": 140}, "concentration_pct"),
        ({"origin_country": "Laos"}, "origin_country"),
    ):
        with pytest.raises(ValidationFailed) as refused:
            parse(IncidentInput, {**SEIZURE, "substance_id": "acetone", **change})
        assert field in [p.field for p in refused.value.fields], change


@pytest.fixture
def year_2025(world: Any) -> None:
    _incident(world, substance_id="acetone", quantity=1000, unit="l", origin_country="CN",
              provenance_country="LA")  # fmt: skip
    _incident(world, substance_id="acetone", quantity=1.584, unit="t", origin_country="CN",
              provenance_country="LA")  # fmt: skip
    _incident(world, substance_id="ephedrine", quantity=30, unit="kg", origin_country="IN")
    _incident(world, substance_id="pseudoephedrine", quantity=4, unit="kg", preparation=True,
              origin_country="MM", provenance_country="MM")  # fmt: skip
    _incident(world, substance_id="methylamine", quantity=20, unit="l")


def test_form_d_counts_in_incb_units_with_origins_and_preparations(
    world: Any, year_2025: None
) -> None:
    with world.db.read() as session:
        form = formd_service.form_d(session, world.principal("thai_liaison"), 2025)
    seizures = {s.substance_id: s for s in form.seizures}
    assert seizures["acetone"].unit == "l" and seizures["acetone"].incidents == 2
    assert abs(seizures["acetone"].quantity - 3000) < 0.01  # 1000 l + 1.584 t / 0.792
    assert seizures["ephedrine"].unit == "kg" and seizures["ephedrine"].quantity == 30
    assert "pseudoephedrine" not in seizures  # a preparation is reported separately
    assert [(p.substance_id, p.quantity, p.unit) for p in form.preparations] == [
        ("pseudoephedrine", 4, "kg")
    ]
    other = {s.substance_id: s for s in form.other_seizures}
    assert other["methylamine"].unconverted == 1 and other["methylamine"].quantity == 0
    origins = {(o.substance_id, o.origin_country, o.provenance_country): o for o in form.origins}
    assert origins[("acetone", "CN", "LA")].incidents == 2
    assert origins[("pseudoephedrine", "MM", "MM")].incidents == 1
    assert origins[("methylamine", "", "")].incidents == 1


def test_form_d_licit_trade_from_sent_notifications(world: Any) -> None:
    draft = {
        "reference": "ONCB-EXP-1",
        "importer_agency": "NNCC",
        "exporter_name": "Siam Chemicals",
        "importer_name": "Yunnan Pharma",
        "substance_id": "acetic_anhydride",
        "quantity": 2000,
        "unit": "kg",
    }
    with world.db.write() as session:
        liaison = world.principal("thai_liaison")
        made = pen.create_notification(session, liaison, parse(NotificationInput, draft))
        pen.send_notification(session, liaison, made.id)
        pen.create_notification(  # a draft is not trade
            session, liaison, parse(NotificationInput, {**draft, "reference": "ONCB-EXP-2"})
        )
    year = made.sent_at.year if made.sent_at else 0
    with world.db.read() as session:
        form = formd_service.form_d(session, world.principal("thai_liaison"), year)
    assert [
        (t.substance_id, t.importer_country, t.notifications, t.unit) for t in form.licit_trade
    ] == [("acetic_anhydride", "CN", 1, "l")]
    assert abs(form.licit_trade[0].quantity - 2000 / 1.081) < 0.01


def test_form_d_api_and_page_show_the_new_parts(
    world: Any, year_2025: None, app_client: Any, token_for: Any, browser: Any
) -> None:
    answer = app_client.get("/api/v1/precursors/formd?year=2025", headers=token_for("thai_viewer"))
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert {"preparations", "origins", "licit_trade"} <= set(body)
    assert body["preparations"][0]["substance_id"] == "pseudoephedrine"
    browser.login("thai.analyst")
    page = browser.client.get("/precursors/formd?year=2025").text
    assert "3,000.000" in page and "CN" in page and "LA" in page
