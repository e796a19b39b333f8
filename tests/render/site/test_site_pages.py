"""Every object of the plan has its page, with its content, in every language; the build is
strict and the site loads nothing from anywhere else."""

from __future__ import annotations

import re
import pytest

from napkit.render.site.check import check_site
from napkit.render.site.context import anchor_of

from site_testing import Built, text_of


def squash(s: str) -> str:
    return " ".join(s.split())


def test_every_language_is_a_complete_site(site: Built) -> None:
    for lang in site.model.languages:
        prefix = site.routes(lang).prefix
        for name in ("index.html", "404.html", "sitemap.xml", "search/search_index.json"):
            assert (site.site / prefix / name).is_file(), f"{lang}: {name} missing"
        page = site.html(prefix)
        assert f'<html lang="{lang}"' in page


def test_measure_pages(site: Built) -> None:
    m, langs = site.model, site.model.languages
    for lang in langs:
        r = site.routes(lang)
        for measure in m.measures.values():
            text = text_of(site.html(r.url("measure", measure.id)))
            title = measure.title.get(lang, langs)
            assert squash(f"{measure.id} {title}") in text
            lead = m.agencies[measure.lead].name.get(lang, langs)
            assert squash(lead) in text
            for rec in measure.implements:
                assert rec.recommendation in text
            for mi in measure.indicators:
                assert squash(m.indicators[mi.indicator].name.get(lang, langs)) in text
            for ms in measure.timeline.milestones:
                assert squash(ms.deliverable.get(lang, langs)) in text


def test_objective_agency_and_source_pages(site: Built) -> None:
    m, langs = site.model, site.model.languages
    for lang in langs:
        r = site.routes(lang)
        for o in m.objectives.values():
            text = text_of(site.html(r.url("objective", o.id)))
            assert squash(o.title.get(lang, langs)) in text
            for measure in m.measures_of(o.id):
                assert measure.id in text
        for a in m.agencies.values():
            text = text_of(site.html(r.url("agency", a.id)))
            assert squash(a.name.get(lang, langs)) in text
            for measure in m.measures.values():
                if a.id in measure.agencies:
                    assert measure.id in text
        for s in m.sources:
            page = site.html(r.url("source", s.id))
            text = text_of(page)
            for rec in m.recommendations_of(s.id):
                assert f'id="{anchor_of(rec.id)}"' in page, f"{rec.id}: no anchor on {s.id}'s page"
                assert rec.id in text
                assert squash(rec.summary.get(lang, langs)) in text


def test_every_recommendation_is_in_the_coverage_matrix(site: Built) -> None:
    for lang in site.model.languages:
        text = text_of(site.html(site.routes(lang).url("coverage")))
        for rid in site.model.recommendations:
            assert rid in text


def test_budget_page_has_the_totals(site: Built) -> None:
    from napkit.util import fmt

    for lang in site.model.languages:
        text = text_of(site.html(site.routes(lang).url("budget")))
        # the tables give amounts in the currency their caption names
        total = fmt.number(sum(m.total_budget for m in site.model.measures.values()), lang)
        assert total.replace("\u00a0", " ") in text.replace("\u00a0", " ")
        assert "Beløp i" in text or "Amounts in" in text


def test_language_switcher_points_at_the_same_page(site: Built) -> None:
    m = site.model
    if len(m.languages) < 2:
        pytest.skip("one language only")
    a, b = m.languages[:2]
    ident = next(iter(m.measures))
    page = site.html(site.routes(a).url("measure", ident))
    target = site.routes(b).url("measure", ident)
    hrefs = re.findall(rf'<a href="([^"]+)" hreflang="{b}" lang="{b}" class="md-select__link"', page)
    assert hrefs, "no language switcher link"
    from posixpath import join, normpath

    here = site.routes(a).url("measure", ident)
    assert normpath(join(here, hrefs[0])) + "/" == target


def test_no_broken_links_and_nothing_loaded_from_elsewhere(site: Built) -> None:
    assert check_site(site.site) == []


EXTERNAL_IN_ATTR = re.compile(r'\b(src|srcset|href|data|action|poster)\s*=\s*["\']?\s*((?:https?:)?//[^"\'\s>]+)', re.I)
CSS_URL = re.compile(r"url\(\s*['\"]?\s*((?:https?:)?//[^'\")\s]+)", re.I)


