"""Who may hold a record, as every area's input declares it and every service checks it.

One place for the distribution and handling-code fields of a shareable record's input
(:class:`SharingInput`, mixed into the areas' pydantic models), the checks that need the
database (:func:`check_distribution`) and the writing of named recipients
(:func:`set_recipients`).
"""

from __future__ import annotations

from typing import Literal, Protocol

from pydantic import BaseModel, Field, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from mekongx.authz.permissions import Permission, Principal, require
from mekongx.errors import FieldProblem, Forbidden
from mekongx.i18n import N_
from mekongx.model.identity import Agency, SharingGroup, SharingGroupMember
from mekongx.model.record import Distribution, RecordRecipient, SharedRecord


class SharingInput(BaseModel):
    """Handling code and distribution fields of a shareable record, with their rules."""

    handling_code: Literal["H0", "H1", "H2", "H3"] = "H0"
    handling_note: str = Field("", max_length=2000, validate_default=True)
    distribution: Literal["own", "peers", "group"] = "own"
    recipients: list[str] = Field(default_factory=list, max_length=50, validate_default=True)
    sharing_group: str | None = Field(None, max_length=32, validate_default=True)

    @field_validator("handling_note")
    @classmethod
    def _h3_needs_note(cls, value: str, info: ValidationInfo) -> str:
        if info.data.get("handling_code") == "H3" and not value.strip():
            raise PydanticCustomError(
                "h3_note", N_("Handling code H3 needs the restrictions written out.")
            )
        return value

    @field_validator("recipients")
    @classmethod
    def _peers_need_recipients(cls, value: list[str], info: ValidationInfo) -> list[str]:
        if info.data.get("distribution") == "peers" and not value:
            raise PydanticCustomError(
                "recipients", N_("Name at least one peer agency to share with.")
            )
        return sorted({v.strip().upper() for v in value if v.strip()})

    @field_validator("sharing_group")
    @classmethod
    def _group_needs_name(cls, value: str | None, info: ValidationInfo) -> str | None:
        if info.data.get("distribution") == "group" and not value:
            raise PydanticCustomError("group", N_("Choose the sharing group."))
        return value or None


def check_distribution(
    session: Session, principal: Principal, data: SharingInput, *, release: bool = True
) -> list[FieldProblem]:
    """Named agencies and the group must exist; when the change itself releases the record
    (``release``), sharing beyond the agency needs the release permission. Areas where a
    separate step releases (a notice is published by a liaison officer) pass ``release=False``.
    Returns the problems (the caller adds its own and raises once)."""
    if release and data.distribution != Distribution.OWN.value:
        require(principal, Permission.RELEASE_RECORDS)
    problems = []
    if data.distribution == Distribution.PEERS.value:
        known = set(session.scalars(select(Agency.code).where(Agency.code.in_(data.recipients))))
        for code in data.recipients:
            if code not in known:
                problems.append(
                    FieldProblem("recipients", N_("Unknown agency: %(code)s"), {"code": code})
                )
            elif code == principal.agency:
                problems.append(
                    FieldProblem("recipients", N_("Your own agency holds the record already."))
                )
    if (
        data.distribution == Distribution.GROUP.value
        and data.sharing_group
        and session.get(SharingGroup, data.sharing_group) is None
    ):
        problems.append(FieldProblem("sharing_group", N_("Unknown sharing group.")))
    return problems


def set_recipients(session: Session, record: SharedRecord, data: SharingInput) -> None:
    """Write the record's distribution, group and named recipients from the input."""
    record.distribution = data.distribution
    record.sharing_group = (
        data.sharing_group if data.distribution == Distribution.GROUP.value else None
    )
    session.execute(delete(RecordRecipient).where(RecordRecipient.record_uid == record.uid))
    if data.distribution == Distribution.PEERS.value:
        session.add_all(
            RecordRecipient(record_uid=record.uid, agency_code=c) for c in data.recipients
        )


def recipients_of(session: Session, record: SharedRecord) -> list[str]:
    """The agencies the record names as its holders (distribution ``peers``): what a form to
    change it shows ticked."""
    stmt = select(RecordRecipient.agency_code).where(RecordRecipient.record_uid == record.uid)
    return sorted(session.scalars(stmt))


def holders(session: Session, record: SharedRecord) -> set[str]:
    """The agencies other than the originator that should hold ``record`` by its distribution."""
    if record.distribution == Distribution.PEERS.value:
        stmt = select(RecordRecipient.agency_code).where(RecordRecipient.record_uid == record.uid)
    elif record.distribution == Distribution.GROUP.value and record.sharing_group:
        stmt = select(SharingGroupMember.agency_code).where(
            SharingGroupMember.group_code == record.sharing_group
        )
    else:
        return set()
    return set(session.scalars(stmt)) - {record.origin_agency}


def exportable(record: SharedRecord) -> bool:
    """Whether a record may leave the node as a file: a received H3 record is for the addressed
    agency's eyes on this node only and is never exported (docs/protocol.md, section 6)."""
    return not (record.received and record.handling_code == "H3")


def require_exportable(record: SharedRecord) -> None:
    """Every export of a record (CSV, document, chart) passes here first (``exportable``)."""
    if not exportable(record):
        raise Forbidden(N_("H3: a received record with these restrictions is never exported."))


class Addressed(Protocol):
    """What a received payload says about who may hold it."""

    @property
    def distribution(self) -> str: ...
    @property
    def recipients(self) -> list[str]: ...
    @property
    def sharing_group(self) -> str | None: ...


def addressed_to(session: Session, data: Addressed, agency: str) -> bool:
    """Whether a received payload's distribution includes ``agency`` (a named peer or a member
    of the named group): what a receiving node checks before it keeps a copy."""
    if data.distribution == Distribution.PEERS.value:
        return agency in {code.upper() for code in data.recipients}
    if data.distribution == Distribution.GROUP.value:
        member = select(SharingGroupMember.agency_code).where(
            SharingGroupMember.group_code == data.sharing_group,
            SharingGroupMember.agency_code == agency,
        )
        return session.scalar(member) is not None
    return False


def check_held_copy(held: SharedRecord | None, sender: str) -> None:
    """What a peer sends about a record may change only a copy of that peer's own record: a
    record of this node, or a copy of another agency's, with the same uid is refused."""
    if held is not None and (not held.received or held.origin_agency != sender):
        raise Forbidden(N_("Only the originating agency can change this record."))


def newer_copy(held: SharedRecord | None, *, origin: str, sender: str, version: int) -> bool:
    """The rule for a record a peer sends as its own: only its originating agency sends it, it
    may replace only a copy of that agency's record, and only a newer version replaces what is
    held. Refuses (:class:`Forbidden`) what breaks the rule; ``False`` means a repeat or an
    older version (nothing to apply)."""
    if origin != sender:
        raise Forbidden(N_("Only the originating agency can change this record."))
    check_held_copy(held, sender)
    return held is None or held.version < version
