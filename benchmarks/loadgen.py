"""The HTTP load generator of benchmarks/api_load.py: keep-alive HTTP/1.1 connections, each
sending one request and waiting for its answer before the next, the paths drawn at random.

``wrk`` (compiled; Debian's package ``wrk``, measured with 4.1.0-3+b2) when it is installed,
else a Python generator over raw asyncio streams (uvloop), one process per core given. The
generator must cost far less per request than the server it loads: the 32 asyncio httpx
clients used until 2026-12-03 cost about 3 ms of CPU per request, so they, not the server,
set the "ceiling" of a bare ASGI hello (150-314 req/s where wrk then measured 2,500-3,400 on
the same loaded machine, and the hello server itself spent 0.06 ms of CPU per request).
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote


@dataclass(frozen=True)
class Load:
    rps: float
    p50: float  # ms
    p99: float  # ms
    errors: int  # answers other than 200, time-outs and broken connections
    requests: int


def generator() -> str:
    return "wrk" if shutil.which("wrk") else "python"


def run(port: int, paths: list[str], headers: dict[str, str], clients: int, seconds: float,
        pin: set[int]) -> Load:  # fmt: skip
    """Load ``http://127.0.0.1:port`` with ``paths`` from processes pinned to ``pin``."""
    paths = [quote(path, safe="/?&=%") for path in paths]  # a query in Thai, as a browser sends it
    if generator() == "wrk":
        return _wrk(port, paths, headers, clients, seconds, pin)
    return _python(port, paths, headers, clients, seconds, pin)


WRK_SCRIPT = """
local paths = {%(paths)s}
%(headers)s
function init(args) math.randomseed(%(seed)d) end
function request() return wrk.format("GET", paths[math.random(#paths)]) end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('\\n{"requests": %%d, "us": %%d, "p50": %%d, "p99": %%d, "errors": %%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.status + e.timeout))
end
"""


def _wrk(port: int, paths: list[str], headers: dict[str, str], clients: int, seconds: float,
         pin: set[int]) -> Load:  # fmt: skip
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT % {
            "paths": ", ".join(json.dumps(p) for p in paths),
            "headers": "\n".join(f"wrk.headers[{json.dumps(k)}] = {json.dumps(v)}" for k, v in headers.items()),
            "seed": 3,
        })  # fmt: skip
    try:
        done = subprocess.run(
            ["wrk", f"-t{len(pin)}", f"-c{clients}", f"-d{max(round(seconds), 1)}s", "--timeout", "30s",
             "-s", script.name, f"http://127.0.0.1:{port}"],
            check=True, capture_output=True, text=True,
            preexec_fn=lambda: os.sched_setaffinity(0, pin),
        )  # fmt: skip
    finally:
        Path(script.name).unlink()
    [found] = [
        json.loads(line) for line in done.stdout.splitlines() if line.startswith('{"requests"')
    ]
    return Load(found["requests"] / (found["us"] / 1e6), found["p50"] / 1000,
                found["p99"] / 1000, found["errors"], found["requests"])  # fmt: skip


def _python(port: int, paths: list[str], headers: dict[str, str], clients: int, seconds: float,
            pin: set[int]) -> Load:  # fmt: skip
    cores = sorted(pin)
    share = [clients // len(cores) + (n < clients % len(cores)) for n in range(len(cores))]
    children = []
    for n, (core, count) in enumerate(zip(cores, share, strict=True)):
        job = json.dumps({"port": port, "paths": paths, "headers": headers, "clients": count,
                          "seconds": seconds, "seed": n})  # fmt: skip
        child = subprocess.Popen([sys.executable, __file__], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                 preexec_fn=lambda c=core: os.sched_setaffinity(0, {c}))  # fmt: skip
        assert child.stdin is not None
        child.stdin.write(job.encode())
        child.stdin.close()
        children.append(child)
    latencies: list[float] = []
    errors, rps = 0, 0.0
    for child in children:
        assert child.stdout is not None
        found = json.loads(child.stdout.read())
        child.wait()
        latencies += found["latencies"]
        errors += found["errors"]
        rps += len(found["latencies"]) / found["seconds"]
    latencies.sort()
    p50 = latencies[len(latencies) // 2] * 1000 if latencies else 0.0
    p99 = latencies[max(int(len(latencies) * 0.99) - 1, 0)] * 1000 if latencies else 0.0
    return Load(rps, p50, p99, errors, len(latencies))


async def _load(job: dict) -> dict:  # type: ignore[type-arg]
    head = "".join(f"{k}: {v}\r\n" for k, v in job["headers"].items())
    requests = [f"GET {p} HTTP/1.1\r\nHost: 127.0.0.1\r\n{head}\r\n".encode() for p in job["paths"]]
    latencies: list[float] = []
    errors = 0
    stop = time.monotonic() + job["seconds"]

    async def client(n: int) -> None:
        nonlocal errors
        rng = random.Random(job["seed"] * 1000 + n)
        reader, writer = await asyncio.open_connection("127.0.0.1", job["port"])
        while time.monotonic() < stop:
            started = time.perf_counter()
            writer.write(rng.choice(requests))
            try:
                status = await _answer(reader)
            except (OSError, asyncio.IncompleteReadError):
                errors += 1
                writer.close()
                reader, writer = await asyncio.open_connection("127.0.0.1", job["port"])
                continue
            latencies.append(time.perf_counter() - started)
            errors += status != 200
        writer.close()

    began = time.monotonic()
    await asyncio.gather(*(client(n) for n in range(job["clients"])))
    return {"latencies": latencies, "errors": errors, "seconds": time.monotonic() - began}


async def _answer(reader: asyncio.StreamReader) -> int:
    """Read one answer (a length or chunked body); its status."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    status = int(lines[0].split()[1])
    length, chunked = 0, False
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        name = name.strip().lower()
        if name == b"content-length":
            length = int(value)
        elif name == b"transfer-encoding":
            chunked = b"chunked" in value.lower()
    if not chunked:
        await reader.readexactly(length)
        return status
    while size := int((await reader.readuntil(b"\r\n")).split(b";")[0], 16):
        await reader.readexactly(size + 2)
    await reader.readuntil(b"\r\n")
    return status


if __name__ == "__main__":
    try:
        import uvloop

        found = uvloop.run(_load(json.loads(sys.stdin.read())))
    except ImportError:
        found = asyncio.run(_load(json.loads(sys.stdin.read())))
    print(json.dumps(found))
