"""plan/plan.yaml: the plan's own texts and settings, its objectives, funding sources and
reporting periods."""

from __future__ import annotations

from ...model import FundingSource, Objective, Plan, PlanModel
from .changes import ItemChange
from .fields import Context, Fields, keyed


def _plan_fields(f: Fields, a: Plan, b: Plan) -> None:
    f.texts(a, b, "title", "subtitle", "country", "introduction", "budget_note")
    f.values(a, b, "version", "date", "adoption", "languages", "currency", "responsible")
    f.value("period", ("period",), f"{a.start_year}–{a.end_year}", f"{b.start_year}–{b.end_year}")
    f.ids("reporting period", ("reporting_periods",), a.reporting_periods, b.reporting_periods)


def _objective(f: Fields, a: Objective, b: Objective) -> None:
    f.claim("id")
    f.texts(a, b, "title", "description")
    f.values(a, b, "pillar")


def _funding(f: Fields, a: FundingSource, b: FundingSource) -> None:
    f.claim("id")
    f.texts(a, b, "name", "description")


def compare_plan(ctx: Context, mb: PlanModel, mh: PlanModel) -> list[ItemChange]:
    a, b = mb.plan, mh.plan
    f = Fields(ctx, a.src, b.src)
    _plan_fields(f, a, b)
    out = []
    periods = [c for c in f.changes if c.field.startswith("reporting period")]
    rest = [c for c in f.changes if c not in periods]
    if rest:
        out.append(ItemChange("plan", b.id, ctx.title(b.title), "changed", tuple(rest), b.src.pos()))
    out += [ItemChange("reporting_period", c.after if c.after != "—" else c.before, "",
                       "added" if c.after != "—" else "removed", (), c.pos) for c in periods]
    out += keyed(ctx, "objective", mb.objectives, mh.objectives, _objective, lambda o: ctx.title(o.title))
    out += keyed(ctx, "funding_source", {x.id: x for x in a.funding_sources}, {x.id: x for x in b.funding_sources},
                 _funding, lambda x: ctx.title(x.name))
    return out
