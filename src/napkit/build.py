"""`nap build`: one straight line — check → documents → site — writing into build/ atomically.

Each output is staged in a temporary place and moved into build/ only when it is complete, so a
failed build leaves the previous build/ as it was."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Protocol

from .pipeline import Result


class Progress(Protocol):
    def step(self, message: str) -> None: ...


class SilentProgress:
    def step(self, message: str) -> None:
        pass


@dataclass
class BuildOptions:
    root: Path
    out: Path
    targets: tuple[str, ...]  # subset of ("docs", "site")
    progress: Progress
    full: bool = False  # render every site page, not only the changed ones


def source_date_epoch() -> int | None:
    """SOURCE_DATE_EPOCH pins any timestamp an output must carry (reproducible builds)."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return int(value) if value.isdigit() else None


def run_build(result: Result, options: BuildOptions) -> list[Path]:
    assert result.model is not None and result.analysis is not None
    written: list[Path] = []
    steps: list[tuple[str, Callable[[], list[Path]]]] = []
    if "docs" in options.targets:
        from .render.docs import build_documents

        steps.append(("docs", lambda: build_documents(result.model, result.analysis, options.root, options.out,
                                                      progress=options.progress)))
    if "site" in options.targets:
        from .render.site import build_site

        steps.append(("site", lambda: build_site(result.model, result.analysis, options.root, options.out,
                                                 progress=options.progress, full=options.full)))
    for _name, step in steps:
        written += step()
    return written
