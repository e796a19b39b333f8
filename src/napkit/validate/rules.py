"""Cross-file rules over the model: identity, references, time, money, languages, coverage.

Each rule is a generator of findings; `check_model` runs them all so that every finding
comes out in one run."""

from __future__ import annotations

import difflib
from pathlib import PurePosixPath
from typing import Callable, Iterable, Iterator

from ..analyse.coverage import Coverage
from ..findings import Finding, make
from ..model import PlanModel, Src

Rule = Callable[[PlanModel], Iterator[Finding]]



def _suggest(word: str, options: Iterable[str]) -> str:
    hits = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f" (did you mean '{hits[0]}'?)" if hits else ""


def _unknown(code: str, what: str, ref: str, options: Iterable[str], src: Src) -> Finding:
    return make(code, src.pos(), f"unknown {what} '{ref}'{_suggest(ref, options)}")


def identity(model: PlanModel) -> Iterator[Finding]:
    for m in model.measures.values():
        stem = PurePosixPath(m.file).stem
        if stem != m.id:
            yield make("NAP202", m.src.at("id").pos(), f"measure '{m.id}' is in {PurePosixPath(m.file).name}; "
                       f"name the file {m.id}.yaml")
    every = [(m.id, m.src) for m in model.measures.values()] + [(a.id, a.src) for a in model.agencies.values()] \
        + [(r.id, r.src) for r in model.recommendations.values()] + [(o.id, o.src) for o in model.plan.objectives]
    for ident, src in every:
        if ".." in ident:
            yield make("NAP203", src.at("id").pos(), f"id '{ident}' contains '..'")
    for r in model.recommendations.values():
        if not r.id.startswith(r.source):
            yield make("NAP209", r.src.at("id").pos(), f"recommendation '{r.id}' is in the catalog of "
                       f"'{r.source}' but does not start with '{r.source}'")


def references(model: PlanModel) -> Iterator[Finding]:
    agencies, objectives = model.agencies, model.objectives
    funding = {f.id for f in model.plan.funding_sources}
    if model.plan.judged("responsible") and model.plan.responsible not in agencies:
        yield _unknown("NAP204", "agency", model.plan.responsible, agencies, model.plan.src.at("responsible"))
    for a in agencies.values():
        if a.parent is not None and a.parent not in agencies:
            yield _unknown("NAP204", "parent agency", a.parent, agencies, a.src.at("parent"))
    yield from _agency_cycles(model)
    for r in model.recommendations.values():
        for i, other in enumerate(r.related):
            if other not in model.recommendations:
                yield _unknown("NAP206", "related recommendation", other, model.recommendations, r.src.at("related", i))
    for m in model.measures.values():
        if m.judged("objective") and m.objective not in objectives:
            yield _unknown("NAP205", "objective", m.objective, objectives, m.src.at("objective"))
        if m.judged("lead") and m.lead not in agencies:
            yield _unknown("NAP204", "agency", m.lead, agencies, m.src.at("lead"))
        seen = {m.lead}
        for p in m.partners:
            if p.agency not in agencies:
                yield _unknown("NAP204", "agency", p.agency, agencies, p.src.at("agency"))
            elif p.agency in seen:
                role = "the lead" if p.agency == m.lead else "a partner already"
                yield make("NAP211", p.src.at("agency").pos(), f"'{p.agency}' is {role} of {m.id}")
            seen.add(p.agency)
        for imp in m.implements:
            if imp.recommendation not in model.recommendations:
                yield _unknown("NAP206", "recommendation", imp.recommendation, model.recommendations,
                               imp.src.at("recommendation"))
        for mi in m.indicators:
            if mi.indicator not in model.indicators:
                yield _unknown("NAP207", "indicator", mi.indicator, model.indicators, mi.src.at("indicator"))
        for line in m.budget:
            if line.source not in funding:
                yield _unknown("NAP208", "funding source", line.source, funding, line.src.at("source"))


def _agency_cycles(model: PlanModel) -> Iterator[Finding]:
    reported: set[str] = set()
    for a in model.agencies.values():
        seen, cur = [], a
        while cur is not None and cur.parent is not None and cur.id not in seen:
            seen.append(cur.id)
            cur = model.agencies.get(cur.parent)
        if cur is not None and cur.id in seen and a.id == cur.id and a.id not in reported:
            reported.update(seen)
            yield make("NAP210", a.src.at("parent").pos(), "agency hierarchy loops: " + " → ".join(seen + [a.id]))


