"""Random secrets for login sessions and API tokens; only their hashes are stored."""

from __future__ import annotations

import hashlib
import secrets


def new_secret(nbytes: int = 32) -> str:
    return secrets.token_urlsafe(nbytes)


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def new_api_token() -> tuple[str, str]:
    """A token ``mx_<prefix>_<secret>`` and its prefix (shown in lists to tell tokens apart)."""
    prefix = secrets.token_hex(4)
    return f"mx_{prefix}_{new_secret()}", prefix
