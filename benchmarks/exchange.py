#!/usr/bin/env python3
"""The exchange between two real nodes on loopback: signing, encryption and signed receipts.

    .venv/bin/python benchmarks/exchange.py                          # both engines
    .venv/bin/python benchmarks/exchange.py --rates 250,500,750 --backlog 20000 --engines sqlite

Measures, per engine:
- sustained: a producer queues report envelopes at a steady offered rate (in small
  transactions, 20 a second) for ``--seconds``; reported are the rate delivered (applied at the
  receiver) and the delivery latency p50/p99 (queued at the sender -> applied at the receiver).
  A rate is sustained when the delivered rate keeps up with the offered one and the latency
  stays flat; ``--burst N`` also floods N envelopes as fast as the producer can write them.
- drain: a backlog queued while the receiver was down, delivered when it returns.
- CPU per envelope: the CPU time (user + system, from /proc) the receiver's and the sender's
  node processes spent per envelope delivered in each phase, which depends much less on the
  machine's load than the rates do; beside it, the ceiling server's CPU per envelope-sized
  share of a raw POST (the named baseline, same run) and the ratio to it.
- in-process: ``receive_batch`` alone and ``seal`` alone on this process's CPU clock, per
  envelope (batches of 200 report envelopes), without HTTP.
Beside them, the ceiling: raw HTTP POSTs of a batch-sized body to a bare ASGI endpoint on the
same stack (uvicorn + httpx), in requests/s and in envelope-equivalents/s. The producer runs in
the benchmark process, so producer, sender and receiver share the machine's cores.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import httpx
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from mekongx import migrations
from mekongx.accounts import service as accounts
from mekongx.audit import Actor
from mekongx.db import Database
from mekongx.domains.intel.trust import ORIGIN_FIELDS as ENDORSED
from mekongx.federation import peers as peering
from mekongx.federation.envelope import Header, seal
from mekongx.federation.inbox import receive_batch
from mekongx.federation.keys import NodeKeys, load_enc_public
from mekongx.federation.models import InboxEntry, OutboxEntry, Peer
from mekongx.federation.outbox import enqueue
from mekongx.model.base import utcnow
from mekongx.wiring import install

PG = os.environ.get(
    "MEKONGX_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
BATCH = 200


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class Node:
    def __init__(self, agency: str, home: Path, url: str) -> None:
        self.agency, self.home, self.url = agency, home, url
        self.port = free_port()
        self.federation_port = free_port()
        self.process: subprocess.Popen[bytes] | None = None
        home.mkdir(parents=True)
        migrations.upgrade(url)
        self.keys = NodeKeys.create(home / "keys")
        self.db = Database(url)
        actor = Actor.system(agency, "bench")
        with self.db.write() as session:
            for code in ("ONCB", "NNCC"):
                accounts.create_agency(
                    session,
                    actor,
                    accounts.AgencyInput(code, code, code, code, "TH", code == agency),
                )

    def peer(self, other: Node) -> None:
        actor = Actor.system(self.agency, "bench")
        with self.db.write() as session:
            k = other.keys.current
            peering.add_peer(
                session,
                actor,
                peering.PeerInput(
                    other.agency,
                    f"http://127.0.0.1:{other.federation_port}",
                    k.sign_public,
                    k.enc_public,
                ),
            )
            peering.confirm_peer(session, actor, other.agency, k.fingerprint)

    def start(self) -> None:
        env = {**os.environ, "MEKONGX_ENV": "test", "MEKONGX_NODE_AGENCY": self.agency, "MEKONGX_DATA_DIR": str(self.home),
               "MEKONGX_DATABASE_URL": self.url, "MEKONGX_RETRY_MAX_SECONDS": "1",
               "MEKONGX_FEDERATION_PORT": str(self.federation_port)}  # fmt: skip
        self.process = subprocess.Popen([sys.executable, "-m", "mekongx.cli.main", "serve", "--port", str(self.port)], env=env,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        wait_http(f"http://127.0.0.1:{self.port}/healthz")

    def stop(self) -> None:
        if self.process:
            self.process.terminate()
            self.process.wait()
            self.process = None


TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def node_cpu(node: Node) -> float:
    assert node.process is not None
    return cpu_seconds(node.process.pid)


def wait_http(url: str) -> None:
    deadline = time.monotonic() + 300  # a node starting on a loaded machine can take minutes
    while time.monotonic() < deadline:
        try:
            httpx.get(url, timeout=0.5)
            return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not answer")


def _report_payload(agency: str) -> dict[str, object]:
    """The payload of a typical short report."""
    now = utcnow().isoformat()
    return {"uid": str(uuid.uuid4()), "version": 1, "title": "หลาน เว่ยหง 兰卫红 crossing at Mae Sai",
            "narrative": "Consignment of 400,000 tablets declared as furniture, Laem Chabang to Huay Xai. " * 3,
            "language": "th", "source_reliability": "B", "info_reliability": 2, "handling_code": "H0",
            "handling_note": "", "distribution": "peers", "sharing_group": None, "origin_agency": agency,
            "author_name": "bench", "recipients": ["NNCC"], "created_at": now, "updated_at": now,
            "status": "active", "status_note": ""}  # fmt: skip


def _queue(node: Node, count: int) -> None:
    actor = Actor.system(node.agency, "bench")
    with node.db.write() as session:
        for _ in range(count):
            payload = _report_payload(node.agency)
            enqueue(session, actor, type="information", kind="intel.report", payload=payload,
                    to=["NNCC"], record_uid=str(payload["uid"]))  # fmt: skip


def produce(node: Node, count: int, per_txn: int = 100) -> None:
    """Queue ``count`` report envelopes to NNCC as fast as possible."""
    done = 0
    while done < count:
        _queue(node, min(per_txn, count - done))
        done += min(per_txn, count - done)


def _flood(node: Node, count: int) -> tuple[int, float]:
    produce(node, count)
    return count, 0.0


def produce_at(node: Node, rate: float, seconds: float, ticks: int = 20) -> tuple[int, float]:
    """Queue report envelopes at ``rate`` a second for ``seconds``, ``ticks`` transactions a
    second; returns how many were queued and the share of ticks that ran late (producer lag)."""
    began, done, late = time.monotonic(), 0, 0
    total = int(rate * seconds)
    tick = 0
    while done < total:
        tick += 1
        due = began + tick / ticks
        wanted = min(int(rate * tick / ticks) - done, total - done)
        if wanted > 0:
            _queue(node, wanted)
            done += wanted
        pause = due - time.monotonic()
        if pause > 0:
            time.sleep(pause)
        else:
            late += 1
    return done, late / max(tick, 1)


def received(node: Node) -> int:
    with node.db.read() as session:
        return session.scalar(select(func.count()).select_from(InboxEntry)) or 0


def latencies(sender: Node, receiver: Node, since: float = 0.0) -> list[float]:
    """Delivery latencies (s) of the envelopes queued after ``since`` (a time.time())."""
    with sender.db.read() as session:
        queued = dict(session.execute(select(OutboxEntry.message_id, OutboxEntry.created_at)).all())
    with receiver.db.read() as session:
        applied = dict(session.execute(select(InboxEntry.message_id, InboxEntry.received_at)).all())
    return sorted(
        (applied[m] - queued[m]).total_seconds()
        for m in applied
        if m in queued and _epoch(queued[m]) >= since
    )


def _epoch(moment: datetime) -> float:
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).timestamp()


def _percentiles(values: list[float]) -> tuple[float, float]:
    return statistics.median(values) * 1000, values[max(int(len(values) * 0.99) - 1, 0)] * 1000


def ceiling(home: Path, seconds: float) -> tuple[float, float]:
    """Raw POSTs of a batch-sized body (BATCH envelopes of ~2.3 kB) to a bare ASGI app."""
    (home / "sink.py").write_text(
        "async def app(scope, receive, send):\n"
        "    if scope['type'] != 'http':\n        return\n"
        "    more = True\n    while more:\n        message = await receive()\n        more = message.get('more_body', False)\n"
        "    await send({'type': 'http.response.start', 'status': 200, 'headers': []})\n"
        "    await send({'type': 'http.response.body', 'body': b'{}'})\n"
    )
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "uvicorn", "--app-dir", str(home), "sink:app", "--port", str(port),
                                "--log-level", "warning"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    wait_http(f"http://127.0.0.1:{port}/")
    body = b"x" * (2300 * BATCH)
    count, stop = 0, time.monotonic() + seconds
    with httpx.Client() as client:
        cpu = cpu_seconds(process.pid)
        began = time.monotonic()
        while time.monotonic() < stop:
            client.post(f"http://127.0.0.1:{port}/", content=body)
            count += 1
        elapsed = time.monotonic() - began
        cpu = cpu_seconds(process.pid) - cpu
    process.terminate()
    process.wait()
    CEILING_CPU_MS[0] = cpu * 1000 / (count * BATCH)
    return count / elapsed, count * BATCH / elapsed


CEILING_CPU_MS = [0.0]  # the bare server's CPU ms per envelope-sized share of a POST


def cpu_line(engine: str, phase: str, delivered: int, sender: float, receiver: float) -> str:
    per_r, per_s = receiver * 1000 / delivered, sender * 1000 / delivered
    ratio = per_r / CEILING_CPU_MS[0] if CEILING_CPU_MS[0] else float("nan")
    return (f"{engine:<11} cpu {phase:<9} receiver {per_r:.3f} ms/env, sender {per_s:.3f} ms/env "
            f"({delivered:,} envelopes); receiver / ceiling server {ratio:.1f}x")  # fmt: skip


def _timed(
    sender: Node, receiver: Node, queue: Callable[[], tuple[int, float]]
) -> tuple[int, float, float, float, float, float]:
    """Run ``queue`` (returns how many it queued and a producer lag share), wait until all of
    them are applied at the receiver; (queued, elapsed s, producing s, p50 ms, p99 ms, lag)."""
    cpu = node_cpu(sender), node_cpu(receiver)
    base, since, began = received(receiver), time.time(), time.monotonic()
    queued, lag = queue()
    produced_in = time.monotonic() - began
    deadline = time.monotonic() + 600
    while received(receiver) < base + queued and time.monotonic() < deadline:
        time.sleep(0.1)
    elapsed = time.monotonic() - began
    LAST_CPU[:] = [node_cpu(sender) - cpu[0], node_cpu(receiver) - cpu[1]]
    p50, p99 = _percentiles(latencies(sender, receiver, since))
    return queued, elapsed, produced_in, p50, p99, lag


LAST_CPU = [0.0, 0.0]  # sender, receiver CPU seconds of the last timed phase


def run_engine(
    engine: str,
    url_a: str,
    url_b: str,
    home: Path,
    rates: list[float],
    seconds: float,
    burst: int,
    backlog: int,
) -> None:
    oncb, nncc = (
        Node("ONCB", home / f"{engine}-ONCB", url_a),
        Node("NNCC", home / f"{engine}-NNCC", url_b),
    )
    oncb.peer(nncc)
    nncc.peer(oncb)
    in_process(engine, oncb, nncc)
    nncc.start()
    oncb.start()
    try:
        for rate in rates:
            queued, elapsed, produced_in, p50, p99, lag = _timed(
                oncb, nncc, lambda r=rate: produce_at(oncb, r, seconds)
            )
            print(f"{engine:<11} offered {rate:5.0f}/s  delivered {queued / elapsed:5.0f} env/s  ({queued:,} in {elapsed:.1f} s; "
                  f"producer {queued / produced_in:.0f}/s, late ticks {lag:.0%})  latency p50 {p50:.0f} ms  p99 {p99:.0f} ms  "
                  f"load {os.getloadavg()[0]:.1f}")  # fmt: skip
            print(cpu_line(engine, f"at {rate:.0f}/s", queued, *LAST_CPU))
        if burst:
            queued, elapsed, produced_in, p50, p99, _ = _timed(
                oncb, nncc, lambda: _flood(oncb, burst)
            )
            print(f"{engine:<11} burst      {queued / elapsed:5.0f} env/s  ({queued:,} envelopes; producer alone "
                  f"{queued / produced_in:.0f}/s)  latency p50 {p50:.0f} ms  p99 {p99:.0f} ms (queueing)")  # fmt: skip
        nncc.stop()
        started = time.monotonic()
        produce(oncb, backlog, per_txn=500)
        print(
            f"{engine:<11} backlog    {backlog:,} envelopes queued in {time.monotonic() - started:.1f} s while NNCC was down"
        )
        base = received(nncc)
        nncc.start()
        cpu = node_cpu(oncb), node_cpu(nncc)
        began = time.monotonic()
        deadline = time.monotonic() + 1800
        while received(nncc) < base + backlog and time.monotonic() < deadline:
            time.sleep(0.5)
        elapsed = time.monotonic() - began
        drained = received(nncc) - base
        print(cpu_line(engine, "drain", drained, node_cpu(oncb) - cpu[0], node_cpu(nncc) - cpu[1]))
        print(
            f"{engine:<11} drain      {(received(nncc) - base) / elapsed:7.0f} env/s  ({received(nncc) - base:,} in {elapsed:.1f} s)"
            f"  load {os.getloadavg()[0]:.1f}"
        )
    finally:
        oncb.stop()
        nncc.stop()
        oncb.db.dispose()
        nncc.db.dispose()


def in_process(engine: str, oncb: Node, nncc: Node, count: int = 2000) -> None:
    """``seal`` and ``receive_batch`` alone, on this process's CPU clock, per envelope; the
    link's counters are then set as if the envelopes had gone through the outbox."""
    install()
    recipient = load_enc_public(nncc.keys.current.enc_public)
    began = time.process_time()
    envelopes = []
    for seq in range(1, count + 1):
        payload = {"kind": "intel.report", **_report_payload("ONCB")}
        header = Header(type="information", sender="ONCB", to="NNCC", recipients=["NNCC"],
                        seq=seq, created=utcnow().isoformat(), endorse=list(ENDORSED))  # fmt: skip
        envelopes.append(seal(header, payload, oncb.keys.current.sign, recipient))
    sealing = time.process_time() - began
    began = time.process_time()
    for start in range(0, count, BATCH):
        outcomes = receive_batch(
            nncc.db, nncc.keys, "NNCC", "ONCB", envelopes[start : start + BATCH]
        )
        assert all(o.status == "applied" for o in outcomes), outcomes[0]
    receiving = time.process_time() - began
    with oncb.db.write() as session:
        peer = session.get(Peer, "NNCC")
        assert peer is not None
        peer.next_out_seq = count + 1
    print(f"{engine:<11} in-process seal {sealing * 1000 / count:.3f} ms/env (sender), receive_batch "
          f"{receiving * 1000 / count:.3f} ms/env (receiver), {count:,} envelopes in batches of {BATCH}")  # fmt: skip


