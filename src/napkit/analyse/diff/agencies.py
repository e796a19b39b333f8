"""plan/agencies.yaml: names, abbreviations, kind, parent, added and removed agencies."""

from __future__ import annotations

from ...model import Agency, PlanModel
from .changes import ItemChange
from .fields import Context, Fields, keyed


def _agency(f: Fields, a: Agency, b: Agency) -> None:
    f.claim("id")
    f.texts(a, b, "name", "abbreviation")
    f.values(a, b, "kind", "parent", "url", "independent")


def compare_agencies(ctx: Context, mb: PlanModel, mh: PlanModel) -> list[ItemChange]:
    return keyed(ctx, "agency", mb.agencies, mh.agencies, _agency, lambda a: ctx.title(a.name))
