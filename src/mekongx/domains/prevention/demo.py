"""The demo's prevention programmes: real programmes with the figures their sources publish.

Every count and outcome below names its source (``source``). ``verified`` stays False for all
of them: they are figures reported in the press or on a school's or an official's page, read
there but not checked against the programme's own statistics. Where a source gives no year for
a figure (Phuket's 99.48 % membership rate, S89), the figure is not recorded as a count or an
outcome; the programme's sources say so. Figures marked *illustrative* are not published
figures: they exist so that the demo's outcome dashboard and comparability mapping have values,
and they say so in their source field.

Sources (the numbering of ``shared/research/context.md``):

* S89 bangkoktoday.com/princess-ubolratana-praises-phuket-fight-against-drugs (Phuket: 503
  clubs, 60 Friend Centres, 99.48 % of 6-24-year-olds, Diamond Prototype Province six years
  running, every district taking part; year not stated).
* S91 pattayamail.com/thailandnews/to-be-number-one-friends-corner-opened-in-thoen-district-lampang-43834
  (24 December 2014: Lampang 1,123 clubs, 62 Friends' Corners, nearly 170,000 members aged
  6-24; Thoen Witthaya School's Friends' Corner opened 23 December 2014 with 30 volunteers,
  more than 300 consultations that year).
* S92 ryt9.com/s/cabt/124654 (2003: 136 clubs in 15 provinces, 660,000 members).
* The Phuket News, 11 February 2021, thephuketnews.com/phuket-officials-ordered-to-prepare-for-royal-visit-78974.php
  (the foundation has "more than 31 million members throughout the country").
* S93 kroobannok.com/board_view.php?b_id=193070 (Wat Phum Riang School, Surat Thani Primary
  Educational Service Area 2: White School best-practice report, academic year 2567, gold).
* obec.go.th/archives/190157 (SESAO 19, 27-29 November 2019: White Schools assessed at the
  silver, gold and diamond levels).
* S97 pattayamail.com/?p=40886 (2014: 1,457 more D.A.R.E. instructors trained, 6,198
  nationwide; aim: 3,276 more to cover every sixth-grade class by the end of 2015; 80 h of
  instructor training and 40 h more for the high-school curriculum).
* S98 pattayamail.com/news/40-area-police-undergo-dare-training-2-28783 (one hour a week for
  13 weeks).
* S100 yourviet.blogspot.com/2012/03/thailand-thai-pm-urges-kids-to-stay-off.html (by 2012,
  2,200 officers had taught about 730,000 sixth-graders; a secondary copy of a news item).
* S101 xalsdbl.com/politics/2018-06/25/c_1123034336.htm (Xinhua, 25 June 2018: 青骄第二课堂
  launched by the National Narcotics Control Office with Alibaba, grade 5 of primary school to
  grade 2 of senior high; 3,464 schools, 10,247 teachers and 430,000 students connected).
* 光明网 29 January 2019, copy at 3palmswine.com/content/details_54_18009.html (196,000 schools
  and more than 75 million students registered; the 2018 national competition's online round:
  149,000 schools, more than 52.35 million pupils).
* S102 265xx.com/w404/34111.html (2022 competition, online preliminary 15 October - 5 November:
  223,000 schools, 102 million students).
* S103/S104 hnsjdzd.com/difang/1475.html, adzghwp.cn/substance/taizhongxinwen-22_1068.html
  (local offices track registration, participation, pass and excellence rates).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from mekongx.authz import Principal
from mekongx.domains.prevention import mapping, service
from mekongx.domains.prevention.schemas import (
    ActivityInput,
    ComparabilityInput,
    IndicatorInput,
    OutcomeInput,
    ProgrammeInput,
    ReachInput,
    UnitInput,
)
from mekongx.i18n.texts import ADDED_LANGUAGES

S89 = "https://bangkoktoday.com/princess-ubolratana-praises-phuket-fight-against-drugs"
S91 = "https://www.pattayamail.com/thailandnews/to-be-number-one-friends-corner-opened-in-thoen-district-lampang-43834"
S92 = "ryt9.com/s/cabt/124654"
PHUKET_NEWS_2021 = (
    "https://www.thephuketnews.com/phuket-officials-ordered-to-prepare-for-royal-visit-78974.php"
)
S93 = "https://kroobannok.com/board_view.php?b_id=193070"
OBEC_2019 = "https://www.obec.go.th/archives/190157"
S97 = "https://pattayamail.com/?p=40886"
S98 = "https://pattayamail.com/news/40-area-police-undergo-dare-training-2-28783"
S100 = "yourviet.blogspot.com/2012/03/thailand-thai-pm-urges-kids-to-stay-off.html"
S101 = "http://xalsdbl.com/politics/2018-06/25/c_1123034336.htm (Xinhua, 2018-06-25)"
GMW_2019 = "光明网 2019-01-29, copy at http://3palmswine.com/content/details_54_18009.html"
S102 = "265xx.com/w404/34111.html"
S104 = "http://adzghwp.cn/substance/taizhongxinwen-22_1068.html"
ILLUSTRATIVE = "illustrative demo figure, not a published figure"


# The programmes' and indicators' names in Lao, Burmese, Khmer and Vietnamese, by their English
# name (English -> (lo, my, km, vi)). These are this project's translations of the demo
# content, made from the English, Thai and Chinese names above; none is a programme's own
# name in those languages, and each country's officers are asked to review them (native review
# pending, as the meetings' demo texts: ``meetings/demo_texts.py``).
NAMES: dict[str, tuple[str, str, str, str]] = {
    "TO BE NUMBER ONE": (
        "ໂຄງການ TO BE NUMBER ONE", "TO BE NUMBER ONE စီမံကိန်း", "គម្រោង TO BE NUMBER ONE",
        "Dự án TO BE NUMBER ONE",
    ),
    "White Schools free of drugs and vice": (
        "ໂຮງຮຽນສີຂາວ ປອດຢາເສບຕິດ ແລະ ອົບາຍມຸກ",
        "မူးယစ်ဆေးဝါးနှင့် အကျင့်ဆိုးများ ကင်းစင်သော ကျောင်းဖြူ",
        "សាលារៀនស គ្មានគ្រឿងញៀន និងអបាយមុខ",
        "Trường học trắng không ma túy và tệ nạn",
    ),
    "D.A.R.E. Thailand (Drug Abuse Resistance Education)": (
        "D.A.R.E. ປະເທດໄທ (ການສຶກສາເພື່ອຕ້ານການໃຊ້ຢາເສບຕິດ)",
        "D.A.R.E. ထိုင်းနိုင်ငံ (မူးယစ်ဆေးဝါး အလွဲသုံးစားမှု ဆန့်ကျင်ရေး ပညာပေး)",
        "D.A.R.E. ប្រទេសថៃ (ការអប់រំទប់ទល់ការប្រើប្រាស់គ្រឿងញៀន)",
        "D.A.R.E. Thái Lan (Giáo dục phòng chống lạm dụng ma túy)",
    ),
    "Qingjiao Second Classroom (national digital platform for youth drug-prevention education)": (
        "ຫ້ອງຮຽນທີສອງຊິງຈຽວ (ແພລດຟອມດິຈິຕອນແຫ່ງຊາດ ເພື່ອການສຶກສາປ້ອງກັນຢາເສບຕິດສຳລັບໄວໜຸ່ມ)",
        "ချင်ကျောင် ဒုတိယစာသင်ခန်း (လူငယ်များအတွက် မူးယစ်ဆေးဝါး ကာကွယ်ရေး ပညာပေး အမျိုးသား ဒီဂျစ်တယ် ပလက်ဖောင်း)",
        "ថ្នាក់រៀនទីពីរឈីងជាវ (វេទិកាឌីជីថលជាតិសម្រាប់ការអប់រំបង្ការគ្រឿងញៀនដល់យុវជន)",
        "Lớp học thứ hai Thanh Kiêu (nền tảng số quốc gia về giáo dục phòng, chống ma túy cho thanh thiếu niên)",
    ),
    "Membership rate": ("ອັດຕາການເປັນສະມາຊິກ", "အသင်းဝင်နှုန်း", "អត្រាសមាជិកភាព", "Tỷ lệ thành viên"),
    "Award level reached": (
        "ລະດັບລາງວັນທີ່ໄດ້ຮັບ", "ရရှိသည့် ဆုအဆင့်", "កម្រិតពានរង្វាន់ដែលទទួលបាន",
        "Cấp độ giải thưởng đạt được",
    ),
    "Completion rate": (
        "ອັດຕາການຮຽນຈົບຫຼັກສູດ", "သင်တန်းပြီးဆုံးနှုန်း", "អត្រាបញ្ចប់វគ្គសិក្សា", "Tỷ lệ hoàn thành khóa học",
    ),
    "Registration rate": ("ອັດຕາການລົງທະບຽນ", "မှတ်ပုံတင်နှုန်း", "អត្រាចុះឈ្មោះ", "Tỷ lệ đăng ký"),
    "Participation rate": ("ອັດຕາການມີສ່ວນຮ່ວມ", "ပါဝင်မှုနှုန်း", "អត្រាចូលរួម", "Tỷ lệ tham gia"),
    "Pass rate": ("ອັດຕາການສອບເສັງຜ່ານ", "စာမေးပွဲအောင်နှုန်း", "អត្រាប្រឡងជាប់", "Tỷ lệ đạt"),
    "Excellence rate": ("ອັດຕາດີເລີດ", "ထူးချွန်နှုန်း", "អត្រាល្អប្រសើរ", "Tỷ lệ xuất sắc"),
}  # fmt: skip


def _names(english: str) -> dict[str, str]:
    """``name_lo`` … ``name_vi`` of a demo programme or indicator named ``english``."""
    return {f"name_{c}": t for c, t in zip(ADDED_LANGUAGES, NAMES[english], strict=True)}


def _tbn1() -> dict[str, Any]:
    return {
        "programme": {
            "code": "TBN1", "country": "TH", "target_group": "youth", "age_from": 6, "age_to": 24,
            "method": "peer_clubs", "year_basis": "calendar", "started": 2002, "language": "en",
            "name_th": "โครงการ TO BE NUMBER ONE", "name_zh": "“做第一”（TO BE NUMBER ONE）青少年禁毒项目",
            "name_en": "TO BE NUMBER ONE",
            "owner": "TO BE NUMBER ONE project under the patronage of HRH Princess Ubolratana Rajakanya",
            "description": "Clubs in schools, universities, communities, workplaces, juvenile detention centres, prisons and probation offices, and Friends' Corners where trained volunteers counsel members. Activities: Idol contests, camps, life-skills training; annual awards.",
            "sources": "\n".join([S89, S91, S92, PHUKET_NEWS_2021,
                                  "Phuket's membership rate of 99.48 % (S89) has no year in its source and is not recorded as an outcome."]),
        },
        "units": [
            UnitInput(kind="province", name="Phuket", region="Phuket", award_level="diamond"),
            UnitInput(kind="province", name="Lampang", region="Lampang"),
            UnitInput(kind="friend_corner", name="Thoen Witthaya School Friends' Corner", region="Lampang", district="Thoen"),
        ],
        "activities": [
            (ActivityInput(kind="campaign", title="Opening of the Friends' Corner at Thoen Witthaya School (30 volunteers)",
                          starts_on=dt.date(2014, 12, 23), ends_on=dt.date(2014, 12, 23), unit_uid=None), "Thoen Witthaya School Friends' Corner"),
        ],
        "reach": [
            ReachInput(year=2003, counts=[{"measure": "units", "count": 136}, {"measure": "provinces", "count": 15},
                                          {"measure": "members", "count": 660_000}], source=S92),
            ReachInput(year=2014, region="Lampang", counts=[{"measure": "units", "count": 1_123 + 62},
                                                            {"measure": "members", "count": 170_000}],
                       source=S91 + " (1,123 clubs and 62 Friends' Corners; 'nearly 170,000' members aged 6-24)"),
            ReachInput(year=2021, counts=[{"measure": "members", "count": 31_000_000}],
                       source=PHUKET_NEWS_2021 + " ('more than 31 million members')"),
        ],
        "indicators": [
            IndicatorInput(code="membership", kind="rate", name_en="Membership rate", name_th="อัตราการเป็นสมาชิก",
                           name_zh="会员率", definition="Members aged 6-24 as a share of the province's population aged 6-24.",
                           numerator="members aged 6-24", denominator="population aged 6-24"),
        ],
        "outcomes": [],
    }  # fmt: skip


def _white_schools() -> dict[str, Any]:
    return {
        "programme": {
            "code": "WHITE-SCHOOL", "country": "TH", "target_group": "students", "age_from": 6, "age_to": 18,
            "method": "school_accreditation", "year_basis": "academic", "language": "th",
            "name_th": "โครงการสถานศึกษาสีขาว ปลอดยาเสพติดและอบายมุข", "name_zh": "“白色学校”无毒无不良嗜好校园项目",
            "name_en": "White Schools free of drugs and vice",
            "owner": "Ministry of Education (OBEC, NFE), Thailand",
            "description": "Schools organise prevention, search, treatment, surveillance and management (4 ประสาน 2 ค้ำ: administrators, teachers, parents and students, backed by police and military) and are assessed each academic year at the silver, gold and diamond levels.",
            "sources": "\n".join([S93, OBEC_2019, "https://sesa.obec.go.th/index.php?file=detail&id=6703&name=project"]),
        },
        "units": [
            UnitInput(kind="school", name="โรงเรียนวัดพุมเรียง (Wat Phum Riang School)", region="Surat Thani",
                      district="Chaiya", award_level="gold", award_year=2024),
        ],
        "activities": [
            (ActivityInput(kind="assessment", title="Assessment of White Schools at the silver, gold and diamond levels, SESAO 19 (Loei-Nong Bua Lam Phu)",
                          starts_on=dt.date(2019, 11, 27), ends_on=dt.date(2019, 11, 29)), None),
        ],
        "reach": [],
        "indicators": [
            IndicatorInput(code="award", kind="level", name_en="Award level reached", name_th="ระดับรางวัล",
                           name_zh="获奖等级", definition="Schools assessed in an academic year by the level they reached.",
                           levels=["silver", "gold", "diamond"]),
        ],
        "outcomes": [
            OutcomeInput(indicator="award", year=2024, region="Surat Thani", level="gold", numerator=1,
                         source=S93 + " (one school's best-practice report; not a count of all gold schools)"),
        ],
    }  # fmt: skip


def _dare() -> dict[str, Any]:
    return {
        "programme": {
            "code": "DARE-TH", "country": "TH", "target_group": "children", "age_from": 10, "age_to": 12,
            "method": "police_instruction", "year_basis": "academic", "started": 1999, "language": "en",
            "name_th": "โครงการ D.A.R.E. ประเทศไทย (ครูตำรวจแดร์)", "name_zh": "泰国D.A.R.E.禁毒教育项目",
            "name_en": "D.A.R.E. Thailand (Drug Abuse Resistance Education)",
            "owner": "Royal Thai Police, Narcotics Suppression Bureau",
            "description": "Police instructors (80 h of training, 40 h more for the high-school curriculum) teach one hour a week for 13 weeks, mainly in Prathom 5-6.",
            "sources": "\n".join([S97, S98, S100]),
        },
        "units": [],
        "activities": [],
        "reach": [
            ReachInput(year=2012, counts=[{"measure": "instructors", "count": 2_200}, {"measure": "participants", "count": 730_000}],
                       source=S100 + " ('about 730,000 sixth-graders' taught by 2012, cumulative)"),
            ReachInput(year=2014, counts=[{"measure": "instructors", "count": 6_198}], source=S97),
        ],
        "indicators": [
            IndicatorInput(code="completion", kind="rate", name_en="Completion rate", name_th="อัตราการเรียนครบหลักสูตร",
                           name_zh="完成率", definition="Pupils who attended all 13 weekly lessons as a share of pupils enrolled in the course.",
                           numerator="pupils who attended all 13 lessons", denominator="pupils enrolled"),
        ],
        "outcomes": [
            OutcomeInput(indicator="completion", year=2024, numerator=18_400, denominator=20_000, source=ILLUSTRATIVE),
        ],
    }  # fmt: skip


def _qingjiao() -> dict[str, Any]:
    return {
        "programme": {
            "code": "QINGJIAO", "country": "CN", "target_group": "students", "age_from": 10, "age_to": 17,
            "method": "online_classroom", "year_basis": "calendar", "started": 2018, "language": "zh",
            "name_th": "ห้องเรียนที่สองชิงเจียว (แพลตฟอร์มออนไลน์ป้องกันยาเสพติดสำหรับเยาวชน)",
            "name_zh": "青骄第二课堂（全国青少年毒品预防教育数字化平台）",
            "name_en": "Qingjiao Second Classroom (national digital platform for youth drug-prevention education)",
            "owner": "国家禁毒委员会办公室 National Narcotics Control Office, with Alibaba",
            "description": "Online courses from grade 5 of primary school to grade 2 of senior high; a yearly national youth drug-control knowledge competition with an online round. Piloted in Hangzhou (April 2018), then Zhejiang and Yunnan.",
            "sources": "\n".join([S101, GMW_2019, S102, S104]),
        },
        "units": [UnitInput(kind="online", name="青骄第二课堂 platform", region="")],
        "activities": [
            (ActivityInput(kind="contest", title="2022 national youth drug-control knowledge competition, online preliminary",
                          starts_on=dt.date(2022, 10, 15), ends_on=dt.date(2022, 11, 5), participants=102_000_000), None),
        ],
        "reach": [
            ReachInput(year=2018, counts=[{"measure": "schools", "count": 3_464}, {"measure": "teachers", "count": 10_247},
                                          {"measure": "participants", "count": 430_000}], source=S101 + " (at launch, June 2018)"),
            ReachInput(year=2019, counts=[{"measure": "schools", "count": 196_000}, {"measure": "members", "count": 75_000_000}],
                       source=GMW_2019 + " (registered by January 2019: '19.6万所学校、7500余万名学生')"),
            ReachInput(year=2022, counts=[{"measure": "schools", "count": 223_000}, {"measure": "participants", "count": 102_000_000}],
                       source=S102 + " (competition, online preliminary)"),
            ReachInput(year=2024, region="云南 Yunnan", counts=[
                {"measure": "participants", "count": 1200}, {"measure": "participants", "age_band": "6-11", "sex": "f", "count": 290},
                {"measure": "participants", "age_band": "6-11", "sex": "m", "count": 310},
                {"measure": "participants", "age_band": "12-14", "sex": "f", "count": 305},
                {"measure": "participants", "age_band": "12-14", "sex": "m", "count": 295}], source=ILLUSTRATIVE),
        ],
        "indicators": [
            IndicatorInput(code="registration", kind="rate", name_zh="注册率", name_en="Registration rate", name_th="อัตราการลงทะเบียน",
                           definition="Students registered on the platform as a share of enrolled students (注册率).",
                           numerator="students registered", denominator="students enrolled"),
            IndicatorInput(code="participation", kind="rate", name_zh="参与率", name_en="Participation rate", name_th="อัตราการมีส่วนร่วม",
                           definition="Registered students who took the year's course or competition as a share of enrolled students (参与率).",
                           numerator="students who took part", denominator="students enrolled"),
            IndicatorInput(code="pass", kind="rate", name_zh="及格率", name_en="Pass rate", name_th="อัตราการสอบผ่าน",
                           definition="Students who passed the end-of-course test as a share of those who took it (及格率).",
                           numerator="students who passed", denominator="students who took the test"),
            IndicatorInput(code="excellence", kind="rate", name_zh="优秀率", name_en="Excellence rate", name_th="อัตราดีเยี่ยม",
                           definition="Students with an excellent score as a share of those who took the test (优秀率).",
                           numerator="students with an excellent score", denominator="students who took the test"),
        ],
        "outcomes": [
            OutcomeInput(indicator="registration", year=2024, region="云南 Yunnan", numerator=1180, denominator=1200, source=ILLUSTRATIVE),
            OutcomeInput(indicator="participation", year=2024, region="云南 Yunnan", numerator=1100, denominator=1200, source=ILLUSTRATIVE),
            OutcomeInput(indicator="pass", year=2024, region="云南 Yunnan", numerator=1050, denominator=1100, source=ILLUSTRATIVE),
            OutcomeInput(indicator="excellence", year=2024, region="云南 Yunnan", numerator=640, denominator=1100, source=ILLUSTRATIVE),
        ],
    }  # fmt: skip


PROGRAMMES = {"ONCB": [_tbn1, _white_schools, _dare], "NNCC": [_qingjiao]}

# This node's statements on pairs of indicators: (programme code, indicator code) × 2.
COMPARABILITY = [
    (("TBN1", "membership"), ("QINGJIAO", "registration"), "partial",
     "Both count young people signed up, but TBN1 membership is lifelong club membership of 6-24-year-olds over a province's population, while 注册率 is students registered on the platform over enrolled students of grade 5 to senior 2. Compare trends, not levels."),
    (("DARE-TH", "completion"), ("QINGJIAO", "pass"), "not_comparable",
     "Not comparable: D.A.R.E. completion counts pupils who attended all 13 lessons; 及格率 counts those who passed an online test among those who took it. Attendance is not a test result."),
    (("DARE-TH", "completion"), ("QINGJIAO", "participation"), "partial",
     "Partly comparable: both measure taking part in the programme's yearly course, but D.A.R.E. requires all 13 lessons and its denominator is the pupils enrolled in the course, 参与率's all enrolled students."),
    (("WHITE-SCHOOL", "award"), ("QINGJIAO", "excellence"), "not_comparable",
     "Not comparable: a White School award assesses a school's whole prevention system; 优秀率 is a share of pupils with an excellent test score."),
]  # fmt: skip


def seed_demo_prevention(session: Session, agency: str, people: dict[str, Principal]) -> list[str]:
    """The agency's programmes (shared with the other country and the Safe Mekong group when it
    exists); returns their uids. ``people`` maps roles to principals of the node's agency."""
    from mekongx.model.identity import SharingGroup

    officer = people["liaison"]
    group = session.get(SharingGroup, "SAFE-MEKONG")
    sharing: dict[str, Any] = (
        {"distribution": "group", "sharing_group": "SAFE-MEKONG"} if group is not None
        else {"distribution": "own"}
    )  # fmt: skip
    uids = []
    for make in PROGRAMMES.get(agency, []):
        spec = make()
        names = _names(spec["programme"]["name_en"])
        data = ProgrammeInput.model_validate({**spec["programme"], **names, **sharing})
        programme = service.create_programme(session, officer, data)
        units = {
            u.name: service.add_unit(session, officer, programme.id, u).uid for u in spec["units"]
        }
        for activity, unit in spec["activities"]:
            if unit:
                activity = activity.model_copy(update={"unit_uid": units[unit]})
            service.add_activity(session, officer, programme.id, activity)
        for reach in spec["reach"]:
            service.set_reach(session, officer, programme.id, reach)
        for indicator in spec["indicators"]:
            named = indicator.model_copy(update=_names(indicator.name_en))
            service.add_indicator(session, officer, programme.id, named)
        for outcome in spec["outcomes"]:
            service.record_outcome(session, officer, programme.id, outcome)
        uids.append(programme.uid)
    return uids


def seed_demo_comparability(session: Session, analyst: Principal) -> int:
    """The statements on indicators, once the node holds both countries' programmes (after the
    exchange); returns how many it could make."""
    known = {
        (p.code, i.code): i.uid for i, p in mapping.visible_indicators(session, analyst).values()
    }
    made = 0
    for left, right, verdict, statement in COMPARABILITY:
        if left in known and right in known:
            mapping.state(session, analyst, ComparabilityInput(left=known[left], right=known[right],
                                                               verdict=verdict, statement=statement))  # fmt: skip
            made += 1
    return made
