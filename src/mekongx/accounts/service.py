"""Every change to agencies, users, logins and tokens. Each write is audited in its transaction."""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import pyotp
from sqlalchemy import Connection, bindparam, delete, select
from sqlalchemy.orm import Session

from mekongx.accounts.passwords import hash_password, needs_rehash, policy_problems, verify_password
from mekongx.accounts.phantoms import PHANTOMS
from mekongx.accounts.tokens import digest, new_api_token, new_secret
from mekongx.accounts.totp_keys import TotpKeyError, totp_box
from mekongx.audit import Actor, record
from mekongx.authz.permissions import Permission, Principal, require
from mekongx.errors import (
    Conflict,
    FieldProblem,
    Forbidden,
    Locked,
    MekongXError,
    NotAuthenticated,
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


# --- logging in -----------------------------------------------------------------------------


def _failed(
    session: Session, user: User, settings: Settings, actor: Actor, event: str
) -> MekongXError | None:
    """Count one failed proof of identity (password, current password, second-factor code);
    the account locks after ``lockout_attempts`` of them, whichever kind. Returns ``Locked``
    when this failure locked it."""
    user.failed_logins += 1
    record(session, actor, event, "user", user.id)
    if user.failed_logins >= settings.lockout_attempts:
        user.locked_until = utcnow() + timedelta(minutes=settings.lockout_minutes)
        record(session, actor, "login.lockout", "user", user.id)
        return Locked(LOCKED)
    return None


LOCKED = N_("This account is locked after too many failed logins. Try again later.")


def authenticate(
    session: Session, username: str, password: str, settings: Settings, request_id: str = ""
) -> User | MekongXError:
    """Check a password, counting failures and locking the account after too many.

    A failure is *returned*, not raised, so that the caller commits the failure count and its
    audit row before telling the user. A name that is no user is counted and "locked" the same
    way (in memory), so that neither the answer nor its time tells which names exist.
    """
    name = username.strip().lower()
    user = session.scalar(select(User).where(User.username == name))
    now = utcnow()
    agency = user.agency_code if user else settings.node_agency
    actor = Actor(user.id if user else None, username[:64] or "?", agency, request_id)
    if (user is not None and is_locked(user, now)) or (user is None and PHANTOMS.locked(name)):
        verify_password(None, password)  # same cost as a real check
        record(session, actor, "login.locked", "user", user.id if user else "")
        return Locked(LOCKED)
    ok = verify_password(user.password_hash if user else None, password)
    if user is None:
        record(session, actor, "login.failed", "user", "")
        PHANTOMS.failed(name, settings)
        return NotAuthenticated(WRONG_LOGIN)
    if not ok:
        _failed(session, user, settings, actor, "login.failed")  # the next try answers "locked"
        return NotAuthenticated(WRONG_LOGIN)
    if is_foreign(user, settings):  # the right password: tell its owner where to log in
        record(session, actor, "login.other-agency", "user", user.id)
        return Forbidden(FOREIGN, agency=user.agency_code)
    if not user.active:
        _failed(session, user, settings, actor, "login.failed")
        return NotAuthenticated(WRONG_LOGIN)
    user.failed_logins, user.locked_until = 0, None
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    return user


WRONG_LOGIN = N_("Wrong user name or password.")


def reauthenticate(
    session: Session, principal: Principal, password: str, settings: Settings
) -> MekongXError | None:
    """Check the current password before a security setting changes (password, second factor,
    API tokens). A wrong one counts toward lock-out like a failed login; it is returned so
    that the caller commits the count before refusing."""
    user = get_user(session, principal.user_id)
    if is_locked(user):
        verify_password(None, password)
        return Locked(LOCKED)
    if verify_password(user.password_hash, password):
        return None
    locked = _failed(session, user, settings, principal.actor, "user.reauth-failed")
    if locked is not None:
        session.execute(delete(LoginSession).where(LoginSession.user_id == user.id))
        return locked
    return ValidationFailed([FieldProblem("current", N_("The current password is wrong."))])


def start_session(
    session: Session, user: User, settings: Settings, request_id: str = ""
) -> tuple[str, LoginSession]:
    """Open a login session; with TOTP enrolled it waits for the second factor."""
    token = new_secret()
    login = LoginSession(
        token_hash=digest(token),
        user_id=user.id,
        csrf_token=new_secret(24),
        expires_at=utcnow() + timedelta(hours=settings.session_hours),
        second_factor_pending=user.totp_secret is not None,
    )
    session.add(login)
    actor = Actor(user.id, user.username, user.agency_code, request_id)
    record(session, actor, "login.password-ok" if user.totp_secret else "login", "user", user.id)
    return token, login


# Every request starts with one of these: one statement each, built once (the token or login
# with its user)
_LOGIN_USER = (
    select(LoginSession, User)
    .join(User, User.id == LoginSession.user_id)
    .where(LoginSession.token_hash == bindparam("hash"))
)
# a request's API token and its user's principal: one Core statement of the columns needed (no
# ORM objects), read on every request: nothing is cached, so a token revoked or a user disabled
# a moment ago no longer works
_TOKEN_PRINCIPAL = (
    select(ApiToken.expires_at, ApiToken.created_at, User.id, User.username, User.display_name,
           User.agency_code, User.role, User.language, User.active)
    .join(User, User.id == ApiToken.user_id)
    .where(ApiToken.token_hash == bindparam("hash"), ApiToken.revoked.is_(False))
)  # fmt: skip


def resolve_session(
    session: Session, token: str, settings: Settings
) -> tuple[LoginSession, User] | None:
    found = session.execute(_LOGIN_USER, {"hash": digest(token)}).first()
    if found is None:
        return None
    login, user = found
    if login.expires_at <= utcnow():
        return None
    if not user.active or is_foreign(user, settings):
        return None
    return login, user


def end_session(session: Session, token: str, actor: Actor) -> None:
    session.execute(delete(LoginSession).where(LoginSession.token_hash == digest(token)))
    record(session, actor, "logout", "user", actor.user_id or "")


def verify_second_factor(
    session: Session,
    login: LoginSession,
    user: User,
    code: str,
    actor: Actor,
    settings: Settings,
) -> MekongXError | None:
    """Complete a login with the TOTP code; a failure is returned (and audited), not raised.

    Wrong codes count toward lock-out like wrong passwords; a locked account's pending login
    is ended, so the right code after too many wrong ones does not get in."""
    if is_locked(user):
        session.execute(delete(LoginSession).where(LoginSession.user_id == user.id))
        record(session, actor, "login.locked", "user", user.id)
        return Locked(LOCKED)
    secret = _totp_secret(user, settings)
    if secret is None or not pyotp.TOTP(secret).verify(code.strip(), valid_window=1):
        if _failed(session, user, settings, actor, "login.totp-failed") is not None:
            session.execute(delete(LoginSession).where(LoginSession.user_id == user.id))
            return Locked(LOCKED)
        return NotAuthenticated(N_("The code is not correct."))
    user.failed_logins, user.locked_until = 0, None
    login.second_factor_pending = False
    record(session, actor, "login", "user", user.id, details={"second_factor": "totp"})
    return None


def _totp_secret(user: User, settings: Settings) -> str | None:
    """The user's TOTP secret, decrypted with the node's TOTP key (None if it cannot be)."""
    if not user.totp_secret:
        return None
    try:
        return totp_box(settings.keys_dir).open(user.id, user.totp_secret)
    except (TotpKeyError, OSError, ValueError):
        log.error("the TOTP key file cannot be read: second factors cannot be checked")
        return None


def new_totp_secret() -> str:
    return pyotp.random_base32()


def totp_uri(secret: str, username: str, agency: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=username, issuer_name=f"MekongX {agency}")


def enable_totp(
    session: Session, principal: Principal, secret: str, code: str, settings: Settings
) -> None:
    """Enrol (or move) a second factor; the secret is stored encrypted (see
    ``accounts/totp_keys.py``). Callers ask for the current password first
    (``reauthenticate``): a stolen session alone cannot replace it."""
    if not pyotp.TOTP(secret).verify(code.strip(), valid_window=1):
        raise ValidationFailed([FieldProblem("code", N_("The code is not correct."))])
    user = get_user(session, principal.user_id)
    user.totp_secret = totp_box(settings.keys_dir, create=True).seal(user.id, secret)
    record(session, principal.actor, "user.totp-enabled", "user", user.id)


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


def api_token_principal(
    connection: Connection, token: str, settings: Settings, request_id: str = ""
) -> Principal | None:
    """Who calls with this API token: its user, if the token is not revoked and not expired and
    the user is active and of this node's agency (``is_foreign``); None otherwise."""
    found = connection.execute(_TOKEN_PRINCIPAL, {"hash": digest(token)}).first()
    if found is None or token_expiry(found, settings) <= utcnow():
        return None
    if not found.active or found.agency_code != settings.node_agency:
        return None
    return Principal(user_id=found.id, username=found.username, display_name=found.display_name,
                     agency=found.agency_code, role=Role(found.role), language=found.language,
                     request_id=request_id)  # fmt: skip


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
