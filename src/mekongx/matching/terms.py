"""The words a reason puts into its template, in every language of ``messages.LANGUAGES``.

``messages`` holds one template per reason code; this module holds the values those templates
cite that must be shown in the reader's language too: the names of the reading systems and
reference tables (``system_*``, ``via_*``) and the holder's sex (``M`` / ``F`` as records and
documents store it).
"""

from __future__ import annotations

# Names of the reading systems and tables a reason cites (``system_*``, ``via_*``), in every
# language; a label not listed here is shown as it is.
TERMS: dict[str, dict[str, str]] = {
    "thai": {"en": "Thai", "th": "ไทย", "zh": "泰文", "my": "ထိုင်း", "km": "ថៃ"},
    "latin": {
        "en": "Latin letters",
        "th": "อักษรโรมัน",
        "zh": "拉丁字母",
        "my": "လက်တင်စာလုံး",
        "km": "អក្សរឡាតាំង",
    },
    "latin-joined": {
        "en": "Latin letters, run together",
        "th": "อักษรโรมันเขียนติดกัน",
        "zh": "拉丁字母连写",
        "my": "လက်တင်စာလုံး၊ ဆက်ရေးထားသည်",
        "km": "អក្សរឡាតាំង សរសេរជាប់គ្នា",
    },
    "latin-short": {
        "en": "Latin letters (no middle name)",
        "th": "อักษรโรมัน (ไม่มีชื่อกลาง)",
        "zh": "拉丁字母（不计中间名）",
        "my": "လက်တင်စာလုံး (အလယ်အမည် မပါ)",
        "km": "អក្សរឡាតាំង (គ្មានឈ្មោះកណ្ដាល)",
    },
    "latin-th": {
        "en": "Latin letters read as Thai",
        "th": "อักษรโรมันอ่านแบบไทย",
        "zh": "按泰语读的拉丁字母",
        "my": "ထိုင်းအဖြစ် ဖတ်သော လက်တင်စာလုံး",
        "km": "អក្សរឡាតាំងអានជាថៃ",
    },
    "latin-zh": {
        "en": "Latin letters read as pinyin",
        "th": "อักษรโรมันอ่านแบบพินอิน",
        "zh": "按拼音读的拉丁字母",
        "my": "pinyin အဖြစ် ဖတ်သော လက်တင်စာလုံး",
        "km": "អក្សរឡាតាំងអានជា pinyin",
    },
    "pinyin": {"en": "pinyin", "th": "พินอิน", "zh": "汉语拼音", "my": "pinyin", "km": "pinyin"},
    "romanisation-variants": {
        "en": "other romanisations",
        "th": "การถอดเป็นอักษรโรมันแบบอื่น",
        "zh": "其他罗马字拼法",
        "my": "အခြား ရောမစာလုံး ပြောင်းရေးပုံများ",
        "km": "ការសរសេរជាអក្សរឡាតាំងផ្សេងទៀត",
    },
    "wade-giles": {
        "en": "Wade–Giles",
        "th": "เวด-ไจลส์",
        "zh": "威妥玛拼音",
        "my": "Wade–Giles",
        "km": "Wade–Giles",
    },
    "thai-ri49": {
        "en": "Thai (Royal Institute, 2549)",
        "th": "ไทย (ราชบัณฑิตยสถาน 2549)",
        "zh": "泰文（泰国皇家学术院 2549）",
        "my": "ထိုင်း (Royal Institute, 2549)",
        "km": "ថៃ (Royal Institute, 2549)",
    },
    "thai-thc43": {
        "en": "Thai (Mandarin transcription rules, 2543)",
        "th": "ไทย (เกณฑ์ถ่ายทอดเสียงภาษาจีนกลาง 2543)",
        "zh": "泰文（2543年普通话泰文转写规则）",
        "my": "ထိုင်း (မန်ဒရင်း အသံထွက်ရေးပုံ စည်းမျဉ်း၊ 2543)",
        "km": "ថៃ (ច្បាប់ចម្លងសូរសព្ទភាសាចិនកុកងឺ 2543)",
    },
    "rtgs": {
        "en": "Royal Thai General System",
        "th": "ระบบถอดอักษรไทยเป็นอักษรโรมันของราชบัณฑิตยสถาน",
        "zh": "泰国皇家转写系统",
        "my": "Royal Thai General System",
        "km": "Royal Thai General System",
    },
    "thai-formal": {
        "en": "formal Thai reading",
        "th": "การอ่านแบบเต็มคำ",
        "zh": "泰语正式读法",
        "my": "ထိုင်း တရားဝင် ဖတ်ပုံ",
        "km": "ការអានថៃជាផ្លូវការ",
    },
    "thai-spelling": {
        "en": "Thai spelling letter by letter",
        "th": "การสะกดตามตัวอักษรไทย",
        "zh": "按泰文字母拼写",
        "my": "ထိုင်းစာလုံး တစ်လုံးချင်း စာလုံးပေါင်း",
        "km": "ការប្រកបថៃតាមអក្សរម្តងមួយៗ",
    },
    "surname-variant": {
        "en": "surname variant",
        "th": "แซ่แบบอื่น",
        "zh": "姓氏异读",
        "my": "မျိုးရိုးအမည် ကွဲပြားပုံ",
        "km": "នាមត្រកូលបំរែបំរួល",
    },
    "table": {
        "en": "reference table",
        "th": "ตารางอ้างอิง",
        "zh": "对照表",
        "my": "ကိုးကားဇယား",
        "km": "តារាងយោង",
    },
    "table-han": {
        "en": "reference table (Chinese characters)",
        "th": "ตารางอ้างอิง (อักษรจีน)",
        "zh": "对照表（汉字）",
        "my": "ကိုးကားဇယား (တရုတ်စာလုံး)",
        "km": "តារាងយោង (អក្សរចិន)",
    },
    "han-transliteration": {
        "en": "Chinese characters transcribing a foreign name",
        "th": "อักษรจีนที่ถอดเสียงชื่อภาษาต่างประเทศ",
        "zh": "音译外国人名的汉字",
        "my": "နိုင်ငံခြားအမည်ကို အသံထွက်ရေးထားသော တရုတ်စာလုံး",
        "km": "អក្សរចិនដែលចម្លងសូរសព្ទឈ្មោះបរទេស",
    },
    "transcription": {
        "en": "transcription",
        "th": "การถอดเสียง",
        "zh": "音译",
        "my": "အသံထွက်ရေးခြင်း",
        "km": "ការចម្លងសូរសព្ទ",
    },
    "surname": {
        "en": "surname",
        "th": "นามสกุล/แซ่",
        "zh": "姓氏",
        "my": "မျိုးရိုးအမည်",
        "km": "នាមត្រកូល",
    },
    "han-viet": {
        "en": "Sino-Vietnamese (Hán-Việt)",
        "th": "อักษรจีนแบบเวียดนาม (ฮาน-เวียด)",
        "zh": "汉越音",
        "my": "တရုတ်စာလုံး၏ ဗီယက်နမ်အသံ (ဟန်-ဗီယက်)",
        "km": "អក្សរចិនតាមសំឡេងវៀតណាម (ហាន-វៀត)",
    },
    "cantonese": {
        "en": "Cantonese (Hong Kong/Macau spelling)",
        "th": "ภาษากวางตุ้ง (การสะกดแบบฮ่องกง/มาเก๊า)",
        "zh": "粤语（港澳拼写）",
        "my": "ကွမ်တုံ (ဟောင်ကောင်/မကာအို စာလုံးပေါင်း)",
        "km": "ភាសាកាតាំង (អក្ខរាវិរុទ្ធហុងកុង/ម៉ាកាវ)",
    },
    "hokkien": {
        "en": "Hokkien (Singapore/Malaysia spelling)",
        "th": "ภาษาฮกเกี้ยน (การสะกดแบบสิงคโปร์/มาเลเซีย)",
        "zh": "闽南语（新马拼写）",
        "my": "ဟော့ကျန်း (စင်ကာပူ/မလေးရှား စာလုံးပေါင်း)",
        "km": "ភាសាហុកកៀន (អក្ខរាវិរុទ្ធសិង្ហបុរី/ម៉ាឡេស៊ី)",
    },
    "hakka": {
        "en": "Hakka (Malaysia/Singapore spelling)",
        "th": "ภาษาแคะ (การสะกดแบบมาเลเซีย/สิงคโปร์)",
        "zh": "客家话（马新拼写）",
        "my": "ဟက်ကား (မလေးရှား/စင်ကာပူ စာလုံးပေါင်း)",
        "km": "ភាសាហាក់កា (អក្ខរាវិរុទ្ធម៉ាឡេស៊ី/សិង្ហបុរី)",
    },
    "foochow": {
        "en": "Foochow (Sarawak/Sibu spelling)",
        "th": "ภาษาฮกจิว (การสะกดแบบซาราวัก/ซีบู)",
        "zh": "福州话（砂拉越/诗巫拼写）",
        "my": "ဖူကျိုး (ဆာရာဝက်/ဆီဘူး စာလုံးပေါင်း)",
        "km": "ភាសាហ្វូចូវ (អក្ខរាវិរុទ្ធសារ៉ាវ៉ាក់/ស៊ីប៊ូ)",
    },
    "hainanese": {
        "en": "Hainanese (Singapore/Malaysia spelling)",
        "th": "ภาษาไหหลำ (การสะกดแบบสิงคโปร์/มาเลเซีย)",
        "zh": "海南话（新马拼写）",
        "my": "ဟိုင်နန် (စင်ကာပူ/မလေးရှား စာလုံးပေါင်း)",
        "km": "ភាសាហៃណាន (អក្ខរាវិរុទ្ធសិង្ហបុរី/ម៉ាឡេស៊ី)",
    },
}
# one part per given-name character: named as the reading it splits
TERMS["cantonese-split"] = TERMS["cantonese"]
TERMS["hokkien-split"] = TERMS["hokkien"]
TERMS["foochow-split"] = TERMS["foochow"]
TERMS["hakka-split"] = TERMS["hakka"]
TERMS["hainanese-split"] = TERMS["hainanese"]
TERMS["cantonese-married"] = TERMS["cantonese"]  # her husband's surname before her own
TERMS["cantonese-maiden"] = TERMS["cantonese"]  # her own surname and given name alone

