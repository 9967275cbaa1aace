"""Full-text search on SQLite (FTS5) and PostgreSQL (tsvector), one interface.

The index holds pre-tokenised text (see :mod:`mekongx.text.tokenize`), so both engines only
ever see plain ASCII words and behave the same. The index tables are created by the first
migration (a virtual table on SQLite, a table with a GIN index on PostgreSQL).
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import TextClause

from mekongx.text import index_tokens, query_tokens

SQLITE_DDL = (
    "CREATE VIRTUAL TABLE search_index USING fts5("
    "uid UNINDEXED, kind UNINDEXED, body, tokenize='unicode61')"
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
    body = index_tokens(content)
    remove_document(session, uid)
    if _dialect(session) == "sqlite":
        result = session.execute(
            text("INSERT INTO search_index (uid, kind, body) VALUES (:uid, :kind, :body)"),
            {"uid": uid, "kind": kind, "body": body},
        )
        # FTS5 cannot index the uid column, so a delete by uid would scan the whole index:
        # remember each document's rowid in an ordinary indexed table instead.
        session.execute(
            text("INSERT INTO search_index_rowids (uid, doc) VALUES (:uid, :doc)"),
            {"uid": uid, "doc": result.lastrowid},  # type: ignore[attr-defined]
        )
    else:
        session.execute(
            text(
                "INSERT INTO search_index (uid, kind, body) "
                "VALUES (:uid, :kind, to_tsvector('simple', :body))"
            ),
            {"uid": uid, "kind": kind, "body": body},
        )


def remove_document(session: Session, uid: str) -> None:
    if _dialect(session) == "sqlite":
        doc = session.execute(
            text("SELECT doc FROM search_index_rowids WHERE uid = :uid"), {"uid": uid}
        ).scalar()
        if doc is not None:
            session.execute(text("DELETE FROM search_index WHERE rowid = :doc"), {"doc": doc})
            session.execute(text("DELETE FROM search_index_rowids WHERE uid = :uid"), {"uid": uid})
        return
    session.execute(text("DELETE FROM search_index WHERE uid = :uid"), {"uid": uid})


def match_clause(
    session: Session, query: str, kind: str
) -> tuple[TextClause, dict[str, str]] | None:
    """A ``SELECT uid, rank`` over documents matching every query token, best first.

    Returns None for a query with no searchable characters.
    """
    tokens = query_tokens(query)
    if not tokens:
        return None
    if _dialect(session) == "sqlite":
        expr = " AND ".join(f'"{t}"' for t in tokens)
        sql = (
            "SELECT uid, bm25(search_index) AS rank FROM search_index "
            "WHERE search_index MATCH :expr AND kind = :kind"
        )
        return text(sql), {"expr": expr, "kind": kind}
    expr = " & ".join(tokens)
    sql = (
        "SELECT uid, -ts_rank(body, to_tsquery('simple', :expr)) AS rank FROM search_index "
        "WHERE body @@ to_tsquery('simple', :expr) AND kind = :kind"
    )
    return text(sql), {"expr": expr, "kind": kind}
