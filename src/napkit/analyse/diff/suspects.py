"""Suspect links, after Doorstop's review stamps: when a recommendation's text changes, each
measure that answers it must be read again; when a measure's title, description or links
change, so must the recommendations it answers."""

from __future__ import annotations

from ...model import PlanModel
from .catalogs import ASK_FIELDS
from .changes import ItemChange, Suspect
from .measures import ANSWER_FIELDS


def _fields(item: ItemChange, prefixes: tuple[str, ...]) -> list[str]:
    return list(dict.fromkeys(c.field for c in item.changes if c.field.startswith(prefixes)))


def suspect_links(items: list[ItemChange], mb: PlanModel, mh: PlanModel) -> list[Suspect]:
    answers: dict[str, list[str]] = {}  # recommendation → measures answering it, in either revision
    for model in (mb, mh):
        for m in model.measures.values():
            for x in m.implements:
                answers.setdefault(x.recommendation, [])
                if m.id not in answers[x.recommendation]:
                    answers[x.recommendation].append(m.id)
    out: list[Suspect] = []
    for item in items:
        if item.state != "changed":
            continue
        if item.kind == "recommendation":
            what = _fields(item, ASK_FIELDS)
            if what:
                pos = next(c.pos for c in item.changes if c.field in what)
                out += [Suspect(item.id, mid, "recommendation", ", ".join(what), pos)
                        for mid in sorted(answers.get(item.id, []))]
        elif item.kind == "measure":
            out += _measure_suspects(item, mb, mh)
    return out


def _measure_suspects(item: ItemChange, mb: PlanModel, mh: PlanModel) -> list[Suspect]:
    """A changed title or description touches every answer of the measure; a changed extent,
    note or link touches only the answer to that recommendation."""
    recs = [x.recommendation for model in (mh, mb) if item.id in model.measures
            for x in model.measures[item.id].implements]
    by_rec: dict[str, list] = {}
    for c in item.changes:
        if not c.field.startswith(ANSWER_FIELDS):
            continue
        if c.field.startswith(("title", "description")):
            targets = recs
        elif " for " in c.field:  # "extent for TIP24-02"
            targets = [c.field.rsplit(" for ", 1)[1]]
        else:  # "now implements" / "no longer implements": "TIP24-02 (full)"
            targets = [(c.after if c.after != "—" else c.before).split(" ")[0]]
        for rid in targets:
            by_rec.setdefault(rid, []).append(c)
    return [Suspect(rid, item.id, "measure", ", ".join(dict.fromkeys(c.field for c in changes)), changes[0].pos)
            for rid, changes in sorted(by_rec.items(), key=lambda kv: recs.index(kv[0]) if kv[0] in recs else 0)]
