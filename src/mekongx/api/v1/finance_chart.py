"""The link chart of a financial case: an account's neighbours, an alert's transactions, the
shortest chain between two accounts, exports for i2 Analyst's Notebook and FollowTheMoney.
Every read is audited; dates are days in the node's time zone, both included."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel
from starlette.requests import Request
from starlette.responses import Response

from mekongx.api.v1.schemas import ERRORS
from mekongx.audit import read_session
from mekongx.domains.finance import graph
from mekongx.http.auth import CurrentPrincipal
from mekongx.http.node import node_of
from mekongx.http.params import RecordId

router = APIRouter(prefix="/finance", tags=["finance"], responses=ERRORS)  # type: ignore[arg-type]

Account = Annotated[str, Query(min_length=1, max_length=200, description="An account of the case.")]
Start = Annotated[dt.date | None, Query(description="First day of the time window (YYYY-MM-DD).")]
End = Annotated[dt.date | None, Query(description="Last day of the time window (YYYY-MM-DD).")]
Chosen = Annotated[
    list[str],
    Query(max_length=300, description="Only transactions between two of these accounts."),
]


class NodeOut(BaseModel):
    id: str
    kind: str
    label: str


class LinkOut(BaseModel):
    id: str
    source: str
    target: str
    count: int
    total: float
    first: dt.datetime
    last: dt.datetime
    transactions: list[str]


class ChartOut(BaseModel):
    currency: str
    nodes: list[NodeOut]
    links: list[LinkOut]
    path: list[str]
    highlight: list[str]
    truncated: bool


def chart_out(chart: graph.Chart, zone: str) -> ChartOut:
    return ChartOut.model_validate(graph.as_json(chart, zone))


def _window(request: Request, start: dt.date | None, end: dt.date | None) -> graph.Window:
    return graph.Window(start, end, node_of(request).settings.timezone)


@router.get("/cases/{case_id}/chart", response_model=ChartOut)
def neighbours(
    request: Request, principal: CurrentPrincipal, case_id: RecordId, account: Account,
    start: Start = None, end: End = None,
) -> ChartOut:  # fmt: skip
    """An account and the accounts it paid or was paid by (one link per pair, largest first)."""
    window = _window(request, start, end)
    with read_session(node_of(request).db) as session:  # the read is audited
        return chart_out(
            graph.neighbours(session, principal, case_id, account, window), window.zone
        )


@router.get("/cases/{case_id}/chart/alerts/{alert_id}", response_model=ChartOut)
def alert(
    request: Request, principal: CurrentPrincipal, case_id: RecordId, alert_id: RecordId
) -> ChartOut:
    """An alert's transactions, whole, with the links to highlight."""
    zone = node_of(request).settings.timezone
    with read_session(node_of(request).db) as session:
        return chart_out(graph.alert_chart(session, principal, case_id, alert_id), zone)


@router.get("/cases/{case_id}/chart/path", response_model=ChartOut)
def path(
    request: Request, principal: CurrentPrincipal, case_id: RecordId, source: Account, target: Account,
    start: Start = None, end: End = None,
    directed: Annotated[bool, Query(description="Follow the money (false: either direction).")] = True,
) -> ChartOut:  # fmt: skip
    """The fewest transfers from one account to another; 422 naming `target` when none."""
    window = _window(request, start, end)
    with read_session(node_of(request).db) as session:
        chart = graph.path_chart(session, principal, case_id, source, target, window, directed=directed)  # fmt: skip
        return chart_out(chart, window.zone)


@router.get("/cases/{case_id}/chart/export.csv", response_class=Response)
def export_i2(
    request: Request, principal: CurrentPrincipal, case_id: RecordId, start: Start = None,
    end: End = None, account: Chosen = [],  # noqa: B006
) -> Response:  # fmt: skip
    """i2 Analyst's Notebook import file: one row per transaction with both ends' identity,
    type and label, date, time, amount."""
    window = _window(request, start, end)
    with read_session(node_of(request).db) as session:
        text = graph.i2_csv(session, principal, case_id, window, account)
    return Response(
        "\ufeff" + text,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="case-{case_id}-i2.csv"'},
    )


@router.get("/cases/{case_id}/chart/export.ftm.json", response_class=Response)
def export_ftm(
    request: Request, principal: CurrentPrincipal, case_id: RecordId, start: Start = None,
    end: End = None, account: Chosen = [],  # noqa: B006
) -> Response:  # fmt: skip
    """FollowTheMoney entities (LegalEntity, Person, BankAccount, Payment), one JSON object per line."""
    window = _window(request, start, end)
    with read_session(node_of(request).db) as session:
        lines = graph.ftm_lines(session, principal, case_id, window, account)
    return Response(
        "".join(f"{line}\n" for line in lines),
        media_type="application/x-ndjson; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="case-{case_id}-ftm.json"'},
    )
