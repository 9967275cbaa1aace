"""Demo joint operation and patrol led by ONCB. Invented: names, dates, units, findings. Real:
the six countries take part in Safe Mekong joint operations, and China, Laos, Myanmar and
Thailand run numbered Mekong joint patrols (the series passed its 140th in 2024: the 141st ended
on 24 May 2024, sources in docs/mekong.md)."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from mekongx.authz import Principal, visible
from mekongx.domains.mekong import plan, service
from mekongx.domains.mekong.models import JointOperation, PlanAction
from mekongx.domains.mekong.schemas import OperationInput, PlanActionInput, ProgressInput
from mekongx.domains.seizures.models import Seizure

# The demo's names, lines and titles in the node's other languages (this project's translations of
# the invented English, for the readers of each language; not texts of the plan).
LANGS = ("th", "zh", "lo", "my", "km", "vi")
TEXTS: dict[str, tuple[str, ...]] = {
    "Safe Mekong joint operation (demo)": (
        "ปฏิบัติการร่วมแม่โขงปลอดภัย (สาธิต)",
        "平安湄公河联合行动（演示）",
        "ປະຕິບັດການຮ່ວມ ແມ່ນ້ຳຂອງປອດໄພ (ສາທິດ)",
        "ဘေးကင်းသော မဲခေါင် ပူးတွဲစစ်ဆင်ရေး (သရုပ်ပြ)",
        "ប្រតិបត្តិការរួមមេគង្គសុវត្ថិភាព (សាកល្បង)",
        "Chiến dịch chung Mê Kông An toàn (minh họa)",
    ),
    "Mekong joint patrol (demo)": (
        "การลาดตระเวนร่วมแม่น้ำโขง (สาธิต)",
        "湄公河联合巡逻执法（演示）",
        "ການລາດຕະເວນຮ່ວມແມ່ນ້ຳຂອງ (ສາທິດ)",
        "မဲခေါင် ပူးတွဲကင်းလှည့်ခြင်း (သရုပ်ပြ)",
        "ការល្បាតរួមទន្លេមេគង្គ (សាកល្បង)",
        "Tuần tra chung trên sông Mê Kông (minh họa)",
    ),
    "1. Intelligence exchange": (
        "1. การแลกเปลี่ยนข้อมูลการข่าว",
        "1. 情报交流",
        "1. ການແລກປ່ຽນຂໍ້ມູນຂ່າວສານ",
        "1. သတင်းဖလှယ်ခြင်း",
        "1. ការផ្លាស់ប្តូរព័ត៌មានស៊ើបការណ៍",
        "1. Trao đổi thông tin tình báo",
    ),
    "2. Joint operations and patrols": (
        "2. ปฏิบัติการร่วมและการลาดตระเวนร่วม",
        "2. 联合行动与联合巡逻",
        "2. ປະຕິບັດການຮ່ວມ ແລະ ການລາດຕະເວນຮ່ວມ",
        "2. ပူးတွဲစစ်ဆင်ရေးနှင့် ကင်းလှည့်ခြင်း",
        "2. ប្រតិបត្តិការរួម និងការល្បាតរួម",
        "2. Các chiến dịch và tuần tra chung",
    ),
    "3. Precursor chemicals": (
        "3. สารตั้งต้น",
        "3. 易制毒化学品",
        "3. ສານເຄມີຕັ້ງຕົ້ນ",
        "3. ရှေ့ပြေးဓာတုပစ္စည်းများ",
        "3. សារធាតុមុនគីមី",
        "3. Tiền chất",
    ),
    "Exchange seizure reports within 30 days of a seizure (demo)": (
        "แลกเปลี่ยนรายงานการตรวจยึดภายใน 30 วันหลังการตรวจยึด (สาธิต)",
        "在查获后30天内交换查获报告（演示）",
        "ແລກປ່ຽນບົດລາຍງານການຍຶດພາຍໃນ 30 ວັນຫຼັງການຍຶດ (ສາທິດ)",
        "ဖမ်းဆီးရမိပြီး ရက် ၃၀ အတွင်း ဖမ်းဆီးရမိမှု အစီရင်ခံစာများ ဖလှယ်ရန် (သရုပ်ပြ)",
        "ផ្លាស់ប្តូររបាយការណ៍ចាប់យកក្នុងរយៈពេល ៣០ ថ្ងៃបន្ទាប់ពីការចាប់យក (សាកល្បង)",
        "Trao đổi báo cáo thu giữ trong vòng 30 ngày sau khi thu giữ (minh họa)",
    ),
    "Joint analysis of tablet markings and routes (demo)": (
        "วิเคราะห์ร่วมเครื่องหมายบนเม็ดยาและเส้นทาง (สาธิต)",
        "联合分析药片标记和贩运路线（演示）",
        "ວິເຄາະຮ່ວມເຄື່ອງໝາຍເທິງເມັດຢາ ແລະ ເສັ້ນທາງ (ສາທິດ)",
        "ဆေးပြားအမှတ်အသားများနှင့် လမ်းကြောင်းများကို ပူးတွဲ ခွဲခြမ်းစိတ်ဖြာခြင်း (သရုပ်ပြ)",
        "ការវិភាគរួមលើសញ្ញាសម្គាល់គ្រាប់ថ្នាំ និងផ្លូវដឹកជញ្ជូន (សាកល្បង)",
        "Phân tích chung ký hiệu trên viên ma túy và tuyến đường (minh họa)",
    ),
    "Take part in the yearly Safe Mekong joint operation (demo)": (
        "เข้าร่วมปฏิบัติการร่วมแม่โขงปลอดภัยประจำปี (สาธิต)",
        "参加年度平安湄公河联合行动（演示）",
        "ເຂົ້າຮ່ວມປະຕິບັດການຮ່ວມແມ່ນ້ຳຂອງປອດໄພປະຈຳປີ (ສາທິດ)",
        "နှစ်စဉ် ဘေးကင်းသော မဲခေါင် ပူးတွဲစစ်ဆင်ရေးတွင် ပါဝင်ရန် (သရုပ်ပြ)",
        "ចូលរួមប្រតិបត្តិការរួមមេគង្គសុវត្ថិភាពប្រចាំឆ្នាំ (សាកល្បង)",
        "Tham gia chiến dịch chung Mê Kông An toàn hằng năm (minh họa)",
    ),
    "Mekong joint patrols every quarter (demo)": (
        "ลาดตระเวนร่วมแม่น้ำโขงทุกไตรมาส (สาธิต)",
        "每季度开展湄公河联合巡逻（演示）",
        "ລາດຕະເວນຮ່ວມແມ່ນ້ຳຂອງທຸກໄຕມາດ (ສາທິດ)",
        "သုံးလတစ်ကြိမ် မဲခေါင် ပူးတွဲကင်းလှည့်ခြင်း (သရုပ်ပြ)",
        "ការល្បាតរួមទន្លេមេគង្គរៀងរាល់ត្រីមាស (សាកល្បង)",
        "Tuần tra chung trên sông Mê Kông hằng quý (minh họa)",
    ),
    "Pre-export notifications for every precursor shipment in the region (demo)": (
        "แจ้งล่วงหน้าการส่งออกสำหรับการขนส่งสารตั้งต้นทุกรายการในภูมิภาค (สาธิต)",
        "对本地区每批易制毒化学品货物发出出口前通知（演示）",
        "ແຈ້ງລ່ວງໜ້າການສົ່ງອອກສຳລັບທຸກການຂົນສົ່ງສານຕັ້ງຕົ້ນໃນພາກພື້ນ (ສາທິດ)",
        "ဒေသတွင်း ရှေ့ပြေးဓာတုပစ္စည်း တင်ပို့မှုတိုင်းအတွက် ပို့ကုန်ကြိုတင်အကြောင်းကြားချက် (သရုပ်ပြ)",
        "ការជូនដំណឹងមុននាំចេញសម្រាប់ការដឹកជញ្ជូនសារធាតុមុនគីមីគ្រប់ករណីក្នុងតំបន់ (សាកល្បង)",
        "Thông báo trước xuất khẩu cho mọi lô hàng tiền chất trong khu vực (minh họa)",
    ),
}


def _in(text: str) -> dict[str, str]:
    """``text``'s translations by language."""
    return dict(zip(LANGS, TEXTS[text], strict=True))


