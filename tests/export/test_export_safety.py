"""Exports are safe to open and survive the round trip (issue 13):

- CSV: a cell a spreadsheet would run as a formula (=, +, -, @, tab, CR) gets one leading `'`;
  numbers stay numbers; dropping a leading `'` gives the text back exactly.
- Workbook: every text cell is text (data type 's', no <f> element), locked cells too; an
  untouched export → import-progress round trip of any text changes no file.
- Workbook import: work is bounded by the cells the file really has (one value in A1048576 is
  quick), a DTD (XXE, billion laughs) or a zip bomb is refused with exit 2 and a plain message.
- Text a workbook cannot hold (control characters) is refused naming the file, never exit 3.
"""

from __future__ import annotations

import csv
import io
import re
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from plan_testing import FIXTURES, nap
from napkit.export.csv_tables import FORMULA_START, neutral

TRIGGERS = ["=", "+", "-", "@", "\t", "\r", "'"]
PAYLOADS = ["=1+1", "=HYPERLINK(\"http://x\",\"click\")", "+SUM(A1:A2)", "-2+3", "@SUM(1)", "\t=1", "\r=1",
            "'=1", "=", "-", "-5", "-1.5", "=cmd|' /C calc'!A0"]


def _unneutral(cell: str) -> str:
    return cell[1:] if cell.startswith("'") else cell


# -- CSV -----------------------------------------------------------------------------------------

@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(), st.tuples(st.sampled_from(TRIGGERS), st.text()).map("".join)))
def test_csv_cells_never_start_like_a_formula_and_round_trip(text):
    cell = neutral(text)
    assert _unneutral(cell) == text
    if re.fullmatch(r"-?\d+(?:\.\d+)?(?:e[+-]?\d+)?", text):
        assert cell == text  # a number stays a number
    else:
        assert not cell.startswith(FORMULA_START[:-1])


def test_numbers_stay_numbers():
    assert [neutral(x) for x in ("-5", "-1.5", "1000000", "1.5e-05")] == ["-5", "-1.5", "1000000", "1.5e-05"]
    assert [neutral(x) for x in ("-5 kr", "=5", "+5", "@x")] == ["'-5 kr", "'=5", "'+5", "'@x"]


def test_csv_export_neutralises_formula_titles(valid_plan):
    m1 = valid_plan / "measures" / "M-01.yaml"
    m1.write_text(m1.read_text().replace("en: Draft the action plan}", 'en: "=HYPERLINK(\\"http://evil\\")"}')
                  .replace("nb: Utarbeide handlingsplanen", "nb: \"@SUM(1)\""))
    result = nap("export", "--format", "csv", root=valid_plan)
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout_bytes.decode("utf-8-sig"))))
    header = rows[0]
    row = dict(zip(header, rows[1]))
    assert row["title_en"] == "'=HYPERLINK(\"http://evil\")"
    assert row["title_nb"] == "'@SUM(1)"
    assert all(not c.startswith(("=", "+", "@", "\t", "\r")) for r in rows for c in r)


# -- workbook: text is text, and the round trip keeps it ------------------------------------------

def _yaml_quoted(text: str) -> str:
    """A YAML double-quoted scalar of any text (escapes for what YAML would fold or refuse)."""
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F or ch in "\u2028\u2029\ufeff":
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _no_formula(path: Path) -> None:
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                xml = z.read(name).decode("utf-8")
                assert not re.search(r"<(\w+:)?f[ >/]", xml), f"{name} has a formula"
    wb = openpyxl.load_workbook(path)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{ws.title}!{cell.coordinate} is a formula"
                if isinstance(cell.value, str):
                    assert cell.data_type == "s"


def _plan_with_text(root: Path, text: str) -> None:
    q = _yaml_quoted(text)
    m2 = root / "measures" / "M-02.yaml"
    src = m2.read_text(encoding="utf-8")
    m2.write_text(re.sub(r"(title:.*?en: )([^}]*)\}", lambda m: m.group(1) + q + "}", src, count=1),
                  encoding="utf-8")
    entry = root / "plan" / "progress" / "2027" / "M-02.yaml"
    src = entry.read_text(encoding="utf-8")
    src = src.replace("  en: One of two shelters has opened.", f"  en: {q}")
    entry.write_text(src, encoding="utf-8")


