"""The links the plan-quality rules follow (`same_as`, `after`, `at_most`) point somewhere."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator

from ...findings import Finding, make
from ...model import Src
from ._base import Context


def _unknown(what: str, ref: str, options: Iterable[str], src: Src) -> Finding:
    hits = difflib.get_close_matches(ref, list(options), n=1, cutoff=0.6)
    hint = f" (did you mean '{hits[0]}'?)" if hits else ""
    return make("NAP790", src.pos(), f"unknown {what} '{ref}' in {src.path[-2]}{hint}")


def known_links(ctx: Context) -> Iterator[Finding]:
    """NAP790; ids of objects dropped for schema errors of their own are not unknown."""
    model = ctx.model
    # (objects that link, the link field, the registry it points into, its kind for may_exist, its name)
    links = (
        (model.recommendations, "same_as", model.recommendations, "recommendations", "recommendation"),
        (model.measures, "after", model.measures, "measure", "measure"),
        (model.indicators, "at_most", model.indicators, "indicators", "indicator"),
    )
    for objects, field, registry, kind, what in links:
        for obj in objects.values():
            for i, other in enumerate(getattr(obj, field)):
                if other == obj.id:
                    yield make("NAP790", obj.src.at(field, i).pos(), f"{obj.id} lists itself in {field}")
                elif other not in registry and not ctx.may_exist(kind, other):
                    yield _unknown(what, other, registry, obj.src.at(field, i))


RULES = (known_links,)
