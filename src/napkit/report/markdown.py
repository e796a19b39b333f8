"""`nap check --format markdown`: the findings as a review list a coordinator works through —
grouped by kind (responses, indicators, timing, money, …), then by rule, one item per
finding with what it is about, where it is (file:line:col) and the fix.

Everything from the plan (messages quote ids, amounts, source names; file names) goes through
`md`, the escaping the PR summary uses: no HTML, no Markdown markup, no autolinks."""

from __future__ import annotations

import re
from itertools import groupby

from ..findings import CODES, Finding, Severity
from ..render.diff_markdown import md
from .escape import escape_line

# (first code, heading): a finding belongs to the last group whose first code is <= its code
GROUPS = (
    ("NAP000", "Files that cannot be read"),
    ("NAP100", "Schema: fields and values"),
    ("NAP200", "Identity and references"),
    ("NAP300", "Dates and money"),
    ("NAP400", "Languages"),
    ("NAP500", "Coverage of the recommendations"),
    ("NAP600", "Implementation progress"),
    ("NAP701", "Responses: the same ask answered alike, and answered as said"),
    ("NAP710", "Indicators, baselines and targets"),
    ("NAP720", "Timing and dependencies"),
    ("NAP730", "Budget"),
    ("NAP740", "Duplicate measures"),
    ("NAP750", "Who the government can instruct"),
    ("NAP790", "Plan-quality links and settings"),
    ("NAP800", "Consultation"),
)
# an id at the start of a message: M-02, OSCE23-R04, IND-CASES, TIP24-07 (not 'plan.yaml' or a word)
_SUBJECT = re.compile(r"^([A-Z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)+)(?=[\s:;,.'’]|$)")
_SEVERITY = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"}


def _group(code: str) -> str:
    heading = GROUPS[0][1]
    for first, name in GROUPS:
        if code >= first:
            heading = name
    return heading


def _subject(f: Finding) -> str:
    """What the finding is about: the measure of a measure file, else the id the message starts with."""
    file = f.pos.file
    if file.startswith("measures/") and file.endswith(".yaml"):
        return file[len("measures/"):-len(".yaml")]
    m = _SUBJECT.match(f.message)
    return m.group(1) if m else ""


def _text(s: str) -> str:
    return md(escape_line(s))


def report_markdown(findings: list[Finding], files_checked: int | None = None) -> str:
    counts = {s: sum(1 for f in findings if f.severity == s) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)}
    out = ["# Plan review", ""]
    if not findings:
        out += [f"No findings{f' in {files_checked} files' if files_checked is not None else ''}.", ""]
        return "\n".join(out)
    summary = ", ".join(f"{n} {_SEVERITY[s]}{'s' if n != 1 else ''}" for s, n in counts.items() if n)
    where = f" in {files_checked} files" if files_checked is not None else ""
    out += [f"{summary}{where}. Each item names what it is about, where it is, and what to do.", ""]
    ordered = sorted(findings, key=lambda f: (f.code, f.sort_key()))
    by_group = [(g, list(items)) for g, items in groupby(ordered, key=lambda f: _group(f.code))]
    out += [f"- {name}: {len(items)}" for name, items in by_group] + [""]
    for name, items in by_group:
        out += [f"## {name}", ""]
        for code, same in groupby(items, key=lambda f: f.code):
            same = list(same)
            title = CODES[code].title if code in CODES else code
            out += [f"### {code} {title} ({len(same)})", "", _text(CODES[code].explanation) if code in CODES else "", ""]
            for f in same:
                subject = _subject(f)
                line = f"- [ ] {'**' + _text(subject) + '** — ' if subject else ''}`{escape_line(str(f.pos)).replace('`', '')}`"
                line += f" ({_SEVERITY[f.severity]}): {_text(f.message)}"
                if f.hint:
                    line += f"  \n  **Fix:** {_text(f.hint)}"
                out.append(line)
            out.append("")
    return "\n".join(out)
