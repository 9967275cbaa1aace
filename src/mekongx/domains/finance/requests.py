"""Asset-tracing and freezing requests of a financial case. They are requests for information
with a purpose, a legal basis and targets, so they travel, remind, escalate and are answered
exactly as every RFI does (``domains.rfi``); this module links them to the case and checks what
an asset request needs."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from mekongx.authz import Principal, access
from mekongx.domains.finance.models import FinCase
from mekongx.domains.rfi import service as rfi
from mekongx.domains.rfi import threads as rfi_threads
from mekongx.domains.rfi.attachments import File
from mekongx.domains.rfi.models import Rfi
from mekongx.domains.rfi.schemas import RfiInput
from mekongx.errors import FieldProblem, ValidationFailed
from mekongx.i18n import N_


def send(
    session: Session,
    principal: Principal,
    case_id: int,
    data: RfiInput,
    files: Sequence[File] = (),
) -> Rfi:
    """Ask a partner agency to trace or freeze assets for ``case_id``."""
    case = access(session, principal, FinCase, case_id, "read")
    if data.purpose == "information":
        raise ValidationFailed(
            [FieldProblem("purpose", N_("Choose asset tracing or freezing for a case's request."))]
        )
    return rfi.create_rfi(session, principal, data, files=files, case_uid=case.uid)


def of_case(session: Session, principal: Principal, case: FinCase) -> list[rfi_threads.Row]:
    """The case's requests, one row per requested agency, newest first."""
    return rfi_threads.outbox(session, principal, case_uid=case.uid)
