"""Shared helpers for the name benchmarks: synthetic name generation and a naive baseline fold.

Synthetic Chinese names draw surnames and given-name characters with the frequencies in
``src/mekongx/matching/data``; synthetic Thai names combine common Thai given names and family
names (listed below; everyday names, not real persons' full names).
"""

from __future__ import annotations

import functools
import itertools
import random
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from pypinyin import Style, lazy_pinyin

from mekongx.matching import _data, han, pinyin_to_thai

THAI_GIVEN = (
    "สมชาย สมศักดิ์ สมพงษ์ สมหมาย ธนากร ธนพล ธนวัฒน์ ธีรพงษ์ ธีรวัฒน์ วิชัย วิชาญ วิทยา สุรชัย สุริยา"
    " สุเทพ ประเสริฐ ประสิทธิ์ ประยูร ชัยวัฒน์ ชาญชัย อนุชา อนุวัฒน์ กิตติพงษ์ กิตติศักดิ์ พงศกร พงษ์ศักดิ์"
    " ณัฐพล ณัฐวุฒิ ศุภชัย ศักดิ์ชัย บุญมี บุญชัย มานพ มนตรี ปิยะ ปิยะพงษ์ วีระ วีระพงษ์ อำนาจ อภิชาติ"
    " สุดารัตน์ สุภาพร กนกพร จันทร์เพ็ญ นภาพร พรทิพย์ รัตนา วันเพ็ญ ศิริพร อรุณี มาลี สมใจ"
).split()
THAI_SURNAME = (
    "คัยนันท์ ใจดี แสงทอง ศรีสุข บุญมา ทองดี สุขสวัสดิ์ วงศ์ใหญ่ มั่นคง รุ่งเรือง ศรีวงศ์ พึ่งบุญ"
    " ชัยมงคล ประเสริฐศรี สมบูรณ์ แก้วมณี บุญเรือง จันทร์แก้ว ทองคำ ศรีประเสริฐ พรหมมา อินทร์แก้ว"
    " สายทอง เพชรรัตน์ ศักดิ์ดี กิจเจริญ วัฒนชัย ธนสาร เรืองศรี มณีวงศ์ นาคสวัสดิ์ พุ่มพวง บุญยืน"
    " สิงห์ทอง ขำดี จันทร์หอม แสงอรุณ ทองประเสริฐ ชุ่มชื่น อ่อนศรี"
).split()
NEAR_SURNAMES = (("兰", "林"), ("李", "卢"), ("张", "庄"), ("刘", "牛"), ("陈", "程"), ("杨", "唐"))


@dataclass
class Entity:
    id: str
    nationality: str
    kind: str  # real | generated
    names: list[tuple[str, str]] = field(default_factory=list)  # (script, name)


def _weighted(rng: random.Random, table: dict[str, float], k: int = 1) -> list[str]:
    keys = list(table)
    return rng.choices(keys, weights=[table[x] for x in keys], k=k)


def surname_table() -> dict[str, float]:
    return {s.han: s.per_mille for s in _data.surnames().values()}


def given_table() -> dict[str, float]:
    text = (
        resources.files("mekongx.matching")
        .joinpath("data")
        .joinpath("given_syllables.csv")
        .read_text(encoding="utf-8")
    )
    rows = [ln.split(",") for ln in text.splitlines() if ln and not ln.startswith(("#", "han,"))]
    return {r[0]: float(r[2]) for r in rows}


def _simp_to_trad() -> dict[str, str]:
    out: dict[str, str] = {}
    for t, s in _data.trad_to_simp().items():
        out.setdefault(s, t)
    return out


def random_chinese(rng: random.Random, surname: str | None = None, given: str | None = None) -> str:
    if surname is None:
        surname = _weighted(rng, surname_table())[0]
    if given is None:
        n = 2 if rng.random() < 0.75 else 1
        given = "".join(_weighted(rng, given_table(), n))
    return surname + given


