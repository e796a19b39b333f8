"""A plan in Nynorsk and Swedish from `nap init --languages nn,sv`, Swedish from a plan .po with a few
entries: the nn site speaks Nynorsk only, the sv site the plan's words and English for the rest,
`nap check` counts the fallbacks, and text in another language is marked with `lang` on the site,
in the DOCX (w:lang) and in the PDF (/Lang on the marked content). And a language Babel does not know."""

from __future__ import annotations

import html
import io
import re
from pathlib import Path

import pytest

from napkit import locale
from plan_testing import edit, nap

SWEDISH = {"Home": "Startsida", "Measures": "Åtgärder", "Objectives and measures": "Mål och åtgärder",
           "Agencies": "Myndigheter", "Timeline": "Tidslinje"}
# Interface words an English page shows; none may be on the Nynorsk pages (the plan's own texts
# from `nap init` are English sentences, so single words are matched as whole words, case-sensitive).
ENGLISH_UI = ["Home", "Measures", "Measure", "Objectives", "Objective", "Agencies", "Agency", "Recommendations",
              "Timeline", "Downloads", "Indicators", "Progress", "Coverage", "Read more", "Total", "Period",
              "Version", "Lead", "Partners", "Deliverable", "Milestones", "Due", "Funding source", "New money",
              "Yes", "About the plan", "Key figures", "Show the figures as a table", "Amounts in", "Search",
              "Back to top", "Table of contents", "Skip to content", "Description", "Source", "Facts about",
              "Published", "Reports", "Government response", "Answered by", "Quotation", "Our summary",
              "Accessibility statement", "Open data", "Planned", "Full", "Accepted", "Covered", "Introduction"]
QUOTE = "take all necessary measures to identify victims"


def visible_text(page: Path) -> str:
    text = page.read_text(encoding="utf-8")
    text = re.sub(r"(?s)<(script|style|svg|template)\b.*?</\1>", " ", text)
    text = re.sub(r"(?s)<!--.*?-->", " ", text)
    text = re.sub(r"<[^>]+>", " ", text)
    return re.sub(r"\s+", " ", html.unescape(text))


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    plan = tmp_path_factory.mktemp("nnsv") / "plan"
    assert nap("init", plan, "--title", "Handlingsplan", "--languages", "nn,sv").exit_code == 0
    po = plan / "plan" / "locale" / "sv.po"
    assert po.is_file() and not (plan / "plan" / "locale" / "nn.po").exists()  # napkit ships nn
    for en, sv in SWEDISH.items():
        edit(po, f'msgid "{en}"\nmsgstr ""', f'msgid "{en}"\nmsgstr "{sv}"')
    # a measure title only in Nynorsk (the Swedish page falls back to it), a quote from the English report
    edit(plan / "measures" / "M-02.yaml", "title: Train front-line staff to identify victims",
         "title:\n  nn: Lær opp tilsette i førstelinja til å kjenne att offer")
    edit(plan / "plan" / "recommendations" / "monitoring-report.yaml", "    strength: urges",
         f'    strength: urges\n    quote: "{QUOTE}"')
    check = nap("check", root=plan)
    result = nap("build", root=plan)
    assert result.exit_code == 0, result.output
    return plan, check, result


def pages(plan: Path, lang_dir: str = "") -> list[Path]:
    site = plan / "build" / "site"
    root = site / lang_dir if lang_dir else site
    return [p for p in root.rglob("*.html") if lang_dir or not p.relative_to(site).parts[0] == "sv"]


def test_check_counts_the_fallbacks_per_language_and_names_the_catalog(built):
    plan, check, _build = built
    out = check.output
    total = len(locale.template().entries)
    translated = len(locale.compile_po((plan / "plan" / "locale" / "sv.po").read_bytes(), "sv").messages)
    assert translated >= len(SWEDISH)
    assert re.search(rf"plan/locale/sv\.po: warning NAP420 {total - translated} of {total} interface texts", out), out
    assert "NAP420" not in out.replace("plan/locale/sv.po: warning NAP420", "")  # nn is complete


