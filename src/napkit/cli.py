"""The `nap` command line: wires trees, the pipeline, reporters and renderers together.

Exit codes: 0 clean, 1 findings (errors, or warnings under --strict), 2 usage error or
unreadable input, 3 internal error (a bug: please report it)."""

from __future__ import annotations

import datetime as dt
import errno
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
        self.quiet = quiet  # --quiet: no summaries either
        # No live progress display under --quiet or in CI (logs are not terminals).
        self.no_progress = quiet or os.environ.get("CI", "").lower() == "true"


pass_ctx = click.make_pass_decorator(Context)


def fail(message: str, code: int = EXIT_USAGE) -> None:
    click.echo(f"nap: {message}", err=True)
    sys.exit(code)


def warn_unknown_locales(model) -> None:
    """One warning per plan language Babel has no locale for (its numbers and dates are then
    written like the nearest known language, else English)."""
    from .util.fmt import unknown_locales

    for lang, used in unknown_locales(model.languages).items():
        click.echo(f"nap: warning: numbers and dates in '{lang}' are written as in '{used}' (Babel has no "
                   f"locale for '{lang}')", err=True)


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
@click.option("--format", "fmt", type=click.Choice(["text", "github", "json", "markdown"]), default="text",
              show_default=True,
              help="text for people, github for PR annotations, json for tools, markdown for a review list.")
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
    # a file or folder that cannot be read is unreadable input (exit 2), reported as a finding
    unreadable = any(f.code == "NAP001" for f in result.findings.items)
    sys.exit(EXIT_USAGE if unreadable else 0 if result.ok() else EXIT_FINDINGS)


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
@click.option("--format", "fmt", type=click.Choice(["json", "xlsx", "csv"]), default="json", show_default=True,
              help="json: the whole model; xlsx: a progress-reporting workbook; csv: one table.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write here instead of stdout.")
@click.option("--agency", help="xlsx: only the measures this agency leads (default: every measure).")
@click.option("--period", help="xlsx: the reporting period (default: the latest that has ended, else the first).")
@click.option("--table", type=click.Choice(["measures", "budget", "recommendations", "coverage", "indicators",
                                           "indicator_values", "progress"]),
              help="csv: which table (default: measures).")
@pass_ctx
def export(ctx: Context, fmt: str, output: Path | None, agency: str | None, period: str | None,
           table: str | None) -> None:
    """The whole resolved model for other tools (shape: schemas/export.schema.json), a reporting
    workbook for agency focal points (xlsx), or a table (csv, UTF-8 with BOM for Excel)."""
    from .export.json_model import export_json_text
    from .util.atomic import write_text_atomic

    if (agency or period) and fmt != "xlsx":
        fail("--agency and --period go with --format xlsx")
    if table and fmt != "csv":
        fail("--table goes with --format csv")
    if fmt == "xlsx" and output is None:
        fail("a workbook is not written to the terminal: give -o FILE.xlsx")
    result = run_pipeline(ctx)
    if result.model is None or result.analysis is None or result.findings.errors:
        from .report.text import report_text

        click.echo(report_text(result.findings.sorted()), err=True, nl=False)
        fail("the plan has errors; fix them before exporting", EXIT_FINDINGS)
    from .export.finite import NotFinite

    if fmt == "xlsx":
        from .export.xlsx_progress import ExportError, default_period, write_progress_workbook

        try:
            period = period or default_period(result.model.plan, dt.date.today())
            write_progress_workbook(result.model, period, agency, output)
        except ExportError as exc:
            fail(str(exc))
        except NotFinite as exc:
            fail(str(exc), EXIT_FINDINGS)
        return
    if fmt == "csv":
        from .export.csv_tables import csv_bytes

        try:
            data = csv_bytes(result.model, table or "measures")
        except NotFinite as exc:
            fail(str(exc), EXIT_FINDINGS)
        if output is None:
            sys.stdout.buffer.write(data)
        else:
            from .util.atomic import write_bytes_atomic

            write_bytes_atomic(output, data)
        return
    try:
        text = export_json_text(result.model, result.analysis)
    except NotFinite as exc:
        fail(str(exc), EXIT_FINDINGS)
    if output is None:
        click.echo(text, nl=False)
    else:
        write_text_atomic(output, text)


