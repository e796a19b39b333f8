"""The one way text from the plan reaches a page: escaped, so it shows as text and cannot become
markup — neither HTML nor Markdown (nor the attribute lists `{: …}` that Markdown extensions read).

`Safe` is a string that is already markup. Every page part is built from `Safe` values, and
anything else that meets one (through `+`, `.format`, `.join`) is escaped on the way in, so text
from YAML cannot reach a page unescaped by forgetting to call a function.

- `esc(text)`    plain text for any place in a page: a heading, a table cell, an attribute value.
- `prose(text)`  multi-paragraph text where a little Markdown is welcome (paragraphs, emphasis,
                 lists, quotes, https/mailto links); raw HTML, images, code, headings, tables,
                 attribute lists and any other link scheme come out as text.
- `safe_url(u)`  the URL if it is an http(s) or mailto address (for outbound links), else None.
"""

from __future__ import annotations

import re
from functools import lru_cache

from markupsafe import Markup

__all__ = ["Safe", "esc", "prose", "safe_url"]

# HTML's five, and every ASCII character that Python-Markdown or its common extensions read as
# markup, as numeric character references: they render as the character in HTML and in Markdown.
_ENTITIES = {c: f"&#{ord(c)};" for c in "\\`*_{}[]#|!~^=+"}
_ENTITIES.update({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"})
_TABLE = str.maketrans(_ENTITIES)
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029\x0b\x0c]+")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_LIST_START = re.compile(r"^( {0,3})(?:([-+])|(\d+)([.)]))")


@lru_cache(maxsize=1 << 16)  # names, labels and numbers recur on thousands of pages
def _escape(text: str) -> str:
    text = _CONTROL.sub("", _LINE_BREAKS.sub(" ", text))
    text = text.translate(_TABLE)
    # a leading "-", "+" or "1." would start a list where the text begins a line
    return _LIST_START.sub(lambda m: m.group(1) + ("&#45;" if m.group(2) == "-" else "&#43;" if m.group(2)
                                                   else m.group(3) + f"&#{ord(m.group(4))};"), text, count=1)


class Safe(Markup):
    """Markup, whose escaping covers Markdown as well as HTML."""

    __slots__ = ()

    @classmethod
    def escape(cls, s: object) -> "Safe":  # type: ignore[override]
        if hasattr(s, "__html__"):
            return cls(s.__html__())
        return cls(_escape(str(s)))

    def format(self, *args: object, **kwargs: object) -> "Safe":
        """Every argument escaped, then placed by str.format. Markup.format does the same through
        string.Formatter in Python, several times slower: pages use only plain {} and {0}
        fields, and a big plan formats millions of them."""
        escape = self.escape
        return self.__class__(str.format(self, *[escape(a) for a in args],
                                         **{k: escape(v) for k, v in kwargs.items()}))


def esc(text: object) -> Safe:
    """Plain text (a str, a number, a model `Text` already resolved to str) as markup."""
    return Safe.escape("" if text is None else text)


# -- prose ------------------------------------------------------------------------------------

_SAFE_URL = re.compile(r"^(?:https?://[^\s<>\"'`\\]+|mailto:[^\s<>\"'`\\/]+@[^\s<>\"'`\\]+)\Z", re.I)
# [text](destination "optional title") on one line, destination not containing spaces or ")"
_LINK = re.compile(r"\[([^\[\]\n]{1,500})\]\(\s*<?([^\s()<>]{1,2000})>?(?:\s+\"[^\"\n]*\")?\s*\)")
_PROSE_ENTITIES = {c: f"&#{ord(c)};" for c in "\\`{}[]#|!~^="}
_PROSE_ENTITIES.update({"&": "&amp;", "<": "&lt;", '"': "&quot;"})
_PROSE_TABLE = str.maketrans(_PROSE_ENTITIES)
# lines of only "-" (rules, setext underlines) or of three or more "*" / "_" (rules)
_RULE_LINE = re.compile(r"^[ \t]*(?:-[ \t-]*|([*_])(?:[ \t]*\1){2,}[ \t]*)$", re.M)
_INDENTED = re.compile(r"^(?: {4,}|\t)(?=\S)", re.M)


def safe_url(url: str | None) -> str | None:
    """An outbound link target: http(s) or mailto only (never javascript:, data:, file: …)."""
    if not url:
        return None
    url = url.strip()
    return url if _SAFE_URL.match(url) else None


def _prose_text(text: str) -> str:
    text = _CONTROL.sub("", text).translate(_PROSE_TABLE)
    return _RULE_LINE.sub(lambda m: re.sub(r"[-*_]", lambda c: f"&#{ord(c.group(0))};", m.group(0)), text)


def prose(text: str | None) -> Safe:
    """Markdown from the plan, reduced to what a plan's prose needs and unable to add markup.

    `<` and `&` are escaped (no raw HTML, no entities of the author's), so are the characters of
    code, headings, tables, images and attribute lists; a link survives only when its target is
    an http(s) or mailto address, and then as an `<a>` element written here."""
    if not text:
        return Safe("")
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    # a top-level paragraph indented by four spaces would become a code block: dedent it
    lines = text.split("\n")
    text = "\n".join(_INDENTED.sub("", line) if i == 0 or not lines[i - 1].strip() else line
                     for i, line in enumerate(lines))
    out: list[str] = []
    pos = 0
    for m in _LINK.finditer(text):
        out.append(_prose_text(text[pos:m.start()]))
        target = safe_url(m.group(2))
        if target is None:
            out.append(_prose_text(m.group(0)))
        else:
            out.append(f'<a href="{_escape(target)}">{_escape(m.group(1))}</a>')
        pos = m.end()
    out.append(_prose_text(text[pos:]))
    return Safe("".join(out))
