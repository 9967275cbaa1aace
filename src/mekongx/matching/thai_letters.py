"""Thai letters and the rewrites of a written word before its syllables are read.

The letter tables (initial and final sound of each consonant, vowel signs) follow the Royal
Institute's RTGS (1999/2542). ``prepare`` drops tone marks (not used in matching), rewrites the
Thai spellings of Mandarin ü in Chinese names, splits a leading เ that belongs to the second of
two consonants, and removes silent letters, keeping how a spelling would sound them.
"""

from __future__ import annotations

import re

_CONS = "กขฃคฅฆงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮฤฦ"
# initial and final sound of each consonant letter (RTGS), in the order of _CONS
_INIT = dict(
    zip(
        _CONS,
        (
            "k kh kh kh kh kh ng ch ch ch s ch y d t th th th n d t th th"
            " th n b p ph f ph f ph m y r l w s s s h l - h rue lue"
        ).split(),
        strict=True,
    )
)
_FINAL = dict(
    zip(
        _CONS,
        (
            "k k k k k k ng t t t t t n t t t t t n t t t t"
            " t n p p p p p p p m i n n u t t t - n - - n n"
        ).split(),
        strict=True,
    )
)
_LEAD = "เแโใไ"
_TONE = "\u0e48\u0e49\u0e4a\u0e4b"
_AFTER = "ัิีึืุู็ะาำ\u0e3a"  # vowel signs written after/above/below the onset, plus phinthu
_SONORANT = "งญนมยรลว"
_CLUSTER_1 = "กขคตปผพ"
_SILENT = re.compile(r"[ก-ฮ][ิุ]?\u0e4c")
# finals after which a written ร is silent (บุตร, จักร, เพชร, ศุภร); finals that link in formal reading
_SILENT_R_AFTER = "ตทดกชจปพภบศษส"
_LINKABLE = "กขคฆจชซฌญฎฏฐฑฒณดตถทธนบปพภศษสรลมวย"
_TRO = re.compile(r"(?<![\u0e30-\u0e39])([ทตด])ร\u0e4c")
# ... but right after a vowel sign the stop is the final and only ร is silent (ภัทร์ phat, นิวัตร์
# ni-wat, as ภัทร, บุตร): RTGS and the Royal Institute's dictionary read ภัทร์ as พัด
_TRO_AFTER_VOWEL = re.compile("(?<=[\u0e30-\u0e39])([ทตด])ร\u0e4c")
_WONG = re.compile("(?<=[ก-ฮ])วง([ศษ]\u0e4c)")


# พรหม phrom: ห between ร and ม is silent and พร is a cluster (marked with phinthu, as in
# Chinese transcriptions)
_BRAHM = re.compile("([กขคตปผพ])รหม")


def _strip_silent(word: str) -> tuple[str, str]:
    """Remove letters cancelled by the thanthakhat (์); ย์/ว์ closing a vowel keep the glide
    (Chinese เว่ย์).

    Also returns how formal and passport spellings sound a cancelled letter at the end of the
    word, as a syllable of its own (ภักดิ์ -> di: Pakdi; ภิรมย์ -> ya: Piromya; รัตน์ -> na: Ratana).
    """
    # เกียรติ์ (สุรเกียรติ์ Surakiart) is read as เกียรติ: kiat, not kian; the family-name word
    # วงศ์/วงษ์ is wong (รัตนวงศ์ rat-ta-na-wong), not the ua of ดวง/พวง
    word = _WONG.sub("วอง\\1", word.replace("ียรติ\u0e4c", "ียรติ"))
    word = _BRAHM.sub("\\1\u0e3aรม", _TRO.sub("", _TRO_AFTER_VOWEL.sub("\\1", word)))
    tail = ""

    def repl(m: re.Match[str]) -> str:
        nonlocal tail
        text, start = m.group(0), m.start()
        glide = text[0] in "ยว" and len(text) == 2
        j = start - 1
        while j >= 0 and word[j] in _CONS:  # back over the onset to a leading vowel (เหว่ย์)
            j -= 1
        # … only round a one-consonant onset or a cluster: in ปรเมศย์ (po-ra-met) ศ is the final
        onset = word[j + 1 : start]
        one = len(onset) == 1 or (len(onset) == 2 and onset[1] in "รลว")
        if glide and start and (word[start - 1] in _AFTER or (j >= 0 and word[j] in _LEAD and one)):
            return text[0]
        if m.end() == len(word) and text[0] not in "รอ":
            tail = _INIT[text[0]] + {"ิ": "i", "ุ": "u"}.get(text[1], "a")
        return ""

    return _SILENT.sub(repl, word), tail


