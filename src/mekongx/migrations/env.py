"""Alembic environment: runs migrations on the URL put into the config by mekongx.migrations."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine, pool

from mekongx.migrations import include_name, metadata

config = context.config
url = config.get_main_option("sqlalchemy.url") or ""
engine = create_engine(url, poolclass=pool.NullPool)
with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=metadata(),
        include_name=include_name,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()
engine.dispose()
