"""``mekongx db …``, ``mekongx audit …``, ``mekongx backup`` and ``mekongx restore``."""

from __future__ import annotations

import json
import os
from pathlib import Path

import typer

from mekongx import migrations
from mekongx.accounts import service as accounts
from mekongx.audit import Actor, record, record_read, verify_chain
from mekongx.backup import BackupError, create_backup, restore_backup
from mekongx.cli.common import cli_language, fail, load_settings, open_database, say
from mekongx.federation.checkpoints import (
    CheckpointRefused,
    held_for,
    verify_anchored,
    write_checkpoint,
)
from mekongx.federation.keys import KeyFileError, NodeKeys
from mekongx.federation.keystore import load_node_keys
from mekongx.i18n import N_, translator
from mekongx.settings import Settings

db_app = typer.Typer(help="Database schema: upgrade to the latest version, show the current one.")
audit_app = typer.Typer(help="The tamper-evident audit log.")


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Apply every pending migration to the node's database; then disable any account of
    another agency (each is named; `mekongx users foreign` lists them)."""
    settings = load_settings()
    open_database(settings).dispose()
    migrations.upgrade(settings.effective_database_url, keys_dir=settings.keys_dir)
    say(
        N_("Database is at revision %(rev)s."),
        rev=migrations.current_revision(settings.effective_database_url),
    )
    _disable_foreign_accounts(settings)


def _disable_foreign_accounts(settings: Settings) -> None:
    """Accounts of other agencies (allowed before issue 10) are disabled at upgrade, each
    named, since a partner's users act on their own node and reach this one by the exchange."""
    db = open_database(settings)
    with db.write() as session:
        actor = Actor.system(settings.node_agency, "upgrade")
        disabled = [
            (user.username, user.agency_code)
            for user in accounts.disable_foreign_accounts(session, actor, settings)
        ]
    db.dispose()
    for username, agency in disabled:
        say(
            N_(
                "Disabled %(name)s: the account belongs to %(agency)s, another agency. Its "
                "user logs in on %(agency)s's own node; list such accounts with "
                "`mekongx users foreign`."
            ),
            name=username,
            agency=agency,
        )


@db_app.command("current")
def db_current() -> None:
    """Print the schema revision of the node's database."""
    settings = load_settings()
    say(
        N_("Database is at revision %(rev)s."),
        rev=migrations.current_revision(settings.effective_database_url),
    )


@db_app.command("reindex")
def db_reindex() -> None:
    """Rebuild the search index of every area that writes one (reports, seizures, prevention
    programmes, training courses, financial cases, requests for information, precursor
    incidents, meetings, wanted-person notices; places, telephone numbers and sounds in other scripts included):
    needed after a restore, or once for records indexed before their area was. Prints how many
    records of each kind."""
    from mekongx.wiring import reindex_all  # every area's indexer: loaded only for this command

    settings = load_settings()
    database = open_database(settings)
    try:
        with database.write() as session:
            counts = reindex_all(session)
            actor = Actor.system(settings.node_agency, "cli")
            record(session, actor, "search.reindex", "node", settings.node_agency, details=counts)
    finally:
        database.dispose()
    say(N_("Search index rebuilt: %(count)s records."), count=sum(counts.values()))
    _ = translator(cli_language())
    for kind, count in counts.items():
        say(N_("%(kind)s: %(count)s"), kind=_(kind), count=count)


def _keys_or_none(settings: Settings) -> NodeKeys | None:
    try:
        return load_node_keys(settings)
    except KeyFileError:
        return None


