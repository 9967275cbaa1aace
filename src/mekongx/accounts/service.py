"""Agencies, sharing groups, users and API tokens: every change audited in its transaction (logging
in is in ``authentication.py``)."""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, bindparam, delete, select
from sqlalchemy.orm import Session

from mekongx.accounts.passwords import hash_password, policy_problems
from mekongx.accounts.tokens import digest, new_api_token
from mekongx.audit import Actor, record
from mekongx.authz.permissions import Permission, Principal, require
from mekongx.errors import (
    Conflict,
    FieldProblem,
    NotFound,
    ValidationFailed,
)
from mekongx.i18n import LANGUAGES, N_
from mekongx.model.base import utcnow
from mekongx.model.identity import (
    NAME_LANGUAGES,
    OTHER_NAME_LANGUAGES,
    Agency,
    ApiToken,
    LoginSession,
    Role,
    SharingGroup,
    SharingGroupMember,
    User,
)
from mekongx.settings import Settings

log = logging.getLogger("mekongx.accounts")
_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{2,63}$")
_AGENCY_CODE = re.compile(r"^[A-Z][A-Z0-9-]{1,15}$")


def principal_for(user: User, request_id: str = "") -> Principal:
    return Principal(
        user_id=user.id,
        username=user.username,
        display_name=user.display_name,
        agency=user.agency_code,
        role=Role(user.role),
        language=user.language,
        request_id=request_id,
    )


# --- agencies -------------------------------------------------------------------------------


@dataclass(frozen=True)
class AgencyInput:
    code: str
    name_en: str
    name_th: str
    name_zh: str
    country: str
    is_own: bool = False
    # the name in Lao, Burmese, Khmer and Vietnamese: language code -> name ("" or left out where
    # not known; English is shown then)
    other_names: Mapping[str, str] = field(default_factory=dict)


def _agency_problems(data: AgencyInput) -> list[FieldProblem]:
    problems = []
    if not _AGENCY_CODE.match(data.code):
        problems.append(FieldProblem("code", N_("Use 2 to 16 capital letters, digits or hyphens.")))
    for name in ("name_en", "name_th", "name_zh"):
        if not getattr(data, name).strip():
            problems.append(FieldProblem(name, N_("This field is required.")))
    if not re.fullmatch(r"[A-Z]{2}", data.country):
        problems.append(FieldProblem("country", N_("Use a two-letter ISO country code.")))
    for lang, name in data.other_names.items():
        if lang not in OTHER_NAME_LANGUAGES:
            problems.append(FieldProblem(f"name_{lang}", N_("This field is not allowed.")))
        elif len(name) > 200:
            problems.append(FieldProblem(f"name_{lang}", N_("Use at most 200 characters.")))
    return problems


def create_agency(session: Session, actor: Actor | Principal, data: AgencyInput) -> Agency:
    if isinstance(actor, Principal):
        require(actor, Permission.MANAGE_AGENCIES)
    if problems := _agency_problems(data):
        raise ValidationFailed(problems)
    if session.get(Agency, data.code):
        raise Conflict(N_("An agency with code %(code)s already exists."), code=data.code)
    if data.is_own and session.scalar(select(Agency).where(Agency.is_own)):
        raise Conflict(N_("This node already has its own agency."))
    agency = Agency(
        code=data.code,
        name_en=data.name_en.strip(),
        name_th=data.name_th.strip(),
        name_zh=data.name_zh.strip(),
        **{f"name_{lang}": name.strip() for lang, name in data.other_names.items()},
        country=data.country,
        is_own=data.is_own,
    )
    session.add(agency)
    who = actor.actor if isinstance(actor, Principal) else actor
    record(session, who, "agency.create", "agency", data.code, details={"country": data.country})
    return agency


def create_sharing_group(
    session: Session, actor: Actor, code: str, names: Mapping[str, str], members: list[str]
) -> SharingGroup:
    """A sharing group named in ``names`` (language code -> name; English required)."""
    group = SharingGroup(
        code=code, **{f"name_{lang}": names.get(lang, "") for lang in NAME_LANGUAGES}
    )
    session.add(group)
    session.flush()
    for agency in members:
        session.add(SharingGroupMember(group_code=code, agency_code=agency))
    record(session, actor, "group.create", "sharing_group", code, details={"members": members})
    return group


# --- users ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class UserInput:
    username: str
    display_name: str
    agency_code: str
    role: str
    password: str
    language: str = "en"


