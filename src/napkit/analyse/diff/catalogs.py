"""plan/recommendations/*.yaml: the source documents and their recommendations — the
government's response (a political decision, so the report leads with it), its justification,
the summary and quote, references and links to other recommendations."""

from __future__ import annotations

from ...model import PlanModel, Recommendation, Source, Text
from .changes import ItemChange, ResponseChange
from .fields import Context, Fields, keyed

# fields whose change means the ask itself reads differently: answers to it are re-checked
ASK_FIELDS = ("summary", "quote")


def _source(f: Fields, a: Source, b: Source) -> None:
    f.claim("id")
    f.texts(a, b, "title", "short_title", "author")
    f.values(a, b, "date", "url")


def _recommendation(f: Fields, a: Recommendation, b: Recommendation) -> None:
    f.value("response", ("response", "status"), a.response.status, b.response.status)
    f.text("justification", ("response", "justification"), a.response.justification, b.response.justification)
    f.text("summary", ("summary",), a.summary, b.summary)
    f.text("quote", ("quote",), Text.of(a.quote), Text.of(b.quote))
    f.value("reference", ("ref",), a.reference + (f", p. {a.page}" if a.page else ""),
            b.reference + (f", p. {b.page}" if b.page else ""))
    f.values(a, b, "pillar", "theme", "strength")
    f.ids("related", ("related",), a.related, b.related)
    f.ids("same as", ("same_as",), a.same_as, b.same_as)
    f.claim("id")


def compare_catalogs(ctx: Context, mb: PlanModel, mh: PlanModel) -> list[ItemChange]:
    out = keyed(ctx, "source", {s.id: s for s in mb.sources}, {s.id: s for s in mh.sources}, _source,
                lambda s: ctx.title(s.title))
    out += keyed(ctx, "recommendation", mb.recommendations, mh.recommendations, _recommendation,
                 lambda r: ctx.title(r.summary))
    return out


def response_changes(items: list[ItemChange]) -> list[ResponseChange]:
    out = []
    for item in items:
        if item.kind != "recommendation":
            continue
        response = next((c for c in item.changes if c.field == "response"), None)
        if response is not None:
            texts = [c for c in item.changes if c.field.startswith("justification")]
            state = ("unchanged" if not texts else "added" if all(c.before == "—" for c in texts)
                     else "removed" if all(c.after == "—" for c in texts) else "rewritten")
            out.append(ResponseChange(item.id, response.before, response.after, state, response.pos))
    return out
