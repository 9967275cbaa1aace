"""Every human-readable text of the money-flow engine, in each of ``LANGUAGES``.

Problems with input files are identified by a stable code and rendered at the edge (CLI, API,
page) in the reader's language. Templates use ``str.format`` fields; a test checks that every
code has every language and that the templates of a code name the same fields.
"""

from __future__ import annotations

import string
from typing import Final

LANGUAGES: Final = ("en", "th", "zh", "my", "km", "lo", "vi")

MESSAGES: Final[dict[str, dict[str, str]]] = {
    # --- alert explanations (figures are formatted by the detector) -------------------
    "explain.structuring": {
        "en": "{events} cash amounts of {account} between {low} and {threshold} {currency} (rule {rule}: {source}) on {days} days within {hours} h; total {total}, on average {near} of the threshold. Score {score} = 0.4 count {count} + 0.4 closeness {closeness} + 0.2 days.",
        "th": "{account} มีรายการเงินสด {events} รายการ ระหว่าง {low} ถึง {threshold} {currency} (เกณฑ์ {rule}: {source}) ใน {days} วัน ภายใน {hours} ชั่วโมง รวม {total} เฉลี่ย {near} ของเกณฑ์ คะแนน {score} = 0.4 จำนวน {count} + 0.4 ความใกล้เกณฑ์ {closeness} + 0.2 จำนวนวัน",
        "zh": "{account} 有 {events} 笔现金交易，金额在 {low} 至 {threshold} {currency} 之间（规则 {rule}：{source}），分布在 {days} 天、{hours} 小时内；合计 {total}，平均为阈值的 {near}。评分 {score} = 0.4 笔数 {count} + 0.4 接近程度 {closeness} + 0.2 天数。",
        "my": "{account} ၏ ငွေသားပမာဏ {events} ခုသည် {low} နှင့် {threshold} {currency} ကြားတွင် ရှိသည် (စည်းမျဉ်း {rule}: {source})၊ {hours} နာရီအတွင်း {days} ရက်တွင်၊ စုစုပေါင်း {total}၊ ပျမ်းမျှ ကန့်သတ်ချက်၏ {near}။ ရမှတ် {score} = 0.4 အရေအတွက် {count} + 0.4 နီးကပ်မှု {closeness} + 0.2 ရက်။",
        "km": "ចំនួនសាច់ប្រាក់ {events} របស់ {account} នៅចន្លោះ {low} និង {threshold} {currency} (ច្បាប់ {rule}: {source}) ក្នុង {days} ថ្ងៃ ក្នុងរយៈពេល {hours} ម៉ោង; សរុប {total} ជាមធ្យម {near} នៃកម្រិត។ ពិន្ទុ {score} = 0.4 ចំនួន {count} + 0.4 ភាពជិត {closeness} + 0.2 ថ្ងៃ។",
    },
    "explain.pass_through": {
        "en": "{account} passed on {events} incoming payments ({passed}, {share} of all it received) within a median {hours} h, keeping at most {kept} of each. Score {score} = 0.3 share passed {share_part} + 0.2 count {count} + 0.2 speed {speed} + 0.3 amount {size}.",
        "th": "{account} ส่งต่อเงินเข้า {events} รายการ ({passed} หรือ {share} ของเงินที่ได้รับทั้งหมด) ภายในค่ามัธยฐาน {hours} ชั่วโมง เก็บไว้ไม่เกิน {kept} ของแต่ละรายการ คะแนน {score} = 0.3 สัดส่วนที่ส่งต่อ {share_part} + 0.2 จำนวน {count} + 0.2 ความเร็ว {speed} + 0.3 จำนวนเงิน {size}",
        "zh": "{account} 在中位数 {hours} 小时内转出了 {events} 笔入账（{passed}，占其全部收入的 {share}），每笔最多留存 {kept}。评分 {score} = 0.3 转出比例 {share_part} + 0.2 笔数 {count} + 0.2 速度 {speed} + 0.3 金额 {size}。",
        "my": "{account} သည် အလယ်ကိန်း {hours} နာရီအတွင်း ဝင်ငွေ {events} ခု ({passed}၊ ရရှိသမျှ၏ {share}) ကို ဆက်လွှဲခဲ့ပြီး တစ်ခုစီ၏ {kept} ထက် မပိုထားခဲ့သည်။ ရမှတ် {score} = 0.3 ဆက်လွှဲအချိုး {share_part} + 0.2 အရေအတွက် {count} + 0.2 မြန်နှုန်း {speed} + 0.3 ပမာဏ {size}။",
        "km": "{account} បានបញ្ជូនបន្តប្រាក់ចូល {events} ({passed} ឬ {share} នៃអ្វីដែលបានទទួលទាំងអស់) ក្នុងមេដ្យាន {hours} ម៉ោង ដោយរក្សាទុកយ៉ាងច្រើន {kept} នៃនីមួយៗ។ ពិន្ទុ {score} = 0.3 ចំណែកបញ្ជូនបន្ត {share_part} + 0.2 ចំនួន {count} + 0.2 ល្បឿន {speed} + 0.3 ចំនួនទឹកប្រាក់ {size}។",
    },
    "explain.cash_courier": {
        "en": "{trips} times cash withdrawn from {source} was deposited to {target} in another country ({countries}) within {hours} h; total {total} {currency}. Score {score} = 0.4 trips {count} + 0.4 just under a declaration threshold {near} + 0.2 speed.",
        "th": "มีการถอนเงินสดจาก {source} แล้วนำฝากเข้า {target} ในอีกประเทศหนึ่ง ({countries}) {trips} ครั้ง ภายใน {hours} ชั่วโมง รวม {total} {currency} คะแนน {score} = 0.4 จำนวนเที่ยว {count} + 0.4 ต่ำกว่าเกณฑ์สำแดงเล็กน้อย {near} + 0.2 ความเร็ว",
        "zh": "从 {source} 提取的现金有 {trips} 次在 {hours} 小时内存入另一国家（{countries}）的 {target}；合计 {total} {currency}。评分 {score} = 0.4 次数 {count} + 0.4 略低于申报阈值 {near} + 0.2 速度。",
        "my": "{source} မှ ထုတ်ယူသော ငွေသားကို {hours} နာရီအတွင်း အခြားနိုင်ငံ ({countries}) ရှိ {target} သို့ {trips} ကြိမ် အပ်နှံခဲ့သည်၊ စုစုပေါင်း {total} {currency}။ ရမှတ် {score} = 0.4 အကြိမ်ရေ {count} + 0.4 ကြေညာရမည့် ကန့်သတ်ချက်အောက် အနည်းငယ် {near} + 0.2 မြန်နှုန်း။",
        "km": "សាច់ប្រាក់ដែលដកពី {source} ត្រូវបានដាក់ចូល {target} នៅប្រទេសផ្សេង ({countries}) ចំនួន {trips} ដង ក្នុងរយៈពេល {hours} ម៉ោង; សរុប {total} {currency}។ ពិន្ទុ {score} = 0.4 ដំណើរ {count} + 0.4 ក្រោមកម្រិតប្រកាសបន្តិច {near} + 0.2 ល្បឿន។",
    },
    "explain.fan_out": {
        "en": "{account} paid {parties} accounts it had never dealt with, amounts {low}–{high} (total {total}), within {hours} h; {purity} of its new counterparties in that burst, {once} of them dealt with only once. Score {score} = 0.2 size {size} + 0.25 purity {purity_part} + 0.25 one-off {once_part} + 0.1 speed {speed} + 0.2 amount {value}.",
        "th": "{account} โอนเงินให้ {parties} บัญชีที่ไม่เคยติดต่อกันมาก่อน จำนวน {low}–{high} (รวม {total}) ภายใน {hours} ชั่วโมง คู่รายการใหม่ในช่วงนั้นคิดเป็น {purity} และ {once} ติดต่อกันเพียงครั้งเดียว คะแนน {score} = 0.2 ขนาด {size} + 0.25 ความใหม่ {purity_part} + 0.25 ครั้งเดียว {once_part} + 0.1 ความเร็ว {speed} + 0.2 จำนวนเงิน {value}",
        "zh": "{account} 在 {hours} 小时内向 {parties} 个从未往来的账户付款，金额 {low}–{high}（合计 {total}）；该时段内新对手方占 {purity}，其中 {once} 仅往来一次。评分 {score} = 0.2 规模 {size} + 0.25 新颖度 {purity_part} + 0.25 一次性 {once_part} + 0.1 速度 {speed} + 0.2 金额 {value}。",
        "my": "{account} သည် {hours} နာရီအတွင်း တစ်ခါမျှ မဆက်ဆံဖူးသော ငွေစာရင်း {parties} ခုထံ {low}–{high} (စုစုပေါင်း {total}) ငွေပေးခဲ့သည်၊ ထိုကာလအတွင်း အရောင်းအဝယ်ဖက်အသစ် {purity}၊ ယင်းအနက် {once} မှာ တစ်ကြိမ်သာ ဆက်ဆံခဲ့သည်။ ရမှတ် {score} = 0.2 အရွယ်အစား {size} + 0.25 အသစ်ဖြစ်မှု {purity_part} + 0.25 တစ်ကြိမ်တည်း {once_part} + 0.1 မြန်နှုန်း {speed} + 0.2 ငွေပမာဏ {value}။",
        "km": "{account} បានបង់ប្រាក់ទៅគណនី {parties} ដែលមិនធ្លាប់ទាក់ទង ចំនួន {low}–{high} (សរុប {total}) ក្នុងរយៈពេល {hours} ម៉ោង; ភាគីថ្មី {purity} ក្នុងដំណាក់កាលនោះ {once} ក្នុងចំណោមពួកគេទាក់ទងតែម្តង។ ពិន្ទុ {score} = 0.2 ទំហំ {size} + 0.25 ភាពថ្មី {purity_part} + 0.25 តែម្តង {once_part} + 0.1 ល្បឿន {speed} + 0.2 ចំនួនទឹកប្រាក់ {value}។",
    },
    "explain.fan_in": {
        "en": "{account} received from {parties} accounts it had never dealt with, amounts {low}–{high} (total {total}), within {hours} h; {purity} of its new counterparties in that burst, {once} of them dealt with only once. Score {score} = 0.2 size {size} + 0.25 purity {purity_part} + 0.25 one-off {once_part} + 0.1 speed {speed} + 0.2 amount {value}.",
        "th": "{account} ได้รับเงินจาก {parties} บัญชีที่ไม่เคยติดต่อกันมาก่อน จำนวน {low}–{high} (รวม {total}) ภายใน {hours} ชั่วโมง คู่รายการใหม่ในช่วงนั้นคิดเป็น {purity} และ {once} ติดต่อกันเพียงครั้งเดียว คะแนน {score} = 0.2 ขนาด {size} + 0.25 ความใหม่ {purity_part} + 0.25 ครั้งเดียว {once_part} + 0.1 ความเร็ว {speed} + 0.2 จำนวนเงิน {value}",
        "zh": "{account} 在 {hours} 小时内收到 {parties} 个从未往来的账户的款项，金额 {low}–{high}（合计 {total}）；该时段内新对手方占 {purity}，其中 {once} 仅往来一次。评分 {score} = 0.2 规模 {size} + 0.25 新颖度 {purity_part} + 0.25 一次性 {once_part} + 0.1 速度 {speed} + 0.2 金额 {value}。",
        "my": "{account} သည် {hours} နာရီအတွင်း တစ်ခါမျှ မဆက်ဆံဖူးသော ငွေစာရင်း {parties} ခုထံမှ {low}–{high} (စုစုပေါင်း {total}) ငွေလက်ခံခဲ့သည်၊ ထိုကာလအတွင်း အရောင်းအဝယ်ဖက်အသစ် {purity}၊ ယင်းအနက် {once} မှာ တစ်ကြိမ်သာ ဆက်ဆံခဲ့သည်။ ရမှတ် {score} = 0.2 အရွယ်အစား {size} + 0.25 အသစ်ဖြစ်မှု {purity_part} + 0.25 တစ်ကြိမ်တည်း {once_part} + 0.1 မြန်နှုန်း {speed} + 0.2 ငွေပမာဏ {value}။",
        "km": "{account} បានទទួលពីគណនី {parties} ដែលមិនធ្លាប់ទាក់ទង ចំនួន {low}–{high} (សរុប {total}) ក្នុងរយៈពេល {hours} ម៉ោង; ភាគីថ្មី {purity} ក្នុងដំណាក់កាលនោះ {once} ក្នុងចំណោមពួកគេទាក់ទងតែម្តង។ ពិន្ទុ {score} = 0.2 ទំហំ {size} + 0.25 ភាពថ្មី {purity_part} + 0.25 តែម្តង {once_part} + 0.1 ល្បឿន {speed} + 0.2 ចំនួនទឹកប្រាក់ {value}។",
    },
    "explain.scatter_gather": {
        "en": "{source} sent {sent} through {intermediaries} new intermediaries to {target}, which received {received} ({kept}) within {hours} h. Score {score} = 0.3 intermediaries {size} + 0.3 uniform amounts {even} + 0.2 speed {speed} + 0.2 kept {kept_part}.",
        "th": "{source} ส่งเงิน {sent} ผ่านบัญชีตัวกลางใหม่ {intermediaries} บัญชีไปยัง {target} ซึ่งได้รับ {received} ({kept}) ภายใน {hours} ชั่วโมง คะแนน {score} = 0.3 ตัวกลาง {size} + 0.3 จำนวนเงินสม่ำเสมอ {even} + 0.2 ความเร็ว {speed} + 0.2 สัดส่วนคงเหลือ {kept_part}",
        "zh": "{source} 经 {intermediaries} 个新中间账户向 {target} 汇出 {sent}，{target} 在 {hours} 小时内收到 {received}（{kept}）。评分 {score} = 0.3 中间账户 {size} + 0.3 金额均匀度 {even} + 0.2 速度 {speed} + 0.2 留存 {kept_part}。",
        "my": "{source} သည် ကြားခံအသစ် {intermediaries} ခုမှတစ်ဆင့် {target} ထံ {sent} ပို့ခဲ့ပြီး ၎င်းက {hours} နာရီအတွင်း {received} ({kept}) လက်ခံခဲ့သည်။ ရမှတ် {score} = 0.3 ကြားခံ {size} + 0.3 တူညီသော ပမာဏ {even} + 0.2 မြန်နှုန်း {speed} + 0.2 ထိန်းထား {kept_part}။",
        "km": "{source} បានផ្ញើ {sent} តាមរយៈអន្តរការីថ្មី {intermediaries} ទៅ {target} ដែលបានទទួល {received} ({kept}) ក្នុងរយៈពេល {hours} ម៉ោង។ ពិន្ទុ {score} = 0.3 អន្តរការី {size} + 0.3 ចំនួនស្មើគ្នា {even} + 0.2 ល្បឿន {speed} + 0.2 រក្សាទុក {kept_part}។",
    },
    "explain.gather_scatter": {
        "en": "{account} received {received} from {senders} new senders and paid {paid} ({kept}) to {receivers} new receivers within {hours} h. Score {score} = 0.3 size {size} + 0.3 uniform amounts {even} + 0.2 speed {speed} + 0.2 kept {kept_part}.",
        "th": "{account} ได้รับ {received} จากผู้โอนใหม่ {senders} ราย และโอนออก {paid} ({kept}) ให้ผู้รับใหม่ {receivers} ราย ภายใน {hours} ชั่วโมง คะแนน {score} = 0.3 ขนาด {size} + 0.3 จำนวนเงินสม่ำเสมอ {even} + 0.2 ความเร็ว {speed} + 0.2 สัดส่วนคงเหลือ {kept_part}",
        "zh": "{account} 在 {hours} 小时内从 {senders} 个新汇款人收到 {received}，并向 {receivers} 个新收款人付出 {paid}（{kept}）。评分 {score} = 0.3 规模 {size} + 0.3 金额均匀度 {even} + 0.2 速度 {speed} + 0.2 留存 {kept_part}。",
        "my": "{account} သည် {hours} နာရီအတွင်း ပေးပို့သူအသစ် {senders} ဦးထံမှ {received} လက်ခံပြီး လက်ခံသူအသစ် {receivers} ဦးထံ {paid} ({kept}) ပေးခဲ့သည်။ ရမှတ် {score} = 0.3 အရွယ်အစား {size} + 0.3 တူညီသော ပမာဏ {even} + 0.2 မြန်နှုန်း {speed} + 0.2 ထိန်းထား {kept_part}။",
        "km": "{account} បានទទួល {received} ពីអ្នកផ្ញើថ្មី {senders} និងបានបង់ {paid} ({kept}) ទៅអ្នកទទួលថ្មី {receivers} ក្នុងរយៈពេល {hours} ម៉ោង។ ពិន្ទុ {score} = 0.3 ទំហំ {size} + 0.3 ចំនួនស្មើគ្នា {even} + 0.2 ល្បឿន {speed} + 0.2 រក្សាទុក {kept_part}។",
    },
    "explain.layers": {
        "en": "Layered flow: {senders} senders → {intermediaries} intermediaries ({names}) → {receivers} receivers, all new counterparties; {total_in} in, {total_out} out within {hours} h. Score {score} = 0.4 layer size {size} + 0.3 uniform amounts {even} + 0.3 speed {speed}.",
        "th": "การไหลเป็นชั้น: ผู้โอน {senders} ราย → ตัวกลาง {intermediaries} ราย ({names}) → ผู้รับ {receivers} ราย ล้วนเป็นคู่รายการใหม่ เงินเข้า {total_in} ออก {total_out} ภายใน {hours} ชั่วโมง คะแนน {score} = 0.4 ขนาดชั้น {size} + 0.3 จำนวนเงินสม่ำเสมอ {even} + 0.3 ความเร็ว {speed}",
        "zh": "分层资金流：{senders} 个汇款人 → {intermediaries} 个中间账户（{names}）→ {receivers} 个收款人，均为新对手方；{hours} 小时内流入 {total_in}，流出 {total_out}。评分 {score} = 0.4 层规模 {size} + 0.3 金额均匀度 {even} + 0.3 速度 {speed}。",
        "my": "အလွှာလိုက် စီးဆင်းမှု- ပေးပို့သူ {senders} ဦး → ကြားခံ {intermediaries} ခု ({names}) → လက်ခံသူ {receivers} ဦး၊ အားလုံး အရောင်းအဝယ်ဖက်အသစ်များ၊ {hours} နာရီအတွင်း {total_in} ဝင်၊ {total_out} ထွက်။ ရမှတ် {score} = 0.4 အလွှာအရွယ် {size} + 0.3 တူညီသော ပမာဏ {even} + 0.3 မြန်နှုန်း {speed}။",
        "km": "លំហូរជាស្រទាប់៖ អ្នកផ្ញើ {senders} → អន្តរការី {intermediaries} ({names}) → អ្នកទទួល {receivers} សុទ្ធតែជាភាគីថ្មី; ចូល {total_in} ចេញ {total_out} ក្នុងរយៈពេល {hours} ម៉ោង។ ពិន្ទុ {score} = 0.4 ទំហំស្រទាប់ {size} + 0.3 ចំនួនស្មើគ្នា {even} + 0.3 ល្បឿន {speed}។",
    },
    "explain.bipartite": {
        "en": "{senders} senders newly paid the same {receivers} receivers ({density} of all pairs) within {hours} h; total {total}. Score {score} = 0.2 size {size} + 0.2 density {density_part} + 0.25 uniform amounts {even} + 0.25 one-off {once} + 0.1 speed.",
        "th": "ผู้โอน {senders} รายเริ่มโอนเงินให้ผู้รับกลุ่มเดียวกัน {receivers} ราย ({density} ของคู่ทั้งหมด) ภายใน {hours} ชั่วโมง รวม {total} คะแนน {score} = 0.2 ขนาด {size} + 0.2 ความหนาแน่น {density_part} + 0.25 จำนวนเงินสม่ำเสมอ {even} + 0.25 ครั้งเดียว {once} + 0.1 ความเร็ว",
        "zh": "{senders} 个汇款人在 {hours} 小时内新向同一组 {receivers} 个收款人付款（占全部配对的 {density}）；合计 {total}。评分 {score} = 0.2 规模 {size} + 0.2 密度 {density_part} + 0.25 金额均匀度 {even} + 0.25 一次性 {once} + 0.1 速度。",
        "my": "ပေးပို့သူ {senders} ဦးက {hours} နာရီအတွင်း တူညီသော လက်ခံသူ {receivers} ဦးထံ အသစ် ငွေပေးခဲ့သည် (အတွဲအားလုံး၏ {density})၊ စုစုပေါင်း {total}။ ရမှတ် {score} = 0.2 အရွယ်အစား {size} + 0.2 သိပ်သည်းမှု {density_part} + 0.25 တူညီသော ပမာဏ {even} + 0.25 တစ်ကြိမ်တည်း {once} + 0.1 မြန်နှုန်း။",
        "km": "អ្នកផ្ញើ {senders} ទើបបង់ប្រាក់ទៅអ្នកទទួលដូចគ្នា {receivers} ({density} នៃគូទាំងអស់) ក្នុងរយៈពេល {hours} ម៉ោង; សរុប {total}។ ពិន្ទុ {score} = 0.2 ទំហំ {size} + 0.2 ដង់ស៊ីតេ {density_part} + 0.25 ចំនួនស្មើគ្នា {even} + 0.25 តែម្តង {once} + 0.1 ល្បឿន។",
    },
    "explain.cycle": {
        "en": "Money left {account} and came back after {hops} hops through new counterparties in {hours} h: {first} out, {last} back ({kept}). Score {score} = 0.3 hops + 0.4 kept {kept_part} + 0.3 speed {speed}.",
        "th": "เงินออกจาก {account} และวนกลับมาหลังผ่านคู่รายการใหม่ {hops} ทอด ภายใน {hours} ชั่วโมง ออก {first} กลับ {last} ({kept}) คะแนน {score} = 0.3 จำนวนทอด + 0.4 สัดส่วนคงเหลือ {kept_part} + 0.3 ความเร็ว {speed}",
        "zh": "资金从 {account} 流出，经 {hops} 跳新对手方后在 {hours} 小时内回流：流出 {first}，回流 {last}（{kept}）。评分 {score} = 0.3 跳数 + 0.4 留存 {kept_part} + 0.3 速度 {speed}。",
        "my": "ငွေသည် {account} မှ ထွက်ပြီး {hours} နာရီအတွင်း အရောင်းအဝယ်ဖက်အသစ်များမှတစ်ဆင့် {hops} ဆင့်အကြာ ပြန်ရောက်လာသည်- {first} ထွက်၊ {last} ပြန် ({kept})။ ရမှတ် {score} = 0.3 အဆင့် + 0.4 ထိန်းထား {kept_part} + 0.3 မြန်နှုန်း {speed}။",
        "km": "ប្រាក់បានចេញពី {account} ហើយត្រឡប់មកវិញក្រោយ {hops} ជំហានតាមរយៈភាគីថ្មី ក្នុងរយៈពេល {hours} ម៉ោង៖ ចេញ {first} ត្រឡប់ {last} ({kept})។ ពិន្ទុ {score} = 0.3 ជំហាន + 0.4 រក្សាទុក {kept_part} + 0.3 ល្បឿន {speed}។",
    },
    "explain.chain": {
        "en": "Layering chain of {hops} hops through new counterparties from {source} to {target} in {hours} h: {first} in, {last} at the end ({kept}). Score {score} = 0.4 hops + 0.3 kept {kept_part} + 0.3 speed {speed}.",
        "th": "สายโซ่การโอนเป็นชั้น {hops} ทอดผ่านคู่รายการใหม่ จาก {source} ถึง {target} ภายใน {hours} ชั่วโมง เข้า {first} ถึงปลายทาง {last} ({kept}) คะแนน {score} = 0.4 จำนวนทอด + 0.3 สัดส่วนคงเหลือ {kept_part} + 0.3 ความเร็ว {speed}",
        "zh": "{hops} 跳的分层链条，经新对手方从 {source} 到 {target}，历时 {hours} 小时：流入 {first}，末端 {last}（{kept}）。评分 {score} = 0.4 跳数 + 0.3 留存 {kept_part} + 0.3 速度 {speed}。",
        "my": "{hours} နာရီအတွင်း {source} မှ {target} သို့ အရောင်းအဝယ်ဖက်အသစ်များမှတစ်ဆင့် {hops} ဆင့်ရှိ အလွှာလိုက် ကွင်းဆက်- {first} ဝင်၊ အဆုံးတွင် {last} ({kept})။ ရမှတ် {score} = 0.4 အဆင့် + 0.3 ထိန်းထား {kept_part} + 0.3 မြန်နှုန်း {speed}။",
        "km": "ខ្សែសង្វាក់ស្រទាប់ {hops} ជំហានតាមរយៈភាគីថ្មី ពី {source} ទៅ {target} ក្នុងរយៈពេល {hours} ម៉ោង៖ ចូល {first} នៅចុងបញ្ចប់ {last} ({kept})។ ពិន្ទុ {score} = 0.4 ជំហាន + 0.3 រក្សាទុក {kept_part} + 0.3 ល្បឿន {speed}។",
    },
    # --- files and columns ------------------------------------------------------------
    "file.missing": {
        "en": "The file {path} does not exist.",
        "th": "ไม่พบไฟล์ {path}",
        "zh": "文件 {path} 不存在。",
        "my": "ဖိုင် {path} မရှိပါ။",
        "km": "ឯកសារ {path} មិនមានទេ។",
    },
    "file.format": {
        "en": "{path}: the format could not be recognised ({problem}). Use CSV, xlsx, Parquet or goAML XML.",
        "th": "{path}: ไม่รู้จักรูปแบบไฟล์ ({problem}) กรุณาใช้ CSV, xlsx, Parquet หรือ goAML XML",
        "zh": "{path}：无法识别文件格式（{problem}）。请使用 CSV、xlsx、Parquet 或 goAML XML。",
        "my": "{path}: ပုံစံကို မသိရှိနိုင်ပါ ({problem})။ CSV, xlsx, Parquet သို့မဟုတ် goAML XML ကို သုံးပါ။",
        "km": "{path}: មិនអាចស្គាល់ទម្រង់បានទេ ({problem})។ សូមប្រើ CSV, xlsx, Parquet ឬ goAML XML។",
    },
    "file.too_large": {
        "en": "{path}: the file holds more than {limit} rows; split it or raise the limit.",
        "th": "{path}: ไฟล์มีมากกว่า {limit} แถว กรุณาแบ่งไฟล์หรือเพิ่มขีดจำกัด",
        "zh": "{path}：文件超过 {limit} 行；请拆分文件或提高上限。",
        "my": "{path}: ဖိုင်တွင် အတန်း {limit} ထက် ပိုရှိသည်၊ ခွဲပါ သို့မဟုတ် ကန့်သတ်ချက်ကို မြှင့်ပါ။",
        "km": "{path}: ឯកសារមានច្រើនជាង {limit} ជួរ; សូមបំបែកវា ឬបង្កើនកម្រិត។",
    },
    "file.unreadable": {
        "en": "{path}: the file could not be read: {problem}",
        "th": "{path}: อ่านไฟล์ไม่ได้: {problem}",
        "zh": "{path}：无法读取文件：{problem}",
        "my": "{path}: ဖိုင်ကို ဖတ်၍ မရပါ- {problem}",
        "km": "{path}: មិនអាចអានឯកសារបានទេ៖ {problem}",
    },
    "columns.missing": {
        "en": "{path}: required columns are missing: {columns}. The file has: {present}.",
        "th": "{path}: ไม่มีคอลัมน์ที่จำเป็น: {columns} คอลัมน์ที่มีในไฟล์: {present}",
        "zh": "{path}：缺少必需的列：{columns}。文件中的列为：{present}。",
        "my": "{path}: လိုအပ်သော ကော်လံများ မရှိပါ- {columns}။ ဖိုင်တွင် ရှိသည်- {present}။",
        "km": "{path}: ខ្វះជួរឈរចាំបាច់៖ {columns}។ ឯកសារមាន៖ {present}។",
    },
    "mapping.invalid": {
        "en": "Column mapping {path}: {problem}",
        "th": "ไฟล์จับคู่คอลัมน์ {path}: {problem}",
        "zh": "列映射文件 {path}：{problem}",
        "my": "ကော်လံ တွဲဖက်မှု {path}: {problem}",
        "km": "ការផ្គូផ្គងជួរឈរ {path}: {problem}",
    },
    "mapping.unknown_field": {
        "en": "Column mapping {path}: '{field}' is not a transaction field. Known fields: {known}.",
        "th": "ไฟล์จับคู่คอลัมน์ {path}: '{field}' ไม่ใช่ฟิลด์ของธุรกรรม ฟิลด์ที่รู้จัก: {known}",
        "zh": "列映射文件 {path}：“{field}”不是交易字段。已知字段：{known}。",
        "my": "ကော်လံ တွဲဖက်မှု {path}: '{field}' သည် ငွေပေးငွေယူ အကွက် မဟုတ်ပါ။ သိရှိထားသော အကွက်များ- {known}။",
        "km": "ការផ្គូផ្គងជួរឈរ {path}: '{field}' មិនមែនជាវាលប្រតិបត្តិការទេ។ វាលដែលស្គាល់៖ {known}។",
    },
    "mapping.missing_column": {
        "en": "Column mapping {path}: field '{field}' is mapped to column '{column}', which the file does not have. The file has: {present}.",
        "th": "ไฟล์จับคู่คอลัมน์ {path}: ฟิลด์ '{field}' จับคู่กับคอลัมน์ '{column}' ซึ่งไม่มีในไฟล์ คอลัมน์ที่มีในไฟล์: {present}",
        "zh": "列映射文件 {path}：字段“{field}”映射到列“{column}”，但文件中没有该列。文件中的列为：{present}。",
        "my": "ကော်လံ တွဲဖက်မှု {path}: အကွက် '{field}' ကို ဖိုင်တွင် မရှိသော ကော်လံ '{column}' နှင့် တွဲထားသည်။ ဖိုင်တွင် ရှိသည်- {present}။",
        "km": "ការផ្គូផ្គងជួរឈរ {path}: វាល '{field}' ត្រូវបានផ្គូផ្គងទៅជួរឈរ '{column}' ដែលឯកសារមិនមាន។ ឯកសារមាន៖ {present}។",
    },
    "fx.invalid": {
        "en": "Exchange-rate file {path}, row {row}: {problem}",
        "th": "ไฟล์อัตราแลกเปลี่ยน {path} แถว {row}: {problem}",
        "zh": "汇率文件 {path} 第 {row} 行：{problem}",
        "my": "ငွေလဲနှုန်း ဖိုင် {path}၊ အတန်း {row}: {problem}",
        "km": "ឯកសារអត្រាប្តូរប្រាក់ {path} ជួរ {row}: {problem}",
    },
    "goaml.invalid": {
        "en": "goAML file {path}, line {line}: {problem}",
        "th": "ไฟล์ goAML {path} บรรทัด {line}: {problem}",
        "zh": "goAML 文件 {path} 第 {line} 行：{problem}",
        "my": "goAML ဖိုင် {path}၊ စာကြောင်း {line}: {problem}",
        "km": "ឯកសារ goAML {path} បន្ទាត់ {line}: {problem}",
    },
    "goaml.entities": {
        "en": "goAML file {path}: a DOCTYPE or entity declaration is not allowed (refused for safety).",
        "th": "ไฟล์ goAML {path}: ไม่อนุญาตให้มี DOCTYPE หรือการประกาศ entity (ปฏิเสธเพื่อความปลอดภัย)",
        "zh": "goAML 文件 {path}：不允许 DOCTYPE 或实体声明（出于安全原因拒绝）。",
        "my": "goAML ဖိုင် {path}: DOCTYPE သို့မဟုတ် entity ကြေညာချက်ကို ခွင့်မပြုပါ (လုံခြုံရေးအတွက် ငြင်းပယ်သည်)။",
        "km": "ឯកសារ goAML {path}: មិនអនុញ្ញាត DOCTYPE ឬការប្រកាស entity ទេ (បដិសេធដើម្បីសុវត្ថិភាព)។",
    },
    "load.nothing": {
        "en": "{path}: no valid transaction remained; {rejected} rows were rejected.",
        "th": "{path}: ไม่มีธุรกรรมที่ใช้ได้เหลืออยู่ ถูกปฏิเสธ {rejected} แถว",
        "zh": "{path}：没有剩余的有效交易；{rejected} 行被拒绝。",
        "my": "{path}: မှန်ကန်သော ငွေပေးငွေယူ တစ်ခုမျှ မကျန်ပါ၊ အတန်း {rejected} တန်းကို ပယ်ချခဲ့သည်။",
        "km": "{path}: គ្មានប្រតិបត្តិការត្រឹមត្រូវនៅសល់ទេ; {rejected} ជួរត្រូវបានច្រានចោល។",
    },
    # --- rejected rows ----------------------------------------------------------------
    "row.rejected": {
        "en": "row {row}, {field}: {problem}",
        "th": "แถว {row}, {field}: {problem}",
        "zh": "第 {row} 行，{field}：{problem}",
        "my": "အတန်း {row}၊ {field}: {problem}",
        "km": "ជួរ {row}, {field}: {problem}",
    },
    "row.more": {
        "en": "… and {count} more rejected rows",
        "th": "… และแถวที่ถูกปฏิเสธอีก {count} แถว",
        "zh": "……另有 {count} 行被拒绝",
        "my": "… နောက်ထပ် ပယ်ချခံရသော အတန်း {count} တန်း",
        "km": "… និងជួរដែលត្រូវបានច្រានចោល {count} ទៀត",
    },
    "value.empty": {
        "en": "empty",
        "th": "ว่างเปล่า",
        "zh": "为空",
        "my": "ဗလာ",
        "km": "ទទេ",
    },
    "value.not_number": {
        "en": "'{value}' is not a number",
        "th": "'{value}' ไม่ใช่ตัวเลข",
        "zh": "“{value}”不是数字",
        "my": "'{value}' သည် ကိန်းဂဏန်း မဟုတ်ပါ",
        "km": "'{value}' មិនមែនជាលេខទេ",
    },
    "value.not_positive": {
        "en": "{value} is not a positive amount",
        "th": "{value} ไม่ใช่จำนวนเงินที่มากกว่าศูนย์",
        "zh": "{value} 不是正数金额",
        "my": "{value} သည် အပေါင်း ငွေပမာဏ မဟုတ်ပါ",
        "km": "{value} មិនមែនជាចំនួនទឹកប្រាក់វិជ្ជមានទេ",
    },
    "value.not_time": {
        "en": "'{value}' is not an ISO 8601 date and time",
        "th": "'{value}' ไม่ใช่วันที่และเวลาตาม ISO 8601",
        "zh": "“{value}”不是 ISO 8601 日期时间",
        "my": "'{value}' သည် ISO 8601 ရက်စွဲနှင့် အချိန် မဟုတ်ပါ",
        "km": "'{value}' មិនមែនជាកាលបរិច្ឆេទ និងពេលវេលា ISO 8601 ទេ",
    },
    "value.no_zone": {
        "en": "'{value}' has no time zone and the mapping names none",
        "th": "'{value}' ไม่มีเขตเวลา และไฟล์จับคู่คอลัมน์ไม่ได้ระบุเขตเวลา",
        "zh": "“{value}”没有时区，且列映射未指定时区",
        "my": "'{value}' တွင် အချိန်ဇုန် မပါဘဲ တွဲဖက်မှုတွင်လည်း ဖော်ပြမထားပါ",
        "km": "'{value}' គ្មានតំបន់ពេលវេលា ហើយការផ្គូផ្គងក៏មិនបញ្ជាក់ដែរ",
    },
    "value.currency": {
        "en": "'{value}' is not an ISO 4217 currency code",
        "th": "'{value}' ไม่ใช่รหัสสกุลเงินตาม ISO 4217",
        "zh": "“{value}”不是 ISO 4217 货币代码",
        "my": "'{value}' သည် ISO 4217 ငွေကြေးကုဒ် မဟုတ်ပါ",
        "km": "'{value}' មិនមែនជាលេខកូដរូបិយប័ណ្ណ ISO 4217 ទេ",
    },
    "value.no_rate": {
        "en": "no exchange rate from {currency} to {base} on or before {date}",
        "th": "ไม่มีอัตราแลกเปลี่ยนจาก {currency} เป็น {base} ณ วันที่ {date} หรือก่อนหน้า",
        "zh": "没有 {date} 当日或之前 {currency} 兑 {base} 的汇率",
        "my": "{date} သို့မဟုတ် ယင်းမတိုင်မီ {currency} မှ {base} သို့ ငွေလဲနှုန်း မရှိပါ",
        "km": "គ្មានអត្រាប្តូរប្រាក់ពី {currency} ទៅ {base} នៅ ឬមុនថ្ងៃ {date} ទេ",
    },
    "value.channel": {
        "en": "'{value}' is not a channel; use one of: {allowed}",
        "th": "'{value}' ไม่ใช่ช่องทางที่รู้จัก กรุณาใช้: {allowed}",
        "zh": "“{value}”不是有效渠道；请使用：{allowed}",
        "my": "'{value}' သည် လမ်းကြောင်း မဟုတ်ပါ၊ အောက်ပါတို့အနက် တစ်ခုကို သုံးပါ- {allowed}",
        "km": "'{value}' មិនមែនជាបណ្តាញទេ; សូមប្រើមួយក្នុងចំណោម៖ {allowed}",
    },
    "value.country": {
        "en": "'{value}' is not an ISO 3166 two-letter country code",
        "th": "'{value}' ไม่ใช่รหัสประเทศสองตัวอักษรตาม ISO 3166",
        "zh": "“{value}”不是 ISO 3166 两位国家代码",
        "my": "'{value}' သည် ISO 3166 စာလုံးနှစ်လုံး နိုင်ငံကုဒ် မဟုတ်ပါ",
        "km": "'{value}' មិនមែនជាលេខកូដប្រទេស ISO 3166 ពីរអក្សរទេ",
    },
    "value.duplicate": {
        "en": "transaction id '{value}' appears more than once",
        "th": "รหัสธุรกรรม '{value}' ปรากฏมากกว่าหนึ่งครั้ง",
        "zh": "交易编号“{value}”出现了不止一次",
        "my": "ငွေပေးငွေယူ id '{value}' သည် တစ်ကြိမ်ထက် ပိုပါနေသည်",
        "km": "លេខសម្គាល់ប្រតិបត្តិការ '{value}' លេចឡើងច្រើនជាងម្តង",
    },
    "value.same_account": {
        "en": "the sending and receiving account are the same",
        "th": "บัญชีผู้โอนและบัญชีผู้รับเป็นบัญชีเดียวกัน",
        "zh": "付款账户与收款账户相同",
        "my": "ပေးပို့သည့်နှင့် လက်ခံသည့် ငွေစာရင်း တူညီနေသည်",
        "km": "គណនីផ្ញើ និងគណនីទទួលដូចគ្នា",
    },
    # --- tracing ----------------------------------------------------------------------
    "trace.unknown_account": {
        "en": "Account '{account}' does not appear in the transactions.",
        "th": "ไม่พบบัญชี '{account}' ในธุรกรรม",
        "zh": "交易中没有账户“{account}”。",
        "my": "ငွေစာရင်း '{account}' သည် ငွေပေးငွေယူများတွင် မပါပါ။",
        "km": "គណនី '{account}' មិនមាននៅក្នុងប្រតិបត្តិការទេ។",
    },
    "trace.unknown_transaction": {
        "en": "Transaction '{transaction}' does not appear in the file.",
        "th": "ไม่พบธุรกรรม '{transaction}' ในไฟล์",
        "zh": "文件中没有交易“{transaction}”。",
        "my": "ငွေပေးငွေယူ '{transaction}' သည် ဖိုင်တွင် မပါပါ။",
        "km": "ប្រតិបត្តិការ '{transaction}' មិនមាននៅក្នុងឯកសារទេ។",
    },
    "trace.method": {
        "en": "'{method}' is not a tracing method; use one of: {allowed}.",
        "th": "'{method}' ไม่ใช่วิธีติดตามเส้นทางเงิน กรุณาใช้: {allowed}",
        "zh": "“{method}”不是资金追踪方法；请使用：{allowed}。",
        "my": "'{method}' သည် ခြေရာခံနည်းလမ်း မဟုတ်ပါ၊ အောက်ပါတို့အနက် တစ်ခုကို သုံးပါ- {allowed}။",
        "km": "'{method}' មិនមែនជាវិធីតាមដានទេ; សូមប្រើមួយក្នុងចំណោម៖ {allowed}។",
    },
    "trace.backward_libr": {
        "en": "The lowest intermediate balance rule traces forward only; backward, use fifo, lifo, pro_rata or poison.",
        "th": "หลักยอดคงเหลือต่ำสุดระหว่างทาง (LIBR) ใช้ติดตามไปข้างหน้าเท่านั้น สำหรับการติดตามย้อนกลับ กรุณาใช้ fifo, lifo, pro_rata หรือ poison",
        "zh": "最低中间余额规则（LIBR）只能向前追踪；向后追踪请使用 fifo、lifo、pro_rata 或 poison。",
        "my": "အနိမ့်ဆုံး ကြားလက်ကျန် စည်းမျဉ်းသည် ရှေ့သို့သာ ခြေရာခံသည်၊ နောက်ပြန်အတွက် fifo, lifo, pro_rata သို့မဟုတ် poison ကို သုံးပါ။",
        "km": "ច្បាប់សមតុល្យកណ្តាលទាបបំផុតតាមដានតែទៅមុខប៉ុណ្ណោះ; សម្រាប់ថយក្រោយ សូមប្រើ fifo, lifo, pro_rata ឬ poison។",
    },
    # --- engine -------------------------------------------------------------------------
    "engine.unknown": {
        "en": "'{engine}' is not an engine; use duckdb or spark.",
        "th": "'{engine}' ไม่ใช่เอนจินที่รองรับ กรุณาใช้ duckdb หรือ spark",
        "zh": "“{engine}”不是受支持的引擎；请使用 duckdb 或 spark。",
        "my": "'{engine}' သည် engine မဟုတ်ပါ၊ duckdb သို့မဟုတ် spark ကို သုံးပါ။",
        "km": "'{engine}' មិនមែនជាម៉ាស៊ីនគណនាទេ; សូមប្រើ duckdb ឬ spark។",
    },
    "engine.spark_missing": {
        "en": "The Spark engine needs pyspark and a Java runtime: {problem}",
        "th": "เอนจิน Spark ต้องใช้ pyspark และ Java runtime: {problem}",
        "zh": "Spark 引擎需要 pyspark 和 Java 运行环境：{problem}",
        "my": "Spark engine အတွက် pyspark နှင့် Java runtime လိုအပ်သည်- {problem}",
        "km": "ម៉ាស៊ីន Spark ត្រូវការ pyspark និង Java runtime៖ {problem}",
    },
}


