"""Stage 4 — analyse: figures derived from the model (coverage, budget, timeline), shared by every renderer."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import PlanModel
from .budget import Budget, budget_of
from .coverage import Coverage, coverage_of
from .timeline import Timeline, timeline_of


@dataclass(frozen=True, slots=True)
class Analysis:
    coverage: Coverage
    budget: Budget
    timeline: Timeline


def analyse(model: PlanModel) -> Analysis:
    return Analysis(coverage_of(model), budget_of(model), timeline_of(model))