XML_TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\ufffe\uffff",
                                 codec="utf-8").filter(lambda c: c in "\t\n\r" or ord(c) >= 0x20),
                   min_size=1, max_size=40)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                    HealthCheck.too_slow])
@given(st.one_of(XML_TEXT, st.tuples(st.sampled_from(PAYLOADS), XML_TEXT).map("".join)))
def test_any_text_is_text_in_the_workbook_and_survives_the_round_trip(tmp_path_factory, text):
    assume(text.strip())  # a blank cell means 'nothing reported'
    root = tmp_path_factory.mktemp("rt") / "plan"
    import shutil

    shutil.copytree(FIXTURES / "valid_plan", root)
    _plan_with_text(root, text)
    before = {p: p.read_bytes() for p in (root / "plan").rglob("*.yaml")}
    out = root.parent / "w.xlsx"
    result = nap("export", "--format", "xlsx", "--period", "2027", "-o", out, root=root)
    assert result.exit_code in (0, 1), result.output  # 1: check found the text wrong; never 3
    assume(result.exit_code == 0)
    _no_formula(out)
    wb = openpyxl.load_workbook(out)
    assert wb["Framdrift"]["C5"].value == text  # the locked title, as text
    assert wb["Framdrift"]["G5"].value.replace("\r\n", "\n").replace("\r", "\n").strip() == \
        text.replace("\r\n", "\n").replace("\r", "\n").strip()
    imported = nap("import-progress", out, root=root)
    assert imported.exit_code == 0, imported.output
    assert "0 file(s) written" in imported.stderr
    assert {p: p.read_bytes() for p in (root / "plan").rglob("*.yaml")} == before


def test_formula_text_in_locked_and_done_cells_round_trips(valid_plan, tmp_path):
    _plan_with_text(valid_plan, "=1+1")
    out = tmp_path / "w.xlsx"
    assert nap("export", "--format", "xlsx", "--period", "2027", "-o", out, root=valid_plan).exit_code == 0
    _no_formula(out)
    entry = valid_plan / "plan" / "progress" / "2027" / "M-02.yaml"
    before = entry.read_bytes()
    assert nap("import-progress", out, root=valid_plan).exit_code == 0
    assert entry.read_bytes() == before
    assert b'en: "=1+1"' in before


def test_negative_numbers_are_numbers_in_the_workbook(valid_plan, tmp_path):
    ind = valid_plan / "measures" / "M-01.yaml"
    ind.write_text(ind.read_text().replace("baseline: {value: 27", "baseline: {value: -27"))
    out = tmp_path / "w.xlsx"
    result = nap("export", "--format", "xlsx", "--period", "2027", "-o", out, root=valid_plan)
    assert result.exit_code == 0, result.output
    cell = openpyxl.load_workbook(out)["Indikatorer"]["E4"]
    assert cell.value == -27 and cell.data_type == "n"


def test_control_characters_are_refused_naming_the_file(valid_plan):
    from napkit.export.xlsx_progress import ExportError, workbook_bytes
    from napkit.load.trees import FolderTree
    from napkit.pipeline import run

    m1 = valid_plan / "measures" / "M-01.yaml"
    for escaped in ("\\e", "\\0", "\\uffff"):
        m1.write_text(m1.read_text(encoding="utf-8").split("title:")[0] + f'title: {{nb: "a{escaped}b", en: x}}\n'
                      + "description:" + m1.read_text(encoding="utf-8").split("description:", 1)[1],
                      encoding="utf-8")
        model = run(FolderTree(valid_plan)).model  # as if check had let it through
        assert model is not None
        with pytest.raises(ExportError, match="measures/M-01.yaml: a text holds the control character"):
            workbook_bytes(model, "2027")
        result = nap("export", "--format", "xlsx", "--period", "2027", "-o", valid_plan / "w.xlsx", root=valid_plan)
        assert result.exit_code in (1, 2), result.output
        assert "internal error" not in result.output


