"""The reporting workbook for agency focal points (`nap export --format xlsx`), and its layout.

One workbook covers one reporting period and the measures one agency leads (or every measure):

  Veiledning / Instructions   how to fill it in, in every plan language
  Framdrift  / Progress       one row per measure: status, completion, what was done, money spent
                              per year, reporting agency, report date
  Milepæler  / Milestones     one row per milestone: the date it was reached
  Indikatorer / Indicators    one row per measure indicator (and per value reported): year,
                              value, source
  napkit (very hidden)        plan id, period, agency, format version; agency ids for a list

Grey cells (ids, titles, budget, due dates, baselines, targets) are locked under sheet
protection; white cells are input, with data validation (status list, whole 0–100, money ≥ 0,
dates). Existing progress for the period is filled in, so exporting and importing again without
edits changes nothing. `load/xlsx_progress.py` reads the workbook back by this same layout.

Output is reproducible: document properties and zip entry times come from SOURCE_DATE_EPOCH
(else the plan's date), and the file is written atomically.
"""

from __future__ import annotations

import datetime as dt
import difflib
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation

from ..analyse.progress import STATUSES, entry_for, period_of, reached_dates
from ..locale import N_, NP_, _, gettext, pgettext
from ..model import Measure, PlanModel, Point, ProgressEntry, Text
from ..model.types import Plan
from ..util.atomic import write_bytes_atomic

FORMAT = "napkit-progress"
FORMAT_VERSION = 1
META_SHEET = "napkit"
TITLE_ROW, NOTE_ROW, HEADER_ROW, FIRST_ROW = 1, 2, 3, 4

# Column headers and sheet names by their key (the key is the column's identity, which
# load/xlsx_progress.py reads back); the words come from the catalogs (napkit.locale).
HEADERS: dict[str, str] = {
    "sheet.instructions": N_("Instructions"),
    "sheet.progress": N_("Progress"),
    "sheet.milestones": N_("Milestones"),
    "sheet.indicators": N_("Indicators"),
    "measure": N_("Measure"),
    "title": N_("Title"),
    "status": N_("Status"),
    "completion": N_("Completion (%)"),
    "done": N_("What was done"),
    "budget": N_("Budget {year} ({currency})"),
    "spent": N_("Spent {year} ({currency})"),
    "reported_by": N_("Reported by"),
    "date": N_("Report date"),
    "lead": N_("Lead"),
    "milestone": N_("Milestone"),
    "due": N_("Due"),
    "deliverable": N_("Deliverable"),
    "reached_earlier": N_("Reached earlier"),
    "reached": N_("Date reached"),
    "indicator": N_("Indicator"),
    "name": N_("Name"),
    "baseline": N_("Baseline"),
    "baseline_year": N_("Baseline year"),
    "target": NP_("target value", "Target"),
    "target_year": N_("Target year"),
    "year": N_("Year"),
    "value": N_("Value"),
    "source": N_("Source"),
}
STATUS_WORDS: dict[str, str] = {  # lower case: they follow '=' in the instructions
    "not-started": N_("not started"),
    "on-track": N_("on track"),
    "delayed": N_("delayed"),
    "completed": N_("completed"),
    "cancelled": N_("cancelled"),
}


def instructions() -> list[str]:
    """The instruction sheet's lines, untranslated (each goes through the catalog)."""
    return [
        N_("How to report progress"),
        N_("This workbook is for the reporting period {period} of “{plan}”{scope}."),
        N_("1. Sheet “{progress}”: one row per measure. Choose a status from the list, give how far the measure has come in per cent (0–100), describe what was done (in every plan language: {languages}), and enter the money spent per year in {currency}. Give the reporting agency and the date of the report."),
        N_("2. Sheet “{milestones}”: enter the date each milestone was reached (YYYY-MM-DD). Leave the cell empty if it was not reached."),
        N_("3. Sheet “{indicators}”: give year, value and source for each indicator you have figures for. A figure without a source is not read back."),
        N_("Grey cells are locked and not read back; fill in the white ones. Do not add, delete or move rows, columns or sheets."),
        N_("Status: {statuses}. A completed measure has completion 100 and every milestone reached."),
        N_("Send the workbook back to {responsible}. It is read with “nap import-progress”."),
    ]


def label(key: str, lang: str, **fmt: object) -> str:
    msgid = HEADERS[key]
    if isinstance(msgid, tuple):
        return pgettext(*msgid, lang, **fmt)
    return gettext(msgid, lang, **fmt)


