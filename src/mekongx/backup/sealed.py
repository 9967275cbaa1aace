"""The encrypted container of a backup, written and read as a stream in chunks of 1 MiB.

    MEKONGX-BACKUP\\n | length (4 bytes) | header (JSON) | chunk | chunk | …

Each chunk is a 4-byte length and a ChaCha20-Poly1305 ciphertext of up to 1 MiB of the archive.
Its nonce is the header's 7-byte prefix, the chunk's number (4 bytes) and a last-chunk flag
(1 byte); the associated data is the magic line and the header. Reordered, repeated, dropped or
edited chunks fail to decrypt, and a file cut short lacks its flagged last chunk. The key is
either sealed to the node's own X25519 key (an ephemeral key agreement and HKDF-SHA256, as in
the exchange's envelopes) or derived from a passphrase with scrypt; the header says which and
carries the salt or the ephemeral public key, nothing secret. Memory stays at about one chunk.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import struct
from dataclasses import dataclass
from typing import Any, BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from mekongx.federation.envelope import canonical, key_id
from mekongx.federation.keys import b64, raw_public, unb64
from mekongx.i18n import N_

MAGIC = b"MEKONGX-BACKUP\n"
CONTAINER = "mekongx-backup-container/1"
CHUNK = 1 << 20
MAX_HEADER = 16_384
# scrypt cost: 128 * r * n bytes of memory (128 MiB), about half a second; the header carries
# the parameters, and a restore refuses any above these bounds.
SCRYPT = {"n": 1 << 17, "r": 8, "p": 1}
_SCRYPT_MAX = {"n": 1 << 20, "r": 16, "p": 4}


class SealError(Exception):
    """The container cannot be opened; ``message`` is a translatable msgid."""

    def __init__(self, message: str, **params: Any) -> None:
        super().__init__(message % params if params else message)
        self.message, self.params = message, params


@dataclass(frozen=True)
class Sealing:
    """How to encrypt a new backup: to the node's own key, or with a passphrase."""

    node_public: X25519PublicKey | None = None
    passphrase: str | None = None

    @property
    def kind(self) -> str:
        return "passphrase" if self.passphrase is not None else "node-key"


@dataclass(frozen=True)
class Opening:
    """What may open a backup: the node's private keys and/or a passphrase."""

    node_keys: tuple[X25519PrivateKey, ...] = ()
    passphrase: str | None = None


def _hkdf(shared: bytes, epk: bytes, rpk: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=epk + rpk, info=b"mekongx/backup/1"
    ).derive(shared)


def _scrypt(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode())


def _new_key(sealing: Sealing) -> tuple[bytes, dict[str, Any]]:
    if sealing.passphrase is not None:
        if not sealing.passphrase:
            raise SealError(N_("The passphrase is empty."))
        salt = os.urandom(16)
        key = _scrypt(sealing.passphrase, salt, **SCRYPT)
        return key, {"type": "passphrase", "kdf": "scrypt", "salt": b64(salt), **SCRYPT}
    if sealing.node_public is None:
        raise SealError(N_("No node key to encrypt the backup with: run `mekongx init` first."))
    ephemeral = X25519PrivateKey.generate()
    epk, rpk = raw_public(ephemeral.public_key()), raw_public(sealing.node_public)
    key = _hkdf(ephemeral.exchange(sealing.node_public), epk, rpk)
    return key, {"type": "node-key", "epk": b64(epk), "rkid": key_id(rpk)}


def _open_key(spec: Any, opening: Opening) -> bytes:
    kind = spec.get("type") if isinstance(spec, dict) else None
    try:
        if kind == "passphrase":
            if opening.passphrase is None:
                raise SealError(
                    N_("This backup is encrypted with a passphrase: give it with --passphrase.")
                )
            params = {name: int(spec[name]) for name in ("n", "r", "p")}
            if spec.get("kdf") != "scrypt" or any(
                not 1 <= params[name] <= _SCRYPT_MAX[name] for name in params
            ):
                raise SealError(N_("This backup's key derivation is not supported."))
            return _scrypt(opening.passphrase, unb64(spec["salt"]), **params)
        if kind == "node-key":
            for private in opening.node_keys:
                rpk = raw_public(private.public_key())
                if key_id(rpk) == spec.get("rkid"):
                    epk = unb64(spec["epk"])
                    shared = private.exchange(X25519PublicKey.from_public_bytes(epk))
                    return _hkdf(shared, epk, rpk)
            raise SealError(
                N_(
                    "This backup is encrypted to a node key this node does not hold (another "
                    "node, or a key rotated out): restore it on that node or with its keys."
                )
            )
    except (KeyError, TypeError, ValueError):
        pass
    raise SealError(N_("This file is not a MekongX backup (unreadable header)."))


