"""What precursor payloads must look like when they arrive from a peer (``docs/schemas/``):
an incident's fields follow the rules of a user's incident (:class:`IncidentInput`); a
notification and its answer are applied by ``notifications.py`` and built by ``exchange.py``."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from mekongx.domains.precursors.schemas import IncidentInput, IncidentKind
from mekongx.i18n import Language


class NotificationPayload(BaseModel):
    """``precursors.notification``: the exporter's notification as the importing node receives it."""

    model_config = ConfigDict(extra="forbid")

    type: Literal["precursors.notification"]
    uid: str = Field(min_length=36, max_length=36)
    exporter_agency: str = Field(max_length=16)
    importer_agency: str = Field(max_length=16)
    reference: str = Field(min_length=1, max_length=64)
    exporter_name: str = Field(max_length=300)
    exporter_address: str = Field(max_length=2000)
    importer_name: str = Field(max_length=300)
    importer_address: str = Field(max_length=2000)
    consignee: str = Field(max_length=300)
    substance_id: str = Field(max_length=64)
    substance_name: str = Field(max_length=300)
    quantity_kg: float = Field(gt=0, le=1e9)
    # Sent by nodes since issue 13; absent from older payloads.
    quantity: float | None = Field(None, gt=0, le=1e12)
    unit: Literal["kg", "g", "t", "l", "ml"] = "kg"
    concentration_pct: float | None = Field(None, gt=0, le=100)
    preparation: bool = False
    packaging: str = Field("", max_length=2000)
    transport_mode: Literal["", "sea", "road", "rail", "air", "post", "multimodal"] = ""
    transit_countries: str = Field("", max_length=200, pattern=r"^([A-Z]{2}(,[A-Z]{2})*)?$")
    import_permit: str = Field("", max_length=100)
    legal_basis: Literal["", "art_12_10_a", "art_12_10_a_table_ii", "voluntary"] = ""
    port_of_exit: str = Field(max_length=200)
    port_of_entry: str = Field(max_length=200)
    route: str = Field(max_length=2000)
    response_days: int = Field(ge=1, le=90)
    language: Language
    author_name: str = Field(max_length=200)
    handling_code: Literal["H0", "H1", "H2", "H3"]
    handling_note: str = Field(max_length=2000)
    state: Literal["sent"]
    version: int = Field(ge=1)
    expected_dispatch: date | None
    sent_at: datetime
    deadline_at: datetime


class ResponsePayload(BaseModel):
    """``precursors.notification.response``: the importer's acknowledgement or answer."""

    model_config = ConfigDict(extra="forbid")

    type: Literal["precursors.notification.response"]
    uid: str = Field(min_length=36, max_length=36)
    importer_agency: str = Field(max_length=16)
    state: Literal["acknowledged", "confirmed", "information_requested", "objected"]
    note: str = Field(max_length=2000)
    at: datetime


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
