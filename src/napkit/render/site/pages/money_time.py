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
    title = ctx._("Budget")
    doc = Doc().h(1, title)
    new_total = sum(b.new_money.values())
    share = round(100 * new_total / b.total) if b.total else 0
    doc.html(cards([
        (ctx.millions(b.total), ctx._("total budget {start}–{end}", start=model.plan.start_year, end=model.plan.end_year)),
        (f"{ctx.number(share)}\u00a0%", ctx._('of the budget is new money')),
        (ctx.number(sum(1 for m in model.measures.values() if m.budget)), ctx._("measures")),
    ], label=ctx._("Key figures")))
    if model.plan.budget_note:
        doc.h(2, ctx._("About the budget estimates")).prose(ctx.prose(model.plan.budget_note))
    doc.html(p(ctx.amounts_in() + ". " + ctx._("Amounts are attributed to the agency that leads the measure."), "nap-small"))

    doc.h(2, ctx._("Budget by objective and year"))
    url, chart = budget_by_year_chart(ctx, out)
    doc.html(chart_figure(ctx, chart, url, alt=ctx._("Bar chart: budget by year, split by objective."), caption=ctx._("Budget by objective and year"), data=None))
    doc.html(objective_year_table(ctx, ctx._("Budget by objective and year") + ". " + ctx.amounts_in() + "."))

    doc.h(2, ctx._("Budget by lead agency and year"))
    agencies = list(b.by_agency)
    totals = [b.row_total(b.by_agency[a]) for a in agencies]
    order = sorted(range(len(agencies)), key=lambda i: (-totals[i], i))
    chart = horizontal_bars([ctx.agency_short(agencies[i]) for i in order], [totals[i] for i in order],
                            value_label=ctx._("{currency} million", currency=ctx.currency_symbol), tick=money_ticks(ctx.lang))
    url = chart_file(ctx, "budget-by-agency", chart, out.files)
    doc.html(chart_figure(ctx, chart, url, alt=ctx._("Horizontal bar chart: total budget by lead agency."), caption=ctx._("Budget by lead agency and year"), data=None))
    doc.html(year_table(ctx, [(ctx.agency_link(a), b.by_agency[a]) for a in agencies],
                        caption=ctx._("Budget by lead agency and year") + ". " + ctx.amounts_in() + ".", first=ctx._("Lead")))

    doc.h(2, ctx._("Budget by funding source and year"))
    sources = [s for s in b.by_source if b.row_total(b.by_source[s]) or len(b.by_source) == 1]
    years = [str(y) for y in b.years]
    series = [(ctx.funding_name(s), [b.by_source[s].get(y, 0) for y in b.years]) for s in sources]
    chart = stacked_bars(years, series, value_label=ctx._("{currency} million", currency=ctx.currency_symbol),
                         tick=money_ticks(ctx.lang), legend_title=ctx._("Funding source"))
    url = chart_file(ctx, "budget-by-source", chart, out.files)
    doc.html(chart_figure(ctx, chart, url, alt=ctx._("Bar chart: budget by year, split by funding source."), caption=ctx._("Budget by funding source and year"), data=None))
    doc.html(year_table(ctx, [(ctx.funding_name(s), b.by_source[s]) for s in sources],
                        caption=ctx._("Budget by funding source and year") + ". " + ctx.amounts_in() + ".",
                        first=ctx._("Funding source")))

    doc.h(2, ctx._("New money and money within existing budgets"))
    doc.html(year_table(ctx, [(ctx._("New money"), b.new_money), (ctx._("Within existing budgets"), b.existing_money)],
                        caption=ctx._("New money and money within existing budgets") + ". " + ctx.amounts_in() + ".", first=ctx._("Budget")))

    doc.h(2, ctx._("Budget by measure and year"))
    rows = [(ctx.measure_link(m, with_title=True), row) for m, row in b.by_measure.items()]
    doc.html(year_table(ctx, rows, caption=ctx._("Budget by measure and year") + ". " + ctx.amounts_in() + ".",
                        first=ctx._("Measure")))
    return out.add(Page(ctx.routes.path("budget"), title, doc.markdown(), "budget", "budget"))


# A Gantt chart of more rows than this is taller than anyone scrolls; past it the chart counts
# measures under way per year, and the table keeps every measure.
GANTT_MAX_ROWS = 150


