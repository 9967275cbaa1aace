"""The list machinery of every area (``authz.listing``): keyset pages that cover the list once,
newest first; a total counted exactly up to the bound and estimated beyond it; search ranked in
the index with visibility inside the same query, widening to older matches when the newest
ones are not visible."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, select

from mekongx.authz import Principal, listing, visible
from mekongx.authz.listing import page_of, search_of
from mekongx.domains.intel.models import IntelReport
from mekongx.domains.seizures import service as seizures
from mekongx.domains.seizures.models import Seizure
from mekongx.domains.wbe import service as wbe
from mekongx.model.identity import Role


def test_keyset_pages_cover_the_list_once_newest_first(world: Any) -> None:
    made = [world.report("thai_analyst", title=f"ZXPAGE {n}") for n in range(7)]
    client, headers = world.app(), world.token("thai_viewer")
    seen: list[int] = []
    answer = client.get("/api/v1/reports?per_page=3", headers=headers).json()
    while True:
        seen += [item["id"] for item in answer["items"]]
        assert answer["total"] == 7 and answer["total_exact"] is True
        if answer["next_after"] is None:
            break
        answer = client.get(
            f"/api/v1/reports?per_page=3&after={answer['next_after']}", headers=headers
        ).json()
    assert seen == sorted(made, reverse=True)
    by_page = client.get("/api/v1/reports?per_page=3&page=3", headers=headers).json()
    assert [item["id"] for item in by_page["items"]] == [min(made)]
    assert by_page["next_after"] is None


def test_the_api_walks_back_by_prev_before_while_reports_arrive(world: Any) -> None:
    """From the last page back through ``prev_before`` (``before=``): each page is the rows just
    before the previous one, so reports written meanwhile (the newest) move nothing and are
    read last, on the first page; the first page has no ``prev_before``."""
    made = [world.report("thai_analyst", title=f"ZXBACK {n}") for n in range(7)]
    client, headers = world.app(), world.token("thai_viewer")
    answer = client.get("/api/v1/reports?per_page=3", headers=headers).json()
    assert answer["prev_before"] is None
    while answer["next_after"] is not None:
        answer = client.get(f"/api/v1/reports?per_page=3&after={answer['next_after']}",
                            headers=headers).json()  # fmt: skip
    pages = [[item["id"] for item in answer["items"]]]
    assert pages == [[min(made)]]
    while answer["prev_before"] is not None:
        made.append(world.report("thai_analyst", title=f"ZXBACK {len(made)}"))  # arrives
        answer = client.get(f"/api/v1/reports?per_page=3&before={answer['prev_before']}",
                            headers=headers).json()  # fmt: skip
        pages.append([item["id"] for item in answer["items"]])
    assert [row for page in reversed(pages) for row in page] == sorted(made, reverse=True)
    assert answer["page"] == 1 and len(pages) == 4  # the last, two more, the three arrivals
    bad = client.get("/api/v1/reports?per_page=3&before=0", headers=headers)
    assert bad.status_code == 422


def test_beyond_the_bound_the_total_is_an_estimate(world: Any) -> None:
    for n in range(9):
        world.report("thai_analyst", title=f"ZXMANY {n}")
    principal = world.principal("thai_viewer")
    with world.db.read() as session:
        exact = page_of(session, visible(principal, IntelReport), IntelReport, bound=9)
        estimated = page_of(
            session, visible(principal, IntelReport), IntelReport, per_page=2, bound=4
        )
    assert (exact.total, exact.total_exact) == (9, True)
    assert estimated.total_exact is False and estimated.total == 9  # every id is visible here
    assert len(estimated.items) == 2 and estimated.next_after == estimated.items[-1].id


def test_search_reads_older_matches_when_the_newest_are_hidden(world: Any) -> None:
    """An NNCC user sees only the oldest of six matches: the first window of the index holds
    two hidden reports, so the search reads older ones (and never returns a hidden one)."""
    shared = world.report(
        "thai_liaison", title="ZXWIDE shared", distribution="peers", recipients=["NNCC"]
    )
    for n in range(5):
        world.report("thai_analyst", title=f"ZXWIDE own {n}")
    nncc = Principal(0, "nncc_reader", "NNCC reader", "NNCC", Role.VIEWER, "en")
    thai = world.principal("thai_viewer")
    with world.db.read() as session:
        every = search_of(session, visible(thai, IntelReport), IntelReport, "zxwide",
                          "intel_report", window=2)  # fmt: skip
        [only] = search_of(session, visible(nncc, IntelReport), IntelReport, "zxwide",
                           "intel_report", limit=1, window=2)  # fmt: skip
    assert len(every) == 6
    assert only.id == shared


SEIZURE = {
    "reference": "ONCB-2026-0001", "seized_on": "2026-03-14", "country": "TH", "admin1": "TH-57",
    "admin2": "Mae Sai", "place": "Ban Pa Yang checkpoint", "latitude": 20.43, "longitude": 99.88,
    "drug": "meth_tablets", "form": "tablets", "quantity": "1200", "unit": "tablets",
    "purity": "18.5", "markings": "WY", "origin_country": "MM", "transit_countries": [],
    "destination_country": "TH", "conveyance": "road", "concealment": "rice sacks",
    "arrests": 1, "nationalities": {"TH": 1}, "language": "en",
}  # fmt: skip


def test_keyset_pages_follow_an_area_s_own_order(world: Any) -> None:
    """Seizures list the latest seized first (then the newest entry): the cursor continues in
    that order, however the dates and the ids interleave."""
    dates = ["2026-03-14", "2026-01-02", "2026-03-14", "2026-05-30", "2026-01-02"]
    client = world.app()
    headers = world.token("thai_liaison")
    made = []
    for n, day in enumerate(dates):
        body = {**SEIZURE, "reference": f"ONCB-2026-{n:04d}", "seized_on": day,
                "quantity": str(1000 + n)}  # fmt: skip
        answer = client.post("/api/v1/seizures", json=body, headers=headers)
        assert answer.status_code == 201, answer.text
        made.append((day, answer.json()["id"]))
    principal = world.principal("thai_viewer")
    seen: list[int] = []
    after = None
    while True:
        with world.db.write() as session:
            found = seizures.list_seizures(
                session, principal, seizures.Filters(), per_page=2, after=after
            )
        seen += [s.id for s in found.items]
        if (after := found.next_after) is None:
            break
    assert seen == [ident for _, ident in sorted(made, reverse=True)]
    listed = client.get("/api/v1/seizures", headers=headers).json()
    assert [item["id"] for item in listed["items"]] == seen and listed["next_after"] is None


def test_a_hidden_row_as_the_cursor_tells_nothing_of_its_place(world: Any) -> None:
    """The cursor row is read through the user's own query: passing the id of a row the query
    does not show does not page from its date (which would tell when it was seized)."""
    client, headers = world.app(), world.token("thai_liaison")
    ids = []
    for n, day in enumerate(["2026-01-05", "2026-11-20", "2026-06-10"]):
        body = {**SEIZURE, "reference": f"CURSOR-{n}", "seized_on": day}
        answer = client.post("/api/v1/seizures", json=body, headers=headers)
        assert answer.status_code == 201, answer.text
        ids.append(answer.json()["id"])
    early, late, hidden = ids
    shown = select(Seizure).where(Seizure.id.in_([early, late]))  # what this user may see
    with world.db.read() as session:
        found = page_of(session, shown, Seizure, after=hidden, order=(Seizure.seized_on,))
    listed = [s.id for s in found.items]
    assert hidden not in listed
    assert late in listed and early in listed  # not only those seized before the hidden one
    with world.db.read() as session:  # nor backwards: the page is read from its key alone
        back = page_of(session, shown, Seizure, before=hidden, order=(Seizure.seized_on,))
    assert back.cursor_lost and hidden not in [s.id for s in back.items]


def _walk(client: Any, path: str, headers: dict[str, str], key: str = "id") -> list[int]:
    """Every item of a list API, page after page through ``next_after``."""
    seen: list[int] = []
    answer = client.get(f"{path}per_page=2", headers=headers)
    while True:
        assert answer.status_code == 200, answer.text
        body = answer.json()
        assert len(body["items"]) <= 2
        seen += [item[key] for item in body["items"]]
        if body["next_after"] is None:
            return seen
        answer = client.get(f"{path}per_page=2&after={body['next_after']}", headers=headers)


def test_finance_cases_and_wastewater_campaigns_page_by_keyset(world: Any) -> None:
    client, headers = world.app(), world.token("thai_liaison")
    cases = []
    for n in range(5):
        made = client.post("/api/v1/finance/cases", json={"title": f"ZXCASE {n}", "language": "en"},
                           headers=headers)  # fmt: skip
        assert made.status_code == 201, made.text
        cases.append(made.json()["id"])
    assert _walk(client, "/api/v1/finance/cases?", headers) == sorted(cases, reverse=True)
    assert "ZXCASE 4" in client.get("/finance", headers=headers).text

    site = client.post("/api/v1/wbe/sites", headers=headers, json={
        "code": "ZX1", "plant": "WWTP", "city": "Bangkok", "country": "TH",
        "population_served": 100_000})  # fmt: skip
    assert site.status_code == 201, site.text
    campaigns = []
    for start in ["2026-03-02", "2025-01-06", "2026-07-06", "2025-01-06"]:
        made = client.post("/api/v1/wbe/campaigns", headers=headers, json={
            "title": f"ZXCAMP {start}", "site_id": site.json()["id"], "period_start": start,
            "period_end": start[:8] + "20"})  # fmt: skip
        assert made.status_code == 201, made.text
        campaigns.append((start, made.json()["id"]))
    # the latest period first, then the newest entry
    assert _walk(client, "/api/v1/wbe/campaigns?", headers) == [
        ident for _, ident in sorted(campaigns, reverse=True)
    ]


def test_screening_runs_and_a_sites_campaigns_page_by_keyset(world: Any) -> None:
    client, headers = world.app(), world.token("thai_liaison")  # a Thai-speaking user
    runs = []
    for n in range(3):
        lines = {"lines": [{"declaration_id": f"ZX{n}", "line_no": 1, "description": "醋酸酐"}]}
        made = client.post("/api/v1/precursors/screen", json=lines, headers=headers)
        assert made.status_code == 201, made.text
        runs.append(made.json()["id"])
    assert _walk(client, "/api/v1/precursors/screenings?", headers) == sorted(runs, reverse=True)
    whole = client.get("/api/v1/precursors/screenings", headers=headers).json()
    assert whole["total"] == 3 and whole["total_exact"] and whole["next_after"] is None
    for bad in ("per_page=0", "per_page=201", "after=x", "page=-1"):
        answer = client.get(f"/api/v1/precursors/screenings?{bad}", headers=headers)
        assert answer.status_code == 422, (bad, answer.text)
        assert answer.json()["error"]["message"] == "ข้อมูลบางช่องไม่ถูกต้อง", bad
    page = client.get("/precursors/screen", headers=headers)
    assert page.status_code == 200 and 'class="pager"' in page.text
    refused = client.get("/precursors/screen?page=0", headers=headers)
    assert refused.status_code == 422 and "ข้อมูลบางช่องไม่ถูกต้อง" in refused.text

    sites = []
    for code in ("ZX1", "ZX2"):
        site = client.post("/api/v1/wbe/sites", headers=headers, json={
            "code": code, "plant": "WWTP", "city": "Bangkok", "country": "TH",
            "population_served": 100_000})  # fmt: skip
        assert site.status_code == 201, site.text
        sites.append(site.json()["id"])
    for site_id, start in [(sites[0], "2025-01-06"), (sites[0], "2026-03-02"), (sites[1], "2025-07-07")]:  # fmt: skip
        made = client.post("/api/v1/wbe/campaigns", headers=headers, json={
            "title": f"ZXCAMP {start}", "site_id": site_id, "period_start": start,
            "period_end": start[:8] + "20"})  # fmt: skip
        assert made.status_code == 201, made.text
    page = client.get(f"/wbe/sites/{sites[0]}", headers=headers)
    assert page.status_code == 200 and 'class="pager"' in page.text
    assert "ZXCAMP 2025-01-06" in page.text and "ZXCAMP 2025-07-07" not in page.text
    assert client.get(f"/wbe/sites/{sites[0]}?page=0", headers=headers).status_code == 422
    with world.db.read() as session:  # each site's latest campaign, of a year or of all
        liaison = world.principal("thai_liaison")
        latest = {y: [c.title for c in wbe.latest_per_site(session, liaison, year=y)] for y in (None, 2025, 2026)}  # fmt: skip
    assert latest == {None: ["ZXCAMP 2026-03-02", "ZXCAMP 2025-07-07"],
                      2025: ["ZXCAMP 2025-07-07", "ZXCAMP 2025-01-06"], 2026: ["ZXCAMP 2026-03-02"]}  # fmt: skip


def test_the_audit_log_pages_by_sequence_number(world: Any) -> None:
    for n in range(3):
        world.report("thai_analyst", title=f"ZXAUDIT {n}")
    client, headers = world.app(), world.token("thai_admin")
    seen = _walk(client, "/api/v1/audit?", headers, key="seq")
    assert seen == sorted(set(seen), reverse=True) and len(seen) >= 4  # each event once
    actions = client.get("/api/v1/audit?action=intel.&per_page=2", headers=headers).json()
    assert [e["action"] for e in actions["items"]] and all(
        e["action"].startswith("intel.") for e in actions["items"]
    )
    page = client.get("/admin/audit?page=2", headers=headers)
    assert page.status_code == 200 and 'class="pager"' in page.text


def test_an_estimate_is_kept_for_a_moment_and_an_exact_total_never(
    world: Any, monkeypatch: Any
) -> None:
    for n in range(9):
        world.report("thai_analyst", title=f"ZXKEEP {n}")
    principal = world.principal("thai_viewer")

    def total(bound: int) -> tuple[int, bool]:
        with world.db.read() as session:
            found = page_of(session, visible(principal, IntelReport), IntelReport, bound=bound)
        return found.total, found.total_exact

    assert total(4) == (9, False) and total(50) == (9, True)
    for n in range(3):
        world.report("thai_analyst", title=f"ZXKEEP more {n}")
    assert total(50) == (12, True)  # counted again
    assert total(4) == (9, False)  # the estimate made a moment ago
    monkeypatch.setattr(listing, "ESTIMATE_SECONDS", 0.0)
    assert total(4) == (12, False)


def test_a_page_of_columns_is_named_tuples_read_without_the_orm(world: Any) -> None:
    """A list's page of ``columns`` runs on the session's connection (the ORM's execution and
    loading cost a page of 50 seizures 0.4 ms of 2) and answers named tuples: the same values
    by index and by name as a row, but a name read in ~0.03 us instead of ~2 (a template
    reads nine names a row); the next page, the keyset page and unflushed changes as before."""
    made = [world.report("thai_analyst", title=f"ZXROWS {n}") for n in range(3)]
    principal = world.principal("thai_viewer")
    columns = (IntelReport.id, IntelReport.title)
    orm_runs: list[str] = []

    def watch(state: Any) -> None:
        orm_runs.append(str(state.statement))

    with world.db.write() as session:
        unflushed = IntelReport(**_report_fields(session, made[0], "ZXROWS unflushed"))
        event.listen(session, "do_orm_execute", watch)
        first = page_of(session, visible(principal, IntelReport), IntelReport, per_page=2,
                        columns=columns)  # fmt: skip
        rest = page_of(session, visible(principal, IntelReport), IntelReport, per_page=2,
                       after=first.next_after, columns=columns)  # fmt: skip
        session.add(unflushed)
        flushed = page_of(session, visible(principal, IntelReport), IntelReport, columns=columns)
        event.remove(session, "do_orm_execute", watch)
    assert [tuple(row) for row in first.items] == [(i, f"ZXROWS {n}", i) for n, i in
                                                  reversed(list(enumerate(made)))][:2]  # fmt: skip
    assert [(row.id, row.title) for row in rest.items] == [(made[0], "ZXROWS 0")]
    assert all(type(row)._fields == ("id", "title", "picked") for row in first.items)
    assert isinstance(first.items[0], tuple) and first.next_after == made[1]
    assert flushed.items[0].title == "ZXROWS unflushed" and flushed.total == 4
    assert not [s for s in orm_runs if "intel_reports" in s], orm_runs


def _report_fields(session: Any, ident: int, title: str) -> dict[str, Any]:
    """The columns of report ``ident`` with a new uid and ``title``: a report added in the
    session and not yet flushed."""
    import uuid

    source = session.get(IntelReport, ident)
    fields = {c.key: getattr(source, c.key) for c in IntelReport.__table__.columns}
    return {**fields, "id": None, "uid": str(uuid.uuid4()), "title": title}
