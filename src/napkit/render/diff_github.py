"""`nap diff --format github`: the changes as annotations on the changed files and lines of the
pull request (workflow commands), most important first — GitHub shows only the first few of
each level per step. A newly uncovered recommendation is anchored where the change that
uncovered it stands (the measure that stopped answering it), not in the untouched catalog."""

from __future__ import annotations

from ..analyse.diff import PlanDiff
from ..findings import Pos
from ..report.github import escape_data, escape_property
from .diff_common import headline, plain


def _command(level: str, pos: Pos, title: str, message: str) -> str:
    props = []
    if pos.file:
        props.append(f"file={escape_property(pos.file)}")
        if pos.line:
            props.append(f"line={pos.line}")
    props.append(f"title={escape_property(title)}")
    return f"::{level} {','.join(props)}::{escape_data(plain(message))}"


def _uncovered_at(d: PlanDiff, rid: str, measures: tuple[str, ...]) -> Pos:
    for item in d.items:
        if item.kind == "measure" and item.id in measures:
            for c in item.changes:
                if rid in c.before:
                    return c.pos
            return item.pos
    return next((r.pos for r in d.responses_changed if r.recommendation == rid), Pos(""))


def render_github(d: PlanDiff, base: str, head: str) -> str:
    out = []
    for c in d.newly_uncovered:
        out.append(_command("error", _uncovered_at(d, c.recommendation, c.measures_before),
                            f"{c.recommendation} newly uncovered",
                            f"{c.recommendation} was {c.before} (by {', '.join(c.measures_before) or '—'}), "
                            f"now no measure answers it"))
    for r in d.responses_changed:
        out.append(_command("warning", r.pos, f"Response to {r.recommendation} changed",
                            f"{r.before} → {r.after}" + (f" (justification {r.justification})" if r.justification_changed else "")))
    for s in d.suspects:
        out.append(_command("warning", s.pos, f"Re-check {s.measure} ↔ {s.recommendation}",
                            f"the {s.changed}'s {s.what} changed: read {s.measure}'s answer to "
                            f"{s.recommendation} again"))
    for x in d.targets:
        out.append(_command("notice", x.pos, f"{x.subject} {x.what} {x.note}", f"{x.before} → {x.after}"))
    for item in d.items:
        if item.errors:
            out.append(_command("warning", item.pos, f"{item.id} has errors",
                                f"{item.id} has {item.errors} error(s); it is compared from the file"))
        if not item.changes:
            out.append(_command("notice", item.pos, f"{item.kind} {item.id} {item.state}", item.title or item.id))
        for c in item.changes:
            out.append(_command("notice", c.pos, f"{item.id}: {c.field}", f"{c.before} → {c.after}"
                                + (f" ({c.note})" if c.note else "")))
    out.append(f"nap diff {plain(base)} → {plain(head)}: {headline(d)}")
    return "\n".join(out) + "\n"
