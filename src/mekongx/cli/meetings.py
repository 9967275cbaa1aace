"""``mekongx meetings``: check both sides' signatures on agreed minutes; the progress report for
the next meeting."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated

import typer
from sqlalchemy import select
from sqlalchemy.orm import Session

from mekongx.accounts import service as accounts
from mekongx.authz import Principal
from mekongx.cli.common import fail, fail_with, load_settings, open_database, say
from mekongx.cli.exchange import load_keys
from mekongx.domains.meetings import minutes, paper, service
from mekongx.domains.meetings import report as meetings_report
from mekongx.errors import MekongXError
from mekongx.federation.keys import NodeKeys
from mekongx.i18n import N_
from mekongx.model.identity import Agency, User

app = typer.Typer(
    help="Meetings: verify the signed minutes; write the progress report for the next meeting.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


@app.callback()
def _group() -> None:
    """Meetings between agencies."""


def _principal(session: Session, username: str) -> Principal:
    user = session.scalars(select(User).where(User.username == username, User.active)).first()
    if user is None:
        fail(N_("No active user %(name)s on this node."), 2, name=username)
    return accounts.principal_for(user)


@app.command()
def verify(
    series: Annotated[str, typer.Argument(metavar="SERIES", help="Series code, e.g. TH-CN.")],
    number: Annotated[
        int, typer.Argument(metavar="NUMBER", min=1, help="Meeting number, e.g. 19.")
    ],
    user: Annotated[
        str, typer.Option("--as", help="User of this node whose view is checked.")
    ] = "admin",
) -> None:
    """Check each side's signed approval of the minutes against the keys this node holds (its
    own and its confirmed peers'), and against the minutes as stored now. Exit code 0 when both
    sides' signatures verify and name the minutes as they stand, 1 otherwise, 2 on bad input."""
    settings = load_settings()
    keys_file = settings.keys_dir / NodeKeys.CURRENT
    own = load_keys(settings) if keys_file.exists() else None
    db = open_database(settings)
    try:
        with db.read() as session:
            principal = _principal(session, user)
            meeting = service.find_meeting(session, principal, series, number)
            public = [] if own is None else [own.current.sign.public_key()]
            if own is not None and own.previous is not None:
                public.append(own.previous.sign.public_key())
            found = minutes.signatures(
                session, meeting, minutes.known_keys(session, settings.node_agency, public)
            )
            sides = [meeting.origin_agency, meeting.counterpart]
            digest = service.digest_of(service.minutes_of(session, meeting))
    except MekongXError as error:
        fail_with(error)
    finally:
        db.dispose()
    say(N_("Minutes of %(series)s no. %(number)s, SHA-256 %(digest)s"), series=series.upper(), number=number,
        digest=digest)  # fmt: skip
    good = 0
    for side in sides:
        signature = next((s for s in found if s.agency == side), None)
        if signature is None:
            say(N_("%(agency)s: not approved"), agency=side)
            continue
        state = (
            N_("%(agency)s: signature verified (key %(kid)s), version %(version)s")
            if signature.valid
            else N_("%(agency)s: signature does NOT verify (key %(kid)s), version %(version)s")
        )
        say(state, agency=side, kid=signature.kid, version=signature.version)
        if not signature.current:
            say(
                N_("  it names other minutes than those stored now (%(digest)s)"),
                digest=signature.digest,
            )
        good += signature.valid and signature.current
    if good != len(sides):
        raise typer.Exit(1)
    say(N_("Both sides' signatures verify over the minutes as stored."))


@app.command()
def report(
    series: Annotated[str, typer.Argument(metavar="SERIES", help="Series code, e.g. TH-CN.")],
    number: Annotated[
        int,
        typer.Argument(
            metavar="NUMBER", min=1, help="The meeting whose resolutions are reported, e.g. 19."
        ),
    ],
    out: Annotated[Path, typer.Option("--out", help="File to write (atomically).")],
    lang: Annotated[
        str,
        typer.Option(
            "--lang", help="th, zh-Hans, lo, my, km, vi, en or th+zh-Hans (Thai beside Chinese)."
        ),
    ] = "th",
    format_: Annotated[str, typer.Option("--format", help="pdf or docx.")] = "pdf",
    user: Annotated[
        str,
        typer.Option(
            "--as", help="User of this node: the report counts the evidence this user may see."
        ),
    ] = "admin",
) -> None:
    """The progress report on meeting NUMBER's resolutions, for the next meeting: per resolution,
    its actions, status, what was done and the evidence per area. Exit code 2 on bad input."""
    if lang not in paper.REPORT_LANGUAGES:
        fail(N_("Must be one of: %(expected)s."), 2, expected=", ".join(paper.REPORT_LANGUAGES))
    if format_ not in paper.FORMATS:
        fail(N_("Must be one of: %(expected)s."), 2, expected=", ".join(paper.FORMATS))
    settings = load_settings()
    db = open_database(settings)
    try:
        with db.write() as session:  # producing the report is audited
            principal = _principal(session, user)
            meeting = service.find_meeting(session, principal, series, number)
            built = meetings_report.progress_report(session, principal, meeting.id)
            agency = session.get(Agency, settings.node_agency)
            names = {} if agency is None else agency.names()
    except MekongXError as error:
        fail_with(error)
    finally:
        db.dispose()
    data = paper.FORMATS[format_][1](built, lang, names)
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=out.parent, prefix=".report-", delete=False) as handle:
        handle.write(data)
    Path(handle.name).replace(out)
    say(
        N_("Wrote %(path)s (%(resolutions)s resolutions)."),
        path=str(out),
        resolutions=len(built.resolutions),
    )