def time_and_money(model: PlanModel) -> Iterator[Finding]:
    plan = model.plan
    period = f"{plan.start_year}–{plan.end_year}"
    for m in model.measures.values():
        t = m.timeline
        dated = m.judged("timeline.start") and m.judged("timeline.end")  # else every date check repeats it
        if dated and t.start > t.end:
            yield make("NAP302", t.src.at("end").pos(), f"{m.id} ends ({t.end}) before it starts ({t.start})")
        for name, day in (("start", t.start), ("end", t.end)):
            if m.judged(f"timeline.{name}") and not plan.start <= day <= plan.end:
                yield make("NAP301", t.src.at(name).pos(), f"{m.id} {name}s {day}, outside the plan period {period}")
        for ms in t.milestones:
            if dated and not t.start <= ms.due <= t.end:
                yield make("NAP303", ms.src.at("due").pos(),
                           f"milestone {ms.id} is due {ms.due}, outside {m.id}'s timeline {t.start} – {t.end}")
        for line in m.budget:
            if line.year not in plan.years:
                yield make("NAP304", line.src.at("year").pos(), f"budget year {line.year} is outside the plan period {period}")
            elif dated and not t.start.year <= line.year <= t.end.year:
                yield make("NAP306", line.src.at("year").pos(),
                           f"{m.id} has money in {line.year} but runs {t.start.year}–{t.end.year}")
            if line.currency != plan.currency:
                yield make("NAP305", line.src.at("currency").pos(),
                           f"budget line in {line.currency}; the plan's currency is {plan.currency}")
        for mi in m.indicators:
            if mi.baseline is not None and mi.baseline.year > plan.start_year:
                yield make("NAP307", mi.src.at("baseline", "year").pos(),
                           f"baseline year {mi.baseline.year} is after the plan starts ({plan.start_year})")
            if mi.target.year > plan.end_year:
                yield make("NAP307", mi.src.at("target", "year").pos(),
                           f"target year {mi.target.year} is after the plan ends ({plan.end_year})")


def languages(model: PlanModel) -> Iterator[Finding]:
    declared = model.plan.languages
    for text, src in model.texts():
        if not text or text.plain is not None:
            continue
        have = text.languages()
        missing = [lang for lang in declared if lang not in have]
        if missing:
            yield make("NAP401", src.pos(), f"no {', '.join(missing)} text for {'.'.join(map(str, src.path))}")
        for lang in have:
            if lang not in declared:
                yield make("NAP402", src.at(lang).pos(key=True),
                           f"language '{lang}' is not one of the plan's languages ({', '.join(declared)})")


def coverage_findings(model: PlanModel, coverage: Coverage, unjudged: dict[str, str] | None = None) -> Iterator[Finding]:
    """`unjudged` maps a recommendation to why its coverage cannot be judged yet (a measure that
    may answer it does not parse, or the item that answers it failed its schema)."""
    unjudged = unjudged or {}
    for rid, rc in coverage.by_recommendation.items():
        rec = model.recommendations[rid]
        if rid in unjudged and rc.status != "full":
            yield make("NAP220", rec.src.at("id").pos(), f"coverage of {rid} not checked: {unjudged[rid]}")
        elif rc.status == "uncovered":
            yield make("NAP501", rec.src.at("id").pos(),
                       f"{rid} ({rec.response.status}) is implemented by no measure; add it to a measure's "
                       f"'implements' or respond 'noted' with a justification")
        elif rc.status == "partial" and rec.response.status == "accepted":
            yield make("NAP502", rec.src.at("id").pos(),
                       f"{rid} is accepted but only partly implemented (by {', '.join(rc.measures)}); "
                       "implement it fully somewhere or respond 'partly'")
        if rec.response.status in ("noted", "partly") and not rec.response.justification:
            yield make("NAP503", rec.src.at("response", "status").pos(),
                       f"{rid} is '{rec.response.status}' but the response gives no justification")
        if rec.response.status == "noted" and rc.answers:
            yield make("NAP504", rec.src.at("response", "status").pos(),
                       f"{rid} is only noted, yet {', '.join(rc.measures)} implement(s) it")


RULES: tuple[Rule, ...] = (identity, references, time_and_money, languages)


def check_model(model: PlanModel, shadow_ids: set[str] = frozenset()) -> list[Finding]:
    """Run every rule. `shadow_ids` are ids of objects left out of the model for schema
    errors of their own (already reported): references to them are not called unknown."""
    findings = [f for rule in RULES for f in rule(model)]
    if not shadow_ids:
        return findings
    return [f for f in findings if not (f.code in _UNKNOWN_CODES and f.message.split("'")[1] in shadow_ids)]


_UNKNOWN_CODES = {"NAP204", "NAP205", "NAP206", "NAP207", "NAP208"}
