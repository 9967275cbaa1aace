"""Screening names against notices: across scripts with explanations, ranking, files with bad
cells named, visibility, the API for border checkpoints, and the hit workflow."""

from __future__ import annotations

import io
import itertools
import re
import uuid
from typing import Any

import openpyxl
import pytest
from sqlalchemy import select

from mekongx.audit import AuditEvent
from mekongx.domains.fugitives import screening, service
from mekongx.domains.fugitives.models import (
    HitAlert,
    IndexVersion,
    Notice,
    ScreeningHit,
    ScreeningRun,
)
from mekongx.domains.fugitives.schemas import HitDecision, NoticeInput, ScreenQuery
from mekongx.validation import parse

LAN: dict[str, Any] = {
    "names": [{"name": "兰卫红", "kind": "primary"}],
    "sex": "M",
    "birth_date": "1978-05-02",
    "nationality": "CN",
    "documents": [{"type": "passport", "number": "E12345678", "country": "CN"}],
    "warrant_reference": "W-LAN",
    "warrant_authority": "Criminal Court",
    "charges": "Trafficking",
    "language": "zh",
}


def published(world: Any, names: list[str], ref: str, **fields: Any) -> int:
    data = {**LAN, "names": [{"name": n, "kind": "primary"} for n in names],
            "warrant_reference": ref, **fields}  # fmt: skip
    with world.db.write() as session:
        notice = service.create_notice(
            session, world.principal("thai_analyst"), parse(NoticeInput, data)
        )
        notice_id = notice.id
    for action in ("review", "publish"):
        with world.db.write() as session:
            service.transition(session, world.principal("thai_liaison"), notice_id, action)
    return notice_id


def screen(world: Any, user: str, name: str, **fields: str) -> list[screening.Result]:
    with world.db.read() as session:
        query = parse(ScreenQuery, {"name": name, **fields})
        return screening.screen(session, world.principal(user), [query])[0]


@pytest.fixture
def notices(world: Any) -> dict[str, int]:
    for code in ("LCDC", "CCDAC"):  # partners' nodes, peered before anything is published
        world.partner(code)
    return {
        "lan": published(
            world, ["兰卫红"], "W-LAN", distribution="group", sharing_group="SAFE-MEKONG"
        ),
        "wang": published(world, ["王小明", "Wang Xiaoming"], "W-WANG", birth_date="1990"),
        "somchai": published(world, ["สมชาย ใจดี"], "W-SOMCHAI", nationality="TH", birth_date=""),
    }


@pytest.mark.parametrize("query", ["Lan Weihong", "หลาน เว่ยหง", "蘭衛紅"])
def test_finds_lan_weihong_across_scripts_with_an_explanation(
    world: Any, notices: dict[str, int], query: str
) -> None:
    found = screen(world, "thai_viewer", query)
    assert found and found[0].notice_id == notices["lan"], found
    assert found[0].matched_name == "兰卫红" and found[0].probability > 0.9
    thai = " ".join(text for _, text in found[0].explain("th"))
    chinese = " ".join(text for _, text in found[0].explain("zh"))
    english = " ".join(text for _, text in found[0].explain("en"))
    assert "นามสกุล" in thai and "姓氏" in chinese and "Surname" in english
    # Lao, Burmese, Khmer and Vietnamese officers read it in their language, not in English
    for lang, script in (("lo", "\u0e80-\u0eff"), ("my", "\u1000-\u109f"), ("km", "\u1780-\u17ff")):
        text = " ".join(text for _, text in found[0].explain(lang))
        assert re.search(f"[{script}]", text) and "Surname" not in text, (lang, text)
    assert "Surname" not in " ".join(text for _, text in found[0].explain("vi"))


