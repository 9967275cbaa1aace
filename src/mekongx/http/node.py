"""The running node: its settings and database, held on the application."""

from __future__ import annotations

from dataclasses import dataclass, field

from starlette.requests import Request

from mekongx.accounts.login_cache import LoginCache
from mekongx.db import Database
from mekongx.db.epochs import place_marks
from mekongx.federation.gate import RefusalGate
from mekongx.federation.keys import NodeKeys
from mekongx.settings import Settings


@dataclass
class Node:
    settings: Settings
    db: Database
    keys: NodeKeys | None = None  # None until `mekongx init` created them: no exchange yet
    # Unauthenticated requests refused by this process's federation listener (memory only).
    refusals: RefusalGate = field(default_factory=RefusalGate)
    # Failed logins (password or second factor) per client address of this process's web port.
    logins: RefusalGate = field(default_factory=lambda: RefusalGate(20, name="web login"))
    # Who this process's callers are, by their token (accounts/login_cache.py).
    principals: LoginCache = field(init=False)

    def __post_init__(self) -> None:
        place_marks(self.db.url, self.settings.data_dir)
        self.principals = LoginCache(self.db.url, self.settings.login_cache_seconds)


def node_of(request: Request) -> Node:
    node: Node = request.app.state.node
    return node
