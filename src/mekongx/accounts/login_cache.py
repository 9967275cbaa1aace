"""Who an API token or a login session belongs to, kept between the requests of one process.

Every request starts by finding its caller: a statement on a pooled connection, which cost more
than the hello of a bare server many times over and was the largest cost of a small API
request. A process now keeps the answer, by the token's hash, and asks the database again when

- the shared change mark "logins" moved (``mekongx.db.epochs``): any write by the node's code
  to the users, their login sessions or their API tokens (a token revoked, a session ended, a
  user disabled or given another role, a second factor completed), in this process or another
  process of the same system user on this machine (the other web workers, ``mekongx`` commands);
  the mark is read before the statement, so an answer read during a change is not kept past it;
- the token or session reached its own end (checked on every request);
- ``login_cache_seconds`` passed since it was read (default 30; 0 keeps nothing): the limit
  for changes the mark does not see, made outside the node's code (by hand in SQL, a restore,
  a command run by another system user).

Unknown and refused tokens are never kept (guessing fills nothing), and at most ``LIMIT``
answers are kept (then all are forgotten at once).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy.engine import URL

from mekongx.accounts.tokens import digest
from mekongx.authz.permissions import Principal
from mekongx.db.epochs import epoch_for
from mekongx.model.base import utcnow
from mekongx.model.identity import LoginSession

LIMIT = 10_000
Found = tuple[Principal, LoginSession | None]


@dataclass(frozen=True, slots=True)
class _Kept:
    mark: bytes
    until: float  # time.monotonic() after which it is read again
    ends: datetime  # the token's or the login session's own end
    principal: Principal
    login: LoginSession | None  # detached, read only: a snapshot of the row


class LoginCache:
    def __init__(self, url: str | URL, seconds: int) -> None:
        self._epoch = epoch_for(url, "logins") if seconds > 0 else None
        self._seconds = seconds
        self._kept: dict[str, _Kept] = {}

    @staticmethod
    def key(kind: str, secret: str) -> str:
        return f"{kind}:{digest(secret)}"

    def mark(self) -> bytes | None:
        """The change mark to pass to ``keep``, read before the statement it answers."""
        return None if self._epoch is None else self._epoch.current()

    def get(self, key: str, request_id: str) -> Found | None:
        if self._epoch is None:
            return None
        kept = self._kept.get(key)
        if kept is None:
            return None
        if (
            kept.mark != self._epoch.current()
            or time.monotonic() > kept.until
            or kept.ends <= utcnow()
        ):
            self._kept.pop(key, None)
            return None
        return replace(kept.principal, request_id=request_id), kept.login

    def keep(self, key: str, mark: bytes | None, found: Found, ends: datetime) -> None:
        if mark is None or self._epoch is None:
            return
        if len(self._kept) >= LIMIT:
            self._kept.clear()
        principal, login = found
        self._kept[key] = _Kept(
            mark, time.monotonic() + self._seconds, ends, replace(principal, request_id=""), login
        )
