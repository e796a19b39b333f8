"""The whole site as a tree: every page of every language, the nav, the files, and which page is
which in the other languages.

URL scheme (directory URLs; the default language at the root, the others under /<lang>/):

    /                         home with key figures          /en/
    /tiltak/                  objectives and their measures  /en/measures/
    /mal/<objective>/         one page per objective         /en/objectives/<objective>/
    /tiltak/<measure>/        one page per measure           /en/measures/<measure>/
    /anbefalinger/            reports, coverage per report   /en/recommendations/
    /anbefalinger/<source>/   every recommendation of one    /en/recommendations/<source>/
                              report; #<rec-id> anchors
    /dekning/                 coverage matrix                /en/coverage/
    /budsjett/                budget                         /en/budget/
    /tidslinje/               timeline (Gantt)               /en/timeline/
    /virksomheter/[<agency>/] agencies                       /en/agencies/[<agency>/]
    /nedlastinger/            plan documents                 /en/downloads/
    /framdrift/[<period>/]    status dashboard per reporting /en/progress/[<period>/]
                              period (only periods with progress entries;
                              the index says so while there are none)
    /<page>/                  hand-written pages (site/nb/)  /en/<page>/ (site/en/)
    /files/<plan>-<lang>.pdf  the documents themselves (shared by all languages)
"""

from __future__ import annotations

import dataclasses
import os
import threading
from importlib import resources
from pathlib import Path
from typing import Callable

from ...analyse import Analysis
from ...export.open_data import DATA_DIR, open_data_files
from ...model import PlanModel
from ...locale import missing as locale_missing
from .context import FALLBACKS, Ctx, Download, Routes
from .pages import Output
from .pages.accessibility import accessibility
from .pages.agencies import agencies_index, agency
from .pages.catalog import FILTER_FILE, FILTER_SCRIPT
from .pages.handwritten import HandwrittenError, read_handwritten
from .pages.indicators import indicator_pages
from .pages.recommendation import recommendation_pages
from .pages.money_time import budget, downloads, timeline
from .pages.consultation import with_banner
from .pages.versions import versions_page
from .pages.consultation_results import consultation_page, with_results
from ...util.clock import today
from .pages.progress import progress_index, progress_page, report_files
from ..docs import reported_periods
from .pages.plan import home, measure, measures_index, objective
from .pages.recommendations import coverage_matrix, source, sources_index
from .tree import STYLESHEET, LanguageTree, NavItem, SiteTree, relative_url, url_of

FILES_DIR = "files"


def prefix_of(lang: str, default: str) -> str:
    return "" if lang == default else f"{lang}/"


def find_downloads(model: PlanModel, out: Path) -> list[tuple[str, str, Path]]:
    """The plan documents another stage of `nap build` wrote: (lang, format, path)."""
    found = []
    for lang in model.languages:
        for fmt in ("pdf", "docx"):
            path = out / f"{model.plan.id}-{lang}.{fmt}"
            if path.is_file():
                found.append((lang, fmt, path))
    return found


def find_reports(model: PlanModel, periods: list[str], documents: list[tuple[str, str, Path]]) -> dict[str, Path]:
    """The implementation reports `nap build` wrote beside the plan documents: file name → path."""
    if not documents:
        return {}
    out = documents[0][2].parent
    found = {}
    for period in periods:
        for lang in model.languages:
            for fmt in ("pdf", "docx"):
                path = out / f"{model.plan.id}-report-{period}-{lang}.{fmt}"
                if path.is_file():
                    found[path.name] = path
    return found


def open_data(model: PlanModel, analysis: Analysis) -> dict[str, bytes]:
    """The open-data files (export/open_data.py), dated like the rest of the site."""
    import datetime as dt

    from . import pinned_epoch

    when = dt.datetime.fromtimestamp(pinned_epoch(model), dt.timezone.utc).date()
    return open_data_files(model, analysis, when)


def stylesheet() -> bytes:
    site = resources.files("napkit.data").joinpath("site")
    return site.joinpath("napkit.css").read_bytes() + b"\n" + site.joinpath("monitor.css").read_bytes()


