"""Turning pydantic validation errors into field problems a user can read in their language."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from mekongx.errors import FieldProblem, ValidationFailed
from mekongx.i18n import N_

M = TypeVar("M", bound=BaseModel)

_MESSAGES: dict[str, str] = {
    "missing": N_("This field is required."),
    "string_too_short": N_("This field is required."),
    "string_too_long": N_("Must be at most %(max_length)s characters."),
    "too_long": N_("Must have at most %(max_length)s items."),
    "literal_error": N_("Must be one of: %(expected)s."),
    "enum": N_("Must be one of: %(expected)s."),
    "int_parsing": N_("Must be a whole number."),
    "int_type": N_("Must be a whole number."),
    "bool_parsing": N_("Must be true or false."),
    "greater_than_equal": N_("Must be at least %(ge)s."),
    "less_than_equal": N_("Must be at most %(le)s."),
    "string_type": N_("Must be text."),
    "list_type": N_("Must be a list."),
    "extra_forbidden": N_("Unknown field."),
    "json_invalid": N_("The request body is not valid JSON."),
    "model_attributes_type": N_("Must be an object."),
    "dict_type": N_("Must be an object."),
    "date_from_datetime_parsing": N_("Must be a date (YYYY-MM-DD)."),
    "date_parsing": N_("Must be a date (YYYY-MM-DD)."),
}


_CUSTOM = {"h3_note", "recipients", "group", "mekongx"}


def problems_from(error: ValidationError, prefix: tuple[str | int, ...] = ()) -> list[FieldProblem]:
    problems = []
    for item in error.errors(include_url=False):
        loc = [str(p) for p in (*prefix, *item["loc"]) if p not in ("body",)]
        ctx: dict[str, Any] = dict(item.get("ctx") or {})
        message = _MESSAGES.get(item["type"])
        if message is None:
            # Our own PydanticCustomError templates are msgids already; anything else is not.
            message = item["msg"] if item["type"] in _CUSTOM else N_("This value is not valid.")
            ctx = {}
        params = {k: str(v) for k, v in ctx.items() if k in {"max_length", "expected", "ge", "le"}}
        problems.append(FieldProblem(".".join(loc) or "body", message, params))
    return problems


def parse(model: type[M], data: Any) -> M:
    """Validate ``data`` into ``model`` or raise :class:`ValidationFailed` naming every field."""
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise ValidationFailed(problems_from(error)) from None
