"""The plan's own document template (plan/templates/plan.typ), checked at `nap check`.

pandoc templates can pull in other files as partials — `$name()$`, `${ items:name() }` — read
relative to the template's folder, with `../` allowed and links followed, even under pandoc's
--sandbox: `${ ../../../proc/self/environ() }` would print the build's environment into the
published PDF. A plan's template may therefore use no partials at all (napkit's own template
uses none either); each is finding NAP018 at its line:col, and the build refuses the template.
"""

from __future__ import annotations

import re

from ..findings import Finding, Pos, make
from .safe_paths import Repo, UnsafePath

TEMPLATES = ("plan/templates/plan.typ",)
TEMPLATE_LIMIT = 10 * 1024 * 1024
# `$` or `${ `, an optional `var:` (a partial applied to each item), a name, `()`, then the
# closing `$` / `}`, a separator `[...]` or a pipe `/`
_PARTIAL = re.compile(r"\$(?:\{\s*)?(?:[A-Za-z0-9_.-]+:)?([^\s$(){}:]+)\(\)\s*(?:\}|\$|\[|/)")


def template_findings(repo: Repo) -> list[Finding]:
    findings: list[Finding] = []
    for rel in TEMPLATES:
        if not repo.exists(rel) or repo.check_file(rel) is not None:
            continue  # missing is fine (napkit's own is used); links and FIFOs are safe_paths' findings
        try:
            text = repo.read_text(rel, TEMPLATE_LIMIT)
        except (UnsafePath, UnicodeDecodeError):
            findings.append(make("NAP002", Pos(rel, 1, 1), "the template is not readable UTF-8 text"))
            continue
        findings += partial_findings(rel, text)
    return findings


def partial_findings(rel: str, text: str) -> list[Finding]:
    out = []
    for m in _PARTIAL.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        col = m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1
        out.append(make("NAP018", Pos(rel, line, col), f"the template includes '{m.group(1)}' as a pandoc partial; "
                        "a plan's template may include no other file (write its content here instead)"))
    return out
