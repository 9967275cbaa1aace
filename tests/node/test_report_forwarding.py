"""Passing a report on refuses a blank or unknown agency with a field problem and queues nothing
(a form's empty value once "forwarded" the report to nobody and said it was done)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select

from mekongx.domains.intel import exchange as intel_exchange
from mekongx.errors import ValidationFailed
from mekongx.federation.models import OutboxEntry
from mekongx.i18n import translator


def _queued(world: Any) -> int:
    with world.db.read() as session:
        return int(session.scalar(select(func.count()).select_from(OutboxEntry)) or 0)


@pytest.mark.parametrize(("to", "named"), [([""], ""), ([" ", ""], ""), (["ZZZ"], "ZZZ")])
def test_blank_or_unknown_agencies_are_refused(world: Any, to: list[str], named: str) -> None:
    report_id = world.report("thai_analyst")
    before = _queued(world)
    with world.db.write() as session, pytest.raises(ValidationFailed) as refused:
        intel_exchange.forward(session, world.principal("thai_liaison"), report_id, to)
    (problem,) = refused.value.fields
    assert problem.field == "to" and named in str(problem.params.get("code", ""))
    assert _queued(world) == before


def test_the_page_answers_422_in_the_users_language(world: Any, browser: Any) -> None:
    report_id = world.report("thai_analyst")
    browser.login("thai.liaison")  # reads Thai
    answer = browser.post(f"/reports/{report_id}/forward", {"to": ""})
    th = translator("th")
    assert answer.status_code == 422, answer.status_code
    assert th("Name at least one peer agency to share with.") in answer.text
    answer = browser.post(f"/reports/{report_id}/forward", {"to": "zzz"})
    assert answer.status_code == 422 and th("Unknown agency: %(code)s", code="ZZZ") in answer.text
