"""A part of a Lao name's transcription with one syllable written by the plain pinyin of its
character (issue 12 part B): 本豐 for Bounfeng, 本 read as Lao Boun and 豐 as the pinyin feng of the
Latin spelling (ຟ f, which the Lao sounds of 豐, Phong and Vong, do not give). Seen row la601 of
benchmarks/data/names_mm_kh_la_real.csv (寮國國家衛生部部長本豐·普瑪萊西, china.com.cn)."""

from __future__ import annotations

from mekongx.matching.lao_transcription import part_sounds

from .conftest import matches, refused


def test_one_syllable_read_as_its_pinyin() -> None:
    readings = part_sounds(("ben", "feng"), "本丰")
    assert ("bun", "feng") in readings
    assert ("ben", "phong") in readings  # and the other one, its own pinyin: ben's
    assert ("ben", "feng") not in readings  # both as pinyin: that is the pinyin reading


def test_bounfeng_phoummalaysith() -> None:
    matches("本豐·普瑪萊西", "Bounfeng Phoummalaysith")


def test_other_persons_stay_apart() -> None:
    # the seen other-person pair whose probability rose most with the rule (0.002 -> 0.005)
    refused("诺罗敦·西哈莫尼", "ສີສະຫວາດ ແກ້ວບຸນພັນ")
    refused("本豐·普瑪萊西", "Bounfeng Sisoulith")
