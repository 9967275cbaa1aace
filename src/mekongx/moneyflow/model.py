"""What the engine reads and what it answers: the transaction fields, alerts, rejected rows."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Final

#: The fields of a transaction, in the order of the canonical table. ``timestamp`` is stored as
#: seconds since the epoch (UTC); ``amount_base`` is the amount in the run's base currency.
FIELDS: Final = (
    "transaction_id",
    "timestamp",
    "from_account",
    "to_account",
    "amount",
    "currency",
    "channel",
    "from_country",
    "to_country",
    "branch",
)
REQUIRED: Final = (
    "transaction_id",
    "timestamp",
    "from_account",
    "to_account",
    "amount",
    "currency",
)

#: How money moved. Cash deposits are edges from a branch pseudo-account ``CASH:<branch>`` to the
#: account credited; cash withdrawals are edges from the account to ``CASH:<branch>``.
CHANNELS: Final = ("transfer", "cash_deposit", "cash_withdrawal", "card", "remittance", "other")
CASH_PREFIX: Final = "CASH:"

TYPOLOGIES: Final = (
    "fan_out",
    "fan_in",
    "cycle",
    "scatter_gather",
    "gather_scatter",
    "bipartite",
    "stack",
    "structuring",
    "rapid_pass_through",
    "cash_courier",
)


@dataclass(frozen=True)
class Rejection:
    """A row that was not loaded: its row number in the file (header = row 1), field, reason."""

    row: int
    field: str
    code: str
    params: dict[str, object] = dataclasses.field(default_factory=dict)


@dataclass(frozen=True)
class Dataset:
    """Transactions normalised into one Parquet file that every engine reads the same way."""

    path: Path
    rows: int
    base_currency: str
    rejected: tuple[Rejection, ...]
    source: str


@dataclass(frozen=True)
class Alert:
    """One detected pattern; it explains itself with the transactions, figures and score parts."""

    typology: str
    score: float
    transaction_ids: tuple[str, ...]
    accounts: tuple[str, ...]
    explanation: str
    figures: dict[str, float | int | str] = dataclasses.field(default_factory=dict)
    #: the explanation's message code and figures, to render it in the reader's language
    code: str = ""
    params: dict[str, object] = dataclasses.field(default_factory=dict)

    @property
    def alert_id(self) -> str:
        """Stable across runs and engines: the typology and a digest of the transactions."""
        import hashlib

        digest = hashlib.sha256(" ".join(sorted(self.transaction_ids)).encode()).hexdigest()
        return f"{self.typology}-{digest[:12]}"
