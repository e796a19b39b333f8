"""The agencies: an overview, and a page per agency with what it leads, what it takes part in and
the budget of the measures it leads."""

from __future__ import annotations

from ....util import fmt
from ..context import Ctx
from ..escape import safe_url
from ..html import Cell, facts, link, p, rowh, table, ul
from ..tree import Page
from . import Doc, Output
from .common import at, measures_table, year_table


def _roles(ctx: Ctx, ident: str) -> tuple[list, list]:
    led = [m for m in ctx.model.measures.values() if m.lead == ident]
    part = [(m, pt) for m in ctx.model.measures.values() for pt in m.partners if pt.agency == ident]
    return led, part


def agencies_index(ctx: Ctx, out: Output) -> Page:
    ctx = at(ctx, ctx.routes.url("agencies"))
    title = ctx._("Agencies")
    doc = Doc().h(1, title)
    doc.html(p(ctx._("The agencies that lead or take part in measures of the plan.")))
    rows = []
    for a in ctx.model.agencies.values():
        led, part = _roles(ctx, a.id)
        budget = ctx.analysis.budget.row_total(ctx.analysis.budget.by_agency.get(a.id, {}))
        rows.append([rowh(ctx.agency_link(a.id)), ctx.esc(a.abbreviation) if a.abbreviation else "–",
                     ctx.term("kind", a.kind), len(led), len(part), Cell(ctx.money(budget), numeric=True)])
    doc.html(table([ctx._("Agency"), ctx._("Abbreviation"), ctx._("Kind"), ctx._("Leads"), ctx._("Partner in"),
                    ctx._("Budget")], rows, numeric_from=3))
    doc.html(p(ctx._("Amounts are attributed to the agency that leads the measure."), "nap-small"))
    return out.add(Page(ctx.routes.path("agencies"), title, doc.markdown(), "agencies", "agencies"))


def agency(ctx: Ctx, out: Output, ident: str) -> Page:
    a = ctx.model.agencies[ident]
    ctx = at(ctx, ctx.routes.url("agency", ident))
    name = ctx.text(a.name)
    abbr = ctx.text(a.abbreviation)
    title = f"{name} ({abbr})" if abbr and abbr != name else name
    led, part = _roles(ctx, ident)
    budget_row = ctx.analysis.budget.by_agency.get(ident, {})
    url = safe_url(a.url)
    doc = Doc().h(1, title)
    doc.html(facts([
        (ctx._("Kind"), ctx.term("kind", a.kind)),
        (ctx._("Reports to"), ctx.agency_link(a.parent) if a.parent else ""),
        (ctx._("Website"), link(url, url) if url else ""),
        (ctx._("Leads"), fmt.number(len(led), ctx.lang)),
        (ctx._("Partner in"), fmt.number(len(part), ctx.lang)),
        (ctx._("Budget of the measures it leads"), ctx.money(sum(budget_row.values()))),
    ], label=ctx._("Agency")))
    if not led and not part:
        doc.html(p(ctx._("The agency has no measures in the plan.")))
    if led:
        doc.h(2, ctx._("Measures it leads"))
        doc.html(measures_table(ctx, led, lead=False, objective=True))
    if part:
        doc.h(2, ctx._("Measures it takes part in"))
        rows = [[rowh(ctx.measure_link(m.id, with_title=True)), ctx.esc(pt.role) if pt.role else "–",
                 ctx.agency_link(m.lead, short=True), ctx.period(m.timeline.start, m.timeline.end)]
                for m, pt in part]
        doc.html(table([ctx._("Measure"), ctx._("Role"), ctx._("Lead"), ctx._("Period")], rows))
    if led:
        doc.h(2, ctx.pgettext("agency page", "Budget of the measures it leads"))
        doc.html(year_table(ctx, [(ctx.agency_short(ident), budget_row)], caption=ctx.amounts_in(),
                            first=ctx._("Agency"), total_row=False))
        doc.html(p(ctx._("Amounts are attributed to the agency that leads the measure."), "nap-small"))
    children = [c for c in ctx.model.agencies.values() if c.parent == ident]
    if children:
        doc.h(2, ctx._("Agencies under it"))
        doc.html(ul(ctx.agency_link(c.id) for c in children))
    return out.add(Page(ctx.routes.path("agency", ident), title, doc.markdown(), "agency", f"agency:{ident}",
                        description=name))

