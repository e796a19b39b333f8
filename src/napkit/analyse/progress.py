"""Implementation progress for one reporting period: pure functions over the model.

`progress_of(model, "2027")` answers what a monitor asks at the end of a period: how many
measures are on track, delayed, completed or not reported; which milestones were due and which
were met; what was spent against the budget, per lead agency and in total; how far each
objective and measure came; where each indicator stands between baseline and target; and, for
every recommendation, the status of the measures that answer it.

How entries add up over time:
- A measure's status is that of its entry for the period. Without one it is "not-reported",
  unless an earlier period already reported it completed or cancelled (final states are carried
  forward; `carried_from` says from which period).
- Milestones and spending accumulate: a milestone counts as reached when this or any earlier
  period's entry gives a date (the earliest wins); for each year, spending is taken from the
  latest entry that reports that year (so a later report can correct an earlier one).
- Periods are ordered as plan.yaml `reporting_periods` lists them. A period label is read as a
  span of dates: `2027` (a year), `2027-H1`, `2027-Q3`, `2027-06` or `2027-2028`; any other label
  spans the whole plan.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from collections.abc import Iterable

from ..model import Measure, PlanModel, Point, ProgressEntry, Text
from ..model.types import Plan
from .coverage import Coverage, coverage_of

STATUSES = ("not-started", "on-track", "delayed", "completed", "cancelled")
NOT_REPORTED = "not-reported"
REPORT_STATUSES = STATUSES + (NOT_REPORTED,)
FINAL_STATUSES = ("completed", "cancelled")
# Milestone states at the end of a period.
MILESTONE_STATES = ("met", "late", "overdue", "ahead", "pending")
# How a recommendation's implementation stands, judged from the measures that answer it.
RECOMMENDATION_STATES = ("completed", "on-track", "delayed", "not-started", "cancelled", NOT_REPORTED, "no-measure")


class UnknownPeriod(ValueError):
    """The period is not one of the plan's reporting periods."""


# -- periods -----------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Period:
    id: str
    start: dt.date
    end: dt.date
    index: int  # position in plan.yaml reporting_periods
    earlier: tuple[str, ...]  # the periods before it, oldest first


_SPAN = re.compile(r"^(\d{4})(?:-(?:(H[12])|(Q[1-4])|(0[1-9]|1[0-2])|(\d{4})))?$")


def period_span(label: str, plan: Plan) -> tuple[dt.date, dt.date]:
    """The dates a period label covers (see the module docstring); the plan's span otherwise."""
    m = _SPAN.match(label)
    if not m:
        return plan.start, plan.end
    year = int(m.group(1))
    half, quarter, month, last = m.group(2), m.group(3), m.group(4), m.group(5)
    if half:
        first_month, months = (1 if half == "H1" else 7), 6
    elif quarter:
        first_month, months = 3 * (int(quarter[1]) - 1) + 1, 3
    elif month:
        first_month, months = int(month), 1
    elif last:
        if int(last) < year:
            return plan.start, plan.end
        return dt.date(year, 1, 1), dt.date(int(last), 12, 31)
    else:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    end_month = first_month + months - 1
    following = dt.date(year + 1, 1, 1) if end_month == 12 else dt.date(year, end_month + 1, 1)
    return dt.date(year, first_month, 1), following - dt.timedelta(days=1)


def periods_of(plan: Plan) -> tuple[Period, ...]:
    out = []
    for i, label in enumerate(plan.reporting_periods):
        start, end = period_span(label, plan)
        out.append(Period(label, start, end, i, tuple(plan.reporting_periods[:i])))
    return tuple(out)


def period_of(plan: Plan, label: str) -> Period:
    for p in periods_of(plan):
        if p.id == label:
            return p
    known = ", ".join(plan.reporting_periods) or "none declared in plan/plan.yaml"
    raise UnknownPeriod(f"'{label}' is not a reporting period of the plan (reporting periods: {known})")


