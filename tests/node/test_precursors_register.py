"""The register browser: search in three scripts, detail with sources and look-alikes, national
listings added by an administrator (audited), every page in Thai, Chinese and English."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from mekongx.audit import AuditEvent
from mekongx.domains.precursors.models import NationalListing


@pytest.mark.parametrize(
    ("query", "substance"),
    [("醋酸酐", "acetic_anhydride"), ("อาเซติค", "acetic_anhydride"), ("4468-48-8", "apaan")],
)
def test_search_in_three_scripts(
    app_client: Any, token_for: Any, query: str, substance: str
) -> None:
    found = app_client.get(
        "/api/v1/precursors/register", params={"q": query}, headers=token_for("thai_viewer")
    )
    assert found.status_code == 200
    assert substance in [s["id"] for s in found.json()]


def test_table_filter_and_detail(app_client: Any, token_for: Any) -> None:
    headers = token_for("thai_viewer")
    table_two = app_client.get("/api/v1/precursors/register?table=II", headers=headers).json()
    assert table_two and {s["table"] for s in table_two} == {"II"}
    detail = app_client.get("/api/v1/precursors/register/apaa", headers=headers).json()
    assert detail["cas"] == "4433-77-6" and "CND62-2019" in detail["sources"]
    assert any("acetoacetanilide" in la for la in detail["lookalikes"])
    missing = app_client.get("/api/v1/precursors/register/unobtainium", headers=headers)
    assert missing.status_code == 404
    bad = app_client.get("/api/v1/precursors/register/DROP%20TABLE", headers=headers)
    assert bad.status_code == 422


def test_admin_adds_a_national_listing(browser: Any, world: Any) -> None:
    browser.login("thai.admin")
    page = browser.client.get("/precursors/register/apaan")
    assert page.status_code == 200 and "Add a national listing" in page.text
    bad = browser.post(
        "/precursors/register/apaan/listings",
        {"country": "Thailand", "category": "", "listed_on": "soon", "source": ""},
    )
    assert bad.status_code == 422
    for field in ("country", "category", "listed_on", "source"):
        assert f'id="err-{field}"' in bad.text, field
    good = browser.post(
        "/precursors/register/apaan/listings",
        {
            "country": "la",
            "category": "Precursor list, group A",
            "listed_on": "2025-06-01",
            "source": "Lao PDR decree (test)",
        },
    )
    assert good.status_code == 303
    page = browser.client.get("/precursors/register/apaan")
    assert "Precursor list, group A" in page.text and "Lao PDR decree (test)" in page.text
    listing = browser.client.get("/precursors/register?q=apaan")
    assert "LA Precursor list, group A" in listing.text
    with world.db.read() as session:
        saved = session.scalars(select(NationalListing)).one()
        assert (saved.country, saved.created_by) == ("LA", "thai.admin")
        assert session.scalars(
            select(AuditEvent).where(AuditEvent.action == "precursors.listing.add")
        ).one()


def test_only_administrators_add_listings(browser: Any, app_client: Any, token_for: Any) -> None:
    browser.login("thai.liaison")
    assert "Add a national listing" not in browser.client.get("/precursors/register/apaan").text
    data = {"country": "TH", "category": "x", "listed_on": "2025-01-01", "source": "y"}
    assert browser.post("/precursors/register/apaan/listings", data).status_code == 403
    answer = app_client.post(
        "/api/v1/precursors/register/apaan/listings", json=data, headers=token_for("thai_analyst")
    )
    assert answer.status_code == 403
    created = app_client.post(
        "/api/v1/precursors/register/apaan/listings", json=data, headers=token_for("thai_admin")
    )
    assert created.status_code == 201 and created.json()["created_by"] == "thai.admin"


PAGES = [
    "/precursors",
    "/precursors/register",
    "/precursors/register/acetic_anhydride",
    "/precursors/screen",
    "/precursors/notifications",
    "/precursors/notifications/new",
    "/precursors/incidents",
    "/precursors/incidents/new",
    "/precursors/formd?year=2026",
]


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("th", ["สารเคมีตั้งต้น", "ไทย"]),
        ("zh", ["易制毒化学品", "中文"]),
        ("en", ["Precursors", "English"]),
    ],
)
def test_pages_in_three_languages(browser: Any, lang: str, words: list[str]) -> None:
    browser.login("thai.liaison")
    assert browser.post("/lang", {"lang": lang, "next": "/"}).status_code == 303
    for path in PAGES:
        page = browser.client.get(path)
        assert page.status_code == 200, (path, page.text[:300])
        assert f'lang="{ {"th": "th", "zh": "zh-Hans", "en": "en"}[lang] }"' in page.text
        for word in words:
            assert word in page.text, (path, word)
        assert page.headers["cache-control"] == "no-store"


def test_substance_page_shows_units_codes_and_review_marks(browser: Any) -> None:
    """Issue 13: preparation HS codes, China's 10-digit code, INCB's unit with the density and
    its source, unverified listings and Thai names awaiting review are visible to the officer."""
    browser.login("thai.analyst")
    pse = browser.client.get("/precursors/register/pseudoephedrine").text
    assert "3003.42" in pse and "3004.42" in pse and "HS2022-PREP" in pse
    assert "รอการตรวจทาน" in pse  # Thai transliteration awaiting review, in the user's Thai
    acetone = browser.client.get("/precursors/register/acetone").text
    assert "0.792" in acetone and "CHEDL-PERRY" in acetone and "TH-HSA2535" in acetone
    four_ap = browser.client.get("/precursors/register/four_ap").text
    assert "CN 2933399073" in four_ap and "CN2024" in four_ap
    ephedrine = browser.client.get("/precursors/register/ephedrine").text
    assert "ไม่มีข้อมูลความหนาแน่น" not in ephedrine  # a solid: counted in kg
    propionyl = browser.client.get("/precursors/register/propionyl_chloride").text
    assert "INCB" in propionyl and "CNN2021" in propionyl


def test_api_lists_thai_names_awaiting_review(app_client: Any, token_for: Any) -> None:
    detail = app_client.get(
        "/api/v1/precursors/register/acetic_anhydride", headers=token_for("thai_viewer")
    ).json()
    assert "อาเซติค แอนไฮไดรด์" in detail["names_th"]
    assert "อาเซติค แอนไฮไดรด์" not in detail["names_th_awaiting_review"]
    assert "อะซิติกแอนไฮไดรด์" in detail["names_th_awaiting_review"]
