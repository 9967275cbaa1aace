"""Explanation templates in each of ``LANGUAGES``, one entry per reason code.

The words a template cites (reading systems, sex) are put in the reader's language by
``terms``; ``render`` fills a template with them.
"""

from __future__ import annotations

from mekongx.matching.terms import SEX, TERMS, sex_name, system_name

# the tables of words are checked with the templates (scripts/outside_catalog.py, catalog tests)
__all__ = ["LANGUAGES", "MESSAGES", "SEX", "TERMS", "render"]

LANGUAGES = ("en", "th", "zh", "my", "km", "lo", "vi")

MESSAGES: dict[str, dict[str, str]] = {
    "reading_match": {
        "en": "Compared {system_a} reading “{reading_a}” with {system_b} reading “{reading_b}”",
        "th": "เปรียบเทียบการอ่านแบบ {system_a} “{reading_a}” กับการอ่านแบบ {system_b} “{reading_b}”",
        "zh": "比较了{system_a}读法“{reading_a}”与{system_b}读法“{reading_b}”",
        "my": "{system_a} ဖတ်ပုံ “{reading_a}” ကို {system_b} ဖတ်ပုံ “{reading_b}” နှင့် နှိုင်းယှဉ်ခဲ့သည်",
        "km": "បានប្រៀបធៀបការអាន {system_a} “{reading_a}” ជាមួយការអាន {system_b} “{reading_b}”",
    },
    "surname_match": {
        "en": "Surname “{a}” ({via_a}) matched “{b}” ({via_b})",
        "th": "นามสกุล/แซ่ “{a}” ({via_a}) ตรงกับ “{b}” ({via_b})",
        "zh": "姓氏“{a}”（{via_a}）与“{b}”（{via_b}）一致",
        "my": "မျိုးရိုးအမည် “{a}” ({via_a}) သည် “{b}” ({via_b}) နှင့် ကိုက်ညီသည်",
        "km": "នាមត្រកូល “{a}” ({via_a}) ត្រូវនឹង “{b}” ({via_b})",
    },
    "part_match": {
        "en": "Name part “{a}” ({via_a}) matched “{b}” ({via_b})",
        "th": "ส่วนของชื่อ “{a}” ({via_a}) ตรงกับ “{b}” ({via_b})",
        "zh": "姓名部分“{a}”（{via_a}）与“{b}”（{via_b}）一致",
        "my": "အမည်အပိုင်း “{a}” ({via_a}) သည် “{b}” ({via_b}) နှင့် ကိုက်ညီသည်",
        "km": "ផ្នែកឈ្មោះ “{a}” ({via_a}) ត្រូវនឹង “{b}” ({via_b})",
    },
    "part_similar": {
        "en": "Name part “{a}” is close to “{b}” (similarity {similarity})",
        "th": "ส่วนของชื่อ “{a}” ใกล้เคียงกับ “{b}” (ความคล้าย {similarity})",
        "zh": "姓名部分“{a}”与“{b}”相近（相似度 {similarity}）",
        "my": "အမည်အပိုင်း “{a}” သည် “{b}” နှင့် နီးစပ်သည် (ဆင်တူမှု {similarity})",
        "km": "ផ្នែកឈ្មោះ “{a}” ជិតនឹង “{b}” (ភាពស្រដៀង {similarity})",
    },
    "part_mismatch": {
        "en": "Name part “{a}” does not match “{b}” (similarity {similarity})",
        "th": "ส่วนของชื่อ “{a}” ไม่ตรงกับ “{b}” (ความคล้าย {similarity})",
        "zh": "姓名部分“{a}”与“{b}”不一致（相似度 {similarity}）",
        "my": "အမည်အပိုင်း “{a}” သည် “{b}” နှင့် မကိုက်ညီပါ (ဆင်တူမှု {similarity})",
        "km": "ផ្នែកឈ្មោះ “{a}” មិនត្រូវនឹង “{b}” (ភាពស្រដៀង {similarity})",
    },
    "surname_mismatch": {
        "en": "Surname “{a}” differs from “{b}”: a different surname, not a spelling variant",
        "th": "นามสกุล/แซ่ “{a}” ต่างจาก “{b}” เป็นคนละนามสกุล ไม่ใช่การสะกดต่างกัน",
        "zh": "姓氏“{a}”与“{b}”不同：属于不同姓氏，而非拼写差异",
        "my": "မျိုးရိုးအမည် “{a}” သည် “{b}” နှင့် ကွဲလွဲသည်- စာလုံးပေါင်း ကွဲပြားမှု မဟုတ်ဘဲ မတူညီသော မျိုးရိုးအမည် ဖြစ်သည်",
        "km": "នាមត្រកូល “{a}” ខុសពី “{b}”៖ ជានាមត្រកូលផ្សេង មិនមែនជាការសរសេរខុសគ្នាទេ",
    },
    "translit_table": {
        "en": "“{a}” and “{b}” are linked by the reference table of Thai names in Chinese",
        "th": "“{a}” และ “{b}” เชื่อมกันด้วยตารางอ้างอิงการเขียนชื่อไทยเป็นภาษาจีน",
        "zh": "“{a}”与“{b}”依据泰国人名汉译参考表对应",
        "my": "“{a}” နှင့် “{b}” ကို ထိုင်းအမည်များ၏ တရုတ်ဘာသာ ရေးပုံ ကိုးကားဇယားဖြင့် ဆက်စပ်ထားသည်",
        "km": "“{a}” និង “{b}” ត្រូវបានភ្ជាប់ដោយតារាងយោងនៃឈ្មោះថៃជាភាសាចិន",
    },
    "unmatched_parts": {
        "en": "{count} name part(s) have no counterpart in the other name",
        "th": "มีส่วนของชื่อ {count} ส่วนที่ไม่มีคู่ในอีกชื่อหนึ่ง",
        "zh": "有 {count} 个姓名部分在另一姓名中没有对应",
        "my": "အမည်အပိုင်း {count} ခုသည် အခြားအမည်တွင် တွဲဖက်စရာ မရှိပါ",
        "km": "ផ្នែកឈ្មោះ {count} គ្មានគូក្នុងឈ្មោះម្ខាងទៀតទេ",
    },
    "parts_covered": {
        "en": "All {count} name parts were paired",
        "th": "จับคู่ส่วนของชื่อได้ครบทั้ง {count} ส่วน",
        "zh": "全部 {count} 个姓名部分均已配对",
        "my": "အမည်အပိုင်း {count} ခုလုံးကို တွဲဖက်ပြီးဖြစ်သည်",
        "km": "ផ្នែកឈ្មោះទាំង {count} ត្រូវបានផ្គូផ្គង",
    },
    "ending_differs": {
        "en": "“{a}” and “{b}” end differently: one on a stop (-k, -t, -p), the other not",
        "th": "“{a}” กับ “{b}” ลงท้ายต่างกัน: คำหนึ่งลงท้ายด้วยเสียงกัก (-ก, -ด, -บ) อีกคำไม่ใช่",
        "zh": "“{a}”与“{b}”的结尾不同：一个以塞音（-k、-t、-p）结尾，另一个不是",
        "my": "“{a}” နှင့် “{b}” အဆုံးသတ် မတူပါ- တစ်ခုသည် ရပ်သံ (-k, -t, -p) ဖြင့် ဆုံးပြီး နောက်တစ်ခု မဟုတ်ပါ",
        "km": "“{a}” និង “{b}” បញ្ចប់ខុសគ្នា៖ មួយបញ្ចប់ដោយសំឡេងគាំង (-k, -t, -p) មួយទៀតមិនមែនទេ",
    },
    "consonants_differ": {
        "en": "“{a}” and “{b}” sound different consonants, which spellings of one Thai name keep",
        "th": "“{a}” กับ “{b}” มีเสียงพยัญชนะต่างกัน ซึ่งการสะกดชื่อไทยชื่อเดียวกันย่อมคงไว้",
        "zh": "“{a}”与“{b}”的辅音不同，而同一泰文姓名的各种拼写都会保留这些辅音",
        "my": "“{a}” နှင့် “{b}” ဗျည်းသံ မတူပါ- ထိုင်းအမည်တစ်ခုတည်း၏ စာလုံးပေါင်းများတွင် ဤဗျည်းသံများ မပြောင်းပါ",
        "km": "“{a}” និង “{b}” មានសំឡេងព្យញ្ជនៈខុសគ្នា ដែលការសរសេរឈ្មោះថៃតែមួយរក្សាទុកជានិច្ច",
    },
    "vowels_differ": {
        "en": "“{a}” and “{b}” sound different vowels, beyond the habits of Thai passport spellings",
        "th": "“{a}” กับ “{b}” มีเสียงสระต่างกัน เกินกว่าความต่างที่การสะกดชื่อไทยในหนังสือเดินทางมักมี",
        "zh": "“{a}”与“{b}”的元音不同，超出了泰文姓名护照拼写的常见差异",
        "my": "“{a}” နှင့် “{b}” သရသံ မတူပါ- ထိုင်းအမည် နိုင်ငံကူးလက်မှတ် စာလုံးပေါင်းများ၏ ပုံမှန်ကွာခြားမှုထက် ပိုသည်",
        "km": "“{a}” និង “{b}” មានសំឡេងស្រៈខុសគ្នា លើសពីភាពខុសគ្នាធម្មតានៃការសរសេរឈ្មោះថៃក្នុងលិខិតឆ្លងដែន",
    },
    "sounds_differ": {
        "en": "“{a}” and “{b}” differ in a consonant and in a vowel: each alone is a spelling habit, both together make another Thai name",
        "th": "“{a}” กับ “{b}” ต่างกันทั้งเสียงพยัญชนะและเสียงสระ: แต่ละอย่างเพียงลำพังเป็นความต่างของการสะกด แต่ทั้งสองอย่างรวมกันเป็นชื่อไทยอีกชื่อหนึ่ง",
        "zh": "“{a}”与“{b}”有一个辅音和一个元音不同：单独一处只是拼写习惯，两处同时出现则是另一个泰文姓名",
        "my": "“{a}” နှင့် “{b}” ဗျည်းသံတစ်ခုနှင့် သရသံတစ်ခု မတူပါ- တစ်ခုချင်းစီသည် စာလုံးပေါင်းပုံ ကွာခြားမှုသာ ဖြစ်သော်လည်း နှစ်ခုစလုံး တွဲလျှင် အခြားထိုင်းအမည် ဖြစ်သည်",
        "km": "“{a}” និង “{b}” ខុសគ្នាទាំងសំឡេងព្យញ្ជនៈមួយ និងសំឡេងស្រៈមួយ៖ នីមួយៗតែឯងគឺជាទម្លាប់សរសេរ តែទាំងពីររួមគ្នាជាឈ្មោះថៃមួយផ្សេងទៀត",
    },
    "final_seldom": {
        "en": "“{a}” and “{b}”: -orn written for a last syllable closed on ล, which spellings of one Thai name seldom do: it counts against the pair, and alone does not refuse it",
        "th": "“{a}” กับ “{b}”: เขียน -orn แทนพยางค์สุดท้ายที่สะกดด้วย ล ซึ่งการสะกดชื่อไทยชื่อเดียวกันไม่ค่อยทำ จึงนับเป็นข้อต่าง แต่ลำพังข้อนี้ไม่ถึงกับตัดสินว่าไม่ตรงกัน",
        "zh": "“{a}”与“{b}”：以 -orn 拼写以 ล 收尾的末音节，同一泰文姓名的拼写很少如此；这会降低匹配度，但不单凭这一点否定这一对",
        "my": "“{a}” နှင့် “{b}”- ล ဖြင့် ဆုံးသော နောက်ဆုံးဝဏ္ဏကို -orn ဟု ရေးထားသည်- ထိုင်းအမည်တစ်ခုတည်း၏ စာလုံးပေါင်းများတွင် ဤသို့ ရေးခဲသည်- ကိုက်ညီမှုကို လျှော့ချသော်လည်း ဤအချက်တစ်ခုတည်းဖြင့် မငြင်းပယ်ပါ",
        "km": "“{a}” និង “{b}”៖ សរសេរ -orn សម្រាប់ព្យាង្គចុងក្រោយដែលបញ្ចប់ដោយ ล ដែលការសរសេរឈ្មោះថៃតែមួយកម្រធ្វើ៖ វាបន្ថយការផ្គូផ្គង ប៉ុន្តែមិនបដិសេធគូនេះដោយចំណុចនេះតែមួយទេ",
    },
    "name_order_swapped": {
        "en": "The names are written in different orders (surname first / last)",
        "th": "ชื่อเขียนเรียงลำดับต่างกัน (นามสกุลขึ้นก่อน/ไว้หลัง)",
        "zh": "两个姓名的书写顺序不同（姓在前/姓在后）",
        "my": "အမည်များကို မတူညီသော အစီအစဉ်ဖြင့် ရေးထားသည် (မျိုးရိုးအမည် ရှေ့ / နောက်)",
        "km": "ឈ្មោះត្រូវបានសរសេរតាមលំដាប់ខុសគ្នា (នាមត្រកូលមុន / ក្រោយ)",
    },
    "middle_name_left_out": {
        "en": "Compared as “{name}”, without the Vietnamese middle name, as records abroad often "
        "write it: this costs a little",
        "th": "เปรียบเทียบเป็น “{name}” โดยไม่มีชื่อกลางแบบเวียดนาม ซึ่งเอกสารในต่างประเทศมักเขียนเช่นนี้ "
        "ทำให้คะแนนลดลงเล็กน้อย",
        "zh": "按“{name}”比较，不计越南人名的中间名（国外记录常省略）：得分略降",
        "my": "ဗီယက်နမ် အလယ်အမည် မပါဘဲ “{name}” အဖြစ် နှိုင်းယှဉ်ခဲ့သည် (နိုင်ငံခြား မှတ်တမ်းများတွင် "
        "မကြာခဏ ချန်လှပ်ရေးသည်)- ရမှတ် အနည်းငယ် လျော့သည်",
        "km": "បានប្រៀបធៀបជា “{name}” ដោយគ្មានឈ្មោះកណ្ដាលវៀតណាម ដូចដែលឯកសារនៅបរទេសតែងសរសេរ៖ ពិន្ទុធ្លាក់បន្តិច",
    },
    "nickname_set_aside": {
        "en": "Nickname “{nickname}” written in the name set aside: it neither makes nor costs a match",
        "th": "ชื่อเล่น “{nickname}” ที่เขียนไว้ในชื่อถูกแยกออก ไม่ทำให้ตรงกันหรือไม่ตรงกัน",
        "zh": "姓名中写出的昵称“{nickname}”已搁置：既不促成也不妨碍匹配",
        "my": "အမည်တွင် ရေးထားသော ချစ်စနိုးအမည် “{nickname}” ကို ဖယ်ထားသည်- ကိုက်ညီမှုကို မဖြစ်စေ၊ မပျက်စေ",
        "km": "ឈ្មោះហៅក្រៅ “{nickname}” ដែលសរសេរក្នុងឈ្មោះត្រូវបានដាក់ចោល៖ វាមិនធ្វើឱ្យត្រូវ ឬមិនត្រូវទេ",
    },
    "common_name": {
        "en": "Common Chinese name (rarity {rarity}): weak evidence of identity",
        "th": "เป็นชื่อจีนที่พบบ่อย (ความหายาก {rarity}) จึงเป็นหลักฐานยืนยันตัวบุคคลที่อ่อน",
        "zh": "常见中文姓名（罕见度 {rarity}），作为身份证据较弱",
        "my": "အသုံးများသော တရုတ်အမည် (ရှားပါးမှု {rarity})- ကိုယ်ရေးအထောက်အထားအဖြစ် အားနည်းသည်",
        "km": "ឈ្មោះចិនទូទៅ (ភាពកម្រ {rarity})៖ ភស្តុតាងខ្សោយនៃអត្តសញ្ញាណ",
    },
    "rare_name": {
        "en": "Uncommon name (rarity {rarity}): strong evidence of identity",
        "th": "เป็นชื่อที่พบไม่บ่อย (ความหายาก {rarity}) จึงเป็นหลักฐานยืนยันตัวบุคคลที่หนักแน่น",
        "zh": "较少见的姓名（罕见度 {rarity}），作为身份证据较强",
        "my": "အသုံးနည်းသော အမည် (ရှားပါးမှု {rarity})- ကိုယ်ရေးအထောက်အထားအဖြစ် ခိုင်မာသည်",
        "km": "ឈ្មោះមិនសូវមាន (ភាពកម្រ {rarity})៖ ភស្តុតាងរឹងមាំនៃអត្តសញ្ញាណ",
    },
    "han_identical": {
        "en": "Identical Chinese characters {han} (after traditional-to-simplified folding)",
        "th": "อักษรจีนเหมือนกัน {han} (หลังแปลงอักษรตัวเต็มเป็นตัวย่อ)",
        "zh": "汉字完全相同：{han}（已做繁简转换）",
        "my": "တူညီသော တရုတ်စာလုံး {han} (ရိုးရာမှ ရိုးရှင်းသို့ ပြောင်းပြီးနောက်)",
        "km": "អក្សរចិនដូចគ្នា {han} (ក្រោយបំប្លែងពីអក្សរបុរាណទៅអក្សរសាមញ្ញ)",
    },
    "han_different": {
        "en": "Different Chinese characters: {a} / {b}",
        "th": "อักษรจีนต่างกัน: {a} / {b}",
        "zh": "汉字不同：{a} / {b}",
        "my": "မတူညီသော တရုတ်စာလုံး- {a} / {b}",
        "km": "អក្សរចិនខុសគ្នា៖ {a} / {b}",
    },
    "no_readings": {
        "en": "No usable name letters to compare",
        "th": "ไม่มีตัวอักษรของชื่อที่ใช้เปรียบเทียบได้",
        "zh": "没有可比较的姓名字符",
        "my": "နှိုင်းယှဉ်ရန် အသုံးပြုနိုင်သော အမည်စာလုံး မရှိပါ",
        "km": "គ្មានអក្សរឈ្មោះដែលអាចប្រើប្រៀបធៀបបានទេ",
    },
    "dob_match": {
        "en": "Same date of birth ({a})",
        "th": "วันเกิดตรงกัน ({a})",
        "zh": "出生日期相同（{a}）",
        "my": "မွေးသက္ကရာဇ် တူညီသည် ({a})",
        "km": "ថ្ងៃខែឆ្នាំកំណើតដូចគ្នា ({a})",
    },
    "birth_year_match": {
        "en": "Birth dates are compatible ({a} / {b})",
        "th": "วันเกิดสอดคล้องกัน ({a} / {b})",
        "zh": "出生日期相符（{a} / {b}）",
        "my": "မွေးသက္ကရာဇ်များ ကိုက်ညီနိုင်သည် ({a} / {b})",
        "km": "ថ្ងៃខែឆ្នាំកំណើតស៊ីគ្នា ({a} / {b})",
    },
    "dob_partial": {
        "en": "Same birth year but different day or month ({a} / {b})",
        "th": "ปีเกิดตรงกันแต่วันหรือเดือนต่างกัน ({a} / {b})",
        "zh": "出生年份相同但月日不同（{a} / {b}）",
        "my": "မွေးနှစ် တူညီသော်လည်း ရက် သို့မဟုတ် လ ကွဲလွဲသည် ({a} / {b})",
        "km": "ឆ្នាំកំណើតដូចគ្នា តែថ្ងៃ ឬខែខុសគ្នា ({a} / {b})",
    },
    "dob_mismatch": {
        "en": "Different dates of birth ({a} / {b})",
        "th": "วันเกิดต่างกัน ({a} / {b})",
        "zh": "出生日期不同（{a} / {b}）",
        "my": "မွေးသက္ကရာဇ် ကွဲလွဲသည် ({a} / {b})",
        "km": "ថ្ងៃខែឆ្នាំកំណើតខុសគ្នា ({a} / {b})",
    },
    "gender_mismatch": {
        "en": "Different gender ({a} / {b})",
        "th": "เพศต่างกัน ({a} / {b})",
        "zh": "性别不同（{a} / {b}）",
        "my": "ကျား/မ ကွဲလွဲသည် ({a} / {b})",
        "km": "ភេទខុសគ្នា ({a} / {b})",
    },
    "nationality_mismatch": {
        "en": "Different nationality ({a} / {b})",
        "th": "สัญชาติต่างกัน ({a} / {b})",
        "zh": "国籍不同（{a} / {b}）",
        "my": "နိုင်ငံသား ကွဲလွဲသည် ({a} / {b})",
        "km": "សញ្ជាតិខុសគ្នា ({a} / {b})",
    },
    "document_match": {
        "en": "Same identity document number {number}",
        "th": "เลขเอกสารประจำตัวตรงกัน {number}",
        "zh": "证件号码相同：{number}",
        "my": "ကိုယ်ရေးအထောက်အထား စာရွက်စာတမ်း နံပါတ် တူညီသည် {number}",
        "km": "លេខឯកសារអត្តសញ្ញាណដូចគ្នា {number}",
    },
    "document_mismatch": {
        "en": "Identity document numbers differ",
        "th": "เลขเอกสารประจำตัวไม่ตรงกัน",
        "zh": "证件号码不同",
        "my": "ကိုယ်ရေးအထောက်အထား စာရွက်စာတမ်း နံပါတ်များ ကွဲလွဲသည်",
        "km": "លេខឯកសារអត្តសញ្ញាណខុសគ្នា",
    },
    "document_invalid": {
        "en": "Document number {number} fails its check digit (mistyped?): not compared",
        "th": "เลขเอกสาร {number} ไม่ผ่านการตรวจเลขหลักสุดท้าย (อาจพิมพ์ผิด) จึงไม่นำมาเปรียบเทียบ",
        "zh": "证件号码 {number} 校验位不符（可能录入有误），未参与比对",
        "my": "စာရွက်စာတမ်း နံပါတ် {number} ၏ စစ်ဆေးဂဏန်း မှားနေသည် (ရိုက်မှားသလား)- မနှိုင်းယှဉ်ပါ",
        "km": "លេខឯកសារ {number} ខុសលេខត្រួតពិនិត្យ (វាយខុស?)៖ មិនបានប្រៀបធៀប",
    },
    "dob_from_document": {
        "en": "Date of birth {date} read from resident ID number {number}",
        "th": "วันเกิด {date} อ่านจากเลขบัตรประจำตัวประชาชนจีน {number}",
        "zh": "出生日期 {date} 取自居民身份证号码 {number}",
        "my": "မွေးသက္ကရာဇ် {date} ကို နေထိုင်သူ မှတ်ပုံတင်နံပါတ် {number} မှ ဖတ်ယူသည်",
        "km": "ថ្ងៃខែឆ្នាំកំណើត {date} អានពីលេខអត្តសញ្ញាណប័ណ្ណអ្នករស់នៅ {number}",
    },
    "birth_year_from_document": {
        "en": "Year of birth {date} read from citizen ID number {number}",
        "th": "ปีเกิด {date} อ่านจากเลขประจำตัวประชาชน {number}",
        "zh": "出生年份 {date} 取自公民身份号码 {number}",
        "my": "မွေးနှစ် {date} ကို နိုင်ငံသား မှတ်ပုံတင်နံပါတ် {number} မှ ဖတ်ယူသည်",
        "km": "ឆ្នាំកំណើត {date} អានពីលេខអត្តសញ្ញាណប័ណ្ណពលរដ្ឋ {number}",
    },
    "dob_from_passport_line": {
        "en": "Date of birth {date} read from the machine-readable line of passport {number}",
        "th": "วันเกิด {date} อ่านจากแถวอักขระที่เครื่องอ่านได้ของหนังสือเดินทาง {number}",
        "zh": "出生日期 {date} 取自护照 {number} 的机读行",
        "my": "မွေးသက္ကရာဇ် {date} ကို နိုင်ငံကူးလက်မှတ် {number} ၏ စက်ဖတ်စာကြောင်းမှ ဖတ်ယူသည်",
        "km": "ថ្ងៃខែឆ្នាំកំណើត {date} អានពីបន្ទាត់អានដោយម៉ាស៊ីននៃលិខិតឆ្លងដែន {number}",
    },
    "sex_from_document": {
        "en": "Sex {sex} read from document number {number}",
        "th": "เพศ {sex} อ่านจากเลขเอกสาร {number}",
        "zh": "性别 {sex} 取自证件号码 {number}",
        "my": "ကျား/မ {sex} ကို စာရွက်စာတမ်း နံပါတ် {number} မှ ဖတ်ယူသည်",
        "km": "ភេទ {sex} អានពីលេខឯកសារ {number}",
    },
    "analyst_confirmed": {
        "en": "Analyst {analyst} confirmed these are the same person ({date})",
        "th": "นักวิเคราะห์ {analyst} ยืนยันว่าเป็นบุคคลเดียวกัน ({date})",
        "zh": "分析员 {analyst} 已确认为同一人（{date}）",
        "my": "ခွဲခြမ်းစိတ်ဖြာသူ {analyst} က ၎င်းတို့သည် တစ်ဦးတည်း ဖြစ်ကြောင်း အတည်ပြုခဲ့သည် ({date})",
        "km": "អ្នកវិភាគ {analyst} បានបញ្ជាក់ថាជាមនុស្សតែមួយ ({date})",
    },
    "analyst_rejected": {
        "en": "Analyst {analyst} decided these are different people ({date})",
        "th": "นักวิเคราะห์ {analyst} ตัดสินว่าเป็นคนละบุคคล ({date})",
        "zh": "分析员 {analyst} 已判定为不同的人（{date}）",
        "my": "ခွဲခြမ်းစိတ်ဖြာသူ {analyst} က ၎င်းတို့သည် မတူညီသူများ ဖြစ်ကြောင်း ဆုံးဖြတ်ခဲ့သည် ({date})",
        "km": "អ្នកវិភាគ {analyst} បានសម្រេចថាជាមនុស្សខុសគ្នា ({date})",
    },
}

