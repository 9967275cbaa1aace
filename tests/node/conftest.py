"""Small named factories for node tests: a Thai node (ONCB) with one user per role, and the
partners' nodes (NNCC, LCDC, CCDAC) with their own users, reached over the exchange."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyotp
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event, select

from mekongx import wiring
from mekongx.accounts import authentication as authn
from mekongx.accounts import service as accounts
from mekongx.app import create_app
from mekongx.audit import Actor
from mekongx.authz import Principal
from mekongx.db import Database
from mekongx.demo import peer_demo_nodes, seed_identity
from mekongx.domains.intel import service as intel
from mekongx.domains.intel.schemas import ReportInput
from mekongx.federation import peers as peering
from mekongx.federation.delivery import deliver_link
from mekongx.federation.inbox import BatchRefused, check_batch, receive_batch
from mekongx.federation.keys import NodeKeys
from mekongx.federation.transport import INBOX_PATH, Answer
from mekongx.model.identity import Agency, User
from mekongx.settings import Settings

PASSWORD = "Test-Passw0rd-2567"

AGENCIES = [
    ("ONCB", "Office of the Narcotics Control Board", "สำนักงาน ป.ป.ส.", "泰国肃毒委员会办公室", "TH"),
    ("NNCC", "National Narcotics Control Commission", "คณะกรรมการควบคุมยาเสพติดแห่งชาติจีน", "国家禁毒委员会", "CN"),
    ("LCDC", "Lao National Commission for Drug Control", "คณะกรรมการควบคุมยาเสพติดแห่งชาติลาว", "老挝国家禁毒委员会", "LA"),
    ("CCDAC", "Central Committee for Drug Abuse Control", "คณะกรรมการกลางควบคุมยาเสพติดเมียนมา", "缅甸中央禁毒委员会", "MM"),
    ("NACD", "National Authority for Combating Drugs", "องค์การปราบปรามยาเสพติดแห่งชาติกัมพูชา", "柬埔寨国家禁毒委员会", "KH"),
    ("C04", "Drug Crime Investigation Police Department", "กองบัญชาการตำรวจสืบสวนคดียาเสพติดเวียดนาม", "越南公安部禁毒犯罪调查警察局", "VN"),
]  # fmt: skip
# Each agency's users live on its own node (a node's accounts belong to its own agency).
USERS = {
    "ONCB": [("thai_admin", "admin", "en"), ("thai_analyst", "analyst", "th"),
             ("thai_liaison", "liaison", "th"), ("thai_viewer", "viewer", "en")],
    "NNCC": [("chinese_liaison", "liaison", "zh"), ("chinese_analyst", "analyst", "zh")],
    "LCDC": [("lao_viewer", "viewer", "en"), ("lao_liaison", "liaison", "en")],
    "CCDAC": [("myanmar_viewer", "viewer", "en")],
    "NACD": [("cambodian_liaison", "liaison", "en"), ("cambodian_analyst", "analyst", "en")],
    "C04": [("vietnamese_liaison", "liaison", "en"), ("vietnamese_analyst", "analyst", "en")],
}  # fmt: skip


@pytest.fixture
def settings(db_url: str, tmp_path: Path) -> Settings:
    return Settings(env="test", database_url=db_url, data_dir=tmp_path, node_agency="ONCB")


@dataclass
class World:
    """One agency's node (its database, settings and users). ``partner(code)`` gives another
    agency's node, peered with this one; ``exchange()`` carries every pending envelope between
    the nodes through the real delivery worker, envelope seals and inbox (no HTTP)."""

    db: Database
    settings: Settings
    users: dict[str, User]
    network: Network | None = None

    @property
    def agency(self) -> str:
        return self.settings.node_agency

    def principal(self, name: str) -> Principal:
        return accounts.principal_for(self.users[name])

    def token(self, name: str) -> dict[str, str]:
        """Authorization headers with a fresh API token for one of this node's users."""
        with self.db.write() as session:
            user = session.get(User, self.users[name].id)
            assert user is not None
            token = accounts.create_api_token(
                session, Actor.system(self.agency), user, "test", self.settings
            )
        return {"Authorization": f"Bearer {token}"}

    def enable_second_factor(self, name: str, secret: str = "") -> str:
        """Enrol one of this node's users in the second factor (a code from an app); the
        secret, new unless given."""
        secret = secret or pyotp.random_base32()
        with self.db.write() as session:
            authn.enable_totp(
                session, self.principal(name), secret, pyotp.TOTP(secret).now(), self.settings
            )
        return secret

    def app(self) -> TestClient:
        return TestClient(create_app(self.settings, self.db), follow_redirects=False)

    @contextmanager
    def browser(self, username: str) -> Iterator[Browser]:
        """A browser logged in on this node as ``username`` (dots, as users type it)."""
        with self.app() as client:
            browser = Browser(client)
            browser.login(username)
            yield browser

    def partner(self, code: str) -> World:
        assert self.network is not None
        return self.network.node(code)

    def exchange(self) -> int:
        """Deliver until no node has anything left to send; how many envelopes moved."""
        assert self.network is not None
        return self.network.exchange()

    def report(self, author: str, **fields: object) -> int:
        data = {
            "title": "Report",
            "narrative": "Narrative",
            "language": "en",
            "source_reliability": "B",
            "info_reliability": 2,
            **fields,
        }
        with self.db.write() as session:
            return intel.create_report(
                session, self.principal(author), ReportInput.model_validate(data)
            ).id

    def uid_of(self, model: Any, local_id: int) -> str:
        with self.db.read() as session:
            return str(session.get(model, local_id).uid)

    def id_of(self, model: Any, uid: str) -> int:
        """The local id of the record (or received copy) with ``uid`` on this node."""
        with self.db.read() as session:
            found = session.scalar(select(model.id).where(model.uid == uid))
        assert found is not None, f"{self.agency} holds no {model.__name__} {uid}"
        return int(found)


