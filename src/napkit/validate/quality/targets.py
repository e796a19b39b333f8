"""Indicators: targets that agree with their baseline, with each other, with related
indicators; baselines that exist and form one series."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from ...findings import Finding, make
from ...model import Indicator, Point
from ._base import Context, series_name


def _wrong_side(direction: str | None, target: float, baseline: float) -> bool:
    return (direction == "increase" and target < baseline) or (direction == "decrease" and target > baseline)


def _latest(points: tuple[Point, ...], year: int) -> Point | None:
    before = [p for p in points if p.year <= year]
    return max(before, key=lambda p: p.year) if before else None


def _fmt(v: float) -> str:
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,}"


def against_baseline(ctx: Context) -> Iterator[Finding]:
    """NAP710: registry targets against the indicator's latest earlier baseline, a measure's
    target against its own baseline (else the indicator's)."""
    inds = ctx.model.indicators
    for ind in inds.values():
        for i, t in enumerate(ind.targets):
            base = _latest(ind.baseline, t.year)
            if base is not None and _wrong_side(ind.direction, t.value, base.value):
                yield make("NAP710", ind.src.at("targets", i, "value").pos(),
                           f"{ind.id} should {ind.direction}, but its {t.year} target {_fmt(t.value)} is "
                           f"{'below' if ind.direction == 'increase' else 'above'} the {base.year} baseline "
                           f"{_fmt(base.value)}; raise the target or explain the direction")
    for m in ctx.model.measures.values():
        for mi in m.indicators:
            ind = inds.get(mi.indicator)
            if ind is None:
                continue
            base = mi.baseline or _latest(ind.baseline, mi.target.year)
            if base is not None and _wrong_side(ind.direction, mi.target.value, base.value):
                yield make("NAP710", mi.src.at("target", "value").pos(),
                           f"{m.id}: {ind.id} should {ind.direction}, but the {mi.target.year} target "
                           f"{_fmt(mi.target.value)} is {'below' if ind.direction == 'increase' else 'above'} "
                           f"the {base.year} baseline {_fmt(base.value)}")


def monotone(ctx: Context) -> Iterator[Finding]:
    """NAP711: targets in year order move the way the indicator should."""
    for ind in ctx.model.indicators.values():
        if ind.direction not in ("increase", "decrease"):
            continue
        ordered = sorted(enumerate(ind.targets), key=lambda it: it[1].year)
        for (_, prev), (i, cur) in pairwise(ordered):
            if cur.year > prev.year and _wrong_side(ind.direction, cur.value, prev.value):
                yield make("NAP711", ind.src.at("targets", i, "value").pos(),
                           f"{ind.id} should {ind.direction}, but its {cur.year} target {_fmt(cur.value)} falls "
                           f"back from {_fmt(prev.value)} in {prev.year}; make the targets "
                           f"{'rise' if ind.direction == 'increase' else 'fall'} year by year")


def bounded_by(ctx: Context) -> Iterator[Finding]:
    """NAP712: `at_most: [Y]` — this indicator's target stays below Y's in the same year."""
    inds = ctx.model.indicators
    for ind in inds.values():
        for other_id in ind.at_most:
            other = inds.get(other_id)
            if other is None or other_id == ind.id:
                continue  # NAP790
            theirs = {t.year: t.value for t in other.targets}
            for i, t in enumerate(ind.targets):
                if t.year in theirs and t.value >= theirs[t.year] and t.value > 0:
                    rel = "equals" if t.value == theirs[t.year] else "exceeds"
                    yield make("NAP712", ind.src.at("targets", i, "value").pos(),
                               f"{ind.id}'s {t.year} target {_fmt(t.value)} {rel} {other_id}'s {t.year} target "
                               f"({_fmt(theirs[t.year])}), yet {ind.id} is at most {other_id} (at_most); set it "
                               f"below {_fmt(theirs[t.year])}, at a rate the baselines support")


def needs_direction(ctx: Context) -> Iterator[Finding]:
    """NAP713: without a direction no target can be judged."""
    targeted = {mi.indicator for m in ctx.model.measures.values() for mi in m.indicators}
    for ind in ctx.model.indicators.values():
        if ind.direction is None and (ind.targets or ind.id in targeted):
            yield make("NAP713", ind.src.at("id").pos(),
                       f"{ind.id} has targets but no direction; add `direction: increase`, `decrease` or `maintain`")


def _has_baseline(ctx: Context, ind: Indicator) -> bool:
    return bool(ind.baseline) or any(mi.baseline is not None for m in ctx.measures_by_indicator.get(ind.id, ())
                                     for mi in m.indicators if mi.indicator == ind.id)


def baseline_present(ctx: Context) -> Iterator[Finding]:
    """NAP714: a baseline, or a stated reason why there is none yet."""
    for ind in ctx.model.indicators.values():
        if not ind.baseline_note and not _has_baseline(ctx, ind):
            yield make("NAP714", ind.src.at("id").pos(),
                       f"{ind.id} has no baseline; add the latest known value under `baseline`, or say in "
                       "`baseline_note` why there is none yet and when there will be")


def one_series(ctx: Context) -> Iterator[Finding]:
    """NAP715: baseline points from different sources are not one series."""
    langs = ctx.model.languages
    for ind in ctx.model.indicators.values():
        series: dict[str, list] = {}
        for p in ind.baseline:
            name = series_name(p.source, langs) if p.source else ""
            if name:
                series.setdefault(name, []).append(p)
        if len(series) > 1:
            told = "; ".join(f"{ps[0].source.get(langs[0], langs)} ({', '.join(str(p.year) for p in ps)})"
                             for ps in series.values())
            yield make("NAP715", ind.src.at("baseline").pos(),
                       f"{ind.id}'s baseline mixes {len(series)} series: {told}; keep one series with one definition "
                       "(name the original source in closing parentheses when reports quote the same figures)")


RULES = (against_baseline, monotone, bounded_by, needs_direction, baseline_present, one_series)