_TERMS_LO_VI: dict[str, tuple[str, str]] = {
    "thai": ("ພາສາໄທ", "tiếng Thái"),
    "latin": ("ອັກສອນລາແຕັງ", "chữ Latinh"),
    "latin-joined": ("ອັກສອນລາແຕັງ, ຂຽນຕິດກັນ", "chữ Latinh, viết liền"),
    "latin-short": ("ອັກສອນລາແຕັງ (ບໍ່ມີຊື່ກາງ)", "chữ Latinh (không có tên đệm)"),
    "latin-th": ("ອັກສອນລາແຕັງອ່ານແບບໄທ", "chữ Latinh đọc theo tiếng Thái"),
    "latin-zh": ("ອັກສອນລາແຕັງອ່ານແບບພິນອິນ", "chữ Latinh đọc theo bính âm"),
    "pinyin": ("ພິນອິນ", "bính âm"),
    "romanisation-variants": ("ການຖອດເປັນອັກສອນລາແຕັງແບບອື່ນ", "các cách La-tinh hóa khác"),
    "wade-giles": ("Wade–Giles", "Wade–Giles"),
    "thai-ri49": ("ພາສາໄທ (ລາຊະບັນດິດສະຖານ, 2549)", "tiếng Thái (Viện Hoàng gia, 2549)"),
    "thai-thc43": (
        "ພາສາໄທ (ກົດການຖອດສຽງພາສາຈີນກາງ, 2543)",
        "tiếng Thái (quy tắc phiên âm tiếng Quan thoại, 2543)",
    ),
    "rtgs": (
        "ລະບົບຖອດອັກສອນທົ່ວໄປຂອງລາຊະອານາຈັກໄທ (RTGS)",
        "Hệ thống Chuyển tự Chung Hoàng gia Thái (RTGS)",
    ),
    "thai-formal": ("ການອ່ານພາສາໄທແບບທາງການ", "cách đọc tiếng Thái trang trọng"),
    "thai-spelling": ("ການສະກົດພາສາໄທທີລະຕົວ", "đánh vần tiếng Thái từng chữ"),
    "surname-variant": ("ນາມສະກຸນແບບອື່ນ", "biến thể của họ"),
    "table": ("ຕາຕະລາງອ້າງອີງ", "bảng tham chiếu"),
    "table-han": ("ຕາຕະລາງອ້າງອີງ (ຕົວອັກສອນຈີນ)", "bảng tham chiếu (chữ Hán)"),
    "han-transliteration": ("ຕົວອັກສອນຈີນທີ່ຖອດສຽງຊື່ຕ່າງປະເທດ", "chữ Hán phiên âm một tên nước ngoài"),
    "transcription": ("ການຖອດສຽງ", "phiên âm"),
    "surname": ("ນາມສະກຸນ", "họ"),
    "han-viet": ("ການອ່ານແບບຈີນ-ຫວຽດ (Hán-Việt)", "âm Hán-Việt"),
    "cantonese": (
        "ພາສາກວາງຕຸ້ງ (ການສະກົດແບບຮົງກົງ/ມາກາວ)",
        "tiếng Quảng Đông (cách viết Hồng Kông/Ma Cao)",
    ),
    "hokkien": (
        "ພາສາຮົກກຽນ (ການສະກົດແບບສິງກະໂປ/ມາເລເຊຍ)",
        "tiếng Phúc Kiến (cách viết Singapore/Malaysia)",
    ),
    "hakka": (
        "ພາສາແຄະ (ການສະກົດແບບມາເລເຊຍ/ສິງກະໂປ)",
        "tiếng Khách Gia (cách viết Malaysia/Singapore)",
    ),
    "foochow": (
        "ພາສາຟູໂຈວ (ການສະກົດແບບຊາຣາວັກ/ຊີບູ)",
        "tiếng Phúc Châu (cách viết Sarawak/Sibu)",
    ),
    "hainanese": (
        "ພາສາໄຫ່ໜຳ (ການສະກົດແບບສິງກະໂປ/ມາເລເຊຍ)",
        "tiếng Hải Nam (cách viết Singapore/Malaysia)",
    ),
}
for _code, (_lo, _vi) in _TERMS_LO_VI.items():
    TERMS[_code].update(lo=_lo, vi=_vi)

