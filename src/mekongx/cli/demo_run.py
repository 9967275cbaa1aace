"""Setting up and running the demo network on this machine (three nodes, or all seven)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterable
from pathlib import Path

import httpx
import typer

from mekongx import migrations
from mekongx.accounts.passwords import DEMO_PASSWORD
from mekongx.cli.common import say
from mekongx.db import Database
from mekongx.demo import ALL_NODES, DEMO_NODES, peer_demo_nodes, seed_content, seed_identity
from mekongx.demo_network import (
    seed_asset_request,
    seed_meetings,
    seed_notifications,
    seed_plan,
    seed_port_alert,
    seed_prevention,
)
from mekongx.federation.keys import NodeKeys
from mekongx.i18n import LANGUAGES, N_
from mekongx.settings import Settings

FEDERATION_OFFSET = 100  # each demo node's federation listener: its web port + 100


# Each node shows times in its own zone (Beijing time at NNCC).
DEMO_ZONES = {"ONCB": "Asia/Bangkok", "NNCC": "Asia/Shanghai", "SMCC": "Asia/Bangkok",
              "LCDC": "Asia/Vientiane", "CCDAC": "Asia/Yangon", "NACD": "Asia/Phnom_Penh",
              "C04": "Asia/Ho_Chi_Minh"}  # fmt: skip
# Each agency's default language (visitors, new accounts).
DEMO_LANGUAGES = {"ONCB": "th", "NNCC": "zh", "SMCC": "en", "LCDC": "lo", "CCDAC": "my", "NACD": "km",
                  "C04": "vi"}  # fmt: skip


def _env(agency: str, home: Path, port: int) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MEKONGX_")}
    env.update(
        MEKONGX_ENV="demo",
        MEKONGX_NODE_AGENCY=agency,
        MEKONGX_DATA_DIR=str(home),
        MEKONGX_PUBLIC_URL=f"http://127.0.0.1:{port}",
        MEKONGX_FEDERATION_PORT=str(port + FEDERATION_OFFSET),
        MEKONGX_RETRY_MAX_SECONDS="10",
        MEKONGX_TIMEZONE=DEMO_ZONES.get(agency, "Asia/Bangkok"),
        # the agency's own language, once it is offered (its catalog complete)
        MEKONGX_DEFAULT_LANGUAGE=lang
        if (lang := DEMO_LANGUAGES.get(agency, "en")) in LANGUAGES
        else "en",
    )
    return env


def run_demo(data_dir: Path, port: int, reports: int, serve_it: bool, count: int = 3) -> None:
    if count not in (len(DEMO_NODES), len(ALL_NODES)):
        say(N_("The demo runs 3 or 7 nodes."))
        raise typer.Exit(2)
    names = DEMO_NODES if count == len(DEMO_NODES) else ALL_NODES
    if data_dir.exists():
        shutil.rmtree(data_dir)
    homes = {agency: data_dir / agency for agency in names}
    ports = {agency: port + i for i, agency in enumerate(names)}
    nodes: dict[str, tuple[Database, NodeKeys, str]] = {}
    logins: dict[str, list[tuple[str, str]]] = {}
    for agency, home in homes.items():
        settings = Settings(env="demo", data_dir=home, node_agency=agency)
        home.mkdir(parents=True)
        migrations.upgrade(settings.effective_database_url)
        keys = NodeKeys.create(settings.keys_dir)
        db = Database(settings.effective_database_url, **settings.database_options)
        logins[agency] = seed_identity(db, settings, agency)
        nodes[agency] = (db, keys, f"http://127.0.0.1:{ports[agency] + FEDERATION_OFFSET}")
    peer_demo_nodes(nodes)
    for agency, (db, _keys, _url) in nodes.items():
        seed_content(db, agency, reports=reports)
    seed_meetings(nodes)
    seed_prevention(nodes)
    seed_plan(nodes)
    seed_asset_request(nodes)
    seed_port_alert(nodes)
    seed_notifications(nodes)
    for db, _keys, _url in nodes.values():
        db.dispose()
    if not serve_it:
        for agency in names:
            say(
                N_("Demo node %(agency)s is prepared in %(dir)s"),
                agency=agency,
                dir=str(homes[agency]),
            )
        _print_logins(logins)
        return
    processes = []
    for agency in names:
        log = (homes[agency] / "node.log").open("ab")
        processes.append(
            subprocess.Popen(  # noqa: S603 - our own interpreter and module, no user input
                [sys.executable, "-m", "mekongx.cli.main", "serve", "--port", str(ports[agency])],
                env=_env(agency, homes[agency], ports[agency]),
                stdout=log,
                stderr=log,
            )
        )
        log.close()
    stop = False

    def _stop(*_: object) -> None:
        nonlocal stop
        stop = True

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    # "ready" is said of a node only once its port answers, never before.
    down = _wait_up(ports.values(), processes)
    typer.echo("")
    for agency in names:
        if ports[agency] in down:
            say(
                N_("Demo node %(agency)s did not start; see %(log)s"),
                agency=agency,
                log=str(homes[agency] / "node.log"),
            )
        else:
            say(
                N_("Demo node %(agency)s is ready at %(url)s"),
                agency=agency,
                url=f"http://127.0.0.1:{ports[agency]}/",
            )
    if down:
        stop = True
    else:
        _print_logins(logins)
        say(
            N_("All %(count)s nodes are running; logs in %(dir)s. Ctrl-C stops them."),
            count=len(names),
            dir=str(data_dir),
        )
    try:
        while not stop and all(p.poll() is None for p in processes):
            time.sleep(0.5)
    finally:
        for process in processes:
            if process.poll() is None:
                process.terminate()
        for process in processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
    if down:
        raise typer.Exit(1)


def _print_logins(logins: dict[str, list[tuple[str, str]]]) -> None:
    say(N_("Demo logins (password for all: %(password)s):"), password=DEMO_PASSWORD)
    for agency in logins:
        typer.echo(f"  {agency}: " + ", ".join(f"{user} ({role})" for user, role in logins[agency]))
    typer.echo("")


def _wait_up(ports: Iterable[int], processes: list[subprocess.Popen[bytes]]) -> set[int]:
    """The ports that did not answer /healthz within 120 s (or whose process ended)."""
    deadline = time.monotonic() + 120
    pending = set(ports)
    while pending and time.monotonic() < deadline:
        if any(p.poll() is not None for p in processes):
            break
        for port in list(pending):
            try:
                if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=0.5).status_code == 200:
                    pending.discard(port)
            except httpx.HTTPError:
                pass
        time.sleep(0.2)
    return pending
