"""All findings at once, no cascades: a schema error does not hide the other findings of its file,
and a file that cannot be read or parsed gives one finding, not a trail of derived 'unknown X'."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from plan_testing import FIXTURES, nap


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    root = tmp_path / "plan"
    shutil.copytree(FIXTURES / "valid_plan", root)
    return root


def findings(root: Path, *args: str) -> list[dict]:
    result = nap("check", "--format", "json", *args, root=root)
    assert "Traceback" not in result.output
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)["findings"]


def codes(found: list[dict], file: str | None = None) -> list[str]:
    return sorted(f["code"] for f in found if file is None or f["file"] == file)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))


def test_a_schema_error_does_not_hide_the_other_findings_of_its_file(plan: Path):
    m = plan / "measures/M-01.yaml"
    edit(m, "status: planned", "status: planed")              # schema: value not allowed
    edit(m, "lead: MIN", "lead: MINN")                        # unknown agency
    edit(m, "objective: O1", "objective: O9")                 # unknown objective
    edit(m, "{year: 2027, amount: 1000000", "{year: 2035, amount: 1000000")  # outside the period
    found = findings(plan)
    assert codes(found, "measures/M-01.yaml") == ["NAP104", "NAP204", "NAP205", "NAP304"]


def test_three_independent_errors_in_one_measure_are_three_findings(plan: Path):
    m = plan / "measures/M-01.yaml"
    edit(m, "extent: full", "extent: ful")                    # schema error inside a list item
    edit(m, "agency: POL", "agency: POLL")                    # unknown partner
    edit(m, "due: 2027-06-30", "due: 2029-06-30")             # milestone after the measure ends
    found = findings(plan)
    assert codes(found, "measures/M-01.yaml") == ["NAP104", "NAP204", "NAP303"]
    # the recommendation the broken item answers is not reported uncovered: its answer exists
    assert "NAP501" not in codes(found)


def test_a_broken_field_is_not_judged_again_by_the_cross_file_rules(plan: Path):
    m = plan / "measures/M-01.yaml"
    edit(m, "lead: MIN", "lead: [MIN]")                       # wrong type: one finding, not also 'unknown agency'
    edit(m, "start: 2027-01-01", "start: soon")               # not a date: no 'outside the period' on top
    found = findings(plan)
    assert codes(found, "measures/M-01.yaml") == ["NAP103", "NAP104"]


def test_a_measure_that_does_not_parse_is_one_finding_and_its_progress_is_not_called_unknown(plan: Path):
    (plan / "measures/M-01.yaml").write_text("id: M-01\ntitle: Planen: utkast\n  bad: [\n")
    found = findings(plan)
    assert codes(found, "measures/M-01.yaml") == ["NAP003"]
    progress = [f for f in found if f["file"] == "plan/progress/2027/M-01.yaml"]
    assert [f["code"] for f in progress] == ["NAP220"]
    assert progress[0]["severity"] == "info"
    assert "not checked" in progress[0]["message"] and "M-01" in progress[0]["message"]
    assert "did you mean" not in json.dumps(found)


@pytest.mark.parametrize("registry, reported_on, kind", [
    ("plan/agencies.yaml", "plan/agencies.yaml", "agency"),
    ("plan/indicators.yaml", "plan/indicators.yaml", "indicator"),
    ("plan/recommendations/src.yaml", "plan/recommendations/", "recommendation"),
])
def test_a_missing_registry_is_one_finding_on_that_file(plan: Path, registry: str, reported_on: str, kind: str):
    (plan / registry).unlink()
    found = findings(plan)
    on_file = [f for f in found if f["file"] == reported_on]
    assert [f["code"] for f in on_file] == ["NAP221"], found
    assert on_file[0]["severity"] == "error"
    unknown = {"agency": "NAP204", "indicator": "NAP207", "recommendation": "NAP206"}[kind]
    assert unknown not in codes(found)
    assert "NAP501" not in codes(found) and "NAP601" not in codes(found)


def test_a_registry_that_does_not_parse_gives_no_unknown_references(plan: Path):
    (plan / "plan/agencies.yaml").write_text("agencies:\n  - id: MIN\n    name: Departementet: plan\n"
                                             "  - id: POL\n    name: Politiet\n  - id: NGO\n    name: Org\n")
    (plan / "measures/M-02.yaml").write_text((plan / "measures/M-02.yaml").read_text().replace("lead: ", "lead: X", 1))
    found = findings(plan)
    # the parse error, and one note saying how many references it leaves unchecked
    assert codes(found, "plan/agencies.yaml") == ["NAP003", "NAP220"]
    note = next(f for f in found if f["code"] == "NAP220")
    assert note["severity"] == "info" and "not checked" in note["message"]
    # ids the broken file still shows (MIN, POL) are not called unknown; an id it does not have is
    unknown = [f for f in found if f["code"] == "NAP204"]
    assert [f["file"] for f in unknown] == ["measures/M-02.yaml"]


def test_a_registry_with_a_broken_top_level_is_one_finding_and_no_unknown_references(plan: Path):
    (plan / "plan/agencies.yaml").write_text("agencies: MIN\n")
    found = findings(plan)
    assert codes(found, "plan/agencies.yaml") == ["NAP103", "NAP220"]
    assert "NAP204" not in codes(found)


def test_a_plan_text_error_does_not_stop_the_cross_file_rules(plan: Path):
    edit(plan / "plan/plan.yaml", "currency: NOK", "currency: NOK\nsubtitle: 12\ncolour: blue")
    edit(plan / "measures/M-01.yaml", "lead: MIN", "lead: MINN")
    found = findings(plan)
    assert codes(found, "plan/plan.yaml") == ["NAP102", "NAP103"]
    assert "NAP204" in codes(found, "measures/M-01.yaml")


@pytest.mark.parametrize("text, hint", [
    ("id: M-01\ntitle: Tiltak: utkast\n", "quotes"),
    ("id: M-01\nlead: MIN\n\tstatus: planned\n", "tab"),
    ("id: M-01\n<<<<<<< HEAD\nlead: MIN\n=======\nlead: POL\n>>>>>>> branch\n", "merge conflict"),
    ("id: M-01\ntimeline:\n  start: 2027-01-01\n end: 2027-12-31\n", "indent"),
])
def test_syntax_errors_carry_a_plain_hint(plan: Path, text: str, hint: str):
    (plan / "measures/M-01.yaml").write_text(text)
    found = [f for f in findings(plan) if f["file"] == "measures/M-01.yaml"]
    assert [f["code"] for f in found] == ["NAP003"]
    assert hint in found[0]["message"].lower(), found[0]["message"]


def test_a_period_that_ends_before_it_starts_is_one_finding_not_one_per_date(plan: Path):
    edit(plan / "plan/plan.yaml", "period: {start: 2027, end: 2028}", "period: {start: 2028, end: 2027}")
    found = findings(plan)
    assert "NAP302" in codes(found, "plan/plan.yaml")
    assert not {"NAP301", "NAP304"} & set(codes(found)), found
