"""Read a reporting workbook (written by export/xlsx_progress.py) back into progress entries.

The result is one CellDocument per measure that has input: the entry's data, shaped like a
plan/progress/<period>/<measure>.yaml file, and for every JSON path the cell it came from, so
that schema and rule findings point at `Framdrift!D7` rather than at a line of YAML. Problems
the cells themselves show (a missing sheet, a changed header, text in a number cell, an unknown
status, an unknown measure, a row that should not be there, a completion out of range, a bad
date) are collected as CellErrors; reading never stops at the first one.

Only input cells (white) and the ids that key each row are read; grey cells are not.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from ..analyse.progress import STATUSES, entry_for
from ..export.xlsx_progress import (
    FIRST_ROW, FORMAT, HEADER_ROW, META_SHEET, Layout, SheetLayout, layout_of, report_years,
)
from ..findings import Pos
from ..model import PlanModel, Text


class WorkbookUnreadable(Exception):
    """The file is not an .xlsx workbook at all (a usage error, not a problem in a cell)."""


@dataclass(frozen=True, slots=True)
class CellError:
    ref: str  # 'Framdrift!D7', 'Framdrift' (a whole sheet) or '' (the whole workbook)
    message: str

    def __str__(self) -> str:
        return f"{self.ref}: {self.message}" if self.ref else self.message


@dataclass(eq=False)
class CellDocument:
    """A progress entry read from a workbook; quacks like load.yaml_doc.Document for the schema
    check and the model builder. `file` is the YAML file the entry belongs in."""

    file: str
    data: dict[str, Any]
    cells: dict[tuple, str]  # JSON path → 'Sheet!A1'
    kind: str = "progress"

    def locate(self, path: tuple, *, key: bool = False) -> Pos:
        for n in range(len(path), -1, -1):
            ref = self.cells.get(tuple(path[:n]))
            if ref is not None:
                return Pos(ref)
        return Pos(self.file)


@dataclass
class WorkbookRead:
    period: str | None
    agency: str | None
    documents: list[CellDocument] = field(default_factory=list)  # one per measure with input and no cell error
    errors: list[CellError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    sheet_names: tuple[str, ...] = ()  # data sheets, in order (for sorting errors)

    def sorted_errors(self, more: list[CellError] = ()) -> list[CellError]:
        unique = list(dict.fromkeys([*self.errors, *more]))
        return sorted(unique, key=lambda e: error_order(e, self.sheet_names))


def error_order(error: CellError, names: tuple[str, ...]) -> tuple:
    """Workbook-wide errors first, then sheet by sheet (in the workbook's order), row by row."""
    from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

    names = list(names)
    sheet, _, cell = error.ref.partition("!")
    if not error.ref or sheet not in names:
        return (-1 if not error.ref else len(names), 0, 0, error.message)
    if not cell:
        return (names.index(sheet), 0, 0, error.message)
    letters, row = coordinate_from_string(cell)
    return (names.index(sheet), row, column_index_from_string(letters), error.message)


def entry_path(period: str, measure: str) -> str:
    return f"plan/progress/{period}/{measure}.yaml"


# -- cell values -------------------------------------------------------------------------------

class Bad(Exception):
    """A cell holds something that cannot be read as what its column asks for."""


def _blank(v: Any) -> bool:
    return v is None or (isinstance(v, str) and not v.strip())


def _shown(v: Any) -> str:
    if isinstance(v, (dt.datetime, dt.date)):
        return v.isoformat()[:10]
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return str(int(v)) if float(v).is_integer() else str(v)
    s = str(v)
    return repr(s if len(s) <= 40 else s[:37] + "...")


def as_text(v: Any) -> str | None:
    if _blank(v):
        return None
    if isinstance(v, bool):
        return str(v).lower()
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    if isinstance(v, (dt.datetime, dt.date)):
        return v.isoformat()[:10]
    return str(v).replace("\r\n", "\n").replace("\r", "\n").strip()


_NUMBER = re.compile(r"^-?\d+(?:\.\d+)?$")


def as_number(v: Any) -> int | float | None:
    if _blank(v):
        return None
    if isinstance(v, (bool, dt.date, dt.datetime)):
        raise Bad(f"{_shown(v)} is not a number")
    if isinstance(v, (int, float)):
        return int(v) if isinstance(v, float) and v.is_integer() else v
    s = str(v).strip()
    if _NUMBER.match(s):
        f = float(s)
        return int(f) if f.is_integer() else f
    raise Bad(f"{_shown(v)} is text, not a number; type the number alone, without spaces, units or "
              "thousands separators")


def as_whole(v: Any, low: int, high: int, what: str) -> int | None:
    n = as_number(v)
    if n is None:
        return None
    if not float(n).is_integer() or not low <= n <= high:
        raise Bad(f"{_shown(v)} is not {what} (a whole number from {low} to {high})")
    return int(n)


_DMY = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")


def as_date(v: Any) -> dt.date | None:
    if _blank(v):
        return None
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    if isinstance(v, str):
        s = v.strip()
        try:
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
                return dt.date.fromisoformat(s)
            m = _DMY.match(s)
            if m:
                return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        except ValueError:
            pass
    raise Bad(f"{_shown(v)} is not a date (YYYY-MM-DD)")


def _suggest(word: str, options) -> str:
    hits = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f" (did you mean '{hits[0]}'?)" if hits else ""


# -- reading -----------------------------------------------------------------------------------

class _Sheet:
    """One data sheet: its layout, its rows as {column key: (value, ref)}, and its errors."""

    def __init__(self, ws, layout: SheetLayout, errors: list[CellError]):
        self.ws, self.layout, self.errors = ws, layout, errors

    def ref(self, row: int, col: int) -> str:
        return f"{self.layout.name}!{get_column_letter(col)}{row}"

    def headers_ok(self) -> bool:
        self.cells = _occupied(self.ws)
        ok = True
        for i, c in enumerate(self.layout.columns, 1):
            got = self.ws.cell(HEADER_ROW, i).value
            if (as_text(got) or "") != c.header:
                ok = False
                was = f"is {_shown(got)}" if not _blank(got) else "is empty"
                self.errors.append(CellError(self.ref(HEADER_ROW, i),
                                             f"the header {was}; it should be '{c.header}' (do not change the "
                                             "header row; export a new workbook if the plan has changed)"))
        for col, got in sorted(self.cells.get(HEADER_ROW, {}).items()):
            if col > len(self.layout.columns) and not _blank(got):
                ok = False
                self.errors.append(CellError(self.ref(HEADER_ROW, col),
                                             f"unexpected column {_shown(got)}; columns cannot be added"))
        return ok

    def rows(self):
        """(row number, {column index: value}) for each row below the header that holds anything."""
        width = len(self.layout.columns)
        # only the rows and cells the sheet really has: its stated size (one value in A1048576)
        # would be a million empty rows to walk
        for r in sorted(k for k in self.cells if k >= FIRST_ROW):
            values = {c: None for c in range(1, width + 1)}
            values.update(self.cells[r])
            if all(_blank(v) for v in values.values()):
                continue
            for c in sorted(values):
                if c > width and not _blank(values[c]):
                    self.errors.append(CellError(self.ref(r, c), f"{_shown(values[c])} is outside the table; "
                                                 "nothing is read from here"))
            yield r, values

    def read(self, r: int, values: dict[int, Any], key: str, convert, lang: str | None = None,
             year: int | None = None):
        """(value, ref) of one cell, converted; a bad value is reported and read as None."""
        col = self.layout.index(key, lang, year)
        ref = self.ref(r, col)
        try:
            return convert(values.get(col)), ref
        except Bad as exc:
            self.errors.append(CellError(ref, str(exc)))
            return None, ref


def _occupied(ws) -> dict[int, dict[int, Any]]:
    """{row: {column: value}} of the cells the sheet file holds. openpyxl keeps them in `_cells`;
    walking ws.cell() up to ws.max_row would create every empty cell in between."""
    rows: dict[int, dict[int, Any]] = {}
    for (r, c), cell in getattr(ws, "_cells", {}).items():
        if cell.value is not None:
            rows.setdefault(r, {})[c] = cell.value
    return rows


# A workbook napkit writes for a plan of thousands of measures unpacks to a few MB; far more is
# a zip bomb or not a progress workbook.
MAX_UNPACKED = 100 * 1024 * 1024
# A document type declaration can define entities (billion laughs, or XXE: an entity that reads a
# local file). OOXML never has one, so any is refused before a parser sees it.
_DTD_MARKS = tuple(mark.encode(enc) for mark in ("<!DOCTYPE", "<!ENTITY", "<!doctype", "<!entity")
                   for enc in ("utf-8", "utf-16-le", "utf-16-be"))


def check_package(path: Path) -> None:
    """Refuse, before openpyxl parses anything, a workbook that unpacks to more than MAX_UNPACKED
    or has an XML part with a DTD."""
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
            total = sum(i.file_size for i in infos)
            if total > MAX_UNPACKED:
                raise WorkbookUnreadable(f"{path}: the workbook unpacks to {total // 2**20} MB; a progress workbook "
                                         f"is far smaller (at most {MAX_UNPACKED // 2**20} MB), so it is not read")
            for info in infos:
                if info.is_dir():
                    continue
                with z.open(info) as part:
                    tail = b""
                    read = 0
                    while chunk := part.read(1 << 16):
                        read += len(chunk)
                        if read > MAX_UNPACKED:  # the sizes in the directory were false
                            raise WorkbookUnreadable(f"{path}: {info.filename} unpacks to more than it says; "
                                                     "not read")
                        window = tail + chunk
                        if any(mark in window for mark in _DTD_MARKS):
                            raise WorkbookUnreadable(
                                f"{path}: {info.filename} has an XML document type declaration (<!DOCTYPE or "
                                "<!ENTITY), which .xlsx files never have; it is refused because its entities could "
                                "read local files or expand without bound")
                        tail = window[-32:]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, NotImplementedError, EOFError, RuntimeError) as exc:
        raise WorkbookUnreadable(f"cannot read {path} as an .xlsx workbook ({type(exc).__name__}: {exc})") from None


