"""What the area's payloads must look like when they arrive from a peer: the input's fields and
rules plus the copy's provenance."""

from __future__ import annotations

from pydantic import AwareDatetime, BaseModel, Field

from mekongx.domains.mekong.schemas import OperationFields, PlanActionFields, ProgressFields


class _Copy(BaseModel):
    uid: str = Field(min_length=36, max_length=36, pattern=r"^[0-9a-f-]{36}$")
    version: int = Field(ge=1)
    origin_agency: str = Field(min_length=1, max_length=16, pattern=r"^[A-Z0-9_-]{1,16}$")
    author_name: str = Field("", max_length=200)
    created_at: AwareDatetime


class OperationPayload(OperationFields, _Copy):
    """``mekong.operation`` (type ``information``)."""


class PlanActionPayload(PlanActionFields, _Copy):
    """``mekong.plan_action`` (type ``information``)."""


class ProgressPayload(ProgressFields, _Copy):
    """``mekong.plan_progress`` (type ``information``)."""
