"""pandoc document → DOCX (pypandoc, reference.docx) and → PDF (pypandoc → Typst → typst).

Both conversions run pandoc with `--sandbox`: it reads only the files named on its command line
(the reference document, the template), so nothing in the plan can pull in a local file or a
remote resource. Typst compiles with the bundled fonts only (system fonts ignored) and its root
set to an empty staging folder, so the PDF looks the same on every machine and reads nothing else.
Timestamps come from `epoch` (SOURCE_DATE_EPOCH or the plan's date): same input, same bytes."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from importlib import resources
from pathlib import Path

import pypandoc


class _DropTranslationNoise(logging.Filter):
    """pandoc's own interface words (Abstract, Table) are never shown — napkit writes its labels
    itself — so its warnings that a language has no translations for them are noise; a plan
    language it does not know (Kven) would print one per table."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return "Could not load translations for" not in message and "has no translation defined" not in message


logging.getLogger("pypandoc").addFilter(_DropTranslationNoise())


class DocumentBuildError(Exception):
    """pandoc or typst refused the document; the message says which and why."""


def data_file(name: str) -> Path:
    return Path(str(resources.files("napkit") / "data" / name))


FONTS = data_file("fonts")


@contextlib.contextmanager
def _source_date(epoch: int):
    """pandoc reads SOURCE_DATE_EPOCH for the dates it writes into a DOCX."""
    old = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = old


def _pandoc(document: dict, to: str, extra: list[str], outputfile: str | None = None) -> str:
    try:
        return pypandoc.convert_text(json.dumps(document, ensure_ascii=False), to, format="json",
                                     extra_args=["--sandbox", *extra], outputfile=outputfile)
    except RuntimeError as exc:  # pypandoc reports pandoc's stderr this way
        raise DocumentBuildError(f"pandoc ({to}): {exc}") from None


def to_docx(document: dict, out: Path, reference: Path, epoch: int) -> None:
    with _source_date(epoch):
        _pandoc(document, "docx", ["--reference-doc", str(reference), "--toc", "--toc-depth=2"],
                outputfile=str(out))
    _stamp_core_dates(out, epoch)


_CORE_DATE = re.compile(r"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")


