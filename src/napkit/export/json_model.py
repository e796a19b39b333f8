"""The whole resolved model as JSON — shape described by schemas/export.schema.json.

Texts come out as {lang: text} for every plan language (missing translations filled from the
default language), years as string keys, amounts as numbers in the plan currency."""

from __future__ import annotations

import json
from typing import Any

from ..analyse import Analysis
from ..model import PlanModel, Point, Text

EXPORT_VERSION = 1


def _years(row: dict[int, float]) -> dict[str, float]:
    return {str(y): v for y, v in row.items()}


def export_model(model: PlanModel, analysis: Analysis) -> dict[str, Any]:
    langs = model.languages

    def t(text: Text) -> dict[str, str] | None:
        return text.as_json(langs)

    def point(p: Point) -> dict[str, Any]:
        return {"year": p.year, "value": p.value, "source": t(p.source)}

    plan = model.plan
    budget = analysis.budget
    cov = analysis.coverage
    leads: dict[str, list[str]] = {a: [] for a in model.agencies}
    partner_in: dict[str, list[str]] = {a: [] for a in model.agencies}
    for m in model.measures.values():
        leads.setdefault(m.lead, []).append(m.id)
        for p in m.partners:
            partner_in.setdefault(p.agency, []).append(m.id)
    return {
        "format": "napkit-export",
        "version": EXPORT_VERSION,
        "plan": {
            "id": plan.id, "title": t(plan.title), "subtitle": t(plan.subtitle), "country": t(plan.country),
            "period": {"start": plan.start_year, "end": plan.end_year}, "languages": list(langs),
            "currency": plan.currency, "responsible": plan.responsible, "version": plan.version,
            "date": plan.date.isoformat() if plan.date else None, "introduction": t(plan.introduction),
            "budget_note": t(plan.budget_note), "reporting_periods": list(plan.reporting_periods),
            "adoption": plan.adoption.isoformat() if plan.adoption else None,
            "budget_policy": {"new_money_share_max": plan.budget_policy.new_money_share_max,
                              "require_chapter": plan.budget_policy.require_chapter},
            "licence": plan.licence,
        },
        "objectives": [
            {"id": o.id, "title": t(o.title), "description": t(o.description), "pillar": o.pillar,
             "measures": [m.id for m in model.measures_of(o.id)],
             "budget": _years(budget.by_objective.get(o.id, {}))}
            for o in plan.objectives],
        "funding_sources": [{"id": f.id, "name": t(f.name), "description": t(f.description)}
                            for f in plan.funding_sources],
        "agencies": [
            {"id": a.id, "name": t(a.name), "abbreviation": t(a.abbreviation), "kind": a.kind, "parent": a.parent,
             "url": a.url, "independent": a.independent, "leads": leads.get(a.id, []), "partner_in": partner_in.get(a.id, []),
             "budget": _years(budget.by_agency.get(a.id, {}))}
            for a in model.agencies.values()],
        "sources": [
            {"id": s.id, "title": t(s.title), "short_title": t(s.short_title), "author": t(s.author),
             "date": s.date.isoformat() if s.date else None, "url": s.url,
             "coverage": cov.by_source.get(s.id, {})}
            for s in model.sources],
        "recommendations": [
            {"id": r.id, "source": r.source, "section": r.section, "paragraph": r.paragraph, "page": r.page,
             "summary": t(r.summary), "quote": r.quote, "pillar": r.pillar, "theme": r.theme, "strength": r.strength,
             "response": {"status": r.response.status, "justification": t(r.response.justification)},
             "related": list(r.related), "same_as": list(r.same_as),
             "coverage": {"status": cov.by_recommendation[r.id].status,
                          "measures": [{"measure": a.measure, "extent": a.extent}
                                       for a in cov.by_recommendation[r.id].answers]}}
            for r in model.recommendations.values()],
        "indicators": [
            {"id": i.id, "name": t(i.name), "definition": t(i.definition), "unit": t(i.unit), "source": t(i.source),
             "baseline": [point(p) for p in i.baseline], "targets": [point(p) for p in i.targets],
             "direction": i.direction, "unit_kind": i.unit_kind, "baseline_note": t(i.baseline_note),
             "at_most": list(i.at_most)}
            for i in model.indicators.values()],
        "measures": [
            {"id": m.id, "objective": m.objective, "title": t(m.title), "description": t(m.description),
             "lead": m.lead, "partners": [{"agency": p.agency, "role": t(p.role)} for p in m.partners],
             "implements": [{"recommendation": x.recommendation, "extent": x.extent, "note": t(x.note)}
                            for x in m.implements],
             "timeline": {"start": m.timeline.start.isoformat(), "end": m.timeline.end.isoformat(),
                          "milestones": [{"id": ms.id, "due": ms.due.isoformat(), "deliverable": t(ms.deliverable)}
                                         for ms in m.timeline.milestones]},
             "budget": [{"year": b.year, "amount": b.amount, "currency": b.currency, "source": b.source,
                         "new_money": b.new_money, "chapter": b.chapter, "post": b.post} for b in m.budget],
             "budget_total": m.total_budget,
             "indicators": [{"indicator": x.indicator, "baseline": point(x.baseline) if x.baseline else None,
                             "target": {"year": x.target.year, "value": x.target.value}} for x in m.indicators],
             "status": m.status, "commitment": m.commitment, "after": list(m.after), "file": m.file}
            for m in model.measures.values()],
        "budget": {
            "currency": plan.currency, "total": budget.total, "by_year": _years(budget.by_year),
            "by_objective": {k: _years(v) for k, v in budget.by_objective.items()},
            "by_agency": {k: _years(v) for k, v in budget.by_agency.items()},
            "by_source": {k: _years(v) for k, v in budget.by_source.items()},
            "new_money": _years(budget.new_money), "existing_money": _years(budget.existing_money),
        },
        "progress": [
            {"measure": e.measure, "period": e.period, "reported_by": e.reported_by, "date": e.date.isoformat(),
             "status": e.status, "completion": e.completion, "done": t(e.done),
             "spent": [{"year": x.year, "amount": x.amount} for x in e.spent],
             "milestones": [{"id": x.id, "reached": x.reached.isoformat()} for x in e.milestones],
             "indicators": [{"indicator": x.indicator, "year": x.year, "value": x.value, "source": t(x.source)}
                            for x in e.indicators],
             "example": e.example}
            for e in sorted(model.progress, key=lambda e: (plan.reporting_periods.index(e.period)
                                                           if e.period in plan.reporting_periods else 99, e.measure))],
        "coverage": {"percent": cov.percent, "to_answer": cov.to_answer, "answered": cov.answered,
                     "counts": cov.counts, "by_source": cov.by_source},
    }


def export_json_text(model: PlanModel, analysis: Analysis) -> str:
    """The export as JSON text; raises finite.NotFinite rather than write NaN or Infinity (not JSON)."""
    from .finite import require_finite

    data = export_model(model, analysis)
    require_finite(data, "the plan")
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
