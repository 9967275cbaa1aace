"""Explanation templates in English, Thai and Simplified Chinese, one entry per reason code."""

from __future__ import annotations

LANGUAGES = ("en", "th", "zh")

MESSAGES: dict[str, dict[str, str]] = {
    "reading_match": {
        "en": "Compared {system_a} reading “{reading_a}” with {system_b} reading “{reading_b}”",
        "th": "เปรียบเทียบการอ่านแบบ {system_a} “{reading_a}” กับการอ่านแบบ {system_b} “{reading_b}”",
        "zh": "比较了{system_a}读法“{reading_a}”与{system_b}读法“{reading_b}”",
    },
    "surname_match": {
        "en": "Surname “{a}” ({via_a}) matched “{b}” ({via_b})",
        "th": "นามสกุล/แซ่ “{a}” ({via_a}) ตรงกับ “{b}” ({via_b})",
        "zh": "姓氏“{a}”（{via_a}）与“{b}”（{via_b}）一致",
    },
    "part_match": {
        "en": "Name part “{a}” ({via_a}) matched “{b}” ({via_b})",
        "th": "ส่วนของชื่อ “{a}” ({via_a}) ตรงกับ “{b}” ({via_b})",
        "zh": "姓名部分“{a}”（{via_a}）与“{b}”（{via_b}）一致",
    },
    "part_similar": {
        "en": "Name part “{a}” is close to “{b}” (similarity {similarity})",
        "th": "ส่วนของชื่อ “{a}” ใกล้เคียงกับ “{b}” (ความคล้าย {similarity})",
        "zh": "姓名部分“{a}”与“{b}”相近（相似度 {similarity}）",
    },
    "part_mismatch": {
        "en": "Name part “{a}” does not match “{b}” (similarity {similarity})",
        "th": "ส่วนของชื่อ “{a}” ไม่ตรงกับ “{b}” (ความคล้าย {similarity})",
        "zh": "姓名部分“{a}”与“{b}”不一致（相似度 {similarity}）",
    },
    "surname_mismatch": {
        "en": "Surname “{a}” differs from “{b}”: a different surname, not a spelling variant",
        "th": "นามสกุล/แซ่ “{a}” ต่างจาก “{b}” เป็นคนละนามสกุล ไม่ใช่การสะกดต่างกัน",
        "zh": "姓氏“{a}”与“{b}”不同：属于不同姓氏，而非拼写差异",
    },
    "translit_table": {
        "en": "“{a}” and “{b}” are linked by the reference table of Thai names in Chinese",
        "th": "“{a}” และ “{b}” เชื่อมกันด้วยตารางอ้างอิงการเขียนชื่อไทยเป็นภาษาจีน",
        "zh": "“{a}”与“{b}”依据泰国人名汉译参考表对应",
    },
    "unmatched_parts": {
        "en": "{count} name part(s) have no counterpart in the other name",
        "th": "มีส่วนของชื่อ {count} ส่วนที่ไม่มีคู่ในอีกชื่อหนึ่ง",
        "zh": "有 {count} 个姓名部分在另一姓名中没有对应",
    },
    "parts_covered": {
        "en": "All {count} name parts were paired",
        "th": "จับคู่ส่วนของชื่อได้ครบทั้ง {count} ส่วน",
        "zh": "全部 {count} 个姓名部分均已配对",
    },
    "name_order_swapped": {
        "en": "The names are written in different orders (surname first / last)",
        "th": "ชื่อเขียนเรียงลำดับต่างกัน (นามสกุลขึ้นก่อน/ไว้หลัง)",
        "zh": "两个姓名的书写顺序不同（姓在前/姓在后）",
    },
    "common_name": {
        "en": "Common Chinese name (rarity {rarity}): weak evidence of identity",
        "th": "เป็นชื่อจีนที่พบบ่อย (ความหายาก {rarity}) จึงเป็นหลักฐานยืนยันตัวบุคคลที่อ่อน",
        "zh": "常见中文姓名（罕见度 {rarity}），作为身份证据较弱",
    },
    "rare_name": {
        "en": "Uncommon name (rarity {rarity}): strong evidence of identity",
        "th": "เป็นชื่อที่พบไม่บ่อย (ความหายาก {rarity}) จึงเป็นหลักฐานยืนยันตัวบุคคลที่หนักแน่น",
        "zh": "较少见的姓名（罕见度 {rarity}），作为身份证据较强",
    },
    "han_identical": {
        "en": "Identical Chinese characters {han} (after traditional-to-simplified folding)",
        "th": "อักษรจีนเหมือนกัน {han} (หลังแปลงอักษรตัวเต็มเป็นตัวย่อ)",
        "zh": "汉字完全相同：{han}（已做繁简转换）",
    },
    "han_different": {
        "en": "Different Chinese characters: {a} / {b}",
        "th": "อักษรจีนต่างกัน: {a} / {b}",
        "zh": "汉字不同：{a} / {b}",
    },
    "no_readings": {
        "en": "No usable name letters to compare",
        "th": "ไม่มีตัวอักษรของชื่อที่ใช้เปรียบเทียบได้",
        "zh": "没有可比较的姓名字符",
    },
    "dob_match": {
        "en": "Same date of birth ({a})",
        "th": "วันเกิดตรงกัน ({a})",
        "zh": "出生日期相同（{a}）",
    },
    "birth_year_match": {
        "en": "Birth dates are compatible ({a} / {b})",
        "th": "วันเกิดสอดคล้องกัน ({a} / {b})",
        "zh": "出生日期相符（{a} / {b}）",
    },
    "dob_partial": {
        "en": "Same birth year but different day or month ({a} / {b})",
        "th": "ปีเกิดตรงกันแต่วันหรือเดือนต่างกัน ({a} / {b})",
        "zh": "出生年份相同但月日不同（{a} / {b}）",
    },
    "dob_mismatch": {
        "en": "Different dates of birth ({a} / {b})",
        "th": "วันเกิดต่างกัน ({a} / {b})",
        "zh": "出生日期不同（{a} / {b}）",
    },
    "gender_mismatch": {
        "en": "Different gender ({a} / {b})",
        "th": "เพศต่างกัน ({a} / {b})",
        "zh": "性别不同（{a} / {b}）",
    },
    "nationality_mismatch": {
        "en": "Different nationality ({a} / {b})",
        "th": "สัญชาติต่างกัน ({a} / {b})",
        "zh": "国籍不同（{a} / {b}）",
    },
    "document_match": {
        "en": "Same identity document number {number}",
        "th": "เลขเอกสารประจำตัวตรงกัน {number}",
        "zh": "证件号码相同：{number}",
    },
    "document_mismatch": {
        "en": "Identity document numbers differ",
        "th": "เลขเอกสารประจำตัวไม่ตรงกัน",
        "zh": "证件号码不同",
    },
    "document_invalid": {
        "en": "Document number {number} fails its check digit (mistyped?): not compared",
        "th": "เลขเอกสาร {number} ไม่ผ่านการตรวจเลขหลักสุดท้าย (อาจพิมพ์ผิด) จึงไม่นำมาเปรียบเทียบ",
        "zh": "证件号码 {number} 校验位不符（可能录入有误），未参与比对",
    },
    "dob_from_document": {
        "en": "Date of birth {date} read from resident ID number {number}",
        "th": "วันเกิด {date} อ่านจากเลขบัตรประจำตัวประชาชนจีน {number}",
        "zh": "出生日期 {date} 取自居民身份证号码 {number}",
    },
    "analyst_confirmed": {
        "en": "Analyst {analyst} confirmed these are the same person ({date})",
        "th": "นักวิเคราะห์ {analyst} ยืนยันว่าเป็นบุคคลเดียวกัน ({date})",
        "zh": "分析员 {analyst} 已确认为同一人（{date}）",
    },
    "analyst_rejected": {
        "en": "Analyst {analyst} decided these are different people ({date})",
        "th": "นักวิเคราะห์ {analyst} ตัดสินว่าเป็นคนละบุคคล ({date})",
        "zh": "分析员 {analyst} 已判定为不同的人（{date}）",
    },
}