@cli.command("import-progress")
@click.argument("workbook", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--period", help="The reporting period (default: the one the workbook was exported for).")
@click.option("--dry-run", is_flag=True, help="Check the workbook and list what would change; write nothing.")
@pass_ctx
def import_progress(ctx: Context, workbook: Path, period: str | None, dry_run: bool) -> None:
    """Read a filled-in reporting workbook (from `nap export --format xlsx`) into
    plan/progress/<period>/<measure>.yaml. Every problem is reported with its cell
    (Framdrift!D7); if there is any, nothing is written."""
    from .load.xlsx_progress import CellError, WorkbookUnreadable, read_workbook
    from .report.text import report_text
    from .util.atomic import write_text_atomic
    from .validate.progress_rules import check_new_entries
    from .write.progress import plan_writes

    result = run_pipeline(ctx)
    if result.model is None or result.findings.errors:
        click.echo(report_text(result.findings.sorted()), err=True, nl=False)
        fail("the plan has errors; fix them before importing progress", EXIT_FINDINGS)
    model = result.model
    try:
        read = read_workbook(workbook, model, period)
    except WorkbookUnreadable as exc:
        fail(str(exc))
    problems = read.sorted_errors([CellError(str(f.pos), f"{f.message} [{f.code}]")
                                   for f in check_new_entries(model, read.documents)])
    if problems:
        for e in problems:
            click.echo(str(e), err=True)
        fail(f"{workbook.name}: {len(problems)} problem(s); nothing was written", EXIT_FINDINGS)
    for note in read.notes:
        click.echo(f"note: {note}", err=True)
    writes, unchanged = plan_writes(ctx.root, model, read.documents)
    for w in writes:
        if not dry_run:
            write_text_atomic(ctx.root / w.path, w.text)
        verb = ("would create" if w.new else "would update") if dry_run else ("created" if w.new else "updated")
        click.echo(f"{verb} {w.path}")
    if not ctx.quiet:
        click.echo(f"{len(writes)} file(s) {'to write' if dry_run else 'written'}, {len(unchanged)} unchanged "
                   f"(period {read.period})", err=True)


@cli.command()
@click.argument("base")
@click.argument("head", required=False)
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "json", "github"]), default="text",
              show_default=True, help="github: the changes as annotations on the changed lines.")
@click.option("--fail-on-uncovered", is_flag=True, help="Exit 1 when coverage got worse.")
@click.option("--lang", help="Language of titles (default: the plan's first language).")
@pass_ctx
def diff(ctx: Context, base: str, head: str | None, fmt: str, fail_on_uncovered: bool, lang: str | None) -> None:
    """What changes from git revision BASE to HEAD (default: the working tree) in the whole plan:
    responses, coverage, budget, deadlines, targets, answers to re-check, then every changed
    object and field (site pages too), new findings. Reads git objects; touches no file."""
    from .analyse.diff import diff_plans
    from .load.changed_files import changed_paths
    from .load.site_pages import pages_at_revision, pages_in_folder
    from .load.trees import FolderTree, GitTree
    from .pipeline import run
    from .render.diff_report import RENDERERS

    repo = git_toplevel(ctx.root)
    prefix = ctx.root.resolve().relative_to(repo)
    try:
        base_tree = GitTree(repo, base, prefix)
        head_tree = GitTree(repo, head, prefix) if head else FolderTree(ctx.root)
        before, after = run(base_tree), run(head_tree)
        pages = (pages_at_revision(repo, base_tree.commit, prefix),
                 pages_at_revision(repo, head_tree.commit, prefix) if head else pages_in_folder(ctx.root))
        changed = changed_paths(repo, base_tree.commit, head_tree.commit if head else None, prefix)
    except TreeError as exc:
        fail(str(exc))
    result = diff_plans(before, after, lang, pages, changed)
    click.echo(RENDERERS[fmt](result, base, head or "working tree"), nl=False)
    sys.exit(EXIT_FINDINGS if fail_on_uncovered and result.coverage_worse else 0)


@cli.command("fmt")
@click.option("--check", "check_only", is_flag=True, help="Change nothing; list files that would change, exit 1 if any.")
@click.option("--diff", "show_diff", is_flag=True, help="Change nothing; print what would change as a unified diff, exit 1 if any.")
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, path_type=Path))
@pass_ctx
def fmt_command(ctx: Context, check_only: bool, show_diff: bool, files: tuple[Path, ...]) -> None:
    """Canonical key order and indentation for plan files (comments and quoting kept)."""
    import difflib

    check_only = check_only or show_diff
    from .load.repository import kind_of
    from .load.safe_paths import Repo, UnsafePath
    from .load.trees import FolderTree
    from .util.atomic import write_text_atomic
    from .write.fmt import format_text

    root = ctx.root.resolve()
    repo = Repo(root)
    if files:
        targets = []
        for f in files:
            try:  # the folders resolved, the file itself not: a link stays a link (refused below)
                targets.append((Path(os.path.realpath(f.absolute().parent)) / f.name).relative_to(root).as_posix())
            except ValueError:
                fail(f"{f} is not inside the plan repository {root}")
    changed, problems = [], []
    if not files:
        tree = FolderTree(root)
        targets = tree.files()
        problems += [f"{p.path}: {p.message}" for p in tree.problems()]  # links out, FIFOs: said, not skipped
    for rel in targets:
        kind = kind_of(rel)
        if kind is None:
            continue
        if repo.is_link(rel):  # writing would replace the link (or write outside the repository)
            problems.append(f"{rel}: is a symbolic link; nap fmt neither reads nor writes through links")
            continue
        try:
            text = repo.read_text(rel).replace("\r\n", "\n").replace("\r", "\n")
        except UnsafePath as exc:
            problems.append(f"{rel}: cannot read: {exc.problem.message}")
            continue
        except UnicodeDecodeError as exc:
            problems.append(f"{rel}: cannot read: {exc}")
            continue
        result = format_text(rel, kind, text)
        if result.formatted is None:
            problems.append(f"{rel}: {result.problem}" if not result.problem.startswith(rel) else result.problem)
        elif result.changed:
            changed.append(rel)
            if show_diff:
                click.echo("".join(difflib.unified_diff(text.splitlines(keepends=True),
                                                        result.formatted.splitlines(keepends=True),
                                                        f"a/{rel}", f"b/{rel}")), nl=False)
            elif not check_only:
                write_text_atomic(root / rel, result.formatted)
    for p in problems:
        click.echo(f"nap fmt: {p}", err=True)
    verb = "would reformat" if check_only else "reformatted"
    for rel in changed if not show_diff else ():
        click.echo(f"{verb} {rel}")
    if not ctx.quiet:
        click.echo(f"{len(changed)} file(s) {verb}, {len(targets) - len(changed) - len(problems)} unchanged", err=True)
    sys.exit(EXIT_FINDINGS if problems or (check_only and changed) else 0)


