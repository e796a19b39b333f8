"""The open-data section of the downloads page: every file under /data/ with what it holds, its
format and size, the licence, and the one zip with everything (export/open_data.py makes them)."""

from __future__ import annotations

from ....export.open_data import DATA_DIR, LICENCES, TABLE_TITLES
from ....locale import N_
from ..context import Ctx
from ..escape import Safe, esc
from ..html import Cell, link, p, rowh, table
from . import Doc


def _size(size: int, lang: str) -> str:
    from ....util import fmt

    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{fmt.plain_number(round(size / 1024, 1), lang)} kB"
    return f"{fmt.plain_number(round(size / 1024 / 1024, 1), lang)} MB"


def _what(ctx: Ctx, name: str) -> str:
    plan_id = ctx.model.plan.id
    if name == f"{plan_id}-data.zip":
        return ctx._("All the files in one zip file")
    if name == f"{plan_id}.json":
        return ctx._("The whole plan as JSON (as nap export --format json)")
    if name.endswith(".csv"):
        table_name = name[:-4]
        return ctx._(TABLES[table_name]) if table_name in TABLES else TABLE_TITLES.get(table_name, table_name)
    return ctx._(FILES.get(name, N_("File")))


# What each open-data file holds, in the catalogs' words
TABLES = {
    "measures": N_("Measures: objective, lead, partners, period, budget per year, status"),
    "budget": N_("Budget lines: one row per measure, year and funding source"),
    "recommendations": N_("Recommendations of every report, with the government's response"),
    "coverage": N_("Which measure answers which recommendation, and to what extent"),
    "indicators": N_("Indicators: definition, unit, source, direction"),
    "indicator_values": N_("Every figure of every indicator: baselines, targets and reported values"),
    "progress": N_("Progress entries: what each lead agency reported per period"),
}
FILES = {
    "export.schema.json": N_("JSON Schema of the JSON file"),
    "datapackage.json": N_("Description of the tables (Frictionless Data Package)"),
    "dcat.jsonld": N_("Metadata for data.norge.no (DCAT-AP-NO, JSON-LD)"),
}


def open_data_section(ctx: Ctx, doc: Doc) -> None:
    if not ctx.open_data:
        return
    doc.h(2, ctx._("Open data"), anchor="open-data")
    doc.html(p(ctx._("All the data behind the plan and this website, free to use: the whole model as JSON, tidy tables as CSV, a description of the tables (Frictionless Data Package) and metadata for data.norge.no (DCAT-AP-NO). The zip file has everything.")))
    licence = ctx.model.plan.licence
    if licence in LICENCES:
        name, url = LICENCES[licence]
        doc.html(p(esc(ctx._("Licence") + ": ") + link(url, name) + esc(".")))
    else:
        doc.html(p(ctx._("The plan does not state a licence for its data yet.")))
    zip_name = f"{ctx.model.plan.id}-data.zip"
    order = sorted(ctx.open_data, key=lambda f: (f[0] != zip_name, not f[0].endswith(".json"), f[0]))
    rows = []
    for name, size in order:
        href = ctx.href(f"{DATA_DIR}/{name}")
        rows.append([rowh(link(href, name)), _what(ctx, name), name.rsplit(".", 1)[-1].upper(),
                     Cell(_size(size, ctx.lang), numeric=True)])
    doc.html(table([ctx._("File"), ctx._("Contents"), ctx._("Format"), ctx._("Size")], rows,
                   caption=ctx._("Open data")))
    doc.html(p(Safe(ctx._("The CSV files are UTF-8 with a byte order mark, comma-separated. A text cell that starts with = + - @ or ' has a ' put in front, so that spreadsheets do not run it as a formula; numbers stay numbers. The same plan always gives the same files.")), "nap-small"))
