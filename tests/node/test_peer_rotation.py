"""Taking a peer's rotated keys: only with the NEW fingerprint compared; a federation file never
changes a known peer's keys by itself, and says when its `previous` block is not what we hold."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml
from sqlalchemy import select

from mekongx.audit import Actor
from mekongx.audit.log import AuditEvent
from mekongx.errors import Conflict, ValidationFailed
from mekongx.federation import peers as peering
from mekongx.federation.keys import KeyPair
from mekongx.federation.models import Peer
from mekongx.federation.status import links
from mekongx.i18n import translator

OLD, NEW, OTHER = KeyPair.generate(), KeyPair.generate(), KeyPair.generate()
ACTOR = Actor.system("ONCB", "test")
DAY = timedelta(days=1)


def _peer_nncc(world: Any) -> None:
    with world.db.write() as session:
        peering.add_peer(
            session,
            ACTOR,
            peering.PeerInput("NNCC", "https://nncc.example", OLD.sign_public, OLD.enc_public),
        )
        peering.confirm_peer(session, ACTOR, "NNCC", OLD.fingerprint)


def _member(pair: KeyPair, previous: KeyPair | None) -> dict[str, Any]:
    entry: dict[str, Any] = {"agency": "NNCC", "country": "CN", "endpoint": "https://nncc.example",
                             "sign_public": pair.sign_public, "enc_public": pair.enc_public, "fingerprint": pair.fingerprint}  # fmt: skip
    if previous:
        entry["previous"] = {"sign_public": previous.sign_public, "enc_public": previous.enc_public,
                             "valid_until": "2030-01-01T00:00:00+00:00"}  # fmt: skip
    return entry


def test_rotation_needs_the_new_fingerprint(world: Any) -> None:
    _peer_nncc(world)
    for wrong in (OLD.fingerprint, OTHER.fingerprint, ""):
        with pytest.raises(ValidationFailed) as refused, world.db.write() as session:
            peering.rotate_peer(
                session, ACTOR, "NNCC", NEW.sign_public, NEW.enc_public, wrong, overlap=DAY
            )
        assert [p.field for p in refused.value.fields] == ["fingerprint"]
    with pytest.raises(Conflict), world.db.write() as session:
        peering.rotate_peer(
            session, ACTOR, "NNCC", OLD.sign_public, OLD.enc_public, OLD.fingerprint, overlap=DAY
        )
    with world.db.read() as session:
        peer = session.get(Peer, "NNCC")
        assert peer is not None and peer.sign_public == OLD.sign_public and not peer.earlier_keys
    # Read aloud: lower case, other spacing, is fine.
    spoken = NEW.fingerprint.replace(" ", "").lower()
    with world.db.write() as session:
        peering.rotate_peer(
            session, ACTOR, "NNCC", NEW.sign_public, NEW.enc_public, spoken, overlap=DAY
        )
    with world.db.read() as session:
        peer = session.get(Peer, "NNCC")
        assert peer is not None and peer.confirmed
        assert (peer.sign_public, peer.earlier_keys[0].sign_public) == (
            NEW.sign_public,
            OLD.sign_public,
        )
        assert len(peering.signing_keys(peer)) == 2  # both accepted during the overlap
        (link,) = links(session)
    assert link.fingerprint == NEW.fingerprint and link.previous_fingerprint == OLD.fingerprint


def test_key_change_report(world: Any) -> None:
    _peer_nncc(world)
    with world.db.read() as session:
        peer = session.get(Peer, "NNCC")
        assert peer is not None
        assert peering.key_change(peer, _member(OLD, None)) is None
        genuine = peering.key_change(peer, _member(NEW, OLD))
        forged = peering.key_change(peer, _member(NEW, OTHER))
        bare = peering.key_change(peer, _member(NEW, None))
    assert genuine is not None and genuine.previous_matches and not genuine.stale
    assert genuine.fingerprint == NEW.fingerprint
    command = peering.rotate_command(genuine)
    assert NEW.sign_public in command and NEW.enc_public in command
    assert NEW.fingerprint not in command  # the officer types what the peer's officer read
    assert forged is not None and not forged.previous_matches
    assert bare is not None and not bare.previous_matches


def _cli(world: Any, lang: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MEKONGX_ENV": "test", "MEKONGX_NODE_AGENCY": "ONCB", "MEKONGX_LANG": lang,
           "MEKONGX_DATA_DIR": str(world.settings.data_dir), "MEKONGX_DATABASE_URL": world.settings.database_url}  # fmt: skip
    return subprocess.run([sys.executable, "-m", "mekongx.cli.main", *args], env=env,
                          capture_output=True, text=True, timeout=120)  # fmt: skip


def test_import_reports_and_rotate_refuses(
    world: Any, browser: Any, tmp_path: Path, token_for: Any
) -> None:
    _peer_nncc(world)
    genuine, forged = tmp_path / "genuine.yaml", tmp_path / "forged.yaml"
    genuine.write_text(yaml.safe_dump({"members": [_member(NEW, OLD)]}))
    forged.write_text(yaml.safe_dump({"members": [_member(NEW, OTHER)]}))
    told = _cli(world, "en", "peers", "import", str(genuine))
    assert told.returncode == 0, told.stderr
    assert f"NNCC has new keys, fingerprint {NEW.fingerprint}. Nothing was changed." in told.stdout
    assert (
        f"mekongx peers rotate NNCC --sign-key {NEW.sign_public} --enc-key {NEW.enc_public}"
        in told.stdout
    )
    assert "forged" not in told.stdout
    warned = _cli(world, "en", "peers", "import", str(forged))
    assert warned.returncode == 0 and "It may be a forged file" in warned.stdout
    thai = _cli(world, "th", "peers", "import", str(forged))
    assert "อาจเป็นไฟล์ปลอม" in thai.stdout
    with world.db.read() as session:
        peer = session.get(Peer, "NNCC")
        assert peer is not None and peer.sign_public == OLD.sign_public  # nothing changed

    rotate = ["peers", "rotate", "NNCC", "--sign-key", NEW.sign_public, "--enc-key", NEW.enc_public]
    refused = _cli(world, "zh", *rotate, "--fingerprint", OTHER.fingerprint)
    assert refused.returncode == 2 and "指纹与这些密钥不符" in refused.stderr
    taken = _cli(
        world,
        "en",
        *rotate,
        "--fingerprint",
        NEW.fingerprint,
        "--valid-until",
        "2030-01-01T00:00:00+00:00",
    )
    assert taken.returncode == 0, taken.stderr
    assert "old keys are accepted until 2030-01-01" in taken.stdout
    with world.db.read() as session:
        actions = list(
            session.scalars(
                select(AuditEvent.action)
                .where(AuditEvent.target_type == "peer")
                .order_by(AuditEvent.seq)
            )
        )
    assert actions[-2:] == ["peer.rotate-refused", "peer.keys-rotated"]
    again = _cli(world, "en", "peers", "import", str(genuine))
    assert again.returncode == 0 and "new keys" not in again.stdout

    browser.login("thai.admin")
    page = browser.client.get("/links")
    assert f"Previous keys (rotation): {OLD.fingerprint}, accepted until" in page.text
    listed = _cli(world, "en", "peers", "list")
    assert listed.returncode == 0 and "2030-01-01" in listed.stdout, listed.stdout
    thai_list = _cli(world, "th", "peers", "list")
    assert "กุญแจเดิมใช้ได้ถึง" in thai_list.stdout and "ยืนยันแล้ว" in thai_list.stdout
    (api_link,) = browser.client.get("/api/v1/links", headers=token_for("thai_admin")).json()
    assert api_link["previous_fingerprint"] == OLD.fingerprint
    assert api_link["previous_until"].startswith("2030-01-01")


def test_rotate_refuses_a_bad_time_or_key_and_changes_nothing(world: Any) -> None:
    _peer_nncc(world)
    rotate = [
        "peers",
        "rotate",
        "NNCC",
        "--enc-key",
        NEW.enc_public,
        "--fingerprint",
        NEW.fingerprint,
    ]
    garbled = _cli(
        world, "en", *rotate, "--sign-key", NEW.sign_public, "--valid-until", "next tuesday"
    )
    assert garbled.returncode == 2 and "2026-12-31T00:00:00+00:00" in garbled.stderr
    past = _cli(world, "th", *rotate, "--sign-key", NEW.sign_public, "--valid-until", "2020-01-01")
    assert past.returncode == 2 and "Traceback" not in past.stderr
    assert translator("th")("The end of the overlap must be in the future.") in past.stderr
    not_a_key = _cli(world, "zh", *rotate, "--sign-key", "not-base64!")
    assert not_a_key.returncode == 2 and "Traceback" not in not_a_key.stderr
    with world.db.read() as session:
        peer = session.get(Peer, "NNCC")
        assert peer is not None and peer.sign_public == OLD.sign_public
        assert not peer.earlier_keys


def test_every_earlier_key_is_accepted_during_its_overlap(world: Any) -> None:
    """Two rotations within one overlap: the first and the second pair both stay accepted
    (before, the second rotation replaced the only previous pair kept)."""
    _peer_nncc(world)
    with world.db.write() as session:
        peering.rotate_peer(session, ACTOR, "NNCC", NEW.sign_public, NEW.enc_public,
                            NEW.fingerprint, overlap=DAY)  # fmt: skip
        peering.rotate_peer(session, ACTOR, "NNCC", OTHER.sign_public, OTHER.enc_public,
                            OTHER.fingerprint, overlap=DAY)  # fmt: skip
    with world.db.read() as session:
        peer = session.get(Peer, "NNCC")
        assert peer is not None
        kids = set(peering.signing_keys(peer))
        (link,) = links(session)
    assert len(kids) == 3
    assert [fp for fp, _ in link.earlier_keys] == [NEW.fingerprint, OLD.fingerprint]


def test_revocation_takes_effect_at_once(world: Any) -> None:
    """An earlier key revoked is refused from the next request on; the current keys revoked:
    nothing is accepted from them or sealed to them until the peer's new keys are taken."""
    _peer_nncc(world)
    with world.db.write() as session:
        peering.rotate_peer(session, ACTOR, "NNCC", NEW.sign_public, NEW.enc_public,
                            NEW.fingerprint, overlap=DAY)  # fmt: skip
    for bad, field in ((OTHER.fingerprint, "fingerprint"), (OLD.fingerprint, "why")):
        with pytest.raises(ValidationFailed) as refused, world.db.write() as session:
            peering.revoke_key(session, ACTOR, "NNCC", bad, "" if field == "why" else "x")
        assert [p.field for p in refused.value.fields] == [field]
    with world.db.write() as session:
        which = peering.revoke_key(session, ACTOR, "NNCC", OLD.fingerprint.lower(), "stolen laptop")
    assert which == "earlier"
    with world.db.read() as session:
        peer = session.get(Peer, "NNCC")
        assert peer is not None
        assert set(peering.signing_keys(peer)) == {peering.key_id(peering.unb64(NEW.sign_public))}
        event = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "peer.key-revoked")
        ).one()
        assert event.why == "stolen laptop"
    with world.db.write() as session:
        assert (
            peering.revoke_key(session, ACTOR, "NNCC", NEW.fingerprint, "compromised") == "current"
        )
    with world.db.read() as session:
        peer = session.get(Peer, "NNCC")
        assert peer is not None and peering.signing_keys(peer) == {}
        (link,) = links(session)
    assert link.state == "revoked"
    with world.db.write() as session:  # the peer's new keys, compared by telephone
        peering.rotate_peer(session, ACTOR, "NNCC", OTHER.sign_public, OTHER.enc_public,
                            OTHER.fingerprint, overlap=DAY)  # fmt: skip
    with world.db.read() as session:
        peer = session.get(Peer, "NNCC")
        assert peer is not None and peer.keys_revoked_at is None
        # Only the new keys: the revoked ones stay revoked through the rotation.
        assert set(peering.signing_keys(peer)) == {peering.key_id(peering.unb64(OTHER.sign_public))}
