"""``mekongx db …``, ``mekongx audit verify``, ``mekongx backup`` and ``mekongx restore``."""

from __future__ import annotations

from pathlib import Path

import typer

from mekongx import migrations
from mekongx.audit import verify_chain
from mekongx.backup import BackupError, create_backup, restore_backup
from mekongx.cli.common import fail, load_settings, open_database, say
from mekongx.i18n import N_

db_app = typer.Typer(help="Database schema: upgrade to the latest version, show the current one.")
audit_app = typer.Typer(help="The tamper-evident audit log.")


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Apply every pending migration to the node's database."""
    settings = load_settings()
    open_database(settings).dispose()
    migrations.upgrade(settings.effective_database_url)
    say(
        N_("Database is at revision %(rev)s."),
        rev=migrations.current_revision(settings.effective_database_url),
    )


@db_app.command("current")
def db_current() -> None:
    """Print the schema revision of the node's database."""
    settings = load_settings()
    say(
        N_("Database is at revision %(rev)s."),
        rev=migrations.current_revision(settings.effective_database_url),
    )


@audit_app.command("verify")
def audit_verify() -> None:
    """Check every row of the audit log; exit 1 if any was edited, deleted or reordered."""
    settings = load_settings()
    db = open_database(settings)
    with db.read() as session:
        count, problems = verify_chain(session)
    for problem in problems:
        say(N_("Row %(seq)s: %(problem)s"), seq=problem.seq, problem=problem.problem)
    if problems:
        fail(
            N_("Audit chain BROKEN: %(n)s problems in %(count)s rows."),
            n=len(problems),
            count=count,
        )
    say(N_("Audit chain intact: %(count)s rows verified."), count=count)


def backup(
    target: Path = typer.Argument(..., help="File to write, e.g. mekongx-2024-07-10.tar.gz"),
) -> None:
    """Write a consistent backup of every table (works on SQLite and PostgreSQL)."""
    settings = load_settings()
    db = open_database(settings)
    try:
        summary = create_backup(db, target, settings.node_agency, progress=True)
    except BackupError as error:
        fail(error.message, 2, **error.params)
    say(N_("Backup written to %(path)s: %(rows)s rows."), path=str(target), rows=summary.rows)


def restore(
    source: Path = typer.Argument(..., exists=True, dir_okay=False, help="A backup file."),
) -> None:
    """Restore a backup into an empty database (run `mekongx db upgrade` first if needed)."""
    settings = load_settings()
    db = open_database(settings)
    migrations.upgrade(settings.effective_database_url)
    try:
        summary = restore_backup(db, source, settings.node_agency, progress=True)
    except BackupError as error:
        fail(error.message, 2, **error.params)
    say(N_("Restored %(rows)s rows; audit chain intact."), rows=summary.rows)
