"""The sender sees what peers refused: the links page lists each envelope a peer authenticated
and refused with a signed receipt, with the agency, kind, record and the receipt's reason."""

from __future__ import annotations

import json
from typing import Any

from mekongx.federation.keys import KeyPair
from mekongx.federation.models import OutboxEntry, Peer
from mekongx.model.base import utcnow

UID = "6f1c2a4e-8b0d-4c1e-9a57-1d2c3b4a5e6f"


def test_links_page_lists_refusals_by_peers(world: Any, browser: Any) -> None:
    keys = KeyPair.generate()
    with world.db.write() as session:
        session.add(Peer(agency_code="NNCC", endpoint="https://nncc.example", sign_public=keys.sign_public,
                         enc_public=keys.enc_public, fingerprint=keys.fingerprint, confirmed=True))  # fmt: skip
        session.flush()
        receipt = {"status": "refused:invalid-payload:title: string_type", "message_id": "m"}
        session.add(OutboxEntry(message_id="11111111-1111-4111-8111-111111111111", to_agency="NNCC", seq=1,
                                type="information", kind="intel.report", record_uid=UID, header="{}", payload="",
                                status="refused", sent_at=utcnow(), receipt=json.dumps(receipt)))  # fmt: skip
    browser.login("thai.admin")
    page = browser.client.get("/links")
    assert page.status_code == 200
    assert "Refused by peers" in page.text and UID in page.text
    assert "invalid-payload:title: string_type" in page.text
