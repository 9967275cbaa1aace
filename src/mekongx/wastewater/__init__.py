"""Wastewater-based epidemiology (WBE) of drug use: the science, as a pure library.

From a drug residue measured in 24-hour composite influent samples to loads, population-
normalised loads, consumption and doses, with censored values kept censored, literature
corrections, Monte Carlo uncertainty with shared campaign terms, an uncertainty budget, and the
statistics used to compare cities and years. Imports only numpy, scipy, pyyaml and the standard
library; every human-readable text exists in English, Thai and Simplified Chinese
(:mod:`mekongx.wastewater.messages`).

Drug parameters are versioned data with citations (``data/params_default_v1.yaml``); every
result records the parameter set label (``id@version``). Values marked ``verified: false`` in a
parameter set (listed in :attr:`ParameterSet.unverified`) are standard literature values that
were not re-read against the original paper when the set was written.

Typical use::

    from mekongx.wastewater import default_parameter_set, measured, Sample, back_calculate
    params = default_parameter_set()
    est = back_calculate(Sample("BKK-1", date, "METH", measured(250.0), 200_000, 800_000), params)
    est.consumption_mg_d_per_1000          # Quantity(145.35), parameter set est.parameter_set
"""

from mekongx.wastewater.backcalc import (
    COMPOSITE_DAY,
    Estimate,
    Sample,
    back_calculate,
    consumption_factor,
)
from mekongx.wastewater.batch import MC_ROWS, RowResult, estimate_batch, iter_results
from mekongx.wastewater.budget import UncertaintyBudget, uncertainty_budget
from mekongx.wastewater.censored import (
    CensoredSummary,
    Quantity,
    kaplan_meier_summary,
    measured,
    ros_summary,
)
from mekongx.wastewater.compare import (
    Change,
    Ranking,
    WeekdayProfile,
    probability_greater,
    rank_sites,
    weekday_profile,
    weekend_ratio_draws,
    year_on_year,
)
from mekongx.wastewater.comparison import (
    Campaign,
    Figure,
    RegionalMean,
    campaign_draws,
    campaign_figure,
    compare_campaigns,
    keyed_rng,
    one_parameter_set,
    regional_means,
    season_of,
)
from mekongx.wastewater.corrections import (
    LicitSource,
    amp_from_meth,
    dumping_flags,
    subtract_licit,
)
from mekongx.wastewater.errors import Flag, WbeError
from mekongx.wastewater.messages import LANGUAGES, render
from mekongx.wastewater.montecarlo import (
    ErrorModel,
    Interval,
    Series,
    SeriesDraws,
    SharedDraws,
    draw_shared,
    simulate,
    summarise,
)
from mekongx.wastewater.param_files import (
    all_builtin_names,
    builtin_names,
    builtin_parameter_set,
    default_parameter_set,
    load_parameter_set,
    resolve_parameter_set,
)
from mekongx.wastewater.params import (
    SAMPLING_MODES,
    AnalyteParams,
    Marker,
    ParameterSet,
    Stability,
)
from mekongx.wastewater.population import (
    Calibration,
    PopulationEstimate,
    calibrate_marker,
    compare_estimates,
    hydrochemical_population,
    uncalibrated_flags,
)
from mekongx.wastewater.trends import (
    MannKendall,
    SeasonalKendall,
    TheilSen,
    mann_kendall,
    seasonal_kendall,
    theil_sen,
)
from mekongx.wastewater.units import concentration_to_ng_per_l, flow_to_m3_per_day

__all__ = [
    "COMPOSITE_DAY",
    "LANGUAGES",
    "MC_ROWS",
    "SAMPLING_MODES",
    "AnalyteParams",
    "Calibration",
    "Campaign",
    "CensoredSummary",
    "Change",
    "ErrorModel",
    "Estimate",
    "Figure",
    "Flag",
    "Interval",
    "LicitSource",
    "MannKendall",
    "Marker",
    "ParameterSet",
    "PopulationEstimate",
    "Quantity",
    "Ranking",
    "RegionalMean",
    "RowResult",
    "Sample",
    "SeasonalKendall",
    "Series",
    "SeriesDraws",
    "SharedDraws",
    "Stability",
    "TheilSen",
    "UncertaintyBudget",
    "WbeError",
    "WeekdayProfile",
    "all_builtin_names",
    "amp_from_meth",
    "back_calculate",
    "builtin_names",
    "builtin_parameter_set",
    "calibrate_marker",
    "campaign_draws",
    "campaign_figure",
    "compare_campaigns",
    "compare_estimates",
    "concentration_to_ng_per_l",
    "consumption_factor",
    "default_parameter_set",
    "draw_shared",
    "dumping_flags",
    "estimate_batch",
    "flow_to_m3_per_day",
    "hydrochemical_population",
    "iter_results",
    "kaplan_meier_summary",
    "keyed_rng",
    "load_parameter_set",
    "mann_kendall",
    "measured",
    "one_parameter_set",
    "probability_greater",
    "rank_sites",
    "regional_means",
    "render",
    "resolve_parameter_set",
    "ros_summary",
    "season_of",
    "seasonal_kendall",
    "simulate",
    "subtract_licit",
    "summarise",
    "theil_sen",
    "uncalibrated_flags",
    "uncertainty_budget",
    "weekday_profile",
    "weekend_ratio_draws",
    "year_on_year",
]
