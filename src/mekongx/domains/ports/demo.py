"""Demo and benchmark manifests of Laem Chabang (THLCH): lawful trade with a few planted risky
containers.

Everything is invented: companies, addresses, vessels and container serial numbers (the check
digit is computed, so the numbers are well-formed but belong to no real container). The goods,
HS codes, routes and ports are the ordinary ones of the port's trade with China, Japan, Korea
and its ASEAN neighbours; the planted consignments follow the patterns of the UNODC-WCO
Container Control Programme's profiling indicators (misdeclared precursors, a forwarder or a
private flat as consignee, a detour through a hub, more weight than the goods can have, a party
on a wanted-person notice, a voyage through a port far off the way, a party of an earlier
seizure met again under another spelling).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
from collections.abc import Iterator
from dataclasses import dataclass, field

from sqlalchemy import select

from mekongx.authz import Principal
from mekongx.db import Database
from mekongx.domains import mappings as saved_mappings
from mekongx.domains.ports import alerts, examinations, manifest, rules, service
from mekongx.domains.ports.models import PortContainer, PortLine, PortMapping
from mekongx.domains.ports.reference import check_digit
from mekongx.domains.ports.schemas import AlertInput, DecisionInput, ExaminationInput, RuleInput

HEADER = ["B/L No", "Shipper", "Shipper Country", "Consignee", "Consignee Address",
          "Consignee Country", "Notify Party", "Forwarder", "Description of Goods", "HS Code",
          "Gross Weight (kg)", "Packages", "Container No", "Size/Type", "Seal No",
          "Port of Loading", "Port of Transshipment", "Port of Discharge", "Vessel", "Voyage",
          "Date of Loading", "ETA"]  # fmt: skip
COLUMNS = dict(zip(manifest.FIELDS, HEADER, strict=True))
DEMO_MAPPING = "Laem Chabang terminal manifest (CSV)"

# (goods, HS code, kg per container low-high, origins)
LAWFUL = [
    ("Office furniture, flat-packed", "940330", (4000, 9000), ("CNSZX", "CNNGB", "VNSGN")),
    ("Cotton T-shirts, knitted", "610910", (3000, 7000), ("CNSHA", "VNSGN", "CNNSA")),
    ("Plastic toys", "950300", (3500, 8000), ("CNYTN", "CNSZX")),
    ("LED lamps", "853952", (4000, 9000), ("CNNGB", "CNXMN")),
    ("Ceramic floor tiles", "690721", (18000, 24000), ("CNCAN", "CNXMN")),
    ("Automotive parts, brake discs", "870830", (12000, 20000), ("JPYOK", "KRPUS", "JPUKB")),
    ("Rice cookers", "851660", (5000, 9000), ("CNSHK", "KRPUS")),
    ("Roasted coffee beans in 60 kg bags", "090121", (15000, 17000), ("VNSGN", "IDJKT")),
    ("Citric acid monohydrate, food grade", "291814", (18000, 22000), ("CNTAO", "CNSHA")),
    ("Acetone-free nail polish remover", "330430", (6000, 9000), ("CNSZX", "KRPUS")),
    (
        "Acetone 99.5% technical grade, 160 kg drums",
        "291411",
        (12000, 16000),
        ("CNNGB", "KRPUS", "TWKHH"),
    ),
    ("Steel wire rod in coils", "721391", (22000, 26000), ("CNTXG", "JPTYO")),
    ("Frozen squid", "030743", (20000, 24000), ("CNDLC", "VNHPH")),
]
COMPANIES = ["Siam", "Chonburi", "Rayong", "Bangna", "Eastern", "Sukhumvit", "Lat Krabang",
             "Amata", "Pinthong", "Samut Prakan", "Bang Phli", "Sriracha"]  # fmt: skip
TRADES = ["Trading", "Industries", "Supply", "Import", "Distribution", "Manufacturing"]
SHIPPERS = {"CN": ["Shenzhen Huali Export", "Ningbo Dongfang Industrial", "Guangdong Meida Trading",
                   "Qingdao Haitian Chemical", "Xiamen Jinlong Import & Export"],
            "JP": ["Kanto Precision Parts"], "KR": ["Busan Hanil Trading"],
            "VN": ["Saigon Agro Export"], "TW": ["Kaohsiung Fine Chemicals"],
            "ID": ["Java Coffee Export"]}  # fmt: skip
VESSELS = [("KOTA LAYANG", "0425S"), ("WAN HAI 305", "S218"), ("SITC MANILA", "2519S"),
           ("INTERASIA PURSUIT", "W083"), ("EVER CONNECT", "1140-037S")]  # fmt: skip
OWNERS = ["TGHU", "MSKU", "TCNU", "WHSU", "SITU", "OOLU", "EMCU", "CAIU"]
# Where lawful trade is commonly transshipped on its way to Laem Chabang, by the country of the
# port of loading: the region's hubs on or near the way (Viet Nam's short-sea trade sails direct).
FEEDER_HUBS = {"CN": ("HKHKG", "CNSHK", "SGSIN"), "JP": ("KRPUS", "HKHKG", "TWKHH", "SGSIN"),
               "KR": ("HKHKG", "TWKHH", "SGSIN"), "TW": ("HKHKG", "SGSIN"), "ID": ("SGSIN", "MYPKG")}  # fmt: skip
# Voyages from East Asia to Laem Chabang through a port far off the way, as used to break the
# trail of a consignment (CCP profiling: "unusual or illogical routing"): every one of these hubs
# lies west of the Strait of Malacca or on the Arabian Sea, i.e. past Laem Chabang, so the cargo
# sails to the Indian Ocean and back. Chosen by geography, not by the route check.
DETOURS = (("CNCAN", "LKCMB"), ("CNXMN", "AEJEA"), ("CNNGB", "INNSA"), ("CNSHK", "OMSLL"),
           ("CNDLC", "LKCMB"), ("KRPUS", "AEJEA"))  # fmt: skip
# Parties of containers seized at the port on earlier days (invented), each with the other ways
# documents write the same party: the legal form added, dropped or written out, another
# romanisation of a Thai or Chinese name, a typing slip. Networks reuse their front companies
# and contacts after a seizure (CCP profiling: "parties previously involved in seizures").
SEIZED_BEFORE = (
    ("consignee", "Golden Bean Trading Co., Ltd.",
     ("GOLDEN BEAN TRADING CO LTD", "Golden Bean Trading Company Limited", "Golden Been Trading Co., Ltd.")),
    ("consignee", "Wattana Health Products Co., Ltd.",
     ("Watthana Health Products", "WATTANA HEALTH PRODUCT CO.,LTD.", "Wattana Health Products Limited")),
    ("notify_party", "Prasert Wongsawat",
     ("Prasoet Wongsawat", "Mr. Prasert Vongsawat", "PRASERT WONGSAWAT")),
    ("shipper", "Guangxi Yuntong Import & Export Co., Ltd.",
     ("Guangxi Yun Tong Import and Export Co Ltd", "GUANGXI YUNTONG IMP & EXP CO., LTD.")),
    ("notify_party", "Nguyen Van Hung",
     ("Nguyễn Văn Hùng", "NGUYEN VAN HUNG", "Nguyen Van Hunng")),
    ("consignee", "Mae Sot Border Logistics Ltd., Part.",
     ("Maesot Border Logistics", "Mae Sot Border Logistic Limited Partnership")),
)  # fmt: skip


def container_number(rng: random.Random) -> str:
    first = f"{rng.choice(OWNERS)}{rng.randrange(10**6):06d}"
    return f"{first}{check_digit(first)}"


@dataclass
class Generated:
    rows: list[list[str]]
    planted: set[str]  # container numbers of the planted risky consignments
    patterns: dict[str, str] = field(default_factory=dict)  # planted container -> its pattern

    def csv(self) -> bytes:
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(HEADER)
        writer.writerows(self.rows)
        return out.getvalue().encode()


def _row(bl: str, shipper: str, s_country: str, consignee: str, address: str, c_country: str,
         notify: str, forwarder: str, goods: str, hs: str, kg: float, number: str, size: str,
         pol: str, pot: str, vessel: tuple[str, str], loaded: dt.date, day: dt.date,
         rng: random.Random) -> list[str]:  # fmt: skip
    return [bl, shipper, s_country, consignee, address, c_country, notify, forwarder, goods, hs,
            f"{kg:.0f}", str(rng.randint(20, 400)), number, size, f"SL{rng.randrange(10**7):07d}",
            pol, pot, "THLCH", vessel[0], vessel[1], loaded.isoformat(), day.isoformat()]  # fmt: skip


def _planted(day: dt.date, rng: random.Random) -> Iterator[tuple[list[str], str, str]]:
    """The risky consignments: each evades some rules, so only the profile as a whole finds all."""
    vessel = VESSELS[0]
    patterns = [
        # a P-2-P (BMK) shipment under a vague ketone heading, to a forwarder, via a hub
        (
            "Gulf Star Chemical Co.",
            "CN",
            "Speedy Freight Logistics",
            "99/12 Moo 5, Bang Phli, Samut Prakan",
            "TH",
            "",
            "Speedy Freight Logistics",
            "Benzyl methyl ketone, industrial solvent, 200 L drums",
            "291439",
            14800,
            "22G1",
            "CNNGB",
            "MYPKG",
            12,
        ),
        # ephedrine declared as a pharmaceutical raw material, to a private condominium room
        (
            "Mumbai Pharma Exports",
            "IN",
            "Wattana Health Products",
            "Room 1204, Lumpini Condominium, Sukhumvit 77, Bangkok",
            "TH",
            "",
            "",
            "Pharmaceutical raw material: ephedrine hydrochloride",
            "293941",
            2400,
            "22G1",
            "INNSA",
            "SGSIN",
            10,
        ),
        # 'coffee' heavier than coffee can be in a 20 ft box, loaded outside the shipper's country
        (
            "Shan Highland Agro",
            "MM",
            "Golden Bean Trading",
            "12 Soi Ramkhamhaeng 24, Bangkok",
            "TH",
            "",
            "",
            "Roasted coffee beans in 60 kg bags",
            "090121",
            26500,
            "22G1",
            "MYPKG",
            "",
            8,
        ),
        # a permanganate consignment for Myanmar under a water-treatment name, long on the way
        (
            "Tianjin Clearwater Chemical",
            "CN",
            "Irrawaddy Water Solutions",
            "No. 45 Bogyoke Road, Yangon",
            "MM",
            "",
            "",
            "Water treatment chemical KMnO4 (potassium permanganate)",
            "284161",
            20000,
            "22G1",
            "CNTXG",
            "HKHKG",
            41,
        ),
        # lawful-looking toys, but the notify party is named in a wanted-person notice
        (
            "Shantou Happy Toys",
            "CN",
            "Bangna Kids Supply",
            "88 Bangna-Trad Road km 4, Bangkok",
            "TH",
            "Sompong Kaewmanee",
            "",
            "Plastic toys",
            "950300",
            5200,
            "42G1",
            "CNSHK",
            "",
            9,
        ),
    ]
    for i, (shipper, s_country, consignee, address, c_country, notify, forwarder, goods, hs, kg,
            size, pol, pot, dwell) in enumerate(patterns):  # fmt: skip
        number = container_number(rng)
        bl = f"LCB{day:%y%m%d}P{i:03d}"
        yield _row(bl, shipper, s_country, consignee, address, c_country, notify, forwarder,
                   goods, hs, kg, number, size, pol, pot, vessel, day - dt.timedelta(days=dwell),
                   day, rng), number, PATTERNS[i]  # fmt: skip
    # lawful-looking goods to a new importer, through a port far off the way (a long voyage)
    pol, pot = rng.choice(DETOURS)
    goods, hs, (low, high), _origins = rng.choice(LAWFUL[:8])
    number = container_number(rng)
    yield _row(f"LCB{day:%y%m%d}P005", rng.choice(SHIPPERS[pol[:2]]), pol[:2],
               f"{rng.choice(COMPANIES)} Global {rng.choice(TRADES)} Co., Ltd.",
               f"{rng.randint(1, 999)} Moo {rng.randint(1, 12)}, Bang Bo, Samut Prakan", "TH", "", "",
               goods, hs, rng.uniform(low, high), number, "22G1", pol, pot, vessel,
               day - dt.timedelta(days=rng.randint(24, 38)), day, rng), number, PATTERNS[5]  # fmt: skip
    # a party of an earlier seizure, under another spelling, on an ordinary-looking consignment
    role, _name, spellings = rng.choice(SEIZED_BEFORE)
    goods, hs, (low, high), origins = rng.choice(LAWFUL[:8])
    pol = rng.choice(origins)
    parties = {"shipper": rng.choice(SHIPPERS.get(pol[:2], SHIPPERS["CN"])),
               "consignee": f"{rng.choice(COMPANIES)} {rng.choice(TRADES)} Co., Ltd.", "notify_party": ""}  # fmt: skip
    parties[role] = rng.choice(spellings)
    number = container_number(rng)
    yield _row(f"LCB{day:%y%m%d}P006", parties["shipper"], pol[:2], parties["consignee"],
               f"{rng.randint(1, 999)} Soi Sukhumvit {rng.randint(1, 101)}, Bangkok", "TH",
               parties["notify_party"], "", goods, hs, rng.uniform(low, high), number, "22G1", pol,
               "", vessel, day - dt.timedelta(days=rng.randint(4, 14)), day, rng), number, PATTERNS[6]  # fmt: skip


PATTERNS = ("P-2-P to a forwarder via a hub", "ephedrine to a condominium",
            "coffee too heavy, loaded abroad", "permanganate, long on the way",
            "notify party on a notice", "voyage far off the way",
            "party of an earlier seizure")  # fmt: skip


def seizure_history(day: dt.date, seed: int = 0) -> list[tuple[str, str]]:
    """(party name, container number) of the containers seized at the port before ``day``, as
    the node's watch list holds them (``service.seized_parties``: the names as the seized
    container's manifest wrote them)."""
    rng = random.Random(seed or day.toordinal())
    return [(name, container_number(rng)) for _role, name, _spellings in SEIZED_BEFORE]


