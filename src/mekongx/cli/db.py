"""``mekongx db …``, ``mekongx audit verify``, ``mekongx backup`` and ``mekongx restore``."""

from __future__ import annotations

import os
from pathlib import Path

import typer

from mekongx import migrations
from mekongx.audit import verify_chain
from mekongx.backup import BackupError, create_backup, restore_backup
from mekongx.cli.common import cli_language, fail, load_settings, open_database, say
from mekongx.federation.keys import KeyFileError, NodeKeys
from mekongx.i18n import N_, translator

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


def _passphrase(wanted: bool, confirm: bool) -> str | None:
    """The backup passphrase: from MEKONGX_BACKUP_PASSPHRASE, else asked for (not echoed)."""
    if not wanted:
        return None
    given = os.environ.get("MEKONGX_BACKUP_PASSPHRASE")
    if given is None:
        _ = translator(cli_language())
        given = str(
            typer.prompt(_("Backup passphrase"), hide_input=True, confirmation_prompt=confirm)
        )
    return given


_ENCRYPT_HELP = (
    "Encrypt with a passphrase instead of the node's key (read from MEKONGX_BACKUP_PASSPHRASE, "
    "else asked for)."
)


def backup(
    target: Path = typer.Argument(..., help="File to write, e.g. mekongx-2024-07-10.backup"),
    passphrase: bool = typer.Option(False, "--passphrase", help=_ENCRYPT_HELP),
) -> None:
    """Write a signed, encrypted backup of every table (SQLite or PostgreSQL), file mode 0600.

    Encrypted to the node's own key by default: keep a copy of the key directory (data_dir/keys)
    somewhere safe, or use --passphrase for a backup that opens without it."""
    settings = load_settings()
    try:
        keys = NodeKeys.load(settings.keys_dir)
    except KeyFileError as error:
        fail(N_("No node keys: %(problem)s"), 2, problem=str(error))
    secret = _passphrase(passphrase, confirm=True)
    if secret is not None and len(secret) < settings.password_min_length:
        fail(
            N_("The passphrase must have at least %(n)s characters."),
            2,
            n=settings.password_min_length,
        )
    db = open_database(settings)
    try:
        summary = create_backup(
            db, target, settings.node_agency, keys, passphrase=secret, progress=True
        )
    except BackupError as error:
        fail(error.message, 2, **error.params)
    say(N_("Backup written to %(path)s: %(rows)s rows."), path=str(target), rows=summary.rows)
    say(N_("SHA-256 of the file: %(sha256)s"), sha256=summary.sha256)


def restore(
    source: Path = typer.Argument(..., exists=True, dir_okay=False, help="A backup file."),
    passphrase: bool = typer.Option(
        False, "--passphrase", help="The backup was encrypted with a passphrase (asked for)."
    ),
    trust_fingerprint: str = typer.Option(
        None,
        help="Fingerprint of another node whose backup you mean to restore "
        "(by default only this node's own backups are accepted).",
    ),
) -> None:
    """Restore a backup into an empty database (migrated first if needed).

    The whole file is checked first (decryption, signature, every member's SHA-256); the rows
    are then loaded in one transaction and the audit chain must verify and end at the head the
    backup recorded. On any problem nothing is restored (exit 2)."""
    settings = load_settings()
    try:
        keys: NodeKeys | None = NodeKeys.load(settings.keys_dir)
    except KeyFileError:
        keys = None
    secret = _passphrase(passphrase, confirm=False)
    db = open_database(settings)
    migrations.upgrade(settings.effective_database_url)
    try:
        summary = restore_backup(
            db,
            source,
            settings.node_agency,
            keys,
            passphrase=secret,
            trust=trust_fingerprint,
            progress=True,
        )
    except BackupError as error:
        fail(error.message, 2, **error.params)
    say(N_("Restored %(rows)s rows; audit chain intact."), rows=summary.rows)
