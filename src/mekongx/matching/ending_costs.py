"""The cost of a Thai word aligned with a Latin one that ends otherwise or sounds other
consonants (``endings.py``, ``outline.py``), taken off the best alignment (``alignment.py``) before
the scorer (``scoring.py``) reads its features."""

from __future__ import annotations

from mekongx.matching.alignment import Alignment, Compact
from mekongx.matching.outline import conflict

# a Thai word against a Latin one that ends otherwise (นารี / Narit): this much less similar
# (0.3 left นารี / Narit a match; 0.5 and 0.7 gave the same figures on the dev part); the same for
# other consonants, and VOWEL_COST for other vowels (``outline.conflict``)
_ENDING_COST = 0.5
VOWEL_COST = 0.5
# ... and UNLIKELY_COST for a final the Thai letters seldom give (-orn for a last syllable closed
# on ล, ``thai_finals.unlikely``), taken off that word's own similarity: a word otherwise spelt
# as the Thai one stays a match (ศิริพล / Siriporn, 0.995 -> 0.81 as a given name beside an equal
# family name), one that differs in something else too does not (ภาณุพล / Phanaporn, the u of
# pha-nu dropped: 0.80 -> 0.08); a difference in another word of the name is no reason to doubt
# this one (ฉัตรพล ณัฐวุธ / Chatphorn Nuttawut, a dev spelling of each word, stays a match)
UNLIKELY_COST = 0.3
UNLIKELY = "unlikely"
_COSTS = {"vowels": VOWEL_COST}


def ending_conflicts(
    ca: Compact, cb: Compact, found: tuple[Alignment, int, int]
) -> list[tuple[int, int, float, int, int]]:
    """Aligned Thai and Latin words of which one ends on a stop and the other open, in every
    reading (``endings.py``), or whose consonants differ (``outline.py``); only between a
    Thai-script and a Latin name read as Thai."""
    al, ia, ib = found
    if al.unmatched or {ca.script, cb.script} != {"th", "latin"} or not _thai_words(ca, cb):
        return []
    na, nb = len(ca.readings[ia][0]), len(cb.readings[ib][0])
    if na != len(ca.endings) or nb != len(cb.endings):
        return []  # a reading that joins or drops words: parts are not the words
    return [p for p in al.pairs if conflict(ca.endings[p[0]], cb.endings[p[1]])]


def _thai_words(ca: Compact, cb: Compact) -> bool:
    """Is the Thai-script name of a Thai-script and Latin pair read as Thai (no Chinese surname
    marked, ``thai_pair``)? Its words are then Thai words, whatever the Latin name may also be read
    as: a Latin word spelt like a Chinese surname (Chai, ชัย; Nisa) still spells a Thai word here."""
    th = ca if ca.script == "th" else cb
    return th.rarity is None and not any(sur is not None for _, sur in th.readings)


def with_endings(ca: Compact, cb: Compact, found: tuple[Alignment, int, int]) -> Alignment:
    """The alignment, less similar by ``_ENDING_COST`` for each pair of words ending otherwise
    or sounding other consonants (``VOWEL_COST`` other vowels, ``UNLIKELY_COST`` a final the
    Thai letters seldom give)."""
    al = found[0]
    if not (ca.endings and cb.endings) or ca.script == cb.script:
        return al  # the usual case, decided without building anything
    costs, seldom = [], []
    for i, j, sim, *_ in ending_conflicts(ca, cb, found):
        kind = conflict(ca.endings[i], cb.endings[j])
        if kind == UNLIKELY:
            seldom.append(sim - UNLIKELY_COST)
        else:
            costs.append(_COSTS.get(kind, _ENDING_COST))
    if not costs and not seldom:
        return al
    cost = sum(costs) + UNLIKELY_COST * len(seldom)
    return al._replace(
        sim=max(0.0, al.sim - cost / len(al.pairs)),
        min_sim=max(0.0, min(al.min_sim - max(costs, default=0.0), *seldom, 1.0)),
        surname_sim=None if al.surname_sim is None else max(0.0, al.surname_sim - cost),
    )
