"""plan/indicators.yaml: definitions, units, baselines and targets ("target 2030 lowered from
250 to 200")."""

from __future__ import annotations

from ...model import Indicator, PlanModel
from .changes import ItemChange, TargetChange
from .fields import Context, Fields, keyed


def _indicator(f: Fields, a: Indicator, b: Indicator) -> None:
    f.claim("id")
    f.texts(a, b, "name", "definition", "unit", "source", "baseline_note")
    f.values(a, b, "direction", "unit_kind")
    f.ids("at most", ("at_most",), a.at_most, b.at_most)
    f.points("baseline", ("baseline",), a.baseline, b.baseline)
    f.points("target", ("targets",), a.targets, b.targets)


def compare_indicators(ctx: Context, mb: PlanModel, mh: PlanModel) -> list[ItemChange]:
    return keyed(ctx, "indicator", mb.indicators, mh.indicators, _indicator, lambda i: ctx.title(i.name))


def target_changes(items: list[ItemChange]) -> list[TargetChange]:
    """The moved targets and baselines, for the summary's lead (registry and measures alike)."""
    out = []
    for item in items:
        for c in item.changes:
            head = c.field.split(" ")[0]
            if item.kind == "indicator" and head in ("target", "baseline"):
                out.append(TargetChange(item.id, c.field, c.before, c.after, c.note, c.pos))
            elif item.kind == "measure" and c.field.startswith(("target of ", "baseline of ")):
                what, _, indicator = c.field.partition(" of ")
                out.append(TargetChange(f"{item.id} / {indicator}", what, c.before, c.after, c.note, c.pos))
    return out
