"""Names of the Mekong countries (issue 12 part B): real public figures, per stratum.

    .venv/bin/python benchmarks/names_mekong.py            # table
    .venv/bin/python benchmarks/names_mekong.py --misses   # ... and every miss and false match

Data: ``benchmarks/data/names_mekong_real.csv`` (sourced per row; none of it comes from the
engine). Strata are pairs of forms of one person: Chinese characters, Vietnamese letters with
their marks, the same without marks in upper case (as a passport's machine-readable zone prints
them), a Burmese name with and without its courtesy word (U, Daw), a Lao name in Lao script and
in Latin letters; Hong Kong and Macau names in Chinese characters and in their Cantonese spelling
(also in upper case without hyphens), Singapore and Malaysian names in Chinese characters and in
their Hokkien, Teochew, Hakka or Foochow spelling; Thai names in Thai script, in the Latin
spelling the person carries and in the Chinese transcription Chinese officials write (Xinhua:
他信·西那瓦 = ทักษิณ ชินวัตร = Thaksin Shinawatra; ``data/names_thai_zh_real.csv``, its own
seen / held-out split in the column "part"); Vietnamese names as English-language sources print
them, given name first (Dat Tan Nguyen), also without the middle name (Dat Nguyen). For each
stratum:

- recall: share of true pairs scored at or above the engine's threshold;
- recall@1: each form of the first kind is compared with the forms of the second kind of every
  person; a hit when the true person has the top score (ties count);
- hard-negative FMR: share of pairs of two different persons scored as a match, where the two
  share their family name (Vietnam: 阮文安 against Nguyễn Văn Linh) or a word of the name
  (Myanmar: U Win Myint against Myint Swe; Laos: Sonexay Siphandone against Khamtai Siphandone;
  Thailand: a word of the Latin or of the Thai-script name, as a father and a son share one;
  Hong Kong to Malaysia: the same surname character, 李嘉誠 against Lee Chu-ming);
  every such pair of the data is counted;
- other-persons FMR (Chinese transcriptions of Burmese, Lao, Khmer and Thai names, against Latin
  letters or the script): share of every pair of two different persons of the stratum scored as a
  match, whether or not they share a word (Cambodia: 索索肯 against Chea Sophara). A transcription is
  read as sound, so it can meet the sound of another person's name with no word in common, which the
  hard negatives above never count. Every ordered pair is counted (at most 70 x 69 per stratum,
  no sample); a row's pairs are those whose first form is of the row's persons (held out: the
  held-out person's form against every other person of the stratum);
- Myanmar, strata with a Latin form: also the same name with its words in another order, generated
  from the seen persons only and marked as such (Thein Sein against "Sein Thein"): a Burmese name
  has no family name and a fixed order, so the same syllables in another order are another
  person's name (Tin Win, Win Tin), and a match is a false match.

Rows marked "seen" were tried while the rules were written (not blind); the table gives the figures
with and without them.
"""

from __future__ import annotations

import argparse
import csv
import time
from collections import defaultdict
from pathlib import Path

from mekongx.matching import calibration, score
from mekongx.matching.keys import ascii_fold

