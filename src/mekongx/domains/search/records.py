"""References to records of any area, by the area's kind and the record's uid, resolved for one
user: the one way another area (a meeting action's evidence, later ones) links to a record.

A reference resolves only when the user may see the record (``authz.visible``); otherwise it
is as if it did not exist, so neither its title nor a count of hidden records leaks. Areas
register their kind in ``mekongx.wiring`` (:data:`KINDS` holds the areas of today)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from mekongx.authz import Principal, visible
from mekongx.domains.finance.models import FinCase
from mekongx.domains.fugitives.models import Notice
from mekongx.domains.fugitives.service import primary_name
from mekongx.domains.intel.models import IntelReport
from mekongx.domains.mekong.models import JointOperation
from mekongx.domains.precursors.models import Incident, Notification
from mekongx.domains.rfi.models import Rfi
from mekongx.domains.seizures.models import Seizure
from mekongx.domains.wbe.models import WbeCampaign
from mekongx.i18n import N_
from mekongx.model.record import SharedRecord


@dataclass(frozen=True)
class RecordKind:
    label: str  # msgid (N_) of the area, e.g. "Intelligence reports"
    model: type[SharedRecord]
    url: str  # the record's page, with ``{id}``
    title: Callable[[Any], str]


@dataclass(frozen=True)
class Reference:
    kind: str
    uid: str
    label: str  # msgid of the area
    title: str
    url: str
    agency: str


_KINDS: dict[str, RecordKind] = {}


def register(kind: str, record_kind: RecordKind) -> None:
    _KINDS[kind] = record_kind


def kinds() -> dict[str, RecordKind]:
    return dict(_KINDS)


def resolve_many(
    session: Session, principal: Principal, refs: Iterable[tuple[str, str]]
) -> dict[tuple[str, str], Reference]:
    """The references among ``refs`` that this user may see, one query per kind."""
    wanted: dict[str, set[str]] = {}
    for kind, uid in refs:
        if kind in _KINDS:
            wanted.setdefault(kind, set()).add(uid)
    found: dict[tuple[str, str], Reference] = {}
    for kind, uids in wanted.items():
        spec = _KINDS[kind]
        stmt = visible(principal, spec.model).where(spec.model.uid.in_(sorted(uids)))
        for row in session.scalars(stmt):
            found[(kind, row.uid)] = Reference(
                kind, row.uid, spec.label, spec.title(row), spec.url.format(id=row.id),
                row.origin_agency,
            )  # fmt: skip
    return found


def resolve(session: Session, principal: Principal, kind: str, uid: str) -> Reference | None:
    return resolve_many(session, principal, [(kind, uid)]).get((kind, uid))


def find(session: Session, principal: Principal, kind: str, ident: str) -> Reference | None:
    """A reference by the record's uid or by the number in its page's address."""
    spec = _KINDS.get(kind)
    if spec is None:
        return None
    if ident.isdigit() and len(ident) < 10:
        uid = session.scalar(
            visible(principal, spec.model)
            .where(spec.model.id == int(ident))
            .with_only_columns(spec.model.uid)
        )
        if uid is None:
            return None
        ident = uid
    return resolve(session, principal, kind, ident)


def _notification_title(row: Notification) -> str:
    return f"{row.reference} · {row.substance_name}"


KINDS: dict[str, RecordKind] = {
    "intel_report": RecordKind(N_("Intelligence reports"), IntelReport, "/reports/{id}", lambda r: r.title),
    "rfi": RecordKind(N_("Requests for information"), Rfi, "/rfi/{id}", lambda r: r.subject),
    "fugitive_notice": RecordKind(N_("Wanted persons"), Notice, "/fugitives/notices/{id}", primary_name),
    "precursor_notification": RecordKind(N_("Pre-export notifications"), Notification,
                                         "/precursors/notifications/{id}", _notification_title),
    "precursor_incident": RecordKind(N_("Precursor incidents"), Incident, "/precursors/incidents/{id}",
                                     lambda r: r.title),
    "wbe_campaign": RecordKind(N_("Wastewater campaigns"), WbeCampaign, "/wbe/campaigns/{id}", lambda r: r.title),
    "fin_case": RecordKind(N_("Financial investigations"), FinCase, "/finance/{id}", lambda r: r.title),
    "mekong_operation": RecordKind(N_("Joint operations and patrols"), JointOperation, "/mekong/{id}",
                                   lambda r: r.name),
    "seizure": RecordKind(N_("Seizures"), Seizure, "/seizures/{id}",
                          lambda r: f"{r.reference} · {r.seized_on.isoformat()} · {r.country}"),
}  # fmt: skip
