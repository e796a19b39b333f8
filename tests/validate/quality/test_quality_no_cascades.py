"""The plan-quality rules do not repeat a schema or parse finding in other words: stand-ins
(model/repair.py) are not judged, and links to what a broken file probably defines are not
called unknown."""

from __future__ import annotations

from plan_testing import edit
from quality_testing import append, quality

from napkit.pipeline import run_folder


def _codes(root):
    return sorted({f.code for f in run_folder(root).findings.items})


def test_bad_commitment_is_not_read_as_government(valid_plan):
    append(valid_plan / "plan/agencies.yaml",
           "  - id: COURT\n    name: {nb: Domstolen, en: The Court}\n    kind: court\n    independent: true\n")
    edit(valid_plan / "measures/M-02.yaml", "lead: NGO", "lead: COURT")
    append(valid_plan / "measures/M-02.yaml", "commitment: invitaton\n")
    codes = _codes(valid_plan)
    assert "NAP104" in codes and "NAP750" not in codes


def test_bad_adoption_date_is_not_a_missing_one(valid_plan):
    edit(valid_plan / "plan/plan.yaml", "adoption: 2026-12-15", "adoption: 15.12.2026")
    codes = _codes(valid_plan)
    assert "NAP722" not in codes and any(c.startswith("NAP1") for c in codes)


def test_link_to_a_measure_that_does_not_parse(valid_plan):
    edit(valid_plan / "measures/M-01.yaml", "status: planned\n", "status: planned\nafter: [M-02]\n")
    (valid_plan / "measures/M-02.yaml").write_text("id: M-02\nobjective: O2\n  title: [\n")
    assert "NAP003" in _codes(valid_plan)
    assert quality(valid_plan, "NAP790") == [] and quality(valid_plan, "NAP723") == []


def test_bad_start_date_is_not_judged(valid_plan):
    edit(valid_plan / "measures/M-01.yaml", "start: 2027-01-01", "start: 2027-13-01")
    edit(valid_plan / "measures/M-01.yaml", "target: {value: 40, year: 2028}", "target: {value: 40, year: 2027}")
    edit(valid_plan / "measures/M-02.yaml", "status: ongoing\n", "status: ongoing\nafter: [M-01]\n")
    assert quality(valid_plan, "NAP720") == [] and quality(valid_plan, "NAP723") == []
