"""The plan's life on the site and in the documents: a demonstration plan with two versions (0.1
tagged in git, 1.0 in the working tree) and a closed consultation, built with `nap build`, then
read back: the changelog, the consultation page, a measure page with the input it received, the
consultation report."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from plan_life import make
from plan_testing import git, nap

from napkit.analyse.changelog import history
from napkit.pipeline import run_folder

AFTER_CLOSE = "2026-12-10"  # the demo's consultation closed on 2026-11-20


def article(html: str) -> str:
    """The page's article as text, <del>/<ins> kept."""
    body = re.search(r"<article.*?</article>", html, re.DOTALL).group(0)
    text = re.sub(r"<(?!/?(?:del|ins)>)[^>]+>", " ", body)
    return re.sub(r"\s+", " ", text.replace("&nbsp;", " ").replace("&#46;", ".").replace("&#39;", "'")).strip()


@pytest.fixture(scope="module")
def plan(tmp_path_factory) -> Path:
    return make(tmp_path_factory.mktemp("life") / "plan")


@pytest.fixture(scope="module")
def built(plan) -> Path:
    mp = pytest.MonkeyPatch()
    mp.setenv("NAP_TODAY", AFTER_CLOSE)
    try:
        r = nap("--quiet", "build", root=plan)
    finally:
        mp.undo()
    assert r.exit_code == 0, r.output
    return plan / "build"


def test_history_from_git(plan):
    result = run_folder(plan)
    h = history(result.model, plan, result)
    assert [e.version.version if e.version else None for e in h.entries] == ["1.0", "0.1"]
    v10, v01 = h.entries
    assert v01.state == "first" and v10.state == "changed" and v10.base.version == "0.1"
    assert [m.id for m in v10.rescoped] == ["M-04"] and v10.rescoped[0].texts[0].field == "description"
    assert [(m.id, m.dates) for m in v10.moved] == [("M-05", (("start", "2027-09-01", "2027-06-01"),))]
    assert [(m.id, m.money) for m in v10.money] == [("M-04", ((2028, 3500000.0, 4000000.0),))]
    assert not v10.added and not v10.dropped


def test_unreleased_changes_above_the_newest_tagged_version(tmp_path):
    root = make(tmp_path / "p")
    git(root, "add", ".")
    git(root, "commit", "-qm", "1.0")
    git(root, "tag", "v1.0")
    plan_yaml = root / "plan" / "plan.yaml"
    plan_yaml.write_text(plan_yaml.read_text().replace('status: adopted\n', 'status: adopted\n    ref: v1.0\n'))
    m6 = root / "measures" / "M-06.yaml"
    m6.unlink()
    result = run_folder(root)
    h = history(result.model, root, result)
    assert h.entries[0].version is None and h.entries[0].base.version == "1.0"
    assert [m.id for m in h.entries[0].dropped] == ["M-06"]


def test_a_ref_that_does_not_resolve_is_a_note_and_no_git_lists_versions(tmp_path):
    root = make(tmp_path / "p", tag=False)  # v0.1 named, never tagged
    result = run_folder(root)
    h = history(result.model, root, result)
    assert [(e.state, e.note) for e in h.entries] == [("unresolved", "base-unknown-ref"), ("unresolved", "unknown-ref")]
    import shutil

    shutil.rmtree(root / ".git")
    h = history(result.model, root, result)
    assert not h.git and [e.state for e in h.entries] == ["no-git", "no-git"]


def test_versions_page_in_both_languages(built):
    en = article((built / "site/en/versions/index.html").read_text())
    assert "Versions and changes" in en and "Version 1.0 (1 December 2026)" in en
    assert "Current version" in en and "Superseded" in en and "The first published version." in en
    assert "four of them for men, <ins>two of these outside the capital, </ins>and" in en
    assert "Deadlines moved" in en and "1 September 2027 1 June 2027" in en
    assert "NOK 3,500,000 NOK 4,000,000" in en
    nb = article((built / "site/versjoner/index.html").read_text())
    assert "Versjoner og endringer" in nb and "Tiltak med endret innhold" in nb and "Gjeldende versjon" in nb
    assert "<ins>to av dem utenfor hovedstaden, </ins>" in nb
    assert "Flyttede frister" in nb and "Endrede beløp" in nb


def test_consultation_page_after_it_closed(built):
    en = article((built / "site/en/consultation/index.html").read_text())
    assert "Public consultation" in en and "ran from 1 September 2026 to 20 November 2026" in en
    assert "Respondents who sent input: 3." in en
    for name in ("Network against Exploitation (fictional)", "Municipality of Northtown (fictional)",
                 "Department of Criminology, University of Exampleland (fictional)"):
        assert name in en
    # grouped by what the point is about: measures in the plan's order, then recommendations, objectives, general
    order = [en.index(s) for s in ("M-02 Bring", "M-04 More shelter places", "NGO25-03", "O3 Less exploitation",
                                   "The plan as a whole")]
    assert order == sorted(order)
    assert "The places for men should not all be in the capital. Partly taken up Two of the four places" in en
    assert "Not taken up" in en and "Noted" in en
    html = (built / "site/en/consultation/index.html").read_text()
    assert 'href="../../files/demo-plan-consultation-en.pdf"' in html and "Consultation report (English, PDF)" in en
    assert (built / "site/files/demo-plan-consultation-nb.docx").is_file()
    nb = article((built / "site/horing/index.html").read_text())
    assert "Offentlig høring" in nb and "Høringsinstanser som sendte innspill: 3." in nb and "Delvis tatt til følge" in nb
    assert "Plassene for menn bør ikke bare ligge i hovedstaden." in nb


