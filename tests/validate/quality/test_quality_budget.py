"""validate/quality/budget.py: money buys deliverables; the budget matches the declared
policy (NAP730–NAP732)."""

from __future__ import annotations

from plan_testing import edit
from quality_testing import append, quality

PLAN = "plan/plan.yaml"


def _nap730_on(valid_plan):
    edit(valid_plan / PLAN, "quality: {NAP730: off}", "quality: {}")


def test_money_without_any_milestone(valid_plan):
    _nap730_on(valid_plan)
    [f] = quality(valid_plan, "NAP730")
    assert f.message == "M-02 has NOK 5,000,000 in 2027–2028 and it has no milestone"
    assert (f.pos.file, f.pos.line) == ("measures/M-02.yaml", 11)


def test_money_after_the_last_milestone_but_not_between_milestones(valid_plan):
    _nap730_on(valid_plan)
    m2 = valid_plan / "measures/M-02.yaml"
    edit(m2, "timeline: {start: 2027-03-01, end: 2028-12-31}",
         "timeline: {start: 2027-03-01, end: 2028-12-31, milestones: [{id: MS1, due: 2027-06-30, deliverable: Guide}]}")
    [f] = quality(valid_plan, "NAP730")
    assert "in 2028 after its last milestone (2027-06-30)" in f.message
    edit(m2, "due: 2027-06-30", "due: 2028-12-31")  # 2027 pays for work towards the 2028 deliverable
    assert quality(valid_plan, "NAP730") == []


def test_new_money_share_against_the_policy(valid_plan):
    append(valid_plan / PLAN, "budget_policy: {new_money_share_max: 0.1}\n")
    [f] = quality(valid_plan, "NAP731")
    assert f.message.startswith("16.7% of the budget (NOK 1,000,000 of NOK 6,000,000) is new money")
    assert f.pos.file == PLAN
    edit(valid_plan / PLAN, "new_money_share_max: 0.1", "new_money_share_max: 0.5")
    assert quality(valid_plan, "NAP731") == []


def test_chapters_only_when_required(valid_plan):
    assert quality(valid_plan, "NAP732") == []
    append(valid_plan / PLAN, "budget_policy: {require_chapter: true}\n")
    assert {f.pos.file for f in quality(valid_plan, "NAP732")} == {"measures/M-01.yaml", "measures/M-02.yaml"}
    edit(valid_plan / "measures/M-01.yaml", "new_money: true}", "new_money: true, chapter: '440', post: '01'}")
    assert {f.pos.file for f in quality(valid_plan, "NAP732")} == {"measures/M-02.yaml"}