def entries_up_to(model: PlanModel, period: Period) -> list[ProgressEntry]:
    """Entries of the earlier periods and of `period` itself, oldest period first (file order
    within a period). Entries of unknown periods are left out (NAP602 reports them)."""
    rank = {p: i for i, p in enumerate(period.earlier + (period.id,))}
    chosen = [e for e in model.progress if e.period in rank]
    return sorted(chosen, key=lambda e: rank[e.period])  # stable: file order within a period


def entry_for(model: PlanModel, measure: str, period: str) -> ProgressEntry | None:
    """The (first) entry for a measure in a period."""
    return next((e for e in model.progress if e.measure == measure and e.period == period), None)


def reached_dates(entries: Iterable[ProgressEntry], measure: str) -> dict[str, tuple[dt.date, str]]:
    """Milestone id → (earliest reached date, period that reported it) over `entries`."""
    out: dict[str, tuple[dt.date, str]] = {}
    for e in entries:
        if e.measure != measure:
            continue
        for ms in e.milestones:
            if ms.id not in out or ms.reached < out[ms.id][0]:
                out[ms.id] = (ms.reached, e.period)
    return out


# -- results -----------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class MilestoneProgress:
    measure: str
    id: str
    due: dt.date
    deliverable: Text
    reached: dt.date | None  # earliest reached date reported up to this period
    reached_in: str | None  # the period whose entry reported it
    state: str  # met | late | overdue | ahead | pending (MILESTONE_STATES)

    @property
    def due_by_end(self) -> bool:
        """Due by the end of the period (met, late or overdue)."""
        return self.state in ("met", "late", "overdue")


@dataclass(frozen=True, slots=True)
class MilestoneCounts:
    due: int = 0  # due by the end of the period
    met: int = 0  # of those, reached (on time or late)
    on_time: int = 0  # of those, reached by the due date
    overdue: int = 0  # of those, not reached
    ahead: int = 0  # not due yet, already reached
    pending: int = 0  # not due yet, not reached

    @property
    def total(self) -> int:
        return self.due + self.ahead + self.pending

    @staticmethod
    def of(items: Iterable[MilestoneProgress]) -> MilestoneCounts:
        c = Counter(m.state for m in items)
        return MilestoneCounts(due=c["met"] + c["late"] + c["overdue"], met=c["met"] + c["late"], on_time=c["met"],
                               overdue=c["overdue"], ahead=c["ahead"], pending=c["pending"])

    def __add__(self, other: MilestoneCounts) -> MilestoneCounts:
        return MilestoneCounts(self.due + other.due, self.met + other.met, self.on_time + other.on_time,
                               self.overdue + other.overdue, self.ahead + other.ahead, self.pending + other.pending)


@dataclass(frozen=True, slots=True)
class Spending:
    """Budget against money reported spent, in the plan currency. "To date" means the plan years
    up to and including the year the period ends in."""

    planned_by_year: dict[int, float]  # every plan year
    spent_by_year: dict[int, float]  # every plan year (0 where nothing was reported)
    planned_to_date: float
    spent_to_date: float
    planned_total: float  # the whole plan period

    @property
    def rate(self) -> float | None:
        """Spent to date as a percentage of the budget to date (None without a budget to date)."""
        if not self.planned_to_date:
            return None
        return round(100.0 * self.spent_to_date / self.planned_to_date, 1)

    @staticmethod
    def empty(years: Iterable[int]) -> Spending:
        ys = list(years)
        return Spending({y: 0 for y in ys}, {y: 0 for y in ys}, 0, 0, 0)

    def __add__(self, other: Spending) -> Spending:
        years = list(dict.fromkeys([*self.planned_by_year, *other.planned_by_year]))
        return Spending({y: self.planned_by_year.get(y, 0) + other.planned_by_year.get(y, 0) for y in years},
                        {y: self.spent_by_year.get(y, 0) + other.spent_by_year.get(y, 0) for y in years},
                        self.planned_to_date + other.planned_to_date, self.spent_to_date + other.spent_to_date,
                        self.planned_total + other.planned_total)


