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
    # one national series for convictions: KOM's overview of court decisions, as cited by the OSCE (¶50)
    assert {p.year: p.value for p in ind["IND-CONVICTIONS"].baseline} == {2019: 4, 2020: 1, 2021: 3, 2022: 0}
    assert tuple(ind["IND-CONVICTIONS"].at_most) == ("IND-PROSECUTIONS",)
    assert {p.year: p.value for p in ind["IND-CHILD-VICTIMS"].baseline} == {2023: 13}
    assert {p.year: p.value for p in ind["IND-VICTIMS-IDENTIFIED"].baseline}[2023] == 120
    assert all(p.source for i in ind.values() for p in i.baseline)


def test_counts_after_the_content_review(result):
    """Pinned after issue 14: two pairs of measures merged (M-39 into M-14, M-43 into M-18), OSCE ¶20
    added (R98) and R29 split (R99), the bodies the measures rely on registered."""
    m = result.model
    assert len(m.measures) == 44 and "M-39" not in m.measures and "M-43" not in m.measures
    assert len(m.recommendations) == 109
    assert m.recommendations["OSCE23-R98"].paragraph == 20
    assert m.recommendations["OSCE23-R99"].section == "VII.2"
    assert len(m.agencies) == 63
    assert {"FINANSTILSYNET", "DFD", "NKOM", "SDIR", "FDIR", "IMDI", "UDIR", "DFO", "NFD", "SRF",
            "KRISESENTERSEKRETARIATET"} <= set(m.agencies)
    assert len(m.indicators) == 25


def test_every_indicator_has_direction_unit_kind_and_a_baseline_or_a_reason(result):
    for ind in result.model.indicators.values():
        assert ind.direction and ind.unit_kind, ind.id
        assert ind.baseline or ind.baseline_note, ind.id


def test_bodies_the_government_cannot_instruct_are_asked(result):
    m = result.model
    assert {a for a, ag in m.agencies.items() if ag.independent} >= {"RA", "STATSADVOKATENE", "DA", "NIM"}
    led = [x for x in m.measures.values() if m.agencies[x.lead].independent]
    assert led and all(x.commitment in ("invitation", "own") for x in led)


def test_editor_schemas_list_the_plans_current_ids():
    """schemas/ (committed, for editors) is what `nap schemas` writes for this plan now."""
    from plan_testing import REPO, nap

    result = nap("schemas", "--check", root=REPO)
    assert result.exit_code == 0, result.output
