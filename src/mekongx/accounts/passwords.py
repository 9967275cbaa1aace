"""Password hashing (argon2id) and the password policy."""

from __future__ import annotations

from functools import cache

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


def policy_problems(password: str, *, username: str, min_length: int) -> list[FieldProblem]:
    """What is wrong with a new password; empty when it passes the policy."""
    problems: list[FieldProblem] = []
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