def compose(model: PlanModel, analysis: Analysis, root: Path, documents: list[tuple[str, str, Path]],
            step: Callable[[str], None] = lambda _m: None) -> SiteTree:
    default = model.plan.default_language
    routes = {lang: Routes(lang, prefix_of(lang, default)) for lang in model.languages}
    downloads_ = [Download(lang, fmt, f"{FILES_DIR}/{path.name}", path.stat().st_size)
                  for lang, fmt, path in documents]
    css = stylesheet()
    periods = list(reported_periods(model))
    reports = find_reports(model, periods, documents)
    from ..docs.archive import find_archived

    archived = find_archived(model, documents[0][2].parent) if documents else []
    consulted = [(lg, ext, documents[0][2].parent / f"{model.plan.id}-consultation-{lg}.{ext}")
                 for lg in model.languages for ext in ("pdf", "docx")] if documents else []
    consulted = [c for c in consulted if c[2].is_file()]
    site = SiteTree(default, [])
    data = open_data(model, analysis)
    from ...analyse.changelog import history

    if model.plan.versions:
        step("site: versions and changes (git)")
    hist = history(model, root)  # once for every language: it reads the versions from git
    shared = (model, analysis, root, routes, downloads_, documents, css, periods, reports, data, hist, archived,
              consulted)
    if len(model.languages) > 1 and (os.cpu_count() or 1) > 1 and threading.active_count() == 1:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        step(f"site: pages ({', '.join(model.languages)})")
        _SHARED["compose"] = shared  # inherited by the forked workers, not pickled
        try:
            with ProcessPoolExecutor(min(len(model.languages), os.cpu_count() or 1),
                                     mp_context=multiprocessing.get_context("fork")) as pool:
                for tree, shown_in_english, fallbacks in pool.map(_language_in_worker, model.languages):
                    site.languages.append(tree)
                    # what the worker's pages showed in another language, for the build's report
                    locale_missing.update(shown_in_english)
                    FALLBACKS.update(fallbacks)
        finally:
            _SHARED.pop("compose", None)
    else:
        for lang in model.languages:
            step(f"site: pages ({lang})")
            site.languages.append(_language_tree(lang, *shared))
    _link_alternates(site)
    return site


# Languages are composed side by side, one forked process per core: even a small plan's charts
# take seconds to draw (matplotlib, ~0.1 s a chart). Only from a process without other threads
# (`nap build`): a fork copies no thread, and a lock another thread held would stay locked in the
# child. `nap serve` runs a web server and a watcher beside the builds, and its charts are cached.
_SHARED: dict = {}


def _language_in_worker(lang: str) -> tuple[LanguageTree, set, dict]:
    """One language's tree, and what its pages showed in another language: recorded in this
    process's copies of locale.missing and context.FALLBACKS, which the parent never sees."""
    locale_missing.clear()
    FALLBACKS.clear()
    tree = _language_tree(lang, *_SHARED["compose"])
    return tree, set(locale_missing), dict(FALLBACKS)


def _language_tree(lang: str, model: PlanModel, analysis: Analysis, root: Path, routes: dict[str, Routes],
                   downloads_: list[Download], documents: list[tuple[str, str, Path]], css: bytes,
                   periods: list[str], reports: dict, data: dict[str, bytes], hist=None,
                   archived: list = (), consulted: list = ()) -> LanguageTree:
    """Every page, file and the nav of one language."""
    default = model.plan.default_language
    ctx = Ctx(model, analysis, lang, routes[lang], routes, downloads_,
              open_data=[(name, len(content)) for name, content in data.items()],
              archived=[(v, Download(lg, fmt_, f"{FILES_DIR}/{path.name}", path.stat().st_size))
                        for v, lg, fmt_, path in archived],
              consultation_docs=[Download(lg, ext, f"{FILES_DIR}/{path.name}", path.stat().st_size)
                                 for lg, ext, path in consulted])
    out = Output()
    home(ctx, out)
    measures_index(ctx, out)
    for o in model.objectives:
        objective(ctx, out, o)
    for m in model.measures:
        measure(ctx, out, m)
    indicator_pages(ctx, out)
    sources_index(ctx, out)
    for s in model.sources:
        source(ctx, out, s.id)
    recommendation_pages(ctx, out)
    coverage_matrix(ctx, out)
    budget(ctx, out)
    timeline(ctx, out)
    agencies_index(ctx, out)
    for a in model.agencies:
        agency(ctx, out, a)
    downloads(ctx, out)
    if hist is not None:
        versions_page(ctx, out, hist)
    consultation_page(ctx, out, today())
    for period in periods:
        progress_page(ctx, out, period, report_files(model, period, reports), FILES_DIR)
    progress_index(ctx, out, periods)  # also before any report: it says when reporting starts
    hand = read_handwritten(root, lang)
    if not any(p.path == ctx.routes.path("accessibility") for p in hand.pages):  # a hand-written one wins
        accessibility(ctx, out)
    reserved = {url_of(p.path).split("/", 1)[0] for p in out.pages} - {""}
    reserved |= {"assets", "search", FILES_DIR, DATA_DIR, "404.html", "sitemap.xml", "sitemap.xml.gz"}
    if lang == default:
        reserved |= set(model.languages)
    for path in [p.path for p in hand.pages] + list(hand.files):
        clash = _clash(path, reserved)
        if clash:
            raise HandwrittenError(f"site/{lang}/{path}: {clash}")
    files = dict(out.files)
    files.update(hand.files)
    files[STYLESHEET] = css
    files[FILTER_FILE] = FILTER_SCRIPT.encode("utf-8")  # the catalog pages' filter (pages/catalog.py)
    if lang == default:
        for d, (_l, _f, path) in zip(downloads_, documents):
            files[d.url] = path.read_bytes()
        for name, path in reports.items():
            files[f"{FILES_DIR}/{name}"] = path.read_bytes()
        for _l, _f, path in consulted:  # the consultation report
            files[f"{FILES_DIR}/{path.name}"] = path.read_bytes()
        for _v, _l, _f, path in archived:  # superseded versions' documents
            files[f"{FILES_DIR}/{path.name}"] = path.read_bytes()
        for name, content in data.items():  # the open data, shared by every language like the documents
            files[f"{DATA_DIR}/{name}"] = content
    title = ctx.text(model.plan.title)
    tree = LanguageTree(lang, routes[lang].prefix, title, ctx.text(model.plan.subtitle) or title,
                        with_banner(model, lang, with_results(ctx, out.pages, today()) + hand.pages), [], files)
    tree.nav = _nav(ctx, tree, hand.order)
    return tree