@dataclass(frozen=True, slots=True)
class IndicatorProgress:
    indicator: str
    measure: str | None  # None: the indicator across the plan (baseline/target from plan/indicators.yaml)
    baseline: Point | None
    actual: Point | None  # the latest year reported up to this period
    target: Point | None
    actuals: tuple[Point, ...]  # every year reported up to this period, by year
    reported_in: str | None  # period of the entry that gave `actual`

    @property
    def progress(self) -> float | None:
        """How far the actual has come from baseline towards target, in per cent (may be
        negative or above 100); None when a figure is missing or target equals baseline."""
        if self.baseline is None or self.actual is None or self.target is None:
            return None
        span = self.target.value - self.baseline.value
        if not span:
            return None
        return round(100.0 * (self.actual.value - self.baseline.value) / span, 1)


@dataclass(frozen=True, slots=True)
class MeasureProgress:
    measure: str
    objective: str
    lead: str
    status: str  # one of REPORT_STATUSES
    reported: bool  # an entry for this very period exists
    carried_from: str | None  # period a final status (completed/cancelled) was carried from
    completion: int | None  # reported per cent; 100 when completed, 0 when not started, if not given
    done: Text
    reported_by: str | None
    date: dt.date | None
    starts_later: bool  # the measure's timeline starts after the period ends
    milestones: tuple[MilestoneProgress, ...]
    milestone_counts: MilestoneCounts
    spending: Spending
    indicators: tuple[IndicatorProgress, ...]
    example: bool  # some entry this is built from (this or an earlier period) is example data
    entry: ProgressEntry | None


@dataclass(frozen=True, slots=True)
class GroupProgress:
    """Measures grouped by objective or by lead agency."""

    id: str
    measures: tuple[str, ...]
    by_status: dict[str, int]  # every REPORT_STATUSES key
    completion: float | None  # mean completion of its measures that give one (cancelled left out)
    with_completion: int  # how many measures the mean is over
    milestones: MilestoneCounts
    spending: Spending


@dataclass(frozen=True, slots=True)
class RecommendationMeasure:
    measure: str
    extent: str  # full | partial
    status: str
    completion: int | None


@dataclass(frozen=True, slots=True)
class RecommendationProgress:
    recommendation: str
    source: str
    response: str  # accepted | partly | noted
    coverage: str  # covered | partial | uncovered | noted (analyse.coverage)
    measures: tuple[RecommendationMeasure, ...]
    state: str  # one of RECOMMENDATION_STATES
    by_status: dict[str, int]


@dataclass(frozen=True, slots=True)
class PeriodProgress:
    period: Period
    measures: dict[str, MeasureProgress]  # plan order
    by_status: dict[str, int]  # every REPORT_STATUSES key
    reported: int  # measures with an entry for this period
    completion: float | None  # mean over measures that give one
    milestones: MilestoneCounts
    spending: Spending  # the whole plan
    by_agency: dict[str, GroupProgress]  # lead agency → …, registry order, only agencies that lead
    by_objective: dict[str, GroupProgress]  # plan order
    indicators: dict[str, IndicatorProgress]  # registry order, across the plan
    recommendations: dict[str, RecommendationProgress]  # catalog order
    example: bool  # some entry used is example data: say so wherever this is shown
    currency: str  # of every amount in `spending`


# -- the analysis ------------------------------------------------------------------------------

def progress_of(model: PlanModel, period: str, coverage: Coverage | None = None) -> PeriodProgress:
    """The state of implementation at the end of `period`. Raises UnknownPeriod."""
    p = period_of(model.plan, period)
    entries = entries_up_to(model, p)
    years = tuple(model.plan.years)
    coverage = coverage or coverage_of(model)
    measures = {m.id: _measure_progress(model, m, p, entries, years) for m in model.measures.values()}

    by_objective = {o: _group(o, [mp for mp in measures.values() if mp.objective == o], years)
                    for o in model.objectives}
    leads = list(dict.fromkeys([a for a in model.agencies if any(mp.lead == a for mp in measures.values())]
                               + [mp.lead for mp in measures.values()]))
    by_agency = {a: _group(a, [mp for mp in measures.values() if mp.lead == a], years) for a in leads}
    total = _group("", list(measures.values()), years)
    return PeriodProgress(
        period=p, measures=measures, by_status=total.by_status,
        reported=sum(1 for mp in measures.values() if mp.reported), completion=total.completion,
        milestones=total.milestones, spending=total.spending, by_agency=by_agency, by_objective=by_objective,
        indicators=_plan_indicators(model, entries),
        recommendations=_recommendations(model, measures, coverage),
        example=any(e.example for e in entries), currency=model.plan.currency)


