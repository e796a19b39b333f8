"""The home page (key figures), the objectives and the measures."""

from __future__ import annotations

from ....analyse.coverage import Coverage
from ..charts import money_ticks, stacked_bars
from ..context import Ctx
from ..escape import Safe, esc
from ..html import Cell, cards, facts, p, rowh, table
from ..tree import Page
from . import Doc, Output
from .common import at, chart_figure, chart_file, measures_table, status_badge, year_table


def agencies_involved(ctx: Ctx) -> list[str]:
    seen: dict[str, None] = {}
    for m in ctx.model.measures.values():
        for a in m.agencies:
            seen[a] = None
    return [a for a in ctx.model.agencies if a in seen]


def budget_by_year_chart(ctx: Ctx, out: Output) -> tuple[str, object]:
    """The budget per year stacked by objective (home and budget page share it)."""
    b = ctx.analysis.budget
    years = [str(y) for y in b.years]
    series = [(f"{o} {ctx.objective_title(o)}", [b.by_objective.get(o, {}).get(y, 0) for y in b.years])
              for o in ctx.model.objectives]
    chart = stacked_bars(years, series, value_label=ctx._("{currency} million", currency=ctx.currency_symbol),
                         tick=money_ticks(ctx.lang), legend_title=ctx._("Objectives"))
    return chart_file(ctx, "budget-by-year", chart, out.files), chart


def objective_year_table(ctx: Ctx, caption: object) -> Safe:
    b = ctx.analysis.budget
    rows = [(ctx.objective_link(o), b.by_objective.get(o, {})) for o in ctx.model.objectives]
    return year_table(ctx, rows, caption=caption, first=ctx._("Objective"))


def coverage_table(ctx: Ctx, coverage: Coverage, caption: object) -> Safe:
    statuses = ("covered", "partial", "uncovered", "noted")
    head = [ctx._("Source"), ctx._("Recommendations"), *(ctx.term("coverage", s) for s in statuses)]
    rows = []
    for s in ctx.model.sources:
        counts = coverage.by_source.get(s.id, {})
        rows.append([rowh(ctx.link("source", s.id, ctx.source_title(s.id))), sum(counts.values()),
                     *(counts.get(k, 0) for k in statuses)])
    total = coverage.counts
    foot = [ctx._("Total"), sum(total.values()), *(total.get(k, 0) for k in statuses)]
    return table(head, rows, caption=caption, foot=foot, numeric_from=1)


def home(ctx: Ctx, out: Output) -> Page:
    model, b, cov = ctx.model, ctx.analysis.budget, ctx.analysis.coverage
    ctx = at(ctx, ctx.routes.url("home"))
    plan = model.plan
    title = ctx.text(plan.title)
    doc = Doc().h(1, title)
    if plan.subtitle:
        doc.html(p(ctx.esc(plan.subtitle), "nap-lead"))
    doc.html(facts([
        (ctx._('Period'), f"{plan.start_year}–{plan.end_year}"),
        (ctx._("Responsible ministry"), ctx.agency_link(plan.responsible) if plan.responsible else ""),
        (ctx._("Version"), ", ".join(x for x in (plan.version or "", ctx.date(plan.date)) if x)),
    ], label=ctx._("Plan")))
    milestones = sum(len(m.timeline.milestones) for m in model.measures.values())
    doc.html(cards([
        (ctx.link("measures", None, ctx.number(len(model.measures))), ctx._("measures")),
        (ctx.link("measures", None, ctx.number(len(model.objectives))), ctx._("objectives")),
        (ctx.link("coverage", None, f"{ctx.number(cov.answered)}"),
         ctx._("of {n} recommendations that call for a measure have one", n=ctx.number(cov.to_answer))),
        (ctx.link("budget", None, ctx.millions(b.total)),
         ctx._("total budget {start}–{end}", start=plan.start_year, end=plan.end_year)),
        (ctx.link("agencies", None, ctx.number(len(agencies_involved(ctx)))), ctx._("agencies take part")),
        (ctx.link("timeline", None, ctx.number(milestones)), ctx._("milestones")),
    ], label=ctx._("Key figures")))
    if plan.introduction:
        doc.h(2, ctx._("Introduction")).prose(ctx.prose(plan.introduction))

    doc.h(2, ctx._("The objectives of the plan"))
    rows = []
    for o in model.plan.objectives:
        ms = model.measures_of(o.id)
        rows.append([rowh(ctx.objective_link(o.id)), ctx.term("pillar", o.pillar), len(ms),
                     Cell(ctx.money(ctx.analysis.budget.row_total(b.by_objective.get(o.id, {}))), numeric=True)])
    doc.html(table([ctx._('Objective'), ctx._('Pillar'), ctx.pgettext('number of', "Measures"), ctx._('Budget')], rows,
                   numeric_from=2))

    doc.h(2, ctx._("Budget by year"))
    url, chart = budget_by_year_chart(ctx, out)
    doc.html(chart_figure(ctx, chart, url, alt=ctx._("Bar chart: budget by year, split by objective."),
                          caption=ctx._("Budget by year") + ". " + ctx.amounts_in() + ".",
                          data=objective_year_table(ctx, ctx._("Budget by objective and year") + ". " + ctx.amounts_in() + ".")))
    doc.html(p(ctx.link("budget", None, ctx._("Read more") + ": " + ctx._("Budget"))))

    doc.h(2, ctx._("Coverage of recommendations"))
    doc.html(coverage_table(ctx, cov, None))
    doc.html(p(ctx.link("coverage", None, ctx._("Coverage matrix")) + esc(" · ")
               + ctx.link("sources", None, ctx._("Recommendations"))))

    if ctx.downloads:
        doc.h(2, ctx._("Downloads"))
        doc.html(p(ctx.link("downloads", None, ctx._("The plan as a document, made from the same data as this website."))))
    return out.add(Page(ctx.routes.path("home"), title, doc.markdown(), "home", "home",
                        description=ctx.text(plan.subtitle) or title))


