"""What a joint operation or patrol payload must look like when it arrives from a peer."""

from __future__ import annotations

from pydantic import AwareDatetime, Field

from mekongx.domains.mekong.schemas import OperationFields


class OperationPayload(OperationFields):
    """``mekong.operation`` (type ``information``)."""

    uid: str = Field(min_length=36, max_length=36, pattern=r"^[0-9a-f-]{36}$")
    version: int = Field(ge=1)
    origin_agency: str = Field(min_length=1, max_length=16, pattern=r"^[A-Z0-9_-]{1,16}$")
    author_name: str = Field("", max_length=200)
    created_at: AwareDatetime
