"""Wanted-person notices: drafting, review by a second person, publication by a liaison officer,
withdrawal, photos. Every function takes the acting user, writes its audit row and any outbox
envelope in the caller's transaction, and leaves the commit to the caller's unit of work.

State machine (who may do what)::

    draft ──review (WRITE_RECORDS, not the drafter)──▶ reviewed ──publish (RELEASE_RECORDS)──▶ published
      ▲                                                  │                                        │
      └────────────── edit (WRITE_RECORDS) ──────────────┘                                        │
    draft | reviewed | published ──withdraw (RELEASE_RECORDS)──▶ withdrawn ◀───────────────────────┘

Editing a reviewed notice sends it back to draft (it needs a fresh review); a published notice is
never edited (withdraw it and issue a new one), so every holder keeps exactly what was published.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy import ColumnElement, Select, or_, select
from sqlalchemy.orm import Session

from mekongx.audit import record
from mekongx.authz import Permission, Principal, access, read_audited, require, visibility_clause
from mekongx.authz.listing import Page, page_of
from mekongx.authz.sharing import check_distribution, set_recipients
from mekongx.domains.fugitives import exchange, fulltext
from mekongx.domains.fugitives.models import Notice, NoticePhoto
from mekongx.domains.fugitives.names_index import bump_index
from mekongx.domains.fugitives.photos import MAX_PHOTO_BYTES, photo_type
from mekongx.domains.fugitives.schemas import NoticeInput
from mekongx.domains.review import service as review
from mekongx.errors import Conflict, FieldProblem, NotFound, ValidationFailed
from mekongx.i18n import N_
from mekongx.model.base import utcnow
from mekongx.model.record import RecordRecipient

KIND = "fugitive_notice"
PUBLIC_STATES = ("published", "withdrawn")
TRANSITIONS: dict[str, tuple[tuple[str, ...], str, Permission]] = {
    # action: (from states, to state, permission)
    "review": (("draft",), "reviewed", Permission.WRITE_RECORDS),
    "publish": (("reviewed",), "published", Permission.RELEASE_RECORDS),
    "withdraw": (("draft", "reviewed", "published"), "withdrawn", Permission.RELEASE_RECORDS),
}


def names_of(notice: Notice) -> list[dict[str, str]]:
    found: list[dict[str, str]] = json.loads(notice.names or "[]")
    return found


def documents_of(notice: Notice) -> list[dict[str, str]]:
    found: list[dict[str, str]] = json.loads(notice.documents or "[]")
    return found


def primary_name(notice: Notice) -> str:
    names = names_of(notice)
    return names[0]["name"] if names else ""


def visible_notices(principal: Principal) -> Any:
    """Notices the user may see: by distribution, and another agency's only once published."""
    require(principal, Permission.READ_RECORDS)
    return _visible_notices(principal.agency)


@lru_cache(maxsize=1024)
def _visible_notices(agency: str) -> Any:
    # built once per agency, like ``authz.visible``'s query: the list's page and count
    # statements are then derived once too (``authz.listing``), not on every request
    return select(Notice).where(visibility_clause(Notice, agency)).where(_shown(agency))


@lru_cache(maxsize=1024)
def _shown(agency: str) -> Any:
    """Of the notices ``agency`` holds, what its users may open: its own, and another
    agency's once published (built once per agency: ``read_audited`` keeps its statement per
    condition)."""
    return or_(Notice.origin_agency == agency, Notice.status.in_(PUBLIC_STATES))


@lru_cache(maxsize=1024)
def notice_shown(uid: Any, agency: str) -> ColumnElement[bool]:
    """SQL condition: the notice whose uid is the column ``uid`` (a screening hit's) is one the
    agency's users may see; a probe of the notice by its uid, row by row, so that no row
    about a hidden notice is loaded, checked in Python or counted."""
    notice: Select[Any] = _visible_notices(agency).with_only_columns(Notice.id).order_by(None)
    return notice.where(Notice.uid == uid).exists()


def load(
    session: Session, principal: Principal, notice_id: int | str, action: str = "read"
) -> Notice:
    notice = access(session, principal, Notice, notice_id, action, for_update=action != "read")  # type: ignore[arg-type]
    if notice.origin_agency != principal.agency and notice.status not in PUBLIC_STATES:
        raise NotFound(N_("No such record."))
    return notice


