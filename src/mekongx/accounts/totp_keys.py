"""TOTP secrets are stored encrypted; the key is a file beside the node keys, not in the database.

``data_dir/keys/totp.key`` holds 32 random bytes (base64, mode 0600), made the first time a
secret is stored (or by the migration that encrypted existing secrets). A secret is stored as
``v1:`` + base64(nonce ‖ ChaCha20-Poly1305 ciphertext), with the user's id as associated data,
so a database writer can neither read a secret nor move one to another account. Backups carry
the encrypted form: restoring onto a node without this file keeps every account but their
second factors cannot be checked until the file is put back (or the users enrol again).
Migration ``0009`` repeats this format (migrations import nothing from the package).
"""

from __future__ import annotations

import base64
import os
from functools import lru_cache
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

FILE = "totp.key"
PREFIX = "v1:"


def _aad(user_id: int) -> bytes:
    return f"mekongx/totp/v1/user/{user_id}".encode()


class TotpKeyError(Exception):
    """The key file is missing (where secrets exist), unreadable or too open."""


class TotpBox:
    def __init__(self, key: bytes) -> None:
        self._aead = ChaCha20Poly1305(key)

    def seal(self, user_id: int, secret: str) -> str:
        nonce = os.urandom(12)
        sealed = nonce + self._aead.encrypt(nonce, secret.encode(), _aad(user_id))
        return PREFIX + base64.b64encode(sealed).decode()

    def open(self, user_id: int, stored: str) -> str | None:
        """The secret, or None when it was not sealed for this user with this key."""
        if not stored.startswith(PREFIX):
            return None
        try:
            sealed = base64.b64decode(stored[len(PREFIX) :], validate=True)
            return self._aead.decrypt(sealed[:12], sealed[12:], _aad(user_id)).decode()
        except (InvalidTag, ValueError):
            return None


@lru_cache(maxsize=8)
def _load(path: Path, create: bool) -> TotpBox:
    if not path.exists():
        if not create:
            raise TotpKeyError(f"{path} is missing: TOTP secrets cannot be read")
        path.parent.mkdir(parents=True, exist_ok=True)
        os.chmod(path.parent, 0o700)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # made meanwhile by another process
            return _load(path, create=False)
        with os.fdopen(fd, "wb") as handle:
            handle.write(base64.b64encode(os.urandom(32)) + b"\n")
            handle.flush()
            os.fsync(handle.fileno())
    if path.stat().st_mode & 0o077:
        raise TotpKeyError(f"{path} is readable by other users: chmod 600 it")
    key = base64.b64decode(path.read_bytes().strip(), validate=True)
    if len(key) != 32:
        raise TotpKeyError(f"{path} does not hold a 32-byte key")
    return TotpBox(key)


def totp_box(keys_dir: Path, *, create: bool = False) -> TotpBox:
    """The node's TOTP box; ``create`` makes the key file when there is none yet."""
    path = (keys_dir / FILE).resolve()
    try:
        return _load(path, create)
    except TotpKeyError:
        if create:
            raise
        _load.cache_clear()  # a file put back later is found by the next call
        raise
