"""report/markdown.py: `nap check --format markdown`, the review list — grouped by kind, one
item per finding with its subject, position and fix; plan text cannot inject markup."""

from __future__ import annotations

from plan_testing import edit, nap

from napkit.findings import Finding, Pos, Severity
from napkit.report.markdown import report_markdown


def test_clean_plan(valid_plan):
    result = nap("check", "--strict", "--format", "markdown", root=valid_plan)
    assert result.exit_code == 0
    assert result.stdout.startswith("# Plan review\n\nNo findings in 8 files.")


def test_grouped_by_kind_with_subject_position_and_fix(valid_plan):
    edit(valid_plan / "plan/plan.yaml", "quality: {NAP730: off}", "quality: {}")
    edit(valid_plan / "plan/plan.yaml", "adoption: 2026-12-15", "adoption: 2027-07-01")
    result = nap("check", "--format", "markdown", root=valid_plan)
    assert result.exit_code == 0  # warnings only
    out = result.stdout
    assert "2 warnings in 8 files" in out
    assert "- Timing and dependencies: 1\n- Budget: 1\n" in out
    assert out.index("## Timing and dependencies") < out.index("## Budget")
    assert "### NAP730 budget year without a deliverable (1)" in out
    assert ("- [ ] **M-02** — `measures/M-02.yaml:11:12` (warning): M-02 has NOK 5,000,000 in 2027–2028 and it "
            "has no milestone  \n  **Fix:** add a deliverable for what that money buys, or move the money") in out
    assert "- [ ] **M-01** — `measures/M-01.yaml:20:12` (warning): M-01 MS1 is due 2027-06-30" in out


def test_plan_text_is_escaped():
    f = Finding("NAP740", Severity.WARNING, Pos("measures/M-9`x.yaml", 3, 1),
                "M-9 looks like <img src=x onerror=alert(1)> [a](https://evil.example) **bold**\nline",
                "merge | them")
    out = report_markdown([f], 1)
    assert "<img" not in out and "](https" not in out and "**bold**" not in out
    assert "&lt;img" in out and "\nline" not in out
    assert "`measures/M-9x.yaml:3:1`" in out  # no backtick breaks out of the code span
    assert "merge &#124; them" in out


def test_subject_from_message_when_not_a_measure_file():
    f = Finding("NAP714", Severity.WARNING, Pos("plan/indicators.yaml", 2, 9), "IND-CASES has no baseline", "add one")
    assert "**IND-CASES** — `plan/indicators.yaml:2:9`" in report_markdown([f])
    g = Finding("NAP722", Severity.WARNING, Pos("plan/plan.yaml", 2, 1), "plan.yaml has no adoption date")
    assert "- [ ] `plan/plan.yaml:2:1`" in report_markdown([g])