def _populate(db: Database, settings: Settings) -> dict[str, User]:
    own = settings.node_agency
    actor = Actor.system(own, "test")
    users: dict[str, User] = {}
    with db.write() as session:
        for code, en, th, zh, country in AGENCIES:
            accounts.create_agency(
                session, actor, accounts.AgencyInput(code, en, th, zh, country, code == own)
            )
        accounts.create_sharing_group(
            session,
            actor,
            "SAFE-MEKONG",
            {"en": "Safe Mekong", "th": "แม่โขงปลอดภัย", "zh": "湄公河安全", "lo": "ແມ່ຂອງປອດໄພ"},
            ["ONCB", "NNCC", "LCDC"],
        )
        for name, role, lang in USERS[own]:
            users[name] = accounts.create_user(
                session,
                actor,
                accounts.UserInput(name.replace("_", "."), name, own, role, PASSWORD, lang),
                settings,
            )
    return users


class _InProcess:
    """The transport to another node of the network: the receiving node's own request checks
    (sender, time, batch signature) and inbox, called directly instead of over HTTP."""

    def __init__(self, node: World, keys: NodeKeys) -> None:
        self.node, self.keys = node, keys

    def post(self, peer: Any, path: str, headers: dict[str, str], body: bytes) -> Answer:
        """The ``Transport`` protocol's one call (delivery posts batches to ``INBOX_PATH``)."""
        if path != INBOX_PATH:
            return Answer(404, {"error": f"no in-process route for {path}"})
        return self.post_batch(peer, headers, body)

    def post_batch(self, peer: Any, headers: dict[str, str], body: bytes) -> Answer:
        own, sender = self.node.agency, headers["X-MekongX-Sender"]
        try:
            check_batch(
                self.node.db,
                own,
                sender,
                headers["X-MekongX-Time"],
                headers["X-MekongX-Signature"],
                body,
            )
        except BatchRefused as refused:
            return Answer(refused.status, {"error": refused.reason})
        envelopes = json.loads(body)["envelopes"]
        outcomes = receive_batch(self.node.db, self.keys, own, sender, envelopes)
        return Answer(200, {"outcomes": [o.as_json() for o in outcomes]})


