"""Joint operations and Mekong joint patrols: one shareable record, ``activity`` says which."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from mekongx.model.base import Base, utcnow
from mekongx.model.record import SharedRecord
from mekongx.model.texts import Translated, WrittenOnce

SEARCH_KIND = "mekong_operation"


class JointOperation(Translated, SharedRecord, Base):
    __tablename__ = "mekong_operations"

    activity: Mapped[str] = mapped_column(String(12))  # operation | patrol
    name: Mapped[str] = mapped_column(String(200))
    number: Mapped[int | None] = mapped_column(Integer, nullable=True)  # a patrol's number
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    phases: Mapped[str] = mapped_column(
        Text, default="[]"
    )  # JSON [{"name", "starts_on", "ends_on"}]
    countries: Mapped[str] = mapped_column(String(40))  # "CN,LA,MM,TH"
    units: Mapped[str] = mapped_column(Text, default="")  # participating units (and vessels)
    route: Mapped[str] = mapped_column(Text, default="")  # a patrol's route along the river
    targets: Mapped[str] = mapped_column(Text, default="")
    findings: Mapped[str] = mapped_column(Text, default="")  # results, after-action report
    seizures: Mapped[str] = mapped_column(Text, default="[]")  # JSON [uid] of linked seizures
    received_from: Mapped[str] = mapped_column(String(16), default="")
    status: Mapped[str] = mapped_column(String(12), default="active")  # active | retracted
    status_note: Mapped[str] = mapped_column(Text, default="")  # why it was retracted


class PlanAction(Translated, SharedRecord, Base):
    """One action of the Safe Mekong Joint Operation Plan, entered once by the agency that keeps
    the plan and shared with the countries; each country reports its own progress on it."""

    __tablename__ = "mekong_plan_actions"

    plan: Mapped[str] = mapped_column(String(40))  # "2023-2027"
    line: Mapped[str] = mapped_column(String(300))  # the objective / line of action
    number: Mapped[str] = mapped_column(String(16))  # "2.3"
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    due_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    received_from: Mapped[str] = mapped_column(String(16), default="")
    status: Mapped[str] = mapped_column(String(12), default="active")  # active | retracted
    status_note: Mapped[str] = mapped_column(Text, default="")  # why it was retracted


class PlanProgress(WrittenOnce, SharedRecord, Base):
    """A country's commitment under one plan action and its progress, written by that country's
    agency (one record per agency and action); evidence names joint operations, patrols and
    seizures as ``[{"kind", "uid"}]`` resolved for each reader."""

    __tablename__ = "mekong_plan_progress"
    __table_args__ = (
        Index("ix_mekong_plan_progress_action_agency", "action_uid", "origin_agency", unique=True),
    )

    action_uid: Mapped[str] = mapped_column(String(36))
    country: Mapped[str] = mapped_column(String(2))
    activity: Mapped[str] = mapped_column(Text, default="")  # what the country commits to
    status: Mapped[str] = mapped_column(String(12))  # planned | in_progress | done | dropped
    note: Mapped[str] = mapped_column(Text, default="")
    reported_on: Mapped[date] = mapped_column(Date)
    evidence: Mapped[str] = mapped_column(Text, default="[]")
    received_from: Mapped[str] = mapped_column(String(16), default="")


class PlanKeeper(Base):
    """Which agency keeps a plan on this node: only it enters, changes and retracts the plan's
    actions, here or through the exchange. Named by the node's administrator, or else the
    agency whose action of the plan this node held first (recorded then). Not shared."""

    __tablename__ = "mekong_plan_keepers"

    plan: Mapped[str] = mapped_column(String(40), primary_key=True)
    agency_code: Mapped[str] = mapped_column(String(16))
    named_by: Mapped[str] = mapped_column(String(200))  # a user, or "first action held"
    named_at: Mapped[datetime] = mapped_column(default=utcnow)
