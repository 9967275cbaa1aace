"""The risk profile of containers (pure: no database). Each rule is data (a kind the profiler
knows, its values, a number and a weight); a rule that fires on a container gives it its weight
in points once, with the reasons that made it fire, so every score explains itself.

Goods are screened with the precursor engine (``mekongx.chemistry``: names, CAS numbers, HS
codes, with its look-alike guards: acetone-free nail polish is not acetone); parties with the
names engine through a lookup the caller supplies (the node's published notices) and against
names a rule lists; the party history is the set of consignees seen on earlier manifests.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from mekongx.chemistry import DeclarationLine, Screener
from mekongx.domains.ports import routes
from mekongx.domains.ports.manifest import Line, party_key
from mekongx.domains.ports.reference import Stowage, ports, stowage
from mekongx.i18n import N_
from mekongx.matching import score as name_score

# kind -> (what its values are, what its number is, the number's default)
KINDS: dict[str, tuple[str, str, float | None]] = {
    "precursor_goods": ("", N_("lowest precursor engine score (0-100)"), 40),
    "hs_codes": (N_("HS code prefixes"), "", None),
    "notice_party": ("", N_("lowest name probability (0-1)"), 0.85),
    "listed_party": (N_("names of parties of concern"), N_("lowest name probability (0-1)"), 0.85),
    "first_seen_consignee": ("", "", None),
    "forwarder_consignee": (N_("words that name a freight forwarder"), "", None),
    "residential_address": (N_("words of a residential address"), "", None),
    "consignee_country": (
        N_("allowed corridors, as discharge:consignee countries (TH:LA)"),
        "",
        None,
    ),
    "transshipment_hub": (N_("UN/LOCODEs of the hubs"), "", None),
    "route_deviation": ("", "", None),
    "route_detour": ("", N_("most times the direct sailing distance (2 = twice)"), 2.0),
    "seized_party": ("", N_("lowest name probability (0-1)"), 0.85),
    "dwell_time": ("", N_("most days between loading and arrival"), 30),
    "weight_density": ("", N_("tolerance above the most the goods can weigh (0.15 = 15%)"), 0.15),
}
KIND_LABELS = {
    "precursor_goods": N_("Goods may be a precursor chemical"),
    "hs_codes": N_("HS code of concern"),
    "notice_party": N_("Party named in a wanted-person notice"),
    "listed_party": N_("Party of concern"),
    "first_seen_consignee": N_("Consignee never seen before"),
    "forwarder_consignee": N_("Freight forwarder as consignee"),
    "residential_address": N_("Residential consignee address"),
    "consignee_country": N_("Consignee country differs from the port's"),
    "transshipment_hub": N_("Transshipped at a hub of concern"),
    "route_deviation": N_("Loaded outside the shipper's country"),
    "route_detour": N_("Transshipped far off the way"),
    "seized_party": N_("Party of an earlier seizure"),
    "dwell_time": N_("Long time between loading and arrival"),
    "weight_density": N_("Heavier than the declared goods can be"),
}
REASONS = {
    "precursor": N_("%(goods)s may be %(substance)s (precursor engine score %(score)s)."),
    "hs": N_("HS code %(hs)s begins with %(prefix)s, a code of concern."),
    "notice": N_("The %(role)s %(name)s may be %(matched)s, named in a wanted-person notice (name probability %(probability)s)."),
    "listed": N_("The %(role)s %(name)s resembles %(listed)s, a party of concern (name probability %(probability)s)."),
    "first_seen": N_("The consignee %(name)s is on no earlier manifest."),
    "forwarder": N_("The consignee %(name)s is a freight forwarder (%(word)s), not the buyer of the goods."),
    "residential": N_("The consignee's address looks residential (%(word)s)."),
    "country": N_("The consignee is in %(country)s but the goods are discharged in %(port_country)s."),
    "hub": N_("Transshipped at %(port)s, a hub this rule names."),
    "deviation": N_("The shipper is in %(country)s but the goods were loaded at %(port)s in %(port_country)s."),
    "deviation_gateway": N_("The shipper is in %(country)s, which ships through the ports of %(gateways)s, but the goods were loaded at %(port)s in %(port_country)s."),
    "detour": N_("Transshipped at %(hub)s: %(via)s km by sea from %(loading)s to %(discharge)s through it, %(ratio)s times the direct %(direct)s km (this rule allows %(max)s)."),
    "seized": N_("The %(role)s %(name)s resembles %(seized)s, a party of container %(container)s in which a seizure was made (name probability %(probability)s)."),
    "payload": N_("%(weight)s kg declared in a %(size)s container: more than it may carry (about %(most)s kg, %(source)s)."),
    "dwell": N_("%(days)s days between loading and arrival (this rule allows %(max)s)."),
    "density": N_("%(weight)s kg declared of %(goods)s: a %(size)s container holds at most about %(most)s kg of such goods (stowage factor %(factor)s m³/t, %(source)s)."),
}  # fmt: skip
ROLES = {"shipper": N_("shipper"), "consignee": N_("consignee"), "notify_party": N_("notify party"),
         "forwarder": N_("freight forwarder")}  # fmt: skip


@dataclass(frozen=True)
class Rule:
    id: int
    kind: str
    weight: int
    values: tuple[str, ...] = ()
    number: float | None = None

    @property
    def threshold(self) -> float:
        default = KINDS[self.kind][2]
        return float(self.number if self.number is not None else default or 0)


@dataclass
class Fired:
    rule_id: int
    points: int
    reasons: list[dict[str, Any]]


@dataclass
class Profile:
    number: str
    score: int = 0
    fired: list[Fired] = field(default_factory=list)


NoticeLookup = Callable[[str], list[tuple[str, float]]]  # name -> [(matched name, probability)]


@dataclass
class Context:
    screener: Screener
    notices: NoticeLookup = lambda name: []
    known_consignees: set[str] = field(default_factory=set)
    seized_parties: list[tuple[str, str]] = field(default_factory=list)  # (name, container)
    stowage: Stowage = field(default_factory=stowage)
    _goods: dict[tuple[str, str], list[tuple[str, str, int]]] = field(default_factory=dict)
    _names: dict[str, list[tuple[str, float]]] = field(default_factory=dict)
    _similar: dict[tuple[str, str], float] = field(default_factory=dict)

    def precursors(self, line: Line) -> list[tuple[str, str, int]]:
        """(substance id, name, score) the engine finds in the line's goods and HS code."""
        key = (line.goods, line.hs_code)
        if key not in self._goods:
            found = self.screener.screen_line(
                DeclarationLine(row=line.row, declaration_id=line.bill_of_lading, line_no=1,
                                hs_code=line.hs_code, description=line.goods)
            )  # fmt: skip
            self._goods[key] = [(r.substance_id, r.substance, r.score) for r in found]
        return self._goods[key]

    def notice_matches(self, name: str) -> list[tuple[str, float]]:
        if name not in self._names:
            self._names[name] = self.notices(name)
        return self._names[name]

    def similarity(self, name: str, other: str) -> float:
        """The names engine's probability that two party names name the same party (cached:
        a manifest repeats its parties on many lines)."""
        key = (name, other)
        if key not in self._similar:
            mine, theirs = _bare(name), _bare(other)
            same = mine == theirs and bool(mine)
            self._similar[key] = (
                1.0 if same else name_score(mine or name, theirs or other).probability
            )
        return self._similar[key]


