"""Storage: engines, sessions, dialect helpers and migrations."""

from mekongx.db import epochs  # noqa: F401  (every process that writes moves the change marks)
from mekongx.db.engine import Database, is_sqlite

__all__ = ["Database", "is_sqlite"]
