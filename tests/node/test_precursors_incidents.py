"""Incidents are shared by distribution; Form D figures come from known incidents and the
.xlsx export opens with openpyxl with the right cells."""

from __future__ import annotations

import io
import re
from typing import Any

import openpyxl
import pytest
from sqlalchemy import select

from mekongx.domains.precursors import incidents as incident_service
from mekongx.domains.precursors.models import Incident
from mekongx.domains.precursors.schemas import IncidentInput

SEIZURE = {
    "kind": "seizure",
    "title": "Seizure",
    "occurred_on": "2025-05-10",
    "country": "TH",
    "place": "Chiang Rai",
    "substance_id": "acetic_anhydride",
    "quantity_kg": 100.0,
    "diversion_method": "false_declaration",
}


def _incident(world: Any, user: str = "thai_liaison", **change: Any) -> int:
    with world.db.write() as session:
        data = IncidentInput.model_validate({**SEIZURE, **change})
        return incident_service.create_incident(session, world.principal(user), data).id


@pytest.fixture
def nodes(world: Any) -> dict[str, Any]:
    """The four agencies' nodes, peered."""
    return {"ONCB": world, **{code: world.partner(code) for code in ("NNCC", "LCDC", "CCDAC")}}


@pytest.fixture
def known(world: Any, nodes: dict[str, Any]) -> dict[str, str]:
    """Title → uid of incidents with known figures (2025 unless said otherwise), each recorded
    on its agency's node and shared over the exchange."""
    made = {
        "ZXAA1": _incident(world, title="ZXAA1"),
        "ZXAA2": _incident(world, title="ZXAA2", quantity_kg=250.5, diversion_method="smuggling"),
        "ZXAPAAN": _incident(
            world,
            title="ZXAPAAN",
            substance_id="apaan",
            quantity_kg=1200,
            distribution="peers",
            recipients=["NNCC"],
        ),
        "ZXCHLOROFORM": _incident(
            world,
            title="ZXCHLOROFORM",
            substance_id="chloroform",
            quantity_kg=40,
            distribution="group",
            sharing_group="SAFE-MEKONG",
        ),
        "ZXSTOP": _incident(
            world,
            title="ZXSTOP",
            kind="stopped_shipment",
            substance_id="apaan",
            quantity_kg=500,
            diversion_method="forged_documents",
        ),
        "ZXORDER": _incident(
            world,
            title="ZXORDER",
            kind="suspicious_order",
            substance_id="",
            quantity_kg=None,
            diversion_method="front_company",
        ),
        "ZXOLD": _incident(world, title="ZXOLD", occurred_on="2024-12-31", quantity_kg=999),
    }
    uids = {title: world.uid_of(Incident, ident) for title, ident in made.items()}
    nncc = nodes["NNCC"]
    uids["ZXNNCC"] = nncc.uid_of(
        Incident, _incident(nncc, "chinese_liaison", title="ZXNNCC", country="CN")
    )
    world.exchange()
    return uids


def _held(node: Any, uid: str) -> int | None:
    with node.db.read() as session:
        return session.scalar(select(Incident.id).where(Incident.uid == uid))


SEEN = {
    "ONCB": {"ZXAA1", "ZXAA2", "ZXAPAAN", "ZXCHLOROFORM", "ZXSTOP", "ZXORDER", "ZXOLD"},
    "NNCC": {"ZXAPAAN", "ZXCHLOROFORM", "ZXNNCC"},
    "LCDC": {"ZXCHLOROFORM"},
    "CCDAC": set(),
}
USERS = {"ONCB": "thai_viewer", "NNCC": "chinese_liaison", "LCDC": "lao_viewer", "CCDAC": "myanmar_viewer"}  # fmt: skip


def test_visibility_by_distribution(nodes: dict[str, Any], known: dict[str, str]) -> None:
    """Each node holds and shows what the distribution sent it; every other id is not found."""
    for agency, user in USERS.items():
        node = nodes[agency]
        headers = node.token(user)
        with node.app() as client:
            listed = client.get("/api/v1/precursors/incidents", headers=headers).json()
            assert {i["title"] for i in listed["items"]} == SEEN[agency], agency
            assert listed["total"] == len(SEEN[agency]) and listed["total_exact"], agency
            titles, after = [], None  # one at a time by the keyset cursor: each once, none lost
            while True:
                query = {"per_page": 1} | ({"after": after} if after else {})
                one = client.get("/api/v1/precursors/incidents", headers=headers, params=query)
                titles += [i["title"] for i in one.json()["items"]]
                after = one.json()["next_after"]
                if after is None:
                    break
            assert sorted(titles) == sorted(SEEN[agency]), agency
            for bad in ({"per_page": 0}, {"per_page": 201}, {"after": "x"}, {"page": -1}):
                answer = client.get("/api/v1/precursors/incidents", headers=headers, params=bad)
                assert answer.status_code == 422, (bad, answer.text)
            for title, uid in known.items():
                ident = _held(node, uid)
                assert (ident is not None) == (title in SEEN[agency]), (agency, title)
            for ident in range(1, 12):
                answer = client.get(f"/api/v1/precursors/incidents/{ident}", headers=headers)
                title = answer.json().get("title") if answer.status_code == 200 else None
                assert answer.status_code == 404 or title in SEEN[agency], (agency, ident)
        with node.browser(user.replace("_", ".")) as browser:
            page = browser.client.get("/precursors/incidents").text
        for title in known:
            assert (title in page) == (title in SEEN[agency]), (agency, title)