def test_measure_page_shows_its_input_and_what_it_changed(built):
    en = article((built / "site/en/measures/M-04/index.html").read_text())
    section = en[en.index("Input from the public consultation"):]
    assert "Network against Exploitation (fictional) The places for men should not all be in the capital." in section
    assert "Partly taken up" in section and section.split("outside the capital. More places do not fit the 2027 budget.")[1].strip().startswith("Yes")
    # a general point that changed M-01 shows on M-01's page, as not about it but changing it
    m1 = article((built / "site/en/measures/M-01/index.html").read_text())
    assert "survivors" in m1[m1.index("Input from the public consultation"):]
    assert 'href="../../consultation/&#35;m-04"' in (built / "site/en/measures/M-04/index.html").read_text()  # = #m-04
    assert "The plan as a whole" in m1[m1.index("Input from the public consultation"):]
    nb = article((built / "site/tiltak/M-04/index.html").read_text())
    assert "Innspill fra høringen" in nb and "Endret dette tiltaket" in nb
    # a measure no point is about or changed carries no such section
    assert "Input from the public consultation" not in article((built / "site/en/measures/M-07/index.html").read_text())


def test_consultation_report_docx_and_pdf_in_both_languages(built):
    import docx
    import pypdf

    d = docx.Document(str(built / "demo-plan-consultation-en.docx"))
    text = "\n".join(p.text for p in d.paragraphs)
    cells = [c.text for t in d.tables for row in t.rows for c in row.cells]
    assert "The consultation" in text and "Points and responses" in text
    assert "Measures changed after the consultation" in text and "M-04 More shelter places, men included" in text
    assert "Network against Exploitation (fictional)" in cells and "Partly taken up" in cells
    assert any(c.startswith("Two of the four places for men will be outside the capital") for c in cells)
    pdf = " ".join((page.extract_text() or "") for page in pypdf.PdfReader(str(built / "demo-plan-consultation-nb.pdf")).pages)
    pdf = re.sub(r"\s+", " ", pdf)
    assert "Høringsnotat" in pdf and "Innspill og vurderinger" in pdf and "Delvis tatt til følge" in pdf
    assert "Plassene for menn bør ikke bare ligge i hovedstaden." in pdf
    assert "Tiltak som er endret etter høringen" in pdf


def test_superseded_version_documents_built_from_git_cached_and_listed(plan, built):
    import docx
    import pypdf

    from napkit.render.docs.archive import build_archived

    commit = git(plan, "rev-parse", "v0.1^{commit}").strip()
    cache = built / ".versions" / f"0.1-{commit}"
    assert (cache / "done").is_file()
    for lang in ("nb", "en"):
        for ext in ("docx", "pdf"):
            assert (built / f"demo-plan-0.1-{lang}.{ext}").is_file()
            assert (built / "site" / "files" / f"demo-plan-0.1-{lang}.{ext}").is_file()
    first = " ".join(p.text for p in docx.Document(str(built / "demo-plan-0.1-en.docx")).paragraphs[:40])
    assert "Superseded: this is version 0.1 of the plan. The current version is 1.0." in first
    pdf = re.sub(r"\s+", " ", " ".join(pg.extract_text() or "" for pg in pypdf.PdfReader(str(built / "demo-plan-0.1-nb.pdf")).pages))
    assert "Erstattet: Dette er versjon 0.1 av planen. Gjeldende versjon er 1.0." in pdf
    # the old version's text, not today's: M-04 without the places outside the capital
    assert "hvorav fire for menn, og" in pdf and "utenfor hovedstaden, og" not in pdf
    en = article((built / "site/en/downloads/index.html").read_text())
    assert "Earlier versions (superseded)" in en and "(version 0.1, superseded, PDF)" in en
    nb = article((built / "site/nedlastinger/index.html").read_text())
    assert "Tidligere versjoner (erstattet)" in nb and "versjon 0.1, erstattet, PDF" in nb

    class Steps:
        def __init__(self) -> None:
            self.said: list[str] = []

        def step(self, message: str) -> None:
            self.said.append(message)

    steps = Steps()
    before = (cache / "demo-plan-0.1-en.pdf").stat().st_mtime_ns
    build_archived(run_folder(plan).model, plan, built, steps)
    assert "documents: version 0.1 from the cache" in steps.said
    assert (cache / "demo-plan-0.1-en.pdf").stat().st_mtime_ns == before


def test_no_consultation_page_or_input_while_open(plan, monkeypatch):
    from napkit.render.site.compose import compose

    monkeypatch.setenv("NAP_TODAY", "2026-11-20")  # the last day of the consultation
    result = run_folder(plan)
    site = compose(result.model, result.analysis, plan, [])
    for tree in site.languages:
        assert tree.page("consultation") is None
        assert "nap-consultation" in tree.page("measure:M-04").body  # the banner instead
        assert "Input from the public consultation" not in tree.page("measure:M-04").body
        assert tree.page("versions") is not None