def _both(key: str, languages: tuple[str, ...], **fmt: object) -> str:
    """A header in every plan language: 'Tiltak / Measure' (once when all are the same)."""
    return " / ".join(dict.fromkeys(label(key, lang, **fmt) for lang in languages))


# -- layout ------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Column:
    key: str  # measure | title | status | completion | done | budget | spent | reported_by | date | lead | …
    header: str
    kind: str  # id | text | status | percent | money | date | year | number | agency
    input: bool
    lang: str | None = None
    year: int | None = None
    width: float = 14


@dataclass(frozen=True, slots=True)
class SheetLayout:
    role: str  # progress | milestones | indicators
    name: str
    columns: tuple[Column, ...]

    def index(self, key: str, lang: str | None = None, year: int | None = None) -> int:
        """1-based column number of a column."""
        for i, c in enumerate(self.columns, 1):
            if c.key == key and c.lang == lang and c.year == year:
                return i
        raise KeyError((key, lang, year))

    def ref(self, key: str, row: int, lang: str | None = None, year: int | None = None) -> str:
        return f"{self.name}!{get_column_letter(self.index(key, lang, year))}{row}"


@dataclass(frozen=True, slots=True)
class Layout:
    progress: SheetLayout
    milestones: SheetLayout
    indicators: SheetLayout
    instructions: str  # sheet name

    @property
    def sheets(self) -> tuple[SheetLayout, ...]:
        return (self.progress, self.milestones, self.indicators)


def report_years(plan: Plan, period: str) -> list[int]:
    """Plan years money can be reported for in a period: up to the year the period ends in."""
    from ..analyse.progress import period_span

    last = period_span(period, plan)[1].year
    return [y for y in plan.years if y <= last]


def layout_of(plan: Plan, period: str) -> Layout:
    """The workbook's sheets and columns for a plan and period (spending columns run up to the
    year the period ends in: later money is reported in a later period)."""
    langs, cur = plan.languages, plan.currency
    lang0 = plan.default_language

    def col(key: str, kind: str, input_: bool, width: float = 14, **fmt: object) -> Column:
        return Column(key, _both(key, langs, **fmt), kind, input_, width=width)

    def per_lang(key: str, kind: str, input_: bool, width: float) -> list[Column]:
        return [Column(key, f"{label(key, lang)} ({lang})", kind, input_, lang=lang, width=width) for lang in langs]

    progress = [col("measure", "id", False, 11), *per_lang("title", "text", False, 36),
                col("status", "status", True, 13), col("completion", "percent", True, 12),
                *per_lang("done", "text", True, 44)]
    for year in report_years(plan, period):
        progress += [Column("budget", _both("budget", langs, year=year, currency=cur), "money", False, year=year),
                     Column("spent", _both("spent", langs, year=year, currency=cur), "money", True, year=year)]
    progress += [col("reported_by", "agency", True, 14), col("date", "date", True, 13), col("lead", "id", False, 12)]
    milestones = [col("measure", "id", False, 11), col("milestone", "id", False, 11), col("due", "date", False, 12),
                  *per_lang("deliverable", "text", False, 36), col("reached_earlier", "date", False, 14),
                  col("reached", "date", True, 14)]
    indicators = [col("measure", "id", False, 11), col("indicator", "id", False, 18),
                  *per_lang("name", "text", False, 30),
                  col("baseline", "number", False, 12), col("baseline_year", "year", False, 10),
                  col("target", "number", False, 12), col("target_year", "year", False, 10),
                  col("year", "year", True, 10), col("value", "number", True, 12),
                  *per_lang("source", "text", True, 30)]
    return Layout(SheetLayout("progress", label("sheet.progress", lang0), tuple(progress)),
                  SheetLayout("milestones", label("sheet.milestones", lang0), tuple(milestones)),
                  SheetLayout("indicators", label("sheet.indicators", lang0), tuple(indicators)),
                  label("sheet.instructions", lang0))


# -- what goes in ------------------------------------------------------------------------------

class ExportError(ValueError):
    """The workbook cannot be made as asked (unknown agency or period); the message says why."""


def default_period(plan: Plan, today: dt.date) -> str:
    """The latest reporting period that has ended by `today` (reports come after a period), else
    the first one."""
    from ..analyse.progress import periods_of

    periods = periods_of(plan)
    if not periods:
        raise ExportError("plan/plan.yaml declares no reporting_periods; add them (e.g. [\"2027\", \"2028\"])")
    ended = [p for p in periods if p.end < today]
    return (ended[-1] if ended else periods[0]).id


