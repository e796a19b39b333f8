"""A small builder for pandoc's document model (the JSON AST, pandoc-api-version 1.23).

Text from the plan only ever becomes `Str` nodes: pandoc never parses it as Markdown, so a title
like `<script>` or `![x](/etc/passwd)` is printed as those characters in every output format.
Raw output is written only by this toolkit (page breaks, the table of contents), never from YAML."""

from __future__ import annotations

import re
from typing import Iterable, Sequence

API_VERSION = [1, 23, 1, 1]
Inline = dict
Block = dict

_WORDS = re.compile(r"([ \t\r\n]+)")  # not \s: a no-break space must stay inside its word


def attr(ident: str = "", classes: Sequence[str] = (), kv: dict[str, str] | None = None) -> list:
    return [ident, list(classes), [[k, v] for k, v in (kv or {}).items()]]


def text(s: str) -> list[Inline]:
    """Plain text as inlines: words and spaces, a hard line break for each newline."""
    out: list[Inline] = []
    for part in _WORDS.split(str(s)):
        if not part:
            continue
        if _WORDS.fullmatch(part):
            out.append({"t": "LineBreak"} if "\n" in part else {"t": "Space"})
        else:
            out.append({"t": "Str", "c": part})
    return out


def strong(inlines: list[Inline] | str) -> Inline:
    return {"t": "Strong", "c": text(inlines) if isinstance(inlines, str) else inlines}


def emph(inlines: list[Inline] | str) -> Inline:
    return {"t": "Emph", "c": text(inlines) if isinstance(inlines, str) else inlines}


def span(inlines: list[Inline] | str, lang: str) -> Inline:
    """Text in another language than the document's: pandoc writes w:lang (DOCX) and text(lang:) (Typst)."""
    return {"t": "Span", "c": [attr(kv={"lang": lang}), text(inlines) if isinstance(inlines, str) else inlines]}


def link(inlines: list[Inline] | str, target: str) -> Inline:
    return {"t": "Link", "c": [attr(), text(inlines) if isinstance(inlines, str) else inlines, [target, ""]]}


def safe_url(url: str | None) -> str | None:
    """Only web addresses become links; anything else (javascript:, file:, paths) stays text."""
    if url and re.match(r"^https?://[^\s<>\"]+\Z", url):
        return url
    return None


def para(inlines: list[Inline] | str) -> Block:
    return {"t": "Para", "c": text(inlines) if isinstance(inlines, str) else inlines}


def plain(inlines: list[Inline] | str) -> Block:
    return {"t": "Plain", "c": text(inlines) if isinstance(inlines, str) else inlines}


def paragraphs(s: str) -> list[Block]:
    """A multi-paragraph text (blank-line separated) as paragraphs of plain text."""
    return [para(" ".join(p.split())) for p in re.split(r"\n\s*\n", s or "") if p.strip()]


def header(level: int, inlines: list[Inline] | str, ident: str = "", classes: Sequence[str] = ()) -> Block:
    return {"t": "Header", "c": [level, attr(ident, classes), text(inlines) if isinstance(inlines, str) else inlines]}


def div(blocks: list[Block], ident: str = "", classes: Sequence[str] = (), kv: dict[str, str] | None = None) -> Block:
    return {"t": "Div", "c": [attr(ident, classes, kv), blocks]}


def styled(blocks: list[Block], style: str) -> Block:
    """Blocks in a named paragraph style of the reference document (DOCX); other writers ignore it."""
    return div(blocks, kv={"custom-style": style})


def bullets(items: Iterable[list[Block]]) -> Block:
    return {"t": "BulletList", "c": [list(i) for i in items]}


def raw(fmt: str, content: str) -> Block:
    return {"t": "RawBlock", "c": [fmt, content]}


def _cell(content: object, align: str = "AlignDefault") -> list:
    if isinstance(content, list):  # already blocks
        blocks = content
    elif isinstance(content, dict):  # one block
        blocks = [content]
    else:
        blocks = [plain(str(content))] if content not in (None, "") else []
    return [attr(), {"t": align}, 1, 1, blocks]


def _row(cells: Sequence[object], numeric: set[int], header_cells: int = 0) -> list:
    return [attr(), [_cell(c, "AlignRight" if i in numeric else "AlignDefault") for i, c in enumerate(cells)]]


def table(head: Sequence[object], rows: Iterable[Sequence[object]], *, widths: Sequence[float] | None = None,
          numeric: Iterable[int] = (), foot: Sequence[object] | None = None, caption: str | None = None,
          ident: str = "") -> Block:
    """A table with one header row, body rows and an optional totals row. `widths` are fractions of
    the text width; the columns in `numeric` are right-aligned."""
    numeric = set(numeric)
    n = len(head)
    colspecs = [[{"t": "AlignRight" if i in numeric else "AlignLeft"},
                 {"t": "ColWidth", "c": widths[i]} if widths else {"t": "ColWidthDefault"}] for i in range(n)]
    cap = [None, [plain(caption)] if caption else []]
    thead = [attr(), [_row(head, numeric)]]
    body = [[attr(), 0, [], [_row(r, numeric) for r in rows]]]
    tfoot = [attr(), [_row(foot, numeric)] if foot else []]
    return {"t": "Table", "c": [attr(ident), cap, colspecs, thead, body, tfoot]}


def meta_string(s: str) -> dict:
    return {"t": "MetaInlines", "c": text(s)}


def document(meta: dict[str, object], blocks: list[Block]) -> dict:
    def m(v: object) -> dict:
        if isinstance(v, bool):
            return {"t": "MetaBool", "c": v}
        if isinstance(v, dict) and "t" in v:
            return v
        return meta_string(str(v))

    return {"pandoc-api-version": API_VERSION, "meta": {k: m(v) for k, v in meta.items() if v not in (None, "")},
            "blocks": blocks}
