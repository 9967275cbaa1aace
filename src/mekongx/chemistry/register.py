"""The controlled-chemicals register: typed view of the YAML files in ``data/`` (read and
checked by ``register_files.py``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "DATA_DIR",
    "AnalogueRule",
    "CodeRef",
    "HsCode",
    "Keywords",
    "Listing",
    "Lookalike",
    "Physical",
    "Place",
    "Register",
    "RegisterError",
    "Salt",
    "SaltExclusion",
    "Source",
    "Substance",
    "ThaiName",
    "Threshold",
]

DATA_DIR = Path(__file__).with_name("data")


class RegisterError(ValueError):
    """The register data is inconsistent (message names the file and entry)."""


@dataclass(frozen=True, slots=True)
class Source:
    key: str
    title: str
    publisher: str
    date: str
    url: str
    reliability: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class ThaiName:
    name: str
    origin: str  # sourced | composed | common
    source: str

    @property
    def awaiting_review(self) -> bool:
        """Only a name read in a cited Thai source is final; a transliteration composed by rule
        or a common word recorded from background waits for a Thai-speaking chemist's review."""
        return self.origin != "sourced"


@dataclass(frozen=True, slots=True)
class Salt:
    name: str
    cas: str | None
    source: str
    verification: str
    note: str = ""
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Listing:
    list: str  # UN-I, UN-II, CN-1, CN-2, CN-3, TH-4, TH-2, WATCH
    source: str
    since: str = ""
    note: str = ""
    verification: str = "S"
    basis: str = ""  # WATCH only: LISSL (a public source says INCB lists it) or regional


@dataclass(frozen=True, slots=True)
class HsCode:
    code: str
    specificity: str  # specific | generic
    source: str

    @property
    def code6(self) -> str:
        return self.code.replace(".", "")[:6]


@dataclass(frozen=True, slots=True)
class CodeRef:
    """A tariff code with its source: an HS subheading of preparations (``3004.42``) or a
    national code (China's 10-digit customs code)."""

    code: str
    source: str
    country: str = ""

    @property
    def digits(self) -> str:
        return "".join(ch for ch in self.code if ch.isdigit())


@dataclass(frozen=True, slots=True)
class Physical:
    """How the substance is traded: ``liquid`` (density in kg/l at about 20 C), ``solution``
    (density points by mass concentration, ``((pct, kg_per_l), ...)``) or ``solid``."""

    state: str
    source: str
    density: float | None = None
    densities: tuple[tuple[float, float], ...] = ()
    verification: str = "S"


@dataclass(frozen=True, slots=True)
class SaltExclusion:
    """Table II note: the salts of this acid are not controlled (source and wording)."""

    source: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class Threshold:
    jurisdiction: str
    activity: str
    quantity: float
    unit: str
    source: str
    verification: str


@dataclass(frozen=True, slots=True)
class Substance:
    id: str
    name: str
    role: str
    families: tuple[str, ...]
    cas: str | None
    en: tuple[str, ...]
    abbr: tuple[str, ...]
    zh: tuple[str, ...]
    th: tuple[ThaiName, ...]
    salts: tuple[Salt, ...]
    hs: HsCode
    listings: tuple[Listing, ...]
    thresholds: tuple[Threshold, ...]
    uses: str
    lookalikes: tuple[str, ...]
    sources: tuple[str, ...]
    verification: str
    group: str = ""
    hs_preparations: tuple[CodeRef, ...] = ()
    national_codes: tuple[CodeRef, ...] = ()
    salts_excluded: SaltExclusion | None = None
    physical: Physical | None = None

    @property
    def lists(self) -> tuple[str, ...]:
        return tuple(listing.list for listing in self.listings)

    @property
    def table(self) -> str:
        """``I``, ``II`` (1988 Convention), ``national`` (CN/TH list only) or ``watch``."""
        lists = self.lists
        if "UN-I" in lists:
            return "I"
        if "UN-II" in lists:
            return "II"
        if any(code.startswith(("CN-", "TH-")) for code in lists):
            return "national"
        return "watch"

    @property
    def national_lists(self) -> tuple[str, ...]:
        return tuple(c for c in self.lists if c.startswith(("CN-", "TH-")))

    def all_cas(self) -> tuple[str, ...]:
        numbers = [self.cas] if self.cas else []
        numbers += [salt.cas for salt in self.salts if salt.cas]
        return tuple(numbers)


