"""The real plan in this repository: complete catalogs, full coverage, clean under --strict.

Counts are pinned so that nothing silently drops out of a catalog later."""

from __future__ import annotations


import pytest

from plan_testing import REPO, nap
from napkit.pipeline import run_folder

pytestmark = pytest.mark.skipif(not (REPO / "plan" / "plan.yaml").is_file(), reason="no plan in this checkout")


@pytest.fixture(scope="module")
def result():
    return run_folder(REPO, strict=True)


def test_check_strict_is_clean(result):
    assert [str(f.pos) + " " + f.code + " " + f.message for f in result.findings.items if f.severity >= 2] == []


def test_tip_catalog_has_the_ten_prioritized_recommendations_in_order(result):
    tip = [r.id for r in result.model.recommendations.values() if r.source == "TIP24"]
    assert tip == [f"TIP24-{i:02d}" for i in range(1, 11)]


def test_osce_catalog_has_every_section_vii_group_and_body_paragraphs(result):
    osce = [r for r in result.model.recommendations.values() if r.source == "OSCE23"]
    assert len(osce) > 30
    groups = {r.section for r in osce if r.section and r.section.startswith("VII")}
    assert {"VII.1", "VII.2", "VII.3", "VII.4"} <= groups
    body = [r for r in osce if r.section and not r.section.startswith("VII")]
    assert len(body) >= 10
    assert all(r.paragraph is not None for r in body)


def test_ids_are_sequential_per_source(result):
    osce = [r.id for r in result.model.recommendations.values() if r.source == "OSCE23"]
    assert osce == [f"OSCE23-R{i:02d}" for i in range(1, len(osce) + 1)]


def test_every_recommendation_is_covered_or_noted_with_reason(result):
    cov = result.analysis.coverage
    assert cov.gaps() == []
    for rid, rc in cov.by_recommendation.items():
        rec = result.model.recommendations[rid]
        if rc.status == "noted":
            assert rec.response.justification.get("nb") and rec.response.justification.get("en")


def test_at_least_forty_measures_with_one_lead_and_money(result):
    measures = list(result.model.measures.values())
    assert len(measures) >= 40
    assert all(m.lead in result.model.agencies for m in measures)
    assert all(m.budget for m in measures)
    assert {m.objective for m in measures} == set(result.model.objectives)


def test_measure_files_are_formatted():
    assert nap("fmt", "--check", root=REPO).exit_code == 0


def test_baselines_quote_the_reports(result):
    """Indicator baselines carry the reports' figures with their source."""
    ind = result.model.indicators
    series = {p.year: p.value for p in ind["IND-INVESTIGATIONS"].baseline}
    assert series[2023] == 27 and series[2022] == 32
    assert {p.year: p.value for p in ind["IND-PROSECUTIONS"].baseline}[2023] == 0
    assert {p.year: p.value for p in ind["IND-CONVICTIONS"].baseline}[2023] == 0
    assert {p.year: p.value for p in ind["IND-VICTIMS-IDENTIFIED"].baseline}[2023] == 120
    assert all(p.source for i in ind.values() for p in i.baseline)