# scripts read syllable by syllable (burmese.py, khmer.py) and transcriptions of such names
# (sea_transcription.py): en, th, zh, my, km, lo, vi
for _code, _names in {
    "burmese": (
        "Myanmar script",
        "อักษรพม่า",
        "缅甸文",
        "မြန်မာစာ",
        "អក្សរភូមា",
        "ອັກສອນມຽນມາ",
        "chữ Miến Điện",
    ),
    "khmer": ("Khmer script", "อักษรเขมร", "高棉文", "ခမာစာ", "អក្សរខ្មែរ", "ອັກສອນຂະເໝນ", "chữ Khmer"),
    "sea-transcription": (
        "Chinese characters transcribing a Burmese or Khmer name",
        "อักษรจีนที่ถอดเสียงชื่อพม่าหรือเขมร",
        "音译缅甸或高棉姓名的汉字",
        "မြန်မာ သို့မဟုတ် ခမာအမည်ကို အသံထွက်ရေးထားသော တရုတ်စာလုံး",
        "អក្សរចិនដែលចម្លងសូរសព្ទឈ្មោះភូមា ឬខ្មែរ",
        "ຕົວອັກສອນຈີນທີ່ຖອດສຽງຊື່ມຽນມາ ຫຼື ຂະເໝນ",
        "chữ Hán phiên âm một tên Miến Điện hoặc Khmer",
    ),
    "lao-transcription": (
        "Chinese characters transcribing a Lao name",
        "อักษรจีนที่ถอดเสียงชื่อลาว",
        "音译老挝姓名的汉字",
        "လာအိုအမည်ကို အသံထွက်ရေးထားသော တရုတ်စာလုံး",
        "អក្សរចិនដែលចម្លងសូរសព្ទឈ្មោះឡាវ",
        "ຕົວອັກສອນຈີນທີ່ຖອດສຽງຊື່ລາວ",
        "chữ Hán phiên âm một tên Lào",
    ),
}.items():
    TERMS[_code] = dict(zip(("en", "th", "zh", "my", "km", "lo", "vi"), _names, strict=True))
