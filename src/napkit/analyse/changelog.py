"""The plan's public changelog: what changed from one released version to the next, computed from
git with the engine of `nap diff` (analyse/diff) and told as a reader of the plan asks it —
measures added, dropped, re-scoped (title or description rewritten), deadlines moved, money
changed, coverage of the recommendations changed, the government's responses changed.

Each version of plan.yaml `versions` is read from its git `ref`; the newest may have none (it is
the working tree). Changes in the working tree above the newest version with a ref are
"unreleased". A ref that does not resolve leaves its version listed with a note, never a crash;
without git only the versions are listed."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from ..model import Measure, PlanModel, Text, Version


@dataclass(frozen=True, slots=True)
class TextChange:
    """A text of a measure, before and after (every language)."""

    field: str  # title | description
    before: Text
    after: Text


@dataclass(frozen=True, slots=True)
class MeasureChange:
    id: str
    title: Text  # the newer title (the old one when the measure was dropped)
    texts: tuple[TextChange, ...] = ()
    dates: tuple[tuple[str, str, str], ...] = ()  # (what: start | end | milestone <id>, before, after)
    money: tuple[tuple[int, float, float], ...] = ()  # (year, before, after)


@dataclass(frozen=True, slots=True)
class CoverageMove:
    recommendation: str
    before: str  # covered | partial | uncovered | noted | absent
    after: str


@dataclass(frozen=True, slots=True)
class ResponseMove:
    recommendation: str
    before: str  # accepted | partly | noted | "" (new)
    after: str
    justification_changed: bool


@dataclass
class VersionChanges:
    """The changes that make `version` out of `base` (the version before it). `version` None: the
    unreleased changes in the working tree. `state`: changed | first (nothing to compare with) |
    unresolved (this version's or the previous one's ref is not in git: `note` says which) |
    no-git (the plan is not in a git repository)."""

    version: Version | None
    base: Version | None
    state: str = "changed"
    note: str = ""
    added: list[MeasureChange] = field(default_factory=list)
    dropped: list[MeasureChange] = field(default_factory=list)
    rescoped: list[MeasureChange] = field(default_factory=list)  # title or description changed
    moved: list[MeasureChange] = field(default_factory=list)  # start, end or a milestone moved
    money: list[MeasureChange] = field(default_factory=list)  # budget changed in some year
    coverage: list[CoverageMove] = field(default_factory=list)
    responses: list[ResponseMove] = field(default_factory=list)
    total_before: float = 0.0
    total_after: float = 0.0

    @property
    def is_empty(self) -> bool:
        return not (self.added or self.dropped or self.rescoped or self.moved or self.money or self.coverage
                    or self.responses)


@dataclass
class History:
    """Newest first: the unreleased changes (when there are any), then each version."""

    entries: list[VersionChanges] = field(default_factory=list)
    git: bool = True

    def of(self, version: str) -> VersionChanges | None:
        return next((e for e in self.entries if e.version is not None and e.version.version == version), None)


def _repo(root: Path) -> tuple[Path, Path] | None:
    """(repository top, the plan's folder inside it), or None without git."""
    try:
        proc = subprocess.run(["git", "-C", str(root), "rev-parse", "--show-toplevel"], capture_output=True, text=True,
                              check=False)
    except OSError:
        return None
    if proc.returncode != 0:
        return None
    top = Path(proc.stdout.strip()).resolve()
    return top, root.resolve().relative_to(top)


def _by_year(m: Measure) -> dict[int, float]:
    out: dict[int, float] = {}
    for line in m.budget:
        out[line.year] = out.get(line.year, 0) + line.amount
    return out


def _measure_changes(base: PlanModel, head: PlanModel, timeline: list[tuple[str, str, str, str]],
                     entry: VersionChanges) -> None:
    a, b = base.measures, head.measures
    entry.added = [MeasureChange(k, m.title) for k, m in b.items() if k not in a]
    entry.dropped = [MeasureChange(k, m.title) for k, m in a.items() if k not in b]
    moves: dict[str, list[tuple[str, str, str]]] = {}
    for mid, what, before, after in timeline:
        if what not in ("added", "removed"):
            moves.setdefault(mid, []).append((what, before, after))
    for k, m in b.items():
        if k not in a:
            continue
        old = a[k]
        texts = tuple(TextChange(name, getattr(old, name), getattr(m, name)) for name in ("title", "description")
                      if getattr(old, name) != getattr(m, name))
        if texts:
            entry.rescoped.append(MeasureChange(k, m.title, texts=texts))
        if k in moves:
            entry.moved.append(MeasureChange(k, m.title, dates=tuple(moves[k])))
        ya, yb = _by_year(old), _by_year(m)
        money = tuple((y, ya.get(y, 0.0), yb.get(y, 0.0)) for y in sorted(ya.keys() | yb.keys())
                      if ya.get(y, 0.0) != yb.get(y, 0.0))
        if money:
            entry.money.append(MeasureChange(k, m.title, money=money))


def compare(base, head, entry: VersionChanges) -> VersionChanges:
    """Fill `entry` from two pipeline Results (base: the older version)."""
    from .diff import diff_plans

    if base.model is None or head.model is None:
        entry.state, entry.note = "unresolved", "unreadable"
        return entry
    d = diff_plans(base, head)
    _measure_changes(base.model, head.model, d.timeline, entry)
    entry.coverage = [CoverageMove(c.recommendation, c.before, c.after)
                      for c in (*d.newly_covered, *d.newly_uncovered, *d.other_coverage)]
    entry.coverage.sort(key=lambda c: c.recommendation)
    entry.responses = [ResponseMove(r.recommendation, r.before, r.after, r.justification_changed)
                       for r in d.responses_changed]
    entry.total_before, entry.total_after = d.total_before, d.total_after
    return entry


def history(model: PlanModel, root: Path, current=None) -> History:
    """The changelog of the plan at `root` (a folder; the working tree). `current`: the pipeline
    Result of that folder when the caller has it. Reading old versions runs the pipeline on git
    trees; the plan's catalogs of the working tree are put back afterwards."""
    from .. import locale
    from ..load.trees import FolderTree, GitTree, TreeError
    from ..pipeline import run

    versions = list(model.plan.versions)
    out = History()
    if not versions:
        return out
    repo = _repo(root)
    if repo is None:
        out.git = False
        out.entries = [VersionChanges(v, None, "no-git") for v in reversed(versions)]
        return out
    if len(versions) == 1 and versions[0].ref is None:  # the working tree is the only version: nothing to read
        out.entries = [VersionChanges(versions[0], None, "first")]
        return out
    top, prefix = repo
    saved = dict(locale._plan)  # run() sets the plan's catalogs of the tree it reads
    results: dict[int, object] = {}
    missing: dict[int, str] = {}
    try:
        for i, v in enumerate(versions):
            if v.ref is None:
                if i == len(versions) - 1:
                    results[i] = current if current is not None else run(FolderTree(root))
                else:
                    missing[i] = "no-ref"
                continue
            try:
                results[i] = run(GitTree(top, v.ref, prefix))
            except TreeError:
                missing[i] = "unknown-ref"
        work = None
        if versions[-1].ref is not None and len(versions) - 1 in results:
            work = current if current is not None else run(FolderTree(root))
    finally:
        locale.use_plan_catalogs({})
        locale._plan.update(saved)
    entries: list[VersionChanges] = []
    for i, v in enumerate(versions):
        entry = VersionChanges(v, versions[i - 1] if i else None)
        if i in missing:
            entry.state, entry.note = "unresolved", missing[i]
        elif i == 0:
            entry.state = "first"
        elif i - 1 in missing:
            entry.state, entry.note = "unresolved", "base-" + missing[i - 1]
        else:
            compare(results[i - 1], results[i], entry)
        entries.append(entry)
    if work is not None:
        unreleased = compare(results[len(versions) - 1], work, VersionChanges(None, versions[-1]))
        if not unreleased.is_empty:
            entries.append(unreleased)
    out.entries = list(reversed(entries))
    return out