def test_ranking_and_evidence(world: Any, notices: dict[str, int]) -> None:
    # a homophone (same pinyin, another character), born another year, another passport
    homophone = published(world, ["兰卫宏"], "W-LAN2", birth_date="1985",
                          documents=[{"type": "passport", "number": "G7654321"}])  # fmt: skip
    found = screen(world, "thai_liaison", "Lan Weihong", birth_date="1978-05-02",
                   document_number="E 1234 5678")  # fmt: skip
    ids = [r.notice_id for r in found]
    assert ids[0] == notices["lan"]
    assert all(a.probability >= b.probability for a, b in itertools.pairwise(found))
    codes = {r["code"] for r in found[0].reasons}
    assert {"dob_match", "document_match"} <= codes
    assert notices["wang"] not in ids and notices["somchai"] not in ids
    assert homophone in ids and ids.index(homophone) > 0
    against = {r["code"] for r in found[ids.index(homophone)].reasons}
    assert {"dob_mismatch", "document_mismatch"} <= against
    assert screen(world, "thai_liaison", "Somchai Jaidee")[0].notice_id == notices["somchai"]


def test_only_published_and_visible_notices_are_hits(world: Any, notices: dict[str, int]) -> None:
    own_only = published(world, ["刘德明"], "W-OWN")  # distribution: own agency only
    assert [r.notice_id for r in screen(world, "thai_viewer", "Liu Deming")] == [own_only]
    lcdc, ccdac = world.partner("LCDC"), world.partner("CCDAC")
    world.exchange()  # partners screen on their own nodes, against what reached them
    assert screen(lcdc, "lao_viewer", "Liu Deming") == []
    [lan] = screen(lcdc, "lao_viewer", "Lan Weihong")  # group
    assert lcdc.uid_of(Notice, lan.notice_id) == world.uid_of(Notice, notices["lan"])
    assert screen(ccdac, "myanmar_viewer", "Lan Weihong") == []
    with world.db.write() as session:  # a draft is never screened against
        service.create_notice(session, world.principal("thai_analyst"),
                              parse(NoticeInput, {**LAN, "names": [{"name": "陈志强"}]}))  # fmt: skip
    assert screen(world, "thai_viewer", "Chen Zhiqiang") == []
    with world.db.write() as session:
        service.transition(session, world.principal("thai_liaison"), own_only, "withdraw", "caught")
    assert screen(world, "thai_viewer", "Liu Deming") == []


