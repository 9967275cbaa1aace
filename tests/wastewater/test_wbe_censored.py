"""Censored values: parsed without invention, summarised without substitution."""

from __future__ import annotations

import numpy as np
import pytest

from mekongx.wastewater import Quantity, WbeError, kaplan_meier_summary, measured, ros_summary


@pytest.mark.parametrize(
    ("value", "flag", "limit", "expected"),
    [
        (12.0, "", None, Quantity(12.0)),
        (12.0, "quantified", None, Quantity(12.0)),
        (None, "<LOQ", 5.0, Quantity(5.0, True)),
        (None, "< LOD", 1.0, Quantity(1.0, True)),
        (5.0, "ND", None, Quantity(5.0, True)),  # value read as the limit
        (3.0, "<LOQ", 5.0, Quantity(5.0, True)),  # the stated limit wins over a raw reading
    ],
)
def test_measured(value: float | None, flag: str, limit: float | None, expected: Quantity) -> None:
    assert measured(value, flag, limit) == expected


def test_censored_without_any_number_is_an_error() -> None:
    with pytest.raises(WbeError) as info:
        measured(None, "<LOQ", None)
    assert info.value.code == "censor.missing_limit"


def test_unknown_censor_flag() -> None:
    with pytest.raises(WbeError, match="approx"):
        measured(1.0, "approx")


def test_str_shows_censoring() -> None:
    assert str(Quantity(2.5, True)) == "< 2.5"
    assert str(Quantity(2.5)) == "2.5"


def test_km_without_censoring_is_the_sample_mean_and_median() -> None:
    s = kaplan_meier_summary([Quantity(v) for v in (4.0, 1.0, 3.0, 2.0, 10.0)])
    assert s.mean_low == s.mean_high == pytest.approx(4.0)
    assert s.median == Quantity(3.0)
    assert s.n_censored == 0


def test_km_redistributes_a_censored_value_below_its_limit() -> None:
    """1, 2, 3, <2.5: the '<2.5' is shared by the values below 2.5 (1 and 2), giving masses
    1/4 (3), 3/8 (2), 3/8 (1): mean 1.875, median 2 — no LOQ/2 substitution anywhere."""
    s = kaplan_meier_summary([Quantity(1.0), Quantity(2.0), Quantity(3.0), Quantity(2.5, True)])
    assert s.mean_low == pytest.approx(1.875)
    assert s.mean_high == pytest.approx(1.875)
    assert s.median == Quantity(2.0)


def test_km_mostly_censored_gives_a_censored_median_and_mean_bounds() -> None:
    s = kaplan_meier_summary([Quantity(5.0, True)] * 3 + [Quantity(10.0)])
    assert s.median == Quantity(10.0, censored=True)
    assert s.mean_low == pytest.approx(2.5)  # remaining 3/4 at zero
    assert s.mean_high == pytest.approx(2.5 + 0.75 * 5.0)  # ... or at the limit
    assert s.censored_fraction == 0.75


def test_km_all_censored() -> None:
    s = kaplan_meier_summary([Quantity(5.0, True), Quantity(8.0, True)])
    assert s.median == Quantity(8.0, True)
    assert (s.mean_low, s.mean_high) == (0.0, 8.0)


def test_km_needs_values() -> None:
    with pytest.raises(WbeError):
        kaplan_meier_summary([])


def test_ros_without_censoring_is_the_sample_mean() -> None:
    s = ros_summary([Quantity(v) for v in (4.0, 1.0, 3.0, 2.0, 10.0)])
    assert s.mean_low == pytest.approx(4.0) and s.method == "ros"


@pytest.mark.parametrize("limits", [(0.8,), (0.6, 1.0)])
def test_ros_recovers_the_mean_of_censored_lognormal_data(limits: tuple[float, ...]) -> None:
    """2000 lognormal values (median 1, σ 0.8, mean e^0.32 = 1.377) with about 40% censored at
    one or two detection limits: ROS recovers the full-data mean within 3%, while substituting
    the limit for censored values would overstate it."""
    rng = np.random.default_rng(12)
    x = rng.lognormal(0.0, 0.8, 2000)
    limit = np.array(limits)[np.arange(x.size) % len(limits)]
    data = [
        Quantity(float(lim), True) if v < lim else Quantity(float(v))
        for v, lim in zip(x, limit, strict=True)
    ]
    s = ros_summary(data)
    assert 0.3 < s.censored_fraction < 0.5
    assert s.mean_low == pytest.approx(x.mean(), rel=0.03)
    substituted = np.where(x < limit, limit, x).mean()
    assert substituted > x.mean() * 1.05
    km = kaplan_meier_summary(data)
    assert km.mean_low <= x.mean() <= km.mean_high


def test_ros_needs_three_detects() -> None:
    with pytest.raises(WbeError):
        ros_summary([Quantity(1.0), Quantity(2.0), Quantity(5.0, True)])
