"""The Open SDG / Statistics Canada progress status, on series whose answer is worked out by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from napkit.analyse.indicator_status import assess, indicator_statuses
from napkit.model import Point
from napkit.pipeline import run_folder

REPO = Path(__file__).parents[2]


def P(year: int, value: float) -> Point:
    return Point(year, value)


def test_the_worked_example_of_the_method() -> None:
    # 80 (2025) → target 110 (2028), 91 in 2027:
    # CAGR_o = (91/80)^(1/2) - 1 = 0.06654; CAGR_r = (110/80)^(1/3) - 1 = 0.11199; R = 0.5941 < 0.6
    s = assess("X", P(2025, 80), P(2028, 110), [P(2027, 91)], "increase")
    assert s.method == "target"
    assert s.value == pytest.approx(0.5941, abs=1e-4)
    assert s.status == "limited"


@pytest.mark.parametrize("actual, status", [
    (380, "moderate"),  # R = ((380/300)^(1/2)-1)/(1.5^(1/3)-1) = 0.1255/0.1447 = 0.867
    (400, "substantial"),  # R = 0.1547/0.1447 = 1.069
    (301, "limited"),  # R = 0.0017/0.1447 = 0.011
    (290, "deterioration"),  # R < 0
    (450, "achieved"),  # the target is met
    (500, "achieved"),
])
def test_thresholds_of_the_ratio(actual: float, status: str) -> None:
    assert assess("X", P(2025, 300), P(2028, 450), [P(2027, actual)], "increase").status == status


def test_less_is_better() -> None:
    # 100 → 50 by 2030 (CAGR_r = 0.5^(1/5) - 1 = -0.1294); 80 after two years: CAGR_o = -0.1056;
    # R = (-1)(-0.1056)/0.1294 = 0.816 → moderate
    s = assess("X", P(2025, 100), P(2030, 50), [P(2027, 80)], "decrease")
    assert s.direction == -1 and s.value == pytest.approx(0.816, abs=1e-3) and s.status == "moderate"
    assert assess("X", P(2025, 100), P(2030, 50), [P(2027, 120)], "decrease").status == "deterioration"
    assert assess("X", P(2025, 100), P(2030, 50), [P(2027, 50)], "decrease").status == "achieved"


def test_direction_is_read_from_the_target_when_not_given() -> None:
    assert assess("X", P(2025, 100), P(2030, 50), [P(2027, 80)]).direction == -1
    assert assess("X", P(2025, 80), P(2028, 110), [P(2027, 91)]).status == "limited"


def test_without_a_target_the_growth_rate_is_graded() -> None:
    # CAGR over 2 years: 100 → 104.04 is 2 % a year (≥ 1.5 %), → 100.5 is 0.25 % (< 0.5 %)
    assert assess("X", P(2025, 100), None, [P(2027, 104.04)], "increase").status == "substantial"
    assert assess("X", P(2025, 100), None, [P(2027, 102)], "increase").status == "moderate"  # 0.995 %
    assert assess("X", P(2025, 100), None, [P(2027, 100.5)], "increase").status == "limited"
    assert assess("X", P(2025, 100), None, [P(2027, 99)], "increase").status == "deterioration"
    assert assess("X", P(2025, 100), None, [P(2027, 96)], "decrease").status == "substantial"
    s = assess("X", P(2025, 100), None, [P(2027, 104.04)], "increase")
    assert s.method == "trend" and s.value == pytest.approx(0.02)


def test_not_enough_data() -> None:
    assert assess("X", None, P(2028, 5), [P(2027, 3)], "increase").reason == "no-baseline"
    assert assess("X", P(2025, 1), P(2028, 5), [], "increase").reason == "no-actual"
    # an actual in the base year itself is no movement
    assert assess("X", P(2025, 1), P(2028, 5), [P(2025, 2)], "increase").reason == "no-actual"
    assert assess("X", P(2025, 4), P(2028, 5), [P(2027, -2)], "increase").reason == "sign-change"
    assert assess("X", P(2025, 4), None, [P(2027, 5)]).reason == "no-direction"
    assert assess("X", None, None, []).status == "not_available"


def test_a_zero_baseline_is_taken_as_0_001_as_in_sdg_build() -> None:
    # 0 → 500 (2028), 230 in 2027: CAGR_o = 230/0.001 - 1 = 229999, CAGR_r = (500/0.001)^(1/2) - 1 = 706.1
    s = assess("X", P(2026, 0), P(2028, 500), [P(2027, 230)], "increase")
    assert s.value == pytest.approx(229999 / 706.1067, rel=1e-4)
    assert s.status == "substantial"


def test_the_latest_actual_counts_and_the_last_target() -> None:
    s = assess("X", P(2025, 300), P(2028, 450), [P(2027, 400), P(2026, 290)], "increase")
    assert s.actual == P(2027, 400) and s.status == "substantial"


def test_maintain() -> None:
    assert assess("X", P(2025, 90), P(2028, 90), [P(2027, 91)], "maintain").status == "achieved"
    assert assess("X", P(2025, 90), P(2028, 90), [P(2027, 85)], "maintain").status == "deterioration"
    # maintain with a target above the baseline: towards the target
    assert assess("X", P(2025, 80), P(2028, 110), [P(2027, 91)], "maintain").status == "limited"
    assert assess("X", P(2025, 80), None, [P(2027, 91)], "maintain").reason == "no-direction"


def test_the_demonstration_plan() -> None:
    result = run_folder(REPO / "examples" / "demo")
    statuses = {k: s.status for k, s in indicator_statuses(result.model).items()}
    assert statuses == {"IND-VICTIMS": "limited", "IND-INVESTIGATIONS": "not_available",
                        "IND-TRAINED": "substantial", "IND-INSPECTIONS": "moderate"}


def test_the_fixture_plan() -> None:
    result = run_folder(REPO / "tests" / "fixtures" / "valid_plan")
    s = indicator_statuses(result.model)["IND-CASES"]
    # 27 (2023) → 40 (2028), 31 in 2027: (31/27)^(1/4) - 1 = 0.03513; (40/27)^(1/5) - 1 = 0.08177
    assert s.value == pytest.approx(0.4296, abs=1e-3) and s.status == "limited"


def test_only_the_entries_given_count() -> None:
    result = run_folder(REPO / "examples" / "demo")
    assert {s.status for s in indicator_statuses(result.model, []).values()} == {"not_available"}