@audit_app.command("verify")
def audit_verify(
    checkpoints: list[Path] = typer.Option(
        [],
        "--checkpoints",
        exists=True,
        dir_okay=False,
        help="A file of this node's checkpoints held by a peer (its `mekongx audit "
        "export-checkpoints`); may be given several times.",
    ),
) -> None:
    """Check the audit log: its hash chain, and that it agrees with the signed checkpoints of
    data_dir/audit-checkpoints.jsonl and of any --checkpoints file. Exit 1 at the first break."""
    settings = load_settings()
    db = open_database(settings)
    keys = _keys_or_none(settings)
    with db.read() as session:
        count, problems = verify_chain(session)
        anchored = verify_anchored(session, settings, keys, checkpoints) if keys else None
    for problem in problems:
        say(N_("Row %(seq)s: %(problem)s"), seq=problem.seq, problem=problem.problem)
    firsts = [problem.seq for problem in problems]
    if anchored is None:
        say(N_("No node keys: the signed checkpoints cannot be checked."))
    else:
        for where in anchored.unverifiable:
            say(N_("Checkpoint %(where)s is not signed by this node's keys; ignored."), where=where)
        for gap in anchored.breaks:
            message = (
                N_(
                    "Rows %(first)s to %(last)s are missing: the checkpoint signed at %(at)s "
                    "(%(source)s) covers row %(last)s."
                )
                if gap.kind == "missing"
                else N_(
                    "Rows %(first)s to %(last)s differ from what the checkpoint signed at "
                    "%(at)s (%(source)s) covers."
                )
            )
            say(message, first=gap.first, last=gap.last, at=gap.at, source=gap.source)
            firsts.append(gap.first)
    if firsts:
        fail(
            N_("Audit chain BROKEN: %(n)s problems in %(count)s rows; the first at row %(first)s."),
            n=len(firsts),
            count=count,
            first=min(firsts),
        )
    say(N_("Audit chain intact: %(count)s rows verified."), count=count)
    if anchored is not None:
        say(N_("It agrees with %(n)s signed checkpoints."), n=anchored.checked)


@audit_app.command("checkpoint")
def audit_checkpoint() -> None:
    """Sign the audit head now: append it to data_dir/audit-checkpoints.jsonl and queue it for
    every confirmed peer (the worker also does this every MEKONGX_AUDIT_CHECKPOINT_MINUTES)."""
    settings = load_settings()
    try:
        keys = load_node_keys(settings)
    except KeyFileError as error:
        fail(N_("No node keys: %(problem)s"), 2, problem=str(error))
    db = open_database(settings)
    try:
        statement = write_checkpoint(db, settings, keys)
    except CheckpointRefused as error:
        fail(
            N_(
                "Not signed: the audit chain no longer extends the last checkpoint (rows "
                "%(first)s to %(last)s changed). Run `mekongx audit verify`."
            ),
            first=error.breaks[0].first,
            last=error.breaks[0].last,
        )
    if statement is None:
        say(N_("The audit log is empty: nothing to sign."))
        return
    say(
        N_("Checkpoint signed: row %(seq)s, hash %(hash)s."),
        seq=statement["seq"],
        hash=statement["hash"],
    )


@audit_app.command("export-checkpoints")
def audit_export_checkpoints(
    agency: str = typer.Argument(..., help="The peer agency whose checkpoints to write."),
    target: Path = typer.Argument(..., help="File to write (one signed checkpoint a line)."),
) -> None:
    """Write the signed checkpoints of a peer's audit log that this node holds, for that peer's
    `mekongx audit verify --checkpoints FILE`."""
    settings = load_settings()
    db = open_database(settings)
    with db.write() as session:
        statements = held_for(session, agency)
        record_read(
            session,
            Actor.system(settings.node_agency),
            "audit.checkpoints-export",
            "agency",
            agency,
            details={"count": len(statements), "file": target.name},
        )
    target.write_text(
        "".join(json.dumps(s, ensure_ascii=False, sort_keys=True) + "\n" for s in statements),
        encoding="utf-8",
    )
    say(
        N_("%(n)s checkpoints of %(agency)s written to %(path)s."),
        n=len(statements),
        agency=agency,
        path=str(target),
    )


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
        keys = load_node_keys(settings)
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
    keys = _keys_or_none(settings)
    secret = _passphrase(passphrase, confirm=False)
    db = open_database(settings)
    migrations.upgrade(settings.effective_database_url, keys_dir=settings.keys_dir)
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
    if keys is not None:  # the restored head is the new starting point of the checkpoints
        write_checkpoint(db, settings, keys, after_restore=True)
