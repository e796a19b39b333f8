"""`nap build`: one straight line — check → documents → site — and one switch into build/.

Every step writes into one staging folder beside build/ (util/atomic.build_transaction): it
starts as a hard-linked copy of what build/ holds and this build does not remake, and replaces
build/ in a single atomic exchange only when every step succeeded. A failure, or a kill at any
moment, leaves build/ exactly as it was; the next build removes what a killed one left."""

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
    engine: str = "mkdocs"  # the site engine (render/site/engines.py)


def source_date_epoch() -> int | None:
    """SOURCE_DATE_EPOCH pins any timestamp an output must carry (reproducible builds)."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return int(value) if value.isdigit() else None


def refuse_unbuildable(result: Result) -> None:
    """Raise before building when the plan holds what no output can show (a plan with findings
    may get here): NaN or infinity (nonsense in every table and chart), control characters
    (no font has them; XML cannot hold them). The message names the file."""
    from .export.finite import require_finite, require_printable
    from .export.json_model import export_model

    data = export_model(result.model, result.analysis)
    require_finite(data, "the plan")
    require_printable(data)


def run_build(result: Result, options: BuildOptions) -> list[Path]:
    assert result.model is not None and result.analysis is not None
    from .util.atomic import build_transaction, fault_point

    refuse_unbuildable(result)
    out = Path(options.out)
    remake = {"site", "site-src"} if "site" in options.targets else set()
    written: list[Path] = []
    with build_transaction(out, remake, keep_out=options.root) as staging:
        steps: list[tuple[str, Callable[[], list[Path]]]] = []
        if "docs" in options.targets:
            from .render.docs import build_documents

            steps.append(("docs", lambda: build_documents(result.model, result.analysis, options.root, staging,
                                                          progress=options.progress)))
        if "site" in options.targets:
            from .render.site import build_site

            steps.append(("site", lambda: build_site(result.model, result.analysis, options.root, staging,
                                                     progress=options.progress, full=options.full,
                                                     previous=out, engine=options.engine)))
        for name, step in steps:
            written += step()
            fault_point(f"after-{name}")
    return [out / p.relative_to(staging) for p in written]


def run_report(result: Result, root: Path, out: Path, period: str, progress) -> list[Path]:
    """`nap report PERIOD`: the period's report documents, switched into build/ like a build."""
    assert result.model is not None and result.analysis is not None
    from .render.docs import build_report
    from .util.atomic import build_transaction

    refuse_unbuildable(result)
    out = Path(out)
    with build_transaction(out, keep_out=root) as staging:
        written = build_report(result.model, result.analysis, root, staging, period, progress=progress)
    return [out / p.relative_to(staging) for p in written]
