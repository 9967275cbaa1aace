"""What comparing two names gives: a decision and the calibrated, explained match (shared by
the scorer and the analysts' recorded judgements)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from mekongx.matching.explain import Reason


class Decision(StrEnum):
    MATCH = "match"
    REVIEW = "review"
    NO_MATCH = "no_match"


@dataclass(frozen=True, slots=True)
class Match:
    """Calibrated comparison of two names."""

    probability: float
    decision: Decision
    explanation: tuple[Reason, ...]
    stratum: str
    features: dict[str, float]
    reading_a: str | None = None
    reading_b: str | None = None

    @property
    def score(self) -> float:
        return self.probability

    def explain(self, lang: str = "en") -> list[str]:
        return [r.render(lang) for r in self.explanation]
