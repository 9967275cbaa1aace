"""Every human-readable text of the wastewater library, in each of ``LANGUAGES``.

Errors, flags and uncertainty-budget labels are identified by a stable code; the text is
rendered only at the edge (CLI, API, report) in the reader's language. Templates use
``str.format`` fields; a test checks that every code has every language and that the
templates of a code name the same fields.
"""

from __future__ import annotations

import string
from typing import Final

LANGUAGES: Final = ("en", "th", "zh", "my", "km", "lo", "vi")

MESSAGES: Final[dict[str, dict[str, str]]] = {
    # --- units and values -------------------------------------------------------------
    "unit.unknown_concentration": {
        "en": "Unknown concentration unit '{unit}'. Use one of: {allowed}.",
        "th": "ไม่รู้จักหน่วยความเข้มข้น '{unit}' กรุณาใช้หน่วยใดหน่วยหนึ่งต่อไปนี้: {allowed}",
        "zh": "未知的浓度单位“{unit}”。请使用以下单位之一：{allowed}。",
        "my": "မသိသော ပြင်းအား ယူနစ် '{unit}'။ အောက်ပါတို့အနက် တစ်ခုကို သုံးပါ- {allowed}။",
        "km": "ឯកតាកំហាប់មិនស្គាល់ '{unit}'។ សូមប្រើមួយក្នុងចំណោម៖ {allowed}។",
    },
    "unit.unknown_flow": {
        "en": "Unknown flow unit '{unit}'. Use one of: {allowed}.",
        "th": "ไม่รู้จักหน่วยอัตราการไหล '{unit}' กรุณาใช้หน่วยใดหน่วยหนึ่งต่อไปนี้: {allowed}",
        "zh": "未知的流量单位“{unit}”。请使用以下单位之一：{allowed}。",
        "my": "မသိသော စီးဆင်းနှုန်း ယူနစ် '{unit}'။ အောက်ပါတို့အနက် တစ်ခုကို သုံးပါ- {allowed}။",
        "km": "ឯកតាលំហូរមិនស្គាល់ '{unit}'។ សូមប្រើមួយក្នុងចំណោម៖ {allowed}។",
    },
    "value.not_finite": {
        "en": "{field} must be a finite number, got '{value}'.",
        "th": "{field} ต้องเป็นตัวเลขที่มีค่าจำกัด แต่ได้รับ '{value}'",
        "zh": "{field} 必须是有限数值，实际为“{value}”。",
        "my": "{field} သည် အကန့်အသတ်ရှိသော ကိန်း ဖြစ်ရမည်၊ '{value}' ကို ရရှိသည်။",
        "km": "{field} ត្រូវតែជាលេខកំណត់ តែបានទទួល '{value}'។",
    },
    "value.negative": {
        "en": "{field} must not be negative, got {value}.",
        "th": "{field} ต้องไม่เป็นค่าติดลบ แต่ได้รับ {value}",
        "zh": "{field} 不能为负数，实际为 {value}。",
        "my": "{field} သည် အနုတ် မဖြစ်ရ၊ {value} ကို ရရှိသည်။",
        "km": "{field} មិនត្រូវអវិជ្ជមានទេ តែបានទទួល {value}។",
    },
    "value.not_positive": {
        "en": "{field} must be greater than zero, got {value}.",
        "th": "{field} ต้องมากกว่าศูนย์ แต่ได้รับ {value}",
        "zh": "{field} 必须大于零，实际为 {value}。",
        "my": "{field} သည် သုညထက် ကြီးရမည်၊ {value} ကို ရရှိသည်။",
        "km": "{field} ត្រូវតែធំជាងសូន្យ តែបានទទួល {value}។",
    },
    "analyte.unknown": {
        "en": "Unknown analyte '{analyte}'. Parameter set '{param_set}' knows: {allowed}.",
        "th": "ไม่รู้จักสารวิเคราะห์ '{analyte}' ชุดพารามิเตอร์ '{param_set}' มีเฉพาะ: {allowed}",
        "zh": "未知的分析物“{analyte}”。参数集“{param_set}”仅包含：{allowed}。",
        "my": "မသိသော တိုင်းတာသည့် ဓာတ်ပစ္စည်း '{analyte}'။ ကန့်သတ်ချက်အစု '{param_set}' က သိသည်- {allowed}။",
        "km": "សារធាតុវិភាគមិនស្គាល់ '{analyte}'។ សំណុំប៉ារ៉ាម៉ែត្រ '{param_set}' ស្គាល់៖ {allowed}។",
    },
    "analyte.load_only": {
        "en": "{analyte}: no agreed excretion factor; only loads are reported.",
        "th": "{analyte}: ยังไม่มีค่าสัดส่วนการขับถ่ายที่ยอมรับ จึงรายงานเฉพาะปริมาณภาระมลสาร",
        "zh": "{analyte}：尚无公认的排泄率，仅报告负荷。",
        "my": "{analyte}: သဘောတူထားသော စွန့်ထုတ်မှု ကိန်းဖော်ကိန်း မရှိပါ၊ ပမာဏများကိုသာ အစီရင်ခံသည်။",
        "km": "{analyte}: គ្មានកត្តាបញ្ចេញដែលបានព្រមព្រៀង; រាយការណ៍តែបន្ទុកប៉ុណ្ណោះ។",
    },
    # --- censored values --------------------------------------------------------------
    "censor.bad_flag": {
        "en": "Censor flag '{flag}' is not recognised. Use one of: {allowed}.",
        "th": "ไม่รู้จักเครื่องหมายค่าต่ำกว่าขีดจำกัด '{flag}' กรุณาใช้: {allowed}",
        "zh": "无法识别删失标记“{flag}”。请使用：{allowed}。",
        "my": "ကန့်သတ်ချက်အောက် အမှတ်အသား '{flag}' ကို မသိပါ။ အောက်ပါတို့အနက် တစ်ခုကို သုံးပါ- {allowed}။",
        "km": "សញ្ញាក្រោមកម្រិត '{flag}' មិនត្រូវបានស្គាល់។ សូមប្រើមួយក្នុងចំណោម៖ {allowed}។",
    },
    "censor.missing_limit": {
        "en": "A value below the limit needs the limit (LOQ or LOD) itself; none was given.",
        "th": "ค่าที่ต่ำกว่าขีดจำกัดต้องระบุค่าขีดจำกัด (LOQ หรือ LOD) แต่ไม่ได้ระบุไว้",
        "zh": "低于限值的结果必须给出限值（LOQ 或 LOD），但未提供。",
        "my": "ကန့်သတ်ချက်အောက် တန်ဖိုးတွင် ကန့်သတ်ချက် (LOQ သို့မဟုတ် LOD) ကိုယ်တိုင် လိုအပ်သည်၊ မပေးထားပါ။",
        "km": "តម្លៃក្រោមកម្រិតត្រូវការកម្រិតខ្លួនឯង (LOQ ឬ LOD); មិនបានផ្តល់ទេ។",
    },
    # --- parameter sets ---------------------------------------------------------------
    "params.file_missing": {
        "en": "Parameter file '{path}' was not found.",
        "th": "ไม่พบไฟล์พารามิเตอร์ '{path}'",
        "zh": "未找到参数文件“{path}”。",
        "my": "ကန့်သတ်ချက် ဖိုင် '{path}' ကို မတွေ့ပါ။",
        "km": "រកមិនឃើញឯកសារប៉ារ៉ាម៉ែត្រ '{path}' ទេ។",
    },
    "params.yaml_invalid": {
        "en": "Parameter file '{path}' is not valid YAML: {detail}",
        "th": "ไฟล์พารามิเตอร์ '{path}' ไม่ใช่ YAML ที่ถูกต้อง: {detail}",
        "zh": "参数文件“{path}”不是有效的 YAML：{detail}",
        "my": "ကန့်သတ်ချက် ဖိုင် '{path}' သည် မှန်ကန်သော YAML မဟုတ်ပါ- {detail}",
        "km": "ឯកសារប៉ារ៉ាម៉ែត្រ '{path}' មិនមែនជា YAML ត្រឹមត្រូវទេ៖ {detail}",
    },
    "params.missing_key": {
        "en": "Parameter set: required key '{key}' is missing.",
        "th": "ชุดพารามิเตอร์: ขาดคีย์ที่จำเป็น '{key}'",
        "zh": "参数集：缺少必需的键“{key}”。",
        "my": "ကန့်သတ်ချက်အစု- လိုအပ်သော ကီး '{key}' မပါပါ။",
        "km": "សំណុំប៉ារ៉ាម៉ែត្រ៖ ខ្វះកូនសោចាំបាច់ '{key}'។",
    },
    "params.bad_type": {
        "en": "Parameter set: '{key}' must be {expected}, got '{value}'.",
        "th": "ชุดพารามิเตอร์: '{key}' ต้องเป็น {expected} แต่ได้รับ '{value}'",
        "zh": "参数集：“{key}”必须是{expected}，实际为“{value}”。",
        "my": "ကန့်သတ်ချက်အစု- '{key}' သည် {expected} ဖြစ်ရမည်၊ '{value}' ကို ရရှိသည်။",
        "km": "សំណុំប៉ារ៉ាម៉ែត្រ៖ '{key}' ត្រូវតែជា {expected} តែបានទទួល '{value}'។",
    },
    "params.out_of_range": {
        "en": "Parameter set: '{key}' = {value} is outside the allowed range {low} to {high}.",
        "th": "ชุดพารามิเตอร์: '{key}' = {value} อยู่นอกช่วงที่อนุญาต {low} ถึง {high}",
        "zh": "参数集：“{key}” = {value} 超出允许范围 {low} 至 {high}。",
        "my": "ကန့်သတ်ချက်အစု- '{key}' = {value} သည် ခွင့်ပြုထားသော အပိုင်းအခြား {low} မှ {high} ပြင်ပတွင် ရှိသည်။",
        "km": "សំណុំប៉ារ៉ាម៉ែត្រ៖ '{key}' = {value} នៅក្រៅចន្លោះអនុញ្ញាត {low} ដល់ {high}។",
    },
    "params.unknown_source": {
        "en": "Parameter set: '{key}' cites source '{source}', not listed under 'sources'.",
        "th": "ชุดพารามิเตอร์: '{key}' อ้างอิงแหล่งที่มา '{source}' ซึ่งไม่มีในรายการ 'sources'",
        "zh": "参数集：“{key}”引用的来源“{source}”未在“sources”中列出。",
        "my": "ကန့်သတ်ချက်အစု- '{key}' သည် 'sources' အောက်တွင် မပါသော ရင်းမြစ် '{source}' ကို ကိုးကားသည်။",
        "km": "សំណុំប៉ារ៉ាម៉ែត្រ៖ '{key}' យោងប្រភព '{source}' ដែលមិនមានក្នុង 'sources'។",
    },
    "params.unknown_key": {
        "en": "Parameter set: key '{key}' is not part of the format (allowed: {allowed}).",
        "th": "ชุดพารามิเตอร์: คีย์ '{key}' ไม่อยู่ในรูปแบบที่กำหนด (อนุญาต: {allowed})",
        "zh": "参数集：键“{key}”不属于该格式（允许：{allowed}）。",
        "my": "ကန့်သတ်ချက်အစု- ကီး '{key}' သည် ပုံစံ၏ အစိတ်အပိုင်း မဟုတ်ပါ (ခွင့်ပြုထားသည်- {allowed})။",
        "km": "សំណុំប៉ារ៉ាម៉ែត្រ៖ កូនសោ '{key}' មិនមែនជាផ្នែកនៃទម្រង់ទេ (អនុញ្ញាត៖ {allowed})។",
    },
    "params.unknown_builtin": {
        "en": "No built-in parameter set named '{name}'. Built-in sets: {allowed}.",
        "th": "ไม่มีชุดพารามิเตอร์ในตัวชื่อ '{name}' ชุดที่มี: {allowed}",
        "zh": "没有名为“{name}”的内置参数集。内置参数集：{allowed}。",
        "my": "'{name}' အမည်ရှိ မူလပါဝင်သော ကန့်သတ်ချက်အစု မရှိပါ။ မူလပါဝင်သော အစုများ- {allowed}။",
        "km": "គ្មានសំណុំប៉ារ៉ាម៉ែត្រភ្ជាប់មកជាមួយឈ្មោះ '{name}' ទេ។ សំណុំដែលមាន៖ {allowed}។",
    },
    "params.schema": {
        "en": "Parameter set: 'schema' must be '{expected}', got '{value}'.",
        "th": "ชุดพารามิเตอร์: 'schema' ต้องเป็น '{expected}' แต่ได้รับ '{value}'",
        "zh": "参数集：“schema”必须为“{expected}”，实际为“{value}”。",
        "my": "ကန့်သတ်ချက်အစု- 'schema' သည် '{expected}' ဖြစ်ရမည်၊ '{value}' ကို ရရှိသည်။",
        "km": "សំណុំប៉ារ៉ាម៉ែត្រ៖ 'schema' ត្រូវតែជា '{expected}' តែបានទទួល '{value}'។",
    },
    # --- population -------------------------------------------------------------------
    "population.unknown_marker": {
        "en": "No per-capita coefficient for marker '{marker}'. Known markers: {allowed}.",
        "th": "ไม่มีค่าสัมประสิทธิ์ต่อหัวสำหรับตัวชี้วัด '{marker}' ตัวชี้วัดที่มี: {allowed}",
        "zh": "指标“{marker}”没有人均系数。已知指标：{allowed}。",
        "my": "အညွှန်းဓာတ် '{marker}' အတွက် တစ်ဦးချင်း ကိန်းဖော်ကိန်း မရှိပါ။ သိရှိထားသော အညွှန်းဓာတ်များ- {allowed}။",
        "km": "គ្មានមេគុណក្នុងមនុស្សម្នាក់សម្រាប់សូចនាករ '{marker}' ទេ។ សូចនាករដែលស្គាល់៖ {allowed}។",
    },
    "population.disagreement": {
        "en": (
            "Population estimates disagree: {method_a} gives {value_a:,.0f} and {method_b} "
            "gives {value_b:,.0f} ({difference:.0%} apart, limit {limit:.0%})."
        ),
        "th": (
            "ค่าประมาณประชากรไม่สอดคล้องกัน: วิธี {method_a} ได้ {value_a:,.0f} คน และวิธี "
            "{method_b} ได้ {value_b:,.0f} คน (ต่างกัน {difference:.0%} เกณฑ์ {limit:.0%})"
        ),
        "zh": (
            "人口估算不一致：{method_a} 得到 {value_a:,.0f} 人，{method_b} 得到 "
            "{value_b:,.0f} 人（相差 {difference:.0%}，阈值 {limit:.0%}）。"
        ),
        "my": "လူဦးရေ ခန့်မှန်းချက်များ မကိုက်ညီပါ- {method_a} က {value_a:,.0f} နှင့် {method_b} က {value_b:,.0f} ပေးသည် ({difference:.0%} ကွာ၊ ကန့်သတ်ချက် {limit:.0%})။",
        "km": "ការប៉ាន់ស្មានប្រជាជនមិនស៊ីគ្នា៖ {method_a} ផ្តល់ {value_a:,.0f} និង {method_b} ផ្តល់ {value_b:,.0f} (ខុសគ្នា {difference:.0%} កម្រិត {limit:.0%})។",
    },
    "population.uncalibrated": {
        "en": (
            "The population rests on the per-capita {marker} load of {value:g} g/day, a design "
            "value from {region} that has not been calibrated for {country}; treat it as a "
            "rough figure until a laboratory calibrates it against census or mobile-phone counts."
        ),
        "th": (
            "จำนวนประชากรคำนวณจากภาระ {marker} ต่อคน {value:g} กรัม/วัน ซึ่งเป็นค่าออกแบบจาก "
            "{region} และยังไม่ได้สอบเทียบสำหรับ {country} จึงควรถือเป็นค่าประมาณคร่าว ๆ "
            "จนกว่าห้องปฏิบัติการจะสอบเทียบกับข้อมูลสำมะโนประชากรหรือจำนวนโทรศัพท์มือถือ"
        ),
        "zh": (
            "人口基于人均 {marker} 负荷 {value:g} 克/天，这是来自{region}的设计值，尚未针对 "
            "{country} 校准；在实验室用人口普查或手机数据校准之前，只能作为粗略数字。"
        ),
        "my": "လူဦးရေသည် တစ်ဦးချင်း {marker} ပမာဏ {value:g} g/ရက် ပေါ်တွင် အခြေခံသည်၊ ၎င်းမှာ {region} မှ ဒီဇိုင်းတန်ဖိုး ဖြစ်ပြီး {country} အတွက် ချိန်ညှိထားခြင်း မရှိပါ၊ ဓာတ်ခွဲခန်းက သန်းခေါင်စာရင်း သို့မဟုတ် မိုဘိုင်းဖုန်း အရေအတွက်နှင့် ချိန်ညှိသည်အထိ ခန့်မှန်းကိန်းအဖြစ်သာ မှတ်ယူပါ။",
        "km": "ចំនួនប្រជាជនផ្អែកលើបន្ទុក {marker} ក្នុងមនុស្សម្នាក់ {value:g} g/ថ្ងៃ ដែលជាតម្លៃរចនាពី {region} មិនទាន់ក្រិតតាមខ្នាតសម្រាប់ {country}; សូមចាត់ទុកវាជាតួលេខប្រហាក់ប្រហែល រហូតដល់មន្ទីរពិសោធន៍ក្រិតតាមខ្នាតវាធៀបនឹងជំរឿន ឬចំនួនទូរស័ព្ទចល័ត។",
    },
    "population.bad_calibration": {
        "en": "Calibration of {marker}: {detail}",
        "th": "การสอบเทียบ {marker}: {detail}",
        "zh": "{marker} 的校准：{detail}",
        "my": "{marker} ၏ ချိန်ညှိမှု- {detail}",
        "km": "ការក្រិតតាមខ្នាត {marker}: {detail}",
    },
    # --- comparisons ------------------------------------------------------------------
    "compare.mixed_sets": {
        "en": (
            "A comparison must use one parameter set; these campaigns use several ({sets}). "
            "Choose one set and recompute them all with it."
        ),
        "th": (
            "การเปรียบเทียบต้องใช้ชุดพารามิเตอร์เดียว แต่แคมเปญเหล่านี้ใช้หลายชุด ({sets}) "
            "กรุณาเลือกหนึ่งชุดแล้วคำนวณใหม่ทั้งหมดด้วยชุดนั้น"
        ),
        "zh": "比较必须使用同一参数集；这些监测活动使用了多个参数集（{sets}）。请选择一个参数集并据此全部重新计算。",
        "my": "နှိုင်းယှဉ်မှုတွင် ကန့်သတ်ချက်အစု တစ်ခုတည်းကို သုံးရမည်၊ ဤစောင့်ကြည့်မှုအကြိမ်များသည် အစုများစွာကို သုံးသည် ({sets})။ အစုတစ်ခု ရွေးပြီး ၎င်းဖြင့် အားလုံးကို ပြန်တွက်ပါ။",
        "km": "ការប្រៀបធៀបត្រូវប្រើសំណុំប៉ារ៉ាម៉ែត្រតែមួយ; វគ្គតាមដានទាំងនេះប្រើច្រើន ({sets})។ សូមជ្រើសសំណុំមួយ ហើយគណនាឡើងវិញទាំងអស់ជាមួយវា។",
    },
    # --- corrections and flags --------------------------------------------------------
    "flag.dumping": {
        "en": (
            "Possible direct disposal: {parent}/{metabolite} ratio {ratio:.2f} exceeds "
            "{threshold:.2f}; consumption for {parent} is not reliable on this day."
        ),
        "th": (
            "อาจมีการทิ้งสารโดยตรง: อัตราส่วน {parent}/{metabolite} = {ratio:.2f} สูงกว่า "
            "{threshold:.2f} การประมาณการบริโภค {parent} ในวันนี้จึงไม่น่าเชื่อถือ"
        ),
        "zh": (
            "可能存在直接倾倒：{parent}/{metabolite} 比值 {ratio:.2f} 超过 {threshold:.2f}；"
            "当日 {parent} 的消费量估算不可靠。"
        ),
        "my": "တိုက်ရိုက် စွန့်ပစ်မှု ဖြစ်နိုင်သည်- {parent}/{metabolite} အချိုး {ratio:.2f} သည် {threshold:.2f} ထက် ကျော်သည်၊ ဤနေ့အတွက် {parent} သုံးစွဲမှုကို ယုံကြည်၍ မရပါ။",
        "km": "អាចមានការចាក់ចោលផ្ទាល់៖ សមាមាត្រ {parent}/{metabolite} {ratio:.2f} លើស {threshold:.2f}; ការប្រើប្រាស់ {parent} មិនគួរទុកចិត្តនៅថ្ងៃនេះទេ។",
    },
    "flag.amp_from_meth_all": {
        "en": (
            "All measured AMP ({amp:.1f} mg/day) can be explained by METH metabolism "
            "({expected:.1f} mg/day expected); AMP use is reported as zero."
        ),
        "th": (
            "AMP ที่ตรวจวัดได้ทั้งหมด ({amp:.1f} มก./วัน) อธิบายได้ด้วยการเปลี่ยนแปลงของ METH "
            "ในร่างกาย (คาดว่า {expected:.1f} มก./วัน) จึงรายงานการใช้ AMP เป็นศูนย์"
        ),
        "zh": (
            "测得的全部 AMP（{amp:.1f} 毫克/天）均可由 METH 代谢解释（预期 {expected:.1f} "
            "毫克/天）；AMP 使用量报告为零。"
        ),
        "my": "တိုင်းတာရရှိသော AMP အားလုံး ({amp:.1f} mg/ရက်) ကို METH ဇီဝဖြစ်စဉ်ဖြင့် ရှင်းပြနိုင်သည် ({expected:.1f} mg/ရက် မျှော်မှန်း)၊ AMP အသုံးပြုမှုကို သုညအဖြစ် အစီရင်ခံသည်။",
        "km": "AMP ដែលបានវាស់ទាំងអស់ ({amp:.1f} mg/ថ្ងៃ) អាចពន្យល់បានដោយមេតាបូលីសនៃ METH (រំពឹង {expected:.1f} mg/ថ្ងៃ); ការប្រើ AMP ត្រូវបានរាយការណ៍ថាសូន្យ។",
    },
    "flag.licit_exceeds": {
        "en": (
            "Licit {analyte} from prescriptions ({licit:.1f} mg/day) is at least the measured "
            "load ({measured:.1f} mg/day); illicit use is reported as zero."
        ),
        "th": (
            "{analyte} จากยาตามใบสั่งแพทย์ ({licit:.1f} มก./วัน) ไม่น้อยกว่าปริมาณที่ตรวจวัดได้ "
            "({measured:.1f} มก./วัน) จึงรายงานการใช้ที่ผิดกฎหมายเป็นศูนย์"
        ),
        "zh": (
            "处方来源的合法 {analyte}（{licit:.1f} 毫克/天）不低于实测负荷（{measured:.1f} "
            "毫克/天）；非法使用量报告为零。"
        ),
        "my": "ဆေးညွှန်းမှ တရားဝင် {analyte} ({licit:.1f} mg/ရက်) သည် တိုင်းတာထားသော ပမာဏ ({measured:.1f} mg/ရက်) ထက် မနည်းပါ၊ တရားမဝင် အသုံးပြုမှုကို သုညအဖြစ် အစီရင်ခံသည်။",
        "km": "{analyte} ស្របច្បាប់ពីវេជ្ជបញ្ជា ({licit:.1f} mg/ថ្ងៃ) យ៉ាងហោចណាស់ស្មើបន្ទុកដែលបានវាស់ ({measured:.1f} mg/ថ្ងៃ); ការប្រើខុសច្បាប់ត្រូវបានរាយការណ៍ថាសូន្យ។",
    },
    # --- uncertainty budget -----------------------------------------------------------
    "budget.term.analysis": {
        "en": "chemical analysis",
        "th": "การวิเคราะห์ทางเคมี",
        "zh": "化学分析",
        "my": "ဓာတုဗေဒ ခွဲခြမ်းစိတ်ဖြာမှု",
        "km": "ការវិភាគគីមី",
    },
    "budget.term.sampling": {
        "en": "sampling",
        "th": "การเก็บตัวอย่าง",
        "zh": "采样",
        "my": "နမူနာကောက်ယူခြင်း",
        "km": "ការយកសំណាក",
    },
    "budget.term.flow": {
        "en": "flow measurement",
        "th": "การวัดอัตราการไหล",
        "zh": "流量测量",
        "my": "စီးဆင်းနှုန်း တိုင်းတာခြင်း",
        "km": "ការវាស់លំហូរ",
    },
    "budget.term.censoring": {
        "en": "values below the limit of quantification",
        "th": "ค่าที่ต่ำกว่าขีดจำกัดการวัดปริมาณ",
        "zh": "低于定量限的数值",
        "my": "ပမာဏတိုင်းတာနိုင်မှု ကန့်သတ်ချက်အောက် တန်ဖိုးများ",
        "km": "តម្លៃក្រោមកម្រិតវាស់បរិមាណ",
    },
    "budget.term.population": {
        "en": "population size",
        "th": "ขนาดประชากร",
        "zh": "人口规模",
        "my": "လူဦးရေ အရွယ်အစား",
        "km": "ទំហំប្រជាជន",
    },
    "budget.term.population_method": {
        "en": "population estimation method (common to all sites)",
        "th": "วิธีประมาณจำนวนประชากร (ส่วนที่ร่วมกันทุกพื้นที่)",
        "zh": "人口估算方法（各站点共有部分）",
        "my": "လူဦးရေ ခန့်မှန်းနည်း (နေရာအားလုံးအတွက် တူညီ)",
        "km": "វិធីប៉ាន់ស្មានប្រជាជន (រួមសម្រាប់គ្រប់ទីតាំង)",
    },
    "budget.term.analysis_systematic": {
        "en": "laboratory calibration (systematic per campaign)",
        "th": "การสอบเทียบของห้องปฏิบัติการ (คลาดเคลื่อนเชิงระบบต่อแคมเปญ)",
        "zh": "实验室校准（每次监测的系统误差）",
        "my": "ဓာတ်ခွဲခန်း ချိန်ညှိမှု (စောင့်ကြည့်မှုအကြိမ်တစ်ခုစီအတွက် စနစ်ကျ)",
        "km": "ការក្រិតតាមខ្នាតមន្ទីរពិសោធន៍ (ជាប្រព័ន្ធក្នុងវគ្គនីមួយៗ)",
    },
    "budget.term.flow_systematic": {
        "en": "flow-meter calibration (systematic per campaign)",
        "th": "การสอบเทียบมาตรวัดอัตราการไหล (คลาดเคลื่อนเชิงระบบต่อแคมเปญ)",
        "zh": "流量计校准（每次监测的系统误差）",
        "my": "စီးဆင်းနှုန်းမီတာ ချိန်ညှိမှု (စောင့်ကြည့်မှုအကြိမ်တစ်ခုစီအတွက် စနစ်ကျ)",
        "km": "ការក្រិតតាមខ្នាតឧបករណ៍វាស់លំហូរ (ជាប្រព័ន្ធក្នុងវគ្គនីមួយៗ)",
    },
    "budget.term.excretion": {
        "en": "excretion fraction",
        "th": "สัดส่วนการขับถ่าย",
        "zh": "排泄率",
        "my": "စွန့်ထုတ်မှု အချိုး",
        "km": "សមាមាត្របញ្ចេញ",
    },
    "budget.term.stability": {
        "en": "in-sewer stability",
        "th": "ความเสถียรในท่อระบายน้ำ",
        "zh": "管网内稳定性",
        "my": "မိလ္လာပိုက်အတွင်း တည်ငြိမ်မှု",
        "km": "ស្ថិរភាពក្នុងលូ",
    },
    "budget.dominant": {
        "en": "The largest source of uncertainty is {term} ({share:.0%} of the variance).",
        "th": "แหล่งความไม่แน่นอนที่ใหญ่ที่สุดคือ{term} ({share:.0%} ของความแปรปรวน)",
        "zh": "最大的不确定性来源是{term}（占方差的 {share:.0%}）。",
        "my": "အကြီးဆုံး မသေချာမှု ရင်းမြစ်မှာ {term} ဖြစ်သည် (ကွဲလွဲမှု၏ {share:.0%})။",
        "km": "ប្រភពធំបំផុតនៃភាពមិនប្រាកដគឺ {term} ({share:.0%} នៃវ៉ារ្យង់)។",
    },
    # --- Monte Carlo and statistics ---------------------------------------------------
    "mc.bad_draws": {
        "en": "The number of draws must be at least {minimum}, got {value}.",
        "th": "จำนวนรอบการสุ่มต้องไม่น้อยกว่า {minimum} แต่ได้รับ {value}",
        "zh": "抽样次数至少为 {minimum}，实际为 {value}。",
        "my": "ကြိမ်ရေသည် အနည်းဆုံး {minimum} ဖြစ်ရမည်၊ {value} ကို ရရှိသည်။",
        "km": "ចំនួនដងត្រូវយ៉ាងហោចណាស់ {minimum} តែបានទទួល {value}។",
    },
    "mc.shape_mismatch": {
        "en": "{field} has {got} values; {expected} were expected.",
        "th": "{field} มี {got} ค่า แต่ควรมี {expected} ค่า",
        "zh": "{field} 有 {got} 个值，应为 {expected} 个。",
        "my": "{field} တွင် တန်ဖိုး {got} ခု ရှိသည်၊ {expected} ခု မျှော်လင့်ထားသည်။",
        "km": "{field} មាន {got} តម្លៃ; រំពឹង {expected}។",
    },
    "stats.too_few": {
        "en": "{method} needs at least {minimum} values, got {count}.",
        "th": "{method} ต้องการข้อมูลอย่างน้อย {minimum} ค่า แต่มีเพียง {count} ค่า",
        "zh": "{method} 至少需要 {minimum} 个数值，实际为 {count} 个。",
        "my": "{method} အတွက် တန်ဖိုး အနည်းဆုံး {minimum} ခု လိုအပ်သည်၊ {count} ခုသာ ရှိသည်။",
        "km": "{method} ត្រូវការយ៉ាងហោចណាស់ {minimum} តម្លៃ តែមានតែ {count}។",
    },
    # --- CSV batch input --------------------------------------------------------------
    "csv.file_missing": {
        "en": "Input file '{path}' was not found.",
        "th": "ไม่พบไฟล์ข้อมูลนำเข้า '{path}'",
        "zh": "未找到输入文件“{path}”。",
        "my": "ထည့်သွင်းဖိုင် '{path}' ကို မတွေ့ပါ။",
        "km": "រកមិនឃើញឯកសារបញ្ចូល '{path}' ទេ។",
    },
    "csv.unreadable": {
        "en": "Input file '{path}' could not be read as UTF-8 CSV: {detail}",
        "th": "ไม่สามารถอ่านไฟล์ '{path}' เป็น CSV แบบ UTF-8 ได้: {detail}",
        "zh": "无法将输入文件“{path}”读取为 UTF-8 编码的 CSV：{detail}",
        "my": "ထည့်သွင်းဖိုင် '{path}' ကို UTF-8 CSV အဖြစ် ဖတ်၍ မရပါ- {detail}",
        "km": "មិនអាចអានឯកសារបញ្ចូល '{path}' ជា CSV UTF-8 បានទេ៖ {detail}",
    },
    "csv.missing_columns": {
        "en": "The input file lacks required column(s): {columns}.",
        "th": "ไฟล์ข้อมูลนำเข้าขาดคอลัมน์ที่จำเป็น: {columns}",
        "zh": "输入文件缺少必需的列：{columns}。",
        "my": "ထည့်သွင်းဖိုင်တွင် လိုအပ်သော ကော်လံ(များ) မရှိပါ- {columns}။",
        "km": "ឯកសារបញ្ចូលខ្វះជួរឈរចាំបាច់៖ {columns}។",
    },
    "csv.empty": {
        "en": "The input file has no data rows.",
        "th": "ไฟล์ข้อมูลนำเข้าไม่มีแถวข้อมูล",
        "zh": "输入文件没有数据行。",
        "my": "ထည့်သွင်းဖိုင်တွင် ဒေတာအတန်း မရှိပါ။",
        "km": "ឯកសារបញ្ចូលគ្មានជួរទិន្នន័យទេ។",
    },
    "csv.bad_cell": {
        "en": "Row {row}, column '{column}': {problem}",
        "th": "แถวที่ {row} คอลัมน์ '{column}': {problem}",
        "zh": "第 {row} 行，“{column}”列：{problem}",
        "my": "အတန်း {row}၊ ကော်လံ '{column}': {problem}",
        "km": "ជួរ {row} ជួរឈរ '{column}': {problem}",
    },
    "csv.not_number": {
        "en": "'{value}' is not a number.",
        "th": "'{value}' ไม่ใช่ตัวเลข",
        "zh": "“{value}”不是数字。",
        "my": "'{value}' သည် ကိန်းဂဏန်း မဟုတ်ပါ။",
        "km": "'{value}' មិនមែនជាលេខទេ។",
    },
    "csv.bad_date": {
        "en": "'{value}' is not a date in the form YYYY-MM-DD.",
        "th": "'{value}' ไม่ใช่วันที่ในรูปแบบ YYYY-MM-DD (ปีคริสต์ศักราช)",
        "zh": "“{value}”不是 YYYY-MM-DD 格式的日期。",
        "my": "'{value}' သည် YYYY-MM-DD ပုံစံရှိ ရက်စွဲ မဟုတ်ပါ။",
        "km": "'{value}' មិនមែនជាកាលបរិច្ឆេទក្នុងទម្រង់ YYYY-MM-DD ទេ។",
    },
    "csv.bad_choice": {
        "en": "'{value}' is not one of: {allowed}.",
        "th": "'{value}' ไม่ใช่ค่าใดค่าหนึ่งต่อไปนี้: {allowed}",
        "zh": "“{value}”不是以下值之一：{allowed}。",
        "my": "'{value}' သည် အောက်ပါတို့အနက် တစ်ခု မဟုတ်ပါ- {allowed}။",
        "km": "'{value}' មិនមែនជាមួយក្នុងចំណោម៖ {allowed}។",
    },
    "csv.empty_cell": {
        "en": "the value is empty.",
        "th": "ไม่มีค่า",
        "zh": "值为空。",
        "my": "တန်ဖိုး ဗလာဖြစ်နေသည်။",
        "km": "តម្លៃទទេ។",
    },
    "cli.done": {
        "en": "Wrote {rows} result rows to {path} (parameter set {param_set}).",
        "th": "บันทึกผลลัพธ์ {rows} แถวลงใน {path} แล้ว (ชุดพารามิเตอร์ {param_set})",
        "zh": "已将 {rows} 行结果写入 {path}（参数集 {param_set}）。",
        "my": "ရလဒ်အတန်း {rows} တန်းကို {path} သို့ ရေးပြီး (ကန့်သတ်ချက်အစု {param_set})။",
        "km": "បានសរសេរជួរលទ្ធផល {rows} ទៅ {path} (សំណុំប៉ារ៉ាម៉ែត្រ {param_set})។",
    },
    "cli.bad_language": {
        "en": "Unknown language '{language}'. Use one of: {allowed}.",
        "th": "ไม่รู้จักภาษา '{language}' กรุณาใช้: {allowed}",
        "zh": "未知语言“{language}”。请使用：{allowed}。",
        "my": "မသိသော ဘာသာစကား '{language}'။ အောက်ပါတို့အနက် တစ်ခုကို သုံးပါ- {allowed}။",
        "km": "ភាសាមិនស្គាល់ '{language}'។ សូមប្រើមួយក្នុងចំណោម៖ {allowed}។",
    },
    "cli.write_failed": {
        "en": "Could not write '{path}': {detail}",
        "th": "ไม่สามารถเขียนไฟล์ '{path}': {detail}",
        "zh": "无法写入“{path}”：{detail}",
        "my": "'{path}' ကို ရေး၍ မရပါ- {detail}",
        "km": "មិនអាចសរសេរ '{path}' បានទេ៖ {detail}",
    },
}


