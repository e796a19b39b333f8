"""The pages monitors look for (issue 16): a page per indicator with its chart and computed status,
a page per recommendation at a stable address, catalogs as filterable indexes — read back from the
built sites of the fixture plan, the demonstration plan (examples/demo, with progress) and the real
plan."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from conftest import REPO, build
from site_testing import Built, text_of

from napkit.analyse.indicator_status import indicator_statuses
from napkit.locale import _
from napkit.render.i18n import term
from napkit.render.site import labels
from napkit.render.site.context import Routes, case_safe


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build("demo", REPO / "examples" / "demo", tmp_path_factory.mktemp("demo-site") / "out")


@pytest.fixture(scope="session", params=["fixture", "demo", "real"])
def any_site(request: pytest.FixtureRequest) -> Built:
    return request.getfixturevalue(f"{request.param}_site")


# Worked out by hand in tests/analyse/test_indicator_status.py.
DEMO_STATUSES = {"IND-VICTIMS": "limited", "IND-INVESTIGATIONS": "not_available", "IND-TRAINED": "substantial",
                 "IND-INSPECTIONS": "moderate"}


def test_every_indicator_has_a_page_with_chart_table_and_status_in_every_language(any_site: Built) -> None:
    model = any_site.model
    statuses = indicator_statuses(model)
    for lang in model.languages:
        r = any_site.routes(lang)
        for ind in model.indicators.values():
            url = r.url("indicator", ind.id)
            page = any_site.html(url)
            text = text_of(page)
            assert ind.name.get(lang, model.languages) in text
            status = term("ind_status", statuses[ind.id].status, lang)
            assert f'nap-badge--ind-{statuses[ind.id].status.replace("_", "-")}">{status}<' in page, (lang, ind.id)
            if ind.baseline or ind.targets or statuses[ind.id].actuals:
                m = re.search(r'<figure class="nap-chart"><img src="([^"]+indicator-[^"]+\.svg)" alt="([^"]+)"', page)
                assert m, (lang, ind.id)
                svg = (any_site.site / url / m.group(1)).resolve()
                assert svg.is_file() and svg.read_bytes().lstrip().startswith(b"<?xml")
                assert _("{name}: baseline, actual values and targets", lang, name="").strip(": ") in text  # the table
                for pt in ind.targets:
                    assert str(pt.year) in text
            assert f'href="{case_safe(ind.id)}/"' in any_site.html(r.url("indicators"))


def test_the_demonstration_plan_shows_the_statuses_the_method_gives(demo_site: Built) -> None:
    for lang in demo_site.model.languages:
        r = demo_site.routes(lang)
        index = text_of(demo_site.html(r.url("indicators")))
        for ident, status in DEMO_STATUSES.items():
            text = text_of(demo_site.html(r.url("indicator", ident)))
            assert term("ind_status", status, lang) in text
            assert term("ind_status", status, lang) in index
    # the actual reported for 2027 is on the chart's table and in the explanation
    text = text_of(demo_site.html(demo_site.routes("en").url("indicator", "IND-VICTIMS")))
    assert "2027 Actual value 91" in text
    assert "59 % of the growth needed" in text


def test_measure_pages_and_the_dashboard_link_to_indicator_pages(demo_site: Built) -> None:
    r = demo_site.routes("nb")
    measure = demo_site.html(r.url("measure", "M-02"))
    assert 'href="../../indikatorer/IND-VICTIMS/"' in measure
    dashboard = demo_site.html(r.url("progress", "2027"))
    assert 'href="../../indikatorer/IND-VICTIMS/"' in dashboard
    assert term("ind_status", "limited", "nb") in text_of(dashboard)


def test_every_recommendation_has_a_page_at_a_stable_address_in_every_language(any_site: Built) -> None:
    model = any_site.model
    for lang in model.languages:
        r = any_site.routes(lang)
        for rec in model.recommendations.values():
            url = r.url("recommendation", f"{rec.source}/{rec.id}")
            assert url == f"{r.prefix}{labels.slug('recommendations', lang)}/{case_safe(rec.source)}/{case_safe(rec.id)}/"
            page = any_site.html(url)
            text = text_of(page)
            assert rec.id in text
            assert rec.summary.get(lang, model.languages) in text
            assert term("response", rec.response.status, lang) in text
            if rec.quote:
                assert " ".join(rec.quote.split()) in text
            if rec.response.justification:
                assert " ".join(rec.response.justification.get(lang, model.languages).split())[:40] in text
            for m in model.measures.values():
                if any(i.recommendation == rec.id for i in m.implements):
                    assert f"{m.id} " in text, (lang, rec.id, m.id)
            for other in (*rec.related, *rec.same_as):
                if other in model.recommendations:
                    assert other in text


def test_same_as_is_shown_both_ways(real_site: Built) -> None:
    model = real_site.model
    pairs = [(r.id, o) for r in model.recommendations.values() for o in r.same_as if o in model.recommendations]
    if not pairs:
        pytest.skip("the real plan has no same_as links yet")
    r = real_site.routes("en")
    for a, b in pairs[:20]:
        text = text_of(real_site.html(r.url("recommendation", f"{model.recommendations[b].source}/{b}")))
        assert a in text


def test_catalog_pages_are_filterable_indexes(any_site: Built) -> None:
    model = any_site.model
    for lang in model.languages:
        r = any_site.routes(lang)
        for s in model.sources:
            page = any_site.html(r.url("source", s.id))
            assert '<form id="nap-filter"' in page and "<script>" in page
            for name in ("pillar", "theme", "response", "coverage"):
                assert f'<select id="nap-filter-{name}" name="{name}">' in page
            for rec in model.recommendations_of(s.id):
                # the old anchor still lands on the recommendation's row, which links to its page
                row = re.search(rf'<tr id="{re.escape(rec.id.lower())}" data-pillar="{rec.pillar}"[^>]*>(.*?)</tr>',
                                page, re.DOTALL)
                assert row, (lang, rec.id)
                assert f'href="{case_safe(rec.id)}/"' in row.group(1)


def test_page_names_never_collide_when_ids_differ_only_in_case() -> None:
    ids = ["OSCE23-R01", "OSCE23-r01", "osce23-r01", "Osce23-R01", "M-01a", "M-01A", "index", "INDEX"]
    names = [case_safe(i) for i in ids]
    assert len({n.casefold() for n in names}) == len(ids)
    assert case_safe("OSCE23-R01") == "OSCE23-R01"  # upper-case ids keep their address
    routes = Routes("nb", "")
    paths = {routes.path("recommendation", f"S/{i}").casefold() for i in ids}
    assert len(paths) == len(ids)
    paths = {routes.path("indicator", i).casefold() for i in ids}
    assert len(paths) == len(ids)


def test_a_catalog_with_ids_differing_in_case_builds(tmp_path: Path) -> None:
    """Two sources whose ids differ only in case are a finding (NAP212) in `nap check`, but the
    site's addresses must not depend on that check: composing their pages gives distinct paths."""
    import dataclasses

    from napkit.analyse import analyse
    from napkit.pipeline import run_folder
    from napkit.render.site.compose import compose

    result = run_folder(REPO / "tests" / "fixtures" / "valid_plan")
    model = result.model
    rec = next(iter(model.recommendations.values()))
    twin = dataclasses.replace(rec, id=rec.id.lower() if rec.id != rec.id.lower() else rec.id.upper())
    recs = dict(model.recommendations)
    recs[twin.id] = twin
    model = dataclasses.replace(model, recommendations=recs)
    site = compose(model, analyse(model), REPO / "tests" / "fixtures" / "valid_plan", [])
    for tree in site.languages:
        paths = [p.path for p in tree.pages]
        assert len({p.casefold() for p in paths}) == len(paths)


