"""Loading of the reference tables shipped under ``data/`` (read once, cached)."""

from __future__ import annotations

import csv
import io
from functools import cache
from importlib import resources
from typing import Any

import yaml


def _text(name: str) -> str:
    return (
        resources.files("mekongx.matching")
        .joinpath("data")
        .joinpath(name)
        .read_text(encoding="utf-8")
    )


def _rows(name: str, delimiter: str = ",") -> list[dict[str, str]]:
    lines = [ln for ln in _text(name).splitlines() if ln and not ln.startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter=delimiter))


@cache
def yaml_table(name: str) -> Any:
    return yaml.safe_load(_text(name))


@cache
def trad_to_simp() -> dict[str, str]:
    table: dict[str, str] = {}
    for line in _text("trad_simp.tsv").splitlines():
        if line and not line.startswith("#"):
            trad, simp = line.split("\t")
            table[trad] = simp
    return table


class Surname:
    """One row of ``surnames_zh.csv``."""

    __slots__ = ("han", "latin_variants", "per_mille", "pinyin", "thai_variants")

    def __init__(self, row: dict[str, str]) -> None:
        self.han = row["han"]
        self.pinyin = row["pinyin"]
        self.per_mille = float(row["per_mille"])
        self.latin_variants = tuple(v for v in row["latin_variants"].split("|") if v)
        self.thai_variants = tuple(v for v in row["thai_variants"].split("|") if v)


@cache
def transcription_han(language: str) -> dict[str, tuple[str, ...]]:
    """``transcription_han.csv``: character -> the syllables of ``language`` (``"khmer"``,
    ``"lao"``, ``"burmese"``) that Chinese writes with it (khmer: 肯 -> kheng, keng; lao: 邦 ->
    boun; burmese: 班 -> van), or (``"pinyin"``) its other Mandarin readings that transcriptions
    write it for (都 -> du)."""
    out: dict[str, tuple[str, ...]] = {}
    for row in _rows("transcription_han.csv"):
        if row["language"] == language:  # a character's rows (one per name) in file order
            han = row["han"]
            out[han] = tuple(dict.fromkeys((*out.get(han, ()), *row["syllables"].split("|"))))
    return out


@cache
def surnames() -> dict[str, Surname]:
    return {row["han"]: Surname(row) for row in _rows("surnames_zh.csv")}


@cache
def southern_surnames() -> dict[str, tuple[str, ...]]:
    """``surnames_southern.csv``: surname (simplified) -> the Hong Kong, Macau, Singapore and
    Malaysian spellings the mainland list lacks (霍 fok, 郭 kuek, 马 bey)."""
    return {
        row["han"]: tuple(row["spellings"].split("|")) for row in _rows("surnames_southern.csv")
    }


@cache
def surname_pinyin_share() -> dict[str, float]:
    """Population share (per mille) summed over all surnames with the same pinyin."""
    share: dict[str, float] = {}
    for s in surnames().values():
        share[s.pinyin] = share.get(s.pinyin, 0.0) + s.per_mille
    return share


@cache
def thai_han_tokens() -> list[dict[str, str]]:
    return _rows("thai_han.csv")


@cache
def given_syllable_share() -> dict[str, float]:
    share: dict[str, float] = {}
    for r in _rows("given_syllables.csv"):
        share[r["pinyin"]] = share.get(r["pinyin"], 0.0) + float(r["per_mille"])
    return share
