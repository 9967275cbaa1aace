"""Reasons read in Thai and Chinese carry no English: substance, column, place and business names
are put in the reader's language; an HS subheading shared by two substances is said once."""

from __future__ import annotations

import re

from mekongx.chemistry import DeclarationLine, Screener, column_label, reason_text
from mekongx.chemistry.messages import TERMS
from mekongx.chemistry.risk import band

LATIN_WORD = re.compile(r"[A-Za-z]{3,}")


def _line(**fields: object) -> DeclarationLine:
    base: dict[str, object] = {"row": 2, "declaration_id": "D-1", "line_no": 1, "unit": "kg"}
    return DeclarationLine(**{**base, **fields})  # type: ignore[arg-type]


def test_names_inside_reasons_are_in_the_readers_language() -> None:
    params = {"field": "final_destination", "place": "Bokeo", "country": "LA"}
    assert "ปลายทางสุดท้าย" in reason_text("ROUTE_BORDER_AREA", params, "th")
    assert "最终目的地" in reason_text("ROUTE_BORDER_AREA", params, "zh")
    assert "final_destination" in reason_text("ROUTE_BORDER_AREA", params, "en")
    named = {"substance": "Acetic anhydride", "text": "AA", "language": "en"}
    assert reason_text("MATCH_NAME", named, "zh") == "品名中出现 醋酸酐（“AA”，英文）"
    out_of_scale = {"quantity_kg": "900", "limit_kg": "25", "business": "pharmacy"}
    assert "ร้านยาหรือคลินิก" in reason_text("QUANTITY_OUT_OF_SCALE", out_of_scale, "th")
    assert column_label("quantity", "th") == "ปริมาณ" and column_label("quantity", "zh") == "数量"
    assert all({"en", "th", "zh"} <= set(t) for t in TERMS.values())


def test_a_screened_line_reads_without_english_in_thai_and_chinese() -> None:
    line = _line(hs_code="2915.24", description="Acetic anhydride 99%", cas="108-24-7",
                 quantity=900.0, consignee="Bokeo Pharmacy", consignee_country="LA",
                 final_destination="Bokeo")  # fmt: skip
    [result] = Screener().screen_line(line)
    for lang in ("th", "zh"):
        for reason in result.reasons:
            text = reason.message(lang)
            # left in Latin letters only: what the file itself says, codes and identifiers
            words = {w.casefold() for w in LATIN_WORD.findall(text)}
            leftover = words - {"acetic", "anhydride", "cas", "pen", "bokeo", "pharmacy"}
            assert not leftover, (reason.code, lang, text)


def test_hs_only_match_shared_by_two_substances_is_said_once() -> None:
    line = _line(hs_code="2939.41", description="pharmaceutical raw material")
    results = Screener().screen_line(line)
    assert len(results) == 1
    [result] = results
    assert result.substance_id == "ephedrine+racephedrine" and result.match == "hs_specific"
    codes = [r.code for r in result.reasons]
    assert codes.count("MATCH_HS_SHARED") == 1 and "MATCH_HS_SPECIFIC" not in codes
    shared = result.reasons[0].message("en")
    assert "2939.41" in shared and "2 substances" in shared and "Racephedrine" in shared
    assert "麻黄素、消旋麻黄素" in result.reasons[0].message("zh")
    # the score stays the documented sum of the reasons' points, and the band follows it
    assert result.score == sum(r.weight for r in result.reasons) and result.band == band(
        result.score
    )


def test_hs_with_the_substance_named_is_not_merged() -> None:
    results = Screener().screen_line(_line(hs_code="2939.41", description="ephedrine HCl"))
    assert "ephedrine" in {r.substance_id for r in results}
    assert all("+" not in r.substance_id for r in results)
