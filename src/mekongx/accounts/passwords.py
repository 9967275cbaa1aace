"""Password hashing (argon2id) and the password policy."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib import resources

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from mekongx.errors import FieldProblem
from mekongx.i18n import N_

_HASHER = PasswordHasher()  # argon2id with the library's current recommended parameters


@cache
def _dummy_hash() -> str:
    """A hash verified against when the user does not exist, so that a login for an unknown
    name costs the same time as one for a known name (made on first use, not at import)."""
    return _HASHER.hash("mekongx-timing-equaliser")


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        return _HASHER.verify(password_hash or _dummy_hash(), password) and bool(password_hash)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return _HASHER.check_needs_rehash(password_hash)


def policy_problems(
    password: str,
    *,
    username: str,
    min_length: int,
    words: Iterable[str] = (),
    demo: bool = False,
) -> list[FieldProblem]:
    """What is wrong with a new password; empty when it passes the policy. ``words``: more
    words a password must not be built on (the node's agency code); ``demo``: the demo
    password is allowed (demo nodes only)."""
    problems: list[FieldProblem] = []
    if guessable(password, words=words, demo=demo):
        problems.append(
            FieldProblem(
                "password",
                N_(
                    "This password is too easy to guess: it is a common password, or built on "
                    "one, on the product's name or on an agency code."
                ),
            )
        )
    if len(password) < min_length:
        problems.append(
            FieldProblem(
                "password",
                N_("Password must be at least %(min)s characters long."),
                {"min": min_length},
            )
        )
    classes = sum(
        [
            any(c.islower() for c in password),
            any(c.isupper() for c in password),
            any(c.isdigit() for c in password),
            any(not c.isalnum() for c in password),
            any(ord(c) > 127 and c.isalpha() for c in password),
        ]
    )
    if classes < 3:
        problems.append(
            FieldProblem(
                "password",
                N_(
                    "Password must mix at least three of: lower case, upper case, digits, "
                    "symbols, Thai or Chinese letters."
                ),
            )
        )
    if username and username.lower() in password.lower():
        problems.append(FieldProblem("password", N_("Password must not contain the user name.")))
    return problems


DEMO_PASSWORD = "Mekong-Demo-2567"  # noqa: S105 - the demo nodes' password, refused elsewhere
PRODUCT_WORDS = ("mekong", "mekongx", "oncb", "nncc", "smcc")
_EDGES = re.compile(r"^[\W\d_]+|[\W\d_]+$")


@cache
def common_passwords() -> frozenset[str]:
    """The shipped list of common passwords (source in the file's header)."""
    text = resources.files("mekongx.accounts").joinpath("common_passwords.txt").read_text("utf-8")
    return frozenset(
        line.strip().lower() for line in text.splitlines() if line.strip() and line[0] != "#"
    )


def guessable(password: str, *, words: Iterable[str] = (), demo: bool = False) -> bool:
    """A common password, one decorated with digits or symbols (``Password1234!``), or one
    derived from the product, an agency code or another given word (``Mekong…``); the demo
    password is allowed in demo mode only."""
    if demo and password == DEMO_PASSWORD:
        return False
    lower = password.lower()
    common = common_passwords()
    if lower in common or _EDGES.sub("", lower) in common:
        return True
    letters = re.sub(r"[^a-z]", "", lower)
    product = {w.lower() for w in (*PRODUCT_WORDS, *words) if len(w) >= 3}
    return any(word in letters for word in product)
