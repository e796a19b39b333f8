"""The indicators: an index with each indicator's status, and a page per indicator — what it
measures, a chart of baseline, actual values and targets (with the figures as a table), the
progress status computed by analyse.indicator_status and the measures that use it."""

from __future__ import annotations

from ....analyse.indicator_status import STATUSES, IndicatorStatus, indicator_statuses
from ....model import Indicator, Point
from ...progress_report import word
from ..charts import SeriesPoint, indicator_chart
from ..context import Ctx
from ..escape import Safe, esc
from ..html import Cell, badge, facts, p, rowh, table
from ..tree import Page
from . import Doc, Output
from .common import at, chart_figure, chart_file, status_badge

METHOD_ANCHOR = "method"


def status_badge_of(ctx: Ctx, status: str) -> Safe:
    return badge(ctx.t(f"ind_status.{status}"), f"ind-{status.replace('_', '-')}")


def _point(ctx: Ctx, pt: Point | None) -> str:
    return f"{ctx.plain_number(pt.value)} ({pt.year})" if pt is not None else "–"


def explain(ctx: Ctx, s: IndicatorStatus) -> str:
    """One sentence saying how the status was reached."""
    if s.status == "not_available":
        return ctx.t(f"ind_reason.{s.reason}")
    if s.status == "achieved":
        return ctx.t("ind_explain.achieved", actual=_point(ctx, s.actual), target=_point(ctx, s.target))
    if s.method == "trend":
        return ctx.t("ind_explain.trend", baseline=_point(ctx, s.baseline), actual=_point(ctx, s.actual),
                     rate=ctx.plain_number(round(100 * (s.value or 0) * (s.direction or 1), 1)))
    if s.value is None:
        return ctx.t("ind_explain.wrong_way", baseline=_point(ctx, s.baseline), actual=_point(ctx, s.actual),
                     target=_point(ctx, s.target))
    return ctx.t("ind_explain.target", baseline=_point(ctx, s.baseline), actual=_point(ctx, s.actual),
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
    return (p(ctx.t("ind_method.intro")) + p(ctx.t("ind_method.target")) + p(ctx.t("ind_method.trend"))
            + p(ctx.t("ind_method.choices")))


def indicators_index(ctx: Ctx, out: Output, statuses: dict[str, IndicatorStatus]) -> Page:
    ctx = at(ctx, ctx.routes.url("indicators"))
    title = ctx.t("indicators")
    doc = Doc().h(1, title)
    doc.html(p(ctx.t("indicators_intro")))
    if ctx.model.indicators:
        counts = {k: sum(1 for s in statuses.values() if s.status == k) for k in STATUSES}
        doc.html(table([ctx.t("ind_status"), ctx.t("indicators")],
                       [[rowh(status_badge_of(ctx, k)), n] for k, n in counts.items() if n],
                       caption=ctx.t("ind_status_counts"), numeric=(1,)))
        rows = []
        for ind in ctx.model.indicators.values():
            s = statuses[ind.id]
            rows.append([rowh(ctx.indicator_link(ind.id)), ctx.esc(ind.unit) or "–", _point(ctx, s.baseline),
                         _point(ctx, s.actual), _point(ctx, s.target), status_badge_of(ctx, s.status)])
        doc.html(table([ctx.t("indicator"), ctx.t("unit"), ctx.t("baseline"), ctx.t("ind_latest"), ctx.t("target"),
                        ctx.t("ind_status")], rows, caption=title, numeric=(2, 3, 4)))
    else:
        doc.html(p(ctx.t("no_plan_indicators")))
    doc.h(2, ctx.t("ind_method"), anchor=METHOD_ANCHOR)
    doc.html(_method_text(ctx))
    return out.add(Page(ctx.routes.path("indicators"), title, doc.markdown(), "indicators", "indicators",
                        description=ctx.t("indicators_intro")))


def indicator(ctx: Ctx, out: Output, ind: Indicator, s: IndicatorStatus, users: list[str]) -> Page:
    model = ctx.model
    ctx = at(ctx, ctx.routes.url("indicator", ind.id))
    title = ctx.text(ind.name) or ind.id
    doc = Doc().h(1, title)
    doc.html(p(esc(ctx.t("indicator") + " " + ind.id), "nap-kicker"))
    doc.html(facts([
        (ctx.t("definition"), ctx.esc(ind.definition)),
        (ctx.t("unit"), ctx.esc(ind.unit)),
        (ctx.t("source"), ctx.esc(ind.source)),
        (ctx.t("direction"), ctx.t(f"direction.{ind.direction}") if ind.direction else ctx.t("direction.none")),
        (ctx.t("baseline"), _point(ctx, s.baseline) if s.baseline else ctx.esc(ind.baseline_note)),
        (ctx.t("target"), ", ".join(_point(ctx, t) for t in sorted(ind.targets, key=lambda t: t.year))),
        (ctx.t("ind_status"), status_badge_of(ctx, s.status)),
    ], label=ctx.t("indicator")))

    doc.h(2, ctx.t("ind_status"))
    doc.html(p(status_badge_of(ctx, s.status) + esc(" " + explain(ctx, s))))
    doc.html(p(ctx.link("indicators", None, ctx.t("ind_method_link"), anchor=METHOD_ANCHOR)))
    if _example(ctx, ind.id):
        doc.html(p(word("example_warning", ctx.lang), "nap-small"))

    doc.h(2, ctx.t("ind_development"))
    rows: list[tuple[int, int, list[object]]] = []
    for pt in ind.baseline:
        rows.append((pt.year, 0, [rowh(str(pt.year)), ctx.t("baseline"), ctx.plain_number(pt.value),
                                  ctx.esc(pt.source) or "–"]))
    for pt in s.actuals:
        rows.append((pt.year, 1, [rowh(str(pt.year)), ctx.t("ind_actual"), ctx.plain_number(pt.value),
                                  ctx.esc(pt.source) or "–"]))
    for pt in ind.targets:
        rows.append((pt.year, 2, [rowh(str(pt.year)), ctx.t("target"), ctx.plain_number(pt.value),
                                  ctx.esc(pt.source) or "–"]))
    rows.sort(key=lambda r: (r[0], r[1]))
    unit = ctx.text(ind.unit)
    data = table([ctx.t("year"), ctx.t("ind_kind"), ctx.t("ind_value") + (f" ({unit})" if unit else ""),
                  ctx.t("source")], [r[2] for r in rows], caption=ctx.t("ind_series_caption", name=title),
                 numeric=(2,))
    if rows:
        chart = indicator_chart([SeriesPoint(x.year, x.value) for x in ind.baseline],
                                [SeriesPoint(x.year, x.value) for x in s.actuals],
                                [SeriesPoint(x.year, x.value) for x in ind.targets],
                                value_label=unit or ctx.t("ind_value"),
                                names=(ctx.t("baseline"), ctx.t("ind_actual"), ctx.t("target"),
                                       ctx.t("ind_path")))
        url = chart_file(ctx, f"indicator-{ind.id}", chart, out.files)
        doc.html(chart_figure(ctx, chart, url, alt=ctx.t("chart.indicator", name=title),
                              caption=ctx.t("ind_series_caption", name=title), data=None))
        doc.html(data)
    else:
        doc.html(p(ctx.t("ind_no_figures")))

    doc.h(2, ctx.t("ind_measures"))
    if users:
        mrows = []
        for mid in users:
            m = model.measures[mid]
            mi = next(x for x in m.indicators if x.indicator == ind.id)
            mrows.append([rowh(ctx.measure_link(mid, with_title=True)), _point(ctx, mi.baseline),
                          _point(ctx, mi.target), status_badge(ctx, m.status)])
        doc.html(table([ctx.t("measure"), ctx.t("baseline"), ctx.t("target"), ctx.t("status")], mrows,
                       caption=ctx.t("ind_measures"), numeric=(1, 2)))
    else:
        doc.html(p(ctx.t("ind_no_measures")))
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
