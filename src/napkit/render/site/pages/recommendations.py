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
    title = ctx.t("recommendations")
    doc = Doc().h(1, title)
    doc.html(p(ctx.t("sources_intro")))
    doc.h(2, ctx.t("sources"))
    items = []
    for s in ctx.model.sources:
        line = Safe("<strong>{}</strong>").format(ctx.link("source", s.id, ctx.text(s.title)))
        extra = [x for x in (ctx.text(s.author), ctx.date(s.date)) if x]
        if extra:
            line += esc(" — " + ", ".join(extra))
        items.append(line)
    doc.html(ul(items))

    doc.h(2, ctx.t("coverage_per_source"))
    labels = [ctx.source_title(s.id) for s in ctx.model.sources]
    series = [(ctx.t(f"coverage.{k}"), [cov.by_source.get(s.id, {}).get(k, 0) for s in ctx.model.sources],
               _COVERAGE_COLOURS[k]) for k in STATUSES]
    chart = stacked_horizontal(labels, series, value_label=ctx.t("recommendations"))
    url = chart_file(ctx, "coverage-by-source", chart, out.files)
    doc.html(chart_figure(ctx, chart, url, alt=ctx.t("chart.coverage"), caption=ctx.t("coverage_per_source"),
                          data=coverage_table(ctx, cov, ctx.t("coverage_per_source"))))
    doc.html(p(ctx.link("coverage", None, ctx.t("coverage_matrix"))))

    gaps = cov.gaps()
    doc.h(2, ctx.t("uncovered_note"))
    if gaps:
        rows = [[rowh(ctx.recommendation_link(rc.recommendation)),
                 ctx.source_title(ctx.model.recommendations[rc.recommendation].source),
                 ctx.esc(ctx.model.recommendations[rc.recommendation].summary),
                 response_badge(ctx, rc.response)] for rc in gaps]
        doc.html(table([ctx.t("recommendation"), ctx.t("source"), ctx.t("description"), ctx.t("response")], rows))
    else:
        doc.html(p(ctx.t("all_covered")))
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
        (ctx.t("abbreviation"), short if short != title else ""),
        (ctx.t("author"), ctx.esc(s.author)),
        (ctx.t("published"), ctx.date(s.date)),
        (ctx.t("read_report"), link(url, url) if url else ""),
    ], label=ctx.t("source")))
    counts = cov.by_source.get(ident, {})
    doc.html(table([ctx.t("recommendations"), *(ctx.t(f"coverage.{k}") for k in STATUSES)],
                   [[sum(counts.values()), *(counts.get(k, 0) for k in STATUSES)]],
                   caption=ctx.t("coverage_summary"), numeric_from=0))
    recs = model.recommendations_of(ident)
    doc.h(2, ctx.t("recommendations"))
    doc.html(p(ctx.t("catalog_intro")))
    doc.html(filterable_table(ctx, recs))
    return out.add(Page(ctx.routes.path("source", ident), title, doc.markdown(), "source", f"source:{ident}",
                        description=ctx.text(s.title)))


# the coverage matrix has a module of its own (pages/coverage.py); named here, where compose finds it
from .coverage import MATRIX_MAX_COLUMNS, coverage_matrix  # noqa: F401