def create_user(
    session: Session,
    actor: Actor | Principal,
    data: UserInput,
    settings: Settings,
) -> User:
    """A new account of the node's own agency. A partner's users log in on their own node and
    what they do reaches this one over the exchange, so an account of another agency is refused."""
    if isinstance(actor, Principal):
        require(actor, Permission.MANAGE_USERS)
    problems: list[FieldProblem] = []
    if not _USERNAME.match(data.username):
        problems.append(
            FieldProblem(
                "username",
                N_("Use 3 to 64 lower-case letters, digits, dots, hyphens or underscores."),
            )
        )
    if not data.display_name.strip():
        problems.append(FieldProblem("display_name", N_("This field is required.")))
    if data.role not in {r.value for r in Role}:
        problems.append(FieldProblem("role", N_("Unknown role.")))
    if data.language not in LANGUAGES:
        problems.append(FieldProblem("language", N_("Unknown language.")))
    if not session.get(Agency, data.agency_code):
        problems.append(FieldProblem("agency_code", N_("Unknown agency.")))
    elif data.agency_code != settings.node_agency:
        problems.append(
            FieldProblem(
                "agency_code",
                N_(
                    "Users of this node belong to %(agency)s; a partner agency's users log in "
                    "on their own agency's node."
                ),
                {"agency": settings.node_agency},
            )
        )
    problems += _policy(data.password, data.username, settings)
    if problems:
        raise ValidationFailed(problems)
    if session.scalar(select(User.id).where(User.username == data.username)):
        raise Conflict(N_("The user name %(name)s is taken."), name=data.username)
    user = User(
        username=data.username,
        display_name=data.display_name.strip(),
        agency_code=data.agency_code,
        role=data.role,
        language=data.language,
        password_hash=hash_password(data.password),
    )
    session.add(user)
    session.flush()
    who = actor.actor if isinstance(actor, Principal) else actor
    record(session, who, "user.create", "user", user.id, details={"role": data.role})
    return user


def _policy(password: str, username: str, settings: Settings) -> list[FieldProblem]:
    return policy_problems(
        password,
        username=username,
        min_length=settings.password_min_length,
        words=(settings.node_agency,),
        demo=settings.env == "demo",
    )


