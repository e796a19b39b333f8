"""The nav every page carries stays small however big the plan: a section lists its pages only up
to NAV_SECTION_LIMIT, past that its own page (objective, agency index) lists them."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from napkit.pipeline import run_folder
from napkit.render.site.compose import NAV_SECTION_LIMIT, compose

REPO = Path(__file__).resolve().parents[3]


def synthetic(root: Path, n: int) -> None:
    spec = importlib.util.spec_from_file_location("synthetic_plan", REPO / "scripts" / "synthetic_plan.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.generate(root, n)


def nav_entries(items) -> int:
    return sum(1 + nav_entries(i.children) for i in items)


def test_a_big_plan_lists_objectives_not_their_measures(tmp_path: Path) -> None:
    n = 6 * (NAV_SECTION_LIMIT + 5)  # six objectives, each over the limit
    synthetic(tmp_path, n)
    result = run_folder(tmp_path)
    assert result.ok(), [str(f) for f in result.findings.errors][:5]
    site = compose(result.model, result.analysis, tmp_path, [])
    for tree in site.languages:
        measures = next(i for i in tree.nav if i.page and i.page.endswith("index.md") and len(i.children) == 6)
        assert all(objective.children == () for objective in measures.children)
        assert nav_entries(tree.nav) < 100
        # every measure still has its page, linked from its objective's page
        assert sum(p.kind == "measure" for p in tree.pages) == n
        objective = next(p for p in tree.pages if p.kind == "objective")
        assert "M-00000" in objective.body


def test_the_real_plan_lists_every_measure_in_the_nav() -> None:
    result = run_folder(REPO)
    site = compose(result.model, result.analysis, REPO, [])
    listed = set()

    def walk(items):
        for i in items:
            listed.add(i.page)
            walk(i.children)
    walk(site.languages[0].nav)
    pages = {p.path for p in site.languages[0].pages if p.kind in ("measure", "agency", "objective")}
    assert pages <= listed


def test_a_big_plan_gets_readable_coverage_and_timeline_pages(tmp_path: Path) -> None:
    from napkit.render.site.pages.money_time import GANTT_MAX_ROWS
    from napkit.render.site.pages.recommendations import MATRIX_MAX_COLUMNS

    n = max(GANTT_MAX_ROWS, MATRIX_MAX_COLUMNS) + 10
    synthetic(tmp_path, n)
    result = run_folder(tmp_path)
    site = compose(result.model, result.analysis, tmp_path, [])
    en = next(t for t in site.languages if t.lang == "en")
    coverage = en.page("coverage").body
    assert "nap-mark" not in coverage  # no grid of n columns
    assert "So many measures answer this report" in coverage
    assert coverage.count("M-00000") >= 1 and "SYN-00000" in coverage
    timeline = en.page("timeline").body
    assert "too many measures for one Gantt chart" in timeline
    assert all(f"M-{i:05d}" in timeline for i in range(n))  # the table still lists every measure
    svg = next(data for path, data in en.files.items() if "timeline" in path)
    assert len(svg) < 200_000  # a bar per year, not per measure
