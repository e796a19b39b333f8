"""`nap diff` output: a reviewer reads what a change does to the plan — first what the coordinator
decides on (coverage, responses, money, deadlines, targets, answers to re-check), then every
change, object by object and field by field.

Formats over the same PlanDiff: text (terminal), markdown (PR job summary, diff_markdown), json,
github (annotations on the changed lines, diff_github)."""

from __future__ import annotations

import json

from ..analyse.diff import KINDS, Change, ItemChange, PlanDiff
from .diff_common import delta, headline, plain, where
from .diff_github import render_github
from .diff_labels import t
from .diff_markdown import render_markdown

JSON_KEYS = {"plan": "plan", "objective": "objectives", "funding_source": "funding_sources",
             "reporting_period": "reporting_periods", "agency": "agencies", "source": "sources",
             "recommendation": "recommendations", "indicator": "indicators", "measure": "measures",
             "progress": "progress", "page": "pages", "other": "other"}
# -- text --------------------------------------------------------------------------------------

def _change_line(c: Change) -> str:
    note = f" ({c.note})" if c.note else ""
    return f"      {plain(c.field)}: {plain(c.before)} → {plain(c.after)}{note}  [{where(c)}]"


def render_text(d: PlanDiff, base: str, head: str) -> str:
    out = [plain(t("title", base=base, head=head)), headline(d)]
    if not d.base_readable or not d.head_readable:
        out.append("  " + t("unreadable", which="base" if not d.base_readable else "head"))
    for r in d.responses_changed:
        out.append(f"  RESPONSE CHANGED {r.recommendation}: {r.before} → {r.after} "
                   f"({t('col.justification').lower()} {t(f'justification.{r.justification}')})  [{where(r)}]")
    for c in d.newly_uncovered:
        out.append(f"  NEWLY UNCOVERED {c.recommendation} (was {c.before} by {', '.join(c.measures_before) or '—'})")
    for c in d.newly_covered:
        out.append(f"  newly covered {c.recommendation} by {', '.join(c.measures_after)} ({c.after})")
    for c in d.other_coverage:
        out.append(f"  coverage of {c.recommendation}: {c.before} → {c.after}")
    if d.total_before != d.total_after:
        out.append("  budget by year: " + ", ".join(f"{y} {delta(a, b)}" for y, (a, b) in d.budget_by_year.items()
                                                    if a != b))
        for agency, rows in d.budget_by_agency.items():
            out.append(f"    {agency}: " + ", ".join(f"{y} {delta(a, b)}" for y, (a, b) in rows.items() if a != b))
    for m, what, a, b in d.timeline:
        out.append(f"  deadline {m} {what}: {a} → {b}")
    for x in d.targets:
        out.append(f"  {x.subject} {x.what} {x.note}: {x.before} → {x.after}  [{where(x)}]")
    for s in d.suspects:
        out.append(f"  re-check the answer of {s.measure} to {s.recommendation}: "
                   + t(f"suspect.{s.changed}", what=plain(s.what)))
    for item in d.items:
        sign = {"added": "+", "removed": "-", "changed": "~"}[item.state]
        errors = f" — {t('has_errors', n=item.errors)}" if item.errors else ""
        out.append(f"  {sign} {t(f'noun.{item.kind}')} {plain(item.id)} {plain(item.title)}{errors}  [{where(item)}]")
        out += [_change_line(c) for c in item.changes]
    for f in d.new_findings:
        out.append(f"  new finding {f.pos}: {f.severity} {f.code} {plain(f.message)}")
    if d.fixed_findings:
        out.append("  " + t("fixed_findings", n=d.fixed_findings))
    return "\n".join(out) + "\n"


# -- json --------------------------------------------------------------------------------------

def _pos(x: Change | ItemChange) -> dict:
    return {"file": x.pos.file, "line": x.pos.line}


def _item(i: ItemChange) -> dict:
    out = {"id": i.id, "title": i.title, **_pos(i)}
    if i.state == "changed" or i.changes:
        out["errors"] = i.errors
        out["changes"] = [{"field": c.field, "before": c.before, "after": c.after, "note": c.note, **_pos(c)}
                          for c in i.changes]
    return out


def render_json(d: PlanDiff, base: str, head: str) -> str:
    def cov(c):
        return {"recommendation": c.recommendation, "before": c.before, "after": c.after,
                "measures_before": list(c.measures_before), "measures_after": list(c.measures_after)}

    data: dict = {
        "base": base, "head": head, "base_readable": d.base_readable, "head_readable": d.head_readable,
        "summary": {"headline": headline(d), "changes": d.change_count, "files": d.files_changed},
        "coverage": {"before": d.coverage_before, "after": d.coverage_after, "worse": d.coverage_worse,
                     "newly_uncovered": [cov(c) for c in d.newly_uncovered],
                     "newly_covered": [cov(c) for c in d.newly_covered], "other": [cov(c) for c in d.other_coverage]},
        "responses_changed": [{"recommendation": r.recommendation, "before": r.before, "after": r.after,
                               "justification": r.justification, "justification_changed": r.justification_changed,
                               **_pos(r)}
                              for r in d.responses_changed],
        "targets": [{"subject": x.subject, "what": x.what, "before": x.before, "after": x.after, "note": x.note,
                     **_pos(x)} for x in d.targets],
        "suspects": [{"recommendation": s.recommendation, "measure": s.measure, "changed": s.changed,
                      "what": s.what, **_pos(s)} for s in d.suspects],
    }
    for kind in KINDS:
        data[JSON_KEYS[kind]] = {state: [_item(i) for i in d.of_kind(kind, state)]
                                 for state in ("added", "removed", "changed")}
    data.update({
        "budget": {"currency": d.currency, "total": {"before": d.total_before, "after": d.total_after},
                   "by_year": {str(y): {"before": a, "after": b} for y, (a, b) in d.budget_by_year.items()},
                   "by_agency": {ag: {str(y): {"before": a, "after": b} for y, (a, b) in rows.items()}
                                 for ag, rows in d.budget_by_agency.items()}},
        "timeline": [{"measure": m, "what": w, "before": a, "after": b} for m, w, a, b in d.timeline],
        "new_findings": [{"code": f.code, "severity": str(f.severity), "file": f.pos.file, "line": f.pos.line,
                          "col": f.pos.col, "message": f.message} for f in d.new_findings],
        "fixed_findings": d.fixed_findings,
    })
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


RENDERERS = {"text": render_text, "markdown": render_markdown, "json": render_json, "github": render_github}
