"""The demo seeds published wanted-person notices (drafted, reviewed and published by two
people), so that screening on a fresh demo node has something to hit."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from mekongx.db import Database
from mekongx.demo import seed_content, seed_identity
from mekongx.domains.fugitives import screening
from mekongx.domains.fugitives.models import Notice
from mekongx.domains.fugitives.models import ScreeningHit as FugitiveHit
from mekongx.domains.fugitives.models import ScreeningRun as Screening
from mekongx.domains.fugitives.schemas import ScreenQuery
from mekongx.domains.precursors.models import Incident
from mekongx.domains.precursors.models import ScreeningHit as PrecursorHit
from mekongx.domains.review.models import ReviewRequest
from mekongx.settings import Settings


def test_demo_notices_are_published_and_screening_hits_them(
    database: Database, db_url: str, tmp_path: Path
) -> None:
    settings = Settings(env="demo", database_url=db_url, data_dir=tmp_path, node_agency="ONCB")
    seed_identity(database, settings, "ONCB")
    seed_content(database, "ONCB", reports=3)
    with database.read() as session:
        notices = list(session.scalars(select(Notice)))
        assert len(notices) == 3 and {n.status for n in notices} == {"published"}
        assert {n.drafted_by for n in notices} == {"somchai"}
        assert {n.published_by for n in notices} == {"nattaya"}
        # every area has something to try: the precursors area a screened customs file (lawful
        # sugar and salt lines give no report) and two incidents shared with NNCC
        hits = {h.substance_id for h in session.scalars(select(PrecursorHit))}
        assert {"acetic_anhydride", "ephedrine", "p2p", "potassium_permanganate"} <= hits
        assert {h.row for h in session.scalars(select(PrecursorHit))} == {2, 3, 4, 5, 6}
        # (and the P-2-P seized at Laem Chabang, the port control demo's, kept by ONCB)
        incidents = [i.distribution for i in session.scalars(select(Incident))]
        assert sorted(incidents) == ["own", "peers", "peers"]
        # a checkpoint's arrivals were screened: the variant spellings of two wanted persons hit,
        # the ordinary travellers and the partner's person (not held before the exchange) do not
        run = session.scalars(select(Screening)).one()
        assert (run.source, run.total, run.status) == ("file", 5, "done")
        found = {(h.query_name, h.decision) for h in session.scalars(select(FugitiveHit))}
        assert found == {("Sompong Keawmanee", "match"), ("นิพนธ์ ศรีสุข", "match")}
        pending = session.scalars(select(ReviewRequest).where(ReviewRequest.status == "pending"))
        assert [r.kind for r in pending] == ["intel_report"]  # one report waits for release
    from mekongx.accounts import service as accounts
    from mekongx.model.identity import User

    with database.write() as session:
        user = session.scalars(select(User).where(User.username == "nattaya")).one()
        query = ScreenQuery(name="Sompong Kaewmanee")
        run, _results = screening.screen_now(
            session, accounts.principal_for(user), [query], "single"
        )
        assert run.hits >= 1