def _measure_progress(model: PlanModel, m: Measure, p: Period, entries: list[ProgressEntry],
                      years: tuple[int, ...]) -> MeasureProgress:
    own = [e for e in entries if e.measure == m.id]
    entry = next((e for e in own if e.period == p.id), None)
    carried_from = None
    if entry is not None:
        status = entry.status
    else:
        earlier_final = [e for e in own if e.status in FINAL_STATUSES]
        if earlier_final:
            status, carried_from = earlier_final[-1].status, earlier_final[-1].period
        else:
            status = NOT_REPORTED
    source = entry if entry is not None else next((e for e in reversed(own) if e.period == carried_from), None)
    completion = source.completion if source is not None else None
    if completion is None:
        completion = 100 if status == "completed" else 0 if status == "not-started" else None

    reached = reached_dates(own, m.id)
    milestones = tuple(_milestone(m.id, ms.id, ms.due, ms.deliverable, reached.get(ms.id), p)
                       for ms in m.timeline.milestones)
    return MeasureProgress(
        measure=m.id, objective=m.objective, lead=m.lead, status=status, reported=entry is not None,
        carried_from=carried_from, completion=completion,
        done=entry.done if entry is not None else Text(),
        reported_by=entry.reported_by if entry is not None else None,
        date=entry.date if entry is not None else None,
        starts_later=m.timeline.start > p.end,
        milestones=milestones, milestone_counts=MilestoneCounts.of(milestones),
        spending=_spending(m, own, p, years),
        indicators=_measure_indicators(model, m, own),
        example=any(e.example for e in own), entry=entry)


def _milestone(measure: str, ident: str, due: dt.date, deliverable: Text, reached: tuple[dt.date, str] | None,
               p: Period) -> MilestoneProgress:
    day, period = reached if reached else (None, None)
    if due <= p.end:
        state = "overdue" if day is None else "met" if day <= due else "late"
    else:
        state = "pending" if day is None else "ahead"
    return MilestoneProgress(measure, ident, due, deliverable, day, period, state)


def _spending(m: Measure, own: list[ProgressEntry], p: Period, years: tuple[int, ...]) -> Spending:
    planned = {y: 0 for y in years}
    for line in m.budget:
        if line.year in planned:
            planned[line.year] += line.amount
    spent = {y: 0 for y in years}
    for e in own:  # oldest period first: a later report of a year replaces an earlier one
        per_year: dict[int, float] = {}
        for s in e.spent:
            if s.year in spent:
                per_year[s.year] = per_year.get(s.year, 0) + s.amount
        spent.update(per_year)
    last = p.end.year
    return Spending(planned, spent, sum(v for y, v in planned.items() if y <= last),
                    sum(v for y, v in spent.items() if y <= last), sum(planned.values()))


def _actuals(entries: Iterable[ProgressEntry], indicator: str,
             measure: str | None = None) -> tuple[tuple[Point, ...], dict[int, str]]:
    """Reported values by year (a later period's figure for a year replaces an earlier one)."""
    by_year: dict[int, tuple[Point, str]] = {}
    for e in entries:
        if measure is not None and e.measure != measure:
            continue
        for x in e.indicators:
            if x.indicator == indicator:
                by_year[x.year] = (Point(x.year, x.value, x.source), e.period)
    ordered = sorted(by_year)
    return tuple(by_year[y][0] for y in ordered), {y: by_year[y][1] for y in ordered}


