"""A node's identity: an Ed25519 signing key pair and an X25519 encryption key pair.

Private keys live only in the node's key directory, in files of mode 0600, encrypted with a
passphrase when the node has one (``MEKONGX_KEY_PASSPHRASE_FILE``: scrypt, then
ChaCha20-Poly1305), or, for the signing key, in a PKCS#11 token (``federation/keystore.py``: the
file then names the key in the token). Rotation keeps every earlier pair for its overlap period, during which peers
accept it; the federation configuration file carries the current public keys and the newest
earlier pair with the end of its overlap.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

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


class Signer(Protocol):
    """What signs for the node: an Ed25519 private key in memory, or one held in a token."""

    def sign(self, data: bytes) -> bytes: ...

    def public_key(self) -> Ed25519PublicKey: ...


class TokenKey(Signer, Protocol):
    """A signing key held in a PKCS#11 token; ``ref`` names it there (its CKA_ID, hex)."""

    ref: str


class SigningToken(Protocol):
    """Where signing keys are generated and used without leaving (federation/keystore.py)."""

    def generate(self) -> TokenKey: ...

    def key(self, ref: str, public: bytes) -> TokenKey: ...


@dataclass(frozen=True)
class KeyPair:
    sign: Ed25519PrivateKey | TokenKey
    enc: X25519PrivateKey
    created: datetime

    @classmethod
    def generate(cls, token: SigningToken | None = None) -> KeyPair:
        sign = token.generate() if token is not None else Ed25519PrivateKey.generate()
        return cls(sign, X25519PrivateKey.generate(), utcnow())

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
        data: dict[str, object] = {
            "enc": b64(self.enc.private_bytes(*raw)),
            "created": self.created.isoformat(),
        }
        if isinstance(self.sign, Ed25519PrivateKey):
            data["sign"] = b64(self.sign.private_bytes(*raw))
        else:  # held in a token: the file names it
            data["sign_token"] = {"id": self.sign.ref, "public": self.sign_public}
        return json.dumps(data).encode()

    @classmethod
    def _from_blob(cls, blob: bytes, token: SigningToken | None = None) -> KeyPair:
        data = json.loads(blob)
        sign: Ed25519PrivateKey | TokenKey
        if "sign_token" in data:
            if token is None:
                raise KeyFileError(
                    "the node's signing key is held in a PKCS#11 token: set "
                    "MEKONGX_KEY_PROVIDER=pkcs11 with MEKONGX_PKCS11_MODULE, MEKONGX_PKCS11_TOKEN "
                    "and MEKONGX_PKCS11_PIN_FILE"
                )
            held = data["sign_token"]
            sign = token.key(str(held["id"]), unb64(held["public"]))
        else:
            sign = Ed25519PrivateKey.from_private_bytes(unb64(data["sign"]))
        return cls(
            sign,
            X25519PrivateKey.from_private_bytes(unb64(data["enc"])),
            datetime.fromisoformat(data["created"]),
        )


class KeyFileError(Exception):
    """The key directory is missing, unreadable or too open, or the passphrase is missing or
    wrong."""


# scrypt: 128 * r * n bytes of memory (32 MiB), a fraction of a second, once per process start.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
SEALED = "mekongx-keys/v1"


def _kdf(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode())


