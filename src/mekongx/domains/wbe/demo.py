"""Realistic synthetic wastewater campaigns for the demo node and for tests.

The figures are invented but plausible for Thai catchments: methamphetamine dominates (hundreds
to a few thousand ng/L), amphetamine near a tenth of it, ketamine with norketamine, little
cocaine (measured as benzoylecgonine) and MDMA mostly below the limit of quantification.
``seed_demo_wbe`` is meant for ``mekongx.demo`` (wired by the lead).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random

from sqlalchemy.orm import Session

from mekongx.authz import Principal

from . import results, service
from .estimates import create_calibration
from .schemas import CalibrationDay, CalibrationInput, CampaignInput, LabInput, SiteInput, SiteTexts

# analyte: (median ng/L at a reference catchment, spread, LOQ ng/L)
PROFILE: dict[str, tuple[float, float, float]] = {
    "METH": (900.0, 0.25, 5.0),
    "AMP": (85.0, 0.3, 5.0),
    "KET": (120.0, 0.35, 2.0),
    "NK": (35.0, 0.3, 2.0),
    "BE": (25.0, 0.4, 5.0),
    "MDMA": (4.0, 0.6, 5.0),
}
WEEKEND_BOOST = {"MDMA": 1.6, "BE": 1.3, "KET": 1.2}


def results_csv(
    start: dt.date,
    days: int,
    *,
    flow_m3_d: float,
    population: int,
    level: float = 1.0,
    seed: int = 0,
    analytes: tuple[str, ...] = tuple(PROFILE),
) -> str:
    """A laboratory results table (the import format) for ``days`` consecutive days."""
    rng = random.Random(seed)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(
        [
            "date",
            "analyte",
            "concentration_ng_l",
            "loq_ng_l",
            "flow_m3_d",
            "population",
            "sampling_mode",
        ]
    )
    for i in range(days):
        day = start + dt.timedelta(days=i)
        flow = round(flow_m3_d * rng.lognormvariate(0, 0.08))
        for code in analytes:
            median, spread, loq = PROFILE[code]
            boost = WEEKEND_BOOST.get(code, 1.0) if day.isoweekday() >= 6 else 1.0
            value = median * level * boost * rng.lognormvariate(0, spread)
            shown = "<LOQ" if value < loq else f"{value:.1f}"
            writer.writerow([day.isoformat(), code, shown, loq, flow, population, "flow"])
    return buffer.getvalue()


# The sites' names in the node's languages (this project's translations of the English; the
# Thai and Chinese city names as the gazetteer has them, text/data/gazetteer.csv).
LANGS = ("th", "zh", "lo", "my", "km", "vi")
NAMES: dict[str, tuple[str, ...]] = {
    "Si Phraya wastewater treatment plant": (
        "โรงควบคุมคุณภาพน้ำสี่พระยา",
        "四帕耶污水处理厂",
        "ໂຮງບຳບັດນ້ຳເສຍສີ່ພະຍາ",
        "စီဖရာယာ ရေဆိုးသန့်စင်စက်ရုံ",
        "រោងចក្រប្រព្រឹត្តកម្មទឹកកខ្វក់ស៊ីភ្រាយ៉ា",
        "Nhà máy xử lý nước thải Si Phraya",
    ),
    "Bangkok": ("กรุงเทพมหานคร", "曼谷", "ບາງກອກ", "ဘန်ကောက်", "បាងកក", "Băng Cốc"),
    "Chiang Mai municipal wastewater treatment plant": (
        "ระบบบำบัดน้ำเสียเทศบาลนครเชียงใหม่",
        "清迈市政污水处理厂",
        "ໂຮງບຳບັດນ້ຳເສຍເທດສະບານນະຄອນຊຽງໃໝ່",
        "ချင်းမိုင် မြို့တော် ရေဆိုးသန့်စင်စက်ရုံ",
        "រោងចក្រប្រព្រឹត្តកម្មទឹកកខ្វក់ក្រុងឈៀងម៉ៃ",
        "Nhà máy xử lý nước thải thành phố Chiang Mai",
    ),
    "Chiang Mai": ("เชียงใหม่", "清迈", "ຊຽງໃໝ່", "ချင်းမိုင်", "ឈៀងម៉ៃ", "Chiang Mai"),
    "Chiang Rai municipal wastewater treatment plant": (
        "ระบบบำบัดน้ำเสียเทศบาลนครเชียงราย",
        "清莱市政污水处理厂",
        "ໂຮງບຳບັດນ້ຳເສຍເທດສະບານນະຄອນຊຽງຮາຍ",
        "ချင်းရိုင် မြို့တော် ရေဆိုးသန့်စင်စက်ရုံ",
        "រោងចក្រប្រព្រឹត្តកម្មទឹកកខ្វក់ក្រុងឈៀងរ៉ាយ",
        "Nhà máy xử lý nước thải thành phố Chiang Rai",
    ),
    "Chiang Rai": ("เชียงราย", "清莱", "ຊຽງຮາຍ", "ချင်းရိုင်", "ឈៀងរ៉ាយ", "Chiang Rai"),
}


def _texts(plant: str, city: str) -> SiteTexts:
    """The plant's and the city's names in every language (English as written)."""
    return SiteTexts(
        plant={"en": plant, **dict(zip(LANGS, NAMES[plant], strict=True))},
        city={"en": city, **dict(zip(LANGS, NAMES[city], strict=True))},
    )


SITES = [
    SiteInput(
        code="BKK-SPY",
        plant="Si Phraya wastewater treatment plant",
        city="Bangkok",
        translations=_texts("Si Phraya wastewater treatment plant", "Bangkok"),
        country="TH",
        latitude=13.7316,
        longitude=100.5146,
        population_served=120_000,
        sewer_type="combined",
    ),
    SiteInput(
        code="CNX-01",
        plant="Chiang Mai municipal wastewater treatment plant",
        city="Chiang Mai",
        translations=_texts("Chiang Mai municipal wastewater treatment plant", "Chiang Mai"),
        country="TH",
        latitude=18.7606,
        longitude=99.0174,
        population_served=180_000,
        sewer_type="combined",
    ),
    SiteInput(
        code="CRI-01",
        plant="Chiang Rai municipal wastewater treatment plant",
        city="Chiang Rai",
        translations=_texts("Chiang Rai municipal wastewater treatment plant", "Chiang Rai"),
        country="TH",
        latitude=19.9105,
        longitude=99.8406,
        population_served=60_000,
        sewer_type="mixed",
        # estimated from BOD5 loads with the European constant: its pages show the warning
        population_method="BOD5",
    ),
]


def seed_demo_wbe(session: Session, principal: Principal) -> int:
    """Three Thai sites, one laboratory and five March campaigns (2023–2025) with results.

    ``principal`` must be a liaison officer of the node's agency (campaigns go to the Safe
    Mekong group when it exists, otherwise they stay with the agency). Returns the number of
    campaigns created.
    """
    from mekongx.model.identity import SharingGroup

    group = session.get(SharingGroup, "SAFE-MEKONG")
    lab = service.create_lab(
        session,
        principal,
        LabInput(
            name="Bureau of Drug and Narcotic, Department of Medical Sciences",
            city="Nonthaburi",
            country="TH",
            accreditation="ISO/IEC 17025",
        ),
    )
    sites = {s.code: service.create_site(session, principal, s) for s in SITES}
    plan = [
        ("BKK-SPY", 2023, 1.0, 30_000.0, 120_000),
        ("BKK-SPY", 2024, 1.15, 31_000.0, 121_000),
        ("BKK-SPY", 2025, 1.3, 30_500.0, 122_000),
        ("CNX-01", 2025, 0.8, 42_000.0, 180_000),
        ("CRI-01", 2025, 1.6, 12_500.0, 60_000),
    ]
    for n, (code, year, level, flow, population) in enumerate(plan):
        site = sites[code]
        start = dt.date(year, 3, 11)
        shared = group is not None and code != "CRI-01"
        campaign = service.create_campaign(
            session,
            principal,
            CampaignInput(
                title=f"{site.city} March {year}",
                site_id=site.id,
                lab_id=lab.id,
                period_start=start,
                period_end=start + dt.timedelta(days=6),
                language="en",
                distribution="group" if shared else "own",
                sharing_group="SAFE-MEKONG" if shared else None,
            ),
        )
        content = results_csv(
            start, 7, flow_m3_d=flow, population=population, level=level, seed=n
        ).encode()
        results.import_file(session, principal, campaign.id, "results.csv", content)
    create_calibration(session, principal, sites["CNX-01"].id, demo_calibration())
    return len(plan)


def demo_calibration() -> CalibrationInput:
    """The laboratory's BOD5 calibration at Chiang Mai, whose population served is counted (a
    census), from the seven days of the March 2025 campaign: invented concentrations of
    about 155 mg/L, near Thai municipal influent, give about 36 g per person per day, below the
    European design value of 60 g that the parameter set holds."""
    rng = random.Random("CNX-01-BOD5")
    days = [
        CalibrationDay(
            concentration_mg_l=round(155 * rng.lognormvariate(0, 0.1), 1),
            flow_m3_d=round(42_000 * rng.lognormvariate(0, 0.08)),
            reference_population=180_000,
        )
        for _ in range(7)
    ]
    return CalibrationInput(
        marker="BOD5",
        reference="census",
        source="Demo (invented): BOD5 of the March 2025 daily composites; population served "
        "as registered for the plant",
        days=days,
    )
