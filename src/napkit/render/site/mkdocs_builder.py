"""The site tree, built by MkDocs Material: one MkDocs project per language (a docs folder, the
theme overrides, a mkdocs.yml derived from the plan's top-level mkdocs.yml), then a real
`mkdocs build --strict` of each, through MkDocs' Python API.

What the plan's mkdocs.yml may set: theme (palette, features, icon, logo, favicon), extra_css and
extra_javascript (files under site/, copied into every language), markdown_extensions, plugins,
extra, copyright, site_url. What napkit decides: the pages and nav, the language of each build
(theme.language, search.lang, extra.alternate), directory URLs, strict mode, and everything that
would load something from another host (theme.font is always false; repo_url and analytics,
which make Material call out, are dropped)."""

from __future__ import annotations

import copy
import os
import subprocess
import sys
from importlib import resources
from pathlib import Path

import yaml

from . import labels
from .escape import esc
from .tree import STYLESHEET, LanguageTree, NavItem, SiteTree

REQUIRED_EXTENSIONS = ("toc", "attr_list", "tables")
DROPPED_KEYS = ("repo_url", "repo_name", "edit_uri", "edit_uri_template", "remote_branch", "remote_name")
DESCRIPTION_LENGTH = 200


class SiteBuildError(Exception):
    """MkDocs refused the site (in strict mode every warning is an error), or the built site
    failed napkit's own checks. The message says what to fix."""


# -- configuration ------------------------------------------------------------------------------

def default_base_config() -> str:
    return resources.files("napkit.data").joinpath("site/mkdocs.yml").read_text(encoding="utf-8")


