"""Issue 12 part B: Chinese names in Cantonese and Hokkien spellings (Hong Kong, Macau, Singapore,
Malaysia) meet the name in Chinese characters; the pairs are real public figures (en.wikipedia
article leads), not output of the engine."""

from __future__ import annotations

import pytest

from mekongx.matching import score
from mekongx.matching.messages import render
from mekongx.matching.southern_chinese import character_spellings


@pytest.mark.parametrize(
    ("han", "latin"),
    [
        ("李嘉誠", "Li Ka-shing"),  # Hong Kong government romanisation
        ("李嘉诚", "LI KA SHING"),  # simplified characters; passport zone without hyphen
        ("梁振英", "Leung Chun-ying"),
        ("曾蔭權", "Tsang Yam-kuen"),
        ("謝志樂", "Tse Chi Lop"),
        ("賀一誠", "Ho Iat-seng"),  # Macau: Iat, Seng
        ("陳振聲", "Chan Chun Sing"),  # Singapore, Cantonese
        ("吴作栋", "Goh Chok Tong"),  # Hokkien
        ("林冠英", "Lim Guan Eng"),
        ("张志贤", "Teo Chee Hean"),  # Teochew surname, Hokkien given name
        ("王瑞杰", "Heng Swee Keat"),
        ("刘特佐", "Low Taek Jho"),
        ("司徒華", "Szeto Wah"),  # a compound surname in its Cantonese spelling
        ("司徒华", "SZETO WAH"),
    ],
)
def test_cantonese_and_hokkien_spellings_meet_the_characters(han: str, latin: str) -> None:
    assert score(han, latin).probability >= 0.5


@pytest.mark.parametrize(
    ("han", "latin"),
    [
        ("李嘉诚", "Lee Kuan Yew"),  # same surname, other given name
        ("陈振声", "Chan Kwok Wai"),
        ("林冠英", "Lim Kit Siang"),
        ("梁振英", "Leung Kwok-hung"),
    ],
)
def test_same_surname_other_given_name_is_no_match(han: str, latin: str) -> None:
    assert score(han, latin).probability < 0.5


def test_dialect_readings_are_compared_with_latin_names_only() -> None:
    # 明 is Hokkien bin/beng: against the Mandarin of a Hán-Việt reading (Bình Minh) it must not
    # count, nor between two names in characters or against Thai script
    assert score("范明政", "Phạm Bình Minh").probability < 0.5
    assert score("阮明哲", "NGUYEN TAN DUNG").probability < 0.5
    assert score("陈振声", "陈国伟").probability < 0.5
    m = score("陈振声", "Chan Chun Sing")
    assert "cantonese" in (m.reading_a or "") + str(m.explanation[0].params)


def test_readings_per_character_come_from_the_tables() -> None:
    assert "kwok" in [s for s, _ in character_spellings("国", "cantonese")]
    assert "tek" in [s for s, _ in character_spellings("德", "hokkien")]  # POJ of Tâi-lô tik
    assert character_spellings("燊", "cantonese")  # outside GB 2312, common in names


def test_reading_systems_are_named_in_the_readers_language() -> None:
    params = {"system_a": "cantonese+hokkien", "reading_a": "chan", "system_b": "latin",
              "reading_b": "Chan"}  # fmt: skip
    assert "粤语" in render("reading_match", "zh", params)
    assert "กวางตุ้ง" in render("reading_match", "th", params)
    assert "cantonese" not in render("reading_match", "vi", params)


def test_cantonese_au_is_also_written_ow() -> None:
    # 九龍 Kowloon, 周潤發 Chow Yun-fat
    assert "kow" in [s for s, _ in character_spellings("九", "cantonese")]
    assert score("Chow Yun-fat", "周润发").probability >= 0.9


