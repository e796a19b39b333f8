"""The indicators: an index with each indicator's status, and a page per indicator — what it
measures, a chart of baseline, actual values and targets (with the figures as a table), the
progress status computed by analyse.indicator_status and the measures that use it."""

from __future__ import annotations

from ....analyse.indicator_status import STATUSES, IndicatorStatus, indicator_statuses
from ....model import Indicator, Point
from ..charts import SeriesPoint, indicator_chart
from ..context import Ctx
from ..escape import Safe, esc
from ..html import Cell, badge, facts, p, rowh, table
from ..tree import Page
from . import Doc, Output
from .common import at, chart_figure, chart_file, status_badge

METHOD_ANCHOR = "method"


def status_badge_of(ctx: Ctx, status: str) -> Safe:
    return badge(ctx.term('ind_status', status), f"ind-{status.replace('_', '-')}")


def _point(ctx: Ctx, pt: Point | None) -> str:
    return f"{ctx.plain_number(pt.value)} ({pt.year})" if pt is not None else "–"


def explain(ctx: Ctx, s: IndicatorStatus) -> str:
    """One sentence saying how the status was reached."""
    if s.status == "not_available":
        return ctx.term("ind_reason", s.reason)
    if s.status == "achieved":
        return ctx._("The latest value, {actual}, meets the target {target}.", actual=_point(ctx, s.actual), target=_point(ctx, s.target))
    if s.method == "trend":
        return ctx._("From the baseline {baseline} to the latest value {actual}, the change is {rate} % a year; the indicator has no quantitative target.", baseline=_point(ctx, s.baseline), actual=_point(ctx, s.actual),
                     rate=ctx.plain_number(round(100 * (s.value or 0) * (s.direction or 1), 1)))
    if s.value is None:
        return ctx._("From the baseline {baseline} the value has moved away from the target {target}: the latest value is {actual}.", baseline=_point(ctx, s.baseline), actual=_point(ctx, s.actual),
                     target=_point(ctx, s.target))
    return ctx._("From the baseline {baseline} to the latest value {actual}, the annual growth is {ratio} % of the growth needed to reach the target {target}.", baseline=_point(ctx, s.baseline), actual=_point(ctx, s.actual),
                 target=_point(ctx, s.target), ratio=ctx.plain_number(round(100 * s.value)))


def users_of(ctx: Ctx) -> dict[str, list[str]]:
    """Indicator id → the measures that list it, in plan order."""
    users: dict[str, list[str]] = {}
    for m in ctx.model.measures.values():
        for mi in m.indicators:
            users.setdefault(mi.indicator, [])
            if m.id not in users[mi.indicator]:
                users[mi.indicator].append(m.id)
    return users


def _example(ctx: Ctx, ident: str) -> bool:
    return any(e.example and any(x.indicator == ident for x in e.indicators) for e in ctx.model.progress)


def _method_text(ctx: Ctx) -> Safe:
    return (p(ctx._("The status follows the method Statistics Canada developed and Open SDG uses: it compares the annual growth from the baseline to the latest actual value with the growth needed to reach the target on time.")) + p(ctx._("With a quantitative target: achieved when the latest value meets the target; otherwise the ratio R of observed to required compound annual growth is calculated. R ≥ 95 % is substantial progress, 60–95 % moderate, 0–60 % limited, and below 0 deterioration.")) + p(ctx._("Without a target: the annual growth in the desired direction. At least 1.5 % a year is substantial progress, 0.5–1.5 % moderate, 0–0.5 % limited, and below 0 deterioration."))
            + p(ctx._("The baseline is the latest one given, the target that of the last target year. Without a baseline, without an actual value after the base year or without a known direction there is not enough data. A baseline or target of 0 is taken as 0.001, as in Open SDG.")))


def indicators_index(ctx: Ctx, out: Output, statuses: dict[str, IndicatorStatus]) -> Page:
    ctx = at(ctx, ctx.routes.url("indicators"))
    title = ctx._("Indicators")
    doc = Doc().h(1, title)
    doc.html(p(ctx._("The indicators show whether the plan works: the baseline, the actual values reported for each period, and the target. The status is calculated from the figures with the method Open SDG uses.")))
    if ctx.model.indicators:
        counts = {k: sum(1 for s in statuses.values() if s.status == k) for k in STATUSES}
        doc.html(table([ctx._("Progress status"), ctx._("Indicators")],
                       [[rowh(status_badge_of(ctx, k)), n] for k, n in counts.items() if n],
                       caption=ctx._("Indicators by status"), numeric=(1,)))
        rows = []
        for ind in ctx.model.indicators.values():
            s = statuses[ind.id]
            rows.append([rowh(ctx.indicator_link(ind.id)), ctx.esc(ind.unit) or "–", _point(ctx, s.baseline),
                         _point(ctx, s.actual), _point(ctx, s.target), status_badge_of(ctx, s.status)])
        doc.html(table([ctx._("Indicator"), ctx._("Unit"), ctx._("Baseline"), ctx._("Latest actual value"), ctx._("Target"),
                        ctx._("Progress status")], rows, caption=title, numeric=(2, 3, 4)))
    else:
        doc.html(p(ctx._("The plan has no indicators yet.")))
    doc.h(2, ctx._("How the status is calculated"), anchor=METHOD_ANCHOR)
    doc.html(_method_text(ctx))
    return out.add(Page(ctx.routes.path("indicators"), title, doc.markdown(), "indicators", "indicators",
                        description=ctx._("The indicators show whether the plan works: the baseline, the actual values reported for each period, and the target. The status is calculated from the figures with the method Open SDG uses.")))


