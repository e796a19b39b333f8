"""What a reader sees, measured in Chromium: every kind of page, in each language, at the widths
of a small phone (320), a phone (360), a tablet (768), a laptop (1280) and a wide screen (1920):
the page is never wider than the screen, no text is cut off or runs out of its box, and at
1280 px the budget, timeline and progress tables fit their column (the coverage matrix may
scroll, inside its own box, with its header row and first column staying in view). On a phone
the hidden navigation drawer is not in the tab order.

Pages load side by side (asyncio, a few tabs of one browser): 14 kinds × 2 languages × 5 widths
per plan take about a minute."""

from __future__ import annotations

import asyncio
import concurrent.futures

import pytest

from site_testing import CHROMIUM, CHROMIUM_ARGS, Built, need_chromium, page_templates

pytestmark = pytest.mark.browser

WIDTHS = (320, 360, 768, 1280, 1920)
TABS = 4  # pages loading at once
FIT_AT_1280 = ("budget", "timeline", "progress")

# Everything in the page's content that is wider than its own box without being a box that
# scrolls: text cut off (overflow hidden or clip) or running out over its neighbours (visible),
# as the English key figure ran out of its card. Inline boxes have no width of their own and
# screen-reader-only text is 1 px on purpose.
MEASURE = """() => {
  const out = {page: document.documentElement.scrollWidth, screen: window.innerWidth, overflowing: [], scrolling: []};
  for (const e of document.querySelectorAll('article.md-content__inner *')) {
    if (!e.clientWidth || e.closest('.nap-sr')) continue;
    const s = getComputedStyle(e);
    const scrolls = s.overflowX === 'auto' || s.overflowX === 'scroll';
    if (e.scrollWidth > e.clientWidth + 1) {
      const what = e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ').join('.') : '')
        + ' ' + e.scrollWidth + '>' + e.clientWidth + ' "' + (e.innerText || '').slice(0, 40) + '"';
      (scrolls ? out.scrolling : out.overflowing).push(what);
    }
  }
  return out;
}"""

# The coverage matrix: scrolled down and right inside its box, the measure header row is still
# at the box's top and the recommendation column at its left; marks show without scrolling.
MATRIX = """async () => {
  const box = document.querySelector('.nap-table.nap-matrix');
  if (!box || getComputedStyle(box).display === 'none') return null;
  const r = box.getBoundingClientRect();
  const dots = [...box.querySelectorAll('.nap-dot')].filter(d => {
    const b = d.getBoundingClientRect();
    return b.width >= 8 && b.left >= r.left && b.right <= r.right && b.top >= r.top && b.bottom <= r.bottom; });
  box.scrollTop = 400; box.scrollLeft = 400;
  await new Promise(f => requestAnimationFrame(() => requestAnimationFrame(f)));
  const head = box.querySelector('thead th:last-child').getBoundingClientRect();
  const first = [...box.querySelectorAll('tbody th')].find(th => th.getBoundingClientRect().top > r.top + 60);
  const list = document.querySelector('.nap-matrix-list');
  return {dots_in_view: dots.length, scrolled: [box.scrollTop, box.scrollLeft],
          head_top: head.top - r.top, first_left: first ? first.getBoundingClientRect().left - r.left : null,
          list_shown: !!list && getComputedStyle(list).display !== 'none'};
}"""


def templates(built: Built, lang: str) -> dict[str, str]:
    found = page_templates(built, lang)
    r = built.routes(lang)
    found["progress index"] = r.url("progress_index")
    periods = sorted({e.period for e in built.model.progress})
    if periods:
        found["progress"] = r.url("progress", periods[-1])
    return found


async def _measure_all(base: str, jobs: list[tuple[int, str, str, str]]) -> dict:
    from playwright.async_api import async_playwright

    results: dict = {}
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        contexts = {w: await browser.new_context(viewport={"width": w, "height": 900}) for w in WIDTHS}
        for context in contexts.values():  # a busy CI machine: pages may take longer than the 30 s default
            context.set_default_timeout(120_000)
        gate = asyncio.Semaphore(TABS)

        async def one(width: int, lang: str, name: str, url: str) -> None:
            async with gate:
                page = await contexts[width].new_page()
                try:
                    await page.goto(base + url, wait_until="load")
                    found = await page.evaluate(MEASURE)
                    if name == "coverage":
                        found["matrix"] = await page.evaluate(MATRIX)
                    results[(width, lang, name)] = found
                finally:
                    await page.close()

        await asyncio.gather(*(one(*job) for job in jobs))
        await browser.close()
    return results


