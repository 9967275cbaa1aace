"""Logging in: passwords with lock-out, login sessions, the second factor (TOTP) and checking
the current password again before a security setting changes. Each step is audited in the
caller's transaction; failures are returned, not raised, so that their count commits first."""

from __future__ import annotations

import logging
from datetime import timedelta

import pyotp
from sqlalchemy import bindparam, delete, select
from sqlalchemy.orm import Session

from mekongx.accounts.passwords import hash_password, needs_rehash, verify_password
from mekongx.accounts.phantoms import PHANTOMS
from mekongx.accounts.service import FOREIGN, get_user, is_foreign, is_locked
from mekongx.accounts.tokens import digest, new_secret
from mekongx.accounts.totp_keys import TotpKeyError, totp_box
from mekongx.audit import Actor, record
from mekongx.authz.permissions import Principal
from mekongx.errors import (
    FieldProblem,
    Forbidden,
    Locked,
    MekongXError,
    NotAuthenticated,
    ValidationFailed,
)
from mekongx.i18n import N_
from mekongx.model.base import utcnow
from mekongx.model.identity import LoginSession, User
from mekongx.settings import Settings

log = logging.getLogger("mekongx.accounts")


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


# Every browser request starts with this: one statement, built once (the login with its user)
_LOGIN_USER = (
    select(LoginSession, User)
    .join(User, User.id == LoginSession.user_id)
    .where(LoginSession.token_hash == bindparam("hash"))
)


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
