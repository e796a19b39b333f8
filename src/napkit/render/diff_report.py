"""`nap diff` output: a reviewer reads what a change does to coverage, money and time.

Three formats over the same PlanDiff: text (terminal), markdown (PR job summary), json."""

from __future__ import annotations

import json

from ..analyse.diff import PlanDiff


def _money(v: float) -> str:
    return f"{v:,.0f}"


def _delta(a: float, b: float) -> str:
    d = b - a
    return "±0" if d == 0 else f"{'+' if d > 0 else '−'}{abs(d):,.0f}"


def _pt(a: float, b: float) -> str:
    d = round(b - a, 1)
    return "±0" if d == 0 else f"{'+' if d > 0 else '−'}{abs(d):g} pt"


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


def headline(d: PlanDiff) -> str:
    parts = [f"coverage {d.coverage_before:g} % → {d.coverage_after:g} % ({_pt(d.coverage_before, d.coverage_after)})",
             f"budget {d.currency} {_money(d.total_before)} → {_money(d.total_after)} ({_delta(d.total_before, d.total_after)})",
             f"{len(d.added)} measure(s) added, {len(d.removed)} removed, {len(d.changed)} changed"]
    if d.newly_uncovered:
        parts.insert(0, f"{len(d.newly_uncovered)} recommendation(s) NEWLY UNCOVERED")
    return " · ".join(parts)


def render_markdown(d: PlanDiff, base: str, head: str) -> str:
    out = [f"## Plan changes: `{_cell(base)}` → `{_cell(head)}`", ""]
    if not d.base_readable or not d.head_readable:
        which = "base" if not d.base_readable else "head"
        out += [f"> The {which} revision's plan cannot be read, so only its findings are compared.", ""]
    else:
        out += [f"**{_cell(headline(d))}**", ""]
        if d.is_empty:
            out += ["No change to measures, recommendations, coverage or budget.", ""]
    if d.newly_uncovered:
        out += ["### :warning: Recommendations newly uncovered", "",
                "| Recommendation | Coverage before | Answered before by |", "|---|---|---|"]
        out += [f"| {c.recommendation} | {c.before} | {', '.join(c.measures_before) or '—'} |" for c in d.newly_uncovered]
        out.append("")
    if d.newly_covered:
        out += ["### Recommendations newly covered", "", "| Recommendation | Coverage | Answered by |", "|---|---|---|"]
        out += [f"| {c.recommendation} | {c.after} | {', '.join(c.measures_after)} |" for c in d.newly_covered]
        out.append("")
    if d.other_coverage:
        out += ["### Other coverage changes", "", "| Recommendation | Before | After | Measures before | Measures after |",
                "|---|---|---|---|---|"]
        out += [f"| {c.recommendation} | {c.before} | {c.after} | {', '.join(c.measures_before) or '—'} | "
                f"{', '.join(c.measures_after) or '—'} |" for c in d.other_coverage]
        out.append("")
    if d.recommendations_added or d.recommendations_removed or d.responses_changed:
        out += ["### Recommendation catalogs", ""]
        if d.recommendations_added:
            out.append(f"- added: {', '.join(d.recommendations_added)}")
        if d.recommendations_removed:
            out.append(f"- removed: {', '.join(d.recommendations_removed)}")
        out += [f"- response to {r}: {a} → {b}" for r, a, b in d.responses_changed]
        out.append("")
    if d.added or d.removed or d.changed:
        out += ["### Measures", ""]
        out += [f"- **added** {m}: {_cell(t)}" for m, t in d.added]
        out += [f"- **removed** {m}: {_cell(t)}" for m, t in d.removed]
        out.append("")
        for mc in d.changed:
            out += [f"**{mc.id}** {_cell(mc.title)}", "", "| Field | Before | After |", "|---|---|---|"]
            out += [f"| {_cell(c.field)} | {_cell(c.before)} | {_cell(c.after)} |" for c in mc.changes]
            out.append("")
    if d.total_before != d.total_after:
        out += [f"### Budget ({d.currency})", "", "| Year | Before | After | Change |", "|---|---:|---:|---:|"]
        out += [f"| {y} | {_money(a)} | {_money(b)} | {_delta(a, b)} |" for y, (a, b) in d.budget_by_year.items()]
        out += [f"| **Total** | **{_money(d.total_before)}** | **{_money(d.total_after)}** | "
                f"**{_delta(d.total_before, d.total_after)}** |", ""]
    if d.budget_by_agency:
        out += [f"#### Change per lead agency ({d.currency})", "",
                "| Agency | " + " | ".join(map(str, d.years)) + " | Total |", "|---|" + "---:|" * (len(d.years) + 1)]
        for agency, rows in d.budget_by_agency.items():
            before = sum(a for a, _ in rows.values())
            after = sum(b for _, b in rows.values())
            out.append(f"| {agency} | " + " | ".join(_delta(a, b) for a, b in rows.values()) + f" | {_delta(before, after)} |")
        out.append("")
    if d.timeline:
        out += ["### Timeline", "", "| Measure | What | Before | After |", "|---|---|---|---|"]
        out += [f"| {m} | {w} | {a} | {b} |" for m, w, a, b in d.timeline]
        out.append("")
    if d.new_findings:
        out += [f"### New findings ({len(d.new_findings)})", ""]
        out += [f"- `{f.pos}` {f.severity} **{f.code}** {_cell(f.message)}" for f in d.new_findings[:200]]
        if len(d.new_findings) > 200:
            out.append(f"- … and {len(d.new_findings) - 200} more (run `nap check`)")
        out.append("")
    if d.fixed_findings:
        out += [f"{d.fixed_findings} finding(s) of the base are gone.", ""]
    return "\n".join(out)


