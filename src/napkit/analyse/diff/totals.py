"""Coverage of the recommendations and the budget, before and after (from each side's analysis)."""

from __future__ import annotations

from ...pipeline import Result
from .changes import CoverageChange, PlanDiff


def compare_coverage(d: PlanDiff, base: Result, head: Result) -> None:
    cb, ch = base.analysis.coverage, head.analysis.coverage
    d.coverage_before, d.coverage_after = cb.percent, ch.percent
    for rid, now in ch.by_recommendation.items():
        was = cb.by_recommendation.get(rid)
        before = was.status if was else "absent"
        if before == now.status and (was is None or was.measures == now.measures):
            continue
        change = CoverageChange(rid, before, now.status, was.measures if was else (), now.measures)
        if now.status == "uncovered":
            d.newly_uncovered.append(change)
        elif before in ("uncovered", "absent") and now.status in ("covered", "partial"):
            d.newly_covered.append(change)
        else:
            d.other_coverage.append(change)


def compare_budget(d: PlanDiff, base: Result, head: Result) -> None:
    bb, bh = base.analysis.budget, head.analysis.budget
    d.years = sorted(set(bb.years) | set(bh.years))
    d.budget_by_year = {y: (bb.by_year.get(y, 0), bh.by_year.get(y, 0)) for y in d.years}
    d.total_before, d.total_after = bb.total, bh.total
    for agency in list(dict.fromkeys([*bb.by_agency, *bh.by_agency])):
        rows = {y: (bb.by_agency.get(agency, {}).get(y, 0), bh.by_agency.get(agency, {}).get(y, 0)) for y in d.years}
        if any(x != y for x, y in rows.values()):
            d.budget_by_agency[agency] = rows
