"""The plan model: frozen dataclasses, each remembering where in which file it came from.

`Src` keeps (document, path) rather than a resolved line:col, so positions are looked up only
for objects that a finding is about.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterator

from ..findings import Pos

if TYPE_CHECKING:
    from ..load.yaml_doc import Document

__all__ = [
    "Src", "Text", "Objective", "FundingSource", "Plan", "Agency", "Source", "Response", "Recommendation",
    "Point", "Indicator", "Partner", "Implementation", "Milestone", "Timeline", "BudgetLine",
    "MeasureIndicator", "Measure", "ProgressEntry", "SpentLine", "MilestoneReached", "IndicatorActual",
    "PlanModel", "PILLARS", "BudgetPolicy",
    "Version", "Consultation", "PointResponse", "ConsultationPoint", "Submission", "AccessibilitySettings",
]

PILLARS = ("prevention", "protection", "prosecution", "partnership", "coordination")


@dataclass(frozen=True, slots=True)
class Src:
    doc: "Document | None" = field(compare=False, repr=False, default=None)
    path: tuple = ()

    def at(self, *more: str | int) -> "Src":
        return Src(self.doc, self.path + more)

    @property
    def file(self) -> str:
        return self.doc.file if self.doc is not None else ""

    def pos(self, *, key: bool = False) -> Pos:
        if self.doc is None:
            return Pos("")
        return self.doc.locate(self.path, key=key)


@dataclass(frozen=True, slots=True)
class Text:
    """Localised text. `plain` is a text given once for every language; `by_lang` holds
    per-language variants in the order written."""

    by_lang: tuple[tuple[str, str], ...] = ()
    plain: str | None = None

    @staticmethod
    def of(value: object) -> "Text":
        if value is None:
            return Text()
        if isinstance(value, dict):
            return Text(tuple((str(k), str(v)) for k, v in value.items()))
        return Text(plain=str(value))

    def __bool__(self) -> bool:
        return self.plain is not None or bool(self.by_lang)

    def has(self, lang: str) -> bool:
        return self.plain is not None or any(k == lang for k, _ in self.by_lang)

    def get(self, lang: str, fallback: tuple[str, ...] = ()) -> str:
        """The text in `lang`, else in the first fallback language that has it, else any."""
        if self.plain is not None:
            return self.plain
        d = dict(self.by_lang)
        for candidate in (lang, *fallback):
            if candidate in d:
                return d[candidate]
        return next(iter(d.values()), "")

    def languages(self) -> tuple[str, ...]:
        return tuple(k for k, _ in self.by_lang)

    def as_json(self, languages: tuple[str, ...]) -> dict[str, str] | None:
        if not self:
            return None
        return {lang: self.get(lang, languages) for lang in languages}


@dataclass(frozen=True, slots=True)
class Objective:
    id: str
    title: Text
    description: Text
    pillar: str
    src: Src = Src()


@dataclass(frozen=True, slots=True)
class FundingSource:
    id: str
    name: Text
    description: Text
    src: Src = Src()


@dataclass(frozen=True, slots=True)
class BudgetPolicy:
    """What the plan text promises about its money (plan.yaml budget_policy)."""

    new_money_share_max: float | None = None
    require_chapter: bool = False
    src: Src = Src()


@dataclass(frozen=True, slots=True)
class AccessibilitySettings:
    """plan.yaml `accessibility`: what the website's accessibility statement says about who answers."""

    responsible: str | None = None  # agency id; None: the plan's responsible agency
    contact: str | None = None  # e-mail address or https:// form for feedback
    date: dt.date | None = None  # last reviewed
    uustatus: str | None = None  # the statement registered on uustatus.no
    deviations: tuple[Text, ...] = ()  # known deviations the plan adds to napkit's own list
    src: Src = Src()


def judged(unchecked: frozenset[str], field_name: str) -> bool:
    """False when the field, a part of it or the field it is part of failed its schema: its
    finding is already out, and a rule that judged the stand-in would only repeat it."""
    return not any(u == field_name or u.startswith(field_name + ".") or field_name.startswith(u + ".")
                   for u in unchecked)


@dataclass(frozen=True, slots=True)
class Plan:
    id: str
    title: Text
    subtitle: Text
    country: Text
    start_year: int
    end_year: int
    languages: tuple[str, ...]
    currency: str
    responsible: str
    version: str
    date: dt.date | None
    introduction: Text
    budget_note: Text
    objectives: tuple[Objective, ...]
    funding_sources: tuple[FundingSource, ...]
    reporting_periods: tuple[str, ...]
    src: Src = Src()
    adoption: dt.date | None = None
    budget_policy: BudgetPolicy = BudgetPolicy()
    # plan-quality rule code -> "off" | "info" | "warning" | "error" (plan.yaml `quality`)
    quality: tuple[tuple[str, str], ...] = ()
    # plan.yaml `versions` (oldest first) and `consultation` (built in model/consultation.py)
    versions: tuple["Version", ...] = ()
    consultation: "Consultation | None" = None
    licence: str | None = None  # SPDX id of the open licence of the plan's data (plan.yaml `licence`)
    accessibility: AccessibilitySettings = AccessibilitySettings()
    # fields that failed their schema and hold a stand-in (model/repair.py): rules do not judge them
    unchecked: frozenset[str] = frozenset()

    def judged(self, field_name: str) -> bool:
        return judged(self.unchecked, field_name)

    @property
    def years(self) -> range:
        return range(self.start_year, self.end_year + 1)

    @property
    def start(self) -> dt.date:
        return dt.date(self.start_year, 1, 1)

    @property
    def end(self) -> dt.date:
        return dt.date(self.end_year, 12, 31)

    @property
    def default_language(self) -> str:
        return self.languages[0]


