"""`nap new measure`: a valid measure file with the schema modeline and the next free id.

Everything it is given is checked against the plan first (objective, agencies,
recommendations, dates), with suggestions for near misses, so the file it writes passes
`nap check`."""

from __future__ import annotations

import datetime as dt
import difflib
import io
import re
from dataclasses import dataclass, field

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..model import PlanModel

MODELINE = "# yaml-language-server: $schema=../schemas/measure.schema.json\n"


class NewMeasureError(Exception):
    """What was asked for does not fit the plan; the message says what to change."""


@dataclass
class MeasureDraft:
    objective: str
    title: dict[str, str]
    description: dict[str, str]
    lead: str
    start: dt.date
    end: dt.date
    partners: list[str] = field(default_factory=list)
    implements: list[tuple[str, str]] = field(default_factory=list)  # (recommendation, extent)
    id: str | None = None


def next_measure_id(model: PlanModel) -> str:
    """One more than the highest number among ids shaped like the existing ones (M-07 → M-08)."""
    shapes: dict[tuple[str, int], int] = {}
    for mid in model.measures:
        m = re.fullmatch(r"(.*?)(\d+)", mid)
        if m:
            key = (m.group(1), len(m.group(2)))
            shapes[key] = max(shapes.get(key, 0), int(m.group(2)))
    if not shapes:
        return "M-01"
    (prefix, width), highest = max(shapes.items(), key=lambda kv: (sum(1 for k in model.measures if k.startswith(kv[0][0])), kv[1]))
    return f"{prefix}{highest + 1:0{width}d}"


def _suggest(word: str, options) -> str:
    hits = difflib.get_close_matches(word, list(options), n=3, cutoff=0.5)
    return f" (did you mean {' or '.join(repr(h) for h in hits)}?)" if hits else ""


def check_draft(model: PlanModel, draft: MeasureDraft) -> list[str]:
    problems: list[str] = []
    if draft.objective not in model.objectives:
        problems.append(f"unknown objective '{draft.objective}'{_suggest(draft.objective, model.objectives)}; "
                        f"objectives: {', '.join(model.objectives)}")
    for agency in [draft.lead, *draft.partners]:
        if agency not in model.agencies:
            problems.append(f"unknown agency '{agency}'{_suggest(agency, model.agencies)}")
    if draft.lead in draft.partners:
        problems.append(f"'{draft.lead}' is the lead; do not list it as a partner too")
    for rid, extent in draft.implements:
        if rid not in model.recommendations:
            problems.append(f"unknown recommendation '{rid}'{_suggest(rid, model.recommendations)}")
        if extent not in ("full", "partial"):
            problems.append(f"extent for {rid} must be 'full' or 'partial', not '{extent}'")
    plan = model.plan
    if draft.start > draft.end:
        problems.append(f"the measure ends ({draft.end}) before it starts ({draft.start})")
    for name, day in (("start", draft.start), ("end", draft.end)):
        if not plan.start <= day <= plan.end:
            problems.append(f"{name} {day} is outside the plan period {plan.start_year}–{plan.end_year}")
    for lang in plan.languages:
        if not draft.title.get(lang, "").strip():
            problems.append(f"a title in '{lang}' is needed")
        if not draft.description.get(lang, "").strip():
            problems.append(f"a description in '{lang}' is needed")
    if draft.id is not None:
        if draft.id in model.measures:
            problems.append(f"measure '{draft.id}' exists already")
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_-]*", draft.id):
            problems.append(f"'{draft.id}' is not a valid id (letters, digits, '-', '_')")
    return problems


def _text(values: dict[str, str], languages: tuple[str, ...]) -> CommentedMap:
    out = CommentedMap()
    for lang in languages:
        out[lang] = values[lang]
    return out


def render_measure(model: PlanModel, draft: MeasureDraft) -> str:
    langs = model.plan.languages
    doc = CommentedMap()
    doc["id"] = draft.id
    doc["objective"] = draft.objective
    doc["title"] = _text(draft.title, langs)
    doc["description"] = _text(draft.description, langs)
    doc["lead"] = draft.lead
    if draft.partners:
        doc["partners"] = CommentedSeq(CommentedMap(agency=a) for a in draft.partners)
    if draft.implements:
        doc["implements"] = CommentedSeq(CommentedMap(recommendation=r, extent=e) for r, e in draft.implements)
    doc["timeline"] = CommentedMap(start=draft.start, end=draft.end)
    doc["status"] = "planned"
    y = YAML(typ="rt", pure=True)
    y.indent(mapping=2, sequence=4, offset=2)
    y.width = 4096
    buf = io.StringIO()
    y.dump(doc, buf)
    return MODELINE + buf.getvalue()
