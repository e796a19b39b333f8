"""validate/quality/targets.py: targets against baselines, each other and related indicators;
direction, baselines and series (NAP710–NAP715)."""

from __future__ import annotations

from plan_testing import edit
from quality_testing import append, quality

CONVICTIONS = """  - id: IND-CONVICTIONS
    name: {nb: Domfellelser, en: Convictions}
    definition: {nb: Personer domfelt., en: Persons convicted.}
    unit: {nb: personer, en: persons}
    baseline:
      - {year: 2023, value: 5, source: {nb: Rapport 2024, en: Report 2024}}
    targets:
      - {year: 2028, value: %s}
    direction: increase
    at_most: [IND-CASES]
"""


def _ind(valid_plan):
    return valid_plan / "plan/indicators.yaml"


def test_target_below_baseline_for_an_increase(valid_plan):
    edit(_ind(valid_plan), "{year: 2028, value: 40}", "{year: 2028, value: 20}")
    [f] = quality(valid_plan, "NAP710")
    assert "2028 target 20 is below the 2023 baseline 27" in f.message
    assert (f.pos.file, f.pos.line) == ("plan/indicators.yaml", 9)


def test_decrease_turns_the_rule_round(valid_plan):
    edit(_ind(valid_plan), "direction: increase", "direction: decrease")
    # the registry's 2028 target and M-01's, both 40 against 27
    assert {(f.pos.file, "above the 2023 baseline 27" in f.message) for f in quality(valid_plan, "NAP710")} == {
        ("plan/indicators.yaml", True), ("measures/M-01.yaml", True)}
    edit(_ind(valid_plan), "direction: decrease", "direction: maintain")
    assert quality(valid_plan, "NAP710") == []


def test_measure_target_against_its_own_baseline(valid_plan):
    edit(valid_plan / "measures/M-01.yaml", "target: {value: 40, year: 2028}", "target: {value: 10, year: 2028}")
    [f] = quality(valid_plan, "NAP710")
    assert f.pos.file == "measures/M-01.yaml" and f.message.startswith("M-01: IND-CASES")


def test_targets_must_move_one_way(valid_plan):
    edit(_ind(valid_plan), "      - {year: 2028, value: 40}\n", "      - {year: 2027, value: 45}\n      - {year: 2028, value: 40}\n")
    [f] = quality(valid_plan, "NAP711")
    assert "falls back from 45 in 2027" in f.message
    edit(_ind(valid_plan), "value: 45}", "value: 35}")
    assert quality(valid_plan, "NAP711") == []


def test_at_most_equal_or_above_is_reported_below_is_not(valid_plan):
    append(_ind(valid_plan), CONVICTIONS % 40)
    [f] = quality(valid_plan, "NAP712")
    assert "equals IND-CASES's 2028 target (40)" in f.message
    edit(_ind(valid_plan), "{year: 2028, value: 40}\n    direction: increase\n    at_most",
         "{year: 2028, value: 50}\n    direction: increase\n    at_most")
    [f] = quality(valid_plan, "NAP712")
    assert "exceeds" in f.message
    edit(_ind(valid_plan), "{year: 2028, value: 50}\n", "{year: 2028, value: 30}\n")
    assert quality(valid_plan, "NAP712") == []


def test_targets_need_a_direction(valid_plan):
    edit(_ind(valid_plan), "    direction: increase\n", "")
    [f] = quality(valid_plan, "NAP713")
    assert f.message.startswith("IND-CASES has targets")
    # and nothing else is judged without it
    edit(_ind(valid_plan), "{year: 2028, value: 40}", "{year: 2028, value: 1}")
    assert [x.code for x in quality(valid_plan)] == ["NAP713"]


def test_baseline_or_a_note(valid_plan):
    new = ("  - id: IND-NEW\n    name: {nb: Ny, en: New}\n    definition: {nb: Nytt., en: New.}\n"
           "    unit: {nb: saker, en: cases}\n    targets:\n      - {year: 2028, value: 10}\n    direction: increase\n")
    append(_ind(valid_plan), new)
    [f] = quality(valid_plan, "NAP714")
    assert f.message.startswith("IND-NEW has no baseline")
    append(_ind(valid_plan), "    baseline_note: {nb: Måles fra 2027., en: Measured from 2027.}\n")
    assert quality(valid_plan, "NAP714") == []


def test_a_measure_baseline_counts(valid_plan):
    # IND-CASES loses its registry baseline; M-01 still gives one
    edit(_ind(valid_plan), "    baseline:\n      - {year: 2023, value: 27, source: {nb: Rapport 2024, en: Report 2024}}\n", "")
    assert quality(valid_plan, "NAP714") == []


def test_one_series_editions_of_a_report_are_one(valid_plan):
    edit(_ind(valid_plan), "      - {year: 2023, value: 27, source: {nb: Rapport 2024, en: Report 2024}}\n",
         "      - {year: 2022, value: 30, source: {nb: Rapport 2023, en: Report 2023}}\n"
         "      - {year: 2023, value: 27, source: {nb: Rapport 2024, en: Report 2024}}\n")
    assert quality(valid_plan, "NAP715") == []
    edit(_ind(valid_plan), "{nb: Rapport 2023, en: Report 2023}", "{nb: Spørreundersøkelse, en: Survey}")
    [f] = quality(valid_plan, "NAP715")
    assert "mixes 2 series" in f.message


def test_one_series_named_in_closing_parentheses(valid_plan):
    edit(_ind(valid_plan), "      - {year: 2023, value: 27, source: {nb: Rapport 2024, en: Report 2024}}\n",
         "      - {year: 2022, value: 30, source: {nb: OSSE-rapporten (politiets tall), en: OSCE report (police figures)}}\n"
         "      - {year: 2023, value: 27, source: {nb: TIP-rapporten (politiets tall), en: TIP Report (police figures)}}\n")
    assert quality(valid_plan, "NAP715") == []
