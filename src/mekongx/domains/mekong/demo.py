"""Demo joint operation and patrol led by ONCB. Invented: names, dates, units, findings. Real:
the six countries take part in Safe Mekong joint operations, and China, Laos, Myanmar and
Thailand run numbered Mekong joint patrols (the series passed its 140th in 2024: the 141st ended
on 24 May 2024, sources in docs/mekong.md)."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from mekongx.authz import Principal, visible
from mekongx.domains.mekong import plan, service
from mekongx.domains.mekong.models import JointOperation, PlanAction
from mekongx.domains.mekong.schemas import OperationInput, PlanActionInput, ProgressInput
from mekongx.domains.seizures.models import Seizure


def seed_demo_operations(
    session: Session, agency: str, liaison: Principal, today: date | None = None
) -> None:
    if agency != "ONCB":
        return
    end = today or date.today()
    start = end - timedelta(days=120)
    linked = list(session.scalars(
        select(Seizure.uid).where(Seizure.origin_agency == agency, Seizure.distribution == "group",
                                  Seizure.seized_on >= start, Seizure.seized_on <= start + timedelta(days=90)).limit(6)))  # fmt: skip
    service.create_operation(session, liaison, OperationInput(
        activity="operation", name="Safe Mekong joint operation (demo)", starts_on=start, ends_on=start + timedelta(days=90),
        phases=[{"name": "Intelligence exchange", "starts_on": start, "ends_on": start + timedelta(days=20)},
                {"name": "Interdiction", "starts_on": start + timedelta(days=21), "ends_on": start + timedelta(days=80)},
                {"name": "Review", "starts_on": start + timedelta(days=81), "ends_on": start + timedelta(days=90)}],
        countries=["CN", "KH", "LA", "MM", "TH", "VN"],
        units="ONCB Region 5; Chiang Rai Provincial Police; NNCC Yunnan; LCDC Bokeo; CCDAC Tachileik; NACD; C04",
        targets="Methamphetamine and ketamine consignments through the Golden Triangle and the Mekong ports",
        findings="Demo after-action report: the linked seizures are the operation's results.",
        seizures=linked, distribution="group", sharing_group="SAFE-MEKONG"))  # fmt: skip
    service.create_operation(session, liaison, OperationInput(
        activity="patrol", name="Mekong joint patrol (demo)", number=150, starts_on=end - timedelta(days=30),
        ends_on=end - timedelta(days=27), countries=["CN", "LA", "MM", "TH"],
        units="Thai Marine Police Chiang Saen; vessels of the four countries' river police",
        route="Guanlei (China) → Golden Triangle → Chiang Saen (Thailand) → Houayxay (Laos)",
        findings="Demo: no contraband found; two boats inspected at Sop Ruak.",
        distribution="group", sharing_group="SAFE-MEKONG"))  # fmt: skip


# Invented demo actions (the plan's real text is entered by the agency that keeps it); each is
# shared with the Safe Mekong group. Real: ONCB's press release of 10 July 2024 names the
# six-country Safe Mekong operation plan (2023–2027); its text and adoption were not found
# (docs/mekong.md).
PLAN_ACTIONS = [
    ("1. Intelligence exchange", "1.1", "Exchange seizure reports within 30 days of a seizure (demo)"),
    ("1. Intelligence exchange", "1.2", "Joint analysis of tablet markings and routes (demo)"),
    ("2. Joint operations and patrols", "2.1", "Take part in the yearly Safe Mekong joint operation (demo)"),
    ("2. Joint operations and patrols", "2.2", "Mekong joint patrols every quarter (demo)"),
    ("3. Precursor chemicals", "3.1", "Pre-export notifications for every precursor shipment in the region (demo)"),
]  # fmt: skip
# what each country reports under which action: (status, activity, evidence: operations, seizures)
PROGRESS = {
    "1.1": ("in_progress", "Share every seizure of the Safe Mekong countries' border provinces (demo)", False, True),
    "2.1": ("done", "Units of the country took part in the demo joint operation (demo)", True, True),
    "2.2": ("in_progress", "River police vessels join the numbered patrols (demo)", True, False),
}  # fmt: skip


def seed_demo_plan(session: Session, agency: str, liaison: Principal, today: date | None = None) -> None:  # fmt: skip
    """ONCB enters the demo plan actions, shared with the Safe Mekong group."""
    if agency != "ONCB":
        return
    due = date((today or date.today()).year, 12, 31)
    for line, number, title in PLAN_ACTIONS:
        plan.create_action(session, liaison, PlanActionInput(
            line=line, number=number, title=title, due_on=due if number != "1.2" else due.replace(month=6, day=30),
            description="Demo action, invented; the plan's real text is entered by the agency that keeps it.",
            distribution="group", sharing_group="SAFE-MEKONG"))  # fmt: skip


def seed_demo_progress(session: Session, liaison: Principal, today: date | None = None) -> None:
    """The liaison officer's country reports progress under the plan actions this node holds,
    with the joint operations and own seizures it may see as evidence."""
    actions = {a.number: a for a in session.scalars(visible(liaison, PlanAction))}
    operations = list(session.scalars(visible(liaison, JointOperation).with_only_columns(JointOperation.uid)))  # fmt: skip
    seizures = list(session.scalars(visible(liaison, Seizure).where(Seizure.origin_agency == liaison.agency)
                                    .order_by(Seizure.seized_on.desc()).limit(3).with_only_columns(Seizure.uid)))  # fmt: skip
    for number, (status, activity, with_operations, with_seizures) in PROGRESS.items():
        if number not in actions:
            continue
        evidence = [{"kind": "mekong_operation", "uid": u} for u in operations if with_operations]
        evidence += [{"kind": "seizure", "uid": u} for u in seizures if with_seizures]
        plan.set_progress(session, liaison, actions[number].uid, ProgressInput(
            activity=activity, status=status, reported_on=today or date.today(), evidence=evidence))  # fmt: skip
