"""Response models of the API (inputs reuse the domain schemas)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

T = TypeVar("T")


class PageOut(BaseModel, Generic[T]):
    items: list[T]
    total: int
    page: int
    per_page: int
    total_exact: bool = True  # False: ``total`` is an estimate (counting stopped at a bound)
    next_after: int | None = None  # the keyset cursor of the next page (``after=``); None: last


def page_out(found: Any, items: list[T]) -> PageOut[T]:
    """One page of ``authz.listing.page_of`` (``found``) as the API answers it, with ``items``
    its rows as response models."""
    return PageOut(items=items, total=found.total, page=found.page, per_page=found.per_page,
                   total_exact=found.total_exact, next_after=found.next_after)  # fmt: skip


class MeOut(BaseModel):
    username: str
    display_name: str
    agency: str
    role: str
    language: str


class ReportOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    uid: str
    title: str
    narrative: str
    language: str
    origin_agency: str
    author_name: str
    source_reliability: str
    info_reliability: int
    handling_code: str
    handling_note: str
    distribution: str
    sharing_group: str | None
    received: bool
    status: str
    status_note: str
    version: int
    created_at: datetime
    updated_at: datetime


class ReportSummaryOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    uid: str
    title: str
    origin_agency: str
    handling_code: str
    distribution: str
    version: int
    updated_at: datetime


class ReportDetailOut(ReportOut):
    recipients: list[str]


class AgencyOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    code: str
    name_en: str
    name_th: str
    name_zh: str
    name_lo: str
    name_my: str
    name_km: str
    name_vi: str
    country: str
    is_own: bool


class UserOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    username: str
    display_name: str
    agency_code: str
    role: str
    language: str
    active: bool


class AuditEventOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    seq: int
    at: datetime
    actor: str
    agency: str
    action: str
    target_type: str
    target_id: str
    why: str
    request_id: str
    hash: str


class RetractIn(BaseModel):
    """Why the originator withdraws its record (every holder is told)."""

    model_config = ConfigDict(extra="forbid")
    reason: str = Field(max_length=2000)


class ErrorField(BaseModel):
    field: str
    message: str


class ErrorBody(BaseModel):
    code: str
    message: str
    fields: list[ErrorField]
    request_id: str


class ErrorOut(BaseModel):
    error: ErrorBody


ERRORS = {status: {"model": ErrorOut} for status in (401, 403, 404, 409, 422)}
