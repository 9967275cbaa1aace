"""Logistic calibration of name-similarity features, one model per script pair.

Coefficients are data (``data/calibration.yaml``), fitted by ``benchmarks/names_quality.py --fit``
on the training split of the development set. Weights of the similarity features are constrained
to be non-negative so that the probability never falls when the names get more alike.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np

from mekongx.matching import _data

FEATURES = (
    "sim",
    "min_sim",
    "surname_sim",
    "unmatched",
    "rare_match",
    "han_same",
    "han_diff",
    "exact",
)
MONOTONE = frozenset({"sim", "min_sim", "surname_sim", "rare_match", "exact", "han_same"})
STRATA = ("same", "th-zh", "latin-th", "latin-zh")


@dataclass(frozen=True, slots=True)
class Model:
    intercept: float
    weights: tuple[float, ...]

    def logit(self, x: tuple[float, ...]) -> float:
        return self.intercept + sum(w * v for w, v in zip(self.weights, x, strict=True))


def sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


@cache
def config() -> dict[str, Any]:
    table: dict[str, Any] = _data.yaml_table("calibration.yaml")
    return table


@cache
def model(stratum: str) -> Model:
    raw = config()["models"].get(stratum) or config()["models"]["same"]
    return Model(float(raw["intercept"]), tuple(float(raw["weights"][f]) for f in FEATURES))


def threshold() -> float:
    return float(config()["threshold"])


def evidence_weights() -> dict[str, float]:
    return {k: float(v) for k, v in config()["evidence"].items()}


def fit(x: np.ndarray, y: np.ndarray, l2: float = 0.05, steps: int = 3000) -> Model:
    """Projected-gradient logistic regression with non-negative weights on MONOTONE features."""
    n, d = x.shape
    w = np.zeros(d)
    b = 0.0
    mono = np.array([f in MONOTONE for f in FEATURES])
    lr = 0.5
    for _ in range(steps):
        z = x @ w + b
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        g = p - y
        gw = x.T @ g / n + l2 * w
        gb = float(g.mean())
        w -= lr * gw
        b -= lr * gb
        w[mono] = np.maximum(w[mono], 0.0)
    return Model(float(b), tuple(float(v) for v in w))
