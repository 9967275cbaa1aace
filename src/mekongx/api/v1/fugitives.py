"""Screening against wanted-person notices, for systems at border checkpoints (token auth)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Body
from pydantic import BaseModel
from starlette.requests import Request

from mekongx.api.v1.schemas import ERRORS
from mekongx.domains.fugitives import screening
from mekongx.domains.fugitives.schemas import ScreenBatch, ScreenQuery
from mekongx.http.auth import CurrentPrincipal
from mekongx.http.node import node_of
from mekongx.validation import parse

router = APIRouter(prefix="/fugitives", tags=["wanted persons"], responses=ERRORS)  # type: ignore[arg-type]


class ReasonOut(BaseModel):
    code: str
    effect: str
    text: str


class CandidateOut(BaseModel):
    notice_uid: str
    matched_name: str
    probability: float
    decision: str
    explanation: list[ReasonOut]


class PersonResultOut(BaseModel):
    row: int
    name: str
    reference: str
    hits: list[CandidateOut]


class ScreenOut(BaseModel):
    screening_id: int
    results: list[PersonResultOut]


@router.post("/screen", response_model=ScreenOut)
def screen(
    request: Request,
    principal: CurrentPrincipal,
    body: dict[str, Any] = Body(...),
) -> ScreenOut:
    """Screen one person (``{"name", "birth_date"?, "nationality"?, "document_number"?}``) or a
    batch (``{"items": [...]}``, up to 1,000) against the published notices you may see. Every
    call is audited; hits enter your agency's review queue."""
    batch = "items" in body
    queries = parse(ScreenBatch, body).items if batch else [parse(ScreenQuery, body)]
    lang = principal.language
    with node_of(request).db.write() as session:
        run, results = screening.screen_now(session, principal, queries, "api")
        return ScreenOut(
            screening_id=run.id,
            results=[
                PersonResultOut(
                    row=number,
                    name=query.name,
                    reference=query.reference,
                    hits=[
                        CandidateOut(
                            notice_uid=r.notice_uid,
                            matched_name=r.matched_name,
                            probability=round(r.probability, 4),
                            decision=r.decision,
                            explanation=[
                                ReasonOut(code=raw["code"], effect=effect, text=text)
                                for raw, (effect, text) in zip(
                                    r.reasons, r.explain(lang), strict=True
                                )
                            ],
                        )
                        for r in found
                    ],
                )
                for number, (query, found) in enumerate(zip(queries, results, strict=True), 1)
            ],
        )
