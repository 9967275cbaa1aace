"""The deterministic chain on exact worked cases."""

from __future__ import annotations

import datetime as dt

import pytest

from mekongx.wastewater import (
    ParameterSet,
    Quantity,
    Sample,
    WbeError,
    back_calculate,
    builtin_parameter_set,
    concentration_to_ng_per_l,
    flow_to_m3_per_day,
    measured,
)

DAY = dt.date(2024, 3, 6)


def meth(conc: Quantity, flow: float = 200_000.0, population: float = 800_000.0) -> Sample:
    return Sample("BKK-1", DAY, "METH", conc, flow, population)


def test_worked_case_meth(params: ParameterSet) -> None:
    """METH 250 ng/L, 200,000 m³/d, 800,000 people, 43% excreted, molar-mass ratio 1.

    load = 250 × 200,000 × 1e-3 = 50,000 mg/d; normalised = 50,000 / 800 = 62.5 mg/d/1000;
    consumption = 62.5 × (1/0.43) = 145.349 mg/d/1000 — the convention CF = (MW ratio) /
    excretion fraction, used unrounded. Rounding the CF to 2.3 first would give 143.75, so the
    value 145.3 identifies the unrounded convention. Doses at 30 mg: 4.845 /d/1000.
    """
    est = back_calculate(meth(measured(250.0)), params)
    assert est.load_mg_d == Quantity(pytest.approx(50_000.0))
    assert est.load_mg_d_per_1000.value == pytest.approx(62.5)
    assert est.correction_factor == pytest.approx(1 / 0.43)
    assert est.consumption_mg_d_per_1000 is not None
    assert est.consumption_mg_d_per_1000.value == pytest.approx(145.3488, abs=1e-4)
    assert round(est.consumption_mg_d_per_1000.value, 1) == 145.3
    assert 62.5 * round(1 / 0.43, 1) == pytest.approx(143.75)  # the rounded-CF convention
    assert est.doses_per_1000 is not None
    assert est.doses_per_1000.value == pytest.approx(4.845, abs=1e-3)
    assert est.parameter_set == "mekongx-default@1.1.0"


@pytest.mark.parametrize(
    ("conc", "conc_unit", "flow", "flow_unit"),
    [
        (0.25, "µg/L", 200.0, "ML/d"),
        (0.25, "mg/m3", 200_000 / 86.4, "L/s"),
        (250.0, "ng/L", 200_000 / 86_400, "m3/s"),
    ],
)
def test_worked_case_in_other_units(
    params: ParameterSet, conc: float, conc_unit: str, flow: float, flow_unit: str
) -> None:
    sample = meth(
        measured(concentration_to_ng_per_l(conc, conc_unit)), flow_to_m3_per_day(flow, flow_unit)
    )
    est = back_calculate(sample, params)
    assert est.load_mg_d.value == pytest.approx(50_000.0)
    assert est.consumption_mg_d_per_1000 is not None
    assert est.consumption_mg_d_per_1000.value == pytest.approx(145.3488, abs=1e-4)


CF_CASES = [
    # analyte, excretion, molar masses -> correction factor (arithmetic of the default set)
    ("METH", 1 / 0.43),
    ("BE", (303.35 / 289.33) / 0.45),  # 2.33
    ("THC-COOH", (314.47 / 344.45) / 0.006),  # 152.2
    ("MOR", (369.41 / 285.34) / 0.42),  # 3.08
    ("6-MAM", (369.41 / 327.37) / 0.013),  # 86.8
    ("KET", 1 / 0.20),  # 5.0
    ("CODEINE", 1 / 0.638),  # 1.57
]


@pytest.mark.parametrize(("code", "expected"), CF_CASES)
def test_correction_factor_arithmetic(params: ParameterSet, code: str, expected: float) -> None:
    assert params.analyte(code).correction_factor == pytest.approx(expected)


@pytest.mark.parametrize(
    ("code", "rounded"),
    [("BE", 2.33), ("THC-COOH", 152.2), ("MOR", 3.08), ("6-MAM", 86.8), ("CODEINE", 1.57)],
)
def test_correction_factors_round_to_the_literature_values(
    params: ParameterSet, code: str, rounded: float
) -> None:
    digits = 1 if rounded > 50 else 2
    assert round(params.analyte(code).correction_factor, digits) == rounded


def test_censored_concentration_gives_censored_results_never_a_number(
    params: ParameterSet,
) -> None:
    est = back_calculate(meth(measured(None, "<LOQ", 10.0)), params)
    assert est.load_mg_d == Quantity(pytest.approx(2000.0), censored=True)
    assert str(est.load_mg_d_per_1000) == "< 2.5"
    assert est.consumption_mg_d_per_1000 is not None
    assert est.consumption_mg_d_per_1000.censored
    assert str(est.consumption_mg_d_per_1000) == "< 5.81395"
    assert est.doses_per_1000 is not None and est.doses_per_1000.censored


def test_load_only_analytes_give_no_consumption(params: ParameterSet) -> None:
    for code in ("MEPH", "COC", "NK"):
        est = back_calculate(Sample("S", DAY, code, measured(10.0), 1000.0, 5000.0), params)
        assert est.load_mg_d_per_1000.value == pytest.approx(2.0)
        assert est.consumption_mg_d_per_1000 is None and est.correction_factor is None
        with pytest.raises(WbeError, match="only loads"):
            _ = params.analyte(code).correction_factor


def test_ketamine_alternative_is_one_option_away(params: ParameterSet) -> None:
    sample = Sample("HK", DAY, "KET", measured(100.0), 200_000.0, 800_000.0)
    default = back_calculate(sample, params)
    pk = back_calculate(sample, builtin_parameter_set("mekongx-ketamine-pk"))
    assert default.consumption_mg_d_per_1000 is not None
    assert pk.consumption_mg_d_per_1000 is not None
    assert default.consumption_mg_d_per_1000.value == pytest.approx(25.0 * 5.0)
    assert pk.consumption_mg_d_per_1000.value == pytest.approx(25.0 / 0.023)
    assert pk.parameter_set == "mekongx-ketamine-pk@1.1.0"
    assert default.parameter_set != pk.parameter_set


@pytest.mark.parametrize(
    ("flow", "population", "code"),
    [(-1.0, 800_000.0, "value.negative"), (1.0, 0.0, "value.not_positive")],
)
def test_bad_numbers_are_refused(
    params: ParameterSet, flow: float, population: float, code: str
) -> None:
    with pytest.raises(WbeError) as info:
        back_calculate(meth(measured(250.0), flow, population), params)
    assert info.value.code == code


def test_unknown_analyte(params: ParameterSet) -> None:
    with pytest.raises(WbeError) as info:
        back_calculate(Sample("S", DAY, "LSD", measured(1.0), 1.0, 1.0), params)
    assert "LSD" in str(info.value) and "METH" in str(info.value)
    assert "ไม่รู้จักสารวิเคราะห์" in info.value.render("th")
