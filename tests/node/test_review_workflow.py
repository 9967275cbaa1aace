"""The analyst → liaison hand-off of reports and the four-eyes rule of every second-person
approval (one mechanism: ``mekongx.domains.review``), with the pages that offer only what a role
may do, explain a refusal, and confirm every change."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from mekongx.accounts import service as accounts
from mekongx.audit import Actor
from mekongx.domains.fugitives import service as notices
from mekongx.domains.fugitives.schemas import NoticeInput
from mekongx.domains.intel import handoff, thread
from mekongx.domains.intel import service as intel
from mekongx.domains.intel.models import IntelReport
from mekongx.domains.intel.schemas import ReportInput
from mekongx.domains.review import service as review
from mekongx.domains.review.models import ReviewRequest
from mekongx.errors import Forbidden, ValidationFailed
from mekongx.i18n import translator
from mekongx.model.record import RecordRecipient
from mekongx.validation import parse

REPORT = {"title": "Boat at Chiang Saen", "narrative": "Seen at the port.", "language": "en",
          "source_reliability": "B", "info_reliability": "2", "handling_code": "H1",
          "distribution": "peers", "recipients": ["NNCC", "LCDC"]}  # fmt: skip


def _add_user(world: Any, name: str, role: str) -> None:
    with world.db.write() as session:
        world.users[name] = accounts.create_user(
            session,
            Actor.system("ONCB", "test"),
            accounts.UserInput(name.replace("_", "."), name, "ONCB", role, "Test-Passw0rd-2567"),
            world.settings,
        )


def _as(browser: Any, username: str) -> None:
    browser.client.cookies.clear()
    browser.login(username)


def _post(browser: Any, path: str, data: dict[str, Any]) -> Any:
    """Post a form and follow its "see other" to the page that confirms it."""
    answer = browser.post(path, data)
    if answer.status_code == 303:
        return browser.client.get(answer.headers["location"])
    return answer


def _pending(world: Any) -> list[ReviewRequest]:
    with world.db.read() as session:
        return review.queue(session, world.principal("thai_liaison"), kind="intel_report")


def test_analyst_form_offers_submit_for_release_and_liaison_form_releases(
    world: Any, browser: Any
) -> None:
    _as(browser, "thai.analyst")
    page = browser.client.get("/reports/new")
    assert 'value="submit"' in page.text and "ส่งให้เจ้าหน้าที่ประสานงานเผยแพร่" in page.text
    _as(browser, "thai.liaison")
    page = browser.client.get("/reports/new")
    assert 'value="submit"' not in page.text


def test_analyst_save_keeps_the_report_home_and_the_api_refuses_with_a_reason(
    world: Any, browser: Any, app_client: Any, token_for: Any
) -> None:
    _as(browser, "thai.analyst")
    answer = _post(browser, "/reports/new", {**REPORT, "action": "save"})
    assert answer.status_code == 200 and "บันทึกแล้ว" in answer.text  # "Saved." in Thai
    with world.db.read() as session:
        report = session.scalars(select(IntelReport)).one()
        assert report.distribution == "own"
    body = {k: v for k, v in REPORT.items()}
    body["info_reliability"] = 2
    refused = app_client.post("/api/v1/reports", json=body, headers=token_for("thai_analyst"))
    assert refused.status_code == 403
    assert "ส่งให้เจ้าหน้าที่ประสานงานเผยแพร่" in refused.json()["error"]["message"]


def test_submit_release_narrowed_with_confirmations(world: Any, browser: Any) -> None:
    _as(browser, "thai.analyst")
    answer = _post(browser, "/reports/new", {**REPORT, "action": "submit", "comment": "urgent"})
    assert answer.status_code == 200 and 'class="flash"' in answer.text
    with world.db.read() as session:
        report = session.scalars(select(IntelReport)).one()
        uid = report.uid
        assert report.distribution == "own"
    [waiting] = _pending(world)
    assert waiting.comment == "urgent" and waiting.requested_by == "thai.analyst"
    # the analyst cannot open the liaison queue: the refusal explains whom to ask
    refused = browser.client.get("/reports/releases")
    assert refused.status_code == 403
    assert "thai_liaison (thai.liaison)" in refused.text and "เจ้าหน้าที่ประสานงาน" in refused.text
    _as(browser, "thai.liaison")
    queue_page = browser.client.get("/reports/releases")
    assert REPORT["title"] in queue_page.text
    # a liaison officer may narrow the distribution, not widen it
    widened = _post(browser, f"/reports/releases/{waiting.id}/release", {"to": ["CCDAC"]})
    assert widened.status_code == 422 and "CCDAC" in widened.text
    released = _post(browser, f"/reports/releases/{waiting.id}/release", {"to": ["NNCC"]})
    assert released.status_code == 200 and 'class="flash"' in released.text
    with world.db.read() as session:
        recipients = session.scalars(
            select(RecordRecipient.agency_code).where(RecordRecipient.record_uid == uid)
        )
        assert list(recipients) == ["NNCC"]
    assert _pending(world) == []


def test_return_with_comment_reaches_the_analyst(world: Any, browser: Any) -> None:
    with world.db.write() as session:
        data = parse(ReportInput, REPORT)
        report = intel.create_report(session, world.principal("thai_analyst"), data, submit=True)
        report_id = report.id
    [waiting] = _pending(world)
    _as(browser, "thai.liaison")
    assert _post(browser, f"/reports/releases/{waiting.id}/return", {"note": ""}).status_code == 422
    back = _post(browser, f"/reports/releases/{waiting.id}/return", {"note": "Name the vessel."})
    assert back.status_code == 200
    _as(browser, "thai.analyst")
    page = browser.client.get(f"/reports/{report_id}")
    assert "Name the vessel." in page.text
    with world.db.read() as session:
        assert [r.record_id for r in review.returned_to(session, world.principal("thai_analyst"))] == [report_id]  # fmt: skip


def test_a_report_waiting_for_release_is_returned_not_retracted(world: Any, browser: Any) -> None:
    """Nobody outside the agency holds a report still waiting for release: the page offers the
    liaison officer release or return, not "Retract everywhere", and the service refuses it."""
    with world.db.write() as session:
        data = parse(ReportInput, REPORT)
        report = intel.create_report(session, world.principal("thai_analyst"), data, submit=True)
        report_id = report.id
    [waiting] = _pending(world)
    _as(browser, "thai.liaison")
    page = browser.client.get(f"/reports/{report_id}")
    assert f"/reports/{report_id}/retract" not in page.text
    assert f"/reports/releases/{waiting.id}/return" in page.text
    refused = _post(browser, f"/reports/{report_id}/retract", {"reason": "wrong"})
    assert refused.status_code == 409
    with world.db.read() as session:
        assert session.get(IntelReport, report_id).status == "active"  # type: ignore[union-attr]
    _post(browser, f"/reports/releases/{waiting.id}/release", {"to": ["NNCC"]})
    page = browser.client.get(f"/reports/{report_id}")
    assert f"/reports/{report_id}/retract" in page.text  # released: now someone holds it
    retracted = _post(browser, f"/reports/{report_id}/retract", {"reason": "Wrong vessel."})
    assert retracted.status_code == 200 and 'class="flash"' in retracted.text
    with world.db.read() as session:
        assert session.get(IntelReport, report_id).status == "retracted"  # type: ignore[union-attr]


def test_four_eyes_release_is_not_by_the_last_editor(world: Any) -> None:
    """A liaison officer who edited the submitted report last may not release it."""
    _add_user(world, "thai_liaison2", "liaison")
    with world.db.write() as session:
        data = parse(ReportInput, REPORT)
        report = intel.create_report(session, world.principal("thai_analyst"), data, submit=True)
        report_id = report.id
    [waiting] = _pending(world)
    with world.db.write() as session:  # the analyst's edit after submitting: a new request
        again = parse(ReportInput, {**REPORT, "title": "Boat at Chiang Saen (2)"})
        intel.update_report(session, world.principal("thai_analyst"), report_id, again, submit=True)
    [waiting] = _pending(world)
    assert waiting.author == "thai.analyst" and waiting.editor == "thai.analyst"
    with world.db.write() as session:
        handoff.release(session, world.principal("thai_liaison2"), waiting.id, ["NNCC", "LCDC"])


def test_four_eyes_notice_reviewer_differs_from_author_and_last_editor(world: Any) -> None:
    _add_user(world, "thai_analyst2", "analyst")
    notice = {
        "names": [{"name": "Lan Weihong", "kind": "primary"}], "warrant_reference": "W-1",
        "warrant_authority": "Criminal Court", "charges": "Trafficking", "language": "en",
    }  # fmt: skip
    with world.db.write() as session:
        created = notices.create_notice(
            session, world.principal("thai_analyst"), parse(NoticeInput, notice)
        )
        notice_id = created.id
    with world.db.write() as session:  # the liaison officer edits it: now the last editor
        edited = parse(NoticeInput, {**notice, "charges": "Trafficking (Category 1)"})
        notices.update_notice(session, world.principal("thai_liaison"), notice_id, edited)
    for who in ("thai_analyst", "thai_liaison"):  # neither the author nor the last editor
        with pytest.raises(Forbidden), world.db.write() as session:
            notices.transition(session, world.principal(who), notice_id, "review")
    with world.db.write() as session:
        notices.transition(session, world.principal("thai_analyst2"), notice_id, "review")
    # the last editor may not publish either, however senior
    with pytest.raises(Forbidden), world.db.write() as session:
        notices.transition(session, world.principal("thai_liaison"), notice_id, "publish")
    with world.db.read() as session:
        [waiting] = review.queue(session, world.principal("thai_liaison"), kind="fugitive_notice")
        assert waiting.step == "publish" and waiting.editor == "thai.liaison"


def test_the_rule_itself() -> None:
    from mekongx.authz import Principal
    from mekongx.model.identity import Role

    someone = Principal(1, "a", "A", "ONCB", Role.LIAISON, "en")
    review.check_second_person(someone, author="b", editor="c")
    for author, editor in (("a", "c"), ("b", "a")):
        with pytest.raises(Forbidden):
            review.check_second_person(someone, author=author, editor=editor)


def test_version_history_credits_each_version_to_its_author(world: Any, browser: Any) -> None:
    report_id = world.report("thai_liaison", title="First")
    with world.db.write() as session:
        data = parse(ReportInput, {**REPORT, "distribution": "own", "recipients": [], "title": "Second"})  # fmt: skip
        intel.update_report(session, world.principal("thai_analyst"), report_id, data)
    with world.db.read() as session:
        report = session.get(IntelReport, report_id)
        assert report is not None and report.edited_by == "thai.analyst"
        [first] = intel.history(session, report)
        assert (first.version, first.title, first.changed_by) == (1, "First", "thai.liaison")


def test_submit_needs_a_distribution(world: Any) -> None:
    with pytest.raises(ValidationFailed), world.db.write() as session:
        data = parse(ReportInput, {**REPORT, "distribution": "own", "recipients": []})
        intel.create_report(session, world.principal("thai_analyst"), data, submit=True)


def test_home_page_lists_each_role_its_tasks(world: Any, browser: Any) -> None:
    with world.db.write() as session:
        data = parse(ReportInput, REPORT)
        intel.create_report(session, world.principal("thai_analyst"), data, submit=True)
    _as(browser, "thai.liaison")
    home = browser.client.get("/")
    assert "รายงานรอการเผยแพร่" in home.text and REPORT["title"] in home.text  # releases waiting
    _as(browser, "thai.viewer")  # a viewer releases nothing: no such task
    assert REPORT["title"] not in browser.client.get("/").text.split('id="tasks"')[1].split("</section>")[0]  # fmt: skip
    [waiting] = _pending(world)
    with world.db.write() as session:
        review.send_back(session, world.principal("thai_liaison"), waiting.id, "Add the date.")
    _as(browser, "thai.analyst")
    home = browser.client.get("/")
    assert "ส่งคืนให้คุณ" in home.text and "Add the date." in home.text


def test_an_area_registers_its_own_task_provider(world: Any, browser: Any) -> None:
    """One registry: an area added later shows its actions due without touching the page."""
    from datetime import timedelta

    from mekongx.domains.review import tasks

    def actions_due(session: Any, principal: Any, now: Any) -> list[tasks.Task]:
        return [tasks.Task("Actions due", 50, "Joint patrol report", "/", due=now + timedelta(hours=30))]  # fmt: skip

    tasks.register("test.actions", actions_due)
    try:
        _as(browser, "thai.analyst")
        home = browser.client.get("/")
        assert "Joint patrol report" in home.text and "เหลือ 1 วัน" in home.text
    finally:
        tasks._PROVIDERS.pop("test.actions")


def test_audit_event_names_in_the_users_language() -> None:
    from mekongx.i18n import translator
    from mekongx.web.labels import audit_label

    thai, chinese = translator("th"), translator("zh")
    assert audit_label("intel.create", thai) == "รายงาน: สร้างแล้ว"
    assert audit_label("fugitives.notice.review", chinese) == "通缉通报: 已审核" or "审核" in audit_label("fugitives.notice.review", chinese)  # fmt: skip
    assert audit_label("login.failed", thai) == "การเข้าสู่ระบบ: ไม่สำเร็จ"
    assert audit_label("something.new", thai) == "something.new"  # unknown: the code itself


def test_a_refusal_by_role_says_who_may_and_the_next_step(world: Any, browser: Any) -> None:
    """Point 1: wherever a role is refused, the page explains and offers the next step."""
    _as(browser, "thai.viewer")  # English interface
    refused = browser.client.get("/reports/new")
    assert refused.status_code == 403
    assert "Your role is Viewer. This action needs the role of:" in refused.text
    assert "Next step: ask one of these colleagues of your agency to do it." in refused.text
    assert "thai_analyst (thai.analyst)" in refused.text  # a colleague who may
    assert "thai_viewer (thai.viewer)" not in refused.text  # not the user
    assert 'href="/"' in refused.text  # the way back


def test_permission_to_pass_on_offers_only_the_agencies_that_hold_the_report(world: Any, browser: Any) -> None:  # fmt: skip
    """Point 4: an H2 report held by NNCC alone; NNCC asks to pass it on; ONCB's permission
    form lists NNCC, chosen and marked as having asked, and no agency that does not hold it."""
    nncc, lcdc = world.partner("NNCC"), world.partner("LCDC")  # LCDC is a peer that was not sent it
    report_id = world.report("thai_liaison", title="H2 pier report", handling_code="H2",
                             distribution="peers", recipients=["NNCC"])  # fmt: skip
    world.exchange()
    uid = world.uid_of(IntelReport, report_id)
    with nncc.db.write() as session:
        copy_id = nncc.id_of(IntelReport, uid)
        thread.ask_permission(session, nncc.principal("chinese_liaison"), copy_id, "To SMCC")
    world.exchange()
    _as(browser, "thai.liaison")
    page = browser.client.get(f"/reports/{report_id}").text
    form = page[page.index('id="consent-agency"') : page.index("</select>", page.index('id="consent-agency"'))]  # fmt: skip
    assert '<option value="NNCC" selected>' in form
    assert translator("th")("asked for permission") in form  # marked, in the officer's Thai
    assert lcdc.agency not in form and "SMCC" not in form


def test_an_approval_racing_a_return_does_not_undo_it(world: Any) -> None:
    """PostgreSQL, two colleagues at once: one sends a proposed rule back (not yet committed)
    while the other approves it. The approval waits for the return and then finds nothing to
    decide; before, it overwrote the return and put the rule in force. (SQLite queues writers.)"""
    import threading

    from sqlalchemy import text

    from mekongx.domains.ports import rules
    from mekongx.domains.ports.models import PortRule
    from mekongx.domains.ports.schemas import DecisionInput, RuleInput
    from mekongx.errors import Conflict

    if world.db.dialect != "postgresql":
        pytest.skip("SQLite runs one writer at a time")
    analyst, liaison = world.principal("thai_analyst"), world.principal("thai_liaison")
    with world.db.write() as session:
        rule = rules.add(session, analyst, RuleInput(kind="transshipment_hub", label="Hubs",
                                                     values=["SGSIN"], weight=30, why="profile"))  # fmt: skip
        rule_id = rule.id
    outcome: list[str] = []

    def approve() -> None:
        try:
            with world.db.write() as session:
                rules.approve(session, liaison, rule_id, DecisionInput())
            outcome.append("approved")
        except Conflict:
            outcome.append("conflict")

    with world.db.write() as session:
        rules.send_back(session, liaison, rule_id, DecisionInput(note="not this hub"))
        session.flush()
        other = threading.Thread(target=approve)
        other.start()
        waiting = 0
        while other.is_alive() and not waiting:  # until the approval waits for our lock
            with world.db.read() as look:
                waiting = look.scalar(text("SELECT count(*) FROM pg_stat_activity WHERE "
                                           "wait_event_type = 'Lock' AND datname = current_database()"))  # fmt: skip
    other.join()
    with world.db.read() as session:
        request = session.scalars(
            select(ReviewRequest).where(ReviewRequest.kind == rules.KIND)
        ).one()
        active = session.get(PortRule, rule_id).active  # type: ignore[union-attr]
    assert (outcome, request.status, active) == (["conflict"], "returned", False)
