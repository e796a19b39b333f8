"""Tables as CSV for spreadsheets (`nap export --format csv --table measures|budget`).

UTF-8 with a byte order mark (so Excel reads æøå right), comma-separated, CRLF line ends, a
header row, and a stable column order: new columns may be added at the end, none reordered.
Amounts are plain numbers in the plan currency (1000000, not '1 000 000 kr'); texts come once
per plan language (title_nb, title_en); lists are joined with '; '.

Spreadsheet (CSV) injection: a spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (or
a tab or carriage return before one) as a formula. Every text cell that starts with one of those,
or with `'`, gets one `'` in front (OWASP's advice); numbers, negative ones too, stay numbers. To
read the text back exactly, drop the first character of any cell that starts with `'`.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Callable

from ..model import PlanModel
from .finite import NotFinite

BOM = "\ufeff"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e[+-]?\d+)?")


def neutral(cell: str) -> str:
    """A cell no spreadsheet runs as a formula: `'` before a text starting like one (see above)."""
    if cell.startswith(FORMULA_START) and not _NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


def _num(v: float) -> str:
    if not math.isfinite(v):
        raise NotFinite(f"a number that is not finite ({v}) cannot go into a table; `nap check` names the file")
    return str(int(v)) if float(v).is_integer() else repr(float(v))


def measures_table(model: PlanModel) -> tuple[list[str], list[list[str]]]:
    langs, years = model.languages, list(model.plan.years)
    header = (["id", "objective", *[f"title_{lang}" for lang in langs], "lead", "partners", "implements",
               "start", "end", "milestones", *[f"budget_{y}" for y in years], "budget_total", "indicators",
               "status", "file"])
    rows = []
    for m in model.measures.values():
        by_year = {y: sum(b.amount for b in m.budget if b.year == y) for y in years}
        rows.append([
            m.id, m.objective, *[m.title.get(lang, langs) for lang in langs], m.lead,
            "; ".join(p.agency for p in m.partners),
            "; ".join(f"{x.recommendation} ({x.extent})" for x in m.implements),
            m.timeline.start.isoformat(), m.timeline.end.isoformat(), str(len(m.timeline.milestones)),
            *[_num(by_year[y]) for y in years], _num(m.total_budget),
            "; ".join(x.indicator for x in m.indicators), m.status, m.file])
    return header, rows


def budget_table(model: PlanModel) -> tuple[list[str], list[list[str]]]:
    header = ["measure", "objective", "lead", "year", "amount", "currency", "source", "new_money", "chapter"]
    rows = [[m.id, m.objective, m.lead, str(b.year), _num(b.amount), b.currency, b.source,
             "true" if b.new_money else "false", b.chapter or ""]
            for m in model.measures.values() for b in m.budget]
    return header, rows


TABLES: dict[str, Callable[[PlanModel], tuple[list[str], list[list[str]]]]] = {
    "measures": measures_table,
    "budget": budget_table,
}


def csv_text(model: PlanModel, table: str) -> str:
    header, rows = TABLES[table](model)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([neutral(c) for c in row] for row in rows)
    return BOM + buf.getvalue()


def csv_bytes(model: PlanModel, table: str) -> bytes:
    return csv_text(model, table).encode("utf-8")
