"""The status dashboard: one page per reporting period that has progress entries — key figures,
a chart of measures by status, and the implementation report's tables (render.progress_report),
with the report documents to download when `nap build` made them. The index page is there from the
start: before the first report it says that none has been made yet and which periods will come."""

from __future__ import annotations


from ....analyse.indicator_status import indicator_statuses
from ....analyse.progress import REPORT_STATUSES, entries_up_to, progress_of
from ....locale import _
from ...i18n import term
from ...progress_report import Ref, Report, report_of
from ..charts import horizontal_bars, whole_ticks
from ..context import Ctx
from ..escape import Safe, esc
from ..html import cards, link, p, rowh, table, ul
from ..tree import Page
from . import Doc, Output
from .common import at, chart_figure, chart_file
from .indicators import status_badge_of


def report_files(model, period: str, available: dict[str, int]) -> list[tuple[str, str, str]]:
    """(lang, fmt, file name) of the report documents of `period` that exist."""
    found = []
    for lang in model.languages:
        for fmt in ("pdf", "docx"):
            name = f"{model.plan.id}-report-{period}-{lang}.{fmt}"
            if name in available:
                found.append((lang, fmt, name))
    return found


def _cell(ctx: Ctx, c) -> object:
    if not isinstance(c, Ref):
        return c
    if c.kind == "measure":
        return ctx.link("measure", c.ident, c.text) if c.ident in ctx.model.measures else esc(c.text)
    if c.kind == "objective":
        return ctx.link("objective", c.ident, c.text) if c.ident in ctx.model.objectives else esc(c.text)
    if c.kind == "agency":
        return ctx.link("agency", c.ident, c.text) if c.ident in ctx.model.agencies else esc(c.text)
    if c.kind == "recommendation":
        return ctx.recommendation_link(c.ident)
    return esc(c.text)


def progress_index(ctx: Ctx, out: Output, periods: list[str]) -> Page:
    ctx = at(ctx, ctx.routes.url("progress_index"))
    title = ctx._("Progress")
    doc = Doc().h(1, title)
    if periods:
        doc.html(ul(ctx.link("progress", period, ctx._("Implementation report {period}", period=period)) for period in periods))
    else:
        doc.html(p(ctx._("No progress has been reported yet.")))
        planned = ctx.model.plan.reporting_periods
        if planned:
            doc.html(p(ctx._("The lead agencies report progress on every measure after each reporting period: {periods}. The reports are published here.", periods=", ".join(planned))))
    return out.add(Page(ctx.routes.path("progress_index"), title, doc.markdown(), "progress", "progress"))


def progress_page(ctx: Ctx, out: Output, period: str, files: list[tuple[str, str, str]], files_dir: str) -> Page:
    model = ctx.model
    ctx = at(ctx, ctx.routes.url("progress", period))
    progress = progress_of(model, period, ctx.analysis.coverage)
    report: Report = report_of(model, progress, ctx.lang)
    doc = Doc().h(1, report.title)
    if report.example:
        doc.html(Safe('<div class="admonition warning"><p class="admonition-title">{}</p></div>').format(
            ctx._("Example data: the progress shown here is example data for demonstration and does not describe real implementation.")))
    doc.html(cards(report.figures, label=ctx._("Summary")))
    if files:
        doc.html(p(Safe(" · ").join(
            link(ctx.href(f"{files_dir}/{name}"), _("Implementation report {period}", lang, period=period) + f" ({fmt.upper()})",
                 lang=lang) for lang, fmt, name in files)))

    statuses = [s for s in REPORT_STATUSES]
    counts = [progress.by_status.get(s, 0) for s in statuses]
    whole = whole_ticks()
    chart = horizontal_bars([term("progress_status", s, ctx.lang) for s in statuses], counts,
                            value_label=ctx._("Number"), tick=whole)
    url = chart_file(ctx, f"progress-{period}", chart, out.files)
    for section in report.sections:
        doc.h(2, section.title, anchor=section.key.replace("_", "-"))
        if section.key == "by_status":
            doc.html(chart_figure(ctx, chart, url, alt=section.title, caption=section.title, data=None))
        rows = [[rowh(_cell(ctx, row[0])), *(_cell(ctx, c) for c in row[1:])] for row in section.rows]
        foot = [_cell(ctx, c) for c in section.foot] if section.foot else None
        head = list(section.head)
        if section.key == "indicators":  # the site links each indicator and adds its status at this period
            statuses = indicator_statuses(model, entries_up_to(model, progress.period))
            head.append(ctx._("Progress status"))
            rows = [[rowh(ctx.indicator_link(iid, row[0].content)), *row[1:], status_badge_of(ctx, statuses[iid].status)]
                    if iid in statuses else row for iid, row in zip(progress.indicators, rows)]
        doc.html(table(head, rows, caption=section.title, numeric=section.numeric, foot=foot))
        if section.key == "indicators":
            doc.html(p(ctx.link("indicators", None, ctx._("All indicators"))))
    return out.add(Page(ctx.routes.path("progress", period), report.title, doc.markdown(), "progress",
                        f"progress:{period}"))
