"""seizures: the regional picture's totals, kept as seizures are written (filled from the rows);
why a seizure was retracted

Revision ID: 0025_seizure_totals
Revises: 0001 (depends on 0022_seizures)
Create Date: 2026-12-03 08:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0025_seizure_totals"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = ("seizure_totals",)
depends_on: str | Sequence[str] | None = ("0022_seizures",)  # a branch of its own: the
# seizures branch can be taken back to 0022 (as a test of its search migration does) without it

KEYS = ("month", "drug", "country", "admin1", "origin_country", "transit_countries",
        "destination_country", "origin_agency", "distribution", "sharing_group", "recipients")  # fmt: skip
# per dialect: the month of a seizure, the named recipients as ",A,B,"
MONTH = {"postgresql": "CAST(date_trunc('month', s.seized_on) AS DATE)",
         "sqlite": "date(s.seized_on, 'start of month')"}  # fmt: skip
NAMES = {"postgresql": "string_agg(r.agency_code, ',' ORDER BY r.agency_code)",
         "sqlite": "group_concat(r.agency_code, ',')"}  # fmt: skip

# every total from the rows (a retracted seizure counts nowhere); the names above are constants
FILL = """
        INSERT INTO seizure_totals (KEYS_LIST, seizures, grams, tablets, located,
                                    latitude_sum, longitude_sum)
        SELECT month, drug, country, admin1, origin_country, transit_countries,
               destination_country, origin_agency, distribution, sharing_group, recipients,
               COUNT(*), COALESCE(SUM(ROUND(quantity_kg * 1000)), 0), COALESCE(SUM(tablets), 0),
               COUNT(latitude), COALESCE(SUM(latitude), 0), COALESCE(SUM(longitude), 0)
        FROM (SELECT MONTH_EXPR AS month, s.drug, s.country, s.admin1, s.origin_country,
                     s.transit_countries, s.destination_country, s.origin_agency, s.distribution,
                     CASE WHEN s.distribution = 'group' THEN COALESCE(s.sharing_group, '') ELSE '' END
                       AS sharing_group,
                     CASE WHEN s.distribution = 'peers' THEN COALESCE(
                       (SELECT ',' || NAMES_EXPR || ',' FROM (SELECT r.agency_code FROM record_recipients r
                         WHERE r.record_uid = s.uid ORDER BY r.agency_code) AS r), '') ELSE '' END
                       AS recipients,
                     s.quantity_kg, s.tablets,
                     CASE WHEN s.longitude IS NOT NULL THEN s.latitude END AS latitude,
                     CASE WHEN s.latitude IS NOT NULL THEN s.longitude END AS longitude
              FROM seizures s WHERE s.status <> 'retracted') AS k
        GROUP BY month, drug, country, admin1, origin_country, transit_countries,
                 destination_country, origin_agency, distribution, sharing_group, recipients
"""


def fill_sql(dialect: str) -> str:
    month, names = MONTH.get(dialect, MONTH["sqlite"]), NAMES.get(dialect, NAMES["sqlite"])
    sql = FILL.replace("KEYS_LIST", ", ".join(KEYS)).replace("MONTH_EXPR", month)
    return sql.replace("NAMES_EXPR", names)


def upgrade() -> None:
    with op.batch_alter_table("seizures") as batch:
        batch.add_column(sa.Column("status_note", sa.Text(), nullable=False, server_default=""))
    op.create_table(
        "seizure_totals",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("drug", sa.String(length=24), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("admin1", sa.String(length=8), nullable=False),
        sa.Column("origin_country", sa.String(length=2), nullable=False),
        sa.Column("transit_countries", sa.String(length=64), nullable=False),
        sa.Column("destination_country", sa.String(length=2), nullable=False),
        sa.Column("origin_agency", sa.String(length=16), nullable=False),
        sa.Column("distribution", sa.String(length=8), nullable=False),
        sa.Column("sharing_group", sa.String(length=32), nullable=False),
        sa.Column("recipients", sa.Text(), nullable=False),
        sa.Column("seizures", sa.Integer(), nullable=False),
        sa.Column("grams", sa.BigInteger(), nullable=False),
        sa.Column("tablets", sa.BigInteger(), nullable=False),
        sa.Column("located", sa.Integer(), nullable=False),
        sa.Column("latitude_sum", sa.Float(), nullable=False),
        sa.Column("longitude_sum", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_seizure_totals")),
    )
    op.create_index("ix_seizure_totals_key", "seizure_totals", list(KEYS), unique=True)
    op.execute(fill_sql(op.get_bind().dialect.name))


def downgrade() -> None:
    op.drop_index("ix_seizure_totals_key", table_name="seizure_totals")
    op.drop_table("seizure_totals")
    with op.batch_alter_table("seizures") as batch:
        batch.drop_column("status_note")
