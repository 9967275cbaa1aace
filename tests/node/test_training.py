"""Training between two nodes: NNCC runs a course for Thai officers, records results and issues
certificates; ONCB's node verifies a certificate's code from the statement it received, without
holding the participants of the course; bad input refused naming the field, nothing written."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from mekongx.audit.log import AuditEvent
from mekongx.domains.training import certificates, demo, lists, service
from mekongx.domains.training import exchange as training_exchange
from mekongx.domains.training.models import Certificate, CertificateStatement, Course, Participant
from mekongx.domains.training.schemas import (
    CourseInput,
    ParticipantInput,
    ResultInput,
    RevocationInput,
)
from mekongx.errors import Conflict, Forbidden, ValidationFailed
from mekongx.federation.handlers import Received
from mekongx.validation import parse


def _yunnan(world: Any) -> tuple[Any, str]:
    nncc = world.partner("NNCC")
    with nncc.db.write() as session:
        [uid] = demo.seed_demo_training(
            session, "NNCC", {"liaison": nncc.principal("chinese_liaison")}
        )
    world.exchange()
    return nncc, uid


def test_a_certificate_is_verified_by_the_officers_agency(world: Any) -> None:
    nncc, uid = _yunnan(world)
    with nncc.db.read() as session:
        codes = dict(session.execute(select(Participant.name, Certificate.code).join(
            Certificate, Certificate.participant_id == Participant.id)).all())  # fmt: skip
    assert set(codes) == {
        "Pol.Capt. Anan Srisuk",
        "Ms Kanokwan Thongdee",
        "Mr Prasit Wongchai",
    }  # 58 failed
    code = codes["Ms Kanokwan Thongdee"]
    with world.db.write() as session:
        check = certificates.verify(
            session, world.principal("thai_viewer"), code.lower().replace("-", " ")
        )
        forged = certificates.verify(session, world.principal("thai_viewer"), "ABCD-EFGH-JKMN")
        course = session.scalar(select(Course).where(Course.uid == uid))
        statements = session.scalar(select(func.count()).select_from(CertificateStatement))
        held = session.scalar(select(func.count()).select_from(Participant))
    assert (
        check.valid and check.issuer == "NNCC" and check.participant_name == "Ms Kanokwan Thongdee"
    )
    assert not forged.valid
    assert course is not None and course.received  # the course itself is shared with ONCB
    assert statements == 3 and held == 0  # ONCB never holds the course's participant list
    with world.db.read() as session:  # the statements carry a digest, never the code
        assert code not in str(session.scalars(select(CertificateStatement.code_digest)).all())
        assert session.scalar(select(func.count()).select_from(AuditEvent).where(
            AuditEvent.action == "training.certificate.verify")) == 2  # fmt: skip
    with world.db.read() as session, pytest.raises(Forbidden):  # the copy's participants stay home
        service.participants(session, world.principal("thai_liaison"), course.id)


def test_certificate_pdf_in_the_readers_language_and_participants_least_privilege(
    world: Any,
) -> None:
    nncc, uid = _yunnan(world)
    with nncc.db.write() as session:
        listed = service.participants(session, nncc.principal("chinese_analyst"), uid)
        anan = next(p for p in listed if p.name.endswith("Srisuk"))
        content = certificates.pdf(session, nncc.principal("chinese_liaison"), anan.id)
        code = session.scalar(select(Certificate.code).where(Certificate.participant_id == anan.id))
    pages = PdfReader(io.BytesIO(content)).pages
    text = "".join(page.extract_text() for page in pages).replace("\x00", "")
    assert "Anan Srisuk" in text and str(code) in text and "证书" in text
    with nncc.db.read() as session:
        assert session.scalar(select(func.count()).select_from(AuditEvent).where(
            AuditEvent.action == "training.participants.read")) == 1  # fmt: skip


def test_results_and_evaluation(world: Any) -> None:
    nncc, _uid = _yunnan(world)
    officer = nncc.principal("chinese_liaison")
    with nncc.db.write() as session:
        courses, competencies = service.evaluation(session, officer)
        somsak = session.scalar(select(Participant).where(Participant.name.like("%Somsak%")))
        assert somsak is not None
        with pytest.raises(Conflict):  # failed: no certificate
            certificates.issue(session, officer, somsak.id)
    summary = courses["YPC-2025-TH"]
    assert (summary.participants, summary.passed, summary.certificates) == (4, 3, 3)
    assert summary.reaction == 4.25 and summary.followed_up == 3
    assert set(competencies) == {"precursor_identification", "financial_investigation"}
    with nncc.db.write() as session, pytest.raises(ValidationFailed) as refused:
        service.record_result(session, officer, somsak.id, ResultInput(attended_days=30))
    assert refused.value.fields[0].field == "attended_days"


def test_bad_courses_are_refused_naming_the_field(world: Any) -> None:
    base = {
        "code": "X-1",
        "title_en": "X",
        "place": "Bangkok",
        "starts_on": "2025-05-16",
        "ends_on": "2025-05-05",
    }
    for data, params in (
        (base, {"end": "2025-05-05", "start": "2025-05-16"}),
        (
            {**base, "ends_on": "2025-05-20", "competencies": ["mind_reading"]},
            {"code": "mind_reading"},
        ),
    ):
        with pytest.raises(ValidationFailed) as refused:
            parse(CourseInput, data)
        assert refused.value.fields[0].params == params
    with world.db.write() as session:
        course = service.create_course(session, world.principal("thai_analyst"), CourseInput.model_validate(
            {**base, "ends_on": "2025-05-20"}))  # fmt: skip
        with pytest.raises(ValidationFailed):
            service.add_participant(session, world.principal("thai_analyst"), course.id,
                                    ParticipantInput(name="A", agency_code="NOPE"))  # fmt: skip
    with world.db.write() as session, pytest.raises(Forbidden):  # viewers do not read names
        service.participants(session, world.principal("thai_viewer"), course.id)
    assert dt.date(2025, 5, 20) == course.ends_on


def test_run_a_course_in_the_browser_and_the_other_node_verifies(world: Any) -> None:
    nncc = world.partner("NNCC")
    with nncc.browser("chinese.liaison") as b:
        made = b.post("/training", {"code": "WBE-2025", "course_type": "study_visit", "title_en": "Wastewater sampling visit",
                                    "starts_on": "2025-09-01", "ends_on": "2025-09-03", "place": "Kunming",
                                    "competencies": ["wastewater_sampling"], "distribution": "peers",
                                    "recipients": ["ONCB"], "handling_code": "H0"})  # fmt: skip
        assert made.status_code == 303, made.text
        url = made.headers["location"]
        backwards = b.post("/training", {"code": "X-2", "title_en": "X", "place": "P", "starts_on": "2025-09-03",
                                         "ends_on": "2025-09-01"})  # fmt: skip
        assert backwards.status_code == 422 and "2025-09-01" in backwards.text
        assert (
            b.post(
                f"{url}/participants",
                {"name": "Ms Pranee Suksai", "agency_code": "ONCB", "rank": "Chemist"},
            ).status_code
            == 303
        )
        with nncc.db.read() as session:
            pid = session.scalar(
                select(Participant.id).where(Participant.name == "Ms Pranee Suksai")
            )
        too_long = b.post(f"/training/participants/{pid}/result", {"attended_days": "9"})
        assert too_long.status_code == 422
        assert b.post(f"/training/participants/{pid}/result", {"attended_days": "3", "score": "85", "passed": "yes",
                                                               "reaction": "5"}).status_code == 303  # fmt: skip
        assert b.post(f"/training/participants/{pid}/certificate", {}).status_code == 303
        page = b.client.get(url)
        assert "Ms Pranee Suksai" in page.text and "certificate.pdf" in page.text
        pdf = b.client.get(f"/training/participants/{pid}/certificate.pdf")
        assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    with nncc.db.read() as session:
        code = session.scalar(select(Certificate.code).where(Certificate.participant_id == pid))
    world.exchange()
    with world.browser("thai.viewer") as b:
        good = b.client.get("/training/verify", params={"code": code})
        bad = b.client.get("/training/verify", params={"code": "AAAA-BBBB-CCCC"})
        course_page = b.client.get(
            f"/training/{world.id_of(Course, nncc.uid_of(Course, int(url.rsplit('/', 1)[1])))}"
        )
    assert "Ms Pranee Suksai" in good.text and "alert" in bad.text
    assert course_page.status_code == 200 and "Ms Pranee Suksai" not in course_page.text
    with nncc.browser("chinese.liaison") as b:  # the organiser revokes it, saying why
        short = b.post(f"/training/participants/{pid}/certificate/revoke", {"reason": "x"})
        assert short.status_code == 422 and "reason" in short.text
        done = b.post(
            f"/training/participants/{pid}/certificate/revoke",
            {"reason": "Attendance sheet forged"},
        )
        assert done.status_code == 303, done.text
        listed = b.client.get("/training/certificates")
        assert "Attendance sheet forged" in listed.text and str(code) in listed.text
        assert b.client.get(f"/training/participants/{pid}/certificate.pdf").status_code == 409
    world.exchange()
    with world.browser("thai.viewer") as b:
        revoked = b.client.get("/training/verify", params={"code": code})
        assert b.client.get("/training/certificates").status_code == 403
    assert "Attendance sheet forged" in revoked.text and "Valid certificate" not in revoked.text


def test_a_revoked_certificate_checks_as_revoked_on_both_nodes(world: Any) -> None:
    """The organiser revokes with a reason (audited); the officer's agency is told by a
    correction; both nodes then answer "revoked", with when and why; the PDF is refused, a
    second revocation too, and a replay of the earlier statement does not undo it."""
    nncc, _uid = _yunnan(world)
    officer = nncc.principal("chinese_liaison")
    with nncc.db.read() as session:
        anan, code = session.execute(select(Participant.id, Certificate.code).join(
            Certificate, Certificate.participant_id == Participant.id).where(
            Participant.name == "Pol.Capt. Anan Srisuk")).one()  # fmt: skip
    with pytest.raises(ValidationFailed):
        parse(RevocationInput, {"reason": "no"})
    with nncc.db.write() as session, pytest.raises(Forbidden):  # a viewer of another agency
        certificates.revoke(
            session, world.principal("thai_liaison"), anan, RevocationInput(reason="x" * 10)
        )
    with nncc.db.write() as session:
        body_before = certificates.statement(*_parts(session, anan))
        certificates.revoke(
            session, officer, anan, RevocationInput(reason="Assessment found copied")
        )
    with nncc.db.write() as session, pytest.raises(Conflict):
        certificates.revoke(
            session, officer, anan, RevocationInput(reason="Assessment found copied")
        )
    with nncc.db.write() as session, pytest.raises(Conflict):
        certificates.pdf(session, officer, anan)
    with nncc.db.write() as session:
        home = certificates.verify(session, officer, code)
    assert (home.status, home.valid, home.revoked_reason) == (
        "revoked",
        False,
        "Assessment found copied",
    )
    world.exchange()
    with world.db.write() as session:
        there = certificates.verify(session, world.principal("thai_viewer"), code)
        replay = training_exchange.apply_certificate(session, Received(
            "m-1", "information", "NNCC", "ONCB", None, None, "H0", "2026-01-01T00:00:00Z"), body_before)  # fmt: skip
        again = certificates.verify(session, world.principal("thai_viewer"), code)
    assert (there.status, there.revoked_reason, there.participant_name) == (
        "revoked", "Assessment found copied", "Pol.Capt. Anan Srisuk")  # fmt: skip
    assert there.revoked_on is not None and replay and again.status == "revoked"
    with nncc.db.read() as session:
        assert session.scalar(select(func.count()).select_from(AuditEvent).where(
            AuditEvent.action == "training.certificate.revoke", AuditEvent.why == "Assessment found copied")) == 1  # fmt: skip
        listed, rows = lists.list_certificates(session, officer, per_page=2)
        rest, more = lists.list_certificates(session, officer, per_page=2, after=listed.next_after)
    assert listed.total == 3 and len(rows) == 2 and len(more) == 1 and rest.next_after is None
    assert [r.certificate.revoked_reason for r in rows + more].count("Assessment found copied") == 1
    with world.db.read() as session, pytest.raises(Forbidden):  # names: writers only
        lists.list_certificates(session, world.principal("thai_viewer"))


def _parts(session: Any, participant_id: int) -> tuple[Course, Participant, Certificate]:
    participant = session.get(Participant, participant_id)
    course = session.get(Course, participant.course_id)
    certificate = session.scalar(
        select(Certificate).where(Certificate.participant_id == participant_id)
    )
    return course, participant, certificate


def test_the_participants_read_and_its_audit_row(world: Any) -> None:
    """One statement reads the course's origin and its participants, then the course with its
    audit row (``authz.read_audited``; the row, with the count of participants, written at the
    commit, on PostgreSQL in the driver's pipeline); a refusal writes nothing."""
    from sqlalchemy import event

    nncc, uid = _yunnan(world)
    officer = nncc.principal("chinese_analyst")
    with nncc.db.write() as session:  # the process learns the audit chain's head
        service.participants(session, officer, uid)
    seen: list[str] = []
    event.listen(nncc.db.write_engine, "before_cursor_execute",
                 lambda c, cur, statement, *a: seen.append(statement.split(None, 1)[0].upper()))  # fmt: skip
    with nncc.db.write() as session:
        assert len(service.participants(session, officer, uid)) == 4
    sent = [s for s in seen if s not in ("BEGIN", "COMMIT")]
    assert sent == (["SELECT", "SELECT"] if nncc.db.dialect == "postgresql" else ["SELECT", "SELECT", "UPDATE", "INSERT"])  # fmt: skip
    with nncc.db.read() as session:
        rows = session.execute(select(AuditEvent.target_id, AuditEvent.details).where(
            AuditEvent.action == "training.participants.read").order_by(AuditEvent.seq)).all()  # fmt: skip
    assert [tuple(r) for r in rows] == [(uid, '{"count": 4}')] * 2
    with world.db.write() as session, pytest.raises(Forbidden):  # ONCB's copy: nothing read
        service.participants(session, world.principal("thai_liaison"), uid)
    with world.db.read() as session:
        assert session.scalar(select(func.count()).select_from(AuditEvent).where(
            AuditEvent.action == "training.participants.read")) == 0  # fmt: skip
