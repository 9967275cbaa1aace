"""The ``mekongx`` command line: set up, run and look after one agency's node."""

from __future__ import annotations

import importlib
import os
from pathlib import Path

import typer
from typer import _click as click  # the click typer carries (its commands' own classes)
from typer.core import TyperGroup

from mekongx import __version__
from mekongx.cli.common import fail, fail_with, load_settings, open_database, say
from mekongx.i18n import N_

# The commands and command groups whose module is imported only when one of them runs (or a
# help listing names them): `mekongx users add` loads the users' commands, not every area. A
# process that imported them all spent about 2 s of CPU before doing anything.
# name: (module, attribute: a typer.Typer of commands, or one command's function)
ON_USE: dict[str, tuple[str, str]] = {
    "worker": ("mekongx.cli.exchange", "worker"),
    "backup": ("mekongx.cli.db", "backup"),
    "restore": ("mekongx.cli.db", "restore"),
    "users": ("mekongx.cli.users", "app"),
    "db": ("mekongx.cli.db", "db_app"),
    "audit": ("mekongx.cli.db", "audit_app"),
    "keys": ("mekongx.cli.exchange", "keys_app"),
    "peers": ("mekongx.cli.exchange", "peers_app"),
    "links": ("mekongx.cli.links", "app"),
    "match": ("mekongx.cli.match", "app"),
    "precursors": ("mekongx.cli.precursors", "app"),
    "wbe": ("mekongx.cli.wbe", "app"),
    "money": ("mekongx.cli.money", "app"),
    "meetings": ("mekongx.cli.meetings", "app"),
    "mekong": ("mekongx.cli.mekong", "app"),
}


def _loaded(name: str) -> click.Command:
    module, attribute = ON_USE[name]
    target = getattr(importlib.import_module(module), attribute)
    if isinstance(target, typer.Typer):  # a group, as `add_typer` would have made it
        command: click.Command = typer.main.get_group(target)
    else:  # one command's function
        single = typer.Typer(add_completion=False)
        single.command(name)(target)
        command = typer.main.get_command(single)
    command.name = name
    return command


