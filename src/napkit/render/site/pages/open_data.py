"""The open-data section of the downloads page: every file under /data/ with what it holds, its
format and size, the licence, and the one zip with everything (export/open_data.py makes them)."""

from __future__ import annotations

from ....export.open_data import DATA_DIR, LICENCES, TABLE_TITLES
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
        return ctx.t("od.zip")
    if name == f"{plan_id}.json":
        return ctx.t("od.json")
    if name.endswith(".csv"):
        table_name = name[:-4]
        key = f"od.table.{table_name}"
        return ctx.t(key) if key in _KNOWN else TABLE_TITLES.get(table_name, table_name)
    return ctx.t({"export.schema.json": "od.schema", "datapackage.json": "od.datapackage",
                  "dcat.jsonld": "od.dcat"}.get(name, "od.file"))


_KNOWN = {f"od.table.{t}" for t in TABLE_TITLES}


def open_data_section(ctx: Ctx, doc: Doc) -> None:
    if not ctx.open_data:
        return
    doc.h(2, ctx.t("open_data"), anchor="open-data")
    doc.html(p(ctx.t("open_data_intro")))
    licence = ctx.model.plan.licence
    if licence in LICENCES:
        name, url = LICENCES[licence]
        doc.html(p(esc(ctx.t("licence") + ": ") + link(url, name) + esc(".")))
    else:
        doc.html(p(ctx.t("no_licence")))
    zip_name = f"{ctx.model.plan.id}-data.zip"
    order = sorted(ctx.open_data, key=lambda f: (f[0] != zip_name, not f[0].endswith(".json"), f[0]))
    rows = []
    for name, size in order:
        href = ctx.href(f"{DATA_DIR}/{name}")
        rows.append([rowh(link(href, name)), _what(ctx, name), name.rsplit(".", 1)[-1].upper(),
                     Cell(_size(size, ctx.lang), numeric=True)])
    doc.html(table([ctx.t("od.file_col"), ctx.t("od.what"), ctx.t("format"), ctx.t("size")], rows,
                   caption=ctx.t("open_data")))
    doc.html(p(Safe(ctx.t("open_data_note")), "nap-small"))
