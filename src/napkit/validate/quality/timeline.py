"""Time: targets after the measures that produce them, milestones after adoption,
dependencies in order, measures not all started on one day."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator

from ...findings import Finding, make
from ._base import Context, dated

# More measures than this all starting on one date is a plan that was not sequenced.
SAME_START_MIN_MEASURES = 10


def _too_early(year: int, start: dt.date) -> bool:
    """A target for `year` measures what a measure starting `start` produced: nothing before it
    starts, and next to nothing when it starts in the second half of that year."""
    return year < start.year or (year == start.year and start > dt.date(year, 6, 30))


def target_before_measure(ctx: Context) -> Iterator[Finding]:
    """NAP720: the first target comes after the earliest measure that uses the indicator."""
    for ind in ctx.model.indicators.values():
        users = [m for m in ctx.measures_by_indicator.get(ind.id, ()) if dated(m)]
        if not users or not ind.targets:
            continue
        first = min(users, key=lambda m: (m.timeline.start, m.id))
        for i, t in enumerate(ind.targets):
            if _too_early(t.year, first.timeline.start):
                yield make("NAP720", ind.src.at("targets", i, "year").pos(),
                           f"{ind.id} has a {t.year} target, but the earliest measure using it ({first.id}) starts "
                           f"{first.timeline.start}; move the first target to a year the measure can affect")
    for m in ctx.model.measures.values():
        if not dated(m):
            continue
        for mi in m.indicators:
            if _too_early(mi.target.year, m.timeline.start):
                yield make("NAP720", mi.src.at("target", "year").pos(),
                           f"{m.id} sets a {mi.target.year} target for {mi.indicator} but starts {m.timeline.start}; "
                           "move the target later or the start earlier")


def milestones_after_adoption(ctx: Context) -> Iterator[Finding]:
    """NAP721/722: nothing is due before the government can have adopted the plan."""
    plan = ctx.model.plan
    if not plan.judged("adoption"):
        return  # a bad date: its schema finding says so
    if plan.adoption is None:
        if any(m.timeline.milestones for m in ctx.model.measures.values()):
            yield make("NAP722", plan.src.at("id").pos(key=True),
                       "plan.yaml has no `adoption` date (when the government adopts, or plans to adopt, the plan); "
                       "add it so that milestones can be checked against it")
        return
    for m in ctx.model.measures.values():
        for ms in m.timeline.milestones:
            if ms.due < plan.adoption:
                yield make("NAP721", ms.src.at("due").pos(),
                           f"{m.id} {ms.id} is due {ms.due}, before the plan is adopted ({plan.adoption}); "
                           "move it after adoption or drop it from the plan")


def dependencies(ctx: Context) -> Iterator[Finding]:
    """NAP723/724: a measure does not start before, nor end before, the measures it builds on."""
    measures = ctx.model.measures
    for m in measures.values():
        for i, dep_id in enumerate(m.after):
            dep = measures.get(dep_id)
            if dep is None or dep_id == m.id or not (dated(m) and dated(dep)):
                continue  # NAP790, or dates that failed their schema
            at = m.src.at("after", i).pos()
            if m.timeline.start < dep.timeline.start:
                yield make("NAP723", at, f"{m.id} builds on {dep_id} but starts {m.timeline.start}, before "
                           f"{dep_id} starts ({dep.timeline.start}); start it on or after {dep.timeline.start}")
            if m.timeline.end < dep.timeline.end:
                yield make("NAP724", at, f"{m.id} builds on {dep_id} but ends {m.timeline.end}, before {dep_id} "
                           f"ends ({dep.timeline.end}); extend it or say which part of {dep_id} it needs")


def staggered(ctx: Context) -> Iterator[Finding]:
    """NAP725: once, on plan.yaml."""
    measures = ctx.model.measures
    if len(measures) <= SAME_START_MIN_MEASURES:
        return
    if not all(dated(m) for m in measures.values()):
        return
    starts = Counter(m.timeline.start for m in measures.values())
    if len(starts) == 1:
        (day, n), = starts.items()
        yield make("NAP725", ctx.model.plan.src.at("period").pos(key=True),
                   f"all {n} measures start on {day}; give each measure the date it can really start "
                   "(and record what it builds on in `after`)")


RULES = (target_before_measure, milestones_after_adoption, dependencies, staggered)
