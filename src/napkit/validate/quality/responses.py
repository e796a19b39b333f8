"""Responses against each other and against the measures: the same ask answered alike, a
'noted' ask not quietly implemented, 'full' coverage that has something behind it."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...findings import Finding, make
from ._base import Context, complete, jaccard, stems, text_in

# Below this share of words in common two justifications of one ask say different things.
JUSTIFICATION_SIMILARITY = 0.3


def same_ask(ctx: Context) -> Iterator[Finding]:
    """NAP701–703: each member of a same_as group compared with the group's first member
    (catalog order), so a group of n asks gives at most n-1 findings per kind."""
    recs, cov, langs = ctx.model.recommendations, ctx.coverage.by_recommendation, ctx.model.languages
    order = {rid: i for i, rid in enumerate(recs)}
    for rid, others in ctx.twins.items():
        first = others[0]
        if order[first] > order[rid]:
            continue  # rid is the group's first member: the others are compared with it
        r, f = recs[rid], recs[first]
        at = r.src.at("response", "status").pos()
        if r.response.status != f.response.status:
            yield make("NAP701", at, f"{rid} makes the same ask as {first} (same_as) but is '{r.response.status}' "
                       f"while {first} is '{f.response.status}'; answer them alike or say in both why they differ")
            continue
        a, b = cov[rid], cov[first]
        if r.response.status != "noted" and (a.status == "covered") != (b.status == "covered"):
            full, other = (rid, first) if a.status == "covered" else (first, rid)
            got = ", ".join(f"{y.measure} {y.extent}" for y in cov[other].answers)
            yield make("NAP702", at, f"{full} is covered in full ({', '.join(cov[full].measures)}) but {other}, the "
                       f"same ask (same_as), {'only in part (' + got + ')' if got else 'by no measure'}; "
                       "answer both alike (same measures, same extent)")
        ja, jb = r.response.justification, f.response.justification
        if ja and jb:
            sim = min(jaccard(stems(text_in(ja, lang, langs)), stems(text_in(jb, lang, langs))) for lang in langs)
            if sim < JUSTIFICATION_SIMILARITY:
                yield make("NAP703", r.src.at("response", "justification").pos(),
                           f"{rid} and {first} are the same ask (same_as) but their justifications share only "
                           f"{sim:.0%} of their words; give both one harmonised justification")


def noted_but_addressed(ctx: Context) -> Iterator[Finding]:
    """NAP704: a noted ask that a measure implements, names, or answers through a twin."""
    model, cov = ctx.model, ctx.coverage.by_recommendation
    noted = {rid for rid, r in model.recommendations.items() if r.response.status == "noted"}
    if not noted:
        return
    mentions: dict[str, list[str]] = {}
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(x) for x in sorted(noted, key=len, reverse=True))
                         + r")(?![\w-])")
    for m in model.measures.values():
        for text in (m.title, m.description):
            for _, s in (text.by_lang or (("", text.plain or ""),)):
                for hit in pattern.findall(s):
                    if m.id not in mentions.setdefault(hit, []):
                        mentions[hit].append(m.id)
    for rid in model.recommendations:
        if rid not in noted:
            continue
        why = []
        if cov[rid].answers:
            why.append(f"implemented by {', '.join(cov[rid].measures)}")
        if mentions.get(rid):
            named = [x for x in mentions[rid] if x not in cov[rid].measures]
            if named:
                why.append(f"named in the text of {', '.join(named)}")
        for mid, share in _texts_addressing(ctx, rid, exclude={*cov[rid].measures, *mentions.get(rid, ())}):
            why.append(f"described by the text of {mid} ({share:.0%} of its summary's key words)")
        for twin in ctx.twins.get(rid, ()):
            t = model.recommendations[twin]
            if t.response.status == "noted" and cov[twin].answers:  # a twin answered otherwise is NAP701
                why.append(f"answered through its same_as twin {twin} by {', '.join(cov[twin].measures)}")
        if why:
            rec = model.recommendations[rid]
            yield make("NAP704", rec.src.at("response", "status").pos(),
                       f"{rid} is only noted, yet it is {'; '.join(why)}; respond 'partly' and say what the "
                       "measures do (and link them), or change the measures")


# A measure "addresses" a noted ask when its title and description hold at least this share of
# the (rarity-weighted) words of the ask's summary, and at least TEXT_WORDS of them, in every
# language. On the Norway draft this finds the two 'noted' asks a study measure answers
# (R04/R55 → M-08) and nothing else; linked pairs score 0.3 on median.
TEXT_SHARE = 0.5
TEXT_WORDS = 4


def _texts_addressing(ctx: Context, rid: str, exclude: set[str]) -> list[tuple[str, float]]:
    model, langs = ctx.model, ctx.model.languages
    rec = model.recommendations[rid]
    if not rec.summary:
        return []
    best: dict[str, float] = {}
    for lang in langs:
        words, weight = ctx.measure_words(lang)
        summary = stems(text_in(rec.summary, lang, langs))
        total = sum(weight(t) for t in summary)
        for mid, ws in words.items():
            common = summary & ws
            share = sum(weight(t) for t in common) / total if total and len(common) >= TEXT_WORDS else 0.0
            best[mid] = min(best.get(mid, share), share)
    return [(mid, share) for mid, share in best.items() if share >= TEXT_SHARE and mid not in exclude]


def hollow_full(ctx: Context) -> Iterator[Finding]:
    """NAP705: 'full' from a measure with neither money nor a dated deliverable."""
    for m in ctx.model.measures.values():
        if m.total_budget or m.timeline.milestones or not complete(m, "budget", "timeline.milestones"):
            continue
        for imp in m.implements:
            if imp.extent == "full":
                yield make("NAP705", imp.src.at("extent").pos(),
                           f"{m.id} implements {imp.recommendation} in full but has no budget and no milestone; "
                           "give it a deliverable and its cost, or make the extent 'partial'")


RULES = (same_ask, noted_but_addressed, hollow_full)
