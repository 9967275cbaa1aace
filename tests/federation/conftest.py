"""Real node processes on loopback, each with its own database, peered by fingerprint."""

from __future__ import annotations

import os
import random
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from tests.federation.forking import TEMPLATE, Forked

from mekongx import migrations
from mekongx.accounts import service as accounts
from mekongx.audit import Actor
from mekongx.authz import Principal
from mekongx.db import Database
from mekongx.federation import peers as peering
from mekongx.federation.keys import NodeKeys
from mekongx.model.identity import Agency, User
from mekongx.settings import Settings

PASSWORD = "Harbour-Chief-2567"
NAMES = {
    "ONCB": (
        "Office of the Narcotics Control Board",
        "สำนักงาน ป.ป.ส.",
        "泰国肃毒委员会办公室",
        "TH",
    ),
    "NNCC": (
        "National Narcotics Control Commission",
        "คณะกรรมการควบคุมยาเสพติดแห่งชาติจีน",
        "国家禁毒委员会",
        "CN",
    ),
    "SMCC": (
        "Safe Mekong Coordination Centre",
        "ศูนย์ประสานงานแม่โขงปลอดภัย",
        "湄公河安全协调中心",
        "TH",
    ),
}


_HANDED_OUT: set[int] = set()


def _ephemeral_low() -> int:
    """The first port the kernel hands to outgoing connections (Linux: 32768)."""
    try:
        return int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return 32768


def free_port() -> int:
    """A free port below the kernel's ephemeral range. A port the kernel picked (bind to 0) and
    this check released can be taken by any outgoing connection before the node binds it (CI
    saw a node fail with "address already in use" so); below that range only a listener can."""
    low = _ephemeral_low()
    rng = random.SystemRandom()
    for _ in range(500):
        port = rng.randrange(10_000, low)
        if port in _HANDED_OUT:
            continue
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
        _HANDED_OUT.add(port)
        return port
    with socket.socket() as sock:  # no free port below the range: take the kernel's
        sock.bind(("127.0.0.1", 0))
        found: int = sock.getsockname()[1]
        return found


def _listens(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


@dataclass
class NodeProcess:
    agency: str
    home: Path
    db_url: str
    port: int = field(default_factory=free_port)
    federation_port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | Forked | None = None
    keys: NodeKeys = field(init=False)
    extra_env: dict[str, str] = field(default_factory=dict)
    endpoint: str = ""  # where peers reach this node; defaults to the federation listener

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def federation_url(self) -> str:
        """The federation listener (plain HTTP on loopback in tests, as outside production)."""
        return f"http://127.0.0.1:{self.federation_port}"

    @property
    def env(self) -> dict[str, str]:
        return {
            **os.environ,
            "MEKONGX_ENV": "test",
            "MEKONGX_NODE_AGENCY": self.agency,
            "MEKONGX_DATA_DIR": str(self.home),
            "MEKONGX_DATABASE_URL": self.db_url,
            "MEKONGX_PUBLIC_URL": self.url,
            "MEKONGX_FEDERATION_PORT": str(self.federation_port),
            "MEKONGX_LANG": "en",
            "MEKONGX_RETRY_MAX_SECONDS": "2",  # a returning peer is retried within seconds in tests
            **self.extra_env,
        }

    def cli(self, *args: str) -> str:
        answer = subprocess.run(
            [sys.executable, "-m", "mekongx.cli.main", *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert answer.returncode == 0, f"{self.agency} {args}: {answer.stdout}{answer.stderr}"
        return answer.stdout

    def init(self) -> None:
        """What `mekongx init` does, in-process (test_cli covers the command itself)."""
        migrations.upgrade(self.db_url)
        self.keys = NodeKeys.create(self.home / "keys")
        db = self.database()
        actor = Actor.system(self.agency, "test")
        settings = Settings(
            env="test", database_url=self.db_url, data_dir=self.home, node_agency=self.agency
        )
        with db.write() as session:
            for code, (en, th, zh, country) in NAMES.items():
                accounts.create_agency(
                    session,
                    actor,
                    accounts.AgencyInput(code, en, th, zh, country, code == self.agency),
                )
            accounts.create_user(
                session,
                actor,
                accounts.UserInput(
                    "liaison", f"{self.agency} liaison", self.agency, "liaison", PASSWORD
                ),
                settings,
            )
        db.dispose()

    def export(self) -> dict[str, object]:
        db = self.database()
        with db.read() as session:
            agency = session.get(Agency, self.agency)
            assert agency is not None
            entry = peering.member_entry(agency, self.keys, self.endpoint or self.federation_url)
        db.dispose()
        return entry

    def add_peers(self, members: list[dict[str, object]]) -> None:
        db = self.database()
        actor = Actor.system(self.agency, "test")
        with db.write() as session:
            for member in members:
                code = str(member["agency"])
                peering.add_peer(
                    session,
                    actor,
                    peering.PeerInput(
                        code,
                        str(member["endpoint"]),
                        str(member["sign_public"]),
                        str(member["enc_public"]),
                        str(member.get("tls_ca_pem", "")),
                    ),
                )
                peering.confirm_peer(session, actor, code, str(member["fingerprint"]))
        db.dispose()

    def start(self) -> None:
        argv = ["serve", "--port", str(self.port)]
        log_path = self.home / "serve.log"
        self.process = TEMPLATE.spawn(argv, self.env, Path.cwd(), log_path)  # imports done once
        if self.process is None:
            with log_path.open("ab") as log:  # the child keeps its own descriptor
                self.process = subprocess.Popen(
                    [sys.executable, "-m", "mekongx.cli.main", *argv],
                    env=self.env,
                    stdout=log,
                    stderr=log,
                )
        deadline = time.monotonic() + 180  # a loaded CI machine can take a minute to import the app
        federation = int(self.env["MEKONGX_FEDERATION_PORT"])
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.url}/healthz", timeout=0.5).status_code == 200 and _listens(
                    federation
                ):
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise AssertionError(
            f"{self.agency} did not start: {(self.home / 'serve.log').read_text()[-3000:]}"
        )

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)
        self.process = None

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.process = None

    def database(self) -> Database:
        return Database(self.db_url)

    def principal(self, username: str = "liaison") -> Principal:
        db = self.database()
        with db.read() as session:
            user = session.query(User).filter_by(username=username).one()
            principal = accounts.principal_for(user)
        db.dispose()
        return principal


