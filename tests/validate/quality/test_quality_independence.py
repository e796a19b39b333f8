"""validate/quality/independence.py: a body the government cannot instruct leads only as an
invitation or its own commitment (NAP750)."""

from __future__ import annotations

from plan_testing import edit
from quality_testing import append, quality

COURT = "  - id: COURT\n    name: {nb: Domstolen, en: The Court}\n    kind: court\n    independent: true\n"


def test_independent_lead_with_a_government_commitment(valid_plan):
    append(valid_plan / "plan/agencies.yaml", COURT)
    edit(valid_plan / "measures/M-02.yaml", "lead: NGO", "lead: COURT")
    [f] = quality(valid_plan, "NAP750")
    assert f.pos.file == "measures/M-02.yaml" and f.pos.line == 5 and "commitment: invitation" in f.hint


def test_invitation_or_own_commitment_is_clean(valid_plan):
    append(valid_plan / "plan/agencies.yaml", COURT)
    m2 = valid_plan / "measures/M-02.yaml"
    edit(m2, "lead: NGO", "lead: COURT")
    for commitment in ("invitation", "own"):
        m2.write_text(m2.read_text().split("commitment:")[0].rstrip("\n") + f"\ncommitment: {commitment}\n")
        assert quality(valid_plan, "NAP750") == []


def test_a_court_not_marked_independent_is_not_judged(valid_plan):
    append(valid_plan / "plan/agencies.yaml", COURT.replace("    independent: true\n", ""))
    edit(valid_plan / "measures/M-02.yaml", "lead: NGO", "lead: COURT")
    assert quality(valid_plan, "NAP750") == []
