"""Records for benchmarks/api_load.py, written in bulk (history imported before the run, not
through the services): agencies, a user with an API token, intelligence reports and seizures
with their full-text documents, published wanted-person notices and precursor declarations
(pre-export notifications), each with its named recipients.

The full-text documents are exactly what the node writes (``mekongx.text.index_tokens`` of
the same text), computed in a pool of processes, one per core, while the previous batch is
written. On PostgreSQL every row is copied in (``COPY``), the documents through the node's own
``to_tsvector``, and the seeded tables' indexes (other than their keys and unique constraints)
and the full-text GIN index are built once at the end, as a restore would (the schema is the
node's own afterwards).
"""

from __future__ import annotations

import json
import os
import random
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select, text

from mekongx import migrations
from mekongx.accounts import service as accounts
from mekongx.audit import Actor
from mekongx.db import Database, fts
from mekongx.domains.fugitives import fulltext as notice_text
from mekongx.domains.fugitives.models import HitAlert, Notice
from mekongx.domains.fugitives.models import ScreeningHit as FugitiveHit
from mekongx.domains.fugitives.models import ScreeningRun as FugitiveRun
from mekongx.domains.intel.models import IntelReport
from mekongx.domains.precursors.models import Notification
from mekongx.domains.precursors.models import ScreeningRun as PrecursorRun
from mekongx.domains.seizures import fulltext as seizure_text
from mekongx.domains.seizures.models import Seizure
from mekongx.domains.wbe.models import WbeCampaign, WbeSite
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
PLACES = [("TH", "TH-57", "Mae Sai", "ด่านแม่สาย Mae Sai checkpoint"),
          ("TH", "TH-57", "Chiang Saen", "ท่าเรือเชียงแสน Chiang Saen port"),
          ("TH", "TH-43", "Mueang Nong Khai", "สะพานมิตรภาพ หนองคาย Friendship Bridge"),
          ("CN", "CN-YN", "Mengla", "磨憨口岸 Mohan port"), ("CN", "CN-YN", "Ruili", "瑞丽 姐告 Jiegao"),
          ("LA", "LA-BK", "Ton Pheung", "Golden Triangle SEZ"), ("MM", "MM-17", "Tachileik", "Tachileik bridge")]  # fmt: skip
MARKINGS = ["WY", "R", "999", "UOGlobe", "Tiger", "天龙", "555", ""]
HIDDEN = ["ซ่อนในถุงชา", "藏在茶叶包装中", "hidden in tea packages", "ใต้พื้นรถกระบะ",
          "pickup floor compartment", "藏于货车夹层", "in rice sacks", "ในกระสอบข้าว"]  # fmt: skip
DRUGS = [("meth_tablets", "tablets"), ("meth_crystal", "kg"), ("heroin", "kg"), ("ketamine", "kg")]
SEIZURE_SEARCHES = ["แม่สาย", "磨憨", "Mae Sai", "WY ถุงชา", "tea packages", "Tachileik"]
SUBSTANCES = [("acetic_anhydride", "Acetic anhydride"), ("ephedrine", "Ephedrine hydrochloride"),
              ("pseudoephedrine", "Pseudoephedrine"), ("toluene", "Toluene"),
              ("potassium_permanganate", "Potassium permanganate")]  # fmt: skip
BATCH = 5000


@dataclass(frozen=True)
class Counts:
    """How many records of each area: half the records are reports (the searched area, as
    before: 500,000 of a million), a fifth notices, a fifth seizures, a tenth declarations."""

    reports: int
    notices: int
    seizures: int
    declarations: int

    @classmethod
    def of(cls, records: int) -> Counts:
        notices, seizures, declarations = records // 5, records // 5, records // 10
        return cls(records - notices - seizures - declarations, notices, seizures, declarations)


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


def seed(url: str, counts: Counts, home: Path) -> str:
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
    tables = [m.__table__.name for m in (IntelReport, Notice, Seizure, Notification, RecordRecipient)]  # fmt: skip
    rebuild = _drop_indexes(db, [*tables, "search_index"]) if db.dialect == "postgresql" else []
    doc = 0
    with ProcessPoolExecutor(WORKERS) as pool:
        doc = _documented(db, pool, IntelReport, _report_batches(counts.reports), fts_kind="intel_report",
                          content=lambda r: f"{r['title']}\n{r['narrative']}", doc=doc)  # fmt: skip
        doc = _documented(db, pool, Seizure, _seizure_batches(counts.seizures), fts_kind=seizure_text.SEARCH_KIND,
                          content=seizure_text.document, doc=doc)  # fmt: skip
        _documented(db, pool, Notice, _notice_batches(counts.notices), fts_kind=notice_text.SEARCH_KIND,
                    content=notice_text.document, doc=doc)  # fmt: skip
    _plain(db, Notification, _declaration_batches(counts.declarations))
    if rebuild:
        with db.write() as session:
            for statement in rebuild:
                session.execute(text(statement))
    _analyze(db)
    return token


