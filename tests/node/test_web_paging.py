"""The web lists page as the API does (``web.paging``, the shared ``pager`` macro): the Next
link carries the cursor of the last row shown, so a list walked page by page through the web
shows every visible row exactly once while rows arrive and leave between the pages, never a
hidden row; a bad or stale cursor gives the first page with a message, never an error."""

from __future__ import annotations

import html
import re
import uuid
from datetime import date
from typing import Any

from sqlalchemy import select

from mekongx.domains.fugitives import service
from mekongx.domains.fugitives.models import Notice, ScreeningHit, ScreeningRun
from mekongx.domains.fugitives.schemas import NoticeInput
from mekongx.domains.seizures.models import Seizure
from mekongx.model.record import RecordRecipient
from mekongx.validation import parse

NOTICE: dict[str, Any] = {
    "names": [{"name": "ZX Paging", "kind": "primary"}],
    "warrant_reference": "W-PAGING",
    "warrant_authority": "Criminal Court",
    "charges": "Trafficking",
    "language": "en",
}
NEXT = re.compile(r'<a href="([^"]+)" rel="next">')
PREVIOUS = re.compile(r'<a href="([^"]+)" rel="prev">')
CHANGED = "รายการนี้เปลี่ยนไปหลังจากสร้างลิงก์นั้น: นี่คือหน้าแรกของรายการ"  # the pager's note, in Thai


def _notice(world: Any, publish: bool = True) -> int:
    with world.db.write() as session:
        notice_id = service.create_notice(session, world.principal("thai_analyst"),
                                          parse(NoticeInput, NOTICE)).id  # fmt: skip
    for action in ("review", "publish") if publish else ():
        with world.db.write() as session:
            service.transition(session, world.principal("thai_liaison"), notice_id, action)
    return notice_id


def _copies(world: Any, model_id: int, count: int, **changes: Any) -> list[int]:
    """``count`` more notices like ``model_id`` (written directly: a list needs many rows)."""
    with world.db.write() as session:
        model = session.get(Notice, model_id)
        assert model is not None
        columns = {c.key: getattr(model, c.key) for c in Notice.__table__.columns
                   if c.key not in ("id", "uid")}  # fmt: skip
        made = [Notice(**{**columns, "uid": str(uuid.uuid4()), **changes}) for _ in range(count)]
        session.add_all(made)
        session.flush()
        return [n.id for n in made]


def _walk(client: Any, path: str, rows: re.Pattern[str], between: Any = None) -> list[int]:
    """The rows of every page of a web list, following its pager's Next link; ``between(n)``
    runs after page ``n`` was read (the list changes while it is walked)."""
    seen: list[int] = []
    shown = 0
    while True:
        answer = client.get(path)
        assert answer.status_code == 200, answer.text
        shown += 1
        seen += [int(found) for found in rows.findall(answer.text)]
        link = NEXT.search(answer.text)
        if link is None:
            return seen
        path = html.unescape(link.group(1))
        assert "after=" in path and f"page={shown + 1}" in path, path  # a keyset read, numbered
        if between is not None:
            between(shown)


def _walk_back(client: Any, path: str, rows: re.Pattern[str], between: Any) -> list[list[int]]:
    """The rows of every page of a web list from ``path`` back to its first page, following
    its pager's Previous link, page by page; ``between()`` runs after each page was read."""
    pages: list[list[int]] = []
    while True:
        answer = client.get(path)
        assert answer.status_code == 200, answer.text
        pages.append([int(found) for found in rows.findall(answer.text)])
        link = PREVIOUS.search(answer.text)
        if link is None:
            return pages
        path = html.unescape(link.group(1))
        between()


def _last_page(client: Any, path: str) -> str:
    while (link := NEXT.search(client.get(path).text)) is not None:
        path = html.unescape(link.group(1))
    return path


