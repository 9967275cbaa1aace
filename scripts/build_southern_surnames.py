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
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from mekongx.matching import _data, southern_chinese
from mekongx.matching.keys import latin_key

OUT = Path(__file__).resolve().parents[1] / "src" / "mekongx" / "matching" / "data"
FILE = OUT / "surnames_southern.csv"
COLUMNS = ("hongkong", "macao", "singapore", "malaysia")
_MISPRINTS = frozenset(("silk", "lewe", "ewu", "konh"))
# spellings of Cambodian family names (谢 Tia as Tea Seiha, 申 Son as Son Sann): with them a
# Cambodian name met the Chinese transcription of another person (names_mekong.py, Khmer strata)
_CAMBODIAN = frozenset((("谢", "tia"), ("申", "son"), ("荀", "son"), ("辛", "son")))
_NOTE = re.compile(r"\[.*?\]")


def _spellings(cell: str) -> list[str]:
    return [s.strip().lower() for s in re.split("[/,]", _NOTE.sub("", cell)) if s.strip()]


def _usable(spelling: str) -> bool:
    if not spelling.isascii() or not spelling.isalpha() or spelling in _MISPRINTS:
        return False
    return bool(re.search("[aeiouy]", spelling)) or spelling.endswith("ng")


def additions(rows: list[dict[str, str]]) -> dict[str, list[str]]:
    """surname (simplified) -> the spellings to add, in the order of the table's columns."""
    out: dict[str, list[str]] = {}
    pinyin: dict[str, set[str]] = {}
    for han, surname in _data.surnames().items():
        pinyin.setdefault(latin_key(surname.pinyin), set()).add(han)
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
                other = pinyin.get(key, set()) - {han}  # the pinyin of another surname
                if _usable(s) and (han, s) not in _CAMBODIAN and key not in known and not other:
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
