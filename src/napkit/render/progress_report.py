"""The implementation report for one period as format-neutral tables, shared by the site's status
dashboard and the report documents (DOCX/PDF): what a monitor reads, in one language.

Cells are plain strings, or `Ref`s that each renderer turns into a link of its own kind."""

from __future__ import annotations

from dataclasses import dataclass

from ..analyse.progress import REPORT_STATUSES, PeriodProgress
from ..model import PlanModel
from ..util import fmt

WORDS: dict[str, dict[str, str]] = {
    "report_title": {"nb": "Gjennomføringsrapport {period}", "en": "Implementation report {period}"},
    "progress": {"nb": "Framdrift", "en": "Progress"},
    "example_warning": {
        "nb": "Eksempeldata: Framdriften som vises her, er eksempeldata for demonstrasjon og beskriver ikke faktisk gjennomføring.",
        "en": "Example data: the progress shown here is example data for demonstration and does not describe real implementation."},
    "summary": {"nb": "Sammendrag", "en": "Summary"},
    "measures_reported": {"nb": "Tiltak som har rapportert", "en": "Measures reported"},
    "mean_completion": {"nb": "Gjennomsnittlig fullføringsgrad", "en": "Average completion"},
    "milestones_met": {"nb": "Milepæler nådd av dem som forfalt", "en": "Milestones met of those due"},
    "spent_of_budget": {"nb": "Brukt av budsjett så langt", "en": "Spent of budget to date"},
    "by_status": {"nb": "Tiltak etter status", "en": "Measures by status"},
    "by_objective": {"nb": "Framdrift per mål", "en": "Progress by objective"},
    "by_agency": {"nb": "Budsjett og forbruk per ansvarlig virksomhet", "en": "Budget and spending by lead agency"},
    "by_measure": {"nb": "Framdrift per tiltak", "en": "Progress by measure"},
    "indicators": {"nb": "Indikatorer: utgangsverdi, faktisk verdi og mål", "en": "Indicators: baseline, actual and target"},
    "recommendations": {"nb": "Anbefalingene: status for tiltakene som svarer på dem",
                        "en": "Recommendations: status of the measures answering them"},
    "status": {"nb": "Status", "en": "Status"},
    "count": {"nb": "Antall", "en": "Number"},
    "measures": {"nb": "Tiltak", "en": "Measures"},
    "measure": {"nb": "Tiltak", "en": "Measure"},
    "objective": {"nb": "Mål", "en": "Objective"},
    "lead": {"nb": "Ansvarlig", "en": "Lead"},
    "completion": {"nb": "Fullført", "en": "Completion"},
    "milestones": {"nb": "Milepæler (nådd/forfalt)", "en": "Milestones (met/due)"},
    "budget_to_date": {"nb": "Budsjett så langt", "en": "Budget to date"},
    "spent_to_date": {"nb": "Brukt så langt", "en": "Spent to date"},
    "rate": {"nb": "Andel", "en": "Share"},
    "done": {"nb": "Hva er gjort", "en": "What was done"},
    "indicator": {"nb": "Indikator", "en": "Indicator"},
    "baseline": {"nb": "Utgangsverdi", "en": "Baseline"},
    "actual": {"nb": "Faktisk", "en": "Actual"},
    "target": {"nb": "Mål", "en": "Target"},
    "recommendation": {"nb": "Anbefaling", "en": "Recommendation"},
    "state": {"nb": "Gjennomføring", "en": "Implementation"},
    "answered_by": {"nb": "Tiltak (status)", "en": "Measures (status)"},
    "total": {"nb": "Sum", "en": "Total"},
    "no_reports_yet": {"nb": "Det er ikke rapportert framdrift ennå.", "en": "No progress has been reported yet."},
    "first_report": {"nb": "De ansvarlige virksomhetene rapporterer framdrift for hvert tiltak etter hver rapporteringsperiode: {periods}. Rapportene publiseres her.",
                     "en": "The lead agencies report progress on every measure after each reporting period: {periods}. The reports are published here."},
    "no_entries": {"nb": "Ingen tiltak har rapportert for perioden ennå.", "en": "No measure has reported for this period yet."},
    "s.not-started": {"nb": "Ikke startet", "en": "Not started"},
    "s.on-track": {"nb": "I rute", "en": "On track"},
    "s.delayed": {"nb": "Forsinket", "en": "Delayed"},
    "s.completed": {"nb": "Fullført", "en": "Completed"},
    "s.cancelled": {"nb": "Avlyst", "en": "Cancelled"},
    "s.not-reported": {"nb": "Ikke rapportert", "en": "Not reported"},
    "s.no-measure": {"nb": "Uten tiltak", "en": "No measure"},
}


