"""Connects areas to the exchange: which handler applies which kind of received payload, and
the schema every payload of that kind must satisfy before the handler sees it."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from mekongx.db import Database
from mekongx.domains.finance import providers as finance_providers
from mekongx.domains.finance import service as finance_service
from mekongx.domains.fugitives import exchange as fugitives_exchange
from mekongx.domains.fugitives import fulltext as notice_fulltext
from mekongx.domains.fugitives import payloads as fugitives_payloads
from mekongx.domains.fugitives.models import Notice
from mekongx.domains.intel import exchange as intel_exchange
from mekongx.domains.intel import payloads as intel_payloads
from mekongx.domains.intel import service as intel_service
from mekongx.domains.intel import thread as intel_thread
from mekongx.domains.meetings import exchange as meetings_exchange
from mekongx.domains.meetings import payloads as meetings_payloads
from mekongx.domains.meetings import providers as meetings_providers
from mekongx.domains.meetings import service as meetings_service
from mekongx.domains.mekong import exchange as mekong_exchange
from mekongx.domains.mekong.payloads import OperationPayload, PlanActionPayload, ProgressPayload
from mekongx.domains.ports import alerts as ports_alerts
from mekongx.domains.ports import providers as ports_providers
from mekongx.domains.ports.schemas import AlertPayload as PortAlertPayload
from mekongx.domains.precursors import exchange as precursors_exchange
from mekongx.domains.precursors import fulltext as incident_fulltext
from mekongx.domains.precursors import handlers as precursors_handlers
from mekongx.domains.precursors import payloads as precursors_payloads
from mekongx.domains.precursors.models import Incident
from mekongx.domains.prevention import exchange as prevention_exchange
from mekongx.domains.prevention import lists as prevention_lists
from mekongx.domains.prevention import payloads as prevention_payloads
from mekongx.domains.prevention import providers as prevention_providers
from mekongx.domains.prevention.models import Programme
from mekongx.domains.review import providers as task_providers
from mekongx.domains.review import tasks
from mekongx.domains.rfi import exchange as rfi_exchange
from mekongx.domains.rfi import fulltext as rfi_fulltext
from mekongx.domains.rfi import payloads as rfi_payloads
from mekongx.domains.rfi.models import Rfi
from mekongx.domains.rfi.service import periodic as rfi_clock
from mekongx.domains.search import providers as search_providers
from mekongx.domains.search import records as search_records
from mekongx.domains.search import registry as search_registry
from mekongx.domains.seizures import exchange as seizures_exchange
from mekongx.domains.seizures import fulltext as seizures_fulltext
from mekongx.domains.seizures import providers as seizures_providers
from mekongx.domains.seizures.payloads import SeizurePayload
from mekongx.domains.training import exchange as training_exchange
from mekongx.domains.training import lists as training_lists
from mekongx.domains.training import providers as training_providers
from mekongx.domains.training.models import Course
from mekongx.domains.training.schemas import CertificatePayload, CoursePayload
from mekongx.domains.wbe import analysis as wbe_analysis
from mekongx.domains.wbe import exchange as wbe_exchange
from mekongx.domains.wbe.schemas import CampaignPayload
from mekongx.federation import acks, checkpoints, handlers
from mekongx.federation.keys import NodeKeys
from mekongx.i18n import N_
from mekongx.settings import Settings

log = logging.getLogger("mekongx.worker")


def reindex_all(session: Session) -> dict[str, int]:
    """Rebuild the full-text documents of every area that writes them (after a restore, or
    once for records indexed before their area did): how many records of each, by the kind's
    name (a msgid: ``mekongx db reindex`` prints it in the user's language)."""
    return {
        N_("Intelligence reports"): intel_service.reindex_all(session),
        N_("Seizures"): seizures_fulltext.reindex_all(session),
        N_("Prevention programmes"): _every(session, Programme, prevention_lists.index),
        N_("Training courses"): _every(session, Course, training_lists.index),
        N_("Financial cases"): finance_service.reindex_all(session),
        N_("Requests for information"): _every(session, Rfi, rfi_fulltext.index),
        N_("Precursor incidents"): _every(session, Incident, incident_fulltext.index),
        N_("Meetings"): meetings_service.reindex_all(session),
        N_("Wanted persons"): _every(session, Notice, notice_fulltext.index),
    }


def _every(session: Session, model: Any, index: Callable[[Session, Any], None]) -> int:
    """Write the document of every row of ``model`` again; how many."""
    count = 0
    for row in session.scalars(select(model).execution_options(yield_per=1000)):
        index(session, row)
        count += 1
    return count


def install() -> None:
    for name, provider in task_providers.PROVIDERS.items():
        tasks.register(name, provider)
    for name, provider in {**meetings_providers.TASKS, **finance_providers.TASKS,
                           **ports_providers.TASKS}.items():  # fmt: skip
        tasks.register(name, provider)
    for name, finder in {**search_providers.PROVIDERS, **meetings_providers.SEARCH,
                         **finance_providers.SEARCH, **seizures_providers.SEARCH, **ports_providers.SEARCH,
                         **prevention_providers.SEARCH, **training_providers.SEARCH}.items():  # fmt: skip
        search_registry.register(name, finder)
    for kind, record_kind in {
        **search_records.KINDS,
        **prevention_providers.KINDS,
        **training_providers.KINDS,
    }.items():
        search_records.register(kind, record_kind)
    register = handlers.register
    register(acks.KIND, acks.apply_ack, schema=acks.AckPayload)
    register(checkpoints.KIND, checkpoints.apply_checkpoint, schema=checkpoints.CheckpointPayload)
    register(intel_exchange.KIND, intel_exchange.apply, batch=intel_exchange.apply_many,
             schema=intel_payloads.ReportPayload)  # fmt: skip
    register(intel_exchange.ONWARD_KIND, intel_exchange.apply_onward,
             schema=intel_payloads.OnwardPayload)  # fmt: skip
    register(intel_exchange.CONSENT_KIND, intel_exchange.apply_consent,
             schema=intel_payloads.ConsentPayload)  # fmt: skip
    register(precursors_exchange.KIND_NOTIFICATION, precursors_handlers.apply_notification,
             schema=precursors_payloads.NotificationPayload)  # fmt: skip
    register(precursors_exchange.KIND_RESPONSE, precursors_handlers.apply_response,
             schema=precursors_payloads.ResponsePayload)  # fmt: skip
    register(precursors_exchange.KIND_INCIDENT, precursors_handlers.apply_incident,
             schema=precursors_payloads.IncidentPayload)  # fmt: skip
    register(rfi_exchange.KIND_REQUEST, rfi_exchange.apply_request,
             schema=rfi_payloads.RequestPayload)  # fmt: skip
    register(intel_thread.KIND, intel_thread.apply, schema=intel_thread.ThreadPayload)
    for kind in rfi_exchange.KINDS[1:]:
        register(kind, rfi_exchange.checked(kind), schema=rfi_payloads.MessagePayload)
    register(fugitives_exchange.KIND, fugitives_exchange.apply_notice,
             schema=fugitives_payloads.NoticePayload)  # fmt: skip
    register(fugitives_exchange.HIT_KIND, fugitives_exchange.apply_hit,
             schema=fugitives_payloads.HitPayload)  # fmt: skip
    register(wbe_exchange.KIND, wbe_exchange.apply, schema=CampaignPayload)
    register(seizures_exchange.KIND, seizures_exchange.apply, schema=SeizurePayload)
    register(mekong_exchange.KIND, mekong_exchange.apply, schema=OperationPayload)
    register(mekong_exchange.ACTION_KIND, mekong_exchange.apply_action, schema=PlanActionPayload)
    register(mekong_exchange.PROGRESS_KIND, mekong_exchange.apply_progress, schema=ProgressPayload)
    register(ports_alerts.KIND, ports_alerts.apply, schema=PortAlertPayload)
    register(prevention_exchange.KIND, prevention_exchange.apply,
             schema=prevention_payloads.ProgrammePayload)  # fmt: skip
    register(training_exchange.KIND, training_exchange.apply_course, schema=CoursePayload)
    register(training_exchange.CERTIFICATE_KIND, training_exchange.apply_certificate,
             schema=CertificatePayload)  # fmt: skip
    meeting_schemas: dict[str, type[BaseModel]] = {
        "meetings.minutes": meetings_payloads.MinutesPayload,
        "meetings.comment": meetings_payloads.CommentPayload,
        "meetings.approval": meetings_payloads.ApprovalPayload,
        "meetings.action": meetings_payloads.ActionPayload,
    }
    for kind, handler in meetings_exchange.HANDLERS.items():
        register(kind, handler, schema=meeting_schemas[kind])


# What every web process does in the background as it starts, so that the first request
# of an area does not pay for it (each a function of no arguments, run once, in this order).
WARM_UP: list[Callable[[], None]] = [wbe_analysis.prepare]


def warm_up() -> None:
    """Run :data:`WARM_UP`; a failure is logged (the request that needs it does it again)."""
    for prepare in WARM_UP:
        try:
            prepare()
        except Exception:
            log.exception("warming up failed: %s", prepare.__qualname__)


def periodic(db: Database, settings: Settings, keys: NodeKeys) -> Callable[[datetime], None]:
    """What the delivery worker runs about every 30 s: the RFI clock's reminders and
    escalations, and the audit checkpoints. One failing task does not stop the others."""
    tasks = [rfi_clock(db), checkpoints.periodic(db, settings, keys)]

    def tick(now: datetime) -> None:
        for task in tasks:
            try:
                task(now)
            except Exception:  # logged; the next tick tries again
                log.exception("periodic task failed")

    return tick