def pg_database(tag: str) -> str:
    name = f"mekongx_bench_{tag}_{uuid.uuid4().hex[:6]}"
    admin = create_engine(PG, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return make_url(PG).set(database=name).render_as_string(hide_password=False)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rates", default="250,500,750", help="offered rates, envelopes/s")
    parser.add_argument("--seconds", type=float, default=10.0, help="per offered rate")
    parser.add_argument("--burst", type=int, default=0, help="also flood this many envelopes")
    parser.add_argument("--backlog", type=int, default=100_000)
    parser.add_argument("--engines", default="sqlite,postgresql")
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="mekongx-exchange-"))
    rates = [float(r) for r in args.rates.split(",") if r.strip()]
    print(f"exchange: load avg {os.getloadavg()[0]:.1f}")
    rps, env_rate = ceiling(home, 5)
    print(
        f"{'ceiling':<11} raw POST   {rps:7.0f} req/s of {BATCH}-envelope-sized bodies = {env_rate:,.0f} env/s"
    )
    for engine in args.engines.split(","):
        if engine == "sqlite":
            run_engine(
                engine,
                f"sqlite:///{home / 'a.db'}",
                f"sqlite:///{home / 'b.db'}",
                home,
                rates,
                args.seconds,
                args.burst,
                args.backlog,
            )
        elif engine == "postgresql":
            urls = [pg_database("a"), pg_database("b")]
            try:
                run_engine(
                    engine, urls[0], urls[1], home, rates, args.seconds, args.burst, args.backlog
                )
            finally:
                admin = create_engine(PG, isolation_level="AUTOCOMMIT")
                with admin.connect() as conn:
                    for url in urls:
                        conn.execute(
                            text(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)')
                        )
                admin.dispose()


if __name__ == "__main__":
    main()
