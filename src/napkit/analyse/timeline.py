"""Timeline: measures as bars and milestones as dated points, ordered for a Gantt chart."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..model import PlanModel


@dataclass(frozen=True, slots=True)
class Bar:
    measure: str
    objective: str
    start: dt.date
    end: dt.date
    milestones: tuple[tuple[str, dt.date], ...]  # (milestone id, due)


@dataclass(frozen=True, slots=True)
class Timeline:
    start: dt.date
    end: dt.date
    bars: tuple[Bar, ...]

    def milestones_due_in(self, year: int) -> list[tuple[str, str, dt.date]]:
        return [(b.measure, mid, due) for b in self.bars for mid, due in b.milestones if due.year == year]

    def under_way(self, objective: str, year: int) -> int:
        """How many of the objective's measures run at some time in `year`."""
        return sum(1 for b in self.bars if b.objective == objective and b.start.year <= year <= b.end.year)


def timeline_of(model: PlanModel) -> Timeline:
    objective_order = {o: i for i, o in enumerate(model.objectives)}
    bars = sorted(
        (Bar(m.id, m.objective, m.timeline.start, m.timeline.end,
             tuple(sorted(((ms.id, ms.due) for ms in m.timeline.milestones), key=lambda x: (x[1], x[0]))))
         for m in model.measures.values()),
        key=lambda b: (objective_order.get(b.objective, 99), b.start, b.measure))
    return Timeline(model.plan.start, model.plan.end, tuple(bars))
