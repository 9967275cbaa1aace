"""The demo's meetings: the Thai–Chinese bilateral series as the sources record it.

Facts and their sources (``shared/research/context.md``, ``shared/seed/``):

* 17th meeting, Phuket, 26 October 2019 (B.E. 2562), hosted by Thailand; co-chairs ONCB
  Secretary-General Niyom Termsrisuk and NNCC Deputy Secretary-General Lan Weihong; agenda:
  situation and trends, exchange of in-depth information on transnational traffickers, future
  cooperation (context.md, S2).
* 18th meeting: neither its date nor its place is in the sources, so it is not seeded; the 19th
  meeting's minutes record that it reviewed the progress report on the 18th's resolutions.
* 19th meeting, Bangkok (Pullman King Power hotel), 10 July 2024 (B.E. 2567); co-chairs
  Thanakorn Kaiyanan (ONCB adviser) and Lan Weihong; the ten resolutions are the seed's ten
  points in its Thai original and English rendering (``seed/README.md``); the Chinese wording is
  this project's translation, not an official text. The Chinese characters of Lan Weihong's name
  are unverified (context.md).
* 20th meeting, Harbin, 30 July 2025 (B.E. 2568), hosted by China; co-chairs Wei Xiaojun (MPS
  Narcotics Control Bureau) and ONCB Secretary-General Pol.Lt.Gen. Phanurat Lukboon; five
  priorities (context.md, S4). The demo holds it as ONCB's draft of the minutes, to be sent,
  commented on and approved by both sides.

The actions under the resolutions, their owners, deadlines, progress notes and evidence are
illustrative demo content, like the demo's reports and cases.
"""

from __future__ import annotations

from typing import Any

from mekongx.domains.meetings.demo_texts import TEXTS
from mekongx.domains.meetings.schemas import MeetingInput, SeriesInput
from mekongx.i18n.texts import ADDED_LANGUAGES


