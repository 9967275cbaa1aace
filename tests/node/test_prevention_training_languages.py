"""Prevention programmes, their indicators and training courses in Lao, Burmese, Khmer and
Vietnamese beside Thai, Chinese and English: the demo's in all seven; a form takes the four;
a reader sees their language, else English marked "(in English)" in theirs, on pages and in
the documents; the exchange carries the four only where written, so an older peer still
reads a payload of the first three."""

from __future__ import annotations

import io
import unicodedata
from dataclasses import replace
from typing import Any

import openpyxl
from pypdf import PdfReader
from sqlalchemy import select, update

from mekongx.domains.prevention import dashboard, exchange, service
from mekongx.domains.prevention import demo as prevention_demo
from mekongx.domains.prevention.models import Indicator, Programme
from mekongx.domains.prevention.payloads import ProgrammePayload
from mekongx.domains.prevention.schemas import IndicatorInput, ProgrammeInput
from mekongx.domains.training import certificates
from mekongx.domains.training import demo as training_demo
from mekongx.domains.training import exchange as training_exchange
from mekongx.domains.training.models import Course, Participant
from mekongx.model.identity import User
from mekongx.validation import parse

ADDED = ("name_lo", "name_my", "name_km", "name_vi")
LAO_MARK, VI_MARK = "(ເປັນພາສາອັງກິດ)", "(bằng Tiếng Anh)"


def _reads(node: Any, username: str, language: str) -> None:
    with node.db.write() as session:
        session.execute(update(User).where(User.username == username).values(language=language))


def test_programmes_in_seven_languages_across_the_exchange_and_on_the_pages(world: Any) -> None:
    nncc = world.partner("NNCC")
    with world.db.write() as session:
        prevention_demo.seed_demo_prevention(session, "ONCB", {"liaison": world.principal("thai_liaison")})  # fmt: skip
        english_only = service.create_programme(session, world.principal("thai_liaison"), ProgrammeInput.model_validate(
            {**prevention_demo._dare()["programme"], "code": "EN-ONLY", "name_th": "", "name_zh": "",
             "name_en": "Written in English only", "distribution": "group", "sharing_group": "SAFE-MEKONG"}))  # fmt: skip
        service.add_indicator(session, world.principal("thai_liaison"), english_only.id, IndicatorInput(
            code="lessons", kind="count", name_en="Lessons given", definition="Lessons given in a year."))  # fmt: skip
        tbn1 = session.scalars(select(Programme).where(Programme.code == "TBN1")).one()
        sent, plain = exchange.payload(session, tbn1), exchange.payload(session, english_only)
    # the four languages travel only where written: a payload of the first three is as before
    assert sent["name_lo"] == "ໂຄງການ TO BE NUMBER ONE" and sent["indicators"][0]["name_vi"]
    assert not set(ADDED) & set(plain) and not set(ADDED) & set(plain["indicators"][0])
    assert parse(ProgrammePayload, {k: v for k, v in sent.items() if k not in ADDED}).name_lo == ""
    world.exchange()
    with nncc.db.read() as session:
        copy = session.scalars(select(Programme).where(Programme.code == "TBN1")).one()
        indicator = session.scalars(
            select(Indicator).where(Indicator.programme_id == copy.id)
        ).one()
        assert copy.received and copy.name_km == "គម្រោង TO BE NUMBER ONE"
        assert indicator.name_vi == "Tỷ lệ thành viên"
        held = session.scalars(select(Programme).where(Programme.code == "EN-ONLY")).one()
        assert held.name_lo == "" and held.name_en == "Written in English only"
    _reads(world, "thai.viewer", "lo")
    with world.browser("thai.viewer") as lao:
        listed = lao.client.get("/prevention").text
        assert ">ໂຄງການ TO BE NUMBER ONE</a>" in listed  # their language: no mark
        marked = f'<span lang="en">Written in English only</span> <small class="shown-in">{LAO_MARK}</small>'
        assert marked in listed
        page = lao.client.get(f"/prevention/{tbn1.id}").text
        assert "ອັດຕາການເປັນສະມາຊິກ" in page and "shown-in" not in page.split("<h1>")[1][:200]
        found = lao.client.get("/search", params={"q": "Written"}).text
        assert f"EN-ONLY · Written in English only {LAO_MARK}" in found
    # the workbook of the dashboard: each name in the reader's language, else marked
    lao = replace(world.principal("thai_analyst"), language="lo")
    with world.db.write() as session:
        content = dashboard.workbook(session, lao, dashboard.build(session, lao), "ONCB")
    cells = {str(c) for sheet in openpyxl.load_workbook(io.BytesIO(content), read_only=True).worksheets
             for row in sheet.iter_rows(values_only=True) for c in row}  # fmt: skip
    assert "ໂຄງການ TO BE NUMBER ONE" in cells and "TO BE NUMBER ONE" not in cells


