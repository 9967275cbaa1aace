"""The controlled-chemicals register: typed view of the YAML files in ``data/``.

Loading validates the data (unknown source keys, duplicate CAS numbers, bad HS codes) so a bad
edit fails at start-up and in the tests, not in the middle of a screening run.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

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
    "load_register",
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


def _strs(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


def _read_yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def _physical(raw: Any) -> Physical | None:
    if not raw:
        return None
    state = str(raw["state"])
    if state not in ("liquid", "solution", "solid"):
        raise ValueError(f"physical state {state!r}")
    points = tuple((float(c), float(d)) for c, d in raw.get("densities") or ())
    value = raw.get("density")
    if state == "liquid" and value is None:
        raise ValueError("a liquid needs its density")
    if state == "solution" and not points:
        raise ValueError("a solution needs densities by concentration")
    return Physical(
        state=state,
        source=str(raw["source"]),
        density=float(value) if value is not None else None,
        densities=points,
        verification=str(raw.get("verification", "S")),
    )


def _substance(raw: Mapping[str, Any]) -> Substance:
    sid = str(raw["id"])
    try:
        hs_raw = raw["hs"]
        return Substance(
            id=sid,
            name=str(raw["name"]),
            role=str(raw["role"]),
            families=_strs(raw.get("families")),
            cas=raw.get("cas") or None,
            en=_strs(raw.get("en")),
            abbr=_strs(raw.get("abbr")),
            zh=_strs(raw.get("zh")),
            th=tuple(
                ThaiName(str(t["name"]), str(t["origin"]), str(t.get("source") or "COMPOSED"))
                for t in raw.get("th") or ()
            ),
            salts=tuple(
                Salt(
                    name=str(s["name"]),
                    cas=s.get("cas") or None,
                    source=str(s["source"]),
                    verification=str(s.get("verification", "S")),
                    note=str(s.get("note", "")),
                    aliases=_strs(s.get("aliases")),
                )
                for s in raw.get("salts") or ()
            ),
            hs=HsCode(str(hs_raw["code"]), str(hs_raw["specificity"]), str(hs_raw["source"])),
            listings=tuple(
                Listing(
                    list=str(item["list"]),
                    source=str(item["source"]),
                    since=str(item.get("since", "")),
                    note=str(item.get("note", "")),
                    verification=str(item.get("verification", "S")),
                    basis=str(item.get("basis", "")),
                )
                for item in raw.get("listings") or ()
            ),
            thresholds=tuple(
                Threshold(
                    jurisdiction=str(t["jurisdiction"]),
                    activity=str(t["activity"]),
                    quantity=float(t["quantity"]),
                    unit=str(t["unit"]),
                    source=str(t["source"]),
                    verification=str(t.get("verification", "S")),
                )
                for t in raw.get("thresholds") or ()
            ),
            uses=str(raw.get("uses", "")),
            lookalikes=_strs(raw.get("lookalikes")),
            sources=_strs(raw.get("sources")),
            verification=str(raw.get("verification", "bg")),
            group=str(raw.get("group", "")),
            hs_preparations=tuple(
                CodeRef(str(c["code"]), str(c["source"])) for c in raw.get("hs_preparations") or ()
            ),
            national_codes=tuple(
                CodeRef(str(c["code"]), str(c["source"]), str(c.get("country", "")))
                for c in raw.get("national_codes") or ()
            ),
            physical=_physical(raw.get("physical")),
            salts_excluded=(
                SaltExclusion(
                    str(raw["salts_excluded"]["source"]), str(raw["salts_excluded"].get("note", ""))
                )
                if raw.get("salts_excluded")
                else None
            ),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise RegisterError(f"substances.yaml: entry {sid!r} is malformed: {exc}") from exc


def _check_sources(register: Register) -> None:
    known = set(register.sources)

    def need(key: str, where: str) -> None:
        if key not in known:
            raise RegisterError(f"{where}: unknown source key {key!r}")

    for sub in register.substances:
        where = f"substances.yaml:{sub.id}"
        if not sub.sources:
            raise RegisterError(f"{where}: no sources")
        for key in sub.sources:
            need(key, where)
        need(sub.hs.source, where)
        for listing in sub.listings:
            need(listing.source, where)
        for salt in sub.salts:
            need(salt.source, where)
        for thai in sub.th:
            need(thai.source, where)
        for threshold in sub.thresholds:
            need(threshold.source, where)
        for ref in (*sub.hs_preparations, *sub.national_codes):
            need(ref.source, where)
        if sub.salts_excluded is not None:
            need(sub.salts_excluded.source, where)
        if sub.physical is not None:
            need(sub.physical.source, where)
        if sub.hs.specificity not in ("specific", "generic"):
            raise RegisterError(f"{where}: hs specificity must be specific or generic")
    for item in register.lookalikes:
        for key in item.sources:
            need(key, f"lookalikes.yaml:{item.id}")
    for place in register.places:
        for key in place.sources:
            need(key, f"places.yaml:{place.id}")
    for rule in register.keywords.analogues:
        for listing in rule.listings:
            need(listing.source, f"keywords.yaml:{rule.id}")


def _keywords(raw: Mapping[str, Any]) -> Keywords:
    def by_lang(name: str) -> dict[str, tuple[str, ...]]:
        return {lang: _strs(words) for lang, words in (raw.get(name) or {}).items()}

    return Keywords(
        forwarder=by_lang("forwarder"),
        preparation=by_lang("preparation"),
        vague=by_lang("vague"),
        filler=by_lang("filler"),
        salt_after=by_lang("salt_after"),
        salt_before=by_lang("salt_before"),
        modifier_after=frozenset(_strs(raw.get("modifier_after"))),
        modifier_before=frozenset(_strs(raw.get("modifier_before"))),
        zh_fused=frozenset(str(raw.get("zh_fused", ""))),
        protected_words=frozenset(_strs(raw.get("protected_words"))),
        substituent_before=frozenset(_strs(raw.get("substituent_before"))),
        salt_metals_zh=str(raw.get("salt_metals_zh", "")),
        analogues=tuple(
            AnalogueRule(
                id=str(a["id"]),
                label=str(a["label"]),
                gate=_strs(a.get("gate")),
                markers=_strs(a.get("markers")),
                exclude=_strs(a.get("exclude")),
                parents=_strs(a.get("parents")),
                ester=_strs(a.get("ester")),
                listings=tuple(
                    Listing(
                        list=str(item["list"]),
                        source=str(item["source"]),
                        since=str(item.get("since", "")),
                        note=str(item.get("note", "")),
                        verification=str(item.get("verification", "S")),
                    )
                    for item in a.get("listings") or ()
                ),
            )
            for a in raw.get("analogues") or ()
        ),
    )


def load_register(data_dir: Path | None = None) -> Register:
    """Load and validate the register (cached for the packaged data directory)."""
    if data_dir is None:
        return _load_default()
    return _load(data_dir)


@functools.lru_cache(maxsize=1)
def _load_default() -> Register:
    return _load(DATA_DIR)


def _load(data_dir: Path) -> Register:
    sources_raw: Mapping[str, Mapping[str, Any]] = _read_yaml(data_dir / "sources.yaml")
    sources = {
        key: Source(
            key=key,
            title=str(v["title"]),
            publisher=str(v["publisher"]),
            date=str(v["date"]),
            url=str(v.get("url", "")),
            reliability=str(v["reliability"]),
            note=str(v.get("note", "")),
        )
        for key, v in sources_raw.items()
    }
    subs_raw: Sequence[Mapping[str, Any]] = _read_yaml(data_dir / "substances.yaml")
    looks_raw: Sequence[Mapping[str, Any]] = _read_yaml(data_dir / "lookalikes.yaml")
    places_raw: Sequence[Mapping[str, Any]] = _read_yaml(data_dir / "places.yaml")
    register = Register(
        substances=tuple(_substance(raw) for raw in subs_raw),
        lookalikes=tuple(
            Lookalike(
                id=str(r["id"]),
                resembles=str(r.get("resembles", "")),
                cas=r.get("cas") or None,
                en=_strs(r.get("en")),
                zh=_strs(r.get("zh")),
                th=_strs(r.get("th")),
                note=str(r.get("note", "")),
                sources=_strs(r.get("sources")),
                verification=str(r.get("verification", "bg")),
            )
            for r in looks_raw
        ),
        places=tuple(
            Place(
                id=str(r["id"]),
                country=str(r["country"]),
                kind=str(r["kind"]),
                weight=int(r["weight"]),
                en=_strs(r.get("en")),
                th=_strs(r.get("th")),
                zh=_strs(r.get("zh")),
                sources=_strs(r.get("sources")),
                verification=str(r.get("verification", "bg")),
            )
            for r in places_raw
        ),
        sources=sources,
        keywords=_keywords(_read_yaml(data_dir / "keywords.yaml")),
    )
    ids = [s.id for s in register.substances]
    if len(ids) != len(set(ids)):
        raise RegisterError("substances.yaml: duplicate ids")
    _check_sources(register)
    return register