@pytest.mark.parametrize(
    ("latin", "han"),
    [
        # a Teochew, Hokkien or Hakka surname before a given name in pinyin syllables: the
        # syllables were not joined after a surname that is no pinyin (0.007)
        ("Teo Wei Ming", "张伟明"),
        ("Tay Wei Ming", "郑伟明"),
        ("Ng Wei Ming", "黄伟明"),
        ("Chua Wei Ming", "蔡伟明"),
        ("Khoo Wei Ming", "邱伟明"),
        ("Hew Wei Ming", "邱伟明"),
        ("Lai Wei Ming", "赖伟明"),
        ("Chin Wei Ming", "陈伟明"),
        # Hakka Liew (刘 Liew Chin Tong) and Malaysian Kuok (郭 Robert Kuok) were missing
        ("Liew Wei Ming", "刘伟明"),
        ("Kuok Wei Ming", "郭伟明"),
        ("Yeoh Wei Ming", "杨伟明"),  # Hokkien Yeoh (Michelle Yeoh 杨紫琼)
    ],
)
def test_teochew_and_hakka_surname_spellings(latin: str, han: str) -> None:
    assert score(latin, han).probability >= 0.9


@pytest.mark.parametrize(
    ("latin", "han"),
    [
        ("Teo Wei Ming", "张伟民"),
        ("Tan Wei Ming", "张伟明"),
        ("Liew Wei Ming", "廖伟明"),
        # no Teochew reading of a surname character: 庄 ziang read Chang met Tio (张 zhang) 0.999
        ("Tio Chunping", "庄春平"),
    ],
)
def test_dialect_surname_with_pinyin_given_name_keeps_others_apart(latin: str, han: str) -> None:
    assert score(latin, han).probability < 0.5


@pytest.mark.parametrize(
    ("latin", "dialect"),
    [
        ("Chan Chun Sing", True),
        ("Lim Guan Eng", True),
        ("Li Ka-shing", True),
        ("Lee Hsien Loong", True),
        ("Zhang Xiuying", False),  # pinyin throughout, the given name run together
        ("Somchai Jaidee", False),  # no word spelt like a Chinese surname
    ],
)
def test_only_names_that_may_be_dialect_spellings_meet_the_dialect_readings(
    latin: str, dialect: bool
) -> None:
    from mekongx.matching.alignment import dialect_spelt
    from mekongx.matching.scoring import profile

    assert dialect_spelt(profile(latin).compact) is dialect
    # the Mandarin reading still meets a pinyin name, the dialect readings a dialect spelling
    assert score("张秀英", "Zhang Xiuying").probability >= 0.9
    assert score("陳振聲", "Chan Chun Sing").probability >= 0.9


@pytest.mark.parametrize(
    ("han", "latin"),
    [
        # Teochew given-name readings (《潮州音字典》 via data/teochew.csv); each scored < 0.15
        # with Hokkien and Cantonese alone
        ("劉程強", "Low Thia Khiang"),  # 程 thia(n), 强 kiang
        ("林吉祥", "Lim Kit Siang"),  # 祥 siang
        ("蔡細歷", "Chua Soi Lek"),  # 细 soi
        ("林勋强", "LIM HNG KIANG"),  # 勋 hng
    ],
)
def test_teochew_given_names_meet_the_characters(han: str, latin: str) -> None:
    assert score(han, latin).probability >= 0.5


@pytest.mark.parametrize(
    ("han", "latin"),
    [
        ("林勋强", "Lim Kit Siang"),  # same surname, other Teochew given name
        ("劉程強", "Low Taek Jho"),
        ("林吉祥", "Lim Guan Eng"),
        ("蔡细历", "Chua Jui Meng"),
    ],
)
def test_teochew_readings_keep_same_surname_names_apart(han: str, latin: str) -> None:
    assert score(han, latin).probability < 0.5


def test_teochew_spellings_follow_the_names_habits() -> None:
    from mekongx.matching.southern_chinese import _teochew_spellings

    assert "teo" in _teochew_spellings("dion")  # 張 Teo: nasal unwritten, io also eo
    assert "yeo" in _teochew_spellings("ion")  # 楊 Yeo
    assert "ser" in _teochew_spellings("sv")  # 思 Ser (Teo Ser Luck)
    assert "chua" in _teochew_spellings("cua")  # 蔡 Chua
    assert "tay" in _teochew_spellings("den")  # 鄭 Tay
    # one Teochew spelling per character at most, after the Hokkien ones (and then the final
    # ng after ia also written n)
    assert [s for s, _ in character_spellings("强", "hokkien")] == [
        "keong",
        "kiong",
        "kiang",
        "kian",
    ]


