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
    chart = stacked_bars(years, series, value_label=ctx.t("chart.million", currency=ctx.currency_symbol),
                         tick=money_ticks(ctx.lang), legend_title=ctx.t("objectives"))
    return chart_file(ctx, "budget-by-year", chart, out.files), chart


def objective_year_table(ctx: Ctx, caption: object) -> Safe:
    b = ctx.analysis.budget
    rows = [(ctx.objective_link(o), b.by_objective.get(o, {})) for o in ctx.model.objectives]
    return year_table(ctx, rows, caption=caption, first=ctx.t("objective"))


def coverage_table(ctx: Ctx, coverage: Coverage, caption: object) -> Safe:
    statuses = ("covered", "partial", "uncovered", "noted")
    head = [ctx.t("source"), ctx.t("recommendations"), *(ctx.t(f"coverage.{s}") for s in statuses)]
    rows = []
    for s in ctx.model.sources:
        counts = coverage.by_source.get(s.id, {})
        rows.append([rowh(ctx.link("source", s.id, ctx.source_title(s.id))), sum(counts.values()),
                     *(counts.get(k, 0) for k in statuses)])
    total = coverage.counts
    foot = [ctx.t("total"), sum(total.values()), *(total.get(k, 0) for k in statuses)]
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
        (ctx.t("period"), f"{plan.start_year}–{plan.end_year}"),
        (ctx.t("responsible"), ctx.agency_link(plan.responsible) if plan.responsible else ""),
        (ctx.t("version"), ", ".join(x for x in (plan.version or "", ctx.date(plan.date)) if x)),
    ], label=ctx.t("plan")))
    milestones = sum(len(m.timeline.milestones) for m in model.measures.values())
    doc.html(cards([
        (ctx.link("measures", None, ctx.number(len(model.measures))), ctx.t("card.measures")),
        (ctx.link("measures", None, ctx.number(len(model.objectives))), ctx.t("card.objectives")),
        (ctx.link("coverage", None, f"{ctx.number(cov.answered)}"),
         ctx.t("card.answered", n=ctx.number(cov.to_answer))),
        (ctx.link("budget", None, ctx.millions(b.total)),
         ctx.t("card.budget", start=plan.start_year, end=plan.end_year)),
        (ctx.link("agencies", None, ctx.number(len(agencies_involved(ctx)))), ctx.t("card.agencies")),
        (ctx.link("timeline", None, ctx.number(milestones)), ctx.t("card.milestones")),
    ], label=ctx.t("key_figures")))
    if plan.introduction:
        doc.h(2, ctx.t("introduction")).prose(ctx.prose(plan.introduction))

    doc.h(2, ctx.t("objectives_overview"))
    rows = []
    for o in model.plan.objectives:
        ms = model.measures_of(o.id)
        rows.append([rowh(ctx.objective_link(o.id)), ctx.t(f"pillar.{o.pillar}"), len(ms),
                     Cell(ctx.money(ctx.analysis.budget.row_total(b.by_objective.get(o.id, {}))), numeric=True)])
    doc.html(table([ctx.t("objective"), ctx.t("pillar"), ctx.t("measures_count"), ctx.t("budget")], rows,
                   numeric_from=2))

    doc.h(2, ctx.t("budget_by_year"))
    url, chart = budget_by_year_chart(ctx, out)
    doc.html(chart_figure(ctx, chart, url, alt=ctx.t("chart.budget_by_year"),
                          caption=ctx.t("budget_by_year") + ". " + ctx.amounts_in() + ".",
                          data=objective_year_table(ctx, ctx.t("budget_by_objective") + ". " + ctx.amounts_in() + ".")))
    doc.html(p(ctx.link("budget", None, ctx.t("read_more") + ": " + ctx.t("budget"))))

    doc.h(2, ctx.t("coverage"))
    doc.html(coverage_table(ctx, cov, None))
    doc.html(p(ctx.link("coverage", None, ctx.t("coverage_matrix")) + esc(" · ")
               + ctx.link("sources", None, ctx.t("recommendations"))))

    if ctx.downloads:
        doc.h(2, ctx.t("downloads"))
        doc.html(p(ctx.link("downloads", None, ctx.t("downloads_intro"))))
    return out.add(Page(ctx.routes.path("home"), title, doc.markdown(), "home", "home",
                        description=ctx.text(plan.subtitle) or title))


