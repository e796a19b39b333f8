"""What every plan-quality rule shares: the context it reads, text helpers, positions.

Rules read the typed model and the coverage analysis only, never raw YAML."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property

from ...analyse.coverage import Coverage
from ...findings import Finding
from ...model import Measure, PlanModel, Text

_WORD = re.compile(r"\w+", re.UNICODE)
_ORIGIN = re.compile(r"\(([^()]*)\)\s*$")


@dataclass
class Context:
    model: PlanModel
    coverage: Coverage
    shadow_ids: frozenset[str] = field(default_factory=frozenset)
    # files napkit could not use (validate/dependencies.Unusables): ids they may define
    unusable: object = None
    _words: dict = field(default_factory=dict, repr=False, compare=False)  # measure_words, by language

    def may_exist(self, kind: str, ident: str) -> bool:
        """An id left out of the model (schema error) or probably defined in a file that does
        not parse: a link to it is not called unknown — that would be a cascade."""
        if ident in self.shadow_ids:
            return True
        for u in getattr(self.unusable, "by_kind", {}).get(kind, ()):
            if u.ids is None or ident in u.ids:
                return True
        return False

    @cached_property
    def measures_by_indicator(self) -> dict[str, list[Measure]]:
        out: dict[str, list[Measure]] = {}
        for m in self.model.measures.values():
            for ident in dict.fromkeys(mi.indicator for mi in m.indicators):
                out.setdefault(ident, []).append(m)
        return out

    def measure_words(self, lang: str):
        """Per measure, the stems of its title and description in `lang`, and a weight by
        rarity (a word in every measure weighs almost nothing)."""
        cache = self._words
        if lang not in cache:
            langs = self.model.languages
            words = {m.id: stems(text_in(m.title, lang, langs) + " " + text_in(m.description, lang, langs))
                     for m in self.model.measures.values()}
            df: dict[str, int] = {}
            for ws in words.values():
                for t in ws:
                    df[t] = df.get(t, 0) + 1
            n = len(words)
            cache[lang] = (words, lambda t: math.log((n + 1) / (df.get(t, 0) + 1)))
        return cache[lang]

    @cached_property
    def twins(self) -> dict[str, list[str]]:
        """Recommendation id → the other members of its `same_as` group (symmetric and
        transitive closure), in catalog order. Unknown ids are left out (NAP790 reports them)."""
        recs = self.model.recommendations
        parent: dict[str, str] = {}

        def root(x: str) -> str:
            while parent.get(x, x) != x:
                x = parent[x]
            return x

        linked: set[str] = set()
        for r in recs.values():
            for other in r.same_as:
                if other in recs and other != r.id:
                    linked |= {r.id, other}
                    a, b = root(r.id), root(other)
                    if a != b:
                        parent[max(a, b)] = min(a, b)
        groups: dict[str, list[str]] = {}
        for rid in recs:  # catalog order
            if rid in linked:
                groups.setdefault(root(rid), []).append(rid)
        return {rid: [o for o in members if o != rid] for members in groups.values() for rid in members}

Rule = Callable[[Context], Iterator[Finding]]

# A field that failed its schema holds a stand-in (model/repair.py) and is named in `unchecked`:
# rules do not judge it, as its schema finding is out already. These say which measures and
# which of their fields a rule may read.
DATES = ("timeline.start", "timeline.end")


def dated(m: Measure) -> bool:
    return all(m.judged(f) for f in DATES)


def complete(m: Measure, *fields: str) -> bool:
    """The fields are as written (no list item dropped, no stand-in)."""
    return all(m.judged(f) for f in fields)


_LETTERS4 = re.compile(r"[^\W\d_]{4,}", re.UNICODE)  # a word of four letters or more


def stems(s: str) -> set[str]:
    """A crude stem (first six letters) so that 'inspections'/'inspection' and
    'tilsynene'/'tilsyn' meet; good enough for similarity, in any language."""
    return {w[:6] for w in set(_LETTERS4.findall(s.casefold()))}


def jaccard(a: set, b: set) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def text_in(text: Text, lang: str, languages: tuple[str, ...]) -> str:
    return text.get(lang, languages) if text else ""


def series_name(text: Text, languages: tuple[str, ...]) -> str:
    """The series a baseline point belongs to: the original source named in closing
    parentheses ('TIP Report 2024 (police statistics)' → police statistics), else the
    source; case, years and punctuation dropped, so editions of one report are one series."""
    s = text_in(text, languages[0], languages) if languages else (text.plain or "")
    inner = _ORIGIN.search(s)
    if inner:
        s = inner.group(1)
    return " ".join(w for w in _WORD.findall(s.casefold()) if not w.isdigit())


def money(amount: float, currency: str) -> str:
    return f"{currency} {amount:,.0f}"
