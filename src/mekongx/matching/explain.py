"""Explanations as codes with parameters; ``messages`` renders them in three languages."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Effect = Literal["for", "against", "neutral"]


@dataclass(frozen=True, slots=True)
class Reason:
    """One feature that counted: ``code`` (see ``messages.MESSAGES``), its parameters, its effect."""

    code: str
    params: dict[str, str] = field(default_factory=dict)
    effect: Effect = "neutral"

    def render(self, lang: str = "en") -> str:
        from mekongx.matching.messages import render

        return render(self.code, lang, self.params)