# Lao and Vietnamese (issue 18), kept together here: code -> (lo, vi)
_MESSAGES_LO_VI: dict[str, tuple[str, str]] = {
    "reading_match": (
        "ປຽບທຽບການອ່ານແບບ {system_a} “{reading_a}” ກັບການອ່ານແບບ {system_b} “{reading_b}”",
        "Đã so sánh cách đọc {system_a} “{reading_a}” với cách đọc {system_b} “{reading_b}”",
    ),
    "surname_match": (
        "ນາມສະກຸນ “{a}” ({via_a}) ກົງກັບ “{b}” ({via_b})",
        "Họ “{a}” ({via_a}) khớp với “{b}” ({via_b})",
    ),
    "part_match": (
        "ສ່ວນຂອງຊື່ “{a}” ({via_a}) ກົງກັບ “{b}” ({via_b})",
        "Phần tên “{a}” ({via_a}) khớp với “{b}” ({via_b})",
    ),
    "part_similar": (
        "ສ່ວນຂອງຊື່ “{a}” ໃກ້ຄຽງກັບ “{b}” (ຄວາມຄ້າຍຄື {similarity})",
        "Phần tên “{a}” gần với “{b}” (độ tương đồng {similarity})",
    ),
    "part_mismatch": (
        "ສ່ວນຂອງຊື່ “{a}” ບໍ່ກົງກັບ “{b}” (ຄວາມຄ້າຍຄື {similarity})",
        "Phần tên “{a}” không khớp với “{b}” (độ tương đồng {similarity})",
    ),
    "surname_mismatch": (
        "ນາມສະກຸນ “{a}” ແຕກຕ່າງຈາກ “{b}”: ເປັນນາມສະກຸນອື່ນ, ບໍ່ແມ່ນການສະກົດຕ່າງກັນ",
        "Họ “{a}” khác với “{b}”: là họ khác, không phải biến thể chính tả",
    ),
    "translit_table": (
        "“{a}” ແລະ “{b}” ເຊື່ອມກັນດ້ວຍຕາຕະລາງອ້າງອີງຊື່ໄທໃນພາສາຈີນ",
        "“{a}” và “{b}” được liên kết qua bảng tham chiếu tên Thái bằng chữ Hán",
    ),
    "unmatched_parts": (
        "{count} ສ່ວນຂອງຊື່ບໍ່ມີຄູ່ໃນອີກຊື່ໜຶ່ງ",
        "{count} phần tên không có phần tương ứng trong tên kia",
    ),
    "parts_covered": ("ທັງໝົດ {count} ສ່ວນຂອງຊື່ຖືກຈັບຄູ່ແລ້ວ", "Cả {count} phần tên đều đã được ghép cặp"),
    "ending_differs": (
        "“{a}” ກັບ “{b}” ລົງທ້າຍຕ່າງກັນ: ຄຳໜຶ່ງລົງທ້າຍດ້ວຍສຽງກັກ (-ກ, -ດ, -ບ) ອີກຄຳບໍ່ແມ່ນ",
        "“{a}” và “{b}” kết thúc khác nhau: một từ kết thúc bằng phụ âm tắc (-k, -t, -p), từ kia thì không",
    ),
    "consonants_differ": (
        "“{a}” ກັບ “{b}” ມີສຽງພະຍັນຊະນະຕ່າງກັນ ເຊິ່ງການສະກົດຊື່ໄທຊື່ດຽວກັນຍ່ອມຮັກສາໄວ້",
        "“{a}” và “{b}” có phụ âm khác nhau, điều mà các cách viết của cùng một tên Thái đều giữ nguyên",
    ),
    "vowels_differ": (
        "“{a}” ກັບ “{b}” ມີສຽງສະຫຼະຕ່າງກັນ ເກີນກວ່າຄວາມຕ່າງທີ່ການສະກົດຊື່ໄທໃນໜັງສືຜ່ານແດນມັກມີ",
        "“{a}” và “{b}” có nguyên âm khác nhau, vượt quá những khác biệt thường gặp khi viết tên Thái trong hộ chiếu",
    ),
    "sounds_differ": (
        "“{a}” ກັບ “{b}” ຕ່າງກັນທັງສຽງພະຍັນຊະນະ ແລະ ສຽງສະຫຼະ: ແຕ່ລະຢ່າງພຽງລຳພັງເປັນຄວາມຕ່າງຂອງການສະກົດ ແຕ່ທັງສອງຢ່າງລວມກັນເປັນຊື່ໄທອີກຊື່ໜຶ່ງ",
        "“{a}” và “{b}” khác nhau ở một phụ âm và một nguyên âm: riêng từng chỗ chỉ là thói quen viết, cả hai cùng lúc là một tên Thái khác",
    ),
    "final_seldom": (
        "“{a}” ກັບ “{b}”: ຂຽນ -orn ແທນພະຍາງສຸດທ້າຍທີ່ສະກົດດ້ວຍ ล ເຊິ່ງການສະກົດຊື່ໄທຊື່ດຽວກັນບໍ່ຄ່ອຍເຮັດ: ນັບເປັນຂໍ້ຕ່າງ ແຕ່ບໍ່ປະຕິເສດຄູ່ນີ້ດ້ວຍຂໍ້ນີ້ພຽງຢ່າງດຽວ",
        "“{a}” và “{b}”: viết -orn cho âm tiết cuối kết thúc bằng ล, điều mà các cách viết của cùng một tên Thái hiếm khi làm; điều này làm giảm mức khớp nhưng tự nó không bác bỏ cặp tên",
    ),
    "name_order_swapped": (
        "ຊື່ຖືກຂຽນຕາມລຳດັບຕ່າງກັນ (ນາມສະກຸນກ່ອນ / ຫຼັງ)",
        "Các tên được viết theo thứ tự khác nhau (họ trước / sau)",
    ),
    "middle_name_left_out": (
        "ປຽບທຽບເປັນ “{name}” ໂດຍບໍ່ມີຊື່ກາງແບບຫວຽດນາມ ເຊິ່ງເອກະສານຢູ່ຕ່າງປະເທດມັກຂຽນແບບນີ້: ຄະແນນຫຼຸດລົງເລັກນ້ອຍ",
        "So sánh dưới dạng “{name}”, không có tên đệm tiếng Việt, như giấy tờ ở nước ngoài "
        "thường viết: chỉ bị trừ ít điểm",
    ),
    "nickname_set_aside": (
        "ຊື່ຫຼິ້ນ “{nickname}” ທີ່ຂຽນໄວ້ໃນຊື່ຖືກແຍກອອກ: ມັນບໍ່ເຮັດໃຫ້ກົງກັນ ຫຼື ບໍ່ກົງກັນ",
        "Biệt danh “{nickname}” viết trong tên được để riêng: không làm khớp cũng không làm mất khớp",
    ),
    "common_name": (
        "ຊື່ຈີນທີ່ພົບເລື້ອຍ (ຄວາມຫາຍາກ {rarity}): ຫຼັກຖານຢືນຢັນຕົວຕົນອ່ອນ",
        "Tên Trung Quốc phổ biến (độ hiếm {rarity}): bằng chứng nhận dạng yếu",
    ),
    "rare_name": (
        "ຊື່ທີ່ບໍ່ຄ່ອຍພົບ (ຄວາມຫາຍາກ {rarity}): ຫຼັກຖານຢືນຢັນຕົວຕົນແຂງ",
        "Tên ít gặp (độ hiếm {rarity}): bằng chứng nhận dạng mạnh",
    ),
    "han_identical": (
        "ຕົວອັກສອນຈີນຄືກັນ {han} (ຫຼັງແປງຕົວເຕັມເປັນຕົວຫຍໍ້)",
        "Chữ Hán giống hệt {han} (sau khi quy phồn thể về giản thể)",
    ),
    "han_different": ("ຕົວອັກສອນຈີນຕ່າງກັນ: {a} / {b}", "Chữ Hán khác nhau: {a} / {b}"),
    "no_readings": ("ບໍ່ມີຕົວອັກສອນຂອງຊື່ທີ່ໃຊ້ປຽບທຽບໄດ້", "Không có chữ cái nào của tên để so sánh"),
    "dob_match": ("ວັນເດືອນປີເກີດດຽວກັນ ({a})", "Cùng ngày sinh ({a})"),
    "birth_year_match": ("ວັນເດືອນປີເກີດເຂົ້າກັນໄດ້ ({a} / {b})", "Ngày sinh tương thích ({a} / {b})"),
    "dob_partial": (
        "ປີເກີດດຽວກັນ ແຕ່ວັນ ຫຼື ເດືອນຕ່າງກັນ ({a} / {b})",
        "Cùng năm sinh nhưng khác ngày hoặc tháng ({a} / {b})",
    ),
    "dob_mismatch": ("ວັນເດືອນປີເກີດຕ່າງກັນ ({a} / {b})", "Ngày sinh khác nhau ({a} / {b})"),
    "gender_mismatch": ("ເພດຕ່າງກັນ ({a} / {b})", "Giới tính khác nhau ({a} / {b})"),
    "nationality_mismatch": ("ສັນຊາດຕ່າງກັນ ({a} / {b})", "Quốc tịch khác nhau ({a} / {b})"),
    "document_match": ("ເລກເອກະສານຢັ້ງຢືນຕົວຕົນດຽວກັນ {number}", "Cùng số giấy tờ tùy thân {number}"),
    "document_mismatch": ("ເລກເອກະສານຢັ້ງຢືນຕົວຕົນຕ່າງກັນ", "Số giấy tờ tùy thân khác nhau"),
    "document_invalid": (
        "ເລກເອກະສານ {number} ຕົວເລກກວດສອບບໍ່ຖືກ (ພິມຜິດ?): ບໍ່ໄດ້ປຽບທຽບ",
        "Số giấy tờ {number} sai chữ số kiểm tra (gõ nhầm?): không so sánh",
    ),
    "dob_from_document": (
        "ວັນເດືອນປີເກີດ {date} ອ່ານຈາກເລກບັດປະຈຳຕົວ {number}",
        "Ngày sinh {date} đọc từ số căn cước {number}",
    ),
    "birth_year_from_document": (
        "ປີເກີດ {date} ອ່ານຈາກເລກບັດປະຈຳຕົວພົນລະເມືອງ {number}",
        "Năm sinh {date} đọc từ số định danh cá nhân {number}",
    ),
    "dob_from_passport_line": (
        "ວັນເດືອນປີເກີດ {date} ອ່ານຈາກແຖວທີ່ເຄື່ອງອ່ານໄດ້ຂອງໜັງສືຜ່ານແດນ {number}",
        "Ngày sinh {date} đọc từ dòng máy đọc của hộ chiếu {number}",
    ),
    "sex_from_document": (
        "ເພດ {sex} ອ່ານຈາກເລກເອກະສານ {number}",
        "Giới tính {sex} đọc từ số giấy tờ {number}",
    ),
    "analyst_confirmed": (
        "ນັກວິເຄາະ {analyst} ຢືນຢັນວ່າເປັນຄົນດຽວກັນ ({date})",
        "Chuyên viên phân tích {analyst} xác nhận là cùng một người ({date})",
    ),
    "analyst_rejected": (
        "ນັກວິເຄາະ {analyst} ຕັດສິນວ່າເປັນຄົນຕ່າງກັນ ({date})",
        "Chuyên viên phân tích {analyst} kết luận là những người khác nhau ({date})",
    ),
}
for _code, (_lo, _vi) in _MESSAGES_LO_VI.items():
    MESSAGES[_code].update(lo=_lo, vi=_vi)


class _Defaults(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "?"


# parameters that name a reading system, and those that carry a sex (per reason code)
_TERM_PARAMS = ("system_a", "system_b", "via_a", "via_b")
_SEX_PARAMS = {"sex_from_document": ("sex",), "gender_mismatch": ("a", "b")}


def render(code: str, lang: str = "en", params: dict[str, str] | None = None) -> str:
    """Render a reason code in one of ``LANGUAGES``; unknown languages fall back to English."""
    entry = MESSAGES.get(code)
    if entry is None:
        return code
    template = entry.get(lang) or entry["en"]
    values = dict(params or {})
    for key in _TERM_PARAMS:
        if key in values:
            values[key] = system_name(values[key], lang)
    for key in _SEX_PARAMS.get(code, ()):
        if key in values:
            values[key] = sex_name(values[key], lang)
    return template.format_map(_Defaults(values))
