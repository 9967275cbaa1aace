"""Risk reasons: route, scale, new consignee, forwarder, PEN, generic HS."""

from __future__ import annotations

import pytest

from mekongx.chemistry import DeclarationLine, PenRecord, RiskContext, Screener


def _line(**kw: object) -> DeclarationLine:
    base: dict[str, object] = {
        "row": 2,
        "declaration_id": "D1",
        "line_no": 1,
        "description": "Propionyl chloride 99%",
        "quantity": 1000.0,
        "unit": "kg",
        "consignee": "Siam Fine Chemicals Co Ltd",
        "consignee_country": "TH",
    }
    base.update(kw)
    return DeclarationLine(**base)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener()


def _codes(screener: Screener, line: DeclarationLine) -> dict[str, dict[str, str]]:
    results = screener.screen_line(line)
    assert results
    return {r.code: dict(r.params) for r in results[0].reasons}


def test_cnn_2021_route_case(screener: Screener) -> None:
    line = _line(
        quantity=72,
        unit="t",
        consignee="Golden Sun Trading",
        port_of_loading="Lianyungang, Jiangsu",
        port_of_discharge="Laem Chabang",
        final_destination="Huay Xai, Bokeo, Lao PDR",
    )
    results = screener.screen_line(line)
    codes = {r.code: dict(r.params) for r in results[0].reasons}
    assert codes["WATCH_LIST"]
    assert {"ROUTE_BORDER_AREA", "QUANTITY_OUT_OF_SCALE"} <= set(codes)
    assert results[0].score >= 40
    assert results[0].band in ("check", "hold")


def test_thai_and_chinese_place_names(screener: Screener) -> None:
    assert "ROUTE_BORDER_AREA" in _codes(screener, _line(final_destination="ท่าขี้เหล็ก"))
    assert "ROUTE_BORDER_AREA" in _codes(screener, _line(final_destination="缅甸掸邦大其力"))


def test_quantity_in_scale_for_a_manufacturer(screener: Screener) -> None:
    codes = _codes(screener, _line(quantity=5, unit="t", consignee="Bangkok Paint Industries"))
    assert "QUANTITY_OUT_OF_SCALE" not in codes
    codes = _codes(screener, _line(quantity=200, unit="kg", consignee="Sukhumvit Pharmacy"))
    assert codes["QUANTITY_OUT_OF_SCALE"]["business"] == "pharmacy"


def test_quantity_against_history() -> None:
    screener = Screener(context=RiskContext(typical_kg={"Siam Fine Chemicals Co Ltd": 100}))
    assert _codes(screener, _line(quantity=301))["QUANTITY_OUT_OF_SCALE"]["business"] == "history"


def test_new_consignee_only_when_known_list_given(screener: Screener) -> None:
    assert "NEW_CONSIGNEE" not in _codes(screener, _line())
    known = Screener(
        context=RiskContext(known_consignees=frozenset({"SIAM FINE CHEMICALS CO. LTD"}))
    )
    assert "NEW_CONSIGNEE" not in _codes(known, _line())
    assert "NEW_CONSIGNEE" in _codes(known, _line(consignee="Unknown Newco"))


def test_forwarder_consignee(screener: Screener) -> None:
    codes = _codes(screener, _line(consignee="Mekong Express Logistics Co"))
    assert codes["FORWARDER_CONSIGNEE"]["keyword"] in ("logistics", "express")
    assert "FORWARDER_CONSIGNEE" in _codes(
        screener, _line(consignee="云南某某国际货运代理有限公司")
    )


def test_pen_checks() -> None:
    pens = (PenRecord("PEN-1", "acetic_anhydride", "Siam Fine Chemicals Co Ltd", 10_000, "TH"),)
    screener = Screener(context=RiskContext(pen_records=pens))
    line = _line(description="Acetic anhydride", quantity=20, unit="t")
    assert _codes(screener, line)["PEN_QUANTITY_EXCEEDED"]["pen"] == "PEN-1"
    assert "PEN_CONSIGNEE_MISMATCH" in _codes(
        screener, _line(description="acetic anhydride", consignee="Other Co")
    )
    assert "PEN_MISSING" in _codes(screener, _line(description="APAAN", quantity=500))
    ok = _codes(screener, _line(description="acetic anhydride", quantity=5, unit="t"))
    assert not {"PEN_MISSING", "PEN_QUANTITY_EXCEEDED", "PEN_CONSIGNEE_MISMATCH"} & set(ok)


def test_table_weights_and_reasons_render(screener: Screener) -> None:
    results = screener.screen_line(_line(description="APAAN", cas="4468-48-8"))
    assert results[0].table == "I"
    reason = next(r for r in results[0].reasons if r.code == "TABLE_I")
    assert reason.weight == 40
    for lang in ("en", "th", "zh"):
        assert all(r.message(lang) for r in results[0].reasons)


def test_generic_hs_with_vague_description_and_border_route(screener: Screener) -> None:
    line = _line(
        description="pharmaceutical intermediate", hs_code="2933.39.90", final_destination="Bokeo"
    )
    results = screener.screen_line(line)
    assert results and results[0].match == "hs_generic" and results[0].substance_id == ""
    assert not screener.screen_line(
        _line(description="pharmaceutical intermediate", hs_code="2933.39")
    )


def test_hs_mismatch_and_invalid_cas(screener: Screener) -> None:
    codes = _codes(screener, _line(description="acetic anhydride", hs_code="2915.21"))
    assert "HS_MISMATCH" in codes
    codes = _codes(screener, _line(description="acetic anhydride", cas="123-45-0"))
    assert "CAS_INVALID" in codes


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("BMK pentyl glycidate", "bmk_glycidic_esters"),
        ("pentyl 2-methyl-3-phenylglycidate", "bmk_glycidic_esters"),
        ("PMK hexyl glycidate 99%", "pmk_glycidic_esters"),
        ("2-甲基-3-苯基缩水甘油酸戊酯", "bmk_glycidic_esters"),
    ],
)
def test_unregistered_glycidate_esters_are_analogues_and_legal_hits_in_china(
    screener: Screener, text: str, group: str
) -> None:
    # China listed "BMK glycidic acid and its esters" and "PMK glycidic acid esters" as classes
    # (in force 1 Sep 2024): an unregistered ester is a legal hit there (national), and still a
    # possible analogue of the UN-listed esters for review.
    results = screener.screen_line(_line(description=text))
    assert [(r.substance_id, r.table, r.match) for r in results] == [
        (group, "national", "class_rule")
    ]
    codes = {r.code for r in results[0].reasons}
    assert {"POSSIBLE_ANALOGUE", "CLASS_LISTING"} <= codes


@pytest.mark.parametrize(
    "text", ["strawberry aldehyde (ethyl methylphenylglycidate)", "BMK ethyl glycidate", "glycidol"]
)
def test_no_analogue_for_lookalikes_or_registered(screener: Screener, text: str) -> None:
    results = screener.screen_line(_line(description=text))
    assert all(r.table != "analogue" and r.match != "class_rule" for r in results)
