"""After the consultation closes: the consultation page (who responded, every point grouped by the
measure, recommendation or objective it is about, each with the government's decision and its
rationale — the reasoned-response table) and, on each measure page, the input it received and
what that input changed.

"Closed" is judged on the day of the build (util/clock.py: NAP_TODAY fixes it)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from ....analyse.consultation import closed, groups, input_to, tally
from ....model import ConsultationPoint, Submission
from ..context import Ctx, anchor_of
from ..escape import Safe, esc, safe_url
from ..html import badge, link, p, rowh, table, ul
from ..tree import Page
from . import Doc, Output
from .common import at


def _respondent(ctx: Ctx, s: Submission) -> Safe:
    name = ctx.text(s.respondent)
    url = safe_url(s.url)
    return link(url, name) if url else esc(name)


def _decision(ctx: Ctx, pt: ConsultationPoint) -> Safe:
    if pt.response is None:
        return esc(ctx._("No response yet"))
    return badge(ctx.term("decision", pt.response.decision), f"decision-{pt.response.decision}")


def _changed(ctx: Ctx, pt: ConsultationPoint) -> Safe:
    ids = pt.response.changed if pt.response else ()
    if not ids:
        return esc("–")
    return Safe(", ").join(ctx.measure_link(i) for i in ids)


def _subject(ctx: Ctx, kind: str, ident: str) -> tuple[str, Safe]:
    """The heading text of a group and a link to its subject."""
    if kind == "measure":
        return f"{ident} {ctx.measure_title(ident)}", ctx.measure_link(ident, with_title=True)
    if kind == "recommendation":
        r = ctx.model.recommendations[ident]
        return f"{ident} {ctx.text(r.summary)}", ctx.link("recommendation", f"{r.source}/{ident}", ident)
    if kind == "objective":
        return f"{ident} {ctx.objective_title(ident)}", ctx.objective_link(ident)
    if kind == "general":
        return ctx._("The plan as a whole"), esc("")
    return ident, esc(ident)


def consultation_page(ctx: Ctx, out: Output, on: dt.date) -> Page | None:
    model = ctx.model
    c = model.plan.consultation
    if not closed(model, on):
        return None
    ctx = at(ctx, ctx.routes.url("consultation"))
    title = ctx._("Public consultation")
    doc = Doc().h(1, title)
    n = len(model.submissions)
    doc.html(p(ctx._("The public consultation on the plan ran from {opens} to {closes}.",
                     opens=ctx.date(c.opens), closes=ctx.date(c.closes))))
    if not n:
        doc.html(p(ctx._("No responses were received.")))
        return out.add(Page(ctx.routes.path("consultation"), title, doc.markdown(), "consultation", "consultation"))
    doc.html(p(ctx._("Respondents who sent input: {n}. Every point they made is listed below with the government's decision and the reasons for it.", n=n)))
    if ctx.consultation_docs:
        from .. import labels

        doc.html(p(ctx._("The consultation report sums up the input and the government's assessment of it:")))
        doc.html(ul([Safe('<a href="{}" hreflang="{}">{} ({}, {})</a>').format(
            ctx.href(d.url), d.lang, ctx._("Consultation report"), labels.language_in(d.lang, ctx.lang), d.fmt.upper())
            for d in ctx.consultation_docs]))
    doc.h(2, ctx._("Respondents"))
    rows = [[rowh(_respondent(ctx, s)), ctx.term("respondent_kind", s.respondent_kind), ctx.date(s.date),
             str(len(s.points))] for s in model.submissions]
    doc.html(table([ctx._("Respondent"), ctx._("Kind"), ctx._("Date"), ctx._("Points")], rows, numeric=(3,),
                   caption=ctx._("Consultation responses")))
    summary = ", ".join(f"{ctx.term('decision', k) if k else ctx._('No response yet')}: {v}"
                        for k, v in tally(model))
    doc.html(p(ctx._("Decisions: {list}.", list=summary)))
    doc.h(2, ctx._("Points and responses"))
    for kind, ident, pts in groups(model):
        heading, subject = _subject(ctx, kind, ident)
        doc.h(3, heading, anchor=anchor_of(ident))
        if kind in ("measure", "recommendation", "objective"):
            doc.html(p(Safe("{} {}").format(ctx._("About:"), subject)))
        rows = [[rowh(_respondent(ctx, s)), ctx.text(pt.summary), _decision(ctx, pt),
                 ctx.text(pt.response.rationale) if pt.response else "–", _changed(ctx, pt)] for s, pt in pts]
        doc.html(table([ctx._("Respondent"), ctx._("Point"), ctx._("Decision"), ctx._("Reasons"), ctx._("Changed")],
                       rows, label=heading))
    return out.add(Page(ctx.routes.path("consultation"), title, doc.markdown(), "consultation", "consultation"))


def measure_input(ctx: Ctx, mid: str) -> str:
    """The section of a measure page on its consultation input (Markdown), or ""."""
    pts = input_to(ctx.model, mid)
    if not pts:
        return ""
    ctx = at(ctx, ctx.routes.url("measure", mid))
    doc = Doc().h(2, ctx._("Input from the public consultation"))
    rows = []
    for s, pt in pts:
        changed = pt.response is not None and mid in pt.response.changed
        about = (ctx._("this measure") if pt.about == mid else ctx._("The plan as a whole") if pt.about == "general"
                 else pt.about)
        rows.append([rowh(_respondent(ctx, s)), ctx.text(pt.summary), about, _decision(ctx, pt),
                     ctx.text(pt.response.rationale) if pt.response else "–",
                     ctx._("Yes") if changed else ctx._("No")])
    doc.html(table([ctx._("Respondent"), ctx._("Point"), ctx._("About"), ctx._("Decision"), ctx._("Reasons"),
                    ctx._("Changed this measure")], rows, label=ctx._("Input from the public consultation")))
    doc.html(p(Safe("{} ").format(ctx._("All the input and the responses:"))
               + ctx.link("consultation", None, ctx._("Public consultation"),
                          anchor=anchor_of(mid) if any(pt.about == mid for _s, pt in pts) else None)))
    return doc.markdown()


def with_results(ctx: Ctx, pages: list[Page], on: dt.date) -> list[Page]:
    """The measure pages, each with its consultation input at the end, once the consultation closed."""
    if not closed(ctx.model, on) or not ctx.model.submissions:
        return pages
    out = []
    for page in pages:
        if page.key.startswith("measure:"):
            extra = measure_input(ctx, page.key.split(":", 1)[1])
            if extra:
                page = dataclasses.replace(page, body=page.body.rstrip("\n") + "\n\n" + extra)
        out.append(page)
    return out