def _check_distribution(session: Session, principal: Principal, data: NoticeInput) -> None:
    problems = check_distribution(session, principal, data, release=False)
    if problems:
        raise ValidationFailed(problems)


def _apply(session: Session, notice: Notice, data: NoticeInput) -> None:
    notice.names = json.dumps([n.model_dump() for n in data.names], ensure_ascii=False)
    notice.documents = json.dumps([d.model_dump() for d in data.documents], ensure_ascii=False)
    for name in (
        "sex", "birth_date", "nationality", "warrant_reference", "warrant_authority",
        "warrant_date", "charges", "legal_provisions", "remarks", "language", "handling_code",
        "handling_note",
    ):  # fmt: skip
        setattr(notice, name, getattr(data, name))
    session.flush()
    set_recipients(session, notice, data)
    fulltext.index(session, notice)


def create_notice(session: Session, principal: Principal, data: NoticeInput) -> Notice:
    """An analyst (or liaison officer) drafts a notice; nobody else sees it until published."""
    require(principal, Permission.WRITE_RECORDS)
    _check_distribution(session, principal, data)
    notice = Notice(
        origin_agency=principal.agency,
        author_id=principal.user_id,
        author_name=principal.display_name,
        drafted_by=principal.username,
        status="draft",
        language=data.language,
        names="[]",
        warrant_reference="",
        warrant_authority="",
        charges="",
    )
    session.add(notice)
    session.flush()
    _apply(session, notice, data)
    record(session, principal.actor, "fugitives.notice.create", KIND, notice.uid,
           details={"distribution": data.distribution, "handling": data.handling_code})  # fmt: skip
    _ask_review(session, principal, notice)
    return notice


def _title(notice: Notice) -> str:
    return f"{primary_name(notice)} — {notice.warrant_reference}"


def _ask_review(session: Session, principal: Principal, notice: Notice) -> None:
    """A drafted or edited notice waits for a second person's review (shared mechanism)."""
    review.submit(session, principal, kind=KIND, record_uid=notice.uid, record_id=notice.id,
                  step="review", title=_title(notice), author=notice.drafted_by,
                  editor=principal.username)  # fmt: skip


def may_approve(session: Session, principal: Principal, notice: Notice) -> bool:
    """Is the user neither the notice's drafter nor its last editor (the four-eyes rule)?"""
    waiting = review.pending(session, KIND, notice.uid)
    author, editor = (waiting.author, waiting.editor) if waiting else (notice.drafted_by,) * 2
    return principal.username not in (author, editor)


def _four_eyes(session: Session, principal: Principal, notice: Notice, step: str) -> None:
    """Reviewer and publisher are neither the drafter nor the last editor (one rule, in
    :mod:`mekongx.domains.review`); the publication then waits for its own decision."""
    approved = review.approve(session, principal, kind=KIND, record_uid=notice.uid, step=step,
                              fallback={"author": notice.drafted_by, "editor": notice.drafted_by,
                                        "title": _title(notice), "record_id": str(notice.id)})  # fmt: skip
    if step == "review":
        review.submit(session, principal, kind=KIND, record_uid=notice.uid, record_id=notice.id,
                      step="publish", title=_title(notice), author=approved.author,
                      editor=approved.editor)  # fmt: skip


def update_notice(
    session: Session, principal: Principal, notice_id: int, data: NoticeInput
) -> Notice:
    notice = load(session, principal, notice_id, "write")
    if notice.status not in ("draft", "reviewed"):
        raise Conflict(N_("Only a draft or a reviewed notice can be edited."))
    if data.expected_version is not None and data.expected_version != notice.version:
        raise Conflict(
            N_("Someone else changed this notice (now version %(version)s). Reload and try again."),
            version=notice.version,
        )
    _check_distribution(session, principal, data)
    _apply(session, notice, data)
    previous = notice.status
    notice.status, notice.reviewed_by = "draft", ""
    notice.version += 1
    notice.updated_at = utcnow()
    record(session, principal.actor, "fugitives.notice.update", KIND, notice.uid,
           details={"version": notice.version, "was": previous})  # fmt: skip
    _ask_review(session, principal, notice)
    return notice


