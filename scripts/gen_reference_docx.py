"""Generate src/napkit/data/docs/reference.docx, the house style of the DOCX plan documents.

Starts from pandoc's own reference document (so every style pandoc writes exists) and sets:
A4 with 2.5 cm margins; Arial (metric twin Liberation Sans, which the PDF bundles) throughout;
dark-blue headings, each chapter (Heading 1) and the table of contents on a new page; a cover
made of the Title/Subtitle/Author/Date paragraphs; the "Table" style with borders and a bold,
shaded header row; the plan title (document property) in the header and "page n of N" in the
footer.

Run `python scripts/gen_reference_docx.py` after changing it; a test checks the result. Needs
python-docx (the `test` extra)."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pypandoc
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor

OUT = Path(__file__).resolve().parents[1] / "src" / "napkit" / "data" / "docs" / "reference.docx"
ACCENT = RGBColor(0x1F, 0x3A, 0x5F)
FONT = "Arial"
FIXED_TIME = (2026, 1, 1, 0, 0, 0)


def pandoc_default() -> bytes:
    return subprocess.run([pypandoc.get_pandoc_path(), "--print-default-data-file", "reference.docx"],
                          check=True, capture_output=True).stdout


def style_font(style, size: float | None = None, bold: bool | None = None, color: RGBColor | None = None) -> None:
    font = style.font
    font.name = FONT
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        if fonts.get(qn(attr)) is not None:
            del fonts.attrib[qn(attr)]
    if size is not None:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    if color is not None:
        font.color.rgb = color


def field_paragraph(paragraph, parts: list[str | tuple[str]]) -> None:
    """Fill a header/footer paragraph with text and fields: a tuple ('PAGE',) is a field."""
    for part in parts:
        if isinstance(part, tuple):
            paragraph._p.append(parse_xml(
                f'<w:fldSimple {nsdecls("w")} w:instr=" {part[0]} "><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
        else:
            run = paragraph.add_run(part)
            run.font.size = Pt(8)


def main() -> None:
    doc = Document(io.BytesIO(pandoc_default()))
    for section in doc.sections:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.5)
        section.top_margin = section.bottom_margin = Cm(2.5)
        section.header_distance = section.footer_distance = Cm(1.25)
        section.different_first_page_header_footer = True  # the cover has neither
        header = section.header.paragraphs[0]
        field_paragraph(header, [("TITLE",)])
        footer = section.footer.paragraphs[0]
        footer.alignment = 2  # right
        field_paragraph(footer, [("PAGE",), " / ", ("NUMPAGES",)])

    styles = doc.styles
    for name in ("Normal", "Body Text", "First Paragraph", "Compact", "Block Text", "Footnote Text"):
        if name in [s.name for s in styles]:
            style_font(styles[name], size=10)
    style_font(styles["Title"], size=28, bold=True, color=ACCENT)
    styles["Title"].paragraph_format.space_before = Cm(5)
    styles["Title"].paragraph_format.space_after = Pt(18)
    style_font(styles["Subtitle"], size=16, color=RGBColor(0x33, 0x33, 0x33))
    for name, size in (("Author", 12), ("Date", 11)):
        style_font(styles[name], size=size)
    # Subtitle, Author and Date are based on Title: give each its own spacing, or they inherit
    # the title's drop and the cover spills onto a second page.
    styles["Subtitle"].paragraph_format.space_before = Pt(6)
    styles["Author"].paragraph_format.space_before = Cm(6)
    styles["Date"].paragraph_format.space_before = Pt(4)
    for name in ("Title", "Subtitle", "Author", "Date"):  # pandoc centres them; a cover reads left-aligned
        styles[name].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    for level, size in ((1, 18), (2, 13), (3, 11)):
        st = styles[f"Heading {level}"]
        style_font(st, size=size, bold=True, color=ACCENT)
        st.paragraph_format.space_before = Pt(12 if level > 1 else 0)
        st.paragraph_format.space_after = Pt(6)
        st.paragraph_format.keep_with_next = True
    styles["Heading 1"].paragraph_format.page_break_before = True
    if "TOC Heading" in [s.name for s in styles]:
        toc = styles["TOC Heading"]
        style_font(toc, size=18, bold=True, color=ACCENT)
        toc.paragraph_format.page_break_before = True
    for name in ("Table Caption", "Image Caption"):
        if name in [s.name for s in styles]:
            style_font(styles[name], size=9)
            styles[name].font.italic = True

    table_style = next(s for s in styles if s.style_id == "Table")
    tbl_pr = table_style.element.find(qn("w:tblPr"))
    if tbl_pr is None:
        tbl_pr = parse_xml(f"<w:tblPr {nsdecls('w')}/>")
        table_style.element.append(tbl_pr)
    for old in tbl_pr.findall(qn("w:tblBorders")):
        tbl_pr.remove(old)
    tbl_pr.append(parse_xml(
        f'<w:tblBorders {nsdecls("w")}>'
        + "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="A0A0A0"/>'
                  for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
        + "</w:tblBorders>"))
    for old in table_style.element.findall(qn("w:tblStylePr")):
        table_style.element.remove(old)
    table_style.element.append(parse_xml(
        f'<w:tblStylePr {nsdecls("w")} w:type="firstRow"><w:rPr><w:b/></w:rPr>'
        '<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="DCE3EC"/></w:tcPr></w:tblStylePr>'))
    style_font(table_style, size=9)

    raw = io.BytesIO()
    doc.save(raw)
    # Re-pack with fixed timestamps and sorted entries so the file is the same on every run.
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(OUT, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in sorted(src.namelist()):
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(info, src.read(name))
    print(f"wrote {OUT.relative_to(Path.cwd()) if OUT.is_relative_to(Path.cwd()) else OUT}")


if __name__ == "__main__":
    sys.exit(main())
