"""The running node: its settings and database, held on the application."""

from __future__ import annotations

from dataclasses import dataclass

from starlette.requests import Request

from mekongx.db import Database
from mekongx.federation.keys import NodeKeys
from mekongx.settings import Settings


@dataclass
class Node:
    settings: Settings
    db: Database
    keys: NodeKeys | None = None  # None until `mekongx init` created them: no exchange yet


def node_of(request: Request) -> Node:
    node: Node = request.app.state.node
    return node
