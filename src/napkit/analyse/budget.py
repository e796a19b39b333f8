"""Budget roll-ups: totals by year, objective, lead agency, funding source and new/existing money.

Money is attributed to the measure's lead agency (the one accountable for it)."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import PlanModel


@dataclass(frozen=True, slots=True)
class Budget:
    years: tuple[int, ...]
    total: float
    by_year: dict[int, float]
    by_objective: dict[str, dict[int, float]]  # objective → year → amount
    by_agency: dict[str, dict[int, float]]  # lead agency → year → amount
    by_source: dict[str, dict[int, float]]  # funding source → year → amount
    new_money: dict[int, float]
    existing_money: dict[int, float]
    by_measure: dict[str, dict[int, float]]

    @staticmethod
    def row_total(row: dict[int, float]) -> float:
        return sum(row.values())


def _grid(keys, years) -> dict:
    return {k: {y: 0 for y in years} for k in keys}


def budget_of(model: PlanModel) -> Budget:
    years = tuple(model.plan.years)
    by_year = {y: 0 for y in years}
    by_objective = _grid(model.objectives, years)
    by_agency: dict[str, dict[int, float]] = {}
    by_source = _grid((f.id for f in model.plan.funding_sources), years)
    new = {y: 0 for y in years}
    existing = {y: 0 for y in years}
    by_measure: dict[str, dict[int, float]] = {}
    for m in model.measures.values():
        row = by_measure.setdefault(m.id, {y: 0 for y in years})
        for line in m.budget:
            if line.year not in by_year:
                continue  # a finding (NAP304) reports it; totals cover the plan period only
            amount = line.amount
            by_year[line.year] += amount
            row[line.year] += amount
            by_objective.setdefault(m.objective, {y: 0 for y in years})[line.year] += amount
            by_agency.setdefault(m.lead, {y: 0 for y in years})[line.year] += amount
            by_source.setdefault(line.source, {y: 0 for y in years})[line.year] += amount
            (new if line.new_money else existing)[line.year] += amount
    # agencies in registry order, only those that lead something with money
    order = {a: i for i, a in enumerate(model.agencies)}
    by_agency = dict(sorted(by_agency.items(), key=lambda kv: order.get(kv[0], len(order))))
    return Budget(years, sum(by_year.values()), by_year, by_objective, by_agency, by_source, new, existing, by_measure)
