"""Turning a pattern's figures into a score on a documented scale, the same on every engine.

Every score lies in [0, 1] and is a weighted mean of parts, each in [0, 1], that the alert's
explanation lists. Figures are rounded before scoring (6 decimals) so that the last bits in
which two engines' floating-point sums may differ cannot change a score or a ranking.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import TypedDict


def r6(value: float | int | None) -> float:
    return round(float(value or 0.0), 6)


def clamp(value: float) -> float:
    return 0.0 if value < 0 else 1.0 if value > 1 else value


def uniformity(amounts: Sequence[float]) -> float:
    """1 when every amount is the same, falling to 0 at a coefficient of variation of 0.5."""
    if len(amounts) < 2:
        return 0.0
    mean = sum(amounts) / len(amounts)
    if mean <= 0:
        return 0.0
    sd = math.sqrt(sum((a - mean) ** 2 for a in amounts) / len(amounts))
    return clamp(1 - (sd / mean) / 0.5)


def saturating(count: float, full: float) -> float:
    """0 below one, 1 at ``full`` and above, logarithmic between."""
    if count <= 1:
        return 0.0
    return clamp(math.log(count) / math.log(full))


def speed(span_seconds: float, window: float) -> float:
    """1 for a pattern done at once, 0 for one spread over three windows."""
    return clamp(1 - span_seconds / (3 * window))


def weighted(parts: Iterable[tuple[float, float]]) -> float:
    items = list(parts)
    total = sum(w for _, w in items)
    return round(sum(v * w for v, w in items) / total, 4) if total else 0.0


def money(value: float) -> str:
    return f"{value:,.2f}"


def hours(seconds: float) -> str:
    """Hours with one decimal; the unit is in each language's template."""
    return f"{seconds / 3600:.1f}"


class Explained(TypedDict):
    explanation: str
    code: str
    params: dict[str, object]


def explain(code: str, **params: object) -> Explained:
    """An alert's explanation: the English text, and the code and figures to render it in the
    reader's language (``messages.render``)."""
    from mekongx.moneyflow.messages import render

    figures: dict[str, object] = {
        k: v if isinstance(v, int | float) else str(v) for k, v in params.items()
    }
    return {"explanation": render(code, "en", **figures), "code": code, "params": figures}
