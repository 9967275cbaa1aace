"""``mekongx keys …``, ``mekongx peers …`` and ``mekongx worker``: the node's identity and links."""

from __future__ import annotations

import signal
import threading
from datetime import timedelta
from pathlib import Path

import typer
import yaml
from rich.console import Console
from rich.table import Table

from mekongx.accounts.service import AgencyInput, create_agency
from mekongx.audit import Actor, record
from mekongx.cli.common import fail, fail_with, load_settings, open_database, say, words
from mekongx.errors import MekongXError
from mekongx.federation import peers as peering
from mekongx.federation.delivery import run_worker
from mekongx.federation.keys import (
    KeyFileError,
    NodeKeys,
    fingerprint,
    is_encrypted,
    read_passphrase,
)
from mekongx.federation.keystore import create_node_keys, load_node_keys, signing_token
from mekongx.federation.models import Peer
from mekongx.federation.status import links
from mekongx.federation.transport import HttpTransport, TlsIdentity
from mekongx.i18n import N_
from mekongx.model.identity import COUNTRY_LANGUAGES, OTHER_NAME_LANGUAGES, Agency
from mekongx.settings import Settings

keys_app = typer.Typer(help="This node's signing and encryption keys.")
peers_app = typer.Typer(
    help="Peer nodes: add by public keys, confirm by fingerprint, take new keys, list, import."
)


def load_keys(settings: Settings) -> NodeKeys:
    try:
        return load_node_keys(settings)
    except KeyFileError as error:
        fail(str(error), 2)


@keys_app.command("create")
def keys_create() -> None:
    """Make this node's keys where MEKONGX_KEY_PROVIDER says (`mekongx init` does it too)."""
    settings = load_settings()
    if (settings.keys_dir / NodeKeys.CURRENT).exists():
        fail(N_("This node has keys already: `mekongx keys rotate` makes new ones."), 2)
    try:
        keys = create_node_keys(settings)
    except KeyFileError as error:
        fail(str(error), 2)
    with open_database(settings).write() as session:
        record(session, Actor.system(settings.node_agency, "cli"), "keys.create", "node",
               settings.node_agency, details={"fingerprint": keys.current.fingerprint,
                                              "provider": settings.key_provider})  # fmt: skip
    say(N_("New keys; fingerprint %(fp)s."), fp=keys.current.fingerprint)


@keys_app.command("show")
def keys_show() -> None:
    """Print this node's public keys and fingerprint (safe to share)."""
    keys = load_keys(load_settings())
    typer.echo(f"sign_public: {keys.current.sign_public}\nenc_public:  {keys.current.enc_public}")
    typer.echo(f"fingerprint: {keys.current.fingerprint}")


@keys_app.command("rotate")
def keys_rotate(
    revoke_old: bool = typer.Option(
        False,
        "--revoke-old",
        help="Emergency (a key was stolen): keep no earlier keys at all; peers must take the "
        "new keys before anything is delivered again.",
    ),
    why: str = typer.Option("", help="Why (required with --revoke-old; kept in the audit log)."),
) -> None:
    """Make new keys; the old ones stay valid for MEKONGX_KEY_OVERLAP_DAYS. Send peers the new file."""
    settings = load_settings()
    load_keys(settings)
    if revoke_old and not why.strip():
        fail(N_("Say why (it is kept in the audit log)."), 2)
    passphrase = read_passphrase(settings.key_passphrase_file)
    overlap = timedelta(0) if revoke_old else timedelta(days=settings.key_overlap_days)
    token = signing_token(settings)
    dropped = NodeKeys.drop_earlier(settings.keys_dir, passphrase, token=token) if revoke_old else 0
    keys = NodeKeys.rotate(settings.keys_dir, overlap, passphrase, token=token)
    with open_database(settings).write() as session:
        record(session, Actor.system(settings.node_agency, "cli"), "keys.rotate", "node", settings.node_agency,
               why=why.strip()[:500], details={"fingerprint": keys.current.fingerprint,
                                               "revoke_old": revoke_old, "dropped": dropped})  # fmt: skip
    if revoke_old:
        say(N_("New keys; fingerprint %(fp)s. The old keys were revoked: restart the node, send "
               "peers the new file and ask their officers to revoke the old fingerprint."),
            fp=keys.current.fingerprint)  # fmt: skip
        return
    say(N_("New keys; fingerprint %(fp)s. Old keys valid until %(until)s."), fp=keys.current.fingerprint,
        until=str(keys.previous_until))  # fmt: skip


