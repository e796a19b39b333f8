"""The budget (by year × objective × agency × funding source, charts and tables), the timeline
(a Gantt chart of measures and milestones, and the same as tables) and the downloads."""

from __future__ import annotations

from ....util import fmt
from .. import labels
from ..charts import GanttRow, gantt, horizontal_bars, money_ticks, stacked_bars
from ..context import Ctx
from ..escape import Safe
from ..html import Cell, cards, link, p, rowh, table, ul
from ..tree import Page
from . import Doc, Output
from .open_data import open_data_section
from .common import at, chart_figure, chart_file, year_table
from .plan import budget_by_year_chart, objective_year_table


def budget(ctx: Ctx, out: Output) -> Page:
    model, b = ctx.model, ctx.analysis.budget
    ctx = at(ctx, ctx.routes.url("budget"))
    title = ctx.t("budget")
    doc = Doc().h(1, title)
    new_total = sum(b.new_money.values())
    share = round(100 * new_total / b.total) if b.total else 0
    doc.html(cards([
        (ctx.millions(b.total), ctx.t("card.budget", start=model.plan.start_year, end=model.plan.end_year)),
        (f"{ctx.number(share)}\u00a0%", ctx.t("card.new_money")),
        (ctx.number(sum(1 for m in model.measures.values() if m.budget)), ctx.t("card.measures")),
    ], label=ctx.t("key_figures")))
    if model.plan.budget_note:
        doc.h(2, ctx.t("budget_note")).prose(ctx.prose(model.plan.budget_note))
    doc.html(p(ctx.amounts_in() + ". " + ctx.t("budget_attribution"), "nap-small"))

    doc.h(2, ctx.t("budget_by_objective"))
    url, chart = budget_by_year_chart(ctx, out)
    doc.html(chart_figure(ctx, chart, url, alt=ctx.t("chart.budget_by_year"), caption=ctx.t("budget_by_objective"), data=None))
    doc.html(objective_year_table(ctx, ctx.t("budget_by_objective") + ". " + ctx.amounts_in() + "."))

    doc.h(2, ctx.t("budget_by_agency"))
    agencies = list(b.by_agency)
    totals = [b.row_total(b.by_agency[a]) for a in agencies]
    order = sorted(range(len(agencies)), key=lambda i: (-totals[i], i))
    chart = horizontal_bars([ctx.agency_short(agencies[i]) for i in order], [totals[i] for i in order],
                            value_label=ctx.t("chart.million", currency=ctx.currency_symbol), tick=money_ticks(ctx.lang))
    url = chart_file(ctx, "budget-by-agency", chart, out.files)
    doc.html(chart_figure(ctx, chart, url, alt=ctx.t("chart.budget_by_agency"), caption=ctx.t("budget_by_agency"), data=None))
    doc.html(year_table(ctx, [(ctx.agency_link(a), b.by_agency[a]) for a in agencies],
                        caption=ctx.t("budget_by_agency") + ". " + ctx.amounts_in() + ".", first=ctx.t("lead")))

    doc.h(2, ctx.t("budget_by_source"))
    sources = [s for s in b.by_source if b.row_total(b.by_source[s]) or len(b.by_source) == 1]
    years = [str(y) for y in b.years]
    series = [(ctx.funding_name(s), [b.by_source[s].get(y, 0) for y in b.years]) for s in sources]
    chart = stacked_bars(years, series, value_label=ctx.t("chart.million", currency=ctx.currency_symbol),
                         tick=money_ticks(ctx.lang), legend_title=ctx.t("funding_source"))
    url = chart_file(ctx, "budget-by-source", chart, out.files)
    doc.html(chart_figure(ctx, chart, url, alt=ctx.t("chart.budget_by_source"), caption=ctx.t("budget_by_source"), data=None))
    doc.html(year_table(ctx, [(ctx.funding_name(s), b.by_source[s]) for s in sources],
                        caption=ctx.t("budget_by_source") + ". " + ctx.amounts_in() + ".",
                        first=ctx.t("funding_source")))

    doc.h(2, ctx.t("budget_by_money"))
    doc.html(year_table(ctx, [(ctx.t("new_money"), b.new_money), (ctx.t("existing_money"), b.existing_money)],
                        caption=ctx.t("budget_by_money") + ". " + ctx.amounts_in() + ".", first=ctx.t("budget")))

    doc.h(2, ctx.t("budget_by_measure"))
    rows = [(ctx.measure_link(m, with_title=True), row) for m, row in b.by_measure.items()]
    doc.html(year_table(ctx, rows, caption=ctx.t("budget_by_measure") + ". " + ctx.amounts_in() + ".",
                        first=ctx.t("measure")))
    return out.add(Page(ctx.routes.path("budget"), title, doc.markdown(), "budget", "budget"))


# A Gantt chart of more rows than this is taller than anyone scrolls; past it the chart counts
# measures under way per year, and the table keeps every measure.
GANTT_MAX_ROWS = 150


