"""Tables as CSV for spreadsheets (`nap export --format csv --table measures|budget|recommendations|
coverage|indicators|indicator_values|progress`), also published as the site's open data.

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
    header = ["measure", "objective", "lead", "year", "amount", "currency", "source", "new_money", "chapter", "post"]
    rows = [[m.id, m.objective, m.lead, str(b.year), _num(b.amount), b.currency, b.source,
             "true" if b.new_money else "false", b.chapter or "", b.post or ""]
            for m in model.measures.values() for b in m.budget]
    return header, rows


def recommendations_table(model: PlanModel) -> tuple[list[str], list[list[str]]]:
    langs = model.languages
    header = ["id", "source", "section", "item", "paragraph", "page", *[f"summary_{lang}" for lang in langs],
              "quote", "pillar", "theme", "strength", "response", *[f"justification_{lang}" for lang in langs],
              "related", "same_as"]
    opt = lambda v: "" if v is None else str(v)  # noqa: E731
    rows = [[r.id, r.source, opt(r.section), opt(r.item), opt(r.paragraph), opt(r.page),
             *[r.summary.get(lang, langs) for lang in langs], r.quote or "", r.pillar, opt(r.theme), opt(r.strength),
             r.response.status, *[r.response.justification.get(lang, langs) for lang in langs],
             "; ".join(r.related), "; ".join(r.same_as)]
            for r in model.recommendations.values()]
    return header, rows


def coverage_table(model: PlanModel) -> tuple[list[str], list[list[str]]]:
    """One row per link from a measure to a recommendation it implements."""
    langs = model.languages
    header = ["measure", "recommendation", "extent", *[f"note_{lang}" for lang in langs]]
    rows = [[m.id, x.recommendation, x.extent, *[x.note.get(lang, langs) for lang in langs]]
            for m in model.measures.values() for x in m.implements]
    return header, rows


def indicators_table(model: PlanModel) -> tuple[list[str], list[list[str]]]:
    langs = model.languages
    header = ["id", *[f"name_{lang}" for lang in langs], *[f"definition_{lang}" for lang in langs],
              *[f"unit_{lang}" for lang in langs], *[f"source_{lang}" for lang in langs], "direction", "unit_kind"]
    rows = [[i.id, *[i.name.get(lang, langs) for lang in langs], *[i.definition.get(lang, langs) for lang in langs],
             *[i.unit.get(lang, langs) for lang in langs], *[i.source.get(lang, langs) for lang in langs],
             i.direction or "", i.unit_kind or ""]
            for i in model.indicators.values()]
    return header, rows


def indicator_values_table(model: PlanModel) -> tuple[list[str], list[list[str]]]:
    """Every figure of every indicator, long (tidy) form: its baselines and targets from the registry,
    each measure's own baseline and target, and the actuals reported in progress entries."""
    langs = model.languages
    header = ["indicator", "kind", "year", "value", "measure", "period", *[f"source_{lang}" for lang in langs]]
    rows = []
    for i in model.indicators.values():
        for kind, points in (("baseline", i.baseline), ("target", i.targets)):
            rows += [[i.id, kind, str(p.year), _num(p.value), "", "", *[p.source.get(lang, langs) for lang in langs]]
                     for p in points]
    for m in model.measures.values():
        for mi in m.indicators:
            if mi.baseline is not None:
                rows.append([mi.indicator, "measure_baseline", str(mi.baseline.year), _num(mi.baseline.value), m.id, "",
                             *[mi.baseline.source.get(lang, langs) for lang in langs]])
            rows.append([mi.indicator, "measure_target", str(mi.target.year), _num(mi.target.value), m.id, "",
                         *["" for _ in langs]])
    for e in _progress_order(model):
        rows += [[x.indicator, "actual", str(x.year), _num(x.value), e.measure, e.period,
                  *[x.source.get(lang, langs) for lang in langs]] for x in e.indicators]
    return header, rows


def _progress_order(model: PlanModel):
    order = {p: i for i, p in enumerate(model.plan.reporting_periods)}
    return sorted(model.progress, key=lambda e: (order.get(e.period, len(order)), e.period, e.measure))


def progress_table(model: PlanModel) -> tuple[list[str], list[list[str]]]:
    langs, years = model.languages, list(model.plan.years)
    header = ["measure", "period", "reported_by", "date", "status", "completion", *[f"done_{lang}" for lang in langs],
              *[f"spent_{y}" for y in years], "milestones_reached", "example"]
    rows = []
    for e in _progress_order(model):
        spent = {y: sum(x.amount for x in e.spent if x.year == y) for y in years}
        given = {x.year for x in e.spent}
        rows.append([e.measure, e.period, e.reported_by, e.date.isoformat(), e.status,
                     "" if e.completion is None else str(e.completion), *[e.done.get(lang, langs) for lang in langs],
                     *[_num(spent[y]) if y in given else "" for y in years],
                     "; ".join(f"{x.id} {x.reached.isoformat()}" for x in e.milestones),
                     "true" if e.example else "false"])
    return header, rows


TABLES: dict[str, Callable[[PlanModel], tuple[list[str], list[list[str]]]]] = {
    "measures": measures_table,
    "budget": budget_table,
    "recommendations": recommendations_table,
    "coverage": coverage_table,
    "indicators": indicators_table,
    "indicator_values": indicator_values_table,
    "progress": progress_table,
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
