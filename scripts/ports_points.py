"""Write the points the route checks measure from (``domains/ports/data/port_points.csv`` and
``country_points.csv``).

    .venv/bin/python scripts/ports_points.py --edition 2024-2 \\
        "2024-2 UNLOCODE CodeListPart2.csv" "2024-2 UNLOCODE CodeListPart3.csv" \\
        --zones /usr/share/zoneinfo/zone.tab

``port_points.csv``: the coordinates (decimal degrees) that the UN/LOCODE release gives to the
codes of ``locodes.csv`` (column 11, ``DDMMN DDDMME``; parts as read by ``ports_locodes.py``).
``country_points.csv``: one point per country, for a port the release gives no coordinates:
the first zone the IANA time zone database lists for the country in ``zone.tab`` (its
coordinates, ISO 6709 ``±DDMM±DDDMM`` or with seconds). Both are measured from only: the route
checks compare distances along great circles, never a position. Run ``scripts/ports_mirror.py``
after it to add the points of the codes the parts read give none (data/README.md).
"""

from __future__ import annotations

import argparse
import csv
import re
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "src/mekongx/domains/ports/data"
_LOCODE_POINT = re.compile(r"^(\d{2})(\d{2})([NS]) (\d{3})(\d{2})([EW])$")
_ISO6709 = re.compile(r"^([+-])(\d{2})(\d{2})(\d{2})?([+-])(\d{3})(\d{2})(\d{2})?$")


def locode_point(text: str) -> tuple[float, float] | None:
    match = _LOCODE_POINT.match(text.strip())
    if not match:
        return None
    lat_d, lat_m, ns, lon_d, lon_m, ew = match.groups()
    if int(lat_m) >= 60 or int(lon_m) >= 60:  # a few entries carry impossible minutes
        return None
    lat = (int(lat_d) + int(lat_m) / 60) * (1 if ns == "N" else -1)
    lon = (int(lon_d) + int(lon_m) / 60) * (1 if ew == "E" else -1)
    return (round(lat, 3), round(lon, 3)) if abs(lat) <= 90 and abs(lon) <= 180 else None


def zone_point(text: str) -> tuple[float, float]:
    match = _ISO6709.match(text)
    if not match:
        raise ValueError(f"not an ISO 6709 point: {text}")
    s1, lat_d, lat_m, lat_s, s2, lon_d, lon_m, lon_s = match.groups()
    lat = int(lat_d) + int(lat_m) / 60 + int(lat_s or 0) / 3600
    lon = int(lon_d) + int(lon_m) / 60 + int(lon_s or 0) / 3600
    return round(lat if s1 == "+" else -lat, 3), round(lon if s2 == "+" else -lon, 3)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("parts", nargs="*", type=Path, help="the release's CodeListPart*.csv")
    parser.add_argument("--edition", required=True)
    parser.add_argument("--zones", type=Path, default=Path("/usr/share/zoneinfo/zone.tab"))
    args = parser.parse_args()
    with (DATA / "locodes.csv").open(encoding="utf-8") as handle:
        wanted = {r["locode"] for r in csv.DictReader(x for x in handle if not x.startswith("#"))}
    points: dict[str, tuple[float, float]] = {}
    for part in args.parts:
        with part.open(encoding="latin-1", newline="") as handle:
            for record in csv.reader(handle):
                if len(record) < 11 or not record[2]:
                    continue
                code = f"{record[1]}{record[2]}"
                point = locode_point(record[10])
                if code in wanted and point and code not in points:
                    points[code] = point
    with (DATA / "port_points.csv").open("w", encoding="utf-8", newline="") as handle:
        handle.write(
            f"# Coordinates of the ports of locodes.csv as UN/LOCODE {args.edition} gives\n"
        )
        handle.write(
            "# them (decimal degrees); written by scripts/ports_points.py, see data/README.md.\n"
        )
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["locode", "lat", "lon", "source"])
        writer.writerows(
            [code, *points[code], f"UN/LOCODE {args.edition}"] for code in sorted(points)
        )
    countries: dict[str, tuple[float, float, str]] = {}
    version = ""
    tzdata = args.zones.parent / "tzdata.zi"
    if tzdata.exists():
        version = tzdata.read_text(encoding="utf-8").splitlines()[0].removeprefix("# version ")
    for line in args.zones.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        country, where, zone = line.split("\t")[:3]
        if country not in countries:
            countries[country] = (*zone_point(where), zone)
    with (DATA / "country_points.csv").open("w", encoding="utf-8", newline="") as handle:
        handle.write(
            f"# One point per country: its first zone in the IANA time zone database {version}\n"
        )
        handle.write("# (zone.tab, public domain); written by scripts/ports_points.py.\n")
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["country", "lat", "lon", "zone"])
        writer.writerows([c, *countries[c]] for c in sorted(countries))
    print(f"{len(points)} ports, {len(countries)} countries -> {DATA}")


if __name__ == "__main__":
    main()