@cli.group()
def new() -> None:
    """Start a new plan file."""


def _lang_values(values: tuple[str, ...], languages: tuple[str, ...], what: str) -> dict[str, str]:
    """'nb=Tekst' / 'en:Text' pairs; a value without a language prefix is for the first language."""
    out: dict[str, str] = {}
    for v in values:
        lang, sep, text = v.partition("=")
        if not sep or lang not in languages:
            lang2, sep2, text2 = v.partition(":")
            if sep2 and lang2 in languages:
                lang, text = lang2, text2
            else:
                lang, text = languages[0], v
        out[lang] = text.strip()
    return out


@new.command("measure")
@click.option("--id", "measure_id", help="Measure id (default: the next free one).")
@click.option("--objective", help="Objective id.")
@click.option("--title", "titles", multiple=True, help="Title, as LANG=TEXT (repeat per language).")
@click.option("--description", "descriptions", multiple=True, help="Description, as LANG=TEXT.")
@click.option("--lead", help="Lead agency: id, abbreviation or name (exactly one).")
@click.option("--partner", "partners", multiple=True, help="Partner agency (repeatable).")
@click.option("--implements", "implements", multiple=True, help="Recommendation id, or ID:partial (repeatable).")
@click.option("--start", help="Start date: 2027-01-01 or 1.1.2027 (default: the plan's start).")
@click.option("--end", help="End date (default: the plan's end).")
@pass_ctx
def new_measure(ctx: Context, measure_id, objective, titles, descriptions, lead, partners, implements, start, end) -> None:
    """Write measures/<id>.yaml. In a terminal it asks for what the flags do not give — checking
    each answer as it is typed, `?` lists the choices — including milestones and the budget."""
    from .util.atomic import write_text_atomic
    from .write import new_measure as nm

    result = run_pipeline(ctx)
    model = result.model
    if model is None:
        fail("the plan cannot be read; run `nap check` first", EXIT_FINDINGS)
    langs = model.plan.languages
    problems: list[str] = []

    def given(value, resolve, default=None):
        """A flag's value through the same resolver as a typed answer; every problem is kept."""
        if not value:
            return default
        try:
            return resolve(value)
        except nm.NewMeasureError as exc:
            problems.append(str(exc))
            return default

    draft = nm.MeasureDraft(
        objective=given(objective, lambda t: nm.resolve_objective(model, t), ""),
        title=_lang_values(titles, langs, "title"), description=_lang_values(descriptions, langs, "description"),
        lead=given(lead, lambda t: nm.resolve_agency(model, t), ""),
        start=given(start, nm.parse_date, model.plan.start), end=given(end, nm.parse_date, model.plan.end),
        partners=[a for p in partners for a in given(p, lambda t: nm.resolve_agencies(model, t), [])],
        implements=[x for i in implements for x in given(i, lambda t: nm.resolve_recommendations(model, t), [])],
        id=measure_id)
    if sys.stdin.isatty():
        from .write.measure_dialog import ask_measure

        for p in problems:  # what a flag got wrong is asked for again
            click.echo(f"nap new measure: {p}", err=True)
        problems = []
        draft = ask_measure(model, draft)
    else:
        flags = {"objective": "--objective", "lead": "--lead"}
        problems += [f"missing {flag} (or run in a terminal to be asked)" for key, flag in flags.items()
                     if not getattr(draft, key)]
        for lang in langs:
            problems += [f"missing --{what} {lang}=… (or run in a terminal to be asked)"
                         for what, texts in (("title", draft.title), ("description", draft.description))
                         if not texts.get(lang)]
    if not problems:
        problems = nm.check_draft(model, draft)
    if problems:
        for p in problems:
            click.echo(f"nap new measure: {p}", err=True)
        sys.exit(EXIT_USAGE)
    draft.id = draft.id or nm.next_measure_id(model)
    path = ctx.root / "measures" / f"{draft.id}.yaml"
    if os.path.lexists(path):
        fail(f"{path} exists already")
    from .load.safe_paths import Repo

    unsafe = Repo(ctx.root).check_writable(f"measures/{draft.id}.yaml")  # measures/ a link out: no
    if unsafe is not None:
        fail(f"{unsafe.path}: {unsafe.message}")
    write_text_atomic(path, nm.render_measure(model, draft))
    click.echo(f"created {path.relative_to(ctx.root)}")


@new.command("response")
@click.argument("respondent_id")
@click.option("--name", help="Name of the organisation or person that responded.")
@click.option("--kind", help="ngo, municipality, agency, business, academic, individual or other.")
@click.option("--date", "day", type=click.DateTime(["%Y-%m-%d"]), help="Date of the response (default: today).")
@click.option("--url", help="Where the response is published (https).")
@click.option("--point", "points", multiple=True,
              help="What a point is about: a measure, recommendation or objective id, or general (repeat per point).")
