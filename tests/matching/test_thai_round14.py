"""Issue 12 A, fourteenth round: the u of English "sun" writes a short a only in a closed syllable;
the i or u of a word's first syllable is written.

Spellings: the annotated spellings of the `dev` part of nozomiyamada/thai_romanization (commit
9968ea4: คณาวุฒิ Khanawut/Kanawut, ชาลี Chali/Chalee, สนิศา Sanisa, ชฎาทิพย์ Chadathip/Chadatip,
ณัฐกร Nutthakorn, ตุลยวัต Tunyawat/Tunlayawat) and a real person of the train rows of
``benchmarks/data/names_thai_real.csv``; no held-out row.
"""

from __future__ import annotations

import pytest

from mekongx.matching import score, thai_vowels
from mekongx.matching.result import Decision


@pytest.mark.parametrize(
    ("thai_name", "own", "other"),
    [
        ("คณาวุฒิ ศรีสุข", "Khanawut Srisuk", "Kunawut Srisuk"),  # 0.795 on main
        ("คณาวุฒิ ศรีสุข", "Kanawut Srisuk", "Khunawut Srisuk"),
        ("ชาลี ศรีสุข", "Chalee Srisuk", "Chulee Srisuk"),  # ชุลี's spelling (0.69)
        ("สนิศา ศรีสุข", "Sanisa Srisuk", "Sunisa Srisuk"),  # สุนิสา's
        ("ชฎาทิพย์ ศรีสุข", "Chadatip Srisuk", "Juthathip Srisuk"),  # ชุฎาทิพย์'s
        ("ตุลยวัต ศรีสุข", "Tunyawat Srisuk", "Tanyawat Srisuk"),  # ธัญวัฒน์'s (0.795)
        ("ตุลยวัต ศรีสุข", "Tunlayawat Srisuk", "Thanyawat Srisuk"),
        # ณัฐกร's Nutthakorn (u for the a of its closed ณัฐ nat) is not ณธกร na-tha-kon
        ("ณธกร ศรีสุข", "Nathakorn Srisuk", "Nutthakorn Srisuk"),
    ],
)
def test_its_own_spelling_matches_another_names_is_refused(
    thai_name: str, own: str, other: str
) -> None:
    m = score(thai_name, own)
    assert m.decision is Decision.MATCH, m.explain()
    for a, b in ((thai_name, other), (other, thai_name)):
        m = score(a, b)
        assert m.decision is not Decision.MATCH, m.explain()
        assert "vowels_differ" in [r.code for r in m.explanation], m.explain()


def test_a_real_persons_u_for_a_closed_a_still_matches() -> None:
    # train row of names_thai_real.csv; ปรมัตถ์ pa-ra-mat closed on t, then the wrong one with an
    # open a written u: Kunawut for คณาวุฒิ
    assert score("ดอน ปรมัตถ์วินัย", "Don Pramudwinai").decision is Decision.MATCH
    assert score("คณาวุฒิ ปรมัตถ์วินัย", "Kunawut Pramudwinai").decision is not Decision.MATCH


def test_a_closed_a_may_be_written_u() -> None:
    assert score("ณัฐกร ศรีสุข", "Nutthakorn Srisuk").decision is Decision.MATCH
    assert thai_vowels.thai(("kha", "na", "wut")) == "a'.a'.u"  # main: "a.a.u"


def test_an_open_a_is_not_written_u() -> None:
    assert thai_vowels.distance("a'.a'.u", "u.a.u") == 1.0  # Kunawut
    assert thai_vowels.distance("a.a'", "u.a") == 0.0  # Nuttha: ณัฐ nat closed
    assert thai_vowels.distance("u.a'.a'.a", "a.a.a") == 1.0  # Tanyawat
