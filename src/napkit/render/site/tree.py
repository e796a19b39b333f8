"""The website as a builder-neutral tree: per language, Markdown pages (with the few HTML blocks
Markdown has no syntax for), files beside them (charts, stylesheet, downloads) and a nav.

Nothing here knows MkDocs: `mkdocs.py` writes this tree out for MkDocs Material, and another
builder could take the same tree. Paths are POSIX, relative to the language's root; URLs are
directory URLs (`tiltak/M-01.md` is served at `tiltak/M-01/`)."""

from __future__ import annotations

import posixpath
from functools import lru_cache
from dataclasses import dataclass, field


# napkit's stylesheet, in every language's files
STYLESHEET = "assets/napkit/napkit.css"


@dataclass(frozen=True, slots=True)
class Page:
    path: str  # "tiltak/M-01.md", relative to the language root
    title: str  # plain text; whoever writes it into a template escapes it
    body: str  # Markdown; every text from the plan in it is already escaped
    kind: str  # home | objective | measure | agency | source | coverage | budget | timeline | downloads | measures | agencies | sources | handwritten
    key: str  # the same page in every language has the same key ("measure:M-01", "about")
    description: str = ""  # plain text summary for <meta name="description">
    alternates: tuple[tuple[str, str], ...] = ()  # (lang, href relative to this page), every language
    meta: dict = field(default_factory=dict)  # more front matter, passed to the builder as it is

    @property
    def url(self) -> str:
        return url_of(self.path)


@dataclass(frozen=True, slots=True)
class NavItem:
    title: str  # plain text
    page: str | None = None  # path of the page, or None for a section without a page of its own
    children: tuple["NavItem", ...] = ()


@dataclass(slots=True)
class LanguageTree:
    lang: str
    prefix: str  # where the language sits in the site: "" or "en/"
    site_name: str  # plain text
    site_description: str
    pages: list[Page] = field(default_factory=list)
    nav: list[NavItem] = field(default_factory=list)
    files: dict[str, bytes] = field(default_factory=dict)  # path → bytes: charts, stylesheet, documents

    def page(self, key: str) -> Page | None:
        return next((p for p in self.pages if p.key == key), None)


@dataclass(slots=True)
class SiteTree:
    default_language: str
    languages: list[LanguageTree]


def url_of(path: str) -> str:
    """'index.md' → '', 'tiltak/index.md' → 'tiltak/', 'tiltak/M-01.md' → 'tiltak/M-01/',
    anything not Markdown stays as it is."""
    if not path.endswith(".md"):
        return path
    stem = path[:-3]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


@lru_cache(maxsize=1 << 16)
def _relpath(target: str, base: str) -> str:
    """posixpath.relpath for the site's own clean relative paths, without its getcwd() per call."""
    t = [] if target == "." else target.split("/")
    b = [] if base == "." else base.split("/")
    if {"..", "", "."} & {*t, *b}:
        return posixpath.relpath(target, base)
    common = 0
    for x, y in zip(t, b):
        if x != y:
            break
        common += 1
    return "/".join([".."] * (len(b) - common) + t[common:]) or "."


def relative_url(from_url: str, to_url: str) -> str:
    """The link from a page at site URL `from_url` (a directory URL) to `to_url` (a directory URL
    ending in '/', the root '', or a file), as a relative URL that works from any host or folder."""
    anchor = ""
    if "#" in to_url:
        to_url, anchor = to_url.split("#", 1)
        anchor = "#" + anchor
    rel = _relpath(to_url.rstrip("/") or ".", from_url.rstrip("/") or ".")
    if to_url == "" or to_url.endswith("/"):
        rel = "./" if rel == "." else rel + "/"
    return rel + anchor