@click.option("--summary", "summaries", multiple=True,
              help="A point's summary as LANG=TEXT; the n-th summary in a language is the n-th point's.")
@pass_ctx
def new_response(ctx: Context, respondent_id, name, kind, day, url, points, summaries) -> None:
    """Write plan/consultation/<RESPONDENT_ID>.yaml: one consultation response and its points;
    the reasoned responses are added to it later."""
    from .util.atomic import write_text_atomic
    from .validate.consultation_rules import today
    from .write.new_response import KINDS, ResponseDraft, check_response, render_response

    result = run_pipeline(ctx)
    model = result.model
    if model is None:
        fail("the plan cannot be read; run `nap check` first", EXIT_FINDINGS)
    langs = model.plan.languages
    interactive = sys.stdin.isatty()
    missing: list[str] = []

    def ask(value, flag: str, prompt: str):
        if value:
            return value
        if interactive:
            return click.prompt(prompt)
        missing.append(flag)
        return ""

    name = ask(name, "--name", "Respondent's name")
    kind = ask(kind, "--kind", "Kind (" + ", ".join(KINDS) + ")")
    by_lang: dict[str, list[str]] = {lang: [] for lang in langs}
    for s in summaries:
        lang, sep, text = s.partition("=")
        if not sep or lang not in langs:
            lang, text = langs[0], s
        by_lang[lang].append(text.strip())
    drafted = []
    for i, about in enumerate(points):
        summary = {}
        for lang in langs:
            given = by_lang[lang][i] if i < len(by_lang[lang]) else ""
            summary[lang] = given or ask(None, f"--summary {lang}=… for point {i + 1}", f"Point {i + 1} ({about}), summary ({lang})")
        drafted.append((about, summary))
    draft = ResponseDraft(respondent_id, name, kind, day.date() if day else today(), url, drafted)
    folder = ctx.root / "plan" / "consultation"
    existing = {p.stem for p in folder.glob("*.y*ml")} if folder.is_dir() else set()
    problems = [f"missing {m} (or run in a terminal to be asked)" for m in missing]
    problems += [p for p in check_response(model, draft, existing) if not missing or "is needed" not in p]
    if problems:
        for p in problems:
            click.echo(f"nap new response: {p}", err=True)
        sys.exit(EXIT_USAGE)
    path = folder / f"{respondent_id}.yaml"
    folder.mkdir(parents=True, exist_ok=True)
    write_text_atomic(path, render_response(model, draft))
    click.echo(f"created {path.relative_to(ctx.root)} ({len(drafted)} point(s) awaiting a response)")


def _new_entry(ctx: Context, what: str, given: dict[str, str | None], text_flags: dict[str, tuple[str, ...]]) -> None:
    """Draft one agency, indicator, recommendation or progress entry from `given` (flag values by
    field) and `text_flags` (LANG=TEXT values by field), asking in a terminal for the rest; write it."""
    from .write.drafting import DraftError, collect
    from .write.new_entries import KINDS

    result = run_pipeline(ctx)
    model = result.model
    if model is None:
        fail("the plan cannot be read; run `nap check` first", EXIT_FINDINGS)
    kind = KINDS[what]
    for key, values in text_flags.items():
        given.update({f"{key}.{lang}": text for lang, text in _lang_values(values, model.languages, key).items()})
    interactive = sys.stdin.isatty()
    answers, problems = collect(kind.fields(model, given, interactive), given, interactive, what)
    if problems:
        for p in problems:
            click.echo(f"nap new {what}: {p}", err=True)
        sys.exit(EXIT_USAGE)
    try:
        rel = kind.write(ctx.root, model, answers)
    except DraftError as exc:
        fail(str(exc))
    click.echo(f"{'created' if what == 'progress' else 'added to'} {rel}")


def _complete(name: str):
    """Tab completion of an option from the schema's own values (new_entries.AGENCY_KINDS …)."""
    def complete(_ctx, _param, incomplete: str) -> list[str]:
        from .write import new_entries

        return [v for v in getattr(new_entries, name) if v.startswith(incomplete)]
    return complete


@new.command("agency")
@click.option("--id", "entry_id", help="Agency id, referenced by measures (usually its abbreviation).")
@click.option("--name", "names", multiple=True, help="Official name, as LANG=TEXT (repeat per language).")
@click.option("--abbreviation", "abbreviations", multiple=True, help="Common abbreviation, as LANG=TEXT.")
@click.option("--kind", shell_complete=_complete("AGENCY_KINDS"),
              help="ministry, directorate, police, prosecution, court, municipality, ngo, international or other.")
@click.option("--parent", help="The agency it reports to: id, abbreviation or name.")
@click.option("--url", help="Official website (https://…).")
@click.option("--independent/--not-independent", default=None,
              help="Whether the government cannot instruct it (courts, prosecution, bodies of parliament).")
@pass_ctx
def new_agency(ctx: Context, entry_id, names, abbreviations, kind, parent, url, independent) -> None:
    """Add an agency to plan/agencies.yaml (comments kept). In a terminal it asks for what the
    flags do not give, checking each answer as it is typed; `?` lists the agencies."""
    given = {"id": entry_id, "kind": kind, "parent": parent, "url": url,
             "independent": None if independent is None else "y" if independent else "n"}
    _new_entry(ctx, "agency", given, {"name": names, "abbreviation": abbreviations})