_C = "[ก-ฮ]"
# Thai spellings of the Mandarin rounded vowel ü (RI49 with phinthu, THC43 with ว์ / วี / วิ),
# rewritten so that they read like pinyin u/ue/uan/un after j, q, x, y (สฺวี -> สู = "su" = xu).
_CHINESE_U: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"([ซสจชฉร])ือ", r"\1ี"),  # apical vowel of si/zi/ci/zhi/chi/shi/ri (ซือ = si)
        (r"อฺวี|อีว์", "ยู"),
        (r"อฺวิน|อวิน", "ยุน"),
        (r"เอฺวียน|เอวียน", "ยวน"),
        (r"เอฺว|เอวีย", "ยือ"),
        (f"เ({_C})ฺวียน|เ({_C})วียน", r"\1\2วน"),
        (f"เ({_C})ฺว(?!ี)|เ({_C})วีย", r"\1\2ือ"),
        (f"({_C})ฺวิน|({_C})วิน", r"\1\2ุน"),
        (f"({_C})ฺวี|({_C})ีว์", r"\1\2ู"),
    )
)


def _chinese_u(word: str) -> str:
    for pattern, repl in _CHINESE_U:
        word = pattern.sub(repl, word)
    return word


_TONED_HO = re.compile("ห(?=[\u0e48-\u0e4b])")
# เ before two consonants that are no cluster, with a vowel closing round the second (เ-ิ, เ-ือ,
# เ-าะ, เ-ียC): the first consonant is a syllable of its own with an implicit a (เฉลิม cha-loem,
# เจริญ cha-roen, เสนาะ sa-no, เสถียร sa-thian). Clusters, ห/อ leading and ว (เทวินทร์) excluded.
# เ-ิ only round a sonorant closed by a final (เฉลิม, เจริญ; but เมฆินทร์ me-khin, เตชินท์ te-chin, เนติ
# ne-ti, เปมิกา pe-mi-ka), เ-็ round the second (เผด็จ pha-det), and ษ only before a final that is
# sounded and ends the syllable (เกษม ka-sem, เกษตร ka-set; เชษฐ์ and วิเชษฐ chet: a final ฐ after ษ
# is silent, เกษกนก ket-ka-nok).
_SPLIT_LEAD_E = re.compile(
    "เ([ก-ฮ])([ก-ฮ])(?=(?<=[รลนมงยญ])ิ[ก-ฮ](?![ะัาำิีึืุู])|็|ือ|าะ|ีย[ก-ฮ](?!\u0e4c)"
    "|(?<=ษ)[ก-ฏฑ-ฮ](?![\u0e30-\u0e3a\u0e47\u0e4c]|[ก-ยฤ-ฮ])"
    "|(?<![ษศ])(?!ร|อ)[ก-ฮ]$|(?<=[มนลงยว])ร$)"
)
# … and any two consonants before a third that ends the word, the first with its implicit a
# (เสวก sa-wek, เศวต sa-wet, เขมร kha-men), but not ร after a stop, which is silent (เพชร phet,
# เนตร net)


def _split_lead_e(word: str) -> str:
    def repl(m: re.Match[str]) -> str:
        c1, c2 = m.group(1), m.group(2)
        cluster = (c1 in _CLUSTER_1 and c2 in "รล") or (c1 in "กขค" and c2 == "ว")
        at_end = m.end() + 1 == len(m.string)  # the last branch above: no vowel, a final
        if cluster or c1 in "หอ" or (c2 == "ว" and not at_end) or (c1 in "ทศส" and c2 == "ร"):
            return m.group(0)
        return f"{c1}ะเ{c2}"

    return _SPLIT_LEAD_E.sub(repl, word)


