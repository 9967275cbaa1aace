"""The one exception family of the wastewater library.

An error carries a message code and its fields, not a sentence: the caller renders it in the
reader's language with :meth:`WbeError.render`. ``str(error)`` gives the English text so that
logs and tracebacks stay readable.
"""

from __future__ import annotations

from mekongx.wastewater.messages import MESSAGES, render


class WbeError(ValueError):
    """Bad input to the wastewater library (unit, value, parameter file, analyte...)."""

    def __init__(self, code: str, **fields: object) -> None:
        if code not in MESSAGES:
            raise KeyError(code)
        self.code = code
        self.fields = fields
        super().__init__(render(code, "en", **fields))

    def render(self, lang: str = "en") -> str:
        """The message in ``lang`` (``en``, ``th`` or ``zh``)."""
        return render(self.code, lang, **self.fields)


def check_finite(field: str, value: float) -> float:
    """Return ``value`` as float, or raise when it is NaN or infinite."""
    number = float(value)
    if number != number or number in (float("inf"), float("-inf")):
        raise WbeError("value.not_finite", field=field, value=value)
    return number


def check_non_negative(field: str, value: float) -> float:
    """Return ``value`` as float, or raise when it is negative or not finite."""
    number = check_finite(field, value)
    if number < 0:
        raise WbeError("value.negative", field=field, value=value)
    return number


def check_positive(field: str, value: float) -> float:
    """Return ``value`` as float, or raise when it is zero, negative or not finite."""
    number = check_finite(field, value)
    if number <= 0:
        raise WbeError("value.not_positive", field=field, value=value)
    return number


class Flag:
    """A warning attached to a result (dumping suspected, correction saturated...).

    Like :class:`WbeError` it stores a message code and fields, rendered on demand.
    """

    __slots__ = ("code", "fields")

    def __init__(self, code: str, **fields: object) -> None:
        if code not in MESSAGES:
            raise KeyError(code)
        self.code = code
        self.fields = fields

    def render(self, lang: str = "en") -> str:
        return render(self.code, lang, **self.fields)

    def __repr__(self) -> str:
        return f"Flag({self.code!r}, {self.fields!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Flag) and (self.code, self.fields) == (other.code, other.fields)

    def __hash__(self) -> int:
        return hash((self.code, tuple(sorted(self.fields))))
