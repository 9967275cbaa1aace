"""Hostile uploads on a real node process leave other users' requests answering (issue 10, item 2).

A real ``mekongx serve`` process on each engine receives the 5 KB dimension bomb and a zip bomb
on the precursor screening and wastewater import APIs, one after the other, while another
client keeps asking ``/healthz`` and logging in: every one of those answers within a second
(a login: its median within a second of its own cost just before, a password hash),
the uploads are refused with 422 naming the limit, and the keep-alive connection of the client
that sent them is kept.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from mekongx.accounts import service as accounts
from mekongx.audit import Actor
from mekongx.db import Database
from mekongx.domains.wbe import service as wbe
from mekongx.domains.wbe.schemas import CampaignInput, LabInput, SiteInput
from mekongx.settings import Settings

PASSWORD = "Harbour-Lantern-7391"
AGENCY = "ONCB"


@dataclass
class Served:
    url: str
    token: str
    campaign_id: int


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _prepare(db_url: str, home: Path) -> tuple[str, int]:
    settings = Settings(env="test", database_url=db_url, data_dir=home, node_agency=AGENCY)
    actor = Actor.system(AGENCY, "test")
    db = Database(db_url)
    with db.write() as session:
        accounts.create_agency(
            session,
            actor,
            accounts.AgencyInput(AGENCY, "ONCB", "ป.ป.ส.", "泰国肃毒委", "TH", is_own=True),
        )
        for name, role in (("somchai", "liaison"), ("nattaya", "analyst")):
            accounts.create_user(
                session,
                actor,
                accounts.UserInput(name, name.title(), AGENCY, role, PASSWORD),
                settings,
            )
    with db.write() as session:
        user = session.query(accounts.User).filter_by(username="somchai").one()
        token = accounts.create_api_token(session, actor, user, "uploads")
        principal = accounts.principal_for(user)
        site = wbe.create_site(
            session,
            principal,
            SiteInput(code="S1", plant="WWTP", city="Bangkok", country="TH", population_served=1),
        )
        lab = wbe.create_lab(session, principal, LabInput(name="Lab", country="TH"))
        campaign = wbe.create_campaign(
            session,
            principal,
            CampaignInput(
                title="Bangkok",
                site_id=site.id,
                lab_id=lab.id,
                period_start=dt.date(2025, 3, 10),
                period_end=dt.date(2025, 3, 16),
                distribution="own",
            ),
        )
        campaign_id = campaign.id
    db.dispose()
    return token, campaign_id


@pytest.fixture
def served(db_url: str, tmp_path: Path) -> Iterator[Served]:
    token, campaign_id = _prepare(db_url, tmp_path)
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "MEKONGX_ENV": "test",
        "MEKONGX_NODE_AGENCY": AGENCY,
        "MEKONGX_DATA_DIR": str(tmp_path),
        "MEKONGX_DATABASE_URL": db_url,
        "MEKONGX_PUBLIC_URL": url,
        "MEKONGX_WORKER": "false",
    }
    with (tmp_path / "serve.log").open("ab") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "mekongx.cli.main", "serve", "--port", str(port)],
            env=env,
            stdout=log,
            stderr=log,
        )
    try:
        deadline = time.monotonic() + 180  # starting takes long on a loaded shared machine
        while True:
            assert process.poll() is None, (tmp_path / "serve.log").read_text()[-3000:]
            try:
                if httpx.get(f"{url}/healthz", timeout=0.5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, (tmp_path / "serve.log").read_text()[-3000:]
            time.sleep(0.1)
        yield Served(url, token, campaign_id)
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _login(client: httpx.Client) -> float:
    started = time.monotonic()
    page = client.get("/login")
    found = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert found, page.text[:500]
    answer = client.post(
        "/login",
        data={"username": "nattaya", "password": PASSWORD, "csrf_token": found.group(1)},
    )
    assert answer.status_code == 303, answer.text[:500]
    client.cookies.clear()
    return time.monotonic() - started


def test_hostile_uploads_do_not_stop_other_requests(
    served: Served, hostile: dict[str, Any]
) -> None:
    headers = {"Authorization": f"Bearer {served.token}"}
    outcomes: list[tuple[str, int, str, float]] = []
    connections: set[str] = set()
    servers: set[str] = set()
    done = threading.Event()

    def upload() -> None:
        try:
            with httpx.Client(base_url=served.url, headers=headers, timeout=120) as client:
                for case in ("dimension", "zip_bomb", "far_cell", "doctype"):
                    file = hostile[case]
                    for path in (
                        "/api/v1/precursors/screen",
                        f"/api/v1/wbe/campaigns/{served.campaign_id}/import",
                    ):
                        started = time.monotonic()
                        answer = client.post(path, files={"file": (file.name, file.content)})
                        elapsed = time.monotonic() - started
                        outcomes.append(
                            (f"{case} {path}", answer.status_code, answer.text, elapsed)
                        )
                        connections.add(answer.headers.get("connection", "keep-alive"))
                        servers.add(answer.headers.get("server", ""))
        finally:
            done.set()

    with httpx.Client(base_url=served.url, timeout=10) as other:
        # A login costs one Argon2id hash (0.1 s on an idle core, about 1 s at load 14 on the
        # shared 2-core test machine); what an upload may add to it is under a second.
        own_cost = statistics.median(_login(other) for _ in range(3))
    worker = threading.Thread(target=upload)
    worker.start()
    slowest = {"healthz": 0.0}
    logins: list[float] = []
    with httpx.Client(base_url=served.url, timeout=10) as other:
        while not done.is_set():
            started = time.monotonic()
            assert other.get("/healthz").status_code == 200
            slowest["healthz"] = max(slowest["healthz"], time.monotonic() - started)
            logins.append(_login(other))
    worker.join()
    assert len(outcomes) == 8
    for name, status, text, _elapsed in outcomes:
        assert status == 422, f"{name}: {status} {text[:300]}"
        assert "Traceback" not in text
    assert slowest["healthz"] < 1.0, slowest
    # Logins are timed against their own cost measured just before (the machine's load moves
    # a single hash by a second or more); the uploads may not add a second to the median.
    assert statistics.median(logins) < own_cost + 1.0, (logins, own_cost)
    assert max(logins) < 10.0, logins
    assert connections == {"keep-alive"}, connections  # no 4xx closed the connection
    assert servers == {""}, servers  # no server banner
    messages = " ".join(text for _, _, text, _ in outcomes)
    assert "declares 1048576 rows" in messages and "unpacks to more than" in messages