@keys_app.command("encrypt")
def keys_encrypt() -> None:
    """Encrypt the private key files with the passphrase in MEKONGX_KEY_PASSPHRASE_FILE."""
    settings = load_settings()
    if settings.key_passphrase_file is None:
        fail(
            N_(
                "Set MEKONGX_KEY_PASSPHRASE_FILE to a file (mode 0600) holding the passphrase first."
            ),
            2,
        )
    try:
        passphrase = read_passphrase(settings.key_passphrase_file)
        assert passphrase is not None
        current = settings.keys_dir / NodeKeys.CURRENT
        old = passphrase if is_encrypted(current) else None
        NodeKeys.encrypt_files(settings.keys_dir, passphrase, old, token=signing_token(settings))
    except KeyFileError as error:
        fail(str(error), 2)
    with open_database(settings).write() as session:
        record(session, Actor.system(settings.node_agency, "cli"), "keys.encrypt", "node",
               settings.node_agency)  # fmt: skip
    say(
        N_(
            "The private key files are encrypted; the node needs MEKONGX_KEY_PASSPHRASE_FILE to start."
        )
    )


@peers_app.command("export")
def peers_export(
    target: Path = typer.Argument(..., help="File to write this node's entry to (YAML)."),
) -> None:
    """Write this node's entry of the federation file (agency, endpoint, public keys)."""
    settings = load_settings()
    keys = load_keys(settings)
    with open_database(settings).read() as session:
        agency = session.get(Agency, settings.node_agency)
        if agency is None:
            fail(N_("Unknown agency."), 2)
        entry = peering.member_entry(agency, keys, settings.federation_endpoint)
    target.write_text(yaml.safe_dump({"members": [entry]}, allow_unicode=True, sort_keys=False))
    say(N_("Wrote %(path)s. Fingerprint: %(fp)s"), path=str(target), fp=keys.current.fingerprint)


@peers_app.command("import")
def peers_import(
    source: Path = typer.Argument(..., exists=True, dir_okay=False, help="Federation file (YAML)."),
    tls_ca: Path = typer.Option(
        None, exists=True, dir_okay=False, help="The peers' CA certificate (PEM) to pin."
    ),
) -> None:
    """Add every member of a federation file that is not this node (they start unconfirmed)."""
    settings = load_settings()
    db = open_database(settings)
    try:
        data = yaml.safe_load(source.read_text())
        members = data["members"]
        assert isinstance(members, list)
    except (yaml.YAMLError, KeyError, TypeError, AssertionError):
        fail(N_("This is not a federation file (a YAML list of members)."), 2)
    actor = Actor.system(settings.node_agency, "cli")
    ca = tls_ca.read_text() if tls_ca else ""
    changes: list[peering.KeyChange] = []
    try:
        with db.write() as session:
            for member in members:
                code = str(member["agency"])
                if code == settings.node_agency:
                    continue
                if (peer := session.get(Peer, code)) is not None:
                    changes.extend([c] if (c := peering.key_change(peer, member)) else [])
                    continue
                if session.get(Agency, code) is None:
                    names, country = member.get("names", {}), str(member.get("country", "XX"))
                    own = COUNTRY_LANGUAGES.get(
                        country, ""
                    )  # "local": a file of a node before 0026
                    others = {
                        c: str(names.get(c) or (names.get("local", "") if c == own else ""))
                        for c in OTHER_NAME_LANGUAGES
                    }
                    create_agency(session, actor, AgencyInput(code, names.get("en", code), names.get("th", code),
                                                              names.get("zh", code), country, other_names=others))  # fmt: skip
                peering.add_peer(session, actor, peering.PeerInput(code, str(member["endpoint"]), str(member["sign_public"]),
                                                                   str(member["enc_public"]), ca))  # fmt: skip
                say(N_("Added peer %(code)s, fingerprint %(fp)s: confirm it with `mekongx peers confirm`."),
                    code=code, fp=fingerprint(str(member["sign_public"]), str(member["enc_public"])))  # fmt: skip
    except MekongXError as error:
        fail_with(error)
    except (KeyError, TypeError):
        fail(N_("This is not a federation file (a YAML list of members)."), 2)
    for change in changes:
        report_key_change(change)