# Names of the reading systems and tables a reason cites (``system_*``, ``via_*``), in the three
# languages; a label not listed here is shown as it is.
TERMS: dict[str, dict[str, str]] = {
    "thai": {"en": "Thai", "th": "ไทย", "zh": "泰文"},
    "latin": {"en": "Latin letters", "th": "อักษรโรมัน", "zh": "拉丁字母"},
    "latin-joined": {
        "en": "Latin letters, run together",
        "th": "อักษรโรมันเขียนติดกัน",
        "zh": "拉丁字母连写",
    },
    "latin-th": {
        "en": "Latin letters read as Thai",
        "th": "อักษรโรมันอ่านแบบไทย",
        "zh": "按泰语读的拉丁字母",
    },
    "latin-zh": {
        "en": "Latin letters read as pinyin",
        "th": "อักษรโรมันอ่านแบบพินอิน",
        "zh": "按拼音读的拉丁字母",
    },
    "pinyin": {"en": "pinyin", "th": "พินอิน", "zh": "汉语拼音"},
    "romanisation-variants": {
        "en": "other romanisations",
        "th": "การถอดเป็นอักษรโรมันแบบอื่น",
        "zh": "其他罗马字拼法",
    },
    "wade-giles": {"en": "Wade–Giles", "th": "เวด-ไจลส์", "zh": "威妥玛拼音"},
    "thai-ri49": {
        "en": "Thai (Royal Institute, 2549)",
        "th": "ไทย (ราชบัณฑิตยสถาน 2549)",
        "zh": "泰文（泰国皇家学术院 2549）",
    },
    "thai-thc43": {
        "en": "Thai (Mandarin transcription rules, 2543)",
        "th": "ไทย (เกณฑ์ถ่ายทอดเสียงภาษาจีนกลาง 2543)",
        "zh": "泰文（2543年普通话泰文转写规则）",
    },
    "rtgs": {
        "en": "Royal Thai General System",
        "th": "ระบบถอดอักษรไทยเป็นอักษรโรมันของราชบัณฑิตยสถาน",
        "zh": "泰国皇家转写系统",
    },
    "thai-formal": {"en": "formal Thai reading", "th": "การอ่านแบบเต็มคำ", "zh": "泰语正式读法"},
    "thai-spelling": {
        "en": "Thai spelling letter by letter",
        "th": "การสะกดตามตัวอักษรไทย",
        "zh": "按泰文字母拼写",
    },
    "surname-variant": {"en": "surname variant", "th": "แซ่แบบอื่น", "zh": "姓氏异读"},
    "table": {"en": "reference table", "th": "ตารางอ้างอิง", "zh": "对照表"},
    "table-han": {
        "en": "reference table (Chinese characters)",
        "th": "ตารางอ้างอิง (อักษรจีน)",
        "zh": "对照表（汉字）",
    },
    "han-transliteration": {
        "en": "Chinese characters transcribing a Thai name",
        "th": "อักษรจีนที่ถอดเสียงชื่อไทย",
        "zh": "音译泰文姓名的汉字",
    },
    "transcription": {"en": "transcription", "th": "การถอดเสียง", "zh": "音译"},
    "surname": {"en": "surname", "th": "นามสกุล/แซ่", "zh": "姓氏"},
}
_TERM_PARAMS = ("system_a", "system_b", "via_a", "via_b")


class _Defaults(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "?"


def render(code: str, lang: str = "en", params: dict[str, str] | None = None) -> str:
    """Render a reason code in ``en``, ``th`` or ``zh``; unknown languages fall back to English."""
    entry = MESSAGES.get(code)
    if entry is None:
        return code
    template = entry.get(lang) or entry["en"]
    values = dict(params or {})
    for key in _TERM_PARAMS:
        term = TERMS.get(values.get(key, ""))
        if term is not None:
            values[key] = term.get(lang) or term["en"]
    return template.format_map(_Defaults(values))
