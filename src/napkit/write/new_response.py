"""`nap new response`: start plan/consultation/<respondent-id>.yaml for one consultation response.

The respondent, the date and the points it makes (what each is about and its summary in every plan
language) are checked against the plan first, with suggestions for near misses. The reasoned
responses are left for the coordinator to write: until then `nap check` lists each point as
having no response (NAP801, an error once the consultation has closed)."""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass, field

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..model import PlanModel
from .drafting import suggest as _suggest

MODELINE = "# yaml-language-server: $schema=../../schemas/consultation.schema.json\n"
KINDS = ("ngo", "municipality", "agency", "business", "academic", "individual", "other")
ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")


@dataclass
class ResponseDraft:
    id: str
    name: str
    kind: str
    date: dt.date
    url: str | None = None
    points: list[tuple[str, dict[str, str]]] = field(default_factory=list)  # (about, summary by language)


def check_response(model: PlanModel, draft: ResponseDraft, existing: set[str]) -> list[str]:
    problems: list[str] = []
    if not ID_RE.fullmatch(draft.id) or ".." in draft.id or len(draft.id) > 64:
        problems.append(f"'{draft.id}' is not a valid respondent id (letters, digits, '-', '_', '.'; e.g. rosa)")
    elif draft.id in existing:
        problems.append(f"plan/consultation/{draft.id}.yaml exists already")
    if not draft.name.strip():
        problems.append("the respondent's name is needed")
    if draft.kind not in KINDS:
        problems.append(f"kind must be one of {', '.join(KINDS)}, not '{draft.kind}'")
    if draft.url and not draft.url.startswith("https://"):
        problems.append(f"the url must start with https:// ('{draft.url}')")
    if not draft.points:
        problems.append("at least one point is needed (--point ABOUT)")
    known = {*model.measures, *model.recommendations, *model.objectives, "general"}
    for i, (about, summary) in enumerate(draft.points, 1):
        if about not in known:
            problems.append(f"point {i}: '{about}' is no measure, recommendation or objective, nor 'general'"
                            f"{_suggest(about, known)}")
        for lang in model.languages:
            if not summary.get(lang, "").strip():
                problems.append(f"point {i}: a summary in '{lang}' is needed")
    c = model.plan.consultation
    if c is None:
        problems.append("plan.yaml has no `consultation` (opens, closes, how_to_respond); add it first")
    return problems


def render_response(model: PlanModel, draft: ResponseDraft) -> str:
    doc = CommentedMap()
    doc["respondent"] = CommentedMap(name=draft.name, kind=draft.kind)
    doc["date"] = draft.date
    if draft.url:
        doc["url"] = draft.url
    points = CommentedSeq()
    for i, (about, summary) in enumerate(draft.points, 1):
        points.append(CommentedMap([("id", f"P{i}"), ("about", about),
                                    ("summary", CommentedMap((lang, summary[lang]) for lang in model.languages))]))
    doc["points"] = points
    y = YAML(typ="rt", pure=True)
    y.indent(mapping=2, sequence=4, offset=2)
    y.width = 4096
    buf = io.StringIO()
    y.dump(doc, buf)
    hint = ("# Give each point its reasoned response when it has been considered:\n"
            "#   response: {decision: adopted | partly | not-adopted | noted, rationale: {…}, changed: [M-..]}\n")
    return MODELINE + hint + buf.getvalue()