def peer_up(nodes: list[NodeProcess]) -> None:
    """Every node imports every other's federation entry and confirms its fingerprint."""
    members = {node.agency: node.export() for node in nodes}
    for node in nodes:
        node.add_peers([m for code, m in members.items() if code != node.agency])


@pytest.fixture
def make_nodes(
    tmp_path: Path, db_url: str, node_db_url: Any
) -> Iterator[Callable[..., list[NodeProcess]]]:
    """``make_nodes("ONCB", "NNCC")``: initialised, peered (not started) nodes on this engine,
    each on a migrated, empty database (a PostgreSQL one made once per session and emptied)."""
    made: list[NodeProcess] = []

    def make(*agencies: str) -> list[NodeProcess]:
        nodes = []
        for index, agency in enumerate(agencies):
            url = db_url if index == 0 else node_db_url(agency)
            node = NodeProcess(agency, tmp_path / agency, url)
            node.home.mkdir()
            node.init()
            nodes.append(node)
        peer_up(nodes)
        made.extend(nodes)
        return nodes

    yield make
    for node in made:
        node.stop()


@pytest.fixture
def empty_database(
    tmp_path: Path, db_url: str, request: pytest.FixtureRequest
) -> Callable[[str], str]:
    """``empty_database("restored")``: the URL of a new, empty database on this engine."""
    return lambda tag: _second_database(db_url, tmp_path, tag, request)


def _second_database(
    db_url: str, tmp_path: Path, agency: str, request: pytest.FixtureRequest
) -> str:
    if db_url.startswith("sqlite"):
        return f"sqlite:///{tmp_path / (agency + '.db')}"
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    base = make_url(db_url)
    name = f"{base.database}_{agency.lower()}"
    admin = create_engine(base.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()

    def drop() -> None:
        engine = create_engine(base.set(database="postgres"), isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()

    request.addfinalizer(drop)
    return base.set(database=name).render_as_string(hide_password=False)


def wait_for(condition: Callable[[], bool], timeout: float = 60.0, what: str = "condition") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture
def waiter() -> Callable[..., None]:
    return wait_for