class _CommandsOnUse(TyperGroup):
    """The top-level group: this module's own commands, then those of :data:`ON_USE`."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [*(name for name in super().list_commands(ctx) if name not in ON_USE), *ON_USE]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in ON_USE:
            self.commands[cmd_name] = _loaded(cmd_name)
        return super().get_command(ctx, cmd_name)


app = typer.Typer(
    cls=_CommandsOnUse,
    help="MekongX node: set up, run and look after one agency's node.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


@app.command()
def version() -> None:
    """Print the MekongX version."""
    typer.echo(__version__)


@app.command()
def init(
    agency: str = typer.Option(
        None, help="Code of your agency, e.g. ONCB (default: MEKONGX_NODE_AGENCY)."
    ),
    name_en: str = typer.Option(..., help="Your agency's name in English."),
    name_th: str = typer.Option(..., help="Your agency's name in Thai."),
    name_zh: str = typer.Option(..., help="Your agency's name in Chinese."),
    country: str = typer.Option(..., help="Two-letter country code, e.g. TH."),
    admin: str = typer.Option("admin", help="User name of the first administrator."),
    admin_name: str = typer.Option("Administrator", help="Full name of the first administrator."),
    password: str = typer.Option(
        ..., prompt="Administrator password", hide_input=True, confirmation_prompt=True
    ),
) -> None:
    """Create the database, apply migrations, register your agency and the first administrator."""
    from mekongx import migrations
    from mekongx.accounts import service as accounts
    from mekongx.audit import Actor
    from mekongx.errors import MekongXError
    from mekongx.federation.keys import KeyFileError
    from mekongx.federation.keystore import create_node_keys

    settings = load_settings(node_agency=agency)
    settings.keys_dir.mkdir(parents=True, exist_ok=True)
    os.chmod(settings.keys_dir, 0o700)
    try:
        keys = create_node_keys(settings)
    except KeyFileError as error:
        fail(str(error), 2)
    db = open_database(settings)
    migrations.upgrade(settings.effective_database_url, keys_dir=settings.keys_dir)
    actor = Actor.system(settings.node_agency, "init")
    try:
        with db.write() as session:
            accounts.create_agency(
                session,
                actor,
                accounts.AgencyInput(
                    settings.node_agency, name_en, name_th, name_zh, country.upper(), is_own=True
                ),
            )
            accounts.create_user(
                session,
                actor,
                accounts.UserInput(admin, admin_name, settings.node_agency, "admin", password),
                settings,
            )
    except MekongXError as error:
        fail_with(error)
    say(N_("Node %(agency)s is ready. Start it with: mekongx serve"), agency=settings.node_agency)
    say(N_("Key fingerprint (read it to peers): %(fp)s"), fp=keys.current.fingerprint)


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", help="Address to listen on."),
    port: int = typer.Option(8000, help="Port of the web UI and API."),
    workers: int = typer.Option(
        1,
        help="Web processes; 0: one per core. More than 1: run `mekongx worker` and "
        "`mekongx listener` beside them.",
    ),
) -> None:
    """Run the node: web UI and API, the delivery worker, and the mutual-TLS federation port if set."""
    settings = load_settings()  # refuse unsafe settings before starting
    if workers < 1:  # the cores this process may run on
        cores = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else None
        workers = len(cores) if cores else os.cpu_count() or 1
    if workers > 1:
        import uvicorn

        # Each process has its own connection pool: together they stay within the server's
        # default max_connections (100), unless MEKONGX_DB_POOL_SIZE says otherwise.
        os.environ.setdefault("MEKONGX_DB_POOL_SIZE", str(max(4, 40 // workers)))

        proxies = [str(network) for network in settings.proxy_networks()]
        uvicorn.run(
            "mekongx.cli.main:asgi_app",
            factory=True,
            host=host,
            port=port,
            workers=workers,
            proxy_headers=bool(proxies),
            forwarded_allow_ips=proxies or None,
            server_header=False,
            # a web process answers its supervisor once the application is built: seconds on a
            # busy machine, more than uvicorn's default 5 (which killed and restarted every
            # process before it could start)
            timeout_worker_healthcheck=120,
        )
        return
    from mekongx.cli.serving import serve_node

    serve_node(settings, host, port)


@app.command()
def listener(
    host: str = typer.Option(
        "0.0.0.0",  # noqa: S104 - peers reach it from other hosts; mutual TLS guards it
        help="Address the federation listener listens on.",
    ),
) -> None:
    """Run only the federation listener (MEKONGX_FEDERATION_PORT, mutual TLS): with
    `serve --workers N` the web processes serve neither it nor the delivery worker."""
    settings = load_settings()
    from mekongx.cli.serving import serve_listener

    if not serve_listener(settings, host):
        fail(
            N_("No federation listener: set MEKONGX_FEDERATION_PORT (and, in production, "
               "MEKONGX_TLS_CERT, MEKONGX_TLS_KEY and MEKONGX_TLS_PEER_CA)."),
            2,
        )  # fmt: skip


def asgi_app() -> object:
    from mekongx.app import create_app, settle

    return settle(create_app())


@app.command()
def demo(
    data_dir: Path = typer.Option(Path("var/demo"), help="Where the demo nodes keep their data."),
    port: int = typer.Option(8000, help="Port of ONCB's node; the other nodes use the next ones."),
    reports: int = typer.Option(120, help="Demo intelligence reports per node."),
    serve_it: bool = typer.Option(
        True, "--serve/--no-serve", help="Start the nodes after seeding."
    ),
    nodes: int = typer.Option(
        3,
        help="3: ONCB, NNCC and SMCC; 7: also LCDC (Laos), CCDAC (Myanmar), NACD (Cambodia) "
        "and C04 (Viet Nam).",
    ),
) -> None:
    """Demo nodes (ONCB Thailand, NNCC China, SMCC; with --nodes 7 all six Safe Mekong
    countries), each a separate process with its own SQLite database, peered, with reports
    flowing between them. Ctrl-C stops them all."""
    from mekongx.cli.demo_run import run_demo

    run_demo(data_dir, port, reports, serve_it, nodes)


if __name__ == "__main__":
    app()
