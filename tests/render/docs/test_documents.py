"""Plan documents: built with the real pandoc and typst, then read back (python-docx, pypdf)."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pypdf
import pytest

from napkit.pipeline import run_folder
from napkit.render.docs import DocumentBuildError, build_documents
from napkit.render.docs.convert import data_file
from plan_testing import FIXTURES, REPO, nap

HERE = Path(__file__).parent
A4_PT = (595.28, 841.89)


def plan_copy(dest: Path) -> Path:
    shutil.copytree(FIXTURES / "valid_plan", dest, symlinks=True)
    shutil.copytree(HERE / "fixtures" / "extra", dest, dirs_exist_ok=True)
    return dest


def build(root: Path, out: Path, **kw):
    result = run_folder(root)
    assert result.ok(), [str(f) for f in result.findings.errors]
    return result, build_documents(result.model, result.analysis, root, out, **kw)


@pytest.fixture(scope="module")
def fixture_docs(tmp_path_factory):
    base = tmp_path_factory.mktemp("docs")
    root = plan_copy(base / "plan")
    result, written = build(root, base / "out")
    return result.model, result.analysis, root, base / "out", written


def words(s: str) -> str:
    """Whitespace runs as one space; no-break spaces (inside amounts) are kept."""
    return re.sub(r"[ \t\r\n]+", " ", s).strip()


def pdf_text(path: Path) -> str:
    return words(" ".join(page.extract_text() for page in pypdf.PdfReader(path).pages))


def docx_text(d) -> str:
    parts = [p.text for p in d.paragraphs]
    for table in d.tables:
        for row in table.rows:
            parts += [c.text for c in row.cells]
    return words(" ".join(parts))


def test_one_docx_and_one_pdf_per_language(fixture_docs):
    model, _, _, out, written = fixture_docs
    expected = [f"{model.plan.id}-{lang}.{ext}" for lang in model.languages for ext in ("docx", "pdf")]
    expected += [f"{model.plan.id}-report-2027-{lang}.{ext}" for lang in model.languages for ext in ("docx", "pdf")]
    assert sorted(p.name for p in written) == sorted(expected)
    assert not [p for p in out.iterdir() if p.name.startswith(".docs-")], "staging folder left behind"


def test_docx_headings_in_order_every_measure_and_a4(fixture_docs):
    model, _, _, out, _ = fixture_docs
    d = docx.Document(out / f"{model.plan.id}-en.docx")
    h1 = [p.text for p in d.paragraphs if p.style.name == "Heading 1"]
    assert h1[0] == "Introduction"
    objective_heads = [f"{o.id} {o.title.get('en')}" for o in model.plan.objectives]
    assert h1[1:1 + len(objective_heads)] == objective_heads
    assert [h.split(":")[0] for h in h1[-4:]] == ["Annex 1", "Annex 2", "Annex 3", "Annex 4"]
    h2 = [p.text for p in d.paragraphs if p.style.name == "Heading 2"]
    for m in model.measures.values():
        assert f"{m.id} {m.title.get('en')}" in h2
    section = d.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    title = [p.text for p in d.paragraphs if p.style.name == "Title"]
    assert title == [model.plan.title.get("en")]
    assert d.core_properties.title == model.plan.title.get("en")


def test_docx_tables_have_the_expected_rows(fixture_docs):
    model, analysis, _, out, _ = fixture_docs
    d = docx.Document(out / f"{model.plan.id}-nb.docx")
    heads = [[c.text for c in t.rows[0].cells] for t in d.tables]
    coverage = [t for t in d.tables if t.rows[0].cells[0].text == "Anbefaling" and len(t.columns) == 5]
    assert sum(len(t.rows) - 1 for t in coverage) == len(model.recommendations)
    per_measure = [t for t, h in zip(d.tables, heads) if h[0] == "Tiltak" and h[1] in model.measures]
    assert [t.rows[0].cells[1].text for t in per_measure] == list(model.measures)
    tables = d.tables
    by_objective = next(t for t, h in zip(tables, heads) if h[0] == "Mål" and h[-1] == "Sum")
    assert len(by_objective.rows) == 1 + len(model.plan.objectives) + 1  # header, objectives, totals
    assert by_objective.rows[-1].cells[-1].text == _nb(analysis.budget.total)  # currency in the caption


def _nb(n: float) -> str:
    from napkit.util import fmt

    return fmt.number(n, "nb")


def test_numbers_written_per_language(fixture_docs):
    model, _, _, out, _ = fixture_docs
    nb = docx_text(docx.Document(out / f"{model.plan.id}-nb.docx"))
    en = docx_text(docx.Document(out / f"{model.plan.id}-en.docx"))
    assert "1\u00a0234\u00a0567\u00a0kr" in nb
    assert "NOK\u00a01,234,567" in en
    assert "30. juni 2027" in nb and "30 June 2027" in en


def test_pdf_text_page_size_metadata(fixture_docs):
    model, _, _, out, _ = fixture_docs
    for lang in model.languages:
        path = out / f"{model.plan.id}-{lang}.pdf"
        reader = pypdf.PdfReader(path)
        assert len(reader.pages) >= 5
        for page in reader.pages:
            assert (round(float(page.mediabox.width), 1), round(float(page.mediabox.height), 1)) == (595.3, 841.9)
        assert reader.metadata.title == model.plan.title.get(lang)
        assert str(reader.trailer["/Root"]["/Lang"]).startswith(lang)
        xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
        assert "<pdfuaid:part>1</pdfuaid:part>" in xmp  # PDF/UA-1, tagged
        assert [o.title for o in reader.outline if hasattr(o, "title")][0] in ("Innledning", "Introduction")
        text = pdf_text(path)
        for m in model.measures.values():
            assert m.id in text
            assert words(m.title.get(lang)) in text, (lang, m.id)


def test_hostile_text_is_printed_not_obeyed(fixture_docs):
    model, _, _, out, _ = fixture_docs
    passwd = Path("/etc/passwd").read_text() if Path("/etc/passwd").exists() else "root:x:0:0"
    first_line = passwd.splitlines()[0]
    pdf = pdf_text(out / f"{model.plan.id}-en.pdf")
    d = docx.Document(out / f"{model.plan.id}-en.docx")
    text = docx_text(d)
    for rendered in (pdf, text):
        assert '#read("/etc/passwd")' in rendered
        assert "<script>alert(1)</script>" in rendered
        assert "![password](/etc/passwd)" in rendered
        assert first_line not in rendered
    with zipfile.ZipFile(out / f"{model.plan.id}-en.docx") as z:
        assert not [n for n in z.namelist() if n.startswith("word/media/")], "an image was pulled in"
        rels = " ".join(z.read(n).decode() for n in z.namelist() if n.endswith(".rels"))
        assert "evil.example" not in rels and "javascript:" not in rels


def test_rebuild_is_byte_identical(fixture_docs, tmp_path):
    model, analysis, root, out, _ = fixture_docs
    again = build_documents(model, analysis, root, tmp_path)
    for path in again:
        assert path.read_bytes() == (out / path.name).read_bytes(), path.name


def test_source_date_epoch_sets_the_dates(fixture_docs, tmp_path, monkeypatch):
    model, analysis, root, _, _ = fixture_docs
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 14 Nov 2023
    build_documents(model, analysis, root, tmp_path)
    reader = pypdf.PdfReader(tmp_path / f"{model.plan.id}-en.pdf")
    assert reader.metadata.creation_date.year == 2023
    d = docx.Document(tmp_path / f"{model.plan.id}-en.docx")
    assert d.core_properties.created.year == 2023 and d.core_properties.modified.year == 2023


def test_failed_build_leaves_previous_documents_intact(fixture_docs, tmp_path):
    model, analysis, root, out, _ = fixture_docs
    broken = tmp_path / "plan"
    shutil.copytree(root, broken)
    (broken / "plan" / "templates").mkdir()
    (broken / "plan" / "templates" / "plan.typ").write_text("#let x = (\n$body$\n")  # not valid Typst
    target = tmp_path / "build"
    shutil.copytree(out, target)
    before = {p.name: p.read_bytes() for p in target.iterdir()}
    with pytest.raises(DocumentBuildError, match="typst"):
        build_documents(model, analysis, broken, target)
    assert {p.name: p.read_bytes() for p in target.iterdir()} == before


def test_nap_build_docs_reports_a_broken_template_without_traceback(tmp_path):
    root = plan_copy(tmp_path / "plan")
    (root / "plan" / "templates").mkdir()
    (root / "plan" / "templates" / "plan.typ").write_text("#let x = (\n$body$\n")
    r = nap("build", "docs", root=root)
    assert r.exit_code == 1
    assert "build failed: example-plan-nb: typst" in r.stderr and "Traceback" not in r.stderr
    assert not (root / "build").exists() or not list((root / "build").glob("*.pdf"))


def test_shipped_reference_docx_is_the_house_style():
    d = docx.Document(data_file("docs/reference.docx"))
    section = d.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    assert round(section.left_margin.cm, 1) == 2.5
    assert d.styles["Heading 1"].paragraph_format.page_break_before
    table = next(s for s in d.styles if s.style_id == "Table")
    xml = table.element.xml
    assert "w:tblBorders" in xml and 'w:type="firstRow"' in xml
    footer = section.footer._element.xml
    assert "PAGE" in footer and "NUMPAGES" in footer
    assert "TITLE" in section.header._element.xml


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice (soffice) is not installed here")
def test_docx_converts_with_libreoffice(fixture_docs, tmp_path):
    model, _, _, out, _ = fixture_docs
    src = out / f"{model.plan.id}-nb.docx"
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(src)],
                   check=True, capture_output=True, timeout=180)
    assert pypdf.PdfReader(tmp_path / f"{model.plan.id}-nb.pdf").pages


def real_plan_problem() -> str | None:
    if not (REPO / "plan" / "plan.yaml").is_file():
        return "no real plan in this checkout"
    return None if run_folder(REPO).ok() else "`nap check` finds errors in the real plan"


def test_real_plan_documents(tmp_path):
    problem = real_plan_problem()
    if problem:
        pytest.skip(problem)
    result, written = build(REPO, tmp_path)
    model = result.model
    for lang in model.languages:
        text = pdf_text(tmp_path / f"{model.plan.id}-{lang}.pdf")
        missing = [m.id for m in model.measures.values() if words(m.title.get(lang)) not in text]
        assert missing == []
        d = docx.Document(tmp_path / f"{model.plan.id}-{lang}.docx")
        h2 = {p.text for p in d.paragraphs if p.style.name == "Heading 2"}
        assert {f"{m.id} {m.title.get(lang)}" for m in model.measures.values()} <= h2
        assert all(r in docx_text(d) for r in model.recommendations)


def test_implementation_report_documents(fixture_docs):
    model, _, _, out, _ = fixture_docs
    for lang, title, warning in (("nb", "Gjennomføringsrapport 2027", "Eksempeldata"),
                                 ("en", "Implementation report 2027", "Example data")):
        pdf = pdf_text(out / f"{model.plan.id}-report-2027-{lang}.pdf")
        assert title in pdf and warning in pdf
        for m in model.measures:
            assert m in pdf
        d = docx.Document(out / f"{model.plan.id}-report-2027-{lang}.docx")
        assert [p.text for p in d.paragraphs if p.style.name == "Heading 1"] == [title]
        by_measure = [t for t in d.tables if len(t.columns) == 6 and t.rows[0].cells[0].text in ("Tiltak", "Measure")]
        assert len(by_measure) == 1 and len(by_measure[0].rows) == 1 + len(model.measures)


def test_nap_report_prints_summary_and_writes_documents(tmp_path):
    root = plan_copy(tmp_path / "plan")
    r = nap("--quiet", "report", "2027", "--lang", "en", root=root)
    assert r.exit_code == 0, r.stderr
    assert "Implementation report 2027" in r.stdout and "Measures reported" in r.stdout
    assert sorted(p.name for p in (root / "build").iterdir()) == sorted(
        f"example-plan-report-2027-{lang}.{ext}" for lang in ("nb", "en") for ext in ("docx", "pdf"))
    r = nap("report", "1999", root=root)
    assert r.exit_code == 2 and "not a reporting period" in r.stderr
    r = nap("report", "2027", "--no-documents", "--lang", "xx", root=root)
    assert r.exit_code == 2


# -- the tagged structure of the PDFs, compared across languages ----------------------------------

_TAGS = ("H1", "H2", "H3", "Table", "TH", "TD", "L", "LI", "Figure", "Link")


def pdf_structure(path: Path) -> tuple[dict[str, int], int]:
    """(count of each structure element, count of empty header cells) from poppler's
    `pdfinfo -struct-text` tree: one element per line, its text in quoted lines under it."""
    lines = subprocess.run(["pdfinfo", "-struct-text", str(path)], capture_output=True, text=True, errors="replace",
                           check=True).stdout.splitlines()
    counts = dict.fromkeys(_TAGS, 0)
    empty_th = 0
    for i, line in enumerate(lines):
        body = line.lstrip()
        tag = body.split(" ", 1)[0]
        if body.startswith('"') or tag not in counts:
            continue
        counts[tag] += 1
        if tag == "TH":
            depth = len(line) - len(body)
            text = ""
            if '"' in body:  # the text may be on the element's own line
                text += body.split('"', 1)[1]
            for child in lines[i + 1:]:
                if len(child) - len(child.lstrip()) <= depth:
                    break
                if child.lstrip().startswith('"'):
                    text += child.strip().strip('"')
            empty_th += not text.strip()
    return counts, empty_th


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="needs poppler's pdfinfo (apt install poppler-utils)")
def test_pdf_structure_is_the_same_in_every_language(fixture_docs):
    """The same plan in nb and en has the same headings, tables and lists: a Norwegian date
    at the start of a table cell was read as a numbered list (94 lists in the nb plan, none in
    the en one), and a table had a header cell with nothing in it."""
    model, _, _, out, _ = fixture_docs
    for stem in (model.plan.id, f"{model.plan.id}-report-2027"):
        found = {lang: pdf_structure(out / f"{stem}-{lang}.pdf") for lang in model.languages}
        first = found[model.languages[0]][0]
        assert first["H1"] > 0 and first["Table"] > 0 and first["TH"] > 0
        for lang, (counts, empty_th) in found.items():
            assert counts == first, (stem, lang, counts, first)
            assert empty_th == 0, (stem, lang, f"{empty_th} empty header cells")


def test_docx_tables_span_the_text_width(fixture_docs):
    """Fixed-layout tables as wide as the text between the margins: pandoc sized them for US
    Letter, and LibreOffice broke words and numbers in the narrower columns."""
    model, _, _, out, _ = fixture_docs
    for name in (f"{model.plan.id}-nb.docx", f"{model.plan.id}-report-2027-en.docx"):
        xml = zipfile.ZipFile(out / name).read("word/document.xml").decode("utf-8")
        page = re.search(r'<w:pgSz [^>]*w:w="(\d+)"[^>]*/>\s*<w:pgMar [^>]*?w:left="(\d+)"[^>]*?w:right="(\d+)"', xml)
        text_width = int(page.group(1)) - int(page.group(2)) - int(page.group(3))
        grids = re.findall(r"<w:tblGrid>(.*?)</w:tblGrid>", xml, re.S)
        assert grids
        for grid in grids:
            assert sum(int(c) for c in re.findall(r'<w:gridCol w:w="(\d+)"', grid)) == text_width, name
