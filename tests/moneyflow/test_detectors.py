"""Each detector finds its own pattern among ordinary activity, and nothing in the ordinary part."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from mekongx.moneyflow import Alert, detect, load

from .cases import Book


def _run(book: Book, tmp_path: Path, typology: str) -> list[Alert]:
    dataset = load(book.write(tmp_path / "tx.csv"), tmp_path / "work")
    return [a for a in detect(dataset, typologies=(typology,)) if a.typology == typology]


def _only(alerts: list[Alert], planted: set[str]) -> Alert:
    assert alerts, "the planted pattern was not found"
    best = alerts[0]
    assert set(best.transaction_ids) == planted, best.explanation
    assert all(set(a.transaction_ids) & planted for a in alerts), [a.explanation for a in alerts]
    return best


def test_fan_out_to_new_counterparties_with_similar_amounts(tmp_path: Path) -> None:
    book = Book()
    book.ordinary()
    planted = {book.add("BOSS", f"MULE{i}", 5 + i * 2, 98_000 + i * 500) for i in range(8)}
    best = _only(_run(book, tmp_path, "fan_out"), planted)
    assert best.accounts[0] == "BOSS" and "8 accounts" in best.explanation


def test_fan_in_survives_mules_with_ordinary_activity(tmp_path: Path) -> None:
    book = Book()
    book.ordinary()
    planted = set()
    for i in range(6):
        planted.add(book.add(f"P{i}", "COLLECTOR", 30 + i * 3, 49_500 + i * 100))
    _only(_run(book, tmp_path, "fan_in"), planted)


def test_cycle_with_amount_retention(tmp_path: Path) -> None:
    book = Book()
    book.ordinary()
    ring = ["R1", "R2", "R3", "R4", "R1"]
    amount, hours, planted = 500_000.0, 10.0, set()
    for a, b in itertools.pairwise(ring):
        planted.add(book.add(a, b, hours, amount))
        amount, hours = amount * 0.97, hours + 12
    best = _only(_run(book, tmp_path, "cycle"), planted)
    assert best.figures["hops"] == 4


def test_a_cycle_that_loses_too_much_is_no_cycle(tmp_path: Path) -> None:
    book = Book()
    book.ordinary()
    ring = ["R1", "R2", "R3", "R1"]
    amount = 500_000.0
    for i, (a, b) in enumerate(itertools.pairwise(ring)):
        book.add(a, b, 10 + i * 12, amount)
        amount *= 0.5
    assert _run(book, tmp_path, "cycle") == []


def test_scatter_gather(tmp_path: Path) -> None:
    book = Book()
    book.ordinary()
    planted = set()
    for i in range(4):
        planted.add(book.add("SOURCE", f"M{i}", 10 + i, 100_000))
        planted.add(book.add(f"M{i}", "SINK", 20 + i, 95_000))
    _only(_run(book, tmp_path, "scatter_gather"), planted)


def test_gather_scatter(tmp_path: Path) -> None:
    book = Book()
    book.ordinary()
    planted = set()
    for i in range(4):
        planted.add(book.add(f"IN{i}", "HUB", 10 + i, 100_000))
    for i in range(4):
        planted.add(book.add("HUB", f"OUT{i}", 30 + i, 95_000))
    _only(_run(book, tmp_path, "gather_scatter"), planted)


def test_bipartite(tmp_path: Path) -> None:
    book = Book()
    book.ordinary()
    planted = {book.add(f"A{i}", f"B{j}", 10 + i + j, 60_000) for i in range(3) for j in range(3)}
    _only(_run(book, tmp_path, "bipartite"), planted)


def test_layering_chain_is_a_stack(tmp_path: Path) -> None:
    book = Book()
    book.ordinary()
    chain = ["L0", "L1", "L2", "L3", "L4"]
    amount, planted = 300_000.0, set()
    for i, (a, b) in enumerate(itertools.pairwise(chain)):
        planted.add(book.add(a, b, 10 + i * 8, amount))
        amount *= 0.98
    best = _only(_run(book, tmp_path, "stack"), planted)
    assert best.figures["hops"] == 4


def test_structuring_below_the_thai_cash_threshold(tmp_path: Path) -> None:
    book = Book()
    book.ordinary()
    planted = {
        book.add("CASH:BR1", "SMURFED", 10 + 30 * i, 1_900_000 + i * 10_000, channel="cash_deposit")
        for i in range(5)
    }
    book.add("CASH:BR1", "SHOP1", 50, 1_200_000, channel="cash_deposit")  # below the band
    best = _only(_run(book, tmp_path, "structuring"), planted)
    assert "TH-cash" in best.explanation


def test_structuring_of_chinese_same_day_totals(tmp_path: Path) -> None:
    book = Book()
    book.ordinary()
    planted = set()
    for day in range(4):  # two deposits a day, each small, the day's total just under CNY 50,000
        planted.add(
            book.add(
                "CASH:BJ",
                "ZHANG",
                day * 24 + 1,
                24_000,
                channel="cash_deposit",
                currency="CNY",
                countries=("CN", "CN"),
            )
        )
        planted.add(
            book.add(
                "CASH:BJ",
                "ZHANG",
                day * 24 + 3,
                23_500,
                channel="cash_deposit",
                currency="CNY",
                countries=("CN", "CN"),
            )
        )
    dataset = load(book.write(tmp_path / "tx.csv"), tmp_path / "work", base_currency="THB",
                   fx=[(__import__("datetime").date(2024, 1, 1), "CNY", 5.0)])  # fmt: skip
    alerts = [
        a for a in detect(dataset, typologies=("structuring",)) if a.typology == "structuring"
    ]
    _only(alerts, planted)


def test_rapid_pass_through(tmp_path: Path) -> None:
    book = Book()
    book.ordinary()
    planted = set()
    for i in range(4):
        planted.add(book.add(f"P{i}", "MULE", 40 * i + 5, 200_000 + i * 1000))
        planted.add(book.add("MULE", "OFFSHORE", 40 * i + 8, 195_000 + i * 1000))
    _only(_run(book, tmp_path, "rapid_pass_through"), planted)


def test_a_firm_forwarding_a_part_of_its_takings_is_no_pass_through(tmp_path: Path) -> None:
    """A wholesaler receives large payments and pays a supplier a matching part within hours,
    four times, but keeps most of what comes in: it is not an account money passes through."""
    book = Book()
    book.ordinary()
    for i in range(4):
        book.add(f"P{i}", "WHOLESALE", 40 * i + 5, 200_000 + i * 1000)
        book.add("WHOLESALE", "SUPPLIER", 40 * i + 8, 195_000 + i * 1000)
        for j in range(12):  # the rest of the day's takings stay
            book.add(f"BUYER{i}-{j}", "WHOLESALE", 40 * i + 9 + j, 150_000)
    assert _run(book, tmp_path, "rapid_pass_through") == []


def test_small_change_among_new_contacts_ranks_below_a_real_fan_in(tmp_path: Path) -> None:
    """Four new contacts sending a few hundred baht each (a shared bill) score below four
    mules sending tens of thousands, other things equal, and the explanation says why."""
    book = Book()
    book.ordinary()
    small = {book.add(f"FRIEND{i}", "HOST", 30 + i, 400 + i * 5) for i in range(4)}
    large = {book.add(f"MULE{i}", "COLLECTOR", 30 + i, 40_000 + i * 500) for i in range(4)}
    alerts = {frozenset(a.transaction_ids): a for a in _run(book, tmp_path, "fan_in")}
    assert frozenset(large) in alerts
    big = alerts[frozenset(large)]
    assert frozenset(small) not in alerts or alerts[frozenset(small)].score < big.score
    assert "amount" in big.explanation


def test_cash_courier_across_the_border(tmp_path: Path) -> None:
    book = Book()
    book.ordinary()
    planted = set()
    for i in range(3):
        planted.add(
            book.add("CARRIER", "CASH:MAESAI", 100 * i + 5, 440_000, channel="cash_withdrawal")
        )
        planted.add(
            book.add(
                "CASH:TACHILEIK",
                "RECEIVER",
                100 * i + 30,
                430_000,
                channel="cash_deposit",
                countries=("MM", "MM"),
            )
        )
    _only(_run(book, tmp_path, "cash_courier"), planted)


@pytest.mark.parametrize(
    "typology",
    ["fan_out", "fan_in", "cycle", "scatter_gather", "gather_scatter", "bipartite", "stack",
     "structuring", "rapid_pass_through", "cash_courier"],
)  # fmt: skip
def test_ordinary_activity_raises_no_alert(tmp_path: Path, typology: str) -> None:
    book = Book()
    book.ordinary()
    assert _run(book, tmp_path, typology) == []


def test_alerts_explain_themselves_and_rank_best_first(tmp_path: Path) -> None:
    book = Book()
    book.ordinary()
    for i in range(8):
        book.add("BOSS", f"MULE{i}", 5 + i, 98_000)
    for i in range(3):
        book.add("CARRIER", "CASH:MAESAI", 100 * i + 5, 440_000, channel="cash_withdrawal")
        book.add(
            "CASH:TACHILEIK",
            "RECEIVER",
            100 * i + 30,
            430_000,
            channel="cash_deposit",
            countries=("MM", "MM"),
        )
    alerts = detect(load(book.write(tmp_path / "tx.csv"), tmp_path / "work"))
    scores = [a.score for a in alerts]
    assert scores == sorted(scores, reverse=True)
    for alert in alerts:
        assert 0.6 <= alert.score <= 1
        assert f"Score {alert.score}" in alert.explanation
        assert alert.alert_id.startswith(alert.typology)
