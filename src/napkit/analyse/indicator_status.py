"""How each indicator moves towards its target: the progress status of Open SDG, which is the
method Statistics Canada developed for its Canadian Indicator Framework.

Sources (read 2026-12-01): open-sdg/open-sdg `docs/progress-methodology.md` ("Progress Measurement
Methodology for the Sustainable Development Goals") and its implementation in open-sdg/sdg-build
`sdg/ProgressMeasure.py` (`SeriesProgress.methodology_2`, `get_progress_status`).

With a quantitative target (method 2). From the base year t0 with value y0, the latest actual year
ti with value yi and the target yT in year tT:

    CAGR_o = (yi / y0) ** (1 / (ti - t0)) - 1        observed compound annual growth
    CAGR_r = (yT / y0) ** (1 / (tT - t0)) - 1        growth needed to reach the target on time
    R      = s · d · CAGR_o / |CAGR_r|

where d is +1 when more is better (direction `increase`) and -1 when less is better (`decrease`),
and s is -1 when y0 is negative (else +1). The status:

    achieved       the latest actual already meets the target (yi ≥ yT, or yi ≤ yT when less is better)
    substantial    R ≥ 0.95
    moderate       0.60 ≤ R < 0.95
    limited        0 ≤ R < 0.60
    deterioration  R < 0

Without a target (method 1) the observed growth itself, s · d · CAGR_o, is compared with fixed
rates: ≥ 1.5 % a year substantial, 0.5–1.5 % moderate, 0–0.5 % limited, below 0 deterioration.
(Open SDG scales those rates down near a natural limit such as 100 %; napkit records no limits,
so the rates are used as they are.)

As in sdg-build, a base value or target of 0 is taken as 0.001 (the growth rate divides by it), and
a series whose sign changes between base and latest value cannot be assessed.

"Not enough data" (`not_available`) when: there is no baseline, no actual after the base year, the
base and latest values have opposite signs, or no direction is known. napkit's own choices, where
Open SDG has no answer: the baseline is the indicator's latest baseline point and the target its
last (latest) target; actuals come from progress entries (a later period's figure for a year
replaces an earlier one); a missing `direction` is read from the target (above the baseline:
increase, below: decrease), and so is `maintain`, which the method does not have — a `maintain`
indicator whose target equals its baseline is achieved while the latest actual is at or beyond the
target on the side the baseline was, else not assessed (`maintain` without a target either). When
the needed growth is zero (target equals baseline with a known direction) and the target is not
met, the status is deterioration.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..model import Indicator, PlanModel, Point, ProgressEntry

STATUSES = ("achieved", "substantial", "moderate", "limited", "deterioration", "not_available")

# Open SDG's default thresholds (sdg-build ProgressMeasure.get_progress_thresholds).
TARGET_THRESHOLDS = (0.95, 0.6, 0.0)  # ratio R of observed to required growth: high, med, low
TREND_THRESHOLDS = (0.015, 0.005, 0.0)  # compound annual growth without a target
ZERO = 0.001  # stands in for a base value or target of 0

# Why an indicator could not be assessed.
REASONS = ("no-baseline", "no-actual", "sign-change", "no-direction")


@dataclass(frozen=True, slots=True)
class IndicatorStatus:
    indicator: str
    status: str  # one of STATUSES
    baseline: Point | None  # (t0, y0)
    actual: Point | None  # the latest actual after the base year (ti, yi)
    target: Point | None  # (tT, yT), the last target
    actuals: tuple[Point, ...]  # every reported year, by year
    direction: int | None  # +1 more is better, -1 less is better, None unknown
    method: str | None  # "target" (method 2) | "trend" (method 1) | None
    value: float | None  # R (target) or the growth rate (trend) the status was read from
    reason: str | None = None  # one of REASONS when status is not_available


def actuals_of(entries: Iterable[ProgressEntry], indicator: str, period_order: Sequence[str] = ()) -> tuple[Point, ...]:
    """Every year reported for an indicator, across measures; entries are read in period order so a
    later period's figure for a year replaces an earlier one."""
    order = {p: i for i, p in enumerate(period_order)}
    by_year: dict[int, Point] = {}
    for e in sorted(entries, key=lambda e: (order.get(e.period, len(order)), e.period, e.measure)):
        for x in e.indicators:
            if x.indicator == indicator:
                by_year[x.year] = Point(x.year, x.value, x.source)
    return tuple(by_year[y] for y in sorted(by_year))