def in_seven(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` with each English text's Lao, Burmese, Khmer and Vietnamese beside it
    (``demo_texts.TEXTS``), at any depth."""
    out: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            value = in_seven(value)
        elif isinstance(value, list):
            value = [in_seven(v) if isinstance(v, dict) else v for v in value]
        out[key] = value
        if key.endswith("_en") and value in TEXTS:
            for code, text in zip(ADDED_LANGUAGES, TEXTS[value], strict=True):
                if text:
                    out.setdefault(f"{key[:-3]}_{code}", text)
    return out


SERIES = SeriesInput.model_validate(
    in_seven(
        dict(
            code="TH-CN",
            name_th="การประชุมทวิภาคีไทย - จีน เรื่อง ความร่วมมือด้านการป้องกันและปราบปรามยาเสพติด",
            name_zh="中泰禁毒合作双边会议",
            name_en="Thai–Chinese bilateral meeting on cooperation in drug prevention and suppression",
            agencies=["ONCB", "NNCC"],
        )
    )
)
SAFE_MEKONG = SeriesInput.model_validate(
    in_seven(
        dict(
            code="SAFE-MEKONG-MIN",
            name_th="การประชุมระดับรัฐมนตรีความร่วมมือแม่โขงปลอดภัย",
            name_zh="湄公河流域执法安全合作部长级会议",
            name_en="Safe Mekong ministerial meeting",
            agencies=["ONCB", "NNCC", "LCDC", "CCDAC", "NACD", "C04"],
        )
    )
)

_THANAKORN = {
    "agency": "ONCB", "role": "head",
    "name_th": "นายธนากร คัยนันท์", "name_zh": "塔纳功·凯亚南", "name_en": "Mr Thanakorn Kaiyanan",
    "title_th": "ที่ปรึกษาการป้องกันและปราบปรามยาเสพติด สำนักงาน ป.ป.ส.",
    "title_zh": "泰国肃毒委员会办公室禁毒顾问",
    "title_en": "Adviser on Drug Prevention and Suppression, ONCB",
}  # fmt: skip
_LAN = {
    "agency": "NNCC", "role": "co_chair",
    "name_th": "นายหลาน เว่ยหง", "name_zh": "兰卫红", "name_en": "Mr Lan Weihong",
    "title_th": "รองเลขาธิการคณะกรรมาธิการควบคุมยาเสพติดแห่งชาติจีน และรองผู้อำนวยการกรมควบคุมยาเสพติด กระทรวงความมั่นคงสาธารณะ",
    "title_zh": "国家禁毒委员会副秘书长、公安部禁毒局副局长",
    "title_en": "Deputy Secretary-General, National Narcotics Control Commission; Deputy Director-General, Narcotics Control Bureau, Ministry of Public Security",
}  # fmt: skip

# The seed's ten points: (Thai original, English rendering, Chinese translation).
TEN_POINTS = [
    ("ส่งเสริมการแลกเปลี่ยนข้อมูลการข่าวระหว่างกัน พัฒนากลไกและช่องทางการประสานงานที่สะดวก รวดเร็ว",
     "Promote the exchange of intelligence between them; develop convenient and fast coordination mechanisms and channels.",
     "促进双方情报交流，建立便捷、快速的协调机制和渠道。"),
    ("ส่งเสริมความร่วมมือในการสืบสวนและติดตามจับกุมนักค้ายาเสพติดที่หลบหนีหมายจับของทั้งสองประเทศ",
     "Promote cooperation in investigating and tracking down drug traffickers who are fugitives from arrest warrants of either country.",
     "加强合作，侦查和追捕被两国通缉在逃的毒贩。"),
    ("พัฒนาความร่วมมือการควบคุมสารตั้งต้นและเคมีภัณฑ์ มิให้เข้าสู่แหล่งผลิตยาเสพติดในพื้นที่สามเหลี่ยมทองคำ เพื่อลดทอนกำลังการผลิตยาเสพติด",
     "Develop cooperation in controlling precursors and chemicals, so that they do not reach the drug production sites of the Golden Triangle, to cut production capacity.",
     "发展易制毒化学品管控合作，防止其流入金三角制毒窝点，削弱毒品生产能力。"),
    ("ยกระดับประสิทธิภาพการดำเนินการบังคับใช้กฎหมายร่วมกัน เช่น การยึดทรัพย์สินของนักค้ายาเสพติด การปราบปรามการฟอกเงินในคดียาเสพติด",
     "Raise the efficiency of joint law enforcement, e.g. seizing drug traffickers' assets and suppressing money laundering in drug cases.",
     "提高联合执法效能，如查扣毒贩资产、打击毒品犯罪洗钱活动。"),
    ("ส่งเสริมการใช้กลไกความร่วมมือศูนย์ประสานงานแม่น้ำโขงปลอดภัย หรือ SMCC และการดำเนินงานตามแผนปฏิบัติการแม่น้ำโขงปลอดภัย 6 ประเทศ (ค.ศ. 2023-2027)",
     "Promote the use of the Safe Mekong Coordination Centre (SMCC) cooperation mechanism and the six-country Safe Mekong operation plan (2023–2027).",
     "推动运用湄公河安全协调中心（SMCC）合作机制，落实六国“平安湄公河”行动计划（2023—2027年）。"),
    ("เสริมสร้างความร่วมมือทางวิชาการและการประยุกต์ใช้เทคโนโลยีเพื่อการจัดการกับปัญหายาเสพติด เช่น การตรวจพิสูจน์ยาเสพติดจากระบบบำบัดน้ำเสีย",
     "Strengthen academic cooperation and the application of technology to drug problems, e.g. detecting drugs from wastewater treatment systems.",
     "加强学术合作和科技在禁毒工作中的应用，如通过污水处理系统检测毒品。"),
    ("ส่งเสริมความร่วมมือด้านการป้องกันยาเสพติด โดยเฉพาะในกลุ่มเด็กและเยาวชน",
     "Promote cooperation in drug prevention, especially among children and youth.",
     "推动禁毒预防合作，特别是在青少年群体中。"),
    ("เสริมสร้างความร่วมมือในการพัฒนาศักยภาพบุคลากรด้านการป้องกันและปราบปรามยาเสพติดของไทยและจีน",
     "Strengthen cooperation in building the capacity of Thai and Chinese drug-control personnel.",
     "加强中泰禁毒人员能力建设合作。"),
    ("ส่งเสริมความร่วมมือไทย - จีน ให้มีบทบาทนำเพิ่มมากขึ้นในการจัดการกับปัญหายาเสพติดในพื้นที่สามเหลี่ยมทองคำและอนุภูมิภาคลุ่มแม่น้ำโขง ทั้งด้านทรัพยากรและการพัฒนาศักยภาพบุคลากร",
     "Have Thai–Chinese cooperation take a larger, leading role on drug problems in the Golden Triangle and the Mekong subregion, in resources and in developing personnel.",
     "推动中泰合作在解决金三角和湄公河次区域毒品问题上发挥更大的引领作用，包括资源投入和人员能力建设。"),
    ("ทั้งสองฝ่ายจะสนับสนุนซึ่งกันและกันในการดำเนินการตามข้อตกลงระหว่างประเทศอย่างเคร่งครัด ทั้งในระดับพหุภาคีและทวิภาคี โดยเฉพาะการดำเนินงานตามอนุสัญญาสหประชาชาติทั้ง 3 ฉบับ",
     "Both sides will support each other in strictly carrying out international agreements, multilateral and bilateral, above all the three United Nations drug conventions.",
     "双方将相互支持，严格履行多边和双边国际协议，特别是联合国三项禁毒公约。"),
]  # fmt: skip

# Illustrative actions per point: (owner, counterpart, th, zh, en, deadline).
_ACTIONS: dict[int, list[tuple[str, str, str, str, str, str]]] = {
    1: [("ONCB", "NNCC", "แลกเปลี่ยนรายงานการข่าวกับ NNCC ผ่าน MekongX", "通过MekongX与国家禁毒委交换情报报告", "Exchange intelligence reports with NNCC through MekongX", "2025-06-30"),
        ("NNCC", "ONCB", "ตอบคำขอข้อมูลของ ป.ป.ส. ภายในเวลาที่ตกลง", "在约定时限内答复泰方的信息请求", "Answer ONCB's requests for information within the agreed time", "2025-06-30")],
    2: [("ONCB", "NNCC", "ประกาศบุคคลที่ถูกติดตามจับกุมซึ่งเชื่อว่าหลบหนีไปจีน", "发布疑似潜逃至中国的在逃人员通报", "Publish notices of fugitives believed to be in China", "2025-03-31"),
        ("NNCC", "ONCB", "ตรวจสอบประกาศของไทยกับฐานข้อมูลจีน", "将泰方通报与中方数据比对", "Screen Thai notices against Chinese records", "2025-06-30")],
    3: [("ONCB", "NNCC", "แจ้งล่วงหน้าการส่งออกสารตั้งต้นและเหตุการณ์สกัดกั้น", "通报易制毒化学品出口预通知和拦截事件", "Pre-export notifications and interception incidents for precursors", "2025-06-30"),
        ("NNCC", "ONCB", "ตอบแจ้งล่วงหน้าการส่งออกภายใน 15 วัน", "在15天内答复出口预通知", "Answer pre-export notifications within 15 days", "2025-06-30")],
    4: [("ONCB", "NNCC", "สืบสวนทางการเงินและยึดทรัพย์เครือข่ายค้ายาเสพติดข้ามแดน", "对跨境贩毒网络开展金融调查并查扣资产", "Financial investigation and asset seizure of a cross-border trafficking network", "2025-06-30")],
    5: [("ONCB", "NNCC", "ส่งเจ้าหน้าที่ประสานงานประจำ SMCC", "向湄公河安全协调中心派驻联络官", "Second a liaison officer to the SMCC", "2024-12-31")],
    6: [("ONCB", "NNCC", "เก็บตัวอย่างน้ำเสียและแบ่งปันผลกับฝ่ายจีน", "开展污水监测并与中方共享结果", "Wastewater sampling campaigns with results shared with China", "2025-06-30"),
        ("NNCC", "ONCB", "แบ่งปันวิธีการตรวจวิเคราะห์น้ำเสียของจีน", "分享中方污水检测方法", "Share China's wastewater analysis methods", "2025-03-31")],
    7: [("ONCB", "NNCC", "แลกเปลี่ยนหลักสูตรป้องกันยาเสพติดในสถานศึกษา", "交流学校禁毒教育课程", "Exchange school drug-prevention curricula", "2025-06-30")],
    8: [("NNCC", "ONCB", "จัดหลักสูตรฝึกอบรมเจ้าหน้าที่ไทยที่วิทยาลัยตำรวจยูนนาน", "在云南警官学院为泰方人员举办培训班", "Training course for Thai officers at Yunnan Police College", "2025-05-31")],
    9: [("ONCB", "NNCC", "เสนอแผนร่วมไทย - จีน ต่อที่ประชุมแม่โขงปลอดภัย", "向湄公河安全合作会议提交中泰联合方案", "Put a joint Thai–Chinese plan to the Safe Mekong meeting", "2025-06-30")],
    10: [("ONCB", "NNCC", "รายงานการปฏิบัติตามอนุสัญญาสหประชาชาติ 3 ฉบับร่วมกัน", "联合报告三项联合国禁毒公约的履约情况", "Joint report on implementing the three UN drug conventions", "2025-07-15")],
}  # fmt: skip

# What the owners report by the 20th meeting: point → [(owner, status, reason, noted_on, th, zh, en)].
PROGRESS: dict[int, list[tuple[str, str, str, str, str, str, str]]] = {
    1: [("ONCB", "done", "", "2025-05-20", "ส่งรายงานการข่าวให้ NNCC ผ่านระบบแล้ว", "已通过系统向国家禁毒委发送情报报告", "Intelligence reports sent to NNCC through the system"),
        ("NNCC", "in_progress", "", "2025-06-10", "ตอบคำขอข้อมูลแล้วบางส่วน", "已部分答复信息请求", "Requests for information partly answered")],
    2: [("ONCB", "done", "", "2025-02-14", "ประกาศบุคคลที่ถูกติดตามจับกุมเผยแพร่แล้ว", "在逃人员通报已发布", "Fugitive notices published")],
    4: [("ONCB", "in_progress", "", "2025-06-01", "คดีการเงินเปิดแล้ว นำเข้ารายงานธุรกรรมจากธนาคาร", "金融案件已立案，已导入银行交易报告", "Financial case opened; the bank's transaction report imported")],
    5: [("ONCB", "dropped", "SMCC ขอเลื่อนการรับเจ้าหน้าที่ไปรอบหมุนเวียนถัดไป / SMCC deferred the secondment to its next rotation", "2024-12-20", "เลื่อนไปรอบถัดไป", "推迟至下一轮", "Deferred to the next rotation")],
    6: [("ONCB", "in_progress", "", "2025-04-30", "เก็บตัวอย่างน้ำเสียครบหนึ่งรอบ", "已完成一轮污水采样", "One round of wastewater sampling completed"),
        ("NNCC", "done", "", "2025-03-15", "ส่งคู่มือวิธีการตรวจวิเคราะห์แล้ว", "已发送检测方法手册", "Analysis methods handbook sent")],
    8: [("NNCC", "done", "", "2025-05-16", "อบรมเจ้าหน้าที่ไทย 20 คน", "已培训泰方人员20名", "Twenty Thai officers trained")],
}  # fmt: skip

# Evidence kinds the owners link per point (resolved against the demo records on each node).
EVIDENCE: dict[tuple[int, str], list[str]] = {
    (1, "ONCB"): ["intel_report", "intel_report", "rfi"],
    (1, "NNCC"): ["rfi"],
    (2, "ONCB"): ["fugitive_notice", "fugitive_notice"],
    (4, "ONCB"): ["fin_case"],
    (6, "ONCB"): ["wbe_campaign", "wbe_campaign"],
    (7, "ONCB"): ["prevention_programme", "prevention_programme", "prevention_programme"],
    (8, "NNCC"): ["training_course"],
}


def _actions(
    point: int, actions: dict[int, list[tuple[str, str, str, str, str, str]]] | None = None
) -> list[dict[str, Any]]:
    return [
        {"owner_agency": o, "counterpart_agency": c, "title_th": th, "title_zh": zh, "title_en": en, "deadline": d}
        for o, c, th, zh, en, d in (_ACTIONS if actions is None else actions).get(point, [])
    ]  # fmt: skip


def meeting_17() -> MeetingInput:
    return MeetingInput.model_validate(
        in_seven(
            {
                "series": "TH-CN",
                "number": 17,
                "host_agency": "ONCB",
                "counterpart": "NNCC",
                "language": "th",
                "place_th": "ภูเก็ต",
                "place_zh": "普吉",
                "place_en": "Phuket",
                "starts_on": "2019-10-26",
                "ends_on": "2019-10-26",
                "delegates": [
                    {
                        "agency": "ONCB",
                        "role": "head",
                        "name_th": "นายนิยม เติมศรีสุข",
                        "name_zh": "尼央·登西素",
                        "name_en": "Mr Niyom Termsrisuk",
                        "title_th": "เลขาธิการ ป.ป.ส.",
                        "title_zh": "泰国肃毒委员会办公室秘书长",
                        "title_en": "Secretary-General, ONCB",
                    },
                    _LAN,
                ],
                "items": [
                    {
                        "title_th": "สถานการณ์และแนวโน้มยาเสพติด",
                        "title_zh": "毒品形势与趋势",
                        "title_en": "Drug situation and trends",
                    },
                    {
                        "title_th": "การแลกเปลี่ยนข้อมูลเชิงลึกเกี่ยวกับนักค้ายาเสพติดข้ามชาติ",
                        "title_zh": "交流跨国毒贩深度信息",
                        "title_en": "Exchange of in-depth information on transnational traffickers",
                    },
                    {
                        "title_th": "ความร่วมมือในอนาคต",
                        "title_zh": "未来合作",
                        "title_en": "Future cooperation",
                    },
                ],
            }
        )
    )


def meeting_19() -> MeetingInput:
    return MeetingInput.model_validate(
        in_seven(
            {
                "series": "TH-CN",
                "number": 19,
                "host_agency": "ONCB",
                "counterpart": "NNCC",
                "language": "th",
                "place_th": "โรงแรมพูลแมน คิง เพาเวอร์ กรุงเทพฯ",
                "place_zh": "曼谷铂尔曼王权酒店",
                "place_en": "Pullman King Power hotel, Bangkok",
                "starts_on": "2024-07-10",
                "ends_on": "2024-07-10",
                "delegates": [_THANAKORN, _LAN],
                "items": [
                    {
                        "title_th": "สถานการณ์ยาเสพติดในประเทศไทยและสาธารณรัฐประชาชนจีน",
                        "title_zh": "泰国和中华人民共和国的毒品形势",
                        "title_en": "The drug situation in Thailand and the People's Republic of China",
                        "summary_th": "ที่ประชุมรับทราบสถานการณ์ยาเสพติดในประเทศไทยและสาธารณรัฐประชาชนจีน",
                        "summary_zh": "会议听取了泰国和中华人民共和国的毒品形势。",
                        "summary_en": "The meeting took note of the drug situation in Thailand and in the People's Republic of China.",
                    },
                    {
                        "title_th": "รายงานความคืบหน้าผลการดำเนินงานตามมติที่ประชุมครั้งที่ 18",
                        "title_zh": "第十八次会议决议落实进展报告",
                        "title_en": "Progress report on carrying out the resolutions of the 18th meeting",
                        "summary_th": "ที่ประชุมรับทราบการรายงานความคืบหน้าผลการดำเนินงานตามมติที่ประชุมทวิภาคีไทย - จีนฯ ครั้งที่ 18",
                        "summary_zh": "会议听取了中泰双边会议第十八次会议决议落实进展报告。",
                        "summary_en": "The meeting took note of the progress report on carrying out the resolutions of the 18th meeting.",
                    },
                    {
                        "title_th": "การยกระดับความร่วมมือในการป้องกันและแก้ไขปัญหายาเสพติดในอนาคต",
                        "title_zh": "提升今后禁毒合作水平",
                        "title_en": "Raising future cooperation against drugs",
                        "summary_th": "ทั้งสองฝ่ายได้หารือและมีมติเห็นชอบที่จะยกระดับความร่วมมือระหว่างกัน",
                        "summary_zh": "双方进行了讨论，一致同意提升合作水平。",
                        "summary_en": "Both sides discussed and agreed to raise their cooperation, on these points.",
                        "resolutions": [
                            {
                                "number": n,
                                "text_th": th,
                                "text_en": en,
                                "text_zh": zh,
                                "actions": _actions(n),
                            }
                            for n, (th, en, zh) in enumerate(TEN_POINTS, start=1)
                        ],
                    },
                ],
            }
        )
    )


_PRIORITIES = [
    ("กดดันแหล่งผลิตยาเสพติดในพื้นที่สามเหลี่ยมทองคำ", "对金三角毒品产地施压", "Pressure on Golden Triangle production sources"),
    ("แลกเปลี่ยนข้อมูลการข่าวและสืบสวนร่วม โดยเฉพาะเส้นทางทางทะเล", "情报交流和联合侦查，特别是海上通道", "Intelligence sharing and joint investigation, especially of maritime routes"),
    ("ควบคุมสารตั้งต้น", "易制毒化学品管控", "Precursor control"),
    ("จับกุมผู้หลบหนีที่ซ่อนตัวในพื้นที่ว้า", "抓捕藏匿于佤邦地区的逃犯", "Arresting fugitives hiding in the Wa area"),
    ("กลไกไตรภาคีจีน - ไทย - เมียนมา", "中泰缅三方机制", "A China–Thailand–Myanmar trilateral mechanism"),
]  # fmt: skip


# Illustrative actions ONCB's draft proposes under the 20th meeting's priorities (owner,
# counterpart, th, zh, en, deadline), like those of the 19th.
_ACTIONS_20: dict[int, list[tuple[str, str, str, str, str, str]]] = {
    1: [("ONCB", "NNCC", "แลกเปลี่ยนผลการตรวจพิสูจน์เม็ดยาบ้าที่ยึดได้เพื่อระบุแหล่งผลิต", "交换缴获甲基苯丙胺片剂的检验结果以确定产地", "Exchange profiling results of seized methamphetamine tablets to trace production sites", "2026-06-30")],
    2: [("NNCC", "ONCB", "แจ้งข้อมูลเรือและตู้สินค้าต้องสงสัยบนเส้นทางทางทะเล", "通报海上通道可疑船只和集装箱信息", "Notify suspect vessels and containers on maritime routes", "2026-03-31"),
        ("ONCB", "NNCC", "ตั้งกลุ่มสืบสวนร่วมคดีลักลอบขนทางทะเล", "成立海上走私案件联合侦查组", "Set up a joint investigation team on maritime smuggling cases", "2026-06-30")],
    3: [("NNCC", "ONCB", "ส่งแจ้งล่วงหน้าการส่งออกสารตั้งต้นทุกรายการไปยัง ป.ป.ส.", "向泰方发送所有易制毒化学品出口预通知", "Send ONCB a pre-export notification for every precursor shipment", "2026-03-31")],
    4: [("ONCB", "NNCC", "ประกาศบุคคลที่ถูกติดตามจับกุมซึ่งเชื่อว่าซ่อนตัวในพื้นที่ว้า", "发布疑似藏匿于佤邦地区的在逃人员通报", "Publish notices of fugitives believed to hide in the Wa area", "2025-12-31")],
    5: [("ONCB", "NNCC", "เสนอร่างกรอบการประชุมไตรภาคีจีน - ไทย - เมียนมา", "提出中泰缅三方会议框架草案", "Propose draft terms for the China–Thailand–Myanmar trilateral meeting", "2026-06-30")],
}  # fmt: skip


def meeting_20() -> MeetingInput:
    """ONCB's draft of the 20th meeting's minutes (to be sent to NNCC, commented and approved)."""
    return MeetingInput.model_validate(
        in_seven(
            {
                "series": "TH-CN",
                "number": 20,
                "host_agency": "NNCC",
                "counterpart": "NNCC",
                "language": "th",
                "place_th": "ฮาร์บิน มณฑลเฮย์หลงเจียง",
                "place_zh": "黑龙江省哈尔滨市",
                "place_en": "Harbin, Heilongjiang",
                "starts_on": "2025-07-30",
                "ends_on": "2025-07-30",
                "delegates": [
                    {
                        "agency": "NNCC",
                        "role": "head",
                        "name_th": "นายเว่ย เสี่ยวจวิน",
                        "name_zh": "魏晓军",
                        "name_en": "Mr Wei Xiaojun",
                        "title_th": "รองผู้อำนวยการบริหารสำนักงานควบคุมยาเสพติดแห่งชาติ และอธิบดีกรมควบคุมยาเสพติด กระทรวงความมั่นคงสาธารณะ",
                        "title_zh": "国家禁毒办常务副主任、公安部禁毒局局长",
                        "title_en": "Executive Deputy Director, National Narcotics Control Office; Director-General, Narcotics Control Bureau, Ministry of Public Security",
                    },
                    {
                        "agency": "ONCB",
                        "role": "co_chair",
                        "name_th": "พล.ต.ท.ภาณุรัตน์ หลักบุญ",
                        "name_zh": "帕努拉·拉汶",
                        "name_en": "Pol.Lt.Gen. Phanurat Lukboon",
                        "title_th": "เลขาธิการ ป.ป.ส.",
                        "title_zh": "泰国肃毒委员会办公室秘书长",
                        "title_en": "Secretary-General, ONCB",
                    },
                ],
                "items": [
                    {
                        "title_th": "รายงานความคืบหน้าผลการดำเนินงานตามมติที่ประชุมครั้งที่ 19",
                        "title_zh": "第十九次会议决议落实进展报告",
                        "title_en": "Progress report on carrying out the resolutions of the 19th meeting",
                    },
                    {
                        "title_th": "ประเด็นความร่วมมือที่ให้ความสำคัญ",
                        "title_zh": "合作重点",
                        "title_en": "Priorities of cooperation",
                        "resolutions": [
                            {
                                "number": n,
                                "text_th": th,
                                "text_zh": zh,
                                "text_en": en,
                                "actions": _actions(n, _ACTIONS_20),
                            }
                            for n, (th, zh, en) in enumerate(_PRIORITIES, start=1)
                        ],
                    },
                ],
            }
        )
    )