def _stamp_core_dates(path: Path, epoch: int) -> None:
    """pandoc's sandbox has no clock, so it dates a DOCX 1970-01-01. Write the pinned date into
    docProps/core.xml instead, keeping every other entry (and its zip metadata) as it was."""
    stamp = dt.datetime.fromtimestamp(epoch, dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    with zipfile.ZipFile(path) as src:
        entries = [(info, src.read(info)) for info in src.infolist()]
    tmp = path.with_name(path.name + ".part")
    with zipfile.ZipFile(tmp, "w") as dst:
        for info, data in entries:
            if info.filename == "docProps/core.xml":
                data = _CORE_DATE.sub(lambda m: m.group(1) + stamp + m.group(3), data.decode("utf-8")).encode("utf-8")
            elif info.filename == "word/document.xml":
                data = _tables_to_text_width(data.decode("utf-8")).encode("utf-8")
            dst.writestr(info, data)
    os.replace(tmp, path)


_PAGE = re.compile(r'<w:pgSz [^>]*w:w="(\d+)"[^>]*/>\s*<w:pgMar [^>]*?w:left="(\d+)"[^>]*?w:right="(\d+)"')
_GRID = re.compile(r"<w:tblGrid>(.*?)</w:tblGrid>", re.S)
_COL = re.compile(r'<w:gridCol w:w="(\d+)" />')


def _tables_to_text_width(xml: str) -> str:
    """pandoc sizes a table's columns for a text width of its own (7920 twips, US Letter), while
    the tables are fixed-layout: on an A4 page (9072 twips between the margins) LibreOffice kept
    them narrower than the text and broke words and numbers ("Completi|on", "NOK 11,700|,000").
    The columns are scaled to the page's text width, in the same proportions."""
    page = _PAGE.search(xml)
    if not page:
        return xml
    width = int(page.group(1)) - int(page.group(2)) - int(page.group(3))

    def scale(m: re.Match) -> str:
        cols = [int(c) for c in _COL.findall(m.group(1))]
        total = sum(cols)
        if not cols or total <= 0:
            return m.group(0)
        sized = [c * width // total for c in cols]
        sized[-1] += width - sum(sized)
        return "<w:tblGrid>" + "".join(f'<w:gridCol w:w="{c}" />' for c in sized) + "</w:tblGrid>"

    return _GRID.sub(scale, xml)


# Typst reads these at the start of a line or of a content block as markup: "30. " an item of a
# numbered list, "- " and "+ " list items, "= " a heading, "/ " a term. pandoc's Typst writer
# escapes them at the start of a line, but not at the start of a table cell ([30. juni 2027: …]),
# so a Norwegian date that began a cell became a list (94 of them in the nb plan).
_LINE_START = re.compile(r"\d+\.|[-+=/]")


def _escape_line_starts(node: object, at_start: bool = False) -> object:
    """The document with every such Str at the start of a block or after a line break turned
    into the same characters escaped for Typst (a backslash before them, as pandoc does at the
    start of a line). Text stays text: the raw Typst is only digits, '.', '-', '+', '=', '/'."""
    if isinstance(node, list):
        out = []
        start = at_start
        for i, item in enumerate(node):
            if (start and isinstance(item, dict) and item.get("t") == "Str" and _LINE_START.fullmatch(item["c"])
                    and i + 1 < len(node) and isinstance(node[i + 1], dict) and node[i + 1].get("t") == "Space"):
                out.append({"t": "RawInline", "c": ["typst", "\\" + item["c"]]})
            else:
                out.append(_escape_line_starts(item))
            start = isinstance(item, dict) and item.get("t") == "LineBreak"
        return out
    if isinstance(node, dict):
        if node.get("t") in ("Plain", "Para", "MetaInlines"):  # metadata: the template puts it in [..]
            return {"t": node["t"], "c": _escape_line_starts(node["c"], at_start=True)}
        return {k: _escape_line_starts(v) for k, v in node.items()}
    return node


def _typst_languages(node: object) -> object:
    """Spans marked with a language (a quote from an English report in the Norwegian plan) as
    Typst's text(lang:), which pandoc's Typst writer drops: the PDF's tagged text then carries the
    language (/Lang), and hyphenation follows it."""
    if isinstance(node, list):
        out = []
        for item in node:
            if isinstance(item, dict) and item.get("t") == "Span":
                (_ident, _classes, kv), inlines = item["c"]
                lang = dict(kv).get("lang")
                if lang and re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]{1,8})*", lang):
                    out += [{"t": "RawInline", "c": ["typst", f'#text(lang: "{lang.split("-")[0]}")[']},
                            *_typst_languages(inlines), {"t": "RawInline", "c": ["typst", "]"]}]
                    continue
            out.append(_typst_languages(item))
        return out
    if isinstance(node, dict):
        return {k: _typst_languages(v) for k, v in node.items()}
    return node


def to_typst(document: dict, template: Path) -> str:
    return _pandoc(_typst_languages(_escape_line_starts(document)), "typst",
                   ["--template", str(template), "--toc-depth=2"])


# Typst runs in a child process of its own, one per document. Its memo caches stay with the
# process that compiled, so compiling both languages (and the reports) in napkit's own process
# added them up: 2.7 GiB at 1,000 measures where one document alone needs 1.2 GiB. The child
# imports typst and nothing else, and its memory goes back when the document is written.
_TYPST_CHILD = r"""
import sys
import typst
main, root, fonts, epoch, out = sys.argv[1:6]
try:
    pdf = typst.compile(main, root=root, font_paths=[fonts], ignore_system_fonts=True,
                        timestamp=int(epoch), pdf_standards=["ua-1"])
except Exception as exc:  # typst raises its own error types with the compiler's message
    sys.stderr.write(str(exc))
    sys.exit(1)
with open(out, "wb") as f:
    f.write(pdf)
"""


def to_pdf(document: dict, out: Path, template: Path, epoch: int, *, fonts: Path = FONTS) -> None:
    source = to_typst(document, template)
    with tempfile.TemporaryDirectory(prefix="nap-typst-") as tmp:
        main = Path(tmp) / "plan.typ"
        main.write_text(source, encoding="utf-8")
        del source
        with tempfile.TemporaryDirectory(prefix="nap-typst-out-") as out_dir:  # outside the root typst reads
            pdf = Path(out_dir) / "plan.pdf"
            proc = subprocess.run([sys.executable, "-c", _TYPST_CHILD, str(main), tmp, str(fonts), str(epoch), str(pdf)],
                                  capture_output=True, text=True, encoding="utf-8", errors="replace")
            if proc.returncode != 0 or not pdf.is_file():
                message = proc.stderr.strip() or f"stopped with exit code {proc.returncode} and no message"
                raise DocumentBuildError(f"typst: {message}")
            shutil.move(str(pdf), str(out))
