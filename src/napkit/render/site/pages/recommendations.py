"""The recommendations: an overview of the reports, a page per report listing every recommendation
with the government's response and the measures answering it, and the coverage matrix."""

from __future__ import annotations

from ....analyse.coverage import STATUSES
from ..charts import stacked_horizontal
from ..context import Ctx
from ..escape import Safe, esc, safe_url
from ..html import facts, link, p, rowh, table, ul
from ..tree import Page
from . import Doc, Output
from .catalog import filterable_table
from .common import at, chart_figure, chart_file, response_badge
from .plan import coverage_table

# coverage colours: covered, partial, uncovered, noted (≥ 3:1 on white; see charts.PALETTE)
_COVERAGE_COLOURS = {"covered": "#00626B", "partial": "#0072B2", "uncovered": "#A3313F", "noted": "#5C5C5C"}


def sources_index(ctx: Ctx, out: Output) -> Page:
    ctx = at(ctx, ctx.routes.url("sources"))
    cov = ctx.analysis.coverage
    title = ctx._("Recommendations")
    doc = Doc().h(1, title)
    doc.html(p(ctx._("The plan answers the recommendations of these reports. Each report has a page with the government's response to every recommendation and the measures that follow it up.")))
    doc.h(2, ctx._("Reports"))
    items = []
    for s in ctx.model.sources:
        line = Safe("<strong>{}</strong>").format(ctx.link("source", s.id, ctx.text(s.title)))
        extra = [x for x in (ctx.text(s.author), ctx.date(s.date)) if x]
        if extra:
            line += esc(" — " + ", ".join(extra))
        items.append(line)
    doc.html(ul(items))

    doc.h(2, ctx._("Coverage per report"))
    labels = [ctx.source_title(s.id) for s in ctx.model.sources]
    series = [(ctx.term("coverage", k), [cov.by_source.get(s.id, {}).get(k, 0) for s in ctx.model.sources],
               _COVERAGE_COLOURS[k]) for k in STATUSES]
    chart = stacked_horizontal(labels, series, value_label=ctx._("Recommendations"))
    url = chart_file(ctx, "coverage-by-source", chart, out.files)
    doc.html(chart_figure(ctx, chart, url, alt=ctx._("Horizontal bar chart: recommendations per report, split by how they are answered."), caption=ctx._("Coverage per report"),
                          data=coverage_table(ctx, cov, ctx._("Coverage per report"))))
    doc.html(p(ctx.link("coverage", None, ctx._("Coverage matrix"))))

    gaps = cov.gaps()
    doc.h(2, ctx._("Recommendations that do not have a measure yet"))
    if gaps:
        rows = [[rowh(ctx.recommendation_link(rc.recommendation)),
                 ctx.source_title(ctx.model.recommendations[rc.recommendation].source),
                 ctx.esc(ctx.model.recommendations[rc.recommendation].summary),
                 response_badge(ctx, rc.response)] for rc in gaps]
        doc.html(table([ctx._("Recommendation"), ctx._("Source"), ctx._("Description"), ctx._("Government response")], rows))
    else:
        doc.html(p(ctx._("Every recommendation that calls for a measure has at least one.")))
    return out.add(Page(ctx.routes.path("sources"), title, doc.markdown(), "sources", "sources"))


def source(ctx: Ctx, out: Output, ident: str) -> Page:
    model = ctx.model
    s = next(x for x in model.sources if x.id == ident)
    ctx = at(ctx, ctx.routes.url("source", ident))
    cov = ctx.analysis.coverage
    title = ctx.text(s.title) or ident
    short = ctx.source_title(ident)
    url = safe_url(s.url)
    doc = Doc().h(1, title)
    doc.html(facts([
        (ctx._("Abbreviation"), short if short != title else ""),
        (ctx._("Published by"), ctx.esc(s.author)),
        (ctx._("Published"), ctx.date(s.date)),
        (ctx._("Read the report"), link(url, url) if url else ""),
    ], label=ctx._("Source")))
    counts = cov.by_source.get(ident, {})
    doc.html(table([ctx._("Recommendations"), *(ctx.term("coverage", k) for k in STATUSES)],
                   [[sum(counts.values()), *(counts.get(k, 0) for k in STATUSES)]],
                   caption=ctx._("How the recommendations are answered"), numeric_from=0))
    recs = model.recommendations_of(ident)
    doc.h(2, ctx._("Recommendations"))
    doc.html(p(ctx._("Each recommendation has a page of its own with the quote, the government's response and the measures that follow it up. Choose values below to show only some of them.")))
    doc.html(filterable_table(ctx, recs))
    # the catalog table is wide: the page takes the whole width, like the other wide-table pages
    return out.add(Page(ctx.routes.path("source", ident), title, doc.markdown(), "source", f"source:{ident}",
                        description=ctx.text(s.title), meta={"hide": ["navigation", "toc"]}))


# the coverage matrix has a module of its own (pages/coverage.py); named here, where compose finds it
from .coverage import MATRIX_MAX_COLUMNS, coverage_matrix  # noqa: F401
