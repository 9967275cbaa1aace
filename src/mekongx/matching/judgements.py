"""Analysts' same/not-same decisions, kept as an append-only record the node persists.

A decision is never overwritten: a later decision on the same pair supersedes an earlier one (the
latest wins), ``retract`` records that the pair is open again, and ``history`` shows every step.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from mekongx.matching.explain import Reason
from mekongx.matching.names import parse_name
from mekongx.matching.result import Decision, Match


class Verdict(StrEnum):
    SAME = "same"
    DIFFERENT = "different"
    RETRACTED = "retracted"


@dataclass(frozen=True, slots=True)
class Judgement:
    a: str
    b: str
    verdict: Verdict
    analyst: str
    at: datetime
    note: str = ""

    def as_match(self, stratum: str) -> Match:
        params = {"analyst": self.analyst, "date": self.at.date().isoformat(), "note": self.note}
        if self.verdict is Verdict.SAME:
            return Match(
                1.0, Decision.MATCH, (Reason("analyst_confirmed", params, "for"),), stratum, {}
            )
        return Match(
            0.0, Decision.NO_MATCH, (Reason("analyst_rejected", params, "against"),), stratum, {}
        )


def pair_key(a: str, b: str) -> frozenset[str]:
    return frozenset((a, b))


def name_key(name: str) -> str:
    return "name:" + parse_name(name).text.casefold()


def id_key(record_id: str) -> str:
    return "id:" + record_id


class Judgements:
    """In-memory store of decisions keyed by record ids or normalised names.

    ``load`` / ``records`` let the node persist and restore the log in its own database.
    """

    def __init__(self, records: Iterable[Judgement] = ()) -> None:
        self._log: list[Judgement] = []
        self._latest: dict[frozenset[str], Judgement] = {}
        self.load(records)

    def load(self, records: Iterable[Judgement]) -> None:
        for rec in records:
            self._append(rec)

    def records(self) -> Iterator[Judgement]:
        return iter(self._log)

    def _append(self, rec: Judgement) -> None:
        self._log.append(rec)
        self._latest[pair_key(rec.a, rec.b)] = rec

    def _record(
        self, a: str, b: str, verdict: Verdict, analyst: str, note: str, by_id: bool
    ) -> Judgement:
        if not analyst:
            raise ValueError("analyst: a decision must name the analyst who made it")
        ka, kb = (id_key(a), id_key(b)) if by_id else (name_key(a), name_key(b))
        rec = Judgement(ka, kb, verdict, analyst, datetime.now(UTC), note)
        self._append(rec)
        return rec

    def confirm(
        self, a: str, b: str, analyst: str, note: str = "", *, by_id: bool = False
    ) -> Judgement:
        """Record that ``a`` and ``b`` are the same person (names, or record ids with by_id)."""
        return self._record(a, b, Verdict.SAME, analyst, note, by_id)

    def reject(
        self, a: str, b: str, analyst: str, note: str = "", *, by_id: bool = False
    ) -> Judgement:
        """Record that ``a`` and ``b`` are different people."""
        return self._record(a, b, Verdict.DIFFERENT, analyst, note, by_id)

    def retract(
        self, a: str, b: str, analyst: str, note: str = "", *, by_id: bool = False
    ) -> Judgement:
        """Reopen a pair: matching falls back to the computed score."""
        return self._record(a, b, Verdict.RETRACTED, analyst, note, by_id)

    def history(self, a: str, b: str, *, by_id: bool = False) -> list[Judgement]:
        ka, kb = (id_key(a), id_key(b)) if by_id else (name_key(a), name_key(b))
        key = pair_key(ka, kb)
        return [r for r in self._log if pair_key(r.a, r.b) == key]

    def lookup(
        self, name_a: str, name_b: str, id_a: str | None = None, id_b: str | None = None
    ) -> Judgement | None:
        """The standing decision on a pair: by record ids first, then by names."""
        candidates = []
        if id_a is not None and id_b is not None:
            candidates.append(pair_key(id_key(id_a), id_key(id_b)))
        candidates.append(pair_key(name_key(name_a), name_key(name_b)))
        for key in candidates:
            rec = self._latest.get(key)
            if rec is not None:
                return None if rec.verdict is Verdict.RETRACTED else rec
        return None

    def __len__(self) -> int:
        return len(self._log)
