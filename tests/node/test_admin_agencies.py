"""An administrator adds a partner agency through the page, with its names in every language;
a bad form is shown again with 422 and the values typed."""

from __future__ import annotations

from typing import Any

from mekongx.model.identity import Agency


def test_an_agency_is_added_through_the_page(world: Any, browser: Any) -> None:
    browser.login("thai.admin")
    assert browser.client.get("/admin/agencies").status_code == 200
    form = {"code": "pnp", "name_en": "Philippine National Police", "name_th": "ตำรวจฟิลิปปินส์",
            "name_zh": "菲律宾国家警察", "name_lo": "", "name_my": "", "name_km": "",
            "name_vi": "Cảnh sát Quốc gia Philippines", "country": "ph"}  # fmt: skip
    bad = browser.post("/admin/agencies", {**form, "name_en": ""})
    assert bad.status_code == 422 and "Cảnh sát Quốc gia Philippines" in bad.text
    assert browser.post("/admin/agencies", form).status_code == 303
    with world.db.read() as session:
        agency = session.get(Agency, "PNP")
        assert agency is not None and agency.country == "PH"
        assert agency.name("vi") == "Cảnh sát Quốc gia Philippines"
