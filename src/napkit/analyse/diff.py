"""What a change does to the plan: measures added/removed/changed (field by field), coverage,
budget and timeline — computed from two checked plans, for `nap diff BASE [HEAD]`."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any

from ..findings import Finding
from ..model import Measure, PlanModel, Text
from ..pipeline import Result


@dataclass(frozen=True, slots=True)
class Change:
    """One field of one measure that changed, with the old and new value in words."""

    field: str
    before: str
    after: str


@dataclass(frozen=True, slots=True)
class MeasureChange:
    id: str
    title: str
    changes: tuple[Change, ...]


@dataclass(frozen=True, slots=True)
class CoverageChange:
    recommendation: str
    before: str  # covered | partial | uncovered | noted | absent
    after: str
    measures_before: tuple[str, ...]
    measures_after: tuple[str, ...]


@dataclass
class PlanDiff:
    lang: str
    currency: str
    added: list[tuple[str, str]] = field(default_factory=list)  # (id, title)
    removed: list[tuple[str, str]] = field(default_factory=list)
    changed: list[MeasureChange] = field(default_factory=list)
    newly_uncovered: list[CoverageChange] = field(default_factory=list)
    newly_covered: list[CoverageChange] = field(default_factory=list)
    other_coverage: list[CoverageChange] = field(default_factory=list)  # e.g. full → partial
    recommendations_added: list[str] = field(default_factory=list)
    recommendations_removed: list[str] = field(default_factory=list)
    responses_changed: list[tuple[str, str, str]] = field(default_factory=list)
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

    @property
    def coverage_worse(self) -> bool:
        return bool(self.newly_uncovered) or self.coverage_after < self.coverage_before

    @property
    def is_empty(self) -> bool:
        return not (self.added or self.removed or self.changed or self.newly_uncovered or self.newly_covered
                    or self.other_coverage or self.recommendations_added or self.recommendations_removed
                    or self.responses_changed or self.new_findings or self.total_before != self.total_after)


def text_change(old: str, new: str, context: int = 4, width: int = 160) -> tuple[str, str]:
    """The first changed passage of a text, as a reviewer reads it: the words that differ with a
    few words around them, before and after, and how many other passages changed."""
    a, b = (old or "").split(), (new or "").split()
    spans = [op for op in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes() if op[0] != "equal"]
    if not spans:  # only whitespace differs
        return "(text)", "(whitespace changed)"
    _tag, i1, i2, j1, j2 = spans[0]

    def passage(words: list[str], start: int, end: int) -> str:
        lo, hi = max(0, start - context), min(len(words), end + context)
        text = " ".join(words[lo:hi])
        if len(text) > width:
            text = text[: width - 1] + "…"
        return ("…" if lo > 0 else "") + (text or "(nothing)") + ("…" if hi < len(words) else "")

    more = f" (+{len(spans) - 1} more change{'s' if len(spans) > 2 else ''})" if len(spans) > 1 else ""
    return passage(a, i1, i2), passage(b, j1, j2) + more


def _t(text: Text, lang: str, langs: tuple[str, ...]) -> str:
    return text.get(lang, langs) if text else ""


def _fmt_money(v: float) -> str:
    return f"{v:,.0f}"


def _measure_changes(a: Measure, b: Measure, lang: str, langs: tuple[str, ...]) -> list[Change]:
    out: list[Change] = []

    def add(name: str, x: Any, y: Any) -> None:
        if x != y:
            out.append(Change(name, str(x) if x not in (None, "") else "—", str(y) if y not in (None, "") else "—"))

    for language in langs:
        add(f"title ({language})", _t(a.title, language, langs), _t(b.title, language, langs))
    for language in langs:
        old_text, new_text = _t(a.description, language, langs), _t(b.description, language, langs)
        if old_text != new_text:
            out.append(Change(f"description ({language})", *text_change(old_text, new_text)))
    add("objective", a.objective, b.objective)
    add("lead agency", a.lead, b.lead)
    add("status", a.status, b.status)
    pa, pb = {p.agency for p in a.partners}, {p.agency for p in b.partners}
    for agency in sorted(pb - pa):
        out.append(Change("partner added", "—", agency))
    for agency in sorted(pa - pb):
        out.append(Change("partner removed", agency, "—"))
    ia, ib = {x.recommendation: x.extent for x in a.implements}, {x.recommendation: x.extent for x in b.implements}
    for rid in sorted(ib.keys() - ia.keys()):
        out.append(Change("now implements", "—", f"{rid} ({ib[rid]})"))
    for rid in sorted(ia.keys() - ib.keys()):
        out.append(Change("no longer implements", f"{rid} ({ia[rid]})", "—"))
    for rid in sorted(ia.keys() & ib.keys()):
        if ia[rid] != ib[rid]:
            out.append(Change(f"extent for {rid}", ia[rid], ib[rid]))
    add("start", a.timeline.start.isoformat(), b.timeline.start.isoformat())
    add("end", a.timeline.end.isoformat(), b.timeline.end.isoformat())
    ma = {m.id: m for m in a.timeline.milestones}
    mb = {m.id: m for m in b.timeline.milestones}
    for mid in sorted(mb.keys() - ma.keys()):
        out.append(Change(f"milestone {mid} added", "—", f"due {mb[mid].due} — {_t(mb[mid].deliverable, lang, langs)}"))
    for mid in sorted(ma.keys() - mb.keys()):
        out.append(Change(f"milestone {mid} removed", f"due {ma[mid].due}", "—"))
    for mid in sorted(ma.keys() & mb.keys()):
        add(f"milestone {mid} due", ma[mid].due.isoformat(), mb[mid].due.isoformat())
    ba, bb = _by_year(a), _by_year(b)
    for year in sorted(ba.keys() | bb.keys()):
        if ba.get(year, 0) != bb.get(year, 0):
            out.append(Change(f"budget {year}", _fmt_money(ba.get(year, 0)), _fmt_money(bb.get(year, 0))))
    xa = {x.indicator: x for x in a.indicators}
    xb = {x.indicator: x for x in b.indicators}
    for ind in sorted(xb.keys() - xa.keys()):
        out.append(Change("indicator added", "—", f"{ind} (target {xb[ind].target.value:g} in {xb[ind].target.year})"))
    for ind in sorted(xa.keys() - xb.keys()):
        out.append(Change("indicator removed", ind, "—"))
    for ind in sorted(xa.keys() & xb.keys()):
        ta, tb = xa[ind].target, xb[ind].target
        if (ta.value, ta.year) != (tb.value, tb.year):
            out.append(Change(f"target of {ind}", f"{ta.value:g} in {ta.year}", f"{tb.value:g} in {tb.year}"))
    return out


def _by_year(m: Measure) -> dict[int, float]:
    out: dict[int, float] = {}
    for line in m.budget:
        out[line.year] = out.get(line.year, 0) + line.amount
    return out


def _finding_key(f: Finding) -> tuple:
    # line numbers move when a file is edited: compare findings by what they say, not where
    return (f.code, f.pos.file, f.message)


def diff_plans(base: Result, head: Result, lang: str | None = None) -> PlanDiff:
    mb, mh = base.model, head.model
    ref = mh or mb
    langs = ref.languages if ref else ("en",)
    lang = lang or (langs[0] if langs else "en")
    d = PlanDiff(lang=lang, currency=ref.plan.currency if ref else "")
    d.base_readable, d.head_readable = mb is not None, mh is not None
    base_keys = {_finding_key(f) for f in base.findings.items}
    head_keys = {_finding_key(f) for f in head.findings.items}
    d.new_findings = [f for f in head.findings.sorted() if _finding_key(f) not in base_keys]
    d.fixed_findings = len(base_keys - head_keys)
    if mb is None or mh is None:
        return d
    _measures(d, mb, mh, lang, langs)
    _coverage(d, base, head)
    _budget(d, base, head, mb, mh)
    return d


def _measures(d: PlanDiff, mb: PlanModel, mh: PlanModel, lang: str, langs: tuple[str, ...]) -> None:
    for mid in mh.measures.keys() - mb.measures.keys():
        d.added.append((mid, _t(mh.measures[mid].title, lang, langs)))
    for mid in mb.measures.keys() - mh.measures.keys():
        d.removed.append((mid, _t(mb.measures[mid].title, lang, langs)))
    d.added.sort()
    d.removed.sort()
    for mid in sorted(mb.measures.keys() & mh.measures.keys()):
        a, b = mb.measures[mid], mh.measures[mid]
        changes = _measure_changes(a, b, lang, langs)
        if changes:
            d.changed.append(MeasureChange(mid, _t(b.title, lang, langs), tuple(changes)))
        for what, x, y in (("start", a.timeline.start, b.timeline.start), ("end", a.timeline.end, b.timeline.end)):
            if x != y:
                d.timeline.append((mid, what, x.isoformat(), y.isoformat()))
        ma = {m.id: m.due for m in a.timeline.milestones}
        for m in b.timeline.milestones:
            if m.id in ma and ma[m.id] != m.due:
                d.timeline.append((mid, f"milestone {m.id}", ma[m.id].isoformat(), m.due.isoformat()))
    for mid in sorted(mh.measures.keys() - mb.measures.keys()):
        t = mh.measures[mid].timeline
        d.timeline.append((mid, "added", "—", f"{t.start.isoformat()} – {t.end.isoformat()}"))
    for mid in sorted(mb.measures.keys() - mh.measures.keys()):
        t = mb.measures[mid].timeline
        d.timeline.append((mid, "removed", f"{t.start.isoformat()} – {t.end.isoformat()}", "—"))


def _coverage(d: PlanDiff, base: Result, head: Result) -> None:
    cb, ch = base.analysis.coverage, head.analysis.coverage
    d.coverage_before, d.coverage_after = cb.percent, ch.percent
    rb, rh = base.model.recommendations, head.model.recommendations
    d.recommendations_added = sorted(rh.keys() - rb.keys())
    d.recommendations_removed = sorted(rb.keys() - rh.keys())
    for rid in sorted(rb.keys() & rh.keys()):
        if rb[rid].response.status != rh[rid].response.status:
            d.responses_changed.append((rid, rb[rid].response.status, rh[rid].response.status))
    for rid, now in ch.by_recommendation.items():
        was = cb.by_recommendation.get(rid)
        before = was.status if was else "absent"
        if before == now.status and (was is None or was.measures == now.measures):
            continue
        change = CoverageChange(rid, before, now.status, was.measures if was else (), now.measures)
        if now.status == "uncovered":
            d.newly_uncovered.append(change)
        elif before in ("uncovered", "absent") and now.status in ("covered", "partial"):
            d.newly_covered.append(change)
        else:
            d.other_coverage.append(change)


def _budget(d: PlanDiff, base: Result, head: Result, mb: PlanModel, mh: PlanModel) -> None:
    bb, bh = base.analysis.budget, head.analysis.budget
    d.years = sorted(set(bb.years) | set(bh.years))
    d.budget_by_year = {y: (bb.by_year.get(y, 0), bh.by_year.get(y, 0)) for y in d.years}
    d.total_before, d.total_after = bb.total, bh.total
    for agency in list(dict.fromkeys([*bb.by_agency, *bh.by_agency])):
        rows = {y: (bb.by_agency.get(agency, {}).get(y, 0), bh.by_agency.get(agency, {}).get(y, 0)) for y in d.years}
        if any(x != y for x, y in rows.values()):
            d.budget_by_agency[agency] = rows