def indicator(ctx: Ctx, out: Output, ind: Indicator, s: IndicatorStatus, users: list[str]) -> Page:
    model = ctx.model
    ctx = at(ctx, ctx.routes.url("indicator", ind.id))
    title = ctx.text(ind.name) or ind.id
    doc = Doc().h(1, title)
    doc.html(p(esc(ctx._("Indicator") + " " + ind.id), "nap-kicker"))
    doc.html(facts([
        (ctx._("Definition"), ctx.esc(ind.definition)),
        (ctx._("Unit"), ctx.esc(ind.unit)),
        (ctx._("Source"), ctx.esc(ind.source)),
        (ctx._("Desired direction"), ctx.term("direction", ind.direction) if ind.direction else ctx._("Not given")),
        (ctx._("Baseline"), _point(ctx, s.baseline) if s.baseline else ctx.esc(ind.baseline_note)),
        (ctx._("Target"), ", ".join(_point(ctx, t) for t in sorted(ind.targets, key=lambda t: t.year))),
        (ctx._("Progress status"), status_badge_of(ctx, s.status)),
    ], label=ctx._("Indicator")))

    doc.h(2, ctx._("Progress status"))
    doc.html(p(status_badge_of(ctx, s.status) + esc(" " + explain(ctx, s))))
    doc.html(p(ctx.link("indicators", None, ctx._("How the status is calculated"), anchor=METHOD_ANCHOR)))
    if _example(ctx, ind.id):
        doc.html(p(ctx._("Example data: the progress shown here is example data for demonstration and does not describe real implementation."), "nap-small"))

    doc.h(2, ctx._("Development"))
    rows: list[tuple[int, int, list[object]]] = []
    for pt in ind.baseline:
        rows.append((pt.year, 0, [rowh(str(pt.year)), ctx._("Baseline"), ctx.plain_number(pt.value),
                                  ctx.esc(pt.source) or "–"]))
    for pt in s.actuals:
        rows.append((pt.year, 1, [rowh(str(pt.year)), ctx._("Actual value"), ctx.plain_number(pt.value),
                                  ctx.esc(pt.source) or "–"]))
    for pt in ind.targets:
        rows.append((pt.year, 2, [rowh(str(pt.year)), ctx._("Target"), ctx.plain_number(pt.value),
                                  ctx.esc(pt.source) or "–"]))
    rows.sort(key=lambda r: (r[0], r[1]))
    unit = ctx.text(ind.unit)
    data = table([ctx._('Year'), ctx._('What'), ctx._('Value') + (f" ({unit})" if unit else ""),
                  ctx._("Source")], [r[2] for r in rows], caption=ctx._("{name}: baseline, actual values and targets", name=title),
                 numeric=(2,))
    if rows:
        chart = indicator_chart([SeriesPoint(x.year, x.value) for x in ind.baseline],
                                [SeriesPoint(x.year, x.value) for x in s.actuals],
                                [SeriesPoint(x.year, x.value) for x in ind.targets],
                                value_label=unit or ctx._("Value"),
                                names=(ctx._("Baseline"), ctx._("Actual value"), ctx._("Target"),
                                       ctx._("Path to the target")))
        url = chart_file(ctx, f"indicator-{ind.id}", chart, out.files)
        doc.html(chart_figure(ctx, chart, url, alt=ctx._("Line chart: {name} by year, with baseline, actual values, targets and a dashed target line.", name=title),
                              caption=ctx._("{name}: baseline, actual values and targets", name=title), data=None))
        doc.html(data)
    else:
        doc.html(p(ctx._("The indicator has no figures yet.")))

    doc.h(2, ctx._("Measures that use the indicator"))
    if users:
        mrows = []
        for mid in users:
            m = model.measures[mid]
            mi = next(x for x in m.indicators if x.indicator == ind.id)
            mrows.append([rowh(ctx.measure_link(mid, with_title=True)), _point(ctx, mi.baseline),
                          _point(ctx, mi.target), status_badge(ctx, m.status)])
        doc.html(table([ctx._("Measure"), ctx._("Baseline"), ctx._("Target"), ctx._("Status")], mrows,
                       caption=ctx._("Measures that use the indicator"), numeric=(1, 2)))
    else:
        doc.html(p(ctx._("No measure uses the indicator.")))
    return out.add(Page(ctx.routes.path("indicator", ind.id), title, doc.markdown(), "indicator",
                        f"indicator:{ind.id}", description=ctx.text(ind.definition)))


def indicator_pages(ctx: Ctx, out: Output) -> dict[str, IndicatorStatus]:
    """The index and one page per indicator; returns the statuses (the measure pages show them)."""
    statuses = indicator_statuses(ctx.model)
    users = users_of(ctx)
    indicators_index(ctx, out, statuses)
    for ind in ctx.model.indicators.values():
        indicator(ctx, out, ind, statuses[ind.id], users.get(ind.id, []))
    return statuses


def status_cell(ctx: Ctx, s: IndicatorStatus | None) -> object:
    return status_badge_of(ctx, s.status) if s is not None else Cell("–")