def chinese_renderings(rng: random.Random, name: str) -> list[tuple[str, str]]:
    """Simplified/traditional Han, pinyin/Wade-Giles/dialect Latin, THC43/RI49/Teochew Thai."""
    s, g = han.segment(name)
    s_py, g_py = han.surname_pinyin(s), han.given_pinyin(g)
    sp = "".join(han.toneless(s_py)).capitalize()
    gp = [x.capitalize() for x in han.toneless(g_py)]
    out: list[tuple[str, str]] = [("zh", name)]
    s2t = _simp_to_trad()
    trad = "".join(s2t.get(ch, ch) for ch in name)
    if trad != name and rng.random() < 0.5:
        out.append(("zh", trad))
    given_joined = "".join(gp).capitalize()
    latin_forms = [
        f"{sp} {given_joined}",
        f"{sp.upper()} {given_joined}",
        f"{given_joined} {sp}",
        f"{sp} {'-'.join(gp).capitalize()}" if len(gp) > 1 else f"{sp} {given_joined}",
        f"{sp} {' '.join(gp)}",
    ]
    row = _data.surnames().get(s)
    wg = [x.replace("'", "").replace("v", "u") for x in lazy_pinyin(g, style=Style.WADEGILES)]
    if row is not None and row.latin_variants:
        latin_forms.append(f"{rng.choice(row.latin_variants).capitalize()} {given_joined}")
        latin_forms.append(f"{row.latin_variants[0].capitalize()} {'-'.join(wg).capitalize()}")
    out += [("latin", x) for x in rng.sample(latin_forms, 2)]
    whole = [*s_py, *g_py]
    thai_forms = []
    for system in ("thc43", "ri49"):
        th = pinyin_to_thai(whole, system)  # type: ignore[arg-type]
        th_s = pinyin_to_thai(list(s_py), system)  # type: ignore[arg-type]
        rest = th[len(th_s) :] if th.startswith(th_s) else pinyin_to_thai(list(g_py), system)  # type: ignore[arg-type]
        thai_forms.append(f"{th_s} {rest}")
    no_marks = "".join(ch for ch in thai_forms[0] if ch not in "\u0e48\u0e49\u0e4a\u0e4b")
    thai_forms.append(no_marks)
    thai_forms.append("นาย" + thai_forms[0])
    if row is not None and row.thai_variants:
        rest = thai_forms[0].split(" ", 1)[1]
        thai_forms.append(f"{row.thai_variants[0]} {rest}")
        thai_forms.append(f"แซ่{row.thai_variants[0]} {rest}")
    out += [("th", x) for x in rng.sample(thai_forms, 2)]
    return out


# Passport and press spelling habits for Thai names, applied to an RTGS form. Written by hand from
# spellings people really carry (benchmarks/data/names_thai_real.csv and names_dev.csv: Supachai,
# Teerasil, Kamsing, Jutanugarn, Vichai, Somluck, Ponlid, Hanprab, Kraisorn, Boonjumnong, Seesondee,
# Srisuwan, Sang for แสง, Chaided/Jaided); independent of the engine's code.
PASSPORT_HABITS: tuple[tuple[str, str], ...] = (
    (r"ph", "p"),  # Supachai, Pansa
    (r"th", "t"),  # Teerasil, Tanaboon
    (r"kh", "k"),  # Kamsing, Kraprayoon
    (r"ch", "j"),  # Jutanugarn, Jaided
    (r"w", "v"),  # Vichai, Kunlavut
    (r"i(?=[^aeiou]|$)", "ee"),  # Seesondee, Teeratep
    (r"u(?=[^aeiou]|$)", "oo"),  # Boonjumnong, Pootrakool
    (r"on(?=[^aeiou]|$)", "orn"),  # Kraisorn, Udomporn
    (r"an(?=[^aeiou]|$)", "arn"),  # Jutanugarn, Charnvit
    (r"t$", "d"),  # Ponlid, Chaided
    (r"k$", "ck"),  # Somluck
    (r"p$", "b"),  # Hanprab
    (r"^s(?=i)", "sr"),  # Srisuwan, Srichaphan (ศรี)
    (r"aeng", "ang"),  # Chaisang (แสง)
    (r"uea", "ua"),  # Senamuang
    (r"ao", "ow"),  # Prompow
)


