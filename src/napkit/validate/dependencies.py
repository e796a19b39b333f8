"""Findings that depend on a file napkit could not use: said once, where the fix is.

When plan/agencies.yaml does not parse, every measure's lead is "unknown" — hundreds of findings
that all mean "fix plan/agencies.yaml". When a measure does not parse, its progress entries
report on an "unknown measure". Those derived findings are settled here: the references a broken
file would probably satisfy (the ids its text defines) are not called unknown; the broken file
gets one note with their count, and a reference to a broken measure gets a note saying why it
was not checked. A registry that is missing altogether while the plan refers to it is one error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..findings import Finding, Pos, make
from ..load.repository import Loaded, kind_of
from ..load.yaml_doc import Document
from ..model import PlanModel


@dataclass(frozen=True)
class Registry:
    label: str            # what one entry is called in messages
    missing_path: str     # where the file should be
    unknown_codes: frozenset[str]


REGISTRIES: dict[str, Registry] = {
    "agencies": Registry("agency", "plan/agencies.yaml", frozenset({"NAP204"})),
    "indicators": Registry("indicator", "plan/indicators.yaml", frozenset({"NAP207"})),
    "recommendations": Registry("recommendation", "plan/recommendations/", frozenset({"NAP206"})),
    "measure": Registry("measure", "measures/", frozenset({"NAP601"})),
}
_LIST_KEY = {"agencies": "agencies", "indicators": "indicators", "recommendations": "recommendations"}
_UNPARSED_CODES = {"NAP002", "NAP003", "NAP004", "NAP005", "NAP006"}
_ID_LINE = re.compile(r"^[ \t]*(?:-[ \t]+)?id:[ \t]*[\"']?([A-Za-z0-9][A-Za-z0-9._-]*)", re.MULTILINE)
_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


@dataclass
class Unusable:
    """A file whose entries the model lacks, and the ids it probably defines (None: unknown)."""

    file: str
    why: str
    ids: set[str] | None
    settled: int = 0
    first_use: Pos | None = None


@dataclass
class Unusables:
    by_kind: dict[str, list[Unusable]] = field(default_factory=dict)
    # recommendation id -> why its coverage cannot be judged
    unjudged_coverage: dict[str, str] = field(default_factory=dict)


def find_unusable(loaded: Loaded, bad_paths: dict[str, list[tuple]], model: PlanModel,
                  skipped_measures: list[str], unjudged: dict[str, str]) -> Unusables:
    out = Unusables(unjudged_coverage=dict(unjudged))
    parsed = {d.file for d in loaded.documents}
    for f in loaded.findings:
        kind = kind_of(f.pos.file)
        if kind in REGISTRIES and f.pos.file not in parsed:
            text = loaded.unparsed.get(f.pos.file, "")
            why = "does not parse" if f.code in _UNPARSED_CODES else "cannot be read"
            out.by_kind.setdefault(kind, []).append(Unusable(f.pos.file, why, _ids_in(kind, f.pos.file, text)))
            if kind == "measure":
                for rid in _tokens(text) & model.recommendations.keys():
                    out.unjudged_coverage.setdefault(rid, f"{f.pos.file} {why} and may answer it")
    for doc in loaded.documents:
        if doc.kind in _LIST_KEY and _broken_at_top(bad_paths.get(doc.file, []), _LIST_KEY[doc.kind]):
            out.by_kind.setdefault(doc.kind, []).append(
                Unusable(doc.file, "failed its schema at the top level", _ids_in_data(doc, _LIST_KEY[doc.kind])))
    for file in skipped_measures:
        out.by_kind.setdefault("measure", []).append(Unusable(file, "has no valid id", {_stem(file)}))
    present = {d.kind for d in loaded.documents} | set(out.by_kind)
    for kind in ("agencies", "indicators", "recommendations"):
        if kind not in present:
            out.by_kind[kind] = [Unusable(REGISTRIES[kind].missing_path, "is missing", None)]
    return out


# Findings that measure a date or a year against the plan period.
PERIOD_CODES = frozenset({"NAP301", "NAP304", "NAP307", "NAP603"})


def settle(findings: list[Finding], unusables: Unusables, model: PlanModel | None = None) -> list[Finding]:
    """`findings` of the cross-file rules, with those that only repeat an unusable file's
    problem replaced by one note each (measures) or one note on the file (registries). When the
    plan's period ends before it starts (one finding on plan.yaml), no date is judged against it."""
    if model is not None and model.plan.start_year > model.plan.end_year:
        findings = [f for f in findings if f.code not in PERIOD_CODES]
    if not unusables.by_kind:
        return findings
    out: list[Finding] = []
    notes: set[tuple] = set()
    for f in findings:
        hit = _responsible(f, unusables)
        if hit is None:
            out.append(f)
            continue
        kind, problem, ref = hit
        problem.settled += 1
        problem.first_use = problem.first_use or f.pos
        if kind == "measure" and (f.pos.file, ref) not in notes:
            notes.add((f.pos.file, ref))
            out.append(make("NAP220", f.pos, f"{ref} not checked: {problem.file} {problem.why}; fix that file first"))
    for kind, problems in unusables.by_kind.items():
        label = REGISTRIES[kind].label
        for p in problems:
            if kind == "measure" or not p.settled:
                continue
            refs = f"{p.settled} reference(s) to {label} ids in other files"
            if p.why == "is missing":
                out.append(make("NAP221", Pos(p.file, 1, 1), f"{p.file} is missing; {refs} cannot be checked "
                                f"(the first at {p.first_use}): restore the file or run `nap init` for a template"))
            else:
                out.append(make("NAP220", Pos(p.file, 1, 1), f"{refs} not checked because this file {p.why}"))
    return out


def _responsible(f: Finding, unusables: Unusables) -> tuple[str, Unusable, str] | None:
    for kind, problems in unusables.by_kind.items():
        if f.code not in REGISTRIES[kind].unknown_codes:
            continue
        ref = _referenced_id(f)
        for p in problems:
            if ref is not None and (p.ids is None or ref in p.ids):
                return kind, p, ref
    return None


def _referenced_id(f: Finding) -> str | None:
    # every 'unknown X' message quotes the id first: "unknown agency 'MINN' (did you mean …)"
    parts = f.message.split("'")
    return parts[1] if len(parts) > 2 else None


def _broken_at_top(paths: list[tuple], key: str) -> bool:
    return any(not (len(p) >= 2 and p[0] == key and isinstance(p[1], int)) for p in paths)


def _ids_in(kind: str, file: str, text: str) -> set[str] | None:
    ids = set(_ID_LINE.findall(text))
    if kind == "measure":
        return ids | {_stem(file)}
    return ids or None


def _ids_in_data(doc: Document, key: str) -> set[str] | None:
    items = doc.data.get(key) if isinstance(doc.data, dict) else None
    if not isinstance(items, list):
        return None
    return {x["id"] for x in items if isinstance(x, dict) and isinstance(x.get("id"), str)} or None


def _tokens(text: str) -> set[str]:
    return set(_TOKEN.findall(text))


def _stem(file: str) -> str:
    return file.rsplit("/", 1)[-1].rsplit(".", 1)[0]
