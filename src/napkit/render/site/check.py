"""Checks of the built site that MkDocs does not make: every link inside the site leads to a file
(and anchor) that exists, nothing is loaded from another host, and no link runs script.

Only `<a href>` may point elsewhere (an agency's website, a report), and only over http(s) or
mailto. Everything a page loads — scripts, stylesheets, images, frames, fonts, CSS url() — must
come from the site itself."""

from __future__ import annotations

import os
import posixpath
import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree

# attributes that make the browser fetch something (on any element)
_LOADING_ATTRS = {"src", "srcset", "data", "poster", "background", "action", "formaction", "manifest", "xlink:href"}
_CSS_URL = re.compile(r"url\(\s*(['\"]?)(.*?)\1\s*\)|@import\s+(['\"])(.*?)\3", re.I | re.S)
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.I)
_LINK_SCHEMES = ("http:", "https:", "mailto:")
# plain lxml elements: lxml.html's element classes cost a Python lookup per element. libxml2's
# HTML parser gives tag and attribute names in lower case.
_PARSER = etree.HTMLParser(encoding="utf-8")


class _Page:
    """What one page links to, loads and names (ids), read with lxml: a site of thousands of
    pages is parsed several times faster than with html.parser."""

    def __init__(self, data: bytes) -> None:
        self.ids: set[str] = set()
        self.links: list[str] = []  # <a href>, <area href>
        self.loads: list[tuple[str, str]] = []  # (what, url)
        self.styles: list[str] = []
        if not data.strip():
            return
        root = etree.fromstring(data, _PARSER)
        if root is None:
            return
        for el in root.iter(etree.Element):  # not comments or processing instructions
            attrib = el.attrib
            if attrib:  # most elements have none, and only attributes and <style> matter here
                self._element(el.tag, dict(attrib))
            if el.tag == "style" and el.text:
                self.styles.append(el.text)

    def _element(self, tag: str, a: dict[str, str]) -> None:
        for key in ("id", "name"):
            if key in a and (key == "id" or tag == "a"):
                self.ids.add(a[key])
        if tag in ("a", "area") and "href" in a:
            self.links.append(a["href"])
        elif "href" in a and tag == "link":
            rel = a.get("rel", "").lower().split()
            if any(r in rel for r in ("stylesheet", "icon", "preload", "prefetch", "preconnect", "dns-prefetch",
                                      "modulepreload", "manifest", "alternate", "search")):
                self.loads.append((f"<link rel={a.get('rel')}>", a["href"]))
            else:
                self.links.append(a["href"])
        elif "href" in a and tag not in ("base",):
            self.loads.append((f"<{tag} href>", a["href"]))
        for key in _LOADING_ATTRS:
            if key in a:
                value = a[key]
                urls = [part.strip().split(" ")[0] for part in value.split(",")] if key == "srcset" else [value]
                self.loads.extend((f"<{tag} {key}>", u) for u in urls if u)
        if "style" in a:
            self.styles.append(a["style"])
        if tag == "meta" and a.get("http-equiv", "").lower() == "refresh":
            self.loads.append(("<meta refresh>", a.get("content", "").partition("url=")[2]))


def _css_urls(css: str) -> list[str]:
    return [(m.group(2) if m.group(2) is not None else m.group(4) or "").strip() for m in _CSS_URL.finditer(css)]


def _target(dirs: set[str], page_rel: str, url: str) -> tuple[str, str] | None:
    """(site-relative path of the file a relative URL leads to, fragment); None for ''/#only."""
    parts = _split(url)
    if not parts[0]:
        return page_rel, parts[1]
    return _resolve(dirs, posixpath.dirname(page_rel), url)