def test_the_nynorsk_site_has_no_english_interface_word(built):
    plan, _check, _build = built
    found = {}
    for page in pages(plan):
        text = visible_text(page)
        for word in ENGLISH_UI:
            if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text):
                found.setdefault(word, page.relative_to(plan).as_posix())
    assert found == {}
    home = visible_text(plan / "build" / "site" / "index.html")
    for nn in ("Framside", "Mål og tiltak", "Tilrådingar", "Verksemder", "Framdrift", "Innleiing"):
        assert nn in home
    raw = (plan / "build" / "site" / "index.html").read_text()
    assert '<html lang="nn"' in raw and 'placeholder="Søk"' in raw


def test_the_swedish_site_uses_the_plans_words_and_english_for_the_rest(built):
    plan, _check, build = built
    home = visible_text(plan / "build" / "site" / "sv" / "index.html")
    for sv in ("Startsida", "Mål och åtgärder", "Myndigheter", "Tidslinje"):
        assert sv in home
    assert "Downloads" in home and "Introduction" in home  # not in the plan's catalog: English
    raw = (plan / "build" / "site" / "sv" / "index.html").read_text()
    assert '<html lang="sv"' in raw and 'placeholder="Sök"' in raw  # Material's own words follow (theme.language)
    assert "interface text(s) shown in English on the 'sv' pages" in build.output
    assert "plan/locale/sv.po" in build.output


def test_a_missing_translation_is_marked_and_reported(built):
    plan, _check, build = built
    page = (plan / "build" / "site" / "sv" / "measures" / "M-02" / "index.html").read_text()
    assert re.search(r'<h1[^>]*lang="nn"[^>]*>M-02 Lær opp', page)
    assert "on the 'sv' pages, in 'nn': 'Lær opp tilsette" in build.output


def test_an_english_quote_is_marked_on_the_site(built):
    plan, _check, _build = built
    nn = next((plan / "build" / "site").glob("tilrådingar/REC/REC-02*/index.html")).read_text()
    assert re.search(rf'<blockquote class="nap-quote" lang="en"><p>{QUOTE}</p>', nn)


def test_an_english_quote_is_marked_in_the_docx(built):
    import docx
    from docx.oxml.ns import qn

    plan, _check, _build = built
    document = docx.Document(str(plan / "build" / "handlingsplan-nn.docx"))
    marked = [r for r in document.element.body.iter(qn("w:r"))
              if r.rPr is not None and r.rPr.find(qn("w:lang")) is not None
              and r.rPr.find(qn("w:lang")).get(qn("w:val")) == "en"]
    assert QUOTE.split()[0] in "".join(t.text or "" for r in marked for t in r.iter(qn("w:t")))


def test_an_english_quote_is_marked_in_the_pdf(built):
    import pypdf

    plan, _check, _build = built
    reader = pypdf.PdfReader(io.BytesIO((plan / "build" / "handlingsplan-nn.pdf").read_bytes()))
    assert reader.trailer["/Root"]["/Lang"] in ("nn", "nn-NO")
    streams = b"".join(page.get_contents().get_data() for page in reader.pages)
    assert b"/Lang(en)" in streams  # Typst's text(lang: "en") on the quote's marked content
    assert QUOTE.split()[-1] in "".join(page.extract_text() for page in reader.pages)


def test_a_language_babel_does_not_know_builds_with_one_warning(tmp_path):
    plan = tmp_path / "plan"
    assert nap("init", plan, "--title", "Plan", "--languages", "fkv,nb").exit_code == 0
    assert (plan / "plan" / "locale" / "fkv.po").is_file()
    check = nap("check", root=plan)
    assert check.exit_code == 0 and "plan/locale/fkv.po: warning NAP420" in check.output
    build = nap("build", "site", root=plan)
    assert build.exit_code == 0, build.output
    assert build.output.count("numbers and dates in 'fkv' are written as in 'fi'") == 1
    home = visible_text(plan / "build" / "site" / "index.html")
    assert "Home" in home  # English interface words (no catalog translates them yet)
