"""The consultation's input arranged for reading: each point beside its respondent, grouped by
what it is about (a measure, a recommendation, an objective, the plan as a whole), and the points
that changed a measure. Shared by the consultation page and the consultation report."""

from __future__ import annotations

import datetime as dt

from ..model import ConsultationPoint, PlanModel, Submission

DECISIONS = ("adopted", "partly", "not-adopted", "noted")

Pair = tuple[Submission, ConsultationPoint]


def closed(model: PlanModel, on: dt.date) -> bool:
    c = model.plan.consultation
    return c is not None and on > c.closes


def points(model: PlanModel) -> list[Pair]:
    return [(s, pt) for s in model.submissions for pt in s.points]


def groups(model: PlanModel) -> list[tuple[str, str, list[Pair]]]:
    """(kind, id, points) per subject: measures, then recommendations, objectives, others (in the
    plan's order), "general" last. kind: measure | recommendation | objective | other | general."""
    by: dict[str, list[Pair]] = {}
    for s, pt in points(model):
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


def input_to(model: PlanModel, measure: str) -> list[Pair]:
    """The points about a measure or that changed it."""
    return [(s, pt) for s, pt in points(model)
            if pt.about == measure or (pt.response is not None and measure in pt.response.changed)]


def tally(model: PlanModel) -> list[tuple[str, int]]:
    """(decision, number of points) in the order of DECISIONS; "" for points without a response."""
    counts: dict[str, int] = {}
    for _s, pt in points(model):
        key = pt.response.decision if pt.response else ""
        counts[key] = counts.get(key, 0) + 1
    order = (*DECISIONS, "")
    return sorted(counts.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else len(order))
