"""plan/agencies.yaml: names, abbreviations, kind, parent, added and removed agencies."""

from __future__ import annotations

from ...model import Agency, PlanModel
from .changes import ItemChange
from .fields import Context, Fields, keyed


def _agency(f: Fields, a: Agency, b: Agency) -> None:
    f.text("name", ("name",), a.name, b.name)
    f.text("abbreviation", ("abbreviation",), a.abbreviation, b.abbreviation)
    f.value("kind", ("kind",), a.kind, b.kind)
    f.value("parent", ("parent",), a.parent, b.parent)
    f.value("url", ("url",), a.url, b.url)
    f.value("independent", ("independent",), a.independent, b.independent)
    f.claim("id")


def compare_agencies(ctx: Context, mb: PlanModel, mh: PlanModel) -> list[ItemChange]:
    return keyed(ctx, "agency", mb.agencies, mh.agencies, _agency, lambda a: ctx.title(a.name))