def read_workbook(path: Path, model: PlanModel, period: str | None = None,
                  today: dt.date | None = None) -> WorkbookRead:
    check_package(path)
    try:
        wb = load_workbook(path, data_only=True)
    except OSError:
        raise  # the file itself could not be read: the command line says why (exit 2)
    except Exception as exc:  # openpyxl and its XML parser raise many kinds for a foreign file
        raise WorkbookUnreadable(f"cannot read {path} as an .xlsx workbook ({type(exc).__name__}: {exc})") from None
    plan = model.plan
    out = WorkbookRead(None, None)
    errors = out.errors
    meta = _metadata(wb, errors, out.notes, period)
    if meta.get("format") not in (None, FORMAT):
        errors.append(CellError(META_SHEET, f"this is not a napkit progress workbook (format {meta['format']!r})"))
    if meta.get("plan") not in (None, plan.id):
        errors.append(CellError("", f"this workbook is for plan '{meta['plan']}', not '{plan.id}'"))
    wb_period = meta.get("period")
    if period and wb_period and period != wb_period:
        errors.append(CellError("", f"the workbook is for period {wb_period}, not {period}; leave out --period, "
                                f"or export a workbook for {period} and fill that in"))
    out.period = period or wb_period
    if not out.period:
        errors.append(CellError("", "which period is this? The workbook does not say; give --period"))
    elif out.period not in plan.reporting_periods:
        errors.append(CellError("", f"'{out.period}' is not a reporting period of the plan "
                                f"({', '.join(plan.reporting_periods) or 'none declared'})"))
        out.period = None
    out.agency = meta.get("agency") or None
    if out.agency is not None and out.agency not in model.agencies:
        errors.append(CellError("", f"the workbook is for agency '{out.agency}', which the plan does not know"))
        out.agency = None

    layout = layout_of(plan, out.period or "")
    out.sheet_names = tuple(s.name for s in layout.sheets)
    sheets: dict[str, _Sheet] = {}
    for s in layout.sheets:
        if s.name not in wb.sheetnames:
            others = ", ".join(n for n in wb.sheetnames if n != META_SHEET)
            errors.append(CellError(s.name, f"the sheet is missing (the workbook has: {others}); sheets must "
                                    "keep the names nap export gave them"))
            continue
        if out.period is None:
            continue  # the columns depend on the period: they cannot be checked without one
        sheet = _Sheet(wb[s.name], s, errors)
        if sheet.headers_ok():
            sheets[s.role] = sheet
    if out.period is None:
        return out
    _Reader(model, layout, out, today or dt.date.today()).run(sheets)
    return out