def get_user(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise NotFound(N_("No such user."))
    return user


def set_user_active(
    session: Session, actor: Actor | Principal, user_id: int, active: bool, settings: Settings
) -> User:
    """Enable or disable an account; disabling ends its sessions (its API tokens stop working
    while it is disabled). An account of another agency cannot be enabled again."""
    if isinstance(actor, Principal):
        require(actor, Permission.MANAGE_USERS)
    user = get_user(session, user_id)
    if user.id == actor.user_id and not active:
        raise Conflict(N_("You cannot disable your own account."))
    if active and is_foreign(user, settings):
        raise Conflict(FOREIGN, agency=user.agency_code)
    user.active = active
    if not active:
        session.execute(delete(LoginSession).where(LoginSession.user_id == user.id))
    who = actor.actor if isinstance(actor, Principal) else actor
    record(session, who, "user.enable" if active else "user.disable", "user", user.id)
    return user


FOREIGN = N_(
    "This account belongs to %(agency)s, another agency. A partner agency's users log in on "
    "their own agency's node; what they do reaches this node over the exchange."
)


def is_foreign(user: User, settings: Settings) -> bool:
    """Whether ``user`` belongs to an agency other than the node's own. Such accounts (made
    before issue 10) never log in and their sessions and tokens do not work."""
    return user.agency_code != settings.node_agency


def foreign_accounts(session: Session, settings: Settings) -> list[User]:
    """Every account of another agency on this node, active or not, by id."""
    stmt = select(User).where(User.agency_code != settings.node_agency).order_by(User.id)
    return list(session.scalars(stmt))


def disable_foreign_accounts(session: Session, actor: Actor, settings: Settings) -> list[User]:
    """Disable every still-active account of another agency (done by ``mekongx db upgrade``):
    their sessions end and their tokens are revoked; each is audited. Returns those disabled."""
    disabled = []
    for user in foreign_accounts(session, settings):
        if not user.active:
            continue
        user.active = False
        session.execute(delete(LoginSession).where(LoginSession.user_id == user.id))
        revoke_all_tokens(session, actor, user)
        record(
            session,
            actor,
            "user.disable",
            "user",
            user.id,
            why="account of another agency",
            details={"agency": user.agency_code},
        )
        disabled.append(user)
    return disabled


def unlock_user(session: Session, actor: Actor | Principal, user_id: int) -> User:
    if isinstance(actor, Principal):
        require(actor, Permission.MANAGE_USERS)
    user = get_user(session, user_id)
    user.failed_logins, user.locked_until = 0, None
    who = actor.actor if isinstance(actor, Principal) else actor
    record(session, who, "user.unlock", "user", user.id)
    return user


def set_password(
    session: Session, actor: Actor | Principal, user: User, password: str, settings: Settings
) -> None:
    if problems := _policy(password, user.username, settings):
        raise ValidationFailed(problems)
    user.password_hash = hash_password(password)
    user.password_changed_at = utcnow()
    session.execute(delete(LoginSession).where(LoginSession.user_id == user.id))
    revoke_all_tokens(session, actor, user)  # a stolen password's tokens die with it
    who = actor.actor if isinstance(actor, Principal) else actor
    record(session, who, "user.password", "user", user.id)


def set_language(session: Session, principal: Principal, language: str) -> None:
    if language not in LANGUAGES:
        raise ValidationFailed([FieldProblem("language", N_("Unknown language."))])
    user = get_user(session, principal.user_id)
    user.language = language
    record(session, principal.actor, "user.language", "user", user.id, details={"to": language})


# --- API tokens -----------------------------------------------------------------------------


def create_api_token(
    session: Session,
    actor: Actor | Principal,
    user: User,
    name: str,
    settings: Settings | None = None,
    days: int | None = None,
) -> str:
    """A new token for ``user``, valid ``days`` (``token_days`` by default, at most
    ``token_max_days``); only its hash is stored, the token is returned once."""
    limits = settings or Settings()
    problems = []
    if not name.strip() or len(name) > 100:
        problems.append(FieldProblem("name", N_("Give the token a name (1 to 100 characters).")))
    lifetime = limits.token_days if days is None else days
    if not 1 <= lifetime <= limits.token_max_days:
        problems.append(
            FieldProblem(
                "days",
                N_("A token is valid for 1 to %(max)s days."),
                {"max": limits.token_max_days},
            )
        )
    if problems:
        raise ValidationFailed(problems)
    token, prefix = new_api_token()
    expires = utcnow() + timedelta(days=lifetime)
    session.add(
        ApiToken(
            user_id=user.id,
            name=name.strip(),
            prefix=prefix,
            token_hash=digest(token),
            expires_at=expires,
        )
    )
    who = actor.actor if isinstance(actor, Principal) else actor
    record(
        session,
        who,
        "token.create",
        "user",
        user.id,
        details={"prefix": prefix, "expires": expires.isoformat()},
    )
    return token


def token_expiry(row: Any, settings: Settings) -> datetime:
    """When a token (an ``ApiToken`` or a row of its columns) stops working (tokens made before
    expiry existed: after the longest life)."""
    expires_at: datetime | None = row.expires_at
    return expires_at or row.created_at + timedelta(days=settings.token_max_days)


# An API request whose caller its process does not know yet starts with this, built once: the
# token and its user's principal, one Core statement of the columns needed (no ORM objects). The
# answer is kept (accounts/login_cache.py) until a write to the users, sessions or tokens
_TOKEN_PRINCIPAL = (
    select(ApiToken.expires_at, ApiToken.created_at, User.id, User.username, User.display_name,
           User.agency_code, User.role, User.language, User.active)
    .join(User, User.id == ApiToken.user_id)
    .where(ApiToken.token_hash == bindparam("hash"), ApiToken.revoked.is_(False))
)  # fmt: skip


def api_token_principal(
    connection: Connection, token: str, settings: Settings, request_id: str = ""
) -> tuple[Principal, datetime] | None:
    """Who calls with this API token and until when: its user, if the token is not revoked and
    not expired and the user is active and of this node's agency (``is_foreign``); None
    otherwise."""
    found = connection.execute(_TOKEN_PRINCIPAL, {"hash": digest(token)}).first()
    if found is None or (ends := token_expiry(found, settings)) <= utcnow():
        return None
    if not found.active or found.agency_code != settings.node_agency:
        return None
    return Principal(user_id=found.id, username=found.username, display_name=found.display_name,
                     agency=found.agency_code, role=Role(found.role), language=found.language,
                     request_id=request_id), ends  # fmt: skip


def list_api_tokens(session: Session, user: User) -> list[ApiToken]:
    """A user's tokens, newest first (revoked and expired ones included, marked)."""
    stmt = select(ApiToken).where(ApiToken.user_id == user.id).order_by(ApiToken.id.desc())
    return list(session.scalars(stmt))


def revoke_api_token(
    session: Session, actor: Actor | Principal, prefix: str, owner: User | None = None
) -> ApiToken:
    """Revoke the token with ``prefix`` (only among ``owner``'s tokens when given)."""
    stmt = select(ApiToken).where(ApiToken.prefix == prefix)
    if owner is not None:
        stmt = stmt.where(ApiToken.user_id == owner.id)
    row = session.scalar(stmt)
    if row is None:
        raise NotFound(N_("No such token."))
    row.revoked = True
    who = actor.actor if isinstance(actor, Principal) else actor
    record(session, who, "token.revoke", "user", row.user_id, details={"prefix": prefix})
    return row


def revoke_all_tokens(session: Session, actor: Actor | Principal, user: User) -> int:
    """Revoke every live token of ``user`` (on a password change); how many were live."""
    stmt = select(ApiToken).where(ApiToken.user_id == user.id, ApiToken.revoked.is_(False))
    rows = list(session.scalars(stmt))
    for row in rows:
        row.revoked = True
    if rows:
        who = actor.actor if isinstance(actor, Principal) else actor
        prefixes = [r.prefix for r in rows]
        record(session, who, "token.revoke", "user", user.id, details={"prefixes": prefixes})
    return len(rows)


def is_locked(user: User, now: datetime | None = None) -> bool:
    return bool(user.locked_until and user.locked_until > (now or utcnow()))
