"""The consultation report (høringsnotat) as a pandoc document per language, in the house style
of the plan documents (the same reference DOCX and Typst template): how the consultation ran,
who responded, every point with the government's decision and its reasons, grouped by what it is
about, and the measures the consultation changed. From the same data as the consultation page."""

from __future__ import annotations

from ...analyse.consultation import groups, points, tally
from ...model import PlanModel
from . import ast as A
from .compose import _Words, document_meta  # the plan documents' words (dates, terms, agencies)


def _subject(model: PlanModel, w: _Words, kind: str, ident: str) -> str:
    if kind == "measure":
        return f"{ident} {w.t(model.measures[ident].title)}"
    if kind == "recommendation":
        return f"{ident} {w.t(model.recommendations[ident].summary)}"
    if kind == "objective":
        return f"{ident} {w.t(model.objectives[ident].title)}"
    if kind == "general":
        return w._("The plan as a whole")
    return ident


def consultation_stem(model: PlanModel, lang: str) -> str:
    return f"{model.plan.id}-consultation-{lang}"


def compose_consultation(model: PlanModel, lang: str) -> dict:
    w = _Words(model, lang)
    plan, c = model.plan, model.plan.consultation
    n = len(model.submissions)
    blocks: list = [A.header(1, w._("The consultation"), "consultation")]
    if c is not None:
        blocks.append(A.para(w._("The public consultation on the plan ran from {opens} to {closes}.",
                                 opens=w.date(c.opens), closes=w.date(c.closes))))
    blocks.append(A.para(w._("Respondents who sent input: {n}. Every point they made is listed below with the government's decision and the reasons for it.", n=n)))
    rows = [[w.t(s.respondent), w.term("respondent_kind", s.respondent_kind), w.date(s.date) if s.date else "",
             str(len(s.points))] for s in model.submissions]
    blocks.append(A.header(2, w._("Respondents"), "respondents"))
    blocks.append(A.table([w._("Respondent"), w._("Kind"), w._("Date"), w._("Points")], rows,
                          widths=[0.45, 0.25, 0.18, 0.12], numeric=[3]))
    blocks.append(A.header(2, w._("Decisions"), "decisions"))
    blocks.append(A.table([w._("Decision"), w._("Points")],
                          [[w.term("decision", k) if k else w._("No response yet"), str(v)] for k, v in tally(model)],
                          widths=[0.7, 0.3], numeric=[1]))

    blocks.append(A.header(1, w._("Points and responses"), "points"))
    for kind, ident, pts in groups(model):
        blocks.append(A.header(2, _subject(model, w, kind, ident), f"about-{ident.lower()}"))
        rows = []
        for s, pt in pts:
            r = pt.response
            rows.append([w.t(s.respondent), w.t(pt.summary),
                         w.term("decision", r.decision) if r else w._("No response yet"),
                         w.t(r.rationale) if r else "–", ", ".join(r.changed) if r and r.changed else "–"])
        blocks.append(A.table([w._("Respondent"), w._("Point"), w._("Decision"), w._("Reasons"), w._("Changed")],
                              rows, widths=[0.18, 0.27, 0.13, 0.32, 0.10]))

    changed: dict[str, list] = {}
    for s, pt in points(model):
        for mid in pt.response.changed if pt.response else ():
            changed.setdefault(mid, []).append((s, pt))
    if changed:
        blocks.append(A.header(1, w._("Measures changed after the consultation"), "changed"))
        items = []
        for mid in [m for m in model.measures if m in changed]:
            who = "; ".join(f"{w.t(s.respondent)}: {w.t(pt.summary)}" for s, pt in changed[mid])
            items.append([A.para([A.strong(f"{mid} {w.t(model.measures[mid].title)}")]), A.para(who)])
        blocks.append(A.bullets(items))

    dated = max((s.date for s in model.submissions if s.date), default=None)
    if model.plan.versions and model.plan.versions[-1].date:
        dated = model.plan.versions[-1].date
    return A.document(document_meta(model, w, lang, title=w._("Consultation report"), subtitle=w.t(plan.title),
                                    date=w.date(dated) if dated else "",
                                    description=w._("Consultation report")), blocks)
