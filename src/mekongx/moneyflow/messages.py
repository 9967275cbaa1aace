"""Every human-readable text of the money-flow engine, in English, Thai and Simplified Chinese.

Problems with input files are identified by a stable code and rendered at the edge (CLI, API,
page) in the reader's language. Templates use ``str.format`` fields; a test checks that every
code has all three languages and that the three templates of a code name the same fields.
"""

from __future__ import annotations

import string
from typing import Final

LANGUAGES: Final = ("en", "th", "zh")

MESSAGES: Final[dict[str, dict[str, str]]] = {
    # --- files and columns ------------------------------------------------------------
    "file.missing": {
        "en": "The file {path} does not exist.",
        "th": "ไม่พบไฟล์ {path}",
        "zh": "文件 {path} 不存在。",
    },
    "file.format": {
        "en": "{path}: the format could not be recognised ({problem}). Use CSV, xlsx, Parquet or goAML XML.",
        "th": "{path}: ไม่รู้จักรูปแบบไฟล์ ({problem}) กรุณาใช้ CSV, xlsx, Parquet หรือ goAML XML",
        "zh": "{path}：无法识别文件格式（{problem}）。请使用 CSV、xlsx、Parquet 或 goAML XML。",
    },
    "file.too_large": {
        "en": "{path}: the file holds more than {limit} rows; split it or raise the limit.",
        "th": "{path}: ไฟล์มีมากกว่า {limit} แถว กรุณาแบ่งไฟล์หรือเพิ่มขีดจำกัด",
        "zh": "{path}：文件超过 {limit} 行；请拆分文件或提高上限。",
    },
    "file.unreadable": {
        "en": "{path}: the file could not be read: {problem}",
        "th": "{path}: อ่านไฟล์ไม่ได้: {problem}",
        "zh": "{path}：无法读取文件：{problem}",
    },
    "columns.missing": {
        "en": "{path}: required columns are missing: {columns}. The file has: {present}.",
        "th": "{path}: ไม่มีคอลัมน์ที่จำเป็น: {columns} คอลัมน์ที่มีในไฟล์: {present}",
        "zh": "{path}：缺少必需的列：{columns}。文件中的列为：{present}。",
    },
    "mapping.invalid": {
        "en": "Column mapping {path}: {problem}",
        "th": "ไฟล์จับคู่คอลัมน์ {path}: {problem}",
        "zh": "列映射文件 {path}：{problem}",
    },
    "mapping.unknown_field": {
        "en": "Column mapping {path}: '{field}' is not a transaction field. Known fields: {known}.",
        "th": "ไฟล์จับคู่คอลัมน์ {path}: '{field}' ไม่ใช่ฟิลด์ของธุรกรรม ฟิลด์ที่รู้จัก: {known}",
        "zh": "列映射文件 {path}：“{field}”不是交易字段。已知字段：{known}。",
    },
    "mapping.missing_column": {
        "en": "Column mapping {path}: field '{field}' is mapped to column '{column}', which the file does not have. The file has: {present}.",
        "th": "ไฟล์จับคู่คอลัมน์ {path}: ฟิลด์ '{field}' จับคู่กับคอลัมน์ '{column}' ซึ่งไม่มีในไฟล์ คอลัมน์ที่มีในไฟล์: {present}",
        "zh": "列映射文件 {path}：字段“{field}”映射到列“{column}”，但文件中没有该列。文件中的列为：{present}。",
    },
    "fx.invalid": {
        "en": "Exchange-rate file {path}, row {row}: {problem}",
        "th": "ไฟล์อัตราแลกเปลี่ยน {path} แถว {row}: {problem}",
        "zh": "汇率文件 {path} 第 {row} 行：{problem}",
    },
    "goaml.invalid": {
        "en": "goAML file {path}, line {line}: {problem}",
        "th": "ไฟล์ goAML {path} บรรทัด {line}: {problem}",
        "zh": "goAML 文件 {path} 第 {line} 行：{problem}",
    },
    "goaml.entities": {
        "en": "goAML file {path}: a DOCTYPE or entity declaration is not allowed (refused for safety).",
        "th": "ไฟล์ goAML {path}: ไม่อนุญาตให้มี DOCTYPE หรือการประกาศ entity (ปฏิเสธเพื่อความปลอดภัย)",
        "zh": "goAML 文件 {path}：不允许 DOCTYPE 或实体声明（出于安全原因拒绝）。",
    },
    "load.nothing": {
        "en": "{path}: no valid transaction remained; {rejected} rows were rejected.",
        "th": "{path}: ไม่มีธุรกรรมที่ใช้ได้เหลืออยู่ ถูกปฏิเสธ {rejected} แถว",
        "zh": "{path}：没有剩余的有效交易；{rejected} 行被拒绝。",
    },
    # --- rejected rows ----------------------------------------------------------------
    "row.rejected": {
        "en": "row {row}, {field}: {problem}",
        "th": "แถว {row}, {field}: {problem}",
        "zh": "第 {row} 行，{field}：{problem}",
    },
    "row.more": {
        "en": "… and {count} more rejected rows",
        "th": "… และแถวที่ถูกปฏิเสธอีก {count} แถว",
        "zh": "……另有 {count} 行被拒绝",
    },
    "value.empty": {
        "en": "empty",
        "th": "ว่างเปล่า",
        "zh": "为空",
    },
    "value.not_number": {
        "en": "'{value}' is not a number",
        "th": "'{value}' ไม่ใช่ตัวเลข",
        "zh": "“{value}”不是数字",
    },
    "value.not_positive": {
        "en": "{value} is not a positive amount",
        "th": "{value} ไม่ใช่จำนวนเงินที่มากกว่าศูนย์",
        "zh": "{value} 不是正数金额",
    },
    "value.not_time": {
        "en": "'{value}' is not an ISO 8601 date and time",
        "th": "'{value}' ไม่ใช่วันที่และเวลาตาม ISO 8601",
        "zh": "“{value}”不是 ISO 8601 日期时间",
    },
    "value.no_zone": {
        "en": "'{value}' has no time zone and the mapping names none",
        "th": "'{value}' ไม่มีเขตเวลา และไฟล์จับคู่คอลัมน์ไม่ได้ระบุเขตเวลา",
        "zh": "“{value}”没有时区，且列映射未指定时区",
    },
    "value.currency": {
        "en": "'{value}' is not an ISO 4217 currency code",
        "th": "'{value}' ไม่ใช่รหัสสกุลเงินตาม ISO 4217",
        "zh": "“{value}”不是 ISO 4217 货币代码",
    },
    "value.no_rate": {
        "en": "no exchange rate from {currency} to {base} on or before {date}",
        "th": "ไม่มีอัตราแลกเปลี่ยนจาก {currency} เป็น {base} ณ วันที่ {date} หรือก่อนหน้า",
        "zh": "没有 {date} 当日或之前 {currency} 兑 {base} 的汇率",
    },
    "value.channel": {
        "en": "'{value}' is not a channel; use one of: {allowed}",
        "th": "'{value}' ไม่ใช่ช่องทางที่รู้จัก กรุณาใช้: {allowed}",
        "zh": "“{value}”不是有效渠道；请使用：{allowed}",
    },
    "value.country": {
        "en": "'{value}' is not an ISO 3166 two-letter country code",
        "th": "'{value}' ไม่ใช่รหัสประเทศสองตัวอักษรตาม ISO 3166",
        "zh": "“{value}”不是 ISO 3166 两位国家代码",
    },
    "value.duplicate": {
        "en": "transaction id '{value}' appears more than once",
        "th": "รหัสธุรกรรม '{value}' ปรากฏมากกว่าหนึ่งครั้ง",
        "zh": "交易编号“{value}”出现了不止一次",
    },
    "value.same_account": {
        "en": "the sending and receiving account are the same",
        "th": "บัญชีผู้โอนและบัญชีผู้รับเป็นบัญชีเดียวกัน",
        "zh": "付款账户与收款账户相同",
    },
    # --- tracing ----------------------------------------------------------------------
    "trace.unknown_account": {
        "en": "Account '{account}' does not appear in the transactions.",
        "th": "ไม่พบบัญชี '{account}' ในธุรกรรม",
        "zh": "交易中没有账户“{account}”。",
    },
    "trace.unknown_transaction": {
        "en": "Transaction '{transaction}' does not appear in the file.",
        "th": "ไม่พบธุรกรรม '{transaction}' ในไฟล์",
        "zh": "文件中没有交易“{transaction}”。",
    },
    "trace.method": {
        "en": "'{method}' is not a tracing method; use one of: {allowed}.",
        "th": "'{method}' ไม่ใช่วิธีติดตามเส้นทางเงิน กรุณาใช้: {allowed}",
        "zh": "“{method}”不是资金追踪方法；请使用：{allowed}。",
    },
    "trace.backward_libr": {
        "en": "The lowest intermediate balance rule traces forward only; backward, use fifo, lifo, pro_rata or poison.",
        "th": "หลักยอดคงเหลือต่ำสุดระหว่างทาง (LIBR) ใช้ติดตามไปข้างหน้าเท่านั้น สำหรับการติดตามย้อนกลับ กรุณาใช้ fifo, lifo, pro_rata หรือ poison",
        "zh": "最低中间余额规则（LIBR）只能向前追踪；向后追踪请使用 fifo、lifo、pro_rata 或 poison。",
    },
    # --- engine -------------------------------------------------------------------------
    "engine.unknown": {
        "en": "'{engine}' is not an engine; use duckdb or spark.",
        "th": "'{engine}' ไม่ใช่เอนจินที่รองรับ กรุณาใช้ duckdb หรือ spark",
        "zh": "“{engine}”不是受支持的引擎；请使用 duckdb 或 spark。",
    },
    "engine.spark_missing": {
        "en": "The Spark engine needs pyspark and a Java runtime: {problem}",
        "th": "เอนจิน Spark ต้องใช้ pyspark และ Java runtime: {problem}",
        "zh": "Spark 引擎需要 pyspark 和 Java 运行环境：{problem}",
    },
}


def fields_of(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def render(code: str, lang: str = "en", **params: object) -> str:
    """The message ``code`` in ``lang`` (th, zh or en; anything else is English)."""
    texts = MESSAGES[code]
    return texts.get(lang if lang in LANGUAGES else "en", texts["en"]).format(**params)
