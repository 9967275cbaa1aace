"""Full-text search on SQLite (FTS5) and PostgreSQL (tsvector), one interface.

The index holds pre-tokenised text (see :mod:`mekongx.text.tokenize`), so both engines only
ever see plain ASCII words and behave the same. The index tables are created by the first
migration (a virtual table on SQLite, a table with a GIN index on PostgreSQL).

On SQLite a document's kind is a word of the index too (its own column, the whole kind one
token: ``_`` is a token character, and the documents' words never hold one), matched with the
query's words: a search of one kind skips the other kinds' documents inside FTS5's lists
instead of reading each one's stored row (migration ``0027_search_kinds``).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    String,
    Text,
    and_,
    bindparam,
    column,
    func,
    literal_column,
    select,
    table,
    text,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import TextClause

from mekongx.text import Plan, index_tokens, query_plan

SQLITE_DDL = (
    "CREATE VIRTUAL TABLE search_index USING fts5("
    "uid UNINDEXED, kind, body, tokenize=\"unicode61 tokenchars '_'\")"
)
SQLITE_INSERT = (
    "INSERT INTO search_index (rowid, uid, kind, body) VALUES (:doc, :uid, :kind, :body)"
)
SQLITE_ROWIDS_DDL = (
    "CREATE TABLE search_index_rowids (uid VARCHAR(36) PRIMARY KEY, doc INTEGER NOT NULL)"
)
POSTGRES_DDL = (
    "CREATE TABLE search_index (uid VARCHAR(36) PRIMARY KEY, kind VARCHAR(32) NOT NULL, "
    "body TSVECTOR NOT NULL)",
    "CREATE INDEX ix_search_index_body ON search_index USING GIN (body)",
)


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def index_document(session: Session, uid: str, kind: str, content: str) -> None:
    """Add or replace one document in the index, in the caller's transaction."""
    index_documents(session, [(uid, kind, content)])


def index_documents(session: Session, documents: Sequence[tuple[str, str, str]]) -> None:
    """Add or replace ``(uid, kind, content)`` documents with a few bulk statements."""
    if not documents:
        return
    remove_documents(session, [uid for uid, _, _ in documents])
    rows: list[dict[str, str | int]] = [
        {"uid": uid, "kind": kind, "body": index_tokens(content)}
        for uid, kind, content in documents
    ]
    if _dialect(session) == "sqlite":
        # FTS5 cannot index the uid column, so a delete by uid would scan the whole index:
        # each document's rowid is kept in an ordinary indexed table. The writer holds the
        # database's write lock, so it can number the new rows itself.
        last = session.execute(
            text("SELECT rowid FROM search_index ORDER BY rowid DESC LIMIT 1")
        ).scalar()
        for number, row in enumerate(rows, start=int(last or 0) + 1):
            row["doc"] = number
        session.execute(text(SQLITE_INSERT), rows)
        session.execute(
            text("INSERT INTO search_index_rowids (uid, doc) VALUES (:uid, :doc)"),
            [{"uid": row["uid"], "doc": row["doc"]} for row in rows],
        )
    else:
        session.execute(
            text(
                "INSERT INTO search_index (uid, kind, body) "
                "VALUES (:uid, :kind, to_tsvector('simple', :body))"
            ),
            rows,
        )


def index_all(session: Session, kind: str, documents: Iterable[tuple[str, str]]) -> int:
    """Add or replace every ``(uid, content)`` document of ``kind``, a thousand at a time (an
    area's rebuild after a restore, or a migration's for records written before their area
    indexed them); how many."""
    count = 0
    batch: list[tuple[str, str, str]] = []
    for uid, content in documents:
        batch.append((uid, kind, content))
        if len(batch) == 1000:
            index_documents(session, batch)
            count, batch = count + len(batch), []
    index_documents(session, batch)
    return count + len(batch)


