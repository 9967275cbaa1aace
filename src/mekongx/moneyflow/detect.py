"""Running the detectors: one call, either engine, alerts ranked by score."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from mekongx.moneyflow import cash, flows, paths
from mekongx.moneyflow.backends import Backend, open_backend
from mekongx.moneyflow.config import DetectorConfig
from mekongx.moneyflow.errors import MoneyflowError
from mekongx.moneyflow.model import TYPOLOGIES, Alert, Dataset
from mekongx.moneyflow.rules import Threshold, load_rules

Progress = Callable[[str], None]


def detect(
    dataset: Dataset | Path,
    *,
    engine: str = "duckdb",
    config: DetectorConfig | None = None,
    rules: list[Threshold] | None = None,
    typologies: tuple[str, ...] = TYPOLOGIES,
    progress: Progress | None = None,
    backend_options: dict[str, Any] | None = None,
    base_currency: str = "THB",
) -> list[Alert]:
    """Every alert of the chosen typologies over the normalised ``dataset``, best first."""
    unknown = [t for t in typologies if t not in TYPOLOGIES]
    if unknown:
        raise MoneyflowError("engine.unknown", engine=", ".join(unknown))
    path, base = (
        (dataset.path, dataset.base_currency)
        if isinstance(dataset, Dataset)
        else (dataset, base_currency)
    )
    backend = open_backend(engine, path, **(backend_options or {}))
    try:
        chosen = rules if rules is not None else load_rules()
        return run(backend, config or DetectorConfig(), chosen, typologies, base, progress)
    finally:
        backend.close()


def run(
    backend: Backend,
    config: DetectorConfig,
    rules: list[Threshold],
    typologies: tuple[str, ...],
    base: str,
    progress: Progress | None = None,
) -> list[Alert]:
    tell = progress or (lambda _step: None)
    wanted = set(typologies)
    alerts: list[Alert] = []
    tell("prepare")
    flows.prepare(backend, config)
    for typology in ("fan_out", "fan_in"):
        if typology in wanted:
            tell(typology)
            alerts += flows.fans(backend, config, typology)
    steps: list[tuple[str, Callable[[], list[Alert]]]] = [
        ("scatter_gather", lambda: flows.scatter_gather(backend, config)),
        ("gather_scatter", lambda: flows.gather_scatter(backend, config)),
        ("bipartite", lambda: flows.bipartite(backend, config)),
        ("structuring", lambda: cash.structuring(backend, config, rules)),
        ("rapid_pass_through", lambda: cash.rapid_pass_through(backend, config)),
        ("cash_courier", lambda: cash.cash_courier(backend, config, rules, base)),
    ]
    for typology, step in steps:
        if typology in wanted:
            tell(typology)
            alerts += step()
    if "stack" in wanted:
        tell("stack")
        alerts += flows.stacks(backend, config)
    if wanted & {"cycle", "stack"}:
        tell("cycle")
        cycles, chains = paths.cycles_and_chains(backend, config)
        alerts += [a for a in cycles if "cycle" in wanted]
        alerts += [a for a in chains if "stack" in wanted]
    return rank([a for a in alerts if a.score >= config.min_score])


def rank(alerts: list[Alert]) -> list[Alert]:
    """Best first; ties broken by the stable alert id, so every engine gives the same order.
    The same transactions found twice by one typology are one alert."""
    unique: dict[str, Alert] = {}
    for alert in alerts:
        current = unique.get(alert.alert_id)
        if current is None or alert.score > current.score:
            unique[alert.alert_id] = alert
    return sorted(unique.values(), key=lambda a: (-a.score, a.alert_id))
