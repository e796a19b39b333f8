"""The reporting workbook: `nap export --format xlsx` and `nap import-progress`, on real files
read back with openpyxl. Round trips change nothing or exactly what was edited; every bad
workbook gives a cell-referenced error and writes nothing. Also `nap export --format csv`."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import openpyxl
import pytest
from ruamel.yaml import YAML

from plan_testing import nap

STATUSES = "not-started,on-track,delayed,completed,cancelled"


def export(root: Path, out: Path, *args: str) -> Path:
    result = nap("export", "--format", "xlsx", "-o", out, *args, root=root)
    assert result.exit_code == 0, result.output
    return out


def edit(src: Path, dest: Path, cells: dict[str, dict[str, object]]) -> Path:
    wb = openpyxl.load_workbook(src)
    for sheet, values in cells.items():
        for ref, value in values.items():
            wb[sheet][ref] = value
    wb.save(dest)
    return dest


def snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    return {p.relative_to(root).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for top in ("plan", "measures") for p in sorted((root / top).rglob("*")) if p.is_file()}


def data(root: Path, rel: str) -> dict:
    return YAML(typ="safe").load((root / rel).read_text(encoding="utf-8"))


@pytest.fixture
def workbook(valid_plan, tmp_path) -> Path:
    return export(valid_plan, tmp_path / "progress-2027.xlsx", "--period", "2027")


# -- the workbook ------------------------------------------------------------------------------

def test_sheets_headers_and_prefilled_progress(workbook):
    wb = openpyxl.load_workbook(workbook)
    assert wb.sheetnames == ["Veiledning", "Framdrift", "Milepæler", "Indikatorer", "napkit"]
    assert wb["napkit"].sheet_state == "veryHidden"
    assert wb.security.lockStructure
    ws = wb["Framdrift"]
    assert [c.value for c in ws[3]] == [
        "Tiltak / Measure", "Tittel (nb)", "Title (en)", "Status", "Fullført (%) / Completion (%)",
        "Hva er gjort (nb)", "What was done (en)", "Budsjett 2027 (NOK) / Budget 2027 (NOK)",
        "Brukt 2027 (NOK) / Spent 2027 (NOK)", "Rapportert av / Reported by", "Rapportdato / Report date",
        "Ansvarlig / Lead"]
    row = [c.value for c in ws[5]]
    assert row[:7] == ["M-02", "Bistand til ofre", "Assistance to victims", "delayed", 40,
                       "Ett av to botilbud er åpnet.", "One of two shelters has opened."]
    assert row[7:10] == [2500000, 2100000, "NGO"] and row[10].date().isoformat() == "2028-01-25"
    ms = wb["Milepæler"]
    assert [c.value for c in ms[4]][:5] == ["M-01", "MS1", ms["C4"].value, "Høringsutkast", "Consultation draft"]
    assert ms["G4"].value.date().isoformat() == "2027-07-15"
    ind = [c.value for c in wb["Indikatorer"][4]]
    assert ind == ["M-01", "IND-CASES", "Etterforskede saker", "Cases investigated", 27, 2023, 40, 2028, 2027, 31,
                   "Politiets årsrapport 2027", "Police annual report 2027"]


def test_locked_ids_input_cells_and_validation(workbook):
    wb = openpyxl.load_workbook(workbook)
    ws = wb["Framdrift"]
    assert ws.protection.sheet and wb["Milepæler"].protection.sheet and wb["Indikatorer"].protection.sheet
    assert ws["A4"].protection.locked and ws["B4"].protection.locked and ws["H4"].protection.locked
    assert not ws["D4"].protection.locked and not ws["E4"].protection.locked and not ws["I4"].protection.locked
    rules = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}
    assert rules["D4:D5"].type == "list" and rules["D4:D5"].formula1 == f'"{STATUSES}"'
    assert (rules["E4:E5"].type, rules["E4:E5"].formula1, rules["E4:E5"].formula2) == ("whole", "0", "100")
    assert (rules["I4:I5"].type, rules["I4:I5"].operator, rules["I4:I5"].formula1) == \
        ("decimal", "greaterThanOrEqual", "0")
    assert rules["K4:K5"].type == "date"
    assert rules["J4:J5"].formula1 == "napkit!$D$2:$D$4"  # the plan's agency ids
    assert all(dv.showErrorMessage for dv in rules.values())
    ms = wb["Milepæler"]
    assert ms["C4"].protection.locked and not ms["G4"].protection.locked
    (reached,) = ms.data_validations.dataValidation
    assert (str(reached.sqref), reached.type, reached.operator) == ("G4", "date", "between")
    ind = wb["Indikatorer"]
    assert ind["E4"].protection.locked and not ind["I4"].protection.locked and not ind["K4"].protection.locked


def test_instructions_in_both_plan_languages(workbook):
    text = "\n".join(str(c.value) for c in openpyxl.load_workbook(workbook)["Veiledning"]["A"] if c.value)
    assert "Slik rapporterer du framdrift" in text and "How to report progress" in text
    assert "rapporteringsperioden 2027" in text and "reporting period 2027" in text
    # each language names the agency by its own abbreviation (the English instructions said "(JD)"
    # where the English documents say MOJ)
    assert "completed = fullført" in text and "Departementet (DEP)" in text and "The Ministry (MIN)" in text


def test_rows_fit_their_text_fonts_are_named_and_it_prints_on_a4(workbook):
    """LibreOffice sizes no row of wrapped text: text ran over the next row; bold and italic
    styles named no font (titles in a serif fallback); no page setup (13 pages)."""
    wb = openpyxl.load_workbook(workbook)
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            continue
        assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        for row in ws.iter_rows():
            for c in row:
                if c.value is not None:
                    assert c.font.name, (ws.title, c.coordinate)
    fr = wb["Framdrift"]
    assert fr.print_title_rows
    for r in range(4, fr.max_row + 1):
        height = fr.row_dimensions[r].height
        assert height and height >= 30, (r, height)


def test_agency_workbook_has_only_the_measures_it_leads(valid_plan, tmp_path):
    wb = openpyxl.load_workbook(export(valid_plan, tmp_path / "ngo.xlsx", "--agency", "NGO", "--period", "2027"))
    assert [r[0].value for r in wb["Framdrift"].iter_rows(min_row=4)] == ["M-02"]
    assert wb["Milepæler"].max_row == 3  # M-02 has no milestones
    assert "measures led by The Aid Organisation (NGO)" in "\n".join(
        str(c.value) for c in wb["Veiledning"]["A"] if c.value)


def test_spending_columns_stop_at_the_period(valid_plan, tmp_path):
    wb = openpyxl.load_workbook(export(valid_plan, tmp_path / "w.xlsx", "--period", "2028"))
    headers = [c.value for c in wb["Framdrift"][3]]
    assert "Brukt 2028 (NOK) / Spent 2028 (NOK)" in headers and "Brukt 2027 (NOK) / Spent 2027 (NOK)" in headers


def test_workbook_is_reproducible_and_written_atomically(valid_plan, tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    a = export(valid_plan, tmp_path / "a.xlsx", "--period", "2027").read_bytes()
    b = export(valid_plan, tmp_path / "b.xlsx", "--period", "2027").read_bytes()
    assert a == b
    wb = openpyxl.load_workbook(io.BytesIO(a))
    assert wb.properties.created.isoformat() == wb.properties.modified.isoformat() == "2026-11-01T00:00:00"
    with zipfile.ZipFile(io.BytesIO(a)) as z:  # the plan's date, not the clock
        assert {i.date_time for i in z.infolist()} == {(2026, 11, 1, 0, 0, 0)}
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    c = export(valid_plan, tmp_path / "c.xlsx", "--period", "2027").read_bytes()
    assert openpyxl.load_workbook(io.BytesIO(c)).properties.modified.isoformat() == "2027-01-15T08:00:00"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


@pytest.mark.parametrize("args, message", [
    (("--period", "2027"), "give -o FILE.xlsx"),
    (("--period", "2029", "-o", "x.xlsx"), "'2029' is not a reporting period"),
    (("--agency", "NGOO", "-o", "x.xlsx"), "unknown agency 'NGOO' (did you mean 'NGO'?)"),
    (("--agency", "POL", "-o", "x.xlsx"), "agency 'POL' leads no measure"),
])
def test_export_usage_errors(valid_plan, tmp_path, args, message):
    result = nap("export", "--format", "xlsx", *[str(tmp_path / a) if a.endswith(".xlsx") else a for a in args],
                 root=valid_plan)
    assert result.exit_code == 2 and message in result.stderr, result.output
    assert not list(tmp_path.glob("*.xlsx"))


def test_default_period_is_the_latest_that_has_ended(valid_plan, tmp_path):
    import datetime as dt

    from napkit.export.xlsx_progress import default_period
    from napkit.pipeline import run_folder

    plan = run_folder(valid_plan).model.plan
    assert default_period(plan, dt.date(2027, 5, 1)) == "2027"
    assert default_period(plan, dt.date(2028, 2, 1)) == "2027"
    assert default_period(plan, dt.date(2031, 1, 1)) == "2028"


# -- round trips -------------------------------------------------------------------------------

def test_export_then_import_without_edits_changes_nothing(valid_plan, workbook):
    before = snapshot(valid_plan)
    result = nap("import-progress", workbook, root=valid_plan)
    assert result.exit_code == 0, result.output
    assert "0 file(s) written, 2 unchanged (period 2027)" in result.stderr
    assert snapshot(valid_plan) == before


def test_agency_workbook_round_trip_changes_nothing(valid_plan, tmp_path):
    before = snapshot(valid_plan)
    wb = export(valid_plan, tmp_path / "ngo.xlsx", "--agency", "NGO", "--period", "2027")
    assert nap("import-progress", wb, root=valid_plan).exit_code == 0
    assert snapshot(valid_plan) == before


def test_edits_become_exactly_those_changes(valid_plan, workbook, tmp_path):
    m1_before = (valid_plan / "plan/progress/2027/M-01.yaml").read_bytes()
    old = data(valid_plan, "plan/progress/2027/M-02.yaml")
    edited = edit(workbook, tmp_path / "edited.xlsx", {"Framdrift": {
        "D5": "on-track", "E5": 55, "G5": "Both shelters are being set up.", "I5": 2200000}})
    result = nap("import-progress", edited, root=valid_plan)
    assert result.exit_code == 0, result.output
    assert "updated plan/progress/2027/M-02.yaml" in result.stdout
    new = data(valid_plan, "plan/progress/2027/M-02.yaml")
    expected = dict(old, status="on-track", completion=55, spent=[{"year": 2027, "amount": 2200000}],
                    done={"nb": old["done"]["nb"], "en": "Both shelters are being set up."})
    assert new == expected
    assert (valid_plan / "plan/progress/2027/M-01.yaml").read_bytes() == m1_before
    assert nap("check", "--strict", root=valid_plan).exit_code == 0
    assert nap("fmt", "--check", root=valid_plan).exit_code == 0


def test_milestone_and_indicator_edits(valid_plan, workbook, tmp_path):
    edited = edit(workbook, tmp_path / "edited.xlsx", {
        "Milepæler": {"G4": "2027-06-20"},
        "Indikatorer": {"J4": 33, "K4": "SSB", "L4": "SSB"}})
    assert nap("import-progress", edited, root=valid_plan).exit_code == 0
    new = data(valid_plan, "plan/progress/2027/M-01.yaml")
    assert new["milestones"] == [{"id": "MS1", "reached": __import__("datetime").date(2027, 6, 20)}]
    assert new["indicators"] == [{"indicator": "IND-CASES", "year": 2027, "value": 33, "source": "SSB"}]


def test_a_new_period_writes_canonical_files(valid_plan, tmp_path):
    wb = export(valid_plan, tmp_path / "p2028.xlsx", "--period", "2028")
    edited = edit(wb, tmp_path / "filled.xlsx", {"Framdrift": {
        "D5": "on-track", "E5": 70, "F5": "Begge botilbud er åpne.\nVentelisten er borte.",
        "G5": "Both shelters are open.\nThe waiting list is gone.", "K5": 2400000, "M5": "2029-01-15"}})
    result = nap("import-progress", edited, root=valid_plan)
    assert result.exit_code == 0, result.output
    assert result.stdout == "created plan/progress/2028/M-02.yaml\n"
    assert (valid_plan / "plan/progress/2028/M-02.yaml").read_text(encoding="utf-8") == """\