def _metadata(wb, errors: list[CellError], notes: list[str], period: str | None) -> dict[str, str]:
    if META_SHEET not in wb.sheetnames:
        if period:
            notes.append(f"the workbook has no hidden napkit sheet; read as period {period}, for any agency")
        else:
            errors.append(CellError(META_SHEET, "the hidden sheet napkit is missing: the workbook was not made by "
                                    "`nap export --format xlsx` (or was copied into a new one); give --period"))
        return {}
    ws = wb[META_SHEET]
    out: dict[str, str] = {}
    for r in range(1, 20):
        k, v = ws.cell(r, 1).value, ws.cell(r, 2).value
        if isinstance(k, str):
            out[k] = as_text(v) or ""
    return {k: v for k, v in out.items() if v}


@dataclass
class _Row:
    """What one measure's rows say, gathered across the sheets."""

    data: dict[str, Any] = field(default_factory=dict)
    cells: dict[tuple, str] = field(default_factory=dict)
    on_progress_sheet: int = 0  # its row on the progress sheet (0: none)
    input: bool = False  # anything typed into its input cells (reported_by comes pre-filled)
    bad: bool = False  # a cell of the measure could not be read: its entry is not checked further
    status_ref: str = ""
    milestones: list[tuple[str, dt.date, str, str]] = field(default_factory=list)  # id, reached, id ref, date ref
    indicators: list[dict[str, Any]] = field(default_factory=list)


