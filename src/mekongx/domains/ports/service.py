"""Manifest imports, the risk profile of their containers, the day's targeting list and
examinations.

A manifest file is read and every row checked outside any transaction (``manifest.read``);
``import_manifest`` then refuses the whole file if any row is bad or was imported before, and
otherwise stores its lines and the profile of each container in the caller's one transaction.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, func, insert, select, tuple_
from sqlalchemy.orm import Session

from mekongx import uploads
from mekongx.audit import read_recorded, record, record_read
from mekongx.authz import Permission, Principal, require
from mekongx.authz.listing import Page, page_of
from mekongx.domains import mappings as saved_mappings
from mekongx.domains.fugitives import screening as notices
from mekongx.domains.fugitives.schemas import ScreenQuery
from mekongx.domains.ports import manifest
from mekongx.domains.ports import rules as port_rules
from mekongx.domains.ports.manifest import BAD, Line, Reading, party_key
from mekongx.domains.ports.models import (
    PortContainer,
    PortExamination,
    PortHit,
    PortLine,
    PortManifest,
    PortMapping,
    PortRule,
)
from mekongx.domains.ports.profiling import Context, Profile, profile
from mekongx.domains.ports.schemas import MappingInput
from mekongx.domains.precursors.screening import screener_for
from mekongx.errors import FieldProblem, NotFound, ValidationFailed
from mekongx.i18n import N_
from mekongx.model.base import utcnow
from mekongx.tabular import TableError

KIND = "port_manifest"
CONTAINER = "port_container"
_LINE_FIELDS = (
    "row", "line_key", "bill_of_lading", "shipper", "shipper_country", "consignee",
    "consignee_address", "consignee_country", "notify_party", "forwarder", "goods", "hs_code",
    "weight_kg", "packages", "container", "size_type", "seal", "port_of_loading",
    "port_of_transshipment", "port_of_discharge", "vessel", "voyage", "loaded_on", "arrival_on",
)  # fmt: skip


def refusal(reading: Reading) -> ValidationFailed:
    problems = [FieldProblem("file", p.message, p.params) for p in reading.problems]
    if reading.more:
        problems.append(
            FieldProblem("file", N_("… and %(count)s more problems."), {"count": reading.more})
        )
    return ValidationFailed(problems)


def _already(session: Session, lines: Sequence[Line]) -> list[FieldProblem]:
    found: list[FieldProblem] = []
    keys = [line.key for line in lines]
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        stmt = select(PortLine.bill_of_lading, PortLine.container, PortLine.line_key).where(
            tuple_(PortLine.bill_of_lading, PortLine.container, PortLine.line_key).in_(chunk)
        )
        known = {tuple(r) for r in session.execute(stmt)}
        for line in lines[start : start + 500]:
            if line.key in known and len(found) < 200:
                found.append(FieldProblem("file", BAD["imported"], {
                    "row": line.row, "bl": line.bill_of_lading, "container": line.container}))  # fmt: skip
    return found


def notice_lookup(session: Session, principal: Principal) -> Any:
    """Party names against the published notices the user may see (the names engine)."""

    def lookup(name: str) -> list[tuple[str, float]]:
        try:
            query = ScreenQuery(name=name[:300])
        except ValueError:
            return []
        found = notices.screen(session, principal, [query], limit=3)[0]
        return [(r.matched_name, r.probability) for r in found]

    return lookup


SEIZED_PARTIES = 2000  # the parties of the latest seizures a profile compares with


def seized_parties(session: Session) -> list[tuple[str, str]]:
    """(party name, container number) of the containers examined with a seizure, latest first:
    the node's own watch list of parties, kept by its examinations."""
    stmt = (
        select(PortLine.shipper, PortLine.consignee, PortLine.notify_party, PortLine.forwarder,
               PortContainer.number)
        .join(PortContainer, PortContainer.id == PortLine.container_id)
        .join(PortExamination, PortExamination.container_id == PortContainer.id)
        .where(PortExamination.outcome == "seizure")
        .order_by(PortExamination.id.desc())
        .limit(SEIZED_PARTIES)
    )  # fmt: skip
    found: dict[tuple[str, str], None] = {}
    for *names, number in session.execute(stmt):
        for name in names:
            if name:
                found[(name, number)] = None
    return list(found)


def context(session: Session, principal: Principal) -> Context:
    known = set(session.scalars(select(PortLine.consignee_key).distinct()))
    return Context(
        screener=screener_for(session, principal.agency),
        notices=notice_lookup(session, principal),
        known_consignees=known,
        seized_parties=seized_parties(session),
    )


