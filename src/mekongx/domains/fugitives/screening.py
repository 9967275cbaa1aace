"""Screening people against the notices this node holds, and the hit workflow.

**The name index.** Each process keeps one ``mekongx.matching.Index`` of the names (primary
names and aliases, every script) of all *published* notices in its database, own and received,
with each notice's evidence (birth date, sex, nationality, document numbers). It is rebuilt
lazily: every change that affects the notices names bumps the single row of
``fugitive_index_version`` (a counter and a random stamp) in the same transaction; before each
screening the process reads that row (one primary-key lookup) and rebuilds its index when the
(counter, stamp) pair differs from the one it was built at. A committed change is therefore seen
by the next screening in every process; the random stamp also catches a database that was
restored or emptied and counted up again to the same number.

**Visibility.** The index holds every published notice of the node; each search asks the
database which of the notices it found the user may see (a probe of those uids only, inside
the visibility query) and drops the others, so a notice is never a hit for a user outside its
distribution.

**Big files.** A file is read and checked completely first (a bad cell stops everything and
nothing is stored). The checked rows are stored with the run, and the run is then processed in
chunks of ``CHUNK`` rows, each chunk in its own transaction that adds its hits and advances the
``done`` counter; the web page polls the run with htmx until it is ``done``. The web layer runs
this after sending its response (a background task); the API and single-name screening process
their rows at once.

**Decisions.** An officer confirms or rejects each hit. The decision is stored on the hit, and
as an analyst's judgement (``fugitive_judgements``) that is loaded into the engine's
``Judgements`` for later screenings: a rejected pair stops coming back, a confirmed one is
certain. A confirmed hit on a received notice alerts the issuing agency over the exchange.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from sqlalchemy import Row, Select, bindparam, select
from sqlalchemy.orm import Session

from mekongx.audit import record
from mekongx.authz import Permission, Principal, require
from mekongx.authz.listing import Page, count_of, page_of
from mekongx.domains.fugitives import exchange
from mekongx.domains.fugitives.models import (
    HitAlert,
    IndexVersion,
    NameJudgement,
    Notice,
    ScreeningHit,
    ScreeningRun,
)
from mekongx.domains.fugitives.schemas import HitDecision, ScreenQuery
from mekongx.domains.fugitives.service import (
    documents_of,
    names_of,
    notice_shown,
    visible_notices,
)
from mekongx.errors import Conflict, NotFound
from mekongx.i18n import N_
from mekongx.matching import LANGUAGES as MATCH_LANGUAGES
from mekongx.matching import Decision, Evidence, Index, Judgement, Judgements, Verdict, render
from mekongx.model.base import utcnow
from mekongx.model.record import new_uid

CHUNK = 200
KIND = "fugitive_screening"


@dataclass
class _Built:
    stamp: tuple[int, str]
    index: Index
    notices: dict[str, int]  # uid -> local id


_CACHE: dict[str, _Built] = {}
_LOCK = threading.Lock()


@dataclass(frozen=True)
class Result:
    """One notice that may match a screened person."""

    notice_uid: str
    notice_id: int
    matched_name: str
    probability: float
    decision: str
    reasons: list[dict[str, Any]] = field(default_factory=list)

    def explain(self, lang: str) -> list[tuple[str, str]]:
        return explain(self.reasons, lang)


def explain(reasons: Sequence[dict[str, Any]], lang: str) -> list[tuple[str, str]]:
    """(effect, sentence) in the user's language."""
    lang = lang if lang in MATCH_LANGUAGES else "en"
    return [(r["effect"], render(r["code"], lang, r["params"])) for r in reasons]


def _evidence(birth: str, sex: str, nationality: str, documents: Sequence[str]) -> Evidence:
    return Evidence(
        birth or None, sex or None, nationality or None, tuple(d for d in documents if d)
    )


def _key(session: Session) -> str:
    return session.get_bind().engine.url.render_as_string(hide_password=True)