def transition(
    session: Session, principal: Principal, notice_id: int, action: str, note: str = ""
) -> Notice:
    """Move a notice along the state machine (``review``, ``publish``, ``withdraw``)."""
    if action not in TRANSITIONS:
        raise NotFound(N_("No such record."))
    sources, target, permission = TRANSITIONS[action]
    require(principal, permission)
    notice = load(session, principal, notice_id, "write")
    if notice.status not in sources:
        raise Conflict(
            N_("A notice in state “%(state)s” cannot be moved that way."), state=notice.status
        )
    if action in ("review", "publish"):
        _four_eyes(session, principal, notice, action)
    if action == "withdraw" and not note.strip():
        raise ValidationFailed([FieldProblem("reason", N_("Say why the notice is withdrawn."))])
    if len(note) > 2000:
        raise ValidationFailed([FieldProblem("reason", N_("Must be at most %(max_length)s characters."), {"max_length": 2000})])  # fmt: skip
    was = notice.status
    notice.status = target
    notice.updated_at = utcnow()
    if action == "review":
        notice.reviewed_by = principal.username
    elif action == "publish":
        notice.published_by, notice.published_at = principal.username, utcnow()
    else:
        notice.status_note = note.strip()
        review.close(session, KIND, notice.uid)
    record(session, principal.actor, f"fugitives.notice.{action}", KIND, notice.uid,
           why=note.strip(), details={"from": was, "to": target})  # fmt: skip
    if action == "publish":
        exchange.publish(session, principal, notice)
        bump_index(session)
    elif action == "withdraw" and was == "published":
        exchange.withdraw(session, principal, notice)
        bump_index(session)
    return notice


def read_notice(session: Session, principal: Principal, notice_id: int | str) -> Notice:
    """Open one notice. Reads of wanted-person records are audited."""
    return read_audited(session, principal, Notice, notice_id, "fugitives.notice.read", KIND,
                        also=_shown(principal.agency))  # fmt: skip


def list_notices(
    session: Session,
    principal: Principal,
    *,
    status: str = "",
    page: int = 1,
    per_page: int = 50,
    after: int | None = None,
    before: int | None = None,
    columns: Sequence[Any] = (),
) -> Page[Any]:
    """One page of the notices the user may see, newest first (``authz.listing``); with
    ``columns``, rows of those columns instead of notices."""
    stmt = visible_notices(principal)
    if status:
        stmt = stmt.where(Notice.status == status)
    return page_of(session, stmt, Notice, page=page, per_page=per_page, after=after, before=before,
                   columns=columns)  # fmt: skip


def recipients_of(session: Session, notice: Notice) -> list[str]:
    stmt = select(RecordRecipient.agency_code).where(RecordRecipient.record_uid == notice.uid)
    return sorted(session.scalars(stmt))


# --- photos ------------------------------------------------------------------------------


def set_photo(session: Session, principal: Principal, notice_id: int, content: bytes) -> Notice:
    notice = load(session, principal, notice_id, "write")
    if notice.status not in ("draft", "reviewed"):
        raise Conflict(N_("Only a draft or a reviewed notice can be edited."))
    if not content:
        raise ValidationFailed([FieldProblem("photo", N_("Choose a photo to upload."))])
    if len(content) > MAX_PHOTO_BYTES:
        raise ValidationFailed([FieldProblem("photo", N_("The photo is larger than %(mb)s MB."), {"mb": MAX_PHOTO_BYTES // (1024 * 1024)})])  # fmt: skip
    media = photo_type(content)
    if media is None:
        raise ValidationFailed(
            [FieldProblem("photo", N_("The photo must be a JPEG or PNG image."))]
        )
    existing = session.get(NoticePhoto, notice.id)
    if existing is None:
        session.add(NoticePhoto(notice_id=notice.id, media_type=media, content=content))
    else:
        existing.media_type, existing.content, existing.uploaded_at = media, content, utcnow()
    notice.photo_type = media
    notice.updated_at = utcnow()
    record(session, principal.actor, "fugitives.notice.photo", KIND, notice.uid,
           details={"type": media, "bytes": len(content)})  # fmt: skip
    return notice


def get_photo(session: Session, principal: Principal, notice_id: int) -> NoticePhoto:
    notice = load(session, principal, notice_id)
    photo = session.get(NoticePhoto, notice.id)
    if photo is None:
        raise NotFound(N_("No such record."))
    return photo