# Lao and Vietnamese (issue 18), kept together here: code -> (lo, vi)
_MESSAGES_LO_VI: dict[str, tuple[str, str]] = {
    "explain.structuring": (
        "{events} ຈຳນວນເງິນສົດຂອງ {account} ລະຫວ່າງ {low} ແລະ {threshold} {currency} (ກົດ {rule}: {source}) ໃນ {days} ວັນ ພາຍໃນ {hours} ຊມ; ລວມ {total}, ສະເລ່ຍ {near} ຂອງເກນ. ຄະແນນ {score} = 0.4 ຈຳນວນ {count} + 0.4 ຄວາມໃກ້ {closeness} + 0.2 ວັນ.",
        "{events} khoản tiền mặt của {account} từ {low} đến {threshold} {currency} (quy tắc {rule}: {source}) trong {days} ngày trong vòng {hours} giờ; tổng {total}, trung bình bằng {near} ngưỡng. Điểm {score} = 0.4 số lần {count} + 0.4 độ sát {closeness} + 0.2 số ngày.",
    ),
    "explain.pass_through": (
        "{account} ໂອນຕໍ່ {events} ການຈ່າຍເຂົ້າ ({passed}, {share} ຂອງທັງໝົດທີ່ໄດ້ຮັບ) ພາຍໃນຄ່າກາງ {hours} ຊມ, ເກັບໄວ້ບໍ່ເກີນ {kept} ຂອງແຕ່ລະຄັ້ງ. ຄະແນນ {score} = 0.3 ສ່ວນທີ່ໂອນຕໍ່ {share_part} + 0.2 ຈຳນວນ {count} + 0.2 ຄວາມໄວ {speed} + 0.3 ຈຳນວນເງິນ {size}.",
        "{account} đã chuyển tiếp {events} khoản nhận ({passed}, {share} tổng số nhận) trong trung vị {hours} giờ, giữ lại tối đa {kept} mỗi khoản. Điểm {score} = 0.3 tỷ lệ chuyển tiếp {share_part} + 0.2 số lần {count} + 0.2 tốc độ {speed} + 0.3 số tiền {size}.",
    ),
    "explain.cash_courier": (
        "{trips} ຄັ້ງ ເງິນສົດທີ່ຖອນຈາກ {source} ຖືກຝາກເຂົ້າ {target} ໃນອີກປະເທດ ({countries}) ພາຍໃນ {hours} ຊມ; ລວມ {total} {currency}. ຄະແນນ {score} = 0.4 ຖ້ຽວ {count} + 0.4 ຕ່ຳກວ່າເກນການແຈ້ງພຽງເລັກນ້ອຍ {near} + 0.2 ຄວາມໄວ.",
        "{trips} lần tiền mặt rút từ {source} được gửi vào {target} ở nước khác ({countries}) trong vòng {hours} giờ; tổng {total} {currency}. Điểm {score} = 0.4 số chuyến {count} + 0.4 ngay dưới ngưỡng khai báo {near} + 0.2 tốc độ.",
    ),
    "explain.fan_out": (
        "{account} ຈ່າຍໃຫ້ {parties} ບັນຊີທີ່ບໍ່ເຄີຍຕິດຕໍ່ມາກ່ອນ, ຈຳນວນ {low}–{high} (ລວມ {total}), ພາຍໃນ {hours} ຊມ; {purity} ຂອງຄູ່ທຸລະກຳໃໝ່ໃນຊ່ວງນັ້ນ, {once} ໃນນັ້ນຕິດຕໍ່ພຽງຄັ້ງດຽວ. ຄະແນນ {score} = 0.2 ຂະໜາດ {size} + 0.25 ຄວາມບໍລິສຸດ {purity_part} + 0.25 ຄັ້ງດຽວ {once_part} + 0.1 ຄວາມໄວ {speed} + 0.2 ຈຳນວນເງິນ {value}.",
        "{account} đã trả cho {parties} tài khoản chưa từng giao dịch, số tiền {low}–{high} (tổng {total}), trong vòng {hours} giờ; {purity} đối tác mới trong đợt đó, {once} trong số đó chỉ giao dịch một lần. Điểm {score} = 0.2 quy mô {size} + 0.25 độ thuần {purity_part} + 0.25 một lần {once_part} + 0.1 tốc độ {speed} + 0.2 số tiền {value}.",
    ),
    "explain.fan_in": (
        "{account} ໄດ້ຮັບຈາກ {parties} ບັນຊີທີ່ບໍ່ເຄີຍຕິດຕໍ່ມາກ່ອນ, ຈຳນວນ {low}–{high} (ລວມ {total}), ພາຍໃນ {hours} ຊມ; {purity} ຂອງຄູ່ທຸລະກຳໃໝ່ໃນຊ່ວງນັ້ນ, {once} ໃນນັ້ນຕິດຕໍ່ພຽງຄັ້ງດຽວ. ຄະແນນ {score} = 0.2 ຂະໜາດ {size} + 0.25 ຄວາມບໍລິສຸດ {purity_part} + 0.25 ຄັ້ງດຽວ {once_part} + 0.1 ຄວາມໄວ {speed} + 0.2 ຈຳນວນເງິນ {value}.",
        "{account} đã nhận từ {parties} tài khoản chưa từng giao dịch, số tiền {low}–{high} (tổng {total}), trong vòng {hours} giờ; {purity} đối tác mới trong đợt đó, {once} trong số đó chỉ giao dịch một lần. Điểm {score} = 0.2 quy mô {size} + 0.25 độ thuần {purity_part} + 0.25 một lần {once_part} + 0.1 tốc độ {speed} + 0.2 số tiền {value}.",
    ),
    "explain.scatter_gather": (
        "{source} ສົ່ງ {sent} ຜ່ານຕົວກາງໃໝ່ {intermediaries} ໄປຫາ {target}, ເຊິ່ງໄດ້ຮັບ {received} ({kept}) ພາຍໃນ {hours} ຊມ. ຄະແນນ {score} = 0.3 ຕົວກາງ {size} + 0.3 ຈຳນວນເງິນສະໝ່ຳສະເໝີ {even} + 0.2 ຄວາມໄວ {speed} + 0.2 ເກັບໄວ້ {kept_part}.",
        "{source} đã gửi {sent} qua {intermediaries} trung gian mới tới {target}, tài khoản này nhận {received} ({kept}) trong vòng {hours} giờ. Điểm {score} = 0.3 số trung gian {size} + 0.3 số tiền đồng đều {even} + 0.2 tốc độ {speed} + 0.2 giữ lại {kept_part}.",
    ),
    "explain.gather_scatter": (
        "{account} ໄດ້ຮັບ {received} ຈາກຜູ້ສົ່ງໃໝ່ {senders} ແລະ ຈ່າຍ {paid} ({kept}) ໃຫ້ຜູ້ຮັບໃໝ່ {receivers} ພາຍໃນ {hours} ຊມ. ຄະແນນ {score} = 0.3 ຂະໜາດ {size} + 0.3 ຈຳນວນເງິນສະໝ່ຳສະເໝີ {even} + 0.2 ຄວາມໄວ {speed} + 0.2 ເກັບໄວ້ {kept_part}.",
        "{account} đã nhận {received} từ {senders} người gửi mới và trả {paid} ({kept}) cho {receivers} người nhận mới trong vòng {hours} giờ. Điểm {score} = 0.3 quy mô {size} + 0.3 số tiền đồng đều {even} + 0.2 tốc độ {speed} + 0.2 giữ lại {kept_part}.",
    ),
    "explain.layers": (
        "ການໄຫຼເປັນຊັ້ນ: ຜູ້ສົ່ງ {senders} → ຕົວກາງ {intermediaries} ({names}) → ຜູ້ຮັບ {receivers}, ທັງໝົດເປັນຄູ່ທຸລະກຳໃໝ່; ເຂົ້າ {total_in}, ອອກ {total_out} ພາຍໃນ {hours} ຊມ. ຄະແນນ {score} = 0.4 ຂະໜາດຊັ້ນ {size} + 0.3 ຈຳນວນເງິນສະໝ່ຳສະເໝີ {even} + 0.3 ຄວາມໄວ {speed}.",
        "Dòng tiền phân lớp: {senders} người gửi → {intermediaries} trung gian ({names}) → {receivers} người nhận, đều là đối tác mới; vào {total_in}, ra {total_out} trong vòng {hours} giờ. Điểm {score} = 0.4 quy mô lớp {size} + 0.3 số tiền đồng đều {even} + 0.3 tốc độ {speed}.",
    ),
    "explain.bipartite": (
        "ຜູ້ສົ່ງ {senders} ເລີ່ມຈ່າຍໃຫ້ຜູ້ຮັບ {receivers} ກຸ່ມດຽວກັນ ({density} ຂອງທຸກຄູ່) ພາຍໃນ {hours} ຊມ; ລວມ {total}. ຄະແນນ {score} = 0.2 ຂະໜາດ {size} + 0.2 ຄວາມໜາແໜ້ນ {density_part} + 0.25 ຈຳນວນເງິນສະໝ່ຳສະເໝີ {even} + 0.25 ຄັ້ງດຽວ {once} + 0.1 ຄວາມໄວ.",
        "{senders} người gửi mới trả cho cùng {receivers} người nhận ({density} của mọi cặp) trong vòng {hours} giờ; tổng {total}. Điểm {score} = 0.2 quy mô {size} + 0.2 mật độ {density_part} + 0.25 số tiền đồng đều {even} + 0.25 một lần {once} + 0.1 tốc độ.",
    ),
    "explain.cycle": (
        "ເງິນອອກຈາກ {account} ແລະ ກັບຄືນຫຼັງຈາກ {hops} ຂັ້ນ ຜ່ານຄູ່ທຸລະກຳໃໝ່ໃນ {hours} ຊມ: ອອກ {first}, ກັບ {last} ({kept}). ຄະແນນ {score} = 0.3 ຂັ້ນ + 0.4 ເກັບໄວ້ {kept_part} + 0.3 ຄວາມໄວ {speed}.",
        "Tiền rời {account} và quay về sau {hops} bước qua các đối tác mới trong {hours} giờ: ra {first}, về {last} ({kept}). Điểm {score} = 0.3 số bước + 0.4 giữ lại {kept_part} + 0.3 tốc độ {speed}.",
    ),
    "explain.chain": (
        "ສາຍການແບ່ງຊັ້ນ {hops} ຂັ້ນ ຜ່ານຄູ່ທຸລະກຳໃໝ່ຈາກ {source} ຫາ {target} ໃນ {hours} ຊມ: ເຂົ້າ {first}, ທ້າຍສຸດ {last} ({kept}). ຄະແນນ {score} = 0.4 ຂັ້ນ + 0.3 ເກັບໄວ້ {kept_part} + 0.3 ຄວາມໄວ {speed}.",
        "Chuỗi phân lớp {hops} bước qua các đối tác mới từ {source} đến {target} trong {hours} giờ: vào {first}, cuối chuỗi {last} ({kept}). Điểm {score} = 0.4 số bước + 0.3 giữ lại {kept_part} + 0.3 tốc độ {speed}.",
    ),
    "file.missing": ("ໄຟລ໌ {path} ບໍ່ມີ.", "Tệp {path} không tồn tại."),
    "file.format": (
        "{path}: ບໍ່ຮູ້ຈັກຮູບແບບ ({problem}). ໃຊ້ CSV, xlsx, Parquet ຫຼື goAML XML.",
        "{path}: không nhận ra định dạng ({problem}). Dùng CSV, xlsx, Parquet hoặc goAML XML.",
    ),
    "file.too_large": (
        "{path}: ໄຟລ໌ມີຫຼາຍກວ່າ {limit} ແຖວ; ແບ່ງມັນ ຫຼື ເພີ່ມຂີດຈຳກັດ.",
        "{path}: tệp có hơn {limit} dòng; hãy tách tệp hoặc nâng giới hạn.",
    ),
    "file.unreadable": ("{path}: ອ່ານໄຟລ໌ບໍ່ໄດ້: {problem}", "{path}: không đọc được tệp: {problem}"),
    "columns.missing": (
        "{path}: ຂາດຖັນທີ່ຈຳເປັນ: {columns}. ໄຟລ໌ມີ: {present}.",
        "{path}: thiếu các cột bắt buộc: {columns}. Tệp có: {present}.",
    ),
    "mapping.invalid": ("ການຈັບຄູ່ຖັນ {path}: {problem}", "Ánh xạ cột {path}: {problem}"),
    "mapping.unknown_field": (
        "ການຈັບຄູ່ຖັນ {path}: '{field}' ບໍ່ແມ່ນຊ່ອງຂອງທຸລະກຳ. ຊ່ອງທີ່ຮູ້ຈັກ: {known}.",
        "Ánh xạ cột {path}: '{field}' không phải trường giao dịch. Các trường đã biết: {known}.",
    ),
    "mapping.missing_column": (
        "ການຈັບຄູ່ຖັນ {path}: ຊ່ອງ '{field}' ຈັບຄູ່ກັບຖັນ '{column}', ທີ່ໄຟລ໌ບໍ່ມີ. ໄຟລ໌ມີ: {present}.",
        "Ánh xạ cột {path}: trường '{field}' được ánh xạ tới cột '{column}', mà tệp không có. Tệp có: {present}.",
    ),
    "fx.invalid": (
        "ໄຟລ໌ອັດຕາແລກປ່ຽນ {path}, ແຖວ {row}: {problem}",
        "Tệp tỷ giá {path}, dòng {row}: {problem}",
    ),
    "goaml.invalid": (
        "ໄຟລ໌ goAML {path}, ແຖວ {line}: {problem}",
        "Tệp goAML {path}, dòng {line}: {problem}",
    ),
    "goaml.entities": (
        "ໄຟລ໌ goAML {path}: ບໍ່ອະນຸຍາດການປະກາດ DOCTYPE ຫຼື entity (ປະຕິເສດເພື່ອຄວາມປອດໄພ).",
        "Tệp goAML {path}: không cho phép khai báo DOCTYPE hoặc entity (từ chối vì an toàn).",
    ),
    "load.nothing": (
        "{path}: ບໍ່ເຫຼືອທຸລະກຳທີ່ຖືກຕ້ອງ; {rejected} ແຖວຖືກປະຕິເສດ.",
        "{path}: không còn giao dịch hợp lệ nào; {rejected} dòng bị từ chối.",
    ),
    "row.rejected": ("ແຖວ {row}, {field}: {problem}", "dòng {row}, {field}: {problem}"),
    "row.more": ("… ແລະ ອີກ {count} ແຖວທີ່ຖືກປະຕິເສດ", "… và {count} dòng bị từ chối khác"),
    "value.empty": ("ຫວ່າງເປົ່າ", "trống"),
    "value.not_number": ("'{value}' ບໍ່ແມ່ນຕົວເລກ", "'{value}' không phải là số"),
    "value.not_positive": ("{value} ບໍ່ແມ່ນຈຳນວນເງິນບວກ", "{value} không phải số tiền dương"),
    "value.not_time": (
        "'{value}' ບໍ່ແມ່ນວັນທີ ແລະ ເວລາ ISO 8601",
        "'{value}' không phải ngày giờ ISO 8601",
    ),
    "value.no_zone": (
        "'{value}' ບໍ່ມີເຂດເວລາ ແລະ ການຈັບຄູ່ກໍບໍ່ໄດ້ລະບຸ",
        "'{value}' không có múi giờ và ánh xạ cũng không nêu",
    ),
    "value.currency": (
        "'{value}' ບໍ່ແມ່ນລະຫັດສະກຸນເງິນ ISO 4217",
        "'{value}' không phải mã tiền tệ ISO 4217",
    ),
    "value.no_rate": (
        "ບໍ່ມີອັດຕາແລກປ່ຽນຈາກ {currency} ເປັນ {base} ໃນ ຫຼື ກ່ອນ {date}",
        "không có tỷ giá từ {currency} sang {base} vào hoặc trước {date}",
    ),
    "value.channel": (
        "'{value}' ບໍ່ແມ່ນຊ່ອງທາງ; ໃຊ້ໜຶ່ງໃນ: {allowed}",
        "'{value}' không phải kênh; dùng một trong: {allowed}",
    ),
    "value.country": (
        "'{value}' ບໍ່ແມ່ນລະຫັດປະເທດ ISO 3166 ສອງຕົວອັກສອນ",
        "'{value}' không phải mã quốc gia ISO 3166 hai chữ cái",
    ),
    "value.duplicate": (
        "ເລກທຸລະກຳ '{value}' ປາກົດຫຼາຍກວ່າໜຶ່ງຄັ້ງ",
        "mã giao dịch '{value}' xuất hiện nhiều hơn một lần",
    ),
    "value.same_account": ("ບັນຊີສົ່ງ ແລະ ບັນຊີຮັບແມ່ນອັນດຽວກັນ", "tài khoản gửi và tài khoản nhận là một"),
    "trace.unknown_account": (
        "ບັນຊີ '{account}' ບໍ່ປາກົດໃນທຸລະກຳ.",
        "Tài khoản '{account}' không có trong các giao dịch.",
    ),
    "trace.unknown_transaction": (
        "ທຸລະກຳ '{transaction}' ບໍ່ປາກົດໃນໄຟລ໌.",
        "Giao dịch '{transaction}' không có trong tệp.",
    ),
    "trace.method": (
        "'{method}' ບໍ່ແມ່ນວິທີຕິດຕາມ; ໃຊ້ໜຶ່ງໃນ: {allowed}.",
        "'{method}' không phải phương pháp truy vết; dùng một trong: {allowed}.",
    ),
    "trace.backward_libr": (
        "ກົດຍອດເງິນຂັ້ນກາງຕ່ຳສຸດຕິດຕາມໄປໜ້າເທົ່ານັ້ນ; ຍ້ອນຫຼັງ ໃຫ້ໃຊ້ fifo, lifo, pro_rata ຫຼື poison.",
        "Quy tắc số dư trung gian thấp nhất chỉ truy vết xuôi; để truy ngược, dùng fifo, lifo, pro_rata hoặc poison.",
    ),
    "engine.unknown": (
        "'{engine}' ບໍ່ແມ່ນເຄື່ອງມືຄິດໄລ່; ໃຊ້ duckdb ຫຼື spark.",
        "'{engine}' không phải bộ máy tính toán; dùng duckdb hoặc spark.",
    ),
    "engine.spark_missing": (
        "ເຄື່ອງມື Spark ຕ້ອງມີ pyspark ແລະ Java runtime: {problem}",
        "Bộ máy Spark cần pyspark và môi trường chạy Java: {problem}",
    ),
}
for _code, (_lo, _vi) in _MESSAGES_LO_VI.items():
    MESSAGES[_code].update(lo=_lo, vi=_vi)


def fields_of(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def render(code: str, lang: str = "en", **params: object) -> str:
    """The message ``code`` in ``lang`` (th, zh or en; anything else is English)."""
    texts = MESSAGES[code]
    return texts.get(lang if lang in LANGUAGES else "en", texts["en"]).format(**params)
