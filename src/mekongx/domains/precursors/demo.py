"""Demo data of the precursors area: at ONCB a customs declarations file screened (lawful
chemicals beside controlled ones, in Thai, Chinese and English wording) and two incidents shared
with NNCC; pre-export notifications between NNCC and ONCB (the Chinese exporters of two of the
declared consignments notified ONCB beforehand; a Thai exporter notifies NNCC), so that a new
user sees screening results, incidents and notifications to answer at once. Companies,
references and quantities are invented."""

from __future__ import annotations

import csv
import io

from sqlalchemy import select
from sqlalchemy.orm import Session

from mekongx.authz import Principal
from mekongx.chemistry.declarations import COLUMNS
from mekongx.domains.precursors import incidents, notifications, screening
from mekongx.domains.precursors.models import Notification
from mekongx.domains.precursors.schemas import AnswerInput, IncidentInput, NotificationInput

# (declaration, line, date, HS, description, CAS, quantity, unit, consignor, its country,
#  consignee, its country, port of loading, port of discharge, final destination)
_LINES = [
    ("TH-2026-0412", 1, "2026-03-02", "2915.24", "Acetic anhydride 99%", "108-24-7", 2000, "kg",
     "Jiangsu Huarui Chemical Co", "CN", "Siam Dye Trading Ltd", "TH", "Nanjing", "Laem Chabang",
     "Samut Prakan"),
    ("TH-2026-0412", 2, "2026-03-02", "2902.30", "Toluene, industrial grade", "108-88-3", 16000,
     "kg", "Jiangsu Huarui Chemical Co", "CN", "Siam Dye Trading Ltd", "TH", "Nanjing",
     "Laem Chabang", "Samut Prakan"),
    ("TH-2026-0418", 1, "2026-03-05", "2939.41", "盐酸麻黄碱 (ephedrine hydrochloride) USP", "50-98-6",
     25, "kg", "Hebei Kangtai Pharmaceutical", "CN", "Mekong Health Supplies", "TH",
     "Tianjin", "Bangkok", "Chiang Rai"),
    ("TH-2026-0421", 1, "2026-03-07", "2841.61", "โพแทสเซียมเปอร์แมงกาเนต (potassium permanganate)",
     "7722-64-7", 500, "kg", "Zhejiang Lianda Chemical", "CN", "Northern Water Treatment Co", "TH",
     "Ningbo", "Laem Chabang", "Chiang Saen"),
    ("TH-2026-0425", 1, "2026-03-09", "2914.31", "Phenylacetone (P-2-P)", "103-79-7", 200, "kg",
     "Golden Star Import Export", "HK", "Lanna Agro Chem", "TH", "Hong Kong", "Chiang Saen",
     "Mae Sai"),
    ("TH-2026-0430", 1, "2026-03-12", "1701.99", "Refined cane sugar", "", 24000, "kg",
     "Mitr Phol Sugar", "TH", "Vientiane Food Co", "LA", "Bangkok", "Nong Khai", "Vientiane"),
    ("TH-2026-0430", 2, "2026-03-12", "2208.90", "Sodium chloride, food grade", "7647-14-5", 5000,
     "kg", "Mitr Phol Sugar", "TH", "Vientiane Food Co", "LA", "Bangkok", "Nong Khai",
     "Vientiane"),
]  # fmt: skip

_INCIDENTS = [
    {"kind": "stopped_shipment", "title": "Acetic anhydride declared as acetic acid, Laem Chabang",
     "occurred_on": "2026-02-18", "country": "TH", "place": "Laem Chabang",
     "substance_id": "acetic_anhydride", "quantity": 3200, "unit": "kg",
     "origin_country": "CN", "diversion_method": "false_declaration", "language": "en",
     "description": "Sixteen drums declared as glacial acetic acid; a field test at the port "
                    "showed acetic anhydride. Consignee address is a rented shop house.",
     "distribution": "peers", "recipients": ["NNCC"]},
    {"kind": "seizure", "title": "ยึดเอฟีดรีนในรถบรรทุก ด่านเชียงของ",
     "occurred_on": "2026-01-27", "country": "TH", "place": "Chiang Khong",
     "substance_id": "ephedrine", "quantity": 40, "unit": "kg", "origin_country": "LA",
     "diversion_method": "smuggling", "language": "th",
     "description": "พบเอฟีดรีนซุกในกระสอบปุ๋ยบนรถบรรทุกขาเข้าจาก สปป.ลาว",
     "distribution": "peers", "recipients": ["NNCC"]},
]  # fmt: skip


