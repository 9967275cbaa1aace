"""The sound key of ``benchmarks/names_thai_spellings.py``: which annotated names count as one sound
and so are never each other's hard negatives.

The transcriptions are those of ``data/name_romanization.csv`` of github.com/nozomiyamada/
thai_romanization at 9968ea4 (onset, vowel, coda and tone a syllable; coda ``-`` none, ``?`` a
glottal stop); the two pairs are dev entries, found among its false matches."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCHMARK = Path(__file__).resolve().parents[2] / "benchmarks" / "names_thai_spellings.py"


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    path = list(sys.path)
    try:
        spec = importlib.util.spec_from_file_location("names_thai_spellings", BENCHMARK)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path[:] = path  # the benchmark puts benchmarks/ first on the path to import its kin
    return module


@pytest.mark.parametrize(
    ("short", "long"),
    [
        ("tat5 sa-1 na?4", "Tat4 sa-1 nA-1"),  # ทรรศนะ / ทัศนา, both Tadsana to the annotator
        ("nU-1 rI-1 ja?4", "nU-1 rI-1 jA-1"),  # นูรียะ / นูรียา, both Nuriya
    ],
)
def test_a_final_glottal_stop_and_vowel_length_are_one_sound(
    bench: ModuleType, short: str, long: str
) -> None:
    # main kept "-" and dropped "?": "tat sa- na" against "tat sa- na-"
    assert bench.sound_key(short) == bench.sound_key(long)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("lAn1", "lA-1"),  # a final n is written, no final is not
        ("kun1", "kon1"),  # u and o are written apart
        ("sa-1 na?4", "san1 na?4"),  # so is a syllable's final n before the next syllable
    ],
)
def test_what_a_latin_spelling_writes_still_tells_names_apart(
    bench: ModuleType, one: str, other: str
) -> None:
    assert bench.sound_key(one) != bench.sound_key(other)


@pytest.mark.parametrize(
    ("ng", "n"),
    [
        ("PoN1 sak2", "Pon1 sak2"),  # พงศักดิ์ Phongsak / พลศักดิ์ Phonsak
        ("keN2", "Ken1"),  # เก่ง Keng / เคน Khen
        ("NAm1", "nAm1"),  # งาม / นาม: an onset ง is ng too (the data's README: ง N ŋ ng)
    ],
)
def test_ng_is_not_n(bench: ModuleType, ng: str, n: str) -> None:
    # main lowercased the encoding's N (/ŋ/, RTGS ng) into n: "pon sak" for both
    assert bench.sound_key(ng) != bench.sound_key(n)


def test_the_nearest_name_is_never_one_of_the_same_sound(bench: ModuleType) -> None:
    # the third entry is written here, not taken from the data
    pool = [
        {"th": "ทัศนา", "latin": "thatsana|tatsana|tadsana", "ipa": "Tat4 sa-1 nA-1"},
        {"th": "ทรรศนะ", "latin": "tatsana|tadsana|tassana", "ipa": "tat5 sa-1 na?4"},
        {"th": "ทัศนีย์", "latin": "thatsani|tatsanee", "ipa": "Tat4 sa-1 nI-1"},
    ]
    rtgs = [r["latin"].split("|")[0] for r in pool]
    sound = {r["th"]: bench.sound_key(r["ipa"]) for r in pool}
    assert bench.nearest(pool, rtgs, sound, 0)["th"] == "ทัศนีย์"
    assert bench.nearest(pool, rtgs, sound, 1)["th"] == "ทัศนีย์"
