"""The one error type of the money-flow engine: a message code with its parameters."""

from __future__ import annotations

from mekongx.moneyflow.messages import render


class MoneyflowError(Exception):
    """Bad input or an impossible request; ``render(lang)`` gives the message for a user."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(render(code, "en", **params))
        self.code = code
        self.params = params

    def render(self, lang: str = "en") -> str:
        return render(self.code, lang, **self.params)
