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


def translated(_: Translator) -> dict[str, Any]:
    """Every label table, translated, for templates."""
    return {
        "role_labels": {k: _(v) for k, v in ROLES.items()},
        "handling_help": {k: _(v) for k, v in HANDLING.items()},
        "source_labels": {k: _(v) for k, v in SOURCE.items()},
        "info_labels": {k: _(v) for k, v in INFO.items()},
        "distribution_labels": {k: _(v) for k, v in DISTRIBUTION.items()},
    }
