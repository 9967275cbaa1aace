"""Issue 12 A, twelfth round: oo, ou and ue never write a short a; ◌์ does not silence a final after
a vowel sign; ยศ begins compounds.

Spellings: the annotated spellings of the `dev` part of nozomiyamada/thai_romanization (commit
9968ea4: ธัญวัฒน์ Thunyawat, จรัญ Charan/Charun/Jaran, จรูญ
Charoon/Jaroon, พิมพ์รภัส Phimraphat/Pimrapat, พีรภัทร Phiraphat/Pirapat/Peerapat, นรเทพ Norathep,
ยศวริศ Yotwarit/Yodwarit) and real persons of the train and seen rows of
``benchmarks/data/names_thai_real.csv``; no held-out row.
"""

from __future__ import annotations

import pytest

from mekongx.matching import score
from mekongx.matching.endings import latin_shape, thai_shape
from mekongx.matching.outline import conflict
from mekongx.matching.result import Decision
from mekongx.matching.thai_compounds import splits
from mekongx.matching.thai_vowels import distance, latin


@pytest.mark.parametrize(
    ("thai_name", "latin_name"),
    [
        ("ธัญวัฒน์ ศรีสุข", "Thunyawat Srisuk"),  # a short a written u
        ("จรัญ ศรีสุข", "Jaran Srisuk"),
        ("จรูญ ศรีสุข", "Charoon Srisuk"),
        ("จรูญ ศรีสุข", "Jaroon Srisuk"),
        ("พิมพ์รภัส ศรีสุข", "Pimrapat Srisuk"),
        ("พิมพ์รภัส ศรีสุข", "Phimraphat Srisuk"),
        ("พีรภัทร ศรีสุข", "Peerapat Srisuk"),
        ("นรเทพ ศรีสุข", "Norathep Srisuk"),
        # ยศ-วริศ yot-wa-rit: missed before (0.33, the reader's ya-sa-wa-rit)
        ("ยศวริศ ศรีสุข", "Yodwarit Srisuk"),
        ("ยศวริศ ศรีสุข", "Yotwarit Srisuk"),
        # real persons (train / seen): a short a written u, compounds, ◌์ over two letters
        ("ดอน ปรมัตถ์วินัย", "Don Pramudwinai"),
        ("ศศลักษณ์ ไหประโคน", "Sasalak Haiprakhon"),
        ("บุศนันทน์ อึ้งบำรุงพันธ์", "Busanan Ongbamrungphan"),
        ("เกียรติศักดิ์ เสนาเมือง", "Kiatisuk Senamuang"),
    ],
)
def test_the_names_own_spellings_still_match(thai_name: str, latin_name: str) -> None:
    m = score(thai_name, latin_name)
    assert m.decision is Decision.MATCH, m.explain()


@pytest.mark.parametrize(
    ("thai_name", "latin_name", "code"),
    [
        ("จรัญ ศรีสุข", "Charoon Srisuk", "vowels_differ"),  # จรูญ (0.690 before)
        ("จรัญ ศรีสุข", "Jaroon Srisuk", "vowels_differ"),
        ("พิมพ์รภัส ศรีสุข", "Phiraphat Srisuk", "consonants_differ"),  # พีรภัทร (0.774 before)
        ("พิมพ์รภัส ศรีสุข", "Peerapat Srisuk", "consonants_differ"),
    ],
)
def test_another_names_spelling_is_refused(thai_name: str, latin_name: str, code: str) -> None:
    m = score(thai_name, latin_name)
    assert m.decision is not Decision.MATCH, m.explain()
    assert code in [r.code for r in m.explanation], m.explain()


def test_oo_does_not_write_a_short_a() -> None:
    assert conflict(thai_shape("จรัญ"), latin_shape("Charun")) == ""  # Julapun, Pramud
    assert conflict(thai_shape("จรัญ"), latin_shape("Charoon")) == "vowels"
    assert conflict(thai_shape("จรูญ"), latin_shape("Charoon")) == ""
    assert distance("a!", latin("Pun")) == 0.0
    assert distance("a!", latin("Poon")) == 1.0


def test_a_final_after_a_vowel_sign_is_not_silenced_with_the_letter_under_the_mark() -> None:
    # พิมพ์: only พ is silent; ลักษณ์: ษณ after the final ก
    # not also pnpT, พิรภัส; R: the ร after a linking a (phim-ma-ra-phat, round 16)
    assert set(thai_shape("พิมพ์รภัส").split("|")[1].split(",")) == {"pmrpT", "pmRpT"}
    assert "lknR" in thai_shape("ลักษณ์นารา").split("|")[1].split(",")  # R: ร after า (round 16)


def test_yot_begins_a_compound() -> None:
    assert ("ยศ", "วริศ") in splits("ยศวริศ")