def test_walking_back_through_the_notices_shows_each_notice_once_while_notices_arrive(
    world: Any, browser: Any
) -> None:
    """The officer at the last page clicks Previous page after page while notices are
    published: read at an offset, every new notice would push the rows down and the page
    before would show again rows already seen."""
    first = _notice(world)
    visible = [first, *_copies(world, first, 124)]  # three pages of 50
    hidden = _copies(world, first, 3, origin_agency="LCDC", status="draft")
    arrived: list[int] = []
    browser.login("thai.liaison")
    last = _last_page(browser.client, "/fugitives")
    assert "page=3&after=" in last, last
    rows = re.compile(r'<a href="/fugitives/notices/(\d+)">')
    pages = _walk_back(browser.client, last, rows, lambda: arrived.extend(_copies(world, first, 7)))
    seen = [row for page in reversed(pages) for row in page]
    assert seen == sorted(visible + arrived, reverse=True)  # each once, none skipped
    assert not set(seen) & set(hidden)
    assert pages[0] == sorted(visible)[24::-1] and pages[1] == sorted(visible)[74:24:-1]
    # the fourth page back holds only the 21 notices published meanwhile, as a short first page
    assert len(pages) == 4 and sorted(pages[-1]) == sorted(arrived) and len(arrived) == 21


def _seizures(world: Any, count: int, prefix: str) -> tuple[Any, dict[str, str], dict[str, Any], list[tuple[date, int]]]:  # fmt: skip
    """One seizure recorded through the API and ``count`` copies of it on dates spread over
    2025 (references ``<prefix>-<n>``): the client, its headers, the seizure's columns (to
    make more) and every (date, id)."""
    from tests.node.test_listing import SEIZURE

    client, headers = world.app(), world.token("thai_liaison")
    made = client.post("/api/v1/seizures", json=SEIZURE, headers=headers)
    assert made.status_code == 201, made.text
    first = made.json()["id"]
    days = [date(2025, 1 + n % 12, 1 + n % 28) for n in range(count)]
    with world.db.write() as session:
        model = session.get(Seizure, first)
        assert model is not None
        columns = {c.key: getattr(model, c.key) for c in Seizure.__table__.columns
                   if c.key not in ("id", "uid", "reference")}  # fmt: skip
        copies = [Seizure(**{**columns, "uid": str(uuid.uuid4()), "reference": f"{prefix}-{n}",
                             "seized_on": day}) for n, day in enumerate(days)]  # fmt: skip
        session.add_all(copies)
        session.flush()
        listed = [(s.seized_on, s.id) for s in copies] + [(model.seized_on, first)]
    return client, headers, columns, listed


def test_walking_back_through_the_seizures_follows_their_own_order_while_seizures_arrive(
    world: Any, browser: Any
) -> None:
    """Seizures list the latest seized first: the page before is read from the first row's
    (date, id) in the reverse order, and seizures recorded meanwhile (the latest of all) only
    add pages at the top."""
    _, _, columns, listed = _seizures(world, 110, "ZB")
    arrived: list[tuple[date, int]] = []

    def arrive() -> None:  # the latest seizures of all, recorded between two pages
        with world.db.write() as session:
            new = [Seizure(**{**columns, "uid": str(uuid.uuid4()), "reference": f"ZB-NEW-{len(arrived) + n}",
                              "seized_on": date(2026, 12, 1)}) for n in range(30)]  # fmt: skip
            session.add_all(new)
            session.flush()
            arrived.extend((s.seized_on, s.id) for s in new)

    browser.login("thai.liaison")
    last = _last_page(browser.client, "/seizures")
    pages = _walk_back(browser.client, last, re.compile(r'<a href="/seizures/(\d+)"'), arrive)
    seen = [row for page in reversed(pages) for row in page]
    assert seen == [ident for _, ident in sorted(listed + arrived, reverse=True)]


def test_the_notices_list_shows_each_visible_notice_once_while_notices_arrive(
    world: Any, browser: Any
) -> None:
    first = _notice(world)
    visible = [first, *_copies(world, first, 104)]  # three pages of 50
    hidden = _copies(world, first, 7, origin_agency="LCDC", status="draft")  # a partner's draft
    arrived: list[int] = []

    def arrive(page: int) -> None:  # a notice published while the officer reads the list
        arrived.extend(_copies(world, first, 1))

    browser.login("thai.liaison")
    seen = _walk(browser.client, "/fugitives", re.compile(r'<a href="/fugitives/notices/(\d+)">'), arrive)  # fmt: skip
    assert len(arrived) == 2
    assert seen == sorted(visible, reverse=True)  # each once, newest first: none twice
    assert not set(seen) & set(hidden)
    by_number = browser.client.get("/fugitives?page=3").text  # a page number alone: its offset
    assert re.findall(r'/fugitives/notices/(\d+)"', by_number) == [
        str(n) for n in sorted(visible)[6::-1]
    ]


