"""analyse/progress.py: the figures for a period, on the fixture plan's example progress
(plan/progress/2027/: M-01 completed, its milestone met late; M-02 delayed at 40 %)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from plan_testing import FIXTURES
from napkit.analyse.progress import (
    MilestoneCounts, UnknownPeriod, period_of, period_span, progress_of, recommendation_state,
)
from napkit.model import Point
from napkit.pipeline import run_folder


def model_of(root: Path):
    result = run_folder(root, strict=True)
    assert result.ok(), [str(f.pos) + " " + f.message for f in result.findings.items]
    return result.model


@pytest.fixture(scope="module")
def fixture_model():
    return model_of(FIXTURES / "valid_plan")


def test_measures_by_status(fixture_model):
    p = progress_of(fixture_model, "2027")
    assert p.by_status == {"not-started": 0, "on-track": 0, "delayed": 1, "completed": 1, "cancelled": 0,
                           "not-reported": 0}
    assert p.reported == 2
    m1, m2 = p.measures["M-01"], p.measures["M-02"]
    assert (m1.status, m1.completion, m1.reported_by, m1.date) == ("completed", 100, "MIN", dt.date(2028, 1, 20))
    assert (m2.status, m2.completion, m2.reported) == ("delayed", 40, True)
    assert m2.done.get("en") == "One of two shelters has opened."
    assert p.completion == 70.0
    assert p.example  # the fixture's entries say example: true


def test_milestones_due_versus_met(fixture_model):
    p = progress_of(fixture_model, "2027")
    (ms,) = p.measures["M-01"].milestones
    assert (ms.id, ms.due, ms.reached, ms.reached_in, ms.state) == ("MS1", dt.date(2027, 6, 30),
                                                                  dt.date(2027, 7, 15), "2027", "late")
    assert ms.due_by_end
    assert p.milestones == MilestoneCounts(due=1, met=1, on_time=0, overdue=0, ahead=0, pending=0)
    assert p.measures["M-02"].milestone_counts.total == 0


def test_budget_versus_spent_per_lead_agency_and_total(fixture_model):
    p = progress_of(fixture_model, "2027")
    assert p.currency == "NOK"
    assert (p.spending.planned_to_date, p.spending.spent_to_date, p.spending.planned_total) == \
        (3_500_000, 3_050_000, 6_000_000)
    assert p.spending.rate == 87.1
    assert p.spending.spent_by_year == {2027: 3_050_000, 2028: 0}
    assert list(p.by_agency) == ["MIN", "NGO"]
    assert (p.by_agency["MIN"].spending.planned_to_date, p.by_agency["MIN"].spending.spent_to_date) == \
        (1_000_000, 950_000)
    assert p.by_agency["MIN"].spending.rate == 95.0
    assert p.by_agency["NGO"].spending.rate == 84.0
    assert p.by_agency["NGO"].spending.planned_total == 5_000_000


def test_per_objective_progress(fixture_model):
    p = progress_of(fixture_model, "2027")
    o1, o2 = p.by_objective["O1"], p.by_objective["O2"]
    assert (o1.measures, o1.completion, o1.by_status["completed"]) == (("M-01",), 100.0, 1)
    assert (o2.measures, o2.completion, o2.by_status["delayed"]) == (("M-02",), 40.0, 1)


def test_indicators_baseline_actual_target(fixture_model):
    p = progress_of(fixture_model, "2027")
    ind = p.indicators["IND-CASES"]
    assert (ind.baseline.value, ind.baseline.year) == (27, 2023)
    assert (ind.actual.value, ind.actual.year, ind.reported_in) == (31, 2027, "2027")
    assert (ind.target.value, ind.target.year) == (40, 2028)
    assert ind.progress == 30.8  # (31 − 27) / (40 − 27)
    assert ind.actual.source.get("en") == "Police annual report 2027"
    (own,) = p.measures["M-01"].indicators
    assert (own.measure, own.actual.value, own.progress) == ("M-01", 31, 30.8)


def test_recommendations_show_the_status_of_their_measures(fixture_model):
    p = progress_of(fixture_model, "2027")
    r1, r2, r3 = (p.recommendations[r] for r in ("SRC-01", "SRC-02", "SRC-03"))
    assert (r1.state, r1.coverage, [(m.measure, m.extent, m.status) for m in r1.measures]) == \
        ("completed", "covered", [("M-01", "full", "completed")])
    assert (r2.state, r2.response, r2.by_status["delayed"]) == ("delayed", "partly", 1)
    assert (r3.state, r3.coverage, r3.measures) == ("no-measure", "noted", ())


def test_later_period_carries_final_status_and_counts_the_unreported(fixture_model):
    p = progress_of(fixture_model, "2028")
    m1, m2 = p.measures["M-01"], p.measures["M-02"]
    assert (m1.status, m1.reported, m1.carried_from, m1.completion) == ("completed", False, "2027", 100)
    assert (m2.status, m2.reported, m2.completion) == ("not-reported", False, None)
    assert p.by_status["not-reported"] == 1 and p.by_status["completed"] == 1
    assert p.measures["M-01"].milestones[0].state == "late"  # reached in 2027 still counts
    assert (p.spending.planned_to_date, p.spending.spent_to_date) == (6_000_000, 3_050_000)
    assert p.recommendations["SRC-02"].state == "not-reported"
    assert p.indicators["IND-CASES"].reported_in == "2027"


def _write(root: Path, rel: str, text: str) -> None:
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    (root / rel).write_text(text, encoding="utf-8")


def test_a_later_report_corrects_earlier_spending_and_values(valid_plan):
    _write(valid_plan, "plan/progress/2028/M-02.yaml", """\
