"""One exception family for everything a user can be told.

Each error carries an HTTP status, a stable code, a message id (English, translated by the
delivery layer into the user's language) with parameters, and for validation problems the list
of fields with what is wrong with each.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from mekongx.i18n import N_


@dataclass(frozen=True)
class FieldProblem:
    field: str
    message: str  # msgid
    params: dict[str, Any] = dataclasses.field(default_factory=dict)


class MekongXError(Exception):
    status = 400
    code = "bad_request"

    def __init__(
        self,
        message: str,
        *,
        fields: list[FieldProblem] | None = None,
        **params: Any,
    ) -> None:
        super().__init__(message % params if params else message)
        self.message = message
        self.params = params
        self.fields = fields or []


class ValidationFailed(MekongXError):
    status = 422
    code = "invalid"

    def __init__(self, fields: list[FieldProblem]) -> None:
        super().__init__(N_("Some fields are not valid."), fields=fields)


class NotAuthenticated(MekongXError):
    status = 401
    code = "not_authenticated"


class Forbidden(MekongXError):
    status = 403
    code = "forbidden"
    needed: str = ""  # the permission the user's role lacks, when that is the reason


class NotFound(MekongXError):
    status = 404
    code = "not_found"


class Conflict(MekongXError):
    status = 409
    code = "conflict"


class Locked(MekongXError):
    status = 423
    code = "locked"
