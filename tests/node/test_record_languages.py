"""Records, payloads and documents in all seven languages: every area's ``language`` field and
every exchange schema take Lao, Burmese, Khmer and Vietnamese beside Thai, Chinese and English;
a report written in Lao travels over the exchange and arrives in Lao."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, get_args

import pytest
from sqlalchemy import select

from mekongx.domains.intel.models import IntelReport
from mekongx.domains.meetings import paper
from mekongx.i18n import KNOWN_LANGUAGES, Language
from mekongx.settings import Settings

SEVEN = {"th", "zh", "lo", "my", "km", "vi", "en"}
SCHEMAS = Path(__file__).resolve().parents[2] / "docs" / "schemas"


def _language_enums(node: Any, path: str = "") -> list[tuple[str, list[str]]]:
    """Every ``language`` property of a JSON Schema (in $defs and nested objects too)."""
    found: list[tuple[str, list[str]]] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "language" and isinstance(value, dict):
                enum = value.get("enum") or next(
                    (o["enum"] for o in value.get("anyOf", []) if "enum" in o), []
                )
                found.append((f"{path}/{key}", enum))
            found += _language_enums(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _language_enums(value, f"{path}/{index}")
    return found


def test_one_list_of_languages() -> None:
    assert set(get_args(Language)) == SEVEN == set(KNOWN_LANGUAGES)
    assert set(get_args(Settings.model_fields["default_language"].annotation)) == SEVEN


def test_every_payload_schema_takes_the_seven_languages() -> None:
    checked = 0
    for file in sorted(SCHEMAS.glob("*.json")):
        for where, enum in _language_enums(json.loads(file.read_text())):
            assert set(enum) == SEVEN, f"{file.name}{where}: {enum}"
            checked += 1
    assert checked >= 15  # reports, RFIs, notices, meetings, seizures, campaigns …


def test_a_lao_report_written_on_the_lao_node_arrives_in_lao(world: Any) -> None:
    lcdc = world.partner("LCDC")
    report = {"title": "ຢາບ້າ ຢູ່ຫ້ວຍຊາຍ", "narrative": "ພົບເຫັນຢາບ້າ 40,000 ເມັດ ຢູ່ທ່າເຮືອ.",
              "language": "lo", "source_reliability": "B", "info_reliability": 2,
              "handling_code": "H1", "distribution": "peers", "recipients": ["ONCB"]}  # fmt: skip
    with lcdc.app() as client:
        answer = client.post("/api/v1/reports", json=report, headers=lcdc.token("lao_liaison"))
    assert answer.status_code == 201, answer.text
    assert answer.json()["language"] == "lo"
    world.exchange()
    with world.db.read() as session:
        copy = session.scalars(select(IntelReport).where(IntelReport.received.is_(True))).one()
        assert (copy.language, copy.origin_agency, copy.title) == ("lo", "LCDC", report["title"])


@pytest.mark.parametrize("language", ["km", "vi"])
def test_a_report_form_in_khmer_or_vietnamese_is_saved_in_that_language(
    world: Any, browser: Any, language: str
) -> None:
    """The form's picker offers all seven languages, and the area's field takes the choice."""
    browser.login("thai.analyst")
    assert f'<option value="{language}"' in browser.client.get("/reports/new").text
    form = {"title": "ZXLANG", "narrative": "Seen at the port.", "language": language,
            "source_reliability": "B", "info_reliability": "2", "handling_code": "H1",
            "distribution": "own", "action": "save"}  # fmt: skip
    assert browser.post("/reports/new", form).status_code == 303
    with world.db.read() as session:
        assert session.scalars(select(IntelReport.language)).one() == language


def test_meeting_reports_are_offered_in_every_language() -> None:
    codes = {c for key in paper.REPORT_LANGUAGES for c in paper.REPORT_CODES[key]}
    assert codes == SEVEN
    assert paper.report_language_names()["km"] == "ខ្មែរ"