def seed_demo_operations(
    session: Session, agency: str, liaison: Principal, today: date | None = None
) -> None:
    if agency != "ONCB":
        return
    end = today or date.today()
    start = end - timedelta(days=120)
    linked = list(session.scalars(
        select(Seizure.uid).where(Seizure.origin_agency == agency, Seizure.distribution == "group",
                                  Seizure.seized_on >= start, Seizure.seized_on <= start + timedelta(days=90)).limit(6)))  # fmt: skip
    service.create_operation(session, liaison, OperationInput(
        activity="operation", name="Safe Mekong joint operation (demo)", translations={"name": _in("Safe Mekong joint operation (demo)")}, starts_on=start, ends_on=start + timedelta(days=90),
        phases=[{"name": "Intelligence exchange", "starts_on": start, "ends_on": start + timedelta(days=20)},
                {"name": "Interdiction", "starts_on": start + timedelta(days=21), "ends_on": start + timedelta(days=80)},
                {"name": "Review", "starts_on": start + timedelta(days=81), "ends_on": start + timedelta(days=90)}],
        countries=["CN", "KH", "LA", "MM", "TH", "VN"],
        units="ONCB Region 5; Chiang Rai Provincial Police; NNCC Yunnan; LCDC Bokeo; CCDAC Tachileik; NACD; C04",
        targets="Methamphetamine and ketamine consignments through the Golden Triangle and the Mekong ports",
        findings="Demo after-action report: the linked seizures are the operation's results.",
        seizures=linked, distribution="group", sharing_group="SAFE-MEKONG"))  # fmt: skip
    service.create_operation(session, liaison, OperationInput(
        activity="patrol", name="Mekong joint patrol (demo)", translations={"name": _in("Mekong joint patrol (demo)")}, number=150, starts_on=end - timedelta(days=30),
        ends_on=end - timedelta(days=27), countries=["CN", "LA", "MM", "TH"],
        units="Thai Marine Police Chiang Saen; vessels of the four countries' river police",
        route="Guanlei (China) → Golden Triangle → Chiang Saen (Thailand) → Houayxay (Laos)",
        findings="Demo: no contraband found; two boats inspected at Sop Ruak.",
        distribution="group", sharing_group="SAFE-MEKONG"))  # fmt: skip