def generate(day: dt.date, containers: int, *, seed: int = 20, planted_every: int = 0,
             consignees: int = 60, transshipped: float = 0.0) -> Generated:  # fmt: skip
    """A day's manifest of ``containers`` lawful containers (one to three lines each) and, every
    ``planted_every`` containers (and at least once when not 0), the planted patterns in turn;
    a share ``transshipped`` of the lawful containers comes through a feeder hub on the way."""
    rng = random.Random(seed)
    hubs = random.Random(seed + 1)  # its own draws: the other fields stay those of the seed
    pool = [f"{rng.choice(COMPANIES)} {rng.choice(TRADES)} Co., Ltd." for _ in range(consignees)]
    rows: list[list[str]] = []
    planted: dict[str, str] = {}
    pattern = _planted(day, rng)
    for n in range(containers):
        if planted_every and n % planted_every == planted_every // 2:
            found = next(pattern, None)
            if found is None:
                pattern = _planted(day, rng)
                found = next(pattern)
            rows.append(found[0])
            planted[found[1]] = found[2]
        goods, hs, (low, high), origins = rng.choice(LAWFUL)
        pol = rng.choice(origins)
        country = pol[:2]
        shipper = rng.choice(SHIPPERS.get(country, SHIPPERS["CN"]))
        consignee = rng.choice(pool)
        number = container_number(rng)
        size = "22G1" if high > 12000 else rng.choice(["22G1", "42G1", "45G1"])
        vessel = rng.choice(VESSELS)
        loaded = day - dt.timedelta(days=rng.randint(4, 14))
        parts = rng.choice((1, 1, 1, 2, 3))
        via = ""
        if transshipped and hubs.random() < transshipped:
            via = hubs.choice([h for h in FEEDER_HUBS.get(country, ()) if h != pol] or [""])
        for part in range(parts):
            kg = rng.uniform(low, high) / parts
            rows.append(_row(f"LCB{day:%y%m%d}{n:05d}", shipper, country, consignee,
                             f"{rng.randint(1, 999)} Moo {rng.randint(1, 12)}, {rng.choice(COMPANIES)} Industrial Estate, Chon Buri",
                             "TH", "", "", goods if part == 0 else f"{goods}, lot {part + 1}", hs,
                             kg, number, size, pol, via, vessel, loaded, day, rng))  # fmt: skip
    return Generated(rows, set(planted), planted)


