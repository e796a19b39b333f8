"""validate/progress_rules.py: the checks on progress entries (the bad-input corpus has one case
per code in tests/bad/progress_*; these cover how entries combine across periods and files)."""

from __future__ import annotations

import json
from pathlib import Path

from plan_testing import FIXTURES, nap
from napkit.pipeline import run_folder
from napkit.validate.progress_rules import check_progress


def codes(root: Path) -> list[tuple[str, str]]:
    result = nap("check", "--strict", "--format", "json", root=root)
    return sorted((f["code"], f["file"]) for f in json.loads(result.stdout)["findings"])


def write(root: Path, rel: str, text: str) -> None:
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    (root / rel).write_text(text, encoding="utf-8")


ENTRY = """\
measure: {measure}
period: "{period}"
reported_by: {agency}
date: {date}
status: {status}
"""


def test_fixture_progress_is_clean():
    result = run_folder(FIXTURES / "valid_plan", strict=True)
    assert result.model is not None and len(result.model.progress) == 2
    assert check_progress(result.model) == []


def test_milestone_reached_in_an_earlier_period_counts(valid_plan):
    write(valid_plan, "plan/progress/2028/M-01.yaml",
          ENTRY.format(measure="M-01", period="2028", agency="MIN", date="2029-01-10", status="completed"))
    assert codes(valid_plan) == []


def test_milestone_reached_only_in_a_later_period_does_not(valid_plan):
    m1 = valid_plan / "plan/progress/2027/M-01.yaml"
    m1.write_text(m1.read_text().replace("milestones:\n  - id: MS1\n    reached: 2027-07-15\n", ""))
    write(valid_plan, "plan/progress/2028/M-01.yaml",
          ENTRY.format(measure="M-01", period="2028", agency="MIN", date="2029-01-10", status="completed")
          + "milestones:\n  - {id: MS1, reached: 2028-02-01}\n")
    assert codes(valid_plan) == [("NAP605", "plan/progress/2027/M-01.yaml")]


def test_not_started_with_completion_above_zero(valid_plan):
    write(valid_plan, "plan/progress/2028/M-02.yaml",
          ENTRY.format(measure="M-02", period="2028", agency="NGO", date="2029-01-10", status="not-started")
          + "completion: 10\n")
    assert codes(valid_plan) == [("NAP608", "plan/progress/2028/M-02.yaml")]


def test_every_problem_of_a_file_in_one_run(valid_plan):
    write(valid_plan, "plan/progress/2027/M-09.yaml", """\
measure: M-09
period: "2027"
reported_by: NOBODY
date: 2028-01-10
status: completed
completion: 50
spent:
  - {year: 2026, amount: 10}
indicators:
  - {indicator: IND-X, year: 2027, value: 3}
""")
    got = [c for c, _ in codes(valid_plan)]
    assert got == ["NAP204", "NAP207", "NAP601", "NAP603", "NAP604", "NAP608"], got


def test_progress_for_a_measure_with_schema_errors_is_not_called_unknown(valid_plan):
    m2 = valid_plan / "measures/M-02.yaml"
    m2.write_text(m2.read_text().replace("status: ongoing", "status: sort-of"))
    got = codes(valid_plan)
    assert ("NAP104", "measures/M-02.yaml") in got
    assert not any(c == "NAP601" for c, _ in got), got


def test_period_may_be_written_as_a_number(valid_plan):
    m2 = valid_plan / "plan/progress/2027/M-02.yaml"
    m2.write_text(m2.read_text().replace('period: "2027"', "period: 2027"))
    assert codes(valid_plan) == []
