"""The bounded reader's refusals in each of ``LANGUAGES`` (``str.format`` fields).

A test asserts every code has every language with the same fields, and that every place
raising a code supplies the fields its template needs.
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["LANGUAGES", "MESSAGES", "render"]

LANGUAGES = ("en", "th", "zh", "my", "km", "lo", "vi")

MESSAGES: dict[str, dict[str, str]] = {
    "too_large": {
        "en": "the file is {size_mb} MB; the limit is {limit_mb} MB",
        "th": "ไฟล์มีขนาด {size_mb} MB เกินขีดจำกัด {limit_mb} MB",
        "zh": "文件大小为 {size_mb} MB，上限为 {limit_mb} MB",
        "my": "ဖိုင်သည် {size_mb} MB ရှိသည်၊ ကန့်သတ်ချက်မှာ {limit_mb} MB ဖြစ်သည်",
        "km": "ឯកសារមានទំហំ {size_mb} MB; កម្រិតគឺ {limit_mb} MB",
    },
    "unpacked_too_large": {
        "en": "the workbook unpacks to more than {limit_mb} MB (the limit)",
        "th": "เวิร์กบุ๊กเมื่อคลายการบีบอัดมีขนาดเกิน {limit_mb} MB (ขีดจำกัด)",
        "zh": "工作簿解压后超过 {limit_mb} MB（上限）",
        "my": "workbook ကို ဖြည်လိုက်သည့်အခါ {limit_mb} MB (ကန့်သတ်ချက်) ထက် ကျော်သည်",
        "km": "សៀវភៅបញ្ជីពេលពន្លាមានទំហំលើស {limit_mb} MB (កម្រិត)",
    },
    "ratio": {
        "en": "part {member} of the workbook is compressed {ratio} times; the limit is {limit}",
        "th": "ส่วน {member} ของเวิร์กบุ๊กถูกบีบอัด {ratio} เท่า เกินขีดจำกัด {limit} เท่า",
        "zh": "工作簿中的 {member} 压缩比为 {ratio} 倍，上限为 {limit} 倍",
        "my": "workbook ၏ အပိုင်း {member} ကို {ratio} ဆ ချုံ့ထားသည်၊ ကန့်သတ်ချက်မှာ {limit} ဖြစ်သည်",
        "km": "ផ្នែក {member} នៃសៀវភៅបញ្ជីត្រូវបានបង្ហាប់ {ratio} ដង; កម្រិតគឺ {limit}",
    },
    "too_many_parts": {
        "en": "the workbook has {count} parts; the limit is {limit}",
        "th": "เวิร์กบุ๊กมี {count} ส่วน เกินขีดจำกัด {limit}",
        "zh": "工作簿包含 {count} 个部件，上限为 {limit}",
        "my": "workbook တွင် အပိုင်း {count} ခု ရှိသည်၊ ကန့်သတ်ချက်မှာ {limit} ဖြစ်သည်",
        "km": "សៀវភៅបញ្ជីមាន {count} ផ្នែក; កម្រិតគឺ {limit}",
    },
    "doctype": {
        "en": "part {member} of the workbook contains a DOCTYPE or entity declaration, which is not accepted",
        "th": "ส่วน {member} ของเวิร์กบุ๊กมีการประกาศ DOCTYPE หรือ entity ซึ่งไม่รับ",
        "zh": "工作簿中的 {member} 含有 DOCTYPE 或实体声明，不予接受",
        "my": "workbook ၏ အပိုင်း {member} တွင် DOCTYPE သို့မဟုတ် entity ကြေညာချက် ပါဝင်ပြီး ၎င်းကို လက်မခံပါ",
        "km": "ផ្នែក {member} នៃសៀវភៅបញ្ជីមានការប្រកាស DOCTYPE ឬ entity ដែលមិនត្រូវបានទទួលយក",
    },
    "xml_encoding": {
        "en": "part {member} of the workbook is not UTF-8 XML",
        "th": "ส่วน {member} ของเวิร์กบุ๊กไม่ใช่ XML แบบ UTF-8",
        "zh": "工作簿中的 {member} 不是 UTF-8 编码的 XML",
        "my": "workbook ၏ အပိုင်း {member} သည် UTF-8 XML မဟုတ်ပါ",
        "km": "ផ្នែក {member} នៃសៀវភៅបញ្ជីមិនមែនជា XML UTF-8 ទេ",
    },
    "encrypted": {
        "en": "the workbook is encrypted or password-protected",
        "th": "เวิร์กบุ๊กถูกเข้ารหัสหรือป้องกันด้วยรหัสผ่าน",
        "zh": "工作簿已加密或受密码保护",
        "my": "workbook ကို စာဝှက်ထားသည် သို့မဟုတ် စကားဝှက်ဖြင့် ကာကွယ်ထားသည်",
        "km": "សៀវភៅបញ្ជីត្រូវបានអ៊ិនគ្រីប ឬការពារដោយពាក្យសម្ងាត់",
    },
    "not_xlsx": {
        "en": "the file is not a readable Excel workbook (.xlsx)",
        "th": "ไฟล์ไม่ใช่เวิร์กบุ๊ก Excel (.xlsx) ที่อ่านได้",
        "zh": "该文件不是可读取的 Excel 工作簿（.xlsx）",
        "my": "ဖိုင်သည် ဖတ်၍ရသော Excel workbook (.xlsx) မဟုတ်ပါ",
        "km": "ឯកសារមិនមែនជាសៀវភៅបញ្ជី Excel (.xlsx) ដែលអាចអានបានទេ",
    },
    "declared_rows": {
        "en": "the sheet declares {count} rows; the limit is {limit}",
        "th": "แผ่นงานระบุว่ามี {count} แถว เกินขีดจำกัด {limit} แถว",
        "zh": "工作表声明有 {count} 行，上限为 {limit} 行",
        "my": "sheet က အတန်း {count} တန်း ရှိသည်ဟု ဖော်ပြသည်၊ ကန့်သတ်ချက်မှာ {limit} ဖြစ်သည်",
        "km": "សន្លឹកប្រកាសថាមាន {count} ជួរ; កម្រិតគឺ {limit}",
    },
    "declared_columns": {
        "en": "the sheet declares {count} columns; the limit is {limit}",
        "th": "แผ่นงานระบุว่ามี {count} คอลัมน์ เกินขีดจำกัด {limit} คอลัมน์",
        "zh": "工作表声明有 {count} 列，上限为 {limit} 列",
        "my": "sheet က ကော်လံ {count} ခု ရှိသည်ဟု ဖော်ပြသည်၊ ကန့်သတ်ချက်မှာ {limit} ဖြစ်သည်",
        "km": "សន្លឹកប្រកាសថាមាន {count} ជួរឈរ; កម្រិតគឺ {limit}",
    },
    "too_many_rows": {
        "en": "the file has more than {limit} rows (the limit)",
        "th": "ไฟล์มีมากกว่า {limit} แถว (ขีดจำกัด)",
        "zh": "文件超过 {limit} 行（上限）",
        "my": "ဖိုင်တွင် အတန်း {limit} (ကန့်သတ်ချက်) ထက် ပိုရှိသည်",
        "km": "ឯកសារមានច្រើនជាង {limit} ជួរ (កម្រិត)",
    },
    "too_many_columns": {
        "en": "row {row} has {count} columns; the limit is {limit}",
        "th": "แถว {row} มี {count} คอลัมน์ เกินขีดจำกัด {limit} คอลัมน์",
        "zh": "第 {row} 行有 {count} 列，上限为 {limit} 列",
        "my": "အတန်း {row} တွင် ကော်လံ {count} ခု ရှိသည်၊ ကန့်သတ်ချက်မှာ {limit} ဖြစ်သည်",
        "km": "ជួរ {row} មាន {count} ជួរឈរ; កម្រិតគឺ {limit}",
    },
    "too_many_cells": {
        "en": "the sheet spans {rows} rows by {columns} columns, more than the {limit} cells a workbook may hold",
        "th": "แผ่นงานครอบคลุม {rows} แถว × {columns} คอลัมน์ เกิน {limit} เซลล์ที่เวิร์กบุ๊กหนึ่งมีได้",
        "zh": "工作表跨 {rows} 行 × {columns} 列，超过一个工作簿可容纳的 {limit} 个单元格",
        "my": "sheet သည် အတန်း {rows} တန်း × ကော်လံ {columns} ခု ကျယ်ပြီး workbook တစ်ခု ထားနိုင်သော ဆဲလ် {limit} ခုထက် ပိုသည်",
        "km": "សន្លឹកលាតសន្ធឹង {rows} ជួរ × {columns} ជួរឈរ លើសពី {limit} ក្រឡាដែលសៀវភៅបញ្ជីមួយអាចមាន",
    },
    "too_slow": {
        "en": "reading the file took longer than {limit} seconds (the limit)",
        "th": "การอ่านไฟล์ใช้เวลานานกว่า {limit} วินาที (ขีดจำกัด)",
        "zh": "读取文件超过 {limit} 秒（上限）",
        "my": "ဖိုင်ဖတ်ခြင်းသည် {limit} စက္ကန့် (ကန့်သတ်ချက်) ထက် ကြာသည်",
        "km": "ការអានឯកសារចំណាយពេលលើស {limit} វិនាទី (កម្រិត)",
    },
    "not_utf8": {
        "en": "the file is not UTF-8 text (byte {position}); save it as CSV UTF-8 or .xlsx",
        "th": "ไฟล์ไม่ใช่ข้อความ UTF-8 (ไบต์ที่ {position}) โปรดบันทึกเป็น CSV UTF-8 หรือ .xlsx",
        "zh": "文件不是 UTF-8 文本（第 {position} 字节）；请另存为 CSV UTF-8 或 .xlsx",
        "my": "ဖိုင်သည် UTF-8 စာသား မဟုတ်ပါ (byte {position})၊ CSV UTF-8 သို့မဟုတ် .xlsx အဖြစ် သိမ်းပါ",
        "km": "ឯកសារមិនមែនជាអត្ថបទ UTF-8 ទេ (បៃ {position}); សូមរក្សាទុកជា CSV UTF-8 ឬ .xlsx",
    },
    "csv_malformed": {
        "en": "row {row} cannot be read as CSV ({detail})",
        "th": "อ่านแถว {row} เป็น CSV ไม่ได้ ({detail})",
        "zh": "第 {row} 行无法按 CSV 读取（{detail}）",
        "my": "အတန်း {row} ကို CSV အဖြစ် ဖတ်၍ မရပါ ({detail})",
        "km": "មិនអាចអានជួរ {row} ជា CSV បានទេ ({detail})",
    },
    "unreadable": {
        "en": "the file cannot be read ({detail})",
        "th": "อ่านไฟล์ไม่ได้ ({detail})",
        "zh": "无法读取文件（{detail}）",
        "my": "ဖိုင်ကို ဖတ်၍ မရပါ ({detail})",
        "km": "មិនអាចអានឯកសារបានទេ ({detail})",
    },
}


# Lao and Vietnamese (issue 18), kept together here: code -> (lo, vi)
_MESSAGES_LO_VI: dict[str, tuple[str, str]] = {
    "too_large": (
        "ໄຟລ໌ມີຂະໜາດ {size_mb} MB; ຂີດຈຳກັດແມ່ນ {limit_mb} MB",
        "tệp có dung lượng {size_mb} MB; giới hạn là {limit_mb} MB",
    ),
    "unpacked_too_large": (
        "ສະໝຸດວຽກເມື່ອແຕກອອກມີຂະໜາດເກີນ {limit_mb} MB (ຂີດຈຳກັດ)",
        "sổ làm việc khi giải nén vượt quá {limit_mb} MB (giới hạn)",
    ),
    "ratio": (
        "ສ່ວນ {member} ຂອງສະໝຸດວຽກຖືກບີບອັດ {ratio} ເທົ່າ; ຂີດຈຳກັດແມ່ນ {limit}",
        "phần {member} của sổ làm việc được nén {ratio} lần; giới hạn là {limit}",
    ),
    "too_many_parts": (
        "ສະໝຸດວຽກມີ {count} ສ່ວນ; ຂີດຈຳກັດແມ່ນ {limit}",
        "sổ làm việc có {count} phần; giới hạn là {limit}",
    ),
    "doctype": (
        "ສ່ວນ {member} ຂອງສະໝຸດວຽກມີການປະກາດ DOCTYPE ຫຼື entity, ເຊິ່ງບໍ່ຮັບ",
        "phần {member} của sổ làm việc có khai báo DOCTYPE hoặc entity, không được chấp nhận",
    ),
    "xml_encoding": (
        "ສ່ວນ {member} ຂອງສະໝຸດວຽກບໍ່ແມ່ນ XML ແບບ UTF-8",
        "phần {member} của sổ làm việc không phải XML UTF-8",
    ),
    "encrypted": (
        "ສະໝຸດວຽກຖືກເຂົ້າລະຫັດ ຫຼື ປ້ອງກັນດ້ວຍລະຫັດຜ່ານ",
        "sổ làm việc đã được mã hóa hoặc có mật khẩu bảo vệ",
    ),
    "not_xlsx": (
        "ໄຟລ໌ບໍ່ແມ່ນສະໝຸດວຽກ Excel (.xlsx) ທີ່ອ່ານໄດ້",
        "tệp không phải sổ làm việc Excel (.xlsx) đọc được",
    ),
    "declared_rows": (
        "ແຜ່ນງານປະກາດວ່າມີ {count} ແຖວ; ຂີດຈຳກັດແມ່ນ {limit}",
        "trang tính khai báo {count} dòng; giới hạn là {limit}",
    ),
    "declared_columns": (
        "ແຜ່ນງານປະກາດວ່າມີ {count} ຖັນ; ຂີດຈຳກັດແມ່ນ {limit}",
        "trang tính khai báo {count} cột; giới hạn là {limit}",
    ),
    "too_many_rows": ("ໄຟລ໌ມີຫຼາຍກວ່າ {limit} ແຖວ (ຂີດຈຳກັດ)", "tệp có hơn {limit} dòng (giới hạn)"),
    "too_many_columns": (
        "ແຖວ {row} ມີ {count} ຖັນ; ຂີດຈຳກັດແມ່ນ {limit}",
        "dòng {row} có {count} cột; giới hạn là {limit}",
    ),
    "too_many_cells": (
        "ແຜ່ນງານກວມ {rows} ແຖວ × {columns} ຖັນ, ເກີນ {limit} ຕາລາງທີ່ສະໝຸດວຽກໜຶ່ງມີໄດ້",
        "trang tính trải rộng {rows} dòng × {columns} cột, vượt quá {limit} ô mà một sổ làm việc được phép có",
    ),
    "too_slow": (
        "ການອ່ານໄຟລ໌ໃຊ້ເວລາດົນກວ່າ {limit} ວິນາທີ (ຂີດຈຳກັດ)",
        "việc đọc tệp mất hơn {limit} giây (giới hạn)",
    ),
    "not_utf8": (
        "ໄຟລ໌ບໍ່ແມ່ນຂໍ້ຄວາມ UTF-8 (ໄບຕ໌ທີ {position}); ບັນທຶກເປັນ CSV UTF-8 ຫຼື .xlsx",
        "tệp không phải văn bản UTF-8 (byte {position}); hãy lưu thành CSV UTF-8 hoặc .xlsx",
    ),
    "csv_malformed": (
        "ແຖວ {row} ອ່ານເປັນ CSV ບໍ່ໄດ້ ({detail})",
        "không đọc được dòng {row} dưới dạng CSV ({detail})",
    ),
    "unreadable": ("ອ່ານໄຟລ໌ບໍ່ໄດ້ ({detail})", "không đọc được tệp ({detail})"),
}
for _code, (_lo, _vi) in _MESSAGES_LO_VI.items():
    MESSAGES[_code].update(lo=_lo, vi=_vi)


def render(code: str, lang: str = "en", /, **params: object) -> str:
    """The message ``code`` in ``lang`` (English for an unknown language)."""
    templates: Mapping[str, str] = MESSAGES[code]
    return (templates.get(lang) or templates["en"]).format(**params)
