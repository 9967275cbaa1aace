"""The register data: check digits, sources, coverage of the 1988 Tables as amended."""

from __future__ import annotations

import re

from mekongx.chemistry import is_valid_cas, load_register
from mekongx.chemistry.register import DATA_DIR

REGISTER = load_register()


def test_every_cas_number_in_the_data_files_passes_the_check_digit() -> None:
    text = "\n".join(p.read_text(encoding="utf-8") for p in DATA_DIR.glob("*.yaml"))
    numbers = re.findall(r"\b\d{2,7}-\d{2}-\d\b", text)
    assert len(numbers) > 80
    documented_misprints = {"1609-66-5"}  # quoted in a note as a published error
    bad = [n for n in numbers if not is_valid_cas(n) and n not in documented_misprints]
    assert bad == []


def test_every_registered_cas_passes() -> None:
    for sub in REGISTER.substances:
        for number in sub.all_cas():
            assert is_valid_cas(number), (sub.id, number)
    for look in REGISTER.lookalikes:
        assert look.cas is None or is_valid_cas(look.cas)


def test_every_substance_and_fact_has_a_known_source() -> None:
    for sub in REGISTER.substances:
        assert sub.sources, sub.id
        assert all(key in REGISTER.sources for key in sub.sources)
        assert all(listing.source in REGISTER.sources for listing in sub.listings)
        assert sub.hs.source in REGISTER.sources
        assert sub.verification in ("S", "S3", "bg")
    for place in REGISTER.places:
        assert place.sources and all(k in REGISTER.sources for k in place.sources)


def test_1988_tables_as_amended_to_3_december_2024() -> None:
    table_i = {s.id for s in REGISTER.substances if "UN-I" in s.lists and s.id != "racephedrine"}
    table_ii = {s.id for s in REGISTER.substances if "UN-II" in s.lists}
    assert len(table_i) == 43
    assert len(table_ii) == 8
    for added_2024 in ("four_piperidone", "boc_4_piperidone", "bmk_glycidic_acid"):
        assert added_2024 in table_i
    assert sum(s.group == "bmk_glycidic_esters" for s in REGISTER.substances) == 8
    assert sum(s.group == "pmk_glycidic_esters" for s in REGISTER.substances) == 7


def test_national_and_watch_lists_are_present() -> None:
    lists = {code for s in REGISTER.substances for code in s.lists}
    assert {"CN-1", "CN-2", "CN-3", "TH-4", "WATCH"} <= lists
    assert REGISTER.by_id["propionyl_chloride"].table == "watch"
    assert REGISTER.by_id["chloroform"].table == "national"


def test_thai_names_say_whether_sourced_or_composed() -> None:
    origins = {t.origin for s in REGISTER.substances for t in s.th}
    assert origins <= {"sourced", "composed", "common"}
    sourced = [t for s in REGISTER.substances for t in s.th if t.origin == "sourced"]
    assert sourced and all(t.source != "COMPOSED" for t in sourced)


def test_hs_specific_and_generic() -> None:
    assert REGISTER.by_id["anpp"].hs.specificity == "specific"
    assert REGISTER.by_id["four_ap"].hs.specificity == "generic"
    assert "293339" in REGISTER.hs_generic
    assert "291431" in REGISTER.hs_specific


def test_every_substance_has_names_in_three_languages_or_is_documented() -> None:
    for sub in REGISTER.substances:
        assert sub.en and sub.th, sub.id
        assert sub.zh, sub.id


def test_no_name_is_too_short_to_be_safe() -> None:
    from mekongx.chemistry.text import dense, fold, latin_tokens

    for sub in REGISTER.substances:
        names = [*sub.en, *sub.zh, *(t.name for t in sub.th), *(s.name for s in sub.salts)]
        for name in names:
            folded = fold(name)
            size = len("".join(latin_tokens(folded))) if folded.isascii() else len(dense(folded))
            assert size >= 2 if not folded.isascii() else size >= 4, (sub.id, name)
        for abbr in sub.abbr:
            assert len(abbr) >= 3, (sub.id, abbr)


def test_lookalikes_point_at_register_substances() -> None:
    for look in REGISTER.lookalikes:
        assert look.resembles in REGISTER.by_id, look.id