# Legal forms a company name carries or drops from one document to the next (Thai บริษัท ... จำกัด
# (มหาชน), Chinese 有限公司), besides the Latin ones party_key drops.
_LEGAL_FORMS = re.compile(r"บริษัท|จำกัด|มหาชน|ห้างหุ้นส่วน|有限责任公司|股份有限公司|有限公司|集团")


def _bare(name: str) -> str:
    """A party's name without case, punctuation or legal form, for the names engine."""
    return party_key(_LEGAL_FORMS.sub(" ", name))


def _reason(code: str, **params: Any) -> dict[str, Any]:
    return {"code": code, "params": {k: str(v) for k, v in params.items()}}


def _word(text: str, words: Iterable[str]) -> str | None:
    folded = text.casefold()
    return next((w for w in words if w and w.casefold() in folded), None)


def _parties(line: Line) -> list[tuple[str, str]]:
    return [(role, getattr(line, role)) for role in ROLES if getattr(line, role)]


def _line_reasons(rule: Rule, line: Line, ctx: Context) -> list[dict[str, Any]]:
    kind = rule.kind
    if kind == "precursor_goods":
        return [_reason("precursor", goods=line.goods[:80], substance=name, score=score, substance_id=sid)
                for sid, name, score in ctx.precursors(line) if score >= rule.threshold]  # fmt: skip
    if kind == "hs_codes":
        prefix = next((p for p in rule.values if line.hs_code.startswith(p.replace(".", ""))), None)
        return [_reason("hs", hs=line.hs_code, prefix=prefix)] if line.hs_code and prefix else []
    if kind == "notice_party":
        return [_reason("notice", role=role, name=name, matched=matched, probability=f"{p:.2f}")
                for role, name in _parties(line)
                for matched, p in ctx.notice_matches(name) if p >= rule.threshold]  # fmt: skip
    if kind == "listed_party":
        return [_reason("listed", role=role, name=name, listed=listed, probability=f"{p:.2f}")
                for role, name in _parties(line) for listed in rule.values
                if (p := ctx.similarity(name, listed)) >= rule.threshold]  # fmt: skip
    if kind == "seized_party":
        return [_reason("seized", role=role, name=name, seized=seized, container=number,
                        probability=f"{p:.2f}")
                for role, name in _parties(line) for seized, number in ctx.seized_parties
                if number != line.container and (p := ctx.similarity(name, seized)) >= rule.threshold]  # fmt: skip
    if kind == "first_seen_consignee":
        return (
            []
            if party_key(line.consignee) in ctx.known_consignees
            else [_reason("first_seen", name=line.consignee)]
        )
    if kind == "forwarder_consignee":
        word = _word(line.consignee, rule.values)
        same = line.forwarder and party_key(line.forwarder) == party_key(line.consignee)
        return (
            [_reason("forwarder", name=line.consignee, word=word or line.forwarder)]
            if word or same
            else []
        )
    if kind == "residential_address":
        word = _word(line.consignee_address, rule.values)
        return [_reason("residential", word=word)] if word else []
    if kind == "consignee_country":
        port_country = line.port_of_discharge[:2]
        allowed = {v.upper() for v in rule.values}
        country = line.consignee_country
        if country and country != port_country and f"{port_country}:{country}" not in allowed:
            return [_reason("country", country=country, port_country=port_country)]
        return []
    if kind == "transshipment_hub":
        hub = line.port_of_transshipment
        return (
            [_reason("hub", port=f"{hub} {_port_name(hub)}")] if hub and hub in rule.values else []
        )
    if kind == "route_deviation":
        return _deviation(line)
    if kind == "route_detour" and line.port_of_transshipment:
        found = routes.detour(
            line.port_of_loading, line.port_of_transshipment, line.port_of_discharge
        )
        if found is None or found.ratio <= rule.threshold:
            return []
        return [_reason("detour", hub=f"{line.port_of_transshipment} {_port_name(line.port_of_transshipment)}",
                        loading=line.port_of_loading, discharge=line.port_of_discharge,
                        via=f"{found.via_km:,.0f}", direct=f"{found.direct_km:,.0f}",
                        ratio=f"{found.ratio:.1f}", max=f"{rule.threshold:g}")]  # fmt: skip
    if kind == "dwell_time" and line.loaded_on is not None:
        days = (line.arrival_on - line.loaded_on).days
        return (
            [_reason("dwell", days=days, max=int(rule.threshold))] if days > rule.threshold else []
        )
    return []


