"""Roles and what each may do. Every decision carries the reason for it."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from mekongx.audit import Actor
from mekongx.errors import Forbidden
from mekongx.i18n import N_
from mekongx.model.identity import Role


class Permission(enum.StrEnum):
    READ_RECORDS = "read_records"
    WRITE_RECORDS = "write_records"
    RELEASE_RECORDS = "release_records"  # share with peer agencies
    MANAGE_USERS = "manage_users"
    MANAGE_AGENCIES = "manage_agencies"
    READ_AUDIT = "read_audit"
    EXPORT = "export"
    VIEW_LINKS = "view_links"  # the state of the exchange with each peer


_GRANTS: dict[Role, frozenset[Permission]] = {
    Role.VIEWER: frozenset({Permission.READ_RECORDS}),
    Role.ANALYST: frozenset({Permission.READ_RECORDS, Permission.WRITE_RECORDS, Permission.EXPORT}),
    Role.LIAISON: frozenset(
        {
            Permission.READ_RECORDS,
            Permission.WRITE_RECORDS,
            Permission.RELEASE_RECORDS,
            Permission.EXPORT,
            Permission.VIEW_LINKS,
        }
    ),
    Role.ADMIN: frozenset(
        {
            Permission.READ_RECORDS,
            Permission.MANAGE_USERS,
            Permission.MANAGE_AGENCIES,
            Permission.READ_AUDIT,
            Permission.EXPORT,
            Permission.VIEW_LINKS,
        }
    ),
}


@dataclass(frozen=True)
class Principal:
    """The authenticated user of a request."""

    user_id: int
    username: str
    display_name: str
    agency: str
    role: Role
    language: str
    request_id: str = ""

    @property
    def actor(self) -> Actor:
        return Actor(self.user_id, self.username, self.agency, self.request_id)


@dataclass(frozen=True)
class Decision:
    allowed: bool
    reason: str


def can(principal: Principal, permission: Permission) -> Decision:
    if permission in _GRANTS[principal.role]:
        return Decision(True, f"role {principal.role.value} grants {permission.value}")
    return Decision(False, f"role {principal.role.value} lacks {permission.value}")


def require(principal: Principal, permission: Permission) -> None:
    if not can(principal, permission).allowed:
        error = Forbidden(N_("Your role does not allow this action."))
        error.needed = permission.value
        raise error


def roles_with(permission: Permission) -> list[Role]:
    """The roles that grant ``permission`` (to tell a refused user whom to ask)."""
    return [role for role, granted in _GRANTS.items() if permission in granted]