class Network:
    """The nodes of one test: the ONCB world and the partners' nodes made on demand."""

    def __init__(self, home: World, make_url: Callable[[str], str], tmp_path: Path) -> None:
        self.nodes: dict[str, World] = {home.agency: home}
        self.keys: dict[str, NodeKeys] = {}
        self.make_url, self.tmp_path = make_url, tmp_path

    def _keys(self, node: World) -> NodeKeys:
        if node.agency not in self.keys:
            folder = node.settings.keys_dir
            exists = (folder / NodeKeys.CURRENT).exists()  # a test may have made them already
            self.keys[node.agency] = NodeKeys.load(folder) if exists else NodeKeys.create(folder)
        return self.keys[node.agency]

    def node(self, code: str) -> World:
        if code in self.nodes:
            return self.nodes[code]
        url = self.make_url(code)
        settings = Settings(
            env="test", database_url=url, data_dir=self.tmp_path / code, node_agency=code
        )
        db = Database(url)
        world = World(db, settings, _populate(db, settings), self)
        for other in list(self.nodes.values()):
            self._peer(other, world)
            self._peer(world, other)
        self.nodes[code] = world
        return world

    def _peer(self, node: World, peer: World) -> None:
        with peer.db.read() as session:
            agency = session.get(Agency, peer.agency)
            assert agency is not None
            entry = peering.member_entry(
                agency, self._keys(peer), f"http://127.0.0.1/{peer.agency}"
            )
        self._keys(node)
        actor = Actor.system(node.agency, "test")
        with node.db.write() as session:
            peering.add_peer(
                session,
                actor,
                peering.PeerInput(
                    peer.agency,
                    str(entry["endpoint"]),
                    str(entry["sign_public"]),
                    str(entry["enc_public"]),
                    "",
                ),
            )
            peering.confirm_peer(session, actor, peer.agency, str(entry["fingerprint"]))

    def exchange(self) -> int:
        wiring.install()
        moved = 0
        for _ in range(20):
            sent = 0
            for source in self.nodes.values():
                for target in self.nodes.values():
                    if source is target:
                        continue
                    result = deliver_link(
                        source.db,
                        self.keys[source.agency],
                        source.agency,
                        target.agency,
                        _InProcess(target, self.keys[target.agency]),
                        max_batches=100,
                    )
                    assert not result.failed, (source.agency, target.agency)
                    sent += result.sent
            if not sent:
                return moved
            moved += sent
        raise AssertionError("the nodes kept sending to each other")

    def close(self) -> None:
        for code, node in self.nodes.items():
            if code != "ONCB":
                node.db.dispose()


@pytest.fixture
def world(
    database: Database, settings: Settings, node_db_url: Any, tmp_path: Path
) -> Iterator[World]:
    wiring.install()  # as every running node is (app, CLI, demo): kinds, providers, handlers
    home = World(database, settings, _populate(database, settings))
    home.network = Network(home, node_db_url, tmp_path / "partners")
    yield home
    home.network.close()


class Browser:
    """A TestClient that logs in through the real login form and carries the CSRF token."""

    def __init__(self, client: TestClient) -> None:
        self.client = client
        self.csrf = ""

    def login(self, username: str, password: str = PASSWORD) -> None:
        page = self.client.get("/login")
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
        assert token, page.text
        response = self.client.post(
            "/login",
            data={
                "csrf_token": token.group(1),
                "username": username,
                "password": password,
                "next": "/",
            },
        )
        assert response.status_code == 303, response.text
        self.refresh_csrf()

    def refresh_csrf(self) -> None:
        page = self.client.get("/profile")
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
        self.csrf = token.group(1) if token else ""

    def post(self, path: str, data: dict[str, object]) -> object:
        return self.client.post(path, data={"csrf_token": self.csrf, **data})


@pytest.fixture
def app_client(world: World) -> Iterator[TestClient]:
    app = create_app(world.settings, world.db)
    with TestClient(app, follow_redirects=False) as client:
        yield client


@pytest.fixture
def browser(world: World) -> Iterator[Browser]:
    app = create_app(world.settings, world.db)
    with TestClient(app, follow_redirects=False) as client:
        yield Browser(client)


@pytest.fixture
def token_for(world: World) -> Callable[[str], dict[str, str]]:
    """Authorization headers with a fresh API token for one of the ONCB node's users."""

    return world.token


@pytest.fixture
def statements_sent() -> Callable[[Database], list[str]]:
    """``statements_sent(db)``: a list that fills with the first word (upper-cased) of every
    statement the database's writer sends from then on (BEGIN and COMMIT among them)."""

    def watch(db: Database) -> list[str]:
        seen: list[str] = []

        @event.listens_for(db.write_engine, "before_cursor_execute")
        def _log(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
            seen.append(statement.lstrip().split(None, 1)[0].upper())

        return seen

    return watch


DemoNode = tuple[Database, NodeKeys, str]  # as `mekongx.demo` passes a node around


@pytest.fixture
def demo_pair(db_url: str, second_db_url: str, tmp_path: Path) -> Iterator[dict[str, DemoNode]]:
    """ONCB (on ``db_url``) and NNCC (on ``second_db_url``) with the demo's agencies, users and
    keys, peered as `mekongx demo` peers them; nothing seeded yet (the test calls the demo's
    ``seed_*`` it is about)."""
    nodes: dict[str, DemoNode] = {}
    for agency, url in (("ONCB", db_url), ("NNCC", second_db_url)):
        home = tmp_path / agency.lower()
        settings = Settings(env="demo", database_url=url, data_dir=home, node_agency=agency)
        home.mkdir(parents=True, exist_ok=True)
        db = Database(url)
        seed_identity(db, settings, agency)
        nodes[agency] = (db, NodeKeys.create(settings.keys_dir), f"http://127.0.0.1:1/{agency}")
    peer_demo_nodes(nodes)
    yield nodes
    for db, _keys, _url in nodes.values():
        db.dispose()
