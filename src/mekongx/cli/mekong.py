"""``mekongx mekong``: the Safe Mekong records kept on this node; who keeps the plan."""

from __future__ import annotations

from typing import Annotated

import typer
from sqlalchemy import select

from mekongx.accounts import service as accounts
from mekongx.cli.common import fail, fail_with, load_settings, open_database, say
from mekongx.domains.mekong import keepers
from mekongx.domains.mekong.plan import PLAN
from mekongx.errors import MekongXError
from mekongx.i18n import N_
from mekongx.model.identity import User

app = typer.Typer(
    help="Safe Mekong: name the agency that keeps the joint operation plan on this node.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


@app.callback()
def _group() -> None:
    """Safe Mekong records."""


@app.command()
def keeper(
    agency: Annotated[
        str | None,
        typer.Argument(metavar="AGENCY", help="Agency code to name, e.g. ONCB; none: show."),
    ] = None,
    plan: Annotated[str, typer.Option("--plan", help="The plan's code.")] = PLAN,
    user: Annotated[
        str, typer.Option("--as", help="Administrator of this node who names the keeper.")
    ] = "admin",
) -> None:
    """Show which agency keeps the plan on this node, or name it (as the countries agreed; the
    same as PUT /api/v1/mekong/plan/keeper, audited). Only the keeper enters, changes and
    retracts the plan's actions, here or received from a peer. Exit code 2 on bad input."""
    db = open_database(load_settings())
    try:
        if agency is None:
            with db.read() as session:
                found = keepers.keeper_record(session, plan.strip())
                if found is None:
                    say(N_("No agency keeps the plan %(plan)s on this node yet."), plan=plan)
                    return
                by = found.named_by
                said = (N_("recorded with the first action this node held")
                        if by == keepers.FIRST_HELD else N_("named by %(user)s"))  # fmt: skip
                say(N_("The plan %(plan)s is kept by %(agency)s."), plan=found.plan, agency=found.agency_code)  # fmt: skip
                say(said, user=by)
                return
        with db.write() as session:
            admin = session.scalars(select(User).where(User.username == user, User.active)).first()
            if admin is None:
                fail(N_("No active user %(name)s on this node."), 2, name=user)
            kept = keepers.name_keeper(session, accounts.principal_for(admin), plan, agency)
            named = (kept.plan, kept.agency_code)
    except MekongXError as error:
        fail_with(error)
    finally:
        db.dispose()
    say(N_("The plan %(plan)s is kept by %(agency)s."), plan=named[0], agency=named[1])