@dataclass(frozen=True, slots=True)
class Agency:
    id: str
    name: Text
    abbreviation: Text
    kind: str
    parent: str | None
    url: str | None
    src: Src = Src()
    independent: bool = False  # the government cannot instruct it


@dataclass(frozen=True, slots=True)
class Source:
    """A source document whose recommendations the plan answers (one catalog file)."""

    id: str
    title: Text
    short_title: Text
    author: Text
    date: dt.date | None
    url: str | None
    file: str
    src: Src = Src()
    language: str = "en"  # what the document (and so a quote from it) is written in


@dataclass(frozen=True, slots=True)
class Response:
    status: str  # accepted | partly | noted
    justification: Text


@dataclass(frozen=True, slots=True)
class Recommendation:
    id: str
    source: str
    section: str | None
    paragraph: int | None
    page: int | None
    summary: Text
    quote: str | None
    pillar: str
    theme: str | None
    strength: str | None
    response: Response
    related: tuple[str, ...]
    item: int | None = None
    src: Src = Src()
    same_as: tuple[str, ...] = ()  # the same ask made elsewhere (symmetric in meaning)

    @property
    def reference(self) -> str:
        """'§ 27', 'VII.2 (3)' or 'VII.2, § 85': where the ask stands in its source."""
        parts = []
        if self.section:
            parts.append(self.section + (f" ({self.item})" if self.item else ""))
        if self.paragraph is not None:
            parts.append(f"§ {self.paragraph}")
        return ", ".join(parts)


@dataclass(frozen=True, slots=True)
class Point:
    year: int
    value: float
    source: Text = Text()


@dataclass(frozen=True, slots=True)
class Indicator:
    id: str
    name: Text
    definition: Text
    unit: Text
    source: Text
    baseline: tuple[Point, ...]
    targets: tuple[Point, ...]
    src: Src = Src()
    direction: str | None = None  # increase | decrease | maintain
    unit_kind: str | None = None  # count | percent | money | other
    baseline_note: Text = Text()
    at_most: tuple[str, ...] = ()  # indicators this one cannot exceed in the same year


@dataclass(frozen=True, slots=True)
class Partner:
    agency: str
    role: Text
    src: Src = Src()


@dataclass(frozen=True, slots=True)
class Implementation:
    recommendation: str
    extent: str  # full | partial
    note: Text
    src: Src = Src()


@dataclass(frozen=True, slots=True)
class Milestone:
    id: str
    due: dt.date
    deliverable: Text
    src: Src = Src()


@dataclass(frozen=True, slots=True)
class Timeline:
    start: dt.date
    end: dt.date
    milestones: tuple[Milestone, ...]
    src: Src = Src()


@dataclass(frozen=True, slots=True)
class BudgetLine:
    year: int
    amount: float
    currency: str
    source: str
    new_money: bool
    chapter: str | None
    src: Src = Src()
    post: str | None = None


@dataclass(frozen=True, slots=True)
class MeasureIndicator:
    indicator: str
    baseline: Point | None
    target: Point
    src: Src = Src()


@dataclass(frozen=True, slots=True)
class Measure:
    id: str
    objective: str
    title: Text
    description: Text
    lead: str
    partners: tuple[Partner, ...]
    implements: tuple[Implementation, ...]
    timeline: Timeline
    budget: tuple[BudgetLine, ...]
    indicators: tuple[MeasureIndicator, ...]
    status: str
    file: str
    src: Src = Src()
    commitment: str = "government"  # government | invitation | own
    after: tuple[str, ...] = ()  # measures this one builds on
    # fields that failed their schema and hold a stand-in (model/repair.py): rules do not judge them
    unchecked: frozenset[str] = frozenset()

    def judged(self, field_name: str) -> bool:
        return judged(self.unchecked, field_name)

    @property
    def total_budget(self) -> float:
        return sum(line.amount for line in self.budget)

    @property
    def agencies(self) -> tuple[str, ...]:
        return (self.lead, *(p.agency for p in self.partners))


@dataclass(frozen=True, slots=True)
class SpentLine:
    year: int
    amount: float
    src: Src = Src()


@dataclass(frozen=True, slots=True)
class MilestoneReached:
    id: str
    reached: dt.date
    src: Src = Src()