@pytest.mark.parametrize(
    ("han", "latin"),
    [
        ("陳慶炎", "Tony Tan Keng Yam"),  # https://en.wikipedia.org/wiki/Tony_Tan
        ("陈庆炎", "TONY TAN KENG YAM"),
        ("曾蔭權", "Donald Tsang Yam-kuen"),  # https://en.wikipedia.org/wiki/Donald_Tsang
        ("陳振聲", "Michael Chan Chun Sing"),  # any English given name before it
    ],
)
def test_an_english_given_name_before_the_chinese_name_costs_no_match(han: str, latin: str) -> None:
    assert score(han, latin).probability >= 0.5


@pytest.mark.parametrize(
    ("han", "latin"),
    [
        ("陈伟明", "Tony Tan Keng Yam"),  # the English name makes no match either
        ("曾荫权", "Donald Tsang Chun-wah"),
        ("阮明哲", "Nguyen Tan Dung"),  # a Vietnamese family name is no English given name
    ],
)
def test_an_english_given_name_makes_no_match(han: str, latin: str) -> None:
    assert score(han, latin).probability < 0.5


@pytest.mark.parametrize(
    ("words", "english"),
    [
        ("Tony Tan Keng Yam", True),
        ("Carrie Lam Cheng Yuet-ngor", True),
        ("Yeoh Choo Kheng", False),  # Hokkien Yeoh (楊) keys as the Teochew syllable yeo
        ("Kim Tan Keng", False),  # a Chinese syllable
        ("Nguyen Tan Dung", False),
        ("Tony Tan", False),  # nothing left but a surname
    ],
)
def test_which_first_words_are_english_given_names(words: str, english: bool) -> None:
    from mekongx.matching.origin import western_given_first

    assert western_given_first(words.split()) is english


@pytest.mark.parametrize(
    ("han", "latin"),
    [
        # Foochow (Hokchiu) names of Sarawak and Sibu: the Foochow table (foochow.csv)
        ("張曉卿", "Tiong Hiew King"),  # https://en.wikipedia.org/wiki/Tiong_Hiew_King
        ("林良實", "Ling Liong Sik"),  # https://en.wikipedia.org/wiki/Ling_Liong_Sik
        ("劉會洲", "Lau Huoi Chiu"),  # a made-up name: 會 huoi, 洲 ziu (ch)
    ],
)
def test_foochow_given_names_meet_the_characters(han: str, latin: str) -> None:
    assert score(han, latin).probability >= 0.5


@pytest.mark.parametrize(
    ("han", "latin"),
    [
        ("張曉明", "Tiong Hiew King"),  # same surname, another given name
        ("林良才", "Ling Liong Sik"),
    ],
)
def test_foochow_readings_keep_same_surname_names_apart(han: str, latin: str) -> None:
    assert score(han, latin).probability < 0.5


def test_foochow_spellings_follow_the_names_habits() -> None:
    def spelt(ch: str) -> set[str]:
        return {s.lower() for s, _ in character_spellings(ch, "foochow")}

    assert "hiew" in spelt("晓")  # ieu also iew
    assert "wong" in spelt("黄")  # an initial u is written w
    assert "hii" in spelt("许")  # the vowel ü written ii
    assert len(character_spellings("张", "foochow")) <= 2  # two spellings per character at most


@pytest.mark.parametrize(
    ("han", "latin"),
    [
        # a Hong Kong married woman's name: her husband's surname before her own
        ("林鄭月娥", "Lam Cheng Yuet-ngor"),  # https://en.wikipedia.org/wiki/Carrie_Lam
        ("林鄭月娥", "LAM CHENG YUET NGOR"),
        ("陳方安生", "Chan Fang On-sang"),  # https://en.wikipedia.org/wiki/Anson_Chan
        ("陳方安生", "Anson Chan Fang On-sang"),
    ],
)
def test_married_names_meet_the_characters(han: str, latin: str) -> None:
    assert score(han, latin).probability >= 0.5


