"""The `nap` command line: wires trees, the pipeline, reporters and renderers together.

Exit codes: 0 clean, 1 findings (errors, or warnings under --strict), 2 usage error or
unreadable input, 3 internal error (a bug: please report it)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from . import __version__
from .load.trees import TreeError

EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 1, 2, 3


def find_root(start: Path) -> Path:
    """The nearest folder at or above `start` holding plan/plan.yaml (else `start` itself)."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / "plan" / "plan.yaml").is_file():
            return folder
    return start


class Context:
    def __init__(self, root: Path | None, quiet: bool):
        self.root = root or find_root(Path.cwd())
        self.quiet = quiet or os.environ.get("CI", "").lower() == "true"


pass_ctx = click.make_pass_decorator(Context)


def fail(message: str, code: int = EXIT_USAGE) -> None:
    click.echo(f"nap: {message}", err=True)
    sys.exit(code)


def run_pipeline(ctx: Context, strict: bool = False):
    from .pipeline import run_folder

    try:
        return run_folder(ctx.root, strict=strict)
    except TreeError as exc:
        fail(str(exc))


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="nap")
@click.option("--root", type=click.Path(file_okay=False, path_type=Path),
              help="The plan repository (default: the nearest folder above with plan/plan.yaml).")
@click.option("-q", "--quiet", is_flag=True, help="No progress output (also when CI=true).")
@click.pass_context
def cli(click_ctx: click.Context, root: Path | None, quiet: bool) -> None:
    """napkit — keep a National Action Plan as data: check it, review it, publish it."""
    if root is not None and not root.is_dir():
        raise click.BadParameter(f"{root} is not a folder", param_hint="--root")
    click_ctx.obj = Context(root, quiet)


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["text", "github", "json"]), default="text", show_default=True,
              help="text for people, github for PR annotations, json for tools.")
@click.option("--strict", is_flag=True, help="Treat warnings (e.g. missing translations) as errors.")
@pass_ctx
def check(ctx: Context, fmt: str, strict: bool) -> None:
    """Validate every file and check coverage. Never modifies anything."""
    from .load.repository import kind_of
    from .load.trees import FolderTree
    from .report import REPORTERS

    result = run_pipeline(ctx, strict)
    try:
        files = sum(1 for f in FolderTree(ctx.root).files() if kind_of(f))
    except OSError:
        files = 0
    click.echo(REPORTERS[fmt](result.findings.sorted(), files), nl=False)
    sys.exit(0 if result.ok() else EXIT_FINDINGS)


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "json"]), default="text", show_default=True)
@click.option("--source", "source_id", help="Only this recommendation source (e.g. OSCE23).")
@click.option("--gaps", is_flag=True, help="Only recommendations that are not fully covered.")
@click.option("--lang", help="Language of the summaries (default: the plan's first language).")
@pass_ctx
def coverage(ctx: Context, fmt: str, source_id: str | None, gaps: bool, lang: str | None) -> None:
    """Which measures answer each recommendation, how fully, and the gaps."""
    from .render.coverage_table import render_coverage

    result = run_pipeline(ctx)
    if result.model is None or result.analysis is None:
        fail("the plan cannot be read; run `nap check` to see why", EXIT_FINDINGS)
    if source_id and source_id not in {s.id for s in result.model.sources}:
        fail(f"unknown source '{source_id}' (sources: {', '.join(s.id for s in result.model.sources)})")
    lang = lang or result.model.plan.default_language
    click.echo(render_coverage(result.model, result.analysis, fmt=fmt, source_id=source_id, gaps_only=gaps,
                               lang=lang), nl=False)
    sys.exit(0 if not result.analysis.coverage.gaps() else EXIT_FINDINGS)


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["json"]), default="json", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write here instead of stdout.")
@pass_ctx
def export(ctx: Context, fmt: str, output: Path | None) -> None:
    """The whole resolved model for other tools (shape: schemas/export.schema.json)."""
    from .export.json_model import export_json_text
    from .util.atomic import write_text_atomic

    result = run_pipeline(ctx)
    if result.model is None or result.analysis is None or result.findings.errors:
        from .report.text import report_text

        click.echo(report_text(result.findings.sorted(), 0), err=True, nl=False)
        fail("the plan has errors; fix them before exporting", EXIT_FINDINGS)
    text = export_json_text(result.model, result.analysis)
    if output is None:
        click.echo(text, nl=False)
    else:
        write_text_atomic(output, text)


@cli.command()
@click.argument("base")
@click.argument("head", required=False)
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "json"]), default="text", show_default=True)
@click.option("--fail-on-uncovered", is_flag=True, help="Exit 1 when coverage got worse.")
@click.option("--lang", help="Language of titles (default: the plan's first language).")
@pass_ctx
def diff(ctx: Context, base: str, head: str | None, fmt: str, fail_on_uncovered: bool, lang: str | None) -> None:
    """What changes from git revision BASE to HEAD (default: the working tree): measures,
    coverage, budget, timeline, new findings. Reads git objects; touches no file."""
    from .analyse.diff import diff_plans
    from .load.trees import FolderTree, GitTree
    from .pipeline import run
    from .render.diff_report import RENDERERS

    repo = git_toplevel(ctx.root)
    prefix = ctx.root.resolve().relative_to(repo)
    try:
        base_tree = GitTree(repo, base, prefix)
        head_tree = GitTree(repo, head, prefix) if head else FolderTree(ctx.root)
        before, after = run(base_tree), run(head_tree)
    except TreeError as exc:
        fail(str(exc))
    result = diff_plans(before, after, lang)
    click.echo(RENDERERS[fmt](result, base, head or "working tree"), nl=False)
    sys.exit(EXIT_FINDINGS if fail_on_uncovered and result.coverage_worse else 0)


def git_toplevel(root: Path) -> Path:
    import subprocess

    proc = subprocess.run(["git", "-C", str(root), "rev-parse", "--show-toplevel"], capture_output=True, text=True)
    if proc.returncode != 0:
        fail(f"{root} is not inside a git repository")
    return Path(proc.stdout.strip()).resolve()


@cli.command()
@click.argument("target", type=click.Choice(["all", "site", "docs"]), default="all")
@click.option("-o", "--out", type=click.Path(file_okay=False, path_type=Path), help="Output folder (default: build/).")
@pass_ctx
def build(ctx: Context, target: str, out: Path | None) -> None:
    """Build the website (build/site/) and the plan documents (build/*.docx, *.pdf)."""
    from .build import BuildOptions, run_build
    from .report.text import report_text
    from .util.progress import progress_display

    result = run_pipeline(ctx)
    if result.model is None or result.findings.errors:
        click.echo(report_text(result.findings.sorted(), 0), err=True, nl=False)
        fail("the plan has errors; `nap check` lists them. Nothing was built.", EXIT_FINDINGS)
    targets = ("docs", "site") if target == "all" else (target,)
    with progress_display(quiet=ctx.quiet) as progress:
        written = run_build(result, BuildOptions(ctx.root, out or ctx.root / "build", targets, progress))
    if not ctx.quiet:
        for path in written:
            click.echo(f"wrote {path}")


def main() -> None:
    try:
        cli(standalone_mode=True)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        click.echo("nap: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # a bug in napkit, not in the plan: say so plainly, no traceback
        click.echo(f"nap: internal error: {type(exc).__name__}: {exc}\n"
                   "This is a bug in napkit; please report it with the command you ran "
                   "(set NAP_DEBUG=1 for the traceback).", err=True)
        if os.environ.get("NAP_DEBUG"):
            raise
        sys.exit(EXIT_INTERNAL)
