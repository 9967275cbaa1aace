"""Backup and restore give back the same data and a valid audit chain, on either engine: every
table and column type of the models, a demo node's content, and an honest audit of the run."""

from __future__ import annotations

import enum
import hashlib
import json
import shutil
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import (
    JSON,
    BigInteger,
    CheckConstraint,
    Column,
    Date,
    Enum,
    Interval,
    MetaData,
    Numeric,
    Table,
    Time,
    Uuid,
    insert,
    select,
)
from sqlalchemy.types import TypeDecorator

from mekongx import migrations
from mekongx.audit import Actor, AuditEvent, record, verify_chain
from mekongx.backup import BackupError, create_backup, restore_backup
from mekongx.backup.rows import TableCodec
from mekongx.db import Database
from mekongx.demo import peer_demo_nodes, seed_content, seed_identity
from mekongx.domains.intel import service as intel
from mekongx.domains.seizures import service as seizures
from mekongx.domains.seizures.schemas import SeizureInput
from mekongx.federation.keys import NodeKeys
from mekongx.settings import Settings
from mekongx.validation import parse


@pytest.fixture
def keys(tmp_path: Path) -> NodeKeys:
    return NodeKeys.create(tmp_path / "keys")


@pytest.fixture
def second(second_db_url: str) -> Iterator[Database]:
    db = Database(second_db_url)
    yield db
    db.dispose()


