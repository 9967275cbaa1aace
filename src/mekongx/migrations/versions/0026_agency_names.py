"""agencies and sharing groups: a name in Lao, Burmese, Khmer and Vietnamese beside English,
Thai and Chinese; the agency's own-language name (``name_local``) moves into its language's column

Revision ID: 0026_agency_names
Revises: 0021_agency_local_names
Create Date: 2026-12-03 12:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0026_agency_names"
down_revision: str | None = "0021_agency_local_names"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LANGS = ("lo", "my", "km", "vi")
# the language of an agency's own name, by its country (as mekongx.model.identity says)
COUNTRIES = {"LA": "lo", "MM": "my", "KH": "km", "VN": "vi"}


def _add(table: str) -> None:
    with op.batch_alter_table(table) as batch:
        for lang in LANGS:
            batch.add_column(
                sa.Column(f"name_{lang}", sa.String(length=200), nullable=False, server_default="")
            )


def _copy(source: str, target: str) -> None:
    """Copy each agency's ``source`` name to ``target`` ("{}": its country's language)."""
    columns = ["country", "name_local", *(f"name_{lang}" for lang in LANGS)]
    agencies = sa.table("agencies", *(sa.column(c, sa.String) for c in columns))
    for country, lang in COUNTRIES.items():
        op.execute(
            sa.update(agencies)
            .where(agencies.c.country == country)
            .values({target.format(lang): agencies.c[source.format(lang)]})
        )


def upgrade() -> None:
    _add("agencies")
    _add("sharing_groups")
    _copy("name_local", "name_{}")
    with op.batch_alter_table("agencies") as batch:
        batch.drop_column("name_local")


def downgrade() -> None:
    with op.batch_alter_table("agencies") as batch:
        batch.add_column(
            sa.Column("name_local", sa.String(length=200), nullable=False, server_default="")
        )
    _copy("name_{}", "name_local")
    for table in ("agencies", "sharing_groups"):
        with op.batch_alter_table(table) as batch:
            for lang in LANGS:
                batch.drop_column(f"name_{lang}")