def measures_index(ctx: Ctx, out: Output) -> Page:
    """All measures, under their objectives."""
    ctx = at(ctx, ctx.routes.url("measures"))
    title = ctx._("Objectives and measures")
    doc = Doc().h(1, title)
    for o in ctx.model.plan.objectives:
        doc.h(2, f"{o.id} {ctx.text(o.title)}")
        doc.html(p(esc(ctx.term("pillar", o.pillar)) + esc(" · ") + ctx.link("objective", o.id, ctx._("Read more"))))
        ms = ctx.model.measures_of(o.id)
        doc.html(measures_table(ctx, ms) if ms else p(ctx._("No measures.")))
    return out.add(Page(ctx.routes.path("measures"), title, doc.markdown(), "measures", "measures"))


def objective(ctx: Ctx, out: Output, ident: str) -> Page:
    o = ctx.model.objectives[ident]
    ctx = at(ctx, ctx.routes.url("objective", ident))
    b = ctx.analysis.budget
    ms = ctx.model.measures_of(ident)
    title = f"{o.id} {ctx.text(o.title)}"
    doc = Doc().h(1, title, lang=ctx.lang_of(o.title))
    total = b.row_total(b.by_objective.get(ident, {}))
    doc.html(facts([(ctx._('Pillar'), ctx.term('pillar', o.pillar)), (ctx.pgettext('number of', "Measures"), str(len(ms))),
                    (ctx._("Budget"), ctx.money(total))], label=ctx._("Objective")))
    doc.prose(ctx.prose(o.description))
    doc.h(2, ctx._("Measures under this objective"))
    doc.html(measures_table(ctx, ms) if ms else p(ctx._("No measures.")))
    doc.h(2, ctx._("Budget"))
    doc.html(year_table(ctx, [(ctx._("Budget"), b.by_objective.get(ident, {}))], caption=ctx.amounts_in(),
                        first=ctx._("Objective"), total_row=False))
    answered: dict[str, list[str]] = {}
    for m in ms:
        for imp in m.implements:
            answered.setdefault(imp.recommendation, []).append(m.id)
    if answered:
        doc.h(2, ctx._("Recommendations the measures answer"))
        rows = []
        for rid in [r for r in ctx.model.recommendations if r in answered]:
            rec = ctx.model.recommendations[rid]
            rows.append([rowh(ctx.recommendation_link(rid)), ctx.source_title(rec.source), ctx.esc(rec.summary),
                         esc(", ").join(ctx.measure_link(m) for m in answered[rid])])
        doc.html(table([ctx._("Recommendation"), ctx._("Source"), ctx._("Description"), ctx._("Measures")], rows))
    return out.add(Page(ctx.routes.path("objective", ident), title, doc.markdown(), "objective", f"objective:{ident}",
                        description=ctx.text(o.description)))


