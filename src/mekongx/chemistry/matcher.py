"""Find register substances in one declaration line: CAS, HS code and names.

Evidence kinds (strongest first): ``cas`` (exact parent CAS), ``cas_salt`` (CAS of a listed
salt), ``cas_repaired`` (a CAS failing its check digit, one error away from exactly one register
number), ``name`` / ``abbreviation`` (exact name in any language), ``fuzzy`` (name after typo
correction), ``hs_specific`` (an HS subheading that names the substance). A generic "other" HS
subheading is not evidence of a substance; it is a line flag (``hs_generic``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from mekongx.chemistry.cas import find_cas_numbers, is_valid_cas, repair_cas
from mekongx.chemistry.dense_fuzzy import DenseFuzzy
from mekongx.chemistry.index import DenseHit, Term, TermIndex, TokenHit
from mekongx.chemistry.register import AnalogueRule, Register, Substance
from mekongx.chemistry.text import dense, fold, latin_tokens
from mekongx.chemistry.typos import TypoCorrector

__all__ = ["EVIDENCE_STRENGTH", "Evidence", "LineMatch", "Matcher", "SubstanceMatch"]

EVIDENCE_STRENGTH = {
    "cas": 0,
    "cas_salt": 1,
    "cas_repaired": 2,
    "name": 3,
    "abbreviation": 4,
    "fuzzy": 5,
    "hs_specific": 6,
}
_STRENGTH = re.compile(r"(\d+(?:[.,]\d+)?)\s*(mg|g|%|ml)(?![a-z])")


@dataclass(slots=True)
class Evidence:
    kind: str
    text: str
    term: str = ""
    lang: str = ""
    score: float = 100.0


@dataclass(slots=True)
class SubstanceMatch:
    substance: Substance
    evidence: list[Evidence] = field(default_factory=list)
    salt: str = ""
    preparation: bool = False
    strength: str = ""

    @property
    def best(self) -> Evidence:
        return min(self.evidence, key=lambda e: EVIDENCE_STRENGTH[e.kind])

    @property
    def kinds(self) -> list[str]:
        seen: list[str] = []
        for ev in sorted(self.evidence, key=lambda e: EVIDENCE_STRENGTH[e.kind]):
            if ev.kind not in seen:
                seen.append(ev.kind)
        return seen


@dataclass(slots=True)
class LineMatch:
    matches: list[SubstanceMatch] = field(default_factory=list)
    invalid_cas: list[str] = field(default_factory=list)
    hs_generic: str = ""
    vague: bool = False
    lookalikes: list[str] = field(default_factory=list)
    analogues: list[AnalogueRule] = field(default_factory=list)


class Matcher:
    """Reusable matcher over one register (build once, call ``match`` per line)."""

    def __init__(self, register: Register) -> None:
        self.register = register
        kw = register.keywords
        terms: list[Term] = []
        for sub in register.substances:
            for name in (*sub.en, sub.name):
                terms.append(Term("substance", sub.id, "en", name))
            for name in sub.abbr:
                terms.append(Term("substance", sub.id, "en", name, abbr=True))
            for name in sub.zh:
                terms.append(Term("substance", sub.id, "zh", name))
            for thai in sub.th:
                terms.append(Term("substance", sub.id, "th", thai.name))
            for salt in sub.salts:
                for name in (salt.name, *salt.aliases):
                    lang = "en" if fold(name).isascii() else "zh"
                    terms.append(Term("substance", sub.id, lang, name))
        for look in register.lookalikes:
            for lang, names in (("en", look.en), ("zh", look.zh), ("th", look.th)):
                for name in names:
                    terms.append(Term("lookalike", look.id, lang, name))
        self.index = TermIndex(terms)
        self.salt_names = {
            fold(name): salt.name
            for sub in register.substances
            for salt in sub.salts
            for name in (salt.name, *salt.aliases)
        }
        protected = set(kw.protected_words) | kw.modifier_after | kw.modifier_before
        for look in register.lookalikes:
            for name in look.en:
                protected.update(latin_tokens(fold(name)))
        for table in (kw.preparation, kw.vague, kw.forwarder, kw.salt_after, kw.salt_before):
            for word in table.get("en", ()):
                protected.update(latin_tokens(fold(word)))
        substance_words = {
            word
            for key, found_terms in self.index.phrases.items()
            if any(t.kind == "substance" for t in found_terms)
            for word in key.split(" ")
            if word.isalpha()
        }
        owners: dict[str, set[str]] = {}
        for key, found_terms in self.index.phrases.items():
            refs = {t.ref for t in found_terms if t.kind == "substance"}
            for word in key.split(" "):
                owners.setdefault(word, set()).update(refs)
        self.typos = TypoCorrector(
            vocabulary=[w for w in substance_words if len(w) >= 5],
            known_words=self.index.vocabulary,
            protected=protected,
            whole_names=[k for k in self.index.phrases if " " not in k],
            owners={w: frozenset(r) for w, r in owners.items()},
        )
        self.salt_after_en = frozenset(w for w in kw.salt_after.get("en", ()) if " " not in w)
        self.salt_before_en = frozenset(kw.salt_before.get("en", ()))
        self.salt_after_dense = tuple(kw.salt_after.get("zh", ()) + kw.salt_after.get("th", ()))
        self.salt_before_dense = tuple(kw.salt_before.get("zh", ()))
        self.prep_en = frozenset(w for w in kw.preparation.get("en", ()) if " " not in w)
        self.prep_dense = tuple(kw.preparation.get("zh", ()) + kw.preparation.get("th", ()))
        filler_en: set[str] = set(kw.filler.get("en", ()))
        for phrase in kw.vague.get("en", ()):
            filler_en.update(latin_tokens(fold(phrase)))
        self.filler_en = frozenset(filler_en)
        dense_words = [
            dense(fold(w))
            for table in (kw.vague, kw.filler)
            for lang in ("zh", "th")
            for w in table.get(lang, ())
        ]
        self.filler_dense = tuple(sorted(set(dense_words), key=len, reverse=True))
        self.modifier_after = kw.modifier_after
        self.modifier_before = kw.modifier_before
        self.substituent_before = kw.substituent_before
        self.salt_metals_zh = frozenset(kw.salt_metals_zh)
        # Latin salt-marking words (besides "salt") for the Table II exclusion.
        self.salt_signal_en = frozenset(
            {"salt", "salts", "sodium", "potassium", "calcium", "ammonium", "barium", "magnesium"}
            | {"zinc", "copper", "ferrous", "ferric", "aluminium", "aluminum", "lithium"}
            | {"sulfate", "sulphate", "bisulfate", "bisulphate", "chloride", "chlorides"}
        )
        self.zh_fused = kw.zh_fused
        self.analogue_rules = kw.analogues
        self._repairs: dict[str, str | None] = {}
        # Typo-tolerant pool of Thai and long Chinese names.
        self.dense_fuzzy = DenseFuzzy(
            (dense(fold(name)), sub.id)
            for sub in register.substances
            for name in [*(t.name for t in sub.th), *sub.zh]
        )

    # ------------------------------------------------------------------ main entry
    def match(self, description: str, cas_field: str = "", hs_code: str = "") -> LineMatch:
        result = LineMatch()
        found: dict[str, SubstanceMatch] = {}
        register = self.register

        def add(sub: Substance, ev: Evidence) -> SubstanceMatch:
            sm = found.get(sub.id)
            if sm is None:
                sm = found[sub.id] = SubstanceMatch(sub)
            sm.evidence.append(ev)
            return sm

        # --- CAS numbers (column and description)
        numbers = find_cas_numbers(cas_field) if cas_field else []
        if "-" in description:
            numbers += [n for n in find_cas_numbers(description) if n not in numbers]
        for number in numbers:
            hit = register.by_cas.get(number)
            if hit is not None:
                sub, salt = hit
                sm = add(sub, Evidence("cas_salt" if salt else "cas", number))
                if salt:
                    sm.salt = salt.name
                continue
            if number in register.lookalike_cas:
                result.lookalikes.append(register.lookalike_cas[number].id)
                continue
            if not is_valid_cas(number):
                repaired = self._repairs.get(number, "")
                if repaired == "":
                    if len(self._repairs) > 50_000:
                        self._repairs.clear()
                    repaired = self._repairs[number] = repair_cas(number, register.is_known_cas)
                hit = register.by_cas.get(repaired) if repaired else None
                if hit is not None:
                    sub, salt = hit
                    sm = add(sub, Evidence("cas_repaired", number, term=str(repaired)))
                    if salt:
                        sm.salt = salt.name
                else:
                    result.invalid_cas.append(number)

        # --- HS code
        if hs_code:
            hs6 = "".join(ch for ch in hs_code if ch.isdigit())[:6]
            if len(hs6) == 6:
                for sub in register.hs_specific.get(hs6, ()):
                    add(sub, Evidence("hs_specific", hs_code))
                for sub in register.hs_preparation.get(hs6, ()):
                    add(sub, Evidence("hs_specific", hs_code)).preparation = True
                if hs6 in register.hs_generic:
                    result.hs_generic = hs6
            digits = "".join(ch for ch in hs_code if ch.isdigit())
            for sub in register.national_code.get(digits, ()) if len(digits) > 6 else ():
                add(sub, Evidence("hs_specific", hs_code))

        # --- names
        folded = fold(description)
        tokens = latin_tokens(folded)
        self._latin_names(tokens, add, result)
        dense_text = ""
        if not folded.isascii():
            dense_text = dense(folded)
            self._dense_names(dense_text, add, result)
            _drop_covered_latin(found)

        # --- preparation / vague flags
        if found:
            token_set = set(tokens)
            prep = bool(token_set & self.prep_en) or (
                bool(dense_text) and any(k in dense_text for k in self.prep_dense)
            )
            if prep:
                strength = _STRENGTH.search(folded)
                for sm in found.values():
                    sm.preparation = True
                    if strength:
                        sm.strength = strength.group(0)
        self._drop_excluded_salts(found, tokens, dense_text)
        if result.hs_generic:
            result.vague = self._is_vague(tokens, dense_text)
        if not result.lookalikes and self.analogue_rules:
            self._analogues(folded, found, result)
        result.matches = sorted(found.values(), key=lambda m: EVIDENCE_STRENGTH[m.best.kind])
        return result

    def _drop_excluded_salts(
        self, found: dict[str, SubstanceMatch], tokens: list[str], dense_text: str
    ) -> None:
        """Table II excludes the salts of hydrochloric and sulphuric acid: a line that names
        such a salt (a salt word, a metal, a chloride or sulfate beside the acid's name) is
        not about the acid and gets no report at all."""
        for sid in list(found):
            sm = found[sid]
            if sm.substance.salts_excluded is None:
                continue
            named = {word for ev in sm.evidence for word in latin_tokens(fold(ev.text)) if ev.text}
            signal = bool(sm.salt) or any(
                t in self.salt_signal_en and t not in named for t in tokens
            )
            if not signal and dense_text:
                signal = any(ch in self.salt_metals_zh for ch in dense_text) or (
                    dense_text.count("盐") > dense_text.count("盐酸")
                )
            if signal:
                del found[sid]

    def _analogues(self, folded: str, found: dict[str, SubstanceMatch], result: LineMatch) -> None:
        """Possible unregistered glycidate analogues (see keywords.yaml ``analogues``)."""
        strong = {"cas", "cas_salt", "cas_repaired", "hs_specific"}
        for rule in self.analogue_rules:
            if not (
                any(g in folded for g in rule.gate)
                and any(m in folded for m in rule.markers)
                and not any(x in folded for x in rule.exclude)
            ):
                continue
            if not found:
                result.analogues.append(rule)
                continue
            only_parents = set(found) <= set(rule.parents) and not any(
                ev.kind in strong for sm in found.values() for ev in sm.evidence
            )
            # A Chinese near miss on one member of the class (丙酯 read as 甲酯: one character,
            # another ester) is another member, not that one.
            only_fuzzy_members = all(
                sm.substance.group == rule.id
                and all(ev.kind == "fuzzy" and ev.lang == "th/zh" for ev in sm.evidence)
                for sm in found.values()
            )
            if (only_parents and any(e in folded for e in rule.ester)) or only_fuzzy_members:
                found.clear()
                result.analogues.append(rule)

    def _is_vague(self, tokens: list[str], dense_text: str) -> bool:
        """True when the description names no product: only generic words and numbers."""
        if any(t not in self.filler_en and not t.isdigit() and len(t) > 1 for t in tokens):
            return False
        if dense_text:
            rest = dense_text
            for word in self.filler_dense:
                rest = rest.replace(word, "")
            if sum(1 for ch in rest if not ch.isascii()) >= 2:
                return False
        return True

    # ------------------------------------------------------------------ Latin names
    def _latin_names(self, tokens: list[str], add: _Adder, result: LineMatch) -> None:
        if not tokens:
            return
        corrected: list[str] | None = None
        fix_token = self.typos.fix
        for pos, token in enumerate(tokens):
            fix = fix_token(token)
            if fix is not None:
                if corrected is None:
                    corrected = list(tokens)
                corrected[pos] = fix
        if corrected is None:
            self._accept_token_hits(tokens, self.index.scan_tokens(tokens), add, result, None)
        else:
            hits = self.index.scan_tokens(corrected)
            self._accept_token_hits(corrected, hits, add, result, tokens)

    def _accept_token_hits(
        self,
        tokens: list[str],
        hits: list[TokenHit],
        add: _Adder,
        result: LineMatch,
        fuzzy_from: list[str] | None,
    ) -> None:
        n = len(tokens)
        for hit in hits:
            term = hit.terms[0]
            if term.kind == "lookalike":
                result.lookalikes.append(term.ref)
                continue
            after = tokens[hit.end] if hit.end < n else ""
            before = tokens[hit.start - 1] if hit.start > 0 else ""
            # "free base" is trade wording for the base itself, not "X-free".
            free_base = after == "free" and hit.end + 1 < n and tokens[hit.end + 1] == "base"
            if (after in self.modifier_after and not free_base) or before in self.modifier_before:
                continue
            # "1-methyl-4-piperidone": a substituent before a name that starts with a locant
            # makes another (N-substituted) compound.
            if before in self.substituent_before and tokens[hit.start].isdigit():
                continue
            # "HCl" alone is hydrochloric acid; after a name it is a salt word ("PSE HCl").
            if (
                term.abbr
                and fold(term.text) in self.salt_after_en
                and any(t.isalpha() and t not in self.filler_en for t in tokens[: hit.start])
            ):
                continue
            # Skip one numeric locant: "piperidine-4-carboxylic acid", "2-nitro-toluene".
            if after.isdigit() and hit.end + 1 < n and tokens[hit.end + 1] in self.modifier_after:
                continue
            if term.abbr and hit.compact and hit.end - hit.start > 3:
                continue
            sub = self.register.by_id[term.ref]
            original = " ".join((fuzzy_from or tokens)[hit.start : hit.end])
            if (
                fuzzy_from is not None
                and fuzzy_from[hit.start : hit.end] != tokens[hit.start : hit.end]
            ):
                score = fuzz.ratio(original, " ".join(tokens[hit.start : hit.end]))
                ev = Evidence("fuzzy", original, term=term.text, lang=term.lang, score=score)
            else:
                kind = "abbreviation" if term.abbr else "name"
                ev = Evidence(kind, original, term=term.text, lang=term.lang)
            sm = add(sub, ev)
            salt_name = self.salt_names.get(fold(term.text))
            if salt_name:
                sm.salt = salt_name
            elif after in self.salt_after_en:
                sm.salt = after
            elif before in self.salt_before_en:
                sm.salt = before

    # ------------------------------------------------------------------ Thai / Chinese names
    def _dense_names(self, text: str, add: _Adder, result: LineMatch) -> None:
        accepted: list[tuple[DenseHit, Term]] = []
        covered = [False] * len(text)
        for hit in self.index.scan_dense(text):
            for k in range(hit.start, hit.end):
                covered[k] = True
            term = hit.terms[0]
            if term.kind == "lookalike":
                result.lookalikes.append(term.ref)
                continue
            if term.lang == "zh" and hit.end - hit.start <= 3:
                prev_ch = text[hit.start - 1] if hit.start > 0 else ""
                next_ch = text[hit.end] if hit.end < len(text) else ""
                head, tail = text[: hit.start], text[hit.end :]
                # A salt word is not part of a longer name: 盐酸麻黄碱, 麻黄碱盐酸盐, 苯乙酸钠.
                salt_head = any(head.endswith(w) for w in self.salt_before_dense)
                salt_tail = any(tail.startswith(w) for w in self.salt_after_dense) or (
                    term.text.endswith("酸") and next_ch in self.salt_metals_zh
                )
                if (prev_ch and prev_ch in self.zh_fused and not salt_head) or (
                    next_ch and next_ch in self.zh_fused and not salt_tail
                ):
                    continue
            accepted.append((hit, term))
        if result.lookalikes and not accepted:
            return
        # A typo in a longer name can leave a shorter listed name intact inside it
        # (a mistyped เมทิลอีเฟดรีน still contains อีเฟดรีน): when uncovered Thai or
        # Chinese characters touch a hit, a fuzzy match on a longer name containing it wins.
        loose = any(
            (h.start > 0 and not covered[h.start - 1] and not text[h.start - 1].isascii())
            or (h.end < len(text) and not covered[h.end] and not text[h.end].isascii())
            for h, _ in accepted
        )
        fuzzy = None
        if not accepted:
            fuzzy = self.dense_fuzzy.best(text)
        elif loose:
            fuzzy = self.dense_fuzzy.longer_name(text, [(h.start, h.end) for h, _ in accepted])
            if fuzzy is not None:
                name = fuzzy[0]
                accepted = [(h, t) for h, t in accepted if text[h.start : h.end] not in name]
        for hit, term in accepted:
            sub = self.register.by_id[term.ref]
            sm = add(
                sub, Evidence("name", text[hit.start : hit.end], term=term.text, lang=term.lang)
            )
            head, tail = text[: hit.start], text[hit.end :]
            salt_name = self.salt_names.get(fold(term.text))
            if salt_name:
                sm.salt = salt_name
            for word in self.salt_before_dense:
                if head.endswith(word):
                    sm.salt = word
            for word in self.salt_after_dense:
                if tail.startswith(word):
                    sm.salt = word
            if term.text.endswith("酸") and tail[:1] and tail[0] in self.salt_metals_zh:
                sm.salt = tail[0]
        if fuzzy is not None:
            name, score, sid = fuzzy
            sm = add(
                self.register.by_id[sid],
                Evidence("fuzzy", text, term=name, lang="th/zh", score=score),
            )
            for word in self.salt_after_dense:
                if word in text:
                    sm.salt = word


_Adder = Callable[[Substance, Evidence], SubstanceMatch]


def _drop_covered_latin(found: dict[str, SubstanceMatch]) -> None:
    """A mixed-script name (``PMK缩水甘油酸``) found by the dense scan covers the Latin
    abbreviation inside it (``PMK``); that Latin-only evidence is dropped."""
    mixed = [
        ev.text
        for sm in found.values()
        for ev in sm.evidence
        if ev.kind in ("name", "fuzzy")
        and not ev.text.isascii()
        and any(c.isalpha() and c.isascii() for c in ev.text)
    ]
    if not mixed:
        return
    for sid in list(found):
        sm = found[sid]
        kept = [
            ev
            for ev in sm.evidence
            if not (
                ev.kind in ("name", "abbreviation", "fuzzy")
                and ev.text.isascii()
                and any(ev.text.replace(" ", "") in text for text in mixed)
            )
        ]
        if kept:
            sm.evidence = kept
        else:
            del found[sid]
