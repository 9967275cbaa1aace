"""Where the node's signing key is held, chosen by ``MEKONGX_KEY_PROVIDER``.

* ``file`` (the default): in the key directory, encrypted with the passphrase of
  ``MEKONGX_KEY_PASSPHRASE_FILE`` when there is one (:mod:`mekongx.federation.keys`).
* ``pkcs11``: in a PKCS#11 token (a hardware security module, a smart card, or SoftHSM). The
  Ed25519 key pair is generated inside the token (``CKM_EC_EDWARDS_KEY_PAIR_GEN``), its private
  half marked sensitive and not extractable, and every signature is made there (``CKM_EDDSA``).
  The key directory keeps only the key's id in the token and its public key, beside the X25519
  encryption key (which stays a file: decryption happens for every envelope received). The
  token must support Ed25519 (PKCS#11 3.0 ``CKK_EC_EDWARDS``; SoftHSM 2.6 and later).

Every command and the server load the keys with :func:`load_node_keys`, so a node's keys are read the
same way everywhere.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from mekongx.federation.keys import KeyFileError, NodeKeys, read_passphrase, read_secret
from mekongx.settings import Settings

ED25519 = "1.3.101.112"  # the curve's object identifier (RFC 8410)


class TokenKey:
    """An Ed25519 private key inside a PKCS#11 token, used there; ``ref`` is its CKA_ID, hex."""

    def __init__(self, token: Pkcs11Token, handle: Any, ref: str, public: bytes) -> None:
        self._token, self._handle, self.ref, self._public = token, handle, ref, public

    def sign(self, data: bytes) -> bytes:
        return self._token.sign(self._handle, data)

    def public_key(self) -> Ed25519PublicKey:
        return Ed25519PublicKey.from_public_bytes(self._public)


# A PKCS#11 login belongs to the whole process: one logged-in session per token, shared by
# every Pkcs11Token naming it, each used under its lock (a session does one operation at a time).
_SESSIONS: dict[tuple[str, str], tuple[Any, threading.Lock, str]] = {}
_SESSIONS_GUARD = threading.Lock()


class Pkcs11Token:
    """One token of a PKCS#11 module, opened and logged into with the user PIN on first use."""

    def __init__(self, module: Path, label: str, pin: str) -> None:
        self.module, self.label, self._pin = module, label, pin

    @property
    def _lock(self) -> threading.Lock:
        return self._shared()[1]

    def _open(self) -> Any:
        return self._shared()[0]

    def _shared(self) -> tuple[Any, threading.Lock]:
        name = (str(self.module), self.label)
        with _SESSIONS_GUARD:
            if name not in _SESSIONS:
                try:
                    import pkcs11

                    token = pkcs11.lib(str(self.module)).get_token(token_label=self.label)
                    session = token.open(user_pin=self._pin, rw=True)
                except Exception as error:  # the binding raises its own classes, and OSError
                    raise KeyFileError(
                        f"PKCS#11 token {self.label!r} in {self.module}: {_why(error)}"
                    ) from None
                _SESSIONS[name] = (session, threading.Lock(), self._pin)
            session, lock, pin = _SESSIONS[name]
        if pin != self._pin:
            raise KeyFileError(f"PKCS#11 token {self.label!r}: PinIncorrect")
        return session, lock

    def generate(self) -> TokenKey:
        """A new Ed25519 key pair inside the token; the private key never leaves it."""
        from pkcs11 import Attribute, KeyType, Mechanism
        from pkcs11.util.ec import encode_named_curve_parameters

        ref = os.urandom(16)
        session, lock = self._shared()
        with lock:
            try:
                parameters = session.create_domain_parameters(
                    KeyType.EC_EDWARDS,
                    {Attribute.EC_PARAMS: encode_named_curve_parameters(ED25519)},
                    local=True,
                )
                public, private = parameters.generate_keypair(
                    mechanism=Mechanism.EC_EDWARDS_KEY_PAIR_GEN,
                    store=True,
                    label="mekongx-node-signing",
                    id=ref,
                    private_template={
                        Attribute.SENSITIVE: True,
                        Attribute.EXTRACTABLE: False,
                        Attribute.SIGN: True,
                    },
                )
                raw = _raw_point(public[Attribute.EC_POINT])
            except Exception as error:
                raise KeyFileError(f"PKCS#11 token {self.label!r}: {_why(error)}") from None
        return TokenKey(self, private, ref.hex(), raw)

    def key(self, ref: str, public: bytes) -> TokenKey:
        """The token's private key with id ``ref``, after checking that the token's public key
        of that id is the one the key directory names."""
        from pkcs11 import Attribute, ObjectClass

        session, lock = self._shared()
        with lock:
            try:
                ident = bytes.fromhex(ref)
                private = session.get_key(object_class=ObjectClass.PRIVATE_KEY, id=ident)
                held = _raw_point(
                    session.get_key(object_class=ObjectClass.PUBLIC_KEY, id=ident)[
                        Attribute.EC_POINT
                    ]
                )
            except Exception as error:
                raise KeyFileError(
                    f"PKCS#11 token {self.label!r} has no usable signing key {ref}: {_why(error)}"
                ) from None
        if held != public:
            raise KeyFileError(
                f"PKCS#11 token {self.label!r}: key {ref} is not the node's signing key"
            )
        return TokenKey(self, private, ref, public)

    def sign(self, handle: Any, data: bytes) -> bytes:
        from pkcs11 import Mechanism

        with self._lock:
            try:
                signature: bytes = handle.sign(data, mechanism=Mechanism.EDDSA)
            except Exception as error:
                raise KeyFileError(f"PKCS#11 token {self.label!r}: {_why(error)}") from None
        return signature


def _raw_point(point: bytes) -> bytes:
    """CKA_EC_POINT of an Ed25519 key: the 32 bytes, DER-wrapped (04 20 …) by most tokens."""
    if len(point) == 34 and point[:2] == b"\x04\x20":
        return point[2:]
    if len(point) == 32:
        return point
    raise ValueError("not an Ed25519 public key")


def _why(error: Exception) -> str:
    return str(error) or type(error).__name__


def signing_token(settings: Settings) -> Pkcs11Token | None:
    """The configured PKCS#11 token, or None when the signing key is a file."""
    if settings.key_provider != "pkcs11":
        return None
    assert settings.pkcs11_module is not None and settings.pkcs11_pin_file is not None
    pin = read_secret(settings.pkcs11_pin_file, "PKCS#11 PIN", minimum=4)
    return Pkcs11Token(settings.pkcs11_module, settings.pkcs11_token, pin)


def load_node_keys(settings: Settings) -> NodeKeys:
    """The node's keys as configured (passphrase, token); KeyFileError says what is wrong."""
    return NodeKeys.load(
        settings.keys_dir,
        read_passphrase(settings.key_passphrase_file),
        token=signing_token(settings),
    )


def create_node_keys(settings: Settings) -> NodeKeys:
    """New keys as configured (the existing ones when the key directory has them)."""
    return NodeKeys.create(
        settings.keys_dir,
        read_passphrase(settings.key_passphrase_file),
        token=signing_token(settings),
    )
