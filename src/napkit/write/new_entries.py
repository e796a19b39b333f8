"""`nap new agency | indicator | recommendation | progress`: one new entry, checked against the
plan and the checker's own schema as it is drafted.

An agency, an indicator or a recommendation is added to its registry file (plan/agencies.yaml,
plan/indicators.yaml, the catalog of its source under plan/recommendations/) with the file's
comments and order kept; a progress entry is the file plan/progress/<period>/<measure>.yaml.
Each command is a list of fields (drafting.Field): the flags fill them, a terminal asks for the
rest, and every value goes through the same resolver either way."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..model import PlanModel
from ..util.clock import today
from ..validate.schema import load_schema
from .drafting import (
    DraftError,
    Field,
    Style,
    add_entry,
    create_file,
    next_id,
    one_of,
    optional,
    pairs,
    parse_date,
    point,
    resolve_id_of,
    resolve_new_id,
    resolve_number,
    resolve_url,
    schema_enum,
    text_fields,
    texts,
    yes_no,
)
from .new_measure import resolve_agency, resolve_amount

AGENCY_KINDS = schema_enum("agencies.schema.json", "agency", "kind")
DIRECTIONS = schema_enum("indicators.schema.json", "indicator", "direction")
UNIT_KINDS = schema_enum("indicators.schema.json", "indicator", "unit_kind")
PILLARS = schema_enum("recommendations.schema.json", "recommendation", "pillar")
STRENGTHS = schema_enum("recommendations.schema.json", "recommendation", "strength")
RESPONSES = schema_enum("recommendations.schema.json", "recommendation", "response", "status")
STATUSES = tuple(load_schema("progress.schema.json")["properties"]["status"]["enum"])
NEEDS_JUSTIFICATION = ("partly", "noted")  # rules.py NAP503


def _ordered(entry: dict, schema: str, definition: str) -> CommentedMap:
    """The entry's keys in the schema's order (as `nap fmt` writes them); empty ones left out."""
    order = list(load_schema(schema)["definitions"][definition]["properties"])

    def empty(v) -> bool:  # (not `v in (None, "", [], False)`: 0 == False, and 0 is a value)
        return v is None or v is False or (isinstance(v, (str, list, dict)) and not v)
    return CommentedMap((k, entry[k]) for k in order if k in entry and not empty(entry[k]))


# -- lists shown for `?` -----------------------------------------------------------------------

def agency_choices(model: PlanModel, lang: str) -> str:
    """Ministries first: they are the usual parent."""
    agencies = sorted(model.agencies.values(), key=lambda a: a.kind != "ministry")
    return "\n".join(f"  {a.id:<14} {a.kind:<13} {a.name.get(lang, model.languages)}" for a in agencies)


def source_choices(model: PlanModel, lang: str) -> str:
    return "\n".join(f"  {s.id:<10} {(s.short_title or s.title).get(lang, model.languages)}  ({s.file})"
                     for s in model.sources)


def measure_choices(model: PlanModel, lang: str) -> str:
    return "\n".join(f"  {m.id:<8} {m.title.get(lang, model.languages)}" for m in model.measures.values())


def period_choices(model: PlanModel) -> str:
    from ..analyse.progress import periods_of

    return "\n".join(f"  {p.id:<10} {p.start:%d.%m.%Y}–{p.end:%d.%m.%Y}" for p in periods_of(model.plan))


# -- agency ------------------------------------------------------------------------------------

def agency_fields(model: PlanModel, given: dict, interactive: bool) -> Callable[[dict], Iterable[Field]]:
    langs, lang = model.languages, model.languages[0]

    def fields(a: dict) -> Iterable[Field]:
        yield from text_fields("name", "name", "Name", langs, given)
        yield from text_fields("abbreviation", "abbreviation", "Abbreviation", langs, given, required=False)
        yield Field("id", "--id", "Id (usually the abbreviation)", lambda t: resolve_new_id(t, model.agencies, "agency"),
                    default=(lambda a: _id_hint(a, langs, model)) if interactive else None)
        yield Field("kind", "--kind", f"Kind ({', '.join(AGENCY_KINDS)})", lambda t: one_of(t, AGENCY_KINDS))
        yield Field("parent", "--parent", "Reports to (id, abbreviation or name; empty: none; ? lists them)",
                    optional(lambda t: resolve_agency(model, t)), required=False,
                    listing=lambda: agency_choices(model, lang))
        yield Field("url", "--url", "Website (https://…; empty: none)", optional(resolve_url), required=False)
        yield Field("independent", "--independent",
                    "Independent, so the government cannot instruct it (courts, prosecution, bodies of parliament)? [y/n]",
                    yes_no, default=lambda a: "n")
    return fields


def _id_hint(a: dict, langs: tuple[str, ...], model: PlanModel) -> str | None:
    abbreviation = a.get(f"abbreviation.{langs[0]}")
    try:
        return resolve_new_id(abbreviation.upper(), model.agencies, "agency") if abbreviation else None
    except DraftError:
        return None


def write_agency(root: Path, model: PlanModel, a: dict) -> str:
    rel = "plan/agencies.yaml"
    langs = model.languages

    def entry(style: Style) -> CommentedMap:
        abbreviation = texts(a, "abbreviation", langs)
        return _ordered({"id": a["id"], "name": style.text(texts(a, "name", langs)),
                         "abbreviation": style.text(abbreviation) if abbreviation else None,
                         "kind": a["kind"], "parent": a.get("parent"),
                         "url": style.string(a["url"]) if a.get("url") else None,
                         "independent": a.get("independent")}, "agencies.schema.json", "agency")
    add_entry(root, rel, "agencies", "agencies", entry)
    return rel


# -- indicator ---------------------------------------------------------------------------------

def _points(what: str, years: range, example: int) -> Callable[[str], list[tuple[int, int | float]]]:
    """'2025=80, 2026=95' → [(2025, 80), (2026, 95)]."""
    def resolve(typed: str) -> list[tuple[int, int | float]]:
        out = []
        for year, value in pairs(typed, f"YEAR=VALUE, e.g. {example}=100"):
            y = resolve_number(year, whole=True)
            if y not in years:
                raise DraftError(f"a {what} in {y}: the year must be {years.start}–{years.stop - 1}")
            out.append((y, resolve_number(value)))
        if len({y for y, _v in out}) < len(out):
            raise DraftError(f"one {what} per year")
        return sorted(out)
    return resolve


def _targets_fit(targets: list, a: dict) -> list:
    """A target on the wrong side of the latest baseline for the direction (NAP710) is refused now."""
    baseline, direction = a.get("baseline") or [], a.get("direction")
    if baseline and direction in ("increase", "decrease"):
        last = baseline[-1][1]
        for year, value in targets:
            if (direction == "increase" and value < last) or (direction == "decrease" and value > last):
                raise DraftError(f"the {year} target {value} is {'below' if direction == 'increase' else 'above'} "
                                 f"the latest baseline {last}, but the value should {direction}")
    return targets


def indicator_fields(model: PlanModel, given: dict, interactive: bool) -> Callable[[dict], Iterable[Field]]:
    langs, plan = model.languages, model.plan

    def fields(a: dict) -> Iterable[Field]:
        yield Field("id", "--id", "Id (e.g. IND-VICTIMS)", lambda t: resolve_new_id(t, model.indicators, "indicator"))
        yield from text_fields("name", "name", "Name", langs, given)
        yield from text_fields("definition", "definition", "Definition: exactly what is counted", langs, given)
        yield from text_fields("unit", "unit", "Unit (e.g. persons)", langs, given)
        yield from text_fields("source", "source", "Where the data will come from", langs, given, required=False)
        yield Field("direction", "--direction", f"What good looks like ({', '.join(DIRECTIONS)})",
                    lambda t: one_of(t, DIRECTIONS))
        yield Field("unit_kind", "--unit-kind", f"Kind of unit ({', '.join(UNIT_KINDS)})",
                    lambda t: one_of(t, UNIT_KINDS))
        yield Field("baseline", "--baseline", "Baseline: known values before the plan (YEAR=VALUE, …; empty: none yet)",
                    _points("baseline value", range(1900, plan.start_year + 1), plan.start_year - 1), required=False)
        has_baseline = lambda a: bool(a.get("baseline")) or "baseline" in a.failed
        yield from text_fields("baseline_source", "baseline-source", "Where the baseline comes from", langs, given,
                               when=has_baseline, unused="there is no --baseline")
        yield from text_fields("baseline_note", "baseline-note", "Why there is no baseline yet, and when there will be",
                               langs, given, when=lambda a: not has_baseline(a),
                               unused="a note is for an indicator without --baseline")
        yield Field("targets", "--target", "Targets (YEAR=VALUE, …; empty: none)",
                    lambda t: _targets_fit(_points("target", plan.years, plan.end_year)(t), a), required=False)
    return fields


def write_indicator(root: Path, model: PlanModel, a: dict) -> str:
    rel = "plan/indicators.yaml"
    langs = model.languages

    def entry(style: Style) -> CommentedMap:
        source, note = texts(a, "source", langs), texts(a, "baseline_note", langs)
        baseline_source = texts(a, "baseline_source", langs)
        return _ordered({
            "id": a["id"], **{k: style.text(texts(a, k, langs)) for k in ("name", "definition", "unit")},
            "source": style.text(source) if source else None,
            "baseline": CommentedSeq(point(y, v, baseline_source, style) for y, v in a.get("baseline") or []),
            "targets": CommentedSeq(point(y, v) for y, v in a.get("targets") or []),
            "direction": a["direction"], "unit_kind": a["unit_kind"],
            "baseline_note": style.text(note) if note else None,
        }, "indicators.schema.json", "indicator")
    add_entry(root, rel, "indicators", "indicators", entry)
    return rel


# -- recommendation ----------------------------------------------------------------------------

def _theme(typed: str) -> str:
    pattern = load_schema("recommendations.schema.json")["definitions"]["recommendation"]["properties"]["theme"]["pattern"]
    if not re.fullmatch(pattern.rstrip("$") + r"\Z", typed.strip()):
        raise DraftError(f"'{typed.strip()}' is no theme slug (letters, digits, '-', e.g. victim-identification)")
    return typed.strip()


def recommendation_fields(model: PlanModel, given: dict, interactive: bool) -> Callable[[dict], Iterable[Field]]:
    langs, lang = model.languages, model.languages[0]
    sources = [s.id for s in model.sources]

    def next_in(a: dict) -> str | None:
        source = a.get("source")
        return next_id([r.id for r in model.recommendations_of(source)], f"{source}-01") if source else None

    def fields(a: dict) -> Iterable[Field]:
        yield Field("source", "--source", "Source (the catalog it belongs to; ? lists them)",
                    lambda t: resolve_id_of(t, sources, "source"), listing=lambda: source_choices(model, lang))
        yield Field("id", "--id", "Id", lambda t: resolve_new_id(t, model.recommendations, "recommendation"),
                    default=next_in)
        yield from text_fields("summary", "summary", "The ask, in our own words", langs, given)
        yield Field("pillar", "--pillar", f"Pillar ({', '.join(PILLARS)})", lambda t: one_of(t, PILLARS))
        yield Field("strength", "--strength", f"How strongly it is worded ({', '.join(STRENGTHS)}; empty: not said)",
                    optional(lambda t: one_of(t.replace(" ", "_"), STRENGTHS)), required=False)
        yield Field("theme", "--theme", "Theme slug (e.g. victim-identification; empty: none)", optional(_theme),
                    required=False)
        yield Field("section", "--section", "Section of the source (e.g. VII.1; empty: none)",
                    optional(str.strip), required=False)
        yield Field("paragraph", "--paragraph", "Paragraph number (empty: none)",
                    optional(lambda t: resolve_number(t, whole=True, low=0)), required=False)
        yield Field("quote", "--quote", "Key words quoted from the source (empty: none)", optional(str.strip),
                    required=False)
        yield Field("status", "--response", f"The government's response ({', '.join(RESPONSES)})",
                    lambda t: one_of(t, RESPONSES))
        justified = any(given.get(f"justification.{lang}") for lang in langs)  # accepted may say why too
        yield from text_fields("justification", "justification", "Why (the justification)", langs, given,
                               when=lambda a: justified or a.get("status") in NEEDS_JUSTIFICATION)
    return fields


def write_recommendation(root: Path, model: PlanModel, a: dict) -> str:
    source = next(s for s in model.sources if s.id == a["source"])
    langs = model.languages

    def entry(style: Style) -> CommentedMap:
        ref = CommentedMap((k, style.string(a[k]) if k == "section" else a[k])
                           for k in ("section", "paragraph") if a.get(k) is not None)
        if ref and style.flow:
            ref.fa.set_flow_style()
        response = CommentedMap(status=a["status"])
        justification = texts(a, "justification", langs)
        if justification:
            response["justification"] = style.text(justification)
        elif style.flow:
            response.fa.set_flow_style()
        return _ordered({"id": a["id"], "ref": ref or None, "summary": style.text(texts(a, "summary", langs)),
                         "quote": style.string(a["quote"]) if a.get("quote") else None,
                         "pillar": a["pillar"], "theme": a.get("theme"), "strength": a.get("strength"),
                         "response": response}, "recommendations.schema.json", "recommendation")
    add_entry(root, source.file, "recommendations", "recommendations", entry)
    return source.file


# -- progress ----------------------------------------------------------------------------------

def progress_fields(model: PlanModel, given: dict, interactive: bool) -> Callable[[dict], Iterable[Field]]:
    from ..analyse.progress import period_of, reached_dates

    langs, lang, plan = model.languages, model.languages[0], model.plan

    def resolve_period(typed: str, a: dict) -> str:
        period = resolve_id_of(typed, plan.reporting_periods, "reporting period")
        old = next((e for e in model.progress if e.measure == a.get("measure") and e.period == period), None)
        if old is not None:
            raise DraftError(f"{old.measure} has a progress entry for {period} already ({old.file}); edit that file")
        return period

    def measure(a: dict):
        return model.measures.get(a.get("measure") or "")

    def milestone_ids(a: dict) -> list[str]:
        m = measure(a)
        return [ms.id for ms in m.timeline.milestones] if m else []

    def milestone_choices(a: dict) -> str:
        m = measure(a)
        return "\n".join(f"  {ms.id:<6} due {ms.due:%d.%m.%Y}  {ms.deliverable.get(lang, langs)}"
                         for ms in (m.timeline.milestones if m else ())) or "  (the measure has no milestones)"

    def reached(typed: str, a: dict) -> list[tuple[str, object]]:
        if measure(a) is None:
            return []  # nothing to judge them by: the measure's own problem is reported
        out = []
        for ms, day in pairs(typed, "ID=DATE, e.g. MS1=15.3.2027"):
            ms_id = resolve_id_of(ms, milestone_ids(a), "milestone", f"of {a.get('measure')}")
            date = parse_date(day)
            if not plan.start <= date <= plan.end:
                raise DraftError(f"{date:%d.%m.%Y} is outside the plan period {plan.start_year}–{plan.end_year}")
            out.append((ms_id, date))
        if a.get("status") == "completed" and a.get("period"):
            earlier = reached_dates([e for e in model.progress if e.period in period_of(plan, a["period"]).earlier],
                                    a["measure"])
            still_open = [ms for ms in milestone_ids(a) if ms not in earlier and ms not in dict(out)]
            if still_open:
                raise DraftError(f"the measure is completed, so give the date {', '.join(still_open)} was reached")
        return out

    def spent(typed: str, a: dict) -> list[tuple[int, int | float]]:
        last = period_of(plan, a["period"]).end.year if a.get("period") else plan.end_year
        out = []
        for year, amount in pairs(typed, f"YEAR=AMOUNT, e.g. {last}=250000"):
            y = resolve_number(year, whole=True)
            if not plan.start_year <= y <= last:
                raise DraftError(f"money spent in {y}: the year must be {plan.start_year}–{last}")
            out.append((y, resolve_amount(amount)))
        return out

    def values(typed: str, a: dict) -> list[tuple[str, int | float]]:
        return [(resolve_id_of(ind, model.indicators, "indicator"), resolve_number(value))
                for ind, value in pairs(typed, "INDICATOR=VALUE, e.g. IND-VICTIMS=120")]

    def fields(a: dict) -> Iterable[Field]:
        yield Field("measure", "--measure", "Measure (? lists them)", lambda t: resolve_id_of(t, model.measures, "measure"),
                    listing=lambda: measure_choices(model, lang))
        yield Field("period", "--period", "Reporting period (? lists them)", lambda t: resolve_period(t, a),
                    listing=lambda: period_choices(model))
        yield Field("reported_by", "--reported-by", "Reported by (agency; ? lists them)",
                    lambda t: resolve_agency(model, t), listing=lambda: agency_choices(model, lang),
                    default=lambda a: measure(a).lead if measure(a) else None)
        yield Field("date", "--date", "Date of the report", parse_date, default=lambda a: f"{today():%d.%m.%Y}")
        yield Field("status", "--status", f"Status at the end of the period ({', '.join(STATUSES)})",
                    lambda t: one_of(t, STATUSES))
        yield Field("completion", "--completion", "How far it has come, in per cent (0–100; empty: not said)",
                    optional(lambda t: _completion(resolve_number(t, whole=True, low=0, high=100), a.get("status"))),
                    default=lambda a: {"completed": "100", "not-started": "0"}.get(a.get("status")), required=False)
        yield from text_fields("done", "done", "What was done in the period", langs, given)
        yield Field("spent", "--spent", "Money spent (YEAR=AMOUNT, …; empty: none)", lambda t: spent(t, a),
                    required=False)
        yield Field("milestones", "--reached", "Milestones reached (ID=DATE, …; empty: none; ? lists them)",
                    lambda t: reached(t, a), required=False, listing=lambda: milestone_choices(a),
                    default=lambda a: "")  # "" too is judged: a completed measure needs its milestones
        yield Field("values", "--value", "Indicator values measured (INDICATOR=VALUE, …; empty: none)",
                    lambda t: values(t, a), required=False)
        yield from text_fields("value_source", "value-source", "Where the values come from", langs, given,
                               when=lambda a: bool(a.get("values")) or "values" in a.failed,
                               unused="there is no --value")
    return fields


def _completion(value: int, status: str | None) -> int:
    """NAP608: the completion may not contradict the status."""
    if status == "completed" and value != 100:
        raise DraftError("a completed measure is 100 % complete")
    if status == "not-started" and value != 0:
        raise DraftError("a measure that has not started is 0 % complete")
    return value


def write_progress(root: Path, model: PlanModel, a: dict) -> str:
    from ..analyse.progress import period_of
    from .progress import render_entry

    rel = f"plan/progress/{a['period']}/{a['measure']}.yaml"
    year = period_of(model.plan, a["period"]).end.year
    data = {
        "measure": a["measure"], "period": a["period"], "reported_by": a["reported_by"], "date": a["date"],
        "status": a["status"], "completion": a.get("completion"), "done": texts(a, "done", model.languages),
        "spent": [{"year": y, "amount": v} for y, v in a.get("spent") or []] or None,
        "milestones": [{"id": i, "reached": d} for i, d in a.get("milestones") or []] or None,
        "indicators": [{"indicator": i, "year": year, "value": v, "source": texts(a, "value_source", model.languages)}
                       for i, v in a.get("values") or []] or None,
    }
    create_file(root, rel, "progress", render_entry(data))
    return rel


@dataclass(frozen=True)
class EntryKind:
    fields: Callable[[PlanModel, dict, bool], Callable[[dict], Iterable[Field]]]
    write: Callable[[Path, PlanModel, dict], str]  # returns the file written, relative to the root


KINDS = {
    "agency": EntryKind(agency_fields, write_agency),
    "indicator": EntryKind(indicator_fields, write_indicator),
    "recommendation": EntryKind(recommendation_fields, write_recommendation),
    "progress": EntryKind(progress_fields, write_progress),
}
