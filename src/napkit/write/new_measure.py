"""`nap new measure`: a valid measure file with the schema modeline and the next free id.

Everything it is given is checked against the plan first (objective, agencies,
recommendations, dates), with suggestions for near misses, so the file it writes passes
`nap check`."""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass, field

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..model import PlanModel
from .drafting import DraftError, id_key, next_id, parse_date, resolve_text  # noqa: F401 (used through this module)
from .drafting import by_key as _by_key
from .drafting import suggest as _suggest

MODELINE = "# yaml-language-server: $schema=../schemas/measure.schema.json\n"

# the shared error: what was asked for does not fit the plan; the message says what to change
NewMeasureError = DraftError


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
    milestones: list[tuple[dt.date, dict[str, str]]] = field(default_factory=list)  # (due, deliverable)
    budget: list[tuple[int, int | float]] = field(default_factory=list)  # (year, amount)
    funding_source: str | None = None
    new_money: bool = True


def next_measure_id(model: PlanModel) -> str:
    """One more than the highest number among ids shaped like the existing ones (M-07 → M-08)."""
    return next_id(model.measures, "M-01")


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
    for due, _deliverable in draft.milestones:
        if not draft.start <= due <= draft.end:
            problems.append(f"milestone due {due} is outside the measure's timeline {draft.start} – {draft.end}")
    if draft.budget and draft.funding_source not in {f.id for f in plan.funding_sources}:
        problems.append(f"unknown funding source '{draft.funding_source}'; "
                        f"choose one of {', '.join(f.id for f in plan.funding_sources)}")
    for year, _amount in draft.budget:
        if not draft.start.year <= year <= draft.end.year:
            problems.append(f"money in {year}, but the measure runs {draft.start.year}–{draft.end.year}")
    if draft.id is not None:
        if draft.id in model.measures:
            problems.append(f"measure '{draft.id}' exists already")
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_-]*", draft.id):
            problems.append(f"'{draft.id}' is not a valid id (letters, digits, '-', '_')")
    return problems


# -- answers as people type them ---------------------------------------------------------------
# Each resolver takes what a drafter typed and returns the plan's own value, or raises
# NewMeasureError saying what to type instead: the CLI asks again at once, so nothing typed before
# is lost, and flags go through the same resolvers.

def resolve_objective(model: PlanModel, typed: str) -> str:
    hits = _by_key(model.objectives).get(id_key(typed), [])
    if len(hits) == 1:
        return hits[0]
    raise NewMeasureError(f"unknown objective '{typed.strip()}'{_suggest(typed.strip(), model.objectives)}; "
                          f"choose one of {', '.join(model.objectives)}")


def resolve_agency(model: PlanModel, typed: str) -> str:
    """An agency by id, abbreviation or name in any plan language (case does not matter)."""
    want = typed.strip().casefold()
    for agency in model.agencies.values():
        names = {agency.id, *_variants(agency.name), *_variants(agency.abbreviation)}
        if want in {n.casefold() for n in names if n}:
            return agency.id
    raise NewMeasureError(f"unknown agency '{typed.strip()}'{_suggest(typed.strip(), model.agencies)}; "
                          "type its id, abbreviation or full name (`?` lists them)")


def _variants(text) -> list[str]:
    return [v for _lang, v in text.by_lang] + ([text.plain] if text.plain else [])


def resolve_agencies(model: PlanModel, typed: str) -> list[str]:
    return [resolve_agency(model, part) for part in typed.split(",") if part.strip()]


def resolve_recommendations(model: PlanModel, typed: str) -> list[tuple[str, str]]:
    """'OSCE23-R24, tip24-7:partial' → [(OSCE23-R24, full), (TIP24-07, partial)]."""
    keyed = _by_key(model.recommendations)
    out: list[tuple[str, str]] = []
    for part in (p.strip() for p in typed.split(",")):
        if not part:
            continue
        rid, _sep, extent = part.partition(":")
        extent = extent.strip().lower() or "full"
        if extent not in ("full", "partial"):
            raise NewMeasureError(f"'{extent}' after {rid.strip()}: write ':partial', or nothing for full")
        hits = keyed.get(id_key(rid), [])
        if len(hits) != 1:
            raise NewMeasureError(f"unknown recommendation '{rid.strip()}'{_suggest(rid.strip().upper(), model.recommendations)}")
        out.append((hits[0], extent))
    return out


def resolve_date_in_plan(model: PlanModel, typed: str) -> dt.date:
    day = parse_date(typed)
    plan = model.plan
    if not plan.start <= day <= plan.end:
        raise NewMeasureError(f"{day} is outside the plan period {plan.start:%d.%m.%Y}–{plan.end:%d.%m.%Y}")
    return day


def resolve_amount(typed: str) -> int | float:
    """'1 500 000', '1,500,000', '1500000' or '1,5 mill.' → a number."""
    text = typed.strip().lower().replace("\u00a0", " ")
    million = text.endswith(("mill.", "mill", "million", "m"))
    text = re.sub(r"(mill\.?|million|m)$", "", text).strip()
    if million:
        text = text.replace(",", ".")
    else:
        text = text.replace(" ", "").replace(",", "").replace("_", "")
    try:
        value = float(text.replace(" ", ""))
    except ValueError:
        raise NewMeasureError(f"'{typed.strip()}' is not an amount; write e.g. 1500000 or 1,5 mill.") from None
    value = value * 1_000_000 if million else value
    if value < 0 or value != value or value == float("inf"):
        raise NewMeasureError("an amount must be zero or more")
    return int(value) if value.is_integer() else value


def choices_text(model: PlanModel, what: str, lang: str) -> str:
    """The list a drafter chooses from, one per line, with the plan's own titles and names."""
    if what == "objective":
        return "\n".join(f"  {o.id}  {o.title.get(lang, model.languages)}" for o in model.plan.objectives)
    if what == "agency":
        return "\n".join(f"  {a.id:<14} {a.name.get(lang, model.languages)}" for a in model.agencies.values())
    if what == "recommendation":
        return "\n".join(f"  {r.id:<12} {r.summary.get(lang, model.languages)[:90]}"
                         for r in model.recommendations.values())
    raise ValueError(what)


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
    if draft.milestones:
        doc["timeline"]["milestones"] = CommentedSeq(
            CommentedMap(id=f"MS{i}", due=due, deliverable=_text(deliverable, langs))
            for i, (due, deliverable) in enumerate(draft.milestones, start=1))
    if draft.budget:
        doc["budget"] = CommentedSeq(
            CommentedMap(year=year, amount=amount, currency=model.plan.currency, source=draft.funding_source,
                         new_money=draft.new_money) for year, amount in draft.budget)
    doc["status"] = "planned"
    y = YAML(typ="rt", pure=True)
    y.indent(mapping=2, sequence=4, offset=2)
    y.width = 4096
    buf = io.StringIO()
    y.dump(doc, buf)
    return MODELINE + buf.getvalue()