def load_base_config(root: Path) -> dict:
    """The plan's mkdocs.yml (napkit's default when the plan has none), read safely: MkDocs' own
    loader is PyYAML's full Loader (`!!python/object/apply` runs code, `!ENV` reads the
    environment), so the plan's file is read with the safe loader, through safe_paths' rule,
    and must pass load/site_inputs' allow-list (which `nap check` reports with positions)."""
    from ...load.safe_paths import Repo, UnsafePath
    from ...load.site_inputs import CONFIG, CONFIG_LIMIT, config_findings

    repo = Repo(root)
    try:
        if repo.exists(CONFIG):
            problems = config_findings(repo)
            if problems:
                raise SiteBuildError("; ".join(f"{f.pos}: {f.message}" for f in problems))
            data = yaml.load(repo.read_text(CONFIG, CONFIG_LIMIT), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        else:
            data = yaml.load(default_base_config(), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except UnsafePath as exc:
        raise SiteBuildError(str(exc)) from None
    except (yaml.YAMLError, UnicodeDecodeError, RecursionError) as exc:
        raise SiteBuildError(f"mkdocs.yml: {exc}") from None
    if not isinstance(data, dict):
        raise SiteBuildError("mkdocs.yml: expected a mapping of settings")
    return data


def _nav_yaml(items: list[NavItem] | tuple[NavItem, ...]) -> list:
    out: list = []
    for item in items:
        title = str(esc(item.title))
        if item.children:
            children = ([item.page] if item.page else []) + _nav_yaml(item.children)
            out.append({title: children})
        else:
            out.append({title: item.page})
    return out


def _extension_name(entry: object) -> str:
    return next(iter(entry)) if isinstance(entry, dict) else str(entry)


def derive_config(base: dict, tree: LanguageTree, site: SiteTree, copyright_text: str) -> dict:
    """The mkdocs.yml of one language, from the plan's base settings."""
    cfg = copy.deepcopy(base)
    for key in DROPPED_KEYS:
        cfg.pop(key, None)
    cfg["site_name"] = str(esc(tree.site_name))
    cfg["site_description"] = str(esc(tree.site_description))
    if cfg.get("site_url"):
        cfg["site_url"] = str(cfg["site_url"]).rstrip("/") + "/" + tree.prefix
    cfg["docs_dir"] = "docs"
    cfg["site_dir"] = "site"
    cfg["use_directory_urls"] = True
    cfg["strict"] = True
    cfg.setdefault("copyright", copyright_text)
    theme = cfg.get("theme") if isinstance(cfg.get("theme"), dict) else {}
    theme.update({"name": "material", "language": labels.material_language(tree.lang), "font": False,
                  "custom_dir": "overrides"})
    cfg["theme"] = theme
    extensions = list(cfg.get("markdown_extensions") or [])
    names = {_extension_name(e) for e in extensions}
    extensions += [e for e in REQUIRED_EXTENSIONS if e not in names]
    cfg["markdown_extensions"] = extensions
    plugins = [p for p in (cfg.get("plugins") or []) if _extension_name(p) != "search"]
    # Material's own word separator: also splits at punctuation and at the entities of escaped
    # markup, so a title like "<b>x</b>" is found by "x" (MkDocs' default splits only at spaces).
    separator = r'[\s\-,:!=\[\]()"`/]+|\.(?!\d)|&[lg]t;|(?!\b)(?=[A-Z][a-z])'
    cfg["plugins"] = [{"search": {"lang": [labels.search_language(tree.lang)], "separator": separator}}, *plugins]
    cfg["extra_css"] = [STYLESHEET, *[c for c in (cfg.get("extra_css") or []) if c != STYLESHEET]]
    extra = cfg.get("extra") if isinstance(cfg.get("extra"), dict) else {}
    for key in ("analytics", "consent", "social"):
        extra.pop(key, None)
    extra.setdefault("generator", False)
    if len(site.languages) > 1:
        up = "../" * tree.prefix.count("/")
        extra["alternate"] = [{"name": labels.language_name(t.lang), "link": (up + t.prefix) or "./", "lang": t.lang}
                              for t in site.languages]
    else:
        extra.pop("alternate", None)
    cfg["extra"] = extra
    cfg["nav"] = _nav_yaml(tree.nav)
    return cfg


# -- writing a project -------------------------------------------------------------------------

# libyaml's emitter where PyYAML has it: the pure-Python one made writing 10,000 pages' front
# matter take seconds (representing and quoting are Python in both, so the YAML is the same)
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


# Pages of wide tables get the width of the page: without Material's sidebars the content column
# is ~1170 px at 1280 px instead of 688 px, and the budget's totals, the timeline's milestones and
# the dashboard's "what was done" columns fit beside their names. The tabs stay, and on small
# screens the navigation drawer.
WIDE_PAGES = {"coverage": ["navigation", "toc"], "budget": ["navigation", "toc"],
              "timeline": ["navigation", "toc"], "progress": ["navigation", "toc"]}


def _front_matter(page, tree: LanguageTree) -> str:
    meta = dict(page.meta)
    if page.kind in WIDE_PAGES:
        meta.setdefault("hide", WIDE_PAGES[page.kind])
    meta["title"] = str(esc(page.title))
    if page.kind != "handwritten":
        meta["nap_generated"] = True  # its HTML lines are finished HTML (mkdocs_plugin.py)
    if page.description:
        text = " ".join(page.description.split())
        if len(text) > DESCRIPTION_LENGTH:
            text = text[: DESCRIPTION_LENGTH - 1].rsplit(" ", 1)[0] + "…"
        meta["description"] = str(esc(text))
    if len(page.alternates) > 1:
        meta["nap_alternates"] = [{"lang": lang, "name": labels.language_name(lang), "href": href,
                                   "current": lang == tree.lang} for lang, href in page.alternates]
    return "---\n" + yaml.dump(meta, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=10_000) + "---\n\n"


def _copy_resource_tree(src, dest: Path) -> None:
    for entry in src.iterdir():
        target = dest / entry.name
        if entry.is_dir():
            target.mkdir(parents=True, exist_ok=True)
            _copy_resource_tree(entry, target)
        else:
            target.write_bytes(entry.read_bytes())


def write_project(tree: LanguageTree, site: SiteTree, base: dict, root: Path, dest: Path,
                  copyright_text: str, previous: Path | None = None) -> Path:
    """Write one language as a MkDocs project in `dest`; return its mkdocs.yml. A source whose
    bytes the project in `previous` (the last build's) has already is a hard link to that file."""
    docs = dest / "docs"
    docs.mkdir(parents=True)
    old_docs = previous / "docs" if previous is not None else None
    for page in tree.pages:
        _write_source(docs, page.path, (_front_matter(page, tree) + page.body).encode("utf-8"), old_docs)
    for rel, data in tree.files.items():
        _write_source(docs, rel, data, old_docs)
    # files the plan's settings name (its stylesheets, scripts, logo) live under site/, and are
    # read by safe_paths' rule (no link out of the repository, nothing outside site/)
    from ...load.safe_paths import Repo, UnsafePath
    from ...load.site_inputs import site_file

    repo = Repo(root)
    for rel in _plan_files(base):
        try:
            src_rel = site_file(rel)
        except ValueError:
            raise SiteBuildError(f"mkdocs.yml names '{rel}', which is not a file under site/") from None
        if src_rel is None:
            continue
        if not repo.exists(src_rel):
            raise SiteBuildError(f"mkdocs.yml names '{rel}', but site/{rel} does not exist")
        try:
            data = repo.read_bytes(src_rel)
        except UnsafePath as exc:
            raise SiteBuildError(f"mkdocs.yml names '{rel}': {exc}") from None
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        (docs / rel).write_bytes(data)
    overrides = dest / "overrides"
    overrides.mkdir()
    _copy_resource_tree(resources.files("napkit.data").joinpath("site/overrides"), overrides)
    # theme.custom_dir is not among the settings a plan may make (its Jinja templates are not
    # sandboxed); load/site_inputs refuses it, and it is never copied
    cfg = derive_config(base, tree, site, copyright_text)
    config_file = dest / "mkdocs.yml"
    config_file.write_text(
        "# Generated by napkit from the plan's mkdocs.yml; edit that file, not this one.\n"
        + yaml.dump(cfg, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")
    return config_file


def _write_source(docs: Path, rel: str, data: bytes, old_docs: Path | None) -> None:
    """Write, or link to the last build's identical file: a link writes nothing, keeps the old
    file's date (older than its output, so MkDocs leaves the page be) and tells incremental.py
    'unchanged' by its inode alone."""
    path = docs / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if old_docs is not None:
        old = old_docs / rel
        try:
            if not old.is_symlink() and old.stat().st_size == len(data) and old.read_bytes() == data:
                os.link(old, path)
                return
        except OSError:
            pass  # no old file, or no hard links here: written
    path.write_bytes(data)


def _plan_files(base: dict) -> list[str]:
    names = [c for c in (base.get("extra_css") or []) if isinstance(c, str)]
    names += [j if isinstance(j, str) else j.get("path", "") for j in (base.get("extra_javascript") or [])]
    theme = base.get("theme") if isinstance(base.get("theme"), dict) else {}
    names += [theme[k] for k in ("logo", "favicon") if isinstance(theme.get(k), str)]
    return [n for n in names if n and n != STYLESHEET and "://" not in n and not n.startswith("//")]


# -- building ----------------------------------------------------------------------------------

def run_mkdocs(builds: list[tuple[Path, Path]], epoch: int, *, dirty: bool = False, engine: str = "mkdocs",
               warm=None) -> None:
    """`mkdocs build --strict` of each (mkdocs.yml, site folder) pair, side by side in separate
    processes (one per core): the languages of a site do not depend on each other, and a big
    plan spends most of its build time in MkDocs. `dirty`: render only pages whose source is
    newer than their output (see incremental.py). `warm` (warm.WarmEngines): build in workers
    that stay up between builds (`nap serve`) instead of fresh processes."""
    if warm is not None:
        failures = warm.run(builds, epoch, dirty=dirty, engine=engine)
        if failures:
            raise SiteBuildError("\n".join(failures))
        return
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(epoch), NO_MKDOCS_2_WARNING="1")
    failures: list[str] = []
    pending = list(builds)
    running: list[tuple[Path, subprocess.Popen]] = []
    width = max(1, os.cpu_count() or 1)
    while pending or running:
        while pending and len(running) < width:
            config_file, site_dir = pending.pop(0)
            cmd = [sys.executable, "-m", "napkit.render.site.mkdocs_run", os.path.abspath(config_file),
                   os.path.abspath(site_dir),  # the engine reads a relative one as relative to the mkdocs.yml
                   *(["--dirty"] if dirty else []), "--engine", engine]
            running.append((config_file, subprocess.Popen(
                cmd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                text=True, encoding="utf-8", errors="replace")))
        config_file, proc = running.pop(0)
        output, _ = proc.communicate()
        if proc.returncode != 0:
            failures.append(engine_failure(engine, config_file, proc.returncode, output))
    if failures:
        raise SiteBuildError("\n".join(failures))


def engine_failure(engine: str, config_file: Path, code: int, output: str) -> str:
    """A failed build in a few lines: its exit code and the engine's warnings and errors, or,
    from an engine that died without a word (killed, out of memory), its last lines."""
    lines = [line.rstrip() for line in output.splitlines() if line.strip()]
    details = [line.strip() for line in lines if line.lstrip().startswith(("WARNING", "ERROR")) or "Error" in line]
    shown = details[-40:] or lines[-15:] or ["(no output)"]
    return f"{engine} build --strict failed for {config_file} (exit code {code})" + "".join(f"\n  {d}" for d in shown)
