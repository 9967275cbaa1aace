"""Add the Hong Kong, Macau, Singapore and Malaysian surname spellings of zh.wikipedia's table to surnames_southern.csv.

    PYTHONPATH=src python scripts/build_southern_surnames.py corpus.json

The file is ``corpus.json`` of https://github.com/Matthewow/Chinese_surname_corpus (commit
9cc0cc64b7c4, 2021-03-23): 509 surnames as the zh.wikipedia table 漢姓羅馬字標注 (romanisations of
Chinese surnames) lists them, one object per surname with its simplified and traditional forms and
its spellings per place (``mainland``, ``taiwan``, ``hongkong``, ``macao``, ``singapore``,
``malaysia``, ...), several separated by ``/``. Spellings are facts; only the surname and the
spellings of the four southern columns are kept.

A spelling is added to ``src/mekongx/matching/data/surnames_southern.csv`` when its key is none of
the surname's keys the engine already reads (``southern_chinese._surname`` in every dialect: the
characters' readings, ``surnames_zh.csv``, the rows already in the file) nor the key of its
mainland or Taiwan spelling (read as pinyin or Wade-Giles elsewhere), and when its key is none of
the keys of the pinyin of another surname of ``surnames_zh.csv``: 钱 Chen, 陈 Sin or 杜 Tao would
make every mainland name of 陈, 辛 or 陶 in pinyin meet the other surname (names_speed.py's generated
Chen Ming met 徐明 through 徐 Cher, whose key is chen's). Left out as well: compound surnames
(the engine reads one surname character), spellings of other letters than a-z, those with no
vowel (池 Tsz: a key of one consonant; a syllabic ng is kept, 王 Ng, 殷 Hng), and four misprints
of the table (薛 Silk, 雷 Lewe, 杨 Ewu, 巩 Konh); and four spellings that are Cambodian family names (谢 Tia,
申/荀/辛 Son): with them a Cambodian Tea Seiha or Son Sann was read as a dialect spelling and met
the Chinese transcription of another Cambodian (``benchmarks/names_mekong.py``, Khmer strata). The
rows already in the file keep their spellings first.

Two more kinds are left out (the lead, after a review of the first build): a spelling whose key
any reading the engine already has gives to another surname (洪 Ong is 王's Hokkien Ong: with it
Ong Chee Meng met 洪志明 at 1.000; 池 Dea has the key of 谢's Tia), or that the table lists as the
Vietnamese spelling of another surname (戴 To: Tô is 苏), and a spelling whose key is a common
family name or name word of Cambodia, Myanmar, Laos or Vietnam (``_MEKONG_WORDS``: with 孙 Tun,
孙敏 met the Burmese Tun Min, and 池班 the Cambodian Tea Banh). A dialect spelling is only a
reason to read a Latin name as Chinese; one that is already another surname's, or a Mekong name's,
adds false matches across the region and no true one that the other reading does not give.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from mekongx.matching import _data, southern_chinese
from mekongx.matching.keys import ascii_fold, latin_key

OUT = Path(__file__).resolve().parents[1] / "src" / "mekongx" / "matching" / "data"
FILE = OUT / "surnames_southern.csv"
COLUMNS = ("hongkong", "macao", "singapore", "malaysia")
_MISPRINTS = frozenset(("silk", "lewe", "ewu", "konh"))
# spellings of Cambodian family names (谢 Tia as Tea Seiha, 申 Son as Son Sann): with them a
# Cambodian name met the Chinese transcription of another person (names_mekong.py, Khmer strata)
_CAMBODIAN = frozenset((("谢", "tia"), ("申", "son"), ("荀", "son"), ("辛", "son")))
# common family names and name words of Cambodia, Myanmar, Laos and Vietnam in Latin letters, as
# the Wikipedia articles "Khmer name", "Burmese names", "Lao name" and "Vietnamese name" list them
# (common Khmer surnames; the Burmese syllables of the names' tables; Lao given names; Vietnamese
# family names and the middle names Văn and Thị), keyed as the engine keys Latin words
_MEKONG_WORDS = frozenset(
    latin_key(w)
    for w in (
        # Cambodia
        "hun sok chea keo tea tia son men sam heng ouk prak say kong nhem tep meas chan pen sar mao"
        " ros sun yim ung huot seng sim chhim khem mam tith long ly hor nuon kao sao dy "
        # Myanmar
        "aung tun htun soe min myint win thein kyaw naing nyunt zaw oo hla maung khin than tin thet"
        " hlaing swe sein shwe mya lwin ne nu thu ye wai phyo moe lay kyi thi san sann nyo tha may "
        # Laos
        "bounmy khampheng phoumi souk sy vong keo thong boun kham "
        # Vietnam
        "nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly van thi to"
    ).split()
)
_NOTE = re.compile(r"\[.*?\]")


def _spellings(cell: str) -> list[str]:
    return [s.strip().lower() for s in re.split("[/,]", _NOTE.sub("", cell)) if s.strip()]


def _usable(spelling: str) -> bool:
    if not spelling.isascii() or not spelling.isalpha() or spelling in _MISPRINTS:
        return False
    return bool(re.search("[aeiouy]", spelling)) or spelling.endswith("ng")


def _taken(rows: list[dict[str, str]]) -> dict[str, set[str]]:
    """spelling -> the surnames a reading already spells so: the pinyin of surnames_zh.csv, every
    dialect spelling the engine has (southern_chinese._surname), and the table's own Vietnamese
    column (Hán-Việt spellings without their marks: 苏 To)."""
    taken: dict[str, set[str]] = {}
    names = set(_data.surnames()) | {_NOTE.sub("", r["zh_sim"]).strip() for r in rows}
    for han, surname in _data.surnames().items():
        taken.setdefault(ascii_fold(surname.pinyin), set()).add(han)
    for han in sorted(n for n in names if len(n) == 1):
        for d in southern_chinese.DIALECTS:
            for spelling, _, _ in southern_chinese._surname(han, d):
                taken.setdefault(ascii_fold(spelling), set()).add(han)
    for row in rows:
        han = _NOTE.sub("", row["zh_sim"]).strip()
        for s in _spellings(row.get("vietnam", "")):
            taken.setdefault(ascii_fold(s), set()).add(han)
    return taken


def additions(rows: list[dict[str, str]]) -> dict[str, list[str]]:
    """surname (simplified) -> the spellings to add, in the order of the table's columns."""
    out: dict[str, list[str]] = {}
    taken = _taken(rows)
    pinyin: dict[
        str, set[str]
    ] = {}  # key -> the surnames whose pinyin has it (徐 Cher: chen's key)
    for han, surname in _data.surnames().items():
        pinyin.setdefault(latin_key(surname.pinyin), set()).add(han)
    wanted: dict[
        str, set[str]
    ] = {}  # spelling -> the surnames the table's southern columns give it
    for row in rows:
        for column in COLUMNS:
            for s in _spellings(row[column]):
                wanted.setdefault(s, set()).add(_NOTE.sub("", row["zh_sim"]).strip())
    for row in rows:
        han = _NOTE.sub("", row["zh_sim"]).strip()
        if len(han) != 1:
            continue
        known = {
            k for d in southern_chinese.DIALECTS for _, k, _ in southern_chinese._surname(han, d)
        }
        known |= {latin_key(s) for c in ("mainland", "taiwan") for s in _spellings(row[c])}
        for column in COLUMNS:
            for s in _spellings(row[column]):
                key = latin_key(s)
                # another surname's spelling, by a reading the engine has or in the table itself
                other = (pinyin.get(key, set()) | taken.get(s, set()) | wanted.get(s, set())) - {
                    han
                }
                if key in _MEKONG_WORDS or (han, s) in _CAMBODIAN:
                    continue
                if _usable(s) and key not in known and not other:
                    known.add(key)
                    out.setdefault(han, []).append(s)
    return out


def main(path: str) -> None:
    added = additions(json.loads(Path(path).read_text(encoding="utf-8")))
    lines = FILE.read_text(encoding="utf-8").splitlines()
    head = [ln for ln in lines if ln.startswith("#") or ln.startswith("han,")]
    body = [ln.split(",", 1) for ln in lines if ln and ln not in head]
    rows = {han: spellings.split("|") for han, spellings in body}
    for han, new in added.items():
        rows.setdefault(han, [])
        rows[han] += [s for s in new if s not in rows[han]]
    text = "\n".join(head) + "\n" + "".join(f"{h},{'|'.join(s)}\n" for h, s in rows.items())
    FILE.write_text(text, encoding="utf-8")
    print(f"{sum(map(len, added.values()))} spellings added for {len(added)} surnames")


if __name__ == "__main__":
    main(sys.argv[1])