def test_the_programme_form_takes_the_four_languages_and_names_the_field(world: Any) -> None:
    _reads(world, "thai.liaison", "vi")
    programme = {"code": "VI-1", "owner": "C04", "country": "VN", "target_group": "youth",
                 "age_from": "15", "age_to": "24", "method": "campaign", "sources": "demo",
                 "language": "vi", "handling_code": "H0", "distribution": "own"}  # fmt: skip
    with world.browser("thai.liaison") as vi:
        form = vi.client.get("/prevention").text
        for code in ("lo", "my", "km", "vi"):
            assert f'name="name_{code}"' in form
        long = vi.post("/prevention", {**programme, "name_lo": "ລ" * 301})
        assert long.status_code == 422
        assert "<strong>Tên · Tiếng Lào</strong>" in long.text  # the field as the form labels it
        none = vi.post("/prevention", programme)
        assert none.status_code == 422 and "Tên: hãy viết bằng ít nhất một ngôn ngữ." in none.text
        made = vi.post("/prevention", {**programme, "name_vi": "Thanh niên nói không với ma túy"})
        assert made.status_code == 303, made.text
        page = vi.client.get(made.headers["location"]).text
        assert "<h1>Thanh niên nói không với ma túy <small>" in page
    with world.db.read() as session:
        assert session.scalars(select(Programme.name_vi).where(Programme.code == "VI-1")).one()


def test_courses_in_seven_languages_on_pages_exchange_and_certificate(world: Any) -> None:
    nncc = world.partner("NNCC")
    with nncc.db.write() as session:
        [uid] = training_demo.seed_demo_training(session, "NNCC", {"liaison": nncc.principal("chinese_liaison")})  # fmt: skip
        course = session.scalars(select(Course).where(Course.uid == uid)).one()
        sent = training_exchange.payload(session, course)
    assert sent["title_vi"].startswith("Khóa đào tạo cán bộ")
    world.exchange()
    with world.db.read() as session:
        copy = session.scalars(select(Course).where(Course.uid == uid)).one()
        assert copy.received and copy.title_lo.startswith("ຫຼັກສູດຝຶກອົບຮົມ")
    _reads(world, "thai.viewer", "lo")
    with world.browser("thai.viewer") as lao:
        assert ">ຫຼັກສູດຝຶກອົບຮົມເຈົ້າໜ້າທີ່ບັງຄັບໃຊ້ກົດໝາຍຢາເສບຕິດໄທ (ວິທະຍາໄລຕຳຫຼວດຢູນນານ)</a>" in lao.client.get("/training").text  # fmt: skip
    # a course written in English only: the certificate printed for a Vietnamese reader marks it
    with nncc.browser("chinese.liaison") as b:
        made = b.post("/training", {"code": "EN-2025", "title_en": "Sampling visit", "place": "Kunming",
                                    "starts_on": "2025-09-01", "ends_on": "2025-09-03", "handling_code": "H0"})  # fmt: skip
        assert made.status_code == 303, made.text
        url = made.headers["location"]
        assert b.post(f"{url}/participants", {"name": "Ms Pranee Suksai", "agency_code": "ONCB"}).status_code == 303  # fmt: skip
    with nncc.db.write() as session:
        pid = session.scalars(
            select(Participant.id).where(Participant.name == "Ms Pranee Suksai")
        ).one()
        liaison = replace(nncc.principal("chinese_liaison"), language="vi")
        from mekongx.domains.training import service as training
        from mekongx.domains.training.schemas import ResultInput

        training.record_result(
            session, liaison, pid, ResultInput(attended_days=3, score=90, passed=True)
        )
        certificates.issue(session, liaison, pid)
        content = certificates.pdf(session, liaison, pid)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    assert "Sampling visit" in text
    assert unicodedata.normalize("NFC", VI_MARK) in unicodedata.normalize("NFC", text)