def render_text(d: PlanDiff, base: str, head: str) -> str:
    out = [f"Plan changes {base} → {head}"]
    if d.base_readable and d.head_readable:
        out.append(headline(d))
    for c in d.newly_uncovered:
        out.append(f"  NEWLY UNCOVERED {c.recommendation} (was {c.before} by {', '.join(c.measures_before) or '—'})")
    for c in d.newly_covered:
        out.append(f"  newly covered {c.recommendation} by {', '.join(c.measures_after)} ({c.after})")
    for c in d.other_coverage:
        out.append(f"  coverage of {c.recommendation}: {c.before} → {c.after}")
    for m, t in d.added:
        out.append(f"  + {m} {t}")
    for m, t in d.removed:
        out.append(f"  - {m} {t}")
    for mc in d.changed:
        out.append(f"  ~ {mc.id} {mc.title}")
        out += [f"      {c.field}: {c.before} → {c.after}" for c in mc.changes]
    if d.total_before != d.total_after:
        out.append("  budget by year: " + ", ".join(f"{y} {_delta(a, b)}" for y, (a, b) in d.budget_by_year.items()
                                                    if a != b))
        for agency, rows in d.budget_by_agency.items():
            out.append(f"    {agency}: " + ", ".join(f"{y} {_delta(a, b)}" for y, (a, b) in rows.items() if a != b))
    for f in d.new_findings:
        out.append(f"  new finding {f.pos}: {f.severity} {f.code} {f.message}")
    return "\n".join(out) + "\n"


def render_json(d: PlanDiff, base: str, head: str) -> str:
    def cov(c):
        return {"recommendation": c.recommendation, "before": c.before, "after": c.after,
                "measures_before": list(c.measures_before), "measures_after": list(c.measures_after)}

    data = {
        "base": base, "head": head, "base_readable": d.base_readable, "head_readable": d.head_readable,
        "coverage": {"before": d.coverage_before, "after": d.coverage_after, "worse": d.coverage_worse,
                     "newly_uncovered": [cov(c) for c in d.newly_uncovered],
                     "newly_covered": [cov(c) for c in d.newly_covered], "other": [cov(c) for c in d.other_coverage]},
        "recommendations": {"added": d.recommendations_added, "removed": d.recommendations_removed,
                            "responses_changed": [{"recommendation": r, "before": a, "after": b}
                                                  for r, a, b in d.responses_changed]},
        "measures": {"added": [{"id": m, "title": t} for m, t in d.added],
                     "removed": [{"id": m, "title": t} for m, t in d.removed],
                     "changed": [{"id": mc.id, "title": mc.title,
                                  "changes": [{"field": c.field, "before": c.before, "after": c.after}
                                              for c in mc.changes]} for mc in d.changed]},
        "budget": {"currency": d.currency, "total": {"before": d.total_before, "after": d.total_after},
                   "by_year": {str(y): {"before": a, "after": b} for y, (a, b) in d.budget_by_year.items()},
                   "by_agency": {ag: {str(y): {"before": a, "after": b} for y, (a, b) in rows.items()}
                                 for ag, rows in d.budget_by_agency.items()}},
        "timeline": [{"measure": m, "what": w, "before": a, "after": b} for m, w, a, b in d.timeline],
        "new_findings": [{"code": f.code, "severity": str(f.severity), "file": f.pos.file, "line": f.pos.line,
                          "col": f.pos.col, "message": f.message} for f in d.new_findings],
        "fixed_findings": d.fixed_findings,
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


RENDERERS = {"text": render_text, "markdown": render_markdown, "json": render_json}