def measures_for(model: PlanModel, agency: str | None) -> list[Measure]:
    if agency is None:
        return list(model.measures.values())
    if agency not in model.agencies:
        hits = difflib.get_close_matches(agency, list(model.agencies), n=1, cutoff=0.6)
        raise ExportError(f"unknown agency '{agency}'" + (f" (did you mean '{hits[0]}'?)" if hits else ""))
    chosen = [m for m in model.measures.values() if m.lead == agency]
    if not chosen:
        raise ExportError(f"agency '{agency}' leads no measure; a workbook has one row per measure the agency leads")
    return chosen


def text_cells(text: Text, languages: tuple[str, ...]) -> dict[str, str | None]:
    """A localised text as one cell per language (a plain text fills every language)."""
    return {lang: (text.get(lang) if text.has(lang) else None) for lang in languages}


def indicator_rows(model: PlanModel, m: Measure, entry: ProgressEntry | None) -> list[tuple[str, object]]:
    """(indicator id, reported value or None) per row: each measure indicator once (or once per
    value the entry reports for it), then values of indicators the measure does not list."""
    reported = list(entry.indicators) if entry else []
    rows: list[tuple[str, object]] = []
    for mi in m.indicators:
        own = [x for x in reported if x.indicator == mi.indicator]
        rows += [(mi.indicator, x) for x in sorted(own, key=lambda x: x.year)] or [(mi.indicator, None)]
    listed = {mi.indicator for mi in m.indicators}
    rows += [(x.indicator, x) for x in reported if x.indicator not in listed]
    return rows


# -- writing -----------------------------------------------------------------------------------

# Characters XML 1.0 cannot hold (so no .xlsx can): C0 controls but tab, LF, CR; U+FFFE/U+FFFF; lone surrogates.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def put(ws, row: int, col: int, value: object, file: str = "plan/plan.yaml"):
    """Write one cell. Text is always text (data type 's'): openpyxl would store a text starting
    with '=' as a live formula, run by the spreadsheet of whoever opens the workbook (and, having no
    cached value, read back as empty). Text XML cannot hold is refused, naming the file it is from."""
    cell = ws.cell(row, col)
    if isinstance(value, str):
        bad = _NOT_XML.search(value)
        if bad:
            raise ExportError(f"{file}: a text holds the control character U+{ord(bad.group()):04X}, which a "
                              f"workbook cannot hold ({ws.title}!{cell.coordinate}); `nap check` shows where")
        cell.value = value
        cell.data_type = "s"
    else:
        cell.value = value
    return cell

_GREY = PatternFill("solid", fgColor="EDEDED")
_HEAD = PatternFill("solid", fgColor="D9E1F2")
_THIN = Side(style="thin", color="BFBFBF")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_UNLOCKED = Protection(locked=False)
_FORMATS = {"money": "#,##0", "percent": "0", "year": "0", "date": "yyyy-mm-dd", "number": "General"}


def timestamp_for(plan: Plan) -> dt.datetime:
    """SOURCE_DATE_EPOCH when set, else the plan's date (else 1 January of its first year)."""
    from ..build import source_date_epoch

    epoch = source_date_epoch()
    if epoch is not None:
        return dt.datetime.fromtimestamp(epoch, dt.UTC).replace(tzinfo=None)
    day = plan.date or plan.start
    return dt.datetime(day.year, day.month, day.day)


