"""Records for benchmarks/api_load.py, written in bulk (history imported before the run, not
through the services): agencies, a user with an API token, intelligence reports with their
full-text documents and named recipients, and published wanted-person notices.

The full-text documents are exactly what the node writes (``mekongx.text.index_tokens`` of
the same text), computed in a pool of processes, one per core, while the previous batch is
written. On PostgreSQL the documents are copied in (``COPY``) and the full-text GIN index is
built once at the end, as a restore would (the schema is the node's own afterwards).
"""

from __future__ import annotations

import json
import os
import random
import uuid
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any

from sqlalchemy import insert, text

from mekongx import migrations
from mekongx.accounts import service as accounts
from mekongx.audit import Actor
from mekongx.db import Database, fts
from mekongx.domains.fugitives.models import Notice
from mekongx.domains.intel.models import IntelReport
from mekongx.model.base import utcnow
from mekongx.model.record import RecordRecipient
from mekongx.settings import Settings
from mekongx.text import index_tokens

WORDS_TH = ["ยาบ้า", "ไอซ์", "เคตามีน", "เชียงราย", "แม่สาย", "หนองคาย", "รถกระบะ", "ชายแดน"]
WORDS_ZH = ["冰毒", "氯胺酮", "西双版纳", "磨憨", "运输", "团伙", "线人", "边境"]
WORDS_EN = ["methamphetamine", "ketamine", "Bokeo", "Tachileik", "pickup", "border", "courier",
            "precursor"]  # fmt: skip
NAMES = [
    "หลาน เว่ยหง 兰卫红 Lan Weihong",
    "จาง ซิน 张鑫 Zhang Xin",
    "หลิว หย่ง 刘勇 Liu Yong",
    "陈建国 Chen Jianguo",
]
PEOPLE = [("Lan Weihong", "兰卫红"), ("Zhang Xin", "张鑫"), ("Liu Yong", "刘勇"),
          ("Somchai Wongsawat", "สมชาย วงศ์สวัสดิ์"), ("Chen Jianguo", "陈建国")]  # fmt: skip
SEARCHES = ["เว่ยหง", "卫红", "Weihong", "冰毒 磨憨", "Bokeo pickup", "ยาบ้า เชียงราย"]
BATCH = 5000
WORKERS = max(1, len(os.sched_getaffinity(0)))  # processes computing the documents


def _base(rng: random.Random, i: int, now: object) -> dict[str, object]:
    """The shared-record columns: a quarter received from NNCC (shared with ONCB), of ONCB's
    own a third kept in the agency and the rest shared with NNCC."""
    origin = "ONCB" if i % 4 else "NNCC"
    return dict(uid=str(uuid.UUID(int=rng.getrandbits(128), version=4)), created_at=now, updated_at=now,
                version=1, language="th", author_name="bench", handling_code="H0", handling_note="",
                received=origin != "ONCB", origin_agency=origin, author_id=None, sharing_group=None,
                distribution="own" if origin == "ONCB" and i % 3 else "peers")  # fmt: skip


def _share(row: dict[str, object]) -> dict[str, object] | None:
    if row["distribution"] != "peers":
        return None
    return {"record_uid": row["uid"], "agency_code": "NNCC" if row["origin_agency"] == "ONCB" else "ONCB"}  # fmt: skip


def seed(url: str, reports: int, notices: int, home: Path) -> str:
    """Create the schema, agencies, a user with an API token and the records; return the token."""
    migrations.upgrade(url)
    db = Database(url)
    settings = Settings(env="test", database_url=url, data_dir=home, node_agency="ONCB")
    actor = Actor.system("ONCB", "bench")
    with db.write() as session:
        for code, country in (("ONCB", "TH"), ("NNCC", "CN"), ("LCDC", "LA")):
            accounts.create_agency(session, actor,
                                   accounts.AgencyInput(code, code, code, code, country, code == "ONCB"))  # fmt: skip
        user = accounts.create_user(session, actor,
            accounts.UserInput("bench", "Bench", "ONCB", "analyst", "Harbour-Load-2567"), settings)  # fmt: skip
        token = accounts.create_api_token(session, actor, user, "bench")
    gin = db.dialect == "postgresql"
    if gin:  # built once at the end, not updated row by row
        with db.write() as session:
            session.execute(text("DROP INDEX ix_search_index_body"))
    with ProcessPoolExecutor(WORKERS) as pool:
        _reports(db, reports, pool)
    _notices(db, notices)
    if gin:
        with db.write() as session:
            session.execute(text(fts.POSTGRES_DDL[1]))
    if db.dialect == "postgresql":  # a real node's autovacuum would have done this by now
        with db.write_engine.connect() as conn:
            conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("VACUUM ANALYZE")
    else:
        with db.write() as session:
            session.execute(text("ANALYZE"))
    db.dispose()
    return token