# a word that opens on ปร before a consonant without a vowel of its own: the dictionary reads it
# po-ra (ปรเมศ po-ra-met, ปรมัตถ์ po-ra-mat), and many bearers write pra, as if ประ were spelt
# (Pramudwinai, Pramet, Pramin); read both ways
_PRA = re.compile("^ปร(?=[ก-ฮ])")
# เ-สร with no vowel after the ร: the ส has its own o and the ร is its final (เกสร ke-son, Kesorn;
# the reader took ส as the final of เก- and ร as silent, as in เพชร); Royal Institute dictionary
_E_SON = re.compile("(?<=เ[ก-ฮ])([\u0e48-\u0e4b]?)สร(?![\u0e30-\u0e39\u0e47-\u0e4e])")
# บวร (excellent) at the start of a name: the dictionary reads bo-won, speakers say ba-won (the
# annotated dev spellings of nozomiyamada/thai_romanization: บวรศักดิ์ bawonsak, ipa ba-won-sak)
_BAWON = re.compile("^บวร(?![\u0e30-\u0e39\u0e47-\u0e4e])")
# a final stop before ห and its vowel: many write the stop as the aspirated onset of the next
# syllable (อาจหาญ at-han written Athan, Adharn: a-than); read as if the ห syllable opened on the
# aspirated stop (the dev part of nozomiyamada/thai_romanization: athan, adharn for อาจหาญ)
_STOP_HO = re.compile(
    "(?<=[\u0e30-\u0e39])([จชซดตถทธศษสฎฏฐ]|[กขค]|[บปพภ])ห(?=[\u0e48-\u0e4b]?[\u0e30-\u0e39\u0e47])"
)
# บดี (lord, Pali pati) that ends a word: the dictionary reads บอ-ดี, bo-di (อธิบดี อะ-ทิ-บอ-ดี;
# Athibodi, Atibodee), which the reader, giving the bare บ a or the final of the syllable before
# it, missed (a-thip-di, a-thip-ba-di)
_BODI = re.compile("(?<=[ก-ฮ\u0e30-\u0e39])บดี$")
_ASPIRATED = {
    **dict.fromkeys("จชซดตถทธศษสฎฏฐ", "ถ"),
    **dict.fromkeys("กขค", "ข"),
    **dict.fromkeys("บปพภ", "ผ"),
}
# ห before ว and a final (no vowel sign after it): ห is the onset and ว the vowel ua, as in นวล
# (หวล huan, หวง huang; Homhuan), not a silent ห before w; read as if spelt with ฮ
_HO_UA = re.compile("หว(?=[ก-ฮ](?![\u0e30-\u0e39\u0e47]))")
# ปร with its own vowel inside a word: many say and write the cluster without its r (สุประภา
# Supapha, สุปรานี Supanee, นวลปราง Nuanpang: annotated dev spellings); read without it too. Not
# other clusters: ตร, กร after a vowel sign are as often a final and an onset (จิตรี chit-ri)
_CLUSTER_R = re.compile("(?<=[ก-ฮ\u0e30-\u0e39])ปร(?=[\u0e30-\u0e39\u0e47])")


def respellings(word: str) -> tuple[str, ...]:
    """Other spellings of a word (tone marks as written) that sound as some bearers read it:
    ฤกษ์ (an auspicious time) sounds roek (ศุภฤกษ์ Suppharoek, ฤกษ์ชัย Roekchai), an opening ปร
    before a bare consonant pra (ปรมัตถ์ Pramut), เ-สร ke-son (เกสร Kesorn), บวร ba-won
    (Bawornsak), ห before ว and a final hua (หวล huan), a final stop before ห the next
    syllable's aspirated onset (อาจหาญ Athan), a closing บดี bo-di (อธิบดี Athibodi) and ปร inside
    a word without its r (สุประภา Supapha). Each is read like any word."""
    out = []
    if "ฤกษ์" in word:
        out.append(word.replace("ฤกษ์", "เริก"))
    if _PRA.match(word):
        out.append(_PRA.sub("ประ", word))
    if _E_SON.search(word):
        out.append(_E_SON.sub("\\1สอน", word))
    if _BAWON.match(word):
        out.append(_BAWON.sub("บะวร", word))
    if _STOP_HO.search(word):
        out.append(_STOP_HO.sub(lambda m: _ASPIRATED[m[1]], word))
    if _HO_UA.search(word):
        out.append(_HO_UA.sub("ฮว", word))
    if _BODI.search(word):
        out.append(_BODI.sub("บอดี", word))
    if _CLUSTER_R.search(word):
        out.append(_CLUSTER_R.sub("ป", word))
    return tuple(out)
