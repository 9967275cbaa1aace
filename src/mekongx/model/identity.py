"""Tables of the people and organisations a node knows: agencies, sharing groups, users,
login sessions and API tokens. The accounts service changes them; authz reads them."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from mekongx.model.base import Base, utcnow

# the language of an agency's own name, by its country (ISO 3166-1 alpha-2 -> language code)
COUNTRY_LANGUAGES = {"TH": "th", "CN": "zh", "LA": "lo", "MM": "my", "KH": "km", "VN": "vi"}
# the languages an agency or a sharing group is named in: a ``name_<code>`` column each
NAME_LANGUAGES = ("en", "th", "zh", "lo", "my", "km", "vi")
OTHER_NAME_LANGUAGES = ("lo", "my", "km", "vi")  # the names a form may leave empty


def _name_in(row: Agency | SharingGroup, lang: str) -> str:
    """``row``'s name in ``lang``, else its English name."""
    known = lang in NAME_LANGUAGES and str(getattr(row, f"name_{lang}") or "")
    return known or row.name_en


class Role(enum.StrEnum):
    ADMIN = "admin"
    ANALYST = "analyst"
    LIAISON = "liaison"
    VIEWER = "viewer"


class Agency(Base):
    """The node's own agency or a known peer agency."""

    __tablename__ = "agencies"

    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    name_en: Mapped[str] = mapped_column(String(200))
    name_th: Mapped[str] = mapped_column(String(200))
    name_zh: Mapped[str] = mapped_column(String(200))
    # the name in Lao, Burmese, Khmer and Vietnamese ("" where not known: English is shown)
    name_lo: Mapped[str] = mapped_column(String(200), default="")
    name_my: Mapped[str] = mapped_column(String(200), default="")
    name_km: Mapped[str] = mapped_column(String(200), default="")
    name_vi: Mapped[str] = mapped_column(String(200), default="")
    country: Mapped[str] = mapped_column(String(2))
    is_own: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    def name(self, lang: str) -> str:
        return _name_in(self, lang)

    def names(self) -> dict[str, str]:
        """The name in every language (English where a language's name is not known)."""
        return {code: _name_in(self, code) for code in NAME_LANGUAGES}


class SharingGroup(Base):
    """A named set of agencies, e.g. the six Safe Mekong countries."""

    __tablename__ = "sharing_groups"

    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    name_en: Mapped[str] = mapped_column(String(200))
    name_th: Mapped[str] = mapped_column(String(200))
    name_zh: Mapped[str] = mapped_column(String(200))
    name_lo: Mapped[str] = mapped_column(String(200), default="")
    name_my: Mapped[str] = mapped_column(String(200), default="")
    name_km: Mapped[str] = mapped_column(String(200), default="")
    name_vi: Mapped[str] = mapped_column(String(200), default="")

    def name(self, lang: str) -> str:
        return _name_in(self, lang)


class SharingGroupMember(Base):
    __tablename__ = "sharing_group_members"

    group_code: Mapped[str] = mapped_column(
        ForeignKey("sharing_groups.code", ondelete="CASCADE"), primary_key=True
    )
    agency_code: Mapped[str] = mapped_column(
        ForeignKey("agencies.code", ondelete="RESTRICT"), primary_key=True, index=True
    )


# A write to the logins' tables moves the shared change mark "logins" (mekongx.db.epochs), which
# tells every process of the node to forget who its tokens and sessions belong to.
LOGINS_CHANGE = {"change_mark": "logins"}


class User(Base):
    __tablename__ = "users"
    __table_args__ = {"info": dict(LOGINS_CHANGE)}  # noqa: RUF012 (read by SQLAlchemy once)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    agency_code: Mapped[str] = mapped_column(ForeignKey("agencies.code", ondelete="RESTRICT"))
    role: Mapped[str] = mapped_column(String(16))
    language: Mapped[str] = mapped_column(String(2), default="en")
    password_hash: Mapped[str] = mapped_column(Text)
    totp_secret: Mapped[str | None] = mapped_column(String(160), nullable=True)  # sealed
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    password_changed_at: Mapped[datetime] = mapped_column(default=utcnow)


class LoginSession(Base):
    """A browser login. Only a hash of the cookie value is stored."""

    __tablename__ = "login_sessions"
    __table_args__ = {"info": dict(LOGINS_CHANGE)}  # noqa: RUF012 (read by SQLAlchemy once)

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime] = mapped_column()
    second_factor_pending: Mapped[bool] = mapped_column(Boolean, default=False)


class ApiToken(Base):
    """A token for a machine client. Only a hash is stored; the prefix identifies it in lists."""

    __tablename__ = "api_tokens"
    __table_args__ = {"info": dict(LOGINS_CHANGE)}  # noqa: RUF012 (read by SQLAlchemy once)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    prefix: Mapped[str] = mapped_column(String(12))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(nullable=True)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)
    # None on tokens made before expiry existed: they expire token_max_days after creation
    expires_at: Mapped[datetime | None] = mapped_column(nullable=True)
