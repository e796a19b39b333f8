"""Helpers for the plan-quality rule tests: run the real pipeline on an edited copy of the
valid fixture plan and look at the NAP7xx findings."""

from __future__ import annotations

from pathlib import Path

from napkit.findings import Finding
from napkit.pipeline import run_folder


def quality(root: Path, code: str | None = None) -> list[Finding]:
    found = [f for f in run_folder(root).findings.items if f.code.startswith("NAP7")]
    return [f for f in found if code is None or f.code == code]


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text() + text)