def report_key_change(change: peering.KeyChange) -> None:
    """Tell the officer about a peer's new keys; nothing is changed without a compared fingerprint."""
    if change.stale:
        say(N_("%(code)s: the file has keys that %(code)s already replaced; nothing to do."),
            code=change.agency_code)  # fmt: skip
        return
    say(N_("%(code)s has new keys, fingerprint %(fp)s. Nothing was changed."),
        code=change.agency_code, fp=change.fingerprint)  # fmt: skip
    if not change.previous_matches:
        say(N_("Warning: the file does not name the keys we hold for %(code)s as its previous keys. "
               "It may be a forged file: trust only the fingerprint %(code)s's officer reads to you."),
            code=change.agency_code)  # fmt: skip
    say(N_("Compare the new fingerprint with %(code)s's officer over a separate channel, then run "
           "(with the fingerprint they read to you):"), code=change.agency_code)  # fmt: skip
    typer.echo(f"  {peering.rotate_command(change)}")


@peers_app.command("add")
def peers_add(
    agency: str = typer.Argument(..., help="The peer's agency code (must be a known agency)."),
    endpoint: str = typer.Option(..., help="https://… address of the peer node."),
    sign_key: str = typer.Option(..., help="The peer's Ed25519 public key (base64)."),
    enc_key: str = typer.Option(..., help="The peer's X25519 public key (base64)."),
    tls_ca: Path = typer.Option(
        None, exists=True, dir_okay=False, help="The peer's CA certificate (PEM) to pin."
    ),
) -> None:
    """Add one peer by its public keys; it is used only after `mekongx peers confirm`."""
    settings = load_settings()
    try:
        with open_database(settings).write() as session:
            peer = peering.add_peer(session, Actor.system(settings.node_agency, "cli"),
                                    peering.PeerInput(agency, endpoint, sign_key, enc_key, tls_ca.read_text() if tls_ca else ""))  # fmt: skip
            say(N_("Added peer %(code)s, fingerprint %(fp)s: confirm it with `mekongx peers confirm`."),
                code=agency, fp=peer.fingerprint)  # fmt: skip
    except MekongXError as error:
        fail_with(error)


@peers_app.command("confirm")
def peers_confirm(
    agency: str = typer.Argument(..., help="The peer's agency code."),
    fingerprint: str = typer.Option(..., help="The fingerprint the peer's officer read to you."),
) -> None:
    """Confirm a peer after comparing fingerprints with its officer over a separate channel."""
    settings = load_settings()
    try:
        with open_database(settings).write() as session:
            peering.confirm_peer(
                session, Actor.system(settings.node_agency, "cli"), agency, fingerprint
            )
    except MekongXError as error:
        fail_with(error)
    say(N_("Peer %(code)s confirmed."), code=agency)


