"""Parts several pages share: measure tables, budget-by-year tables, chart figures, badges."""

from __future__ import annotations

import dataclasses
from typing import Iterable, Sequence

from ....model import Measure
from ..charts import Chart
from ..context import Ctx
from ..escape import Safe, esc
from ..html import Cell, badge, figure, rowh, table
from ..tree import relative_url

CHART_DIR = "assets/napkit/charts"


def at(ctx: Ctx, site_url: str) -> Ctx:
    """The context for building the page at `site_url` (links are made relative to it)."""
    return dataclasses.replace(ctx, page_url=site_url)


def status_badge(ctx: Ctx, status: str) -> Safe:
    return badge(ctx.term('status', status), f"status-{status}")


def response_badge(ctx: Ctx, response: str) -> Safe:
    return badge(ctx.term('response', response), f"response-{response}")


def coverage_badge(ctx: Ctx, status: str) -> Safe:
    return badge(ctx.term('coverage', status), f"coverage-{status}")


def measures_table(ctx: Ctx, measures: Iterable[Measure], *, caption: object = None, lead: bool = True,
                   objective: bool = False) -> Safe:
    head: list[object] = [ctx._("Measure")]
    if objective:
        head.append(ctx._("Objective"))
    if lead:
        head.append(ctx._("Lead"))
    head += [ctx._("Period"), ctx._("Status"), ctx._("Budget")]
    rows = []
    for m in measures:
        row: list[object] = [rowh(ctx.measure_link(m.id, with_title=True))]
        if objective:
            row.append(ctx.objective_link(m.objective))
        if lead:
            row.append(ctx.agency_link(m.lead, short=True))
        row += [ctx.period(m.timeline.start, m.timeline.end), status_badge(ctx, m.status),
                Cell(ctx.money(m.total_budget), numeric=True)]
        rows.append(row)
    return table(head, rows, caption=caption, numeric_from=len(head) - 1)


def year_table(ctx: Ctx, rows: Sequence[tuple[object, dict[int, float]]], *, caption: object,
               first: object, total_row: bool = True) -> Safe:
    """Rows of amounts per year with a total column, and (optionally) a totals row. The
    currency is named once, in the caption (every caller says "amounts in …"), not in every
    cell: five columns of "NOK 133,500,000" do not fit beside a name."""
    years = list(ctx.model.plan.years)
    head = [first, *(str(y) for y in years), ctx._("Total")]
    body = [[rowh(name), *(ctx.number(row.get(y, 0)) for y in years), ctx.number(sum(row.get(y, 0) for y in years))]
            for name, row in rows]
    foot = None
    if total_row:
        sums = {y: sum(row.get(y, 0) for _, row in rows) for y in years}
        foot = [ctx._("Total"), *(ctx.number(sums[y]) for y in years), ctx.number(sum(sums.values()))]
    return table(head, body, caption=caption, foot=foot, numeric_from=1)


def chart_file(ctx: Ctx, name: str, chart: Chart, files: dict[str, bytes]) -> str:
    """Store a chart in the language's tree; return its site URL."""
    path = f"{CHART_DIR}/{name}.svg"
    files[path] = chart.svg
    return ctx.routes.prefix + path


def chart_figure(ctx: Ctx, chart: Chart, site_url: str, *, alt: str, caption: object, data: Safe | None) -> Safe:
    return figure(relative_url(ctx.page_url, site_url), alt + " " + ctx._("The figures in the chart are in the table below."), caption, data,
                  summary=ctx._("Show the figures as a table"), width=chart.width, height=chart.height)


def sr(text: object) -> Safe:
    """Text for screen readers only."""
    return Safe('<span class="nap-sr">{}</span>').format(text)


def mark(symbol: str, text: object) -> Safe:
    """A symbol shown to the eye, its meaning read out instead."""
    return Safe('<span aria-hidden="true">{}</span>').format(symbol) + sr(text)


def esc_join(items: Iterable[object], sep: str = ", ") -> Safe:
    return esc(sep).join(items)
