"""Demo data of the precursors area at ONCB: a customs declarations file screened (lawful
chemicals beside controlled ones, in Thai, Chinese and English wording) and two incidents shared
with NNCC, so that a new user sees screening results and the incident list at once."""

from __future__ import annotations

import csv
import io

from sqlalchemy.orm import Session

from mekongx.authz import Principal
from mekongx.chemistry.declarations import COLUMNS
from mekongx.domains.precursors import incidents, screening
from mekongx.domains.precursors.schemas import IncidentInput

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