@new.command("indicator")
@click.option("--id", "entry_id", help="Indicator id, e.g. IND-VICTIMS.")
@click.option("--name", "names", multiple=True, help="Short name, as LANG=TEXT (repeat per language).")
@click.option("--definition", "definitions", multiple=True, help="Exactly what is counted, as LANG=TEXT.")
@click.option("--unit", "units", multiple=True, help="Unit (e.g. persons), as LANG=TEXT.")
@click.option("--source", "sources", multiple=True, help="Where the data will come from, as LANG=TEXT.")
@click.option("--direction", shell_complete=_complete("DIRECTIONS"), help="What good looks like: increase, decrease or maintain.")
@click.option("--unit-kind", shell_complete=_complete("UNIT_KINDS"), help="count, percent, money or other.")
@click.option("--baseline", "baselines", multiple=True, help="A known value before the plan, YEAR=VALUE (repeatable).")
@click.option("--baseline-source", "baseline_sources", multiple=True, help="Where the baseline comes from, as LANG=TEXT.")
@click.option("--baseline-note", "baseline_notes", multiple=True,
              help="Without a baseline: why there is none yet, as LANG=TEXT.")
@click.option("--target", "targets", multiple=True, help="A value the plan aims for, YEAR=VALUE (repeatable).")
@pass_ctx
def new_indicator(ctx: Context, entry_id, names, definitions, units, sources, direction, unit_kind, baselines,
                  baseline_sources, baseline_notes, targets) -> None:
    """Add an indicator to plan/indicators.yaml (comments kept). In a terminal it asks for what
    the flags do not give, checking each answer as it is typed."""
    given = {"id": entry_id, "direction": direction, "unit_kind": unit_kind,
             "baseline": ",".join(baselines), "targets": ",".join(targets)}
    _new_entry(ctx, "indicator", given, {"name": names, "definition": definitions, "unit": units, "source": sources,
                                         "baseline_source": baseline_sources, "baseline_note": baseline_notes})


@new.command("recommendation")
@click.option("--source", help="The source id (e.g. TIP24): the recommendation goes into its catalog.")
@click.option("--id", "entry_id", help="Recommendation id (default: the next free one of the source).")
@click.option("--summary", "summaries", multiple=True, help="The ask in our own words, as LANG=TEXT (repeat per language).")
@click.option("--pillar", shell_complete=_complete("PILLARS"),
              help="prevention, protection, prosecution, partnership or coordination.")
@click.option("--strength", shell_complete=_complete("STRENGTHS"),
              help="How strongly the source words it: urges, recommends, encourages, … or notes.")
@click.option("--theme", help="Theme slug, e.g. victim-identification.")
@click.option("--section", help="Section of the source, e.g. VII.1.")
@click.option("--paragraph", help="Numbered paragraph of the source.")
@click.option("--quote", help="Key words quoted from the source.")
@click.option("--response", shell_complete=_complete("RESPONSES"), help="The government's response: accepted, partly or noted.")
@click.option("--justification", "justifications", multiple=True,
              help="Why, as LANG=TEXT (needed for partly and noted).")
@pass_ctx
def new_recommendation(ctx: Context, source, entry_id, summaries, pillar, strength, theme, section, paragraph, quote,
                       response, justifications) -> None:
    """Add a recommendation to its source's catalog in plan/recommendations/ (comments kept). In a
    terminal it asks for what the flags do not give; `?` lists the sources."""
    given = {"source": source, "id": entry_id, "pillar": pillar, "strength": strength, "theme": theme,
             "section": section, "paragraph": paragraph, "quote": quote, "status": response}
    _new_entry(ctx, "recommendation", given, {"summary": summaries, "justification": justifications})


@new.command("progress")
@click.option("--measure", help="The measure reported on (id, any case).")
@click.option("--period", help="The reporting period, e.g. 2027.")
@click.option("--reported-by", help="The reporting agency (default: the measure's lead).")
@click.option("--date", "day", help="Date of the report: 2028-01-20 or 20.1.2028 (default: today).")
@click.option("--status", shell_complete=_complete("STATUSES"), help="not-started, on-track, delayed, completed or cancelled.")
@click.option("--completion", help="How far the measure has come, in per cent.")
@click.option("--done", "dones", multiple=True, help="What was done in the period, as LANG=TEXT (repeat per language).")
@click.option("--spent", "spents", multiple=True, help="Money spent, YEAR=AMOUNT (repeatable).")
@click.option("--reached", "reached", multiple=True, help="A milestone reached, ID=DATE (repeatable).")
@click.option("--value", "values", multiple=True, help="An indicator value measured, INDICATOR=VALUE (repeatable).")
@click.option("--value-source", "value_sources", multiple=True, help="Where the values come from, as LANG=TEXT.")
@pass_ctx
def new_progress(ctx: Context, measure, period, reported_by, day, status, completion, dones, spents, reached, values,
                 value_sources) -> None:
    """Write plan/progress/<period>/<measure>.yaml: one measure's progress in one period. In a
    terminal it asks for what the flags do not give; `?` lists measures, periods and milestones."""
    given = {"measure": measure, "period": period, "reported_by": reported_by, "date": day, "status": status,
             "completion": completion, "spent": ",".join(spents), "milestones": ",".join(reached),
             "values": ",".join(values)}
    _new_entry(ctx, "progress", given, {"done": dones, "value_source": value_sources})


