"""`nap new measure` in a terminal: asks for each part of a measure, checks each answer as it is
typed (asking again with the reason and suggestions, so nothing typed before is lost), and lists
the plan's own choices — objectives with their titles, agencies with their names, recommendations
with their summaries — when the drafter types `?`."""

from __future__ import annotations

import datetime as dt

import click

from ..model import PlanModel
from .drafting import ask
from .drafting import one_of as _one_of
from .drafting import yes_no as _yes_no
from .new_measure import (
    MeasureDraft, NewMeasureError, choices_text, resolve_agencies, resolve_agency, resolve_amount,
    resolve_date_in_plan, resolve_objective, resolve_recommendations, resolve_text,
)


def ask_measure(model: PlanModel, given: MeasureDraft) -> MeasureDraft:
    """Fill in what `given` (from the flags) lacks; `given` fields that are set are kept."""
    langs = model.plan.languages
    lang = langs[0]
    d = given
    if not d.objective:
        click.echo("Objectives:\n" + choices_text(model, "objective", lang))
        d.objective = ask("Objective", lambda t: resolve_objective(model, t))
    for what, texts in (("Title", d.title), ("Description", d.description)):
        for language in langs:
            if not texts.get(language):
                texts[language] = ask(f"{what} ({language})", lambda t, language=language: resolve_text(language, t))
    if not d.lead:
        d.lead = ask("Lead agency (id, abbreviation or name; ? lists them)", lambda t: resolve_agency(model, t),
                     listing=lambda: choices_text(model, "agency", lang))
    if not d.partners:
        d.partners = ask("Partner agencies (comma-separated; empty: none; ? lists them)",
                         lambda t: _no_lead(resolve_agencies(model, t), d.lead), default="",
                         listing=lambda: choices_text(model, "agency", lang))
    if not d.implements:
        d.implements = ask("Recommendations it implements (e.g. OSCE23-R24, TIP24-07:partial; ? lists them)",
                           lambda t: resolve_recommendations(model, t), default="",
                           listing=lambda: choices_text(model, "recommendation", lang))
    d.start = ask("Start date", lambda t: resolve_date_in_plan(model, t), default=f"{d.start:%d.%m.%Y}")
    d.end = ask("End date", lambda t: _not_before(resolve_date_in_plan(model, t), d.start),
                default=f"{d.end:%d.%m.%Y}")
    _ask_milestones(model, d)
    _ask_budget(model, d)
    return d


def _ask_milestones(model: PlanModel, d: MeasureDraft) -> None:
    click.echo("Milestones: what is delivered, and when (empty date: no more).")
    while True:
        n = len(d.milestones) + 1
        due = ask(f"Milestone {n}, due date", lambda t: None if not t.strip() else _within(
            resolve_date_in_plan(model, t), d), default="")
        if due is None:
            return
        deliverable = {language: ask(f"Milestone {n}, deliverable ({language})",
                                     lambda t, language=language: resolve_text(language, t))
                       for language in model.plan.languages}
        d.milestones.append((due, deliverable))


def _ask_budget(model: PlanModel, d: MeasureDraft) -> None:
    plan = model.plan
    click.echo(f"Budget in {plan.currency} per year (empty: nothing that year).")
    for year in range(d.start.year, d.end.year + 1):
        amount = ask(f"Amount in {year}", lambda t: None if not t.strip() else resolve_amount(t), default="")
        if amount:
            d.budget.append((year, amount))
    if not d.budget:
        return
    sources = [f.id for f in plan.funding_sources]
    if len(sources) == 1:
        d.funding_source = sources[0]
    else:
        d.funding_source = ask(f"Funding source ({', '.join(sources)})", lambda t: _one_of(t, sources),
                               default=sources[0] if sources else None)
    d.new_money = ask("Is it new money (not already in the agencies' budgets)? [y/n]", _yes_no, default="y")


def _no_lead(agencies: list[str], lead: str) -> list[str]:
    if lead in agencies:
        raise NewMeasureError(f"'{lead}' is the lead; list only the other agencies")
    return agencies


def _not_before(day: dt.date, start: dt.date) -> dt.date:
    if day < start:
        raise NewMeasureError(f"the measure cannot end before it starts ({start:%d.%m.%Y})")
    return day


def _within(day: dt.date, d: MeasureDraft) -> dt.date:
    if not d.start <= day <= d.end:
        raise NewMeasureError(f"the measure runs {d.start:%d.%m.%Y}–{d.end:%d.%m.%Y}; a milestone falls inside")
    return day