def index_for(session: Session) -> _Built:
    """This process's index of published notices, rebuilt if the notices changed."""
    row = session.get(IndexVersion, 1)
    stamp = (row.version, row.stamp) if row is not None else (0, "")
    key = _key(session)
    with _LOCK:
        built = _CACHE.get(key)
        if built is not None and built.stamp == stamp:
            return built
        index = Index(candidates=40)
        notices: dict[str, int] = {}
        for notice in session.scalars(select(Notice).where(Notice.status == "published")):
            evidence = _evidence(
                notice.birth_date,
                notice.sex,
                notice.nationality,
                [d.get("number", "") for d in documents_of(notice)],
            )
            for position, name in enumerate(names_of(notice)):
                index.add(name["name"], id=f"{notice.uid}#{position}", evidence=evidence)
            notices[notice.uid] = notice.id
        built = _Built(stamp, index, notices)
        _CACHE[key] = built
        return built


def judgements(session: Session) -> Judgements:
    rows = session.scalars(select(NameJudgement).order_by(NameJudgement.id))
    return Judgements(
        Judgement(r.key_a, r.key_b, Verdict(r.verdict), r.analyst, r.at, r.note) for r in rows
    )


def screen(
    session: Session, principal: Principal, queries: Sequence[ScreenQuery], *, limit: int = 10
) -> list[list[Result]]:
    """For each person, the visible published notices that may be them, most probable first.
    The index finds the candidates; which of them the user may see is decided in the database
    for those candidates only (it read the uid of every visible notice on every search)."""
    require(principal, Permission.READ_RECORDS)
    built = index_for(session)
    known = judgements(session)
    found = []
    for query in queries:
        evidence = _evidence(query.birth_date, "", query.nationality, [query.document_number])
        hits = built.index.search(query.name, limit=50, evidence=evidence, judgements=known, explain=True)  # fmt: skip
        found.append([h for h in hits if h.decision is not Decision.NO_MATCH])
    allowed = _shown_among(session, principal, {h.id.rsplit("#", 1)[0] for hits in found for h in hits})  # fmt: skip
    out: list[list[Result]] = []
    for hits in found:
        best: dict[str, Result] = {}
        for hit in hits:
            uid = hit.id.rsplit("#", 1)[0]
            if uid not in allowed:
                continue
            if uid in best and best[uid].probability >= hit.probability:
                continue
            reasons = [
                {"code": r.code, "params": dict(r.params), "effect": r.effect}
                for r in (hit.match.explanation if hit.match else ())
            ]
            best[uid] = Result(uid, built.notices[uid], hit.name, hit.probability,
                               hit.decision.value, reasons)  # fmt: skip
        ranked = sorted(best.values(), key=lambda r: (-r.probability, r.notice_uid))
        out.append(ranked[:limit])
    return out


def _shown_among(session: Session, principal: Principal, uids: set[str]) -> set[str]:
    """Which of the notices ``uids`` are published and visible to the user: probed by uid in
    the database, 500 at a time."""
    stmt = _published_uids(visible_notices(principal))
    shown: set[str] = set()
    ordered = sorted(uids)
    for start in range(0, len(ordered), 500):
        shown.update(session.scalars(stmt, {"uids": ordered[start : start + 500]}))
    return shown


@lru_cache(maxsize=1024)
def _published_uids(visible: Select[Any]) -> Select[Any]:
    # built once per agency's query (the same object on every request)
    shown = visible.with_only_columns(Notice.uid).where(Notice.status == "published")
    return shown.where(Notice.uid.in_(bindparam("uids", expanding=True)))


# --- runs --------------------------------------------------------------------------------


def _store_hits(
    session: Session, run: ScreeningRun, rows: Sequence[tuple[int, ScreenQuery]],
    results: Sequence[list[Result]],
) -> int:  # fmt: skip
    count = 0
    for (row, query), found in zip(rows, results, strict=True):
        for result in found:
            session.add(
                ScreeningHit(
                    screening_id=run.id,
                    row=row,
                    query_name=query.name,
                    query_birth_date=query.birth_date,
                    query_nationality=query.nationality,
                    query_document=query.document_number,
                    notice_uid=result.notice_uid,
                    matched_name=result.matched_name,
                    probability=result.probability,
                    decision=result.decision,
                    reasons=json.dumps(result.reasons, ensure_ascii=False),
                )
            )
            count += 1
    return count


