"""Demo seizures of each country's node: invented cases at real places along the trafficking
routes that UNODC's synthetic-drugs reports describe (Shan State → Golden Triangle → northern
Thailand and Laos → Viet Nam, Cambodia and the sea routes). Every reference, quantity and arrest
is invented; the places and their ISO 3166-2 units are real."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy.orm import Session

from mekongx.authz import Principal
from mekongx.domains.seizures import service
from mekongx.domains.seizures.schemas import SeizureInput

# fmt: off
# admin1, district (its code where the reference has a coded list: Thailand, Cambodia), place, latitude, longitude, drug, (low, high), unit, origin, transit, destination, conveyance, concealment
_PLACES: dict[str, list[tuple[str, str, str, float, float, str, tuple[int, int], str, str, str, str, str, str]]] = {
    "TH": [
        ("TH-57", "5709", "Mae Sai border checkpoint", 20.43, 99.88, "meth_tablets", (200_000, 2_000_000), "tablets", "MM", "", "TH", "road", "rice sacks in a pickup"),
        ("TH-57", "5708", "Mekong bank, Ban Sop Ruak", 20.35, 100.08, "meth_crystal", (20, 600), "kg", "MM", "LA", "TH", "river", "fishing boat hold"),
        ("TH-50", "5009", "Highway 107 checkpoint", 19.92, 99.21, "meth_tablets", (100_000, 1_000_000), "tablets", "MM", "", "TH", "road", "fruit crates"),
        ("TH-43", "4301", "Friendship Bridge", 17.88, 102.72, "meth_crystal", (5, 120), "kg", "MM", "LA", "TH", "road", "spare tyre"),
        ("TH-48", "4805", "Mekong pier", 16.94, 104.73, "ketamine", (10, 300), "kg", "MM", "LA", "TH", "river", "fertiliser bags"),
        ("TH-20", "2007", "Laem Chabang port", 13.08, 100.88, "ketamine", (100, 1_500), "kg", "MM", "TH", "AU", "sea", "tea packets in a container"),
        ("TH-63", "6306", "Moei river crossing", 16.71, 98.57, "heroin", (5, 80), "kg", "MM", "", "TH", "foot", "backpacks"),
    ],
    "CN": [
        ("CN-YN", "Mengla", "Mohan port", 21.18, 101.69, "meth_tablets", (50_000, 800_000), "tablets", "MM", "LA", "CN", "road", "rubber sheets"),
        ("CN-YN", "Jinghong", "Guanlei port on the Lancang", 21.64, 101.2, "heroin", (2, 60), "kg", "MM", "", "CN", "river", "cargo boat"),
        ("CN-YN", "Ruili", "Jiegao checkpoint", 24.0, 97.85, "meth_crystal", (10, 400), "kg", "MM", "", "CN", "road", "hidden compartment of a lorry"),
        ("CN-YN", "Menglian", "Mengma border road", 22.33, 99.58, "ketamine", (10, 200), "kg", "MM", "", "CN", "foot", "mountain path"),
        ("CN-GX", "Pingxiang", "Youyiguan checkpoint", 21.97, 106.7, "meth_crystal", (5, 100), "kg", "VN", "", "CN", "road", "fruit lorry"),
    ],
    "LA": [
        ("LA-BK", "Ton Pheung", "Golden Triangle special economic zone", 20.36, 100.1, "meth_tablets", (500_000, 5_000_000), "tablets", "MM", "", "TH", "river", "boat of fishing nets"),
        ("LA-BK", "Houayxay", "Houayxay port", 20.28, 100.41, "meth_crystal", (50, 900), "kg", "MM", "", "VN", "road", "corn sacks"),
        ("LA-LM", "Namtha", "Route 3 checkpoint", 20.95, 101.4, "heroin", (5, 60), "kg", "MM", "", "CN", "road", "lorry fuel tank"),
        ("LA-VT", "Sikhottabong", "Vientiane Capital, Route 13", 18.0, 102.55, "meth_tablets", (100_000, 900_000), "tablets", "MM", "", "TH", "road", "furniture"),
    ],
    "MM": [
        ("MM-17", "Tachileik", "Tachileik–Mae Sai bridge", 20.45, 99.88, "meth_tablets", (200_000, 3_000_000), "tablets", "MM", "", "TH", "road", "sacks of garlic"),
        ("MM-17", "Kengtung", "Kengtung–Tachileik road", 21.29, 99.6, "heroin", (10, 150), "kg", "MM", "", "TH", "road", "car body panels"),
        ("MM-17", "Lashio", "Lashio checkpoint", 22.93, 97.75, "opium", (20, 500), "kg", "MM", "", "CN", "road", "lorry of tea"),
        ("MM-11", "Myitkyina", "Myitkyina checkpoint", 25.38, 97.39, "precursors", (500, 20_000), "kg", "CN", "", "MM", "road", "drums declared as solvent"),
    ],
    "KH": [
        ("KH-12", "1201", "Phnom Penh, Sihanouk Boulevard", 11.55, 104.92, "ketamine", (5, 100), "kg", "MM", "LA", "KH", "road", "tea packets"),
        ("KH-18", "1801", "Sihanoukville port", 10.64, 103.5, "meth_crystal", (20, 400), "kg", "MM", "LA", "AU", "sea", "container of auto parts"),
        ("KH-19", "1904", "Route 7 near the Lao border", 13.9, 105.97, "meth_tablets", (50_000, 500_000), "tablets", "MM", "LA", "KH", "road", "wood"),
    ],
    "VN": [
        ("VN-05", "Sơn La", "Mộc Châu road", 20.85, 104.63, "heroin", (5, 100), "kg", "LA", "", "VN", "road", "motorbike"),
        ("VN-03", "Hà Giang", "Border path", 22.83, 104.98, "meth_crystal", (10, 200), "kg", "LA", "", "CN", "foot", "backpacks"),
        ("VN-46", "Nghệ An", "Nậm Cắn border gate", 19.4, 104.1, "meth_tablets", (100_000, 1_000_000), "tablets", "LA", "", "VN", "road", "cabbage lorry"),
        ("VN-SG", "Quận 7", "Ho Chi Minh City, Cát Lái port", 10.77, 106.79, "ketamine", (20, 600), "kg", "MM", "KH", "VN", "sea", "container of tea"),
    ],
}
# fmt: on
_COUNTRY = {"ONCB": "TH", "NNCC": "CN", "LCDC": "LA", "CCDAC": "MM", "NACD": "KH", "C04": "VN"}
_NATIONALITIES = {"TH": ["TH", "MM", "LA"], "CN": ["CN", "MM"], "LA": ["LA", "TH", "CN"],
                  "MM": ["MM", "TH"], "KH": ["KH", "VN", "CN"], "VN": ["VN", "LA", "CN"]}  # fmt: skip
_MARKINGS = ["WY", "R", "999", "Y1", "🌙", "UOGlobe"]


def seed_demo_seizures(session: Session, agency: str, analyst: Principal, liaison: Principal,
                       count: int = 40, today: date | None = None) -> int:  # fmt: skip
    """``count`` seizures of the agency over the last two years: most shared with the Safe
    Mekong group by the liaison officer, some kept in the agency by the analyst."""
    country = _COUNTRY.get(agency)
    if country is None:
        return 0
    rng = random.Random(f"seizures-{agency}")
    end = today or date.today()
    made = 0
    for i in range(count):
        (admin1, district, place, lat, lon, drug, (low, high), unit, origin, transit, dest,
         conveyance, concealment) = rng.choice(_PLACES[country])  # fmt: skip
        amount = rng.randint(low, high)
        arrests = rng.randint(0, 4)
        pool = _NATIONALITIES[country]
        nationalities: dict[str, int] = {}
        for _ in range(arrests):
            code = rng.choice(pool)
            nationalities[code] = nationalities.get(code, 0) + 1
        shared = i % 4 != 0
        data = SeizureInput(
            reference=f"{agency}-S-{end.year}-{i + 1:04d}",
            seized_on=end - timedelta(days=rng.randint(1, 720)),
            country=country, admin1=admin1, place=place,
            admin2_code=district if district.isdigit() else "", admin2="" if district.isdigit() else district,
            latitude=round(lat + rng.uniform(-0.02, 0.02), 5), longitude=round(lon + rng.uniform(-0.02, 0.02), 5),
            drug=drug, form="tablets" if unit == "tablets" else "", unit=unit,
            quantity=Decimal(amount) if unit == "tablets" else Decimal(f"{amount + rng.random():.2f}"),
            purity=Decimal(rng.randint(10, 95)) if rng.random() < 0.3 else None,
            markings=rng.choice(_MARKINGS) if unit == "tablets" else "",
            origin_country=origin, transit_countries=[transit] if transit else [],
            destination_country=dest, conveyance=conveyance, concealment=concealment,
            arrests=arrests, nationalities=nationalities, language="en",
            distribution="group" if shared else "own", sharing_group="SAFE-MEKONG" if shared else None,
        )  # fmt: skip
        service.create_seizure(session, liaison if shared else analyst, data)
        made += 1
    return made
