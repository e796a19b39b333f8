"""Helpers the site tests share (a module, not a package: see tests/render/site/conftest.py)."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from napkit.model import PlanModel
from napkit.render.site.compose import prefix_of
from napkit.render.site.context import Routes


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
    }
    # hand-written pages: site/nb/om.md and site/en/about.md, in the fixture and in the real plan
    templates["about"] = r.prefix + ("om/" if lang == "nb" else "about/")
    if built.name == "fixture":
        templates["hostile measure"] = r.url("measure", "M-03")
    return templates
