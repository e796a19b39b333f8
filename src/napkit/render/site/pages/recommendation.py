"""A page per recommendation, at a stable address a monitor can cite
(/anbefalinger/<source>/<recommendation>/): where it stands in its source, the quote, our summary,
the government's response and why, the measures that answer it (with extent and their latest
progress) and the recommendations related to it or making the same ask."""

from __future__ import annotations

from ....model import ProgressEntry, Recommendation
from ...progress_report import word
from ..context import Ctx
from ..escape import Safe, esc
from ..html import Cell, facts, p, rowh, table, ul
from ..tree import Page
from . import Doc, Output
from .common import at, coverage_badge, response_badge


def label_or(ctx: Ctx, key: str, fallback: str) -> str:
    """An interface word, or the raw value when napkit has no word for it yet."""
    try:
        return ctx.t(key)
    except KeyError:
        return fallback.replace("_", " ").replace("-", " ")


def reference_of(ctx: Ctx, rec: Recommendation) -> str:
    ref = rec.reference
    if rec.page is not None:
        ref = (ref + ", " if ref else "") + f"{ctx.t('page')} {rec.page}"
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
                   same: dict[str, list[str]]) -> Page:
    model = ctx.model
    ctx = at(ctx, ctx.routes.url("recommendation", f"{rec.source}/{rec.id}"))
    rc = ctx.analysis.coverage.by_recommendation[rec.id]
    summary = ctx.text(rec.summary)
    title = f"{rec.id} {summary}".strip()
    doc = Doc().h(1, title)
    doc.html(p(esc(ctx.t("recommendation_in") + " ") + ctx.link("source", rec.source, ctx.source_title(rec.source)),
               "nap-kicker"))
    doc.html(facts([
        (ctx.t("source"), ctx.link("source", rec.source, ctx.source_title(rec.source))),
        (ctx.t("reference"), reference_of(ctx, rec)),
        (ctx.t("pillar"), ctx.t(f"pillar.{rec.pillar}")),
        (ctx.t("theme"), rec.theme.replace("-", " ") if rec.theme else ""),
        (ctx.t("strength"), label_or(ctx, f"strength.{rec.strength}", rec.strength) if rec.strength else ""),
        (ctx.t("response"), response_badge(ctx, rec.response.status)),
        (ctx.t("coverage_state"), coverage_badge(ctx, rc.status)),
    ], label=rec.id))

    if rec.quote:
        doc.h(2, ctx.t("quote"))
        doc.html(Safe('<blockquote class="nap-quote"><p>{}</p></blockquote>').format(rec.quote))
    doc.h(2, ctx.t("our_summary"))
    doc.html(p(summary or "–"))

    doc.h(2, ctx.t("government_response"))
    doc.html(p(response_badge(ctx, rec.response.status)))
    if rec.response.justification:
        doc.prose(ctx.prose(rec.response.justification))

    doc.h(2, ctx.t("answered_by"))
    if rc.answers:
        rows = []
        notes = {(m.id, imp.recommendation): imp.note for m in model.measures.values() for imp in m.implements
                 if imp.recommendation == rec.id}
        for a in rc.answers:
            e = latest.get(a.measure)
            if e is not None:
                done = ctx.link("progress", e.period, e.period) + esc(": " + word("s." + e.status, ctx.lang))
                if e.completion is not None:
                    done += esc(f", {e.completion}\u00a0%")
            else:
                done = esc(ctx.t("no_progress_yet"))
            note = notes.get((a.measure, rec.id))
            rows.append([rowh(ctx.measure_link(a.measure, with_title=True)), ctx.t(f"extent.{a.extent}"),
                         ctx.esc(note) if note else "–", Cell(done)])
        doc.html(table([ctx.t("measure"), ctx.t("extent"), ctx.t("measure_note"), ctx.t("latest_progress")], rows,
                       caption=ctx.t("answered_by")))
    else:
        doc.html(p(ctx.t("no_measure_for_rec") if rec.response.status != "noted" else ctx.t("noted_no_measure")))

    related = [r for r in rec.related if r != rec.id]
    asks = [r for r in same.get(rec.id, []) if r != rec.id]
    if asks:
        doc.h(2, ctx.t("same_ask"))
        doc.html(ul(_rec_item(ctx, r) for r in asks))
    if related:
        doc.h(2, ctx.t("related"))
        doc.html(ul(_rec_item(ctx, r) for r in related))
    return out.add(Page(ctx.routes.path("recommendation", f"{rec.source}/{rec.id}"), title, doc.markdown(),
                        "recommendation", f"recommendation:{rec.id}", description=summary))


def recommendation_pages(ctx: Ctx, out: Output) -> None:
    latest = latest_entries(ctx)
    same = same_ask(ctx)
    for rec in ctx.model.recommendations.values():
        recommendation(ctx, out, rec, latest, same)
