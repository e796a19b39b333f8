"""`nap schemas`: the JSON Schemas editors use (schemas/ in the plan repository), with the plan's
own ids as choices, so that `lead:` completes to the agencies of this plan, `implements:` to its
recommendations (with their summaries beside each choice), and a typo is underlined as typed.

They are napkit's schemas (src/napkit/data/schemas/) with an `enum` of ids added where a value
refers to another file. napkit itself validates with its own schemas and the cross-file rules;
these are for editors (yaml-language-server reads the modeline on each file's first line). They
are written as real files, not a link, so that they work in every checkout (Windows too)."""

from __future__ import annotations

import copy
import json
from importlib import resources
from typing import Callable

from ..model import PlanModel

Choices = Callable[[PlanModel, str], list[tuple[str, str]]]  # (model, lang) -> [(id, label)]


def _choices(items: Callable[[PlanModel], list], label: str) -> Choices:
    """Choices from `items(model)`: each item's id, and its `label` text in the plan's language."""
    return lambda model, lang: [(x.id, getattr(x, label).get(lang, model.languages)) for x in items(model)]


_agencies = _choices(lambda m: list(m.agencies.values()), "name")
_objectives = _choices(lambda m: list(m.plan.objectives), "title")
_recommendations = _choices(lambda m: list(m.recommendations.values()), "summary")
_indicators = _choices(lambda m: list(m.indicators.values()), "name")
_funding = _choices(lambda m: list(m.plan.funding_sources), "name")
_measures = _choices(lambda m: list(m.measures.values()), "title")


# schema file -> [(path to the value's schema, its choices)]; "[]" steps into a list's items
REFERENCES: dict[str, list[tuple[tuple[str, ...], Choices]]] = {
    "measure.schema.json": [
        (("properties", "objective"), _objectives),
        (("properties", "lead"), _agencies),
        (("properties", "partners", "items", "properties", "agency"), _agencies),
        (("properties", "implements", "items", "properties", "recommendation"), _recommendations),
        (("properties", "indicators", "items", "properties", "indicator"), _indicators),
        (("properties", "budget", "items", "properties", "source"), _funding),
        (("properties", "after", "items"), _measures),
    ],
    "progress.schema.json": [
        (("properties", "measure"), _measures),
        (("properties", "reported_by"), _agencies),
        (("properties", "indicators", "items", "properties", "indicator"), _indicators),
    ],
    "agencies.schema.json": [
        (("definitions", "agency", "properties", "parent"), _agencies),
    ],
    "recommendations.schema.json": [
        (("definitions", "recommendation", "properties", "related", "items"), _recommendations),
        (("definitions", "recommendation", "properties", "same_as", "items"), _recommendations),
    ],
    "plan.schema.json": [
        (("properties", "responsible"), _agencies),
    ],
}


def editor_schemas(model: PlanModel) -> dict[str, str]:
    """File name -> JSON text of every schema, with the plan's ids as choices."""
    folder = resources.files("napkit.data").joinpath("schemas")
    lang = model.plan.languages[0]
    out: dict[str, str] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".schema.json"):
            continue
        schema = json.loads(entry.read_text("utf-8"))
        for path, choices in REFERENCES.get(entry.name, []):
            _add_choices(schema, path, choices(model, lang))
        out[entry.name] = json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
    return out


def _add_choices(schema: dict, path: tuple[str, ...], choices: list[tuple[str, str]]) -> None:
    parent = schema
    for step in path[:-1]:
        parent = parent.get(step)
        if not isinstance(parent, dict):
            return  # napkit's schema no longer has this place: nothing to add
    original = parent.get(path[-1])
    if not isinstance(original, dict) or not choices:
        return
    ids = [i for i, _label in choices]
    # $ref ignores its siblings in draft-07: keep the original rule inside allOf, the choices beside it
    parent[path[-1]] = {
        "allOf": [copy.deepcopy(original)],
        "enum": ids,
        "description": original.get("description", ""),
        # shown beside each choice by yaml-language-server and VS Code
        "markdownEnumDescriptions": [_one_line(label) for _i, label in choices],
        "enumDescriptions": [_one_line(label) for _i, label in choices],
    }


def _one_line(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