@pytest.mark.parametrize(
    ("han", "latin"),
    [
        ("林鄭月明", "Lam Cheng Yuet-ngor"),  # her own given name differs
        ("陳黃安生", "Chan Fang On-sang"),  # her own surname differs
    ],
)
def test_married_names_keep_others_apart(han: str, latin: str) -> None:
    assert score(han, latin).probability < 0.5


@pytest.mark.parametrize(
    ("han", "latin"),
    [
        # Hakka names of Malaysia: the Hakka table (hakka.csv)
        ("劉鎮東", "Liew Chin Tong"),  # https://en.wikipedia.org/wiki/Liew_Chin_Tong
        ("郭素沁", "Kok Suh Sim"),  # https://en.wikipedia.org/wiki/Teresa_Kok
        ("曹觀友", "Chow Kon Yeow"),  # https://en.wikipedia.org/wiki/Chow_Kon_Yeow
    ],
)
def test_hakka_given_names_meet_the_characters(han: str, latin: str) -> None:
    assert score(han, latin).probability >= 0.5


@pytest.mark.parametrize(
    ("han", "latin"),
    [
        ("劉鎮南", "Liew Chin Tong"),  # same surname, one given-name character other
        ("郭素華", "Kok Suh Sim"),
    ],
)
def test_hakka_readings_keep_same_surname_names_apart(han: str, latin: str) -> None:
    assert score(han, latin).probability < 0.5


def test_hakka_spellings_follow_the_names_habits() -> None:
    from mekongx.matching.southern_chinese import reading_parts

    def spelt(ch: str) -> set[str]:
        return {s.lower() for s, _ in character_spellings(ch, "hakka")}

    assert "chin" in spelt("镇")  # Meixian tsən, Malaysian Chin
    assert "liew" in spelt("刘")  # iu also iew
    assert "yap" in spelt("叶")  # an initial i is written y
    assert "kok" in spelt("郭")  # uɔ after k is o
    # a Hakka given name is read one part per character only (no joined reading)
    systems = [system for system, _ in reading_parts("刘", "镇东")]
    assert "hakka-split" in systems and "hakka" not in systems


@pytest.mark.parametrize(
    ("han", "latin"),
    [
        ("林梧桐", "Lim Goh Tong"),  # 梧 ngôo also g: https://en.wikipedia.org/wiki/Lim_Goh_Tong
        ("李霖泰", "Lee Lam Thye"),  # 泰 thài Thye: https://en.wikipedia.org/wiki/Lee_Lam_Thye
    ],
)
def test_hokkien_ng_also_g_and_ai_also_ye(han: str, latin: str) -> None:
    assert score(han, latin).probability >= 0.5


@pytest.mark.parametrize(
    ("han", "latin"),
    [
        ("林梧明", "Lim Goh Tong"),  # same surname, another given name
        ("李霖华", "Lee Lam Thye"),
    ],
)
def test_hokkien_g_and_ye_keep_same_surname_names_apart(han: str, latin: str) -> None:
    assert score(han, latin).probability < 0.5


@pytest.mark.parametrize(
    ("han", "latin"),
    [
        # a married woman's maiden name alone (before her marriage, or without her husband's name)
        ("葉劉淑儀", "Lau Suk-yee"),  # https://en.wikipedia.org/wiki/Regina_Ip (birth name)
        ("葉劉淑儀", "LAU SUK YEE"),
        ("葉劉淑儀", "Ip Lau Suk-yee"),  # and her married name still
        ("林鄭月娥", "Cheng Yuet-ngor"),  # https://en.wikipedia.org/wiki/Carrie_Lam (née Cheng)
        ("林鄭月娥", "CHENG YUET NGOR"),
    ],
)
def test_a_maiden_name_alone_meets_the_married_name(han: str, latin: str) -> None:
    assert score(han, latin).probability >= 0.5


