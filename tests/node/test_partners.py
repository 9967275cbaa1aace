"""The six Safe Mekong partners: their agencies as shipped (sourced names in their own
language), registered by a demo node, named in the reader's language, and the demo's node
count."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from mekongx.accounts import service as accounts
from mekongx.accounts.partners import partners
from mekongx.audit import Actor
from mekongx.db import Database
from mekongx.demo import seed_identity
from mekongx.errors import ValidationFailed
from mekongx.model.identity import Agency
from mekongx.settings import Settings


def test_every_partner_has_sourced_names_in_four_languages() -> None:
    found = {p.code: p for p in partners()}
    assert {"ONCB", "NNCC", "LCDC", "CCDAC", "NACD", "C04"} <= set(found)
    for p in found.values():
        assert p.en and p.th and p.zh and p.local, p.code
        assert p.source.startswith("http"), p.code
    assert {found[c].country for c in ("LCDC", "CCDAC", "NACD", "C04")} == {"LA", "MM", "KH", "VN"}
    assert "ma túy" in found["C04"].local and "Bộ Công an" in found["C04"].local


def test_a_node_registers_the_partners_and_names_them_in_the_readers_language(db_url: str) -> None:
    db = Database(db_url)
    seed_identity(db, Settings(env="demo", node_agency="NACD"), "NACD")
    with db.read() as session:
        agencies = {a.code: a for a in session.scalars(select(Agency))}
    nacd = agencies["NACD"]
    assert nacd.is_own and nacd.country == "KH"
    assert nacd.name("km") == "អាជ្ញាធរជាតិប្រយុទ្ធប្រឆាំងគ្រឿងញៀន"
    assert nacd.name("th") == "องค์การปราบปรามยาเสพติดแห่งชาติกัมพูชา"
    assert nacd.name("en").startswith("National Authority for Combating Drugs")
    assert agencies["CCDAC"].name("my") == "မူးယစ်ဆေးဝါးအန္တရာယ်တိုက်ဖျက်ရေးဗဟိုကော်မတီ"
    # every agency is named in every language: a Khmer reader sees CCDAC in Khmer too
    assert agencies["CCDAC"].name("km") == agencies["CCDAC"].name_km != agencies["CCDAC"].name_en
    for agency in agencies.values():
        names = agency.names()
        assert set(names) == {"en", "th", "zh", "lo", "my", "km", "vi"}, agency.code
        assert all(names[c] != agency.name_en for c in ("lo", "my", "km")), agency.code
    db.dispose()


def test_an_agency_without_a_name_in_a_language_is_shown_in_english(world: Any) -> None:
    with world.db.write() as session:
        accounts.create_agency(
            session,
            Actor.system("ONCB"),
            accounts.AgencyInput("XYZ", "Example Agency", "หน่วยงานตัวอย่าง", "示例机构", "TH",
                                 other_names={"lo": "ອົງການຕົວຢ່າງ"}),
        )  # fmt: skip
    with world.db.read() as session:
        agency = session.get(Agency, "XYZ")
        assert agency is not None
        assert agency.name("lo") == "ອົງການຕົວຢ່າງ" and agency.name("vi") == "Example Agency"


def test_an_agency_name_in_an_unknown_language_is_refused(world: Any) -> None:
    with pytest.raises(ValidationFailed) as refused, world.db.write() as session:
        accounts.create_agency(
            session,
            Actor.system("ONCB"),
            accounts.AgencyInput("XYZ", "X", "X", "X", "TH", other_names={"fr": "Agence"}),
        )
    assert [p.field for p in refused.value.fields] == ["name_fr"]
    with world.db.read() as session:
        assert session.get(Agency, "XYZ") is None


def test_the_demo_runs_three_or_seven_nodes(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MEKONGX_")}
    answer = subprocess.run(
        [sys.executable, "-m", "mekongx.cli.main", "demo", "--data-dir", str(tmp_path / "d"),
         "--nodes", "5", "--no-serve"],
        env={**env, "MEKONGX_LANG": "en"}, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert answer.returncode == 2
    assert "3 or 7 nodes" in answer.stdout + answer.stderr
    assert not (tmp_path / "d").exists()


def test_the_demo_users_of_a_partner_see_their_language_once_it_is_offered(db_url: str) -> None:
    from mekongx.cli.demo_run import DEMO_LANGUAGES, _env
    from mekongx.i18n import LANGUAGES
    from mekongx.model.identity import User

    db = Database(db_url)
    seed_identity(db, Settings(env="demo", node_agency="LCDC"), "LCDC")
    with db.read() as session:
        assert {u.language for u in session.scalars(select(User))} == {"lo"}
    db.dispose()
    for agency, lang in DEMO_LANGUAGES.items():
        chosen = _env(agency, Path("demo-home"), 8000)["MEKONGX_DEFAULT_LANGUAGE"]
        assert chosen == (lang if lang in LANGUAGES else "en"), agency
    assert DEMO_LANGUAGES["C04"] == "vi" and "vi" in LANGUAGES
