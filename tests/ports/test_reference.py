"""ISO 6346 check digits against container numbers published by others (not made by our code),
the shipped UN/LOCODE list and the stowage factors with their sources."""

from __future__ import annotations

import pytest

from mekongx.domains.ports.reference import check_digit, container_problem, ports, stowage

# Real container numbers and where they were published:
PUBLISHED = [
    ("CSQU3054383", "ISO 6346 article, Wikipedia (the standard's worked example)"),
    ("MSKU1806510", "contargo/types ContainerNumberValidatorTest ('MSKU 180651-0')"),
    ("MSCU7512387", "KenethSabando/CodigoContenedor README"),
    ("ZEPU0037255", "langerheiko/Calc-ILU-check-digit README ('ZEPU 003725 5')"),
]


@pytest.mark.parametrize(("number", "source"), PUBLISHED)
def test_published_container_numbers_pass(number: str, source: str) -> None:
    assert container_problem(number) is None, source
    assert check_digit(number[:10]) == int(number[10])


@pytest.mark.parametrize("number", ["CSQU3054384", "MSKU1806519", "MSCU7512380"])
def test_a_changed_check_digit_is_refused_with_the_right_one(number: str) -> None:
    problem = container_problem(number)
    assert problem is not None and problem[0] == "container_digit"
    assert problem[1]["digit"] != number[10]


@pytest.mark.parametrize("number", ["CSQ3054383", "CSQX3054383", "1SQU3054383", "CSQU305438"])
def test_malformed_numbers_are_refused(number: str) -> None:
    assert container_problem(number) == ("container_form", {})


def test_ports_and_stowage_factors_carry_sources() -> None:
    known = ports()
    assert known["THLCH"].name == "Laem Chabang" and known["THLCH"].country == "TH"
    assert all(len(code) == 5 and code[:2].isalpha() for code in known)
    factors = stowage()
    assert factors.volume("22G1") == ("22", 33.2) and factors.volume("")[0] == "42"
    assert len(factors.goods) >= 40
    for goods in factors.goods:  # every factor names where it comes from, and its HS codes
        assert "http" in goods.source or "ISBN" in goods.source, goods.id
        assert goods.hs and all(h.isdigit() and len(h) in (2, 4, 6) for h in goods.hs), goods.id
    assert factors.goods_of("Roasted coffee beans in 60 kg bags") is not None


# UN/LOCODE 2024-2 entries as UNECE lists them (code, name, function classifier); read from the
# release files, not from the shipped list.
RELEASE_2024_2 = [
    ("THLCH", "Laem Chabang", "1-3-----"),
    ("THSGK", "Songkhla", "1-3-----"),
    ("THMAT", "Map Ta Phut", "1-3-----"),
    ("VNSGN", "Ho Chi Minh City", "1-3456--"),
    ("KHKOS", "Kâmpóng Saôm", "1-34--7-"),
    ("MMRGN", "Yangon", "1--45---"),
    ("CNSHG", "Shanghai Pt", "1-------"),
    ("CNJOG", "Jinghong", "1-------"),
    ("CNTXG", "Tianjin Xingang Pt", "1-------"),
    ("SGSIN", "Singapore", "1--45---"),
    ("NLRTM", "Rotterdam", "12345---"),
    ("AEJEA", "Jebel Ali", "1-------"),
    ("BEZEE", "Zeebrugge", "1-3-----"),
    ("BDCGP", "Chattogram", "1--45---"),
]


@pytest.mark.parametrize(("code", "name", "function"), RELEASE_2024_2)
def test_the_ports_of_the_release_are_shipped(code: str, name: str, function: str) -> None:
    port = ports()[code]
    assert (port.name, port.function, port.kind) == (name, function, "port")


def test_the_region_ports_depots_and_carrier_codes_are_known() -> None:
    known = ports()
    assert known["LATHG"].kind == "depot" and known["THLKR"].kind == "depot"  # inland depots
    assert known["CNSHA"].kind == "carrier code" and known["CNSHA"].name.startswith("Shanghai")
    assert "THSGZ" not in known and "LAVTE" not in known  # no such port in UN/LOCODE 2024-2
    per_country: dict[str, int] = {}
    for code in known:
        per_country[code[:2]] = per_country.get(code[:2], 0) + 1
    # every country the brief names has its ports (counts of the 2024-2 release, at least)
    wanted = {"TH": 67, "CN": 766, "MM": 24, "KH": 5, "VN": 131, "SG": 17, "MY": 177, "HK": 13,
              "TW": 23, "KR": 76, "JP": 1561, "IN": 280, "AE": 44, "NL": 531, "US": 1761,
              "BE": 470, "BD": 12}  # fmt: skip
    assert {c: n for c, n in wanted.items() if per_country.get(c, 0) < n} == {}
    assert all(p.function[:1] == "1" for p in known.values() if p.kind == "port")