def screen_now(
    session: Session,
    principal: Principal,
    queries: Sequence[ScreenQuery],
    source: str,
    file_name: str = "",
) -> tuple[ScreeningRun, list[list[Result]]]:
    """Screen at once (one name, an API batch): the run, its hits and the results."""
    require(principal, Permission.READ_RECORDS)
    results = screen(session, principal, queries)
    run = ScreeningRun(agency=principal.agency, user_id=principal.user_id,
                       username=principal.username, source=source, file_name=file_name[:300],
                       status="done", total=len(queries), done=len(queries),
                       finished_at=utcnow())  # fmt: skip
    session.add(run)
    session.flush()
    rows = [(number, q) for number, q in enumerate(queries, start=1)]
    run.hits = _store_hits(session, run, rows, results)
    record(session, principal.actor, "fugitives.screen", KIND, run.id,
           details={"source": source, "people": len(queries), "hits": run.hits})  # fmt: skip
    return run, results


def start_file(
    session: Session, principal: Principal, file_name: str, people: list[dict[str, Any]]
) -> ScreeningRun:
    """Store a checked file's rows as a run to be processed in chunks (``process_chunk``)."""
    require(principal, Permission.READ_RECORDS)
    run = ScreeningRun(agency=principal.agency, user_id=principal.user_id,
                       username=principal.username, source="file", file_name=file_name[:300],
                       status="running", total=len(people),
                       rows=json.dumps(people, ensure_ascii=False))  # fmt: skip
    session.add(run)
    session.flush()
    record(session, principal.actor, "fugitives.screen", KIND, run.id,
           details={"source": "file", "file": file_name[:300], "people": len(people)})  # fmt: skip
    return run


def process_chunk(session: Session, principal: Principal, run_id: int) -> bool:
    """Screen the next ``CHUNK`` rows of a file run; True when the run is finished."""
    run = session.get(ScreeningRun, run_id, with_for_update=True)
    if run is None or run.status != "running":
        return True
    people = json.loads(run.rows)
    part = people[run.done : run.done + CHUNK]
    queries = [
        (int(p["row"]), ScreenQuery.model_validate({k: v for k, v in p.items() if k != "row"}))
        for p in part
    ]
    results = screen(session, principal, [q for _, q in queries])
    run.hits += _store_hits(session, run, queries, results)
    run.done += len(part)
    if run.done >= run.total:
        run.status, run.finished_at, run.rows = "done", utcnow(), "[]"
        return True
    return False


def get_run(session: Session, principal: Principal, run_id: int) -> ScreeningRun:
    run = session.get(ScreeningRun, run_id)
    if run is None or run.agency != principal.agency:
        raise NotFound(N_("No such record."))
    require(principal, Permission.READ_RECORDS)
    return run


def list_runs(session: Session, principal: Principal, *, page: int = 1, per_page: int = 30,
              after: int | None = None, before: int | None = None) -> Page[ScreeningRun]:  # fmt: skip
    """One page of the agency's screening runs, newest first (``authz.listing``)."""
    require(principal, Permission.READ_RECORDS)
    return page_of(session, _runs(principal.agency), ScreeningRun, page=page, per_page=per_page,
                   after=after, before=before)  # fmt: skip


@lru_cache(maxsize=1024)
def _runs(agency: str) -> Select[ScreeningRun]:
    # built once per agency, as ``authz.visible``: the page's statements are derived once
    return select(ScreeningRun).where(ScreeningRun.agency == agency)


HIT_COLUMNS = (
    ScreeningHit.id, ScreeningHit.screening_id, ScreeningHit.row, ScreeningHit.query_name,
    ScreeningHit.query_birth_date, ScreeningHit.notice_uid, ScreeningHit.matched_name,
    ScreeningHit.probability, ScreeningHit.decision, ScreeningHit.reasons, ScreeningHit.status,
    ScreeningHit.decided_by,
)  # fmt: skip
"""What a list of hits shows of each hit (a run's page, the review queue, the home page's
tasks); with :func:`notice_columns` its notice's."""