@dataclass(frozen=True, slots=True)
class Lookalike:
    id: str
    resembles: str
    cas: str | None
    en: tuple[str, ...]
    zh: tuple[str, ...]
    th: tuple[str, ...]
    note: str
    sources: tuple[str, ...]
    verification: str


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    country: str
    kind: str
    weight: int
    en: tuple[str, ...]
    th: tuple[str, ...]
    zh: tuple[str, ...]
    sources: tuple[str, ...]
    verification: str


@dataclass(frozen=True, slots=True)
class AnalogueRule:
    id: str
    label: str
    gate: tuple[str, ...]
    markers: tuple[str, ...]
    exclude: tuple[str, ...]
    parents: tuple[str, ...] = ()
    ester: tuple[str, ...] = ()
    listings: tuple[Listing, ...] = ()

    @property
    def national_lists(self) -> tuple[str, ...]:
        return tuple(item.list for item in self.listings if item.list.startswith(("CN-", "TH-")))


@dataclass(frozen=True, slots=True)
class Keywords:
    forwarder: Mapping[str, tuple[str, ...]]
    preparation: Mapping[str, tuple[str, ...]]
    vague: Mapping[str, tuple[str, ...]]
    filler: Mapping[str, tuple[str, ...]]
    salt_after: Mapping[str, tuple[str, ...]]
    salt_before: Mapping[str, tuple[str, ...]]
    modifier_after: frozenset[str]
    modifier_before: frozenset[str]
    zh_fused: frozenset[str]
    protected_words: frozenset[str]
    analogues: tuple[AnalogueRule, ...] = ()
    substituent_before: frozenset[str] = frozenset()
    salt_metals_zh: str = ""


@dataclass(frozen=True)
class Register:
    substances: tuple[Substance, ...]
    lookalikes: tuple[Lookalike, ...]
    places: tuple[Place, ...]
    sources: Mapping[str, Source]
    keywords: Keywords
    by_id: Mapping[str, Substance] = field(init=False)
    by_cas: Mapping[str, tuple[Substance, Salt | None]] = field(init=False)
    lookalike_cas: Mapping[str, Lookalike] = field(init=False)
    hs_specific: Mapping[str, tuple[Substance, ...]] = field(init=False)
    hs_generic: frozenset[str] = field(init=False)
    hs_preparation: Mapping[str, tuple[Substance, ...]] = field(init=False)
    national_code: Mapping[str, tuple[Substance, ...]] = field(init=False)

    def __post_init__(self) -> None:
        by_cas: dict[str, tuple[Substance, Salt | None]] = {}
        hs_specific: dict[str, list[Substance]] = {}
        generic: set[str] = set()
        for sub in self.substances:
            if sub.cas:
                _add_unique(by_cas, sub.cas, (sub, None), sub.id)
            for salt in sub.salts:
                if salt.cas:
                    _add_unique(by_cas, salt.cas, (sub, salt), sub.id)
            if sub.hs.specificity == "specific":
                hs_specific.setdefault(sub.hs.code6, []).append(sub)
            else:
                generic.add(sub.hs.code6)
        look_cas = {la.cas: la for la in self.lookalikes if la.cas}
        for number in look_cas:
            if number in by_cas:
                raise RegisterError(f"lookalikes.yaml: CAS {number} is also a controlled number")
        object.__setattr__(self, "by_id", {s.id: s for s in self.substances})
        object.__setattr__(self, "by_cas", by_cas)
        object.__setattr__(self, "lookalike_cas", look_cas)
        object.__setattr__(self, "hs_specific", {k: tuple(v) for k, v in hs_specific.items()})
        object.__setattr__(self, "hs_generic", frozenset(generic - set(hs_specific)))
        prep: dict[str, list[Substance]] = {}
        national: dict[str, list[Substance]] = {}
        for sub in self.substances:
            for ref in sub.hs_preparations:
                prep.setdefault(ref.digits[:6], []).append(sub)
            for ref in sub.national_codes:
                national.setdefault(ref.digits, []).append(sub)
        object.__setattr__(self, "hs_preparation", {k: tuple(v) for k, v in prep.items()})
        object.__setattr__(self, "national_code", {k: tuple(v) for k, v in national.items()})

    def is_known_cas(self, number: str) -> bool:
        return number in self.by_cas or number in self.lookalike_cas


def _add_unique(
    table: dict[str, tuple[Substance, Salt | None]],
    number: str,
    value: tuple[Substance, Salt | None],
    owner: str,
) -> None:
    if number in table:
        raise RegisterError(f"substances.yaml: CAS {number} of {owner} is listed twice")
    table[number] = value
