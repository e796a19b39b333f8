"""The built site in Chromium, served over http://127.0.0.1: every kind of page loads without
console errors and without a request leaving the machine; search finds measures in both
languages; the language switcher keeps the reader on the same page; nothing from the plan runs."""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urlsplit

import pytest

from site_testing import Built, Server, page_templates

pytestmark = pytest.mark.browser

WORD = re.compile(r"[^\W\d_]{6,}", re.U)


def open_page(browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    log = {"errors": [], "requests": [], "dialogs": []}
    page.on("console", lambda m: log["errors"].append(f"console.{m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: log["errors"].append(f"page error: {e}"))
    page.on("request", lambda r: log["requests"].append(r.url))

    def dialog(d):
        log["dialogs"].append(d.message)
        d.dismiss()

    page.on("dialog", dialog)
    return page, log


def test_every_page_template_loads_cleanly_and_locally(served, browser) -> None:
    built, base = served
    page, log = open_page(browser)
    for lang in built.model.languages:
        for name, url in page_templates(built, lang).items():
            response = page.goto(base + url, wait_until="load")
            assert response is not None and response.status == 200, (lang, name, url)
            assert page.locator("h1").count() >= 1, (lang, name)
            assert page.evaluate("document.documentElement.lang") == lang
    page.wait_for_load_state("networkidle")
    page.close()
    assert log["errors"] == []
    assert log["dialogs"] == [], "text from the plan ran as script"
    outside = [u for u in log["requests"] if urlsplit(u).hostname != "127.0.0.1" and not u.startswith(("data:", "blob:"))]
    assert outside == [], "requests left the site"
    assert len(log["requests"]) > 10


def distinctive_word(built: Built, lang: str) -> tuple[str, str]:
    """(measure id, a word of its description that no other measure's description has)."""
    m = built.model
    words = {mid: set(w.lower() for w in WORD.findall(x.description.get(lang, m.languages)))
             for mid, x in m.measures.items()}
    counts = Counter(w for ws in words.values() for w in ws)
    titles = " ".join(x.title.get(lang, m.languages).lower() for x in m.measures.values())
    for mid, ws in words.items():
        for w in sorted(ws):
            if counts[w] == 1 and w not in titles and w not in ("script", "alert", "onerror"):
                return mid, w
    pytest.skip("no measure has a word of its own in its description")


def search(page, query: str) -> list[str]:
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    box.press_sequentially(query, delay=10)  # Material searches on key events, as a reader types
    page.wait_for_selector(".md-search-result__item a", timeout=15_000)
    return page.eval_on_selector_all(".md-search-result__item a", "els => els.map(e => e.href)")


def test_search_finds_a_measure_by_a_word_of_its_description(served, browser) -> None:
    built, base = served
    page, log = open_page(browser)
    for lang in built.model.languages:
        mid, word = distinctive_word(built, lang)
        page.goto(base + built.routes(lang).url("home"), wait_until="networkidle")
        hrefs = search(page, word)
        target = built.routes(lang).url("measure", mid)
        assert any(urlsplit(h).path.lstrip("/").startswith(target) for h in hrefs), (lang, word, hrefs)
    page.close()
    assert log["errors"] == []


def test_searching_for_the_hostile_title_runs_nothing(fixture_site: Built, browser) -> None:
    server = Server(fixture_site.site)
    try:
        page, log = open_page(browser)
        page.goto(server.base, wait_until="networkidle")
        search(page, "script alert")
        text = page.locator(".md-search-result").inner_text()
        assert "<script>alert(1)</script>" in text
        assert page.locator(".md-search-result script").count() == 0
        page.close()
        assert log["dialogs"] == [] and log["errors"] == []
    finally:
        server.close()


def test_language_switcher_goes_to_the_same_page(served, browser) -> None:
    built, base = served
    langs = built.model.languages
    if len(langs) < 2:
        pytest.skip("one language only")
    page, log = open_page(browser)
    for kind, ident in (("measure", next(iter(built.model.measures))), ("budget", None),
                        ("agency", next(iter(built.model.agencies)))):
        for a, b in ((langs[0], langs[1]), (langs[1], langs[0])):
            page.goto(base + built.routes(a).url(kind, ident), wait_until="networkidle")
            page.locator(".md-header__option .md-select").hover()
            page.locator(f'.md-select__link[hreflang="{b}"]').click()
            page.wait_for_load_state("networkidle")
            assert urlsplit(page.url).path.lstrip("/") == built.routes(b).url(kind, ident), (kind, a, b)
            assert page.evaluate("document.documentElement.lang") == b
    page.close()
    assert log["errors"] == []
