"""The `nap` command line: exit codes, formats, all findings in one run, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys

from plan_testing import nap


def test_valid_plan_is_clean(valid_plan):
    result = nap("check", "--strict", root=valid_plan)
    assert result.exit_code == 0, result.output
    assert "no findings" in result.stdout


def test_broken_plan_reports_every_finding_at_once(valid_plan):
    m1 = valid_plan / "measures" / "M-01.yaml"
    m1.write_text(m1.read_text().replace("lead: MIN", "lead: KRIPOSS").replace("year: 2027, amount", "year: 2031, amount"))
    m2 = valid_plan / "measures" / "M-02.yaml"
    m2.write_text(m2.read_text().replace("recommendation: SRC-02", "recommendation: SRC-09"))
    (valid_plan / "measures" / "M-03.yaml").write_text("id: M-03\nobjective: O1\n  title: [\n")
    (valid_plan / "measures" / "M-04.yaml").write_text("id: M-04\nid: M-04\n")
    result = nap("check", "--format", "json", root=valid_plan)
    assert result.exit_code == 1
    codes = sorted(f["code"] for f in json.loads(result.stdout)["findings"])
    assert codes == ["NAP003", "NAP004", "NAP204", "NAP206", "NAP304", "NAP501"], codes


def test_text_format_has_file_line_col_severity_code(valid_plan):
    m1 = valid_plan / "measures" / "M-01.yaml"
    m1.write_text(m1.read_text().replace("lead: MIN", "lead: MINN"))
    out = nap("check", root=valid_plan).stdout
    assert "measures/M-01.yaml:8:7: error NAP204 unknown agency 'MINN' (did you mean 'MIN'?)" in out


def test_github_format_is_workflow_commands(valid_plan):
    m1 = valid_plan / "measures" / "M-01.yaml"
    m1.write_text(m1.read_text().replace("lead: MIN", "lead: MINN"))
    out = nap("check", "--format", "github", root=valid_plan).stdout
    assert "::error file=measures/M-01.yaml,line=8,col=7,title=NAP204 unknown agency::unknown agency 'MINN'" in out


def test_github_escaping():
    from napkit.findings import Pos, make
    from napkit.report.github import format_finding

    line = format_finding(make("NAP204", Pos("a,b:c.yaml", 1, 2), "50% done\nnext"))
    assert line == "::error file=a%2Cb%3Ac.yaml,line=1,col=2,title=NAP204 unknown agency::50%25 done%0Anext"


def test_strict_turns_warnings_into_errors(valid_plan):
    m1 = valid_plan / "measures" / "M-01.yaml"
    m1.write_text(m1.read_text().replace("en: Draft the action plan}", "}").replace(", }", "}"))
    assert nap("check", root=valid_plan).exit_code == 0
    assert nap("check", "--strict", root=valid_plan).exit_code == 1


def test_not_a_plan_is_a_usage_error(tmp_path):
    result = nap("check", root=tmp_path)
    assert result.exit_code == 2
    assert "no plan/plan.yaml" in result.stderr


def test_unknown_option_is_a_usage_error(valid_plan):
    assert nap("check", "--bogus", root=valid_plan).exit_code == 2


def test_coverage_lists_recommendations_and_gaps(valid_plan):
    result = nap("coverage", root=valid_plan)
    assert result.exit_code == 0
    assert "SRC-02" in result.stdout and "PARTIAL" in result.stdout
    m1 = valid_plan / "measures" / "M-01.yaml"
    m1.write_text(m1.read_text().replace("recommendation: SRC-01", "recommendation: SRC-02"))
    gaps = nap("coverage", "--gaps", "--format", "json", root=valid_plan)
    assert gaps.exit_code == 1
    assert [r["id"] for r in json.loads(gaps.stdout)["recommendations"] if r["status"] == "uncovered"] == ["SRC-01"]


def test_console_script_runs_without_traceback(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "napkit", "--root", str(tmp_path), "check"], capture_output=True,
                          text=True)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