def dump(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    out = {}
    with db.read() as session:
        for table in migrations.metadata().sorted_tables:
            rows = session.execute(select(table).order_by(*table.primary_key.columns)).all()
            out[table.name] = [tuple(r) for r in rows]
    return out


def assert_same_content(before: dict[str, Any], after: dict[str, Any]) -> None:
    """Every table equal row for row; the audit log has the restore's own entry on top."""
    assert set(before) == set(after)
    for table, rows in before.items():
        if table == "audit_events":
            assert after[table][: len(rows)] == rows
            assert [r[5] for r in after[table][len(rows) :]] == ["backup.restore"]
        elif table != "audit_head":
            assert after[table] == rows, table


# --- every column type of the models ----------------------------------------------------------

# Check constraints need values chosen for them; a new one fails the test until it is listed.
CHECKED: dict[str, list[dict[str, Any]]] = {
    "wbe_measurements": [
        {"censored": False},
        {"censored": True, "concentration_ng_l": None, "loq_ng_l": 0.5},
    ],
    "prev_comparability": [{"verdict": "same"}, {"verdict": "not_comparable"}],
    "prev_programmes": [
        {"country": "TH", "method": "peer_clubs", "year_basis": "th_fiscal", "target_group": "youth"},
        {"country": "CN", "method": "online_classroom", "year_basis": "calendar",
         "target_group": "students"},
    ],
    "training_courses": [{"course_type": "course"}, {"course_type": "study_visit"}],
    "prev_indicators": [{"kind": "rate"}, {"kind": "level"}],
    "prev_reach": [
        {"measure": "participants", "sex": "f", "count": 12, "age_band": "12-14"},
        {"measure": "schools", "sex": "all", "count": 0, "age_band": "all"},
    ],
    "prev_units": [{"kind": "school"}, {"kind": "friend_corner"}],
    "training_participants": [
        {"score": 87.5, "reaction": 4, "behaviour": 5},
        {"score": None, "reaction": None, "behaviour": None},
    ],
    "prev_activities": [{"kind": "camp", "participants": 40}, {"kind": "online", "participants": None}],
    "prev_outcomes": [{"numerator": 45, "denominator": 50}, {"numerator": 3, "denominator": None}],
}  # fmt: skip


def _value(column: Column[Any], variant: int) -> Any:
    """A representative value of the column's Python type, different for each variant."""
    kind = column.type.impl_instance if isinstance(column.type, TypeDecorator) else column.type
    kind = kind.python_type
    if kind is bool:
        return variant == 0
    if kind is int:
        return 7 + variant
    if kind is float:
        return 0.1 + variant * 1e-7 - 3.25e5
    if kind is Decimal:
        return Decimal("12.25") + variant  # fits the narrowest column (numeric(5, 2))
    if kind is datetime:
        return datetime(2024, 7, 10, 9, 30, 15, 123456 + variant, tzinfo=UTC)
    if kind is date:
        return date(2567 - 543, 7, 10 + variant)
    if kind is bytes:
        return bytes(range(256)) * 3 + bytes([variant])
    if kind is str:
        text = f'{variant}-หลาน เว่ยหง 兰卫红 "quoted" \\ back\nline'
        length = getattr(column.type, "length", None)
        return text[: length or None]
    raise AssertionError(f"no representative value for {column.table.name}.{column.name}: {kind}")


def _rows_for(table: Table, inserted: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    rows = []
    for variant in (0, 1):
        row: dict[str, Any] = {}
        for column in table.columns:
            fks = list(column.foreign_keys)
            if fks:
                target = fks[0].column
                if column.nullable and variant == 1 and not column.primary_key:
                    row[column.name] = None
                else:
                    row[column.name] = inserted[target.table.name][variant][target.name]
            elif column.nullable and variant == 1 and not column.primary_key:
                row[column.name] = None
            else:
                row[column.name] = _value(column, variant)
        row.update(CHECKED[table.name][variant] if table.name in CHECKED else {})
        rows.append(row)
    return rows


def test_the_generated_rows_cover_every_check_constraint() -> None:
    for table in migrations.metadata().sorted_tables:
        if any(isinstance(c, CheckConstraint) for c in table.constraints):
            assert table.name in CHECKED, f"choose values for the check constraint of {table.name}"


def test_every_table_and_column_type_round_trips(
    database: Database, second: Database, keys: NodeKeys, tmp_path: Path
) -> None:
    tables = migrations.metadata().sorted_tables
    inserted: dict[str, list[dict[str, Any]]] = {}
    with database.write() as session:
        for table in tables:
            if table.name in ("audit_events", "audit_head"):
                continue  # written by the audit log itself, so that the chain verifies
            inserted[table.name] = _rows_for(table, inserted)
            session.execute(insert(table), inserted[table.name])
        record(session, Actor(7, "somchai", "ONCB", "req"), "test.fill", why="ทดสอบ 测试")
    types = {type(c.type).__name__ for t in tables for c in t.columns}
    assert {"Date", "UTCDateTime", "LargeBinary", "Boolean", "Float", "Text"} <= types
    before = dump(database)
    assert all(before[t.name] for t in tables), "every table has rows"
    archive = tmp_path / "all.backup"
    create_backup(database, archive, "ONCB", keys)
    restore_backup(second, archive, "ONCB", keys)
    after = dump(second)
    # the source's audit log gained its backup.create row after the snapshot
    before["audit_events"] = before["audit_events"][:1]
    assert_same_content(before, after)
    with second.read() as session:
        assert verify_chain(session)[1] == []


# --- a demo node ------------------------------------------------------------------------------


def test_a_demo_node_round_trips(
    db_url: str, second: Database, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """ONCB seeded as `mekongx demo` seeds it (peered with NNCC and SMCC, content queued for
    them), backed up and restored into an empty database: every table equal."""
    nodes: dict[str, tuple[Database, NodeKeys, str]] = {}
    for i, agency in enumerate(("ONCB", "NNCC", "SMCC")):
        if agency == "ONCB":
            url = db_url
        else:
            path = tmp_path / f"{agency}.db"
            shutil.copyfile(request.getfixturevalue("_sqlite_template"), path)
            url = f"sqlite:///{path}"
        settings = Settings(env="demo", data_dir=tmp_path / agency, node_agency=agency)
        db = Database(url)
        seed_identity(db, settings, agency)
        keys = NodeKeys.create(settings.keys_dir)
        nodes[agency] = (db, keys, f"http://127.0.0.1:{18000 + i}")
    peer_demo_nodes(nodes)
    oncb, keys, _ = nodes["ONCB"]
    seed_content(oncb, "ONCB", reports=120)
    before = dump(oncb)
    archive = tmp_path / "oncb.backup"
    create_backup(oncb, archive, "ONCB", keys)
    before["audit_events"] = dump(oncb)["audit_events"][:-1]  # without its own backup.create
    restore_backup(second, archive, "ONCB", keys)
    assert_same_content(before, dump(second))
    assert sum(len(rows) for rows in before.values()) > 500
    for db, _, _ in nodes.values():
        db.dispose()


def test_round_trip_keeps_search_working(world: Any, second: Database, tmp_path: Path) -> None:
    world.report(
        "thai_liaison",
        title="หลาน เว่ยหง ที่เชียงราย",
        distribution="peers",
        recipients=["NNCC"],
        language="th",
    )
    with world.db.write() as session:
        seizure = parse(SeizureInput, {"reference": "ONCB-2026-0412", "seized_on": "2026-03-14",
                                       "country": "TH", "drug": "heroin", "quantity": "12",
                                       "unit": "kg", "place": "ด่านบ้านป่ายางอำเภอแม่สาย"})  # fmt: skip
        seizures.create_seizure(session, world.principal("thai_liaison"), seizure)
    keys = NodeKeys.create(world.settings.keys_dir)
    archive = tmp_path / "node.backup"
    create_backup(world.db, archive, "ONCB", keys)
    restore_backup(second, archive, "ONCB", keys)
    with second.read() as session:
        viewer = world.principal("thai_viewer")
        assert {r.title for r in intel.search_reports(session, viewer, "เว่ยหง")} == {
            "หลาน เว่ยหง ที่เชียงราย"
        }
        assert [s.reference for s in seizures.search(session, viewer, "แม่สาย", 10)] == [
            "ONCB-2026-0412"
        ]


# --- the audit records what happened ---------------------------------------------------------


def _actions(db: Database) -> list[tuple[str, dict[str, Any]]]:
    with db.read() as session:
        return [
            (e.action, json.loads(e.details))
            for e in session.scalars(select(AuditEvent).order_by(AuditEvent.seq))
        ]


def test_backup_create_is_audited_after_the_file_is_complete(
    database: Database, keys: NodeKeys, tmp_path: Path
) -> None:
    archive = tmp_path / "b" / "node.backup"
    create_backup(database, archive, "ONCB", keys)
    assert archive.stat().st_mode & 0o777 == 0o600
    assert not archive.with_name("node.backup.partial").exists()
    action, details = _actions(database)[-1]
    assert action == "backup.create"
    assert details["sha256"] == hashlib.sha256(archive.read_bytes()).hexdigest()
    assert details["bytes"] == archive.stat().st_size


def test_a_failed_backup_is_audited_as_failed_and_leaves_no_file(
    database: Database, keys: NodeKeys, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(BackupError, match="could not be written"):
        create_backup(database, blocker / "node.backup", "ONCB", keys)
    actions = [a for a, _ in _actions(database)]
    assert "backup.create" not in actions and actions[-1] == "backup.failed"
    assert not [p for p in tmp_path.rglob("*") if p.name.startswith("node.backup")]


# --- column types no model uses yet -----------------------------------------------------------


class Colour(enum.Enum):
    RED = "red"
    GREEN = "green"


def test_other_column_types_round_trip_through_the_row_codec(
    database: Database, second: Database
) -> None:
    """JSON, Numeric, Enum, Time, Uuid, Interval and BigInteger: written as a line and read
    back into another database give the same values (ready for the first area that uses them)."""
    metadata = MetaData()
    table = Table(
        "backup_codec_probe",
        metadata,
        Column("id", BigInteger, primary_key=True, autoincrement=False),
        Column("doc", JSON),
        Column("amount", Numeric(12, 4, asdecimal=True)),
        Column("colour", Enum(Colour)),
        Column("label", Enum("draft", "sent", name="probe_label")),
        Column("at", Time),
        Column("ref", Uuid),
        Column("wait", Interval),
        Column("on", Date),
    )
    row = {
        "id": 2**40,
        "doc": {"title": "兰卫红", "n": [1, 2.5, None], "when": "2024-07-10"},
        "amount": Decimal("12345678.1234"),
        "colour": Colour.GREEN,
        "label": "sent",
        "at": time(23, 59, 58, 999999),
        "ref": uuid.UUID("12345678-1234-5678-1234-567812345678"),
        "wait": timedelta(days=3, seconds=7, microseconds=11),
        "on": date(2024, 7, 10),
    }
    codec = TableCodec(table)
    try:
        for db in (database, second):
            with db.write() as session:
                metadata.create_all(session.connection())
        with database.write() as session:
            session.execute(insert(table), [row])
        with database.read() as session:
            stored = dict(session.execute(select(table)).mappings().one())
        line = codec.line(stored)
        with second.write() as session:
            session.execute(insert(table), [codec.row(line)])
        with second.read() as session:
            copied = dict(session.execute(select(table)).mappings().one())
        assert stored == copied == row
    finally:
        for db in (database, second):
            with db.write() as session:
                metadata.drop_all(session.connection())