def build_workbook(model: PlanModel, period: str, agency: str | None = None) -> Workbook:
    plan = model.plan
    try:
        p = period_of(plan, period)
    except ValueError as exc:
        raise ExportError(str(exc)) from None
    measures = measures_for(model, agency)
    layout = layout_of(plan, period)
    years = report_years(plan, period)
    langs = plan.languages
    wb = Workbook()
    wb.remove(wb.active)
    _instructions(wb.create_sheet(layout.instructions), model, layout, period, agency)

    title = f"{plan.title.get(plan.default_language, langs)} — {period}"
    sheets = {s.role: _sheet(wb, s, title, langs) for s in layout.sheets}
    entries = {m.id: entry_for(model, m.id, period) for m in measures}

    rows: dict[str, list[dict[int, object]]] = {"progress": [], "milestones": [], "indicators": []}
    files: dict[str, list[dict[str, str]]] = {"progress": [], "milestones": [], "indicators": []}
    for m in measures:
        e = entries[m.id]
        # which file each column's text comes from (for a message about text a workbook cannot hold)
        from_files = {"": m.file, "done": e.file if e else m.file, "source": e.file if e else m.file,
                      "name": "plan/indicators.yaml"}
        row = _values(layout.progress, {
            ("measure",): m.id, ("status",): e.status if e else None, ("completion",): e.completion if e else None,
            ("reported_by",): e.reported_by if e else m.lead, ("date",): e.date if e else None, ("lead",): m.lead,
            **{("title", lang): v for lang, v in text_cells(m.title, langs).items()},
            **{("done", lang): v for lang, v in text_cells(e.done if e else Text(), langs).items()},
            **{("budget", None, y): sum(b.amount for b in m.budget if b.year == y) or None for y in years},
            **{("spent", None, y): _spent(e, y) for y in years}})
        rows["progress"].append(row)
        files["progress"].append(from_files)
        earlier = reached_dates([x for x in model.progress if x.period in p.earlier], m.id)
        now = reached_dates([e] if e else [], m.id)
        for ms in m.timeline.milestones:
            rows["milestones"].append(_values(layout.milestones, {
                ("measure",): m.id, ("milestone",): ms.id, ("due",): ms.due,
                **{("deliverable", lang): v for lang, v in text_cells(ms.deliverable, langs).items()},
                ("reached_earlier",): earlier[ms.id][0] if ms.id in earlier else None,
                ("reached",): now[ms.id][0] if ms.id in now else None}))
            files["milestones"].append(from_files)
        measure_ind = {mi.indicator: mi for mi in m.indicators}
        for ident, x in indicator_rows(model, m, e):
            ind = model.indicators.get(ident)
            mi = measure_ind.get(ident)
            baseline = mi.baseline if mi else _latest(ind.baseline) if ind else None
            target = mi.target if mi else _latest(ind.targets) if ind else None
            rows["indicators"].append(_values(layout.indicators, {
                ("measure",): m.id, ("indicator",): ident,
                **{("name", lang): v for lang, v in text_cells(ind.name if ind else Text(), langs).items()},
                ("baseline",): baseline.value if baseline else None,
                ("baseline_year",): baseline.year if baseline else None,
                ("target",): target.value if target else None,
                ("target_year",): target.year if target else None,
                ("year",): x.year if x else None, ("value",): x.value if x else None,
                **{("source", lang): v for lang, v in text_cells(x.source if x else Text(), langs).items()}}))
            files["indicators"].append(from_files)
    for s in layout.sheets:
        _fill(sheets[s.role], s, rows[s.role], files[s.role], plan, len(model.agencies))
    _metadata(wb.create_sheet(META_SHEET), model, period, agency)
    wb.active = 0
    wb.security = WorkbookProtection(lockStructure=True)
    stamp = timestamp_for(plan)
    wb.properties.created = wb.properties.modified = stamp
    wb.properties.creator = "napkit"
    wb.properties.title = title
    return wb


def _latest(points: tuple[Point, ...]) -> Point | None:
    return max(points, key=lambda pt: pt.year) if points else None


def _spent(e: ProgressEntry | None, year: int) -> float | None:
    if e is None:
        return None
    lines = [s.amount for s in e.spent if s.year == year]
    return sum(lines) if lines else None


def _values(sheet: SheetLayout, by_key: dict[tuple, object]) -> dict[int, object]:
    out: dict[int, object] = {}
    for i, c in enumerate(sheet.columns, 1):
        key = (c.key, c.lang) if c.lang else (c.key, None, c.year) if c.year else (c.key,)
        out[i] = by_key.get(key)
    return out


def _sheet(wb: Workbook, s: SheetLayout, title: str, langs: tuple[str, ...]):
    ws = wb.create_sheet(s.name)
    put(ws, TITLE_ROW, 1, f"{s.name}: {title}").font = Font(name=FONT, bold=True, size=13)
    put(ws, NOTE_ROW, 1, " / ".join(dict.fromkeys(_("Grey cells are locked and not read back. Fill in the white cells.", lang) for lang in langs))).font = Font(name=FONT, italic=True)
    for i, c in enumerate(s.columns, 1):
        cell = put(ws, HEADER_ROW, i, c.header)
        cell.font = Font(name=FONT, bold=True)
        cell.fill = _HEAD
        cell.border = _BOX
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.column_dimensions[get_column_letter(i)].width = c.width
    ws.row_dimensions[HEADER_ROW].height = 45
    ws.freeze_panes = ws.cell(FIRST_ROW, 2)
    _print_setup(ws, f"{HEADER_ROW}:{HEADER_ROW}")
    return ws


