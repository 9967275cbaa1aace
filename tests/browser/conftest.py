"""A real demo node process and Debian's chromium driven by Playwright (no browser download)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
PASSWORD = "Mekong-Demo-2567"  # every demo user's
SHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _free_ports(count: int = 3) -> int:
    """The first of ``count`` consecutive free loopback ports (the demo runs three nodes), whose
    federation ports (+100) are free too."""
    for _ in range(50):
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            first: int = sock.getsockname()[1]
        try:
            # the demo's federation listeners are on the web ports + 100
            for offset in (*range(count), *range(100, 100 + count)):
                with socket.socket() as probe:
                    probe.bind(("127.0.0.1", first + offset))
        except OSError:
            continue
        return first
    raise RuntimeError("no free consecutive ports")


@pytest.fixture(scope="session")
def live_node(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``mekongx demo`` as a separate process on a free loopback port (or, while developing, a
    demo already running at ``MEKONGX_TEST_DEMO_URL``, e.g. ``http://127.0.0.1:8000``)."""
    if running := os.environ.get("MEKONGX_TEST_DEMO_URL"):
        yield running.rstrip("/")
        return
    data = tmp_path_factory.mktemp("browser-node")
    port = _free_ports()
    env = {**os.environ, "MEKONGX_LANG": "en"}
    env.pop("MEKONGX_DATABASE_URL", None)
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mekongx.cli.main",
            "demo",
            "--data-dir",
            str(data),
            "--port",
            str(port),
            "--reports",
            "40",
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 400  # seeding three nodes is slow on a loaded machine
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.3)
        if process.poll() is not None:
            output = process.stdout.read().decode() if process.stdout else ""
            pytest.fail(f"demo node exited early:\n{output}")
    else:
        process.kill()
        pytest.fail("demo node did not start within 400 s")
    yield url
    process.terminate()  # the demo stops its three node processes
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
    if process.stdout:
        process.stdout.close()


@pytest.fixture(scope="session")
def browser_instance() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("chromium is mandatory in CI (apt-get install chromium)")
        pytest.skip(
            "Debian's chromium is not installed; browser tests skipped (apt-get install chromium)"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def browse(browser_instance: Any) -> Iterator[Callable[..., Any]]:
    """``browse(url, user, lang)``: a logged-in page in its own context (its own cookies). With
    ``lang`` the language is saved in the user's profile first: the demo node is shared by the
    session's browser tests, and another may have left the user in another language."""
    contexts: list[Any] = []

    def open_as(url: str, username: str, lang: str | None = None, width: int = 1280) -> Any:
        context = browser_instance.new_context(viewport={"width": width, "height": 900})  # type: ignore[attr-defined]
        contexts.append(context)
        page = context.new_page()
        page.goto(f"{url}/login")
        page.fill("#username", username)
        page.fill("#password", PASSWORD)
        page.click("form[action='/login'] button[type=submit]")
        page.wait_for_url(f"{url}/")
        if lang is not None:
            page.select_option("#lang-select", lang)
            page.click("form[action='/lang'] button[type=submit]")
            page.wait_for_load_state()
        return page

    yield open_as
    for context in contexts:
        context.close()


def peer(url: str, offset: int) -> str:
    """The demo node ``offset`` ports after ``url`` (ONCB + 1 = NNCC, + 2 = SMCC)."""
    host, port = url.rsplit(":", 1)
    return f"{host}:{int(port) + offset}"


def shot(page: Any, name: str) -> None:
    """A full-page screenshot in ``var/screenshots`` (checked by eye, in each language)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def eventually(page: Any, url: str, check: Callable[[], bool], what: str, timeout: float = 90) -> None:  # fmt: skip
    """Reload ``url`` until ``check()`` holds (a record crossing the exchange), or fail."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        page.goto(url)
        if check():
            return
        time.sleep(1.5)
    raise AssertionError(f"timed out waiting for {what}")
