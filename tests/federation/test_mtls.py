"""Mutual TLS between nodes: each agency's own CA, pinned per peer; strangers cannot connect."""

from __future__ import annotations

import ipaddress
import socket
import ssl
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from sqlalchemy import select

from mekongx.domains.intel import service as intel
from mekongx.domains.intel.models import IntelReport
from mekongx.domains.intel.schemas import ReportInput
from mekongx.federation.models import Peer
from mekongx.model.base import utcnow


def _name(text: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, text)])


def _ca(directory: Path, label: str) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    now = utcnow()
    cert = (
        x509.CertificateBuilder().subject_name(_name(f"{label} CA")).issuer_name(_name(f"{label} CA"))
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5)).not_valid_after(now + timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )  # fmt: skip
    path = directory / f"{label}-ca.pem"
    path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return key, cert, path


def _leaf(directory: Path, label: str, ca_key: Any, ca_cert: x509.Certificate) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    now = utcnow()
    cert = (
        x509.CertificateBuilder().subject_name(_name(f"{label} node")).issuer_name(ca_cert.subject)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5)).not_valid_after(now + timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
        .sign(ca_key, hashes.SHA256())
    )  # fmt: skip
    cert_path, key_path = directory / f"{label}.pem", directory / f"{label}.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    key_path.chmod(0o600)
    return cert_path, key_path


def test_exchange_over_mutual_tls(make_nodes: Any, waiter: Any, tmp_path: Path) -> None:
    def port() -> int:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            found: int = sock.getsockname()[1]
            return found

    pki = tmp_path / "pki"
    pki.mkdir()
    cas = {label: _ca(pki, label) for label in ("ONCB", "NNCC", "ROGUE")}
    leaves = {label: _leaf(pki, label, cas[label][0], cas[label][1]) for label in cas}
    oncb, nncc = make_nodes("ONCB", "NNCC")
    # make_nodes peered them over plain loopback HTTP; re-point each peer at the other's mTLS port.
    ports = {"ONCB": port(), "NNCC": port()}
    for node, other in ((oncb, "NNCC"), (nncc, "ONCB")):
        cert, key = leaves[node.agency]
        node.extra_env = {
            "MEKONGX_TLS_CERT": str(cert), "MEKONGX_TLS_KEY": str(key),
            "MEKONGX_TLS_PEER_CA": str(cas[other][2]), "MEKONGX_FEDERATION_PORT": str(ports[node.agency]),
        }  # fmt: skip
        db = node.database()
        with db.write() as session:
            peer = session.get(Peer, other)
            assert peer is not None
            peer.endpoint = f"https://127.0.0.1:{ports[other]}"
            peer.tls_ca_pem = cas[other][2].read_text()
        db.dispose()
    oncb.start()
    nncc.start()
    waiter(lambda: _tls_up(ports["NNCC"], cas["NNCC"][2], leaves["ONCB"]), what="NNCC's mTLS port")
    # No client certificate, or one from a CA NNCC does not trust: the handshake fails.
    for client_cert in (None, leaves["ROGUE"]):
        context = ssl.create_default_context(cafile=str(cas["NNCC"][2]))
        if client_cert:
            context.load_cert_chain(*client_cert)
        with pytest.raises((httpx.HTTPError, ssl.SSLError)):
            httpx.get(
                f"https://127.0.0.1:{ports['NNCC']}/federation/v1/identity",
                verify=context,
                timeout=5,
            ).raise_for_status()
    sender = oncb.database()
    with sender.write() as session:
        data = ReportInput(title="Over mutual TLS", narrative="x", language="en", source_reliability="B", info_reliability=2,
                           distribution="peers", recipients=["NNCC"])  # fmt: skip
        uid = intel.create_report(session, oncb.principal(), data).uid
    sender.dispose()

    def arrived() -> bool:
        db = nncc.database()
        with db.read() as session:
            found = session.scalar(select(IntelReport).where(IntelReport.uid == uid)) is not None
        db.dispose()
        return found

    waiter(arrived, what="the report at NNCC over mTLS")


def _tls_up(port: int, ca: Path, client: tuple[Path, Path]) -> bool:
    context = ssl.create_default_context(cafile=str(ca))
    context.load_cert_chain(*client)
    try:
        return (
            httpx.get(
                f"https://127.0.0.1:{port}/federation/v1/identity", verify=context, timeout=2
            ).status_code
            == 200
        )
    except httpx.HTTPError:
        return False


def test_client_certificate_is_bound_to_the_claimed_sender(
    make_nodes: Any, waiter: Any, tmp_path: Path
) -> None:
    """NNCC trusts the CAs of ONCB and SMCC; SMCC's valid certificate cannot deliver as ONCB."""
    pki = tmp_path / "pki"
    pki.mkdir()
    cas = {label: _ca(pki, label) for label in ("ONCB", "NNCC", "SMCC")}
    leaves = {label: _leaf(pki, label, cas[label][0], cas[label][1]) for label in cas}
    bundle = pki / "peers.pem"
    bundle.write_text(cas["ONCB"][2].read_text() + cas["SMCC"][2].read_text())
    _oncb, nncc, _smcc = make_nodes("ONCB", "NNCC", "SMCC")
    db = nncc.database()
    with db.write() as session:
        for code in ("ONCB", "SMCC"):
            peer = session.get(Peer, code)
            assert peer is not None
            peer.tls_ca_pem = cas[code][2].read_text()
    db.dispose()
    cert, key = leaves["NNCC"]
    nncc.extra_env = {
        "MEKONGX_TLS_CERT": str(cert),
        "MEKONGX_TLS_KEY": str(key),
        "MEKONGX_TLS_PEER_CA": str(bundle),
    }
    nncc.start()
    waiter(
        lambda: _tls_up(nncc.federation_port, cas["NNCC"][2], leaves["ONCB"]),
        what="NNCC's mTLS port",
    )
    inbox = f"https://127.0.0.1:{nncc.federation_port}/federation/v1/inbox"
    headers = {
        "X-MekongX-Sender": "ONCB",
        "X-MekongX-Time": utcnow().isoformat(),
        "X-MekongX-Signature": "AAAA",
    }

    def post(client: str) -> tuple[int, str]:
        context = ssl.create_default_context(cafile=str(cas["NNCC"][2]))
        context.load_cert_chain(*leaves[client])
        answer = httpx.post(
            inbox, content=b'{"envelopes":[]}', headers=headers, verify=context, timeout=10
        )
        return answer.status_code, answer.json()["error"]

    assert post("SMCC") == (403, "wrong-certificate")
    assert post("ONCB") == (403, "bad-request-signature")  # past the certificate: ONCB's own CA
    # The mutual-TLS port serves the federation endpoints only.
    context = ssl.create_default_context(cafile=str(cas["NNCC"][2]))
    context.load_cert_chain(*leaves["ONCB"])
    for path in ("/login", "/healthz", "/api/v1/links"):
        assert (
            httpx.get(f"https://127.0.0.1:{nncc.federation_port}{path}", verify=context).status_code
            == 404
        )