@pytest.fixture(scope="session")
def layout(served) -> tuple[Built, dict]:
    need_chromium()
    built, base = served
    jobs = [(w, lang, name, url) for w in WIDTHS for lang in built.model.languages
            for name, url in templates(built, lang).items()]
    # in a thread of its own: the session's sync playwright (the `browser` fixture) runs an event
    # loop in this one, and asyncio.run refuses to start a second
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return built, pool.submit(asyncio.run, _measure_all(base, jobs)).result()


def test_no_page_is_wider_than_the_screen(layout) -> None:
    _, results = layout
    wide = {k: f"{v['page']} px on a {v['screen']} px screen" for k, v in results.items() if v["page"] > v["screen"]}
    assert not wide, wide


def test_no_text_is_cut_off_or_runs_out_of_its_box(layout) -> None:
    _, results = layout
    found = {k: v["overflowing"][:4] for k, v in results.items() if v["overflowing"]}
    assert not found, found


def test_budget_timeline_and_progress_tables_fit_at_1280(layout) -> None:
    built, results = layout
    found = {}
    for lang in built.model.languages:
        for name in FIT_AT_1280:
            r = results.get((1280, lang, name))
            if r is not None and r["scrolling"]:
                found[(lang, name)] = r["scrolling"]
    assert not found, f"tables that need sideways scrolling at 1280 px: {found}"
    assert any((1280, lang, "progress") in results for lang in built.model.languages) or not built.model.progress


def test_the_coverage_matrix_keeps_its_headers_in_view(layout) -> None:
    built, results = layout
    for lang in built.model.languages:
        for width in (768, 1280, 1920):
            m = results[(width, lang, "coverage")]["matrix"]
            if m is None:  # past MATRIX_MAX_COLUMNS the page is the list alone
                continue
            assert m["dots_in_view"] > 0, (lang, width, "no mark visible before scrolling")
            if m["scrolled"][0] > 0:
                assert abs(m["head_top"]) <= 2, (lang, width, "measure header row scrolled away", m)
            if m["scrolled"][1] > 0:
                assert m["first_left"] is not None and abs(m["first_left"]) <= 2, (lang, width, m)
            assert not m["list_shown"], (lang, width, "the list shows beside the grid")
        for width in (320, 360):
            m = results[(width, lang, "coverage")]["matrix"]
            assert m is None, (lang, width, "the grid shows on a phone; the list should")


def test_the_closed_navigation_drawer_is_not_in_the_tab_order(served, browser) -> None:
    """On a phone the first Tab stops are the skip link and the header; the content comes
    after a handful, not after every link of the hidden navigation drawer."""
    built, base = served
    page = browser.new_page(viewport={"width": 412, "height": 900})
    for lang in built.model.languages:
        page.goto(base + built.routes(lang).url("home"), wait_until="load")
        for presses in range(1, 30):
            page.keyboard.press("Tab")
            where = page.evaluate("""() => { const e = document.activeElement;
                const b = e.getBoundingClientRect();
                return {content: !!e.closest('.md-content'), drawer: !!e.closest('.md-sidebar--primary'),
                        visible: b.width > 0 && b.height > 0 && b.right > 0 && b.left < innerWidth}; }""")
            assert not where["drawer"], (lang, presses, "Tab went into the closed drawer")
            if where["content"]:
                break
        else:
            pytest.fail(f"{lang}: 30 Tab presses and still not in the content")
        assert presses <= 12, (lang, presses)
    page.close()


def test_printing_the_coverage_page_gives_the_list_not_a_cut_grid(served, browser) -> None:
    """Printed from the browser the grid was cut after M-11; on paper it is the list."""
    built, base = served
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.emulate_media(media="print")
    for lang in built.model.languages:
        page.goto(base + built.routes(lang).url("coverage"), wait_until="load")
        shown = page.evaluate("""() => ({
            grid: [...document.querySelectorAll('.nap-table.nap-matrix')].some(e => getComputedStyle(e).display !== 'none'),
            list: [...document.querySelectorAll('.nap-matrix-list')].every(e => getComputedStyle(e).display !== 'none'),
            items: document.querySelectorAll('.nap-matrix-list > li').length})""")
        assert not shown["grid"] and shown["list"], (lang, shown)
        assert shown["items"] == len(built.model.recommendations), (lang, shown)
    page.close()
