"""Small named factories for node tests: a Thai node (ONCB) with peers and one user per role."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from mekongx.accounts import service as accounts
from mekongx.app import create_app
from mekongx.audit import Actor
from mekongx.authz import Principal
from mekongx.db import Database
from mekongx.domains.intel import service as intel
from mekongx.domains.intel.schemas import ReportInput
from mekongx.model.identity import User
from mekongx.settings import Settings

PASSWORD = "Test-Passw0rd-2567"


@pytest.fixture
def settings(db_url: str, tmp_path: Path) -> Settings:
    return Settings(env="test", database_url=db_url, data_dir=tmp_path, node_agency="ONCB")


@dataclass
class World:
    db: Database
    settings: Settings
    users: dict[str, User]

    def principal(self, name: str) -> Principal:
        return accounts.principal_for(self.users[name])

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


@pytest.fixture
def world(database: Database, settings: Settings) -> World:
    actor = Actor.system("ONCB", "test")
    users: dict[str, User] = {}
    with database.write() as session:
        for code, en, th, zh, country, own in [
            (
                "ONCB",
                "Office of the Narcotics Control Board",
                "สำนักงาน ป.ป.ส.",
                "泰国肃毒委员会办公室",
                "TH",
                True,
            ),
            (
                "NNCC",
                "National Narcotics Control Commission",
                "คณะกรรมการควบคุมยาเสพติดแห่งชาติจีน",
                "国家禁毒委员会",
                "CN",
                False,
            ),
            (
                "LCDC",
                "Lao National Commission for Drug Control",
                "คณะกรรมการควบคุมยาเสพติดแห่งชาติลาว",
                "老挝国家禁毒委员会",
                "LA",
                False,
            ),
            (
                "CCDAC",
                "Central Committee for Drug Abuse Control",
                "คณะกรรมการกลางควบคุมยาเสพติดเมียนมา",
                "缅甸中央禁毒委员会",
                "MM",
                False,
            ),
        ]:
            accounts.create_agency(
                session, actor, accounts.AgencyInput(code, en, th, zh, country, own)
            )
        accounts.create_sharing_group(
            session,
            actor,
            "SAFE-MEKONG",
            ("Safe Mekong", "แม่โขงปลอดภัย", "湄公河安全"),
            ["ONCB", "NNCC", "LCDC"],
        )
        for name, agency, role, lang in [
            ("thai_admin", "ONCB", "admin", "en"),
            ("thai_analyst", "ONCB", "analyst", "th"),
            ("thai_liaison", "ONCB", "liaison", "th"),
            ("thai_viewer", "ONCB", "viewer", "en"),
            ("chinese_liaison", "NNCC", "liaison", "zh"),
            ("lao_viewer", "LCDC", "viewer", "en"),
            ("myanmar_viewer", "CCDAC", "viewer", "en"),
        ]:
            users[name] = accounts.create_user(
                session,
                actor,
                accounts.UserInput(name.replace("_", "."), name, agency, role, PASSWORD, lang),
                settings,
                other_agency=agency != "ONCB",  # partners' users, modelled in one database
            )
    return World(database, settings, users)


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
    """Authorization headers with a fresh API token for one of the world's users."""

    def make(username: str) -> dict[str, str]:
        with world.db.write() as session:
            user = session.get(User, world.users[username].id)
            assert user is not None
            token = accounts.create_api_token(session, Actor.system("ONCB"), user, "test")
        return {"Authorization": f"Bearer {token}"}

    return make
