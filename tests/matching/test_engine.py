"""Calibration, messages, evidence, judgements, index and the public API."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import mekongx.matching as matching
from mekongx.matching import (
    LANGUAGES,
    MESSAGES,
    STRATA,
    Decision,
    Evidence,
    Index,
    Judgements,
    calibration,
    render,
    score,
)

SRC = Path(matching.__file__).parent


def test_public_api_is_declared() -> None:
    for name in matching.__all__:
        assert hasattr(matching, name), name


def test_engine_imports_no_web_or_database() -> None:
    banned = ("fastapi", "sqlalchemy", "starlette", "mekongx.db", "mekongx.api", "mekongx.web")
    for path in SRC.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for n in names:
                assert not n.startswith(banned), f"{path.name} imports {n}"
                # Zawgyi conversion has one home, shared with the node's forms and imports: the
                # small, dependency-free mekongx.text.zawgyi (burmese.py reads names through it)
                if n.startswith("mekongx.") and n != "mekongx.text.zawgyi":
                    assert n.startswith("mekongx.matching"), f"{path.name} imports {n}"


def _codes_used() -> set[str]:
    codes: set[str] = set()
    for path in SRC.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", None) in ("Reason", "add")
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                codes.add(str(node.args[0].value))
    codes |= {"surname_match", "part_match", "part_similar", "surname_mismatch", "part_mismatch"}
    codes |= {"common_name", "rare_name"}
    return codes


def test_every_reason_code_has_three_languages() -> None:
    used = _codes_used()
    assert used <= set(MESSAGES), used - set(MESSAGES)
    for code, entry in MESSAGES.items():
        for lang in LANGUAGES:
            assert entry.get(lang), f"{code} lacks {lang}"
        # the same placeholders in every language
        fields = {lang: sorted(_fields(entry[lang])) for lang in LANGUAGES}
        assert fields["en"] == fields["th"] == fields["zh"], code


def _fields(template: str) -> set[str]:
    import string

    return {f for _, f, _, _ in string.Formatter().parse(template) if f}


def test_render_falls_back_to_english() -> None:
    assert render("dob_match", "fr", {"a": "1980-01-01"}) == render(
        "dob_match", "en", {"a": "1980-01-01"}
    )


@pytest.mark.parametrize("stratum", STRATA)
def test_calibration_is_monotonic(stratum: str) -> None:
    model = calibration.model(stratum)
    for feature, weight in zip(calibration.FEATURES, model.weights, strict=True):
        if feature in calibration.MONOTONE:
            assert weight >= 0.0, feature
    base = dict.fromkeys(calibration.FEATURES, 0.0)
    previous = -1.0
    for step in range(11):
        v = step / 10
        x = dict(base, sim=v, min_sim=v, min_sim4=v**4, surname_sim=v, rare_match=v)
        p = calibration.sigmoid(model.logit(tuple(x[f] for f in calibration.FEATURES)))
        assert p >= previous
        previous = p


def test_evidence_moves_the_probability() -> None:
    base = score("Lan Weihong", "หลาน เว่ยหง").probability
    same = score(
        "Lan Weihong",
        "หลาน เว่ยหง",
        (Evidence(birth_date="1975-04-02"), Evidence(birth_date="1975-04-02")),
    )
    other = score(
        "Lan Weihong",
        "หลาน เว่ยหง",
        (Evidence(birth_date="1975-04-02"), Evidence(birth_date="1990-01-01")),
    )
    assert same.probability > base > other.probability
    assert any(r.code == "dob_mismatch" for r in other.explanation)


def test_bad_birth_date_names_the_field() -> None:
    with pytest.raises(ValueError, match="birth_date"):
        score("A B", "A B", (Evidence(birth_date="02/04/1975"), Evidence(birth_date="1975")))


def test_judgements_override_and_are_reversible() -> None:
    j = Judgements()
    assert score("Lan Weihong", "Lin Weihong", judgements=j).decision is not Decision.MATCH
    j.confirm("Lan Weihong", "Lin Weihong", analyst="oncb.analyst1", note="same passport")
    m = score("Lan Weihong", "Lin Weihong", judgements=j)
    assert m.decision is Decision.MATCH and m.explanation[0].code == "analyst_confirmed"
    j.reject("兰卫红", "หลาน เว่ยหง", analyst="nncc.liaison")
    assert score("兰卫红", "หลาน เว่ยหง", judgements=j).decision is Decision.NO_MATCH
    j.retract("兰卫红", "หลาน เว่ยหง", analyst="nncc.liaison")
    assert score("兰卫红", "หลาน เว่ยหง", judgements=j).decision is Decision.MATCH
    assert [r.verdict.value for r in j.history("兰卫红", "หลาน เว่ยหง")] == [
        "different",
        "retracted",
    ]
    restored = Judgements(j.records())
    assert len(restored) == len(j) == 3


def test_judgement_needs_an_analyst() -> None:
    with pytest.raises(ValueError, match="analyst"):
        Judgements().confirm("a", "b", analyst="")


def test_index_finds_across_scripts() -> None:
    index = Index()
    index.add("Lan Weihong", id="NNCC-1")
    index.add("Lin Weihong", id="NNCC-2")
    index.add("ธนากร คัยนันท์", id="ONCB-7")
    index.add("Thaksin Shinawatra", id="P-1")
    index.add("王伟", id="NNCC-3")
    assert index.search("หลาน เว่ยหง")[0].id == "NNCC-1"
    assert index.search("蘭衛紅")[0].id == "NNCC-1"
    assert index.search("Thanakorn Kaiyanan")[0].id == "ONCB-7"
    assert index.search("他信·西那瓦")[0].id == "P-1"
    hits = index.search("兰卫红", explain=True)
    assert hits[0].match is not None and hits[0].match.explain("zh")
    assert [h[0].id for h in index.search_many(["Lan Weihong", "Wang Wei"], limit=1)] == [
        "NNCC-1",
        "NNCC-3",
    ]


def test_index_consults_judgements() -> None:
    index = Index()
    index.add("Lan Weihong", id="NNCC-1")
    j = Judgements()
    j.reject("兰卫红", "NNCC-1", analyst="a", by_id=False)
    j.reject("兰卫红", "Lan Weihong", analyst="a")
    hit = index.search("兰卫红", judgements=j)[0]
    assert hit.probability == 0.0 and hit.decision is Decision.NO_MATCH