def test_a_screening_asks_the_database_only_about_the_notices_it_found(
    world: Any, notices: dict[str, int]
) -> None:
    """Visibility is decided in the database for the index's candidates only: the search no
    longer reads the uid of every visible notice (20,000 of them cost 15-40 ms a search)."""
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    for n in range(5):
        published(world, [f"Somsak Rakdee {n}"], f"W-OTHER-{n}")
    assert screen(world, "thai_viewer", "Lan Weihong")  # the index is built
    seen: list[str] = []

    def log(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        seen.append(" ".join(statement.split()))

    event.listen(Engine, "before_cursor_execute", log)
    try:
        [lan] = screen(world, "thai_viewer", "Lan Weihong")
    finally:
        event.remove(Engine, "before_cursor_execute", log)
    assert lan.notice_id == notices["lan"]
    read = [s for s in seen if "FROM fugitive_notices" in s]
    assert read and all("fugitive_notices.uid IN" in s for s in read), read


def test_index_is_rebuilt_when_notices_change(world: Any, notices: dict[str, int]) -> None:
    with world.db.read() as session:
        before = screening.index_for(session)
        assert screening.index_for(session) is before  # cached while nothing changes
        version = session.get(IndexVersion, 1)
        assert version is not None and before.stamp == (version.version, version.stamp)
    published(world, ["黄金海"], "W-HUANG")
    with world.db.read() as session:
        after = screening.index_for(session)
    assert after is not before and len(after.index) == len(before.index) + 1


def follow(browser: Any, answer: Any) -> Any:
    """Browser does not follow redirects: go where a 303 points."""
    if answer.status_code == 303:
        return browser.client.get(answer.headers["location"])
    return answer


def _xlsx(rows: list[list[Any]]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_hotel_register_file_hits_reviewed_and_alerted(
    world: Any, notices: dict[str, int], browser: Any
) -> None:
    browser.login("thai.liaison")
    register = "ห้อง,ชื่อ-นามสกุล,วันเกิด,สัญชาติ,เลขหนังสือเดินทาง\n101,Somsak Rakthai,1980,TH,\n102,หลาน เว่ยหง,02/05/1978,CN,E12345678\n103,Maria Lopez,1990-01-01,ES,X1\n"
    answer = browser.client.post("/fugitives/screen/file", data={"csrf_token": browser.csrf},
                                 files={"file": ("hotel.csv", register.encode(), "text/csv")})  # fmt: skip
    answer = follow(browser, answer)
    assert answer.status_code == 200, answer.text[:500]
    assert "兰卫红" in answer.text and "นามสกุล" in answer.text  # Thai explanation for a Thai user
    with world.db.read() as session:
        hits = screening.open_hits(session, world.principal("thai_liaison")).items
    assert [(h.row, h.notice_uid) for h in hits][:1] == [(3, hits[0].notice_uid)]
    decided = browser.post(f"/fugitives/hits/{hits[0].id}/decide",
                           {"verdict": "confirmed", "note": "ตรวจหนังสือเดินทางแล้ว"})  # fmt: skip
    assert follow(browser, decided).status_code == 200
    with world.db.read() as session:
        alerts = list(session.scalars(select(HitAlert)))
        assert len(alerts) == 1 and alerts[0].query_name == "หลาน เว่ยหง"
    queue = browser.client.get("/fugitives/hits")
    assert queue.status_code == 200 and "หลาน เว่ยหง" in queue.text
    assert "ตรวจหนังสือเดินทางแล้ว" in queue.text  # the confirming officer's note
    with world.db.read() as session:
        notice = service.load(session, world.principal("thai_liaison"), alerts[0].notice_uid)
    page = browser.client.get(f"/fugitives/notices/{notice.id}")  # at the issuing agency
    assert 'class="hit-note">ตรวจหนังสือเดินทางแล้ว<' in page.text


def _walk(world: Any, listing: Any, principal: Any) -> list[int]:
    """Every row of a screening list, one a page through the keyset cursor."""
    seen: list[int] = []
    after = None
    while True:
        with world.db.read() as session:
            found = listing(session, principal, per_page=1, after=after)
        seen += [row.id for row in found.items]
        if found.next_after is None:
            return seen
        after = found.next_after


def test_runs_hits_and_alerts_page_each_once(
    world: Any, notices: dict[str, int], browser: Any
) -> None:
    liaison = world.principal("thai_liaison")
    with world.db.write() as session:
        for name in ("Lan Weihong", "Wang Xiaoming", "Somchai Jaidee", "หลาน เว่ยหง"):
            run, _ = screening.screen_now(session, liaison, [parse(ScreenQuery, {"name": name})], "single")  # fmt: skip
        # a hit on a notice this node does not hold (or the user may not see): never listed,
        # never counted
        session.add(ScreeningHit(screening_id=run.id, row=9, query_name="ZX", matched_name="ZX",
                                 notice_uid=str(uuid.uuid4()), probability=0.99, decision="match"))  # fmt: skip
    with world.db.read() as session:
        runs = sorted(session.scalars(select(ScreeningRun.id)), reverse=True)
        hidden = session.scalar(select(ScreeningHit.id).where(ScreeningHit.query_name == "ZX"))
        queue = session.execute(select(ScreeningHit.id, ScreeningHit.probability)
                                .where(ScreeningHit.status == "open", ScreeningHit.id != hidden)).all()  # fmt: skip
    hits = [i for i, _ in sorted(queue, key=lambda h: (h.probability, h.id), reverse=True)]
    assert len(runs) == 4 and len(hits) >= 4
    assert _walk(world, screening.list_runs, liaison) == runs
    assert _walk(world, screening.open_hits, liaison) == hits  # most probable first, each once
    with world.db.write() as session:
        assert screening.count_open(session, liaison) == len(hits)
        for hit_id in hits[:3]:
            screening.decide(session, liaison, hit_id, HitDecision(verdict="confirmed"))
    with world.db.read() as session:
        alerts = sorted(session.scalars(select(HitAlert.id)), reverse=True)
    assert len(alerts) == 3 and _walk(world, screening.alerts, liaison) == alerts
    browser.login("thai.liaison")  # the pages show the shared pager; a bad page number is named
    for path in ("/fugitives/screen", "/fugitives/hits"):
        answer = browser.client.get(path)
        assert answer.status_code == 200 and 'class="pager"' in answer.text, path
    assert browser.client.get("/fugitives/hits").text.count('class="pager"') == 2
    second = browser.client.get("/fugitives/hits?alerts_page=2")
    assert second.status_code == 200 and "alerts_page=1" in second.text  # back to the first
    for bad in ("/fugitives/screen?page=0", "/fugitives/hits?page=x", "/fugitives/hits?alerts_page=-1"):  # fmt: skip
        answer = browser.client.get(bad)
        assert answer.status_code == 422 and "ข้อมูลบางช่องไม่ถูกต้อง" in answer.text, bad  # Thai


def test_rejected_hit_feeds_the_engine(world: Any, notices: dict[str, int]) -> None:
    liaison = world.principal("thai_liaison")
    with world.db.write() as session:
        run, results = screening.screen_now(
            session, liaison, [parse(ScreenQuery, {"name": "Wang Xiaoming"})], "single"
        )
        assert results[0][0].notice_id == notices["wang"]
        hit_id = session.scalars(
            select(ScreeningHit.id).where(ScreeningHit.screening_id == run.id)
        ).first()
    assert hit_id is not None
    with world.db.write() as session:
        screening.decide(
            session, liaison, hit_id, HitDecision(verdict="rejected", note="other man")
        )
    assert all(
        r.notice_id != notices["wang"] for r in screen(world, "thai_liaison", "Wang Xiaoming")
    )
    with world.db.write() as session, pytest.raises(Exception, match="decided"):
        screening.decide(session, liaison, hit_id, HitDecision(verdict="confirmed"))


@pytest.mark.parametrize(
    ("content", "name", "expected"),
    [
        ("name,dob\nLan Weihong,1978\nWang,13/13/1990\n", "a.csv", ["Row 3", "dob"]),
        # the problem's own values are filled in, not left as %(date)s
        ("name,dob\nWang,1990-02-30\n", "g.csv", ["Row 2", "(1990-02-30)", "28"]),
        ("姓名,国籍\n兰卫红,CN\n王小明,China\n", "b.csv", ["Row 3", "国籍"]),
        ("ชื่อ,วันเกิด\nสมชาย,1980\n,1990\n", "c.csv", ["Row 3", "ชื่อ"]),
        ("city,date\nBangkok,2024\n", "d.csv", ["Row 1"]),
        (b"\xff\xfe\x00bad", "e.csv", ["UTF-8"]),
        (b"PK\x03\x04 not really a workbook", "f.xlsx", ["Excel"]),
    ],
)
def test_bad_files_name_row_and_column_and_write_nothing(
    world: Any, browser: Any, notices: dict[str, int], content: Any, name: str, expected: list[str]
) -> None:
    browser.login("thai.viewer")
    data = content.encode() if isinstance(content, str) else content
    answer = browser.client.post("/fugitives/screen/file", data={"csrf_token": browser.csrf},
                                 files={"file": (name, data, "text/csv")})  # fmt: skip
    assert answer.status_code == 422
    for word in expected:
        assert word in answer.text, answer.text
    with world.db.read() as session:
        assert screening.list_runs(session, world.principal("thai_viewer")).items == []


def test_excel_passenger_list(world: Any, browser: Any, notices: dict[str, int]) -> None:
    import datetime as dt

    browser.login("thai.viewer")
    data = _xlsx([["Seat", "Passenger name", "Date of birth", "Nationality", "Passport No."],
                  ["1A", "LAN WEIHONG", dt.datetime(1978, 5, 2), "CN", "E12345678"],
                  ["1B", "John Smith", dt.datetime(1970, 1, 1), "GB", "123"]])  # fmt: skip
    answer = browser.client.post("/fugitives/screen/file", data={"csrf_token": browser.csrf},
                                 files={"file": ("flight.xlsx", data, "application/octet-stream")})  # fmt: skip
    answer = follow(browser, answer)
    assert answer.status_code == 200 and "兰卫红" in answer.text
    bad = _xlsx([["Passenger name", "Date of birth"], ["LAN WEIHONG", "soon"]])
    answer = browser.client.post("/fugitives/screen/file", data={"csrf_token": browser.csrf},
                                 files={"file": ("bad.xlsx", bad, "application/octet-stream")})  # fmt: skip
    assert answer.status_code == 422 and "Row 2" in answer.text and "Date of birth" in answer.text


def test_api_screening_single_and_batch(
    world: Any, app_client: Any, token_for: Any, notices: dict[str, int]
) -> None:
    headers = token_for("thai_viewer")
    one = app_client.post("/api/v1/fugitives/screen", headers=headers,
                          json={"name": "หลาน เว่ยหง", "birth_date": "1978"})  # fmt: skip
    assert one.status_code == 200, one.text
    hit = one.json()["results"][0]["hits"][0]
    assert hit["matched_name"] == "兰卫红" and hit["explanation"][0]["text"]
    batch = app_client.post("/api/v1/fugitives/screen", headers=headers,
                            json={"items": [{"name": "Nobody Atall"}, {"name": "Lan Weihong"}]})  # fmt: skip
    assert batch.status_code == 200
    results = batch.json()["results"]
    assert results[0]["hits"] == [] and results[1]["hits"][0]["matched_name"] == "兰卫红"
    bad = app_client.post("/api/v1/fugitives/screen", headers=headers,
                          json={"items": [{"name": "A"}, {"name": "B", "birth_date": "soon"}]})  # fmt: skip
    assert bad.status_code == 422
    assert bad.json()["error"]["fields"][0]["field"] == "items.1.birth_date"
    assert app_client.post("/api/v1/fugitives/screen", json={"name": "x"}).status_code == 401
    ccdac = world.partner("CCDAC")  # not in the sharing group: nothing reached its node
    world.exchange()
    with ccdac.app() as there:
        myanmar = there.post("/api/v1/fugitives/screen", headers=ccdac.token("myanmar_viewer"),
                             json={"name": "Lan Weihong"})  # fmt: skip
    assert myanmar.status_code == 200 and myanmar.json()["results"][0]["hits"] == []
    with world.db.read() as session:
        assert session.scalar(select(AuditEvent).where(AuditEvent.action == "fugitives.screen"))


def test_big_file_is_screened_in_chunks_with_progress(
    world: Any, browser: Any, notices: dict[str, int]
) -> None:
    nncc = world.partner("NNCC")
    world.exchange()  # the notices reach the partners; the run below sends nothing
    viewer = world.principal("thai_viewer")
    people = [{"row": i + 2, "name": f"Traveller Number{i}", "birth_date": "",
               "nationality": "", "document_number": "", "reference": ""} for i in range(450)]  # fmt: skip
    people[300]["name"] = "Lan Weihong"
    with world.db.write() as session:
        run_id = screening.start_file(session, viewer, "border.csv", people).id
    browser.login("thai.viewer")
    page = browser.client.get(f"/fugitives/screenings/{run_id}")
    assert page.status_code == 200 and f"/fugitives/screenings/{run_id}/progress" in page.text
    done = []
    for _ in range(2):
        with world.db.write() as session:
            done.append(screening.process_chunk(session, viewer, run_id))
        with world.db.read() as session:
            run = screening.get_run(session, viewer, run_id)
            assert run.done == min(450, screening.CHUNK * len(done))
    assert done == [False, False]
    # the worker stopped (say, a restart): the officer continues the run from the page
    resumed = browser.post(f"/fugitives/screenings/{run_id}/resume", {})
    assert resumed.status_code == 303
    with world.db.read() as session:
        run = screening.get_run(session, viewer, run_id)
        assert run.status == "done" and run.done == 450
    progress = browser.client.get(f"/fugitives/screenings/{run_id}/progress")
    assert progress.status_code == 200 and "hx-get" not in progress.text
    assert "兰卫红" in progress.text
    with world.db.read() as session:
        hits = screening.hits_of(session, viewer, run_id)
        assert [h.row for h in hits] == [302]
    assert world.exchange() == 0  # screening runs never leave the node
    with nncc.db.read() as session, pytest.raises(Exception, match="No such record"):
        screening.get_run(session, nncc.principal("chinese_liaison"), run_id)


def test_received_notice_is_a_read_only_copy(world: Any) -> None:
    from mekongx.domains.fugitives import exchange
    from mekongx.errors import Forbidden
    from mekongx.federation.handlers import Received

    data = {"uid": "0b0f0c2e-1111-4000-8000-000000000001", "version": 1,
            "names": [{"name": "李国强", "kind": "primary"}], "sex": "M", "birth_date": "1980",
            "nationality": "CN", "documents": [], "warrant_reference": "NNCC-7",
            "warrant_authority": "Kunming PSB", "charges": "Trafficking", "legal_provisions": "",
            "remarks": "", "language": "zh", "handling_code": "H0", "handling_note": "",
            "distribution": "peers", "origin_agency": "NNCC", "author_name": "x",
            "recipients": ["ONCB"], "created_at": "2026-11-20T00:00:00+00:00",
            "published_at": "2026-11-20T00:00:00+00:00", "photo": None}  # fmt: skip
    received = Received("m1", "notice", "NNCC", "ONCB", None, None, "H0", "")
    with world.db.write() as session:
        exchange.apply_notice(session, received, data)
    found = screen(world, "thai_viewer", "Li Guoqiang")
    assert found and found[0].matched_name == "李国强"
    with world.db.write() as session, pytest.raises(Forbidden):
        service.transition(session, world.principal("thai_liaison"), found[0].notice_id,
                           "withdraw", "no")  # fmt: skip
    forged = Received("m2", "notice", "LCDC", "ONCB", None, None, "H0", "")
    with world.db.write() as session, pytest.raises(Forbidden):
        exchange.apply_notice(session, forged, {**data, "origin_agency": "LCDC"})
    lcdc = world.partner("LCDC")  # addressed to ONCB: ONCB does not pass it on
    world.exchange()
    assert screen(lcdc, "lao_viewer", "Li Guoqiang") == []


def test_a_confirmed_hits_note_reaches_the_issuer_in_its_language(world: Any, browser: Any) -> None:  # fmt: skip
    """Issue 11 point 5: NNCC's officer confirms a hit on ONCB's Thai notice with a note in
    Chinese and its Thai translation; ONCB's Thai officer reads the Thai, with the original
    beside it; a reader of another language reads the original."""
    nncc = world.partner("NNCC")  # peered before the notice is published
    notice_id = published(world, ["สมศักดิ์ รักไทย"], "W-TH-5", nationality="TH", language="th",
                          distribution="peers", recipients=["NNCC"])  # fmt: skip
    world.exchange()
    officer = nncc.principal("chinese_liaison")
    with nncc.db.write() as session:
        run, results = screening.screen_now(
            session, officer, [parse(ScreenQuery, {"name": "สมศักดิ์ รักไทย"})], "single"
        )
        assert results[0], "the notice reached NNCC"
        hit_id = session.scalars(
            select(ScreeningHit.id).where(ScreeningHit.screening_id == run.id)
        ).one()
    with nncc.db.write() as session:
        screening.decide(session, officer, hit_id, HitDecision(
            verdict="confirmed", note="12月2日在磨憨口岸见到", note_translation="พบที่ด่านบ่อหาน 2 ธ.ค."))  # fmt: skip
    world.exchange()
    with world.db.read() as session:
        alert = session.scalars(select(HitAlert)).one()
        assert (alert.note_language, alert.from_agency) == ("zh", "NNCC")
    browser.login("thai.liaison")  # Thai
    page = browser.client.get(f"/fugitives/notices/{notice_id}").text
    assert 'class="hit-note">พบที่ด่านบ่อหาน 2 ธ.ค.<br><small class="muted" lang="zh">12月2日在磨憨口岸见到</small>' in page  # fmt: skip
    browser.client.cookies.clear()
    browser.login("thai.viewer")  # English: no translation into English, the original
    page = browser.client.get(f"/fugitives/notices/{notice_id}").text
    assert 'class="hit-note">12月2日在磨憨口岸见到</td>' in page


def test_the_decision_form_offers_a_translation_into_the_notices_language(world: Any, notices: dict[str, int], browser: Any) -> None:  # fmt: skip
    liaison = world.principal("thai_liaison")  # Thai; the notice of 兰卫红 is in Chinese
    with world.db.write() as session:
        screening.screen_now(session, liaison, [parse(ScreenQuery, {"name": "兰卫红"})], "single")
    browser.login("thai.liaison")
    queue = browser.client.get("/fugitives/hits").text
    assert 'name="note_translation" maxlength="2000" lang="zh"' in queue
    assert "สำหรับหน่วยงานที่ออกหมายจับ" in queue  # the label in the officer's Thai


def test_the_hits_page_reads_each_lists_notices_in_the_lists_own_statement(
    world: Any, notices: dict[str, int], browser: Any
) -> None:
    """The review queue and the confirmed hits show each hit's notice (link, agency, warrant
    reference, the note's translation into the notice's language) read by the lists' own
    statements: no statement reads the notices by themselves (two more round trips a page)."""
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    liaison = world.principal("thai_liaison")  # Thai
    with world.db.write() as session:
        screening.screen_now(session, liaison, [parse(ScreenQuery, {"name": "兰卫红"})], "single")
        run, _ = screening.screen_now(session, liaison, [parse(ScreenQuery, {"name": "王小明"})], "single")  # fmt: skip
        wang = session.scalars(select(ScreeningHit.id).where(ScreeningHit.screening_id == run.id)).one()  # fmt: skip
        screening.decide(session, liaison, wang, HitDecision(verdict="confirmed", note="seen"))
    browser.login("thai.liaison")
    seen: list[str] = []

    def log(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        seen.append(" ".join(statement.split()))

    event.listen(Engine, "before_cursor_execute", log)
    try:
        page = browser.client.get("/fugitives/hits")
    finally:
        event.remove(Engine, "before_cursor_execute", log)
    assert page.status_code == 200
    notices_read = [s for s in seen if "fugitive_notices" in s]
    assert notices_read and all("fugitive_hits" in s or "fugitive_hit_alerts" in s for s in notices_read), notices_read  # fmt: skip
    lan = f'<a href="/fugitives/notices/{notices["lan"]}">兰卫红</a> <span class="muted">(ONCB, W-LAN)</span>'  # fmt: skip
    assert lan in page.text
    assert (
        'name="note_translation" maxlength="2000" lang="zh"' in page.text
    )  # the notice's language
    assert f'<a href="/fugitives/notices/{notices["wang"]}">W-WANG</a>' in page.text  # the alert
    run_page = browser.client.get(f"/fugitives/screenings/{run.id}").text
    assert f'<a href="/fugitives/notices/{notices["wang"]}">' in run_page  # the run's page too


def test_the_review_queue_shows_25_hits_a_page_and_the_rest_on_the_next(
    world: Any, notices: dict[str, int], browser: Any
) -> None:
    liaison = world.principal("thai_liaison")
    with world.db.write() as session:
        run, _ = screening.screen_now(session, liaison, [parse(ScreenQuery, {"name": "Nobody Atall"})], "single")  # fmt: skip
        lan = session.get(Notice, notices["lan"])
        assert lan is not None
        session.add_all(ScreeningHit(screening_id=run.id, row=n, query_name=f"Q{n}", matched_name="兰卫红",
                                     notice_uid=lan.uid, probability=0.5 + n / 100, decision="review")
                        for n in range(26))  # fmt: skip
    browser.login("thai.liaison")
    first = browser.client.get("/fugitives/hits").text
    second = browser.client.get("/fugitives/hits?page=2").text
    assert first.count('action="/fugitives/hits/') == 25 and second.count('action="/fugitives/hits/') == 1  # fmt: skip
    assert "<td>Q25</td>" in first and "<td>Q0</td>" in second  # most probable first