def test_the_site_offers_the_open_data(demo_site: Built) -> None:
    import datetime as dt

    from napkit.analyse import analyse
    from napkit.export.open_data import open_data_files
    from napkit.render.site import pinned_epoch

    model = demo_site.model
    when = dt.datetime.fromtimestamp(pinned_epoch(model), dt.timezone.utc).date()
    expected = open_data_files(model, analyse(model), when)
    data = demo_site.site / "data"
    assert sorted(p.name for p in data.iterdir()) == sorted(expected)
    for name, content in expected.items():
        assert (data / name).read_bytes() == content, name
    for lang in model.languages:
        page = html.unescape(demo_site.html(demo_site.routes(lang).url("downloads")))
        for name in expected:
            assert f'/data/{name}"' in page or f'"data/{name}"' in page or f'../data/{name}"' in page, (lang, name)
        assert "creativecommons.org/licenses/by/4.0/" in page


def test_the_accessibility_statement_says_what_is_tested_and_where_to_complain(fixture_site: Built) -> None:
    model = fixture_site.model
    for lang in model.languages:
        r = fixture_site.routes(lang)
        page = fixture_site.html(r.url("accessibility"))
        text = text_of(page)
        assert _("Accessibility statement", lang) in text
        assert "WCAG 2.1 AA" in text and "axe-core" in text and "PDF/UA-1" in text
        assert 'href="https://www.uutilsynet.no/"' in page and 'href="https://uustatus.no/"' in page
        assert 'href="https://example.org/tilbakemelding"' in page  # plan.yaml accessibility.contact
        assert model.plan.accessibility.deviations[0].get(lang) in text  # the plan's own deviation
        assert _("The charts are images. Their text is drawn as shapes and cannot be enlarged as text or read by a screen reader; each chart has a text alternative and its figures in a table next to it.", lang) in text
        assert fixture_site.html(r.url("home")).count(r.url("accessibility").split("/")[-2]) >= 1  # in the nav


