"""``mekongx links …``: the state of each link and what an operator can do about a stalled one
(every change audited, with the reason given)."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.table import Table

from mekongx.audit import Actor
from mekongx.cli.common import (
    cli_language,
    fail,
    fail_with,
    load_settings,
    open_database,
    say,
    words,
)
from mekongx.cli.exchange import load_keys, transport_for
from mekongx.errors import MekongXError
from mekongx.federation import recovery
from mekongx.federation.models import Peer
from mekongx.federation.status import links
from mekongx.federation.sync import SyncError, resync
from mekongx.federation.transport import TransportError
from mekongx.i18n import N_, translator

app = typer.Typer(
    help="Links to peers: their state, and skipping, re-sending or re-synchronising a stalled one."
)


def _actor(agency: str) -> Actor:
    return Actor.system(agency, "cli")


@app.command("status")
def links_status() -> None:
    """Each link's state, what waits first on it, and what to do when it is stalled."""
    settings = load_settings()
    _ = translator(cli_language())
    table = Table(*words(N_("agency"), N_("state"), N_("backlog"), N_("first waiting"),
                         N_("refused as"), N_("stalled since")))  # fmt: skip
    advice = []
    with open_database(settings).read() as session:
        for link in links(session, settings.link_stall_after):
            table.add_row(link.agency, link.state, str(link.backlog),
                          str(link.first_pending_seq or "-"), link.refusal or "-",
                          str(link.stalled_since or "-"))  # fmt: skip
            if (found := link.advice()) is not None:
                advice.append(f"{link.agency}: {_(found[0], **found[1])}")
    Console(width=200).print(table)
    for line in advice:
        typer.echo(line)


@app.command("skip")
def links_skip(
    agency: str = typer.Argument(..., help="The peer's agency code."),
    seq: int = typer.Option(..., help="Sequence number of the waiting envelope to give up."),
    why: str = typer.Option(..., help="Why (kept in the audit log)."),
) -> None:
    """Give up one waiting envelope; the later ones move up one number. Audited."""
    settings = load_settings()
    try:
        with open_database(settings).write() as session:
            entry = recovery.skip(session, _actor(settings.node_agency), agency[:16], seq, why)
            message_id = entry.message_id
    except MekongXError as error:
        fail_with(error)
    say(N_("Envelope %(seq)s (%(message_id)s) to %(code)s skipped; the link goes on with the next one."),
        seq=seq, message_id=message_id, code=agency)  # fmt: skip


@app.command("resend")
def links_resend(
    agency: str = typer.Argument(..., help="The peer's agency code."),
    why: str = typer.Option(..., help="Why (kept in the audit log)."),
    from_seq: int = typer.Option(0, help="Only envelopes from this sequence number on."),
) -> None:
    """Sign and seal the link's waiting envelopes again with the current keys and send them now."""
    settings = load_settings()
    try:
        with open_database(settings).write() as session:
            count = len(
                recovery.resend(session, _actor(settings.node_agency), agency[:16], why, from_seq)
            )
    except MekongXError as error:
        fail_with(error)
    say(N_("%(count)s envelopes to %(code)s will be sealed again and sent at once."),
        count=count, code=agency)  # fmt: skip


@app.command("resync")
def links_resync(agency: str = typer.Argument(..., help="The peer's agency code.")) -> None:
    """Ask the peer which sequence number it expects and renumber the waiting envelopes."""
    settings = load_settings()
    keys = load_keys(settings)
    db = open_database(settings)
    with db.read() as session:
        peer = session.get(Peer, agency[:16])
        known = peer is not None and peer.confirmed
    if not known:
        fail(N_("No such peer."), 2)
    try:
        done = resync(db, keys, settings.node_agency, agency[:16], transport_for(settings), "cli")
    except (SyncError, TransportError) as error:
        fail(N_("The peer could not be asked: %(error)s"), 1, error=str(error))
    say(N_("%(code)s expects sequence number %(seq)s: %(filed)s waiting envelopes were already "
           "delivered, %(moved)s renumbered."), code=agency, seq=done.expected_seq,
        filed=done.filed, moved=done.renumbered)  # fmt: skip
