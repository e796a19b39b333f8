"""The demonstration plan with a life: copied into a fresh git repository, committed and tagged
v0.1 (the consultation draft), then changed and recorded as version 1.0 in the working tree —
one measure re-scoped and given more money, another starting earlier."""

from __future__ import annotations

import shutil
from pathlib import Path

from plan_testing import REPO, git

DEMO = REPO / "examples" / "demo"
V01 = ('versions:\n  - version: "0.1"\n    date: 2026-09-01\n    status: consultation\n'
       '    note: {nb: "Høringsutkast", en: "Draft for public consultation"}\n')
V10 = '  - version: "1.0"\n    date: 2026-12-01\n    status: adopted\n    note: {nb: "Vedtatt plan", en: "Adopted plan"}\n'


def make(root: Path, *, tag: bool = True) -> Path:
    shutil.copytree(DEMO, root, ignore=shutil.ignore_patterns("build", ".nap-cache"))
    plan = root / "plan" / "plan.yaml"
    head, _, tail = plan.read_text().partition("versions:\n")
    rest = tail[tail.index("consultation:\n"):]
    plan.write_text(head.replace('version: "1.0"', 'version: "0.1"') + V01 + rest)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, "commit", "-qm", "Version 0.1: consultation draft")
    if tag:
        git(root, "tag", "v0.1")
    plan.write_text(head + V01.replace("    status: consultation\n", "    status: consultation\n    ref: v0.1\n")
                    + V10 + rest)
    m4 = root / "measures" / "M-04.yaml"
    s = m4.read_text()
    s = s.replace("four of them for men, and", "four of them for men, two of these outside the capital, and")
    s = s.replace("hvorav fire for menn, og", "hvorav fire for menn, to av dem utenfor hovedstaden, og")
    s = s.replace("{year: 2028, amount: 3500000", "{year: 2028, amount: 4000000")
    m4.write_text(s)
    m5 = root / "measures" / "M-05.yaml"
    m5.write_text(m5.read_text().replace("start: 2027-09-01", "start: 2027-06-01", 1))
    return root
