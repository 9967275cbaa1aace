"""Labels for coded values (roles, handling codes, evaluation, distribution) in three languages."""

from __future__ import annotations

from typing import Any

from mekongx.i18n import N_, Translator

ROLES = {
    "admin": N_("Administrator"),
    "analyst": N_("Analyst"),
    "liaison": N_("Liaison officer"),
    "viewer": N_("Viewer"),
}
HANDLING = {
    "H0": N_("Crime-fighting use only"),
    "H1": N_("Not for use in court without the originator's permission"),
    "H2": N_("No onward dissemination without the originator's permission"),
    "H3": N_("Other restrictions, written out"),
}
SOURCE = {
    "A": N_("No doubt about the source"),
    "B": N_("Source mostly reliable"),
    "C": N_("Source mostly unreliable"),
    "X": N_("Source reliability cannot be assessed"),
}
INFO = {
    1: N_("Known to be true without reservation"),
    2: N_("Known personally to the source"),
    3: N_("Not known personally to the source but corroborated"),
    4: N_("Cannot be assessed"),
}
DISTRIBUTION = {
    "own": N_("Own agency only"),
    "peers": N_("Named peer agencies"),
    "group": N_("Sharing group"),
}

EXCHANGE_TYPES = {
    "information": N_("Report"),
    "request": N_("Request"),
    "reply": N_("Reply"),
    "acknowledgement": N_("Acknowledgement"),
    "reminder": N_("Reminder"),
    "notice": N_("Notice"),
    "retraction": N_("Retraction"),
    "correction": N_("Correction"),
}
EXCHANGE_STATUS = {
    "pending": N_("Waiting to be sent"),
    "sent": N_("Delivered"),
    "refused": N_("Refused by the peer"),
}
THREAD_KINDS = {
    "ack": N_("Acknowledged"),
    "reply": N_("Message"),
    "ask_forward": N_("Asks permission to pass the report on"),
    "passed_on": N_("Passed the report on"),
}
REVIEW_STATUS = {
    "pending": N_("Waiting for a decision"),
    "approved": N_("Approved"),
    "returned": N_("Returned with a comment"),
    "superseded": N_("Replaced by a newer request"),
}


def translated(_: Translator) -> dict[str, Any]:
    """Every label table, translated, for templates."""
    return {
        "role_labels": {k: _(v) for k, v in ROLES.items()},
        "handling_help": {k: _(v) for k, v in HANDLING.items()},
        "source_labels": {k: _(v) for k, v in SOURCE.items()},
        "info_labels": {k: _(v) for k, v in INFO.items()},
        "distribution_labels": {k: _(v) for k, v in DISTRIBUTION.items()},
        "exchange_types": {k: _(v) for k, v in EXCHANGE_TYPES.items()},
        "exchange_status": {k: _(v) for k, v in EXCHANGE_STATUS.items()},
        "thread_kinds": {k: _(v) for k, v in THREAD_KINDS.items()},
        "review_status": {k: _(v) for k, v in REVIEW_STATUS.items()},
    }
