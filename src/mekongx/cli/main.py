"""The ``mekongx`` command line."""

import typer

app = typer.Typer(help="MekongX node: run, administer and inspect one agency's node.", no_args_is_help=True)


@app.command()
def version() -> None:
    """Print the MekongX version."""
    from mekongx import __version__

    typer.echo(__version__)
