"""Texts written once in their language (a wastewater campaign's title, a country's progress
under the plan) shown by the one rule of a record's texts: a Vietnamese reader sees them in
English, marked "(bằng Tiếng Anh)", on the pages and in the campaign's summary; a reader of the
text's own language sees no mark."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select, update

from mekongx.domains.mekong.demo import seed_demo_plan, seed_demo_progress
from mekongx.domains.mekong.models import PlanAction
from mekongx.domains.wbe.demo import seed_demo_wbe
from mekongx.domains.wbe.models import WbeCampaign
from mekongx.model.identity import User

MARK = "(bằng Tiếng Anh)"


def _reads(world: Any, username: str, language: str) -> None:
    with world.db.write() as session:
        session.execute(update(User).where(User.username == username).values(language=language))


def test_campaign_titles_and_plan_progress_in_english_marked_for_a_vietnamese_reader(
    world: Any,
) -> None:
    with world.db.write() as session:
        seed_demo_wbe(session, world.principal("thai_liaison"))
        liaison = world.principal("thai_liaison")
        seed_demo_plan(session, "ONCB", liaison, today=date(2026, 11, 30))
        seed_demo_progress(session, liaison, today=date(2026, 11, 30))
        campaign = session.scalars(select(WbeCampaign).order_by(WbeCampaign.id)).first()
        assert campaign is not None
        campaign_id, title = campaign.id, campaign.title
        action_id = session.scalars(select(PlanAction.id).where(PlanAction.number == "2.1")).one()
    shown = f'<span lang="en">{title}</span> <small class="shown-in">{MARK}</small>'
    _reads(world, "thai.analyst", "vi")
    with world.browser("thai.analyst") as vi:
        assert shown in vi.client.get(f"/wbe/campaigns/{campaign_id}").text
        assert shown in vi.client.get("/wbe").text
        summary = vi.client.get(f"/wbe/campaigns/{campaign_id}/summary.txt")
        assert summary.status_code == 200 and f"{title} {MARK}" in summary.text
        plan = vi.client.get(f"/mekong-plan/{action_id}").text
        activity = "Units of the country took part in the demo joint operation (demo)"
        assert f'<span lang="en">{activity}</span> <small class="shown-in">{MARK}</small>' in plan
    _reads(world, "thai.analyst", "en")
    with world.browser("thai.analyst") as en:
        page = en.client.get(f"/wbe/campaigns/{campaign_id}").text
        assert f"<h1>{title}</h1>" in page and "shown-in" not in page
