"""The demonstration plan in examples/demo/: a small, fictional plan with example progress for 2027.

It keeps the reporting features (status dashboard, implementation report) shown and tested now that
the real plan, a consultation draft, carries no progress. Built with the real pandoc, typst and
MkDocs, then read back."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import docx
import pypdf
import pytest

from napkit.pipeline import run_folder
from napkit.render.site.compose import compose
from plan_testing import REPO, nap

DEMO = REPO / "examples" / "demo"


def words(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def html_text(html: str) -> str:
    body = re.search(r"<article.*?</article>", html, re.S).group(0)
    return words(re.sub(r"<[^>]+>", " ", body).replace("&nbsp;", " ").replace("&amp;", "&"))


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """A copy of the demo plan (its build/ stays out of the repository), built with `nap build`."""
    root = tmp_path_factory.mktemp("demo") / "demo"
    shutil.copytree(DEMO, root, ignore=shutil.ignore_patterns("build", ".nap-cache"))
    r = nap("--quiet", "build", root=root)
    assert r.exit_code == 0, r.output
    return root / "build"


def test_demo_plan_is_clean_under_strict():
    r = nap("check", "--strict", root=DEMO)
    assert r.exit_code == 0, r.output
    assert "no findings" in r.output.lower()


def test_demo_plan_is_labelled_fictional_and_every_progress_entry_is_example_data():
    result = run_folder(DEMO)
    plan = result.model.plan
    assert "fictional" in plan.subtitle.get("en").lower() and "oppdiktet" in plan.subtitle.get("nb").lower()
    entries = [e for e in result.model.progress if e.period == "2027"]
    assert {e.measure for e in entries} == set(result.model.measures) and len(entries) >= 6
    assert all(e.example for e in result.model.progress)


def test_status_dashboard_of_2027_in_both_languages(built):
    en = html_text((built / "site/en/progress/2027/index.html").read_text())
    assert "Implementation report 2027" in en and "Example data" in en
    assert "7 / 7 Measures reported" in en
    # the status table: one completed (M-01), three on track, two delayed, one not started (M-07)
    assert "Not started 1 On track 3 Delayed 2 Completed 1" in en
    assert "230 staff completed it in 2027" in en  # M-03's own words
    assert "Implementation report 2027 (PDF)" in en  # the report documents are offered for download
    nb = html_text((built / "site/framdrift/2027/index.html").read_text())
    assert "Gjennomføringsrapport 2027" in nb and "Eksempeldata" in nb
    index = html_text((built / "site/en/progress/index.html").read_text())
    assert "Implementation report 2027" in index


def test_implementation_report_documents_of_2027(built):
    pdf = words(" ".join(p.extract_text() for p in pypdf.PdfReader(built / "demo-plan-report-2027-en.pdf").pages))
    assert "Implementation report 2027" in pdf and "Example data" in pdf
    assert "Train front-line staff to recognise victims" in pdf
    d = docx.Document(built / "demo-plan-report-2027-nb.docx")
    text = words(" ".join([p.text for p in d.paragraphs] + [c.text for t in d.tables for row in t.rows
                                                              for c in row.cells]))
    assert "Gjennomføringsrapport 2027" in text and "Eksempeldata" in text
    assert "Nettkurset åpnet i april" in text


def test_nap_report_summary_of_2027():
    r = nap("report", "2027", "--lang", "en", "--no-documents", root=DEMO)
    assert r.exit_code == 0, r.output
    assert r.stdout.splitlines()[0] == "Implementation report 2027"
    assert "Example data" in r.stdout and "Measures reported" in r.stdout


def test_the_real_plan_has_no_example_progress():
    """The consultation draft publishes no invented progress (the demo plan carries it instead)."""
    files = sorted((REPO / "plan").rglob("*.y*ml"))
    example = [f for f in files if re.search(r"^example:\s*true\b", f.read_text(encoding="utf-8"), re.M)]
    assert example == []
    result = run_folder(REPO)
    assert not [e for e in result.model.progress if e.example]


def test_real_plan_progress_page_says_no_progress_yet():
    result = run_folder(REPO)
    if result.model.progress:
        pytest.skip("the real plan has progress now")
    site = compose(result.model, result.analysis, REPO, [])
    for tree in site.languages:
        page = next(p for p in tree.pages if p.kind == "progress" and p.key == "progress")
        assert not [p for p in tree.pages if p.kind == "progress" and p.key != "progress"]
        expected = {"nb": "Det er ikke rapportert framdrift ennå.", "en": "No progress has been reported yet."}
        assert expected[tree.lang] in page.body
        assert "2027, 2028, 2029" in page.body
        assert any(i.page == page.path for i in tree.nav)  # reachable from the nav


def test_demo_plan_files_are_formatted():
    assert nap("fmt", "--check", root=DEMO).exit_code == 0


def test_demo_plan_has_a_closed_consultation_with_reasoned_responses_and_two_versions():
    model = run_folder(DEMO).model
    assert [(v.version, v.status) for v in model.plan.versions] == [("0.1", "consultation"), ("1.0", "adopted")]
    assert model.plan.version == "1.0"
    points = [p for s in model.submissions for p in s.points]
    assert len(model.submissions) == 3 and all(p.response and p.response.rationale for p in points)
    assert {p.response.decision for p in points} == {"adopted", "partly", "not-adopted", "noted"}
    assert {s.respondent_kind for s in model.submissions} == {"ngo", "municipality", "academic"}
    assert all("fictional" in s.respondent.get("en") for s in model.submissions)