def notice_columns(visible: Select[Any], uid: Any, *names: str) -> tuple[Any, ...]:
    """The columns ``names`` of the notice whose uid is the column ``uid`` (a hit's, an
    alert's), read in the list's own statement: one correlated probe per column through
    ``visible`` (the user's notices), labelled ``notice_<name>`` and NULL for a notice the user
    may not see. Where a separate statement read the page's notices by their uids (one more
    round trip per list: 1-2 ms of the node's CPU on PostgreSQL)."""
    return _notice_columns(visible, uid, names)


@lru_cache(maxsize=1024)
def _notice_columns(visible: Select[Any], uid: Any, names: tuple[str, ...]) -> tuple[Any, ...]:
    # built once per agency's query, so a page's statement is the same object on every request
    probe = visible.order_by(None).where(Notice.uid == uid)
    return tuple(
        probe.with_only_columns(getattr(Notice, name)).scalar_subquery().label(f"notice_{name}")
        for name in names
    )


HIT_NOTICE = ("id", "origin_agency", "warrant_reference", "language")


def hits_of(session: Session, principal: Principal, run_id: int) -> list[Row[Any]]:
    """The hits of one run on notices the user may see, by the file's row: rows of
    ``HIT_COLUMNS`` and their notice's ``HIT_NOTICE``."""
    run = get_run(session, principal, run_id)
    notice = notice_columns(visible_notices(principal), ScreeningHit.notice_uid, *HIT_NOTICE)
    stmt = (
        select(*HIT_COLUMNS, *notice)
        .where(ScreeningHit.screening_id == run.id)
        .where(notice_shown(ScreeningHit.notice_uid, principal.agency))
        .order_by(ScreeningHit.row, ScreeningHit.probability.desc())
    )
    return list(session.execute(stmt))


def open_hits(session: Session, principal: Principal, *, page: int = 1, per_page: int = 50,
              after: int | None = None, before: int | None = None) -> Page[Any]:  # fmt: skip
    """The review queue: one page of the undecided hits of the user's agency on notices the
    user may see, most probable first (``authz.listing``): rows of ``HIT_COLUMNS`` and their
    notice's ``HIT_NOTICE``."""
    require(principal, Permission.READ_RECORDS)
    notice = notice_columns(visible_notices(principal), ScreeningHit.notice_uid, *HIT_NOTICE)
    return page_of(session, _open(principal.agency), ScreeningHit, page=page, per_page=per_page,
                   after=after, before=before, order=(ScreeningHit.probability,), columns=(*HIT_COLUMNS, *notice))  # fmt: skip


@lru_cache(maxsize=1024)
def _open(agency: str) -> Select[ScreeningHit]:
    return (
        select(ScreeningHit)
        .join(ScreeningRun, ScreeningRun.id == ScreeningHit.screening_id)
        .where(ScreeningRun.agency == agency, ScreeningHit.status == "open")
        .where(notice_shown(ScreeningHit.notice_uid, agency))
    )


def count_open(session: Session, principal: Principal) -> int:
    """How many hits wait in the review queue (exact up to ``authz.listing``'s bound,
    estimated beyond)."""
    require(principal, Permission.READ_RECORDS)
    return count_of(session, _open(principal.agency), ScreeningHit)[0]


def notices_by_uid(session: Session, principal: Principal, uids: set[str]) -> dict[str, Notice]:
    if not uids:
        return {}
    stmt = visible_notices(principal).where(Notice.uid.in_(sorted(uids)))
    return {n.uid: n for n in session.scalars(stmt)}