class _Reader:
    def __init__(self, model: PlanModel, layout: Layout, out: WorkbookRead, today: dt.date):
        self.model, self.layout, self.out, self.today = model, layout, out, today
        self.langs = model.plan.languages
        self.years = report_years(model.plan, out.period)
        self.rows: dict[str, _Row] = {}
        self.errors = out.errors
        self.seen_milestones: set[tuple[str, str]] = set()

    def err(self, ref: str, message: str) -> None:
        self.errors.append(CellError(ref, message))

    def run(self, sheets: dict[str, _Sheet]) -> None:
        for role, read_sheet in (("progress", self.progress), ("milestones", self.milestones),
                                 ("indicators", self.indicators)):
            if role in sheets:
                for r, values in sheets[role].rows():
                    before = len(self.errors)
                    mid = read_sheet(sheets[role], r, values)
                    if mid is not None:
                        row = self.rows.setdefault(mid, _Row())
                        row.bad = row.bad or len(self.errors) > before
        self.assemble()

    # ids that key a row
    def measure(self, sheet: _Sheet, r: int, values: dict[int, Any]) -> str | None:
        mid, ref = sheet.read(r, values, "measure", as_text)
        if mid is None:
            self.err(ref, "this row has content but no measure id; rows cannot be added to the sheet")
            return None
        m = self.model.measures.get(mid)
        if m is None:
            self.err(ref, f"unknown measure '{mid}'{_suggest(mid, self.model.measures)}")
            return None
        if self.out.agency is not None and m.lead != self.out.agency:
            self.err(ref, f"{mid} is led by {m.lead}, and this workbook is for the measures {self.out.agency} leads; "
                     "remove the row")
            return None
        return mid

    def progress(self, sheet: _Sheet, r: int, values: dict[int, Any]) -> str | None:
        mid = self.measure(sheet, r, values)
        if mid is None:
            return None
        row = self.rows.setdefault(mid, _Row())
        id_ref = sheet.ref(r, sheet.layout.index("measure"))
        if row.on_progress_sheet:
            self.err(id_ref, f"{mid} is on row {row.on_progress_sheet} already: one row per measure")
            return None
        row.on_progress_sheet = r
        row.cells[()] = row.cells[("measure",)] = row.cells[("period",)] = id_ref
        status, row.status_ref = sheet.read(r, values, "status", self.status)
        completion, c_ref = sheet.read(r, values, "completion",
                                       lambda v: as_whole(v, 0, 100, "a completion in per cent"))
        done, done_refs = self.texts(sheet, r, values, "done")
        spent, s_refs = [], []
        for y in self.years:
            amount, ref = sheet.read(r, values, "spent", self.money, year=y)
            if amount is not None:
                spent.append({"year": y, "amount": amount})
                s_refs.append(ref)
        reported_by, rb_ref = sheet.read(r, values, "reported_by", as_text)
        day, d_ref = sheet.read(r, values, "date", as_date)
        typed = [values.get(sheet.layout.index(k)) for k in ("status", "completion", "date")]
        typed += [values.get(sheet.layout.index("done", lang)) for lang in self.langs]
        typed += [values.get(sheet.layout.index("spent", year=y)) for y in self.years]
        row.input = any(not _blank(v) for v in typed)
        row.data.update({"measure": mid, "period": self.out.period, "reported_by": reported_by, "date": day,
                         "status": status})
        row.cells.update({("reported_by",): rb_ref, ("date",): d_ref, ("status",): row.status_ref,
                          ("completion",): c_ref, ("done",): done_refs[self.langs[0]],
                          **{("done", lang): ref for lang, ref in done_refs.items()}})
        if completion is not None:
            row.data["completion"] = completion
        if done is not None:
            row.data["done"] = done
        if spent:
            row.data["spent"] = spent
            for i, ref in enumerate(s_refs):  # the year is the column's: both point at the amount
                row.cells[("spent", i)] = ref
        return mid

    def milestones(self, sheet: _Sheet, r: int, values: dict[int, Any]) -> str | None:
        mid = self.measure(sheet, r, values)
        if mid is None:
            return None
        ms_id, ms_ref = sheet.read(r, values, "milestone", as_text)
        known = [ms.id for ms in self.model.measures[mid].timeline.milestones]
        if ms_id is None or ms_id not in known:
            self.err(ms_ref, f"unknown milestone '{ms_id}' of {mid}{_suggest(ms_id, known)}" if ms_id else
                     "this row has no milestone id; rows cannot be added to the sheet")
            return mid
        row = self.rows.setdefault(mid, _Row())
        if (mid, ms_id) in self.seen_milestones:
            self.err(ms_ref, f"{mid} {ms_id} has a row above already: one row per milestone")
            return mid
        self.seen_milestones.add((mid, ms_id))
        reached, ref = sheet.read(r, values, "reached", as_date)
        if reached is not None:
            row.milestones.append((ms_id, reached, ms_ref, ref))
        return mid

    def indicators(self, sheet: _Sheet, r: int, values: dict[int, Any]) -> str | None:
        mid = self.measure(sheet, r, values)
        if mid is None:
            return None
        ind, ind_ref = sheet.read(r, values, "indicator", as_text)
        if ind is None or ind not in self.model.indicators:
            self.err(ind_ref, f"unknown indicator '{ind}'{_suggest(ind, self.model.indicators)}" if ind else
                     "this row has no indicator id; rows cannot be added to the sheet")
            return mid
        year, y_ref = sheet.read(r, values, "year", lambda v: as_whole(v, 1900, 2200, "a year"))
        value, v_ref = sheet.read(r, values, "value", as_number)
        source, src_refs = self.texts(sheet, r, values, "source")
        typed = [values.get(sheet.layout.index(k)) for k in ("year", "value")]
        typed += [values.get(sheet.layout.index("source", lang)) for lang in self.langs]
        if all(_blank(v) for v in typed):
            return mid
        if _blank(typed[0]):
            self.err(y_ref, f"the year of this {ind} value is missing")
        if _blank(typed[1]):
            self.err(v_ref, f"the {ind} value is missing (or clear the row's year and source)")
        if year is None or value is None:
            return mid
        row = self.rows.setdefault(mid, _Row())
        if any(x["data"]["indicator"] == ind and x["data"]["year"] == year for x in row.indicators):
            self.err(y_ref, f"{mid} reports {ind} for {year} on a row above already")
            return mid
        item = {"indicator": ind, "year": year, "value": value}
        if source is not None:
            item["source"] = source
        cells = {(): ind_ref, ("indicator",): ind_ref, ("year",): y_ref, ("value",): v_ref,
                 ("source",): src_refs[self.langs[0]], **{("source", lang): ref for lang, ref in src_refs.items()}}
        row.indicators.append({"data": item, "cells": cells})
        return mid

    # cell readers
    def status(self, v: Any) -> str | None:
        s = as_text(v)
        if s is None:
            return None
        if s.lower() in STATUSES:
            return s.lower()
        raise Bad(f"{_shown(v)} is not a status ({', '.join(STATUSES)})")

    @staticmethod
    def money(v: Any) -> int | float | None:
        n = as_number(v)
        if n is not None and n < 0:
            raise Bad(f"{_shown(v)} is negative; money spent is 0 or more")
        return n

    def texts(self, sheet: _Sheet, r: int, values, key: str) -> tuple[Any, dict[str, str]]:
        """A localised text from one cell per language: a plain text when every language has the
        same words, else {lang: text} (missing languages are left for the translation check)."""
        refs: dict[str, str] = {}
        got: dict[str, str] = {}
        for lang in self.langs:
            text, refs[lang] = sheet.read(r, values, key, as_text, lang=lang)
            if text is not None:
                got[lang] = text
        if not got:
            return None, refs
        if len(got) == len(self.langs) and len(set(got.values())) == 1:
            return next(iter(got.values())), refs
        return got, refs

    # one document per measure
    def assemble(self) -> None:
        period = self.out.period
        for mid, row in self.rows.items():
            existing = entry_for(self.model, mid, period)
            if not (row.input or row.milestones or row.indicators or row.bad):
                if existing is not None:
                    self.err(row.status_ref or row.cells.get((), ""),
                             f"{mid}'s row is empty, but {existing.file} reports on it for {period}; fill the row in "
                             "again (or delete that file by hand if the entry should go)")
                continue
            if not row.on_progress_sheet:  # input on Milestones/Indicators only
                ref = row.milestones[0][3] if row.milestones else \
                    row.indicators[0]["cells"][("value",)] if row.indicators else ""
                if ref:
                    self.err(ref, f"{mid} has no row on {self.layout.progress.name}; its status is needed there")
                continue
            d = row.data
            status_blank = d.get("status") is None and not any(e.ref == row.status_ref for e in self.errors)
            if status_blank:
                self.err(row.status_ref, f"the status of {mid} is missing: choose one of {', '.join(STATUSES)}")
            if not d.get("reported_by"):
                self.err(row.cells[("reported_by",)], f"the reporting agency of {mid} is missing")
            if row.bad or status_blank or not d.get("reported_by"):
                continue  # its own errors first: checks on half-read data would only add noise
            if d.get("date") is None:
                d["date"] = self.today
                self.out.notes.append(f"{mid}: no report date given ({row.cells[('date',)]}); "
                                      f"dated today, {self.today}")
            order = {ms.id: i for i, ms in enumerate(self.model.measures[mid].timeline.milestones)}
            if row.milestones:
                ms_sorted = sorted(row.milestones, key=lambda x: order[x[0]])
                d["milestones"] = [{"id": i, "reached": day.isoformat()} for i, day, _, _ in ms_sorted]
                for k, (_, _, id_ref, day_ref) in enumerate(ms_sorted):
                    row.cells[("milestones", k)] = row.cells[("milestones", k, "reached")] = day_ref
                    row.cells[("milestones", k, "id")] = id_ref
            if row.indicators:
                d["indicators"] = [x["data"] for x in row.indicators]
                for k, x in enumerate(row.indicators):
                    for sub, ref in x["cells"].items():
                        row.cells[("indicators", k, *sub)] = ref
            data = {k: v for k, v in d.items() if v is not None}
            data["date"] = data["date"].isoformat()
            data = _keep_representation(data, existing.src.doc.data if existing and existing.src.doc else None,
                                        self.langs)
            file = existing.file if existing is not None else entry_path(period, mid)
            self.out.documents.append(CellDocument(file, data, row.cells))


