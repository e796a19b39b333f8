"""render/site/check.py on small hand-made sites: every kind of problem is found, in page order,
the same whether one process or several read the pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from napkit.render.site import check

PAGES = {
    "index.html": '<a href="a/">A</a><a href="a/#here">ok</a><a href="a/#gone">no anchor</a>'
                  '<a href="missing/">nowhere</a><a href="javascript:alert(1)">js</a>',
    "a/index.html": '<h2 id="here">Here</h2><img src="https://cdn.example/x.png">'
                    '<link rel="stylesheet" href="//fonts.example/css"><div style="background:url(http://t.example/p)"></div>',
    "b/index.html": '<a href="/root/">root-relative</a><script src="../assets/app.js"></script>'
                    '<IMG SRC="https://cdn.example/y.png"><A HREF="../missing/">upper case</A>',
    "assets/app.js": "",
    "assets/site.css": "@import url('https://fonts.example/x.css');",
}

EXPECTED = [
    "a/index.html: <img src> loads 'https://cdn.example/x.png' from outside the site",
    "a/index.html: <link rel=stylesheet> loads '//fonts.example/css' from outside the site",
    "a/index.html: inline style loads 'http://t.example/p' from outside the site",
    "b/index.html: <img src> loads 'https://cdn.example/y.png' from outside the site",
    "b/index.html: link '/root/' is root-relative; the site must work from any folder",
    "b/index.html: link '../missing/' leads nowhere (missing/index.html does not exist)",
    "index.html: link 'a/#gone': a/index.html has no anchor 'gone'",
    "index.html: link 'missing/' leads nowhere (missing/index.html does not exist)",
    "index.html: link 'javascript:alert(1)' uses a scheme other than http(s)/mailto",
    "assets/site.css: url(https://fonts.example/x.css) loads from outside the site",
]


@pytest.fixture
def site(tmp_path: Path) -> Path:
    for rel, text in PAGES.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(f"<html><body>{text}</body></html>" if rel.endswith(".html") else text)
    return tmp_path


def test_every_problem_is_reported_in_page_order(site: Path) -> None:
    assert check.check_site(site) == EXPECTED


def test_several_processes_find_the_same(site: Path, monkeypatch) -> None:
    monkeypatch.setattr(check, "PARALLEL_FROM", 1)
    monkeypatch.setattr(check.os, "cpu_count", lambda: 2)
    assert check.check_site(site) == EXPECTED


def test_only_checks_the_pages_named(site: Path) -> None:
    # anchors in pages outside `only` are still looked up
    assert check.check_site(site, only={"index.html"}) == [e for e in EXPECTED if e.startswith("index.html")]
