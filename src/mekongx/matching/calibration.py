"""Logistic calibration of name-similarity features, one model per script pair.

Coefficients are data (``data/calibration.yaml``), fitted by ``benchmarks/names_quality.py --fit``
on the training split of the development set. Weights of the similarity features are constrained
to be non-negative so that the probability never falls when the names get more alike.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from operator import mul
from typing import Any

import numpy as np

from mekongx.matching import _data

FEATURES = (
    "sim",
    "min_sim",
    "min_sim4",
    "surname_sim",
    "unmatched",
    "rare_match",
    "han_same",
    "han_diff",
    "exact",
    "syllables_exact",
    "syllable_mismatches",
)
MONOTONE = frozenset(
    {"sim", "min_sim", "min_sim4", "surname_sim", "rare_match", "exact", "han_same"}
) | {"syllables_exact"}
ANTITONE = frozenset({"unmatched", "han_diff", "syllable_mismatches"})
STRATA = ("same", "th-zh", "latin-th", "latin-zh")


@dataclass(frozen=True, slots=True)
class Model:
    intercept: float
    weights: tuple[float, ...]

    def logit(self, x: tuple[float, ...]) -> float:
        # the same products summed in the same order as a generator over zip, without its frames
        total: float = sum(map(mul, self.weights, x))
        return self.intercept + total


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


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1e-3, iterations: int = 60) -> Model:
    """Logistic regression by Newton steps (IRLS) with a small ridge penalty.

    Weights of MONOTONE features that come out negative (ANTITONE: positive) are fixed at zero
    and the rest refitted (an active-set loop), so the model is monotone in name similarity.
    """
    n, d = x.shape
    sign = [1 if f in MONOTONE else -1 if f in ANTITONE else 0 for f in FEATURES]
    active = list(range(d))
    while True:
        xa = np.hstack([np.ones((n, 1)), x[:, active]])
        w = np.zeros(xa.shape[1])
        for _ in range(iterations):
            p = 1.0 / (1.0 + np.exp(-np.clip(xa @ w, -30, 30)))
            grad = xa.T @ (p - y) + l2 * np.r_[0.0, w[1:]]
            h = (xa * (p * (1 - p))[:, None]).T @ xa + l2 * np.eye(xa.shape[1])
            step = np.linalg.solve(h, grad)
            w -= step
            if float(np.abs(step).max()) < 1e-8:
                break
        negative = [active[i] for i, v in enumerate(w[1:]) if sign[active[i]] * v < 0]
        if not negative:
            break
        active = [i for i in active if i not in negative]
    weights = [0.0] * d
    for i, v in zip(active, w[1:], strict=True):
        weights[i] = float(v)
    return Model(float(w[0]), tuple(weights))
