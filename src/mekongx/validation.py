"""Turning pydantic validation errors into field problems a user can read in their language."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from mekongx.errors import FieldProblem, ValidationFailed
from mekongx.i18n import N_

M = TypeVar("M", bound=BaseModel)

MESSAGES: dict[str, str] = {
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


def problems_from(error: ValidationError) -> list[FieldProblem]:
    return problems_from_errors(error.errors(include_url=False))


def problems_from_errors(errors: Sequence[Any]) -> list[FieldProblem]:
    """Field problems from pydantic's (or FastAPI's request validation) error list."""
    problems = []
    for item in errors:
        loc = [str(p) for p in item.get("loc", ()) if p not in ("body", "query", "path")]
        ctx: dict[str, Any] = dict(item.get("ctx") or {})
        message = MESSAGES.get(item.get("type", ""))
        keep = {"max_length", "expected", "ge", "le"}
        if message is None:
            # Our own PydanticCustomError templates are msgids already (with ``%(name)s``
            # placeholders, which pydantic leaves alone; their context fills them); anything
            # else is not.
            custom = item.get("type") in _CUSTOM
            message = str(item.get("msg")) if custom else N_("This value is not valid.")
            keep = set(ctx) if custom else set()
        params = {k: str(v) for k, v in ctx.items() if k in keep}
        if "expected" in params:  # pydantic writes "'a', 'b' or 'c'": no English word in Thai
            params["expected"] = params["expected"].replace(" or ", ", ")
        problems.append(FieldProblem(".".join(loc) or "body", message, params))
    return problems


def parse(model: type[M], data: Any) -> M:
    """Validate ``data`` into ``model`` or raise :class:`ValidationFailed` naming every field."""
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise ValidationFailed(problems_from(error)) from None
