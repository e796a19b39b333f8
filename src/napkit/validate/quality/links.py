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
    for r in model.recommendations.values():
        for i, other in enumerate(r.same_as):
            if other == r.id:
                yield make("NAP790", r.src.at("same_as", i).pos(), f"{r.id} lists itself in same_as")
            elif other not in model.recommendations and not ctx.may_exist("recommendations", other):
                yield _unknown("recommendation", other, model.recommendations, r.src.at("same_as", i))
    for m in model.measures.values():
        for i, other in enumerate(m.after):
            if other == m.id:
                yield make("NAP790", m.src.at("after", i).pos(), f"{m.id} lists itself in after")
            elif other not in model.measures and not ctx.may_exist("measure", other):
                yield _unknown("measure", other, model.measures, m.src.at("after", i))
    for ind in model.indicators.values():
        for i, other in enumerate(ind.at_most):
            if other == ind.id:
                yield make("NAP790", ind.src.at("at_most", i).pos(), f"{ind.id} lists itself in at_most")
            elif other not in model.indicators and not ctx.may_exist("indicators", other):
                yield _unknown("indicator", other, model.indicators, ind.src.at("at_most", i))


RULES = (known_links,)
