"""The seizures area's reference data, shipped in ``data/`` with their sources: UNODC drug
categories and their units (``drugs.yaml``), the first-level administrative units of the six
countries with ISO 3166-2 codes (``admin1.csv``; their Lao, Burmese, Khmer and Vietnamese
names in ``admin1_local.csv``; the names both lack, from Unicode CLDR, in ``admin1_cldr.csv``),
coded second-level units where a public coded
list was found (``admin2.csv``: Thailand, Cambodia) and the countries' outlines
(``countries.json``), built by ``scripts/seizure_reference.py``. Pure: no database."""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any

import numpy as np
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
    # (lang, name) where the two above have none: th, zh, lo, my, km, vi (admin1_cldr.csv)
    cldr: tuple[tuple[str, str], ...] = ()

    def name(self, lang: str) -> str:
        """The name in ``lang``: iso-codes' Thai or Chinese or the country's own (ISO) name, else
        CLDR's (a draft, for review), else the English (ISO) name."""
        return (
            {"th": self.th, "zh": self.zh, **dict(self.local)}.get(lang, "")
            or dict(self.cldr).get(lang, "")
            or self.en
        )


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
    cldr: dict[str, list[tuple[str, str]]] = {}
    for row in _rows("admin1_cldr.csv"):
        cldr.setdefault(row["code"], []).append((row["lang"], row["name"]))
    rows = list(csv.DictReader(lines))
    # ISO names two units of a country alike (Viangchan: LA-VI the province, LA-VT the prefecture):
    # their English names carry the unit's type, so that no list offers the same name twice
    seen = Counter((row["country"], row["name_en"]) for row in rows)
    return {
        row["code"]: Unit(
            row["code"],
            row["country"],
            row["type"],
            row["name_en"]
            + (f" ({row['type']})" if seen[row["country"], row["name_en"]] > 1 else ""),
            row["name_th"],
            row["name_zh"],
            tuple(local.get(row["code"], ())),
            tuple(cldr.get(row["code"], ())),
        )
        for row in rows
    }


def _rows(name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(x for x in _data(name).splitlines() if not x.startswith("#")))


def units_of(country: str) -> list[Unit]:
    return [u for u in units().values() if u.country == country]


# the language a country's own names are written in (a district's ``local`` name)
COUNTRY_LANGUAGE = {"CN": "zh", "KH": "km", "LA": "lo", "MM": "my", "TH": "th", "VN": "vi"}


@dataclass(frozen=True)
class District:
    code: str  # the country's own code (Thailand: DOPA, Cambodia: the MEF list)
    country: str
    admin1: str  # ISO 3166-2 code of the first-level unit it lies in
    en: str
    local: str  # in the country's language

    def name(self, lang: str) -> str:
        """In the reader's language where the reference has it (the country's own), else English."""
        return self.local if lang == COUNTRY_LANGUAGE.get(self.country) and self.local else self.en

    @property
    def written(self) -> str:
        """The name a coded district is kept and sent under as written text, "Mae Sai (แม่สาย)":
        read by a peer that knows no codes, found by search in either script, and unique in its
        province (two Thai amphoe of Phra Nakhon Si Ayutthaya are both "Bang Sai" in English)."""
        return f"{self.en} ({self.local})" if self.local and self.local != self.en else self.en


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
def coded_countries() -> frozenset[str]:
    """The countries whose districts have a coded list here."""
    return frozenset(country for country, _ in districts())


def district(country: str, code: str) -> District | None:
    """The district of ``country`` with that code; a code read from a workbook as a number
    (``102`` for Cambodia's ``0102``) is found too."""
    code = code.strip()
    found = districts().get((country, code))
    if found is None and code.isdigit() and len(code) < 4:
        found = districts().get((country, code.zfill(4)))
    return found


# words around a district's name that are not part of it: Thai อำเภอ/อ./เขต, Khmer srok, khan
# and krong, and their English forms
_AFFIXES = re.compile(r"^(?:อำเภอ|อ\.|เขต|ស្រុក|ខណ្ឌ|ក្រុង|amphoe|amphur|khet|srok|khan|krong)\s*|\s+(?:district|amphoe|khet)$")  # fmt: skip


def _key(text: str) -> str:
    return _AFFIXES.sub("", " ".join(text.split()).casefold()).strip()


@cache
def _named() -> dict[tuple[str, str], list[District]]:
    """Districts by (country, a name in any of its forms, folded): English, local, written."""
    found: dict[tuple[str, str], list[District]] = {}
    for d in districts().values():
        for name in {_key(d.en), _key(d.local), _key(d.written)}:
            if name:
                found.setdefault((d.country, name), []).append(d)
    return found