def timeline(ctx: Ctx, out: Output) -> Page:
    model, tl = ctx.model, ctx.analysis.timeline
    ctx = at(ctx, ctx.routes.url("timeline"))
    title = ctx.t("timeline")
    doc = Doc().h(1, title)
    objectives = list(model.objectives)
    if len(tl.bars) <= GANTT_MAX_ROWS:
        doc.html(p(ctx.t("timeline_note")))
        rows = [GanttRow(bar.measure, objectives.index(bar.objective) if bar.objective in objectives else 0,
                         bar.start, bar.end, tuple(due for _, due in bar.milestones)) for bar in tl.bars]
        chart = gantt(rows, [f"{o} {ctx.objective_title(o)}" for o in objectives], start=tl.start, end=tl.end,
                      lang=ctx.lang, milestone_label=ctx.t("milestone"))
        url = chart_file(ctx, "timeline", chart, out.files)
        doc.html(chart_figure(ctx, chart, url, alt=ctx.t("chart.timeline"), caption=ctx.t("measure_periods"),
                              data=None))
    else:
        doc.html(p(ctx.t("timeline_note_many")))
        years = list(model.plan.years)
        series = [(f"{o} {ctx.objective_title(o)}", [tl.under_way(o, y) for y in years]) for o in objectives]
        chart = stacked_bars([str(y) for y in years], series, value_label=ctx.t("chart.measures_count"),
                             legend_title=ctx.t("objective"))
        url = chart_file(ctx, "timeline", chart, out.files)
        doc.html(chart_figure(ctx, chart, url, alt=ctx.t("chart.measures_under_way"),
                              caption=ctx.t("measures_under_way"), data=None))

    doc.h(2, ctx.t("measure_periods"))
    body = []
    for bar in tl.bars:
        m = model.measures[bar.measure]
        ms = sorted(m.timeline.milestones, key=lambda x: (x.due, x.id))
        milestones = ul(Safe("<strong>{}</strong>: {}").format(ctx.short_date(x.due), ctx.text(x.deliverable))
                        for x in ms) if ms else "–"
        body.append([rowh(ctx.measure_link(m.id, with_title=True)), ctx.objective_link(m.objective, with_id=False),
                     ctx.short_date(m.timeline.start), ctx.short_date(m.timeline.end), milestones])
    doc.html(table([ctx.t("measure"), ctx.t("objective"), ctx.t("start"), ctx.t("end"), ctx.t("milestones")], body,
                   caption=ctx.t("measure_periods")))

    doc.h(2, ctx.t("milestones_by_year"))
    any_milestone = False
    for year in model.plan.years:
        due = tl.milestones_due_in(year)
        if not due:
            continue
        any_milestone = True
        doc.h(3, str(year))
        rows = []
        for mid, msid, day in sorted(due, key=lambda x: (x[2], x[0], x[1])):
            ms = next(x for x in model.measures[mid].timeline.milestones if x.id == msid)
            rows.append([rowh(ctx.date(day)), ctx.measure_link(mid, with_title=True), ctx.esc(ms.deliverable)])
        doc.html(table([ctx.t("due"), ctx.t("measure"), ctx.t("deliverable")], rows,
                       caption=f"{ctx.t('milestones')} {year}"))
    if not any_milestone:
        doc.html(p(ctx.t("no_milestones")))
    return out.add(Page(ctx.routes.path("timeline"), title, doc.markdown(), "timeline", "timeline"))


def _size(n: int, lang: str) -> str:
    if n >= 1_000_000:
        return f"{fmt.plain_number(round(n / 1_000_000, 1), lang)}\u00a0MB"
    return f"{fmt.number(max(1, round(n / 1000)), lang)}\u00a0kB"


def downloads(ctx: Ctx, out: Output) -> Page:
    ctx = at(ctx, ctx.routes.url("downloads"))
    title = ctx.t("downloads")
    doc = Doc().h(1, title)
    if ctx.downloads:
        doc.html(p(ctx.t("downloads_intro")))
        plan_title = ctx.text(ctx.model.plan.title)
        rows = []
        for d in ctx.downloads:
            lang_name = labels.t(f"lang.{d.lang}", ctx.lang) if f"lang.{d.lang}" in labels.SITE_LABELS else d.lang
            name = ctx.model.plan.title.get(d.lang, ctx.langs) if ctx.model.plan.title else plan_title
            rows.append([rowh(link(ctx.href(d.url), Safe("{} ({})").format(name, d.fmt.upper()), lang=d.lang)),
                         lang_name, ctx.t(f"doc.{d.fmt}"), Cell(_size(d.size, ctx.lang), numeric=True)])
        doc.html(table([ctx.t("document"), ctx.t("language"), ctx.t("format"), ctx.t("size")], rows))
    else:
        doc.html(p(ctx.t("downloads_none")))
    open_data_section(ctx, doc)
    return out.add(Page(ctx.routes.path("downloads"), title, doc.markdown(), "downloads", "downloads"))

