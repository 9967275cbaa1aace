"""Screening finds a published notice for a Thai suspect under the spellings people carry
(issue 12): the demo's Thai suspect in Latin passport spellings and in its Chinese transcription."""

from __future__ import annotations

from typing import Any

import pytest

from mekongx.domains.fugitives import screening, service
from mekongx.domains.fugitives.schemas import NoticeInput, ScreenQuery
from mekongx.validation import parse

SOMSAK: dict[str, Any] = {
    "names": [{"name": "สมศักดิ์ แก้วมณี", "kind": "primary"}],
    "sex": "M",
    "birth_date": "1981",
    "nationality": "TH",
    "documents": [],
    "warrant_reference": "W-SOMSAK",
    "warrant_authority": "Chiang Rai Provincial Court",
    "charges": "Trafficking",
    "language": "th",
}


def _publish(world: Any, names: list[str], ref: str) -> int:
    data = {**SOMSAK, "names": [{"name": n, "kind": "primary"} for n in names],
            "warrant_reference": ref}  # fmt: skip
    with world.db.write() as session:
        notice = service.create_notice(
            session, world.principal("thai_analyst"), parse(NoticeInput, data)
        )
        notice_id = notice.id
    for action in ("review", "publish"):
        with world.db.write() as session:
            service.transition(session, world.principal("thai_liaison"), notice_id, action)
    return notice_id


def _screen(world: Any, name: str) -> list[screening.Result]:
    with world.db.read() as session:
        query = parse(ScreenQuery, {"name": name})
        return screening.screen(session, world.principal("thai_viewer"), [query])[0]


@pytest.mark.parametrize(
    "query", ["Somsak Kaewmanee", "SOMSAK Keawmanee", "Kaewmanee Somsak", "颂萨·缴玛尼"]
)
def test_a_thai_suspect_is_found_under_real_spellings(world: Any, query: str) -> None:
    somsak = _publish(world, ["สมศักดิ์ แก้วมณี"], "W-SOMSAK")
    _publish(world, ["สมชาย แก้วมาลา"], "W-OTHER")
    found = _screen(world, query)
    assert found and found[0].notice_id == somsak, found
    assert found[0].decision == "match" and found[0].probability > 0.9, found[0]


def test_another_given_name_is_not_a_probable_match(world: Any) -> None:
    _publish(world, ["สมศักดิ์ แก้วมณี", "颂萨·缴玛尼"], "W-SOMSAK")
    found = _screen(world, "Somchai Kaewmanee")
    assert all(r.decision != "match" for r in found), found