def _analyze(db: Database) -> None:
    """The planner's statistics (a real node's autovacuum would have gathered them by now)."""
    if db.dialect == "postgresql":
        with db.write_engine.connect() as conn:
            conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("VACUUM ANALYZE")
    else:
        with db.write() as session:
            session.execute(text("ANALYZE"))
    db.dispose()


def seed_lists(url: str, rows: int) -> None:
    """The lists that hold no full-text documents, ``rows`` rows each, for ONCB's bench user:
    wanted-person screening runs, their hits (one per run, half of them still open, each on
    a seeded notice) and the confirmed hits' alerts on ONCB's own notices; precursor screening
    runs; wastewater campaigns over 20 sites (a site's page lists its campaigns). Written in
    bulk into a database seeded by :func:`seed`."""
    db = Database(url)
    rng, now = random.Random(23), utcnow()
    with db.read() as session:
        notices = session.execute(select(Notice.uid, Notice.origin_agency, Notice.received)
                                  .order_by(Notice.id).limit(rows)).all()  # fmt: skip
    own = [uid for uid, origin, received in notices if origin == "ONCB" and not received]
    names = [latin for latin, _ in PEOPLE]
    for start in range(0, rows, BATCH):
        part = range(start, min(start + BATCH, rows))
        with db.write() as session:
            _insert(session, FugitiveRun, [dict(
                agency="ONCB", user_id=None, username="bench", source="file", file_name=f"hotel-{i}.csv",
                status="done", total=40, done=40, hits=1, rows="[]", created_at=now, finished_at=now)
                for i in part])  # fmt: skip
            _insert(session, PrecursorRun, [dict(
                agency="ONCB", user_id=None, username="bench", file_name=f"customs-{i}.csv", file_size=4096,
                lines_read=40, hits=1, lines_hit=1, skipped=0, created_at=now) for i in part])  # fmt: skip
            _insert(session, HitAlert, [dict(
                uid=str(uuid.UUID(int=rng.getrandbits(128), version=4)), notice_uid=own[i % len(own)],
                from_agency="NNCC", officer="Bench (NNCC)", query_name=names[i % len(names)],
                query_birth_date="", query_nationality="CHN", query_document="", source="hotel.csv",
                probability=round(rng.uniform(0.6, 1.0), 4), note="seen at the hotel", note_language="en",
                note_translations="{}", confirmed_at=now, received_at=now) for i in part])  # fmt: skip
    with db.read() as session:
        runs = list(session.scalars(select(FugitiveRun.id).order_by(FugitiveRun.id)))
    for start in range(0, len(runs), BATCH):
        with db.write() as session:
            _insert(session, FugitiveHit, [dict(
                screening_id=run, row=1, query_name=names[n % len(names)], query_birth_date="",
                query_nationality="CHN", query_document="", notice_uid=notices[n % len(notices)][0],
                matched_name=names[n % len(names)], probability=round(rng.uniform(0.6, 1.0), 4),
                decision="review", reasons="[]", status="open" if n % 2 else "rejected",
                decided_by="", decided_at=None, note="")
                for n, run in enumerate(runs[start:start + BATCH], start)])  # fmt: skip
    with db.write() as session:
        _insert(session, WbeSite, [dict(
            uid=str(uuid.UUID(int=rng.getrandbits(128), version=4)), code=f"BK{n:02d}", plant=f"Plant {n}",
            city="Bangkok", country="TH", latitude=None, longitude=None, population_served=100_000,
            sewer_type="unknown", population_method="census", origin_agency="ONCB", received=False,
            created_at=now, translations="{}") for n in range(20)])  # fmt: skip
    with db.read() as session:
        sites = list(session.scalars(select(WbeSite.id).order_by(WbeSite.id)))

    def campaign(rng: random.Random, i: int, now: Any) -> dict[str, object]:
        week = timedelta(days=7 * (i // len(sites)))  # a campaign a week at each site
        return dict(title=f"Campaign {i}", site_id=sites[i % len(sites)], lab_id=None,
                    period_start=date(2000, 1, 3) + week, period_end=date(2000, 1, 9) + week,
                    parameter_set="SCORE-default@1", notes="")  # fmt: skip

    _plain(db, WbeCampaign, _batches(rows, 29, campaign))
    _analyze(db)


def _drop_indexes(db: Database, tables: list[str]) -> list[str]:
    """PostgreSQL: drop the indexes of ``tables`` that back no constraint (keys and unique
    constraints stay) and return the statements that build them again."""
    with db.write() as session:
        found = session.execute(text(
            "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = 'public' "
            "AND i.tablename = ANY(:tables) AND NOT EXISTS (SELECT 1 FROM pg_constraint c "
            "WHERE c.conname = i.indexname)"), {"tables": tables}).all()  # fmt: skip
        for name, _ in found:
            session.execute(text(f'DROP INDEX "{name}"'))
    return [definition for _, definition in found]


def _batches(count: int, seed: int, make: Callable[[random.Random, int, Any], dict[str, object]]) -> Iterator[list[dict[str, object]]]:  # fmt: skip
    rng, now = random.Random(seed), utcnow()
    rows: list[dict[str, object]] = []
    for i in range(count):
        row = _base(rng, i, now)
        row.update(make(rng, i, now))
        rows.append(row)
        if len(rows) == BATCH or i == count - 1:
            yield rows
            rows = []


def _report_batches(count: int) -> Iterator[list[dict[str, object]]]:
    def make(rng: random.Random, i: int, now: Any) -> dict[str, object]:
        title = f"{rng.choice(NAMES)} {rng.choice(WORDS_EN)} {i}"
        narrative = " ".join(rng.choice(WORDS_TH + WORDS_ZH + WORDS_EN) for _ in range(30))
        return dict(title=title, narrative=narrative, source_reliability="B", info_reliability=2,
                    status="active", status_note="", received_from="")  # fmt: skip

    return _batches(count, 7, make)


def _seizure_batches(count: int) -> Iterator[list[dict[str, object]]]:
    first = date(2018, 1, 1)

    def make(rng: random.Random, i: int, now: Any) -> dict[str, object]:
        country, admin1, admin2, place = rng.choice(PLACES)
        drug, unit = rng.choice(DRUGS)
        quantity = Decimal(rng.randint(1, 400_000)) if unit == "tablets" else Decimal(rng.randint(1, 90_000)) / 100  # fmt: skip
        return dict(reference=f"S-{i:07d}", seized_on=first + timedelta(days=i * 3000 // max(count, 1)),
                    country=country, admin1=admin1, admin2=admin2, place=place, drug=drug, unit=unit,
                    quantity=quantity, quantity_kg=None if unit == "tablets" else quantity,
                    tablets=int(quantity) if unit == "tablets" else None, markings=rng.choice(MARKINGS),
                    concealment=rng.choice(HIDDEN), remarks=" ".join(rng.choice(WORDS_TH + WORDS_EN) for _ in range(6)),
                    arrests=rng.randint(0, 4), status="active", status_note="", received_from="")  # fmt: skip

    return _batches(count, 13, make)


def _notice_batches(count: int) -> Iterator[list[dict[str, object]]]:
    def make(rng: random.Random, i: int, now: Any) -> dict[str, object]:
        latin, native = rng.choice(PEOPLE)
        names = [{"name": native, "kind": "primary"}, {"name": f"{latin} {i}", "kind": "alias"}]
        return dict(status="published", names=json.dumps(names, ensure_ascii=False), sex="M",
                    birth_date=f"19{60 + i % 40}", nationality="CHN", documents="[]",
                    warrant_reference=f"W-{i:07d}", warrant_authority="Chiang Rai Provincial Court",
                    warrant_date="2025-01-01", charges="Trafficking of methamphetamine",
                    legal_provisions="", remarks="", drafted_by="bench", reviewed_by="bench2",
                    published_by="bench", published_at=now, status_note="", photo_type="",
                    received_from="")  # fmt: skip

    return _batches(count, 11, make)


def _declaration_batches(count: int) -> Iterator[list[dict[str, object]]]:
    """Pre-export notifications of precursors, answered long ago (confirmed), as most of a
    node's years of declarations are."""

    def make(rng: random.Random, i: int, now: Any) -> dict[str, object]:
        substance, name = rng.choice(SUBSTANCES)
        quantity = float(rng.randint(100, 200_000))
        return dict(reference=f"PEN-{i:07d}", importer_agency="NNCC" if i % 4 else "ONCB",
                    exporter_name="Siam Chemical Trading Co., Ltd.", exporter_address="Bangkok",
                    importer_name="云南化工进出口有限公司", importer_address="昆明", consignee="",
                    substance_id=substance, substance_name=name, quantity_kg=quantity, quantity=quantity,
                    unit="kg", concentration_pct=None, preparation=False, packaging="200 l drums",
                    transport_mode="road", transit_countries="LA", import_permit=f"IP-{i:07d}",
                    legal_basis="", port_of_exit="Chiang Khong", port_of_entry="Mohan", route="R3A",
                    expected_dispatch=None, response_days=15, state="confirmed", sent_at=now,
                    deadline_at=now, answer_note="")  # fmt: skip

    return _batches(count, 17, make)


def _tokens(texts: list[str]) -> list[str]:
    return [index_tokens(content) for content in texts]


def _submit(pool: ProcessPoolExecutor, texts: list[str]) -> list[Future[list[str]]]:
    """The documents of ``texts`` (``index_tokens``, as the node writes them), one share per
    process of the pool."""
    share = -(-len(texts) // WORKERS)
    return [pool.submit(_tokens, texts[n : n + share]) for n in range(0, len(texts), share)]


def _documented(db: Database, pool: ProcessPoolExecutor, model: Any, batches: Iterator[list[dict[str, object]]],
                fts_kind: str, content: Callable[[dict[str, object]], str], doc: int) -> int:  # fmt: skip
    """Write the records batch by batch with their documents of ``fts_kind``; the next batch's
    documents are computed meanwhile. ``doc``: the last document number written (SQLite)."""
    pending: tuple[list[dict[str, object]], list[Future[list[str]]]] | None = None
    for rows in batches:
        documents = _submit(pool, [content(r) for r in rows])
        if pending is not None:
            doc = _write_documented(db, model, fts_kind, *pending, doc)
        pending = rows, documents
    if pending is not None:
        doc = _write_documented(db, model, fts_kind, *pending, doc)
    return doc


def _write_documented(db: Database, model: Any, kind: str, rows: list[dict[str, object]],
                      documents: list[Future[list[str]]], doc: int) -> int:  # fmt: skip
    bodies = [body for part in documents for body in part.result()]
    search = [{"doc": doc + n + 1, "uid": r["uid"], "body": body}
              for n, (r, body) in enumerate(zip(rows, bodies, strict=True))]  # fmt: skip
    shares = [s for r in rows if (s := _share(r))]
    with db.write() as session:
        _insert(session, model, rows)
        _insert(session, RecordRecipient, shares)
        if db.dialect == "sqlite":  # with what fts.index_document keeps beside the FTS5 table
            session.execute(text(fts.SQLITE_INSERT), [{**row, "kind": kind} for row in search])
            session.execute(text("INSERT INTO search_index_rowids (uid, doc) VALUES (:uid, :doc)"),
                            [{"uid": s["uid"], "doc": s["doc"]} for s in search])  # fmt: skip
        else:
            _copy_documents(session, kind, search)
    return doc + len(rows)


def _plain(db: Database, model: Any, batches: Iterator[list[dict[str, object]]]) -> None:
    """Records without full-text documents, with their named recipients."""
    for rows in batches:
        with db.write() as session:
            _insert(session, model, rows)
            _insert(session, RecordRecipient, [s for r in rows if (s := _share(r))])


def _insert(session: Any, model: Any, rows: list[dict[str, object]]) -> None:
    """Bulk insert: one executemany on SQLite, ``COPY`` on PostgreSQL (every column but the
    generated key, a missing value taking the column's default)."""
    if not rows:
        return
    if session.get_bind().dialect.name == "sqlite":
        session.execute(insert(model), rows)
        return
    table = model.__table__
    columns = [
        c
        for c in table.columns
        if not (c.primary_key and c.autoincrement is True and c.name == "id")
    ]
    defaults = {c.name: c.default.arg if c.default is not None and c.default.is_scalar else None for c in columns}  # fmt: skip
    names = ", ".join(f'"{c.name}"' for c in columns)
    cursor = session.connection().connection.driver_connection.cursor()
    with cursor.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy:
        for row in rows:
            copy.write_row([row.get(c.name, defaults[c.name]) for c in columns])


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