# (description, HS code, the stowage factor its published source gives, m3/t)
FACTORS = [
    ("Thai jasmine rice, 25 kg bags", "100630", 1.39),  # Cargo Handbook: white rice 1.39 - 1.45
    ("Urea, granular", "310210", 0.92),  # ammonium nitrate fertiliser 0.92 (shippingwhale)
    ("Portland cement", "252329", 0.585),  # 21 ft3 per long ton (Segal Shipping)
    ("Hydrochloric acid 33%", "280610", 2.26),  # carboys (Stahlbaum)
    ("Passenger car tyres", "401110", 2.79),  # 100 ft3 per long ton (Sauerbier and Meurn)
    ("Bath towels, cotton", "630260", 3.10),  # cases (shippingwhale)
]


@pytest.mark.parametrize(("goods", "hs", "factor"), FACTORS)
def test_goods_are_found_by_their_hs_code(goods: str, hs: str, factor: float) -> None:
    found = stowage().goods_of(goods, hs)
    assert found is not None and found.stowage == factor


def test_an_hs_code_wins_over_words_and_words_are_whole() -> None:
    factors = stowage()
    assert factors.goods_of("Rice cookers", "851660") is None  # an appliance, not rice
    assert factors.goods_of("Price tags, printed") is None  # "rice" inside "price"
    found = factors.goods_of("ข้าวหอมมะลิ 25 กก.")  # no HS code: the Thai words name rice
    assert found is not None and found.stowage == 1.39


def test_a_container_heavier_than_its_goods_can_be_is_flagged_by_hs_code() -> None:
    from mekongx.chemistry import Screener
    from mekongx.domains.ports import manifest
    from mekongx.domains.ports.demo import COLUMNS, HEADER
    from mekongx.domains.ports.profiling import Context, Rule, profile

    def line(weight: str) -> list[str]:
        values = {"B/L No": "BL1", "Shipper": "Guangzhou Textiles", "Consignee": "Siam Home",
                  "Description of Goods": "Bath towels, cotton", "HS Code": "630260",
                  "Gross Weight (kg)": weight, "Container No": "CSQU3054383", "Size/Type": "22G1",
                  "Port of Loading": "CNGGZ", "Port of Discharge": "THLCH", "ETA": "2026-12-03"}  # fmt: skip
        return [values.get(h, "") for h in HEADER]

    rule = Rule(1, "weight_density", 20, number=0.15)
    ctx = Context(screener=Screener())
    # a 20 ft box holds 33.2 m3: towels at 3.10 m3/t weigh at most about 10.7 t (+15 %: 12.3 t)
    for weight, fires in (("9000", False), ("18000", True)):
        reading = manifest.read_rows(HEADER, [(2, line(weight))], COLUMNS)
        assert not reading.problems, reading.problems
        fired = profile("CSQU3054383", reading.lines, [rule], ctx).fired
        assert bool(fired) is fires, weight
    assert "shippingwhale" in str(fired[0].reasons).lower()


def test_the_ports_of_every_country_are_known_and_an_unknown_code_is_refused() -> None:
    from mekongx.domains.ports import manifest
    from mekongx.domains.ports.demo import COLUMNS, HEADER

    def problems(loading: str) -> list[str]:
        values = {"B/L No": "BL1", "Shipper": "S", "Consignee": "C", "Description of Goods": "Toys",
                  "Gross Weight (kg)": "900", "Container No": "CSQU3054383", "ETA": "2026-12-03",
                  "Port of Loading": loading, "Port of Discharge": "THLCH"}  # fmt: skip
        reading = manifest.read_rows(HEADER, [(2, [values.get(h, "") for h in HEADER])], COLUMNS)
        return [p.code for p in reading.problems]

    # ports of the countries A to F that the list held only in part before (UN/LOCODE 2023-2)
    for code in ("DEBRV", "FRLEH", "ESVLC", "BRSSZ", "CLSAI", "EGPSD", "AUMEL", "DKAAR", "CAVAN"):
        assert problems(code) == [], code
    assert problems("DEZZ9") == problems("THXXX") == problems("CNXXX") == ["port"]
    assert problems("DEHAM") == problems("CNSHA") == []


def test_every_code_carries_its_edition_and_every_point_its_source() -> None:
    import csv

    from mekongx.domains.ports.reference import DATA

    def rows(name: str) -> list[dict[str, str]]:
        with (DATA / name).open(encoding="utf-8") as handle:
            return list(csv.DictReader(x for x in handle if not x.startswith("#")))

    codes = rows("locodes.csv")
    assert {r["edition"] for r in codes} == {"2024-2", "2023-2"}
    assert not [r for r in codes if r["kind"] == "curated"]  # the hand-made entries are replaced
    edition = {r["locode"]: r["edition"] for r in codes}
    assert edition["THLCH"] == edition["CNSHG"] == "2024-2" and edition["DEHAM"] == "2023-2"
    points = rows("port_points.csv")
    assert {r["source"] for r in points} == {
        "UN/LOCODE 2024-2",
        "UN/LOCODE 2023-2",
        "Geoapify geocoder",
    }
    assert {r["locode"] for r in points} <= set(edition)
