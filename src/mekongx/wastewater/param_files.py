"""Reading, merging and validating parameter-set files (format ``mekongx.wbe.params/1``).

The built-in sets live in ``data/`` (``params_default_v1.yaml`` and the ketamine alternative).
A user file has the same format; it may ``extends:`` a built-in set and replace whole analyte
entries or single settings — this is how an alternative is "one option away". Validation
errors name the offending key path, e.g. ``analytes.KET.excretion.value``, in the reader's
language.
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from mekongx.wastewater.errors import WbeError
from mekongx.wastewater.params import (
    BUILTIN_FILES,
    DEFAULT_SET,
    LEGACY_FILES,
    REPORT_KINDS,
    SAMPLING_MODES,
    SCHEMA,
    AnalyteParams,
    DumpingRule,
    Excretion,
    Marker,
    ParameterSet,
    Stability,
    UncertaintyDefaults,
)

STABILITY_PLACES = ("sewer", "sample", "sorption")

# --------------------------------------------------------------------------------------------
# reading


def builtin_names() -> tuple[str, ...]:
    """The current built-in sets (offered for new work)."""
    return tuple(BUILTIN_FILES)


def all_builtin_names() -> tuple[str, ...]:
    """The current built-in sets and the superseded versions kept for stored campaigns."""
    return tuple(BUILTIN_FILES) + tuple(LEGACY_FILES)


def _read_yaml_text(text: str, origin: str) -> dict[str, Any]:
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise WbeError("params.yaml_invalid", path=origin, detail=str(exc).splitlines()[0]) from exc
    if not isinstance(raw, dict):
        raise WbeError(
            "params.bad_type", key="(file)", expected="a mapping", value=type(raw).__name__
        )
    return raw


def _builtin_raw(name: str, depth: int = 0) -> dict[str, Any]:
    filename = BUILTIN_FILES.get(name) or LEGACY_FILES.get(name)
    if filename is None:
        raise WbeError("params.unknown_builtin", name=name, allowed=", ".join(BUILTIN_FILES))
    text = (
        resources.files("mekongx.wastewater").joinpath("data").joinpath(filename).read_text("utf-8")
    )
    return _resolve(_read_yaml_text(text, name), depth)


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """Deep-merge mappings; an analyte entry is replaced whole (its parts belong together)."""
    merged = dict(base)
    for key, value in override.items():
        if key == "analytes" and isinstance(value, dict) and isinstance(base.get(key), dict):
            merged[key] = {**base[key], **value}
        elif isinstance(value, dict) and isinstance(base.get(key), dict):
            merged[key] = _merge(base[key], value)
        else:
            merged[key] = value
    return merged


def _resolve(raw: dict[str, Any], depth: int) -> dict[str, Any]:
    parent = raw.get("extends")
    if parent is None:
        return raw
    if not isinstance(parent, str) or depth >= 4:
        raise WbeError(
            "params.bad_type", key="extends", expected="a built-in set name", value=parent
        )
    base = _builtin_raw(parent, depth + 1)
    child = {k: v for k, v in raw.items() if k != "extends"}
    return _merge(base, child)


def load_parameter_set(path: str | Path) -> ParameterSet:
    """Load and validate a user parameter file (same format as the built-in sets)."""
    file = Path(path)
    if not file.is_file():
        raise WbeError("params.file_missing", path=str(path))
    raw = _read_yaml_text(file.read_text("utf-8"), str(path))
    return _validate(_resolve(raw, depth=0), origin=str(path))


def builtin_parameter_set(name: str = DEFAULT_SET) -> ParameterSet:
    """One of the parameter sets shipped in the package (see :func:`builtin_names`)."""
    return _validate(_builtin_raw(name), origin=f"builtin:{name}")


def default_parameter_set() -> ParameterSet:
    return builtin_parameter_set(DEFAULT_SET)


def resolve_parameter_set(name_or_path: str | None) -> ParameterSet:
    """A built-in set by name, else a file path; ``None`` gives the default set."""
    if name_or_path is None:
        return default_parameter_set()
    if name_or_path in BUILTIN_FILES:
        return builtin_parameter_set(name_or_path)
    return load_parameter_set(name_or_path)


# --------------------------------------------------------------------------------------------
# validation


class _Validator:
    def __init__(self, sources: Mapping[str, str]) -> None:
        self.sources = sources
        self.unverified: list[str] = []

    @staticmethod
    def mapping(node: Any, key: str) -> dict[str, Any]:
        if not isinstance(node, dict):
            raise WbeError("params.bad_type", key=key, expected="a mapping", value=node)
        return node

    @staticmethod
    def required(node: dict[str, Any], name: str, key: str) -> Any:
        if name not in node or node[name] is None:
            raise WbeError("params.missing_key", key=f"{key}.{name}" if key else name)
        return node[name]

    @staticmethod
    def text(node: Any, key: str) -> str:
        if not isinstance(node, str | int | float) or isinstance(node, bool) or str(node) == "":
            raise WbeError("params.bad_type", key=key, expected="a text", value=node)
        return str(node)

    @staticmethod
    def number(node: Any, key: str, low: float, high: float) -> float:
        if isinstance(node, bool) or not isinstance(node, int | float):
            raise WbeError("params.bad_type", key=key, expected="a number", value=node)
        value = float(node)
        if not low <= value <= high:
            raise WbeError("params.out_of_range", key=key, value=value, low=low, high=high)
        return value

    def cited(self, node: Any, key: str, low: float, high: float) -> float:
        """A ``{value, source[, verified, note]}`` entry; returns the value."""
        entry = self.mapping(node, key)
        value = self.number(self.required(entry, "value", key), f"{key}.value", low, high)
        self.source(entry, key)
        return value

    def source(self, entry: dict[str, Any], key: str) -> str:
        source = self.text(self.required(entry, "source", key), f"{key}.source")
        if source not in self.sources:
            raise WbeError("params.unknown_source", key=f"{key}.source", source=source)
        verified = entry.get("verified", source in ("pubchem",))
        if not isinstance(verified, bool):
            raise WbeError(
                "params.bad_type", key=f"{key}.verified", expected="true or false", value=verified
            )
        if not verified and source != "mekongx":
            self.unverified.append(key)
        return source

    def excretion(self, node: Any, key: str) -> Excretion:
        entry = self.mapping(node, key)
        mean = self.number(self.required(entry, "value", key), f"{key}.value", 1e-6, 1.0)
        sd = self.number(entry.get("sd", 0.0), f"{key}.sd", 0.0, 1.0)
        low = self.number(entry.get("low", mean), f"{key}.low", 1e-6, mean)
        high = self.number(entry.get("high", mean), f"{key}.high", mean, 1.0)
        source = self.source(entry, key)
        return Excretion(mean, sd, low, high, source, bool(entry.get("verified", False)))

    def analyte(self, code: str, node: Any) -> AnalyteParams:
        key = f"analytes.{code}"
        entry = self.mapping(node, key)
        allowed = {"name", "parent", "mw_parent", "mw_residue", "excretion", "dose_mg"}
        allowed |= {"sewer_loss", "report", "stability", "note"}
        for name in entry:
            if name not in allowed:
                raise WbeError(
                    "params.unknown_key", key=f"{key}.{name}", allowed=", ".join(sorted(allowed))
                )
        report = self.text(self.required(entry, "report", key), f"{key}.report")
        if report not in REPORT_KINDS:
            raise WbeError(
                "params.bad_type",
                key=f"{key}.report",
                expected=" or ".join(REPORT_KINDS),
                value=report,
            )
        excretion = None
        if report == "consumption":
            excretion = self.excretion(self.required(entry, "excretion", key), f"{key}.excretion")
        elif "excretion" in entry:
            excretion = self.excretion(entry["excretion"], f"{key}.excretion")
        dose = None
        if "dose_mg" in entry:
            dose = self.cited(entry["dose_mg"], f"{key}.dose_mg", 1e-3, 1e5)
        loss, loss_sd = 0.0, 0.0
        if "sewer_loss" in entry:
            loss_entry = self.mapping(entry["sewer_loss"], f"{key}.sewer_loss")
            loss = self.cited(loss_entry, f"{key}.sewer_loss", 0.0, 0.95)
            loss_sd = self.number(loss_entry.get("sd", 0.0), f"{key}.sewer_loss.sd", 0.0, 0.5)
        return AnalyteParams(
            code=code,
            name=self.text(self.required(entry, "name", key), f"{key}.name"),
            parent=self.text(self.required(entry, "parent", key), f"{key}.parent"),
            mw_parent=self.cited(
                self.required(entry, "mw_parent", key), f"{key}.mw_parent", 1.0, 5000.0
            ),
            mw_residue=self.cited(
                self.required(entry, "mw_residue", key), f"{key}.mw_residue", 1.0, 5000.0
            ),
            excretion=excretion,
            dose_mg=dose,
            sewer_loss=loss,
            sewer_loss_sd=loss_sd,
            report=report,
            stability=self.stability(entry.get("stability", []), f"{key}.stability"),
            excretion_note=self.text(entry["note"], f"{key}.note") if "note" in entry else "",
        )

    def stability(self, node: Any, key: str) -> tuple[Stability, ...]:
        if not isinstance(node, list):
            raise WbeError("params.bad_type", key=key, expected="a list", value=node)
        notes = []
        for i, item in enumerate(node):
            entry = self.mapping(item, f"{key}[{i}]")
            where = self.text(self.required(entry, "where", f"{key}[{i}]"), f"{key}[{i}].where")
            if where not in STABILITY_PLACES:
                raise WbeError(
                    "params.bad_type",
                    key=f"{key}[{i}].where",
                    expected=" or ".join(STABILITY_PLACES),
                    value=where,
                )
            loss = None
            if entry.get("loss") is not None:
                loss = self.number(entry["loss"], f"{key}[{i}].loss", 0.0, 1.0)
            source = self.source(entry, f"{key}[{i}]")
            notes.append(
                Stability(
                    where,
                    self.text(self.required(entry, "note", f"{key}[{i}]"), f"{key}[{i}].note"),
                    source,
                    loss,
                    bool(entry.get("verified", False)),
                )
            )
        return tuple(notes)

    def marker(self, name: str, node: Any) -> Marker:
        key = f"population.per_capita_g_d.{name}"
        entry = self.mapping(node, key)
        value = self.cited(entry, key, 1e-6, 1e4)
        calibrated = entry.get("calibrated_for", [])
        if not isinstance(calibrated, list) or not all(isinstance(c, str) for c in calibrated):
            raise WbeError(
                "params.bad_type",
                key=f"{key}.calibrated_for",
                expected="a list of country codes",
                value=calibrated,
            )
        return Marker(
            value,
            str(entry["source"]),
            self.text(entry.get("design_region", "unknown"), f"{key}.design_region"),
            tuple(c.upper() for c in calibrated),
        )


def _validate(raw: dict[str, Any], origin: str) -> ParameterSet:
    v0 = _Validator({})
    schema = v0.required(raw, "schema", "")
    if schema != SCHEMA:
        raise WbeError("params.schema", expected=SCHEMA, value=schema)
    sources_raw = v0.mapping(v0.required(raw, "sources", ""), "sources")
    sources = {str(k): v0.text(text, f"sources.{k}") for k, text in sources_raw.items()}
    v = _Validator(sources)

    unc = v.mapping(v.required(raw, "uncertainty", ""), "uncertainty")
    optional = ("analysis_systematic_rsd", "flow_systematic_rsd", "population_method_rsd")
    by_mode_raw = v.mapping(unc.get("sampling_by_mode", {}), "uncertainty.sampling_by_mode")
    for mode in by_mode_raw:
        if mode not in SAMPLING_MODES:
            raise WbeError(
                "params.unknown_key",
                key=f"uncertainty.sampling_by_mode.{mode}",
                allowed=", ".join(SAMPLING_MODES),
            )
    base = [
        v.cited(v.required(unc, name, "uncertainty"), f"uncertainty.{name}", 0.0, 3.0)
        for name in ("analysis_rsd", "sampling_rsd", "flow_rsd", "population_rsd")
    ]
    extra = {
        name: v.cited(unc[name], f"uncertainty.{name}", 0.0, 3.0) if name in unc else 0.0
        for name in optional
    }
    uncertainty = UncertaintyDefaults(
        analysis_rsd=base[0],
        sampling_rsd=base[1],
        flow_rsd=base[2],
        population_rsd=base[3],
        analysis_systematic_rsd=extra["analysis_systematic_rsd"],
        flow_systematic_rsd=extra["flow_systematic_rsd"],
        population_method_rsd=extra["population_method_rsd"],
        sampling_by_mode={
            str(mode): v.cited(entry, f"uncertainty.sampling_by_mode.{mode}", 0.0, 3.0)
            for mode, entry in by_mode_raw.items()
        },
    )

    corr = v.mapping(v.required(raw, "corrections", ""), "corrections")
    amp_ratio = v.cited(
        v.required(corr, "amp_from_meth_ratio", "corrections"),
        "corrections.amp_from_meth_ratio",
        0.0,
        1.0,
    )
    rules_raw = corr.get("dumping", [])
    if not isinstance(rules_raw, list):
        raise WbeError(
            "params.bad_type", key="corrections.dumping", expected="a list", value=rules_raw
        )
    rules = []
    for i, rule_node in enumerate(rules_raw):
        key = f"corrections.dumping[{i}]"
        rule = v.mapping(rule_node, key)
        threshold_entry = v.required(rule, "threshold", key)
        rules.append(
            DumpingRule(
                parent=v.text(v.required(rule, "parent", key), f"{key}.parent"),
                metabolite=v.text(v.required(rule, "metabolite", key), f"{key}.metabolite"),
                threshold=v.cited(threshold_entry, f"{key}.threshold", 1e-6, 1e6),
                source=str(v.mapping(threshold_entry, key)["source"]),
            )
        )

    pop = v.mapping(v.required(raw, "population", ""), "population")
    limit = v.cited(
        v.required(pop, "disagreement_limit", "population"),
        "population.disagreement_limit",
        0.0,
        10.0,
    )
    coeff_raw = v.mapping(
        v.required(pop, "per_capita_g_d", "population"), "population.per_capita_g_d"
    )
    markers = {str(name): v.marker(str(name), entry) for name, entry in coeff_raw.items()}
    coefficients = {name: m.per_capita_g_d for name, m in markers.items()}

    analytes_raw = v.mapping(v.required(raw, "analytes", ""), "analytes")
    if not analytes_raw:
        raise WbeError("params.missing_key", key="analytes.<code>")
    analytes = {str(code): v.analyte(str(code), node) for code, node in analytes_raw.items()}
    for i, dumping_rule in enumerate(rules):
        for code in (dumping_rule.parent, dumping_rule.metabolite):
            if code not in analytes:
                raise WbeError(
                    "analyte.unknown",
                    analyte=f"{code} (corrections.dumping[{i}])",
                    param_set=str(raw.get("id")),
                    allowed=", ".join(analytes),
                )

    return ParameterSet(
        id=v.text(v.required(raw, "id", ""), "id"),
        version=v.text(v.required(raw, "version", ""), "version"),
        title=v.text(raw.get("title", raw.get("id")), "title"),
        origin=origin,
        analytes=analytes,
        uncertainty=uncertainty,
        amp_from_meth_ratio=amp_ratio,
        dumping=tuple(rules),
        per_capita_g_d=coefficients,
        population_disagreement_limit=limit,
        sources=sources,
        unverified=tuple(v.unverified),
        markers=markers,
    )