def remove_kind(session: Session, kind: str) -> None:
    """Remove every document of ``kind`` (a migration's downgrade: a scan, which works on every
    revision of the SQLite index)."""
    if _dialect(session) == "sqlite":
        session.execute(
            text(
                "DELETE FROM search_index_rowids WHERE uid IN "
                "(SELECT uid FROM search_index WHERE kind = :kind)"
            ),
            {"kind": kind},
        )
    session.execute(text("DELETE FROM search_index WHERE kind = :kind"), {"kind": kind})


def remove_document(session: Session, uid: str) -> None:
    remove_documents(session, [uid])


def remove_documents(session: Session, uids: Sequence[str]) -> None:
    if not uids:
        return
    if _dialect(session) == "sqlite":
        stmt = text("SELECT doc FROM search_index_rowids WHERE uid IN :uids").bindparams(
            bindparam("uids", expanding=True)
        )
        docs = [{"doc": doc} for doc in session.execute(stmt, {"uids": list(uids)}).scalars()]
        if docs:
            session.execute(text("DELETE FROM search_index WHERE rowid = :doc"), docs)
            session.execute(
                text("DELETE FROM search_index_rowids WHERE uid IN :uids").bindparams(
                    bindparam("uids", expanding=True)
                ),
                {"uids": list(uids)},
            )
        return
    session.execute(
        text("DELETE FROM search_index WHERE uid IN :uids").bindparams(
            bindparam("uids", expanding=True)
        ),
        {"uids": list(uids)},
    )


def _expression(plan: Plan, dialect: str) -> str:
    """The plan (any group of all slots of any alternative of all words) in the engine's query
    language; every word is ``[a-z0-9]`` only (see ``mekongx.text``), so nothing needs quoting
    beyond FTS5's phrase quotes."""
    if dialect == "sqlite":
        word, both, either = '"{}"'.format, " AND ", " OR "
    else:
        word, both, either = "{}".format, " & ", " | "

    def all_of(parts: list[str]) -> str:
        return parts[0] if len(parts) == 1 else "(" + both.join(parts) + ")"

    def any_of(parts: list[str]) -> str:
        return parts[0] if len(parts) == 1 else "(" + either.join(parts) + ")"

    return any_of(
        [
            all_of([any_of([all_of([word(w) for w in alt]) for alt in slot]) for slot in group])
            for group in plan
        ]
    )


def _of_kind(kind: str) -> str:
    """FTS5: the documents of ``kind`` (its column holds the kind as one word)."""
    return f'kind : "{kind}"'


def sqlite_match(plan: Plan, kind: str) -> str:
    """FTS5: the documents of ``kind`` whose body matches the plan, one expression."""
    return f"{_of_kind(kind)} AND body : ({_expression(plan, 'sqlite')})"


def match_clause(
    session: Session, query: str, kind: str
) -> tuple[TextClause, dict[str, str]] | None:
    """A ``SELECT uid, rank`` over documents matching the query, best first: every word of it,
    with places, telephone numbers and (for a Latin query) sounds found in any script (see
    ``mekongx.text.query_plan``). Returns None for a query with no searchable characters.
    """
    plan = query_plan(query)
    if not plan:
        return None
    if _dialect(session) == "sqlite":
        sql = "SELECT uid, bm25(search_index) AS rank FROM search_index WHERE search_index MATCH :expr"
        return text(sql), {"expr": sqlite_match(plan, kind)}
    sql = (
        "SELECT uid, -ts_rank(body, to_tsquery('simple', :expr)) AS rank FROM search_index "
        "WHERE body @@ to_tsquery('simple', :expr) AND kind = :kind"
    )
    return text(sql), {"expr": _expression(plan, "postgresql"), "kind": kind}


SEARCH_TABLE = table(
    "search_index", column("uid", String), column("kind", String), column("body", Text)
)


@dataclass(frozen=True)
class Match:
    uid: str
    doc: int  # the document's number in the index (newer documents have higher numbers)
    rank: float  # lower first


BM25_K1, BM25_B = 1.2, 0.75  # FTS5's own bm25() constants