def declarations_csv() -> bytes:
    """The demo's declarations file, as customs would export it."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(_LINES)
    return buffer.getvalue().encode("utf-8")


def seed_demo_precursors(
    session: Session, agency: str, analyst: Principal, liaison: Principal
) -> None:
    if agency != "ONCB":
        return
    screening.screen_upload(session, analyst, "customs-march-2026.csv", declarations_csv())
    for values in _INCIDENTS:
        incidents.create_incident(session, liaison, IncidentInput.model_validate(values))


# Pre-export notifications each exporting agency sends (art. 12(10)(a) of the 1988 Convention).
# The first two match declarations TH-2026-0412 and TH-2026-0418 of the customs file above.
NOTIFICATIONS: dict[str, list[dict[str, object]]] = {
    "NNCC": [
        {"reference": "CN-PEN-2026-0187", "importer_agency": "ONCB",
         "exporter_name": "Jiangsu Huarui Chemical Co", "exporter_address": "江苏省南京市江北新区",
         "importer_name": "Siam Dye Trading Ltd", "importer_address": "Bang Phli, Samut Prakan",
         "substance_id": "acetic_anhydride", "quantity": 2000, "unit": "kg", "concentration_pct": 99,
         "packaging": "10 IBC totes of 200 kg", "transport_mode": "sea", "import_permit": "TH-IP-2026-00318",
         "port_of_exit": "Nanjing", "port_of_entry": "Laem Chabang", "expected_dispatch": "2026-02-20",
         "language": "zh"},
        {"reference": "CN-PEN-2026-0203", "importer_agency": "ONCB",
         "exporter_name": "Hebei Kangtai Pharmaceutical", "importer_name": "Mekong Health Supplies",
         "importer_address": "Mueang Chiang Rai", "substance_id": "ephedrine", "quantity": 25, "unit": "kg",
         "preparation": False, "packaging": "5 fibre drums of 5 kg", "transport_mode": "air",
         "import_permit": "TH-FDA-IM-2026-0077", "port_of_exit": "Tianjin", "port_of_entry": "Bangkok",
         "expected_dispatch": "2026-02-27", "language": "zh"},
    ],
    "ONCB": [
        {"reference": "TH-PEN-2026-0031", "importer_agency": "NNCC",
         "exporter_name": "Bangkok Water Chemicals Co., Ltd.", "importer_name": "Xishuangbanna Water Treatment Co",
         "importer_address": "云南省西双版纳州景洪市", "substance_id": "potassium_permanganate",
         "quantity": 1500, "unit": "kg", "packaging": "30 steel drums of 50 kg", "transport_mode": "road",
         "transit_countries": ["LA"], "port_of_exit": "Chiang Khong", "port_of_entry": "Mohan",
         "route": "Chiang Khong - Houayxay - Boten - Mohan", "expected_dispatch": "2026-03-20",
         "language": "en"},
    ],
}  # fmt: skip
# How the importing agency answers each (None: it has not answered yet).
ANSWERS: dict[str, AnswerInput | None] = {
    "CN-PEN-2026-0187": AnswerInput(answer="confirmed", note="Import permit TH-IP-2026-00318 is valid."),
    "CN-PEN-2026-0203": None,
    "TH-PEN-2026-0031": AnswerInput(answer="information_requested",
                                    note="请提供收货方的污水处理厂许可证编号及年用量。"),
}  # fmt: skip


def seed_demo_notifications(session: Session, agency: str, liaison: Principal) -> None:
    """The exporting agency's liaison officer drafts and sends its notifications: the exchange
    carries them to the importing agency's node."""
    for values in NOTIFICATIONS.get(agency, []):
        notification = notifications.create_notification(
            session, liaison, NotificationInput.model_validate(values)
        )
        notifications.send_notification(session, liaison, notification.id)


def answer_demo_notifications(session: Session, liaison: Principal) -> int:
    """The importing agency acknowledges the notifications that reached it and answers those
    the demo answers. Returns how many it acknowledged."""
    stmt = select(Notification).where(
        Notification.received.is_(True),
        Notification.importer_agency == liaison.agency,
        Notification.state == "sent",
    )
    done = 0
    for notification in list(session.scalars(stmt.order_by(Notification.id))):
        notifications.acknowledge(session, liaison, notification.id)
        answer = ANSWERS.get(notification.reference)
        if answer is not None:
            notifications.answer(session, liaison, notification.id, answer)
        done += 1
    return done
