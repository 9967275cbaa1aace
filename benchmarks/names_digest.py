"""Answers digest of name screening, for changes that must not change an answer (speed work).

    PYTHONHASHSEED=0 PYTHONPATH=src .venv/bin/python benchmarks/names_digest.py

Run it on both sides of a change with ``PYTHONHASHSEED=0`` (a query's blocking keys are a set) and
compare the printed sha256. Names: every quoted name of ``tests/matching`` (Thai, Chinese, Latin,
Khmer, Lao, Burmese and Vietnamese script; the tests' own names, no held-out row), as many again
recombined within each script (one name's first word or character with another's rest; half to
the watchlist, half to the queries), and the generated names of ``names_speed.py`` (20,000 in the
watchlist, 1,500 queries). Per query: ``search`` (limit 5), ``search`` with ``min_probability``
0.5, and the probability of every candidate the index scores.
"""

from __future__ import annotations

import ast
import hashlib
import random
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from mekongx.matching import Index
from mekongx.matching.scoring import profile, quick_probability
from names_speed import Generator

RANGES = {
    "thai": (0x0E00, 0x0E7F),
    "lao": (0x0E80, 0x0EFF),
    "burmese": (0x1000, 0x109F),
    "khmer": (0x1780, 0x17FF),
    "han": (0x4E00, 0x9FFF),
}
_NOT_NAME = re.compile(r"[0-9_=/\\(){}<>:;!?%@#|*+\[\]\"']")


def script(text: str) -> str:
    for name, (low, high) in RANGES.items():
        if any(low <= ord(c) <= high for c in text):
            return name
    marked = any(unicodedata.combining(c) for c in unicodedata.normalize("NFD", text))
    return "vietnamese" if marked and not text.isascii() else "latin"


def test_names(root: Path) -> dict[str, set[str]]:
    """Quoted names of the tests, by script."""
    pool: dict[str, set[str]] = defaultdict(set)
    for path in sorted(root.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Constant) or not isinstance(node.value, str):
                continue
            text = node.value.strip()
            words = text.split()
            if not 2 <= len(text) <= 40 or "\n" in text or _NOT_NAME.search(text):
                continue
            if len(words) > 5 or not all(w[:1].isalpha() for w in words):
                continue
            kind = script(text)
            if kind == "latin" and not all(w[:1].isupper() for w in words):
                continue
            pool[kind].add(text)
    return pool


def recombined(names: list[str], k: int, rng: random.Random) -> list[str]:
    """``k`` names made of one name's first word and another's rest (first character and rest,
    for names written without spaces)."""
    multi = [n for n in names if len(n.split()) >= 2]
    out = []
    for _ in range(k):
        if len(multi) >= 2:
            a, b = rng.sample(multi, 2)
            out.append(" ".join(a.split()[:1] + b.split()[1:]))
        elif len(names) >= 2:
            a, b = rng.sample(names, 2)
            out.append(a[:1] + b[1:])
    return out


def main() -> None:
    rng = random.Random(7)
    watch: list[str] = []
    queries: list[str] = []
    for kind, found in sorted(test_names(Path("tests/matching")).items()):
        names = sorted(found)
        extra = recombined(names, len(names), rng)
        watch += names + extra[: len(extra) // 2]
        queries += names + extra[len(extra) // 2 :]
        print(f"{kind}: {len(names)} names of the tests, {len(extra)} recombined")
    gen = Generator(11)
    watch += [gen.name() for _ in range(20_000)]
    gen = Generator(12)
    queries += [gen.name() for _ in range(1_500)]
    index = Index()
    index.add_many(((str(i), n) for i, n in enumerate(watch)), processes=1)
    digest = hashlib.sha256()
    flagged = 0
    for q in queries:
        top = index.search(q, limit=5)
        sure = index.search(q, limit=5, min_probability=0.5)
        qc = profile(q).compact
        every = [(p, quick_probability(qc, index._compact[p])) for p in index.candidates_for(qc)]
        digest.update(
            repr(
                (
                    [(h.id, h.probability, h.decision.value) for h in top],
                    [(h.id, h.probability) for h in sure],
                    every,
                )
            ).encode()
        )
        flagged += bool(sure)
    print(
        f"{len(queries):,} queries against {len(watch):,} names ({flagged:,} with a hit >= 0.5): "
        f"sha256 {digest.hexdigest()[:16]}"
    )


if __name__ == "__main__":
    main()