def _hub_rule() -> RuleInput:
    return RuleInput(kind="transshipment_hub", label="Hubs named in the 2026 precursor profile (demo)",
                     values=["MYPKG", "SGSIN", "HKHKG"], weight=15,
                     why="Demo profile: transshipment hubs named by the regional precursor alert")  # fmt: skip


def seed_demo_ports(db: Database, principal: Principal, today: dt.date | None = None, *,
                    approver: Principal) -> int:  # fmt: skip
    """Import yesterday's lawful manifest (the party history) and today's with the planted
    containers, after adding the demo's hub rule (proposed by ``principal``, approved by
    ``approver``, a colleague) and the terminal's saved mapping. Returns the number of
    containers of today's list."""
    today = today or dt.date.today()
    with db.write() as session:
        hub = rules.add(session, principal, _hub_rule())
        rules.approve(session, approver, hub.id, DecisionInput(note="Demo: profile checked"))
        saved_mappings.save(session, principal, PortMapping, name=DEMO_MAPPING, columns=COLUMNS,
                            action="ports.mapping.create")  # fmt: skip
    count = 0
    for offset, planted in ((1, 0), (0, 25)):
        day = today - dt.timedelta(days=offset)
        made = generate(day, 120, seed=day.toordinal(), planted_every=planted)
        reading = manifest.read_rows(HEADER, enumerate(made.rows, start=2), COLUMNS)
        with db.write() as session:
            imported = service.import_manifest(session, principal, reading,
                                               f"THLCH-{day:%Y%m%d}.csv", "demo")  # fmt: skip
            count = imported.containers
    return count


