"""Helpers the site tests share (a module, not a package: see tests/render/site/conftest.py)."""

from __future__ import annotations

import functools
import html
import http.server
import os
import re
import socketserver
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

from napkit.model import PlanModel
from napkit.render.site.compose import prefix_of
from napkit.render.site.context import Routes

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]


@dataclass
class Built:
    name: str
    root: Path
    out: Path
    model: PlanModel
    seconds: float

    @property
    def site(self) -> Path:
        return self.out / "site"

    def routes(self, lang: str) -> Routes:
        return Routes(lang, prefix_of(lang, self.model.plan.default_language))

    def html(self, site_url: str) -> str:
        """The built HTML of the page at a site URL ('tiltak/M-01/')."""
        path = self.site / site_url / "index.html" if site_url.endswith("/") or not site_url else self.site / site_url
        return path.read_text(encoding="utf-8")



def text_of(page_html: str) -> str:
    """The visible text of a built page's content, entities decoded, whitespace collapsed."""
    m = re.search(r'<article class="md-content__inner md-typeset">(.*?)</article>', page_html, re.S)
    assert m, "no article in page"
    body = re.sub(r"<script.*?</script>|<style.*?</style>", " ", m.group(1), flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def page_templates(built: Built, lang: str) -> dict[str, str]:
    """One site URL per kind of page, in one language."""
    m = built.model
    r = built.routes(lang)
    templates = {
        "home": r.url("home"),
        "measures": r.url("measures"),
        "objective": r.url("objective", next(iter(m.objectives))),
        "measure": r.url("measure", next(iter(m.measures))),
        "sources": r.url("sources"),
        "source": r.url("source", m.sources[0].id),
        "coverage": r.url("coverage"),
        "budget": r.url("budget"),
        "timeline": r.url("timeline"),
        "agencies": r.url("agencies"),
        "agency": r.url("agency", next(iter(m.agencies))),
        "downloads": r.url("downloads"),
        "indicators": r.url("indicators"),
        "accessibility": r.url("accessibility"),
    }
    if m.indicators:  # issue 16: an indicator page (with a chart), a recommendation page
        templates["indicator"] = r.url("indicator", next(iter(m.indicators)))
    rec = next(iter(m.recommendations.values()), None)
    if rec is not None:
        templates["recommendation"] = r.url("recommendation", f"{rec.source}/{rec.id}")
    # hand-written pages: site/nb/om.md and site/en/about.md, in the fixture and in the real plan
    templates["about"] = r.prefix + ("om/" if lang == "nb" else "about/")
    if built.name == "fixture":
        templates["hostile measure"] = r.url("measure", "M-03")
    return templates


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


class Server:
    def __init__(self, directory: Path):
        handler = functools.partial(_QuietHandler, directory=str(directory))
        self.httpd = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def need_chromium() -> None:
    if CHROMIUM.exists():
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true, but {CHROMIUM} is missing: the browser tests must run in CI (apt install chromium)")
    pytest.skip(f"{CHROMIUM} not found: browser and accessibility tests need Debian's chromium "
                "(apt install chromium); under CI=true they fail instead of skipping")