@functools.cache
def rtgs(word: str) -> str:
    """RTGS-like romanisation of one Thai word by an independent engine: PyThaiNLP's thai2rom
    (a model trained on romanised names, bundled with pythainlp; needs onnxruntime). Install with
    ``.venv/bin/pip install -r benchmarks/requirements-names.txt``."""
    try:
        from pythainlp.transliterate import romanize as pythainlp_romanize
    except ImportError as exc:  # pragma: no cover - benchmark-only dependency
        raise SystemExit(
            "benchmarks need pythainlp and onnxruntime for Thai spellings: "
            ".venv/bin/pip install -r benchmarks/requirements-names.txt"
        ) from exc
    learnt = str(pythainlp_romanize(word, engine="thai2rom_onnx")).replace("-", "")
    rules = str(pythainlp_romanize(word, engine="royin"))
    # the model now and then stops early (บุญเรือง -> "bunr"): then take PyThaiNLP's rule-based
    # RTGS engine instead
    return learnt if len(learnt) >= 0.7 * len(rules) else rules


def passport_spelling(rng: random.Random, word: str) -> str:
    """One spelling of a Thai word as passports write it: its RTGS form with 0-3 habits applied."""
    out = rtgs(word)
    for pattern, repl in rng.sample(PASSPORT_HABITS, rng.choice((0, 1, 2, 3))):
        out = re.sub(pattern, repl, out)
    return out


def random_thai(rng: random.Random, given: str | None = None, surname: str | None = None) -> str:
    return f"{given or rng.choice(THAI_GIVEN)} {surname or rng.choice(THAI_SURNAME)}"


def thai_renderings(rng: random.Random, name: str) -> list[tuple[str, str]]:
    given, surname = name.split(" ")
    out: list[tuple[str, str]] = [("th", name)]
    if rng.random() < 0.3:
        out.append(("th", rng.choice(("นาย", "นาง", "พ.ต.อ. ", "ด.ต.")) + name))
    rg, rs = rtgs(given), rtgs(surname)
    forms = [f"{rg.capitalize()} {rs.capitalize()}"]
    for _ in range(3):
        vg, vs = passport_spelling(rng, given), passport_spelling(rng, surname)
        forms.append(f"{vg.capitalize()} {vs.capitalize()}")
    forms.append(f"{passport_spelling(rng, surname).upper()} {rg.capitalize()}")
    out += [("latin", x) for x in rng.sample(forms, 2)]
    return out


_THAI_NAIVE = dict(
    zip(
        "กขฃคฅฆงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮะัาำิีึืุูเแโใไ็",
        "k kh kh kh kh kh ng ch ch ch s ch y d t th th th n d t th th th n b p ph f ph f ph m y r l w"
        " s s s h l o h a a a am i i ue ue u u e ae o ai ai o".split(),
        strict=True,
    )
)


def naive_fold(name: str) -> str:
    """Baseline fold: pypinyin for Han, letter-by-letter Thai, ASCII for Latin (no name rules)."""
    out = []
    for token in name.replace("·", " ").split():
        if any("\u4e00" <= ch <= "\u9fff" for ch in token):
            out.append(" ".join(lazy_pinyin(token)))
        elif any("\u0e00" <= ch <= "\u0e7f" for ch in token):
            out.append("".join(_THAI_NAIVE.get(ch, "") for ch in token))
        else:
            t = unicodedata.normalize("NFKD", token.lower())
            out.append("".join(ch for ch in t if ch.isalpha() and ch.isascii()))
    return " ".join(out)


def nomenklatura_logic_v2() -> tuple[Callable[[str], Any], Callable[[Any, Any], float]] | None:
    """The nomenklatura baseline, or None when it is not installed (it is optional: see
    benchmarks/requirements-names.txt): ``entity(name)`` makes a Person with a new id (logic-v2
    caches its name analysis per entity id) and ``compare(a, b)`` scores two of them."""
    try:
        from followthemoney.proxy import EntityProxy
        from nomenklatura.matching import get_algorithm
        from nomenklatura.matching.types import ScoringConfig
    except ImportError as exc:
        print(f"nomenklatura baseline skipped: not importable ({exc})")
        return None
    algo = get_algorithm("logic-v2")
    cfg = ScoringConfig.defaults()
    counter = itertools.count()

    def entity(name: str) -> Any:
        return EntityProxy.from_dict(
            {"id": f"e{next(counter)}", "schema": "Person", "properties": {"name": [name]}}
        )

    def compare(a: Any, b: Any) -> float:
        return float(algo.compare(a, b, cfg).score)

    return entity, compare
