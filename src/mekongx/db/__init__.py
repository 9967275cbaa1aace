"""Storage: engines, sessions, dialect helpers and migrations."""

from mekongx.db.engine import Database, is_sqlite

__all__ = ["Database", "is_sqlite"]