@dataclass(frozen=True, slots=True)
class IndicatorActual:
    indicator: str
    year: int
    value: float
    source: Text
    src: Src = Src()


@dataclass(frozen=True, slots=True)
class ProgressEntry:
    measure: str
    period: str
    reported_by: str
    date: dt.date
    status: str  # not-started | on-track | delayed | completed | cancelled
    completion: int | None
    done: Text
    spent: tuple[SpentLine, ...]
    milestones: tuple[MilestoneReached, ...]
    indicators: tuple[IndicatorActual, ...]
    example: bool
    file: str
    src: Src = Src()


@dataclass(frozen=True, slots=True)
class Version:
    """A released version of the plan (plan.yaml `versions`)."""
    version: str
    date: dt.date | None
    status: str  # draft | consultation | adopted | revised
    ref: str | None  # git tag or commit; None for the newest = the working tree
    note: Text
    src: Src = Src()


@dataclass(frozen=True, slots=True)
class Consultation:
    """The public consultation (høring) on the plan (plan.yaml `consultation`)."""
    opens: dt.date
    closes: dt.date
    how_to_respond: Text
    url: str | None
    src: Src = Src()

    def is_open(self, today: dt.date) -> bool:
        return self.opens <= today <= self.closes


@dataclass(frozen=True, slots=True)
class PointResponse:
    """The reasoned response to one point of a consultation response."""
    decision: str  # adopted | partly | not-adopted | noted
    rationale: Text
    changed: tuple[str, ...]  # measure ids the point changed
    src: Src = Src()


@dataclass(frozen=True, slots=True)
class ConsultationPoint:
    id: str
    about: str  # a measure, recommendation or objective id, or "general"
    summary: Text
    response: PointResponse | None
    src: Src = Src()


@dataclass(frozen=True, slots=True)
class Submission:
    """One respondent's consultation response (høringssvar), plan/consultation/<id>.yaml."""
    id: str  # the file name without extension
    file: str
    respondent: Text
    respondent_kind: str  # ngo | municipality | agency | business | academic | individual | other
    date: dt.date | None
    url: str | None
    points: tuple[ConsultationPoint, ...]
    src: Src = Src()


@dataclass(frozen=True, slots=True)
class PlanModel:
    """The whole plan. Dicts keep file/source order; ids are unique within each."""

    plan: Plan
    agencies: dict[str, Agency]
    sources: tuple[Source, ...]
    recommendations: dict[str, Recommendation]
    indicators: dict[str, Indicator]
    measures: dict[str, Measure]
    progress: tuple[ProgressEntry, ...] = ()
    submissions: tuple[Submission, ...] = ()  # consultation responses, by file name

    @property
    def objectives(self) -> dict[str, Objective]:
        return {o.id: o for o in self.plan.objectives}

    @property
    def languages(self) -> tuple[str, ...]:
        return self.plan.languages

    def recommendations_of(self, source_id: str) -> list[Recommendation]:
        return [r for r in self.recommendations.values() if r.source == source_id]

    def measures_of(self, objective_id: str) -> list[Measure]:
        return [m for m in self.measures.values() if m.objective == objective_id]

    def texts(self) -> Iterator[tuple[Text, Src]]:
        """Every localised text with where it stands (for the translation check)."""
        p = self.plan
        for name in ("title", "subtitle", "country", "introduction", "budget_note"):
            yield getattr(p, name), p.src.at(name)
        for o in p.objectives:
            yield o.title, o.src.at("title")
            yield o.description, o.src.at("description")
        for f in p.funding_sources:
            yield f.name, f.src.at("name")
            yield f.description, f.src.at("description")
        for a in self.agencies.values():
            yield a.name, a.src.at("name")
            yield a.abbreviation, a.src.at("abbreviation")
        for s in self.sources:
            for name in ("title", "short_title", "author"):
                yield getattr(s, name), s.src.at(name)
        for r in self.recommendations.values():
            yield r.summary, r.src.at("summary")
            yield r.response.justification, r.src.at("response", "justification")
        for i in self.indicators.values():
            for name in ("name", "definition", "unit", "source", "baseline_note"):
                yield getattr(i, name), i.src.at(name)
        for m in self.measures.values():
            yield m.title, m.src.at("title")
            yield m.description, m.src.at("description")
            for p_ in m.partners:
                yield p_.role, p_.src.at("role")
            for imp in m.implements:
                yield imp.note, imp.src.at("note")
            for ms in m.timeline.milestones:
                yield ms.deliverable, ms.src.at("deliverable")
        for e in self.progress:
            yield e.done, e.src.at("done")
            for x in e.indicators:
                yield x.source, x.src.at("source")
        for v in p.versions:
            yield v.note, v.src.at("note")
        if p.consultation is not None:
            yield p.consultation.how_to_respond, p.consultation.src.at("how_to_respond")
        for sub in self.submissions:
            yield sub.respondent, sub.src.at("respondent", "name")
            for point in sub.points:
                yield point.summary, point.src.at("summary")
                if point.response is not None:
                    yield point.response.rationale, point.response.src.at("rationale")