def _encrypt(blob: bytes, passphrase: str) -> bytes:
    salt, nonce = os.urandom(16), os.urandom(12)
    key = _kdf(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    sealed = ChaCha20Poly1305(key).encrypt(nonce, blob, SEALED.encode())
    return json.dumps(
        {"format": SEALED, "kdf": {"name": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P,
                                   "salt": b64(salt)}, "nonce": b64(nonce), "ct": b64(sealed)}
    ).encode()  # fmt: skip


def is_encrypted(path: Path) -> bool:
    try:
        return bool(json.loads(path.read_bytes()).get("format") == SEALED)
    except (OSError, ValueError, AttributeError):
        return False


def _read_private(path: Path, passphrase: str | None) -> bytes:
    if path.stat().st_mode & 0o077:
        raise KeyFileError(f"{path} is readable by other users: chmod 600 it")
    raw = path.read_bytes()
    try:
        data = json.loads(raw)
    except ValueError:
        raise KeyFileError(f"{path} is not a key file") from None
    if not isinstance(data, dict) or data.get("format") != SEALED:
        return raw
    if not passphrase:
        raise KeyFileError(
            f"{path} is encrypted: set MEKONGX_KEY_PASSPHRASE_FILE to the file holding its "
            "passphrase"
        )
    try:
        kdf = data["kdf"]
        key = _kdf(passphrase, unb64(kdf["salt"]), int(kdf["n"]), int(kdf["r"]), int(kdf["p"]))
        return ChaCha20Poly1305(key).decrypt(
            unb64(data["nonce"]), unb64(data["ct"]), SEALED.encode()
        )
    except (KeyError, ValueError, TypeError, InvalidTag):
        raise KeyFileError(f"{path}: wrong passphrase, or the file is damaged") from None


def _write_private(path: Path, blob: bytes, passphrase: str | None = None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    os.chmod(path.parent, 0o700)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(_encrypt(blob, passphrase) if passphrase else blob)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def read_passphrase(path: Path | None) -> str | None:
    """The passphrase of the key files from ``path`` (its first line), or None without one."""
    return None if path is None else read_secret(path, "key passphrase", minimum=12)


def read_secret(path: Path, what: str, minimum: int) -> str:
    """The first line of a file of mode 0600 (a passphrase, a token PIN)."""
    try:
        if path.stat().st_mode & 0o077:
            raise KeyFileError(f"{path} is readable by other users: chmod 600 it")
        text = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise KeyFileError(f"cannot read the {what} file {path}: {error.strerror}") from None
    if not text or len(text[0]) < minimum:
        raise KeyFileError(f"{path}: the {what} must have at least {minimum} characters")
    return text[0]


@dataclass(frozen=True)
class NodeKeys:
    """The current key pair and every earlier pair still within its overlap (newest first)."""

    current: KeyPair
    earlier: tuple[tuple[KeyPair, datetime], ...] = ()

    CURRENT = "node-keys.json"
    PREVIOUS = "node-keys.previous.json"

    @property
    def previous(self) -> KeyPair | None:
        """The newest earlier pair (the one the federation file names), if any."""
        return self.earlier[0][0] if self.earlier else None

    @property
    def previous_until(self) -> datetime | None:
        return self.earlier[0][1] if self.earlier else None

    @classmethod
    def create(
        cls, directory: Path, passphrase: str | None = None, *, token: SigningToken | None = None
    ) -> NodeKeys:
        path = directory / cls.CURRENT
        if path.exists():
            return cls.load(directory, passphrase, token=token)
        pair = KeyPair.generate(token)
        _write_private(path, pair._private_blob(), passphrase)
        return cls(pair)

    @classmethod
    def load(
        cls, directory: Path, passphrase: str | None = None, *, token: SigningToken | None = None
    ) -> NodeKeys:
        path = directory / cls.CURRENT
        if not path.exists():
            raise KeyFileError(
                f"no node keys in {directory}: run `mekongx init` or `mekongx keys create`"
            )
        current = KeyPair._from_blob(_read_private(path, passphrase), token)
        now = utcnow()
        earlier = tuple(
            (pair, until)
            for pair, until in cls._earlier(directory, passphrase, token)
            if until > now
        )
        return cls(current, earlier)

    @classmethod
    def _earlier(
        cls, directory: Path, passphrase: str | None, token: SigningToken | None = None
    ) -> list[tuple[KeyPair, datetime]]:
        old = directory / cls.PREVIOUS
        if not old.exists():
            return []
        data = json.loads(_read_private(old, passphrase))
        # Before several earlier pairs were kept, the file held one: {"pair": …, "until": …}.
        entries = data.get("earlier", [data])
        return [
            (
                KeyPair._from_blob(json.dumps(entry["pair"]).encode(), token),
                datetime.fromisoformat(entry["until"]),
            )
            for entry in entries
        ]

    @classmethod
    def _write_earlier(
        cls, directory: Path, earlier: list[tuple[KeyPair, datetime]], passphrase: str | None
    ) -> None:
        path = directory / cls.PREVIOUS
        if not earlier:
            path.unlink(missing_ok=True)
            return
        blob = json.dumps(
            {
                "earlier": [
                    {"pair": json.loads(pair._private_blob()), "until": until.isoformat()}
                    for pair, until in earlier
                ]
            }
        ).encode()
        _write_private(path, blob, passphrase)

    @classmethod
    def rotate(
        cls,
        directory: Path,
        overlap: timedelta,
        passphrase: str | None = None,
        *,
        token: SigningToken | None = None,
    ) -> NodeKeys:
        """New current keys (the signing key in ``token`` when there is one); the old ones stay
        valid for ``overlap`` (a zero overlap: they are dropped at once, for a key that was
        stolen), as do earlier ones within theirs."""
        old = cls.load(directory, passphrase, token=token)
        now = utcnow()
        earlier = [(pair, until) for pair, until in old.earlier if until > now]
        if overlap > timedelta(0):
            earlier.insert(0, (old.current, now + overlap))
        cls._write_earlier(directory, earlier, passphrase)
        pair = KeyPair.generate(token)
        _write_private(directory / cls.CURRENT, pair._private_blob(), passphrase)
        return cls(pair, tuple(earlier))

    @classmethod
    def drop_earlier(
        cls, directory: Path, passphrase: str | None = None, *, token: SigningToken | None = None
    ) -> int:
        """Emergency: forget every earlier pair at once (one was stolen); how many."""
        count = len(cls._earlier(directory, passphrase, token))
        cls._write_earlier(directory, [], passphrase)
        return count

    @classmethod
    def encrypt_files(
        cls,
        directory: Path,
        passphrase: str,
        old: str | None = None,
        *,
        token: SigningToken | None = None,
    ) -> None:
        """Write the key files again encrypted with ``passphrase`` (``old``: their current
        passphrase, if they have one)."""
        keys = cls.load(directory, old, token=token)
        earlier = cls._earlier(directory, old, token)
        cls._write_earlier(directory, earlier, passphrase)
        _write_private(directory / cls.CURRENT, keys.current._private_blob(), passphrase)

    def decryption_keys(self) -> list[X25519PrivateKey]:
        return [self.current.enc] + [pair.enc for pair, _ in self.earlier]


def load_sign_public(text: str) -> Ed25519PublicKey:
    return Ed25519PublicKey.from_public_bytes(unb64(text))


def load_enc_public(text: str) -> X25519PublicKey:
    return X25519PublicKey.from_public_bytes(unb64(text))
