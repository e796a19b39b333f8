"""Page builders: one module per kind of page, each turning the model and analysis into `Page`s
of one language. `Doc` assembles a page body: Markdown headings and paragraphs, HTML blocks."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..escape import Safe, esc
from ..html import block
from ..tree import Page


class Doc:
    """A page body, part by part. Headings are Markdown (so they get ids, a table of contents
    and search sections); tables, cards and figures are HTML blocks."""

    def __init__(self) -> None:
        self._parts: list[str] = []

    def h(self, level: int, text: object, anchor: str | None = None, lang: str | None = None) -> "Doc":
        """A heading; `lang` when its text is in another language than the page (attr_list)."""
        line = "#" * level + " " + str(esc(text))
        attrs = " ".join(x for x in ("#" + anchor if anchor else "", f"lang={lang}" if lang else "") if x)
        if attrs:
            line += " {" + attrs + "}"
        self._parts.append("\n\n" + line + "\n\n")
        return self

    def html(self, html: Safe) -> "Doc":
        if html:
            self._parts.append(block(html))
        return self

    def prose(self, text: Safe) -> "Doc":
        """Markdown made by escape.prose (or esc)."""
        if text:
            self._parts.append("\n\n" + str(text) + "\n\n")
        return self

    def markdown(self) -> str:
        body = "".join(self._parts)
        while "\n\n\n" in body:
            body = body.replace("\n\n\n", "\n\n")
        return body.strip("\n") + "\n"


@dataclass
class Output:
    """What the builders of one language produce: pages and files (charts)."""

    pages: list[Page] = field(default_factory=list)
    files: dict[str, bytes] = field(default_factory=dict)

    def add(self, page: Page) -> Page:
        self.pages.append(page)
        return page