def _clash(path: str, reserved: set[str]) -> str:
    """Why a hand-written file cannot sit at `path` (empty when it can)."""
    url = url_of(path)
    if url == "":
        return "the home page is generated; put an introduction in plan.yaml instead"
    top = url.split("/", 1)[0]
    if top in reserved:
        return f"'{top}' is taken by the generated site; rename or move the file"
    return ""


NAV_SECTION_LIMIT = 80  # entries a nav section lists (the real plan's largest: its agencies)


def _nav(ctx: Ctx, tree: LanguageTree, hand_order: dict[str, tuple[float, str]]) -> list[NavItem]:
    model, r = ctx.model, ctx.routes
    title_of = {p.path: p.title for p in tree.pages}

    def item(kind: str, ident: str | None = None, children: tuple[NavItem, ...] = (), title: str = "") -> NavItem:
        path = r.path(kind, ident)
        return NavItem(title or title_of[path], path, children)

    def listed(children: tuple[NavItem, ...]) -> tuple[NavItem, ...]:
        # Every page carries the whole nav: a section of thousands of entries would make the site
        # grow with the square of the plan. Past the limit, the section's own page lists them.
        return children if len(children) <= NAV_SECTION_LIMIT else ()

    objectives = tuple(
        item("objective", o, listed(tuple(item("measure", m.id) for m in model.measures_of(o))))
        for o in model.objectives)
    measures_section = NavItem(ctx._("Objectives and measures"), r.path("measures"), objectives)
    sources = NavItem(ctx._("Recommendations"), r.path("sources"),
                      (*(item("source", s.id, title=ctx.source_title(s.id)) for s in model.sources), item("coverage")))
    agencies = NavItem(ctx._("Agencies"), r.path("agencies"),
                       listed(tuple(item("agency", a) for a in model.agencies)))
    hand = sorted((p for p in tree.pages if p.kind == "handwritten"), key=lambda p: hand_order[p.path])
    periods = [p for p in tree.pages if p.kind == "progress" and p.key != "progress"]
    progress = [NavItem(ctx._("Progress"), r.path("progress_index"),
                        tuple(NavItem(p.title, p.path) for p in periods)),
                NavItem(ctx._("Indicators"), r.path("indicators"),
                        listed(tuple(item("indicator", i) for i in model.indicators)))]
    generated = (item("accessibility"),) if r.path("accessibility") in title_of and not any(
        p.path == r.path("accessibility") for p in hand) else ()
    about = NavItem(ctx._("About the plan"), None,
                    (*(NavItem(p.title, p.path) for p in hand), item("downloads"),
                     *((item("versions"),) if r.path("versions") in title_of else ()),
                     *((item("consultation"),) if r.path("consultation") in title_of else ()), *generated))
    return [item("home", title=ctx._("Home")), measures_section, sources, item("budget"), item("timeline"), *progress, agencies, about]


def _link_alternates(site: SiteTree) -> None:
    """Tell every page where the same page is in each language (else that language's home)."""
    by_key = {t.lang: {p.key: p for p in t.pages} for t in site.languages}
    for tree in site.languages:
        pages = []
        for page in tree.pages:
            here = tree.prefix + page.url
            alternates = []
            for other in site.languages:
                target = by_key[other.lang].get(page.key) or by_key[other.lang]["home"]
                alternates.append((other.lang, relative_url(here, other.prefix + target.url)))
            pages.append(dataclasses.replace(page, alternates=tuple(alternates)))
        tree.pages = pages