# -- workbook import: bounded, no DTD ---------------------------------------------------------------

@pytest.fixture
def exported(valid_plan, tmp_path) -> Path:
    out = tmp_path / "w.xlsx"
    assert nap("export", "--format", "xlsx", "--period", "2027", "-o", out, root=valid_plan).exit_code == 0
    return out


def test_one_value_in_the_last_row_is_quick(valid_plan, exported, tmp_path):
    wb = openpyxl.load_workbook(exported)
    wb["Framdrift"]["A1048576"] = "far away"
    wb["Framdrift"]["XFD4"] = "far right"
    far = tmp_path / "far.xlsx"
    wb.save(far)
    started = time.monotonic()
    result = nap("import-progress", far, root=valid_plan)
    assert time.monotonic() - started < 20
    assert result.exit_code == 1
    assert "Framdrift!A1048576: unknown measure 'far away'" in result.stderr
    assert "Framdrift!XFD4" in result.stderr


def _with_part(src: Path, dest: Path, name: str, change) -> Path:
    with zipfile.ZipFile(src) as z, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as out:
        for info in z.infolist():
            data = z.read(info)
            out.writestr(info, change(data) if info.filename == name else data)
    return dest


XXE = (b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n')
BOMB = (b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;'
        b'&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>\n')


@pytest.mark.parametrize("prolog", [XXE, BOMB], ids=["xxe", "entity-bomb"])
def test_a_dtd_in_a_workbook_is_refused_with_exit_2(valid_plan, exported, tmp_path, prolog):
    def change(data: bytes) -> bytes:
        body = re.sub(rb"^<\?xml[^>]*\?>\s*", b"", data)
        return prolog + body.replace(b"<sheetData>", b"<sheetData><row r=\"2\"><c r=\"A2\" t=\"inlineStr\">"
                                     b"<is><t>&xxe;</t></is></c></row>", 1) if prolog is XXE else prolog + body
    bad = _with_part(exported, tmp_path / "bad.xlsx", "xl/worksheets/sheet2.xml", change)
    before = {p: p.read_bytes() for p in (valid_plan / "plan").rglob("*.yaml")}
    result = nap("import-progress", bad, root=valid_plan)
    assert result.exit_code == 2, result.output
    assert "document type declaration" in result.stderr
    assert "root:" not in result.output  # /etc/passwd was not read
    assert {p: p.read_bytes() for p in (valid_plan / "plan").rglob("*.yaml")} == before


def test_a_zip_bomb_is_refused_with_exit_2(valid_plan, exported, tmp_path):
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(exported) as z, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as out:
        for info in z.infolist():
            out.writestr(info, z.read(info))
        out.writestr("xl/media/padding.bin", b"\0" * (101 * 1024 * 1024))
    result = nap("import-progress", bomb, root=valid_plan)
    assert result.exit_code == 2, result.output
    assert "unpacks to" in result.stderr


def test_import_keeps_the_comments_of_a_file_it_rewrites(valid_plan, exported, tmp_path):
    entry = valid_plan / "plan" / "progress" / "2027" / "M-02.yaml"
    entry.write_text(entry.read_text().replace("status: delayed", "# why it is late\nstatus: delayed  # per March")
                     .replace("spent:", "# money from the 2027 budget\nspent:"))
    wb = openpyxl.load_workbook(exported)
    wb["Framdrift"]["E5"] = 55
    edited = tmp_path / "edited.xlsx"
    wb.save(edited)
    result = nap("import-progress", edited, root=valid_plan)
    assert result.exit_code == 0, result.output
    text = entry.read_text()
    assert "completion: 55" in text
    assert "# why it is late\nstatus: delayed  # per March" in text
    assert "# money from the 2027 budget\nspent:" in text
    assert 'period: "2027"' in text
