"""After the consultation closes: the consultation page (who responded, every point grouped by the
measure, recommendation or objective it is about, each with the government's decision and its
rationale — the reasoned-response table) and, on each measure page, the input it received and
what that input changed.

"Closed" is judged on the day of the build (util/clock.py: NAP_TODAY fixes it)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from ....model import ConsultationPoint, PlanModel, Submission
from ..context import Ctx, anchor_of
from ..escape import Safe, esc, safe_url
from ..html import badge, link, p, rowh, table
from ..tree import Page
from . import Doc, Output
from .common import at


def closed(model: PlanModel, on: dt.date) -> bool:
    c = model.plan.consultation
    return c is not None and on > c.closes


def _points(model: PlanModel) -> list[tuple[Submission, ConsultationPoint]]:
    return [(s, pt) for s in model.submissions for pt in s.points]


def groups(model: PlanModel) -> list[tuple[str, str, list[tuple[Submission, ConsultationPoint]]]]:
    """(kind, id, points) per subject: measures, then recommendations, objectives, others (in the
    plan's order), "general" last."""
    by: dict[str, list] = {}
    for s, pt in _points(model):
        by.setdefault(pt.about, []).append((s, pt))
    out = []
    for kind, ids in (("measure", model.measures), ("recommendation", model.recommendations),
                      ("objective", model.objectives)):
        out += [(kind, i, by.pop(i)) for i in ids if i in by]
    general = by.pop("general", None)
    out += [("other", i, pts) for i, pts in sorted(by.items())]
    if general:
        out.append(("general", "general", general))
    return out


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
    doc.html(p(ctx.ngettext("{n} respondent sent input. Every point they made is listed below with the "
                            "government's decision and the reasons for it.",
                            "{n} respondents sent input. Every point they made is listed below with the "
                            "government's decision and the reasons for it.", n)))
    doc.h(2, ctx._("Respondents"))
    rows = [[rowh(_respondent(ctx, s)), ctx.term("respondent_kind", s.respondent_kind), ctx.date(s.date),
             str(len(s.points))] for s in model.submissions]
    doc.html(table([ctx._("Respondent"), ctx._("Kind"), ctx._("Date"), ctx._("Points")], rows, numeric=(3,),
                   caption=ctx._("Consultation responses")))
    counts: dict[str, int] = {}
    for _s, pt in _points(model):
        key = pt.response.decision if pt.response else ""
        counts[key] = counts.get(key, 0) + 1
    order = ("adopted", "partly", "not-adopted", "noted", "")
    tally = ", ".join(f"{ctx.term('decision', k) if k else ctx._('No response yet')}: {counts[k]}"
                      for k in sorted(counts, key=lambda k: order.index(k) if k in order else len(order)))
    doc.html(p(ctx._("Decisions: {list}.", list=tally)))
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
    pts = [(s, pt) for s, pt in _points(ctx.model)
           if pt.about == mid or (pt.response is not None and mid in pt.response.changed)]
    if not pts:
        return ""
    ctx = at(ctx, ctx.routes.url("measure", mid))
    doc = Doc().h(2, ctx._("Input from the public consultation"))
    rows = []
    for s, pt in pts:
        changed = pt.response is not None and mid in pt.response.changed
        about = ctx._("this measure") if pt.about == mid else pt.about
        rows.append([rowh(_respondent(ctx, s)), ctx.text(pt.summary), about, _decision(ctx, pt),
                     ctx.text(pt.response.rationale) if pt.response else "–",
                     ctx._("Yes") if changed else ctx._("No")])
    doc.html(table([ctx._("Respondent"), ctx._("Point"), ctx._("About"), ctx._("Decision"), ctx._("Reasons"),
                    ctx._("Changed this measure")], rows, label=ctx._("Input from the public consultation")))
    doc.html(p(Safe("{} ").format(ctx._("All the input and the responses:"))
               + ctx.link("consultation", None, ctx._("Public consultation"))))
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
