"""Alembic migrations for every table of the node, and the helpers that run them."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import MetaData

HERE = Path(__file__).resolve().parent


def metadata() -> MetaData:
    """The metadata of every model (importing each module registers its tables)."""
    import mekongx.audit.log
    import mekongx.domains.intel.models
    import mekongx.model.identity
    import mekongx.model.record  # noqa: F401
    from mekongx.model.base import Base

    return Base.metadata


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """Tables managed by hand in migrations (the full-text index) are not in the models."""
    return not (type_ == "table" and name is not None and name.startswith("search_index"))


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(HERE))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade(url: str, revision: str = "head") -> None:
    command.upgrade(alembic_config(url), revision)


def current_revision(url: str) -> str | None:
    from alembic.runtime.migration import MigrationContext
    from sqlalchemy import create_engine

    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    finally:
        engine.dispose()