def _nonce(prefix: bytes, counter: int, last: bool) -> bytes:
    return prefix + struct.pack(">I", counter) + (b"\x01" if last else b"\x00")


class SealedWriter(io.RawIOBase):
    """A write-only stream that encrypts into ``raw`` chunk by chunk; ``finish()`` writes the
    flagged last chunk (``close()`` does not, so an interrupted backup never looks complete)."""

    def __init__(self, raw: BinaryIO, sealing: Sealing) -> None:
        super().__init__()
        key, spec = _new_key(sealing)
        self._prefix = os.urandom(7)
        header = canonical(
            {"format": CONTAINER, "cipher": "ChaCha20-Poly1305", "chunk": CHUNK, "key": spec}
            | {"prefix": b64(self._prefix)}
        )
        self._aad = MAGIC + header
        self._aead = ChaCha20Poly1305(key)
        self._raw, self._buffer, self._counter = raw, bytearray(), 0
        self.digest = hashlib.sha256()
        self._emit(MAGIC + struct.pack(">I", len(header)) + header)

    def writable(self) -> bool:
        return True

    def _emit(self, data: bytes) -> None:
        self._raw.write(data)
        self.digest.update(data)

    def _chunk(self, plain: bytes, last: bool) -> None:
        sealed = self._aead.encrypt(_nonce(self._prefix, self._counter, last), plain, self._aad)
        self._emit(struct.pack(">I", len(sealed)) + sealed)
        self._counter += 1

    def write(self, data: Any) -> int:
        view = bytes(data)
        self._buffer += view
        while len(self._buffer) > CHUNK:
            self._chunk(bytes(self._buffer[:CHUNK]), last=False)
            del self._buffer[:CHUNK]
        return len(view)

    def finish(self) -> None:
        self._chunk(bytes(self._buffer), last=True)
        self._buffer.clear()


class SealedReader(io.RawIOBase):
    """A read-only stream of the decrypted archive; raises SealError on any tampering."""

    def __init__(self, raw: BinaryIO, opening: Opening) -> None:
        super().__init__()
        if raw.read(len(MAGIC)) != MAGIC:
            raise SealError(N_("This file is not a MekongX backup (not a readable archive)."))
        size = struct.unpack(">I", _exactly(raw, 4))[0]
        if size > MAX_HEADER:
            raise SealError(N_("This file is not a MekongX backup (unreadable header)."))
        header = _exactly(raw, size)
        try:
            spec = json.loads(header)
            if not isinstance(spec, dict) or spec.get("format") != CONTAINER:
                raise ValueError(spec)
            self._prefix = unb64(spec["prefix"])
            if len(self._prefix) != 7 or spec.get("chunk") != CHUNK:
                raise ValueError(spec)
        except (ValueError, KeyError, TypeError):
            raise SealError(N_("This file is not a MekongX backup (unreadable header).")) from None
        self.kind = str(spec["key"].get("type")) if isinstance(spec.get("key"), dict) else ""
        self._aead = ChaCha20Poly1305(_open_key(spec.get("key"), opening))
        self._aad = MAGIC + header
        self._raw, self._plain, self._at = raw, b"", 0
        self._counter, self._done = 0, False

    def readable(self) -> bool:
        return True

    def _next_chunk(self) -> None:
        size = struct.unpack(">I", _exactly(self._raw, 4))[0]
        if size > CHUNK + 16:
            raise SealError(N_("The backup file was altered or is damaged; nothing was restored."))
        sealed = _exactly(self._raw, size)
        for last in (False, True):
            try:
                nonce = _nonce(self._prefix, self._counter, last)
                self._plain = self._aead.decrypt(nonce, sealed, self._aad)
            except InvalidTag:
                continue
            self._counter += 1
            if last:
                self._done = True
                if self._raw.read(1):
                    raise SealError(
                        N_("The backup file was altered or is damaged; nothing was restored.")
                    )
            return
        if self._counter == 0:
            raise SealError(
                N_(
                    "The backup cannot be decrypted: wrong passphrase or key, or the file was "
                    "altered. Nothing was restored."
                )
            )
        raise SealError(N_("The backup file was altered or is damaged; nothing was restored."))

    def readinto(self, buffer: Any) -> int:
        while self._at >= len(self._plain):
            if self._done:
                return 0
            self._next_chunk()
            self._at = 0
        n = min(len(buffer), len(self._plain) - self._at)
        buffer[:n] = self._plain[self._at : self._at + n]
        self._at += n
        return n


def _exactly(raw: BinaryIO, size: int) -> bytes:
    data = raw.read(size)
    if len(data) != size:
        raise SealError(N_("The backup file is incomplete (cut short); nothing was restored."))
    return data