@cli.command("release")
@click.argument("version")
@click.option("--status", type=click.Choice(["draft", "consultation", "adopted", "revised"]), required=True,
              help="What this version is.")
@click.option("--date", "day", type=click.DateTime(["%Y-%m-%d"]), help="Release date (default: today).")
@click.option("--ref", help="Git tag or commit of the release, if it exists already (default: none, the working tree).")
@click.option("--note", "notes", multiple=True, help="What the version is, as LANG=TEXT (repeat per language).")
@pass_ctx
def release_cmd(ctx: Context, version: str, status: str, day, ref: str | None, notes: tuple[str, ...]) -> None:
    """Record VERSION in plan/plan.yaml `versions` and set `version` and `date` (comments kept).
    Then commit, and tag the commit: git tag vVERSION."""
    from .util.atomic import write_text_atomic
    from .validate.consultation_rules import git_ref_checker, today
    from .write.release import Release, ReleaseError, release

    path = ctx.root / "plan" / "plan.yaml"
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        fail(f"cannot read {path}: {exc}")
    note = {}
    for n in notes:
        lang, sep, value = n.partition("=")
        if not sep:
            fail(f"--note must be LANG=TEXT, not '{n}'")
        note[lang.strip()] = value.strip()
    try:
        done = release(text, Release(version, status, day.date() if day else today(), ref, note or None),
                       git_ref_checker(ctx.root))
    except ReleaseError as exc:
        fail(str(exc))
    except Exception as exc:  # ruamel: not YAML at all
        fail(f"cannot edit {path}: {exc}; run `nap check`", EXIT_FINDINGS)
    write_text_atomic(path, done.text)
    click.echo(f"recorded version {version} ({status}) in plan/plan.yaml")
    if done.previous_ref:
        click.echo(f"version {done.previous} now refers to its tag {done.previous_ref}")
    elif done.previous:
        click.echo(f"note: version {done.previous} has no ref; add `ref:` (its tag or commit) so its documents can be rebuilt")
    if not ref:
        click.echo(f"next: commit, then tag the commit: git tag v{version}")


@cli.command("schemas")
@click.option("--check", "check_only", is_flag=True, help="Write nothing; exit 1 when schemas/ is out of date.")
@pass_ctx
def schemas_command(ctx: Context, check_only: bool) -> None:
    """Write schemas/: the JSON Schemas editors use, with this plan's agencies, objectives,
    recommendations, indicators and measures as choices (run again after adding one)."""
    from .util.atomic import write_text_atomic
    from .write.editor_schemas import editor_schemas

    result = run_pipeline(ctx)
    if result.model is None:
        fail("the plan cannot be read; run `nap check` first", EXIT_FINDINGS)
    folder = ctx.root / "schemas"
    if folder.is_symlink():
        if check_only:
            fail("schemas/ is a link; run `nap schemas` to write real files (links break Windows checkouts)",
                 EXIT_FINDINGS)
        folder.unlink()
    stale = []
    for name, text in editor_schemas(result.model).items():
        path = folder / name
        try:
            current = path.read_text(encoding="utf-8") if path.is_file() else None
        except (OSError, UnicodeDecodeError):
            current = None
        if current != text:
            stale.append(name)
            if not check_only:
                write_text_atomic(path, text)
    if check_only and stale:
        click.echo("out of date: " + ", ".join(f"schemas/{n}" for n in stale) + " (run `nap schemas`)", err=True)
        sys.exit(EXIT_FINDINGS)
    if not ctx.quiet:
        click.echo(f"schemas/: {len(stale)} file(s) written" if not check_only else "schemas/ is up to date")


@cli.command("init")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--title", default="National Action Plan", show_default=True, help="Title of the plan.")
@click.option("--languages", default="en", show_default=True, help="Comma-separated language codes, default first.")
@click.option("--currency", default="EUR", show_default=True, help="ISO 4217 currency of the budget.")
# the years a plan may have (schemas: definitions/year)
@click.option("--start", type=click.IntRange(1900, 2200), help="First year (default: next year).")
@click.option("--end", type=click.IntRange(1900, 2200), help="Last year (default: start + 3).")
@click.option("--id", "plan_id", help="Plan id used in file names (default: from the title).")
def init_command(directory: Path, title: str, languages: str, currency: str, start: int | None, end: int | None,
                 plan_id: str | None) -> None:
    """Start a new plan in DIRECTORY (any country, any topic) that passes `nap check` and builds."""
    from .write.init import InitError, InitOptions, init_plan

    start = start or dt.date.today().year + 1
    end = end or min(start + 3, 2200)
    langs = tuple(x.strip() for x in languages.split(",") if x.strip())
    try:
        files = init_plan(directory, InitOptions(title, langs, currency, start, end, plan_id))
    except InitError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"cannot create {directory}: {exc.strerror or exc}")
    click.echo(f"started a plan in {directory} ({len(files)} files). Next: cd {directory} && nap check && nap build")