def district_named(country: str, admin1: str, text: str) -> District | None:
    """The coded district a written name stands for: its code, or its English or local name
    (with or without อำเภอ, District…), in the stated province, or anywhere in the country if
    no province is stated and the name is the country's only one; else None."""
    if (by_code := district(country, text)) is not None:
        return by_code
    candidates = [d for d in _named().get((country, _key(text)), []) if not admin1 or d.admin1 == admin1]  # fmt: skip
    return candidates[0] if len(candidates) == 1 else None


@cache
def outlines() -> dict[str, Any]:
    found: dict[str, Any] = json.loads(_data("countries.json"))
    return found


@dataclass(frozen=True)
class _Edges:
    """A ring's (or rings') edges as arrays, from each point to the next: a bulk import tests
    100,000 points, and one vectorised pass costs what a Python loop spends on a few edges."""

    x1: np.ndarray
    y1: np.ndarray
    y2: np.ndarray
    dx: np.ndarray
    dy: np.ndarray
    length2: np.ndarray  # squared length; 1 where the edge has none (t is then 0)

    @classmethod
    def of(cls, pairs: list[tuple[list[list[float]], list[list[float]]]]) -> _Edges:
        starts = np.array([p for a, _ in pairs for p in a], dtype=float).reshape(-1, 2)
        ends = np.array([p for _, b in pairs for p in b], dtype=float).reshape(-1, 2)
        dx, dy = ends[:, 0] - starts[:, 0], ends[:, 1] - starts[:, 1]
        length2 = dx * dx + dy * dy
        return cls(starts[:, 0], starts[:, 1], ends[:, 1], dx, dy, np.where(length2 == 0, 1.0, length2))  # fmt: skip


def _closed(ring: list[list[float]]) -> tuple[list[list[float]], list[list[float]]]:
    """Each point and the one before it (the last before the first): the ray-casting pairs."""
    return ring, ring[-1:] + ring[:-1]


def _inside(lon: float, lat: float, edges: _Edges) -> bool:
    """Ray casting: a ray from the point eastwards crosses the ring an odd number of times."""
    spans = (edges.y1 > lat) != (edges.y2 > lat)
    if not spans.any():
        return False
    x1, y1 = edges.x1[spans], edges.y1[spans]
    crossing = lon < (edges.dx[spans]) * (lat - y1) / (edges.dy[spans]) + x1
    return bool(np.count_nonzero(crossing) % 2)


def _near(lon: float, lat: float, edges: _Edges, margin: float) -> bool:
    """Whether the point lies within ``margin`` of any edge."""
    px, py = lon - edges.x1, lat - edges.y1
    t = np.clip((px * edges.dx + py * edges.dy) / edges.length2, 0.0, 1.0)
    gap2 = (px - t * edges.dx) ** 2 + (py - t * edges.dy) ** 2
    return bool((gap2 <= margin * margin).any())


@cache
def _boxes() -> dict[str, tuple[float, float, float, float]]:
    boxes = {}
    for code, polygons in outlines()["countries"].items():
        points = [p for polygon in polygons for ring in polygon for p in ring]
        boxes[code] = (min(p[0] for p in points), min(p[1] for p in points),
                       max(p[0] for p in points), max(p[1] for p in points))  # fmt: skip
    return boxes


@cache
def _polygons(country: str) -> list[tuple[tuple[float, float, float, float], _Edges, list[_Edges]]]:
    """Each polygon's box (west, south, east, north), outer ring and holes, in the outlines'
    order: a point outside a polygon's box is not tested against its ring."""
    found = []
    for polygon in outlines()["countries"][country]:
        xs, ys = [p[0] for p in polygon[0]], [p[1] for p in polygon[0]]
        box = (min(xs), min(ys), max(xs), max(ys))
        found.append((box, _Edges.of([_closed(polygon[0])]), [_Edges.of([_closed(h)]) for h in polygon[1:]]))  # fmt: skip
    return found


@cache
def _outline(country: str) -> _Edges:
    """Every ring's edges from each point to the next (the near-the-border test)."""
    rings = [ring for polygon in outlines()["countries"][country] for ring in polygon]
    return _Edges.of([(ring[:-1], ring[1:]) for ring in rings])


def in_country(country: str, latitude: float, longitude: float) -> bool:
    """Whether the point lies in the country's outline or within ``BORDER_MARGIN`` of it."""
    if country not in outlines()["countries"]:
        return True  # no outline shipped for this country: nothing to check against
    west, south, east, north = _boxes()[country]
    m = BORDER_MARGIN
    if not (west - m <= longitude <= east + m and south - m <= latitude <= north + m):
        return False
    for (w, s, e, n), ring, holes in _polygons(country):
        if not (w <= longitude <= e and s <= latitude <= n):
            continue
        if _inside(longitude, latitude, ring) and not any(
            _inside(longitude, latitude, hole) for hole in holes
        ):
            return True
    return _near(longitude, latitude, _outline(country), m)