def _deviation(line: Line) -> list[dict[str, Any]]:
    """The shipper's country is not the port of loading's, and not one whose ports the
    shipper's (landlocked) country normally ships through (``routes.gateways``)."""
    port_country = line.port_of_loading[:2]
    country = line.shipper_country
    if not country or country == port_country:
        return []
    through = routes.gateways(country)
    if port_country in through:
        return []
    if through:
        return [_reason("deviation_gateway", country=country, gateways=", ".join(sorted(through)),
                        port=line.port_of_loading, port_country=port_country)]  # fmt: skip
    return [_reason("deviation", country=country, port=line.port_of_loading,
                    port_country=port_country)]  # fmt: skip


def _port_name(code: str) -> str:
    port = ports().get(code)
    return f"({port.name})" if port else ""


def _density(rule: Rule, lines: Sequence[Line], ctx: Context) -> list[dict[str, Any]]:
    """The container's declared weight against the most it can hold: the most its goods could
    weigh in its volume when every line's goods have a known stowage factor, and in any case the
    most the container may carry (its payload). Goods of uneven density (machinery, furniture,
    mixed cargo) have no published factor, so only the payload bounds them."""
    size, volume = ctx.stowage.volume(lines[0].size_type)
    weight = sum(line.weight_kg for line in lines)
    label = _VOLUME_LABELS.get(size, size)
    payload = ctx.stowage.payloads.get(size)
    known = [ctx.stowage.goods_of(line.goods, line.hs_code) for line in lines]
    goods = [g for g in known if g is not None]
    if goods and len(goods) == len(known):
        densest = min(goods, key=lambda g: g.stowage)
        most = volume / densest.stowage * 1000
        if payload is None or most < payload[0]:
            if weight <= most * (1 + rule.threshold):
                return []
            return [_reason("density", weight=f"{weight:,.0f}", goods=lines[0].goods[:80], size=label,
                            most=f"{most:,.0f}", factor=f"{densest.stowage:g}", source=densest.source)]  # fmt: skip
    if payload is None or weight <= payload[0] * (1 + rule.threshold):
        return []
    return [_reason("payload", weight=f"{weight:,.0f}", size=label, most=f"{payload[0]:,.0f}",
                    source=payload[1])]  # fmt: skip


_VOLUME_LABELS = {"22": "20 ft", "42": "40 ft", "45": "40 ft HC"}


def profile(number: str, lines: Sequence[Line], rules: Sequence[Rule], ctx: Context) -> Profile:
    """The container's score and the rules that made it (each rule counted once)."""
    result = Profile(number)
    for rule in rules:
        if rule.kind == "weight_density":
            reasons = _density(rule, lines, ctx)
        else:
            reasons = [r for line in lines for r in _line_reasons(rule, line, ctx)]
        if reasons:
            unique = list({repr(r): r for r in reasons}.values())[:10]
            result.fired.append(Fired(rule.id, rule.weight, unique))
            result.score += rule.weight
    return result
