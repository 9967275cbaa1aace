"""The link chart page of a financial case.

One GET form (time window, account to expand, two accounts for the shortest chain, an alert to
highlight) works without a script: the page answers with the links as a table. With the script
(``static/finance-chart.js``, Cytoscape.js vendored), the same form draws into the chart and
each expansion adds to it, through the API (``/api/v1/finance/cases/{id}/chart…``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from mekongx.audit import read_session
from mekongx.authz import Permission, can
from mekongx.authz.sharing import exportable
from mekongx.domains.finance import graph
from mekongx.domains.finance import service as finance
from mekongx.errors import Conflict, FieldProblem, ValidationFailed
from mekongx.http.auth import CurrentPrincipal
from mekongx.http.errors import field_messages
from mekongx.http.node import node_of
from mekongx.http.params import RecordId
from mekongx.i18n import N_, translator
from mekongx.web.pages.finance import TYPOLOGY_LABELS
from mekongx.web.render import render

router = APIRouter(prefix="/finance")
NOT_A_DATE = N_("%(value)s is not a date (YYYY-MM-DD).")
KIND_LABELS = {
    "account": N_("Bank account"),
    "cash": N_("Cash at a branch"),
    "person": N_("Person"),
    "entity": N_("Organisation"),
}
# the words the chart's script shows, translated on the server
SCRIPT_WORDS = {
    "expand": N_("Expand"),
    "shown": N_("%(nodes)s accounts and %(links)s links on the chart."),
    "truncated": N_("Only the %(count)s largest links are drawn."),
    "failed": N_("The request failed; try again."),
    "path": N_("Shortest chain: %(accounts)s"),
    "highlighted": N_("%(links)s links of the alert highlighted."),
    "empty": N_("No links yet: expand an account or highlight an alert."),
    "yes": N_("yes"),
}


def _date(value: str, name: str) -> dt.date | None:
    if not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise ValidationFailed([FieldProblem(name, NOT_A_DATE, {"value": value[:40]})]) from None


@router.get("/{case_id}/chart")
def chart_page(
    request: Request, principal: CurrentPrincipal, case_id: RecordId, do: str = "", account: str = "",
    source: str = "", target: str = "", directed: str = "", alert: str = "", start: str = "", end: str = "",
) -> Response:  # fmt: skip
    node = node_of(request)
    _ = translator(principal.language)
    zone = node.settings.timezone
    account, source, target = account.strip()[:200], source.strip()[:200], target.strip()[:200]
    follow = directed != "no"
    data: dict[str, Any] | None = None
    problem = ""
    status = 200
    try:
        window = graph.Window(_date(start, "start"), _date(end, "end"), zone)
        window.bounds()  # an end before the start is refused before anything is read
        chart: graph.Chart | None = None
        with read_session(node.db) as session:  # reads are audited
            if do == "path" and source and target:
                chart = graph.path_chart(session, principal, case_id, source, target, window, directed=follow)  # fmt: skip
            elif do == "alert" and alert.isdigit():
                chart = graph.alert_chart(session, principal, case_id, int(alert))
            elif do == "expand" and account:
                chart = graph.neighbours(session, principal, case_id, account, window)
        if chart is not None:
            data = graph.as_json(chart, zone)
    except (ValidationFailed, Conflict) as error:
        status = 422 if isinstance(error, ValidationFailed) else 409
        if isinstance(error, ValidationFailed):
            problem = "; ".join(m for _f, m in field_messages(_.lang, error.fields))
        else:
            problem = _(error.message, **error.params)
    with node.db.read() as session:
        case = finance.read_case_for_view(session, principal, case_id)
        alerts = finance.alerts_of(session, case)
        accounts = graph.accounts(session, principal, case_id)
    shown = sorted({n["id"] for n in data["nodes"]}) if data else []
    query = {k: v for k, v in (("start", start), ("end", end)) if v.strip()}
    exports = {
        "i2": f"/api/v1/finance/cases/{case_id}/chart/export.csv",
        "ftm": f"/api/v1/finance/cases/{case_id}/chart/export.ftm.json",
    }
    chosen = [("account", a) for a in shown[:300]]
    export_query = urlencode(list(query.items()) + chosen)
    typologies = {k: _(v) for k, v in TYPOLOGY_LABELS.items()}
    script = {
        "case": case_id,
        "currency": case.base_currency,
        "api": f"/api/v1/finance/cases/{case_id}/chart",
        "exports": exports,
        "kinds": {k: _(v) for k, v in KIND_LABELS.items()},
        "words": {k: _(v) for k, v in SCRIPT_WORDS.items()},
        "chart": data,
        "alert": alert if data and do == "alert" else "",
    }
    return render(request, "finance/chart.html", status=status, case=case, alerts=alerts, accounts=accounts,
                  data=data, problem=problem, script=script, typology_labels=typologies,
                  kind_labels=script["kinds"], exports=exports, export_query=export_query,
                  can_export=can(principal, Permission.EXPORT).allowed and exportable(case),
                  form={"do": do, "account": account, "source": source, "target": target, "directed": follow,
                        "alert": alert, "start": start, "end": end})  # fmt: skip
