"""Coverage: which measures answer each recommendation, and how fully.

Status of a recommendation:
  covered   at least one measure implements it fully
  partial   only measures that implement it in part
  uncovered no measure, although the response is accepted or partly accepted
  noted     the government only noted it (no measure needed; a justification is)
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..model import PlanModel

STATUSES = ("covered", "partial", "uncovered", "noted")


@dataclass(frozen=True, slots=True)
class Answer:
    measure: str
    extent: str  # full | partial


@dataclass(frozen=True, slots=True)
class RecommendationCoverage:
    recommendation: str
    response: str
    answers: tuple[Answer, ...]
    status: str

    @property
    def measures(self) -> tuple[str, ...]:
        return tuple(a.measure for a in self.answers)


@dataclass(frozen=True, slots=True)
class Coverage:
    by_recommendation: dict[str, RecommendationCoverage]
    by_source: dict[str, dict[str, int]]  # source id → status → count

    @property
    def counts(self) -> dict[str, int]:
        c = Counter(rc.status for rc in self.by_recommendation.values())
        return {s: c.get(s, 0) for s in STATUSES}

    @property
    def to_answer(self) -> int:
        """Recommendations that need a measure (accepted or partly accepted)."""
        return sum(1 for rc in self.by_recommendation.values() if rc.response != "noted")

    @property
    def answered(self) -> int:
        return sum(1 for rc in self.by_recommendation.values()
                   if rc.response != "noted" and rc.status in ("covered", "partial"))

    @property
    def percent(self) -> float:
        """Share of recommendations needing a measure that have one (100 when none need one)."""
        return 100.0 if not self.to_answer else round(100.0 * self.answered / self.to_answer, 1)

    def gaps(self) -> list[RecommendationCoverage]:
        return [rc for rc in self.by_recommendation.values() if rc.status == "uncovered"]


def coverage_of(model: PlanModel) -> Coverage:
    answers: dict[str, list[Answer]] = {rid: [] for rid in model.recommendations}
    for m in model.measures.values():
        for imp in m.implements:
            if imp.recommendation in answers and all(a.measure != m.id for a in answers[imp.recommendation]):
                answers[imp.recommendation].append(Answer(m.id, imp.extent))
    by_rec: dict[str, RecommendationCoverage] = {}
    by_source: dict[str, Counter] = {s.id: Counter() for s in model.sources}
    for rid, rec in model.recommendations.items():
        got = tuple(answers[rid])
        if any(a.extent == "full" for a in got):
            status = "covered"
        elif got:
            status = "partial"
        elif rec.response.status == "noted":
            status = "noted"
        else:
            status = "uncovered"
        by_rec[rid] = RecommendationCoverage(rid, rec.response.status, got, status)
        by_source.setdefault(rec.source, Counter())[status] += 1
    return Coverage(by_rec, {s: {k: c.get(k, 0) for k in STATUSES} for s, c in by_source.items()})
