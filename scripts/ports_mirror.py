"""Add to ``domains/ports/data/locodes.csv`` and ``port_points.csv`` the ports and coordinates of
the UN/LOCODE release parts this repository could not read, from the per-country files of the
``@geoapify/un-locode`` mirror (UN/LOCODE 2023-2, MIT licence).

    git clone https://github.com/geoapify/un-locode && \\
    .venv/bin/python scripts/ports_mirror.py un-locode/src/data --commit fe175ed

The mirror (https://github.com/geoapify/un-locode, ``src/data/<country>.csv``: country, location,
name, name without diacritics, subdivision, status, function, IATA, lat, lon, geocoded) holds
every entry of the release the package was built from: 2023-2, the latest change date of its
entries being 2307. Kept, as ``scripts/ports_locodes.py`` keeps them from a release: the ports
(``1`` first in the function classifier) not marked for removal (status ``XX``) of the countries
that ``locodes.csv`` does not hold yet (the release's part 1 ran from AD to FR; the 2024-2 entries
of CN, AE, BE and BD stay as they are), replacing the hand-made ``curated`` entries. Every code
of ``locodes.csv`` without coordinates gets the mirror's: the release's own (source ``UN/LOCODE
2023-2``) or, where the release gives none, the point the mirror's authors found with the
Geoapify geocoder (source ``Geoapify geocoder``, OpenStreetMap data).

The mirror's writer split names holding a comma into two columns and dropped the status and
IATA columns of those rows (``"Mollersdorf, Baden"``); they are read back by their shape.
"""

from __future__ import annotations

import argparse
import csv
import math
import re
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "src/mekongx/domains/ports/data"
EDITION = "2023-2"
_FUNCTION = re.compile(r"^[0-9B-]{8}$")
WHOLE_OF_PART_1 = {"CN", "AE", "BE", "BD"}  # read from a copy of 2024-2 part 1 (data/README.md)