def _queue(world: Any, count: int) -> tuple[list[int], list[int]]:
    """``count`` open hits in the ONCB agency's review queue on a notice its users see (the
    ids, most probable first), and hits its users may not see: on a notice this node does not
    hold, and from another agency's run."""
    notice_id = _notice(world)
    with world.db.write() as session:
        uid = session.scalar(select(Notice.uid).where(Notice.id == notice_id))
        own = ScreeningRun(agency="ONCB", username="thai_liaison", source="single", status="done")
        other = ScreeningRun(agency="LCDC", username="lao_liaison", source="single", status="done")
        session.add_all([own, other])
        session.flush()
        shown = [ScreeningHit(screening_id=own.id, row=n, query_name=f"Q{n}", matched_name="ZX",
                              notice_uid=uid, probability=0.3 + n / 200, decision="review")
                 for n in range(count)]  # fmt: skip
        unseen = [
            ScreeningHit(screening_id=own.id, row=900, query_name="QH1", matched_name="ZX",
                         notice_uid=str(uuid.uuid4()), probability=0.99, decision="match"),
            ScreeningHit(screening_id=other.id, row=901, query_name="QH2", matched_name="ZX",
                         notice_uid=uid, probability=0.98, decision="match"),
        ]  # fmt: skip
        session.add_all(shown + unseen)
        session.flush()
        return [h.id for h in reversed(shown)], [h.id for h in unseen]


def test_the_review_queue_shows_each_hit_once_while_the_officer_decides(
    world: Any, browser: Any
) -> None:
    """The officer decides the first page's top hit after reading it: read at an offset, the
    next pages would start one row further and skip a hit that is still waiting."""
    queue, hidden = _queue(world, 60)  # three pages of 25
    browser.login("thai.liaison")

    def decide(page: int) -> None:
        answer: Any = browser.post(f"/fugitives/hits/{queue[page - 1]}/decide",
                                   {"verdict": "rejected", "back": "queue"})  # fmt: skip
        assert answer.status_code == 303, answer.text

    hit_rows = re.compile(r'action="/fugitives/hits/(\d+)/decide"')
    seen = _walk(browser.client, "/fugitives/hits", hit_rows, decide)
    assert seen == queue  # most probable first, each once, none skipped
    assert not set(seen) & set(hidden)
    assert len(_walk(browser.client, "/fugitives/hits", hit_rows)) == 58  # two were decided


def test_a_bad_or_stale_cursor_gives_the_first_page_with_a_note(world: Any, browser: Any) -> None:
    queue, _ = _queue(world, 30)
    browser.login("thai.liaison")  # reads Thai
    first = browser.client.get("/fugitives/hits").text
    assert CHANGED not in first
    link = html.unescape(NEXT.search(first).group(1))  # type: ignore[union-attr]
    assert link.endswith(f"page=2&after={queue[24]}"), link
    answer: Any = browser.post(f"/fugitives/hits/{queue[24]}/decide", {"verdict": "rejected"})
    assert answer.status_code == 303
    for path in (link, "/fugitives/hits?page=2&after=x", "/fugitives/hits?page=7&after=0",
                 "/fugitives/hits?alerts_page=2&alerts_after=99999999999",
                 "/fugitives?page=4&after=-3", "/fugitives/screen?after=%E0%B9%91"):  # fmt: skip
        again = browser.client.get(path)
        assert again.status_code == 200 and CHANGED in again.text, path
        assert "หน้า 1 จาก" in again.text, path  # the first page
        assert re.search(re.escape(CHANGED) + r"</p>\s*<table", again.text), path  # above the list
    # the hit after the decided one is still the second page's first, by its own cursor
    second = browser.client.get(f"/fugitives/hits?page=2&after={queue[23]}").text
    assert re.findall(r'action="/fugitives/hits/(\d+)/decide"', second) == [str(h) for h in queue[25:]]  # fmt: skip


