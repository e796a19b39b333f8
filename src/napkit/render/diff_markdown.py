"""`nap diff --format markdown`: the pull request's job summary, which the coordinator reads to
approve a change. It leads with what they decide on, then lists every change.

Everything from the plan (ids, titles, old and new values, file names) goes through `md`: the
site's escaping (no HTML, no Markdown markup), and GitHub's bare-URL and e-mail autolinks are
broken with an invisible word joiner, so no link or image from YAML reaches the trusted summary."""

from __future__ import annotations

import re

from ..analyse.diff import Change, ItemChange, PlanDiff
from .diff_common import counts, delta, headline, money, where
from .diff_labels import t
from .site.escape import esc

MAX_FINDINGS = 200
# GitHub refuses a job summary over 1 MiB: past this many objects of one kind the rest is counted
MAX_ITEMS_PER_KIND = 150
_WORD_JOINER = "\u2060"
# GitHub (cmark-gfm) links bare http(s)://, ftp://, www. and name@host text by itself
_AUTOLINK = re.compile(r"(?i)\b(https?|ftp)(?=:)|\b(www)(?=\.)|(?=@)")


def md(text: object) -> str:
    """Plan text as inert Markdown for a table cell or a line."""
    return _AUTOLINK.sub(lambda m: m.group(0) + _WORD_JOINER, str(esc("" if text is None else text)))


def _table(head: list[str], rows: list[list[str]], align: str = "") -> list[str]:
    """Cells must already be markup (md() or numbers)."""
    out = ["| " + " | ".join(t(f"col.{h}") if not h.startswith("=") else h[1:] for h in head) + " |",
           "|" + "|".join(("---:" if c == "r" else "---") for c in (align or "l" * len(head)).ljust(len(head), "l")) + "|"]
    out += ["| " + " | ".join(row) + " |" for row in rows]
    return out + [""]


def _section(title: str, level: int = 3) -> list[str]:
    return ["#" * level + " " + title, ""]


def _ids(ids: tuple[str, ...] | list[str]) -> str:
    return md(", ".join(ids)) or "—"


def _coverage(d: PlanDiff) -> list[str]:
    out: list[str] = []
    if d.newly_uncovered:
        out += _section(t("newly_uncovered"), 4)
        out += _table(["recommendation", "coverage_before", "answered_before"],
                      [[md(c.recommendation), md(c.before), _ids(c.measures_before)] for c in d.newly_uncovered])
    if d.newly_covered:
        out += _section(t("newly_covered"), 4)
        out += _table(["recommendation", "coverage", "answered_by"],
                      [[md(c.recommendation), md(c.after), _ids(c.measures_after)] for c in d.newly_covered])
    if d.other_coverage:
        out += _section(t("other_coverage"), 4)
        out += _table(["recommendation", "before", "after", "measures_before", "measures_after"],
                      [[md(c.recommendation), md(c.before), md(c.after), _ids(c.measures_before),
                        _ids(c.measures_after)] for c in d.other_coverage])
    return out


def _money(d: PlanDiff) -> list[str]:
    out: list[str] = []
    if d.total_before != d.total_after or d.budget_by_agency:
        out += _section(t("money", currency=md(d.currency)), 4)
        rows = [[str(y), money(a), money(b), delta(a, b)] for y, (a, b) in d.budget_by_year.items()]
        rows.append([f"**{t('col.total')}**", f"**{money(d.total_before)}**", f"**{money(d.total_after)}**",
                     f"**{delta(d.total_before, d.total_after)}**"])
        out += _table(["year", "before", "after", "change"], rows, "lrrr")
    if d.budget_by_agency:
        out += _section(t("money_by_agency", currency=md(d.currency)), 4)
        rows = []
        for agency, by_year in d.budget_by_agency.items():
            before, after = sum(a for a, _ in by_year.values()), sum(b for _, b in by_year.values())
            rows.append([md(agency), *(delta(a, b) for a, b in by_year.values()), delta(before, after)])
        out += _table(["agency", *(f"={y}" for y in d.years), "total"], rows, "l" + "r" * (len(d.years) + 1))
    return out


def _decisions(d: PlanDiff) -> list[str]:
    out: list[str] = []
    if d.responses_changed:
        out += _section(t("responses"), 4)
        out += _table(["recommendation", "before", "after", "justification", "where"],
                      [[f"**{md(r.recommendation)}**", md(r.before), f"**{md(r.after)}**",
                        t(f"justification.{r.justification}"),
                        md(where(r))] for r in d.responses_changed])
    out += _coverage(d)
    out += _money(d)
    if d.timeline:
        out += _section(t("deadlines"), 4)
        out += _table(["measure", "what", "before", "after"], [[md(m), md(w), md(a), md(b)] for m, w, a, b in d.timeline])
    if d.targets:
        out += _section(t("targets"), 4)
        out += _table(["subject", "what", "before", "after", "change", "where"],
                      [[md(x.subject), md(x.what), md(x.before), md(x.after), md(x.note), md(where(x))]
                       for x in d.targets])
    if d.suspects:
        out += _section(t("suspects"), 4)
        out += _table(["recommendation", "measure", "why"],
                      [[md(s.recommendation), md(s.measure), md(t(f"suspect.{s.changed}", what=s.what))]
                       for s in d.suspects])
    return out


def _change_row(c: Change) -> list[str]:
    note = f" ({md(c.note)})" if c.note else ""
    return [md(c.field), md(c.before), md(c.after) + note, md(where(c))]


def _item(item: ItemChange) -> list[str]:
    state = t(f"state.{item.state}")
    title = f" {md(item.title)}" if item.title else ""
    errors = f" — ❌ {t('has_errors', n=item.errors)}" if item.errors else ""
    line = f"- **{md(item.id)}**{title} — {state}{errors} ({md(where(item))})" if item.kind != "other" else ""
    out = [line] if line else []
    if item.changes:
        out += ([""] if line else []) + _table(["field", "before", "after", "where"], [_change_row(c) for c in item.changes])
    return out


def render_markdown(d: PlanDiff, base: str, head: str) -> str:
    out = [f"## {md(t('title', base=base, head=head))}", ""]
    if not d.base_readable or not d.head_readable:
        out += ["> " + t("unreadable", which="base" if not d.base_readable else "head"), ""]
    out += [f"**{md(headline(d))}**", ""]
    if d.is_empty:
        out += [t("nothing"), ""]
    elif counts(d):
        out += [md(" · ".join(counts(d))), ""]
    decisions = _decisions(d)
    if decisions:
        out += _section(t("decisions")) + decisions
    if d.items:
        out += _section(t("details"))
    for kind in dict.fromkeys(i.kind for i in d.items):
        items = d.of_kind(kind)
        out += _section(t(f"kind.{kind}"), 4)
        for item in items[:MAX_ITEMS_PER_KIND]:
            out += _item(item)
        if len(items) > MAX_ITEMS_PER_KIND:
            out += ["", t("more_items", n=len(items) - MAX_ITEMS_PER_KIND), ""]
    if out[-1] != "":
        out.append("")
    if d.new_findings:
        out += _section(t("new_findings", n=len(d.new_findings)))
        out += [f"- {md(f.pos)} {f.severity} **{f.code}** {md(f.message)}" for f in d.new_findings[:MAX_FINDINGS]]
        if len(d.new_findings) > MAX_FINDINGS:
            out.append("- " + t("more_findings", n=len(d.new_findings) - MAX_FINDINGS))
        out.append("")
    if d.fixed_findings:
        out += [t("fixed_findings", n=d.fixed_findings), ""]
    return "\n".join(out)
