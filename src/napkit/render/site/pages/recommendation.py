"""A page per recommendation, at a stable address a monitor can cite
(/anbefalinger/<source>/<recommendation>/): where it stands in its source, the quote, our summary,
the government's response and why, the measures that answer it (with extent and their latest
progress) and the recommendations related to it or making the same ask."""

from __future__ import annotations

from ....model import ProgressEntry, Recommendation, Text
from ...i18n import has_term
from ..context import Ctx
from ..escape import Safe, esc
from ..html import Cell, facts, p, rowh, table, ul
from ..tree import Page
from . import Doc, Output
from .common import at, coverage_badge, response_badge


def label_or(ctx: Ctx, group: str, value: str) -> str:
    """An interface word, or the raw value when napkit has no word for it yet."""
    if has_term(group, value):
        return ctx.term(group, value)
    return value.replace("_", " ").replace("-", " ")


def reference_of(ctx: Ctx, rec: Recommendation) -> str:
    ref = rec.reference
    if rec.page is not None:
        ref = (ref + ", " if ref else "") + ctx._("page") + f" {rec.page}"
    return ref


def latest_entries(ctx: Ctx) -> dict[str, ProgressEntry]:
    """Each measure's latest progress entry (by the plan's reporting periods)."""
    order = {period: i for i, period in enumerate(ctx.model.plan.reporting_periods)}
    latest: dict[str, ProgressEntry] = {}
    for e in ctx.model.progress:
        held = latest.get(e.measure)
        if held is None or order.get(e.period, len(order)) >= order.get(held.period, len(order)):
            latest[e.measure] = e
    return latest


def same_ask(ctx: Ctx) -> dict[str, list[str]]:
    """Recommendation → the ones that make the same ask, both ways (same_as is symmetric in meaning)."""
    out: dict[str, list[str]] = {}
    for r in ctx.model.recommendations.values():
        for other in r.same_as:
            out.setdefault(r.id, []).append(other)
            out.setdefault(other, []).append(r.id)
    return {k: list(dict.fromkeys(v)) for k, v in out.items()}


def _rec_item(ctx: Ctx, ident: str) -> Safe:
    rec = ctx.model.recommendations.get(ident)
    if rec is None:
        return esc(ident)
    return ctx.recommendation_link(ident) + esc(f" ({ctx.source_title(rec.source)}): {ctx.text(rec.summary)}")


def recommendation(ctx: Ctx, out: Output, rec: Recommendation, latest: dict[str, ProgressEntry],
                   same: dict[str, list[str]], notes: dict[tuple[str, str], Text]) -> Page:
    ctx = at(ctx, ctx.routes.url("recommendation", f"{rec.source}/{rec.id}"))
    rc = ctx.analysis.coverage.by_recommendation[rec.id]
    summary = ctx.text(rec.summary)
    title = f"{rec.id} {summary}".strip()
    doc = Doc().h(1, title)
    doc.html(p(esc(ctx._("Recommendation in") + " ") + ctx.link("source", rec.source, ctx.source_title(rec.source)),
               "nap-kicker"))
    doc.html(facts([
        (ctx._("Source"), ctx.link("source", rec.source, ctx.source_title(rec.source))),
        (ctx._("Reference"), reference_of(ctx, rec)),
        (ctx._("Pillar"), ctx.term("pillar", rec.pillar)),
        (ctx._("Theme"), ctx.theme(rec.theme)),
        (ctx._('Strength'), label_or(ctx, "strength", rec.strength) if rec.strength else ""),
        (ctx._("Government response"), response_badge(ctx, rec.response.status)),
        (ctx._("Coverage"), coverage_badge(ctx, rc.status)),
    ], label=rec.id))

    if rec.quote:
        doc.h(2, ctx._("Quotation"))
        quote_lang = next((s.language for s in ctx.model.sources if s.id == rec.source), ctx.lang)
        mark = Safe(' lang="{}"').format(quote_lang) if quote_lang != ctx.lang else Safe("")
        doc.html(Safe('<blockquote class="nap-quote"{}><p>{}</p></blockquote>').format(mark, rec.quote))
    doc.h(2, ctx._("Our summary"))
    doc.html(p(summary or "–"))

    doc.h(2, ctx._("The government's response"))
    doc.html(p(response_badge(ctx, rec.response.status)))
    if rec.response.justification:
        doc.prose(ctx.prose(rec.response.justification))

    doc.h(2, ctx._("Answered by"))
    if rc.answers:
        rows = []
        for a in rc.answers:
            e = latest.get(a.measure)
            if e is not None:
                done = ctx.link("progress", e.period, e.period) + esc(": " + ctx.term("progress_status", e.status))
                if e.completion is not None:
                    done += esc(f", {e.completion}\u00a0%")
            else:
                done = esc(ctx._("Not reported yet"))
            note = notes.get((a.measure, rec.id))
            rows.append([rowh(ctx.measure_link(a.measure, with_title=True)), ctx.term("extent", a.extent),
                         ctx.esc(note) if note else "–", Cell(done)])
        doc.html(table([ctx._("Measure"), ctx._("Extent"), ctx._("Note"), ctx._("Latest progress")], rows,
                       caption=ctx._("Answered by")))
    else:
        doc.html(p(ctx._("No measure answers the recommendation yet.") if rec.response.status != "noted" else ctx._("The government has noted the recommendation; it does not call for a measure in the plan.")))

    related = [r for r in rec.related if r != rec.id]
    asks = [r for r in same.get(rec.id, []) if r != rec.id]
    if asks:
        doc.h(2, ctx._("The same ask elsewhere"))
        doc.html(ul(_rec_item(ctx, r) for r in asks))
    if related:
        doc.h(2, ctx._("Related recommendations"))
        doc.html(ul(_rec_item(ctx, r) for r in related))
    return out.add(Page(ctx.routes.path("recommendation", f"{rec.source}/{rec.id}"), title, doc.markdown(),
                        "recommendation", f"recommendation:{rec.id}", description=summary))


def recommendation_pages(ctx: Ctx, out: Output) -> None:
    latest = latest_entries(ctx)
    same = same_ask(ctx)
    notes = {(m.id, imp.recommendation): imp.note for m in ctx.model.measures.values() for imp in m.implements}
    for rec in ctx.model.recommendations.values():
        recommendation(ctx, out, rec, latest, same, notes)
