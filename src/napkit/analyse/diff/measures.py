"""measures/*.yaml: each measure field by field, and the start, end and milestone dates that
moved. A measure whose file fails its schema is not in the model: it is listed with its errors
and compared from the file (generic.py), never dropped from the diff."""

from __future__ import annotations

from ...load.yaml_doc import Document
from ...model import Measure, MeasureIndicator, Milestone, Partner, PlanModel, Text
from .changes import ItemChange
from .fields import Context, Fields, keyed, word

# fields of a measure whose change means its answer to a recommendation reads differently
ANSWER_FIELDS = ("title", "description", "now implements", "no longer implements", "extent for", "note for")


def _by_year(m: Measure) -> dict[int, float]:
    out: dict[int, float] = {}
    for line in m.budget:
        out[line.year] = out.get(line.year, 0) + line.amount
    return out


def _partner(f: Fields, agency: str, a: Partner, b: Partner) -> None:
    sub = f.of(a, b)
    sub.claim("agency")
    sub.text(f"role of {agency}", ("role",), a.role, b.role)


def _milestone(f: Fields, mid: str, a: Milestone, b: Milestone) -> None:
    sub = f.of(a, b)
    sub.claim("id")
    sub.value(f"milestone {mid} due", ("due",), a.due, b.due)
    sub.text(f"milestone {mid} deliverable", ("deliverable",), a.deliverable, b.deliverable)


def _indicator(f: Fields, ind: str, a: MeasureIndicator, b: MeasureIndicator) -> None:
    sub = f.of(a, b)
    sub.claim("indicator")
    for what, key, x, y in (("target", "target", a.target, b.target), ("baseline", "baseline", a.baseline, b.baseline)):
        sub.claim(key, "value")
        sub.claim(key, "year")
        old = f"{x.value:g} in {x.year}" if x else None
        new = f"{y.value:g} in {y.year}" if y else None
        if old != new:
            note = "" if x is None or y is None or x.value == y.value else ("raised" if y.value > x.value else "lowered")
            sub.add(f"{what} of {ind}", old, new, (key,), note)


def _target(x: MeasureIndicator) -> str:
    return f"{x.indicator} (target {x.target.value:g} in {x.target.year})"


def _measure(f: Fields, a: Measure, b: Measure) -> None:
    f.claim("id")
    f.texts(a, b, "title", "description")
    f.values(a, b, "objective")
    f.value("lead agency", ("lead",), a.lead, b.lead)
    f.values(a, b, "status", "commitment")
    f.ids("builds on", ("after",), a.after, b.after)
    f.items("partner added", "partner removed", {p.agency: p for p in a.partners}, {p.agency: p for p in b.partners},
            lambda p: p.agency, _partner)
    ia, ib = {x.recommendation: x for x in a.implements}, {x.recommendation: x for x in b.implements}
    f.items("now implements", "no longer implements", ia, ib, lambda x: f"{x.recommendation} ({x.extent})")
    for rid in ia.keys() & ib.keys():
        sub = f.of(ia[rid], ib[rid])
        sub.claim("recommendation")
        sub.value(f"extent for {rid}", ("extent",), ia[rid].extent, ib[rid].extent)
        sub.text(f"note for {rid}", ("note",), ia[rid].note, ib[rid].note)
    f.value("start", ("timeline", "start"), a.timeline.start, b.timeline.start)
    f.value("end", ("timeline", "end"), a.timeline.end, b.timeline.end)
    f.items("milestone {id} added", "milestone {id} removed",
            {m.id: m for m in a.timeline.milestones}, {m.id: m for m in b.timeline.milestones},
            lambda m: f"due {m.due} — {f.ctx.title(m.deliverable)}", _milestone)
    for side, m in (("base", a), ("head", b)):
        for line in m.budget:  # amounts are compared per year; the other fields of a line fall to generic.py
            f.ctx.claims.add(side, line.src, "amount")
            f.ctx.claims.add(side, line.src, "year")
    ba, bb = _by_year(a), _by_year(b)
    for year in sorted(ba.keys() | bb.keys()):
        if ba.get(year, 0) != bb.get(year, 0):
            line = next((x for x in b.budget if x.year == year), None)
            f.add(f"budget {year}", f"{ba.get(year, 0):,.0f}", f"{bb.get(year, 0):,.0f}", ("budget",),
                  "raised" if bb.get(year, 0) > ba.get(year, 0) else "lowered", at=line.src if line else None)
    f.items("indicator {id} added", "indicator {id} removed", {x.indicator: x for x in a.indicators},
            {x.indicator: x for x in b.indicators}, _target, _indicator)


def _ids_in_files(docs: list[Document]) -> dict[str, Document]:
    return {d.data["id"]: d for d in docs
            if d.kind == "measure" and isinstance(d.data, dict) and isinstance(d.data.get("id"), str)}


def compare_measures(ctx: Context, mb: PlanModel, mh: PlanModel, base_docs: list[Document],
                     head_docs: list[Document], errors_in: dict[str, int]) -> list[ItemChange]:
    """Measures in both models are compared field by field. A measure whose file fails the schema
    on either side is compared from its files instead (listed with its errors, never as removed)."""
    files_b, files_h = _ids_in_files(base_docs), _ids_in_files(head_docs)
    sure_b, sure_h = ctx.sure(mb.measures, mh.measures)
    typed_b = {k: v for k, v in sure_b.items() if k in sure_h or k not in files_h}
    typed_h = {k: v for k, v in sure_h.items() if k in sure_b or k not in files_b}
    out = keyed(ctx, "measure", typed_b, typed_h, _measure, lambda m: ctx.title(m.title),
                lambda m: errors_in.get(m.file, 0))
    for mid in sorted((files_b.keys() | files_h.keys()) - typed_b.keys() - typed_h.keys()):
        a, b = files_b.get(mid), files_h.get(mid)
        if a is not None and b is not None and a.data == b.data:
            continue
        doc = b or a
        if a is not None and b is not None:
            state = "changed"
        elif b is not None:
            state = "changed" if b.file in ctx.unparsed_base else "added"
        else:
            state = "changed" if a.file in ctx.unparsed_head else "removed"
        title = doc.data.get("title")
        title = ctx.title(Text.of(title)) if isinstance(title, (str, dict)) else ""
        out.append(ItemChange("measure", mid, title, state, pos=doc.locate(()), errors=errors_in.get(doc.file, 0)))
    return out


def timeline_moves(ctx: Context, mb: PlanModel, mh: PlanModel) -> list[tuple[str, str, str, str]]:
    """(measure, what, before, after) for every start, end or milestone date that moved, and the
    period of each measure added or removed (not for measures whose dates may be stand-ins)."""
    base, head = ctx.sure(mb.measures, mh.measures)
    out = []
    for mid in sorted(base.keys() & head.keys()):
        a, b = base[mid].timeline, head[mid].timeline
        for what, x, y in (("start", a.start, b.start), ("end", a.end, b.end)):
            if x != y:
                out.append((mid, what, word(x), word(y)))
        due = {m.id: m.due for m in a.milestones}
        out += [(mid, f"milestone {m.id}", word(due[m.id]), word(m.due)) for m in b.milestones
                if m.id in due and due[m.id] != m.due]
    for mid in sorted(head.keys() - mb.measures.keys()):
        t = head[mid].timeline
        out.append((mid, "added", "—", f"{word(t.start)} – {word(t.end)}"))
    for mid in sorted(base.keys() - mh.measures.keys()):
        t = base[mid].timeline
        out.append((mid, "removed", f"{word(t.start)} – {word(t.end)}", "—"))
    return out
