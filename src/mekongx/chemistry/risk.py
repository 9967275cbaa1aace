"""Transparent additive risk score for a screened declaration line.

Each reason is a ``Reason(code, weight, params)``; the score is the sum of the weights and the
reasons render in English, Thai or Chinese (``messages.py``). Weights are defaults an agency can
override through ``RiskContext.weights``. Bands: ``hold`` >= 70, ``check`` >= 40, else ``note``.

Quantity-out-of-scale heuristic (documented, deliberately simple): the consignee's business is
guessed from words in its name (pharmacy/clinic, laboratory, manufacturer, otherwise trader) and
each class has an upper quantity expected for one line (``BUSINESS_LIMIT_KG``). When the caller
supplies ``typical_kg`` (the consignee's usual quantity from its history) the limit is three times
that instead. Volumes are converted with the substance's density (and the concentration written in
the description for a solution); a volume of a substance without a recorded density is not judged.
The PEN records and known consignees are read from files by ``risk_files.py``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from mekongx.chemistry.declarations import DeclarationLine
from mekongx.chemistry.index import Term, TermIndex
from mekongx.chemistry.matcher import LineMatch, SubstanceMatch
from mekongx.chemistry.register import AnalogueRule, Place, Register, Substance
from mekongx.chemistry.text import dense, fold, latin_tokens
from mekongx.chemistry.wording import reason_text

__all__ = [
    "BUSINESS_LIMIT_KG",
    "DEFAULT_WEIGHTS",
    "PenRecord",
    "Reason",
    "RiskContext",
    "RiskScorer",
    "band",
    "normalise_party",
]

DEFAULT_WEIGHTS: dict[str, int] = {
    "TABLE_I": 40,
    "TABLE_II": 20,
    "NATIONAL_LIST": 15,
    "WATCH_LIST": 10,
    "MATCH_CAS_REPAIRED": 10,
    "CAS_INVALID": 10,
    "HS_MISMATCH": 10,
    "HS_GENERIC_VAGUE": 10,
    "QUANTITY_OUT_OF_SCALE": 15,
    "NEW_CONSIGNEE": 10,
    "FORWARDER_CONSIGNEE": 10,
    "PEN_MISSING": 30,
    "PEN_QUANTITY_EXCEEDED": 20,
    "PEN_CONSIGNEE_MISMATCH": 20,
    "PEN_DESTINATION_MISMATCH": 15,
    "POSSIBLE_ANALOGUE": 25,
}

BUSINESS_LIMIT_KG = {
    "pharmacy": 25.0,
    "laboratory": 50.0,
    "trader": 20_000.0,
    "manufacturer": 500_000.0,
}
_BUSINESS_WORDS: dict[str, tuple[str, ...]] = {
    "pharmacy": (
        "pharmacy",
        "drugstore",
        "drug store",
        "clinic",
        "hospital",
        "ร้านขายยา",
        "คลินิก",
        "โรงพยาบาล",
        "药店",
        "药房",
        "诊所",
        "医院",
    ),
    "laboratory": (
        "university",
        "laboratory",
        "laboratories",
        "lab",
        "institute",
        "research",
        "มหาวิทยาลัย",
        "ห้องปฏิบัติการ",
        "สถาบัน",
        "大学",
        "研究所",
        "研究院",
        "实验室",
    ),
    "manufacturer": (
        "factory",
        "manufacturing",
        "manufacturer",
        "industries",
        "industry",
        "industrial",
        "plant",
        "pharmaceutical",
        "pharma",
        "paint",
        "paints",
        "coatings",
        "chemical",
        "chemicals",
        "petrochemical",
        "โรงงาน",
        "อุตสาหกรรม",
        "工厂",
        "制药",
        "化工",
        "涂料",
        "石化",
    ),
}
_ROUTE_FIELDS = ("port_of_discharge", "final_destination", "consignee")
_PEN_TABLES = ("I",)
_CACHE_LIMIT = 50_000


class Reason(NamedTuple):
    """One explained contribution to a score (a named tuple: cheap to pickle between workers)."""

    code: str
    weight: int
    params: tuple[tuple[str, str], ...] = ()

    def message(self, lang: str = "en") -> str:
        return reason_text(self.code, dict(self.params), lang)


def _reason(code: str, weight: int, **params: object) -> Reason:
    return Reason(code, weight, tuple((k, str(v)) for k, v in params.items()))


@dataclass(frozen=True, slots=True)
class PenRecord:
    """A pre-export notification: substance is a register id or a CAS RN."""

    pen_id: str
    substance: str
    consignee: str
    quantity_kg: float
    destination_country: str = ""


@dataclass(frozen=True)
class RiskContext:
    """Optional knowledge the scorer uses. ``None`` means "not known": no reason is raised."""

    known_consignees: frozenset[str] | None = None
    pen_records: tuple[PenRecord, ...] | None = None
    typical_kg: Mapping[str, float] | None = None
    weights: Mapping[str, int] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))


def normalise_party(name: str) -> str:
    """Company names compared case- and punctuation-insensitively."""
    folded = fold(name)
    return " ".join(latin_tokens(folded)) if folded.isascii() else dense(folded)


def band(score: int) -> str:
    return "hold" if score >= 70 else "check" if score >= 40 else "note"


class RiskScorer:
    def __init__(self, register: Register, context: RiskContext | None = None) -> None:
        self.register = register
        self.context = context or RiskContext()
        self.weights = {**DEFAULT_WEIGHTS, **self.context.weights}
        self.places: dict[str, Place] = {p.id: p for p in register.places}
        # classes listed as a whole ("... and its esters"), by the group id their members carry
        self.listed_classes: dict[str, AnalogueRule] = {
            rule.id: rule for rule in register.keywords.analogues if rule.national_lists
        }
        self.place_index = TermIndex(
            Term("place", p.id, lang, name)
            for p in register.places
            for lang, names in (("en", p.en), ("th", p.th), ("zh", p.zh))
            for name in names
        )
        kw = register.keywords.forwarder
        self.forwarder_single = frozenset(w for w in kw.get("en", ()) if " " not in w)
        self.forwarder_multi = tuple(w for w in kw.get("en", ()) if " " in w)
        self.forwarder_dense = tuple(kw.get("th", ()) + kw.get("zh", ()))
        self.known = (
            frozenset(normalise_party(c) for c in self.context.known_consignees)
            if self.context.known_consignees is not None
            else None
        )
        self.pens: dict[str, list[PenRecord]] = {}
        for pen in self.context.pen_records or ():
            self.pens.setdefault(pen.substance, []).append(pen)
        self._place_cache: dict[str, list[Place]] = {}
        self._forwarder_cache: dict[str, str] = {}
        self._business_cache: dict[str, str] = {}
        self.typical = (
            {normalise_party(k): v for k, v in self.context.typical_kg.items()}
            if self.context.typical_kg
            else {}
        )

    # ------------------------------------------------------------------ line-level reasons
    def line_reasons(self, line: DeclarationLine, lm: LineMatch) -> list[Reason]:
        reasons: list[Reason] = []
        w = self.weights
        seen_places: set[str] = set()
        for field_name in _ROUTE_FIELDS:
            value = getattr(line, field_name)
            if not value:
                continue
            for place in self._places_in(value):
                if place.id not in seen_places:
                    seen_places.add(place.id)
                    name = place.en[0].title() if place.en else place.id
                    reasons.append(
                        _reason(
                            "ROUTE_BORDER_AREA",
                            place.weight,
                            field=field_name,
                            place=name,
                            country=place.country,
                        )
                    )
        if line.consignee:
            keyword = self._forwarder_keyword(line.consignee)
            if keyword:
                reasons.append(
                    _reason(
                        "FORWARDER_CONSIGNEE",
                        w["FORWARDER_CONSIGNEE"],
                        consignee=line.consignee,
                        keyword=keyword,
                    )
                )
            if self.known is not None and normalise_party(line.consignee) not in self.known:
                reasons.append(
                    _reason("NEW_CONSIGNEE", w["NEW_CONSIGNEE"], consignee=line.consignee)
                )
        if lm.hs_generic and lm.vague:
            reasons.append(_reason("HS_GENERIC_VAGUE", w["HS_GENERIC_VAGUE"], hs=line.hs_code))
        for number in lm.invalid_cas:
            reasons.append(_reason("CAS_INVALID", w["CAS_INVALID"], cas=number))
        return reasons

    def _places_in(self, value: str) -> list[Place]:
        # Ports, destinations and consignees repeat across lines: remember the answer.
        cached = self._place_cache.get(value)
        if cached is None:
            if len(self._place_cache) > _CACHE_LIMIT:
                self._place_cache.clear()
            cached = self._place_cache[value] = self._find_places(value)
        return cached

    def _find_places(self, value: str) -> list[Place]:
        folded = fold(value)
        found: list[Place] = []
        for hit in self.place_index.scan_tokens(latin_tokens(folded)):
            found.append(self.places[hit.terms[0].ref])
        if not folded.isascii():
            for dhit in self.place_index.scan_dense(dense(folded)):
                found.append(self.places[dhit.terms[0].ref])
        return found

    def _forwarder_keyword(self, consignee: str) -> str:
        cached = self._forwarder_cache.get(consignee)
        if cached is None:
            if len(self._forwarder_cache) > _CACHE_LIMIT:
                self._forwarder_cache.clear()
            cached = self._forwarder_cache[consignee] = self._find_forwarder(consignee)
        return cached

    def _find_forwarder(self, consignee: str) -> str:
        folded = fold(consignee)
        tokens = set(latin_tokens(folded))
        for word in self.forwarder_single:
            if word in tokens:
                return word
        for phrase in self.forwarder_multi:
            if phrase in folded:
                return phrase
        if not folded.isascii():
            squeezed = dense(folded)
            for word in self.forwarder_dense:
                if word in squeezed:
                    return word
        return ""

    def analogue_reason(self, label: str) -> Reason:
        return _reason("POSSIBLE_ANALOGUE", self.weights["POSSIBLE_ANALOGUE"], label=label)

    def class_reasons(self, rule: AnalogueRule) -> list[Reason]:
        """The national listings of a whole class ("... and its esters") the line falls in."""
        return [
            _reason(
                "CLASS_LISTING",
                self.weights["NATIONAL_LIST"],
                label=rule.label,
                list=listing.list,
                since=listing.since or "-",
            )
            for listing in rule.listings
            if listing.list.startswith(("CN-", "TH-"))
        ]

    # ------------------------------------------------------------------ substance reasons
    def substance_reasons(self, line: DeclarationLine, sm: SubstanceMatch) -> list[Reason]:
        w = self.weights
        sub = sm.substance
        name = sub.name
        reasons: list[Reason] = []
        for ev in sorted(sm.evidence, key=lambda e: e.kind):
            if ev.kind == "cas":
                reasons.append(_reason("MATCH_CAS", 0, cas=ev.text, substance=name))
            elif ev.kind == "cas_salt":
                reasons.append(
                    _reason("MATCH_CAS_SALT", 0, cas=ev.text, salt=sm.salt, substance=name)
                )
            elif ev.kind == "cas_repaired":
                reasons.append(
                    _reason(
                        "MATCH_CAS_REPAIRED",
                        w["MATCH_CAS_REPAIRED"],
                        cas=ev.text,
                        repaired=ev.term,
                        substance=name,
                    )
                )
            elif ev.kind == "name":
                reasons.append(
                    _reason("MATCH_NAME", 0, substance=name, text=ev.text, language=ev.lang)
                )
            elif ev.kind == "abbreviation":
                reasons.append(_reason("MATCH_ABBREVIATION", 0, substance=name, text=ev.text))
            elif ev.kind == "fuzzy":
                reasons.append(
                    _reason(
                        "MATCH_FUZZY",
                        0,
                        substance=name,
                        text=ev.text,
                        term=ev.term,
                        score=round(ev.score),
                    )
                )
            elif ev.kind == "hs_specific":
                reasons.append(_reason("MATCH_HS_SPECIFIC", 0, hs=ev.text, substance=name))
        if sm.salt:
            reasons.append(_reason("MATCH_SALT", 0, salt=sm.salt))
        if sm.preparation:
            reasons.append(_reason("MATCH_PREPARATION", 0, substance=name, strength=sm.strength))
        table = sub.table
        if table == "I":
            reasons.append(_reason("TABLE_I", w["TABLE_I"], substance=name))
        elif table == "II":
            reasons.append(_reason("TABLE_II", w["TABLE_II"], substance=name))
        national = sub.national_lists
        if national:
            weight = w["NATIONAL_LIST"] if table in ("national", "watch") else 0
            reasons.append(
                _reason("NATIONAL_LIST", weight, substance=name, lists=", ".join(national))
            )
        if table == "watch":
            reasons.append(_reason("WATCH_LIST", w["WATCH_LIST"], substance=name))
        family = self.listed_classes.get(sub.group)
        if family is not None and table in ("national", "watch"):
            # A named member of a class listed as a whole (EAPA in "3-oxo-2-phenylbutanoic acid
            # and its esters") never scores below an unregistered member of the same class,
            # which carries the possible-analogue weight on top of the class listing.
            reasons.append(
                _reason(
                    "CLASS_MEMBER",
                    w["POSSIBLE_ANALOGUE"],
                    substance=name,
                    label=family.label,
                    lists=", ".join(family.national_lists),
                )
            )
        hs6 = "".join(ch for ch in line.hs_code if ch.isdigit())[:6]
        if (
            len(hs6) == 6
            and hs6[:2] in ("28", "29")
            and sub.hs.specificity == "specific"
            and hs6 != sub.hs.code6
            and not sm.preparation
        ):
            reasons.append(
                _reason(
                    "HS_MISMATCH",
                    w["HS_MISMATCH"],
                    hs=line.hs_code,
                    substance=name,
                    expected=sub.hs.code,
                )
            )
        reasons.extend(self._quantity(line, sub))
        if self.context.pen_records is not None and table in _PEN_TABLES:
            reasons.extend(self._pen(line, sm))
        return reasons

    def _quantity(self, line: DeclarationLine, sub: Substance) -> list[Reason]:
        converted = line.quantity_for(sub)
        kg = converted.kg if converted is not None else None
        if kg is None:
            return []
        party = normalise_party(line.consignee)
        typical = self.typical.get(party)
        if typical is not None:
            business, limit = "history", 3.0 * typical
        else:
            business = self._business(line.consignee)
            limit = BUSINESS_LIMIT_KG[business]
        if kg <= limit:
            return []
        return [
            _reason(
                "QUANTITY_OUT_OF_SCALE",
                self.weights["QUANTITY_OUT_OF_SCALE"],
                quantity_kg=f"{kg:,.0f}",
                limit_kg=f"{limit:,.0f}",
                business=business,
            )
        ]

    def _business(self, consignee: str) -> str:
        cached = self._business_cache.get(consignee)
        if cached is None:
            if len(self._business_cache) > _CACHE_LIMIT:
                self._business_cache.clear()
            cached = self._business_cache[consignee] = _classify_business(consignee)
        return cached

    def _pen(self, line: DeclarationLine, sm: SubstanceMatch) -> list[Reason]:
        sub = sm.substance
        pens: Sequence[PenRecord] = self.pens.get(sub.id, []) + (
            self.pens.get(sub.cas, []) if sub.cas else []
        )
        if not pens:
            return [_reason("PEN_MISSING", self.weights["PEN_MISSING"], substance=sub.name)]
        party = normalise_party(line.consignee)
        same = [p for p in pens if normalise_party(p.consignee) == party]
        if not same:
            pen = pens[0]
            return [
                _reason(
                    "PEN_CONSIGNEE_MISMATCH",
                    self.weights["PEN_CONSIGNEE_MISMATCH"],
                    pen=pen.pen_id,
                    pen_consignee=pen.consignee,
                    consignee=line.consignee,
                )
            ]
        reasons: list[Reason] = []
        pen = max(same, key=lambda p: p.quantity_kg)
        converted = line.quantity_for(sub)
        kg = converted.kg if converted is not None else None
        if kg is not None and kg > pen.quantity_kg:
            reasons.append(
                _reason(
                    "PEN_QUANTITY_EXCEEDED",
                    self.weights["PEN_QUANTITY_EXCEEDED"],
                    quantity_kg=f"{kg:,.0f}",
                    pen_kg=f"{pen.quantity_kg:,.0f}",
                    pen=pen.pen_id,
                )
            )
        if (
            pen.destination_country
            and line.consignee_country
            and fold(pen.destination_country) != fold(line.consignee_country)
        ):
            reasons.append(
                _reason(
                    "PEN_DESTINATION_MISMATCH",
                    self.weights["PEN_DESTINATION_MISMATCH"],
                    pen=pen.pen_id,
                    pen_country=pen.destination_country,
                    country=line.consignee_country,
                )
            )
        return reasons


def _classify_business(consignee: str) -> str:
    """Guess the consignee's business from words in its name (see the module docstring)."""
    folded = fold(consignee)
    tokens = set(latin_tokens(folded))
    squeezed = dense(folded)
    for business in ("pharmacy", "laboratory", "manufacturer"):
        for word in _BUSINESS_WORDS[business]:
            if (word.isascii() and (word in tokens or (" " in word and word in folded))) or (
                not word.isascii() and word in squeezed
            ):
                return business
    return "trader"
