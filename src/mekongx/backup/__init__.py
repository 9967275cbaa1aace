"""Backups of a whole node that restore onto SQLite or PostgreSQL alike: every table, signed
with the node's key, encrypted, checked in full before anything is restored."""

from mekongx.backup.archive import BackupError, Summary, create_backup
from mekongx.backup.restore import restore_backup

__all__ = ["BackupError", "Summary", "create_backup", "restore_backup"]