@peers_app.command("rotate")
def peers_rotate(
    agency: str = typer.Argument(..., help="The peer's agency code."),
    sign_key: str = typer.Option(..., help="The peer's NEW Ed25519 public key (base64)."),
    enc_key: str = typer.Option(..., help="The peer's NEW X25519 public key (base64)."),
    fingerprint: str = typer.Option(
        ..., help="The NEW fingerprint the peer's officer read to you."
    ),
    valid_until: str | None = typer.Option(
        None,
        help="Accept the old keys until this ISO time (default: now + MEKONGX_KEY_OVERLAP_DAYS).",
    ),
) -> None:
    """Take a peer's new keys after comparing the new fingerprint with its officer."""
    settings = load_settings()
    db = open_database(settings)
    actor = Actor.system(settings.node_agency, "cli")
    try:
        until = peering.parse_valid_until(valid_until) if valid_until else None
        with db.write() as session:
            peer = peering.rotate_peer(session, actor, agency, sign_key, enc_key, fingerprint,
                                       overlap=timedelta(days=settings.key_overlap_days), valid_until=until)  # fmt: skip
            new_fp, old_until = peer.fingerprint, str(peer.earlier_keys[0].valid_until)
    except MekongXError as error:
        if any(problem.field == "fingerprint" for problem in error.fields):
            with db.write() as session:  # the refusal is audited (the failed change rolled back)
                record(session, actor, "peer.rotate-refused", "peer", agency[:16])
        fail_with(error)
    say(N_("Peer %(code)s now uses the keys with fingerprint %(fp)s; its old keys are accepted until %(until)s."),
        code=agency, fp=new_fp, until=old_until)  # fmt: skip


@peers_app.command("revoke")
def peers_revoke(
    agency: str = typer.Argument(..., help="The peer's agency code."),
    fingerprint: str = typer.Option(..., help="Fingerprint of the peer's key pair to revoke."),
    why: str = typer.Option(..., help="Why (kept in the audit log)."),
) -> None:
    """Emergency: stop accepting one of a peer's key pairs at once (stolen, or the peer says so)."""
    settings = load_settings()
    try:
        with open_database(settings).write() as session:
            which = peering.revoke_key(session, Actor.system(settings.node_agency, "cli"),
                                       agency[:16], fingerprint, why)  # fmt: skip
    except MekongXError as error:
        fail_with(error)
    if which == "current":
        say(N_("The current keys of %(code)s are revoked: nothing signed with them is accepted and "
               "nothing is sent to %(code)s until you take its new keys with `mekongx peers rotate`."),
            code=agency)  # fmt: skip
    else:
        say(N_("The earlier keys of %(code)s with this fingerprint are revoked: nothing signed with "
               "them is accepted any more."), code=agency)  # fmt: skip


@peers_app.command("list")
def peers_list() -> None:
    """Every peer with its status, backlog, last delivery and fingerprint."""
    settings = load_settings()
    table = Table(*words(N_("agency"), N_("endpoint"), N_("confirmed"), N_("backlog"), N_("last delivery"),
                         N_("failures"), N_("fingerprint"), N_("previous keys accepted until")))  # fmt: skip
    yes, no = words(N_("yes"), N_("NO"))
    with open_database(settings).read() as session:
        for link in links(session):
            table.add_row(link.agency, link.endpoint, yes if link.confirmed else no, str(link.backlog),
                          str(link.last_delivery_at or "-"), str(link.consecutive_failures), link.fingerprint,
                          "; ".join(f"{until} ({fp})" for fp, until in link.earlier_keys) or "-")  # fmt: skip
    Console(width=200).print(table)


def transport_for(settings: Settings) -> HttpTransport:
    identity = (
        TlsIdentity(settings.tls_cert, settings.tls_key)
        if settings.tls_cert and settings.tls_key
        else None
    )
    return HttpTransport(identity)


def worker() -> None:
    """Deliver queued envelopes to peers until stopped (SIGTERM or Ctrl-C)."""
    from mekongx.wiring import install, periodic  # every area: loaded only for this command

    settings = load_settings()
    keys = load_keys(settings)
    install()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    db = open_database(settings)
    run_worker(
        db,
        keys,
        settings.node_agency,
        transport_for(settings),
        stop,
        max_backoff=timedelta(seconds=settings.retry_max_seconds),
        periodic=periodic(db, settings, keys),
    )