measure: M-02
period: "2028"
reported_by: NGO
date: 2029-01-20
status: on-track
completion: 80
done: {nb: Begge botilbud er åpne., en: Both shelters are open.}
spent:
  - {year: 2027, amount: 2000000}
  - {year: 2028, amount: 2400000}
indicators:
  - {indicator: IND-CASES, year: 2028, value: 36, source: Politiet}
""")
    model = model_of(valid_plan)
    p = progress_of(model, "2028")
    m2 = p.measures["M-02"]
    assert m2.spending.spent_by_year == {2027: 2_000_000, 2028: 2_400_000}
    assert m2.spending.spent_to_date == 4_400_000
    assert p.spending.spent_to_date == 950_000 + 4_400_000
    assert [(a.year, a.value) for a in p.indicators["IND-CASES"].actuals] == [(2027, 31), (2028, 36)]
    assert p.indicators["IND-CASES"].actual == Point(2028, 36, p.indicators["IND-CASES"].actual.source)
    # the measure reports an indicator it does not list: it shows, with the plan's baseline and target
    (extra,) = m2.indicators
    assert (extra.indicator, extra.baseline.value, extra.target.value, extra.actual.value) == ("IND-CASES", 27, 40, 36)
    # the 2027 view is unchanged by the 2028 report
    assert progress_of(model, "2027").measures["M-02"].spending.spent_to_date == 2_100_000


def test_milestone_states():
    from napkit.analyse.progress import Period, _milestone
    from napkit.model import Text

    p = Period("2027", dt.date(2027, 1, 1), dt.date(2027, 12, 31), 0, ())
    due, later = dt.date(2027, 6, 30), dt.date(2028, 3, 1)
    state = lambda d, r: _milestone("M", "MS", d, Text(), (r, "2027") if r else None, p).state
    assert state(due, dt.date(2027, 6, 1)) == "met"
    assert state(due, dt.date(2027, 7, 1)) == "late"
    assert state(due, None) == "overdue"
    assert state(later, dt.date(2027, 9, 1)) == "ahead"
    assert state(later, None) == "pending"


@pytest.mark.parametrize("label, span", [
    ("2027", ("2027-01-01", "2027-12-31")),
    ("2027-H1", ("2027-01-01", "2027-06-30")),
    ("2027-H2", ("2027-07-01", "2027-12-31")),
    ("2028-Q1", ("2028-01-01", "2028-03-31")),
    ("2028-Q4", ("2028-10-01", "2028-12-31")),
    ("2028-02", ("2028-02-01", "2028-02-29")),
    ("2027-2028", ("2027-01-01", "2028-12-31")),
    ("midterm", ("2027-01-01", "2028-12-31")),  # any other label spans the plan
])
def test_period_span(fixture_model, label, span):
    assert tuple(d.isoformat() for d in period_span(label, fixture_model.plan)) == span


def test_unknown_period_is_an_error(fixture_model):
    with pytest.raises(UnknownPeriod, match="2029.*2027, 2028"):
        progress_of(fixture_model, "2029")
    assert period_of(fixture_model.plan, "2028").earlier == ("2027",)


@pytest.mark.parametrize("answers, state", [
    ([], "no-measure"),
    ([("full", "completed"), ("partial", "delayed")], "completed"),
    ([("partial", "completed"), ("partial", "on-track")], "on-track"),
    ([("partial", "completed"), ("partial", "completed")], "completed"),
    ([("partial", "completed"), ("partial", "cancelled")], "completed"),
    ([("full", "cancelled")], "cancelled"),
    ([("full", "on-track"), ("partial", "delayed")], "delayed"),
    ([("full", "not-reported"), ("partial", "not-reported")], "not-reported"),
    ([("full", "not-started"), ("partial", "not-reported")], "not-started"),
])
def test_recommendation_state(answers, state):
    assert recommendation_state(answers) == state


def test_results_are_frozen(fixture_model):
    import dataclasses

    p = progress_of(fixture_model, "2027")
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.measures["M-01"].status = "delayed"  # type: ignore[misc]