def records(path: Path) -> list[dict[str, str]]:
    """The rows of one country file, the split-name rows put back together."""
    out = []
    with path.open(encoding="utf-8", errors="replace", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        geocoded = "geocoded" in header
        for raw in reader:
            if len(raw) > 3 and raw[2].startswith('"') and raw[3].endswith('"'):
                name = f"{raw[2]},{raw[3]}".strip('"')
                rest = raw[6:]  # subdivision, function, lat, lon[, geocoded]
                row = {"country": raw[0], "location": raw[1], "name": name, "plain": name,
                       "status": "", "function": rest[1], "lat": rest[2], "lon": rest[3],
                       "geocoded": rest[4] if geocoded and len(rest) > 4 else ""}  # fmt: skip
            else:
                row = dict(zip(header, raw, strict=False))
                row["plain"] = row.pop("nameWoDiacritics", "")
                row.setdefault("geocoded", "")
            if _FUNCTION.match(row["function"]) and row["location"]:
                out.append(row)
    return out


def point(row: dict[str, str]) -> tuple[float, float] | None:
    try:
        lat, lon = float(row["lat"]), float(row["lon"])
    except ValueError:
        return None
    if not (math.isfinite(lat) and math.isfinite(lon)) or abs(lat) > 90 or abs(lon) > 180:
        return None
    return (round(lat, 3), round(lon, 3)) if (lat, lon) != (0.0, 0.0) else None


MARGIN = 2.0  # degrees around a country's released points a geocoded point must fall within


def _outside(have: dict[str, dict[str, str]], found: dict[str, dict[str, str]]) -> int:
    """Leave out the geocoded points that fall outside the box around the points the release
    gives the country's places (plus a margin), or of a country it gives none: a geocoder that
    matched a name in another province or country (CNSZX, Shenzhen, geocoded in Xinjiang)."""
    box: dict[str, list[float]] = {}
    for r in [*have.values(), *found.values()]:
        if r["source"].startswith("UN/LOCODE"):
            lat, lon = float(r["lat"]), float(r["lon"])
            b = box.setdefault(r["locode"][:2], [lat, lat, lon, lon])
            b[:] = [min(b[0], lat), max(b[1], lat), min(b[2], lon), max(b[3], lon)]
    wrong = []
    for code, r in found.items():
        b = box.get(code[:2])
        lat, lon = float(r["lat"]), float(r["lon"])
        if r["source"] != "Geoapify geocoder":
            continue
        if b is None or not (
            b[0] - MARGIN <= lat <= b[1] + MARGIN and b[2] - MARGIN <= lon <= b[3] + MARGIN
        ):
            wrong.append(code)
    for code in wrong:
        del found[code]
    return len(wrong)


def _read(name: str) -> tuple[list[str], list[str], list[dict[str, str]]]:
    with (DATA / name).open(encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    comments = [x for x in lines if x.startswith("#")]
    reader = csv.DictReader(x for x in lines if not x.startswith("#"))
    rows = list(reader)
    return comments, list(reader.fieldnames or []), rows


def _write(name: str, comments: list[str], fields: list[str], rows: list[dict[str, str]]) -> None:
    with (DATA / name).open("w", encoding="utf-8", newline="") as handle:
        handle.write("\n".join(comments) + "\n")
        writer = csv.DictWriter(handle, fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="the mirror's src/data folder")
    parser.add_argument("--commit", required=True, help="the mirror's commit read")
    args = parser.parse_args()
    mirror = {p.stem: records(p) for p in sorted(args.folder.glob("*.csv"))}
    source = f"@geoapify/un-locode {args.commit} (UN/LOCODE {EDITION})"

    _comments, fields, ports = _read("locodes.csv")
    held = {r["locode"][:2] for r in ports if r["locode"][:1] >= "G"} | WHOLE_OF_PART_1
    kept = [r | {"edition": r.get("edition") or "2024-2"} for r in ports if r["kind"] != "curated"]
    codes = {r["locode"] for r in kept}
    added = 0
    for country, rows in mirror.items():
        if country in held:
            continue
        for row in rows:
            code = f"{row['country']}{row['location']}"
            if row["function"][:1] != "1" or row["status"] == "XX" or code in codes:
                continue
            name = row["name"] if "\ufffd" not in row["name"] else row["plain"]
            kept.append({"locode": code, "name": name, "function": row["function"],
                         "kind": "port", "edition": EDITION})  # fmt: skip
            codes.add(code)
            added += 1
    curated = [r["locode"] for r in ports if r["kind"] == "curated" and r["locode"] not in codes]
    if curated:
        raise SystemExit(f"curated ports the mirror does not hold: {', '.join(curated)}")
    kept.sort(key=lambda r: r["locode"])
    _write("locodes.csv", [
        "# UN/LOCODE (UNECE, https://unece.org/trade/cefact/UNLOCODE-Download): every port",
        "# (function 1) and the inland clearance depots (function 6) of CN, KH, LA, MM, TH, VN, and",
        "# the codes bills of lading commonly carry for a port although UN/LOCODE gives them to the",
        "# city's airport (kind: carrier code). Edition 2024-2 (scripts/ports_locodes.py) for the",
        "# countries G to Z and CN, AE, BE, BD; edition 2023-2 for the other countries A to F, from",
        f"# the {source} mirror (scripts/ports_mirror.py).",
        "# See data/README.md for the sources and licences.",
    ], [*[f for f in fields if f != "edition"], "edition"], kept)  # fmt: skip

    _comments, _fields, points = _read("port_points.csv")
    have = {r["locode"]: r | {"source": r.get("source") or "UN/LOCODE 2024-2"} for r in points}
    found: dict[str, dict[str, str]] = {}
    for rows in mirror.values():
        for row in rows:
            code = f"{row['country']}{row['location']}"
            where = point(row)
            if code in codes and code not in have and code not in found and where:
                how = "Geoapify geocoder" if row["geocoded"] == "true" else f"UN/LOCODE {EDITION}"
                found[code] = {"locode": code, "lat": str(where[0]), "lon": str(where[1]),
                               "source": how}  # fmt: skip
    dropped = _outside(have, found)
    _write("port_points.csv", [
        "# Coordinates (decimal degrees) of the codes of locodes.csv: as UN/LOCODE gives them",
        "# (source: the edition; 2024-2 written by scripts/ports_points.py, 2023-2 from the",
        f"# {source} mirror by scripts/ports_mirror.py), or where the release",
        "# gives none, as the mirror's authors geocoded the name (source: Geoapify geocoder,",
        "# OpenStreetMap data). See data/README.md.",
    ], ["locode", "lat", "lon", "source"], sorted([*have.values(), *found.values()], key=lambda r: r["locode"]))  # fmt: skip
    geocoded = sum(1 for r in found.values() if r["source"] == "Geoapify geocoder")
    print(
        f"{added} ports added ({len(kept)} codes); {len(found)} points added, {geocoded} of them "
        f"geocoded; {dropped} geocoded points outside their country's box left out"
    )


if __name__ == "__main__":
    main()
