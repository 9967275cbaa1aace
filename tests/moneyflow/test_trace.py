"""Tracing under each legal convention, against figures worked out by hand."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from mekongx.moneyflow import MoneyflowError, load
from mekongx.moneyflow.trace import _Account, trace

from .cases import Book


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    """A receives 100 of proceeds (T1) and 50 clean, pays 120 to B and 20 to C; B pays 60 on."""
    book = Book()
    book.add("SMUGGLER", "A", 1, 100, txid="T1")
    book.add("SALARY", "A", 2, 50, txid="T2")
    book.add("A", "B", 3, 120, txid="T3")
    book.add("A", "C", 4, 20, txid="T4")
    book.add("B", "D", 5, 60, txid="T5")
    return book.write(tmp_path / "tx.csv")


EXPECTED = {
    # method: (traced into B, into C, held by A at the end)
    "fifo": (100.0, 0.0, 0.0),
    "lifo": (70.0, 20.0, 10.0),
    "pro_rata": (80.0, 13.33, 6.67),
    "libr": (70.0, 20.0, 10.0),
    "poison": (120.0, 20.0, 10.0),
}


def test_forward_from_a_proceeds_transaction_by_each_method(ledger: Path, tmp_path: Path) -> None:
    results = trace(load(ledger, tmp_path / "w"), transaction="T1")
    for method, (to_b, to_c, held) in EXPECTED.items():
        accounts = results[method].accounts
        assert accounts["B"]["received"] == to_b, method
        assert accounts.get("C", {"received": 0.0})["received"] == to_c, method
        assert accounts["A"]["held"] == held, method
        assert results[method].sources == {"tainted": 100.0}


def test_the_ledger_shows_every_step_and_balance(ledger: Path, tmp_path: Path) -> None:
    result = trace(load(ledger, tmp_path / "w"), transaction="T1", methods=("libr",))["libr"]
    steps = [
        (r.transaction_id, r.account, r.direction, r.traced, r.balance_after, r.traced_after)
        for r in result.ledger
    ]
    assert steps[:5] == [
        ("T1", "A", "in", 100.0, 100.0, 100.0),
        ("T2", "A", "in", 0.0, 150.0, 100.0),
        ("T3", "A", "out", 70.0, 30.0, 30.0),
        ("T3", "B", "in", 70.0, 120.0, 70.0),
        ("T4", "A", "out", 20.0, 10.0, 10.0),
    ]


def test_backward_from_an_account_names_its_sources(ledger: Path, tmp_path: Path) -> None:
    methods = ("fifo", "lifo", "pro_rata", "poison")
    results = trace(
        load(ledger, tmp_path / "w"), account="B", direction="backward", methods=methods
    )
    # A paid B 120: FIFO 100 of the smuggler's then 20 of the salary; B paid D the first 60
    assert results["fifo"].sources == {"SMUGGLER": 40.0, "SALARY": 20.0}
    # LIFO: A paid the salary's 50 then 70 of the smuggler's; B paid D the last 60 it got
    assert results["lifo"].sources == {"SALARY": 50.0, "SMUGGLER": 10.0}
    assert results["pro_rata"].sources == {"SMUGGLER": 40.0, "SALARY": 20.0}
    assert results["poison"].sources == {"SMUGGLER": 60.0, "SALARY": 60.0}


def test_backward_libr_and_unknown_inputs_are_refused(ledger: Path, tmp_path: Path) -> None:
    dataset = load(ledger, tmp_path / "w")
    with pytest.raises(MoneyflowError, match="forward only"):
        trace(dataset, account="B", direction="backward")
    with pytest.raises(MoneyflowError) as caught:
        trace(dataset, account="NOBODY")
    assert caught.value.code == "trace.unknown_account"
    with pytest.raises(MoneyflowError):
        trace(dataset, transaction="T1", methods=("average",))


@pytest.mark.parametrize("method", ["fifo", "lifo", "libr", "pro_rata", "poison"])
def test_the_running_total_of_traced_money_is_the_sum_of_what_is_held(method: str) -> None:
    """The ledger's "traced after" column is kept as a running total (a busy account has
    thousands of lots); after every deposit and withdrawal it equals the sum of the lots."""
    rng = random.Random(2567)
    account = _Account(method)
    for _ in range(3000):
        if rng.random() < 0.55:
            amount = round(rng.uniform(0.01, 500), 2)
            tainted = round(amount * rng.choice([0, 0, 0.3, 1]), 2)
            account.deposit(amount, {"tainted": tainted} if tainted else {})
        else:
            account.withdraw(round(rng.uniform(0.01, 400), 2))
        assert account.held_total() == pytest.approx(sum(account.held().values()), abs=0.01)
