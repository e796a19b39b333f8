"""plan/progress/<period>/*.yaml: what the agencies report per period — status, completion,
money spent, milestones reached, indicator values."""

from __future__ import annotations

from ...model import PlanModel, ProgressEntry
from .changes import ItemChange
from .fields import Context, Fields, keyed


def _entry(f: Fields, a: ProgressEntry, b: ProgressEntry) -> None:
    f.claim("measure")
    f.claim("period")
    f.values(a, b, "status", "reported_by", "date", "example")
    f.number("completion", ("completion",), a.completion, b.completion)
    f.texts(a, b, "done")
    f.claim("spent")
    spent_a, spent_b = {s.year: s.amount for s in a.spent}, {s.year: s.amount for s in b.spent}
    for year in sorted(spent_a.keys() | spent_b.keys()):
        f.number(f"spent {year}", ("spent",), spent_a.get(year), spent_b.get(year))
    f.claim("milestones")
    reached_a, reached_b = {m.id: m.reached for m in a.milestones}, {m.id: m.reached for m in b.milestones}
    for mid in sorted(reached_a.keys() | reached_b.keys()):
        f.value(f"milestone {mid} reached", ("milestones",), reached_a.get(mid), reached_b.get(mid))
    # values are compared here; anything else of an item (its source) is left to generic.py
    actual_a = {(x.indicator, x.year): x for x in a.indicators}
    actual_b = {(x.indicator, x.year): x for x in b.indicators}
    for key in sorted(actual_a.keys() | actual_b.keys()):
        x, y = actual_a.get(key), actual_b.get(key)
        label = f"{key[0]} {key[1]}"
        if x is not None and y is not None:
            sub = f.of(x, y)
            sub.claim("indicator")
            sub.claim("year")
            sub.number(label, ("value",), x.value, y.value)
        else:
            f.ctx.claims.add("head" if y else "base", (y or x).src)
            f.add(label, x.value if x else None, y.value if y else None, ("indicators",), at=y.src if y else None)


def _by_key(model: PlanModel) -> dict[str, ProgressEntry]:
    return {f"{e.period}/{e.measure}": e for e in model.progress}


def compare_progress(ctx: Context, mb: PlanModel, mh: PlanModel) -> list[ItemChange]:
    return keyed(ctx, "progress", _by_key(mb), _by_key(mh), _entry, lambda e: e.status)