def git_toplevel(root: Path) -> Path:
    import subprocess

    proc = subprocess.run(["git", "-C", str(root), "rev-parse", "--show-toplevel"], capture_output=True, text=True)
    if proc.returncode != 0:
        fail(f"{root} is not inside a git repository")
    return Path(proc.stdout.strip()).resolve()


@cli.command()
@click.argument("target", type=click.Choice(["all", "site", "docs"]), default="all")
@click.option("-o", "--out", type=click.Path(file_okay=False, path_type=Path), help="Output folder (default: build/).")
@click.option("--full", is_flag=True,
              help="Render every page of the site again (default: only the pages that changed since the last build).")
@click.option("--engine", type=click.Choice(["mkdocs", "properdocs"]), default="mkdocs", show_default=True,
              help="The program that turns the site's pages into HTML (ProperDocs: the maintained fork of MkDocs 1.x).")
@pass_ctx
def build(ctx: Context, target: str, out: Path | None, full: bool, engine: str) -> None:
    """Build the website (build/site/) and the plan documents (build/*.docx, *.pdf)."""
    from .build import BuildOptions, run_build
    from .report.text import report_text
    from .util.progress import progress_display

    result = run_pipeline(ctx)
    if result.model is None or result.findings.errors:
        click.echo(report_text(result.findings.sorted()), err=True, nl=False)
        fail("the plan has errors; `nap check` lists them. Nothing was built.", EXIT_FINDINGS)
    warn_unknown_locales(result.model)
    targets = ("docs", "site") if target == "all" else (target,)
    from .render.docs import DocumentBuildError
    from .render.site import SiteBuildError
    from .render.site.engines import UnknownEngine, engine as site_engine

    try:
        site_engine(engine)
    except UnknownEngine as exc:
        fail(str(exc))
    from .export.finite import NotFinite
    from .util.atomic import BuildFolderError

    from . import locale
    from .render.site.context import FALLBACKS

    locale.missing.clear()  # what this build shows in another language (report_fallbacks)
    FALLBACKS.clear()
    try:
        with progress_display(quiet=ctx.no_progress) as progress:
            written = run_build(result, BuildOptions(ctx.root, out or ctx.root / "build", targets, progress, full,
                                                     engine))
    except (DocumentBuildError, SiteBuildError, NotFinite) as exc:
        fail(f"build failed: {exc}\nThe previous build/ was left as it was.", EXIT_FINDINGS)
    except BuildFolderError as exc:
        fail(str(exc))
    if not ctx.quiet:
        for path in written:
            click.echo(f"wrote {path}")
    report_fallbacks()


def report_fallbacks(shown: int = 5) -> None:
    """What the build showed in another language than the page's: interface texts no catalog
    translates (they are in English) and plan texts missing a translation (marked with lang)."""
    from .locale import missing, plan_po
    from .render.site.context import FALLBACKS

    by_lang: dict[str, list[str]] = {}
    for lang, msgid in sorted(missing):
        by_lang.setdefault(lang, []).append(msgid)
    for lang, msgids in by_lang.items():
        first = ", ".join(repr(m if len(m) <= 40 else m[:39] + "…") for m in msgids[:shown])
        click.echo(f"nap: {len(msgids)} interface text(s) shown in English on the '{lang}' pages and documents "
                   f"(translate them in {plan_po(lang)}): {first}{', …' if len(msgids) > shown else ''}", err=True)
    if FALLBACKS:
        click.echo(f"nap: {len(FALLBACKS)} plan text(s) shown in another language than their page "
                   "(marked with lang on the page):", err=True)
        for page_lang, used, text in list(FALLBACKS)[:shown]:
            short = text if len(text) <= 60 else text[:59] + "…"
            click.echo(f"  on the '{page_lang}' pages, in '{used}': {short!r}", err=True)


@cli.command()
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port on 127.0.0.1 (0: any free port).")
@click.option("-o", "--out", type=click.Path(file_okay=False, path_type=Path),
              help="Where the preview is built (default: build/preview/; build/ itself is left alone).")
@pass_ctx
def serve(ctx: Context, port: int, out: Path | None) -> None:
    """Preview the site while drafting: build it, serve it on 127.0.0.1, rebuild on every change to
    the plan's files and reload open pages. Findings show in the terminal and on the page."""
    from .preview import PreviewSession

    run_pipeline(ctx)  # not a plan at all: a usage error before anything is served
    session = PreviewSession(ctx.root, out or ctx.root / "build" / "preview", lambda line: click.echo(line, err=True))
    try:
        bound = session.start(port)
    except OSError as exc:
        fail(f"cannot serve on 127.0.0.1:{port}: {exc.strerror or exc}")
    click.echo(f"Serving the plan on http://127.0.0.1:{bound}/ (Ctrl+C stops)", err=True)
    try:
        session.watch()
    except KeyboardInterrupt:
        pass
    finally:
        session.stop()


