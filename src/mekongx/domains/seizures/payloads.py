"""What a seizure payload must look like when it arrives from a peer (``docs/schemas/``): the
seizure's own fields with the rules of a user's input, plus provenance."""

from __future__ import annotations

from pydantic import AwareDatetime, Field

from mekongx.domains.seizures.schemas import SeizureFields

Uid = Field(min_length=36, max_length=36, pattern=r"^[0-9a-f-]{36}$")
AgencyCode = Field(min_length=1, max_length=16, pattern=r"^[A-Z0-9_-]{1,16}$")


class SeizurePayload(SeizureFields):
    """``seizures.seizure`` (types ``information`` and ``correction``)."""

    uid: str = Uid
    version: int = Field(ge=1)
    origin_agency: str = AgencyCode
    author_name: str = Field("", max_length=200)
    created_at: AwareDatetime