@lru_cache(maxsize=262144)
def _split(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return unquote(parts.path), parts.fragment


def _resolve(dirs: set[str], folder: str, url: str) -> tuple[str, str] | None:
    key = (folder, url)  # every page of a folder repeats the same nav links
    if key not in _RESOLVED:
        path, fragment = _split(url)
        if path.startswith("/"):
            _RESOLVED[key] = None  # root-relative: depends on where the site is served; the caller says so
        else:
            joined = posixpath.normpath(posixpath.join(folder, path))
            if path.endswith("/") or joined in dirs:
                joined = "index.html" if joined == "." else posixpath.join(joined, "index.html")
            _RESOLVED[key] = (joined, fragment)
    return _RESOLVED[key]


_RESOLVED: dict[tuple[str, str], tuple[str, str] | None] = {}  # for one site: emptied by check_site


# Anchors are resolved once every page is read: a page's findings are either a problem ("problem",
# text) or an anchor to look up ("anchor", link, target page, fragment), in page order.
PageFinding = tuple


def _page_findings(rel: str, page: _Page, files: set[str], dirs: set[str]) -> list[PageFinding]:
    found: list[PageFinding] = []
    # a host serves 404.html at whatever address was missing, so MkDocs writes it with
    # root-relative URLs: only external loads are checked there
    error_page = posixpath.basename(rel) == "404.html"
    for what, url in page.loads:
        if _EXTERNAL.match(url) and not url.lower().startswith("data:"):
            found.append(("problem", f"{rel}: {what} loads {url!r} from outside the site"))
        elif url.startswith("/"):
            if not error_page:
                found.append(("problem", f"{rel}: {what} {url!r} is root-relative; the site must work from any folder"))
        elif url and not url.lower().startswith("data:"):
            target = _target(dirs, rel, url)
            if target and target[0] not in files:
                found.append(("problem", f"{rel}: {what} {url!r} does not exist in the site"))
    for css in page.styles:
        for url in _css_urls(css):
            if _EXTERNAL.match(url) and not url.lower().startswith("data:"):
                found.append(("problem", f"{rel}: inline style loads {url!r} from outside the site"))
    for url in page.links:
        low = url.strip().lower()
        if _EXTERNAL.match(low):
            if not low.startswith(_LINK_SCHEMES):
                found.append(("problem", f"{rel}: link {url!r} uses a scheme other than http(s)/mailto"))
            continue
        if low.startswith("/"):
            if not error_page:
                found.append(("problem", f"{rel}: link {url!r} is root-relative; the site must work from any folder"))
            continue
        target = _target(dirs, rel, url)
        if target is None:
            continue
        path, fragment = target
        if path not in files:
            found.append(("problem", f"{rel}: link {url!r} leads nowhere ({path} does not exist)"))
        elif fragment and path.endswith(".html") and not fragment.startswith("__"):
            found.append(("anchor", f"{rel}: link {url!r}: {path} has no anchor '{fragment}'", path,
                          unquote(fragment)))
    return found


# the folder being checked, for worker processes (set by _start_worker)
_WORKER: dict = {}


def _start_worker(site: Path, files: set[str], dirs: set[str]) -> None:
    _WORKER.update(site=site, files=files, dirs=dirs)


def _check_pages(pages: list[str]) -> list[tuple[str, set[str], list[PageFinding]]]:
    site, files, dirs = _WORKER["site"], _WORKER["files"], _WORKER["dirs"]
    out = []
    for rel in pages:
        page = _Page((site / rel).read_bytes())
        out.append((rel, page.ids, _page_findings(rel, page, files, dirs)))
    return out


# a site this big is read by one process per core (lxml releases no GIL for our Python loop)
PARALLEL_FROM = 400


def check_site(site: Path, only: set[str] | None = None) -> list[str]:
    """Problems in the built site at `site`, one line each (empty when all is well). `only`: the
    pages to check (site-relative .html paths; an incremental build checks what it rebuilt),
    else every page and stylesheet."""
    _RESOLVED.clear()
    # one listing of the site instead of a stat per link
    files: set[str] = set()
    dirs: set[str] = {"."}
    for p in site.rglob("*"):
        (dirs if p.is_dir() else files).add(p.relative_to(site).as_posix())
    pages = sorted(f for f in files if f.endswith(".html") and (only is None or f in only))
    workers = min(os.cpu_count() or 1, 8)
    if len(pages) >= PARALLEL_FROM and workers > 1:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        size = max(50, len(pages) // (workers * 8))
        chunks = [pages[i:i + size] for i in range(0, len(pages), size)]
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                                 initializer=_start_worker, initargs=(site, files, dirs)) as pool:
            checked = [item for chunk in pool.map(_check_pages, chunks) for item in chunk]
    else:
        _start_worker(site, files, dirs)
        checked = _check_pages(pages)
    ids: dict[str, set[str]] = {rel: page_ids for rel, page_ids, _ in checked}

    def ids_of(rel: str) -> set[str]:
        if rel not in ids:  # a page outside `only`
            ids[rel] = _Page((site / rel).read_bytes()).ids
        return ids[rel]

    problems: list[str] = []
    for _rel, _ids, found in checked:
        for finding in found:
            if finding[0] == "problem":
                problems.append(finding[1])
            elif finding[3] not in ids_of(finding[2]):
                problems.append(finding[1])
    for css_file in sorted(site.rglob("*.css")) if only is None else ():
        for url in _css_urls(css_file.read_text(encoding="utf-8", errors="replace")):
            if _EXTERNAL.match(url) and not url.lower().startswith("data:"):
                problems.append(f"{css_file.relative_to(site).as_posix()}: url({url}) loads from outside the site")
    return problems
