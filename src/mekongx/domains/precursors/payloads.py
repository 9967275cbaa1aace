"""What precursor payloads must look like when they arrive from a peer (``docs/schemas/``):
an incident's fields follow the rules of a user's incident (:class:`IncidentInput`); the
notification models are the ones ``notifications.py`` applies."""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict, Field

from mekongx.domains.precursors.notifications import _Received, _Response
from mekongx.domains.precursors.schemas import IncidentInput, IncidentKind

NotificationPayload = _Received
ResponsePayload = _Response


class IncidentPayload(IncidentInput):
    """``precursors.incident``. On the wire the incident's kind is ``incident_kind`` (``kind``
    names the payload's kind on the exchange)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    kind: IncidentKind = Field(alias="incident_kind")
    type: Literal["precursors.incident"]
    uid: str = Field(min_length=36, max_length=36, pattern=r"^[0-9a-f-]{36}$")
    origin_agency: str = Field(min_length=1, max_length=16)
    author_name: str = Field("", max_length=200)
    notification_uid: str | None = Field(None, max_length=36)
    version: int = Field(1, ge=1)
