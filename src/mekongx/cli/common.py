"""What the command modules share: the settings, the database and messages in the user's language."""

from __future__ import annotations

import os
from typing import Any, NoReturn

import typer

from mekongx.db import Database
from mekongx.db.epochs import place_marks
from mekongx.errors import MekongXError
from mekongx.i18n import LANGUAGES, translator
from mekongx.settings import Settings, UnsafeSettingsError


def cli_language() -> str:
    """An offered language from MEKONGX_LANG, else from the POSIX locale (LANG=lo_LA.UTF-8 → lo)."""
    for value in (os.environ.get("MEKONGX_LANG", ""), os.environ.get("LANG", "")):
        code = value[:2].lower()
        if code in LANGUAGES:
            return code
    return "en"


def say(message: str, **params: Any) -> None:
    typer.echo(translator(cli_language())(message, **params))


def words(*messages: str) -> list[str]:
    """Column headers and cell words of a listing, in the user's language."""
    _ = translator(cli_language())
    return [_(message) for message in messages]


def fail(message: str, code: int = 1, **params: Any) -> NoReturn:
    typer.echo(translator(cli_language())(message, **params), err=True)
    raise typer.Exit(code)


def fail_with(error: MekongXError) -> NoReturn:
    _ = translator(cli_language())
    typer.echo(_(error.message, **error.params), err=True)
    for problem in error.fields:
        typer.echo(f"  {problem.field}: {_(problem.message, **problem.params)}", err=True)
    raise typer.Exit(2)


def load_settings(**overrides: Any) -> Settings:
    try:
        return Settings(**{k: v for k, v in overrides.items() if v is not None})
    except (UnsafeSettingsError, ValueError) as error:
        typer.echo(str(error), err=True)
        raise typer.Exit(2) from None


def open_database(settings: Settings) -> Database:
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    place_marks(settings.effective_database_url, settings.data_dir)  # as the server's processes
    return Database(settings.effective_database_url, **settings.database_options)
