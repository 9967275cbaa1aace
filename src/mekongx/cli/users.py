"""``mekongx users …``: manage the node's user accounts from the shell."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.table import Table
from sqlalchemy import select
from sqlalchemy.orm import Session

from mekongx.accounts import service as accounts
from mekongx.audit import Actor
from mekongx.cli.common import fail, fail_with, load_settings, open_database, say, words
from mekongx.errors import MekongXError
from mekongx.i18n import N_
from mekongx.model.base import utcnow
from mekongx.model.identity import User

app = typer.Typer(help="Create, list, disable, unlock users and give them API tokens.")


def _actor(agency: str) -> Actor:
    return Actor.system(agency, "cli")


@app.command("create")
def create(
    username: str = typer.Argument(..., help="Login name: lower-case letters, digits, . _ -"),
    display_name: str = typer.Option(..., "--name", help="Full name as shown to others."),
    role: str = typer.Option("viewer", help="admin, analyst, liaison or viewer."),
    agency: str = typer.Option(None, help="Agency code; defaults to the node's own agency."),
    language: str = typer.Option("en", help="th, zh, lo, my, km, vi or en."),
    password: str = typer.Option(..., prompt=True, hide_input=True, confirmation_prompt=True),
) -> None:
    """Create a user account."""
    settings = load_settings()
    db = open_database(settings)
    data = accounts.UserInput(
        username, display_name, agency or settings.node_agency, role, password, language
    )
    try:
        with db.write() as session:
            user = accounts.create_user(session, _actor(settings.node_agency), data, settings)
            say(N_("Created user %(name)s (id %(id)s)."), name=user.username, id=user.id)
    except MekongXError as error:
        fail_with(error)


@app.command("list")
def list_users() -> None:
    """List every user with role, agency and status."""
    settings = load_settings()
    db = open_database(settings)
    table = Table(*words("id", N_("username"), N_("name"), N_("agency"), N_("role"), N_("status")))
    disabled, locked, active = words(N_("disabled"), N_("locked"), N_("active"))
    with db.read() as session:
        for user in session.scalars(select(User).order_by(User.id)):
            status = disabled if not user.active else locked if accounts.is_locked(user) else active
            table.add_row(
                str(user.id), user.username, user.display_name, user.agency_code, user.role, status
            )
    Console().print(table)


@app.command("foreign")
def foreign() -> None:
    """List accounts of other agencies left from before issue 10: they cannot log in (a
    partner's users log in on their own node); `mekongx db upgrade` disables them."""
    settings = load_settings()
    table = Table(*words("id", N_("username"), N_("name"), N_("agency"), N_("role"), N_("status")))
    disabled, active = words(N_("disabled"), N_("active"))
    with open_database(settings).read() as session:
        rows = accounts.foreign_accounts(session, settings)
        for user in rows:
            table.add_row(
                str(user.id),
                user.username,
                user.display_name,
                user.agency_code,
                user.role,
                active if user.active else disabled,
            )
    if not rows:
        say(N_("Every account belongs to %(agency)s."), agency=settings.node_agency)
        return
    Console().print(table)
    say(
        N_(
            "%(count)s accounts belong to other agencies; they cannot log in here. Their users "
            "log in on their own agency's node; what they did here stays in the audit log."
        ),
        count=len(rows),
    )


def _find(session: Session, username: str) -> User:
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        fail(N_("No such user: %(name)s"), 2, name=username)
    return user


def _set_active(username: str, active: bool) -> None:
    settings = load_settings()
    actor = _actor(settings.node_agency)
    try:
        with open_database(settings).write() as session:
            user_id = _find(session, username).id
            accounts.set_user_active(session, actor, user_id, active, settings)
    except MekongXError as error:
        fail_with(error)


@app.command("disable")
def disable(username: str) -> None:
    """Disable an account: it can no longer log in, its sessions end, its API tokens stop."""
    _set_active(username, False)
    say(N_("Disabled %(name)s."), name=username)


@app.command("enable")
def enable(username: str) -> None:
    """Enable a disabled account again."""
    _set_active(username, True)
    say(N_("Enabled %(name)s."), name=username)


@app.command("tokens")
def tokens(username: str) -> None:
    """List a user's API tokens: prefix, name, created, expires, status."""
    settings = load_settings()
    table = Table(*words(N_("token"), N_("name"), N_("created on"), N_("expires"), N_("status")))
    revoked, expired, active = words(N_("revoked"), N_("expired"), N_("active"))
    now = utcnow()
    with open_database(settings).read() as session:
        for row in accounts.list_api_tokens(session, _find(session, username)):
            until = accounts.token_expiry(row, settings)
            status = revoked if row.revoked else expired if until <= now else active
            table.add_row(
                f"mx_{row.prefix}_…",
                row.name,
                row.created_at.isoformat(timespec="minutes"),
                until.isoformat(timespec="minutes"),
                status,
            )
    Console().print(table)


@app.command("revoke-token")
def revoke_token(
    prefix: str = typer.Argument(..., help="The token's prefix (mx_PREFIX_…)."),
) -> None:
    """Revoke an API token by its prefix."""
    settings = load_settings()
    bare = prefix.removeprefix("mx_").split("_", 1)[0]
    try:
        with open_database(settings).write() as session:
            accounts.revoke_api_token(session, _actor(settings.node_agency), bare)
    except MekongXError as error:
        fail_with(error)
    say(N_("Revoked token %(prefix)s."), prefix=bare)


@app.command("unlock")
def unlock(username: str) -> None:
    """Clear a lock-out after too many failed logins."""
    settings = load_settings()
    with open_database(settings).write() as session:
        accounts.unlock_user(session, _actor(settings.node_agency), _find(session, username).id)
    say(N_("Unlocked %(name)s."), name=username)


@app.command("set-password")
def set_password(
    username: str,
    password: str = typer.Option(..., prompt=True, hide_input=True, confirmation_prompt=True),
) -> None:
    """Set a new password (ends the user's sessions)."""
    settings = load_settings()
    try:
        with open_database(settings).write() as session:
            user = _find(session, username)
            accounts.set_password(session, _actor(settings.node_agency), user, password, settings)
    except MekongXError as error:
        fail_with(error)
    say(N_("Password changed for %(name)s."), name=username)


@app.command("token")
def token(
    username: str,
    name: str = typer.Option(..., help="What the token is for."),
    days: int = typer.Option(None, help="Days the token is valid (default MEKONGX_TOKEN_DAYS)."),
) -> None:
    """Create an API token for a machine acting as this user; printed once."""
    settings = load_settings()
    try:
        with open_database(settings).write() as session:
            secret = accounts.create_api_token(
                session,
                _actor(settings.node_agency),
                _find(session, username),
                name,
                settings,
                days,
            )
    except MekongXError as error:
        fail_with(error)
    typer.echo(secret)
