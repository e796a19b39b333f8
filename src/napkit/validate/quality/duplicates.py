"""Near-duplicate measures: similar text that also shares recommendations, indicators or lead.

Comparing every pair is quadratic (12.5 million pairs at 5,000 measures), so only candidate
pairs are scored: measures answering the same recommendation, and measures sharing one of
their rarest words. A word or recommendation shared by more than BUCKET_CAP measures is
boilerplate, not a sign of duplication, and makes no candidates. Words are weighted by
rarity (a word every measure uses says nothing), per language; the text score is the mean
over the plan's languages."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator
from itertools import combinations

from ...findings import Finding, make
from ...model import Measure
from ._base import Context, stems

MIN_SCORE = 0.45  # weighted: text 0.5, recommendations 0.3, indicators 0.1, same lead 0.1
MIN_TEXT = 0.2  # and never on shared links alone: the texts must be alike too
# ...in words that say something: at least this many words in common (in every language)
# that appear in no more than a third of the measures (or in only these two), so that texts
# made of the same stock phrases are not a pair
MIN_SHARED_WORDS = 3
BUCKET_CAP = 50
RAREST = 8  # words per measure and language that make candidates


def _weights(sets: list[set[str]]) -> dict[str, float]:
    df = Counter(t for s in sets for t in s)
    n = len(sets)
    return {t: math.log((n + 1) / c) for t, c in df.items()}


def _wjaccard(a: set[str], b: set[str], w: dict[str, float], wa: float, wb: float) -> float:
    inter = sum(w[t] for t in a & b)
    union = wa + wb - inter
    return inter / union if union > 0 else 0.0


def candidates(recs: list[set[str]], texts: list[list[set[str]]], tw: list[dict[str, float]]) -> set[tuple[int, int]]:
    """Pairs (i, j), i < j, that answer one recommendation or share one of their RAREST words
    in a language — from buckets of at most BUCKET_CAP measures, so never all pairs."""
    buckets: dict[tuple, list[int]] = {}
    for i, s in enumerate(recs):
        for r in s:
            buckets.setdefault(("r", r), []).append(i)
    for li, (sets, w) in enumerate(zip(texts, tw)):
        for i, s in enumerate(sets):
            for t in sorted(s, key=lambda t: (-w[t], t))[:RAREST]:
                buckets.setdefault((li, t), []).append(i)
    out: set[tuple[int, int]] = set()
    for members in buckets.values():
        if 1 < len(members) <= BUCKET_CAP:
            out.update(combinations(members, 2))
    return out


def near_duplicates(ctx: Context) -> Iterator[Finding]:
    """NAP740, once per pair, on the measure whose file sorts later."""
    model = ctx.model
    ms: list[Measure] = sorted(model.measures.values(), key=lambda m: m.file)
    if len(ms) < 2:
        return
    langs = model.languages
    texts = [[stems(m.title.get(lang, langs) + " " + m.description.get(lang, langs)) for m in ms] for lang in langs]
    tdf = [Counter(t for s in sets for t in s) for sets in texts]
    tw = [_weights(sets) for sets in texts]
    tsum = [[sum(w[t] for t in s) for s in sets] for sets, w in zip(texts, tw)]
    recs = [{x.recommendation for x in m.implements} for m in ms]
    inds = [{x.indicator for x in m.indicators} for m in ms]
    rw, iw = _weights(recs), _weights(inds)
    rsum = [sum(rw[t] for t in s) for s in recs]
    most = max(2, len(ms) // 3)
    informative = [[frozenset(t for t in s if df[t] <= most) for s in sets] for sets, df in zip(texts, tdf)]
    isum = [sum(iw[t] for t in s) for s in inds]

    for i, j in sorted(candidates(recs, texts, tw)):
        if any(len(inf[i] & inf[j]) < MIN_SHARED_WORDS for inf in informative):
            continue
        a, b = ms[i], ms[j]
        rec = _wjaccard(recs[i], recs[j], rw, rsum[i], rsum[j])
        ind = _wjaccard(inds[i], inds[j], iw, isum[i], isum[j])
        lead = 1.0 if a.lead == b.lead else 0.0
        links = 0.3 * rec + 0.1 * ind + 0.1 * lead
        if 0.5 + links < MIN_SCORE:
            continue
        text = sum(_wjaccard(texts[k][i], texts[k][j], tw[k], tsum[k][i], tsum[k][j]) for k in range(len(langs))) \
            / len(langs)
        score = 0.5 * text + links
        if text < MIN_TEXT or score < MIN_SCORE:
            continue
        shared = []
        if recs[i] & recs[j]:
            shared.append(f"{len(recs[i] & recs[j])} recommendation(s) ({', '.join(sorted(recs[i] & recs[j]))})")
        if inds[i] & inds[j]:
            shared.append(f"indicator(s) {', '.join(sorted(inds[i] & inds[j]))}")
        if lead:
            shared.append(f"the lead {a.lead}")
        yield make("NAP740", b.src.at("title").pos(),
                   f"{b.id} looks like a near-duplicate of {a.id} ({a.src.at('title').pos()}): score {score:.2f}, "
                   f"text {text:.0%} alike{', sharing ' + ', '.join(shared) if shared else ''}; merge them, or "
                   "delimit what each does and make sure money is not counted twice")


RULES = (near_duplicates,)
