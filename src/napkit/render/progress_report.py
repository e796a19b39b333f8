"""The implementation report for one period as format-neutral tables, shared by the site's status
dashboard and the report documents (DOCX/PDF): what a monitor reads, in one language.

Cells are plain strings, or `Ref`s that each renderer turns into a link of its own kind."""

from __future__ import annotations

from dataclasses import dataclass

from ..analyse.progress import REPORT_STATUSES, PeriodProgress
from ..model import PlanModel
from ..locale import _
from ..util import fmt
from .i18n import term


@dataclass(frozen=True, slots=True)
class Ref:
    """A cell that links to a page of the plan: kind is measure | objective | agency | recommendation."""

    kind: str
    ident: str
    text: str


Cell = str | Ref


@dataclass(frozen=True, slots=True)
class Section:
    key: str
    title: str
    head: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    numeric: tuple[int, ...] = ()
    widths: tuple[float, ...] = ()
    foot: tuple[Cell, ...] | None = None


@dataclass(frozen=True, slots=True)
class Report:
    title: str
    period: str
    example: bool
    figures: tuple[tuple[str, str], ...]  # (value, what it is)
    sections: tuple[Section, ...]


def _pct(value: float | None, lang: str) -> str:
    return "–" if value is None else f"{fmt.plain_number(value, lang)}\u00a0%"


def report_of(model: PlanModel, progress: PeriodProgress, lang: str) -> Report:
    langs = model.languages
    text = lambda t: t.get(lang, langs) if t else ""  # noqa: E731
    money = lambda v: fmt.money(v, lang, progress.currency)  # noqa: E731
    status = lambda s: term("progress_status", s, lang)  # noqa: E731

    def agency(ident: str) -> Ref:
        a = model.agencies.get(ident)
        return Ref("agency", ident, (text(a.abbreviation) or text(a.name)) if a else ident)

    total = len(progress.measures)
    m = progress.milestones
    figures = (
        (f"{progress.reported} / {total}", _("Measures reported", lang)),
        (_pct(progress.completion, lang), _("Average completion", lang)),
        (f"{m.met} / {m.due}", _("Milestones met of those due", lang)),
        (_pct(progress.spending.rate, lang), _("Spent of budget to date", lang)),
    )
    sections = [Section(
        "by_status", _("Measures by status", lang), (_("Status", lang), _("Number", lang)),
        tuple((status(s), str(progress.by_status.get(s, 0))) for s in REPORT_STATUSES),
        numeric=(1,), widths=(0.7, 0.3), foot=(_("Total", lang), str(total)))]

    rows = []
    for oid, g in progress.by_objective.items():
        o = model.objectives.get(oid)
        counts = ", ".join(f"{status(s)} {n}" for s, n in g.by_status.items() if n)
        rows.append((Ref("objective", oid, f"{oid} {text(o.title) if o else ''}".strip()), counts,
                     _pct(g.completion, lang), f"{g.milestones.met} / {g.milestones.due}",
                     money(g.spending.planned_to_date), money(g.spending.spent_to_date)))
    sections.append(Section("by_objective", _("Progress by objective", lang),
                            (_("Objective", lang), _("Measures", lang), _("Completion", lang),
                             _("Milestones (met/due)", lang), _("Budget to date", lang), _("Spent to date", lang)),
                            tuple(rows), numeric=(2, 3, 4, 5), widths=(0.24, 0.2, 0.12, 0.14, 0.15, 0.15)))

    rows = [(agency(aid), str(len(g.measures)), money(g.spending.planned_to_date), money(g.spending.spent_to_date),
             _pct(g.spending.rate, lang)) for aid, g in progress.by_agency.items()]
    s = progress.spending
    sections.append(Section("by_agency", _("Budget and spending by lead agency", lang),
                            (_("Lead", lang), _("Measures", lang), _("Budget to date", lang),
                             _("Spent to date", lang), _("Share", lang)),
                            tuple(rows), numeric=(1, 2, 3, 4), widths=(0.3, 0.12, 0.22, 0.22, 0.14),
                            foot=(_("Total", lang), str(total), money(s.planned_to_date), money(s.spent_to_date),
                                  _pct(s.rate, lang))))

    rows = []
    for mid, mp in progress.measures.items():
        measure = model.measures[mid]
        rows.append((Ref("measure", mid, f"{mid} {text(measure.title)}"), agency(mp.lead), status(mp.status),
                     _pct(mp.completion, lang), f"{mp.milestone_counts.met} / {mp.milestone_counts.due}",
                     text(mp.done) or "–"))
    sections.append(Section("by_measure", _("Progress by measure", lang),
                            (_("Measure", lang), _("Lead", lang), _("Status", lang), _("Completion", lang),
                             _("Milestones (met/due)", lang), _("What was done", lang)),
                            tuple(rows), numeric=(3, 4), widths=(0.2, 0.15, 0.13, 0.1, 0.1, 0.32)))

    rows = []
    for iid, ip in progress.indicators.items():
        ind = model.indicators.get(iid)
        point = lambda p: f"{fmt.plain_number(p.value, lang)} ({p.year})" if p else "–"  # noqa: E731
        rows.append((text(ind.name) if ind else iid, point(ip.baseline), point(ip.actual), point(ip.target)))
    sections.append(Section("indicators", _("Indicators: baseline, actual and target", lang),
                            (_("Indicator", lang), _("Baseline", lang), _("Actual", lang), _("Target", lang)),
                            tuple(rows), numeric=(1, 2, 3), widths=(0.46, 0.18, 0.18, 0.18)))

    rows = []
    for rid, rp in progress.recommendations.items():
        if rp.response == "noted":
            continue
        answered = ", ".join(f"{x.measure} ({status(x.status).lower()})" for x in rp.measures) or "–"
        rows.append((Ref("recommendation", rid, rid), status(rp.state), answered))
    sections.append(Section("recommendations", _("Recommendations: status of the measures answering them", lang),
                            (_("Recommendation", lang), _("Implementation", lang), _("Measures (status)", lang)),
                            tuple(rows), widths=(0.2, 0.2, 0.6)))
    return Report(_("Implementation report {period}", lang, period=progress.period.id), progress.period.id, progress.example,
                  figures, tuple(sections))