def test_every_cas_number_has_its_two_checks_recorded() -> None:
    """Issue 13 item 1: each CAS is checked twice - its check digit, and its identity against
    named sources and an independent database (cas_check.yaml); no conflict is allowed."""
    import yaml

    rows = yaml.safe_load((DATA_DIR / "cas_check.yaml").read_text(encoding="utf-8"))
    recorded = {row["cas"]: row for row in rows}
    registered = {n for sub in REGISTER.substances for n in sub.all_cas()}
    registered |= {look.cas for look in REGISTER.lookalikes if look.cas}
    assert set(recorded) == registered
    for number, row in recorded.items():
        assert is_valid_cas(number), number
        assert row["verdict"] in ("agrees", "absent"), row
        assert all(key in REGISTER.sources for key in row["sources"]), row
        if not row["owner"].startswith("lookalike:"):
            assert row["independent"] >= 1, row  # never rests on background alone
    assert recorded["3612-20-2"]["owner"] == "benzyl_4_piperidone"
    assert "benzyl" in recorded["3612-20-2"]["chedl"]


def _cas_rows() -> list[dict[str, object]]:
    import yaml

    rows: list[dict[str, object]] = yaml.safe_load(
        (DATA_DIR / "cas_check.yaml").read_text(encoding="utf-8")
    )
    return rows


def test_every_cas_number_has_two_independent_sources_or_says_what_was_searched() -> None:
    """Issue 13 item 1: two independent sources per CAS number. `independent` is recomputed from the
    row (named non-background sources + CHEDL when it agrees), never trusted as typed; a number with
    fewer than two carries an `unverified` note naming what was searched, and no note outlives a
    second source."""
    lacking: list[str] = []
    for row in _cas_rows():
        sources = [str(key) for key in row["sources"]]
        named = [key for key in sources if REGISTER.sources[key].reliability != "background"]
        counted = len(set(named)) + (1 if row["verdict"] == "agrees" else 0)
        assert row["independent"] == counted, (row["cas"], row["independent"], counted)
        note = str(row.get("unverified", ""))
        if counted < 2:
            lacking.append(str(row["cas"]))
            assert "search" in note and "rests on" in note, (
                f"{row['cas']} lacks a second source and says nothing of the search"
            )
        else:
            assert not note, f"{row['cas']} has {counted} sources but is still marked unverified"
        third_party_only = named and all(
            REGISTER.sources[k].reliability == "third_party" for k in named
        )
        if third_party_only and row["verdict"] != "agrees":
            assert note, f"{row['cas']} rests on third-party lists only"
    # the numbers still resting on one source (or on third-party lists), listed so a change shows here
    assert sorted(lacking) == sorted(
        [
            "99918-43-1",
            "40064-34-4",
            "41979-39-9",
            "6740-87-0",
            "542-10-9",
            "705-60-2",
            "177-11-7",
        ]
    ), sorted(lacking)


def test_second_source_checks_say_what_the_source_states_and_when() -> None:
    seen = 0
    for row in _cas_rows():
        for check in row.get("checks", []):
            seen += 1
            assert check["source"] in row["sources"], (row["cas"], check)
            assert check["source"] in REGISTER.sources, check
            # a maker's safety data sheet identifies its own product (GHS), not a listing
            assert REGISTER.sources[check["source"]].reliability in (
                "official",
                "secondary",
                "supplier",
            ), check
            assert str(row["cas"]) in check["says"] or "CAS" in check["says"], check
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(check["checked"])), check
            assert str(check["url"]).startswith("http"), check
    assert seen >= 25


def test_salt_numbers_checked_against_a_pharmacopoeia_name_the_salt() -> None:
    """The second source must agree on the form, not only the number: the salt rows confirmed by a
    pharmacopoeia name that salt."""
    rows = {str(row["cas"]): row for row in _cas_rows()}
    expected = {
        "50-98-6": "hydrochloride",
        "134-72-5": "sulfate",
        "129-51-1": "maleate",
        "379-79-3": "tartrate",
        "345-78-8": "hydrochloride",
        "7460-12-0": "sulfate",
    }
    for number, salt in expected.items():
        says = " ".join(str(c["says"]) for c in rows[number]["checks"])
        assert salt in says.lower() and number in says, number
        assert salt in str(rows[number]["form"]), number


def test_sodium_permanganate_has_a_makers_sds_beside_chedl() -> None:
    """Issue 13 item 1, third pass: 10101-50-5 rested on CHEDL alone; a manufacturer's SDS now
    gives the number too, and a supplier source is an identity source only."""
    row = next(r for r in _cas_rows() if r["cas"] == "10101-50-5")
    assert row["sources"] == ["SDS-MAGNESIA"] and row["independent"] == 2
    assert "unverified" not in row
    assert REGISTER.sources["SDS-MAGNESIA"].reliability == "supplier"
    assert not any(
        li.source == "SDS-MAGNESIA" for sub in REGISTER.substances for li in sub.listings
    )