def measure(ctx: Ctx, out: Output, ident: str) -> Page:
    model = ctx.model
    m = model.measures[ident]
    ctx = at(ctx, ctx.routes.url("measure", ident))
    title = f"{m.id} {ctx.text(m.title)}"
    doc = Doc().h(1, title, lang=ctx.lang_of(m.title))
    doc.html(p(esc(ctx._("Measure under objective {objective}", objective="")) + ctx.objective_link(m.objective), "nap-kicker"))
    doc.html(facts([
        (ctx._("Lead"), ctx.agency_link(m.lead)),
        (ctx._("Partners"), esc(", ").join(ctx.agency_link(pt.agency, short=True) for pt in m.partners)),
        (ctx._("Period"), ctx.period(m.timeline.start, m.timeline.end)),
        (ctx._("Budget"), ctx.money(m.total_budget)),
        (ctx._("Status"), status_badge(ctx, m.status)),
    ], label=ctx._("Facts about the measure")))

    doc.h(2, ctx._("Description"))
    doc.prose(ctx.prose(m.description))

    doc.h(2, ctx._("Who"))
    doc.html(p(esc(ctx._("Lead") + ": ") + ctx.agency_link(m.lead)))
    if m.partners:
        doc.html(table([ctx._("Partners"), ctx._("Role")],
                       [[rowh(ctx.agency_link(pt.agency)), ctx.esc(pt.role)] for pt in m.partners]))
    else:
        doc.html(p(ctx._("No partners are listed.")))

    doc.h(2, ctx._("Timeline"))
    doc.html(p(esc(ctx._("Period") + ": ") + esc(ctx.period(m.timeline.start, m.timeline.end))))
    if m.timeline.milestones:
        doc.html(table([ctx._("Due"), ctx._("Milestone"), ctx._("Deliverable")],
                       [[rowh(ctx.date(ms.due)), ms.id, ctx.esc(ms.deliverable)]
                        for ms in sorted(m.timeline.milestones, key=lambda x: (x.due, x.id))],
                       caption=ctx._("Milestones")))
    else:
        doc.html(p(ctx._("No milestones are set.")))

    doc.h(2, ctx._("Budget"))
    if m.budget:
        rows = [[rowh(str(line.year)), Cell(ctx.money(line.amount), numeric=True), ctx.funding_name(line.source),
                 ctx._("Yes") if line.new_money else ctx._("No"), line.chapter or "–"]
                for line in sorted(m.budget, key=lambda x: (x.year, x.source))]
        doc.html(table([ctx._("Year"), ctx._("Amount"), ctx._("Funding source"), ctx._("New money"),
                        ctx._("Budget chapter/item")], rows, caption=ctx.amounts_in(), numeric=(1,),
                       foot=[ctx._("Total"), Cell(ctx.money(m.total_budget), numeric=True), "", "", ""],
                       cls="nap-budget-lines"))
    else:
        doc.html(p(ctx._("No budget lines.")))

    doc.h(2, ctx._("Indicators"))
    if m.indicators:
        rows = []
        for mi in m.indicators:
            ind = model.indicators.get(mi.indicator)
            name = ctx.text(ind.name) if ind else mi.indicator
            unit = ctx.text(ind.unit) if ind else ""
            base = "–"
            if mi.baseline is not None:
                base = f"{ctx.plain_number(mi.baseline.value)} ({mi.baseline.year})"
                if mi.baseline.source:
                    base += f" – {ctx.text(mi.baseline.source)}"
            target = f"{ctx.plain_number(mi.target.value)} ({mi.target.year})"
            definition = ctx.text(ind.definition) if ind else ""
            cell = Safe("<strong>{}</strong>").format(ctx.indicator_link(mi.indicator, name))
            if definition:
                cell += Safe('<br><span class="nap-small">{}</span>').format(definition)
            rows.append([rowh(cell), unit, base, target])
        doc.html(table([ctx._("Indicator"), ctx._("Unit"), ctx._("Baseline"), ctx._("Target")], rows))
    else:
        doc.html(p(ctx._("No indicators are attached to this measure.")))

    doc.h(2, ctx._("Recommendations this measure answers"))
    if m.implements:
        rows = []
        for imp in m.implements:
            rec = model.recommendations.get(imp.recommendation)
            rows.append([rowh(ctx.recommendation_link(imp.recommendation)),
                         ctx.source_title(rec.source) if rec else "",
                         ctx.esc(rec.summary) if rec else "",
                         ctx.term("extent", imp.extent),
                         ctx.esc(imp.note) if imp.note else "–"])
        doc.html(table([ctx._("Recommendation"), ctx._("Source"), ctx._("Description"), ctx._("Extent"),
                        ctx._("Note")], rows))
    else:
        doc.html(p(ctx._("This measure answers no recommendation.")))

    entries = [e for e in model.progress if e.measure == ident]
    if entries:  # what the lead agency reported, period by period (link to each period's dashboard)
        order = {period: i for i, period in enumerate(model.plan.reporting_periods)}
        entries.sort(key=lambda e: order.get(e.period, len(order)))
        doc.h(2, ctx._("Progress"))
        if any(e.example for e in entries):
            doc.html(p(ctx._("Example data: the progress shown here is example data for demonstration and does not describe real implementation."), "nap-small"))
        rows = [[rowh(ctx.link("progress", e.period, e.period)), ctx.term("progress_status", e.status),
                 Cell(f"{e.completion}\u00a0%" if e.completion is not None else "–", numeric=True),
                 ctx.esc(e.done) if e.done else "–"] for e in entries]
        doc.html(table([ctx._("Period"), ctx._("Status"), ctx._("Completion"), ctx._("What was done")], rows,
                       numeric=(2,)))
    return out.add(Page(ctx.routes.path("measure", ident), title, doc.markdown(), "measure", f"measure:{ident}",
                        description=ctx.text(m.description)))

