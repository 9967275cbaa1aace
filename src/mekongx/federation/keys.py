"""A node's identity: an Ed25519 signing key pair and an X25519 encryption key pair.

Private keys live only in the node's key directory, in files of mode 0600. Rotation keeps the
previous pair for an overlap period, during which peers accept either; the federation
configuration file carries both public keys and the end of the overlap.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from mekongx.model.base import utcnow


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode(), validate=True)


def raw_public(key: Ed25519PublicKey | X25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def fingerprint(sign_public_b64: str, enc_public_b64: str) -> str:
    """What two officers read to each other to confirm a peering: 8 groups of 4 hex digits."""
    digest = hashlib.sha256(unb64(sign_public_b64) + unb64(enc_public_b64)).hexdigest()[:32].upper()
    return " ".join(digest[i : i + 4] for i in range(0, 32, 4))


@dataclass(frozen=True)
class KeyPair:
    sign: Ed25519PrivateKey
    enc: X25519PrivateKey
    created: datetime

    @classmethod
    def generate(cls) -> KeyPair:
        return cls(Ed25519PrivateKey.generate(), X25519PrivateKey.generate(), utcnow())

    @property
    def sign_public(self) -> str:
        return b64(raw_public(self.sign.public_key()))

    @property
    def enc_public(self) -> str:
        return b64(raw_public(self.enc.public_key()))

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.sign_public, self.enc_public)

    def _private_blob(self) -> bytes:
        raw = (
            serialization.Encoding.Raw,
            serialization.PrivateFormat.Raw,
            serialization.NoEncryption(),
        )
        return json.dumps(
            {
                "sign": b64(self.sign.private_bytes(*raw)),
                "enc": b64(self.enc.private_bytes(*raw)),
                "created": self.created.isoformat(),
            }
        ).encode()

    @classmethod
    def _from_blob(cls, blob: bytes) -> KeyPair:
        data = json.loads(blob)
        return cls(
            Ed25519PrivateKey.from_private_bytes(unb64(data["sign"])),
            X25519PrivateKey.from_private_bytes(unb64(data["enc"])),
            datetime.fromisoformat(data["created"]),
        )


def _write_private(path: Path, blob: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    os.chmod(path.parent, 0o700)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(blob)
    os.replace(tmp, path)


class KeyFileError(Exception):
    """The key directory is missing, unreadable or too open."""


@dataclass(frozen=True)
class NodeKeys:
    """The current key pair and, during a rotation's overlap, the previous one."""

    current: KeyPair
    previous: KeyPair | None = None
    previous_until: datetime | None = None

    CURRENT = "node-keys.json"
    PREVIOUS = "node-keys.previous.json"

    @classmethod
    def create(cls, directory: Path) -> NodeKeys:
        path = directory / cls.CURRENT
        if path.exists():
            return cls.load(directory)
        pair = KeyPair.generate()
        _write_private(path, pair._private_blob())
        return cls(pair)

    @classmethod
    def load(cls, directory: Path) -> NodeKeys:
        path = directory / cls.CURRENT
        if not path.exists():
            raise KeyFileError(
                f"no node keys in {directory}: run `mekongx init` or `mekongx keys create`"
            )
        if path.stat().st_mode & 0o077:
            raise KeyFileError(f"{path} is readable by other users: chmod 600 it")
        current = KeyPair._from_blob(path.read_bytes())
        previous, until = None, None
        old = directory / cls.PREVIOUS
        if old.exists():
            data = json.loads(old.read_bytes())
            until = datetime.fromisoformat(data["until"])
            if until > utcnow():
                previous = KeyPair._from_blob(json.dumps(data["pair"]).encode())
        return cls(current, previous, until if previous else None)

    @classmethod
    def rotate(cls, directory: Path, overlap: timedelta) -> NodeKeys:
        """New current keys; the old ones stay valid for ``overlap``."""
        old = cls.load(directory).current
        until = utcnow() + overlap
        _write_private(
            directory / cls.PREVIOUS,
            json.dumps(
                {"pair": json.loads(old._private_blob()), "until": until.isoformat()}
            ).encode(),
        )
        pair = KeyPair.generate()
        _write_private(directory / cls.CURRENT, pair._private_blob())
        return cls(pair, old, until)

    def decryption_keys(self) -> list[X25519PrivateKey]:
        return [self.current.enc] + ([self.previous.enc] if self.previous else [])


def load_sign_public(text: str) -> Ed25519PublicKey:
    return Ed25519PublicKey.from_public_bytes(unb64(text))


def load_enc_public(text: str) -> X25519PublicKey:
    return X25519PublicKey.from_public_bytes(unb64(text))
