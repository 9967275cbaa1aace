"""The shortest chain between two accounts, worked out by hand on small graphs."""

from __future__ import annotations

from mekongx.moneyflow.links import shortest_path

# A pays B and C; B and C both pay D; D pays E; F pays E (F is reached only against the flow)
PAIRS = [("A", "B"), ("A", "C"), ("B", "D"), ("C", "D"), ("D", "E"), ("F", "E"), ("E", "E")]


def test_fewest_transfers_following_the_money() -> None:
    assert shortest_path(PAIRS, "A", "E") == ["A", "B", "D", "E"]  # B before C: sorted, stable
    assert shortest_path(PAIRS, "C", "E") == ["C", "D", "E"]


def test_money_does_not_flow_backwards_unless_direction_is_ignored() -> None:
    assert shortest_path(PAIRS, "E", "A") is None
    assert shortest_path(PAIRS, "A", "F") is None
    assert shortest_path(PAIRS, "E", "A", directed=False) == ["E", "D", "B", "A"]
    assert shortest_path(PAIRS, "A", "F", directed=False) == ["A", "B", "D", "E", "F"]


def test_an_account_to_itself_and_accounts_with_no_chain() -> None:
    assert shortest_path(PAIRS, "D", "D") == ["D"]
    assert shortest_path(PAIRS, "A", "Z") is None
    assert shortest_path([], "A", "B", directed=False) is None
    # a self-transfer is no chain
    assert shortest_path([("X", "X")], "X", "Y") is None


def test_a_long_chain_is_found_whole() -> None:
    chain = [(f"N{i}", f"N{i + 1}") for i in range(500)]
    noise = [(f"N{i}", f"M{i}") for i in range(500)]
    assert shortest_path(chain + noise, "N0", "N500") == [f"N{i}" for i in range(501)]