def measures_index(ctx: Ctx, out: Output) -> Page:
    """All measures, under their objectives."""
    ctx = at(ctx, ctx.routes.url("measures"))
    title = ctx.t("measures_and_objectives")
    doc = Doc().h(1, title)
    for o in ctx.model.plan.objectives:
        doc.h(2, f"{o.id} {ctx.text(o.title)}")
        doc.html(p(esc(ctx.t(f"pillar.{o.pillar}")) + esc(" · ") + ctx.link("objective", o.id, ctx.t("read_more"))))
        ms = ctx.model.measures_of(o.id)
        doc.html(measures_table(ctx, ms) if ms else p(ctx.t("no_measures")))
    return out.add(Page(ctx.routes.path("measures"), title, doc.markdown(), "measures", "measures"))


def objective(ctx: Ctx, out: Output, ident: str) -> Page:
    o = ctx.model.objectives[ident]
    ctx = at(ctx, ctx.routes.url("objective", ident))
    b = ctx.analysis.budget
    ms = ctx.model.measures_of(ident)
    title = f"{o.id} {ctx.text(o.title)}"
    doc = Doc().h(1, title)
    total = b.row_total(b.by_objective.get(ident, {}))
    doc.html(facts([(ctx.t("pillar"), ctx.t(f"pillar.{o.pillar}")), (ctx.t("measures_count"), str(len(ms))),
                    (ctx.t("budget"), ctx.money(total))], label=ctx.t("objective")))
    doc.prose(ctx.prose(o.description))
    doc.h(2, ctx.t("measures_in_objective"))
    doc.html(measures_table(ctx, ms) if ms else p(ctx.t("no_measures")))
    doc.h(2, ctx.t("budget"))
    doc.html(year_table(ctx, [(ctx.t("budget"), b.by_objective.get(ident, {}))], caption=ctx.amounts_in(),
                        first=ctx.t("objective"), total_row=False))
    answered: dict[str, list[str]] = {}
    for m in ms:
        for imp in m.implements:
            answered.setdefault(imp.recommendation, []).append(m.id)
    if answered:
        doc.h(2, ctx.t("recommendations_in_objective"))
        rows = []
        for rid in [r for r in ctx.model.recommendations if r in answered]:
            rec = ctx.model.recommendations[rid]
            rows.append([rowh(ctx.recommendation_link(rid)), ctx.source_title(rec.source), ctx.esc(rec.summary),
                         esc(", ").join(ctx.measure_link(m) for m in answered[rid])])
        doc.html(table([ctx.t("recommendation"), ctx.t("source"), ctx.t("description"), ctx.t("measures")], rows))
    return out.add(Page(ctx.routes.path("objective", ident), title, doc.markdown(), "objective", f"objective:{ident}",
                        description=ctx.text(o.description)))


