"""Who the government can instruct: a body it cannot (courts, the prosecuting authority,
bodies of the parliament) leads a measure only as an invitation or its own commitment."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Finding, make
from ._base import Context


def independent_lead(ctx: Context) -> Iterator[Finding]:
    """NAP750."""
    agencies = ctx.model.agencies
    for m in ctx.model.measures.values():
        lead = agencies.get(m.lead)
        if lead is not None and lead.independent and m.commitment == "government" and m.judged("commitment"):
            yield make("NAP750", m.src.at("lead").pos(),
                       f"{m.id} is led by {m.lead}, which the government cannot instruct, but is a government "
                       "commitment; write it as a request (`commitment: invitation`, 'the government will ask …') "
                       "or as the body's own commitment (`commitment: own`)")


RULES = (independent_lead,)
