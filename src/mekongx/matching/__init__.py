"""Cross-script person-name matching for Thai, Chinese (Han) and Latin records.

A pure library: no web framework, no database. Typical use::

    from mekongx.matching import score, Index
    score("兰卫红", "หลาน เว่ยหง").probability
    index = Index(); index.add("Lan Weihong", id="NNCC-1"); index.search("蘭衛紅")
"""

from mekongx.matching.calibration import FEATURES, STRATA
from mekongx.matching.evidence import Evidence
from mekongx.matching.explain import Reason
from mekongx.matching.index import Hit, Index
from mekongx.matching.judgements import Judgement, Judgements, Verdict
from mekongx.matching.keys import latin_key, split_pinyin
from mekongx.matching.messages import LANGUAGES, MESSAGES, render
from mekongx.matching.names import Name, Reading, parse_name, rarity, readings
from mekongx.matching.normalize import Script
from mekongx.matching.pinyin_thai import pinyin_to_thai
from mekongx.matching.result import Decision, Match
from mekongx.matching.scoring import Profile, profile, score
from mekongx.matching.thai import passport_variants, romanize

__all__ = [
    "FEATURES",
    "LANGUAGES",
    "MESSAGES",
    "STRATA",
    "Decision",
    "Evidence",
    "Hit",
    "Index",
    "Judgement",
    "Judgements",
    "Match",
    "Name",
    "Profile",
    "Reading",
    "Reason",
    "Script",
    "Verdict",
    "latin_key",
    "parse_name",
    "passport_variants",
    "pinyin_to_thai",
    "profile",
    "rarity",
    "readings",
    "render",
    "romanize",
    "score",
    "split_pinyin",
]
