"""The node's signing key in a PKCS#11 token (SoftHSM here, an HSM in production): generated
inside it, not extractable, used there for every signature; the key directory names it only.

SoftHSM (Debian's softhsm2, 2.6 or later for Ed25519) is installed by .ci/run; on a machine
without it these tests are skipped, in CI they fail.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from mekongx import migrations
from mekongx.federation.envelope import Header, open_content, seal, verify
from mekongx.federation.keys import KeyFileError, NodeKeys, load_sign_public
from mekongx.federation.keystore import create_node_keys, load_node_keys, signing_token
from mekongx.settings import Settings

MODULE = Path("/usr/lib/softhsm/libsofthsm2.so")
PIN = "417293"
DAY = timedelta(days=1)

if not (MODULE.exists() and shutil.which("softhsm2-util")):
    if os.environ.get("CI"):
        pytest.fail("softhsm2 is not installed (.ci/run installs it)", pytrace=False)
    pytest.skip("softhsm2 is not installed", allow_module_level=True)


LABELS = ("oncb-node", "nncc-node", "empty-token", "smcc-node")


@pytest.fixture(scope="module")
def tokens(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Path]]:
    """Tokens in a SoftHSM configuration of our own, each with its PIN file. All are made
    before the first test opens the library: it reads the tokens once per process."""
    home = tmp_path_factory.mktemp("softhsm")
    (home / "tokens").mkdir()
    conf = home / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {home / 'tokens'}\nobjectstore.backend = file\n")
    before = os.environ.get("SOFTHSM2_CONF")
    os.environ["SOFTHSM2_CONF"] = str(conf)
    pins = {}
    for label in LABELS:
        subprocess.run(
            ["softhsm2-util", "--init-token", "--free", "--label", label, "--pin", PIN,
             "--so-pin", "50716293"],
            check=True, capture_output=True, env=os.environ,
        )  # fmt: skip
        pins[label] = _secret(home / f"{label}.pin", PIN)
    yield pins
    if before is None:
        os.environ.pop("SOFTHSM2_CONF", None)
    else:
        os.environ["SOFTHSM2_CONF"] = before


def _secret(path: Path, text: str) -> Path:
    path.write_text(text + "\n")
    path.chmod(0o600)
    return path


def _settings(data_dir: Path, label: str, pin_file: Path) -> Settings:
    return Settings(
        env="test", data_dir=data_dir, node_agency="ONCB", key_provider="pkcs11",
        pkcs11_module=MODULE, pkcs11_token=label, pkcs11_pin_file=pin_file,
    )  # fmt: skip


def test_the_signing_key_is_made_and_used_inside_the_token(
    tokens: dict[str, Path], tmp_path: Path
) -> None:
    settings = _settings(tmp_path, "oncb-node", tokens["oncb-node"])
    keys = create_node_keys(settings)
    stored = json.loads((settings.keys_dir / NodeKeys.CURRENT).read_text())
    assert "sign" not in stored and stored["sign_token"]["public"] == keys.current.sign_public
    # The token holds it sensitive and not extractable.
    from pkcs11 import Attribute, ObjectClass

    token = signing_token(settings)
    assert token is not None
    session = token._open()
    private = session.get_key(
        object_class=ObjectClass.PRIVATE_KEY, id=bytes.fromhex(stored["sign_token"]["id"])
    )
    assert private[Attribute.EXTRACTABLE] is False and private[Attribute.SENSITIVE] is True
    # Loaded again (a restart), it signs envelopes a peer verifies with the shared public key.
    again = load_node_keys(settings)
    assert again.current.fingerprint == keys.current.fingerprint
    peer = NodeKeys.create(tmp_path / "peer-keys")
    header = Header(type="information", sender="ONCB", to="NNCC", recipients=["NNCC"], seq=1,
                    created="2026-12-03T00:00:00+00:00")  # fmt: skip
    envelope = seal(header, {"kind": "intel.report", "uid": "u1"}, again.current.sign,
                    peer.current.enc.public_key())  # fmt: skip
    public = load_sign_public(again.current.sign_public)
    verify(envelope, lambda sender, kid: public if sender == "ONCB" else None)
    assert open_content(envelope, peer.decryption_keys()).payload["uid"] == "u1"
    # Rotation makes the new key in the token too and keeps the old one for its overlap.
    rotated = NodeKeys.rotate(settings.keys_dir, DAY, token=signing_token(settings))
    loaded = load_node_keys(settings)
    assert loaded.current.fingerprint == rotated.current.fingerprint != keys.current.fingerprint
    assert loaded.previous is not None and loaded.previous.fingerprint == keys.current.fingerprint
    old_public = load_sign_public(loaded.previous.sign_public)
    old_public.verify(loaded.previous.sign.sign(b"still usable"), b"still usable")


def test_a_token_key_is_refused_without_the_token_or_its_pin(
    tokens: dict[str, Path], tmp_path: Path
) -> None:
    settings = _settings(tmp_path, "nncc-node", tokens["nncc-node"])
    create_node_keys(settings)
    with pytest.raises(KeyFileError, match="MEKONGX_KEY_PROVIDER=pkcs11"):
        NodeKeys.load(settings.keys_dir)  # the file names a token key; no token configured
    wrong = _secret(tmp_path / "wrong.pin", "999999")
    with pytest.raises(KeyFileError, match=r"'empty-token'.*Pin"):
        load_node_keys(_settings(tmp_path, "empty-token", wrong))
    with pytest.raises(KeyFileError, match="no usable signing key"):  # not the token holding it
        load_node_keys(_settings(tmp_path, "empty-token", tokens["empty-token"]))
    with pytest.raises(ValueError, match="MEKONGX_PKCS11_MODULE"):
        Settings(env="test", data_dir=tmp_path, key_provider="pkcs11")


def test_keys_commands_with_a_token(tokens: dict[str, Path], tmp_path: Path) -> None:
    pin_file = tokens["smcc-node"]
    url = f"sqlite:///{tmp_path / 'node.db'}"
    migrations.upgrade(url)
    env = {**os.environ, "MEKONGX_ENV": "test", "MEKONGX_DATA_DIR": str(tmp_path),
           "MEKONGX_DATABASE_URL": url, "MEKONGX_LANG": "en", "MEKONGX_NODE_AGENCY": "SMCC",
           "MEKONGX_KEY_PROVIDER": "pkcs11", "MEKONGX_PKCS11_MODULE": str(MODULE),
           "MEKONGX_PKCS11_TOKEN": "smcc-node", "MEKONGX_PKCS11_PIN_FILE": str(pin_file)}  # fmt: skip

    def cli(*args: str, environment: dict[str, str] = env) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "mekongx.cli.main", *args], env=environment,
                              capture_output=True, text=True, timeout=180)  # fmt: skip

    made = cli("keys", "create")
    assert made.returncode == 0, made.stderr
    stored = json.loads((tmp_path / "keys" / NodeKeys.CURRENT).read_text())
    assert "sign_token" in stored and "sign" not in stored
    shown = cli("keys", "show")
    assert shown.returncode == 0 and stored["sign_token"]["public"] in shown.stdout
    rotated = cli("keys", "rotate")
    assert rotated.returncode == 0, rotated.stderr
    assert (
        json.loads((tmp_path / "keys" / NodeKeys.CURRENT).read_text())["sign_token"]
        != (stored["sign_token"])
    )
    without = {k: v for k, v in env.items() if not k.startswith("MEKONGX_PKCS11_")}
    refused = cli("keys", "show", environment={**without, "MEKONGX_KEY_PROVIDER": "file"})
    assert refused.returncode == 2 and "MEKONGX_KEY_PROVIDER=pkcs11" in refused.stderr
    assert "Traceback" not in refused.stderr
