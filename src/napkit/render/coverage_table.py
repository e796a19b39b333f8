"""`nap coverage`: recommendation → measures, extent, status, and the gaps, as text, Markdown or JSON."""

from __future__ import annotations

import json

from ..analyse import Analysis
from ..model import PlanModel

_MARK = {"covered": "covered", "partial": "PARTIAL", "uncovered": "GAP", "noted": "noted"}


def _rows(model: PlanModel, analysis: Analysis, source_id: str | None, gaps_only: bool, lang: str):
    fallback = model.languages
    for rid, rec in model.recommendations.items():
        if source_id and rec.source != source_id:
            continue
        rc = analysis.coverage.by_recommendation[rid]
        if gaps_only and rc.status == "covered":
            continue
        measures = ", ".join(f"{a.measure}{'' if a.extent == 'full' else ' (partial)'}" for a in rc.answers)
        yield rid, rec.response.status, rc.status, measures, rec.summary.get(lang, fallback)


def render_coverage(model: PlanModel, analysis: Analysis, *, fmt: str, source_id: str | None,
                    gaps_only: bool, lang: str) -> str:
    rows = list(_rows(model, analysis, source_id, gaps_only, lang))
    cov = analysis.coverage
    summary = (f"{cov.answered} of {cov.to_answer} accepted or partly accepted recommendations answered "
               f"({cov.percent:g} %); " + ", ".join(f"{n} {k}" for k, n in cov.counts.items()))
    if fmt == "json":
        return json.dumps({"summary": {"percent": cov.percent, "to_answer": cov.to_answer, "answered": cov.answered,
                                       "counts": cov.counts},
                           "recommendations": [{"id": r, "response": resp, "status": st,
                                                "measures": [{"measure": a.measure, "extent": a.extent}
                                                             for a in cov.by_recommendation[r].answers]}
                                               for r, resp, st, _, _ in rows]},
                          ensure_ascii=False, indent=2) + "\n"
    if fmt == "markdown":
        out = ["| Recommendation | Response | Coverage | Measures | Summary |", "|---|---|---|---|---|"]
        for rid, resp, st, ms, text in rows:
            out.append(f"| {rid} | {resp} | {_MARK[st]} | {ms or '—'} | {_md_cell(text)} |")
        return "\n".join(out) + f"\n\n{summary}\n"
    width = max([len(r[0]) for r in rows] + [14])
    mwidth = max([len(r[3]) for r in rows] + [8])
    out = [f"{'RECOMMENDATION':<{width}}  {'RESPONSE':<8}  {'COVERAGE':<8}  {'MEASURES':<{mwidth}}  SUMMARY"]
    for rid, resp, st, ms, text in rows:
        short = text if len(text) <= 70 else text[:67].rstrip() + "..."
        out.append(f"{rid:<{width}}  {resp:<8}  {_MARK[st]:<8}  {ms or '-':<{mwidth}}  {short}")
    return "\n".join(out) + f"\n\n{summary}\n"


def _md_cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|").replace("<", "&lt;")
