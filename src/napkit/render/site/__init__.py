"""The plan website: model + analysis → a Markdown tree per language → MkDocs Material → build/site/.

One straight line of stages, each reported through `progress.step`:

  1. pages      compose.py builds every page of every language as Markdown (pages/*), the
                charts as SVG (charts.py) and the nav: a builder-neutral tree (tree.py)
  2. project    mkdocs_builder.py writes each language as a MkDocs project into
                build/site-src/<lang>/ (docs, overrides, a mkdocs.yml derived from the plan's)
  3. mkdocs     `mkdocs build --strict` per language: the default language at the site root,
                every other under /<lang>/
  4. check      check.py: every internal link and anchor resolves, nothing loads from elsewhere

Both build/site/ and build/site-src/ are staged beside their final place and moved in only when
everything succeeded. See compose.py for the URL scheme."""

from __future__ import annotations

import calendar
import datetime as dt
from pathlib import Path

from ...analyse import Analysis
from ...model import PlanModel
from ...util.atomic import staged_dir
from ...locale import _
from . import incremental
from .engines import DEFAULT as DEFAULT_ENGINE
from .mkdocs_builder import SiteBuildError, load_base_config, run_mkdocs, write_project
from .tree import LanguageTree, url_of

__all__ = ["build_site", "SiteBuildError"]

# the charts of the last build, reused when their data did not change (charts.py)
CHARTS_CACHE = ".cache/charts"


class _Silent:
    def step(self, message: str) -> None:
        pass


def pinned_epoch(model: PlanModel) -> int:
    """The one timestamp the site carries (sitemap lastmod, gzip headers): SOURCE_DATE_EPOCH when
    set, else the plan's date, else 1 January of its first year — never the build time."""
    from ...build import source_date_epoch

    epoch = source_date_epoch()
    if epoch is not None:
        return epoch
    day = model.plan.date or dt.date(model.plan.start_year, 1, 1)
    return calendar.timegm(day.timetuple())


def copyright_line(model: PlanModel, lang: str) -> str:
    plan = model.plan
    parts = []
    responsible = model.agencies.get(plan.responsible) if plan.responsible else None
    if responsible is not None:
        parts.append(responsible.name.get(lang, model.languages))
    version = _("Version", lang) + " " + plan.version if plan.version else ""
    if plan.date:
        from ...util import fmt

        version = _("Version {version}, {date}", lang, version=plan.version, date=fmt.date(plan.date, lang))
    if version:
        parts.append(version)
    return " · ".join(parts)


def _build_in_full(configs: list[tuple[LanguageTree, Path]], src_dir: Path, site_dir: Path, epoch: int,
                   progress, engine: str, warm=None) -> None:
    progress.step(f"site: {engine} build --strict ({', '.join(t.lang for t, _c in configs)})")
    # each language into a folder of its own (a build empties its folder), then the others
    # into their place under the default language's site
    builds = [(config, site_dir if not tree.prefix else src_dir / f"built-{tree.lang}") for tree, config in configs]
    run_mkdocs(builds, epoch, engine=engine, warm=warm)
    for (tree, _config), (_c, built) in zip(configs, builds):
        if tree.prefix:
            built.rename(site_dir / tree.prefix.rstrip("/"))


def _build_incrementally(configs: list[tuple[LanguageTree, Path]], languages: list[incremental.Language],
                         changes: incremental.Changes, old_site: Path, site_dir: Path, epoch: int,
                         progress, engine: str, warm=None) -> set[str]:
    """Rebuild only what changed (see incremental.py); return the pages to check."""
    if not any(changes.by_lang.values()):
        progress.step("site: nothing changed since the last build")
        incremental.prepare(old_site, site_dir, languages, changes, rewrite_always=False)
        return set()
    progress.step(f"site: {changes.pages} changed page(s), {engine} build --strict of those only")
    incremental.prepare(old_site, site_dir, languages, changes)
    run_mkdocs([(config, site_dir / tree.prefix) for tree, config in configs], epoch, dirty=True, engine=engine,
               warm=warm)
    only: set[str] = set()
    for lang in languages:
        pages = [s for s in changes.by_lang[lang.lang] if s.endswith(".md")]
        index = site_dir / lang.prefix / incremental.SEARCH_INDEX
        merged = incremental.merge_search_index((old_site / lang.prefix / incremental.SEARCH_INDEX).read_bytes(),
                                                index.read_bytes(), {url_of(s) for s in pages})
        index.write_bytes(merged)
        only |= {lang.prefix + incremental.output_of(s) for s in pages} | {lang.prefix + "404.html"}
    return only


def _empty(folder: Path) -> None:
    import shutil

    for child in folder.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()


def build_site(model: PlanModel, analysis: Analysis, root: Path, out: Path, *, progress=None,
               full: bool = False, previous: Path | None = None, engine: str = DEFAULT_ENGINE,
               warm=None) -> list[Path]:
    """Build the website into `out/site/` (and its sources into `out/site-src/`); return
    [out/site]. When the previous build (in `previous`, default `out`: nap build stages into a
    fresh folder and names build/ here) can be reused, only changed pages are rendered again
    (incremental.py); `full` renders everything. `engine` names the program that turns the pages
    into HTML (engines.py); `warm` (warm.WarmEngines) keeps it running between builds (`nap serve`).
    Raises SiteBuildError when the engine or the site checks refuse it."""
    # the pages and charts (matplotlib) are imported here, not with the package: every command
    # that escapes text imports the package, and `nap check` should not wait for matplotlib
    from .charts import charts_cached
    from .check import check_site
    from .compose import compose, find_downloads
    from .escape import esc
    from .pages.handwritten import HandwrittenError

    progress = progress or _Silent()
    root, out = Path(root), Path(out)
    progress.step("site: pages and charts")
    before = Path(previous) if previous is not None else out
    try:
        with charts_cached(None if full else before / CHARTS_CACHE, out / CHARTS_CACHE):
            site = compose(model, analysis, root, find_downloads(model, out), step=progress.step)
    except HandwrittenError as exc:
        raise SiteBuildError(str(exc)) from None
    base = load_base_config(root)
    epoch = pinned_epoch(model)
    with staged_dir(out / "site-src") as src_dir, staged_dir(out / "site") as site_dir:
        progress.step("site: MkDocs projects")
        configs = []
        for tree in site.languages:
            configs.append((tree, write_project(tree, site, base, root, src_dir / tree.lang, str(esc(
                copyright_line(model, tree.lang))), previous=None if full else before / "site-src" / tree.lang)))
        languages = [incremental.Language(tree.lang, tree.prefix, src_dir / tree.lang) for tree, _c in configs]
        fingerprint = incremental.manifest(languages, epoch) | {"engine": engine}
        changes = None if full else incremental.find_changes(before / "site-src", before / "site", languages,
                                                             fingerprint)
        only = None
        if changes is not None:
            try:
                only = _build_incrementally(configs, languages, changes, before / "site", site_dir, epoch, progress,
                                            engine, warm)
            except incremental.NotIncremental:
                _empty(site_dir)
                changes = None
        if changes is None:
            _build_in_full(configs, src_dir, site_dir, epoch, progress, engine, warm)
        incremental.write_manifest(src_dir, fingerprint, site_dir, languages)
        progress.step("site: checking links and offline use")
        problems = check_site(site_dir, only)
        if problems:
            shown = "\n".join(f"  {p}" for p in problems[:50])
            more = f"\n  … and {len(problems) - 50} more" if len(problems) > 50 else ""
            raise SiteBuildError(f"the built site has {len(problems)} problem(s):\n{shown}{more}")
    return [out / "site"]
