"""The official plan documents: model + analysis → one pandoc document per language → DOCX and PDF.

  compose.py   the document (pandoc's model) from the typed model, same for every format
  convert.py   DOCX through a reference document, PDF through a Typst template and typst
  ast.py       the small pandoc-AST builder both use

Outputs: build/<plan-id>-<lang>.docx and .pdf. They are written into a staging folder beside
build/ and moved in only when every document of every language succeeded. A plan may override the
house style with plan/templates/reference.docx and plan/templates/plan.typ."""

from __future__ import annotations

import calendar
import datetime as dt
import os
import shutil
import tempfile
from pathlib import Path

from ...analyse import Analysis
from ...model import PlanModel
from .compose import compose
from .convert import DocumentBuildError, data_file, to_docx, to_pdf

__all__ = ["build_documents", "build_report", "DocumentBuildError", "document_names", "template_paths", "reported_periods"]


class _Silent:
    def step(self, message: str) -> None:
        pass


def pinned_epoch(model: PlanModel) -> int:
    """SOURCE_DATE_EPOCH when set, else the plan's date, else 1 January of its first year."""
    from ...build import source_date_epoch

    epoch = source_date_epoch()
    if epoch is not None:
        return epoch
    day = model.plan.date or dt.date(model.plan.start_year, 1, 1)
    return calendar.timegm(day.timetuple())


def template_paths(root: Path) -> tuple[Path, Path]:
    """(reference.docx, plan.typ): the plan's own in plan/templates/ where present, else ours.
    The plan's are taken by safe_paths' rule: a regular file inside the repository, never
    through a link that leaves it (`nap check` reports such a link as NAP015)."""
    from ...load.safe_paths import Repo
    from ...load.template_inputs import partial_findings

    repo = Repo(root)

    def own(rel: str, default: str) -> Path:
        if not repo.exists(rel):
            return data_file(default)
        problem = repo.check_file(rel)
        if problem is not None:
            raise DocumentBuildError(f"{rel}: {problem.message}")
        if rel.endswith(".typ"):  # no pandoc partials: they read files from anywhere
            included = partial_findings(rel, repo.read_text(rel))
            if included:
                raise DocumentBuildError(f"{included[0].pos}: {included[0].message}")
        return Path(os.path.realpath(repo.root / rel))

    return (own("plan/templates/reference.docx", "docs/reference.docx"),
            own("plan/templates/plan.typ", "docs/plan.typ"))


def document_names(model: PlanModel) -> list[str]:
    return [f"{model.plan.id}-{lang}.{ext}" for lang in model.languages for ext in ("docx", "pdf")]


def build_documents(model: PlanModel, analysis: Analysis, root: Path, out: Path, *, progress=None,
                    formats: tuple[str, ...] = ("docx", "pdf"), reports: tuple[str, ...] | None = None) -> list[Path]:
    """Write the plan documents of every language into `out`, and the implementation report of
    each period in `reports` (default: every reporting period that has progress entries)."""
    progress = progress or _Silent()
    if reports is None:
        reports = reported_periods(model)
    jobs = []
    for lang in model.languages:
        jobs.append((f"documents: {lang}", f"{model.plan.id}-{lang}", lambda lang=lang: compose(model, analysis, lang)))
    for period in reports:
        for lang in model.languages:
            jobs.append((f"report {period}: {lang}", report_stem(model, period, lang),
                         lambda lang=lang, period=period: _report_document(model, analysis, period, lang)))
    if model.submissions:  # the consultation report (høringsnotat), once there are responses
        from .consultation_report import compose_consultation, consultation_stem

        for lang in model.languages:
            jobs.append((f"consultation report: {lang}", consultation_stem(model, lang),
                         lambda lang=lang: compose_consultation(model, lang)))
    written = _write(jobs, root, Path(out), formats, progress, pinned_epoch(model))
    from .archive import build_archived

    return written + build_archived(model, root, Path(out), progress, formats)  # superseded versions, cached


def reported_periods(model: PlanModel) -> tuple[str, ...]:
    """Reporting periods (plan order) that have at least one progress entry."""
    have = {e.period for e in model.progress}
    # once each: a period listed twice (a finding at check) must not make two jobs for one file
    return tuple(p for p in dict.fromkeys(model.plan.reporting_periods) if p in have)


def report_stem(model: PlanModel, period: str, lang: str) -> str:
    return f"{model.plan.id}-report-{period}-{lang}"


def _report_document(model: PlanModel, analysis: Analysis, period: str, lang: str) -> dict:
    from ...analyse.progress import progress_of
    from ..progress_report import report_of
    from .compose import compose_report

    return compose_report(model, report_of(model, progress_of(model, period, analysis.coverage), lang), lang)


def _write(jobs, root: Path, out: Path, formats: tuple[str, ...], progress, epoch: int) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    reference, template = template_paths(root)
    staging = Path(tempfile.mkdtemp(prefix=".docs-", dir=out))
    try:
        names: list[str] = []
        for message, stem, make in jobs:
            progress.step(message)
            document = make()
            try:
                if "docx" in formats:
                    to_docx(document, staging / f"{stem}.docx", reference, epoch)
                    names.append(f"{stem}.docx")
                if "pdf" in formats:
                    to_pdf(document, staging / f"{stem}.pdf", template, epoch)
                    names.append(f"{stem}.pdf")
            except DocumentBuildError as exc:  # say which document: pandoc and typst do not
                raise DocumentBuildError(f"{stem}: {exc}") from None
        written = []
        for name in names:  # all succeeded: move into place (each rename is atomic)
            os.replace(staging / name, out / name)
            written.append(out / name)
        return written
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def build_report(model: PlanModel, analysis: Analysis, root: Path, out: Path, period: str, *, progress=None,
                 formats: tuple[str, ...] = ("docx", "pdf")) -> list[Path]:
    """Only the implementation report of `period`, every language (`nap report PERIOD`)."""
    jobs = [(f"report {period}: {lang}", report_stem(model, period, lang),
             lambda lang=lang: _report_document(model, analysis, period, lang)) for lang in model.languages]
    return _write(jobs, root, Path(out), formats, progress or _Silent(), pinned_epoch(model))
