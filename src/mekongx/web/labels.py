"""Labels for coded values (roles, handling codes, evaluation, distribution) in three languages."""

from __future__ import annotations

from typing import Any

from mekongx.i18n import N_, Translator
from mekongx.text import gazetteer

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

# Audit event names ("intel.create", "fugitives.notice.review") shown as words: the subject
# (first segments) and the verb (last segment); the code itself stays visible for experts.
AUDIT_SUBJECTS = {
    "intel": N_("Report"), "fugitives.notice": N_("Notice"), "fugitives.hit": N_("Screening hit"),
    "fugitives": N_("Wanted persons"), "precursors.incident": N_("Precursor incident"),
    "precursors.notification": N_("Pre-export notification"), "precursors": N_("Precursors"),
    "wbe.campaign": N_("Wastewater campaign"), "wbe.site": N_("Wastewater site"),
    "wbe.lab": N_("Laboratory"), "rfi": N_("Request for information"), "review": N_("Approval"),
    "user": N_("User"), "agency": N_("Agency"), "group": N_("Sharing group"), "peer": N_("Peer"),
    "token": N_("API token"), "audit": N_("Audit log"), "exchange": N_("Exchange"),
    "login": N_("Login"), "logout": N_("Logout"), "search": N_("Search index"),
    "finance.chart": N_("Link chart"),
}  # fmt: skip
AUDIT_VERBS = {
    "create": N_("created"), "update": N_("edited"), "read": N_("opened"), "retract": N_("retracted"),
    "consent": N_("permission to pass on given"), "forward": N_("passed on"),
    "acknowledge": N_("acknowledged"), "reply": N_("answered"), "ask_permission": N_("permission asked"),
    "review": N_("reviewed"), "publish": N_("published"), "withdraw": N_("withdrawn"),
    "photo": N_("photo changed"), "screen": N_("screened"), "export": N_("exported"),
    "submit": N_("submitted for a decision"), "approve": N_("approved"), "return": N_("returned"),
    "confirmed": N_("confirmed"), "rejected": N_("rejected"), "view": N_("viewed"),
    "failed": N_("failed"), "locked": N_("refused: account locked"), "lockout": N_("account locked"),
    "enable": N_("enabled"), "disable": N_("disabled"),
    "other-agency": N_("refused: account of another agency"), "unlock": N_("unlocked"), "password": N_("password changed"),
    "language": N_("language changed"), "revoke": N_("revoked"), "add": N_("added"),
    "confirm": N_("confirmed"), "receive": N_("received"), "received": N_("received"),
    "import": N_("imported"), "release": N_("released"), "record": N_("recorded"),
    "reindex": N_("rebuilt"),
}  # fmt: skip


def audit_label(action: str, _: Translator) -> str:
    """ "intel.create" → "Report: created" in the user's language (the code if unknown)."""
    parts = action.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        subject, verb = ".".join(parts[:cut]), parts[-1]
        if subject in AUDIT_SUBJECTS and verb in AUDIT_VERBS:
            return f"{_(AUDIT_SUBJECTS[subject])}: {_(AUDIT_VERBS[verb])}"
    if action in AUDIT_SUBJECTS:
        return _(AUDIT_SUBJECTS[action])
    return action


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
        "audit_label": lambda action: audit_label(action, _),
    }


def place_options(lang: str) -> list[str]:
    """Names to offer where a place is typed: the gazetteer's places in the user's language,
    then in English (the search finds a place however it is written)."""
    places = gazetteer.load().values()
    local = [p.name(lang) for p in places] if lang in ("th", "zh") else []
    return list(dict.fromkeys([*local, *(p.en[0] for p in places)]))
