"""Tables of the training area (point 8): courses, study visits, secondments and exchanges,
their participants (officers: adults, named), attendance, assessment, evaluation on
Kirkpatrick's four levels, and certificates with a verification code.

A course is a shared record of the organising agency. Its participants are personal data of
officers: they stay on the organising node (a course travels without them) and only users who
may write records read them, each read audited. A certificate leaves the node only as a
statement to the participant's own agency, so that agency's node can check a code without
seeing the course's other records (``certificates.py``)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from mekongx.i18n import N_
from mekongx.model.base import Base, utcnow
from mekongx.model.record import SharedRecord
from mekongx.model.texts import Multilingual

SEARCH_KIND = "training_course"
KINDS = ("course", "study_visit", "secondment", "exchange")
LEVELS = ("basic", "intermediate", "advanced")
# The shared competency framework (codes travel; names are translated by the interface).
COMPETENCY_LABELS = {
    "precursor_identification": N_("precursor identification"),
    "wastewater_sampling": N_("wastewater sampling"),
    "financial_investigation": N_("financial investigation"),
    "intelligence_analysis": N_("intelligence analysis"),
    "drug_testing": N_("drug testing"),
    "border_interdiction": N_("border interdiction"),
    "prevention_education": N_("prevention education"),
    "controlled_delivery": N_("controlled delivery"),
}
COMPETENCIES = tuple(COMPETENCY_LABELS)


class Course(Multilingual, SharedRecord, Base):
    """A course, study visit, secondment or exchange organised by ``origin_agency``."""

    __tablename__ = "training_courses"
    __table_args__ = (
        CheckConstraint("ends_on >= starts_on", name="dates"),
        CheckConstraint(
            "course_type IN ('course', 'study_visit', 'secondment', 'exchange')", name="course_type"
        ),
    )

    code: Mapped[str] = mapped_column(String(32), index=True)
    course_type: Mapped[str] = mapped_column(String(16), default="course")
    title_th: Mapped[str] = mapped_column(String(300), default="")
    title_zh: Mapped[str] = mapped_column(String(300), default="")
    title_en: Mapped[str] = mapped_column(String(300), default="")
    title_lo: Mapped[str] = mapped_column(String(300), default="")
    title_my: Mapped[str] = mapped_column(String(300), default="")
    title_km: Mapped[str] = mapped_column(String(300), default="")
    title_vi: Mapped[str] = mapped_column(String(300), default="")
    topic: Mapped[str] = mapped_column(String(300), default="")
    level: Mapped[str] = mapped_column(String(16), default="basic")
    course_language: Mapped[str] = mapped_column(
        String(40), default=""
    )  # e.g. "zh, with th interpretation"
    trainers: Mapped[str] = mapped_column(Text, default="")
    starts_on: Mapped[date] = mapped_column(Date, index=True)
    ends_on: Mapped[date] = mapped_column(Date)
    hours: Mapped[int | None] = mapped_column(Integer, nullable=True)
    place: Mapped[str] = mapped_column(String(300), default="")
    online: Mapped[bool] = mapped_column(default=False)
    host_country: Mapped[str] = mapped_column(String(2), default="")
    partner_agencies: Mapped[str] = mapped_column(String(200), default="")  # space-separated
    competencies: Mapped[str] = mapped_column(String(400), default="")  # space-separated codes
    funding: Mapped[str] = mapped_column(String(200), default="")


class Participant(Base):
    """An officer on a course: name, agency, rank and role; attendance, assessment and the
    four levels of evaluation (reaction, learning, behaviour on the job, results)."""

    __tablename__ = "training_participants"
    __table_args__ = (
        CheckConstraint("score IS NULL OR (score >= 0 AND score <= 100)", name="score"),
        CheckConstraint("reaction IS NULL OR (reaction >= 1 AND reaction <= 5)", name="reaction"),
        CheckConstraint(
            "behaviour IS NULL OR (behaviour >= 1 AND behaviour <= 5)", name="behaviour"
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    course_id: Mapped[int] = mapped_column(
        ForeignKey("training_courses.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    agency_code: Mapped[str] = mapped_column(String(16))
    rank: Mapped[str] = mapped_column(String(100), default="")
    role: Mapped[str] = mapped_column(String(200), default="")
    attended_days: Mapped[int | None] = mapped_column(Integer, nullable=True)
    score: Mapped[int | None] = mapped_column(Integer, nullable=True)  # assessment, 0-100
    passed: Mapped[bool | None] = mapped_column(nullable=True)
    reaction: Mapped[int | None] = mapped_column(Integer, nullable=True)  # level 1, 1-5
    behaviour: Mapped[int | None] = mapped_column(Integer, nullable=True)  # level 3, 1-5
    followed_up_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    results: Mapped[str] = mapped_column(Text, default="")  # level 4, in words
    added_at: Mapped[datetime] = mapped_column(default=utcnow)


class Certificate(Base):
    """A certificate issued to a participant who passed; ``code`` is printed on it and checked
    by the participant's agency through the statement it received."""

    __tablename__ = "training_certificates"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("training_participants.id", ondelete="CASCADE"), unique=True
    )
    code: Mapped[str] = mapped_column(String(32), unique=True)
    issued_on: Mapped[date] = mapped_column(Date)
    issued_by: Mapped[str] = mapped_column(String(200), default="")
    # A revoked certificate stays (its code then checks as revoked, with the reason).
    revoked_at: Mapped[datetime | None] = mapped_column(nullable=True)
    revoked_reason: Mapped[str] = mapped_column(Text, default="")
    revoked_by: Mapped[str] = mapped_column(String(200), default="")


class CertificateStatement(Base):
    """What a partner's node told this node about a certificate of one of its officers: enough
    to check a code, nothing of the course's other records."""

    __tablename__ = "training_certificate_statements"
    __table_args__ = (UniqueConstraint("issuer", "certificate_uid"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    issuer: Mapped[str] = mapped_column(String(16))
    certificate_uid: Mapped[str] = mapped_column(String(36))
    code_digest: Mapped[str] = mapped_column(String(64), index=True)  # sha256 of the code
    participant_name: Mapped[str] = mapped_column(String(200))
    agency_code: Mapped[str] = mapped_column(String(16))
    course_code: Mapped[str] = mapped_column(String(32))
    course_title: Mapped[str] = mapped_column(String(300))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    competencies: Mapped[str] = mapped_column(String(400), default="")
    issued_on: Mapped[date] = mapped_column(Date)
    revoked: Mapped[bool] = mapped_column(default=False)
    revoked_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    revoked_reason: Mapped[str] = mapped_column(Text, default="")
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
