"""An audited read in one statement: the record read and its audit row written together.

A detail read of a sensitive record writes an audit row whose ``target_id`` is the record's
uid, which the read returns. On PostgreSQL the read, the head's guarded move and the row's
insert are one statement (one round trip instead of two)::

    WITH r AS (SELECT <record> WHERE <visible> AND id = :ident),
         h AS (SELECT r.uid, encode(sha256(convert_to(:prefix || to_json(r.uid)::text
                                                      || :suffix, 'UTF8')), 'hex') AS hash FROM r),
         moved AS (UPDATE audit_head SET seq = :new_seq, hash = (SELECT hash FROM h)
                   WHERE id = 1 AND seq = :seen_seq AND hash = :seen_hash
                     AND EXISTS (SELECT FROM h) RETURNING hash),
         ins AS (INSERT INTO audit_events (...) SELECT :seq, ..., h.uid, ..., moved.hash
                 FROM moved JOIN h ON true RETURNING hash)
    SELECT r.*, (SELECT hash FROM ins) FROM r

The row's hash is the chain's own (``log._hash``): Python writes the JSON text of every hashed
field but the uid, the database puts the uid's JSON string between the two halves and takes
the SHA-256 of it; Python then checks the hash it is given against its own over the uid read,
and refuses (the transaction fails, nothing is written) if they ever differ. No record (missing
or not visible) means no row in ``r``, so the head does not move and nothing is written. Where
the head moved elsewhere (another process, a rolled-back transaction), the record is still
read and the row follows the locked head as ``record`` writes it. SQLite (in-process, no round
trip to save) and a process that knows no head yet read first and then ``record``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from sqlalchemy import (
    Select,
    Text,
    bindparam,
    cast,
    exists,
    func,
    insert,
    literal_column,
    select,
    true,
    update,
)
from sqlalchemy.orm import Session, aliased

from mekongx.audit.log import (
    _EVENT_COLUMNS,
    _EVENT_TABLE,
    _HASHED,
    _HEAD,
    _HEAD_TABLE,
    Actor,
    _dumps,
    _event,
    _fields,
    _hash,
    _last_head,
    _moved,
    record,
)

_TARGET = _HASHED.index("target_id")  # where the uid goes among the hashed fields
_SQL = ("target_id", "hash")  # the row's columns the statement fills in itself


def read_recorded(
    session: Session,
    actor: Actor,
    found: Select[Any],
    params: dict[str, Any],
    action: str,
    target_type: str,
    *,
    why: str = "",
    details: dict[str, Any] | None = None,
) -> Any | None:
    """The one entity ``found`` selects (run with ``params``; it has a ``uid``), with the audit
    row ``record(session, actor, action, target_type, <its uid>, why=…, details=…)`` written
    in the same transaction; None, and nothing written, where ``found`` finds nothing.

    ``found`` must be built once and passed again (the joined statement is kept per object)."""
    bind = session.get_bind()
    held: tuple[int, str] | None = session.info.get(_HEAD)
    guess = held if held is not None else _last_head.get(bind)
    if bind.dialect.name != "postgresql" or guess is None:
        target = session.scalars(found, params).first()
        if target is not None:
            record(session, actor, action, target_type, target.uid, why=why, details=details)
        return target
    event = _event(actor, action, target_type, "", why, details)
    event["seq"], event["prev_hash"] = guess[0] + 1, guess[1]
    fields = _fields(event)
    values = {f"audit_{name}": event[name] for name in _EVENT_COLUMNS if name not in _SQL}
    row = session.execute(
        _joined(found),
        {
            **params,
            **values,
            "seen_seq": guess[0],
            "seen_hash": guess[1],
            "audit_prefix": _dumps(fields[:_TARGET])[:-1] + ",",
            "audit_suffix": "," + _dumps(fields[_TARGET + 1 :])[1:],
        },
    ).first()
    if row is None:
        return None
    target, written = row
    if written is None:  # the head moved elsewhere: follow the real one, locked
        if held is None and _last_head.get(bind) == guess:
            del _last_head[bind]  # known stale: not tried a second time
        record(session, actor, action, target_type, target.uid, why=why, details=details)
        return target
    event["target_id"] = str(target.uid)
    if written != _hash(event):
        raise RuntimeError("the database's hash of an audit row differs from the chain's")
    _moved(session, bind, (event["seq"], written))
    return target


@lru_cache(maxsize=1024)
def _joined(found: Select[Any]) -> Select[Any]:
    """``found`` and the audit row of what it finds, one PostgreSQL statement (see the
    module's docstring). Built once per ``found`` with bound parameters."""
    model = found.column_descriptions[0]["entity"]
    r = found.cte("r")
    blob = bindparam("audit_prefix", type_=Text) + cast(func.to_json(r.c.uid), Text)
    blob = blob + bindparam("audit_suffix", type_=Text)
    digest = func.encode(func.sha256(func.convert_to(blob, literal_column("'UTF8'"))), literal_column("'hex'"))  # fmt: skip
    h = select(r.c.uid.label("uid"), digest.label("hash")).cte("h")
    head = _HEAD_TABLE.c
    moved = (
        update(_HEAD_TABLE)
        .where(head.id == 1, head.seq == bindparam("seen_seq"), head.hash == bindparam("seen_hash"))
        .where(exists(select(h.c.uid)))
        .values(seq=bindparam("audit_seq"), hash=select(h.c.hash).scalar_subquery())
        .returning(head.hash)
        .cte("moved")
    )
    columns: list[Any] = []
    for name in _EVENT_COLUMNS:
        if name == "target_id":
            columns.append(h.c.uid)
        elif name == "hash":
            columns.append(moved.c.hash)
        else:
            columns.append(bindparam(f"audit_{name}", type_=_EVENT_TABLE.c[name].type))
    rows = select(*columns).select_from(moved.join(h, true()))
    ins = (
        insert(_EVENT_TABLE)
        .from_select(list(_EVENT_COLUMNS), rows)
        .returning(_EVENT_TABLE.c.hash)
        .cte("ins")
    )
    return select(aliased(model, r), select(ins.c.hash).scalar_subquery())
