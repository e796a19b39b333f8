"""The recommendations: an overview of the reports, a page per report listing every recommendation
with the government's response and the measures answering it, and the coverage matrix."""

from __future__ import annotations

from ....analyse.coverage import STATUSES
from ..charts import stacked_horizontal
from ..context import Ctx, anchor_of
from ..escape import Safe, esc, safe_url
from ..html import Cell, facts, link, p, rowh, table, ul
from ..tree import Page
from . import Doc, Output
from .common import at, chart_figure, chart_file, coverage_badge, mark, response_badge
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
    for rec in model.recommendations_of(ident):
        rc = cov.by_recommendation[rec.id]
        doc.h(2, f"{rec.id} {ctx.text(rec.summary)}", anchor=anchor_of(rec.id))
        ref = rec.reference
        if rec.page is not None:
            ref = (ref + ", " if ref else "") + f"{ctx.t('page')} {rec.page}"
        answers = [ctx.measure_link(a.measure, with_title=True) + esc(f" ({ctx.t(f'extent.{a.extent}').lower()})")
                   for a in rc.answers]
        related = [ctx.recommendation_link(r) for r in rec.related]
        doc.html(facts([
            (ctx.t("reference"), ref),
            (ctx.t("pillar"), ctx.t(f"pillar.{rec.pillar}")),
            (ctx.t("theme"), rec.theme.replace("-", " ") if rec.theme else ""),
            (ctx.t("strength"), ctx.t(f"strength.{rec.strength}") if rec.strength else ""),
            (ctx.t("response"), response_badge(ctx, rec.response.status)),
            (ctx.t("justification"), ctx.esc(rec.response.justification)),
            (ctx.t("coverage_state"), coverage_badge(ctx, rc.status)),
            (ctx.t("answered_by"), ul(answers) if answers else ctx.t("none")),
            (ctx.t("related"), esc(", ").join(related)),
        ], label=rec.id))
        if rec.quote:
            doc.html(Safe('<blockquote class="nap-quote"><p>{}</p></blockquote>').format(rec.quote))
    return out.add(Page(ctx.routes.path("source", ident), title, doc.markdown(), "source", f"source:{ident}",
                        description=ctx.text(s.title)))


# Past this many measures a grid no longer reads (nor loads: rows × columns cells); each row then
# lists the measures that answer its recommendation.
MATRIX_MAX_COLUMNS = 60


def _answers_table(ctx: Ctx, source: str, recs) -> Safe:
    cov = ctx.analysis.coverage
    rows = []
    for r in recs:
        rc = cov.by_recommendation[r.id]
        header = Safe('{}<span class="nap-small">{}</span>').format(ctx.recommendation_link(r.id), ctx.text(r.summary))
        answers = esc(", ").join(ctx.measure_link(a.measure) + esc(f" ({ctx.t(f'extent.{a.extent}').lower()})")
                                 for a in rc.answers)
        rows.append([rowh(header), ctx.t(f"response.{r.response.status}"), coverage_badge(ctx, rc.status),
                     answers or "–"])
    return p(ctx.t("matrix_as_list")) + table(
        [ctx.t("recommendation"), ctx.t("response"), ctx.t("coverage_state"), ctx.t("answered_by")], rows,
        caption=ctx.t("matrix_caption_list") + ": " + ctx.source_title(source))


def coverage_matrix(ctx: Ctx, out: Output) -> Page:
    model = ctx.model
    ctx = at(ctx, ctx.routes.url("coverage"))
    cov = ctx.analysis.coverage
    title = ctx.t("coverage_matrix")
    doc = Doc().h(1, title)
    doc.html(p(ctx.t("matrix_intro")))
    doc.html(coverage_table(ctx, cov, ctx.t("coverage_summary")))
    full, part = ctx.t("extent.full"), ctx.t("extent.partial")
    for s in model.sources:
        recs = model.recommendations_of(s.id)
        answering = {a.measure for r in recs for a in cov.by_recommendation[r.id].answers}
        columns = [m for m in model.measures if m in answering]
        doc.h(2, ctx.source_title(s.id))
        if len(columns) > MATRIX_MAX_COLUMNS:
            doc.html(_answers_table(ctx, s.id, recs))
            continue
        head = [ctx.t("recommendation"), ctx.t("response"), ctx.t("coverage_state")]
        head += [Safe('<a href="{}" title="{}">{}</a>').format(ctx.url("measure", m), ctx.measure_title(m), m)
                 for m in columns]
        rows = []
        for r in recs:
            rc = cov.by_recommendation[r.id]
            extent = {a.measure: a.extent for a in rc.answers}
            header = Safe('{}<span class="nap-small">{}</span>').format(ctx.recommendation_link(r.id),
                                                                       ctx.text(r.summary))
            row = [rowh(header), ctx.t(f"response.{r.response.status}"), coverage_badge(ctx, rc.status)]
            for m in columns:
                e = extent.get(m)
                row.append(Cell(mark("●", full) if e == "full" else mark("◐", part) if e == "partial" else "",
                                cls="nap-mark"))
            rows.append(row)
        doc.html(table(head, rows, caption=ctx.t("matrix_caption") + ": " + ctx.source_title(s.id),
                       cls="nap-matrix"))
    return out.add(Page(ctx.routes.path("coverage"), title, doc.markdown(), "coverage", "coverage"))