def decide(session: Session, principal: Principal, hit_id: int, data: HitDecision) -> ScreeningHit:
    """The officer's decision on one hit: stored, fed to the engine, and a confirmed hit alerts
    the issuing agency (over the exchange when the notice came from a peer)."""
    require(principal, Permission.WRITE_RECORDS)
    hit = session.get(ScreeningHit, hit_id, with_for_update=True)
    run = session.get(ScreeningRun, hit.screening_id) if hit is not None else None
    if hit is None or run is None or run.agency != principal.agency:
        raise NotFound(N_("No such record."))
    notice = notices_by_uid(session, principal, {hit.notice_uid}).get(hit.notice_uid)
    if notice is None:
        raise NotFound(N_("No such record."))
    if hit.status != "open":
        raise Conflict(N_("This hit has been decided already."))
    hit.status, hit.decided_by, hit.decided_at, hit.note = (
        data.verdict,
        principal.username,
        utcnow(),
        data.note,
    )
    book = Judgements()
    # The decision is about the person and the notice: it covers every name the notice gives.
    for known in {hit.matched_name, *(n["name"] for n in names_of(notice))}:
        if data.verdict == "confirmed":
            made = book.confirm(hit.query_name, known, principal.username, data.note)
        else:
            made = book.reject(hit.query_name, known, principal.username, data.note)
        session.add(NameJudgement(key_a=made.a, key_b=made.b, verdict=made.verdict.value,
                                  analyst=made.analyst, at=made.at, note=made.note))  # fmt: skip
    record(session, principal.actor, f"fugitives.hit.{data.verdict}", KIND, hit.id,
           why=data.note, details={"notice": notice.uid, "probability": round(hit.probability, 4)})  # fmt: skip
    if data.verdict == "confirmed":
        alert = {
            "uid": new_uid(),
            "notice_uid": notice.uid,
            "officer": f"{principal.display_name} ({principal.agency})",
            "query_name": hit.query_name,
            "query_birth_date": hit.query_birth_date,
            "query_nationality": hit.query_nationality,
            "query_document": hit.query_document,
            "source": run.file_name or run.source,
            "probability": round(hit.probability, 4),
            "note": data.note,
            "note_language": principal.language,
            "note_translations": (
                {notice.language: data.note_translation}
                if data.note_translation and notice.language != principal.language
                else {}
            ),
            "confirmed_at": utcnow().isoformat(),
        }
        if notice.received:
            exchange.send_hit(session, principal, notice, alert)
        else:
            session.add(HitAlert(**{**alert, "from_agency": principal.agency,
                                    "note_translations": json.dumps(alert["note_translations"], ensure_ascii=False),
                                    "confirmed_at": utcnow()}))  # fmt: skip
    return hit


ALERT_COLUMNS = (
    HitAlert.id, HitAlert.notice_uid, HitAlert.from_agency, HitAlert.officer, HitAlert.query_name,
    HitAlert.query_document, HitAlert.source, HitAlert.note, HitAlert.note_language,
    HitAlert.note_translations, HitAlert.confirmed_at,
)  # fmt: skip


def alerts(session: Session, principal: Principal, *, page: int = 1, per_page: int = 50,
           after: int | None = None, before: int | None = None) -> Page[Any]:  # fmt: skip
    """One page of the confirmed hits on the notices of the user's agency, newest first
    (``authz.listing``): rows of ``ALERT_COLUMNS`` and their notice's id and warrant
    reference (``notice_id``, ``notice_warrant_reference``)."""
    require(principal, Permission.READ_RECORDS)
    notice = notice_columns(visible_notices(principal), HitAlert.notice_uid, "id", "warrant_reference")  # fmt: skip
    return page_of(session, _alerts(principal.agency), HitAlert, page=page, per_page=per_page,
                   after=after, before=before, columns=(*ALERT_COLUMNS, *notice))  # fmt: skip


@lru_cache(maxsize=1024)
def _alerts(agency: str) -> Select[HitAlert]:
    # a probe of each alert's notice by its uid (row by row, as ``notice_shown``): SQLite
    # built the set of the agency's every notice for ``IN (SELECT ...)`` on each page (22 ms
    # of CPU at 20,000 notices)
    own = (
        select(Notice.id)
        .where(Notice.uid == HitAlert.notice_uid, Notice.origin_agency == agency)
        .where(Notice.received.is_(False))
        .exists()
    )
    return select(HitAlert).where(own)


def alerts_for(session: Session, principal: Principal, notice: Notice) -> list[HitAlert]:
    if notice.received or notice.origin_agency != principal.agency:
        return []
    stmt = select(HitAlert).where(HitAlert.notice_uid == notice.uid).order_by(HitAlert.id.desc())
    return list(session.scalars(stmt))