def import_manifest(
    session: Session, principal: Principal, reading: Reading, file_name: str, sha256: str
) -> PortManifest:
    """Store a checked manifest and the risk profile of each of its containers."""
    require(principal, Permission.WRITE_RECORDS)
    if reading.problems:
        raise refusal(reading)
    if not reading.lines:
        raise ValidationFailed([FieldProblem("file", N_("The file holds no manifest lines."))])
    already = _already(session, reading.lines)
    if already:
        raise ValidationFailed(already)
    port_rules.ensure_defaults(session, principal)
    ctx = context(session, principal)
    rules = port_rules.engine_rules(session)
    by_container: dict[str, list[Line]] = defaultdict(list)
    for line in reading.lines:
        by_container[line.container].append(line)
    manifest = PortManifest(agency=principal.agency, file_name=file_name[:255], sha256=sha256,
                            lines=len(reading.lines), containers=len(by_container),
                            imported_by=principal.username)  # fmt: skip
    session.add(manifest)
    session.flush()
    profiles = {n: profile(n, lines, rules, ctx) for n, lines in by_container.items()}
    store(session, manifest, by_container, profiles)
    record(session, principal.actor, "ports.manifest.import", KIND, manifest.uid,
           details={"file": file_name[:255], "sha256": sha256, "lines": manifest.lines,
                    "containers": manifest.containers})  # fmt: skip
    return manifest


def store(session: Session, manifest: PortManifest, by_container: dict[str, list[Line]],
          profiles: dict[str, Profile]) -> None:  # fmt: skip
    numbers = list(by_container)
    session.execute(insert(PortContainer), [
        {"uid": _uid(), "manifest_id": manifest.id, "number": n, "score": profiles[n].score,
         "arrival_on": min(line.arrival_on for line in by_container[n]), "status": "open",
         "profiled_at": utcnow()} for n in numbers])  # fmt: skip
    ids = dict(session.execute(select(PortContainer.number, PortContainer.id)
                               .where(PortContainer.manifest_id == manifest.id)).all())  # fmt: skip
    rows = []
    for number, lines in by_container.items():
        for line in lines:
            values = {name: getattr(line, name) for name in _LINE_FIELDS}
            rows.append(values | {"manifest_id": manifest.id, "container_id": ids[number],
                                  "consignee_key": party_key(line.consignee)})  # fmt: skip
    for start in range(0, len(rows), 2000):
        session.execute(insert(PortLine), rows[start : start + 2000])
    hits = [{"container_id": ids[n], "rule_id": f.rule_id, "points": f.points,
             "reasons": json.dumps(f.reasons, ensure_ascii=False)}
            for n in numbers for f in profiles[n].fired]  # fmt: skip
    for start in range(0, len(hits), 2000):
        session.execute(insert(PortHit), hits[start : start + 2000])


def _uid() -> str:
    from mekongx.model.record import new_uid

    return new_uid()


@dataclass(frozen=True)
class Ranked:
    container: PortContainer
    consignee: str
    goods: str
    port_of_loading: str
    rules: int


def days(session: Session, principal: Principal) -> list[dt.date]:
    require(principal, Permission.READ_RECORDS)
    stmt = select(PortContainer.arrival_on).distinct().order_by(PortContainer.arrival_on.desc())
    return list(session.scalars(stmt.limit(60)))


def targeting(session: Session, principal: Principal, day: dt.date, *, page: int = 1,
              per_page: int = 50, after: int | None = None, before: int | None = None, minimum: int = 1) -> Page[Ranked]:  # fmt: skip
    """One page of the day's containers scoring at least ``minimum``, highest first, its read
    audited (``ranked`` then ``audit_targeting``, in one write transaction)."""
    found = ranked(session, principal, day, page=page, per_page=per_page, after=after, before=before,
                   minimum=minimum)  # fmt: skip
    audit_targeting(session, principal, day, found)
    return found


def audit_targeting(
    session: Session, principal: Principal, day: dt.date, found: Page[Ranked]
) -> None:
    record_read(session, principal.actor, "ports.targeting.read", CONTAINER, day.isoformat(),
                details={"containers": len(found.items), "page": found.page})  # fmt: skip