# Invented demo actions (the plan's real text is entered by the agency that keeps it); each is
# shared with the Safe Mekong group. Real: ONCB's press release of 10 July 2024 names the
# six-country Safe Mekong operation plan (2023–2027); its text and adoption were not found
# (docs/mekong.md).
PLAN_ACTIONS = [
    ("1. Intelligence exchange", "1.1", "Exchange seizure reports within 30 days of a seizure (demo)"),
    ("1. Intelligence exchange", "1.2", "Joint analysis of tablet markings and routes (demo)"),
    ("2. Joint operations and patrols", "2.1", "Take part in the yearly Safe Mekong joint operation (demo)"),
    ("2. Joint operations and patrols", "2.2", "Mekong joint patrols every quarter (demo)"),
    ("3. Precursor chemicals", "3.1", "Pre-export notifications for every precursor shipment in the region (demo)"),
]  # fmt: skip
# what each country reports under which action: (status, activity, evidence: operations, seizures)
PROGRESS = {
    "1.1": ("in_progress", "Share every seizure of the Safe Mekong countries' border provinces (demo)", False, True),
    "1.2": ("in_progress", "Markings and logos of the country's seized tablets compared with the partners' (demo)", False, True),
    "2.1": ("done", "Units of the country took part in the demo joint operation (demo)", True, True),
    "2.2": ("in_progress", "River police vessels join the numbered patrols (demo)", True, False),
    "3.1": ("in_progress", "Pre-export notifications sent and answered through MekongX (demo)", False, False),
}  # fmt: skip


def seed_demo_plan(session: Session, agency: str, liaison: Principal, today: date | None = None) -> None:  # fmt: skip
    """ONCB enters the demo plan actions, shared with the Safe Mekong group."""
    if agency != "ONCB":
        return
    due = date((today or date.today()).year, 12, 31)
    for line, number, title in PLAN_ACTIONS:
        plan.create_action(session, liaison, PlanActionInput(
            line=line, number=number, title=title, translations={"line": _in(line), "title": _in(title)}, due_on=due if number != "1.2" else due.replace(month=6, day=30),
            description="Demo action, invented; the plan's real text is entered by the agency that keeps it.",
            distribution="group", sharing_group="SAFE-MEKONG"))  # fmt: skip


def seed_demo_progress(session: Session, liaison: Principal, today: date | None = None) -> None:
    """The liaison officer's country reports progress under the plan actions this node holds,
    with the joint operations and own seizures it may see as evidence."""
    actions = {a.number: a for a in session.scalars(visible(liaison, PlanAction))}
    operations = list(session.scalars(visible(liaison, JointOperation).with_only_columns(JointOperation.uid)))  # fmt: skip
    seizures = list(session.scalars(visible(liaison, Seizure).where(Seizure.origin_agency == liaison.agency)
                                    .order_by(Seizure.seized_on.desc()).limit(3).with_only_columns(Seizure.uid)))  # fmt: skip
    for number, (status, activity, with_operations, with_seizures) in PROGRESS.items():
        if number not in actions:
            continue
        evidence = [{"kind": "mekong_operation", "uid": u} for u in operations if with_operations]
        evidence += [{"kind": "seizure", "uid": u} for u in seizures if with_seizures]
        plan.set_progress(session, liaison, actions[number].uid, ProgressInput(
            activity=activity, status=status, reported_on=today or date.today(), evidence=evidence))  # fmt: skip