# Lao and Vietnamese (issue 18), kept together here: code -> (lo, vi)
_MESSAGES_LO_VI: dict[str, tuple[str, str]] = {
    "unit.unknown_concentration": (
        "ບໍ່ຮູ້ຈັກຫົວໜ່ວຍຄວາມເຂັ້ມຂຸ້ນ '{unit}'. ໃຊ້ໜຶ່ງໃນ: {allowed}.",
        "Đơn vị nồng độ không xác định '{unit}'. Dùng một trong: {allowed}.",
    ),
    "unit.unknown_flow": (
        "ບໍ່ຮູ້ຈັກຫົວໜ່ວຍອັດຕາການໄຫຼ '{unit}'. ໃຊ້ໜຶ່ງໃນ: {allowed}.",
        "Đơn vị lưu lượng không xác định '{unit}'. Dùng một trong: {allowed}.",
    ),
    "value.not_finite": (
        "{field} ຕ້ອງເປັນຕົວເລກຈຳກັດ, ໄດ້ຮັບ '{value}'.",
        "{field} phải là số hữu hạn, nhận được '{value}'.",
    ),
    "value.negative": (
        "{field} ຕ້ອງບໍ່ຕິດລົບ, ໄດ້ຮັບ {value}.",
        "{field} không được âm, nhận được {value}.",
    ),
    "value.not_positive": (
        "{field} ຕ້ອງຫຼາຍກວ່າສູນ, ໄດ້ຮັບ {value}.",
        "{field} phải lớn hơn không, nhận được {value}.",
    ),
    "analyte.unknown": (
        "ບໍ່ຮູ້ຈັກສານທີ່ວິເຄາະ '{analyte}'. ຊຸດຄ່າພາຣາມິເຕີ '{param_set}' ຮູ້ຈັກ: {allowed}.",
        "Chất phân tích không xác định '{analyte}'. Bộ tham số '{param_set}' biết: {allowed}.",
    ),
    "analyte.load_only": (
        "{analyte}: ບໍ່ມີຄ່າປັດໄຈການຂັບຖ່າຍທີ່ຕົກລົງກັນ; ລາຍງານສະເພາະພາລະ.",
        "{analyte}: chưa có hệ số bài tiết được thống nhất; chỉ báo cáo tải lượng.",
    ),
    "censor.bad_flag": (
        "ບໍ່ຮູ້ຈັກເຄື່ອງໝາຍ censor '{flag}'. ໃຊ້ໜຶ່ງໃນ: {allowed}.",
        "Không nhận ra cờ kiểm duyệt '{flag}'. Dùng một trong: {allowed}.",
    ),
    "censor.missing_limit": (
        "ຄ່າທີ່ຕ່ຳກວ່າຂີດຈຳກັດຕ້ອງມີຂີດຈຳກັດນັ້ນ (LOQ ຫຼື LOD); ບໍ່ໄດ້ໃຫ້ມາ.",
        "Giá trị dưới giới hạn cần có chính giới hạn đó (LOQ hoặc LOD); không được cung cấp.",
    ),
    "params.file_missing": ("ບໍ່ພົບໄຟລ໌ຄ່າພາຣາມິເຕີ '{path}'.", "Không tìm thấy tệp tham số '{path}'."),
    "params.yaml_invalid": (
        "ໄຟລ໌ຄ່າພາຣາມິເຕີ '{path}' ບໍ່ແມ່ນ YAML ທີ່ຖືກຕ້ອງ: {detail}",
        "Tệp tham số '{path}' không phải YAML hợp lệ: {detail}",
    ),
    "params.missing_key": (
        "ຊຸດຄ່າພາຣາມິເຕີ: ຂາດ key ທີ່ຈຳເປັນ '{key}'.",
        "Bộ tham số: thiếu khóa bắt buộc '{key}'.",
    ),
    "params.bad_type": (
        "ຊຸດຄ່າພາຣາມິເຕີ: '{key}' ຕ້ອງເປັນ {expected}, ໄດ້ຮັບ '{value}'.",
        "Bộ tham số: '{key}' phải là {expected}, nhận được '{value}'.",
    ),
    "params.out_of_range": (
        "ຊຸດຄ່າພາຣາມິເຕີ: '{key}' = {value} ຢູ່ນອກຊ່ວງທີ່ອະນຸຍາດ {low} ຫາ {high}.",
        "Bộ tham số: '{key}' = {value} nằm ngoài khoảng cho phép {low} đến {high}.",
    ),
    "params.unknown_source": (
        "ຊຸດຄ່າພາຣາມິເຕີ: '{key}' ອ້າງແຫຼ່ງ '{source}', ທີ່ບໍ່ມີໃນ 'sources'.",
        "Bộ tham số: '{key}' dẫn nguồn '{source}', không có trong 'sources'.",
    ),
    "params.unknown_key": (
        "ຊຸດຄ່າພາຣາມິເຕີ: key '{key}' ບໍ່ແມ່ນສ່ວນໜຶ່ງຂອງຮູບແບບ (ອະນຸຍາດ: {allowed}).",
        "Bộ tham số: khóa '{key}' không thuộc định dạng (cho phép: {allowed}).",
    ),
    "params.unknown_builtin": (
        "ບໍ່ມີຊຸດຄ່າພາຣາມິເຕີໃນຕົວທີ່ຊື່ '{name}'. ຊຸດໃນຕົວ: {allowed}.",
        "Không có bộ tham số sẵn có tên '{name}'. Các bộ sẵn có: {allowed}.",
    ),
    "params.schema": (
        "ຊຸດຄ່າພາຣາມິເຕີ: 'schema' ຕ້ອງເປັນ '{expected}', ໄດ້ຮັບ '{value}'.",
        "Bộ tham số: 'schema' phải là '{expected}', nhận được '{value}'.",
    ),
    "population.unknown_marker": (
        "ບໍ່ມີຄ່າສຳປະສິດຕໍ່ຫົວຄົນສຳລັບຕົວຊີ້ວັດ '{marker}'. ຕົວຊີ້ວັດທີ່ຮູ້ຈັກ: {allowed}.",
        "Không có hệ số bình quân đầu người cho chất chỉ thị '{marker}'. Các chất chỉ thị đã biết: {allowed}.",
    ),
    "population.disagreement": (
        "ການຄາດຄະເນປະຊາກອນບໍ່ກົງກັນ: {method_a} ໃຫ້ {value_a:,.0f} ແລະ {method_b} ໃຫ້ {value_b:,.0f} (ຫ່າງກັນ {difference:.0%}, ຂີດຈຳກັດ {limit:.0%}).",
        "Các ước tính dân số không khớp: {method_a} cho {value_a:,.0f} và {method_b} cho {value_b:,.0f} (chênh {difference:.0%}, giới hạn {limit:.0%}).",
    ),
    "population.uncalibrated": (
        "ປະຊາກອນອີງໃສ່ພາລະ {marker} ຕໍ່ຫົວຄົນ {value:g} g/ວັນ, ຄ່າອອກແບບຈາກ {region} ທີ່ຍັງບໍ່ໄດ້ປັບທຽບສຳລັບ {country}; ໃຫ້ຖືເປັນຕົວເລກປະມານ ຈົນກວ່າຫ້ອງທົດລອງຈະປັບທຽບກັບຈຳນວນຈາກການສຳຫຼວດ ຫຼື ໂທລະສັບມືຖື.",
        "Dân số dựa trên tải lượng {marker} bình quân đầu người {value:g} g/ngày, một giá trị thiết kế của {region} chưa được hiệu chuẩn cho {country}; hãy coi đó là số ước lượng thô cho đến khi phòng thí nghiệm hiệu chuẩn theo số liệu điều tra dân số hoặc điện thoại di động.",
    ),
    "population.bad_calibration": ("ການປັບທຽບ {marker}: {detail}", "Hiệu chuẩn {marker}: {detail}"),
    "compare.mixed_sets": (
        "ການປຽບທຽບຕ້ອງໃຊ້ຊຸດຄ່າພາຣາມິເຕີດຽວ; ຮອບເຫຼົ່ານີ້ໃຊ້ຫຼາຍຊຸດ ({sets}). ເລືອກຊຸດດຽວ ແລະ ຄິດໄລ່ທັງໝົດໃໝ່ດ້ວຍມັນ.",
        "Một so sánh phải dùng một bộ tham số; các đợt này dùng nhiều bộ ({sets}). Hãy chọn một bộ và tính lại tất cả với bộ đó.",
    ),
    "flag.dumping": (
        "ອາດມີການຖິ້ມໂດຍກົງ: ອັດຕາສ່ວນ {parent}/{metabolite} {ratio:.2f} ເກີນ {threshold:.2f}; ການບໍລິໂພກ {parent} ບໍ່ໜ້າເຊື່ອຖືໃນວັນນີ້.",
        "Có thể đổ bỏ trực tiếp: tỷ lệ {parent}/{metabolite} {ratio:.2f} vượt {threshold:.2f}; mức tiêu thụ {parent} không đáng tin cậy trong ngày này.",
    ),
    "flag.amp_from_meth_all": (
        "AMP ທີ່ວັດໄດ້ທັງໝົດ ({amp:.1f} mg/ວັນ) ອະທິບາຍໄດ້ດ້ວຍການເຜົາຜານ METH (ຄາດໄວ້ {expected:.1f} mg/ວັນ); ລາຍງານການໃຊ້ AMP ເປັນສູນ.",
        "Toàn bộ AMP đo được ({amp:.1f} mg/ngày) có thể giải thích bằng chuyển hóa METH (dự kiến {expected:.1f} mg/ngày); việc sử dụng AMP được báo cáo là không.",
    ),
    "flag.licit_exceeds": (
        "{analyte} ທີ່ຖືກກົດໝາຍຈາກໃບສັ່ງຢາ ({licit:.1f} mg/ວັນ) ຢ່າງໜ້ອຍເທົ່າກັບພາລະທີ່ວັດໄດ້ ({measured:.1f} mg/ວັນ); ລາຍງານການໃຊ້ທີ່ຜິດກົດໝາຍເປັນສູນ.",
        "{analyte} hợp pháp theo đơn thuốc ({licit:.1f} mg/ngày) ít nhất bằng tải lượng đo được ({measured:.1f} mg/ngày); việc sử dụng trái phép được báo cáo là không.",
    ),
    "budget.term.analysis": ("ການວິເຄາະທາງເຄມີ", "phân tích hóa học"),
    "budget.term.sampling": ("ການເກັບຕົວຢ່າງ", "lấy mẫu"),
    "budget.term.flow": ("ການວັດອັດຕາການໄຫຼ", "đo lưu lượng"),
    "budget.term.censoring": ("ຄ່າທີ່ຕ່ຳກວ່າຂີດຈຳກັດການວັດປະລິມານ", "các giá trị dưới giới hạn định lượng"),
    "budget.term.population": ("ຂະໜາດປະຊາກອນ", "quy mô dân số"),
    "budget.term.population_method": (
        "ວິທີຄາດຄະເນປະຊາກອນ (ຮ່ວມກັນທຸກຈຸດ)",
        "phương pháp ước tính dân số (chung cho mọi điểm)",
    ),
    "budget.term.analysis_systematic": (
        "ການປັບທຽບຂອງຫ້ອງທົດລອງ (ເປັນລະບົບຕໍ່ຮອບ)",
        "hiệu chuẩn phòng thí nghiệm (hệ thống theo đợt)",
    ),
    "budget.term.flow_systematic": (
        "ການປັບທຽບເຄື່ອງວັດອັດຕາການໄຫຼ (ເປັນລະບົບຕໍ່ຮອບ)",
        "hiệu chuẩn đồng hồ lưu lượng (hệ thống theo đợt)",
    ),
    "budget.term.excretion": ("ສັດສ່ວນການຂັບຖ່າຍ", "tỷ lệ bài tiết"),
    "budget.term.stability": ("ຄວາມໝັ້ນຄົງໃນທໍ່ລະບາຍນ້ຳ", "độ ổn định trong cống"),
    "budget.dominant": (
        "ແຫຼ່ງຄວາມບໍ່ແນ່ນອນທີ່ໃຫຍ່ທີ່ສຸດແມ່ນ {term} ({share:.0%} ຂອງຄວາມແປປວນ).",
        "Nguồn độ không đảm bảo lớn nhất là {term} ({share:.0%} phương sai).",
    ),
    "mc.bad_draws": (
        "ຈຳນວນການສຸ່ມຕ້ອງຢ່າງໜ້ອຍ {minimum}, ໄດ້ຮັບ {value}.",
        "Số lần rút phải ít nhất là {minimum}, nhận được {value}.",
    ),
    "mc.shape_mismatch": (
        "{field} ມີ {got} ຄ່າ; ຄາດໄວ້ {expected}.",
        "{field} có {got} giá trị; dự kiến {expected}.",
    ),
    "stats.too_few": (
        "{method} ຕ້ອງມີຢ່າງໜ້ອຍ {minimum} ຄ່າ, ໄດ້ຮັບ {count}.",
        "{method} cần ít nhất {minimum} giá trị, nhận được {count}.",
    ),
    "csv.file_missing": ("ບໍ່ພົບໄຟລ໌ຂໍ້ມູນເຂົ້າ '{path}'.", "Không tìm thấy tệp đầu vào '{path}'."),
    "csv.unreadable": (
        "ອ່ານໄຟລ໌ຂໍ້ມູນເຂົ້າ '{path}' ເປັນ CSV UTF-8 ບໍ່ໄດ້: {detail}",
        "Không đọc được tệp đầu vào '{path}' dưới dạng CSV UTF-8: {detail}",
    ),
    "csv.missing_columns": (
        "ໄຟລ໌ຂໍ້ມູນເຂົ້າຂາດຖັນທີ່ຈຳເປັນ: {columns}.",
        "Tệp đầu vào thiếu cột bắt buộc: {columns}.",
    ),
    "csv.empty": ("ໄຟລ໌ຂໍ້ມູນເຂົ້າບໍ່ມີແຖວຂໍ້ມູນ.", "Tệp đầu vào không có dòng dữ liệu."),
    "csv.bad_cell": (
        "ແຖວ {row}, ຖັນ '{column}': {problem}",
        "Dòng {row}, cột '{column}': {problem}",
    ),
    "csv.not_number": ("'{value}' ບໍ່ແມ່ນຕົວເລກ.", "'{value}' không phải là số."),
    "csv.bad_date": (
        "'{value}' ບໍ່ແມ່ນວັນທີໃນຮູບແບບ YYYY-MM-DD.",
        "'{value}' không phải ngày dạng YYYY-MM-DD.",
    ),
    "csv.bad_choice": (
        "'{value}' ບໍ່ແມ່ນໜຶ່ງໃນ: {allowed}.",
        "'{value}' không phải một trong: {allowed}.",
    ),
    "csv.empty_cell": ("ຄ່າຫວ່າງເປົ່າ.", "giá trị để trống."),
    "cli.done": (
        "ຂຽນ {rows} ແຖວຜົນໄວ້ທີ່ {path} (ຊຸດຄ່າພາຣາມິເຕີ {param_set}).",
        "Đã ghi {rows} dòng kết quả vào {path} (bộ tham số {param_set}).",
    ),
    "cli.bad_language": (
        "ບໍ່ຮູ້ຈັກພາສາ '{language}'. ໃຊ້ໜຶ່ງໃນ: {allowed}.",
        "Ngôn ngữ không xác định '{language}'. Dùng một trong: {allowed}.",
    ),
    "cli.write_failed": ("ຂຽນ '{path}' ບໍ່ໄດ້: {detail}", "Không ghi được '{path}': {detail}"),
}
for _code, (_lo, _vi) in _MESSAGES_LO_VI.items():
    MESSAGES[_code].update(lo=_lo, vi=_vi)


def render(code: str, lang: str = "en", **fields: object) -> str:
    """Render message ``code`` in ``lang`` (one of ``LANGUAGES``), falling back to English."""
    templates = MESSAGES[code]
    template = templates.get(lang, templates["en"])
    return template.format(**fields)


def template_fields(template: str) -> frozenset[str]:
    """The field names a template uses (for the consistency test)."""
    return frozenset(
        name for _, name, _, _ in string.Formatter().parse(template) if name is not None
    )
