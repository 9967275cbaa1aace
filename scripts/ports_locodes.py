"""Write ``domains/ports/data/locodes.csv`` from a UNECE UN/LOCODE release.

    .venv/bin/python scripts/ports_locodes.py --edition 2024-2 \\
        "2024-2 UNLOCODE CodeListPart1.csv" "2024-2 UNLOCODE CodeListPart2.csv" \\
        "2024-2 UNLOCODE CodeListPart3.csv" [--keep keep.csv]

The parts are the CSV files of the release zip (https://unece.org/trade/cefact/UNLOCODE-Download,
Latin-1, no header: change, country, location, name, name without diacritics, subdivision,
function, status, date, IATA, coordinates, remarks). Kept are the entries not marked for removal
(change ``X``, status ``XX``) that are a port (function ``1`` in the first position) anywhere, or
an inland clearance depot (``6`` in the sixth position) in a country of the region, plus the
codes ``--keep`` names (``locode,reason``), whatever their function: the codes bills of lading
commonly carry for a port although UN/LOCODE assigns them to the city's airport (CNSHA). The
node reads the result only; nothing is downloaded at run time.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

REGION = {"TH", "LA", "MM", "KH", "VN", "CN"}  # inland clearance depots kept here too
OUT = Path(__file__).resolve().parents[1] / "src/mekongx/domains/ports/data/locodes.csv"


def kind(country: str, function: str) -> str:
    if function[:1] == "1":
        return "port"
    if country in REGION and len(function) > 5 and function[5] == "6":
        return "depot"
    return ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("parts", nargs="+", type=Path, help="the release's CodeListPart*.csv")
    parser.add_argument("--edition", required=True)
    parser.add_argument("--keep", type=Path)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    keep: dict[str, str] = {}
    if args.keep:
        with args.keep.open(encoding="utf-8") as handle:
            keep = {r["locode"]: r["reason"] for r in csv.DictReader(handle)}
    rows: dict[str, tuple[str, str, str]] = {}
    for part in args.parts:
        with part.open(encoding="latin-1", newline="") as handle:
            for record in csv.reader(handle):
                change, country, location, name, plain, _sub, function, status = record[:8]
                if not location or change.strip().upper() == "X" or status == "XX":
                    continue
                code = f"{country}{location}"
                why = kind(country, function) or ("carrier code" if code in keep else "")
                named = name if "\ufffd" not in name else plain  # a mirror's lost diacritics
                if why == "carrier code":
                    named = f"{keep[code]} (UN/LOCODE: {named})"
                if why and code not in rows:  # the first entry of a code names it
                    rows[code] = (named, function, why)
    missing = sorted(set(keep) - set(rows))
    if missing:
        sys.exit(f"--keep names codes not in the release: {', '.join(missing)}")
    header = [
        f"# UN/LOCODE {args.edition} (UNECE, https://unece.org/trade/cefact/UNLOCODE-Download):",
        "# every port (function 1) of the release, the inland clearance depots (function 6) of",
        f"# {', '.join(sorted(REGION))}, and the codes bills of lading commonly carry for a port",
        "# although UN/LOCODE gives them to the city's airport (kind: carrier code).",
        "# Written by scripts/ports_locodes.py; see data/README.md for the source and licence.",
    ]
    with args.out.open("w", encoding="utf-8", newline="") as handle:
        handle.write("\n".join(header) + "\n")
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["locode", "name", "function", "kind", "edition"])
        for code in sorted(rows):
            writer.writerow([code, *rows[code], args.edition])
    print(f"{len(rows)} codes -> {args.out}")


if __name__ == "__main__":
    main()