def test_a_bad_or_stale_previous_cursor_gives_the_first_page_with_the_note_above_it(
    world: Any, browser: Any
) -> None:
    queue, _ = _queue(world, 60)
    browser.login("thai.liaison")  # reads Thai
    second = browser.client.get(f"/fugitives/hits?page=2&after={queue[24]}").text
    back = html.unescape(PREVIOUS.search(second).group(1))  # type: ignore[union-attr]
    assert back.endswith(f"page=1&before={queue[25]}"), back
    again = browser.client.get(back).text
    assert CHANGED not in again
    assert re.findall(r'action="/fugitives/hits/(\d+)/decide"', again) == [str(h) for h in queue[:25]]  # fmt: skip
    answer: Any = browser.post(f"/fugitives/hits/{queue[25]}/decide", {"verdict": "rejected"})
    assert answer.status_code == 303
    for path in (back, "/fugitives/hits?page=2&before=x", "/fugitives/hits?page=7&before=0",
                 "/fugitives/hits?alerts_page=2&alerts_before=99999999999",
                 "/fugitives?page=4&before=-3", "/fugitives/screen?before=%E0%B9%91",
                 "/seizures?page=3&before=1e3", "/reports?before=%3Cscript%3E"):  # fmt: skip
        text = browser.client.get(path).text
        assert CHANGED in text, path
        assert "หน้า 1 จาก" in text, path  # the first page
        assert re.search(re.escape(CHANGED) + r"</p>\s*<table", text), path  # right above the list


def test_the_seizures_list_pages_in_its_own_order_while_seizures_arrive(
    world: Any, browser: Any
) -> None:
    """Seizures list the latest seized first: the cursor continues in that order (dates and ids
    interleaved), and a seizure recorded between two pages appears on none of the later ones."""
    from tests.node.test_listing import SEIZURE

    client, headers, _, listed = _seizures(world, 64, "ZX")

    def arrive(page: int) -> None:  # the latest seizure of all, recorded between two pages
        body = {**SEIZURE, "reference": f"ZX-NEW-{page}", "seized_on": "2026-12-01"}
        assert client.post("/api/v1/seizures", json=body, headers=headers).status_code == 201

    browser.login("thai.liaison")
    seen = _walk(browser.client, "/seizures", re.compile(r'<a href="/seizures/(\d+)"'), arrive)
    assert seen == [ident for _, ident in sorted(listed, reverse=True)]


def test_the_seizures_pager_keeps_every_filter(world: Any, browser: Any) -> None:
    """The Next link keeps the list's filters, the originating agency among them, written as
    a query string (a value with & or # in it stays one value): the later pages are still the
    filtered list."""
    from tests.node.test_listing import SEIZURE

    client, headers = world.app(), world.token("thai_liaison")
    made = client.post("/api/v1/seizures", json=SEIZURE, headers=headers)
    assert made.status_code == 201, made.text
    with world.db.write() as session:
        model = session.get(Seizure, made.json()["id"])
        assert model is not None
        columns = {c.key: getattr(model, c.key) for c in Seizure.__table__.columns
                   if c.key not in ("id", "uid", "reference", "origin_agency", "received")}  # fmt: skip
        ours = [Seizure(**{**columns, "uid": str(uuid.uuid4()), "reference": f"ZO-{n}",
                           "origin_agency": "ONCB", "received": False}) for n in range(60)]  # fmt: skip
        theirs = [Seizure(**{**columns, "uid": str(uuid.uuid4()), "reference": f"ZN-{n}", "distribution": "peers",
                             "origin_agency": "NNCC", "received": True}) for n in range(5)]  # fmt: skip
        session.add_all(theirs)  # older than ours: after the first page's cursor
        session.add_all(RecordRecipient(record_uid=s.uid, agency_code="ONCB") for s in theirs)
        session.flush()
        session.add_all(ours)
        session.flush()
        expected = {s.id for s in ours} | {model.id}
        others = {s.id for s in theirs}
    browser.login("thai.liaison")
    rows = re.compile(r'<a href="/seizures/(\d+)"')
    whole = set(_walk(browser.client, "/seizures", rows))
    assert others <= whole  # the partner's copies are on the unfiltered list
    seen = _walk(browser.client, "/seizures?origin=ONCB", rows)
    assert sorted(seen) == sorted(expected)
    page = browser.client.get("/seizures?origin=A%26B%23C")
    assert page.status_code == 200
    assert "origin=A%26B%23C" in html.unescape(page.text) or NEXT.search(page.text) is None
