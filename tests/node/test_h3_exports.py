"""H3 on receipt: a received H3 record is never exported (docs/protocol.md, section 6), on the
pages and the API alike; the same record at H2 still exports."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from fastapi.testclient import TestClient

from mekongx.domains.wbe import demo, exchange, results, service
from mekongx.domains.wbe.schemas import CampaignInput, LabInput, SiteInput

START = dt.date(2025, 3, 10)


def _received_copy(world: Any, handling: str, n: int) -> int:
    principal = world.principal("thai_liaison")
    with world.db.write() as session:
        site = service.create_site(
            session, principal,
            SiteInput(code=f"S{n}", plant="WWTP", city="Bangkok", country="TH", population_served=120_000),
        )  # fmt: skip
        lab = service.create_lab(session, principal, LabInput(name="DMSc lab", country="TH"))
        campaign = service.create_campaign(
            session, principal,
            CampaignInput(title="ZX", site_id=site.id, lab_id=lab.id, period_start=START,
                          period_end=START + dt.timedelta(days=6), distribution="group",
                          sharing_group="SAFE-MEKONG"),
        )  # fmt: skip
        body = demo.results_csv(START, 7, flow_m3_d=30_000, population=120_000, level=1.0)
        results.import_file(session, principal, campaign.id, "r.csv", body.encode())
        payload = exchange.export_payload(session, principal, campaign.uid)
    payload = {
        **payload,
        "uid": f"00000000-0000-4000-8000-00000000000{n}",
        "origin_agency": "NNCC",
        "site": {**payload["site"], "uid": f"00000000-0000-4000-8000-00000000001{n}"},
        "lab": None,
        "handling_code": handling,
        "handling_note": "ONCB counter-narcotics bureau only" if handling == "H3" else "",
    }
    with world.db.write() as session:
        return exchange.apply_received(session, "NNCC", payload, node_agency="ONCB").id


@pytest.mark.parametrize(("handling", "status"), [("H3", 403), ("H2", 200)])
def test_a_received_h3_record_is_never_exported(
    world: Any, browser: Any, app_client: TestClient, token_for: Any, handling: str, status: int
) -> None:
    copy_id = _received_copy(world, handling, 1)
    api = app_client.get(
        f"/api/v1/wbe/campaigns/{copy_id}/export.csv", headers=token_for("thai_liaison")
    )
    assert api.status_code == status, api.text
    browser.login("thai.liaison")
    for path in ("export.csv", "summary.txt"):
        assert browser.client.get(f"/wbe/campaigns/{copy_id}/{path}").status_code == status
    if status == 403:
        assert "H3" in api.json()["error"]["message"]
