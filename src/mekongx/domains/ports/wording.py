"""The profile's reasons and the rules' kinds in the reader's language."""

from __future__ import annotations

import json
from typing import Any

from mekongx.chemistry import load_register, substance_label
from mekongx.domains.ports.models import PortHit, PortRule
from mekongx.domains.ports.profiling import KIND_LABELS, KINDS, REASONS, ROLES
from mekongx.i18n import translator


def kind_label(kind: str, lang: str) -> str:
    return translator(lang)(KIND_LABELS.get(kind, kind))


def kind_help(kind: str, lang: str) -> tuple[str, str]:
    """What a kind's values and number mean, in ``lang`` ('' when it has none)."""
    _ = translator(lang)
    values, number, _default = KINDS[kind]
    return (_(values) if values else "", _(number) if number else "")


def reason_text(reason: dict[str, Any], lang: str) -> str:
    _ = translator(lang)
    params = dict(reason.get("params", {}))
    if "role" in params:
        params["role"] = _(ROLES.get(params["role"]) or params["role"])
    if reason["code"] == "precursor" and params.get("substance_id"):
        register = load_register()
        names = [
            register.by_id[s] for s in params["substance_id"].split("+") if s in register.by_id
        ]
        if names:
            params["substance"] = " / ".join(
                substance_label(s, "zh" if lang.startswith("zh") else lang) for s in names
            )
    template = REASONS.get(reason["code"])
    return _(template, **params) if template else reason["code"]


def explain(hit: PortHit, lang: str) -> list[str]:
    return [reason_text(r, lang) for r in json.loads(hit.reasons)]


def rule_title(rule: PortRule, lang: str) -> str:
    """The kind in ``lang``, and the officer's own label when it says more than the kind."""
    kind = kind_label(rule.kind, lang)
    return kind if rule.label == KIND_LABELS.get(rule.kind) else f"{kind} — {rule.label}"
