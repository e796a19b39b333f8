"""Findings as lines a person (and an editor's problem matcher) reads: file:line:col: severity CODE message."""

from __future__ import annotations

from ..findings import Finding
from .escape import escape_line


def format_finding(f: Finding) -> str:
    line = escape_line(f"{f.pos}: {f.severity} {f.code} {f.message}")
    return line + (f"\n    hint: {escape_line(f.hint)}" if f.hint else "")


def report_text(findings: list[Finding], files_checked: int | None = None) -> str:
    lines = [format_finding(f) for f in findings]
    counts = {"error": 0, "warning": 0, "info": 0}
    for f in findings:
        counts[str(f.severity)] += 1
    summary = ", ".join(f"{n} {k}{'s' if n != 1 else ''}" for k, n in counts.items() if n) or "no findings"
    if files_checked is None:
        lines.append(summary)
    else:
        lines.append(f"{summary} in {files_checked} file{'s' if files_checked != 1 else ''}")
    return "\n".join(lines) + "\n"
