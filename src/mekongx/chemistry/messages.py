"""Every human-readable text of the screening library, in each of ``LANGUAGES``.

``MESSAGES`` maps a code to one template per language using ``str.format`` fields;
``render(code, lang, **params)`` fills one in. A test asserts every code has every language
and the same fields in each.
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["LANGUAGES", "MESSAGES", "TERMS", "render"]

LANGUAGES = ("en", "th", "zh", "my", "km", "lo", "vi")

MESSAGES: dict[str, dict[str, str]] = {
    # ---------------------------------------------------------------- evidence
    "MATCH_CAS": {
        "en": "CAS {cas} is {substance}",
        "th": "เลข CAS {cas} คือ {substance}",
        "zh": "CAS号 {cas} 为 {substance}",
        "my": "CAS {cas} သည် {substance} ဖြစ်သည်",
        "km": "CAS {cas} គឺ {substance}",
    },
    "MATCH_CAS_SALT": {
        "en": "CAS {cas} is {salt}, a salt of {substance}",
        "th": "เลข CAS {cas} คือ {salt} ซึ่งเป็นเกลือของ {substance}",
        "zh": "CAS号 {cas} 为 {salt}，是 {substance} 的盐",
        "my": "CAS {cas} သည် {substance} ၏ ဆားဖြစ်သော {salt} ဖြစ်သည်",
        "km": "CAS {cas} គឺ {salt} ដែលជាអំបិលនៃ {substance}",
    },
    "MATCH_CAS_REPAIRED": {
        "en": "CAS {cas} fails its check digit; the only register number one error away is {repaired} ({substance})",
        "th": "เลข CAS {cas} มีเลขตรวจสอบไม่ถูกต้อง เลขในทะเบียนที่ต่างกันเพียงหนึ่งตำแหน่งมีเพียง {repaired} ({substance})",
        "zh": "CAS号 {cas} 校验位错误；登记册中仅有 {repaired}（{substance}）与其相差一位",
        "my": "CAS {cas} ၏ စစ်ဆေးဂဏန်း မှားနေသည်၊ အမှားတစ်ခုသာ ကွာသော မှတ်ပုံတင်နံပါတ်မှာ {repaired} ({substance}) တစ်ခုတည်း ဖြစ်သည်",
        "km": "CAS {cas} ខុសលេខត្រួតពិនិត្យ; លេខក្នុងបញ្ជីតែមួយគត់ដែលខុសមួយខ្ទង់គឺ {repaired} ({substance})",
    },
    "MATCH_NAME": {
        "en": 'description names {substance} ("{text}", {language})',
        "th": 'รายการสินค้าระบุชื่อ {substance} ("{text}", {language})',
        "zh": "品名中出现 {substance}（“{text}”，{language}）",
        "my": 'ဖော်ပြချက်တွင် {substance} ကို အမည်ဖော်ပြထားသည် ("{text}", {language})',
        "km": 'ការពិពណ៌នាដាក់ឈ្មោះ {substance} ("{text}", {language})',
    },
    "MATCH_ABBREVIATION": {
        "en": 'description uses the abbreviation "{text}" for {substance}',
        "th": 'รายการสินค้าใช้ชื่อย่อ "{text}" ของ {substance}',
        "zh": "品名使用 {substance} 的缩写“{text}”",
        "my": 'ဖော်ပြချက်တွင် {substance} အတွက် အတိုကောက် "{text}" ကို သုံးထားသည်',
        "km": 'ការពិពណ៌នាប្រើអក្សរកាត់ "{text}" សម្រាប់ {substance}',
    },
    "MATCH_FUZZY": {
        "en": 'description "{text}" is close to "{term}" ({substance}, similarity {score})',
        "th": 'รายการสินค้า "{text}" ใกล้เคียงกับ "{term}" ({substance}, ความคล้าย {score})',
        "zh": "品名“{text}”与“{term}”相近（{substance}，相似度 {score}）",
        "my": 'ဖော်ပြချက် "{text}" သည် "{term}" ({substance}၊ ဆင်တူမှု {score}) နှင့် နီးစပ်သည်',
        "km": 'ការពិពណ៌នា "{text}" ជិតនឹង "{term}" ({substance} ភាពស្រដៀង {score})',
    },
    "MATCH_HS_SPECIFIC": {
        "en": "HS {hs} is the subheading specific to {substance}",
        "th": "พิกัด HS {hs} เป็นพิกัดย่อยเฉพาะของ {substance}",
        "zh": "HS编码 {hs} 是 {substance} 的专用子目",
        "my": "HS {hs} သည် {substance} အတွက် သီးသန့် ခွဲခေါင်းစဉ် ဖြစ်သည်",
        "km": "HS {hs} គឺជាចំណងជើងរងជាក់លាក់សម្រាប់ {substance}",
    },
    "MATCH_HS_SHARED": {
        "en": "HS {hs} is the subheading specific to {count} substances: {substances}; the code alone does not say which",
        "th": "พิกัด HS {hs} เป็นพิกัดย่อยเฉพาะของสาร {count} ชนิด: {substances} พิกัดอย่างเดียวบอกไม่ได้ว่าเป็นสารใด",
        "zh": "HS编码 {hs} 是 {count} 种物质的专用子目：{substances}；仅凭编码无法判断是哪一种",
        "my": "HS {hs} သည် ဓာတ်ပစ္စည်း {count} မျိုး- {substances} အတွက် သီးသန့် ခွဲခေါင်းစဉ် ဖြစ်သည်၊ ကုဒ်တစ်ခုတည်းဖြင့် မည်သည့်အရာဖြစ်သည်ကို မပြောနိုင်ပါ",
        "km": "HS {hs} គឺជាចំណងជើងរងជាក់លាក់សម្រាប់សារធាតុ {count}៖ {substances}; លេខកូដតែឯងមិនប្រាប់ថាមួយណាទេ",
    },
    "MATCH_SALT": {
        "en": "declared as a salt form ({salt})",
        "th": "สำแดงในรูปเกลือ ({salt})",
        "zh": "以盐的形式申报（{salt}）",
        "my": "ဆားပုံစံအဖြစ် ကြေညာထားသည် ({salt})",
        "km": "បានប្រកាសជាទម្រង់អំបិល ({salt})",
    },
    "MATCH_PREPARATION": {
        "en": "a preparation or mixture containing {substance} {strength}",
        "th": "เป็นตำรับหรือของผสมที่มี {substance} {strength}",
        "zh": "含有 {substance} 的制剂或混合物 {strength}",
        "my": "{substance} {strength} ပါဝင်သော ဆေးဝါးထုတ်ကုန် သို့မဟုတ် အရောအနှော",
        "km": "ផលិតផល ឬល្បាយដែលមាន {substance} {strength}",
    },
    # ---------------------------------------------------------------- risk reasons
    "TABLE_I": {
        "en": "{substance} is in Table I of the 1988 Convention",
        "th": "{substance} อยู่ในบัญชี I ของอนุสัญญา ค.ศ. 1988",
        "zh": "{substance} 列于1988年公约表一",
        "my": "{substance} သည် 1988 ကွန်ဗင်းရှင်း၏ ဇယား I တွင် ပါဝင်သည်",
        "km": "{substance} ស្ថិតក្នុងតារាង I នៃអនុសញ្ញាឆ្នាំ 1988",
    },
    "TABLE_II": {
        "en": "{substance} is in Table II of the 1988 Convention",
        "th": "{substance} อยู่ในบัญชี II ของอนุสัญญา ค.ศ. 1988",
        "zh": "{substance} 列于1988年公约表二",
        "my": "{substance} သည် 1988 ကွန်ဗင်းရှင်း၏ ဇယား II တွင် ပါဝင်သည်",
        "km": "{substance} ស្ថិតក្នុងតារាង II នៃអនុសញ្ញាឆ្នាំ 1988",
    },
    "NATIONAL_LIST": {
        "en": "{substance} is on national lists: {lists}",
        "th": "{substance} อยู่ในบัญชีควบคุมของประเทศ: {lists}",
        "zh": "{substance} 列入国家管制目录：{lists}",
        "my": "{substance} သည် နိုင်ငံ၏ စာရင်းများတွင် ပါဝင်သည်- {lists}",
        "km": "{substance} ស្ថិតក្នុងបញ្ជីជាតិ៖ {lists}",
    },
    "WATCH_LIST": {
        "en": "{substance} is a non-scheduled chemical of regional concern",
        "th": "{substance} เป็นสารเคมีที่ไม่อยู่ในบัญชีควบคุมแต่ต้องเฝ้าระวังในภูมิภาค",
        "zh": "{substance} 为本地区重点关注的非列管化学品",
        "my": "{substance} သည် ဇယားတွင် မပါသော်လည်း ဒေသတွင်း စိုးရိမ်ရသော ဓာတုပစ္စည်း ဖြစ်သည်",
        "km": "{substance} ជាសារធាតុគីមីមិនស្ថិតក្នុងតារាង តែជាកង្វល់ក្នុងតំបន់",
    },
    "POSSIBLE_ANALOGUE": {
        "en": "not a registered substance, but a {label} - review",
        "th": "ไม่ใช่สารในทะเบียน แต่อาจเป็นอนุพันธ์ ({label}) - ควรตรวจสอบ",
        "zh": "不是登记物质，但可能是类似物（{label}）——需人工复核",
        "my": "မှတ်ပုံတင်ထားသော ဓာတ်ပစ္စည်း မဟုတ်သော်လည်း {label} ဖြစ်သည် - ပြန်လည်စစ်ဆေးပါ",
        "km": "មិនមែនជាសារធាតុក្នុងបញ្ជី ប៉ុន្តែជា {label} - សូមពិនិត្យ",
    },
    "CLASS_LISTING": {
        "en": "the class ({label}) is listed as a whole on national list {list} since {since}: a legal hit there",
        "th": "ทั้งกลุ่มสาร ({label}) อยู่ในบัญชีควบคุมของประเทศ {list} ตั้งแต่ {since} จึงเป็นสารควบคุมตามกฎหมายของประเทศนั้น",
        "zh": "该类物质（{label}）已整类列入国家管制目录 {list}（自 {since} 起），在该国属于管制物质",
        "my": "အုပ်စု ({label}) ကို {since} မှစ၍ နိုင်ငံ၏ စာရင်း {list} တွင် တစ်အုပ်စုလုံး စာရင်းသွင်းထားသည်- ထိုနိုင်ငံတွင် ဥပဒေအရ ကိုက်ညီမှု ဖြစ်သည်",
        "km": "ក្រុម ({label}) ត្រូវបានដាក់ក្នុងបញ្ជីជាតិ {list} ទាំងមូលតាំងពី {since}៖ ជាការផ្គូផ្គងតាមច្បាប់នៅទីនោះ",
    },
    "CLASS_MEMBER": {
        "en": "{substance} belongs to a class listed as a whole on {lists} ({label}); scored at least as high as an unregistered member of that class",
        "th": "{substance} อยู่ในกลุ่มสารที่ควบคุมทั้งกลุ่มในบัญชี {lists} ({label}) จึงให้คะแนนไม่ต่ำกว่าสารในกลุ่มเดียวกันที่ไม่อยู่ในทะเบียน",
        "zh": "{substance} 属于已整类列入 {lists} 的物质类别（{label}），其评分不低于该类别中未登记的成员",
        "my": "{substance} သည် {lists} တွင် တစ်အုပ်စုလုံး စာရင်းသွင်းထားသော အုပ်စု ({label}) ၏ အဖွဲ့ဝင် ဖြစ်သည်၊ ထိုအုပ်စု၏ မှတ်ပုံမတင်ထားသော အဖွဲ့ဝင်ထက် မနိမ့်သော အမှတ်ပေးထားသည်",
        "km": "{substance} ជារបស់ក្រុមដែលដាក់ក្នុងបញ្ជីទាំងមូលលើ {lists} ({label}); ផ្តល់ពិន្ទុយ៉ាងហោចណាស់ស្មើនឹងសមាជិកមិនចុះបញ្ជីនៃក្រុមនោះ",
    },
    "CAS_INVALID": {
        "en": "CAS {cas} fails the check digit",
        "th": "เลข CAS {cas} มีเลขตรวจสอบไม่ถูกต้อง",
        "zh": "CAS号 {cas} 校验位错误",
        "my": "CAS {cas} ၏ စစ်ဆေးဂဏန်း မှားနေသည်",
        "km": "CAS {cas} ខុសលេខត្រួតពិនិត្យ",
    },
    "HS_MISMATCH": {
        "en": "declared HS {hs} differs from the subheading of {substance} ({expected})",
        "th": "พิกัด HS ที่สำแดง {hs} ไม่ตรงกับพิกัดของ {substance} ({expected})",
        "zh": "申报HS编码 {hs} 与 {substance} 的子目（{expected}）不符",
        "my": "ကြေညာထားသော HS {hs} သည် {substance} ၏ ခွဲခေါင်းစဉ် ({expected}) နှင့် ကွဲလွဲသည်",
        "km": "HS {hs} ដែលបានប្រកាសខុសពីចំណងជើងរងនៃ {substance} ({expected})",
    },
    "HS_GENERIC_VAGUE": {
        "en": "generic HS {hs} ('other') with a vague description",
        "th": "พิกัด HS ทั่วไป {hs} (อื่น ๆ) และรายการสินค้าไม่ชัดเจน",
        "zh": "HS编码 {hs} 为“其他”类子目且品名描述含糊",
        "my": "မရှင်းလင်းသော ဖော်ပြချက်နှင့် ယေဘုယျ HS {hs} ('အခြား')",
        "km": "HS ទូទៅ {hs} ('ផ្សេងៗ') ជាមួយការពិពណ៌នាមិនច្បាស់",
    },
    "ROUTE_BORDER_AREA": {
        "en": "{field} points to {place} ({country}), a Golden Triangle border area",
        "th": "{field} ระบุ {place} ({country}) ซึ่งเป็นพื้นที่ชายแดนสามเหลี่ยมทองคำ",
        "zh": "{field} 指向金三角边境地区 {place}（{country}）",
        "my": "{field} သည် ရွှေတြိဂံ နယ်စပ်ဒေသဖြစ်သော {place} ({country}) ကို ညွှန်ပြသည်",
        "km": "{field} ចង្អុលទៅ {place} ({country}) ដែលជាតំបន់ព្រំដែនត្រីកោណមាស",
    },
    "QUANTITY_OUT_OF_SCALE": {
        "en": "quantity {quantity_kg} kg exceeds {limit_kg} kg expected for a {business} consignee",
        "th": "ปริมาณ {quantity_kg} กก. เกิน {limit_kg} กก. ที่คาดหมายสำหรับผู้รับประเภท {business}",
        "zh": "数量 {quantity_kg} 千克超过 {business} 类收货人的预期上限 {limit_kg} 千克",
        "my": "ပမာဏ {quantity_kg} kg သည် {business} လက်ခံသူအတွက် မျှော်မှန်းထားသော {limit_kg} kg ထက် ကျော်သည်",
        "km": "បរិមាណ {quantity_kg} kg លើស {limit_kg} kg ដែលរំពឹងសម្រាប់អ្នកទទួលប្រភេទ {business}",
    },
    "NEW_CONSIGNEE": {
        "en": 'consignee "{consignee}" is not a known customer',
        "th": 'ผู้รับสินค้า "{consignee}" ไม่อยู่ในรายชื่อลูกค้าที่รู้จัก',
        "zh": "收货人“{consignee}”不在已知客户名单中",
        "my": 'လက်ခံသူ "{consignee}" သည် သိရှိထားသော ဖောက်သည် မဟုတ်ပါ',
        "km": 'អ្នកទទួល "{consignee}" មិនមែនជាអតិថិជនដែលស្គាល់ទេ',
    },
    "FORWARDER_CONSIGNEE": {
        "en": 'consignee "{consignee}" looks like a freight forwarder ("{keyword}")',
        "th": 'ผู้รับสินค้า "{consignee}" น่าจะเป็นบริษัทตัวแทนขนส่ง ("{keyword}")',
        "zh": "收货人“{consignee}”疑为货运代理（“{keyword}”）",
        "my": 'လက်ခံသူ "{consignee}" သည် ကုန်စည်ပို့ဆောင်ရေး ကိုယ်စားလှယ်နှင့် တူသည် ("{keyword}")',
        "km": 'អ្នកទទួល "{consignee}" មើលទៅដូចជាភ្នាក់ងារដឹកជញ្ជូនទំនិញ ("{keyword}")',
    },
    "PEN_MISSING": {
        "en": "no pre-export notification covers {substance} to this consignee",
        "th": "ไม่มีการแจ้งล่วงหน้าก่อนส่งออก (PEN) สำหรับ {substance} ถึงผู้รับรายนี้",
        "zh": "没有涵盖发往该收货人的 {substance} 的出口前通知（PEN）",
        "my": "ဤလက်ခံသူထံ {substance} အတွက် ပို့ကုန်မတင်မီ အကြောင်းကြားစာ မရှိပါ",
        "km": "គ្មានការជូនដំណឹងមុននាំចេញគ្របដណ្តប់ {substance} ទៅអ្នកទទួលនេះទេ",
    },
    "PEN_QUANTITY_EXCEEDED": {
        "en": "quantity {quantity_kg} kg exceeds the {pen_kg} kg of PEN {pen}",
        "th": "ปริมาณ {quantity_kg} กก. เกิน {pen_kg} กก. ตาม PEN {pen}",
        "zh": "数量 {quantity_kg} 千克超过出口前通知 {pen} 的 {pen_kg} 千克",
        "my": "ပမာဏ {quantity_kg} kg သည် PEN {pen} ၏ {pen_kg} kg ထက် ကျော်သည်",
        "km": "បរិមាណ {quantity_kg} kg លើស {pen_kg} kg នៃ PEN {pen}",
    },
    "PEN_CONSIGNEE_MISMATCH": {
        "en": 'PEN {pen} names consignee "{pen_consignee}", not "{consignee}"',
        "th": 'PEN {pen} ระบุผู้รับ "{pen_consignee}" ไม่ใช่ "{consignee}"',
        "zh": "出口前通知 {pen} 的收货人为“{pen_consignee}”，而非“{consignee}”",
        "my": 'PEN {pen} တွင် လက်ခံသူကို "{consignee}" မဟုတ်ဘဲ "{pen_consignee}" ဟု ဖော်ပြထားသည်',
        "km": 'PEN {pen} បញ្ជាក់អ្នកទទួល "{pen_consignee}" មិនមែន "{consignee}" ទេ',
    },
    "PEN_DESTINATION_MISMATCH": {
        "en": "PEN {pen} is for {pen_country}, the line goes to {country}",
        "th": "PEN {pen} ระบุประเทศ {pen_country} แต่สินค้าไปยัง {country}",
        "zh": "出口前通知 {pen} 的目的国为 {pen_country}，而申报目的国为 {country}",
        "my": "PEN {pen} သည် {pen_country} အတွက် ဖြစ်သော်လည်း ကုန်ပစ္စည်းသည် {country} သို့ သွားသည်",
        "km": "PEN {pen} សម្រាប់ {pen_country} តែទំនិញទៅ {country}",
    },
    # ---------------------------------------------------------------- file and row errors
    "FILE_NOT_FOUND": {
        "en": "file not found: {path}",
        "th": "ไม่พบไฟล์: {path}",
        "zh": "找不到文件：{path}",
        "my": "ဖိုင် မတွေ့ပါ- {path}",
        "km": "រកមិនឃើញឯកសារ៖ {path}",
    },
    "FILE_FORMAT": {
        "en": "{path}: unsupported file type (use .csv or .xlsx)",
        "th": "{path}: ไม่รองรับชนิดไฟล์นี้ (ใช้ .csv หรือ .xlsx)",
        "zh": "{path}：不支持的文件类型（请使用 .csv 或 .xlsx）",
        "my": "{path}: မပံ့ပိုးသော ဖိုင်အမျိုးအစား (.csv သို့မဟုတ် .xlsx သုံးပါ)",
        "km": "{path}: ប្រភេទឯកសារមិនគាំទ្រ (ប្រើ .csv ឬ .xlsx)",
    },
    "FILE_UNREADABLE": {
        "en": "{path}: cannot be read ({detail})",
        "th": "{path}: อ่านไฟล์ไม่ได้ ({detail})",
        "zh": "{path}：无法读取（{detail}）",
        "my": "{path}: ဖတ်၍ မရပါ ({detail})",
        "km": "{path}: មិនអាចអានបានទេ ({detail})",
    },
    "FILE_EMPTY": {
        "en": "{path}: no header row",
        "th": "{path}: ไม่มีแถวหัวตาราง",
        "zh": "{path}：缺少表头行",
        "my": "{path}: ခေါင်းစီးအတန်း မရှိပါ",
        "km": "{path}: គ្មានជួរក្បាលតារាង",
    },
    "MISSING_COLUMN": {
        "en": '{path}: required column "{column}" not found in the header (found: {found})',
        "th": '{path}: ไม่พบคอลัมน์ที่จำเป็น "{column}" ในหัวตาราง (พบ: {found})',
        "zh": "{path}：表头中缺少必需列“{column}”（现有：{found}）",
        "my": '{path}: လိုအပ်သော ကော်လံ "{column}" ကို ခေါင်းစီးတွင် မတွေ့ပါ (တွေ့ရှိသည်- {found})',
        "km": '{path}: រកមិនឃើញជួរឈរចាំបាច់ "{column}" ក្នុងក្បាលតារាង (បានរកឃើញ៖ {found})',
    },
    "DUPLICATE_COLUMN": {
        "en": '{path}: column "{column}" appears twice in the header',
        "th": '{path}: คอลัมน์ "{column}" ซ้ำในหัวตาราง',
        "zh": "{path}：表头中列“{column}”重复",
        "my": '{path}: ကော်လံ "{column}" သည် ခေါင်းစီးတွင် နှစ်ကြိမ် ပါနေသည်',
        "km": '{path}: ជួរឈរ "{column}" លេចឡើងពីរដងក្នុងក្បាលតារាង',
    },
    "BAD_MAPPING": {
        "en": "mapping file {path}: {detail}",
        "th": "ไฟล์จับคู่คอลัมน์ {path}: {detail}",
        "zh": "列映射文件 {path}：{detail}",
        "my": "ကော်လံတွဲဖက်မှု ဖိုင် {path}: {detail}",
        "km": "ឯកសារផ្គូផ្គងជួរឈរ {path}: {detail}",
    },
    "BAD_PEN_FILE": {
        "en": "PEN file {path}, row {row}: {detail}",
        "th": "ไฟล์ PEN {path} แถว {row}: {detail}",
        "zh": "出口前通知文件 {path} 第 {row} 行：{detail}",
        "my": "PEN ဖိုင် {path}၊ အတန်း {row}: {detail}",
        "km": "ឯកសារ PEN {path} ជួរ {row}: {detail}",
    },
    "ROW_LENGTH": {
        "en": "row {row}: {value} cells, a different number from the header's",
        "th": "แถว {row}: มี {value} ช่อง ไม่เท่ากับจำนวนคอลัมน์ของหัวตาราง",
        "zh": "第 {row} 行：有 {value} 个单元格，与表头的列数不同",
        "my": "အတန်း {row}: ဆဲလ် {value} ခု၊ ခေါင်းစီး၏ အရေအတွက်နှင့် မတူပါ",
        "km": "ជួរ {row}: {value} ក្រឡា ខុសពីចំនួននៃក្បាលតារាង",
    },
    "MISSING_VALUE": {
        "en": 'row {row}, column "{column}": value is required',
        "th": 'แถว {row} คอลัมน์ "{column}": ต้องมีค่า',
        "zh": "第 {row} 行，列“{column}”：不能为空",
        "my": 'အတန်း {row}၊ ကော်လံ "{column}": တန်ဖိုး လိုအပ်သည်',
        "km": 'ជួរ {row} ជួរឈរ "{column}": ត្រូវការតម្លៃ',
    },
    "BAD_QUANTITY": {
        "en": 'row {row}, column "{column}": "{value}" is not a non-negative number',
        "th": 'แถว {row} คอลัมน์ "{column}": "{value}" ไม่ใช่จำนวนที่ไม่ติดลบ',
        "zh": "第 {row} 行，列“{column}”：“{value}”不是非负数",
        "my": 'အတန်း {row}၊ ကော်လံ "{column}": "{value}" သည် အနုတ်မဟုတ်သော ကိန်း မဟုတ်ပါ',
        "km": 'ជួរ {row} ជួរឈរ "{column}": "{value}" មិនមែនជាចំនួនមិនអវិជ្ជមានទេ',
    },
    "BAD_LINE_NO": {
        "en": 'row {row}, column "{column}": "{value}" is not a whole number',
        "th": 'แถว {row} คอลัมน์ "{column}": "{value}" ไม่ใช่จำนวนเต็ม',
        "zh": "第 {row} 行，列“{column}”：“{value}”不是整数",
        "my": 'အတန်း {row}၊ ကော်လံ "{column}": "{value}" သည် ကိန်းပြည့် မဟုတ်ပါ',
        "km": 'ជួរ {row} ជួរឈរ "{column}": "{value}" មិនមែនជាចំនួនគត់ទេ',
    },
    "BAD_DATE": {
        "en": 'row {row}, column "{column}": "{value}" is not a date (YYYY-MM-DD)',
        "th": 'แถว {row} คอลัมน์ "{column}": "{value}" ไม่ใช่วันที่ (ปปปป-ดด-วว)',
        "zh": "第 {row} 行，列“{column}”：“{value}”不是日期（YYYY-MM-DD）",
        "my": 'အတန်း {row}၊ ကော်လံ "{column}": "{value}" သည် ရက်စွဲ (YYYY-MM-DD) မဟုတ်ပါ',
        "km": 'ជួរ {row} ជួរឈរ "{column}": "{value}" មិនមែនជាកាលបរិច្ឆេទ (YYYY-MM-DD) ទេ',
    },
    "BLANK_ROW": {
        "en": "row {row}: blank row",
        "th": "แถว {row}: แถวว่าง",
        "zh": "第 {row} 行：空行",
        "my": "အတန်း {row}: ဗလာအတန်း",
        "km": "ជួរ {row}: ជួរទទេ",
    },
    # ---------------------------------------------------------------- CLI
    "SUMMARY": {
        "en": "lines read: {read}; hits: {hits} on {lines_hit} lines; skipped rows: {skipped}; report: {out}",
        "th": "อ่าน {read} รายการ; พบ {hits} รายการใน {lines_hit} บรรทัด; ข้ามแถว {skipped} แถว; รายงาน: {out}",
        "zh": "读取 {read} 行；命中 {hits} 项（涉及 {lines_hit} 行）；跳过 {skipped} 行；报告：{out}",
        "my": "ဖတ်ခဲ့သော စာကြောင်း- {read}၊ ကိုက်ညီမှု- စာကြောင်း {lines_hit} ကြောင်းတွင် {hits} ခု၊ ကျော်ခဲ့သော အတန်း- {skipped}၊ အစီရင်ခံစာ- {out}",
        "km": "បន្ទាត់ដែលបានអាន៖ {read}; ការផ្គូផ្គង៖ {hits} លើ {lines_hit} បន្ទាត់; ជួរដែលបានរំលង៖ {skipped}; របាយការណ៍៖ {out}",
    },
    "FIELD_LEFT_OUT": {
        "en": "screened without the bad field: {message}",
        "th": "คัดกรองโดยไม่ใช้ช่องที่ผิด: {message}",
        "zh": "已筛查，略去错误字段：{message}",
        "my": "မှားယွင်းသော အကွက်ကို ချန်၍ စိစစ်ထားသည်- {message}",
        "km": "បានពិនិត្យដោយគ្មានវាលខុស៖ {message}",
    },
    "SKIPPED_ROW": {
        "en": "skipped {message}",
        "th": "ข้าม {message}",
        "zh": "已跳过 {message}",
        "my": "ကျော်ခဲ့သည် {message}",
        "km": "បានរំលង {message}",
    },
    "INPUT_ERROR": {
        "en": "input error: {message}",
        "th": "ข้อมูลนำเข้าผิดพลาด: {message}",
        "zh": "输入错误：{message}",
        "my": "ထည့်သွင်းမှု အမှား- {message}",
        "km": "កំហុសទិន្នន័យបញ្ចូល៖ {message}",
    },
    "MORE_ERRORS": {
        "en": "... and {count} more problems",
        "th": "... และปัญหาอื่นอีก {count} รายการ",
        "zh": "……另有 {count} 个问题",
        "my": "... နောက်ထပ် ပြဿနာ {count} ခု",
        "km": "... និងបញ្ហា {count} ទៀត",
    },
}

# Words the engine puts into its messages as parameters (``business`` of QUANTITY_OUT_OF_SCALE,
# ``language`` of MATCH_NAME), in every language; see ``wording.reason_text``.
TERMS: dict[str, dict[str, str]] = {
    "business.pharmacy": {
        "en": "pharmacy or clinic",
        "th": "ร้านยาหรือคลินิก",
        "zh": "药店或诊所",
        "my": "ဆေးဆိုင် သို့မဟုတ် ဆေးခန်း",
        "km": "ឱសថស្ថាន ឬគ្លីនិក",
    },
    "business.laboratory": {
        "en": "laboratory",
        "th": "ห้องปฏิบัติการ",
        "zh": "实验室",
        "my": "ဓာတ်ခွဲခန်း",
        "km": "មន្ទីរពិសោធន៍",
    },
    "business.trader": {
        "en": "trading",
        "th": "ผู้ค้า",
        "zh": "贸易",
        "my": "ကုန်သွယ်ရေး",
        "km": "ពាណិជ្ជកម្ម",
    },
    "business.manufacturer": {
        "en": "manufacturing",
        "th": "ผู้ผลิต",
        "zh": "生产",
        "my": "ထုတ်လုပ်ရေး",
        "km": "ផលិតកម្ម",
    },
    "business.history": {
        "en": "regular (3 × its usual quantity)",
        "th": "ประจำ (3 เท่าของปริมาณปกติ)",
        "zh": "老客户（通常数量的3倍）",
        "my": "ပုံမှန်ဖောက်သည် (၎င်း၏ ပုံမှန်ပမာဏ၏ 3 ဆ)",
        "km": "ធម្មតា (3 ដងនៃបរិមាណធម្មតារបស់វា)",
    },
    "language.en": {"en": "English", "th": "อังกฤษ", "zh": "英文", "my": "အင်္ဂလိပ်", "km": "អង់គ្លេស"},
    "language.th": {"en": "Thai", "th": "ไทย", "zh": "泰文", "my": "ထိုင်း", "km": "ថៃ"},
    "language.zh": {"en": "Chinese", "th": "จีน", "zh": "中文", "my": "တရုတ်", "km": "ចិន"},
    "language.th/zh": {
        "en": "Thai or Chinese",
        "th": "ไทยหรือจีน",
        "zh": "泰文或中文",
        "my": "ထိုင်း သို့မဟုတ် တရုတ်",
        "km": "ថៃ ឬចិន",
    },
}


# Lao and Vietnamese (issue 18), kept together here: code -> (lo, vi)
_MESSAGES_LO_VI: dict[str, tuple[str, str]] = {
    "MATCH_CAS": ("CAS {cas} ແມ່ນ {substance}", "CAS {cas} là {substance}"),
    "MATCH_CAS_SALT": (
        "CAS {cas} ແມ່ນ {salt}, ເກືອຂອງ {substance}",
        "CAS {cas} là {salt}, một muối của {substance}",
    ),
    "MATCH_CAS_REPAIRED": (
        "CAS {cas} ຕົວເລກກວດສອບບໍ່ຖືກ; ເລກດຽວໃນທະບຽນທີ່ຫ່າງໜຶ່ງຂໍ້ຜິດພາດແມ່ນ {repaired} ({substance})",
        "CAS {cas} sai chữ số kiểm tra; số duy nhất trong danh mục cách một lỗi là {repaired} ({substance})",
    ),
    "MATCH_NAME": (
        'ລາຍລະອຽດລະບຸ {substance} ("{text}", {language})',
        'mô tả nêu {substance} ("{text}", {language})',
    ),
    "MATCH_ABBREVIATION": (
        'ລາຍລະອຽດໃຊ້ຕົວຫຍໍ້ "{text}" ສຳລັບ {substance}',
        'mô tả dùng chữ viết tắt "{text}" cho {substance}',
    ),
    "MATCH_FUZZY": (
        'ລາຍລະອຽດ "{text}" ໃກ້ຄຽງກັບ "{term}" ({substance}, ຄວາມຄ້າຍຄື {score})',
        'mô tả "{text}" gần với "{term}" ({substance}, độ tương đồng {score})',
    ),
    "MATCH_HS_SPECIFIC": (
        "HS {hs} ແມ່ນລະຫັດຍ່ອຍສະເພາະຂອງ {substance}",
        "HS {hs} là phân nhóm riêng của {substance}",
    ),
    "MATCH_HS_SHARED": (
        "HS {hs} ແມ່ນລະຫັດຍ່ອຍສະເພາະຂອງ {count} ສານ: {substances}; ລະຫັດຢ່າງດຽວບໍ່ບອກວ່າແມ່ນອັນໃດ",
        "HS {hs} là phân nhóm riêng của {count} chất: {substances}; chỉ mã thì không biết là chất nào",
    ),
    "MATCH_SALT": ("ແຈ້ງເປັນຮູບແບບເກືອ ({salt})", "khai báo dưới dạng muối ({salt})"),
    "MATCH_PREPARATION": (
        "ຢາສຳເລັດຮູບ ຫຼື ສ່ວນປະສົມທີ່ມີ {substance} {strength}",
        "chế phẩm hoặc hỗn hợp chứa {substance} {strength}",
    ),
    "TABLE_I": (
        "{substance} ຢູ່ໃນບັນຊີ I ຂອງສົນທິສັນຍາປີ 1988",
        "{substance} thuộc Bảng I của Công ước 1988",
    ),
    "TABLE_II": (
        "{substance} ຢູ່ໃນບັນຊີ II ຂອງສົນທິສັນຍາປີ 1988",
        "{substance} thuộc Bảng II của Công ước 1988",
    ),
    "NATIONAL_LIST": (
        "{substance} ຢູ່ໃນບັນຊີລະດັບຊາດ: {lists}",
        "{substance} có trong danh mục quốc gia: {lists}",
    ),
    "WATCH_LIST": (
        "{substance} ແມ່ນສານເຄມີທີ່ບໍ່ຢູ່ໃນບັນຊີຄວບຄຸມ ແຕ່ພາກພື້ນເປັນຫ່ວງ",
        "{substance} là hóa chất chưa bị kiểm soát nhưng được khu vực quan tâm",
    ),
    "POSSIBLE_ANALOGUE": (
        "ບໍ່ແມ່ນສານໃນທະບຽນ, ແຕ່ເປັນ {label} - ໃຫ້ກວດ",
        "không phải chất trong danh mục, nhưng là {label} - cần xem xét",
    ),
    "CLASS_LISTING": (
        "ກຸ່ມ ({label}) ຂຶ້ນບັນຊີທັງກຸ່ມໃນບັນຊີລະດັບຊາດ {list} ຕັ້ງແຕ່ {since}: ເປັນການກົງກັນທາງກົດໝາຍຢູ່ທີ່ນັ້ນ",
        "nhóm ({label}) được đưa cả nhóm vào danh mục quốc gia {list} từ {since}: ở đó là một kết quả trùng pháp lý",
    ),
    "CLASS_MEMBER": (
        "{substance} ເປັນສະມາຊິກຂອງກຸ່ມທີ່ຂຶ້ນບັນຊີທັງກຸ່ມໃນ {lists} ({label}); ໃຫ້ຄະແນນຢ່າງໜ້ອຍເທົ່າກັບສະມາຊິກທີ່ບໍ່ຢູ່ໃນທະບຽນຂອງກຸ່ມນັ້ນ",
        "{substance} thuộc một nhóm được đưa cả nhóm vào {lists} ({label}); chấm điểm ít nhất bằng một thành viên chưa đăng ký của nhóm đó",
    ),
    "CAS_INVALID": ("CAS {cas} ຕົວເລກກວດສອບບໍ່ຖືກ", "CAS {cas} sai chữ số kiểm tra"),
    "HS_MISMATCH": (
        "HS ທີ່ແຈ້ງ {hs} ແຕກຕ່າງຈາກລະຫັດຍ່ອຍຂອງ {substance} ({expected})",
        "HS khai báo {hs} khác với phân nhóm của {substance} ({expected})",
    ),
    "HS_GENERIC_VAGUE": (
        "HS ທົ່ວໄປ {hs} ('ອື່ນໆ') ພ້ອມລາຍລະອຽດບໍ່ຈະແຈ້ງ",
        "HS chung chung {hs} ('khác') với mô tả mơ hồ",
    ),
    "ROUTE_BORDER_AREA": (
        "{field} ຊີ້ໄປ {place} ({country}), ເຂດຊາຍແດນສາມຫຼ່ຽມຄຳ",
        "{field} chỉ tới {place} ({country}), một khu vực biên giới Tam giác vàng",
    ),
    "QUANTITY_OUT_OF_SCALE": (
        "ປະລິມານ {quantity_kg} kg ເກີນ {limit_kg} kg ທີ່ຄາດໄວ້ສຳລັບຜູ້ຮັບສິນຄ້າປະເພດ {business}",
        "số lượng {quantity_kg} kg vượt {limit_kg} kg dự kiến cho người nhận hàng ngành {business}",
    ),
    "NEW_CONSIGNEE": (
        'ຜູ້ຮັບສິນຄ້າ "{consignee}" ບໍ່ແມ່ນລູກຄ້າທີ່ຮູ້ຈັກ',
        'người nhận hàng "{consignee}" không phải khách hàng đã biết',
    ),
    "FORWARDER_CONSIGNEE": (
        'ຜູ້ຮັບສິນຄ້າ "{consignee}" ເບິ່ງຄືຕົວແທນຂົນສົ່ງ ("{keyword}")',
        'người nhận hàng "{consignee}" có vẻ là công ty giao nhận ("{keyword}")',
    ),
    "PEN_MISSING": (
        "ບໍ່ມີການແຈ້ງລ່ວງໜ້າກ່ອນສົ່ງອອກໃດກວມເອົາ {substance} ໃຫ້ຜູ້ຮັບສິນຄ້ານີ້",
        "không có thông báo trước xuất khẩu nào cho {substance} gửi người nhận hàng này",
    ),
    "PEN_QUANTITY_EXCEEDED": (
        "ປະລິມານ {quantity_kg} kg ເກີນ {pen_kg} kg ຂອງ PEN {pen}",
        "số lượng {quantity_kg} kg vượt {pen_kg} kg của PEN {pen}",
    ),
    "PEN_CONSIGNEE_MISMATCH": (
        'PEN {pen} ລະບຸຜູ້ຮັບສິນຄ້າ "{pen_consignee}", ບໍ່ແມ່ນ "{consignee}"',
        'PEN {pen} ghi người nhận hàng "{pen_consignee}", không phải "{consignee}"',
    ),
    "PEN_DESTINATION_MISMATCH": (
        "PEN {pen} ສຳລັບ {pen_country}, ແຖວນີ້ໄປ {country}",
        "PEN {pen} dành cho {pen_country}, dòng này đi {country}",
    ),
    "FILE_NOT_FOUND": ("ບໍ່ພົບໄຟລ໌: {path}", "không tìm thấy tệp: {path}"),
    "FILE_FORMAT": (
        "{path}: ບໍ່ຮອງຮັບປະເພດໄຟລ໌ນີ້ (ໃຊ້ .csv ຫຼື .xlsx)",
        "{path}: loại tệp không được hỗ trợ (dùng .csv hoặc .xlsx)",
    ),
    "FILE_UNREADABLE": ("{path}: ອ່ານບໍ່ໄດ້ ({detail})", "{path}: không đọc được ({detail})"),
    "FILE_EMPTY": ("{path}: ບໍ່ມີແຖວຫົວ", "{path}: không có dòng tiêu đề"),
    "MISSING_COLUMN": (
        '{path}: ບໍ່ພົບຖັນທີ່ຈຳເປັນ "{column}" ໃນແຖວຫົວ (ພົບ: {found})',
        '{path}: không thấy cột bắt buộc "{column}" trong dòng tiêu đề (có: {found})',
    ),
    "DUPLICATE_COLUMN": (
        '{path}: ຖັນ "{column}" ປາກົດສອງເທື່ອໃນແຖວຫົວ',
        '{path}: cột "{column}" xuất hiện hai lần trong dòng tiêu đề',
    ),
    "BAD_MAPPING": ("ໄຟລ໌ການຈັບຄູ່ {path}: {detail}", "tệp ánh xạ {path}: {detail}"),
    "BAD_PEN_FILE": ("ໄຟລ໌ PEN {path}, ແຖວ {row}: {detail}", "tệp PEN {path}, dòng {row}: {detail}"),
    "ROW_LENGTH": (
        "ແຖວ {row}: {value} ຊ່ອງ, ຈຳນວນຕ່າງຈາກແຖວຫົວ",
        "dòng {row}: {value} ô, khác số ô của dòng tiêu đề",
    ),
    "MISSING_VALUE": (
        'ແຖວ {row}, ຖັນ "{column}": ຕ້ອງມີຄ່າ',
        'dòng {row}, cột "{column}": bắt buộc có giá trị',
    ),
    "BAD_QUANTITY": (
        'ແຖວ {row}, ຖັນ "{column}": "{value}" ບໍ່ແມ່ນຕົວເລກທີ່ບໍ່ຕິດລົບ',
        'dòng {row}, cột "{column}": "{value}" không phải số không âm',
    ),
    "BAD_LINE_NO": (
        'ແຖວ {row}, ຖັນ "{column}": "{value}" ບໍ່ແມ່ນຈຳນວນຖ້ວນ',
        'dòng {row}, cột "{column}": "{value}" không phải số nguyên',
    ),
    "BAD_DATE": (
        'ແຖວ {row}, ຖັນ "{column}": "{value}" ບໍ່ແມ່ນວັນທີ (YYYY-MM-DD)',
        'dòng {row}, cột "{column}": "{value}" không phải ngày (YYYY-MM-DD)',
    ),
    "BLANK_ROW": ("ແຖວ {row}: ແຖວຫວ່າງ", "dòng {row}: dòng trống"),
    "SUMMARY": (
        "ອ່ານ: {read} ແຖວ; ພົບ: {hits} ໃນ {lines_hit} ແຖວ; ຂ້າມ: {skipped} ແຖວ; ລາຍງານ: {out}",
        "đã đọc: {read} dòng; trùng: {hits} trên {lines_hit} dòng; bỏ qua: {skipped} dòng; báo cáo: {out}",
    ),
    "FIELD_LEFT_OUT": ("ກວດໂດຍບໍ່ມີຊ່ອງທີ່ຜິດ: {message}", "đã sàng lọc bỏ qua trường sai: {message}"),
    "SKIPPED_ROW": ("ຂ້າມ {message}", "bỏ qua {message}"),
    "INPUT_ERROR": ("ຂໍ້ຜິດພາດຂອງຂໍ້ມູນເຂົ້າ: {message}", "lỗi dữ liệu vào: {message}"),
    "MORE_ERRORS": ("... ແລະ ອີກ {count} ບັນຫາ", "... và {count} vấn đề khác"),
}
for _code, (_lo, _vi) in _MESSAGES_LO_VI.items():
    MESSAGES[_code].update(lo=_lo, vi=_vi)
_TERMS_LO_VI: dict[str, tuple[str, str]] = {
    "business.pharmacy": ("ຮ້ານຂາຍຢາ ຫຼື ຄລີນິກ", "nhà thuốc hoặc phòng khám"),
    "business.laboratory": ("ຫ້ອງທົດລອງ", "phòng thí nghiệm"),
    "business.trader": ("ການຄ້າ", "thương mại"),
    "business.manufacturer": ("ການຜະລິດ", "sản xuất"),
    "business.history": ("ປົກກະຕິ (3 × ປະລິມານປົກກະຕິຂອງມັນ)", "thường xuyên (3 × lượng thông thường)"),
    "language.en": ("ພາສາອັງກິດ", "tiếng Anh"),
    "language.th": ("ພາສາໄທ", "tiếng Thái"),
    "language.zh": ("ພາສາຈີນ", "tiếng Trung"),
    "language.th/zh": ("ພາສາໄທ ຫຼື ຈີນ", "tiếng Thái hoặc tiếng Trung"),
}
for _code, (_lo, _vi) in _TERMS_LO_VI.items():
    TERMS[_code].update(lo=_lo, vi=_vi)


def render(code: str, lang: str = "en", /, **params: object) -> str:
    """The message ``code`` in ``lang`` (falls back to English for an unknown language)."""
    templates: Mapping[str, str] = MESSAGES[code]
    template = templates.get(lang) or templates["en"]
    return template.format(**params).strip()
