"""Write docs/findings.md from napkit.findings.CODES (tests fail when the two disagree)."""

from __future__ import annotations

import sys
from pathlib import Path

from napkit.findings import CODES


def render() -> str:
    lines = [
        "# Findings",
        "",
        "Every finding `nap check` reports has a stable code, a severity and a position",
        "`file:line:col`. Warnings become errors under `nap check --strict`; info never fails a check.",
        "Exit codes: 0 clean, 1 findings, 2 usage error or unreadable input (e.g. no `plan/plan.yaml`),",
        "3 internal error (a bug in napkit).",
        "",
        "Plan-quality findings (NAP701–NAP799, `src/napkit/validate/quality/`) can be switched per plan in",
        "`plan/plan.yaml`: `quality: {NAP740: off, NAP725: error}` (off, info, warning or error).",
        "",
        "| Code | Severity | Finding | What it means |",
        "|---|---|---|---|",
    ]
    lines += [f"| {c.code} | {c.severity} | {c.title} | {c.explanation} |" for c in CODES.values()]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "docs" / "findings.md"
    out.write_text(render(), encoding="utf-8")
