"""Tables of the prevention area (point 7): programmes for children and youth, their units
(a school, a club, a district), dated activities, reach and outcomes.

Nothing here can hold a child's personal data. Reach is a table of counts keyed by year, region,
measure, age band and sex, each from a closed list enforced by the database; there is no column
for a name, a birth date, an identity number or a school record of a pupil. The free texts a
user writes (a description, an activity's notes) are checked for obvious identifiers before they
are stored (``minors.py``). A programme is a shared record; what travels over the exchange is
the programme with its units, activities, counts and indicators (``exchange.py``), never the
free-text notes of an activity."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from mekongx.model.base import Base, utcnow
from mekongx.model.record import SharedRecord
from mekongx.model.texts import Multilingual

SEARCH_KIND = "prevention_programme"
COUNTRIES = ("TH", "CN", "LA", "MM", "KH", "VN")
TARGET_GROUPS = ("children", "adolescents", "youth", "students", "community")
METHODS = (
    "peer_clubs", "school_accreditation", "police_instruction", "online_classroom",
    "school_curriculum", "campaign",
)  # fmt: skip
YEAR_BASES = ("calendar", "th_fiscal", "academic")
UNIT_KINDS = ("school", "club", "friend_corner", "district", "province", "online")
ACTIVITY_KINDS = ("lesson", "camp", "contest", "campaign", "training", "assessment", "online")
# Age bands of reach. The first three are minors: their counts never leave the node split by
# unit, and nothing but counts is ever kept about them.
AGE_BANDS = ("6-11", "12-14", "15-17", "18-24", "25+", "all")
MINOR_BANDS = ("6-11", "12-14", "15-17")
SEXES = ("f", "m", "all")
MEASURES = (
    "participants", "members", "schools", "districts", "provinces", "units", "instructors",
    "teachers",
)  # fmt: skip
INDICATOR_KINDS = ("rate", "count", "level")
VERDICTS = ("same", "partial", "not_comparable")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Programme(Multilingual, SharedRecord, Base):
    """A prevention programme run by an owner agency in one country."""

    __tablename__ = "prev_programmes"
    __table_args__ = (
        CheckConstraint(_in("country", COUNTRIES), name="country"),
        CheckConstraint(_in("method", METHODS), name="method"),
        CheckConstraint(_in("target_group", TARGET_GROUPS), name="target_group"),
        CheckConstraint(_in("year_basis", YEAR_BASES), name="year_basis"),
    )

    code: Mapped[str] = mapped_column(String(32), index=True)
    name_th: Mapped[str] = mapped_column(String(300), default="")
    name_zh: Mapped[str] = mapped_column(String(300), default="")
    name_en: Mapped[str] = mapped_column(String(300), default="")
    name_lo: Mapped[str] = mapped_column(String(300), default="")
    name_my: Mapped[str] = mapped_column(String(300), default="")
    name_km: Mapped[str] = mapped_column(String(300), default="")
    name_vi: Mapped[str] = mapped_column(String(300), default="")
    owner: Mapped[str] = mapped_column(String(300))  # the agency that runs it
    country: Mapped[str] = mapped_column(String(2), index=True)
    target_group: Mapped[str] = mapped_column(String(16))
    age_from: Mapped[int] = mapped_column(Integer)
    age_to: Mapped[int] = mapped_column(Integer)
    method: Mapped[str] = mapped_column(String(24))
    year_basis: Mapped[str] = mapped_column(String(12), default="calendar")
    started: Mapped[int | None] = mapped_column(Integer, nullable=True)  # year
    description: Mapped[str] = mapped_column(Text, default="")
    sources: Mapped[str] = mapped_column(Text, default="")  # one source a line: URL or publication


class Unit(Base):
    """Where a programme runs: a school, a club, a Friend Corner, a district, an online class."""

    __tablename__ = "prev_units"
    __table_args__ = (CheckConstraint(_in("kind", UNIT_KINDS), name="kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    programme_id: Mapped[int] = mapped_column(
        ForeignKey("prev_programmes.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(300))
    region: Mapped[str] = mapped_column(String(100), default="")  # province / prefecture
    district: Mapped[str] = mapped_column(String(100), default="")
    award_level: Mapped[str] = mapped_column(String(32), default="")  # e.g. a White School's
    award_year: Mapped[int | None] = mapped_column(Integer, nullable=True)


class Activity(Base):
    """A dated activity of a programme (a lesson series, a camp, a contest, a campaign)."""

    __tablename__ = "prev_activities"
    __table_args__ = (
        CheckConstraint(_in("kind", ACTIVITY_KINDS), name="kind"),
        CheckConstraint("ends_on >= starts_on", name="dates"),
        CheckConstraint("participants IS NULL OR participants >= 0", name="participants"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    programme_id: Mapped[int] = mapped_column(
        ForeignKey("prev_programmes.id", ondelete="CASCADE"), index=True
    )
    unit_id: Mapped[int | None] = mapped_column(
        ForeignKey("prev_units.id", ondelete="SET NULL"), nullable=True, index=True
    )
    kind: Mapped[str] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(String(300))
    starts_on: Mapped[date] = mapped_column(Date, index=True)
    ends_on: Mapped[date] = mapped_column(Date)
    participants: Mapped[int | None] = mapped_column(Integer, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")  # never leaves the node


class Reach(Base):
    """One count: how many participants (or schools, districts…) a programme reached in a year
    and region, by age band and sex. Counts only, never a person."""

    __tablename__ = "prev_reach"
    __table_args__ = (
        UniqueConstraint("programme_id", "year", "region", "measure", "age_band", "sex"),
        CheckConstraint(_in("measure", MEASURES), name="measure"),
        CheckConstraint(_in("age_band", AGE_BANDS), name="age_band"),
        CheckConstraint(_in("sex", SEXES), name="sex"),
        CheckConstraint("count >= 0", name="count"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    programme_id: Mapped[int] = mapped_column(
        ForeignKey("prev_programmes.id", ondelete="CASCADE"), index=True
    )
    year: Mapped[int] = mapped_column(Integer, index=True)
    region: Mapped[str] = mapped_column(String(100), default="")  # "" = the whole country
    measure: Mapped[str] = mapped_column(String(16))
    age_band: Mapped[str] = mapped_column(String(8), default="all")
    sex: Mapped[str] = mapped_column(String(4), default="all")
    count: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(Text, default="")
    verified: Mapped[bool] = mapped_column(default=False)  # checked against the publisher's own


class Indicator(Multilingual, Base):
    """An outcome indicator of a programme with its definition (a rate's numerator and
    denominator, a level's scale)."""

    __tablename__ = "prev_indicators"
    __table_args__ = (
        UniqueConstraint("programme_id", "code"),
        CheckConstraint(_in("kind", INDICATOR_KINDS), name="kind"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    programme_id: Mapped[int] = mapped_column(
        ForeignKey("prev_programmes.id", ondelete="CASCADE"), index=True
    )
    code: Mapped[str] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(8))
    name_th: Mapped[str] = mapped_column(String(300), default="")
    name_zh: Mapped[str] = mapped_column(String(300), default="")
    name_en: Mapped[str] = mapped_column(String(300), default="")
    name_lo: Mapped[str] = mapped_column(String(300), default="")
    name_my: Mapped[str] = mapped_column(String(300), default="")
    name_km: Mapped[str] = mapped_column(String(300), default="")
    name_vi: Mapped[str] = mapped_column(String(300), default="")
    definition: Mapped[str] = mapped_column(Text)
    numerator: Mapped[str] = mapped_column(String(300), default="")
    denominator: Mapped[str] = mapped_column(String(300), default="")
    levels: Mapped[str] = mapped_column(String(300), default="")  # space-separated, lowest first


class Outcome(Base):
    """An indicator's value for a year and region: a rate as numerator over denominator, a
    count, or the number of units at each level (``level``)."""

    __tablename__ = "prev_outcomes"
    __table_args__ = (
        UniqueConstraint("indicator_id", "year", "region", "level"),
        CheckConstraint("numerator >= 0", name="numerator"),
        CheckConstraint("denominator IS NULL OR numerator <= denominator", name="ratio"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    indicator_id: Mapped[int] = mapped_column(
        ForeignKey("prev_indicators.id", ondelete="CASCADE"), index=True
    )
    year: Mapped[int] = mapped_column(Integer, index=True)
    region: Mapped[str] = mapped_column(String(100), default="")
    level: Mapped[str] = mapped_column(String(32), default="")
    numerator: Mapped[float] = mapped_column(Float)
    denominator: Mapped[float | None] = mapped_column(Float, nullable=True)
    source: Mapped[str] = mapped_column(Text, default="")
    verified: Mapped[bool] = mapped_column(default=False)

    @property
    def rate(self) -> float | None:
        if self.denominator:
            return self.numerator / self.denominator
        return None


class Comparability(Base):
    """This node's statement whether two indicators (of any programmes it holds, its own or
    received) measure the same thing, partly, or not: the mapping the dashboards compare by."""

    __tablename__ = "prev_comparability"
    __table_args__ = (
        UniqueConstraint("left_uid", "right_uid"),
        CheckConstraint(_in("verdict", VERDICTS), name="verdict"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    left_uid: Mapped[str] = mapped_column(String(36), index=True)
    right_uid: Mapped[str] = mapped_column(String(36), index=True)
    verdict: Mapped[str] = mapped_column(String(16))
    statement: Mapped[str] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(2), default="en")
    agency_code: Mapped[str] = mapped_column(String(16))
    author_name: Mapped[str] = mapped_column(String(200), default="")
    at: Mapped[datetime] = mapped_column(default=utcnow)