def _report_batches(count: int) -> Iterator[list[dict[str, object]]]:
    rng, now = random.Random(7), utcnow()
    rows: list[dict[str, object]] = []
    for i in range(count):
        row = _base(rng, i, now)
        title = f"{rng.choice(NAMES)} {rng.choice(WORDS_EN)} {i}"
        narrative = " ".join(rng.choice(WORDS_TH + WORDS_ZH + WORDS_EN) for _ in range(30))
        row.update(title=title, narrative=narrative, source_reliability="B", info_reliability=2,
                   status="active", status_note="", received_from="")  # fmt: skip
        rows.append(row)
        if len(rows) == BATCH or i == count - 1:
            yield rows
            rows = []


def _tokens(texts: list[str]) -> list[str]:
    return [index_tokens(content) for content in texts]


def _submit(pool: ProcessPoolExecutor, texts: list[str]) -> list[Future[list[str]]]:
    """The documents of ``texts`` (``index_tokens``, as the node writes them), one share per
    process of the pool."""
    share = -(-len(texts) // WORKERS)
    return [pool.submit(_tokens, texts[n : n + share]) for n in range(0, len(texts), share)]


def _reports(db: Database, count: int, pool: ProcessPoolExecutor) -> None:
    """Write the reports batch by batch; the next batch's documents are computed meanwhile."""
    pending: tuple[list[dict[str, object]], list[Future[list[str]]]] | None = None
    doc = 0
    for rows in _report_batches(count):
        documents = _submit(pool, [f"{r['title']}\n{r['narrative']}" for r in rows])
        if pending is not None:
            doc = _write_reports(db, *pending, doc)
        pending = rows, documents
    if pending is not None:
        _write_reports(db, *pending, doc)


def _write_reports(
    db: Database, rows: list[dict[str, object]], documents: list[Future[list[str]]], doc: int
) -> int:
    bodies = [body for part in documents for body in part.result()]
    search = [{"doc": doc + n + 1, "uid": r["uid"], "body": body}
              for n, (r, body) in enumerate(zip(rows, bodies, strict=True))]  # fmt: skip
    shares = [s for r in rows if (s := _share(r))]
    with db.write() as session:
        session.execute(insert(IntelReport), rows)
        if shares:
            session.execute(insert(RecordRecipient), shares)
        if db.dialect == "sqlite":  # with what fts.index_document keeps beside the FTS5 table
            session.execute(text("INSERT INTO search_index (rowid, uid, kind, body) "
                                 "VALUES (:doc, :uid, 'intel_report', :body)"), search)  # fmt: skip
            session.execute(text("INSERT INTO search_index_rowids (uid, doc) VALUES (:uid, :doc)"),
                            [{"uid": s["uid"], "doc": s["doc"]} for s in search])  # fmt: skip
        else:
            _copy_documents(session, "intel_report", search)
    return doc + len(rows)


def _copy_documents(session: Any, kind: str, search: list[dict[str, object]]) -> None:
    """PostgreSQL: the documents copied into a scratch table, then turned into the index's
    rows by the node's own expression (``to_tsvector('simple', body)``, as db.fts writes)."""
    session.execute(text("CREATE TEMP TABLE IF NOT EXISTS bench_documents (uid TEXT, body TEXT) "
                         "ON COMMIT DELETE ROWS"))  # fmt: skip
    cursor = session.connection().connection.driver_connection.cursor()
    with cursor.copy("COPY bench_documents (uid, body) FROM STDIN") as copy:
        for row in search:
            copy.write_row((row["uid"], row["body"]))
    session.execute(text("INSERT INTO search_index (uid, kind, body) SELECT uid, :kind, "
                         "to_tsvector('simple', body) FROM bench_documents"), {"kind": kind})  # fmt: skip


def _notices(db: Database, count: int) -> None:
    rng, now = random.Random(11), utcnow()
    rows: list[dict[str, object]] = []
    for i in range(count):
        row = _base(rng, i, now)
        latin, native = rng.choice(PEOPLE)
        names = [{"name": native, "kind": "primary"}, {"name": f"{latin} {i}", "kind": "alias"}]
        row.update(status="published", names=json.dumps(names, ensure_ascii=False), sex="M",
                   birth_date=f"19{60 + i % 40}", nationality="CHN", documents="[]",
                   warrant_reference=f"W-{i:07d}", warrant_authority="Chiang Rai Provincial Court",
                   warrant_date="2025-01-01", charges="Trafficking of methamphetamine",
                   legal_provisions="", remarks="", drafted_by="bench", reviewed_by="bench2",
                   published_by="bench", published_at=now, status_note="", photo_type="",
                   received_from="")  # fmt: skip
        rows.append(row)
        if len(rows) == BATCH or i == count - 1:
            shares = [s for r in rows if (s := _share(r))]
            with db.write() as session:
                session.execute(insert(Notice), rows)
                if shares:
                    session.execute(insert(RecordRecipient), shares)
            rows = []
