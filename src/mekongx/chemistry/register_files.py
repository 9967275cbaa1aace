"""Reading the register's YAML files in ``data/`` into a :class:`Register`.

Loading validates the data (unknown source keys, duplicate CAS numbers, bad HS codes) so a bad
edit fails at start-up and in the tests, not in the middle of a screening run.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from mekongx.chemistry.register import (
    DATA_DIR,
    AnalogueRule,
    CodeRef,
    HsCode,
    Keywords,
    Listing,
    Lookalike,
    Physical,
    Place,
    Register,
    RegisterError,
    Salt,
    SaltExclusion,
    Source,
    Substance,
    ThaiName,
    Threshold,
)


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