# A font named in every style: a bold or italic Font without a name made LibreOffice set titles
# and headers in a serif fallback beside the sans body (openpyxl's default font is Calibri).
FONT = "Calibri"
LINE_PT = 15  # one line of 11 pt text


def _print_setup(ws, title_rows: str | None) -> None:
    """A4 landscape, as wide as one page, the header row on every page (13 pages of two columns
    each without it)."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    if title_rows:
        ws.print_title_rows = title_rows


def _lines(value: object, width: float) -> int:
    """How many lines a wrapped text takes in a column `width` characters wide (a generous
    estimate: spreadsheets do not size rows of wrapped text themselves, LibreOffice not at all,
    and a row too low lets the text run over the next one)."""
    if not isinstance(value, str) or not value:
        return 1
    per_line = max(1, int(width * 0.95))
    return sum(max(1, -(-len(part) // per_line)) for part in value.split("\n"))


def _fill(ws, s: SheetLayout, rows: list[dict[int, object]], files: list[dict[str, str]], plan: Plan,
          n_agencies: int) -> None:
    for r, (values, from_files) in enumerate(zip(rows, files), FIRST_ROW):
        for i, c in enumerate(s.columns, 1):
            cell = put(ws, r, i, values[i], from_files.get(c.key, from_files[""]))
            cell.border = _BOX
            if c.kind in _FORMATS:
                cell.number_format = _FORMATS[c.kind]
            if c.kind == "text":
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            else:
                cell.alignment = Alignment(vertical="top")
            if c.input:
                cell.protection = _UNLOCKED
            else:
                cell.fill = _GREY
        lines = max((_lines(values[i], c.width) for i, c in enumerate(s.columns, 1) if c.kind == "text"), default=1)
        ws.row_dimensions[r].height = min(409, max(2, lines) * LINE_PT)  # room for a line of input too
    last = FIRST_ROW + len(rows) - 1
    if rows:
        for i, c in enumerate(s.columns, 1):
            if c.input:
                dv = _validation(c, plan, n_agencies)
                if dv is not None:
                    letter = get_column_letter(i)
                    dv.add(f"{letter}{FIRST_ROW}:{letter}{last}")
                    ws.add_data_validation(dv)
    ws.protection.sheet = True
    ws.protection.formatColumns = False  # widths and heights may be changed
    ws.protection.formatRows = False


def _validation(c: Column, plan: Plan, n_agencies: int) -> DataValidation | None:
    langs = plan.languages
    both = lambda en, nb: " / ".join(dict.fromkeys(nb if lang == "nb" else en for lang in langs))
    start, end = int(to_excel(plan.start)), int(to_excel(plan.end))
    if c.kind == "status":
        dv = DataValidation(type="list", formula1='"' + ",".join(STATUSES) + '"', allow_blank=True)
        dv.error = both("Choose a status from the list: ", "Velg en status fra listen: ") + ", ".join(STATUSES)
    elif c.kind == "percent":
        dv = DataValidation(type="whole", operator="between", formula1="0", formula2="100", allow_blank=True)
        dv.error = both("A whole number from 0 to 100.", "Et helt tall fra 0 til 100.")
    elif c.kind == "money":
        dv = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True)
        dv.error = both(f"An amount in {plan.currency}, 0 or more.", f"Et beløp i {plan.currency}, 0 eller mer.")
    elif c.kind == "date" and c.key == "reached":
        dv = DataValidation(type="date", operator="between", formula1=str(start), formula2=str(end), allow_blank=True)
        dv.error = both(f"A date in the plan period {plan.start_year}–{plan.end_year} (YYYY-MM-DD).",
                        f"En dato i planperioden {plan.start_year}–{plan.end_year} (ÅÅÅÅ-MM-DD).")
    elif c.kind == "date":
        dv = DataValidation(type="date", operator="greaterThanOrEqual", formula1=str(start), allow_blank=True)
        dv.error = both(f"A date from {plan.start} on (YYYY-MM-DD).", f"En dato fra {plan.start} (ÅÅÅÅ-MM-DD).")
    elif c.kind == "year":
        dv = DataValidation(type="whole", operator="between", formula1="1900", formula2="2200", allow_blank=True)
        dv.error = both("A year, e.g. 2027.", "Et årstall, f.eks. 2027.")
    elif c.kind == "number":
        dv = DataValidation(type="decimal", operator="between", formula1="-1000000000000",
                            formula2="1000000000000", allow_blank=True)
        dv.error = both("A number.", "Et tall.")
    elif c.kind == "agency":
        dv = DataValidation(type="list", formula1=f"{META_SHEET}!$D$2:$D${1 + max(n_agencies, 1)}", allow_blank=True)
        dv.error = both("An agency id from the list.", "En virksomhets-id fra listen.")
    else:
        return None
    dv.showErrorMessage = True
    dv.errorTitle = "napkit"
    return dv


def _metadata(ws, model: PlanModel, period: str, agency: str | None) -> None:
    rows = [("format", FORMAT), ("version", FORMAT_VERSION), ("plan", model.plan.id), ("period", period),
            ("agency", agency or ""), ("languages", ",".join(model.plan.languages))]
    for r, (k, v) in enumerate(rows, 1):
        put(ws, r, 1, k)
        put(ws, r, 2, v)
    put(ws, 1, 4, "agencies")
    for r, a in enumerate(model.agencies, 2):
        put(ws, r, 4, a, "plan/agencies.yaml")
    ws.sheet_state = "veryHidden"
    ws.protection.sheet = True


def _instructions(ws, model: PlanModel, layout: Layout, period: str, agency: str | None) -> None:
    plan = model.plan
    langs = plan.languages
    seen: set[tuple[str, ...]] = set()
    r = 1
    for lang in langs:
        lines = [_(line, lang) for line in instructions()]
        scope = _(", measures led by {agency}", lang, agency=_agency_name(model, agency, lang)) if agency else ""
        responsible = _agency_name(model, plan.responsible, lang)
        statuses = "; ".join(f"{s} = {_(STATUS_WORDS[s], lang)}" for s in STATUSES)
        text = tuple(line.format(period=period, plan=plan.title.get(lang, langs), scope=scope,
                                 progress=layout.progress.name, milestones=layout.milestones.name,
                                 indicators=layout.indicators.name, languages=", ".join(langs),
                                 currency=plan.currency, statuses=statuses, responsible=responsible)
                     for line in lines)
        if text in seen:  # a language without its own instructions: English once is enough
            continue
        seen.add(text)
        for i, line in enumerate(text):
            cell = put(ws, r, 1, line, "plan/plan.yaml or plan/agencies.yaml")
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            ws.row_dimensions[r].height = min(409, _lines(line, 110) * LINE_PT)
            if i == 0:
                cell.font = Font(name=FONT, bold=True, size=13)
            r += 1
        r += 1
    ws.column_dimensions["A"].width = 110
    _print_setup(ws, None)
    ws.protection.sheet = True


def _agency_name(model: PlanModel, agency: str | None, lang: str) -> str:
    a = model.agencies.get(agency or "")
    if a is None:
        return agency or ""
    # the abbreviation readers of this language know (MOJ in English, JD in Norwegian), else the id
    short = a.abbreviation.get(lang, model.languages) if a.abbreviation else ""
    return f"{a.name.get(lang, model.languages)} ({short or a.id})"


def reproducible_bytes(wb: Workbook, stamp: dt.datetime) -> bytes:
    """The workbook as .xlsx bytes dated `stamp` throughout: openpyxl stamps the document's
    'modified' property and every zip entry with the clock when it saves, so both are redone."""
    from openpyxl.xml.functions import tostring

    raw = io.BytesIO()
    wb.save(raw)
    wb.properties.created = wb.properties.modified = stamp
    core = tostring(wb.properties.to_tree())
    out = io.BytesIO()
    when = max(stamp, dt.datetime(1980, 1, 1)).timetuple()[:6]
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=when)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            dst.writestr(entry, core if info.filename == "docProps/core.xml" else src.read(info.filename))
    return out.getvalue()


def workbook_bytes(model: PlanModel, period: str, agency: str | None = None) -> bytes:
    return reproducible_bytes(build_workbook(model, period, agency), timestamp_for(model.plan))


def write_progress_workbook(model: PlanModel, period: str, agency: str | None, path: Path) -> None:
    write_bytes_atomic(path, workbook_bytes(model, period, agency))