def _direction(name: str | None, baseline: Point, target: Point | None) -> int | None:
    if name == "increase":
        return 1
    if name == "decrease":
        return -1
    if target is not None and target.value != baseline.value:
        return 1 if target.value > baseline.value else -1
    return None


def _cagr(value: float, base: float, years: float) -> float:
    return (value / base) ** (1.0 / years) - 1.0


def _grade(value: float, thresholds: tuple[float, float, float]) -> str:
    high, med, low = thresholds
    if value >= high:
        return "substantial"
    if value >= med:
        return "moderate"
    if value >= low:
        return "limited"
    return "deterioration"


def assess(indicator: str, baseline: Point | None, target: Point | None, actuals: Sequence[Point],
           direction: str | None = None) -> IndicatorStatus:
    """The status of one series (see the module docstring)."""
    actuals = tuple(sorted(actuals, key=lambda p: p.year))

    def result(status: str, actual: Point | None = None, d: int | None = None, method: str | None = None,
               value: float | None = None, reason: str | None = None) -> IndicatorStatus:
        return IndicatorStatus(indicator, status, baseline, actual, target, actuals, d, method, value, reason)

    if baseline is None:
        return result("not_available", reason="no-baseline")
    if target is not None and target.year <= baseline.year:
        target = None
    later = [p for p in actuals if p.year > baseline.year]
    if not later:
        return result("not_available", d=_direction(direction, baseline, target), reason="no-actual")
    actual = later[-1]
    d = _direction(direction, baseline, target)
    y0, yi = baseline.value, actual.value
    if (y0 > 0 and yi < 0) or (y0 < 0 and yi > 0):
        return result("not_available", actual, d, reason="sign-change")
    if d is None:
        if direction == "maintain" and target is not None:
            # target equals baseline: kept at the level while not crossed to the other side
            kept = yi >= target.value if y0 >= target.value else yi <= target.value
            return result("achieved" if kept else "deterioration", actual, None, "target")
        return result("not_available", actual, None, reason="no-direction")
    sign = -1 if y0 < 0 else 1
    base = y0 if y0 != 0 else ZERO
    cagr_o = _cagr(yi, base, actual.year - baseline.year)
    if target is None:
        growth = sign * d * cagr_o
        return result(_grade(growth, TREND_THRESHOLDS), actual, d, "trend", growth)
    if (d == 1 and yi >= target.value) or (d == -1 and yi <= target.value):
        return result("achieved", actual, d, "target")
    goal = target.value if target.value != 0 else ZERO
    if (goal > 0) != (base > 0):  # a target across zero: the growth rate has no meaning
        return result("not_available", actual, d, reason="sign-change")
    cagr_r = _cagr(goal, base, target.year - baseline.year)
    if cagr_r == 0:
        return result("deterioration", actual, d, "target")
    ratio = sign * d * cagr_o / abs(cagr_r)
    return result(_grade(ratio, TARGET_THRESHOLDS), actual, d, "target", ratio)


def _last(points: Sequence[Point]) -> Point | None:
    return max(points, key=lambda p: p.year) if points else None


def status_of(indicator: Indicator, entries: Iterable[ProgressEntry], period_order: Sequence[str] = ()) -> IndicatorStatus:
    return assess(indicator.id, _last(indicator.baseline), _last(indicator.targets),
                  actuals_of(entries, indicator.id, period_order), indicator.direction)


def indicator_statuses(model: PlanModel, entries: Iterable[ProgressEntry] | None = None) -> dict[str, IndicatorStatus]:
    """Every indicator's status from the progress entries given (all of them by default), in
    registry order."""
    chosen = list(model.progress if entries is None else entries)
    return {i.id: status_of(i, chosen, model.plan.reporting_periods) for i in model.indicators.values()}
