"""Money: each budget year buys a deliverable; the budget matches what the plan text says
about new money and budget chapters."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Finding, make
from ._base import Context, complete, dated, money


def money_after_deliverables(ctx: Context) -> Iterator[Finding]:
    """NAP730: money in years after the measure's last milestone (or in any year when it has
    none). A year between two deliverables pays for work towards the next one, so it is not
    reported. Years outside the plan or the timeline are NAP304/NAP306, not repeated here."""
    plan = ctx.model.plan
    for m in ctx.model.measures.values():
        if not (dated(m) and complete(m, "timeline.milestones", "budget")):
            continue  # a dropped milestone or budget line could change the answer
        last = max((ms.due for ms in m.timeline.milestones), default=None)
        late: dict[int, float] = {}
        first_line = None
        for line in m.budget:
            if (line.amount > 0 and line.year in plan.years and m.timeline.start.year <= line.year <= m.timeline.end.year
                    and (last is None or line.year > last.year)):
                late[line.year] = late.get(line.year, 0) + line.amount
                first_line = first_line or line
        if first_line is None:
            continue
        years = sorted(late)
        span = f"{years[0]}" if len(years) == 1 else f"{years[0]}–{years[-1]}" if years == list(
            range(years[0], years[-1] + 1)) else ", ".join(map(str, years))
        after = f"after its last milestone ({last})" if last else "and it has no milestone"
        yield make("NAP730", first_line.src.at("year").pos(),
                   f"{m.id} has {money(sum(late.values()), plan.currency)} in {span} {after}; add a deliverable "
                   "for what that money buys, or move the money")


def new_money_share(ctx: Context) -> Iterator[Finding]:
    """NAP731: plan period only, like the budget tables."""
    plan = ctx.model.plan
    limit = plan.budget_policy.new_money_share_max
    if limit is None or not plan.judged("budget_policy") or not all(
            complete(m, "budget") for m in ctx.model.measures.values()):
        return  # a budget line left out for a schema error would change the share
    total = new = 0.0
    for m in ctx.model.measures.values():
        for line in m.budget:
            if line.year in plan.years:
                total += line.amount
                new += line.amount if line.new_money else 0
    if total and new / total > limit + 1e-9:
        yield make("NAP731", plan.src.at("budget_policy", "new_money_share_max").pos(),
                   f"{new / total:.1%} of the budget ({money(new, plan.currency)} of {money(total, plan.currency)}) "
                   f"is new money, more than the {limit:.0%} budget_policy declares; reclassify the lines that are "
                   "within existing budgets, or change the budget text and the policy")


def chapters(ctx: Context) -> Iterator[Finding]:
    """NAP732: only when the plan declares budget_policy.require_chapter."""
    if not ctx.model.plan.budget_policy.require_chapter or not ctx.model.plan.judged("budget_policy"):
        return
    for m in ctx.model.measures.values():
        for line in m.budget:
            if not line.chapter:
                yield make("NAP732", line.src.pos(),
                           f"{m.id}'s {line.year} budget line names no chapter; add `chapter` (and `post`) of the "
                           "state budget it is funded from")


RULES = (money_after_deliverables, new_money_share, chapters)