@pytest.mark.parametrize(
    ("han", "latin"),
    [
        ("葉劉淑儀", "Lau Suk-man"),  # her own surname, another given name
        ("林鄭月娥", "Cheng Yuet-ming"),
        ("林鄭月明", "Cheng Yuet-ngor"),  # another woman of the same two families
        ("陳黃安生", "Fang On-sang"),  # her own surname differs
    ],
)
def test_a_maiden_name_keeps_others_apart(han: str, latin: str) -> None:
    assert score(han, latin).probability < 0.5


def test_the_maiden_reading_says_cantonese() -> None:
    shown = [r.params for r in score("葉劉淑儀", "Lau Suk-yee").explanation]
    assert any("cantonese" in p.get("system_a", "") for p in shown)


@pytest.mark.parametrize(
    ("han", "latin"),
    [
        # a Hokkien final e after a consonant also ay (生 senn Say)
        ("林瑞生", "Lim Swee Say"),  # https://en.wikipedia.org/wiki/Lim_Swee_Say
        # a final ng after ua or ia also n (光 kuang Kuan)
        ("李光耀", "Lee Kuan Yew"),  # https://en.wikipedia.org/wiki/Lee_Kuan_Yew
        ("李光前", "Lee Kong Chian"),  # https://en.wikipedia.org/wiki/Lee_Kong_Chian (kong kept)
        # io before k also eo, as iong is eong (玉 giok Geok): his alias, same article
        ("李玉昆", "Lee Geok Kun"),
    ],
)
def test_hokkien_ay_and_final_n_spellings_meet_the_characters(han: str, latin: str) -> None:
    assert score(han, latin).probability >= 0.5


@pytest.mark.parametrize(
    ("han", "latin"),
    [
        ("李光耀", "Lee Kong Chian"),  # same surname and 光, another second character
        ("李光前", "Lee Kuan Yew"),
        ("林瑞明", "Lim Swee Say"),  # another last character
        ("李玉明", "Lee Geok Kun"),
    ],
)
def test_hokkien_ay_and_final_n_keep_others_apart(han: str, latin: str) -> None:
    assert score(han, latin).probability < 0.5


def test_hokkien_ay_and_final_n_follow_the_names_habits() -> None:
    def spelt(ch: str) -> set[str]:
        return {s.lower() for s, _ in character_spellings(ch, "hokkien")}

    assert "say" in spelt("细")  # sè: Say
    assert "tay" in spelt("郑")  # tēnn: Tay
    assert "kuan" in spelt("光") and "kong" in spelt("光")
    assert "lian" in spelt("亮") and "liang" in spelt("亮")
    assert "kang" in spelt("江") and "kan" not in spelt("江")  # ang alone keeps its ng
    assert "geok" in spelt("玉")
    # hui also hwee, as sui is Swee: Lim Hwee Hua (惠華), https://en.wikipedia.org/wiki/Lim_Hwee_Hua
    assert "hwee" in spelt("惠")
    assert len(character_spellings("亮", "hokkien")) <= 5  # one spelling over the cap at most


def test_a_southern_surname_missing_from_the_mainland_list_marks_a_dialect_spelling() -> None:
    # 霍 Fok is not among the mainland's common surnames: Fok Ying-tung has no other word spelt
    # like a surname (https://en.wikipedia.org/wiki/Henry_Fok; data/surnames_southern.csv)
    assert score("霍英東", "Fok Ying-tung").probability >= 0.5
    assert score("霍英明", "Fok Ying-tung").probability < 0.5  # another given name
    assert score("麥英東", "Fok Ying-tung").probability < 0.5  # another surname


def test_a_listed_surname_in_a_spelling_the_list_lacks_marks_a_dialect_spelling() -> None:
    # 謝 Chea/Cheah (Hokkien, Teochew): a Cambodian Chinese paper writes Chea Vandeth 谢万迪
    # (benchmarks/data/names_mm_kh_la_real.csv kh312); Vandeth is spelt like no surname, and Chea
    # was not among 謝's spellings (data/surnames_southern.csv, ninth round)
    assert score("谢万迪", "Chea Vandeth").probability >= 0.5
    assert score("谢万迪", "Chea Sophara").probability < 0.5  # same surname, another person
    assert score("谢辛", "Chea Vandeth").probability < 0.5  # Chea Sim's transcription
