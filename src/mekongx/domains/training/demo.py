"""The demo's training: one course each side organises, with synthetic participants.

Sourced (``shared/research/context.md``): Yunnan Police College has trained 134 classes, more
than 2,800 officials from 68 countries since 2002 (S105 ccwqtv.net/shehui/2018/1023/23806.html);
D.A.R.E. Thailand's police instructors take 80 hours of training (S97
pattayamail.com/?p=40886). The demo's courses, their dates, the officers' names, ranks and
results are illustrative, like the 19th meeting's action on point 8 they stand as evidence for
(NNCC's course for Thai officers at Yunnan Police College); no real officer is named."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from mekongx.authz import Principal
from mekongx.domains.training import certificates, service
from mekongx.domains.training.schemas import CourseInput, ParticipantInput, ResultInput

S105 = "ccwqtv.net/shehui/2018/1023/23806.html"

# The courses' titles in Lao, Burmese, Khmer and Vietnamese (this project's translations of the
# English and Thai titles below, not the courses' own; native review pending, as the meetings'
# demo texts: ``meetings/demo_texts.py``).
_TITLES: dict[str, dict[str, str]] = {
    "YPC-2025-TH": {
        "title_lo": "ຫຼັກສູດຝຶກອົບຮົມເຈົ້າໜ້າທີ່ບັງຄັບໃຊ້ກົດໝາຍຢາເສບຕິດໄທ (ວິທະຍາໄລຕຳຫຼວດຢູນນານ)",
        "title_my": "ထိုင်း မူးယစ်ဆေးဝါး ဥပဒေစိုးမိုးရေး အရာရှိများအတွက် သင်တန်း (ယူနန် ရဲကောလိပ်)",
        "title_km": "វគ្គបណ្តុះបណ្តាលមន្ត្រីអនុវត្តច្បាប់គ្រឿងញៀនថៃ (មហាវិទ្យាល័យនគរបាលយូណាន)",
        "title_vi": "Khóa đào tạo cán bộ thực thi pháp luật về ma túy của Thái Lan (Học viện Cảnh sát Vân Nam)",
    },
    "DARE-INSTR-2025": {
        "title_lo": "ຫຼັກສູດຄູຕຳຫຼວດ D.A.R.E. (80 ຊົ່ວໂມງ)",
        "title_my": "D.A.R.E. ရဲနည်းပြ သင်တန်း (၈၀ နာရီ)",
        "title_km": "វគ្គគ្រូនគរបាល D.A.R.E. (៨០ ម៉ោង)",
        "title_vi": "Khóa đào tạo giảng viên cảnh sát D.A.R.E. (80 giờ)",
    },
}  # fmt: skip

_YUNNAN: dict[str, Any] = {
    "code": "YPC-2025-TH", "course_type": "course", "level": "intermediate",
    "title_zh": "泰国禁毒执法人员培训班（云南警官学院）", "title_th": "หลักสูตรฝึกอบรมเจ้าหน้าที่ปราบปรามยาเสพติดไทย (วิทยาลัยตำรวจยูนนาน)",
    "title_en": "Course for Thai drug-law-enforcement officers (Yunnan Police College)",
    "topic": "Precursor identification and financial investigation of trafficking networks",
    "course_language": "zh, with Thai interpretation", "trainers": "Yunnan Police College faculty",
    "starts_on": dt.date(2025, 5, 5), "ends_on": dt.date(2025, 5, 16), "hours": 60,
    "place": "Yunnan Police College, Kunming", "host_country": "CN", "partner_agencies": ["ONCB"],
    "competencies": ["precursor_identification", "financial_investigation"], "funding": "MPS",
    "language": "zh", "distribution": "peers", "recipients": ["ONCB"],
}  # fmt: skip
_DARE: dict[str, Any] = {
    "code": "DARE-INSTR-2025", "course_type": "course", "level": "basic",
    "title_th": "หลักสูตรครูตำรวจ D.A.R.E. (80 ชั่วโมง)", "title_zh": "D.A.R.E.警察教员培训班（80学时）",
    "title_en": "D.A.R.E. police instructor course (80 hours)", "topic": "Teaching drug-resistance lessons in Prathom 5-6",
    "course_language": "th", "trainers": "Narcotics Suppression Bureau D.A.R.E. trainers",
    "starts_on": dt.date(2025, 7, 7), "ends_on": dt.date(2025, 7, 18), "hours": 80, "place": "Pattaya, Chon Buri",
    "host_country": "TH", "competencies": ["prevention_education"], "language": "th",
    "distribution": "group", "sharing_group": "SAFE-MEKONG",
}  # fmt: skip
# Synthetic officers: (name, agency, rank, role, attended days, score, reaction, behaviour).
_PEOPLE: dict[str, list[tuple[str, str, str, str, int, int, int, int | None]]] = {
    "YPC-2025-TH": [
        ("Pol.Capt. Anan Srisuk", "ONCB", "Police Captain", "Investigator", 10, 88, 5, 4),
        ("Ms Kanokwan Thongdee", "ONCB", "Professional-level official", "Chemist", 10, 92, 5, 5),
        ("Mr Prasit Wongchai", "ONCB", "Practitioner-level official", "Financial analyst", 9, 74, 4, 3),
        ("Pol.Lt. Somsak Jaidee", "ONCB", "Police Lieutenant", "Border liaison officer", 6, 58, 3, None),
    ],
    "DARE-INSTR-2025": [
        ("Pol.Sen.Sgt.Maj. Chai Boonmee", "ONCB", "Police Senior Sergeant Major", "D.A.R.E. instructor", 10, 81, 4, 4),
        ("Pol.Sgt. Malee Saetang", "ONCB", "Police Sergeant", "D.A.R.E. instructor", 10, 90, 5, None),
    ],
}  # fmt: skip
PASS_MARK = 60


def seed_demo_training(session: Session, agency: str, people: dict[str, Principal]) -> list[str]:
    """NNCC's course for Thai officers (certificates sent to ONCB), ONCB's D.A.R.E. course."""
    spec = {"NNCC": _YUNNAN, "ONCB": _DARE}.get(agency)
    if spec is None:
        return []
    officer = people["liaison"]
    titles = _TITLES[spec["code"]]
    course = service.create_course(session, officer, CourseInput.model_validate({**spec, **titles}))
    for name, from_agency, rank, role, days, score, reaction, behaviour in _PEOPLE[spec["code"]]:
        person = service.add_participant(session, officer, course.id, ParticipantInput(
            name=name, agency_code=from_agency, rank=rank, role=role))  # fmt: skip
        service.record_result(session, officer, person.id, ResultInput(
            attended_days=days, score=score, passed=score >= PASS_MARK, reaction=reaction, behaviour=behaviour,
            followed_up_on=course.ends_on + dt.timedelta(days=90) if behaviour else None))  # fmt: skip
        if score >= PASS_MARK:
            certificates.issue(session, officer, person.id)
    return [course.uid]
