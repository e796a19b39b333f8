"""What `nap diff` finds, as data: one `ItemChange` per plan object (or file) that changed, each
holding its field-level `Change`s with the position in the file; the lead facts a coordinator
decides on (responses, targets, deadlines, coverage, money) are collected beside them."""

from __future__ import annotations

from dataclasses import dataclass, field

from ...findings import Finding, Pos

# Kinds of plan object in the order the report shows their details.
KINDS = ("plan", "objective", "funding_source", "reporting_period", "agency", "source", "recommendation",
         "indicator", "measure", "progress", "page", "other")


@dataclass(frozen=True, slots=True)
class Change:
    """One field that changed, the old and new value in words. `note` is a direction
    (raised, lowered); `pos` is where the new value stands (the old one when it was removed)."""

    field: str
    before: str
    after: str
    note: str = ""
    pos: Pos = Pos("")


@dataclass(frozen=True, slots=True)
class ItemChange:
    kind: str  # one of KINDS
    id: str
    title: str
    state: str  # added | removed | changed
    changes: tuple[Change, ...] = ()
    pos: Pos = Pos("")
    errors: int = 0  # errors of its file in the head revision (compared from the file, not the model)


@dataclass(frozen=True, slots=True)
class CoverageChange:
    recommendation: str
    before: str  # covered | partial | uncovered | noted | absent
    after: str
    measures_before: tuple[str, ...]
    measures_after: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ResponseChange:
    recommendation: str
    before: str
    after: str
    justification: str  # unchanged | added | removed | rewritten
    pos: Pos = Pos("")

    @property
    def justification_changed(self) -> bool:
        return self.justification != "unchanged"


@dataclass(frozen=True, slots=True)
class TargetChange:
    """A target (or baseline) of an indicator, in the registry or in a measure, moved."""

    subject: str  # IND-CASES, or M-01 / IND-CASES
    what: str  # "target 2030", "baseline 2023"
    before: str
    after: str
    note: str  # raised | lowered | added | removed
    pos: Pos = Pos("")


@dataclass(frozen=True, slots=True)
class Suspect:
    """A link between a recommendation and a measure that answers it, one end of which changed:
    the answer should be read again (Doorstop's review stamps)."""

    recommendation: str
    measure: str
    changed: str  # "recommendation" | "measure": which end changed
    what: str  # the fields that changed, in words
    pos: Pos = Pos("")


@dataclass
class PlanDiff:
    lang: str
    currency: str
    items: list[ItemChange] = field(default_factory=list)
    newly_uncovered: list[CoverageChange] = field(default_factory=list)
    newly_covered: list[CoverageChange] = field(default_factory=list)
    other_coverage: list[CoverageChange] = field(default_factory=list)  # e.g. full → partial
    responses_changed: list[ResponseChange] = field(default_factory=list)
    targets: list[TargetChange] = field(default_factory=list)
    suspects: list[Suspect] = field(default_factory=list)
    coverage_before: float = 0.0
    coverage_after: float = 0.0
    years: list[int] = field(default_factory=list)
    budget_by_year: dict[int, tuple[float, float]] = field(default_factory=dict)
    budget_by_agency: dict[str, dict[int, tuple[float, float]]] = field(default_factory=dict)
    total_before: float = 0.0
    total_after: float = 0.0
    timeline: list[tuple[str, str, str, str]] = field(default_factory=list)  # (measure, what, before, after)
    new_findings: list[Finding] = field(default_factory=list)
    fixed_findings: int = 0
    base_readable: bool = True
    head_readable: bool = True

    def of_kind(self, kind: str, state: str | None = None) -> list[ItemChange]:
        return [i for i in self.items if i.kind == kind and (state is None or i.state == state)]

    # the measure lists the report and older callers read
    @property
    def added(self) -> list[tuple[str, str]]:
        return [(i.id, i.title) for i in self.of_kind("measure", "added")]

    @property
    def removed(self) -> list[tuple[str, str]]:
        return [(i.id, i.title) for i in self.of_kind("measure", "removed")]

    @property
    def changed(self) -> list[ItemChange]:
        return self.of_kind("measure", "changed")

    @property
    def change_count(self) -> int:
        """Field-level changes plus added/removed objects: what "N changed" counts."""
        return sum(max(1, len(i.changes)) for i in self.items)

    @property
    def files_changed(self) -> list[str]:
        files = {i.pos.file for i in self.items} | {c.pos.file for i in self.items for c in i.changes}
        return sorted(f for f in files if f)

    @property
    def coverage_worse(self) -> bool:
        return bool(self.newly_uncovered) or self.coverage_after < self.coverage_before

    @property
    def is_empty(self) -> bool:
        return not (self.items or self.newly_uncovered or self.newly_covered or self.other_coverage
                    or self.new_findings or self.total_before != self.total_after)
