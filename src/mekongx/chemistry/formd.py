"""INCB Form D vocabulary beyond the register (``data/formd.yaml``): the methods of illicit
manufacture an incident can name (1988 Convention art. 12(12)(c)) and the substances whose annual
legitimate requirements (ALR) a Government estimates on Form D (CND resolution 49/3).

Every method names the register substances it uses and its sources; loading checks both
against the register, so a method can never point at a substance or source that does not exist.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from mekongx.chemistry.register import DATA_DIR, Register, RegisterError
from mekongx.chemistry.register_files import load_register


@dataclass(frozen=True)
class ManufactureMethod:
    code: str
    drug: str
    route: str
    precursors: tuple[str, ...]  # register substance ids
    sources: tuple[str, ...]
    verification: str  # S (read in a source) or bg (background, unverified)
    note: str = ""


@dataclass(frozen=True)
class LegitimateRequirements:
    """Which substances (and preparations of which) take an ALR on Form D."""

    substances: tuple[str, ...]
    preparations: tuple[str, ...]
    source: str
    verification: str


@dataclass(frozen=True)
class FormDVocabulary:
    methods: tuple[ManufactureMethod, ...]
    alr: LegitimateRequirements

    @property
    def method_codes(self) -> tuple[str, ...]:
        return tuple(m.code for m in self.methods)

    def method(self, code: str) -> ManufactureMethod | None:
        return next((m for m in self.methods if m.code == code), None)


def _strs(value: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in value or ())


def _vocabulary(raw: Mapping[str, Any], register: Register) -> FormDVocabulary:
    def known(sid: str, where: str) -> str:
        if sid not in register.by_id:
            raise RegisterError(f"formd.yaml: {where}: unknown substance {sid!r}")
        return sid

    def sourced(key: str, where: str) -> str:
        if key not in register.sources:
            raise RegisterError(f"formd.yaml: {where}: unknown source key {key!r}")
        return key

    methods = []
    for item in raw.get("methods") or ():
        code = str(item["code"])
        if not item.get("sources"):
            raise RegisterError(f"formd.yaml: method {code!r} has no sources")
        methods.append(
            ManufactureMethod(
                code=code,
                drug=str(item.get("drug") or ""),
                route=str(item["route"]),
                precursors=tuple(known(s, code) for s in _strs(item.get("precursors"))),
                sources=tuple(sourced(s, code) for s in _strs(item["sources"])),
                verification=str(item.get("verification", "bg")),
                note=str(item.get("note", "")),
            )
        )
    codes = [m.code for m in methods]
    if len(set(codes)) != len(codes):
        raise RegisterError("formd.yaml: a method code is listed twice")
    alr = raw["alr"]
    substances = tuple(known(s, "alr") for s in _strs(alr["substances"]))
    preparations = tuple(known(s, "alr") for s in _strs(alr.get("preparations")))
    if not set(preparations) <= set(substances):
        raise RegisterError("formd.yaml: alr preparations must be of the alr substances")
    return FormDVocabulary(
        tuple(methods),
        LegitimateRequirements(
            substances, preparations, sourced(str(alr["source"]), "alr"), str(alr["verification"])
        ),
    )


def load_vocabulary(data_dir: Path | None = None) -> FormDVocabulary:
    """Load and check ``formd.yaml`` (cached for the packaged data)."""
    if data_dir is None:
        return _default()
    with (data_dir / "formd.yaml").open(encoding="utf-8") as handle:
        return _vocabulary(yaml.safe_load(handle), load_register(data_dir))


@functools.lru_cache(maxsize=1)
def _default() -> FormDVocabulary:
    with (DATA_DIR / "formd.yaml").open(encoding="utf-8") as handle:
        return _vocabulary(yaml.safe_load(handle), load_register())