DATA = Path(__file__).parent / "data" / "names_mekong_real.csv"
# Hong Kong, Macau, Singapore, Malaysia: Chinese characters and Cantonese/Hokkien spellings
OVERSEAS = Path(__file__).parent / "data" / "names_overseas_chinese_real.csv"
# Myanmar and Khmer script, Cambodia, Chinese transcriptions of Lao names; with a held-out part
SCRIPTS = Path(__file__).parent / "data" / "names_mm_kh_la_real.csv"
# Thai public figures: Thai script, the Latin spelling they carry, Xinhua's Chinese transcription;
# its column "part" (seen / heldout) is the split, its column "check" how each form was verified
THAI_ZH = Path(__file__).parent / "data" / "names_thai_zh_real.csv"
STRATA = (
    ("VN", "zh", "vi", "Chinese characters - Vietnamese letters"),
    ("VN", "zh", "latin", "Chinese characters - no marks, upper case"),
    ("VN", "vi", "latin", "Vietnamese letters - no marks"),
    ("VN", "vi", "latin-west", "Vietnamese letters - Western order (given name first)"),
    ("VN", "vi", "latin-short", "Vietnamese letters - Western order, no middle name"),
    ("MM", "my-latin", "latin", "Burmese with - without courtesy word"),
    ("MM", "zh", "my-latin", "Chinese transcription - Burmese in Latin"),
    ("MM", "my", "my-latin", "Myanmar script - Latin"),
    ("MM", "my", "zh", "Myanmar script - Chinese transcription"),
    ("LA", "lo", "latin", "Lao script - Latin"),
    ("LA", "zh", "latin", "Laos: Chinese transcription - Latin"),
    ("LA", "lo", "zh", "Lao script - Chinese transcription"),
    ("KH", "km", "latin", "Khmer script - Latin"),
    ("KH", "zh", "latin", "Cambodia: Chinese transcription - Latin"),
    ("KH", "km", "zh", "Khmer script - Chinese transcription"),
    ("HK|MO", "zh", "latin", "Hong Kong, Macau: characters - Cantonese spelling"),
    ("HK|MO", "zh", "latin-mrz", "Hong Kong, Macau: characters - upper case, no hyphens"),
    ("SG|MY", "zh", "latin", "Singapore, Malaysia: characters - Hokkien/Teochew/... spelling"),
    ("TH", "zh", "latin", "Thailand: Chinese transcription - Latin"),
    ("TH", "th", "zh", "Thai script - Chinese transcription"),
    ("TH", "th", "latin", "Thai script - Latin"),
)
# strata of a Chinese transcription (read as sound): also every pair of two different persons
TRANSCRIBED = frozenset(("MM", "LA", "KH", "TH"))
_COURTESY = frozenset(("u", "daw"))
# the Burmese courtesy words a generated order-swapped name keeps first (docs/fugitives.md)
_COURTESY_ALL = frozenset(("u", "daw", "ko", "maung", "mg", "ma", "sai", "nang", "sao", "saw"))


def load() -> tuple[dict[str, dict[str, str]], dict[str, str], dict[tuple[str, str], str]]:
    forms: dict[str, dict[str, str]] = defaultdict(dict)
    country: dict[str, str] = {}
    check: dict[tuple[str, str], str] = {}
    for path in (DATA, OVERSEAS, SCRIPTS, THAI_ZH):
        text = path.read_text(encoding="utf-8").splitlines()
        for row in csv.DictReader(ln for ln in text if not ln.startswith("#")):
            forms[row["entity"]][row["script"]] = row["name"]
            country[row["entity"]] = row["country"]
            # names_thai_zh_real.csv keeps the split in "part" ("check" says how a form was checked)
            check[row["entity"], row["script"]] = row.get("part") or row["check"]
    return forms, country, check


def part(check: dict[tuple[str, str], str], e: str, x: str, y: str) -> str:
    """Which part of the data a pair of forms belongs to: "heldout" when either form is held
    out, "seen" when either was tried while the rules were written, else "not seen"."""
    marks = {check[e, x], check[e, y]}
    return "heldout" if "heldout" in marks else "seen" if "seen" in marks else "not seen"


def _shown(check: dict[tuple[str, str], str], e: str, x: str, y: str, form: str) -> str:
    """A form to print beside a miss: only a seen person's name is printed (a held-out or not-seen
    one is kept blind)."""
    which = part(check, e, x, y)
    return form if which == "seen" else f"(a {which.replace('heldout', 'held-out')} person)"


def related(cc: str, a: dict[str, str], b: dict[str, str]) -> bool:
    """Two persons who share the family name (VN; Chinese: its first character) or a name word
    (MM, LA, KH; TH: a word of the Latin or of the Thai-script name)."""
    if "zh" in a and "zh" in b and cc not in ("VN", "MM", "LA", "KH", "TH"):
        return a["zh"][0] == b["zh"][0]
    if cc == "VN":
        return ascii_fold(a["vi"].split()[0]) == ascii_fold(b["vi"].split()[0])
    if cc in ("LA", "KH", "TH"):
        if cc == "TH" and set(a["th"].split()) & set(b["th"].split()):
            return True
        return bool(
            {w.lower() for w in a["latin"].split()} & {w.lower() for w in b["latin"].split()}
        )
    words = [{w.lower() for w in p["my-latin"].split()} - _COURTESY for p in (a, b)]
    return bool(words[0] & words[1])


def swapped(name: str) -> str | None:
    """A Burmese name in Latin letters with its words in reverse order, its courtesy word kept
    first (U Thein Sein: U Sein Thein); None when that is the same name (one word)."""
    words = name.split()
    head = words[:1] if len(words) >= 3 and words[0].lower() in _COURTESY_ALL else []
    body = words[len(head) :]
    out = " ".join(head + body[::-1])
    return None if out.lower() == name.lower() else out


