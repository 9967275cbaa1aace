"""Reference data of the ports area (pure, cached): the ISO 6346 check digit of container
numbers, the UN/LOCODE list of ports and the stowage factors of goods (``data/README.md``)."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).parent / "data"
_CONTAINER = re.compile(r"^[A-Z]{3}[UJZ][0-9]{7}$")


def _letter_values() -> dict[str, int]:
    """ISO 6346: A=10, then each letter one more, skipping 11 and its multiples (11, 22, 33)."""
    values, n = {}, 10
    for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        if n % 11 == 0:
            n += 1
        values[letter] = n
        n += 1
    return values


_VALUES = _letter_values()


def check_digit(first_ten: str) -> int:
    """The check digit of an owner code, category letter and six-digit serial number: the sum of
    each character's value times 2 to the power of its position, modulo 11 (10 is written 0)."""
    total = sum((_VALUES[c] if c.isalpha() else int(c)) * (1 << i) for i, c in enumerate(first_ten))
    return total % 11 % 10


def clean_container(text: str) -> str:
    return re.sub(r"[\s\-/.]", "", text).upper()


def container_problem(number: str) -> tuple[str, dict[str, str]] | None:
    """None for a well-formed container number whose check digit agrees; else (code, params)."""
    if not _CONTAINER.match(number):
        return "container_form", {}
    expected = check_digit(number[:10])
    if int(number[10]) != expected:
        return "container_digit", {"digit": str(expected)}
    return None


@dataclass(frozen=True)
class Port:
    locode: str
    name: str
    function: str  # UN/LOCODE function classifier, e.g. 1-3----- (1 port, 6 inland depot)
    kind: str  # port | depot | carrier code (data/README.md)

    @property
    def country(self) -> str:
        return self.locode[:2]


@cache
def ports() -> dict[str, Port]:
    with (DATA / "locodes.csv").open(encoding="utf-8") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        return {r["locode"]: Port(r["locode"], r["name"], r["function"], r["kind"]) for r in rows}


def clean_locode(text: str) -> str:
    return re.sub(r"\s", "", text).upper()


@dataclass(frozen=True)
class Goods:
    id: str
    stowage: float  # m3 per tonne
    source: str
    words: tuple[str, ...]
    hs: tuple[str, ...] = ()  # HS chapter, heading or subheading prefixes (digits)

    def named_in(self, text: str) -> bool:
        """A word of these goods in ``text`` (lower case): a Latin word as a whole word (rice is
        not in price), a Thai or Chinese word anywhere (those scripts do not space words)."""
        return any(
            re.search(rf"(?<![a-z]){re.escape(w)}(?![a-z])", text) if w.isascii() else w in text
            for w in self.words
        )


@dataclass(frozen=True)
class Stowage:
    volumes: dict[str, float]  # ISO size code -> internal m3
    payloads: dict[str, tuple[float, str]]  # ISO size code -> (most kg of cargo, source)
    default_size: str
    goods: tuple[Goods, ...]
    sources: dict[str, str]

    def volume(self, size_type: str) -> tuple[str, float]:
        size = size_type[:2] if size_type[:2] in self.volumes else self.default_size
        return size, self.volumes[size]

    def goods_of(self, description: str, hs_code: str = "") -> Goods | None:
        """The goods of a line: by its HS code (the longest matching prefix) when it has one,
        else by the words of its description; None when neither names goods of known density."""
        digits = re.sub(r"\D", "", hs_code)
        if digits:
            found = [(len(p), g) for g in self.goods for p in g.hs if digits.startswith(p)]
            return max(found, key=lambda pair: pair[0])[1] if found else None
        text = description.lower()
        return next((goods for goods in self.goods if goods.named_in(text)), None)


@cache
def stowage() -> Stowage:
    raw: dict[str, Any] = yaml.safe_load((DATA / "stowage.yaml").read_text(encoding="utf-8"))
    containers = dict(raw["containers"])
    default = str(containers.pop("default"))
    return Stowage(
        volumes={str(k): float(v["volume_m3"]) for k, v in containers.items()},
        payloads={
            str(k): (float(v["payload_kg"]), raw["sources"][v["payload_source"]])
            for k, v in containers.items()
            if "payload_kg" in v
        },
        default_size=default,
        goods=tuple(
            Goods(
                g["id"],
                float(g["stowage_m3_per_t"]),
                raw["sources"][g["source"]],
                tuple(str(w).lower() for w in g["words"]),
                tuple(str(h) for h in g.get("hs", [])),
            )
            for g in raw["goods"]
        ),
        sources=dict(raw["sources"]),
    )