def test_sharing_needs_the_liaison_role_and_known_recipients(world: Any) -> None:
    from mekongx.errors import Forbidden, ValidationFailed

    with pytest.raises(Forbidden):
        _incident(world, "thai_analyst", distribution="group", sharing_group="SAFE-MEKONG")
    with pytest.raises(ValidationFailed):
        _incident(world, distribution="peers", recipients=["ATLANTIS"])
    with pytest.raises(ValidationFailed):
        _incident(world, substance_id="unobtainium")


def test_form_d_numbers_from_known_incidents(
    world: Any, nodes: dict[str, Any], known: dict[str, str], app_client: Any, token_for: Any
) -> None:
    answer = app_client.get("/api/v1/precursors/formd?year=2025", headers=token_for("thai_viewer"))
    assert answer.status_code == 200, answer.text
    form = answer.json()
    assert form["agency"] == "ONCB" and form["incidents"] == 6
    seizures = {s["substance_id"]: (s["incidents"], s["quantity_kg"]) for s in form["seizures"]}
    assert seizures == {"acetic_anhydride": (2, 350.5), "apaan": (1, 1200.0)}
    assert [(s["substance_id"], s["quantity_kg"]) for s in form["other_seizures"]] == [
        ("chloroform", 40.0)
    ]
    assert [(s["substance_id"], s["quantity_kg"]) for s in form["stopped_shipments"]] == [
        ("apaan", 500.0)
    ]
    assert form["methods_of_diversion"] == {
        "false_declaration": 3,
        "smuggling": 1,
        "forged_documents": 1,
        "front_company": 1,
    }
    nncc = nodes["NNCC"]  # NNCC's Form D, on NNCC's node: its own incidents only
    with nncc.app() as there:
        chinese = there.get(
            "/api/v1/precursors/formd?year=2025", headers=nncc.token("chinese_liaison")
        ).json()
    assert chinese["incidents"] == 1 and chinese["seizures"][0]["quantity_kg"] == 100.0


def _cells(content: bytes) -> list[list[Any]]:
    book = openpyxl.load_workbook(io.BytesIO(content))
    sheet = book["Form D"]
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_form_d_xlsx_has_the_right_cells(
    world: Any, known: dict[str, str], app_client: Any, token_for: Any
) -> None:
    answer = app_client.get(
        "/api/v1/precursors/formd.xlsx?year=2025", headers=token_for("thai_liaison")
    )
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith("application/vnd.openxmlformats")
    rows = _cells(answer.content)
    assert rows[0][0].startswith("Form D: annual information") and " / " in rows[0][0]
    assert "ONCB" in rows[1][0] and "2025" in rows[1][0]
    start = next(
        i
        for i, r in enumerate(rows)
        if r[0] and r[0].startswith("Seizures of substances in Tables I and II")
    )
    assert rows[start + 1][0].startswith("Substance / ")  # English, then Thai
    body = rows[start + 2 : start + 4]
    # INCB's unit: acetic anhydride (a liquid) in litres at 1.081 kg/l, APAAN (a solid) in kg;
    # kilograms in the next column.
    assert [(r[2], r[3], r[4], r[5], r[6]) for r in body] == [
        ("108-24-7", 2, round(350.5 / 1.081, 3), "l", 350.5),
        ("4468-48-8", 1, 1200, "kg", 1200),
    ]
    methods = next(
        i for i, r in enumerate(rows) if r[0] and r[0].startswith("Methods of diversion")
    )
    assert (
        rows[methods + 2][0].startswith("False declaration of the goods")
        and rows[methods + 2][1] == 3
    )
    assert (
        app_client.get(
            "/api/v1/precursors/formd.xlsx?year=2025", headers=token_for("thai_viewer")
        ).status_code
        == 403
    )  # exporting needs the export permission


def test_form_d_page_and_download_in_the_ui(browser: Any, known: dict[str, str]) -> None:
    browser.login("thai.analyst")
    page = browser.client.get("/precursors/formd?year=2025")
    assert page.status_code == 200 and "350.500" in page.text
    download = browser.client.get("/precursors/formd.xlsx?year=2025")
    assert download.status_code == 200
    assert re.search(r"form-d-2025\.xlsx", download.headers["content-disposition"])
    assert _cells(download.content)[0][0]


def test_incident_form_in_the_ui(browser: Any) -> None:
    browser.login("thai.liaison")
    bad = browser.post(
        "/precursors/incidents/new",
        {"kind": "seizure", "title": "", "occurred_on": "x", "country": "THA"},
    )
    assert (
        bad.status_code == 422 and 'id="err-title"' in bad.text and 'id="err-country"' in bad.text
    )
    good = browser.post(
        "/precursors/incidents/new",
        {
            **{k: str(v) for k, v in SEIZURE.items()},
            "title": "ZXFORM",
            "distribution": "own",
            "language": "th",
            "handling_code": "H0",
            "sharing_group": "",
        },
    )
    assert good.status_code == 303
    assert "ZXFORM" in browser.client.get(good.headers["location"]).text