def _indicator_progress(indicator: str, measure: str | None, baseline: Point | None, target: Point | None,
                        entries: Iterable[ProgressEntry]) -> IndicatorProgress:
    actuals, periods = _actuals(entries, indicator, measure)
    actual = actuals[-1] if actuals else None
    return IndicatorProgress(indicator, measure, baseline, actual, target, actuals,
                             periods[actual.year] if actual else None)


def _measure_indicators(model: PlanModel, m: Measure, own: list[ProgressEntry]) -> tuple[IndicatorProgress, ...]:
    out = [_indicator_progress(mi.indicator, m.id, mi.baseline, mi.target, own) for mi in m.indicators]
    attached = {mi.indicator for mi in m.indicators}
    extra = list(dict.fromkeys(x.indicator for e in own for x in e.indicators if x.indicator not in attached))
    for ident in extra:  # reported although the measure does not list it: plan-level baseline/target
        ind = model.indicators.get(ident)
        out.append(_indicator_progress(ident, m.id, _last(ind.baseline) if ind else None,
                                       _last(ind.targets) if ind else None, own))
    return tuple(out)


def _last(points: tuple[Point, ...]) -> Point | None:
    return max(points, key=lambda pt: pt.year) if points else None


def _plan_indicators(model: PlanModel, entries: list[ProgressEntry]) -> dict[str, IndicatorProgress]:
    return {i.id: _indicator_progress(i.id, None, _last(i.baseline), _last(i.targets), entries)
            for i in model.indicators.values()}


def _group(ident: str, items: list[MeasureProgress], years: tuple[int, ...]) -> GroupProgress:
    counts = Counter(mp.status for mp in items)
    with_completion = [mp.completion for mp in items if mp.completion is not None and mp.status != "cancelled"]
    spending = Spending.empty(years)
    milestones = MilestoneCounts()
    for mp in items:
        spending = spending + mp.spending
        milestones = milestones + mp.milestone_counts
    return GroupProgress(
        id=ident, measures=tuple(mp.measure for mp in items),
        by_status={s: counts.get(s, 0) for s in REPORT_STATUSES},
        completion=round(sum(with_completion) / len(with_completion), 1) if with_completion else None,
        with_completion=len(with_completion), milestones=milestones, spending=spending)


def recommendation_state(statuses: list[tuple[str, str]]) -> str:
    """How a recommendation's implementation stands, from (extent, status) of the measures that
    answer it: completed when a measure answering it fully is completed (or every measure not
    cancelled is); cancelled when all are; else delayed if any is; on-track if any is on track or
    completed; not-reported when none reported; otherwise not-started."""
    if not statuses:
        return "no-measure"
    live = [s for _, s in statuses if s != "cancelled"]
    if any(ext == "full" and s == "completed" for ext, s in statuses):
        return "completed"
    if live and all(s == "completed" for s in live):
        return "completed"
    if not live:
        return "cancelled"
    if "delayed" in live:
        return "delayed"
    if "on-track" in live or "completed" in live:
        return "on-track"
    if all(s == NOT_REPORTED for s in live):
        return NOT_REPORTED
    return "not-started"


def _recommendations(model: PlanModel, measures: dict[str, MeasureProgress],
                     coverage: Coverage) -> dict[str, RecommendationProgress]:
    out: dict[str, RecommendationProgress] = {}
    for rid, rec in model.recommendations.items():
        rc = coverage.by_recommendation.get(rid)
        answers = rc.answers if rc else ()
        items = tuple(RecommendationMeasure(a.measure, a.extent, measures[a.measure].status,
                                            measures[a.measure].completion)
                      for a in answers if a.measure in measures)
        counts = Counter(i.status for i in items)
        out[rid] = RecommendationProgress(
            recommendation=rid, source=rec.source, response=rec.response.status,
            coverage=rc.status if rc else "uncovered", measures=items,
            state=recommendation_state([(i.extent, i.status) for i in items]),
            by_status={s: counts.get(s, 0) for s in REPORT_STATUSES})
    return out
