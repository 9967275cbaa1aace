"""AMP-from-METH, licit-opioid subtraction and dumping flags."""

from __future__ import annotations

import datetime as dt

import pytest

from mekongx.wastewater import (
    LicitSource,
    ParameterSet,
    Quantity,
    Sample,
    amp_from_meth,
    dumping_flags,
    estimate_batch,
    measured,
    subtract_licit,
)


def test_amp_from_meth_subtracts_the_metabolic_share() -> None:
    corrected, flags = amp_from_meth(Quantity(6000.0), Quantity(50_000.0), 0.09)
    assert corrected == Quantity(pytest.approx(1500.0))  # 6000 - 0.09 x 50000
    assert flags == ()


def test_amp_fully_explained_by_meth_is_zero_with_a_flag() -> None:
    corrected, flags = amp_from_meth(Quantity(3000.0), Quantity(50_000.0), 0.09)
    assert corrected == Quantity(0.0)
    assert [f.code for f in flags] == ["flag.amp_from_meth_all"]
    assert "METH" in flags[0].render("en") and "METH" in flags[0].render("zh")


def test_censored_meth_is_not_subtracted_and_censored_amp_stays_censored() -> None:
    assert amp_from_meth(Quantity(6000.0), Quantity(100.0, True), 0.09) == (Quantity(6000.0), ())
    corrected, _ = amp_from_meth(Quantity(6000.0, True), Quantity(10_000.0), 0.09)
    assert corrected == Quantity(pytest.approx(5100.0), censored=True)


def test_batch_applies_the_amp_correction_on_the_same_site_day(params: ParameterSet) -> None:
    day = dt.date(2024, 3, 1)
    rows = estimate_batch(
        [
            Sample("A", day, "METH", measured(250.0), 200_000.0, 800_000.0),
            Sample("A", day, "AMP", measured(30.0), 200_000.0, 800_000.0),
            Sample("A", dt.date(2024, 3, 2), "AMP", measured(30.0), 200_000.0, 800_000.0),
        ],
        params,
        n_draws=0,
    )
    assert rows[1].estimate.load_mg_d.value == pytest.approx(1500.0)
    assert rows[2].estimate.load_mg_d.value == pytest.approx(6000.0)  # no METH that day


def test_licit_morphine_is_subtracted() -> None:
    prescriptions = [
        LicitSource("morphine", 1000.0, 0.10, 285.34, 285.34, "pharmacy sales"),
        LicitSource("codeine", 2000.0, 0.05, 299.36, 285.34, "pharmacy sales"),
    ]
    licit = 1000 * 0.10 + 2000 * 0.05 * 285.34 / 299.36
    remaining, flags = subtract_licit("MOR", Quantity(500.0), prescriptions)
    assert remaining.value == pytest.approx(500.0 - licit)
    assert flags == ()
    none_left, flags = subtract_licit("MOR", Quantity(100.0), prescriptions)
    assert none_left == Quantity(0.0)
    assert flags[0].code == "flag.licit_exceeds"


DUMPING_CASES = [
    # parent, parent ng/L, metabolite, metabolite ng/L (None = censored at 5), flagged
    ("COC", 400.0, "BE", 200.0, True),
    ("COC", 50.0, "BE", 400.0, False),
    ("KET", 53.6, "NK", 10.0, False),  # the mean wastewater ratio of Du et al. 2020
    ("KET", 200.0, "NK", 10.0, True),
    ("KET", 200.0, "NK", None, True),  # ratio > 200/5: a lower bound above the threshold
    ("KET", 20.0, "NK", None, False),
]


@pytest.mark.parametrize(("parent", "p", "metabolite", "m", "flagged"), DUMPING_CASES)
def test_dumping_flags(
    params: ParameterSet, parent: str, p: float, metabolite: str, m: float | None, flagged: bool
) -> None:
    conc = {parent: measured(p), metabolite: measured(m, "<LOQ", 5.0 if m is None else None)}
    flags = dumping_flags(conc, params)
    assert bool(flags) is flagged
    if flags:
        assert flags[0].fields["parent"] == parent
        assert parent in flags[0].render("th")


def test_censored_parent_never_flags(params: ParameterSet) -> None:
    assert dumping_flags({"COC": Quantity(50.0, True), "BE": Quantity(1.0)}, params) == ()