def order_negatives(
    forms: dict[str, dict[str, str]], check: dict[tuple[str, str], str], people: list[str],
    x: str, y: str, thr: float,
) -> list[bool]:  # fmt: skip
    """Generated hard negatives of a Myanmar stratum with a Latin form: each seen person's other
    form against the Latin form with its words reversed; True where scored as a match."""
    latin = y if y in ("latin", "my-latin") else x if x in ("latin", "my-latin") else None
    if latin is None:
        return []
    other = x if latin == y else y
    real = {forms[e][latin].lower() for e in people}
    out = []
    for e in people:
        if part(check, e, x, y) != "seen":
            continue
        fake = swapped(forms[e][latin])
        if fake is None or fake.lower() in real:
            continue
        out.append(score(forms[e][other], fake).probability >= thr)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--misses", action="store_true", help="print misses of seen rows only")
    args = ap.parse_args()
    t0 = time.time()
    thr = calibration.threshold()
    forms, country, check = load()
    print(
        "| stratum | rows | positive pairs | recall | recall@1 | F1 | hard negatives | FMR "
        "| other persons | FMR |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for cc, x, y, label in STRATA:
        people = [
            e for e in forms if country[e] in cc.split("|") and x in forms[e] and y in forms[e]
        ]
        groups = (
            ("all", people),
            ("not seen", [e for e in people if part(check, e, x, y) != "seen"]),
            ("held out", [e for e in people if part(check, e, x, y) == "heldout"]),
        )
        for which, chosen in groups:
            if not chosen:
                continue
            hits, top, neg, others = [], [], [], []
            transcribed = cc in TRANSCRIBED and "zh" in (x, y)
            for e in chosen:
                show = args.misses and which == "all" and part(check, e, x, y) == "seen"
                p = score(forms[e][x], forms[e][y]).probability
                hits.append(p >= thr)
                if show and p < thr:
                    print(f"  missed {p:.3f} {forms[e][x]} / {forms[e][y]}")
                ranked = {o: score(forms[e][x], forms[o][y]).probability for o in people}
                top.append(ranked[e] >= max(ranked.values()))
                if show and not top[-1]:
                    o = max(ranked, key=lambda k: ranked[k])
                    pair = f"{forms[e][x]} / {forms[e][y]}"
                    rival = _shown(check, o, x, y, forms[o][y])
                    print(f"  outranked {ranked[e]:.3f} {pair} by {rival} {ranked[o]:.3f}")
                for o in people:
                    if o != e and transcribed:
                        others.append(ranked[o] >= thr)
                        if show and ranked[o] >= thr and not related(cc, forms[e], forms[o]):
                            other = _shown(check, o, x, y, forms[o][y])
                            print(f"  other person {ranked[o]:.3f} {forms[e][x]} / {other}")
                    if o != e and related(cc, forms[e], forms[o]):
                        neg.append(ranked[o] >= thr)
                        if show and ranked[o] >= thr:
                            other = _shown(check, o, x, y, forms[o][y])
                            print(f"  false match {ranked[o]:.3f} {forms[e][x]} / {other}")
            fmr = f"{len(neg)} | {sum(neg) / len(neg):.3f}" if neg else "0 | -"
            fmr += f" | {len(others)} | {sum(others) / len(others):.3f}" if others else " | - | -"
            # F1 over the true pairs and the hard negatives (precision = true matches among all
            # pairs scored as a match)
            tp, fp = sum(hits), sum(neg)
            f1 = 2 * tp / (2 * tp + fp + (len(hits) - tp)) if hits else 0.0
            print(
                f"| {label} | {which} | {len(hits)} | {tp / len(hits):.3f} | "
                f"{sum(top) / len(top):.3f} | {f1:.3f} | {fmr} |"
            )
            if cc == "MM" and which == "all" and (swaps := order_negatives(
                forms, check, people, x, y, thr
            )):  # fmt: skip
                print(
                    f"| {label} | seen, words swapped (generated) | - | - | - | - | "
                    f"{len(swaps)} | {sum(swaps) / len(swaps):.3f} | - | - |"
                )
    print(f"threshold {thr}; {time.time() - t0:.0f} s")


if __name__ == "__main__":
    main()