def ranked(session: Session, principal: Principal, day: dt.date, *, page: int = 1,
           per_page: int = 50, after: int | None = None, before: int | None = None, minimum: int = 1) -> Page[Ranked]:  # fmt: skip
    """One page of the day's containers scoring at least ``minimum``, highest first (the node's
    listing, ``authz.listing.page_of``: by score, then newest; ``after`` is the keyset cursor).
    Reads only: a page reads it in a read transaction and audits it after (``audit_targeting``)
    in a short write, so the writers' queue is not held while the list is read."""
    require(principal, Permission.READ_RECORDS)
    stmt = select(PortContainer).where(PortContainer.arrival_on == day)
    if minimum > 0:  # scores are never negative (weights from 1): no filter to read for 0
        stmt = stmt.where(PortContainer.score >= minimum)
    found = page_of(session, stmt, PortContainer, page=page, per_page=per_page, after=after, before=before,
                    order=(PortContainer.score,))  # fmt: skip
    ids = [c.id for c in found.items]
    first: dict[int, PortLine] = {}
    for line in session.scalars(
        select(PortLine).where(PortLine.container_id.in_(ids)).order_by(PortLine.row)
    ):
        first.setdefault(line.container_id, line)
    counts = dict(session.execute(select(PortHit.container_id, func.count(PortHit.id))
                                  .where(PortHit.container_id.in_(ids)).group_by(PortHit.container_id)).all())  # fmt: skip
    out = []
    for c in found.items:
        top = first.get(c.id)
        out.append(Ranked(c, top.consignee if top else "", top.goods if top else "",
                          top.port_of_loading if top else "", counts.get(c.id, 0)))  # fmt: skip
    return Page(out, found.total, found.page, found.per_page, found.total_exact, found.next_after,
                found.after, found.cursor_lost, found.prev_before, found.before)  # fmt: skip


@dataclass
class Detail:
    container: PortContainer
    lines: list[PortLine]
    hits: list[tuple[PortRule, PortHit]]
    examination: PortExamination | None


_CONTAINER = select(PortContainer).where(PortContainer.id == bindparam("ident"))


def read_container(session: Session, principal: Principal, container_id: int) -> Detail:
    require(principal, Permission.READ_RECORDS)
    container = read_recorded(session, principal.actor, _CONTAINER, {"ident": container_id},
                              "ports.container.read", CONTAINER)  # fmt: skip
    if container is None:
        raise NotFound(N_("No such record."))
    lines = list(session.scalars(select(PortLine).where(PortLine.container_id == container.id)
                                 .order_by(PortLine.row)))  # fmt: skip
    hits = [(rule, hit) for hit, rule in session.execute(
        select(PortHit, PortRule).join(PortRule, PortRule.id == PortHit.rule_id)
        .where(PortHit.container_id == container.id).order_by(PortHit.points.desc()))]  # fmt: skip
    exam = session.scalar(
        select(PortExamination).where(PortExamination.container_id == container.id)
    )
    return Detail(container, lines, hits, exam)


def manifests(session: Session, principal: Principal, *, page: int = 1, per_page: int = 50,
              after: int | None = None, before: int | None = None) -> Page[PortManifest]:  # fmt: skip
    """One page of the imported manifests, newest first (``authz.listing.page_of``)."""
    require(principal, Permission.READ_RECORDS)
    return page_of(session, select(PortManifest), PortManifest, page=page, per_page=per_page,
                   after=after, before=before)  # fmt: skip


def container_lines(session: Session, container_id: int) -> list[PortLine]:
    stmt = select(PortLine).where(PortLine.container_id == container_id).order_by(PortLine.row)
    return list(session.scalars(stmt))


@dataclass(frozen=True)
class Layout:
    """A saved mapping's columns and options, read before the file (no session needed after)."""

    columns: dict[str, str]
    delimiter: str = ""
    date_format: str = ""


def layout(session: Session, mapping_id: int | None) -> Layout:
    if mapping_id is None:
        return Layout({})
    row = saved_mappings.load(session, PortMapping, mapping_id)
    return Layout(row.column_map(), row.delimiter, row.date_format)


def read_file(path: Path, name: str, chosen: Layout, lang: str) -> Reading:
    """Read and check a manifest file (no database; call it before the write transaction)."""
    suffix = Path(name).suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ValidationFailed(
            [FieldProblem("file", N_("Only .csv and .xlsx manifests can be imported."))]
        )
    try:
        return manifest.read(path, suffix[1:], uploads.limits(), chosen.columns,
                             delimiter=chosen.delimiter or None, date_format=chosen.date_format)  # fmt: skip
    except TableError as error:
        raise uploads.refused(error, lang) from None


def mappings(session: Session, principal: Principal) -> list[PortMapping]:
    return saved_mappings.saved(session, principal, PortMapping)


def save_mapping(session: Session, principal: Principal, data: MappingInput) -> PortMapping:
    return saved_mappings.save(session, principal, PortMapping, name=data.name, columns=data.columns,
                               action="ports.mapping.create", delimiter=data.delimiter,
                               date_format=data.date_format)  # fmt: skip