def timeline(ctx: Ctx, out: Output) -> Page:
    model, tl = ctx.model, ctx.analysis.timeline
    ctx = at(ctx, ctx.routes.url("timeline"))
    title = ctx._("Timeline")
    doc = Doc().h(1, title)
    objectives = list(model.objectives)
    if len(tl.bars) <= GANTT_MAX_ROWS:
        doc.html(p(ctx._("Each measure is a bar from start to end; milestones are marked with a diamond.")))
        rows = [GanttRow(bar.measure, objectives.index(bar.objective) if bar.objective in objectives else 0,
                         bar.start, bar.end, tuple(due for _, due in bar.milestones)) for bar in tl.bars]
        chart = gantt(rows, [f"{o} {ctx.objective_title(o)}" for o in objectives], start=tl.start, end=tl.end,
                      lang=ctx.lang, milestone_label=ctx._("Milestone"))
        url = chart_file(ctx, "timeline", chart, out.files)
        doc.html(chart_figure(ctx, chart, url, alt=ctx._("Gantt chart: the period of each measure, grouped by objective, with milestones as points."), caption=ctx._("Periods and milestones of the measures"),
                              data=None))
    else:
        doc.html(p(ctx._("The plan has too many measures for one Gantt chart; the chart shows how many measures are under way each year, and the table below lists every measure.")))
        years = list(model.plan.years)
        series = [(f"{o} {ctx.objective_title(o)}", [tl.under_way(o, y) for y in years]) for o in objectives]
        chart = stacked_bars([str(y) for y in years], series, value_label=ctx._("measures"),
                             legend_title=ctx._("Objective"))
        url = chart_file(ctx, "timeline", chart, out.files)
        doc.html(chart_figure(ctx, chart, url, alt=ctx._("Bar chart: the number of measures under way each year, split by objective."),
                              caption=ctx._("Measures under way per year, by objective"), data=None))

    doc.h(2, ctx._("Periods and milestones of the measures"))
    body = []
    for bar in tl.bars:
        m = model.measures[bar.measure]
        ms = sorted(m.timeline.milestones, key=lambda x: (x.due, x.id))
        milestones = ul(Safe("<strong>{}</strong>: {}").format(ctx.short_date(x.due), ctx.text(x.deliverable))
                        for x in ms) if ms else "–"
        body.append([rowh(ctx.measure_link(m.id, with_title=True)), ctx.objective_link(m.objective, with_id=False),
                     ctx.short_date(m.timeline.start), ctx.short_date(m.timeline.end), milestones])
    doc.html(table([ctx._("Measure"), ctx._("Objective"), ctx._("Start"), ctx._("End"), ctx._("Milestones")], body,
                   caption=ctx._("Periods and milestones of the measures")))

    doc.h(2, ctx._("Milestones by year"))
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
        doc.html(table([ctx._("Due"), ctx._("Measure"), ctx._("Deliverable")], rows,
                       caption=ctx._("Milestones") + f" {year}"))
    if not any_milestone:
        doc.html(p(ctx._("No milestones are set.")))
    return out.add(Page(ctx.routes.path("timeline"), title, doc.markdown(), "timeline", "timeline"))


def _size(n: int, lang: str) -> str:
    if n >= 1_000_000:
        return f"{fmt.plain_number(round(n / 1_000_000, 1), lang)}\u00a0MB"
    return f"{fmt.number(max(1, round(n / 1000)), lang)}\u00a0kB"


def downloads(ctx: Ctx, out: Output) -> Page:
    ctx = at(ctx, ctx.routes.url("downloads"))
    title = ctx._("Downloads")
    doc = Doc().h(1, title)
    if ctx.downloads:
        doc.html(p(ctx._("The plan as a document, made from the same data as this website.")))
        plan_title = ctx.text(ctx.model.plan.title)
        rows = []
        for d in ctx.downloads:
            lang_name = labels.language_in(d.lang, ctx.lang)
            name = ctx.model.plan.title.get(d.lang, ctx.langs) if ctx.model.plan.title else plan_title
            rows.append([rowh(link(ctx.href(d.url), Safe("{} ({})").format(name, d.fmt.upper()), lang=d.lang)),
                         lang_name, ctx.term("doc", d.fmt), Cell(_size(d.size, ctx.lang), numeric=True)])
        doc.html(table([ctx._("Document"), ctx._("Language"), ctx._("Format"), ctx._("Size")], rows))
    else:
        doc.html(p(ctx._("The plan documents are not published yet. They will be available here when ready.")))
    from .versions import archived_section

    archived_section(ctx, doc)  # the superseded versions' documents
    open_data_section(ctx, doc)
    return out.add(Page(ctx.routes.path("downloads"), title, doc.markdown(), "downloads", "downloads"))