# the same transcription read as words of two, one and more syllables (sea_transcription.word_shapes)
TERMS["sea-transcription-words"] = TERMS["sea-transcription"]

# The sex as records and identity documents store it (``M`` / ``F``), shown as a word.
SEX: dict[str, dict[str, str]] = {
    "M": {
        "en": "male",
        "th": "ชาย",
        "zh": "男",
        "my": "ကျား",
        "km": "ប្រុស",
        "lo": "ຊາຍ",
        "vi": "nam",
    },
    "F": {"en": "female", "th": "หญิง", "zh": "女", "my": "မ", "km": "ស្រី", "lo": "ຍິງ", "vi": "nữ"},
}
_SEX_CODES = {"m": "M", "male": "M", "f": "F", "female": "F"}


def system_name(label: str, lang: str) -> str:
    """A reading system's label (``pinyin``, ``thai-ri49``; merged ``cantonese+hokkien``) in
    ``lang``; a label not in ``TERMS`` is shown as it is."""
    pieces = [TERMS.get(v) for v in label.split("+")] if label else [None]
    if not all(t is not None for t in pieces):
        return label
    return " + ".join(dict.fromkeys(t.get(lang) or t["en"] for t in pieces if t is not None))


def sex_name(value: str, lang: str) -> str:
    """``M`` / ``F`` (or male / female) as a word in ``lang``; anything else as it is."""
    code = _SEX_CODES.get(value.strip().lower())
    if code is None:
        return value
    return SEX[code].get(lang) or SEX[code]["en"]