# yaml-language-server: $schema=../../../schemas/progress.schema.json
measure: M-02
period: "2028"
reported_by: NGO
date: 2029-01-15
status: on-track
completion: 70
done:
  nb: |-
    Begge botilbud er åpne.
    Ventelisten er borte.
  en: |-
    Both shelters are open.
    The waiting list is gone.
spent:
  - year: 2028
    amount: 2400000
"""
    assert not (valid_plan / "plan/progress/2028/M-01.yaml").exists()  # its row was left empty
    assert nap("check", "--strict", root=valid_plan).exit_code == 0
    assert nap("fmt", "--check", root=valid_plan).exit_code == 0
    # and that file survives its own round trip
    before = snapshot(valid_plan)
    again = export(valid_plan, tmp_path / "again.xlsx", "--period", "2028")
    assert nap("import-progress", again, root=valid_plan).exit_code == 0
    assert snapshot(valid_plan) == before


def test_texts_keep_how_they_were_written(valid_plan, tmp_path):
    m2 = valid_plan / "plan/progress/2027/M-02.yaml"
    m2.write_text(m2.read_text().replace("done:\n  nb: Ett av to botilbud er åpnet.\n  en: One of two shelters has "
                                         "opened.\n", "done: Shelter A open\n"))
    before = snapshot(valid_plan)
    wb = export(valid_plan, tmp_path / "w.xlsx", "--period", "2027")
    assert openpyxl.load_workbook(wb)["Framdrift"]["G5"].value == "Shelter A open"
    assert nap("import-progress", wb, root=valid_plan).exit_code == 0
    assert snapshot(valid_plan) == before


def test_missing_report_date_is_today_with_a_note(valid_plan, tmp_path):
    import datetime as dt

    wb = export(valid_plan, tmp_path / "p2028.xlsx", "--period", "2028")
    edited = edit(wb, tmp_path / "filled.xlsx", {"Framdrift": {"D5": "not-started", "F5": "x", "G5": "y"}})
    result = nap("import-progress", edited, root=valid_plan)
    assert result.exit_code == 0, result.output
    assert "no report date given (Framdrift!M5); dated today" in result.stderr
    assert data(valid_plan, "plan/progress/2028/M-02.yaml")["date"] == dt.date.today()


def test_lenient_about_how_dates_and_numbers_are_typed(valid_plan, workbook, tmp_path):
    edited = edit(workbook, tmp_path / "e.xlsx", {"Framdrift": {"K5": "01.02.2028", "I5": "2100000"},
                                                   "Milepæler": {"G4": "2027-07-15"}})
    result = nap("import-progress", edited, root=valid_plan)
    assert result.exit_code == 0, result.output
    assert data(valid_plan, "plan/progress/2027/M-02.yaml")["date"].isoformat() == "2028-02-01"
    assert "1 file(s) written, 1 unchanged" in result.stderr


def test_dry_run_writes_nothing(valid_plan, workbook, tmp_path):
    edited = edit(workbook, tmp_path / "e.xlsx", {"Framdrift": {"E5": 45}})
    before = snapshot(valid_plan)
    result = nap("import-progress", "--dry-run", edited, root=valid_plan)
    assert result.exit_code == 0 and "would update plan/progress/2027/M-02.yaml" in result.stdout
    assert snapshot(valid_plan) == before


# -- bad workbooks: a cell-referenced error, and nothing written --------------------------------

BAD = {
    "missing sheet": (lambda wb: setattr(wb["Milepæler"], "title", "Milepaeler"),
                      "Milepæler: the sheet is missing (the workbook has: Veiledning, Framdrift, Milepaeler, "
                      "Indikatorer)"),
    "changed header": ({"Framdrift": {"E3": "Fullført"}},
                       "Framdrift!E3: the header is 'Fullført'; it should be 'Fullført (%) / Completion (%)'"),
    "added column": ({"Framdrift": {"M3": "Kommentar"}}, "Framdrift!M3: unexpected column 'Kommentar'"),
    "text in a number cell": ({"Framdrift": {"I5": "mye"}}, "Framdrift!I5: 'mye' is text, not a number"),
    "number with spaces": ({"Framdrift": {"I5": "2 100 000"}}, "Framdrift!I5: '2 100 000' is text, not a number"),
    "negative money": ({"Framdrift": {"I5": -5}}, "Framdrift!I5: -5 is negative"),
    "unknown status": ({"Framdrift": {"D5": "kanskje"}},
                       "Framdrift!D5: 'kanskje' is not a status (not-started, on-track, delayed, completed, cancelled)"),
    "missing status": ({"Framdrift": {"D5": None}}, "Framdrift!D5: the status of M-02 is missing"),
    "unknown measure id": ({"Framdrift": {"A5": "M-99"}}, "Framdrift!A5: unknown measure 'M-99'"),
    "row twice": ({"Framdrift": {"A6": "M-02", "D6": "on-track"}}, "Framdrift!A6: M-02 is on row 5 already"),
    "extra row without id": ({"Framdrift": {"D7": "completed"}},
                             "Framdrift!A7: this row has content but no measure id"),
    "value outside the table": ({"Framdrift": {"P5": "note"}}, "Framdrift!P5: 'note' is outside the table"),
    "completion out of range": ({"Framdrift": {"E5": 150}},
                                "Framdrift!E5: 150 is not a completion in per cent (a whole number from 0 to 100)"),
    "completion not whole": ({"Framdrift": {"E5": 0.4}}, "Framdrift!E5: 0.4 is not a completion in per cent"),
    "bad date": ({"Milepæler": {"G4": "2027-13-01"}}, "Milepæler!G4: '2027-13-01' is not a date (YYYY-MM-DD)"),
    "text as report date": ({"Framdrift": {"K5": "snart"}}, "Framdrift!K5: 'snart' is not a date"),
    "unknown milestone": ({"Milepæler": {"B4": "MS9"}}, "Milepæler!B4: unknown milestone 'MS9' of M-01"),
    "unknown indicator": ({"Indikatorer": {"B4": "IND-CASE"}},
                          "Indikatorer!B4: unknown indicator 'IND-CASE' (did you mean 'IND-CASES'?)"),
    "indicator value without year": ({"Indikatorer": {"I4": None}},
                                     "Indikatorer!I4: the year of this IND-CASES value is missing"),
    "indicator value without source": ({"Indikatorer": {"K4": None, "L4": None}},
                                       "Indikatorer!K4: the 2027 value of IND-CASES (31) gives no source"),
    "missing translation": ({"Framdrift": {"G5": None}}, "Framdrift!G5: no en text for what was done of M-02"),
    "unknown reporting agency": ({"Framdrift": {"J5": "NGOO"}},
                                 "Framdrift!J5: unknown reporting agency 'NGOO' (did you mean 'NGO'?) [NAP204]"),
    "completed with open milestone": ({"Milepæler": {"G4": None}},
                                      "Framdrift!D4: M-01 is completed but milestone MS1 (due 2027-06-30) has no "
                                      "reached date"),
    "completion contradicts status": ({"Framdrift": {"E4": 80}},
                                      "Framdrift!E4: M-01 is completed but its completion is 80 %"),
    "row emptied": ({"Framdrift": {c: None for c in ("D5", "E5", "F5", "G5", "I5", "K5")}},
                    "Framdrift!D5: M-02's row is empty, but plan/progress/2027/M-02.yaml reports on it"),
    "another plan": ({"napkit": {"B3": "other-plan"}}, "this workbook is for plan 'other-plan', not 'example-plan'"),
}


@pytest.mark.parametrize("name", list(BAD))
def test_bad_workbook_names_the_cell_and_writes_nothing(valid_plan, workbook, tmp_path, name):
    change, message = BAD[name]
    wb = openpyxl.load_workbook(workbook)
    if callable(change):
        change(wb)
    else:
        for sheet, values in change.items():
            for ref, value in values.items():
                wb[sheet][ref] = value
    bad = tmp_path / "bad.xlsx"
    wb.save(bad)
    before = snapshot(valid_plan)
    result = nap("import-progress", bad, root=valid_plan)
    assert result.exit_code == 1, result.output
    assert message in result.stderr, result.stderr
    assert "nothing was written" in result.stderr
    assert "Traceback" not in result.output
    assert snapshot(valid_plan) == before


def test_every_problem_in_one_run_in_sheet_order(valid_plan, workbook, tmp_path):
    bad = edit(workbook, tmp_path / "bad.xlsx", {"Indikatorer": {"J4": "many"}, "Milepæler": {"G4": "soon"},
                                                 "Framdrift": {"E5": 101, "D4": "maybe"}})
    result = nap("import-progress", bad, root=valid_plan)
    lines = [ln for ln in result.stderr.splitlines() if "!" in ln]
    assert [ln.split(":")[0] for ln in lines] == ["Framdrift!D4", "Framdrift!E5", "Milepæler!G4", "Indikatorer!J4"]
    assert "4 problem(s); nothing was written" in result.stderr


def test_agency_workbook_refuses_another_agencys_measure(valid_plan, tmp_path):
    wb = export(valid_plan, tmp_path / "ngo.xlsx", "--agency", "NGO", "--period", "2027")
    bad = edit(wb, tmp_path / "bad.xlsx", {"Framdrift": {"A4": "M-01"}})
    result = nap("import-progress", bad, root=valid_plan)
    assert result.exit_code == 1
    assert "Framdrift!A4: M-01 is led by MIN, and this workbook is for the measures NGO leads" in result.stderr


def test_period_option_must_agree_with_the_workbook(valid_plan, workbook):
    result = nap("import-progress", "--period", "2028", workbook, root=valid_plan)
    assert result.exit_code == 1
    assert "the workbook is for period 2027, not 2028" in result.stderr


def test_without_its_hidden_sheet_the_period_must_be_given(valid_plan, workbook, tmp_path):
    wb = openpyxl.load_workbook(workbook)
    wb.remove(wb["napkit"])
    bare = tmp_path / "bare.xlsx"
    wb.save(bare)
    result = nap("import-progress", bare, root=valid_plan)
    assert result.exit_code == 1 and "give --period" in result.stderr
    result = nap("import-progress", "--period", "2027", bare, root=valid_plan)
    assert result.exit_code == 0, result.output


def test_not_a_workbook_is_a_usage_error(valid_plan, tmp_path):
    fake = tmp_path / "fake.xlsx"
    fake.write_text("id,status\n")
    result = nap("import-progress", fake, root=valid_plan)
    assert result.exit_code == 2 and "cannot read" in result.stderr


def test_import_refuses_a_plan_with_errors(valid_plan, workbook):
    m = valid_plan / "measures" / "M-01.yaml"
    m.write_text(m.read_text().replace("lead: MIN", "lead: NOBODY"))
    result = nap("import-progress", workbook, root=valid_plan)
    assert result.exit_code == 1 and "NAP204" in result.stderr


# -- csv ---------------------------------------------------------------------------------------

def test_csv_measures_table(valid_plan):
    result = nap("export", "--format", "csv", "--table", "measures", root=valid_plan)
    assert result.exit_code == 0
    raw = result.stdout_bytes
    assert raw.startswith("\ufeff".encode()) and b"\r\n" in raw
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == ["id", "objective", "title_nb", "title_en", "lead", "partners", "implements", "start", "end",
                       "milestones", "budget_2027", "budget_2028", "budget_total", "indicators", "status", "file"]
    assert rows[2] == ["M-02", "O2", "Bistand til ofre", "Assistance to victims", "NGO", "", "SRC-02 (partial)",
                       "2027-03-01", "2028-12-31", "0", "2500000", "2500000", "5000000", "", "ongoing",
                       "measures/M-02.yaml"]


def test_csv_budget_table_to_a_file(valid_plan, tmp_path):
    out = tmp_path / "budget.csv"
    assert nap("export", "--format", "csv", "--table", "budget", "-o", out, root=valid_plan).exit_code == 0
    rows = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"))))
    assert rows == [["measure", "objective", "lead", "year", "amount", "currency", "source", "new_money", "chapter",
                     "post"],
                    ["M-01", "O1", "MIN", "2027", "1000000", "NOK", "state-budget", "true", "", ""],
                    ["M-02", "O2", "NGO", "2027", "2500000", "NOK", "state-budget", "false", "", ""],
                    ["M-02", "O2", "NGO", "2028", "2500000", "NOK", "state-budget", "false", "", ""]]


def test_csv_options_belong_to_csv(valid_plan):
    assert nap("export", "--table", "budget", root=valid_plan).exit_code == 2
    assert nap("export", "--format", "csv", "--agency", "MIN", root=valid_plan).exit_code == 2
