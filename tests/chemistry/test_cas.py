from __future__ import annotations

import pytest

from mekongx.chemistry import cas_check_digit, find_cas_numbers, is_valid_cas, load_register
from mekongx.chemistry.cas import repair_cas

REGISTER = load_register()


@pytest.mark.parametrize("number", ["108-24-7", "7732-18-5", "2167189-50-4", "1609-66-1"])
def test_valid(number: str) -> None:
    assert is_valid_cas(number)


@pytest.mark.parametrize("number", ["1609-66-5", "108-24-8", "108-247", "abc", "1-23-4"])
def test_invalid(number: str) -> None:
    assert not is_valid_cas(number)


def test_check_digit() -> None:
    assert cas_check_digit("773218") == 5


def test_find_in_text() -> None:
    assert find_cas_numbers("APAAN (CAS 4468-48-8) and 108-24-7;") == ["4468-48-8", "108-24-7"]
    assert find_cas_numbers("tel 02-123-4567") == []


def test_repair_single_wrong_digit() -> None:
    assert repair_cas("1609-66-5", REGISTER.is_known_cas) == "1609-66-1"


def test_repair_transposition() -> None:
    assert repair_cas("4648-48-8", REGISTER.is_known_cas) == "4468-48-8"


def test_valid_number_is_never_repaired() -> None:
    assert repair_cas("141-78-6", REGISTER.is_known_cas) is None


def test_ambiguous_repair_is_refused() -> None:
    known = {"108-24-7", "108-42-9"}
    assert repair_cas("108-24-9", known.__contains__) is None
