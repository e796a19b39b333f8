"""Documents (already schema-checked) → PlanModel.

Parts of a file that failed its schema are left out, item by item where the file is a list
of items (a catalog with one bad entry still contributes the others). Duplicate ids are
found here, where objects are keyed by id.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import Any, Iterable

from ..findings import Finding, make
from ..load.yaml_doc import Document
from .repair import MEASURE_STAND_INS, PLAN_ESSENTIALS, PLAN_STAND_INS, Repaired, repair
from .consultation import consultation_of, submission_of, versions_of
from .types import (
    AccessibilitySettings, Agency, BudgetLine, BudgetPolicy, FundingSource, Implementation, Indicator, IndicatorActual, Measure, MeasureIndicator,
    Milestone, MilestoneReached, Objective, Partner, Plan, PlanModel, Point, ProgressEntry, Recommendation,
    Response, Source, SpentLine, Src, Text, Timeline,
)


@dataclass
class Built:
    model: PlanModel | None
    findings: list[Finding] = field(default_factory=list)
    skipped_measures: list[str] = field(default_factory=list)  # files left out for schema errors
    # ids of items left out for schema errors: they exist, so references to them are not "unknown"
    shadow_ids: set[str] = field(default_factory=set)
    # recommendations named in a measure's 'implements' item that failed its schema: whether they
    # are covered cannot be judged until that item is fixed
    unjudged_recommendations: dict[str, str] = field(default_factory=dict)  # id -> why


def build_model(documents: Iterable[Document], bad_paths: dict[str, list[tuple]]) -> Built:
    """`bad_paths` maps a file to the JSON paths of its schema errors."""
    docs = list(documents)
    by_kind: dict[str, list[Document]] = defaultdict(list)
    for d in docs:
        by_kind[d.kind].append(d)
    findings: list[Finding] = []
    built = Built(None, findings)

    plan_docs = by_kind.get("plan", [])
    if not plan_docs:
        return built
    plan_doc, plan_fix = _repaired(plan_docs[0], bad_paths, PLAN_STAND_INS, PLAN_ESSENTIALS)
    if plan_doc is None:
        return built  # the plan's period, languages or currency are broken: nothing can be judged against them
    plan = _plan(plan_doc)
    if plan_fix is not None:
        plan = replace(plan, unchecked=plan_fix.unchecked)
        built.shadow_ids |= plan_fix.dropped_ids()
    findings += _duplicates(plan.objectives, "objective")
    findings += _duplicates(plan.funding_sources, "funding source")

    agencies = _registry(by_kind.get("agencies", []), bad_paths, "agencies", _agency, findings, "agency",
                         built.shadow_ids)
    indicators = _registry(by_kind.get("indicators", []), bad_paths, "indicators", _indicator, findings,
                           "indicator", built.shadow_ids)

    sources: list[Source] = []
    recs_all: list[Recommendation] = []
    for doc in sorted(by_kind.get("recommendations", []), key=lambda d: d.file):
        bad = bad_paths.get(doc.file, [])
        if any(not _inside_item(p, ("recommendations",)) for p in bad):
            continue
        source = _source(doc)
        sources.append(source)
        skip = _bad_items(bad, "recommendations")
        built.shadow_ids |= _ids_at(doc.data["recommendations"], skip)
        recs_all += [_recommendation(doc, i, r, source.id) for i, r in enumerate(doc.data["recommendations"])
                     if i not in skip]
    findings += _duplicates(sources, "recommendation source")
    findings += _duplicates(recs_all, "recommendation")

    measures_all: list[Measure] = []
    for doc in sorted(by_kind.get("measure", []), key=lambda d: d.file):
        fixed_doc, fix = _repaired(doc, bad_paths, MEASURE_STAND_INS)
        if fixed_doc is None:  # no usable id: the measure cannot be told apart from others
            built.skipped_measures.append(doc.file)
            if isinstance(doc.data, dict) and isinstance(doc.data.get("id"), str):
                built.shadow_ids.add(doc.data["id"])
            continue
        measure = _measure(fixed_doc)
        if fix is not None:
            measure = replace(measure, unchecked=fix.unchecked)
            for rid in fix.dropped_values("implements", "recommendation"):
                built.unjudged_recommendations.setdefault(rid, f"its 'implements' item in {doc.file} failed its schema")
        measures_all.append(measure)
    findings += _duplicates(measures_all, "measure")
    for m in measures_all:
        findings += _duplicates(m.timeline.milestones, f"milestone in {m.id}")

    progress = [_progress(doc) for doc in sorted(by_kind.get("progress", []), key=lambda d: d.file)
                if not bad_paths.get(doc.file)]

    built.model = PlanModel(
        plan=plan,
        agencies=_first_by_id(agencies),
        sources=tuple(sources),
        recommendations=_first_by_id(recs_all),
        indicators=_first_by_id(indicators),
        measures=_first_by_id(measures_all),
        progress=tuple(progress),
        submissions=tuple(submission_of(doc) for doc in sorted(by_kind.get("consultation", []), key=lambda d: d.file)
                          if not bad_paths.get(doc.file)),
    )
    return built


# -- helpers -----------------------------------------------------------------------------------

def _repaired(doc: Document, bad_paths: dict[str, list[tuple]], stand_ins: dict,
              essentials: tuple[str, ...] = ("id",)) -> tuple[Document | None, Repaired | None]:
    """The document with the parts that failed their schema stood in for (model/repair.py),
    or (None, None) when it cannot be judged at all."""
    errors = bad_paths.get(doc.file)
    if not errors:
        return doc, None
    fix = repair(doc.data, errors, stand_ins, essentials)
    if fix is None:
        return None, None
    return replace(doc, data=fix.data, _index=doc.index, _index_tried=True), fix


def _inside_item(path: tuple, lists: tuple[str, ...]) -> bool:
    return len(path) >= 2 and path[0] in lists and isinstance(path[1], int)


def _bad_items(paths: list[tuple], key: str) -> set[int]:
    return {p[1] for p in paths if len(p) >= 2 and p[0] == key and isinstance(p[1], int)}


def _first_by_id(items: list) -> dict:
    out: dict = {}
    for item in items:
        out.setdefault(item.id, item)
    return out


def _duplicates(items: Iterable, what: str) -> list[Finding]:
    seen: dict[str, Any] = {}
    out = []
    for item in items:
        if item.id in seen:
            first = seen[item.id].src.pos(key=False) if hasattr(seen[item.id].src, "pos") else None
            out.append(make("NAP201", item.src.at("id").pos(),
                            f"duplicate {what} id '{item.id}' (first defined at {first})"))
        else:
            seen[item.id] = item
    return out


def _ids_at(items: list, indexes: set[int]) -> set[str]:
    return {items[i]["id"] for i in indexes
            if i < len(items) and isinstance(items[i], dict) and isinstance(items[i].get("id"), str)}


def _registry(docs, bad_paths, key, make_item, findings, what, shadow_ids: set[str]) -> list:
    items = []
    for doc in sorted(docs, key=lambda d: d.file):
        bad = bad_paths.get(doc.file, [])
        if any(not _inside_item(p, (key,)) for p in bad):
            continue
        skip = _bad_items(bad, key)
        shadow_ids |= _ids_at(doc.data[key], skip)
        items += [make_item(doc, i, raw) for i, raw in enumerate(doc.data[key]) if i not in skip]
    findings += _duplicates(items, what)
    return items


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _num(value: Any) -> float:
    # Whole amounts stay ints so that sums and exports print without '.0'.
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _plan(doc: Document) -> Plan:
    d = doc.data
    src = Src(doc, ())
    return Plan(
        id=d["id"], title=Text.of(d["title"]), subtitle=Text.of(d.get("subtitle")),
        country=Text.of(d.get("country")),
        start_year=d["period"]["start"], end_year=d["period"]["end"],
        languages=tuple(d["languages"]), currency=d["currency"], responsible=d["responsible"],
        version=str(d.get("version", "")), date=_date(d.get("date")),
        introduction=Text.of(d.get("introduction")), budget_note=Text.of(d.get("budget_note")),
        objectives=tuple(
            Objective(o["id"], Text.of(o["title"]), Text.of(o.get("description")), o["pillar"],
                      src.at("objectives", i))
            for i, o in enumerate(d["objectives"])),
        funding_sources=tuple(
            FundingSource(f["id"], Text.of(f["name"]), Text.of(f.get("description")), src.at("funding_sources", i))
            for i, f in enumerate(d.get("funding_sources", []))),
        reporting_periods=tuple(str(p) for p in d.get("reporting_periods", [])),
        src=src,
        adoption=_date(d.get("adoption")),
        budget_policy=BudgetPolicy(d.get("budget_policy", {}).get("new_money_share_max"),
                                   bool(d.get("budget_policy", {}).get("require_chapter", False)),
                                   src.at("budget_policy")),
        quality=tuple((str(k), str(v)) for k, v in d.get("quality", {}).items()),
        versions=versions_of(d, src), consultation=consultation_of(d, src),
        licence=d.get("licence"), accessibility=_accessibility(d.get("accessibility") or {}, src.at("accessibility")),
    )


def _accessibility(a: dict, src: Src) -> AccessibilitySettings:
    return AccessibilitySettings(a.get("responsible"), a.get("contact"), _date(a.get("date")), a.get("uustatus"),
                                 tuple(Text.of(x) for x in a.get("deviations", [])), src)


def _agency(doc: Document, i: int, a: dict) -> Agency:
    return Agency(a["id"], Text.of(a["name"]), Text.of(a.get("abbreviation")), a["kind"], a.get("parent"),
                  a.get("url"), Src(doc, ("agencies", i)), independent=bool(a.get("independent", False)))


def _point(p: dict) -> Point:
    return Point(p["year"], _num(p["value"]), Text.of(p.get("source")))


def _indicator(doc: Document, i: int, x: dict) -> Indicator:
    return Indicator(x["id"], Text.of(x["name"]), Text.of(x["definition"]), Text.of(x["unit"]),
                     Text.of(x.get("source")), tuple(_point(p) for p in x.get("baseline", [])),
                     tuple(_point(p) for p in x.get("targets", [])), Src(doc, ("indicators", i)),
                     direction=x.get("direction"), unit_kind=x.get("unit_kind"),
                     baseline_note=Text.of(x.get("baseline_note")), at_most=tuple(x.get("at_most", [])))


def _source(doc: Document) -> Source:
    s = doc.data["source"]
    return Source(s["id"], Text.of(s["title"]), Text.of(s.get("short_title") or s["id"]), Text.of(s.get("author")),
                  _date(s.get("date")), s.get("url"), doc.file, Src(doc, ("source",)), s.get("language") or "en")


def _recommendation(doc: Document, i: int, r: dict, source_id: str) -> Recommendation:
    ref = r.get("ref", {})
    resp = r["response"]
    return Recommendation(
        id=r["id"], source=source_id, section=ref.get("section"), paragraph=ref.get("paragraph"),
        page=ref.get("page"), summary=Text.of(r["summary"]), quote=r.get("quote"), pillar=r["pillar"],
        theme=r.get("theme"), strength=r.get("strength"),
        response=Response(resp["status"], Text.of(resp.get("justification"))),
        related=tuple(r.get("related", [])), item=ref.get("item"), src=Src(doc, ("recommendations", i)),
        same_as=tuple(r.get("same_as", [])))


def _measure(doc: Document) -> Measure:
    d = doc.data
    src = Src(doc, ())
    t = d["timeline"]
    return Measure(
        id=d["id"], objective=d["objective"], title=Text.of(d["title"]), description=Text.of(d["description"]),
        lead=d["lead"],
        partners=tuple(Partner(p["agency"], Text.of(p.get("role")), src.at("partners", i))
                       for i, p in enumerate(d.get("partners", []))),
        implements=tuple(Implementation(x["recommendation"], x["extent"], Text.of(x.get("note")),
                                        src.at("implements", i)) for i, x in enumerate(d.get("implements", []))),
        timeline=Timeline(
            _date(t["start"]), _date(t["end"]),
            tuple(Milestone(m["id"], _date(m["due"]), Text.of(m["deliverable"]), src.at("timeline", "milestones", i))
                  for i, m in enumerate(t.get("milestones", []))),
            src.at("timeline")),
        budget=tuple(BudgetLine(b["year"], _num(b["amount"]), b["currency"], b["source"], b["new_money"],
                                b.get("chapter"), src.at("budget", i), post=b.get("post"))
                for i, b in enumerate(d.get("budget", []))),
        indicators=tuple(
            MeasureIndicator(x["indicator"], _point(x["baseline"]) if "baseline" in x else None,
                             Point(x["target"]["year"], _num(x["target"]["value"])), src.at("indicators", i))
            for i, x in enumerate(d.get("indicators", []))),
        status=d["status"], file=doc.file, src=src,
        commitment=d.get("commitment", "government"), after=tuple(d.get("after", [])))


def _progress(doc: Document) -> ProgressEntry:
    d = doc.data
    src = Src(doc, ())
    return ProgressEntry(
        measure=d["measure"], period=str(d["period"]), reported_by=d["reported_by"], date=_date(d["date"]),
        status=d["status"], completion=d.get("completion"), done=Text.of(d.get("done")),
        spent=tuple(SpentLine(s["year"], _num(s["amount"]), src.at("spent", i)) for i, s in enumerate(d.get("spent", []))),
        milestones=tuple(MilestoneReached(m["id"], _date(m["reached"]), src.at("milestones", i))
                         for i, m in enumerate(d.get("milestones", []))),
        indicators=tuple(IndicatorActual(x["indicator"], x["year"], _num(x["value"]), Text.of(x.get("source")),
                                         src.at("indicators", i)) for i, x in enumerate(d.get("indicators", []))),
        example=bool(d.get("example", False)), file=doc.file, src=src)


# The workbook importer builds entries from rows the same way (load/xlsx_progress.CellDocument).
progress_entry = _progress
