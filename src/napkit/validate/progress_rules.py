"""Rules over progress entries (plan/progress/<period>/<measure>.yaml), all in one run.

NAP601 unknown measure · NAP602 unknown period, or a file outside its period's folder · NAP603
spending outside the plan or after the period · NAP604 indicator value without source · NAP605
completed with open milestones · NAP606 unknown milestone · NAP607 two entries for one measure
and period · NAP608 completion that contradicts the status; and the shared codes NAP202 (file
not named after its measure), NAP204 (unknown reporting agency), NAP207 (unknown indicator) and
NAP301 (milestone reached outside the plan period).

Positions come from each object's Src, so the same rules serve YAML files and the workbook
importer (whose Src points at spreadsheet cells)."""

from __future__ import annotations

from pathlib import PurePosixPath
from collections.abc import Iterator

from ..analyse.progress import Period, entries_up_to, periods_of, reached_dates
from ..findings import Finding, make
from ..model import PlanModel, ProgressEntry
from .rules import _suggest, _unknown


def check_progress(model: PlanModel, shadow_ids: set[str] = frozenset(),
                   entries: tuple[ProgressEntry, ...] | None = None) -> list[Finding]:
    """Findings for `entries` (default: every entry of the model), judged against the model.
    `shadow_ids` are ids of objects left out for schema errors: never called unknown."""
    return list(_check(model, shadow_ids, model.progress if entries is None else entries))


def check_new_entries(model: PlanModel, documents: list) -> list[Finding]:
    """Schema, rules and translations for entries about to be written (read from a workbook):
    each document replaces the model's entry for its measure and period, and is judged in the
    plan as it would then be. Warnings count: what is written must pass `nap check --strict`."""
    import dataclasses

    from ..model.build import progress_entry
    from .schema import check_document

    findings: list[Finding] = []
    new: list[ProgressEntry] = []
    for doc in documents:
        doc_findings, bad_paths = check_document(doc)
        findings += doc_findings
        if not bad_paths:
            new.append(progress_entry(doc))
    replaced = {(e.measure, e.period) for e in new}
    kept = tuple(e for e in model.progress if (e.measure, e.period) not in replaced)
    trial = dataclasses.replace(model, progress=kept + tuple(new))
    findings += check_progress(trial, entries=tuple(new))
    for e in new:
        texts = [(e.done, e.src.at("done"), "what was done")]
        texts += [(x.source, x.src.at("source"), f"the source of {x.indicator} {x.year}") for x in e.indicators]
        for text, src, what in texts:
            if text and text.plain is None:
                for lang in model.languages:
                    if not text.has(lang):
                        findings.append(make("NAP401", src.at(lang).pos(),
                                             f"no {lang} text for {what} of {e.measure}"))
    return findings


def _check(model: PlanModel, shadow: set[str], entries: tuple[ProgressEntry, ...]) -> Iterator[Finding]:
    plan = model.plan
    periods = {p.id: p for p in periods_of(plan)}
    plan_span = f"{plan.start_year}–{plan.end_year}"
    first_of: dict[tuple[str, str], ProgressEntry] = {}
    for e in model.progress:
        first_of.setdefault((e.measure, e.period), e)
    for e in entries:
        path = PurePosixPath(e.file)
        period = periods.get(e.period)
        if period is None:
            known = ", ".join(plan.reporting_periods) or "none declared"
            yield make("NAP602", e.src.at("period").pos(),
                       f"'{e.period}' is not a reporting period of the plan (reporting periods: {known}; "
                       "add it to reporting_periods in plan/plan.yaml)")
        elif path.parent.name != e.period and e.file.startswith("plan/progress/"):
            yield make("NAP602", e.src.at("period").pos(),
                       f"the entry is for period {e.period} but its file is in {path.parent}/; "
                       f"move it to plan/progress/{e.period}/")
        if e.file.startswith("plan/progress/") and path.stem != e.measure:
            yield make("NAP202", e.src.at("measure").pos(),
                       f"progress on '{e.measure}' is in {path.name}; name the file {e.measure}.yaml")
        first = first_of.get((e.measure, e.period))
        if first is not None and first is not e:
            yield make("NAP607", e.src.at("measure").pos(),
                       f"a second entry for {e.measure} in period {e.period} (the first is {first.file}); "
                       "keep one entry per measure and period")
        measure = model.measures.get(e.measure)
        if measure is None and e.measure not in shadow:
            yield _unknown("NAP601", "measure", e.measure, model.measures, e.src.at("measure"))
        if e.reported_by not in model.agencies and e.reported_by not in shadow:
            yield _unknown("NAP204", "reporting agency", e.reported_by, model.agencies, e.src.at("reported_by"))
        yield from _spent(e, plan.years, plan_span, period)
        known_ms = {ms.id for ms in measure.timeline.milestones} if measure else set()
        for ms in e.milestones:
            if measure is not None and ms.id not in known_ms:
                hint = _suggest(ms.id, sorted(known_ms)) or f" ({measure.id}'s milestones: " \
                    f"{', '.join(sorted(known_ms)) or 'none'})"
                yield make("NAP606", ms.src.at("id").pos(), f"unknown milestone '{ms.id}' of {measure.id}{hint}")
            if not plan.start <= ms.reached <= plan.end:
                yield make("NAP301", ms.src.at("reached").pos(),
                           f"milestone {ms.id} reached {ms.reached}, outside the plan period {plan_span}")
        for x in e.indicators:
            if x.indicator not in model.indicators and x.indicator not in shadow:
                yield _unknown("NAP207", "indicator", x.indicator, model.indicators, x.src.at("indicator"))
            if not x.source:
                yield make("NAP604", x.src.at("source").pos(),
                           f"the {x.year} value of {x.indicator} ({x.value}) gives no source; say where the figure "
                           "comes from")
        if measure is not None and e.status == "completed":
            yield from _open_milestones(model, e, measure.timeline.milestones, period)
        if e.completion is not None:
            if e.status == "completed" and e.completion < 100:
                yield make("NAP608", e.src.at("completion").pos(),
                           f"{e.measure} is completed but its completion is {e.completion} %; make it 100 "
                           "or choose another status")
            elif e.status == "not-started" and e.completion > 0:
                yield make("NAP608", e.src.at("completion").pos(),
                           f"{e.measure} has not started but its completion is {e.completion} %; make it 0 "
                           "or choose another status")


def _spent(e: ProgressEntry, years: range, plan_span: str, period: Period | None) -> Iterator[Finding]:
    for s in e.spent:
        if s.year not in years:
            yield make("NAP603", s.src.at("year").pos(),
                       f"money spent in {s.year}, outside the plan period {plan_span}")
        elif period is not None and s.year > period.end.year:
            yield make("NAP603", s.src.at("year").pos(),
                       f"money spent in {s.year}, after period {period.id} ends ({period.end}); "
                       f"report it for a later period")


def _open_milestones(model: PlanModel, e: ProgressEntry, milestones, period: Period | None) -> Iterator[Finding]:
    if period is not None:
        so_far = [x for x in entries_up_to(model, period) if x.measure == e.measure and x.period != e.period] + [e]
    else:
        so_far = [e]
    reached = reached_dates(so_far, e.measure)
    still_open = [ms for ms in milestones if ms.id not in reached]
    if still_open:
        which = ", ".join(f"{ms.id} (due {ms.due})" for ms in still_open)
        yield make("NAP605", e.src.at("status").pos(),
                   f"{e.measure} is completed but milestone{'s' if len(still_open) > 1 else ''} {which} "
                   f"{'have' if len(still_open) > 1 else 'has'} no reached date; give the date it was reached, "
                   "or choose another status")
