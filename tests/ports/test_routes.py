"""Route checks by sailing distance along the shipped sea lanes, the gateways of landlocked
countries, the payload bound of goods of uneven density, and parties screened as watch lists
(a rule's list, the parties of earlier seizures) in every role, the forwarder's included."""

from __future__ import annotations

from typing import Any

import pytest

from mekongx.chemistry import Screener
from mekongx.domains.ports import manifest, routes
from mekongx.domains.ports.demo import COLUMNS, HEADER
from mekongx.domains.ports.profiling import Context, Rule, profile

# (loading, transshipment, discharge, fires at 2x): sea routes, not great circles. India's west
# coast and Yangon reach Laem Chabang round the Malay peninsula, past Singapore (a great circle
# across the land would make those hubs look like a detour); Colombo or Durban are far off the
# way from Shanghai, Singapore and Hong Kong are not.
DETOURS = [
    ("CNSHA", "HKHKG", "THLCH", False),
    ("CNSHA", "SGSIN", "THLCH", False),
    ("INNSA", "SGSIN", "THLCH", False),
    ("MMRGN", "SGSIN", "THLCH", False),
    ("NLRTM", "LKCMB", "THLCH", False),
    ("USLAX", "KRPUS", "THLCH", False),  # across the Pacific: lanes cross the antimeridian
    ("CNSHA", "LKCMB", "THLCH", True),
    ("CNSHA", "ZADUR", "THLCH", True),
    ("CNSHA", "NLRTM", "THLCH", True),
]


@pytest.mark.parametrize(("loading", "hub", "discharge", "fires"), DETOURS)
def test_a_detour_is_measured_by_sea(loading: str, hub: str, discharge: str, fires: bool) -> None:
    found = routes.detour(loading, hub, discharge)
    assert found is not None
    assert (found.ratio > 2) is fires, found


def test_sailing_distances_are_plausible() -> None:
    # Shanghai - Laem Chabang is about 2,300 nautical miles by sea (4,260 km); the sea way is
    # longer than the great circle (2,900 km) because it rounds Indochina.
    distance = routes.sea_km("CNSHA", "THLCH")
    assert distance is not None and 3800 < distance < 4800
    assert routes.detour("THLCH", "SGSIN", "THBKK") is None  # direct way under 300 km
    assert routes.detour("CNSHA", "THLCH", "THLCH") is None  # the hub is the discharge port


def test_chinese_and_european_ports_are_measured_from_their_own_points() -> None:
    # Shekou (Shenzhen) and Tianjin were measured from the country's point (Shanghai) before the
    # ports of UN/LOCODE 2023-2 had their coordinates: now the south is nearer, the north farther.
    shanghai = routes.sea_km("CNSHA", "THLCH")
    shekou, tianjin = routes.sea_km("CNSHK", "THLCH"), routes.sea_km("CNTXG", "THLCH")
    assert shanghai is not None and shekou is not None and tianjin is not None
    assert shekou < shanghai - 1000 and tianjin > shanghai + 800, (shekou, shanghai, tianjin)
    assert routes.point("CNSHK") != routes.point("CNSHA")
    # Hamburg - Laem Chabang through Suez is about 9,500 nautical miles (17,600 km)
    hamburg = routes.sea_km("DEHAM", "THLCH")
    assert hamburg is not None and 16000 < hamburg < 19500, hamburg


def _line(**values: str) -> list[str]:
    base = {"B/L No": "BL1", "Shipper": "Guangzhou Textiles", "Consignee": "Siam Home",
            "Description of Goods": "Auto parts", "Gross Weight (kg)": "9000",
            "Container No": "CSQU3054383", "Size/Type": "42G1", "Port of Loading": "CNSHA",
            "Port of Discharge": "THLCH", "ETA": "2026-12-03"}  # fmt: skip
    base.update(values)
    return [base.get(h, "") for h in HEADER]


def _fired(rule: Rule, ctx: Context | None = None, **values: str) -> list[dict[str, Any]]:
    reading = manifest.read_rows(HEADER, [(2, _line(**values))], COLUMNS)
    assert not reading.problems, reading.problems
    fired = profile("CSQU3054383", reading.lines, [rule], ctx or Context(screener=Screener())).fired
    return fired[0].reasons if fired else []


def test_a_transshipment_far_off_the_way_explains_itself() -> None:
    rule = Rule(1, "route_detour", 10, number=2)
    reasons = _fired(rule, **{"Port of Transshipment": "LKCMB"})
    assert reasons and reasons[0]["code"] == "detour"
    assert reasons[0]["params"]["loading"] == "CNSHA" and "LKCMB" in reasons[0]["params"]["hub"]
    assert _fired(rule, **{"Port of Transshipment": "SGSIN"}) == []
    assert _fired(rule) == []  # no transshipment, nothing to measure


def test_a_landlocked_shippers_gateway_is_no_deviation() -> None:
    rule = Rule(1, "route_deviation", 10)
    assert routes.gateways("LA") == {"TH", "VN", "MY"}
    # a Lao shipper's goods loaded at Da Nang or Port Klang: Laos' usual sea gateways
    assert _fired(rule, **{"Shipper Country": "LA", "Port of Loading": "VNDAD"}) == []
    assert _fired(rule, **{"Shipper Country": "LA", "Port of Loading": "MYPKG"}) == []
    reasons = _fired(rule, **{"Shipper Country": "LA", "Port of Loading": "CNSHA"})
    assert (
        reasons[0]["code"] == "deviation_gateway"
        and reasons[0]["params"]["gateways"] == "MY, TH, VN"
    )
    assert (
        _fired(rule, **{"Shipper Country": "KR", "Port of Loading": "CNSHA"})[0]["code"]
        == "deviation"
    )


def test_goods_of_uneven_density_are_bounded_by_the_payload() -> None:
    rule = Rule(1, "weight_density", 20, number=0.15)
    # auto parts have no stowage factor: only the 40 ft box's 26,730 kg payload bounds them
    assert _fired(rule, **{"Gross Weight (kg)": "26000"}) == []
    reasons = _fired(rule, **{"Gross Weight (kg)": "31500"})
    assert reasons[0]["code"] == "payload" and reasons[0]["params"]["most"] == "26,730"
    assert "freightutils" in reasons[0]["params"]["source"].lower()
    # steel is denser than the payload allows to fill the box: the payload is the bound
    assert _fired(rule, **{"Description of Goods": "Steel coils", "HS Code": "720851",
                           "Gross Weight (kg)": "31500"})[0]["code"] == "payload"  # fmt: skip


def test_every_party_role_is_screened_the_forwarder_too() -> None:
    rule = Rule(1, "listed_party", 30, values=("Golden Triangle Logistics Co",), number=0.85)
    reasons = _fired(rule, Forwarder="Golden Triangle Logistics Co., Ltd.")
    assert reasons and reasons[0]["params"]["role"] == "forwarder"


def test_a_party_of_an_earlier_seizure_is_flagged() -> None:
    rule = Rule(1, "seized_party", 40, number=0.85)
    ctx = Context(screener=Screener(), seized_parties=[("Wang Jianguo Trading", "MSKU1806510")])
    reasons = _fired(rule, ctx, Shipper="WANG JIANGUO TRADING")
    assert reasons[0]["code"] == "seized" and reasons[0]["params"]["container"] == "MSKU1806510"
    assert _fired(rule, ctx, Shipper="Bangkok Rice Mills") == []
    # the container of the seizure itself is not flagged by its own parties
    own = Context(screener=Screener(), seized_parties=[("Guangzhou Textiles", "CSQU3054383")])
    assert _fired(rule, own) == []
