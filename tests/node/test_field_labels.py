"""Problems name a field by the label its form shows, in the reader's language, on the generic
error page and in a form's error summary alike; a field no form labels keeps its code."""

from __future__ import annotations

import re
from importlib import resources
from typing import Any

from sqlalchemy import update

from mekongx.i18n.texts import TEXT_LANGUAGES
from mekongx.model.identity import User
from mekongx.web import field_labels

HIDDEN = {"csrf_token", "item_uid"}  # posted by the form itself, never typed


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


def test_every_meetings_form_field_has_its_label() -> None:
    """Each field a meetings form posts is labelled: ids written with the template's values,
    the per-language inputs of a text (its label and language), agency choices, the checkboxes
    under a legend; the report's language is labelled "Language"."""
    templates = resources.files("mekongx.web").joinpath("templates", "meetings")
    posted: set[str] = set()
    for entry in templates.iterdir():
        text = entry.read_text(encoding="utf-8")
        posted |= {n for n in re.findall(r'name="([^"{}]+)"', text) if n not in HIDDEN}
        for field in re.findall(r'texts_fieldset\("(\w+)"', text):
            posted |= {f"{field}_{code}" for code in TEXT_LANGUAGES}
        posted |= set(re.findall(r'agency_select\("(\w+)"', text))
    assert {"place_lo", "title_vi", "status", "noted_on", "agencies", "host_agency"} <= posted
    unlabelled = sorted(n for n in posted if field_labels.label_of(n, "meetings") is None)
    assert unlabelled == []
    assert field_labels.label_of("lang", "meetings") == "Language"
    assert field_labels.label_of("items.0.resolutions.0.text_km", "meetings") == "Resolution"
    assert field_labels.language_of("items.0.resolutions.0.text_km", "meetings") == "km"
    assert field_labels.language_of("status", "meetings") == ""


def test_a_meetings_form_problem_names_the_field_in_lao(world: Any, browser: Any) -> None:
    with world.db.write() as session:
        session.execute(update(User).where(User.username == "thai.admin").values(language="lo"))
    browser.login("thai.admin")
    form = browser.post("/meetings/series", {"code": "TH-LA", "name_lo": "ກ" * 301,
                                             "agencies": ["ONCB", "LCDC"]})  # fmt: skip
    assert form.status_code == 422  # type: ignore[attr-defined]
    summary = form.text.split('role="alert"')[1].split("</div>")[0]  # type: ignore[attr-defined]
    assert "<strong>ຊື່ · ລາວ</strong>" in summary and "name_lo" not in summary
