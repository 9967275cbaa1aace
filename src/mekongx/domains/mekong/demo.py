"""Demo joint operation and patrol led by ONCB. Invented: names, dates, units, findings. Real:
the six countries take part in Safe Mekong joint operations, and China, Laos, Myanmar and
Thailand run numbered Mekong joint patrols (the series passed its 140th in 2024)."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from mekongx.authz import Principal
from mekongx.domains.mekong import service
from mekongx.domains.mekong.schemas import OperationInput
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
