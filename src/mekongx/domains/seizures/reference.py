"""The seizures area's reference data, shipped in ``data/`` with their sources: UNODC drug
categories and their units (``drugs.yaml``), the first-level administrative units of the six
countries with ISO 3166-2 codes (``admin1.csv``; their Lao, Burmese, Khmer and Vietnamese
names in ``admin1_local.csv``), coded second-level units where a public coded
list was found (``admin2.csv``: Thailand, Cambodia) and the countries' outlines
(``countries.json``), built by ``scripts/seizure_reference.py``. Pure: no database."""

from __future__ import annotations

import csv
import itertools
import json
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any

import yaml

COUNTRIES = ("CN", "KH", "LA", "MM", "TH", "VN")
UNITS = ("kg", "g", "l", "tablets")
# the most one seizure may plausibly hold, per unit: more is a typing error
MAX_QUANTITY = {"kg": Decimal(100_000), "g": Decimal(100_000_000), "l": Decimal(200_000),
                "tablets": Decimal(2_000_000_000)}  # fmt: skip
BORDER_MARGIN = 0.1  # degrees (about 11 km): border rivers and the outlines' 1:50m scale


@dataclass(frozen=True)
class Drug:
    code: str
    en: str
    th: str
    zh: str
    arq: str
    units: tuple[str, ...]
    my: str = ""  # Burmese and Khmer names: sources in docs/glossary/my.md and km.md
    km: str = ""
    lo: str = ""  # Lao and Vietnamese names: docs/glossary/lo.md and vi.md
    vi: str = ""

    def name(self, lang: str) -> str:
        named = lang in ("th", "zh", "my", "km", "lo", "vi")
        return (str(getattr(self, lang)) if named else "") or self.en


@dataclass(frozen=True)
class Unit:
    code: str  # ISO 3166-2
    country: str
    type: str
    en: str
    th: str
    zh: str
    local: tuple[tuple[str, str], ...] = ()  # (lang, name): lo, my, km, vi (admin1_local.csv)

    def name(self, lang: str) -> str:
        return {"th": self.th, "zh": self.zh, **dict(self.local)}.get(lang, "") or self.en


def _data(name: str) -> str:
    return resources.files("mekongx.domains.seizures").joinpath(f"data/{name}").read_text("utf-8")


@cache
def drugs() -> dict[str, Drug]:
    entries = yaml.safe_load(_data("drugs.yaml"))
    return {e["code"]: Drug(**{**e, "units": tuple(e["units"])}) for e in entries}


@cache
def units() -> dict[str, Unit]:
    lines = [line for line in _data("admin1.csv").splitlines() if not line.startswith("#")]
    local: dict[str, list[tuple[str, str]]] = {}
    for row in _rows("admin1_local.csv"):
        local.setdefault(row["code"], []).append((row["lang"], row["name"]))
    return {
        row["code"]: Unit(
            row["code"],
            row["country"],
            row["type"],
            row["name_en"],
            row["name_th"],
            row["name_zh"],
            tuple(local.get(row["code"], ())),
        )
        for row in csv.DictReader(lines)
    }


def _rows(name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(x for x in _data(name).splitlines() if not x.startswith("#")))


def units_of(country: str) -> list[Unit]:
    return [u for u in units().values() if u.country == country]


@dataclass(frozen=True)
class District:
    code: str  # the country's own code (Thailand: DOPA, Cambodia: the MEF list)
    country: str
    admin1: str  # ISO 3166-2 code of the first-level unit it lies in
    en: str
    local: str  # in the country's language


@cache
def districts() -> dict[tuple[str, str], District]:
    """Coded second-level units by (country, code): Thailand and Cambodia only (``admin2.csv``)."""
    lines = [line for line in _data("admin2.csv").splitlines() if not line.startswith("#")]
    return {
        (row["country"], row["code"]): District(
            row["code"], row["country"], row["admin1"], row["name_en"], row["name_local"]
        )
        for row in csv.DictReader(lines)
    }


def districts_of(admin1: str) -> list[District]:
    return [d for d in districts().values() if d.admin1 == admin1]


@cache
def outlines() -> dict[str, Any]:
    found: dict[str, Any] = json.loads(_data("countries.json"))
    return found


def _inside(lon: float, lat: float, ring: list[list[float]]) -> bool:
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        (xi, yi), (xj, yj) = ring[i], ring[j]
        if (yi > lat) != (yj > lat) and lon < (xj - xi) * (lat - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def _near(lon: float, lat: float, ring: list[list[float]], margin: float) -> bool:
    for (x1, y1), (x2, y2) in itertools.pairwise(ring):
        dx, dy = x2 - x1, y2 - y1
        t = (
            0.0
            if dx == dy == 0
            else max(0.0, min(1.0, ((lon - x1) * dx + (lat - y1) * dy) / (dx * dx + dy * dy)))
        )
        if (lon - x1 - t * dx) ** 2 + (lat - y1 - t * dy) ** 2 <= margin * margin:
            return True
    return False


@cache
def _boxes() -> dict[str, tuple[float, float, float, float]]:
    boxes = {}
    for code, polygons in outlines()["countries"].items():
        points = [p for polygon in polygons for ring in polygon for p in ring]
        boxes[code] = (min(p[0] for p in points), min(p[1] for p in points),
                       max(p[0] for p in points), max(p[1] for p in points))  # fmt: skip
    return boxes


@cache
def _polygon_boxes() -> dict[str, list[tuple[float, float, float, float]]]:
    """Each polygon's box (west, south, east, north), in the outlines' order: a point outside a
    polygon's box is not tested against its ring (a bulk import checks many points)."""
    return {code: [(min(p[0] for p in polygon[0]), min(p[1] for p in polygon[0]),
                    max(p[0] for p in polygon[0]), max(p[1] for p in polygon[0])) for polygon in polygons]
            for code, polygons in outlines()["countries"].items()}  # fmt: skip


def in_country(country: str, latitude: float, longitude: float) -> bool:
    """Whether the point lies in the country's outline or within ``BORDER_MARGIN`` of it."""
    polygons = outlines()["countries"].get(country)
    if polygons is None:
        return True  # no outline shipped for this country: nothing to check against
    west, south, east, north = _boxes()[country]
    m = BORDER_MARGIN
    if not (west - m <= longitude <= east + m and south - m <= latitude <= north + m):
        return False
    for polygon, (w, s, e, n) in zip(polygons, _polygon_boxes()[country], strict=True):
        if not (w <= longitude <= e and s <= latitude <= n):
            continue
        if _inside(longitude, latitude, polygon[0]) and not any(
            _inside(longitude, latitude, hole) for hole in polygon[1:]
        ):
            return True
    return any(_near(longitude, latitude, ring, m) for polygon in polygons for ring in polygon)
