"""Problems name a field by the label its form shows, in the reader's language, on the generic
error page and in a form's error summary alike; a field no form labels keeps its code."""

from __future__ import annotations

from typing import Any

from mekongx.web import field_labels


def test_labels_come_from_the_forms() -> None:
    # <label for="importer_agency"> of the notification form
    assert field_labels.label_of("importer_agency", "precursors") == "Importing agency"
    # <label for="alr_year"> labels the input named "year" of the Form D page; the ranking's
    # own <label for="year"> says the same
    assert field_labels.label_of("year", "precursors") == "Year"
    # a problem of one row of a list is named by the list's label
    days = field_labels.label_of("days.0.flow_m3_d", "wbe")
    assert days is not None and days.startswith("Days, one per line")
    assert field_labels.label_of("no_such_field", "wbe") is None
    assert field_labels.label_of("importer_agency", "wbe") is None  # another area's form
    assert field_labels.area_of("/mekong-plan/2/edit") == "mekong"
    assert field_labels.area_of("/wbe/ranking") == "wbe"


def test_error_page_and_form_summary_show_labels(world: Any, browser: Any) -> None:
    browser.login("thai.analyst")  # reads Thai
    page = browser.client.get("/wbe/ranking?year=19")  # the generic error page
    assert page.status_code == 422
    assert "<strong>ปี</strong>" in page.text and "<strong>year</strong>" not in page.text
    form = browser.post("/precursors/formd/requirements", {
        "year": "2025", "substance_id": "acetic_anhydride:0", "quantity": "-5", "unit": "kg",
        "note": ""})  # fmt: skip
    summary = form.text.split('role="alert"')[1].split("</div>")[0]  # type: ignore[attr-defined]
    assert "<strong>ปริมาณ" in summary and "<strong>quantity</strong>" not in summary