def _same_text(a: Any, b: Any, langs: tuple[str, ...]) -> bool:
    """Whether two texts read the same from a cell: as_text trims and turns CR LF into LF, so the
    file's own text is kept when it differs from the cell only by that (an untouched round trip
    then changes nothing)."""
    ta, tb = Text.of(a), Text.of(b)

    def cell(t: Text, lang: str) -> str | None:
        return as_text(t.get(lang)) if t.has(lang) else None

    return all(cell(ta, lang) == cell(tb, lang) for lang in langs)


def _keep_representation(data: dict[str, Any], existing: dict[str, Any] | None,
                         langs: tuple[str, ...]) -> dict[str, Any]:
    """Where a text means the same as in the existing file, keep the existing way of writing it
    (one plain text, or one per language), and keep fields the workbook does not show (example)."""
    if not isinstance(existing, dict):
        return data
    if "done" in data and "done" in existing and _same_text(data["done"], existing["done"], langs):
        data["done"] = existing["done"]
    old_sources = {(x.get("indicator"), x.get("year")): x.get("source") for x in existing.get("indicators", [])
                   if isinstance(x, dict)}
    for x in data.get("indicators", []):
        old = old_sources.get((x["indicator"], x["year"]))
        if "source" in x and old is not None and _same_text(x["source"], old, langs):
            x["source"] = old
    if "example" in existing:
        data["example"] = existing["example"]
    return data
