"""Incremental site builds: after a small edit MkDocs renders only the pages whose Markdown changed.

A build leaves its MkDocs projects in build/site-src/ (with a manifest: tool versions, the pinned
date, each language's mkdocs.yml and theme overrides, the list of its sources) and the site in
build/site/. The next build writes its projects as always, then compares. When the manifests are
equal — same settings, same nav, same pages and files — and only contents differ:

  1. the new site starts as a copy of the old one made of hard links (nothing is copied);
  2. the outputs of the changed sources, and the files MkDocs always rewrites (404 page, sitemap,
     search index), are removed from that copy first, so no old file is written through a link
     and the published build/site/ stays as it was until the new one replaces it;
  3. unchanged sources get an old modification time, and MkDocs builds "dirty": it renders only
     sources newer than their output;
  4. the search index, which a dirty build makes from the rendered pages alone, gets the other
     pages' entries back from the old index, in the old order — the same bytes a full build writes.

Anything else (a setting, the nav, a page added or removed, an old build missing or unreadable,
or most pages changed anyway) is a full build."""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

MANIFEST = "manifest.json"
SEARCH_INDEX = "search/search_index.json"
# outputs MkDocs writes at every build, whatever changed (per language)
ALWAYS_REWRITTEN = ("404.html", "sitemap.xml", "sitemap.xml.gz", SEARCH_INDEX)
# past this share of changed pages a full build costs no more
MAX_CHANGED_SHARE = 0.3


class NotIncremental(Exception):
    """The old build cannot be reused; build in full."""


@dataclass(frozen=True)
class Language:
    lang: str
    prefix: str  # "" for the default language, else "en/"
    project: Path  # build/site-src/<lang> (the new, staged one)


@dataclass(frozen=True)
class Changes:
    by_lang: dict[str, list[str]]  # language → sources (paths under docs/) whose content changed

    @property
    def pages(self) -> int:
        return sum(1 for paths in self.by_lang.values() for p in paths if p.endswith(".md"))


def _tree_digest(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        h.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def _versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    found = {}
    for name in ("napkit", "mkdocs", "mkdocs-material"):
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = "?"
    return found


def manifest(languages: list[Language], epoch: int) -> dict:
    """What must be equal between two builds for the second to reuse the first."""
    return {
        "versions": _versions(),
        "epoch": epoch,
        "languages": {
            lang.lang: {
                "prefix": lang.prefix,
                "config": hashlib.sha256((lang.project / "mkdocs.yml").read_bytes()).hexdigest(),
                "overrides": _tree_digest(lang.project / "overrides"),
                "sources": sorted(p.relative_to(lang.project / "docs").as_posix()
                                  for p in (lang.project / "docs").rglob("*") if p.is_file()),
            } for lang in languages
        },
    }


def _built(site: Path, languages: list[Language]) -> dict[str, str]:
    """Digests of each language's search index: they change with the text of any page, so they
    tell whether build/site is the site this manifest was written with."""
    return {lang.lang: hashlib.sha256((site / lang.prefix / SEARCH_INDEX).read_bytes()).hexdigest()
            for lang in languages}


def write_manifest(src_dir: Path, data: dict, site: Path, languages: list[Language]) -> None:
    """The manifest of a finished build, with the digests of the site it made."""
    data = dict(data, built=_built(site, languages))
    (src_dir / MANIFEST).write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def find_changes(old_src: Path, old_site: Path, languages: list[Language], new_manifest: dict) -> Changes | None:
    """The sources that changed since the build in old_src/old_site, or None when that build
    cannot be reused."""
    try:
        old_manifest = json.loads((old_src / MANIFEST).read_text(encoding="utf-8"))
        built = old_manifest.pop("built")
        # build/site must be the site built with these sources (not one left by an interrupted
        # build or changed by hand)
        if old_manifest != new_manifest or built != _built(old_site, languages):
            return None
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    if not (old_site / "index.html").is_file():
        return None
    by_lang: dict[str, list[str]] = {}
    pages = 0
    for lang in languages:
        changed = []
        for rel in new_manifest["languages"][lang.lang]["sources"]:
            new, old = (lang.project / "docs" / rel).stat(), (old_src / lang.lang / "docs" / rel).stat()
            if (new.st_ino, new.st_dev) == (old.st_ino, old.st_dev):
                pass  # linked to the old file by write_project: the same bytes
            elif new.st_size != old.st_size or ((lang.project / "docs" / rel).read_bytes()
                                                != (old_src / lang.lang / "docs" / rel).read_bytes()):
                changed.append(rel)
            pages += rel.endswith(".md")
        by_lang[lang.lang] = changed
    changes = Changes(by_lang)
    if changes.pages > MAX_CHANGED_SHARE * max(pages, 1):
        return None
    return changes


def output_of(source: str) -> str:
    """Where MkDocs (directory URLs) writes a source: 'a/b.md' → 'a/b/index.html'."""
    if not source.endswith(".md"):
        return source
    stem = source[:-3]
    if stem == "index" or stem.endswith("/index"):
        return stem + ".html"
    return stem + "/index.html"


def prepare(old_site: Path, new_site: Path, languages: list[Language], changes: Changes, *,
            rewrite_always: bool = True) -> None:
    """Steps 1–3: the hard-linked copy without the outputs to be rewritten, and the source dates
    that make MkDocs render only the changed sources. Without `rewrite_always` (nothing changed,
    MkDocs is not run) the copy is whole."""
    rewritten = {lang.prefix + path for lang in languages for path in ALWAYS_REWRITTEN} if rewrite_always else set()
    rewritten |= {lang.prefix + output_of(s) for lang in languages for s in changes.by_lang[lang.lang]}
    for folder, dirs, files in os.walk(old_site):
        rel = Path(folder).relative_to(old_site)
        (new_site / rel).mkdir(exist_ok=True)
        for name in files:
            path = (rel / name).as_posix()
            if path not in rewritten:
                try:
                    os.link(Path(folder) / name, new_site / rel / name)
                except OSError as exc:  # a file system without hard links: build in full
                    raise NotIncremental(f"cannot link {path}: {exc}") from None
    for lang in languages:
        changed = set(changes.by_lang[lang.lang])
        docs = lang.project / "docs"
        for path in docs.rglob("*"):
            # a source linked to the last build's file is older than its output already; dating
            # it would change the last build's file, which must stay as it was
            if path.is_file() and path.stat().st_nlink == 1 and path.relative_to(docs).as_posix() not in changed:
                os.utime(path, (0, 0))  # older than any output: MkDocs leaves it be


def merge_search_index(old: bytes, new: bytes, rebuilt: set[str]) -> bytes:
    """Step 4: the old index with the entries of the `rebuilt` pages (their URLs) taken from the
    dirty build's index, in the place they had. Written as Material writes it."""
    old_index, new_index = json.loads(old), json.loads(new)
    fresh: dict[str, list] = {}
    for entry in new_index["docs"]:
        fresh.setdefault(entry["location"].split("#", 1)[0], []).append(entry)
    if set(fresh) - rebuilt or old_index.get("config") != new_index.get("config"):
        raise NotIncremental("the search index does not match the pages rebuilt")
    docs, placed = [], set()
    for entry in old_index["docs"]:
        page = entry["location"].split("#", 1)[0]
        if page not in rebuilt:
            docs.append(entry)
        elif page not in placed:
            placed.add(page)
            docs += fresh.get(page, [])
    if set(fresh) - placed:
        raise NotIncremental("a rebuilt page had no place in the old search index")
    return json.dumps({"config": new_index["config"], "docs": docs}, separators=(",", ":"), default=str).encode()
