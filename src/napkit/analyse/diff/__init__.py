"""What a change does to the whole plan, for `nap diff BASE [HEAD]`: computed from two checked
plans (and their hand-written site pages).

The pipeline, one module per kind of plan object, each comparing typed model objects:
plan_texts (plan.yaml), agencies, catalogs (sources, recommendations, responses), indicators,
measures, progress, pages (site/**); then generic compares the loaded YAML of every file for
whatever those did not cover, so no change goes unreported; suspects lists the answers to
re-check; totals compares coverage and budget."""

from __future__ import annotations

from collections.abc import Iterable

from ...findings import Finding, Pos, Severity
from ...pipeline import Result
from .agencies import compare_agencies
from .catalogs import compare_catalogs, response_changes
from .changes import (
    KINDS, Change, CoverageChange, ItemChange, PlanDiff, ResponseChange, Suspect, TargetChange,
)
from .fields import Context, text_change
from .generic import compare_files, other_items
from .indicators import compare_indicators, target_changes
from .measures import compare_measures, timeline_moves
from .pages import compare_pages
from .plan_texts import compare_plan
from .progress import compare_progress
from .suspects import suspect_links
from .totals import compare_budget, compare_coverage

__all__ = ["KINDS", "Change", "CoverageChange", "ItemChange", "PlanDiff", "ResponseChange", "Suspect",
           "TargetChange", "diff_plans", "text_change"]

# codes of findings that mean a file could not be read at all (no Document for it)
_UNREADABLE = ("NAP001", "NAP002", "NAP003", "NAP004", "NAP005", "NAP006")


def _finding_key(f: Finding) -> tuple:
    # line numbers move when a file is edited: compare findings by what they say, not where
    return (f.code, f.pos.file, f.message)


def _unreadable(result: Result) -> dict[str, Finding]:
    return {f.pos.file: f for f in result.findings.items if f.code in _UNREADABLE}


def _schema_failures(result: Result) -> set[str]:
    return {f.pos.file for f in result.findings.items if f.code.startswith("NAP1")}


def _errors_by_file(result: Result) -> dict[str, int]:
    out: dict[str, int] = {}
    for f in result.findings.items:
        if f.severity == Severity.ERROR:
            out[f.pos.file] = out.get(f.pos.file, 0) + 1
    return out


def diff_plans(base: Result, head: Result, lang: str | None = None,
               pages: tuple[dict[str, str], dict[str, str]] = ({}, {}), changed_files: Iterable[str] = ()) -> PlanDiff:
    """`changed_files`: what git sees as changed; any of them the comparisons did not report is
    listed as a changed file, so the report never says less than git."""
    mb, mh = base.model, head.model
    ref = mh or mb
    langs = ref.languages if ref else ("en",)
    unparsed_base, unparsed_head = _unreadable(base), _unreadable(head)
    ctx = Context(lang or (langs[0] if langs else "en"), langs,
                  unsure=_schema_failures(base) | _schema_failures(head) | set(unparsed_base) | set(unparsed_head),
                  unparsed_base=set(unparsed_base), unparsed_head=set(unparsed_head))
    d = PlanDiff(lang=ctx.lang, currency=ref.plan.currency if ref else "")
    d.base_readable, d.head_readable = mb is not None, mh is not None
    base_keys = {_finding_key(f) for f in base.findings.items}
    head_keys = {_finding_key(f) for f in head.findings.items}
    d.new_findings = [f for f in head.findings.sorted() if _finding_key(f) not in base_keys]
    d.fixed_findings = len(base_keys - head_keys)

    errors = _errors_by_file(head)
    items: list[ItemChange] = []
    if mb is not None and mh is not None:
        items += compare_plan(ctx, mb, mh) if mh.plan.src.file not in ctx.unsure else []
        items += compare_agencies(ctx, mb, mh)
        items += compare_catalogs(ctx, mb, mh)
        items += compare_indicators(ctx, mb, mh)
        items += compare_measures(ctx, mb, mh, base.documents, head.documents, errors)
        items += compare_progress(ctx, mb, mh)
    items += compare_pages(*pages)
    by_file = compare_files(ctx.claims, base.documents, head.documents, unparsed_base, unparsed_head)
    items = _attach_file_changes(items, by_file)
    items += other_items(by_file, errors)
    reported = {i.pos.file for i in items} | {c.pos.file for i in items for c in i.changes}
    items += [ItemChange("other", path, "", "changed", (Change("(file changed)", "—", "—", pos=Pos(path)),), Pos(path))
              for path in changed_files if path not in reported]
    d.items = sorted(items, key=lambda i: KINDS.index(i.kind))  # stable: each kind keeps its order

    if mb is not None and mh is not None:
        d.responses_changed = response_changes(d.items)
        d.targets = target_changes(d.items)
        d.suspects = suspect_links(d.items, mb, mh)
        d.timeline = timeline_moves(ctx, mb, mh)
        compare_coverage(d, base, head)
        compare_budget(d, base, head)
    return d


def _attach_file_changes(items: list[ItemChange], by_file: dict[str, list[Change]]) -> list[ItemChange]:
    """A measure compared from its file (it fails the schema on a side) takes that file's changes
    as its own, so it shows with its id and errors rather than among the unclassified files."""
    out = []
    for item in items:
        if item.kind == "measure" and not item.changes and item.pos.file in by_file:
            item = ItemChange(item.kind, item.id, item.title, item.state, tuple(by_file.pop(item.pos.file)),
                              item.pos, item.errors)
        out.append(item)
    return out
