"""Alembic migrations for every table of the node, and the helpers that run them.

Each cooperation area keeps its tables on its own branch of the migration graph (its first
migration revises ``0001`` and carries a ``branch_labels`` of the area's name), so areas grow
independently; the node always upgrades to every head. Models are found by importing every
``mekongx.domains.<area>.models`` module, so adding an area needs no change here.
"""

from __future__ import annotations

import importlib
import importlib.util
import pkgutil
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import MetaData

HERE = Path(__file__).resolve().parent


def metadata() -> MetaData:
    """The metadata of every model (importing each module registers its tables)."""
    import mekongx.audit.anchor
    import mekongx.audit.log
    import mekongx.domains
    import mekongx.federation.models
    import mekongx.model.identity
    import mekongx.model.record
    from mekongx.model.base import Base

    for area in pkgutil.iter_modules(mekongx.domains.__path__):
        if importlib.util.find_spec(f"mekongx.domains.{area.name}.models") is not None:
            importlib.import_module(f"mekongx.domains.{area.name}.models")
    return Base.metadata


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """Tables managed by hand in migrations (the full-text index) are not in the models."""
    return not (type_ == "table" and name is not None and name.startswith("search_index"))


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(HERE))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


KEYS_DIR = "mekongx.keys_dir"  # config attribute: the node's key directory, for 0009


def upgrade(url: str, revision: str = "heads", *, keys_dir: Path | None = None) -> None:
    """Upgrade to ``revision``; ``keys_dir`` is where migrations that encrypt find the node's
    key files (0009 encrypts existing TOTP secrets with ``keys_dir/totp.key``)."""
    config = alembic_config(url)
    config.attributes[KEYS_DIR] = keys_dir
    command.upgrade(config, revision)


def downgrade(url: str, revision: str, *, keys_dir: Path | None = None) -> None:
    config = alembic_config(url)
    config.attributes[KEYS_DIR] = keys_dir
    command.downgrade(config, revision)


def current_revision(url: str) -> str | None:
    """The applied revision(s), e.g. ``0001`` or ``0003+0004`` when areas have their own heads."""
    from alembic.runtime.migration import MigrationContext
    from sqlalchemy import create_engine

    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            heads = MigrationContext.configure(conn).get_current_heads()
            return "+".join(sorted(heads)) or None
    finally:
        engine.dispose()
