"""The coverage matrix page: per report, a grid of recommendations (rows) × the measures that
answer them (columns), and the same as a list per recommendation.

The grid scrolls both ways inside its own box with its header row and first column sticky
(napkit.css), so a mark can always be matched to its measure and its recommendation; marks
are drawn shapes explained by a legend, each with a tooltip and its meaning for screen
readers. The list is what phones and print show (a grid of narrow columns fits neither), and
the only view past MATRIX_MAX_COLUMNS measures, where a grid no longer reads."""

from __future__ import annotations

from ..context import Ctx
from ..escape import Safe, esc
from ..html import Cell, p, rowh, table
from ..tree import Page
from . import Doc, Output
from .common import at, coverage_badge, sr
from .plan import coverage_table

# Past this many measures a grid no longer reads (nor loads: rows × columns cells); the page
# then lists, per recommendation, the measures that answer it.
MATRIX_MAX_COLUMNS = 60

def dot(extent: str) -> Safe:
    return Safe('<span class="nap-dot nap-dot--{}" aria-hidden="true"></span>').format(extent)


def legend(ctx: Ctx) -> Safe:
    items = Safe("").join(Safe("<li>{}<span>{}</span></li>").format(dot(e), text)
                          for e, text in (("full", ctx._("the measure answers the recommendation in full")),
                                          ("partial", ctx._("the measure answers the recommendation in part"))))
    return Safe('<ul class="nap-legend" aria-label="{}">{}</ul>').format(ctx._("Key"), items)


def answers_list(ctx: Ctx, recs, *, alt: bool) -> Safe:
    """Each recommendation with its summary, its coverage and the measures answering it."""
    cov = ctx.analysis.coverage
    items = []
    for r in recs:
        rc = cov.by_recommendation[r.id]
        answers = esc(", ").join(ctx.measure_link(a.measure) + esc(f" ({ctx.term('extent', a.extent).lower()})")
                                 for a in rc.answers)
        items.append(Safe('<li><strong>{}</strong> {}<p class="nap-small">{}</p>'
                          '<p class="nap-answers">{}: {}</p></li>').format(
            ctx.recommendation_link(r.id), coverage_badge(ctx, rc.status), ctx.text(r.summary),
            ctx._("Answered by"), answers or "–"))
    cls = "nap-matrix-list nap-matrix-list--alt" if alt else "nap-matrix-list"
    return Safe('<ul class="{}">{}</ul>').format(cls, Safe("").join(items))


def grid(ctx: Ctx, source: str, recs, columns: list[str]) -> Safe:
    cov = ctx.analysis.coverage
    names = {"full": ctx._("Full"), "partial": ctx._("Partial")}
    head: list[object] = [ctx._("Recommendation")]
    head += [Cell(Safe('<a href="{}" title="{}">{}</a>').format(ctx.url("measure", m), ctx.measure_title(m), m),
                  cls="nap-mcol") for m in columns]
    rows = []
    for r in recs:
        rc = cov.by_recommendation[r.id]
        extent = {a.measure: a.extent for a in rc.answers}
        row: list[object] = [rowh(ctx.recommendation_link(r.id) + coverage_badge(ctx, rc.status))]
        for m in columns:
            e = extent.get(m)
            if e in names:
                # the tooltip says which measure and recommendation a mark joins (the eye loses
                # them in a wide grid); a screen reader hears the extent with the cell's headers
                row.append(Cell(Safe('<span title="{} – {}: {}">{}{}</span>').format(
                    m, r.id, names[e].lower(), dot(e), sr(names[e])), cls="nap-mark"))
            else:
                row.append(Cell("", cls="nap-mark"))
        rows.append(row)
    return table(head, rows, caption=ctx._("Recommendations (rows) and the measures that answer them (columns)") + ": " + ctx.source_title(source), cls="nap-matrix")


def coverage_matrix(ctx: Ctx, out: Output) -> Page:
    model = ctx.model
    ctx = at(ctx, ctx.routes.url("coverage"))
    cov = ctx.analysis.coverage
    title = ctx._("Coverage matrix")
    doc = Doc().h(1, title)
    columns_of = {}
    for s in model.sources:
        answering = {a.measure for r in model.recommendations_of(s.id) for a in cov.by_recommendation[r.id].answers}
        columns_of[s.id] = [m for m in model.measures if m in answering]
    if any(len(c) <= MATRIX_MAX_COLUMNS for c in columns_of.values()):  # the intro tells how a grid reads
        doc.html(p(ctx._("Each row is a recommendation, each column a measure. The matrix scrolls both ways, with the measures and the recommendations kept at its edges. On small screens and on paper the same is shown as a list.")))
    doc.html(coverage_table(ctx, cov, ctx._("How the recommendations are answered")))
    for s in model.sources:
        recs = model.recommendations_of(s.id)
        columns = columns_of[s.id]
        doc.h(2, ctx.source_title(s.id))
        if len(columns) > MATRIX_MAX_COLUMNS:
            doc.html(p(ctx._("So many measures answer this report that a matrix would not read; each row lists the measures that answer the recommendation instead.")))
            doc.html(answers_list(ctx, recs, alt=False))
            continue
        doc.html(legend(ctx))
        doc.html(grid(ctx, s.id, recs, columns))
        doc.html(answers_list(ctx, recs, alt=True))
    return out.add(Page(ctx.routes.path("coverage"), title, doc.markdown(), "coverage", "coverage"))
