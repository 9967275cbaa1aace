#!/usr/bin/env python3
"""First render of the regional picture's map (``/seizures/picture``) in Debian's chromium
driven by Playwright, on a demo node's data.

    PYTHONPATH=src .venv/bin/python benchmarks/map_render.py                # starts a demo node
    PYTHONPATH=src .venv/bin/python benchmarks/map_render.py --url http://127.0.0.1:8000 --runs 9

Logs in as ONCB's analyst, then loads the page ``--runs`` times with the browser's cache emptied
before each load (a first visit: every script, the outlines and the provinces fetched) and
``--runs`` times with it kept (a return visit). For each load it reads, from the page's own clock
(milliseconds since the navigation started): DOMContentLoaded, load, and the moment the map was
drawn (``#seizure-map`` gets ``data-drawn``, seen by a MutationObserver installed before the
page's scripts run). Each load is done twice in turn: as shipped, and with the provinces' file
answered by an empty collection (the map as it was before the provinces, the baseline measured
under the same load). Prints the median and the slowest of each, and the machine's load average
(the figures are wall clock on a shared machine).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
from playwright.sync_api import sync_playwright

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
PASSWORD = "Mekong-Demo-2567"  # noqa: S105 - every demo user's, printed by the demo
FLAGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
WATCH = """
window.__drawnAt = null;
new MutationObserver(function (changes, observer) {
  var map = document.getElementById("seizure-map");
  if (map && map.getAttribute("data-drawn") === "true") {
    window.__drawnAt = performance.now();
    observer.disconnect();
  }
}).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-drawn"] });
"""
TIMES = """() => {
  const nav = performance.getEntriesByType("navigation")[0];
  return { dom: nav.domContentLoadedEventEnd, load: nav.loadEventEnd, drawn: window.__drawnAt,
           units: document.querySelectorAll("#seizure-map path.admin1").length,
           places: document.querySelectorAll("#seizure-map circle.place").length };
}"""


def start_demo(port: int, data: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "MEKONGX_LANG": "en"}
    env.pop("MEKONGX_DATABASE_URL", None)
    command = [sys.executable, "-m", "mekongx.cli.main", "demo", "--data-dir", str(data),
               "--port", str(port), "--reports", "40"]  # fmt: skip
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return process
        except httpx.HTTPError:
            time.sleep(0.5)
    process.terminate()
    raise SystemExit("the demo node did not start")


EMPTY = '{"type":"FeatureCollection","features":[]}'


def measure(url: str, runs: int, since: str) -> dict[str, list[dict[str, Any]]]:
    results: dict[str, list[dict[str, Any]]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.add_init_script(WATCH)
        page = context.new_page()
        page.goto(f"{url}/login")
        page.fill("#username", "somchai")
        page.fill("#password", PASSWORD)
        page.click("form[action='/login'] button[type=submit]")
        page.wait_for_url(f"{url}/")
        cdp = context.new_cdp_session(page)
        target = f"{url}/seizures/picture?since={since}"
        page.goto(target)  # warms the node (templates, totals) before anything is timed
        page.wait_for_selector("#seizure-map[data-drawn=true]")
        for kind in ("first visit", "return visit"):
            for _ in range(runs):
                for variant in ("with provinces", "without (baseline)"):
                    if variant.startswith("without"):
                        page.route("**/ne-admin1-mekong.json*", lambda route: route.fulfill(
                            body=EMPTY, content_type="application/json"))  # fmt: skip
                    if kind == "first visit":
                        cdp.send("Network.clearBrowserCache")
                    page.goto(target)
                    page.wait_for_selector("#seizure-map[data-drawn=true]")
                    page.wait_for_load_state("load")
                    results.setdefault(f"{kind}, {variant}", []).append(page.evaluate(TIMES))
                    page.unroute("**/ne-admin1-mekong.json*")
        browser.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--url", help="a running demo node (ONCB); without it one is started")
    parser.add_argument("--port", type=int, default=19760, help="web port of the started demo")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--since", default="2024-01-01", help="the page's period start")
    args = parser.parse_args()
    process = None
    with tempfile.TemporaryDirectory(prefix="map-render-") as data:
        url = args.url
        if url is None:
            process = start_demo(args.port, Path(data))
            url = f"http://127.0.0.1:{args.port}"
        try:
            results = measure(url.rstrip("/"), args.runs, args.since)
        finally:
            if process is not None:
                process.terminate()
                process.wait(timeout=30)
    print(
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; {args.runs} loads each"
    )
    for kind, loads in results.items():
        print(f"{kind}: {loads[0]['units']} province paths, {loads[0]['places']} circles")
        for key, label in (("dom", "DOMContentLoaded"), ("load", "load"), ("drawn", "map drawn")):
            values = [round(load[key]) for load in loads]
            print(f"  {label:17} median {statistics.median(values):6.0f} ms   slowest {max(values):6.0f} ms")  # fmt: skip


if __name__ == "__main__":
    main()