def word(key: str, lang: str, **values: object) -> str:
    entry = WORDS[key]
    text = entry.get(lang) or entry["en"]
    return text.format(**values) if values else text


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
    status = lambda s: word("s." + s, lang)  # noqa: E731

    def agency(ident: str) -> Ref:
        a = model.agencies.get(ident)
        return Ref("agency", ident, (text(a.abbreviation) or text(a.name)) if a else ident)

    total = len(progress.measures)
    m = progress.milestones
    figures = (
        (f"{progress.reported} / {total}", word("measures_reported", lang)),
        (_pct(progress.completion, lang), word("mean_completion", lang)),
        (f"{m.met} / {m.due}", word("milestones_met", lang)),
        (_pct(progress.spending.rate, lang), word("spent_of_budget", lang)),
    )
    sections = [Section(
        "by_status", word("by_status", lang), (word("status", lang), word("count", lang)),
        tuple((status(s), str(progress.by_status.get(s, 0))) for s in REPORT_STATUSES),
        numeric=(1,), widths=(0.7, 0.3), foot=(word("total", lang), str(total)))]

    rows = []
    for oid, g in progress.by_objective.items():
        o = model.objectives.get(oid)
        counts = ", ".join(f"{status(s)} {n}" for s, n in g.by_status.items() if n)
        rows.append((Ref("objective", oid, f"{oid} {text(o.title) if o else ''}".strip()), counts,
                     _pct(g.completion, lang), f"{g.milestones.met} / {g.milestones.due}",
                     money(g.spending.planned_to_date), money(g.spending.spent_to_date)))
    sections.append(Section("by_objective", word("by_objective", lang),
                            (word("objective", lang), word("measures", lang), word("completion", lang),
                             word("milestones", lang), word("budget_to_date", lang), word("spent_to_date", lang)),
                            tuple(rows), numeric=(2, 3, 4, 5), widths=(0.24, 0.2, 0.12, 0.14, 0.15, 0.15)))

    rows = [(agency(aid), str(len(g.measures)), money(g.spending.planned_to_date), money(g.spending.spent_to_date),
             _pct(g.spending.rate, lang)) for aid, g in progress.by_agency.items()]
    s = progress.spending
    sections.append(Section("by_agency", word("by_agency", lang),
                            (word("lead", lang), word("measures", lang), word("budget_to_date", lang),
                             word("spent_to_date", lang), word("rate", lang)),
                            tuple(rows), numeric=(1, 2, 3, 4), widths=(0.3, 0.12, 0.22, 0.22, 0.14),
                            foot=(word("total", lang), str(total), money(s.planned_to_date), money(s.spent_to_date),
                                  _pct(s.rate, lang))))

    rows = []
    for mid, mp in progress.measures.items():
        measure = model.measures[mid]
        rows.append((Ref("measure", mid, f"{mid} {text(measure.title)}"), agency(mp.lead), status(mp.status),
                     _pct(mp.completion, lang), f"{mp.milestone_counts.met} / {mp.milestone_counts.due}",
                     text(mp.done) or "–"))
    sections.append(Section("by_measure", word("by_measure", lang),
                            (word("measure", lang), word("lead", lang), word("status", lang), word("completion", lang),
                             word("milestones", lang), word("done", lang)),
                            tuple(rows), numeric=(3, 4), widths=(0.24, 0.1, 0.1, 0.11, 0.1, 0.35)))

    rows = []
    for iid, ip in progress.indicators.items():
        ind = model.indicators.get(iid)
        point = lambda p: f"{fmt.plain_number(p.value, lang)} ({p.year})" if p else "–"  # noqa: E731
        rows.append((text(ind.name) if ind else iid, point(ip.baseline), point(ip.actual), point(ip.target)))
    sections.append(Section("indicators", word("indicators", lang),
                            (word("indicator", lang), word("baseline", lang), word("actual", lang), word("target", lang)),
                            tuple(rows), numeric=(1, 2, 3), widths=(0.46, 0.18, 0.18, 0.18)))

    rows = []
    for rid, rp in progress.recommendations.items():
        if rp.response == "noted":
            continue
        answered = ", ".join(f"{x.measure} ({status(x.status).lower()})" for x in rp.measures) or "–"
        rows.append((Ref("recommendation", rid, rid), status(rp.state), answered))
    sections.append(Section("recommendations", word("recommendations", lang),
                            (word("recommendation", lang), word("state", lang), word("answered_by", lang)),
                            tuple(rows), widths=(0.2, 0.2, 0.6)))
    return Report(word("report_title", lang, period=progress.period.id), progress.period.id, progress.example,
                  figures, tuple(sections))
