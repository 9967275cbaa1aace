"""ISO 6346 check digits against container numbers published by others (not made by our code),
the shipped UN/LOCODE list and the stowage factors with their sources."""

from __future__ import annotations

import pytest

from mekongx.domains.ports.reference import check_digit, container_problem, ports, stowage

# Real container numbers and where they were published:
PUBLISHED = [
    ("CSQU3054383", "ISO 6346 article, Wikipedia (the standard's worked example)"),
    ("MSKU1806510", "contargo/types ContainerNumberValidatorTest ('MSKU 180651-0')"),
    ("MSCU7512387", "KenethSabando/CodigoContenedor README"),
    ("ZEPU0037255", "langerheiko/Calc-ILU-check-digit README ('ZEPU 003725 5')"),
]


@pytest.mark.parametrize(("number", "source"), PUBLISHED)
def test_published_container_numbers_pass(number: str, source: str) -> None:
    assert container_problem(number) is None, source
    assert check_digit(number[:10]) == int(number[10])


@pytest.mark.parametrize("number", ["CSQU3054384", "MSKU1806519", "MSCU7512380"])
def test_a_changed_check_digit_is_refused_with_the_right_one(number: str) -> None:
    problem = container_problem(number)
    assert problem is not None and problem[0] == "container_digit"
    assert problem[1]["digit"] != number[10]


@pytest.mark.parametrize("number", ["CSQ3054383", "CSQX3054383", "1SQU3054383", "CSQU305438"])
def test_malformed_numbers_are_refused(number: str) -> None:
    assert container_problem(number) == ("container_form", {})


def test_ports_and_stowage_factors_carry_sources() -> None:
    known = ports()
    assert known["THLCH"].name == "Laem Chabang" and known["THLCH"].country == "TH"
    assert all(len(code) == 5 and code[:2].isalpha() for code in known)
    factors = stowage()
    assert factors.volume("22G1") == ("22", 33.2) and factors.volume("")[0] == "42"
    assert all(
        g.source.startswith(("GDV", "O. Stahlbaum", "Wikipedia", "Wärtsilä")) for g in factors.goods
    )
    assert factors.goods_of("Roasted coffee beans in 60 kg bags") is not None