def test_no_html_or_css_references_another_host(site: Built) -> None:
    """Independently of check.py: scan the files. Outbound links are allowed as <a href> only."""
    offenders = []
    for path in site.site.rglob("*"):
        if path.suffix == ".html":
            text = path.read_text(encoding="utf-8")
            for m in EXTERNAL_IN_ATTR.finditer(text):
                start = text.rfind("<", 0, m.start())
                tag = text[start + 1:start + 8].split()[0].lower()
                if m.group(1).lower() == "href" and tag in ("a", "area"):
                    continue
                offenders.append(f"{path.relative_to(site.site)}: <{tag} {m.group(1)}={m.group(2)}>")
            for m in CSS_URL.finditer(text):
                offenders.append(f"{path.relative_to(site.site)}: url({m.group(1)})")
        elif path.suffix == ".css":
            for m in CSS_URL.finditer(path.read_text(encoding="utf-8", errors="replace")):
                offenders.append(f"{path.relative_to(site.site)}: url({m.group(1)})")
    assert offenders == []


def test_charts_are_svg_with_alt_text_and_a_table(site: Built) -> None:
    for lang in site.model.languages:
        r = site.routes(lang)
        for kind in ("home", "budget", "timeline", "sources"):
            page = site.html(r.url(kind))
            imgs = re.findall(r'<img src="([^"]+\.svg)" alt="([^"]+)"', page)
            assert imgs, f"{kind}: no chart"
            for src, alt in imgs:
                assert len(alt) > 20
                base = site.site / r.url(kind)
                svg = (base / src).resolve()
                assert svg.is_file()
                body = svg.read_text(encoding="utf-8")
                assert "<svg" in body and "<image" not in body and "@import" not in body
            assert "<table" in page.split(imgs[0][0], 1)[1], f"{kind}: no data table after the chart"


def test_handwritten_pages_are_in_both_languages(fixture_site: Built) -> None:
    nb = text_of(fixture_site.html("om/"))
    en = text_of(fixture_site.html("en/about/"))
    assert "testside skrevet for hånd" in nb and "hand-written test page" in en
    assert 'href="../en/about/"' in fixture_site.html("om/")


def test_pinned_dates(site: Built) -> None:
    """The sitemap carries the plan's date (or SOURCE_DATE_EPOCH), not the day of the build."""
    sitemap = (site.site / "sitemap.xml").read_text(encoding="utf-8")
    for lastmod in re.findall(r"<lastmod>(.*?)</lastmod>", sitemap):
        assert lastmod == (site.model.plan.date.isoformat() if site.model.plan.date else lastmod)


def test_written_tree_is_builder_neutral(site: Built) -> None:
    """The Markdown tree and the derived mkdocs.yml per language stay in build/site-src/."""
    for lang in site.model.languages:
        src = site.out / "site-src" / lang
        assert (src / "mkdocs.yml").is_file()
        assert (src / "docs" / "index.md").is_file()
        cfg = (src / "mkdocs.yml").read_text(encoding="utf-8")
        assert "font: false" in cfg
        if lang == "nb":
            assert "- 'no'" in cfg


def test_sizes_are_sane(site: Built) -> None:
    pages = list(site.site.rglob("index.html"))
    assert len(pages) >= 2 * (len(site.model.measures) + len(site.model.agencies))
    assert all(p.stat().st_size < 2_000_000 for p in pages)


def test_status_dashboard_per_reporting_period(fixture_site: Built) -> None:
    nb = text_of(fixture_site.html("framdrift/2027/"))
    assert "Gjennomføringsrapport 2027" in nb and "Eksempeldata" in nb
    for mid in fixture_site.model.measures:
        assert mid in nb
    assert "Tiltak som har rapportert" in nb and "Anbefalingene" in nb
    en = fixture_site.html("en/progress/2027/")
    assert "Implementation report 2027" in text_of(en)
    assert 'href="../../../framdrift/2027/"' in en or "hreflang=\"nb\"" in en
    measure = text_of(fixture_site.html("tiltak/M-01/"))
    assert "Framdrift" in measure and "Fullført" in measure