def test_a_hand_written_statement_wins(tmp_path: Path) -> None:
    from conftest import fixture_plan_copy

    root = fixture_plan_copy(tmp_path / "plan")
    (root / "site" / "nb" / "tilgjengelighetserklaering.md").write_text(
        "# Vår egen erklæring\n\nSkrevet for hånd.\n", encoding="utf-8")
    built = build("hand", root, tmp_path / "out")
    text = text_of(built.html("tilgjengelighetserklaering/"))
    assert "Skrevet for hånd." in text and "axe-core" not in text
    assert "axe-core" in text_of(built.html("en/accessibility-statement/"))  # the other language keeps napkit's


# -- in the browser ----------------------------------------------------------------------------

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="module")
def served_demo(demo_site: Built):
    from site_testing import Server

    server = Server(demo_site.site)
    yield demo_site, server.base
    server.close()


def _new_templates(built: Built, lang: str) -> dict[str, str]:
    r = built.routes(lang)
    m = built.model
    out = {"indicators": r.url("indicators"), "accessibility": r.url("accessibility"),
           "downloads": r.url("downloads"), "progress": r.url("progress", "2027")}
    for ident in m.indicators:
        out[f"indicator {ident}"] = r.url("indicator", ident)
    for s in m.sources:
        out[f"catalog {s.id}"] = r.url("source", s.id)
    rec = next(iter(m.recommendations.values()))
    out["recommendation"] = r.url("recommendation", f"{rec.source}/{rec.id}")
    return out


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 360])
def test_no_axe_violations_on_the_new_pages_of_the_demonstration_plan(served_demo, browser, width: int) -> None:
    from axe_playwright_python.sync_playwright import Axe

    built, base = served_demo
    axe = Axe()
    page = browser.new_page(viewport={"width": width, "height": 900})
    found = {}
    for lang in built.model.languages:
        for name, url in _new_templates(built, lang).items():
            page.goto(base + url, wait_until="load")
            violations = axe.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}}).response["violations"]
            if violations:
                found[f"{lang} {name}"] = [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in violations]
    page.close()
    assert not found, found


@pytest.mark.browser
def test_the_catalog_filter_works_without_network(served_demo, browser) -> None:
    built, base = served_demo
    model = built.model
    source = model.sources[0].id
    recs = model.recommendations_of(source)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    requests: list[str] = []
    page.on("request", lambda req: requests.append(req.url))
    page.goto(base + built.routes("en").url("source", source), wait_until="load")
    assert page.locator("#nap-filter").is_visible()
    visible = lambda: page.locator("#nap-catalog tbody tr:visible").count()  # noqa: E731
    assert visible() == len(recs)
    page.select_option("#nap-filter-response", "partly")
    assert visible() == sum(1 for r in recs if r.response.status == "partly")
    assert "of " + str(len(recs)) in page.locator("#nap-filter-count").inner_text()
    page.click("#nap-filter button[type=reset]")
    page.wait_for_function(f"document.querySelectorAll('#nap-catalog tbody tr:not([hidden])').length === {len(recs)}")
    assert all(u.startswith(base) for u in requests), [u for u in requests if not u.startswith(base)]
    page.close()
