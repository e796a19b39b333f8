"""Findings as GitHub Actions workflow commands, so they show as annotations on the PR's lines.

Format: ::error file=F,line=L,col=C,title=T::message — '%', CR and LF escaped in the message;
also ':' and ',' in properties."""

from __future__ import annotations

from ..findings import Finding, Severity
from .escape import escape_line

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(s: str) -> str:
    s = s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return escape_line(s)  # other control characters (a terminal escape in a file name) as text


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def format_finding(f: Finding) -> str:
    props = [f"file={escape_property(f.pos.file)}"]
    if f.pos.line:
        props += [f"line={f.pos.line}", f"col={f.pos.col or 1}"]
    props.append(f"title={escape_property(f'{f.code} {f.title}')}")
    message = f.message + (f"\n{f.hint}" if f.hint else "")
    return f"::{_LEVEL[f.severity]} {','.join(props)}::{escape_data(message)}"


def report_github(findings: list[Finding], files_checked: int) -> str:
    lines = [format_finding(f) for f in findings]
    errors = sum(1 for f in findings if f.severity == Severity.ERROR)
    lines.append(f"nap check: {len(findings)} finding(s), {errors} error(s) in {files_checked} file(s)")
    return "\n".join(lines) + "\n"
