"""The demo meetings' texts in Lao, Burmese, Khmer and Vietnamese, by their English wording in
``demo.py`` (English -> (lo, my, km, vi)).

These are this project's translations of the demo content, made from the English and Thai
wording of the sources cited in ``demo.py``; none is an official text of the meetings, and each
country's officers are asked to review them (as the partners' names in
``accounts/data/mekong_partners.yaml``). Agency and drug-control terms follow the glossaries in
``docs/glossary/`` (lo, my, km, vi). Personal names are given in Lao and Vietnamese writing
only; in Burmese and Khmer they are shown in English, marked, until a native transcription is
checked."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str, str, str]] = {
    # series
    "Thai–Chinese bilateral meeting on cooperation in drug prevention and suppression": (
        "ກອງປະຊຸມສອງຝ່າຍ ໄທ - ຈີນ ກ່ຽວກັບການຮ່ວມມືປ້ອງກັນ ແລະ ປາບປາມຢາເສບຕິດ",
        "မူးယစ်ဆေးဝါး တားဆီးနှိမ်နင်းရေး ပူးပေါင်းဆောင်ရွက်မှုဆိုင်ရာ ထိုင်း-တရုတ် နှစ်နိုင်ငံ အစည်းအဝေး",
        "កិច្ចប្រជុំទ្វេភាគីថៃ-ចិន ស្តីពីកិច្ចសហប្រតិបត្តិការបង្ការ និងបង្ក្រាបគ្រឿងញៀន",
        "Hội nghị song phương Thái Lan – Trung Quốc về hợp tác phòng, chống ma túy",
    ),
    "Safe Mekong ministerial meeting": (
        "ກອງປະຊຸມລະດັບລັດຖະມົນຕີ ແມ່ນ້ຳຂອງປອດໄພ",
        "ဘေးကင်းသော မဲခေါင် ဝန်ကြီးအဆင့် အစည်းအဝေး",
        "កិច្ចប្រជុំថ្នាក់រដ្ឋមន្ត្រី មេគង្គសុវត្ថិភាព",
        "Hội nghị cấp Bộ trưởng Mê Kông An toàn",
    ),
    # places
    "Phuket": ("ພູເກັດ", "ဖူးခက်", "ភូកេត", "Phuket"),
    "Pullman King Power hotel, Bangkok": (
        "ໂຮງແຮມພູນແມນ ຄິງ ພາວເວີ, ບາງກອກ",
        "ပူးလ်မင်း ကင်းပါဝါ ဟိုတယ်၊ ဘန်ကောက်",
        "សណ្ឋាគារ Pullman King Power ទីក្រុងបាងកក",
        "Khách sạn Pullman King Power, Băng Cốc",
    ),
    "Harbin, Heilongjiang": (
        "ຮາບິນ, ແຂວງເຮີຍລົງຈຽງ",
        "ဟာဘင်၊ ဟေးလုံကျန်း",
        "ហាប៊ីន ខេត្តហេឡុងជាំង",
        "Cáp Nhĩ Tân, Hắc Long Giang",
    ),
    # delegates
    "Mr Thanakorn Kaiyanan": ("ທ່ານ ທະນາກອນ ໄຄຍະນັນ", "", "", "Ông Thanakorn Kaiyanan"),
    "Mr Lan Weihong": ("ທ່ານ ຫຼານ ເວີຍຫົງ", "", "", "Ông Lan Vệ Hồng"),
    "Mr Niyom Termsrisuk": ("ທ່ານ ນິຍົມ ເຕີມສີສຸກ", "", "", "Ông Niyom Termsrisuk"),
    "Mr Wei Xiaojun": ("ທ່ານ ເວີຍ ສຽວຈຸນ", "", "", "Ông Ngụy Hiểu Quân"),
    "Pol.Lt.Gen. Phanurat Lukboon": (
        "ພົນຕຳຫຼວດໂທ ພານຸຣັດ ຫຼັກບຸນ",
        "",
        "",
        "Trung tướng Cảnh sát Phanurat Lukboon",
    ),
    "Adviser on Drug Prevention and Suppression, ONCB": (
        "ທີ່ປຶກສາດ້ານການປ້ອງກັນ ແລະ ປາບປາມຢາເສບຕິດ, ONCB",
        "မူးယစ်ဆေးဝါး တားဆီးနှိမ်နင်းရေး အကြံပေး၊ ONCB",
        "ទីប្រឹក្សាផ្នែកបង្ការ និងបង្ក្រាបគ្រឿងញៀន ONCB",
        "Cố vấn về phòng, chống ma túy, ONCB",
    ),
    "Deputy Secretary-General, National Narcotics Control Commission; Deputy Director-General, Narcotics Control Bureau, Ministry of Public Security": (
        "ຮອງເລຂາທິການ ຄະນະກຳມາທິການຄວບຄຸມຢາເສບຕິດແຫ່ງຊາດ; ຮອງຫົວໜ້າກົມຄວບຄຸມຢາເສບຕິດ, ກະຊວງປ້ອງກັນຄວາມສະຫງົບສາທາລະນະ",
        "အမျိုးသား မူးယစ်ဆေးဝါး ထိန်းချုပ်ရေး ကော်မရှင် ဒုတိယ အတွင်းရေးမှူးချုပ်၊ ပြည်သူ့လုံခြုံရေး ဝန်ကြီးဌာန မူးယစ်ဆေးဝါး ထိန်းချုပ်ရေး ဗျူရို ဒုတိယ ညွှန်ကြားရေးမှူးချုပ်",
        "អគ្គលេខាធិការរង គណៈកម្មការជាតិគ្រប់គ្រងគ្រឿងញៀន; អគ្គនាយករង ការិយាល័យគ្រប់គ្រងគ្រឿងញៀន ក្រសួងសន្តិសុខសាធារណៈ",
        "Phó Tổng Thư ký Ủy ban Kiểm soát Ma túy Quốc gia; Phó Cục trưởng Cục Kiểm soát Ma túy, Bộ Công an",
    ),
    "Secretary-General, ONCB": (
        "ເລຂາທິການ, ONCB",
        "အတွင်းရေးမှူးချုပ်၊ ONCB",
        "អគ្គលេខាធិការ ONCB",
        "Tổng Thư ký, ONCB",
    ),
    "Executive Deputy Director, National Narcotics Control Office; Director-General, Narcotics Control Bureau, Ministry of Public Security": (
        "ຮອງຫົວໜ້າປະຈຳການ ຫ້ອງການຄວບຄຸມຢາເສບຕິດແຫ່ງຊາດ; ຫົວໜ້າກົມຄວບຄຸມຢາເສບຕິດ, ກະຊວງປ້ອງກັນຄວາມສະຫງົບສາທາລະນະ",
        "အမျိုးသား မူးယစ်ဆေးဝါး ထိန်းချုပ်ရေး ရုံး အမြဲတမ်း ဒုတိယ ညွှန်ကြားရေးမှူး၊ ပြည်သူ့လုံခြုံရေး ဝန်ကြီးဌာန မူးယစ်ဆေးဝါး ထိန်းချုပ်ရေး ဗျူရို ညွှန်ကြားရေးမှူးချုပ်",
        "នាយករងប្រចាំការ ការិយាល័យជាតិគ្រប់គ្រងគ្រឿងញៀន; អគ្គនាយក ការិយាល័យគ្រប់គ្រងគ្រឿងញៀន ក្រសួងសន្តិសុខសាធារណៈ",
        "Phó Chủ nhiệm Thường trực Văn phòng Kiểm soát Ma túy Quốc gia; Cục trưởng Cục Kiểm soát Ma túy, Bộ Công an",
    ),
    # agenda items and summaries
    "Drug situation and trends": (
        "ສະພາບການ ແລະ ແນວໂນ້ມຢາເສບຕິດ",
        "မူးယစ်ဆေးဝါး အခြေအနေနှင့် လမ်းကြောင်း",
        "ស្ថានភាព និងនិន្នាការគ្រឿងញៀន",
        "Tình hình và xu hướng ma túy",
    ),
    "Exchange of in-depth information on transnational traffickers": (
        "ການແລກປ່ຽນຂໍ້ມູນເລິກເຊິ່ງກ່ຽວກັບຜູ້ຄ້າຢາເສບຕິດຂ້າມຊາດ",
        "နိုင်ငံဖြတ်ကျော် မူးယစ်ဆေးဝါး ရောင်းဝယ်သူများဆိုင်ရာ အသေးစိတ် သတင်းအချက်အလက် ဖလှယ်ခြင်း",
        "ការផ្លាស់ប្តូរព័ត៌មានស៊ីជម្រៅអំពីអ្នកជួញដូរគ្រឿងញៀនឆ្លងដែន",
        "Trao đổi thông tin chuyên sâu về các đối tượng buôn bán ma túy xuyên quốc gia",
    ),
    "Future cooperation": (
        "ການຮ່ວມມືໃນອະນາຄົດ",
        "အနာဂတ် ပူးပေါင်းဆောင်ရွက်မှု",
        "កិច្ចសហប្រតិបត្តិការនាពេលអនាគត",
        "Hợp tác trong tương lai",
    ),
    "The drug situation in Thailand and the People's Republic of China": (
        "ສະພາບການຢາເສບຕິດໃນປະເທດໄທ ແລະ ສາທາລະນະລັດປະຊາຊົນຈີນ",
        "ထိုင်းနိုင်ငံနှင့် တရုတ်ပြည်သူ့သမ္မတနိုင်ငံရှိ မူးယစ်ဆေးဝါး အခြေအနေ",
        "ស្ថានភាពគ្រឿងញៀននៅប្រទេសថៃ និងសាធារណរដ្ឋប្រជាមានិតចិន",
        "Tình hình ma túy tại Thái Lan và Cộng hòa Nhân dân Trung Hoa",
    ),
    "The meeting took note of the drug situation in Thailand and in the People's Republic of China.": (
        "ກອງປະຊຸມໄດ້ຮັບຊາບສະພາບການຢາເສບຕິດໃນປະເທດໄທ ແລະ ໃນສາທາລະນະລັດປະຊາຊົນຈີນ.",
        "အစည်းအဝေးသည် ထိုင်းနိုင်ငံနှင့် တရုတ်ပြည်သူ့သမ္မတနိုင်ငံရှိ မူးယစ်ဆေးဝါး အခြေအနေကို မှတ်သားခဲ့သည်။",
        "អង្គប្រជុំបានកត់សម្គាល់ស្ថានភាពគ្រឿងញៀននៅប្រទេសថៃ និងនៅសាធារណរដ្ឋប្រជាមានិតចិន។",
        "Hội nghị đã ghi nhận tình hình ma túy tại Thái Lan và tại Cộng hòa Nhân dân Trung Hoa.",
    ),
    "Progress report on carrying out the resolutions of the 18th meeting": (
        "ບົດລາຍງານຄວາມຄືບໜ້າການປະຕິບັດມະຕິກອງປະຊຸມຄັ້ງທີ 18",
        "၁၈ ကြိမ်မြောက် အစည်းအဝေး ဆုံးဖြတ်ချက်များ အကောင်အထည်ဖော်မှု တိုးတက်မှု အစီရင်ခံစာ",
        "របាយការណ៍វឌ្ឍនភាពនៃការអនុវត្តសេចក្តីសម្រេចនៃកិច្ចប្រជុំលើកទី ១៨",
        "Báo cáo tiến độ thực hiện các nghị quyết của Hội nghị lần thứ 18",
    ),
    "The meeting took note of the progress report on carrying out the resolutions of the 18th meeting.": (
        "ກອງປະຊຸມໄດ້ຮັບຊາບບົດລາຍງານຄວາມຄືບໜ້າການປະຕິບັດມະຕິກອງປະຊຸມຄັ້ງທີ 18.",
        "အစည်းအဝေးသည် ၁၈ ကြိမ်မြောက် အစည်းအဝေး ဆုံးဖြတ်ချက်များ အကောင်အထည်ဖော်မှု တိုးတက်မှု အစီရင်ခံစာကို မှတ်သားခဲ့သည်။",
        "អង្គប្រជុំបានកត់សម្គាល់របាយការណ៍វឌ្ឍនភាពនៃការអនុវត្តសេចក្តីសម្រេចនៃកិច្ចប្រជុំលើកទី ១៨។",
        "Hội nghị đã ghi nhận báo cáo tiến độ thực hiện các nghị quyết của Hội nghị lần thứ 18.",
    ),
    "Raising future cooperation against drugs": (
        "ການຍົກລະດັບການຮ່ວມມືຕ້ານຢາເສບຕິດໃນອະນາຄົດ",
        "မူးယစ်ဆေးဝါး တိုက်ဖျက်ရေး အနာဂတ် ပူးပေါင်းဆောင်ရွက်မှုကို မြှင့်တင်ခြင်း",
        "ការលើកកម្ពស់កិច្ចសហប្រតិបត្តិការប្រឆាំងគ្រឿងញៀននាពេលអនាគត",
        "Nâng tầm hợp tác phòng, chống ma túy trong thời gian tới",
    ),
    "Both sides discussed and agreed to raise their cooperation, on these points.": (
        "ທັງສອງຝ່າຍໄດ້ປຶກສາຫາລື ແລະ ຕົກລົງຍົກລະດັບການຮ່ວມມືລະຫວ່າງກັນ ຕາມຂໍ້ຕໍ່ໄປນີ້.",
        "နှစ်ဖက်စလုံး ဆွေးနွေးပြီး အောက်ပါအချက်များအတိုင်း ပူးပေါင်းဆောင်ရွက်မှုကို မြှင့်တင်ရန် သဘောတူခဲ့သည်။",
        "ភាគីទាំងពីរបានពិភាក្សា និងឯកភាពលើកកម្ពស់កិច្ចសហប្រតិបត្តិការ លើចំណុចទាំងនេះ។",
        "Hai bên đã thảo luận và nhất trí nâng tầm hợp tác theo các điểm sau.",
    ),
    "Progress report on carrying out the resolutions of the 19th meeting": (
        "ບົດລາຍງານຄວາມຄືບໜ້າການປະຕິບັດມະຕິກອງປະຊຸມຄັ້ງທີ 19",
        "၁၉ ကြိမ်မြောက် အစည်းအဝေး ဆုံးဖြတ်ချက်များ အကောင်အထည်ဖော်မှု တိုးတက်မှု အစီရင်ခံစာ",
        "របាយការណ៍វឌ្ឍនភាពនៃការអនុវត្តសេចក្តីសម្រេចនៃកិច្ចប្រជុំលើកទី ១៩",
        "Báo cáo tiến độ thực hiện các nghị quyết của Hội nghị lần thứ 19",
    ),
    "Priorities of cooperation": (
        "ບູລິມະສິດຂອງການຮ່ວມມື",
        "ပူးပေါင်းဆောင်ရွက်မှု ဦးစားပေးများ",
        "អាទិភាពនៃកិច្ចសហប្រតិបត្តិការ",
        "Các ưu tiên hợp tác",
    ),
    # the 19th meeting's ten resolutions
    "Promote the exchange of intelligence between them; develop convenient and fast coordination mechanisms and channels.": (
        "ສົ່ງເສີມການແລກປ່ຽນຂໍ້ມູນຂ່າວສານລະຫວ່າງກັນ; ພັດທະນາກົນໄກ ແລະ ຊ່ອງທາງການປະສານງານທີ່ສະດວກ ແລະ ວ່ອງໄວ.",
        "အချင်းချင်း သတင်းဖလှယ်မှုကို မြှင့်တင်ရန်၊ အဆင်ပြေလျင်မြန်သော ညှိနှိုင်းဆောင်ရွက်ရေး ယန္တရားနှင့် လမ်းကြောင်းများ ဖော်ဆောင်ရန်။",
        "លើកកម្ពស់ការផ្លាស់ប្តូរព័ត៌មានស៊ើបការណ៍រវាងគ្នា; អភិវឌ្ឍយន្តការ និងបណ្តាញសម្របសម្រួលដែលងាយស្រួល និងរហ័ស។",
        "Thúc đẩy trao đổi thông tin tình báo giữa hai bên; xây dựng cơ chế và kênh phối hợp thuận tiện, nhanh chóng.",
    ),
    "Promote cooperation in investigating and tracking down drug traffickers who are fugitives from arrest warrants of either country.": (
        "ສົ່ງເສີມການຮ່ວມມືໃນການສືບສວນ ແລະ ຕິດຕາມຈັບກຸມຜູ້ຄ້າຢາເສບຕິດທີ່ຫຼົບໜີໝາຍຈັບຂອງທັງສອງປະເທດ.",
        "နှစ်နိုင်ငံစလုံး၏ ဖမ်းဝရမ်းမှ ထွက်ပြေးနေသော မူးယစ်ဆေးဝါး ရောင်းဝယ်သူများကို စုံစမ်းဖော်ထုတ် လိုက်လံဖမ်းဆီးရာတွင် ပူးပေါင်းဆောင်ရွက်မှုကို မြှင့်တင်ရန်။",
        "លើកកម្ពស់កិច្ចសហប្រតិបត្តិការក្នុងការស៊ើបអង្កេត និងតាមចាប់ខ្លួនអ្នកជួញដូរគ្រឿងញៀនដែលរត់គេចពីដីកាចាប់ខ្លួនរបស់ប្រទេសទាំងពីរ។",
        "Thúc đẩy hợp tác điều tra, truy bắt các đối tượng buôn bán ma túy đang bị truy nã theo lệnh bắt của một trong hai nước.",
    ),
    "Develop cooperation in controlling precursors and chemicals, so that they do not reach the drug production sites of the Golden Triangle, to cut production capacity.": (
        "ພັດທະນາການຮ່ວມມືຄວບຄຸມສານຕັ້ງຕົ້ນ ແລະ ເຄມີ ບໍ່ໃຫ້ເຂົ້າສູ່ແຫຼ່ງຜະລິດຢາເສບຕິດໃນເຂດສາມຫຼ່ຽມຄຳ ເພື່ອຫຼຸດກຳລັງການຜະລິດ.",
        "ရွှေတြိဂံဒေသရှိ မူးယစ်ဆေးဝါး ထုတ်လုပ်ရာနေရာများသို့ မရောက်စေရန် ရှေ့ပြေးဓာတုပစ္စည်းနှင့် ဓာတုပစ္စည်းများ ထိန်းချုပ်ရေး ပူးပေါင်းဆောင်ရွက်မှုကို ဖော်ဆောင်ပြီး ထုတ်လုပ်နိုင်စွမ်းကို လျှော့ချရန်။",
        "អភិវឌ្ឍកិច្ចសហប្រតិបត្តិការត្រួតពិនិត្យសារធាតុមុនគីមី និងសារធាតុគីមី កុំឱ្យចូលដល់ទីតាំងផលិតគ្រឿងញៀននៅតំបន់ត្រីកោណមាស ដើម្បីកាត់បន្ថយសមត្ថភាពផលិត។",
        "Phát triển hợp tác kiểm soát tiền chất và hóa chất, không để chúng đến được các cơ sở sản xuất ma túy ở Tam giác Vàng, nhằm cắt giảm năng lực sản xuất.",
    ),
    "Raise the efficiency of joint law enforcement, e.g. seizing drug traffickers' assets and suppressing money laundering in drug cases.": (
        "ຍົກລະດັບປະສິດທິພາບການບັງຄັບໃຊ້ກົດໝາຍຮ່ວມກັນ ເຊັ່ນ ການຍຶດຊັບສິນຂອງຜູ້ຄ້າຢາເສບຕິດ ແລະ ການປາບປາມການຟອກເງິນໃນຄະດີຢາເສບຕິດ.",
        "မူးယစ်ဆေးဝါး ရောင်းဝယ်သူများ၏ ပိုင်ဆိုင်မှုများ သိမ်းဆည်းခြင်း၊ မူးယစ်အမှုများတွင် ငွေကြေးခဝါချမှု နှိမ်နင်းခြင်းကဲ့သို့ ပူးတွဲ ဥပဒေစိုးမိုးရေး ထိရောက်မှုကို မြှင့်တင်ရန်။",
        "លើកកម្ពស់ប្រសិទ្ធភាពនៃការអនុវត្តច្បាប់រួមគ្នា ដូចជាការរឹបអូសទ្រព្យសម្បត្តិអ្នកជួញដូរគ្រឿងញៀន និងការបង្ក្រាបការលាងប្រាក់ក្នុងសំណុំរឿងគ្រឿងញៀន។",
        "Nâng cao hiệu quả thực thi pháp luật chung, như thu giữ tài sản của các đối tượng buôn bán ma túy và trấn áp rửa tiền trong các vụ án ma túy.",
    ),
    "Promote the use of the Safe Mekong Coordination Centre (SMCC) cooperation mechanism and the six-country Safe Mekong operation plan (2023–2027).": (
        "ສົ່ງເສີມການນຳໃຊ້ກົນໄກການຮ່ວມມືຂອງສູນປະສານງານແມ່ນ້ຳຂອງປອດໄພ (SMCC) ແລະ ແຜນປະຕິບັດງານແມ່ນ້ຳຂອງປອດໄພ 6 ປະເທດ (2023–2027).",
        "ဘေးကင်းသော မဲခေါင် ညှိနှိုင်းရေးဗဟိုဌာန (SMCC) ပူးပေါင်းဆောင်ရွက်ရေး ယန္တရားနှင့် ခြောက်နိုင်ငံ ဘေးကင်းသော မဲခေါင် စစ်ဆင်ရေး အစီအစဉ် (၂၀၂၃–၂၀၂၇) ကို အသုံးပြုမှု မြှင့်တင်ရန်။",
        "លើកកម្ពស់ការប្រើប្រាស់យន្តការសហប្រតិបត្តិការនៃមជ្ឈមណ្ឌលសម្របសម្រួលមេគង្គសុវត្ថិភាព (SMCC) និងផែនការប្រតិបត្តិការមេគង្គសុវត្ថិភាពប្រាំមួយប្រទេស (២០២៣–២០២៧)។",
        "Thúc đẩy sử dụng cơ chế hợp tác của Trung tâm Điều phối Mê Kông An toàn (SMCC) và Kế hoạch hoạt động Mê Kông An toàn của sáu nước (2023–2027).",
    ),
    "Strengthen academic cooperation and the application of technology to drug problems, e.g. detecting drugs from wastewater treatment systems.": (
        "ເສີມສ້າງການຮ່ວມມືທາງວິຊາການ ແລະ ການນຳໃຊ້ເຕັກໂນໂລຊີເພື່ອແກ້ໄຂບັນຫາຢາເສບຕິດ ເຊັ່ນ ການກວດຫາຢາເສບຕິດຈາກລະບົບບຳບັດນ້ຳເສຍ.",
        "ရေဆိုးသန့်စင်စနစ်များမှ မူးယစ်ဆေးဝါး စစ်ဆေးတွေ့ရှိခြင်းကဲ့သို့ ပညာရပ်ဆိုင်ရာ ပူးပေါင်းဆောင်ရွက်မှုနှင့် နည်းပညာ အသုံးချမှုကို အားကောင်းစေရန်။",
        "ពង្រឹងកិច្ចសហប្រតិបត្តិការផ្នែកវិទ្យាសាស្ត្រ និងការប្រើប្រាស់បច្ចេកវិទ្យាលើបញ្ហាគ្រឿងញៀន ដូចជាការរកឃើញគ្រឿងញៀនពីប្រព័ន្ធប្រព្រឹត្តកម្មទឹកកខ្វក់។",
        "Tăng cường hợp tác học thuật và ứng dụng công nghệ vào vấn đề ma túy, như phát hiện ma túy từ hệ thống xử lý nước thải.",
    ),
    "Promote cooperation in drug prevention, especially among children and youth.": (
        "ສົ່ງເສີມການຮ່ວມມືດ້ານການປ້ອງກັນຢາເສບຕິດ ໂດຍສະເພາະໃນກຸ່ມເດັກ ແລະ ຊາວໜຸ່ມ.",
        "အထူးသဖြင့် ကလေးသူငယ်နှင့် လူငယ်များကြား မူးယစ်ဆေးဝါး ကာကွယ်ရေး ပူးပေါင်းဆောင်ရွက်မှုကို မြှင့်တင်ရန်။",
        "លើកកម្ពស់កិច្ចសហប្រតិបត្តិការបង្ការគ្រឿងញៀន ជាពិសេសក្នុងចំណោមកុមារ និងយុវជន។",
        "Thúc đẩy hợp tác phòng ngừa ma túy, nhất là trong trẻ em và thanh thiếu niên.",
    ),
    "Strengthen cooperation in building the capacity of Thai and Chinese drug-control personnel.": (
        "ເສີມສ້າງການຮ່ວມມືໃນການພັດທະນາຂີດຄວາມສາມາດຂອງພະນັກງານຄວບຄຸມຢາເສບຕິດຂອງໄທ ແລະ ຈີນ.",
        "ထိုင်းနှင့် တရုတ် မူးယစ်ဆေးဝါး ထိန်းချုပ်ရေး ဝန်ထမ်းများ၏ စွမ်းရည်မြှင့်တင်ရေး ပူးပေါင်းဆောင်ရွက်မှုကို အားကောင်းစေရန်။",
        "ពង្រឹងកិច្ចសហប្រតិបត្តិការក្នុងការកសាងសមត្ថភាពមន្ត្រីគ្រប់គ្រងគ្រឿងញៀនថៃ និងចិន។",
        "Tăng cường hợp tác nâng cao năng lực cho cán bộ phòng, chống ma túy của Thái Lan và Trung Quốc.",
    ),
    "Have Thai–Chinese cooperation take a larger, leading role on drug problems in the Golden Triangle and the Mekong subregion, in resources and in developing personnel.": (
        "ໃຫ້ການຮ່ວມມືໄທ - ຈີນ ມີບົດບາດນຳພາຫຼາຍຂຶ້ນໃນການແກ້ໄຂບັນຫາຢາເສບຕິດໃນເຂດສາມຫຼ່ຽມຄຳ ແລະ ອະນຸພາກພື້ນແມ່ນ້ຳຂອງ ທັງດ້ານຊັບພະຍາກອນ ແລະ ການພັດທະນາບຸກຄະລາກອນ.",
        "ရွှေတြိဂံနှင့် မဲခေါင်ဒေသခွဲရှိ မူးယစ်ဆေးဝါး ပြဿနာများတွင် ထိုင်း-တရုတ် ပူးပေါင်းဆောင်ရွက်မှုက အရင်းအမြစ်နှင့် ဝန်ထမ်းဖွံ့ဖြိုးရေးတွင် ပိုမိုကြီးမားသော ဦးဆောင်အခန်းကဏ္ဍ ယူစေရန်။",
        "ឱ្យកិច្ចសហប្រតិបត្តិការថៃ-ចិន មានតួនាទីដឹកនាំកាន់តែធំលើបញ្ហាគ្រឿងញៀននៅតំបន់ត្រីកោណមាស និងអនុតំបន់មេគង្គ ទាំងធនធាន និងការអភិវឌ្ឍបុគ្គលិក។",
        "Để hợp tác Thái Lan – Trung Quốc giữ vai trò dẫn dắt lớn hơn đối với vấn đề ma túy ở Tam giác Vàng và tiểu vùng Mê Kông, cả về nguồn lực và phát triển nhân lực.",
    ),
    "Both sides will support each other in strictly carrying out international agreements, multilateral and bilateral, above all the three United Nations drug conventions.": (
        "ທັງສອງຝ່າຍຈະສະໜັບສະໜູນເຊິ່ງກັນ ແລະ ກັນໃນການປະຕິບັດຂໍ້ຕົກລົງສາກົນຢ່າງເຂັ້ມງວດ ທັງຫຼາຍຝ່າຍ ແລະ ສອງຝ່າຍ ໂດຍສະເພາະສົນທິສັນຍາຂອງສະຫະປະຊາຊາດທັງ 3 ສະບັບ.",
        "နှစ်ဖက်စလုံးသည် နိုင်ငံတကာ သဘောတူညီချက်များ၊ အထူးသဖြင့် ကုလသမဂ္ဂ မူးယစ်ဆေးဝါး ကွန်ဗင်းရှင်း သုံးခုကို တိကျစွာ အကောင်အထည်ဖော်ရာတွင် အပြန်အလှန် ပံ့ပိုးမည်။",
        "ភាគីទាំងពីរនឹងគាំទ្រគ្នាទៅវិញទៅមកក្នុងការអនុវត្តយ៉ាងម៉ឺងម៉ាត់នូវកិច្ចព្រមព្រៀងអន្តរជាតិ ពហុភាគី និងទ្វេភាគី ជាពិសេសអនុសញ្ញាគ្រឿងញៀនទាំងបីរបស់អង្គការសហប្រជាជាតិ។",
        "Hai bên sẽ hỗ trợ lẫn nhau thực hiện nghiêm túc các thỏa thuận quốc tế, đa phương và song phương, trước hết là ba công ước của Liên hợp quốc về ma túy.",
    ),
    # actions under the resolutions
    "Exchange intelligence reports with NNCC through MekongX": (
        "ແລກປ່ຽນບົດລາຍງານຂ່າວສານກັບ NNCC ຜ່ານ MekongX",
        "MekongX မှတစ်ဆင့် NNCC နှင့် သတင်းအစီရင်ခံစာများ ဖလှယ်ရန်",
        "ផ្លាស់ប្តូររបាយការណ៍ស៊ើបការណ៍ជាមួយ NNCC តាម MekongX",
        "Trao đổi báo cáo tình báo với NNCC qua MekongX",
    ),
    "Answer ONCB's requests for information within the agreed time": (
        "ຕອບຄຳຮ້ອງຂໍຂໍ້ມູນຂອງ ONCB ພາຍໃນເວລາທີ່ຕົກລົງ",
        "သဘောတူထားသော အချိန်အတွင်း ONCB ၏ သတင်းအချက်အလက် တောင်းခံမှုများကို ဖြေကြားရန်",
        "ឆ្លើយតបសំណើសុំព័ត៌មានរបស់ ONCB ក្នុងរយៈពេលដែលបានព្រមព្រៀង",
        "Trả lời các yêu cầu cung cấp thông tin của ONCB trong thời hạn đã thỏa thuận",
    ),
    "Publish notices of fugitives believed to be in China": (
        "ເຜີຍແຜ່ປະກາດຜູ້ຫຼົບໜີທີ່ເຊື່ອວ່າຢູ່ໃນປະເທດຈີນ",
        "တရုတ်နိုင်ငံတွင် ရှိသည်ဟု ယူဆရသော ထွက်ပြေးသူများ၏ ကြေညာချက်များ ထုတ်ပြန်ရန်",
        "ផ្សព្វផ្សាយសេចក្តីជូនដំណឹងអំពីជនរត់គេចខ្លួនដែលគេជឿថានៅប្រទេសចិន",
        "Công bố thông báo truy nã các đối tượng được cho là đang ở Trung Quốc",
    ),
    "Screen Thai notices against Chinese records": (
        "ກວດສອບປະກາດຂອງໄທກັບຖານຂໍ້ມູນຂອງຈີນ",
        "ထိုင်း ကြေညာချက်များကို တရုတ် မှတ်တမ်းများနှင့် တိုက်ဆိုင်စစ်ဆေးရန်",
        "ផ្ទៀងផ្ទាត់សេចក្តីជូនដំណឹងរបស់ថៃជាមួយកំណត់ត្រារបស់ចិន",
        "Đối chiếu thông báo của Thái Lan với hồ sơ của Trung Quốc",
    ),
    "Pre-export notifications and interception incidents for precursors": (
        "ການແຈ້ງລ່ວງໜ້າການສົ່ງອອກ ແລະ ເຫດການສະກັດກັ້ນສານຕັ້ງຕົ້ນ",
        "ရှေ့ပြေးဓာတုပစ္စည်းများအတွက် ပို့ကုန်ကြိုတင်အကြောင်းကြားချက်နှင့် ကြားဖြတ်ဖမ်းဆီးမှု ဖြစ်ရပ်များ",
        "ការជូនដំណឹងមុននាំចេញ និងករណីស្ទាក់ចាប់សារធាតុមុនគីមី",
        "Thông báo trước xuất khẩu và các vụ chặn bắt tiền chất",
    ),
    "Answer pre-export notifications within 15 days": (
        "ຕອບການແຈ້ງລ່ວງໜ້າການສົ່ງອອກພາຍໃນ 15 ວັນ",
        "ပို့ကုန်ကြိုတင်အကြောင်းကြားချက်များကို ၁၅ ရက်အတွင်း ဖြေကြားရန်",
        "ឆ្លើយតបការជូនដំណឹងមុននាំចេញក្នុងរយៈពេល ១៥ ថ្ងៃ",
        "Trả lời thông báo trước xuất khẩu trong vòng 15 ngày",
    ),
    "Financial investigation and asset seizure of a cross-border trafficking network": (
        "ການສືບສວນທາງການເງິນ ແລະ ການຍຶດຊັບສິນຂອງເຄືອຂ່າຍຄ້າຢາເສບຕິດຂ້າມຊາຍແດນ",
        "နယ်စပ်ဖြတ်ကျော် မူးယစ်ကူးသန်းရေး ကွန်ရက်၏ ငွေကြေးဆိုင်ရာ စုံစမ်းစစ်ဆေးမှုနှင့် ပိုင်ဆိုင်မှု သိမ်းဆည်းခြင်း",
        "ការស៊ើបអង្កេតហិរញ្ញវត្ថុ និងការរឹបអូសទ្រព្យសម្បត្តិនៃបណ្តាញជួញដូរឆ្លងដែន",
        "Điều tra tài chính và thu giữ tài sản của một đường dây buôn bán ma túy xuyên biên giới",
    ),
    "Second a liaison officer to the SMCC": (
        "ສົ່ງເຈົ້າໜ້າທີ່ປະສານງານປະຈຳ SMCC",
        "SMCC သို့ ဆက်သွယ်ရေးအရာရှိ တစ်ဦး စေလွှတ်ရန်",
        "បញ្ជូនមន្ត្រីទំនាក់ទំនងម្នាក់ទៅប្រចាំការនៅ SMCC",
        "Cử một sĩ quan liên lạc đến làm việc tại SMCC",
    ),
    "Wastewater sampling campaigns with results shared with China": (
        "ການເກັບຕົວຢ່າງນ້ຳເສຍ ແລະ ແບ່ງປັນຜົນກັບຝ່າຍຈີນ",
        "ရေဆိုးနမူနာ ကောက်ယူမှုများ ပြုလုပ်ပြီး ရလဒ်များကို တရုတ်နှင့် မျှဝေရန်",
        "យុទ្ធនាការយកសំណាកទឹកកខ្វក់ ដោយចែករំលែកលទ្ធផលជាមួយប្រទេសចិន",
        "Các đợt lấy mẫu nước thải, chia sẻ kết quả với Trung Quốc",
    ),
    "Share China's wastewater analysis methods": (
        "ແບ່ງປັນວິທີການກວດວິເຄາະນ້ຳເສຍຂອງຈີນ",
        "တရုတ်၏ ရေဆိုး ဓာတ်ခွဲစမ်းသပ်နည်းများ မျှဝေရန်",
        "ចែករំលែកវិធីសាស្ត្រវិភាគទឹកកខ្វក់របស់ចិន",
        "Chia sẻ phương pháp phân tích nước thải của Trung Quốc",
    ),
    "Exchange school drug-prevention curricula": (
        "ແລກປ່ຽນຫຼັກສູດປ້ອງກັນຢາເສບຕິດໃນສະຖານການສຶກສາ",
        "ကျောင်းသုံး မူးယစ်ဆေးဝါး ကာကွယ်ရေး သင်ရိုးများ ဖလှယ်ရန်",
        "ផ្លាស់ប្តូរកម្មវិធីសិក្សាបង្ការគ្រឿងញៀននៅសាលារៀន",
        "Trao đổi chương trình giáo dục phòng, chống ma túy trong trường học",
    ),
    "Training course for Thai officers at Yunnan Police College": (
        "ຫຼັກສູດຝຶກອົບຮົມເຈົ້າໜ້າທີ່ໄທ ທີ່ວິທະຍາໄລຕຳຫຼວດຢູນນານ",
        "ယူနန် ရဲကောလိပ်တွင် ထိုင်းအရာရှိများအတွက် သင်တန်း",
        "វគ្គបណ្តុះបណ្តាលមន្ត្រីថៃ នៅមហាវិទ្យាល័យនគរបាលយូណាន",
        "Khóa đào tạo cho cán bộ Thái Lan tại Học viện Cảnh sát Vân Nam",
    ),
    "Put a joint Thai–Chinese plan to the Safe Mekong meeting": (
        "ສະເໜີແຜນຮ່ວມ ໄທ - ຈີນ ຕໍ່ກອງປະຊຸມແມ່ນ້ຳຂອງປອດໄພ",
        "ဘေးကင်းသော မဲခေါင် အစည်းအဝေးသို့ ထိုင်း-တရုတ် ပူးတွဲအစီအစဉ် တင်သွင်းရန်",
        "ដាក់ជូនផែនការរួមថៃ-ចិន ទៅកិច្ចប្រជុំមេគង្គសុវត្ថិភាព",
        "Trình kế hoạch chung Thái Lan – Trung Quốc lên hội nghị Mê Kông An toàn",
    ),
    "Joint report on implementing the three UN drug conventions": (
        "ບົດລາຍງານຮ່ວມກ່ຽວກັບການປະຕິບັດສົນທິສັນຍາຢາເສບຕິດຂອງສະຫະປະຊາຊາດທັງ 3 ສະບັບ",
        "ကုလသမဂ္ဂ မူးယစ်ဆေးဝါး ကွန်ဗင်းရှင်း သုံးခု အကောင်အထည်ဖော်မှုဆိုင်ရာ ပူးတွဲအစီရင်ခံစာ",
        "របាយការណ៍រួមស្តីពីការអនុវត្តអនុសញ្ញាគ្រឿងញៀនទាំងបីរបស់អង្គការសហប្រជាជាតិ",
        "Báo cáo chung về việc thực hiện ba công ước của Liên hợp quốc về ma túy",
    ),
    # the 20th meeting's priorities
    "Pressure on Golden Triangle production sources": (
        "ກົດດັນແຫຼ່ງຜະລິດຢາເສບຕິດໃນເຂດສາມຫຼ່ຽມຄຳ",
        "ရွှေတြိဂံရှိ မူးယစ်ဆေးဝါး ထုတ်လုပ်ရာ အရင်းအမြစ်များကို ဖိအားပေးခြင်း",
        "ដាក់សម្ពាធលើប្រភពផលិតគ្រឿងញៀននៅតំបន់ត្រីកោណមាស",
        "Gây sức ép lên các nguồn sản xuất ma túy ở Tam giác Vàng",
    ),
    "Intelligence sharing and joint investigation, especially of maritime routes": (
        "ການແບ່ງປັນຂໍ້ມູນຂ່າວສານ ແລະ ການສືບສວນຮ່ວມ ໂດຍສະເພາະເສັ້ນທາງທາງທະເລ",
        "သတင်းမျှဝေခြင်းနှင့် ပူးတွဲစုံစမ်းစစ်ဆေးခြင်း၊ အထူးသဖြင့် ပင်လယ်လမ်းကြောင်းများ",
        "ការចែករំលែកព័ត៌មានស៊ើបការណ៍ និងការស៊ើបអង្កេតរួម ជាពិសេសផ្លូវសមុទ្រ",
        "Chia sẻ thông tin tình báo và điều tra chung, nhất là các tuyến đường biển",
    ),
    "Precursor control": (
        "ການຄວບຄຸມສານຕັ້ງຕົ້ນ",
        "ရှေ့ပြေးဓာတုပစ္စည်း ထိန်းချုပ်ရေး",
        "ការត្រួតពិនិត្យសារធាតុមុនគីមី",
        "Kiểm soát tiền chất",
    ),
    "Arresting fugitives hiding in the Wa area": (
        "ຈັບກຸມຜູ້ຫຼົບໜີທີ່ລີ້ຊ່ອນຢູ່ໃນເຂດວ້າ",
        "ဝ ဒေသတွင် ပုန်းအောင်းနေသော ထွက်ပြေးသူများကို ဖမ်းဆီးခြင်း",
        "ចាប់ខ្លួនជនរត់គេចខ្លួនដែលលាក់ខ្លួននៅតំបន់វ៉ា",
        "Bắt giữ các đối tượng bỏ trốn đang lẩn trốn tại khu vực Wa",
    ),
    "A China–Thailand–Myanmar trilateral mechanism": (
        "ກົນໄກສາມຝ່າຍ ຈີນ - ໄທ - ມຽນມາ",
        "တရုတ်-ထိုင်း-မြန်မာ သုံးပွင့်ဆိုင် ယန္တရား",
        "យន្តការត្រីភាគីចិន-ថៃ-មីយ៉ាន់ម៉ា",
        "Cơ chế ba bên Trung Quốc – Thái Lan – Myanmar",
    ),
    # actions ONCB's draft of the 20th meeting proposes
    "Exchange profiling results of seized methamphetamine tablets to trace production sites": (
        "ແລກປ່ຽນຜົນການກວດພິສູດເມັດຢາບ້າທີ່ຍຶດໄດ້ ເພື່ອຊອກຫາແຫຼ່ງຜະລິດ",
        "ဖမ်းဆီးရမိသော မက်သာဖက်တမင်း ဆေးပြားများ၏ ဓာတ်ခွဲစစ်ဆေးချက်ရလဒ်များကို ထုတ်လုပ်ရာနေရာများ ခြေရာခံရန် ဖလှယ်ရန်",
        "ផ្លាស់ប្តូរលទ្ធផលវិភាគគ្រាប់មេតំហ្វេតាមីនដែលរឹបអូសបាន ដើម្បីតាមដានទីតាំងផលិត",
        "Trao đổi kết quả phân tích mẫu viên methamphetamine thu giữ để truy tìm nơi sản xuất",
    ),
    "Notify suspect vessels and containers on maritime routes": (
        "ແຈ້ງຂໍ້ມູນເຮືອ ແລະ ຕູ້ສິນຄ້າທີ່ໜ້າສົງໄສໃນເສັ້ນທາງທະເລ",
        "ပင်လယ်လမ်းကြောင်းများရှိ သံသယရှိသော သင်္ဘောများနှင့် ကွန်တိန်နာများကို အကြောင်းကြားရန်",
        "ជូនដំណឹងអំពីនាវា និងកុងតឺន័រគួរឱ្យសង្ស័យនៅលើផ្លូវសមុទ្រ",
        "Thông báo tàu thuyền và container khả nghi trên các tuyến đường biển",
    ),
    "Set up a joint investigation team on maritime smuggling cases": (
        "ສ້າງຕັ້ງທີມສືບສວນຮ່ວມ ຄະດີລັກລອບຂົນສົ່ງທາງທະເລ",
        "ပင်လယ်ရေကြောင်း မှောင်ခိုမှုများအတွက် ပူးတွဲစုံစမ်းစစ်ဆေးရေးအဖွဲ့ ဖွဲ့စည်းရန်",
        "បង្កើតក្រុមស៊ើបអង្កេតរួមលើករណីរត់ពន្ធតាមផ្លូវសមុទ្រ",
        "Thành lập nhóm điều tra chung về các vụ buôn lậu đường biển",
    ),
    "Send ONCB a pre-export notification for every precursor shipment": (
        "ສົ່ງແຈ້ງການລ່ວງໜ້າກ່ອນສົ່ງອອກ ສຳລັບທຸກການຂົນສົ່ງສານຕັ້ງຕົ້ນ ໃຫ້ ONCB",
        "ရှေ့ပြေးဓာတုပစ္စည်း တင်ပို့မှုတိုင်းအတွက် ONCB သို့ ပို့ကုန်မတိုင်မီ အကြောင်းကြားစာ ပေးပို့ရန်",
        "ផ្ញើការជូនដំណឹងមុនការនាំចេញ សម្រាប់រាល់ការដឹកជញ្ជូនសារធាតុមុនគ្រឿងញៀន ទៅ ONCB",
        "Gửi ONCB thông báo trước khi xuất khẩu cho mọi lô hàng tiền chất",
    ),
    "Publish notices of fugitives believed to hide in the Wa area": (
        "ເຜີຍແຜ່ປະກາດຜູ້ຫຼົບໜີທີ່ເຊື່ອວ່າລີ້ຊ່ອນຢູ່ໃນເຂດວ້າ",
        "ဝဒေသတွင် ပုန်းအောင်းနေသည်ဟု ယူဆရသော ထွက်ပြေးသူများ၏ ကြေညာချက်များ ထုတ်ပြန်ရန်",
        "ផ្សព្វផ្សាយសេចក្តីជូនដំណឹងអំពីជនរត់គេចខ្លួនដែលគេជឿថាលាក់ខ្លួននៅតំបន់វ៉ា",
        "Công bố thông báo truy nã các đối tượng được cho là lẩn trốn tại vùng Wa",
    ),
    "Propose draft terms for the China–Thailand–Myanmar trilateral meeting": (
        "ສະເໜີຮ່າງກອບການປະຊຸມສາມຝ່າຍ ຈີນ - ໄທ - ມຽນມາ",
        "တရုတ်-ထိုင်း-မြန်မာ သုံးပွင့်ဆိုင် အစည်းအဝေးအတွက် မူကြမ်းစည်းမျဉ်းများ အဆိုပြုရန်",
        "ស្នើសេចក្តីព្រាងលក្ខខណ្ឌសម្រាប់កិច្ចប្រជុំត្រីភាគីចិន-ថៃ-មីយ៉ាន់ម៉ា",
        "Đề xuất dự thảo khuôn khổ cho hội nghị ba bên Trung Quốc – Thái Lan – Myanmar",
    ),
}
