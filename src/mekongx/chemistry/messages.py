"""Every human-readable text of the screening library, in English, Thai and Simplified Chinese.

``MESSAGES`` maps a code to ``{"en", "th", "zh"}`` templates using ``str.format`` fields;
``render(code, lang, **params)`` fills one in. A test asserts every code has all three languages
and the same fields in each.
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["LANGUAGES", "MESSAGES", "TERMS", "render"]

LANGUAGES = ("en", "th", "zh")

MESSAGES: dict[str, dict[str, str]] = {
    # ---------------------------------------------------------------- evidence
    "MATCH_CAS": {
        "en": "CAS {cas} is {substance}",
        "th": "เลข CAS {cas} คือ {substance}",
        "zh": "CAS号 {cas} 为 {substance}",
    },
    "MATCH_CAS_SALT": {
        "en": "CAS {cas} is {salt}, a salt of {substance}",
        "th": "เลข CAS {cas} คือ {salt} ซึ่งเป็นเกลือของ {substance}",
        "zh": "CAS号 {cas} 为 {salt}，是 {substance} 的盐",
    },
    "MATCH_CAS_REPAIRED": {
        "en": "CAS {cas} fails its check digit; the only register number one error away is {repaired} ({substance})",
        "th": "เลข CAS {cas} มีเลขตรวจสอบไม่ถูกต้อง เลขในทะเบียนที่ต่างกันเพียงหนึ่งตำแหน่งมีเพียง {repaired} ({substance})",
        "zh": "CAS号 {cas} 校验位错误；登记册中仅有 {repaired}（{substance}）与其相差一位",
    },
    "MATCH_NAME": {
        "en": 'description names {substance} ("{text}", {language})',
        "th": 'รายการสินค้าระบุชื่อ {substance} ("{text}", {language})',
        "zh": "品名中出现 {substance}（“{text}”，{language}）",
    },
    "MATCH_ABBREVIATION": {
        "en": 'description uses the abbreviation "{text}" for {substance}',
        "th": 'รายการสินค้าใช้ชื่อย่อ "{text}" ของ {substance}',
        "zh": "品名使用 {substance} 的缩写“{text}”",
    },
    "MATCH_FUZZY": {
        "en": 'description "{text}" is close to "{term}" ({substance}, similarity {score})',
        "th": 'รายการสินค้า "{text}" ใกล้เคียงกับ "{term}" ({substance}, ความคล้าย {score})',
        "zh": "品名“{text}”与“{term}”相近（{substance}，相似度 {score}）",
    },
    "MATCH_HS_SPECIFIC": {
        "en": "HS {hs} is the subheading specific to {substance}",
        "th": "พิกัด HS {hs} เป็นพิกัดย่อยเฉพาะของ {substance}",
        "zh": "HS编码 {hs} 是 {substance} 的专用子目",
    },
    "MATCH_HS_SHARED": {
        "en": "HS {hs} is the subheading specific to {count} substances: {substances}; the code alone does not say which",
        "th": "พิกัด HS {hs} เป็นพิกัดย่อยเฉพาะของสาร {count} ชนิด: {substances} พิกัดอย่างเดียวบอกไม่ได้ว่าเป็นสารใด",
        "zh": "HS编码 {hs} 是 {count} 种物质的专用子目：{substances}；仅凭编码无法判断是哪一种",
    },
    "MATCH_SALT": {
        "en": "declared as a salt form ({salt})",
        "th": "สำแดงในรูปเกลือ ({salt})",
        "zh": "以盐的形式申报（{salt}）",
    },
    "MATCH_PREPARATION": {
        "en": "a preparation or mixture containing {substance} {strength}",
        "th": "เป็นตำรับหรือของผสมที่มี {substance} {strength}",
        "zh": "含有 {substance} 的制剂或混合物 {strength}",
    },
    # ---------------------------------------------------------------- risk reasons
    "TABLE_I": {
        "en": "{substance} is in Table I of the 1988 Convention",
        "th": "{substance} อยู่ในบัญชี I ของอนุสัญญา ค.ศ. 1988",
        "zh": "{substance} 列于1988年公约表一",
    },
    "TABLE_II": {
        "en": "{substance} is in Table II of the 1988 Convention",
        "th": "{substance} อยู่ในบัญชี II ของอนุสัญญา ค.ศ. 1988",
        "zh": "{substance} 列于1988年公约表二",
    },
    "NATIONAL_LIST": {
        "en": "{substance} is on national lists: {lists}",
        "th": "{substance} อยู่ในบัญชีควบคุมของประเทศ: {lists}",
        "zh": "{substance} 列入国家管制目录：{lists}",
    },
    "WATCH_LIST": {
        "en": "{substance} is a non-scheduled chemical of regional concern",
        "th": "{substance} เป็นสารเคมีที่ไม่อยู่ในบัญชีควบคุมแต่ต้องเฝ้าระวังในภูมิภาค",
        "zh": "{substance} 为本地区重点关注的非列管化学品",
    },
    "POSSIBLE_ANALOGUE": {
        "en": "not a registered substance, but a {label} - review",
        "th": "ไม่ใช่สารในทะเบียน แต่อาจเป็นอนุพันธ์ ({label}) - ควรตรวจสอบ",
        "zh": "不是登记物质，但可能是类似物（{label}）——需人工复核",
    },
    "CLASS_LISTING": {
        "en": "the class ({label}) is listed as a whole on national list {list} since {since}: a legal hit there",
        "th": "ทั้งกลุ่มสาร ({label}) อยู่ในบัญชีควบคุมของประเทศ {list} ตั้งแต่ {since} จึงเป็นสารควบคุมตามกฎหมายของประเทศนั้น",
        "zh": "该类物质（{label}）已整类列入国家管制目录 {list}（自 {since} 起），在该国属于管制物质",
    },
    "CLASS_MEMBER": {
        "en": "{substance} belongs to a class listed as a whole on {lists} ({label}); scored at least as high as an unregistered member of that class",
        "th": "{substance} อยู่ในกลุ่มสารที่ควบคุมทั้งกลุ่มในบัญชี {lists} ({label}) จึงให้คะแนนไม่ต่ำกว่าสารในกลุ่มเดียวกันที่ไม่อยู่ในทะเบียน",
        "zh": "{substance} 属于已整类列入 {lists} 的物质类别（{label}），其评分不低于该类别中未登记的成员",
    },
    "CAS_INVALID": {
        "en": "CAS {cas} fails the check digit",
        "th": "เลข CAS {cas} มีเลขตรวจสอบไม่ถูกต้อง",
        "zh": "CAS号 {cas} 校验位错误",
    },
    "HS_MISMATCH": {
        "en": "declared HS {hs} differs from the subheading of {substance} ({expected})",
        "th": "พิกัด HS ที่สำแดง {hs} ไม่ตรงกับพิกัดของ {substance} ({expected})",
        "zh": "申报HS编码 {hs} 与 {substance} 的子目（{expected}）不符",
    },
    "HS_GENERIC_VAGUE": {
        "en": "generic HS {hs} ('other') with a vague description",
        "th": "พิกัด HS ทั่วไป {hs} (อื่น ๆ) และรายการสินค้าไม่ชัดเจน",
        "zh": "HS编码 {hs} 为“其他”类子目且品名描述含糊",
    },
    "ROUTE_BORDER_AREA": {
        "en": "{field} points to {place} ({country}), a Golden Triangle border area",
        "th": "{field} ระบุ {place} ({country}) ซึ่งเป็นพื้นที่ชายแดนสามเหลี่ยมทองคำ",
        "zh": "{field} 指向金三角边境地区 {place}（{country}）",
    },
    "QUANTITY_OUT_OF_SCALE": {
        "en": "quantity {quantity_kg} kg exceeds {limit_kg} kg expected for a {business} consignee",
        "th": "ปริมาณ {quantity_kg} กก. เกิน {limit_kg} กก. ที่คาดหมายสำหรับผู้รับประเภท {business}",
        "zh": "数量 {quantity_kg} 千克超过 {business} 类收货人的预期上限 {limit_kg} 千克",
    },
    "NEW_CONSIGNEE": {
        "en": 'consignee "{consignee}" is not a known customer',
        "th": 'ผู้รับสินค้า "{consignee}" ไม่อยู่ในรายชื่อลูกค้าที่รู้จัก',
        "zh": "收货人“{consignee}”不在已知客户名单中",
    },
    "FORWARDER_CONSIGNEE": {
        "en": 'consignee "{consignee}" looks like a freight forwarder ("{keyword}")',
        "th": 'ผู้รับสินค้า "{consignee}" น่าจะเป็นบริษัทตัวแทนขนส่ง ("{keyword}")',
        "zh": "收货人“{consignee}”疑为货运代理（“{keyword}”）",
    },
    "PEN_MISSING": {
        "en": "no pre-export notification covers {substance} to this consignee",
        "th": "ไม่มีการแจ้งล่วงหน้าก่อนส่งออก (PEN) สำหรับ {substance} ถึงผู้รับรายนี้",
        "zh": "没有涵盖发往该收货人的 {substance} 的出口前通知（PEN）",
    },
    "PEN_QUANTITY_EXCEEDED": {
        "en": "quantity {quantity_kg} kg exceeds the {pen_kg} kg of PEN {pen}",
        "th": "ปริมาณ {quantity_kg} กก. เกิน {pen_kg} กก. ตาม PEN {pen}",
        "zh": "数量 {quantity_kg} 千克超过出口前通知 {pen} 的 {pen_kg} 千克",
    },
    "PEN_CONSIGNEE_MISMATCH": {
        "en": 'PEN {pen} names consignee "{pen_consignee}", not "{consignee}"',
        "th": 'PEN {pen} ระบุผู้รับ "{pen_consignee}" ไม่ใช่ "{consignee}"',
        "zh": "出口前通知 {pen} 的收货人为“{pen_consignee}”，而非“{consignee}”",
    },
    "PEN_DESTINATION_MISMATCH": {
        "en": "PEN {pen} is for {pen_country}, the line goes to {country}",
        "th": "PEN {pen} ระบุประเทศ {pen_country} แต่สินค้าไปยัง {country}",
        "zh": "出口前通知 {pen} 的目的国为 {pen_country}，而申报目的国为 {country}",
    },
    # ---------------------------------------------------------------- file and row errors
    "FILE_NOT_FOUND": {
        "en": "file not found: {path}",
        "th": "ไม่พบไฟล์: {path}",
        "zh": "找不到文件：{path}",
    },
    "FILE_FORMAT": {
        "en": "{path}: unsupported file type (use .csv or .xlsx)",
        "th": "{path}: ไม่รองรับชนิดไฟล์นี้ (ใช้ .csv หรือ .xlsx)",
        "zh": "{path}：不支持的文件类型（请使用 .csv 或 .xlsx）",
    },
    "FILE_UNREADABLE": {
        "en": "{path}: cannot be read ({detail})",
        "th": "{path}: อ่านไฟล์ไม่ได้ ({detail})",
        "zh": "{path}：无法读取（{detail}）",
    },
    "FILE_EMPTY": {
        "en": "{path}: no header row",
        "th": "{path}: ไม่มีแถวหัวตาราง",
        "zh": "{path}：缺少表头行",
    },
    "MISSING_COLUMN": {
        "en": '{path}: required column "{column}" not found in the header (found: {found})',
        "th": '{path}: ไม่พบคอลัมน์ที่จำเป็น "{column}" ในหัวตาราง (พบ: {found})',
        "zh": "{path}：表头中缺少必需列“{column}”（现有：{found}）",
    },
    "DUPLICATE_COLUMN": {
        "en": '{path}: column "{column}" appears twice in the header',
        "th": '{path}: คอลัมน์ "{column}" ซ้ำในหัวตาราง',
        "zh": "{path}：表头中列“{column}”重复",
    },
    "BAD_MAPPING": {
        "en": "mapping file {path}: {detail}",
        "th": "ไฟล์จับคู่คอลัมน์ {path}: {detail}",
        "zh": "列映射文件 {path}：{detail}",
    },
    "BAD_PEN_FILE": {
        "en": "PEN file {path}, row {row}: {detail}",
        "th": "ไฟล์ PEN {path} แถว {row}: {detail}",
        "zh": "出口前通知文件 {path} 第 {row} 行：{detail}",
    },
    "ROW_LENGTH": {
        "en": "row {row}: {value} cells, a different number from the header's",
        "th": "แถว {row}: มี {value} ช่อง ไม่เท่ากับจำนวนคอลัมน์ของหัวตาราง",
        "zh": "第 {row} 行：有 {value} 个单元格，与表头的列数不同",
    },
    "MISSING_VALUE": {
        "en": 'row {row}, column "{column}": value is required',
        "th": 'แถว {row} คอลัมน์ "{column}": ต้องมีค่า',
        "zh": "第 {row} 行，列“{column}”：不能为空",
    },
    "BAD_QUANTITY": {
        "en": 'row {row}, column "{column}": "{value}" is not a non-negative number',
        "th": 'แถว {row} คอลัมน์ "{column}": "{value}" ไม่ใช่จำนวนที่ไม่ติดลบ',
        "zh": "第 {row} 行，列“{column}”：“{value}”不是非负数",
    },
    "BAD_LINE_NO": {
        "en": 'row {row}, column "{column}": "{value}" is not a whole number',
        "th": 'แถว {row} คอลัมน์ "{column}": "{value}" ไม่ใช่จำนวนเต็ม',
        "zh": "第 {row} 行，列“{column}”：“{value}”不是整数",
    },
    "BAD_DATE": {
        "en": 'row {row}, column "{column}": "{value}" is not a date (YYYY-MM-DD)',
        "th": 'แถว {row} คอลัมน์ "{column}": "{value}" ไม่ใช่วันที่ (ปปปป-ดด-วว)',
        "zh": "第 {row} 行，列“{column}”：“{value}”不是日期（YYYY-MM-DD）",
    },
    "BLANK_ROW": {
        "en": "row {row}: blank row",
        "th": "แถว {row}: แถวว่าง",
        "zh": "第 {row} 行：空行",
    },
    # ---------------------------------------------------------------- CLI
    "SUMMARY": {
        "en": "lines read: {read}; hits: {hits} on {lines_hit} lines; skipped rows: {skipped}; report: {out}",
        "th": "อ่าน {read} รายการ; พบ {hits} รายการใน {lines_hit} บรรทัด; ข้ามแถว {skipped} แถว; รายงาน: {out}",
        "zh": "读取 {read} 行；命中 {hits} 项（涉及 {lines_hit} 行）；跳过 {skipped} 行；报告：{out}",
    },
    "FIELD_LEFT_OUT": {
        "en": "screened without the bad field: {message}",
        "th": "คัดกรองโดยไม่ใช้ช่องที่ผิด: {message}",
        "zh": "已筛查，略去错误字段：{message}",
    },
    "SKIPPED_ROW": {
        "en": "skipped {message}",
        "th": "ข้าม {message}",
        "zh": "已跳过 {message}",
    },
    "INPUT_ERROR": {
        "en": "input error: {message}",
        "th": "ข้อมูลนำเข้าผิดพลาด: {message}",
        "zh": "输入错误：{message}",
    },
    "MORE_ERRORS": {
        "en": "... and {count} more problems",
        "th": "... และปัญหาอื่นอีก {count} รายการ",
        "zh": "……另有 {count} 个问题",
    },
}

# Words the engine puts into its messages as parameters (``business`` of QUANTITY_OUT_OF_SCALE,
# ``language`` of MATCH_NAME), in the three languages; see ``wording.reason_text``.
TERMS: dict[str, dict[str, str]] = {
    "business.pharmacy": {"en": "pharmacy or clinic", "th": "ร้านยาหรือคลินิก", "zh": "药店或诊所"},
    "business.laboratory": {"en": "laboratory", "th": "ห้องปฏิบัติการ", "zh": "实验室"},
    "business.trader": {"en": "trading", "th": "ผู้ค้า", "zh": "贸易"},
    "business.manufacturer": {"en": "manufacturing", "th": "ผู้ผลิต", "zh": "生产"},
    "business.history": {
        "en": "regular (3 × its usual quantity)",
        "th": "ประจำ (3 เท่าของปริมาณปกติ)",
        "zh": "老客户（通常数量的3倍）",
    },
    "language.en": {"en": "English", "th": "อังกฤษ", "zh": "英文"},
    "language.th": {"en": "Thai", "th": "ไทย", "zh": "泰文"},
    "language.zh": {"en": "Chinese", "th": "จีน", "zh": "中文"},
    "language.th/zh": {"en": "Thai or Chinese", "th": "ไทยหรือจีน", "zh": "泰文或中文"},
}


def render(code: str, lang: str = "en", /, **params: object) -> str:
    """The message ``code`` in ``lang`` (falls back to English for an unknown language)."""
    templates: Mapping[str, str] = MESSAGES[code]
    template = templates.get(lang) or templates["en"]
    return template.format(**params).strip()