def newest_window() -> Select[Any]:
    """SQLite: the newest documents matching ``:mekongx_fts_expr`` (:func:`sqlite_match`: a
    kind and the query's words) below document number ``:mekongx_fts_below``, newest first,
    at most ``:mekongx_fts_window`` of them: each one's uid, number (``doc``) and body. FTS5
    walks its lists from the newest document and stops, so a word found in half a million
    documents costs what the window costs. One statement for every query (the values are
    bound), ranked by :func:`ranked`."""
    doc = literal_column("search_index.rowid", Integer)
    matching = literal_column("search_index").op("MATCH")(bindparam("mekongx_fts_expr", type_=String))  # fmt: skip
    return (
        select(SEARCH_TABLE.c.uid, doc.label("doc"), SEARCH_TABLE.c.body)
        .where(matching, doc < bindparam("mekongx_fts_below", type_=Integer))
        .order_by(doc.desc())
        .limit(bindparam("mekongx_fts_window", type_=Integer))
    )


def ranked(plan: Plan, documents: Sequence[tuple[str, int, str]]) -> list[Match]:
    """``(uid, doc, body)`` documents (a window of :func:`newest_window`), best first, then
    newest: BM25 of each for the plan's words, the words' weights and the mean length taken
    from ``documents`` themselves, not FTS5's ``bm25()``: that function first counts every
    document of the whole index that holds each word of the query, a full read of each word's
    list, which was nine tenths of a search's time at a million documents and grew with the
    index. The documents of a window all hold every word the query requires, so their order
    comes from how often and how densely they hold the query's words, and a word only some of
    them hold (one spelling or sound of a name among several) weighs more, as with bm25().
    A body is the space-separated words of ``index_tokens``: each word is counted by
    ``str.count`` in the body with its spaces doubled (two copies of a word side by side are
    two matches), not by splitting the body into a list of its words."""
    words = sorted({w for group in plan for slot in group for alt in slot for w in alt})
    if not documents or not words:
        return []
    spaced = [(w, f" {w} ") for w in words]
    counted = []
    for uid, doc, body in documents:
        if not body or " " in (body[0], body[-1]) or "  " in body:  # not as index_tokens writes
            body = " ".join(body.split())
        padded = " " + body.replace(" ", "  ") + " "
        length = body.count(" ") + 1 if body else 0
        counted.append((uid, doc, length, {w: n for w, key in spaced if (n := padded.count(key))}))
    total = len(counted)
    mean = sum(length for _, _, length, _ in counted) / total or 1.0
    holding = {w: sum(1 for *_, held in counted if w in held) for w in words}
    weight = {w: math.log(1 + (total - n + 0.5) / (n + 0.5)) for w, n in holding.items()}
    matches = []
    for uid, doc, length, held in counted:
        norm = BM25_K1 * (1 - BM25_B + BM25_B * length / mean)
        score = sum(weight[w] * (n := held[w]) * (BM25_K1 + 1) / (n + norm) for w in words if w in held)  # fmt: skip
        matches.append(Match(uid, doc, -score))
    return sorted(matches, key=lambda m: (m.rank, -m.doc))


def postgresql_match(plan: Plan) -> str:
    """PostgreSQL: the plan as ``to_tsquery('simple', ...)`` reads it (the value of
    ``:mekongx_fts_expr`` in :func:`match_and_rank`)."""
    return _expression(plan, "postgresql")


def match_and_rank() -> tuple[ColumnElement[bool], ColumnElement[float]]:
    """PostgreSQL: the condition that a row of :data:`SEARCH_TABLE` is a document of kind
    ``:mekongx_fts_kind`` matching ``:mekongx_fts_expr`` (:func:`postgresql_match`), and its
    rank (lower first), to put in the records' own query: the same expressions for every
    query, the values bound."""
    tsquery = func.to_tsquery("simple", bindparam("mekongx_fts_expr", type_=String))
    body, kind = SEARCH_TABLE.c.body, bindparam("mekongx_fts_kind", type_=String)
    return and_(body.op("@@")(tsquery), SEARCH_TABLE.c.kind == kind), -func.ts_rank(body, tsquery)
