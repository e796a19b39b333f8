"""validate/quality/timeline.py: targets after their measures, milestones after adoption,
dependencies in order, measures not all started on one day (NAP720–NAP725)."""

from __future__ import annotations

from plan_testing import edit
from quality_testing import quality

from napkit.validate.quality import timeline

M1 = "measures/M-01.yaml"


def test_measure_target_before_the_measure_starts(valid_plan):
    edit(valid_plan / M1, "target: {value: 40, year: 2028}", "target: {value: 40, year: 2026}")
    [f] = quality(valid_plan, "NAP720")
    assert "2026 target for IND-CASES but starts 2027-01-01" in f.message


def test_indicator_target_in_the_year_a_measure_starts_late(valid_plan):
    ind = valid_plan / "plan/indicators.yaml"
    edit(ind, "      - {year: 2028, value: 40}\n", "      - {year: 2027, value: 30}\n      - {year: 2028, value: 40}\n")
    assert quality(valid_plan, "NAP720") == []  # M-01 starts 2027-01-01
    edit(valid_plan / M1, "start: 2027-01-01", "start: 2027-09-01")
    edit(valid_plan / M1, "due: 2027-06-30", "due: 2027-10-31")
    [f] = quality(valid_plan, "NAP720")
    assert f.pos.file == "plan/indicators.yaml" and "earliest measure using it (M-01) starts 2027-09-01" in f.message


def test_milestone_before_adoption(valid_plan):
    edit(valid_plan / "plan/plan.yaml", "adoption: 2026-12-15", "adoption: 2027-07-01")
    [f] = quality(valid_plan, "NAP721")
    assert f.message.startswith("M-01 MS1 is due 2027-06-30") and f.pos.file == M1
    edit(valid_plan / "plan/plan.yaml", "adoption: 2027-07-01", "adoption: 2027-06-30")
    assert quality(valid_plan, "NAP721") == []  # due on the day of adoption is fine


def test_no_adoption_date(valid_plan):
    edit(valid_plan / "plan/plan.yaml", "adoption: 2026-12-15\n", "")
    [f] = quality(valid_plan, "NAP722")
    assert f.pos.file == "plan/plan.yaml"


def test_dependency_order(valid_plan):
    edit(valid_plan / M1, "status: planned\n", "status: planned\nafter: [M-02]\n")
    assert sorted(f.code for f in quality(valid_plan)) == ["NAP723", "NAP724"]
    # M-02 building on M-01 is in order: it starts and ends later
    edit(valid_plan / M1, "after: [M-02]\n", "")
    edit(valid_plan / "measures/M-02.yaml", "status: ongoing\n", "status: ongoing\nafter: [M-01]\n")
    assert quality(valid_plan) == []


def test_all_measures_on_one_day_only_past_the_threshold(valid_plan, monkeypatch):
    edit(valid_plan / "measures/M-02.yaml", "start: 2027-03-01", "start: 2027-01-01")
    assert quality(valid_plan, "NAP725") == []  # 2 measures: nothing to sequence
    monkeypatch.setattr(timeline, "SAME_START_MIN_MEASURES", 1)
    [f] = quality(valid_plan, "NAP725")
    assert f.message == "all 2 measures start on 2027-01-01" and f.pos.file == "plan/plan.yaml"
