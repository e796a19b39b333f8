"""napkit's plugin inside the MkDocs build (added by mkdocs_run.py, never listed in a mkdocs.yml):
it spares MkDocs work whose result napkit already has, and changes no byte of the site.

- **Raw HTML passes through.** napkit writes its tables, fact lists and figures as finished HTML,
  one block per line. Python-Markdown would parse each again with html.parser only to copy it
  to the output unchanged. Each such line is set aside before Markdown runs and put back after,
  where Markdown would have put it.
- **The nav is drawn once per place.** The nav of a page that is not in the nav itself (a
  measure, a recommendation, an agency) marks nothing as active and shows no table of contents:
  it differs between those pages only by its links, which are relative to the page. Pages whose
  links to the nav's pages read the same get one drawing of it. Material's nav macro was the most
  expensive part of its template, and it ran for every page.

tests/render/site/test_mkdocs_plugin.py builds sites with and without the plugin and compares
every file."""

from __future__ import annotations

import logging
import os
import re

from markupsafe import Markup

from .engines import SPEEDUPS_OFF

try:  # ProperDocs answers `mkdocs` imports itself (engines.py)
    from mkdocs.plugins import BasePlugin
except ImportError:  # pragma: no cover - the engine is checked before a build
    BasePlugin = object  # type: ignore[misc,assignment]

# One line of napkit's finished HTML: a block-level element opening at the start of the line and
# the same element closing at its end, alone between blank lines (how pages/*.py write them).
_BLOCK_TAGS = "div|dl|table|figure|p|nav|section|aside|details|ul|ol|svg"
_RAW_LINE = re.compile(rf"(?m)(?<=\n\n)<({_BLOCK_TAGS})\b[^\n]*</\1>(?=\n\n|\n?\Z)")


def _one_element(line: str, tag: str) -> bool:
    """Whether the element that opens `line` closes only at its end."""
    depth = 0
    for m in re.finditer(rf"<(/?){tag}\b", line):
        depth += -1 if m.group(1) else 1
        if depth == 0:
            return m.end() + 1 == len(line)  # `</tag` + `>`
    return False


class NapkitPlugin(BasePlugin):
    """`speedups=False` only lends the templates `nap_cached_nav`, drawing every nav (tests)."""

    def __init__(self, speedups: bool = True) -> None:
        self.speedups = speedups
        self._token = "napkitraw" + os.urandom(6).hex()  # never in a page; never in the output
        self._placeholder = re.compile(rf"<p>{self._token}(\d+)</p>")
        self._nav: dict[str, Markup] = {}
        self._in_nav: set[str] = set()
        self._nav_urls: list[str] = []
        self._raw: dict[str, list[str]] = {}

    # -- the nav: once per place for pages outside it

    def on_pre_build(self, config, **kwargs):
        self._nav.clear()

    def on_nav(self, nav, config, files, **kwargs):
        self._in_nav = {page.file.src_uri for page in nav.pages}
        # every URL the nav links to (the logo's too), written relative to the page
        self._nav_urls = sorted({page.url for page in nav.pages} | {config.theme.get("logo") or ""})
        return nav

    def on_env(self, env, config, files, **kwargs):
        env.globals["nap_cached_nav"] = self._cached_nav
        return env

    def on_page_context(self, context, page, config, nav, **kwargs):
        from mkdocs.utils import get_relative_url

        outside = self.speedups and page.file.src_uri not in self._in_nav and not page.is_homepage
        # pages outside the nav whose links to its pages read the same get the same nav
        context["nap_nav_key"] = ("\0".join(get_relative_url(url, page.url) for url in self._nav_urls)
                                  if outside else None)
        return context

    def _cached_nav(self, key: str | None, caller) -> Markup:
        if not self.speedups or not isinstance(key, str):  # a page in the nav, or without one (404)
            return caller()
        drawn = self._nav.get(key)
        if drawn is None:
            drawn = self._nav[key] = Markup(caller())
        return drawn

    # -- raw HTML: set aside before Markdown, put back after

    def on_page_markdown(self, markdown, page, config, files, **kwargs):
        if not self.speedups or not page.meta.get("nap_generated"):
            return markdown  # hand-written: its HTML may span lines or sit in code blocks
        blocks: list[str] = []

        def set_aside(match: re.Match) -> str:
            if not _one_element(match.group(0), match.group(1)):
                return match.group(0)  # `<p>a</p><p>b</p>`: Markdown makes two blocks of it
            blocks.append(match.group(0))
            return f"{self._token}{len(blocks) - 1}"

        text = _RAW_LINE.sub(set_aside, markdown)
        self._raw[page.file.src_uri] = blocks
        return text

    def on_page_content(self, html, page, config, files, **kwargs):
        blocks = self._raw.pop(page.file.src_uri, [])
        if not blocks:
            return html
        # Markdown keeps the line's own newline with a raw block, and strips the whole page
        html = self._placeholder.sub(lambda m: blocks[int(m.group(1))] + "\n", html).strip()
        if self._token in html:  # a Markdown extension moved a placeholder: never publish it
            logging.getLogger("mkdocs.plugins.napkit").error(
                f"{page.file.src_uri}: napkit's HTML could not be put back where Markdown left it "
                f"(build with {SPEEDUPS_OFF} set to compare)")
        return html