@cli.command()
@click.argument("period")
@click.option("-o", "--out", type=click.Path(file_okay=False, path_type=Path), help="Output folder (default: build/).")
@click.option("--lang", help="Language of the summary printed here (default: the plan's first language).")
@click.option("--no-documents", is_flag=True, help="Only print the summary; write no DOCX/PDF.")
@pass_ctx
def report(ctx: Context, period: str, out: Path | None, lang: str | None, no_documents: bool) -> None:
    """Implementation report for a reporting PERIOD: a summary here, and the report as DOCX and
    PDF in every plan language (build/<plan>-report-<period>-<lang>.docx, .pdf)."""
    from .analyse.progress import UnknownPeriod, progress_of
    from .render.docs import DocumentBuildError
    from .locale import _
    from .render.progress_report import report_of
    from .report.text import report_text
    from .util.progress import progress_display

    result = run_pipeline(ctx)
    if result.model is None or result.findings.errors:
        click.echo(report_text(result.findings.sorted()), err=True, nl=False)
        fail("the plan has errors; `nap check` lists them. No report was made.", EXIT_FINDINGS)
    model = result.model
    warn_unknown_locales(model)
    lang = lang or model.plan.default_language
    if lang not in model.languages:
        fail(f"'{lang}' is not a language of the plan ({', '.join(model.languages)})")
    try:
        progress = progress_of(model, period, result.analysis.coverage)
    except UnknownPeriod as exc:
        fail(str(exc))
    summary = report_of(model, progress, lang)
    lines = [summary.title]
    if summary.example:
        lines.append(_("Example data: the progress shown here is example data for demonstration and does not describe real implementation.", lang))
    lines += [f"  {value:>12}  {what}" for value, what in summary.figures]
    status_section = summary.sections[0]
    lines += [f"  {count:>12}  {name}" for name, count in status_section.rows]
    click.echo("\n".join(lines))
    if no_documents:
        return
    from .build import run_report
    from .export.finite import NotFinite
    from .util.atomic import BuildFolderError

    try:
        with progress_display(quiet=ctx.no_progress) as display:
            written = run_report(result, ctx.root, out or ctx.root / "build", period, display)
    except (DocumentBuildError, NotFinite) as exc:
        fail(f"report failed: {exc}\nThe previous build/ was left as it was.", EXIT_FINDINGS)
    except BuildFolderError as exc:
        fail(str(exc))
    if not ctx.quiet:
        for path in written:
            click.echo(f"wrote {path}")


# OSErrors that come from the machine, not from napkit: a folder napkit may not write, a full or
# read-only disk, a file removed while napkit ran, a path that is a file where a folder is needed.
# They are usage/input problems (exit 2) with a plain message. Others (EBADF, EINVAL, …) stay bugs.
_ENVIRONMENT_ERRNOS = {
    errno.EACCES: "permission denied", errno.EPERM: "operation not permitted",
    errno.ENOENT: "no such file or folder (was it removed while napkit ran?)",
    errno.EEXIST: "exists already", errno.EISDIR: "is a folder, not a file", errno.ENOTDIR: "is not a folder",
    errno.ENOSPC: "no space left on the device (the disk is full)", errno.EDQUOT: "disk quota exceeded",
    errno.EROFS: "the file system is read-only", errno.EIO: "input/output error",
    errno.EMFILE: "too many open files", errno.ENFILE: "too many open files on the system",
    errno.ENAMETOOLONG: "file name too long", errno.ELOOP: "too many levels of symbolic links",
    errno.EXDEV: "cannot move between file systems", errno.ENOTEMPTY: "folder not empty",
    errno.EBUSY: "device or resource busy", errno.ETXTBSY: "file busy", errno.EPIPE: "broken pipe",
    errno.EFBIG: "file too large", errno.ENXIO: "no such device", errno.ENODEV: "no such device",
    errno.ESTALE: "stale file handle", errno.ENOMEM: "out of memory",
}


def environment_message(exc: BaseException) -> str | None:
    """A plain message for an OSError caused by the machine (see _ENVIRONMENT_ERRNOS), else None."""
    if not isinstance(exc, OSError) or exc.errno not in _ENVIRONMENT_ERRNOS:
        return None
    what = _ENVIRONMENT_ERRNOS[exc.errno]
    names = [n for n in (exc.filename, exc.filename2) if n not in (None, "")]
    where = " -> ".join(str(n) for n in names)
    return f"{where}: {what}" if where else what


def _flush_stdout() -> str | None:
    """Flush standard output now (not at interpreter exit, where a failure is only a warning);
    the message when it cannot be written (stdout on /dev/full, a closed pipe)."""
    try:
        sys.stdout.flush()
    except OSError as exc:
        # nothing more can reach stdout: point it at /dev/null so the exit does not try again
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return f"cannot write to standard output: {environment_message(exc) or exc}"
    return None


def main() -> None:
    code: int | str | None = 0
    try:
        cli(standalone_mode=True)
    except SystemExit as exc:
        code = exc.code
    except KeyboardInterrupt:
        click.echo("nap: interrupted", err=True)
        code = 130
    except Exception as exc:
        message = environment_message(exc)
        if message is None:  # a bug in napkit, not in the plan: say so plainly, no traceback
            click.echo(f"nap: internal error: {type(exc).__name__}: {exc}\n"
                       "This is a bug in napkit; please report it with the command you ran "
                       "(set NAP_DEBUG=1 for the traceback).", err=True)
            code = EXIT_INTERNAL
        else:
            click.echo(f"nap: {message}", err=True)
            code = EXIT_USAGE
        if os.environ.get("NAP_DEBUG"):
            raise
    problem = _flush_stdout()
    if problem is not None:
        click.echo(f"nap: {problem}", err=True)
        code = EXIT_USAGE if code in (0, None) else code
    sys.exit(code)
