"""What intelligence payloads must look like when they arrive from a peer (``docs/schemas/``).

The report's own fields are checked with the rules of a user's input (:class:`ReportFields`);
the exchange adds provenance. A payload that fails is refused with a signed receipt."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from mekongx.domains.intel.schemas import ReportFields

Uid = Field(min_length=36, max_length=36, pattern=r"^[0-9a-f-]{36}$")
AgencyCode = Field(min_length=1, max_length=16, pattern=r"^[A-Z0-9_-]{1,16}$")


class ReportPayload(ReportFields):
    """``intel.report`` (types ``information`` and ``correction``)."""

    uid: str = Uid
    version: int = Field(ge=1)
    origin_agency: str = AgencyCode
    author_name: str = Field("", max_length=200)
    created_at: AwareDatetime
    updated_at: AwareDatetime
    status: Literal["active", "retracted"] = "active"
    status_note: str = Field("", max_length=2000)
    forwarded_by: str | None = Field(None, min_length=1, max_length=16)
    consent: str | None = Field(None, max_length=8000)
    origin_signature: dict[str, Any] | None = None


class ConsentPayload(BaseModel):
    """``intel.consent``: the originator lets ``agency`` pass an H2 report on."""

    model_config = ConfigDict(extra="forbid")

    uid: str = Uid
    agency: str = AgencyCode
    token: str = Field(min_length=1, max_length=8000)


class OnwardPayload(BaseModel):
    """``intel.onward``: a holder tells the originator whom it passed the report on to."""

    model_config = ConfigDict(extra="forbid")

    uid: str = Uid
    agencies: list[str] = Field(min_length=1, max_length=50)
