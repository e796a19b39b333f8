"""validate/quality/links.py and the plan.yaml `quality` switches: unknown ids in same_as,
after and at_most (NAP790), unknown codes (NAP791), off / another severity, --strict."""

from __future__ import annotations

from plan_testing import edit, nap
from quality_testing import append, quality

from napkit.findings import Severity
from napkit.pipeline import run_folder

PLAN = "plan/plan.yaml"


def test_unknown_and_self_links(valid_plan):
    edit(valid_plan / "measures/M-01.yaml", "status: planned\n", "status: planned\nafter: [M-99, M-01]\n")
    edit(valid_plan / "plan/recommendations/src.yaml", "    theme: national-action-plan\n",
         "    theme: national-action-plan\n    same_as: [SRC-99]\n")
    append(valid_plan / "plan/indicators.yaml", "    at_most: [IND-NOPE]\n")
    messages = sorted(f.message for f in quality(valid_plan, "NAP790"))
    assert messages == ["M-01 lists itself in after", "unknown indicator 'IND-NOPE' in at_most",
                        "unknown measure 'M-99' in after",
                        "unknown recommendation 'SRC-99' in same_as (did you mean 'SRC-03'?)"]
    assert all(f.severity == Severity.ERROR for f in quality(valid_plan, "NAP790"))


def test_unknown_quality_code(valid_plan):
    edit(valid_plan / PLAN, "quality: {NAP730: off}", "quality: {NAP730: off, NAP777: off}")
    [f] = quality(valid_plan, "NAP791")
    assert f.pos.file == PLAN and "NAP777" in f.message


def test_schema_only_accepts_plan_quality_codes(valid_plan):
    edit(valid_plan / PLAN, "quality: {NAP730: off}", "quality: {NAP501: off}")
    codes = {f.code for f in run_folder(valid_plan).findings.items}
    assert "NAP104" in codes or "NAP105" in codes or "NAP102" in codes


def test_switch_to_another_severity_and_strict(valid_plan):
    edit(valid_plan / PLAN, "quality: {NAP730: off}", "quality: {NAP730: info}")
    [f] = quality(valid_plan, "NAP730")
    assert f.severity == Severity.INFO
    assert nap("check", "--strict", root=valid_plan).exit_code == 0  # info never fails
    edit(valid_plan / PLAN, "quality: {NAP730: info}", "quality: {}")
    assert quality(valid_plan, "NAP730")[0].severity == Severity.WARNING
    assert nap("check", root=valid_plan).exit_code == 0
    assert nap("check", "--strict", root=valid_plan).exit_code == 1
    edit(valid_plan / PLAN, "quality: {}", "quality: {NAP730: error}")
    assert nap("check", root=valid_plan).exit_code == 1


def test_text_report_shows_the_fix_as_hint(valid_plan):
    edit(valid_plan / PLAN, "quality: {NAP730: off}", "quality: {}")
    out = nap("check", root=valid_plan).stdout
    assert "warning NAP730 M-02 has NOK 5,000,000 in 2027–2028 and it has no milestone\n" \
           "    hint: add a deliverable for what that money buys, or move the money\n" in out


def test_a_new_plan_from_nap_init_is_clean_under_every_rule(tmp_path):
    for years in ((), ("--start", "2027", "--end", "2027"), ("--start", "2030", "--end", "2040")):
        root = tmp_path / f"plan{len(years)}{years[-1] if years else ''}"
        assert nap("init", str(root), "--title", "A plan", *years).exit_code == 0
        result = nap("check", "--strict", root=root)
        assert result.exit_code == 0 and "no findings" in result.stdout, result.stdout
