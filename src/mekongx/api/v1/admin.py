"""Agencies, users and the audit log through the API."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select
from starlette.requests import Request

from mekongx.accounts import service as accounts
from mekongx.accounts.audit_view import audit_page
from mekongx.api.v1.schemas import ERRORS, AgencyOut, AuditEventOut, PageOut, UserOut, page_out
from mekongx.audit import read_session, record_read
from mekongx.authz import Permission, require
from mekongx.http.auth import CurrentPrincipal
from mekongx.http.node import node_of
from mekongx.http.params import After, Before, PageNumber
from mekongx.model.identity import OTHER_NAME_LANGUAGES, Agency, User

router = APIRouter(tags=["administration"], responses=ERRORS)  # type: ignore[arg-type]


class AgencyIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code: str = Field(max_length=16)
    name_en: str = Field(max_length=200)
    name_th: str = Field(max_length=200)
    name_zh: str = Field(max_length=200)
    name_lo: str = Field("", max_length=200)
    name_my: str = Field("", max_length=200)
    name_km: str = Field("", max_length=200)
    name_vi: str = Field("", max_length=200)
    country: str = Field(max_length=2)


class UserIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    username: str = Field(max_length=64)
    display_name: str = Field(max_length=200)
    agency_code: str = Field(max_length=16)
    role: str = Field(max_length=16)
    password: str = Field(max_length=200)
    language: str = Field("en", max_length=2)


@router.get("/agencies", response_model=list[AgencyOut])
def list_agencies(request: Request, principal: CurrentPrincipal) -> list[AgencyOut]:
    """The node's own agency and its known peers."""
    with node_of(request).db.read() as session:
        rows = session.scalars(select(Agency).order_by(Agency.is_own.desc(), Agency.code))
        return [AgencyOut.model_validate(a) for a in rows]


@router.post("/agencies", response_model=AgencyOut, status_code=201)
def create_agency(request: Request, principal: CurrentPrincipal, data: AgencyIn) -> AgencyOut:
    """Add a peer agency (administrators)."""
    with node_of(request).db.write() as session:
        agency = accounts.create_agency(
            session,
            principal,
            accounts.AgencyInput(
                data.code,
                data.name_en,
                data.name_th,
                data.name_zh,
                data.country,
                other_names={c: getattr(data, f"name_{c}") for c in OTHER_NAME_LANGUAGES},
            ),
        )
        return AgencyOut.model_validate(agency)


@router.get("/users", response_model=list[UserOut])
def list_users(request: Request, principal: CurrentPrincipal) -> list[UserOut]:
    """Every user of the node (administrators)."""
    require(principal, Permission.MANAGE_USERS)
    with node_of(request).db.read() as session:
        return [UserOut.model_validate(u) for u in session.scalars(select(User).order_by(User.id))]


@router.post("/users", response_model=UserOut, status_code=201)
def create_user(request: Request, principal: CurrentPrincipal, data: UserIn) -> UserOut:
    """Create a user (administrators). The password must pass the password policy."""
    node = node_of(request)
    with node.db.write() as session:
        user = accounts.create_user(
            session, principal, accounts.UserInput(**data.model_dump()), node.settings
        )
        return UserOut.model_validate(user)


@router.get("/audit", response_model=PageOut[AuditEventOut])
def list_audit(
    request: Request,
    principal: CurrentPrincipal,
    page: PageNumber = 1,
    per_page: Annotated[int, Query(ge=1, le=500)] = 100,
    action: Annotated[str | None, Query(max_length=64)] = None,
    after: After = None,
    before: Before = None,
) -> PageOut[AuditEventOut]:
    """Audit events, newest first (administrators). Viewing the log is itself audited. For the
    next page pass the answer's ``next_after`` as ``after`` (keyset paging by sequence
    number); ``total`` is exact up to 1,000 and an estimate beyond (``total_exact`` false)."""
    require(principal, Permission.READ_AUDIT)
    with read_session(node_of(request).db) as session:
        found = audit_page(
            session, action=action or "", page=page, per_page=per_page, after=after, before=before
        )
        items = [AuditEventOut.model_validate(e) for e in found.items]
        details = {"page": page, "api": True} | ({"after": after} if after else {})
        record_read(session, principal.actor, "audit.view", "audit", "", details=details)
    return page_out(found, items)
