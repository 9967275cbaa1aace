"""Route checks (pure, cached): the seaports a landlocked country's trade normally uses, and the
detour a transshipment port adds to the sailing distance from the port of loading to the port
of discharge. Distances are measured along a network of sea lanes (``data/sea_lanes.csv``)
between the ports' UN/LOCODE coordinates (``data/port_points.csv``) or, for a port the release
gives none, its country's point (``data/country_points.csv``); sources in ``data/README.md``."""

from __future__ import annotations

import csv
import heapq
import math
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

import numpy as np
import yaml

from mekongx.domains.ports.reference import DATA

EARTH_KM = 6371.0088  # mean radius (IUGG)


@cache
def _routes() -> dict[str, Any]:
    raw: dict[str, Any] = yaml.safe_load((DATA / "routes.yaml").read_text(encoding="utf-8"))
    return raw


def gateways(country: str) -> frozenset[str]:
    """The countries whose seaports ``country`` (landlocked) normally ships through."""
    entry = _routes()["gateways"].get(country)
    return frozenset(entry["countries"]) if entry else frozenset()


def _read(name: str) -> dict[str, tuple[float, float]]:
    with (DATA / name).open(encoding="utf-8") as handle:
        rows = csv.reader(line for line in handle if not line.startswith("#"))
        next(rows)
        return {r[0]: (float(r[1]), float(r[2])) for r in rows}


@cache
def _ports() -> dict[str, tuple[float, float]]:
    return _read("port_points.csv")


@cache
def _countries() -> dict[str, tuple[float, float]]:
    return _read("country_points.csv")


def point(locode: str) -> tuple[float, float] | None:
    """The port's coordinates, or its country's point when the release gives it none."""
    return _ports().get(locode) or _countries().get(locode[:2])


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (lat, lon) points (haversine)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)  # fmt: skip
    return 2 * EARTH_KM * math.asin(math.sqrt(min(1.0, h)))


@dataclass(frozen=True)
class _Lanes:
    lat: Any  # numpy arrays of the vertices, degrees
    lon: Any
    links: list[list[tuple[int, float]]]  # vertex -> [(vertex, km)]

    def nearest(self, where: tuple[float, float]) -> tuple[int, float]:
        """The vertex nearest ``where`` and its great-circle distance."""
        lat1, lon1 = np.radians(where[0]), np.radians(where[1])
        lat2, lon2 = np.radians(self.lat), np.radians(self.lon)
        h = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2  # fmt: skip
        i = int(np.argmin(h))
        return i, 2 * EARTH_KM * math.asin(math.sqrt(min(1.0, float(h[i]))))


@cache
def _lanes() -> _Lanes:
    lat: list[float] = []
    lon: list[float] = []
    pairs: list[tuple[int, int]] = []
    with (DATA / "sea_lanes.csv").open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#"):
                continue
            tag, x, y = line.rstrip("\n").split(",")
            if tag == "n":
                lon.append(float(x))
                lat.append(float(y))
            elif tag == "e":
                pairs.append((int(x), int(y)))
    links: list[list[tuple[int, float]]] = [[] for _ in lat]
    for a, b in pairs:
        length = km((lat[a], lon[a]), (lat[b], lon[b]))
        links[a].append((b, length))
        links[b].append((a, length))
    return _Lanes(np.array(lat), np.array(lon), links)


@lru_cache(maxsize=256)
def _distances_from(source: int) -> list[float]:
    """Shortest distance along the sea lanes from one vertex to every vertex (Dijkstra, run
    whole: a day's manifests name few discharge and transshipment ports, measured from often)."""
    links = _lanes().links
    best = [math.inf] * len(links)
    best[source] = 0.0
    queue = [(0.0, source)]
    while queue:
        dist, vertex = heapq.heappop(queue)
        if dist > best[vertex]:
            continue
        for other, length in links[vertex]:
            through = dist + length
            if through < best[other]:
                best[other] = through
                heapq.heappush(queue, (through, other))
    return best


@cache
def _snap(locode: str) -> tuple[int, float] | None:
    where = point(locode)
    return _lanes().nearest(where) if where else None


def sea_km(a: str, b: str) -> float | None:
    """Sailing distance between two ports: each port to its nearest sea-lane vertex, then the
    shortest way along the lanes. None for a port of unknown position or no way between."""
    snap_a, snap_b = _snap(a), _snap(b)
    if snap_a is None or snap_b is None:
        return None
    (va, off_a), (vb, off_b) = snap_a, snap_b
    path = _distances_from(vb)[va]  # measured from b: the discharge or transshipment port
    return None if math.isinf(path) else off_a + path + off_b


@dataclass(frozen=True)
class Detour:
    direct_km: float
    via_km: float

    @property
    def ratio(self) -> float:
        return self.via_km / self.direct_km


# Below this the direct way is too short for a ratio to mean anything (a feeder along a coast).
MIN_DIRECT_KM = 300.0


@cache
def detour(loading: str, hub: str, discharge: str) -> Detour | None:
    """How far the way through ``hub`` is against the direct way, by sea; None when a port's
    position is unknown, the hub is the port of loading or discharge, or the direct way is
    under 300 km."""
    if hub in (loading, discharge):
        return None
    direct = sea_km(loading, discharge)
    first, second = sea_km(loading, hub), sea_km(hub, discharge)
    if direct is None or first is None or second is None or direct < MIN_DIRECT_KM:
        return None
    return Detour(direct, first + second)