SEIZED_NOTE = ("72 drums of 200 L declared as an industrial solvent; field test positive for "
               "benzyl methyl ketone. Please trace the shipper Gulf Star Chemical Co. and who "
               "booked the voyage at Ningbo.")  # fmt: skip


def seed_demo_alert(db: Database, officer: Principal, liaison: Principal,
                    today: dt.date | None = None) -> str:  # fmt: skip
    """Today's planted P-2-P container (loaded at Ningbo, transshipped at Port Klang) examined by
    ``officer`` with a seizure, and ``liaison``'s alert to NNCC, the agency of the country of
    loading, with the route, parties, goods, reasons and examination (queued on the exchange).
    Returns the alert's uid."""
    today = today or dt.date.today()
    with db.write() as session:
        container_id = session.scalars(
            select(PortContainer.id)
            .join(PortLine, PortLine.container_id == PortContainer.id)
            .where(PortContainer.arrival_on == today, PortLine.goods.startswith("Benzyl methyl ketone"))
            .order_by(PortContainer.score.desc())
        ).first()  # fmt: skip
        if container_id is None:
            raise LookupError("the demo's P-2-P container is not among today's containers")
        examinations.record_examination(session, officer, container_id, ExaminationInput(
            outcome="seizure", seized="Benzyl methyl ketone (P-2-P), 72 drums of 200 L",
            quantity_kg=14400, substance_id="p2p", note=SEIZED_NOTE))  # fmt: skip
    with db.write() as session:
        alert = alerts.send(session, liaison, container_id, AlertInput(
            to_agency="NNCC", evidence=["route", "parties", "goods", "reasons", "examination"],
            note=SEIZED_NOTE, handling_code="H2"))  # fmt: skip
        return alert.uid