def measure(ctx: Ctx, out: Output, ident: str) -> Page:
    model = ctx.model
    m = model.measures[ident]
    ctx = at(ctx, ctx.routes.url("measure", ident))
    title = f"{m.id} {ctx.text(m.title)}"
    doc = Doc().h(1, title)
    doc.html(p(esc(ctx.t("measure_of", objective="")) + ctx.objective_link(m.objective), "nap-kicker"))
    doc.html(facts([
        (ctx.t("lead"), ctx.agency_link(m.lead)),
        (ctx.t("partners"), esc(", ").join(ctx.agency_link(pt.agency, short=True) for pt in m.partners)),
        (ctx.t("period"), ctx.period(m.timeline.start, m.timeline.end)),
        (ctx.t("budget"), ctx.money(m.total_budget)),
        (ctx.t("status"), status_badge(ctx, m.status)),
    ], label=ctx.t("facts")))

    doc.h(2, ctx.t("description"))
    doc.prose(ctx.prose(m.description))

    doc.h(2, ctx.t("who"))
    doc.html(p(esc(ctx.t("lead") + ": ") + ctx.agency_link(m.lead)))
    if m.partners:
        doc.html(table([ctx.t("partners"), ctx.t("role")],
                       [[rowh(ctx.agency_link(pt.agency)), ctx.esc(pt.role)] for pt in m.partners]))
    else:
        doc.html(p(ctx.t("no_partners")))

    doc.h(2, ctx.t("timeline"))
    doc.html(p(esc(ctx.t("period") + ": ") + esc(ctx.period(m.timeline.start, m.timeline.end))))
    if m.timeline.milestones:
        doc.html(table([ctx.t("due"), ctx.t("milestone"), ctx.t("deliverable")],
                       [[rowh(ctx.date(ms.due)), ms.id, ctx.esc(ms.deliverable)]
                        for ms in sorted(m.timeline.milestones, key=lambda x: (x.due, x.id))],
                       caption=ctx.t("milestones")))
    else:
        doc.html(p(ctx.t("no_milestones")))

    doc.h(2, ctx.t("budget"))
    if m.budget:
        rows = [[rowh(str(line.year)), Cell(ctx.money(line.amount), numeric=True), ctx.funding_name(line.source),
                 ctx.t("yes") if line.new_money else ctx.t("no"), line.chapter or "–"]
                for line in sorted(m.budget, key=lambda x: (x.year, x.source))]
        doc.html(table([ctx.t("year"), ctx.t("amount"), ctx.t("funding_source"), ctx.t("new_money"),
                        ctx.t("budget_chapter")], rows, caption=ctx.amounts_in(), numeric=(1,),
                       foot=[ctx.t("total"), Cell(ctx.money(m.total_budget), numeric=True), "", "", ""],
                       cls="nap-budget-lines"))
    else:
        doc.html(p(ctx.t("no_budget")))

    doc.h(2, ctx.t("indicators"))
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
        doc.html(table([ctx.t("indicator"), ctx.t("unit"), ctx.t("baseline"), ctx.t("target")], rows))
    else:
        doc.html(p(ctx.t("no_indicators")))

    doc.h(2, ctx.t("recommendations_answered"))
    if m.implements:
        rows = []
        for imp in m.implements:
            rec = model.recommendations.get(imp.recommendation)
            rows.append([rowh(ctx.recommendation_link(imp.recommendation)),
                         ctx.source_title(rec.source) if rec else "",
                         ctx.esc(rec.summary) if rec else "",
                         ctx.t(f"extent.{imp.extent}"),
                         ctx.esc(imp.note) if imp.note else "–"])
        doc.html(table([ctx.t("recommendation"), ctx.t("source"), ctx.t("description"), ctx.t("extent"),
                        ctx.t("measure_note")], rows))
    else:
        doc.html(p(ctx.t("no_recommendations")))

    entries = [e for e in model.progress if e.measure == ident]
    if entries:  # what the lead agency reported, period by period (link to each period's dashboard)
        from ...progress_report import word

        order = {period: i for i, period in enumerate(model.plan.reporting_periods)}
        entries.sort(key=lambda e: order.get(e.period, len(order)))
        doc.h(2, word("progress", ctx.lang))
        if any(e.example for e in entries):
            doc.html(p(word("example_warning", ctx.lang), "nap-small"))
        rows = [[rowh(ctx.link("progress", e.period, e.period)), word("s." + e.status, ctx.lang),
                 Cell(f"{e.completion}\u00a0%" if e.completion is not None else "–", numeric=True),
                 ctx.esc(e.done) if e.done else "–"] for e in entries]
        doc.html(table([ctx.t("period"), ctx.t("status"), word("completion", ctx.lang), word("done", ctx.lang)], rows,
                       numeric=(2,)))
    return out.add(Page(ctx.routes.path("measure", ident), title, doc.markdown(), "measure", f"measure:{ident}",
                        description=ctx.text(m.description)))

