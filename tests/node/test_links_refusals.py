"""The sender sees what peers refused: the links page lists each envelope a peer authenticated
and refused with a signed receipt, with the agency, kind, record and the receipt's reason."""

from __future__ import annotations

import json
import uuid
from datetime import timedelta
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


def test_a_stalled_link_is_shown_with_what_to_do(world: Any, browser: Any) -> None:
    """Envelopes waiting and no delivery for MEKONGX_LINK_STALL_MINUTES: the links page puts the
    link first with the peer's refusal and the commands to run; the home page lists it; the
    API names the state. A link that moved recently is not stalled."""
    keys = KeyPair.generate()
    long_ago = utcnow() - timedelta(hours=3)
    with world.db.write() as session:
        for code in ("NNCC", "LCDC"):
            session.add(Peer(agency_code=code, endpoint=f"https://{code.lower()}.example",
                             sign_public=keys.sign_public, enc_public=keys.enc_public,
                             fingerprint=keys.fingerprint, confirmed=True,
                             last_delivery_at=long_ago if code == "NNCC" else utcnow()))  # fmt: skip
        session.flush()
        for seq, code in ((7, "NNCC"), (1, "LCDC")):
            session.add(OutboxEntry(message_id=str(uuid.uuid4()), to_agency=code, seq=seq,
                                    type="information", kind="intel.report", record_uid=UID,
                                    header="{}", payload="{}", created_at=long_ago,
                                    last_error="rejected: malformed missing enc"))  # fmt: skip
    browser.login("thai.admin")
    page = browser.client.get("/links")
    assert page.status_code == 200
    assert 'id="stalled-NNCC"' in page.text and 'id="stalled-LCDC"' not in page.text
    assert "mekongx links skip NNCC --seq 7" in page.text
    assert "mekongx links resend NNCC" in page.text
    home = browser.client.get("/")
    assert "Links stalled" in home.text and "/links#stalled-NNCC" in home.text
    assert "1 envelopes waiting" in home.text

    states = {link["agency"]: link for link in browser.client.get("/api/v1/links").json()}
    assert states["NNCC"]["state"] == "stalled" and states["NNCC"]["refusal"] == "malformed"
    assert states["LCDC"]["state"] == "backlog" and states["LCDC"]["stalled_since"] is None

    browser.client.cookies.clear()
    browser.login("thai.liaison")  # works in Thai
    page = browser.client.get("/links")
    assert "หยุดนิ่ง" in page.text and "mekongx links skip NNCC --seq 7" in page.text
    assert "ช่องทางที่หยุดนิ่ง" in browser.client.get("/").text
    browser.client.cookies.clear()
    browser.login("thai.viewer")  # cannot see the links page: no task either
    assert "Links stalled" not in browser.client.get("/").text
