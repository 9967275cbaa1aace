"""Files sent with a request or an answer: checked before anything is stored, kept in the
database with their SHA-256, carried inside the signed payload (base64) and stored under the
same uid on the other node, and read only by users who may read the request (each read audited).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from mekongx.authz import Permission, Principal, read_audited, require, visibility_clause
from mekongx.domains.rfi.models import Rfi, RfiAttachment, RfiMessage
from mekongx.errors import FieldProblem, NotFound, ValidationFailed
from mekongx.i18n import N_
from mekongx.model.record import new_uid

MAX_FILES: Final = 5
MAX_BYTES: Final = 4 * 1024 * 1024
#: What may be attached, by media type, with the first bytes each must start with ("" = text).
TYPES: Final[dict[str, tuple[str, tuple[bytes, ...]]]] = {
    ".pdf": ("application/pdf", (b"%PDF-",)),
    ".png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    ".jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        (b"PK\x03\x04",),
    ),
    ".docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        (b"PK\x03\x04",),
    ),
    ".csv": ("text/csv", ()),
    ".txt": ("text/plain", ()),
    ".xml": ("application/xml", ()),
}
PAYLOAD_MAX_CHARS: Final = (MAX_BYTES + 2) // 3 * 4
_UNSAFE = re.compile(r"[^\w.\- ()\u0E00-\u0E7F\u4E00-\u9FFF]+")


@dataclass(frozen=True)
class File:
    """An attachment as the user gave it (not yet stored)."""

    filename: str
    content: bytes


def _clean_name(name: str) -> str:
    base = name.replace("\\", "/").rsplit("/", 1)[-1].strip()
    return _UNSAFE.sub("_", base)[:200] or "attachment"


def _suffix(name: str) -> str:
    return "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""


def check(files: Sequence[File], field: str = "attachments") -> list[tuple[str, str, bytes]]:
    """(filename, media type, content) of each file, or a refusal naming every bad file."""
    problems: list[FieldProblem] = []
    if len(files) > MAX_FILES:
        problems.append(
            FieldProblem(field, N_("Attach at most %(count)s files."), {"count": str(MAX_FILES)})
        )
    out = []
    for file in files[:MAX_FILES]:
        name = _clean_name(file.filename)
        kind = TYPES.get(_suffix(name))
        if kind is None:
            problems.append(FieldProblem(field, N_("%(file)s: this kind of file cannot be attached (PDF, images, spreadsheets, Word, CSV, text or XML only)."), {"file": name}))  # fmt: skip
            continue
        media_type, magic = kind
        if not file.content:
            problems.append(FieldProblem(field, N_("%(file)s is empty."), {"file": name}))
        elif len(file.content) > MAX_BYTES:
            problems.append(FieldProblem(field, N_("%(file)s is larger than %(mb)s MB."),
                                         {"file": name, "mb": str(MAX_BYTES // (1024 * 1024))}))  # fmt: skip
        elif (magic and not file.content.startswith(magic)) or (
            not magic and not _is_text(file.content)
        ):
            problems.append(FieldProblem(field, N_("%(file)s is not the kind of file its name says."), {"file": name}))  # fmt: skip
        else:
            out.append((name, media_type, file.content))
    if problems:
        raise ValidationFailed(problems)
    return out


def _is_text(content: bytes) -> bool:
    try:
        content.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return b"\x00" not in content


def store(
    session: Session,
    rfi: Rfi,
    message_uid: str,
    files: Iterable[tuple[str, str, bytes]],
) -> list[RfiAttachment]:
    rows = [
        RfiAttachment(
            uid=new_uid(), rfi_id=rfi.id, message_uid=message_uid, filename=name,
            media_type=media_type, size=len(content), sha256=hashlib.sha256(content).hexdigest(),
            content=content,
        )
        for name, media_type, content in files
    ]  # fmt: skip
    session.add_all(rows)
    session.flush()
    return rows


def as_payload(rows: Iterable[RfiAttachment]) -> list[dict[str, Any]]:
    return [
        {
            "uid": a.uid,
            "filename": a.filename,
            "media_type": a.media_type,
            "sha256": a.sha256,
            "content": base64.b64encode(a.content).decode("ascii"),
        }
        for a in rows
    ]


def apply_payload(
    session: Session, rfi: Rfi, message_uid: str, items: Sequence[Mapping[str, Any]]
) -> None:
    """Store the attachments of a received message under their own uids, each checked against
    its digest and the same rules as a user's upload."""
    if len(items) > MAX_FILES:
        raise ValueError("too many attachments")
    for item in items:
        try:
            content = base64.b64decode(str(item["content"]), validate=True)
        except (binascii.Error, ValueError):
            raise ValueError("attachment content is not base64") from None
        if hashlib.sha256(content).hexdigest() != str(item["sha256"]):
            raise ValueError("attachment digest does not match")
        try:
            [(name, media_type, checked)] = check([File(str(item["filename"]), content)])
        except ValidationFailed:
            raise ValueError("attachment refused") from None
        if session.scalar(select(RfiAttachment.id).where(RfiAttachment.uid == str(item["uid"]))):
            continue
        session.add(
            RfiAttachment(
                uid=str(item["uid"])[:36], rfi_id=rfi.id, message_uid=message_uid, filename=name,
                media_type=media_type, size=len(checked), sha256=str(item["sha256"]), content=checked,
            )
        )  # fmt: skip
    session.flush()


def of_thread(session: Session, rfi: Rfi) -> dict[str, list[RfiAttachment]]:
    """The attachments of a thread by message uid (content not loaded until read)."""
    out: dict[str, list[RfiAttachment]] = {}
    rows = session.scalars(
        select(RfiAttachment).where(RfiAttachment.rfi_id == rfi.id).order_by(RfiAttachment.id)
    )
    for row in rows:
        out.setdefault(row.message_uid, []).append(row)
    return out


def read(
    session: Session, principal: Principal, rfi_id: int | str, uid: str, why: str = ""
) -> RfiAttachment:
    """One attachment of a request the user may read, its read audited: the attachment is
    read with the request's visibility inside its query (a requested agency sees only its
    own exchange), then the request with its audit row (``authz.read_audited``: one
    statement on PostgreSQL)."""
    require(principal, Permission.READ_RECORDS)
    agency = principal.agency
    key = Rfi.uid if isinstance(rfi_id, str) else Rfi.id
    found = session.scalar(
        select(RfiAttachment)
        .join(Rfi, Rfi.id == RfiAttachment.rfi_id)
        .join(RfiMessage, RfiMessage.uid == RfiAttachment.message_uid)
        .where(RfiAttachment.uid == uid, key == rfi_id, visibility_clause(Rfi, agency))
        .where(or_(Rfi.origin_agency == agency, RfiMessage.from_agency == agency,
                   RfiMessage.to_agency.in_(("", agency))))
    )  # fmt: skip
    if found is None:
        raise NotFound(N_("No such record."))
    read_audited(session, principal, Rfi, rfi_id, "rfi.attachment.read", "rfi", why=why,
                 details={"attachment": found.uid, "file": found.filename, "sha256": found.sha256})  # fmt: skip
    return found
