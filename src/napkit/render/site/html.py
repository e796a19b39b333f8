"""HTML blocks for what Markdown cannot say: tables with captions and row headers, key-figure
cards, facts lists, figures with their data table. Every argument that is not `Safe` is escaped
(see escape.py). Each block is one line-free chunk that Markdown passes through as it is."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from .escape import Safe, esc

_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True, slots=True)
class Cell:
    content: object
    header: bool = False  # a row header: <th scope="row">
    numeric: bool = False
    cls: str = ""


def num(content: object) -> Cell:
    return Cell(content, numeric=True)


def rowh(content: object) -> Cell:
    return Cell(content, header=True)


# Cells, rows, terms and their values are separated by a space in the markup: the search index
# takes a page's text without its tags, and its excerpts ran neighbours together
# ("AnsvarligKriposSamarbeidspartnere"). Browsers ignore the space between table cells.
def _cell(cell: object) -> str:
    """One cell's markup, its content escaped (Safe.escape leaves markup as it is). Plain string
    concatenation: big tables have hundreds of thousands of cells, and Safe.format is slow."""
    c = cell if isinstance(cell, Cell) else Cell(cell)
    classes = " ".join(x for x in ("nap-num" if c.numeric else "", c.cls) if x)
    attr = ' class="' + str(Safe.escape(classes)) + '"' if classes else ""
    content = str(Safe.escape("" if c.content is None else c.content))
    if c.header:
        return '<th scope="row"' + attr + ">" + content + "</th>"
    return "<td" + attr + ">" + content + "</td>"


def table(head: Sequence[object], rows: Iterable[Sequence[object]], *, caption: object = None,
          foot: Sequence[object] | None = None, numeric_from: int | None = None, numeric: Iterable[int] = (),
          cls: str = "", label: object = None) -> Safe:
    """A data table. `head` are the column headings; the columns in `numeric`, and those from
    `numeric_from` on, are right-aligned numbers. The first cell of `foot` (a totals row) is a row
    header.

    Tables of more than three columns may be wider than a phone: they scroll sideways in a
    region that takes keyboard focus (WCAG 2.1.1), named by `label` or the caption. The table
    has a class of its own so that Material's script leaves it unwrapped."""
    numeric_cols = set(numeric) | (set(range(numeric_from, len(head))) if numeric_from is not None else set())

    def mark(row: Sequence[object]) -> list[object]:
        return [num(c) if i in numeric_cols and not isinstance(c, Cell) else c for i, c in enumerate(row)]

    name = label if label is not None else caption
    if name is None:  # name the region by its columns
        name = Safe(", ").join(Safe(_TAG.sub("", str(Safe.escape(h.content if isinstance(h, Cell) else h))))
                               for h in head)
    if len(head) > 3:
        wrapper = Safe('<div class="nap-table nap-table--scroll{}" role="region" tabindex="0" aria-label="{}">').format(
            " " + cls if cls else "", name)
    else:
        wrapper = Safe('<div class="nap-table{}">').format(" " + cls if cls else "")
    parts = [wrapper + Safe('<table class="nap">')]
    if caption is not None:
        parts.append(Safe("<caption>{}</caption>").format(caption))
    parts.append(Safe("<thead><tr>"))
    for i, h in enumerate(head):
        classes = " ".join(x for x in ("nap-num" if i in numeric_cols else "", h.cls if isinstance(h, Cell) else "") if x)
        parts.append(Safe('<th scope="col"{}>{}</th> ').format(Safe(' class="{}"').format(classes) if classes else "",
                                                          h.content if isinstance(h, Cell) else h))
    parts.append(Safe("</tr></thead><tbody>"))
    for row in rows:
        parts.append(Safe("<tr>" + " ".join(_cell(c) for c in mark(row)) + "</tr> "))
    parts.append(Safe("</tbody>"))
    if foot is not None:
        cells = mark(foot)
        if cells and not (isinstance(cells[0], Cell) and cells[0].header):
            first = cells[0]
            cells[0] = Cell(first.content if isinstance(first, Cell) else first, header=True)
        parts.append(Safe("<tfoot><tr>" + " ".join(_cell(c) for c in cells) + "</tr></tfoot>"))
    parts.append(Safe("</table></div>"))
    return Safe("").join(parts)


# the no-break space between a number and a word after it ("726.0\u00a0million")
_NUMBER_WORD = re.compile(r"(?<=\d)\u00a0(?=[^\W\d_])")


def cards(items: Iterable[tuple[object, object]], *, label: object) -> Safe:
    """Key figures: (figure, what it counts) pairs as a list of cards. A figure may wrap between
    its number and the word after it ("NOK 726.0 / million") when the card is too narrow for it
    on one line; the currency stays with the number."""
    lis = Safe(" ").join(Safe('<li class="nap-card"><span class="nap-card__figure">{}</span> '
                             '<span class="nap-card__label">{}</span></li>').format(
                                 Safe(_NUMBER_WORD.sub(" ", str(Safe.escape(fig)))), what)
                        for fig, what in items)
    return Safe('<ul class="nap-cards" aria-label="{}">{}</ul>').format(label, lis)


def facts(pairs: Iterable[tuple[object, object]], *, label: object | None = None) -> Safe:
    """A definition list of facts (term → value); pairs with an empty value are left out."""
    body = Safe(" ").join(Safe("<div><dt>{}</dt> <dd>{}</dd></div>").format(k, v) for k, v in pairs if v)
    aria = Safe(' aria-label="{}"').format(label) if label is not None else Safe("")
    return Safe('<dl class="nap-facts"{}>{}</dl>').format(aria, body)


def link(href: str, text: object, *, cls: str = "", lang: str | None = None) -> Safe:
    extra = Safe("")
    if cls:
        extra += Safe(' class="{}"').format(cls)
    if lang:
        extra += Safe(' hreflang="{0}" lang="{0}"').format(lang)
    return Safe('<a href="{}"{}>{}</a>').format(href, extra, text)


def ul(items: Iterable[object], *, cls: str = "") -> Safe:
    lis = Safe("").join(Safe("<li>{}</li>").format(i) for i in items)
    return Safe('<ul{}>{}</ul>').format(Safe(' class="{}"').format(cls) if cls else "", lis)


def figure(src: str, alt: object, caption: object, table_html: Safe | None, *, summary: object,
           width: int | None = None, height: int | None = None) -> Safe:
    """A chart (an SVG image with alt text) and its data, the accessible alternative: in a
    disclosure right under it, or (table_html None) in a table the page shows next."""
    size = Safe("")
    if width and height:
        size = Safe(' width="{}" height="{}"').format(width, height)
    fig = Safe('<figure class="nap-chart"><img src="{}" alt="{}"{}><figcaption>{}</figcaption></figure>').format(
        src, alt, size, caption)
    if table_html is None:
        return fig
    return fig + Safe('<details class="nap-data"><summary>{}</summary>{}</details>').format(summary, table_html)


def badge(text: object, kind: str) -> Safe:
    return Safe('<span class="nap-badge nap-badge--{}">{}</span>').format(kind, text)


def block(html: Safe) -> str:
    """An HTML block as Markdown takes it: on its own, with blank lines around."""
    return "\n\n" + str(html).replace("\n", " ") + "\n\n"


def p(text: object, cls: str = "") -> Safe:
    return Safe("<p{}>{}</p>").format(Safe(' class="{}"').format(cls) if cls else "", text)


def join(parts: Iterable[object], sep: object = ", ") -> Safe:
    return esc(sep).join(parts) if not isinstance(sep, Safe) else sep.join(parts)
