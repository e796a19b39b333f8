"""The documents of every superseded version stay published: each released version before the
newest (plan.yaml `versions`, with a git `ref`) is read from git, checked, and its plan documents
are built once into a cache, `<out>/.versions/<version>-<commit>/`, keyed by the commit the ref
names, so a build does not redo old versions (a moved tag builds again). They are copied beside
the current documents as `<plan>-<version>-<lang>.<ext>` and say on their first page that they
are superseded. A ref that does not resolve, or a version that cannot be read, is skipped (the
check reports the ref; the site lists what was built)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from ...model import PlanModel
from . import ast as A

CACHE = ".versions"
_SAFE = re.compile(r"[^A-Za-z0-9._-]")


def archived_name(plan_id: str, version: str, lang: str, ext: str) -> str:
    return f"{plan_id}-{_SAFE.sub('_', version)}-{lang}.{ext}"


def _superseded(document: dict, model: PlanModel, version: str, newest: str, lang: str) -> dict:
    from ...locale import _

    note = _("Superseded: this is version {version} of the plan. The current version is {newest}.", lang,
                   version=version, newest=newest)
    document["blocks"].insert(0, A.para([A.strong(note)]))
    date = document["meta"].get("date")
    document["meta"]["date"] = A.meta_string(
        _("Version {version} (superseded)", lang, version=version)
        + (" · " + "".join(x.get("c", " ") if x.get("t") == "Str" else " " for x in date["c"]) if date else ""))
    return document


def build_archived(model: PlanModel, root: Path, out: Path, progress, formats: tuple[str, ...] = ("docx", "pdf")
                   ) -> list[Path]:
    """Write the superseded versions' documents into `out` (from the cache when it has them)."""
    from ... import locale
    from ...analyse.changelog import _repo
    from ...load.trees import GitTree, TreeError
    from ...pipeline import run
    from . import _write, pinned_epoch
    from .compose import compose

    versions = list(model.plan.versions)
    old = [v for v in versions[:-1] if v.ref]
    if not old:
        return []
    repo = _repo(root)
    if repo is None:
        return []
    top, prefix = repo
    newest = versions[-1].version
    written: list[Path] = []
    for v in old:
        try:
            tree = GitTree(top, v.ref, prefix)
        except TreeError:
            continue
        cache = out / CACHE / f"{_SAFE.sub('_', v.version)}-{tree.commit}"
        if not (cache / "done").is_file():
            saved = dict(locale._plan)
            try:
                result = run(tree)
                if result.model is None or result.analysis is None:
                    continue
                m, a = result.model, result.analysis
                jobs = [(f"documents: version {v.version} ({lang})", archived_name(m.plan.id, v.version, lang, "x")[:-2],
                         lambda lang=lang, m=m, a=a, ver=v.version: _superseded(compose(m, a, lang), m, ver, newest, lang))
                        for lang in m.languages]
                shutil.rmtree(cache, ignore_errors=True)
                try:
                    _write(jobs, root, cache, formats, progress, pinned_epoch(m))
                except Exception as exc:  # noqa: BLE001 — an old version that no longer builds is left out, said once
                    progress.step(f"documents: version {v.version} not built ({exc})")
                    continue
                (cache / "done").write_text(v.ref + "\n")
            finally:
                locale.use_plan_catalogs({})
                locale._plan.update(saved)
        else:
            progress.step(f"documents: version {v.version} from the cache")
        for f in sorted(cache.iterdir()):
            if f.suffix.lstrip(".") in formats:
                shutil.copyfile(f, out / f.name)
                written.append(out / f.name)
    return written


def find_archived(model: PlanModel, out: Path) -> list[tuple[str, str, str, Path]]:
    """(version, lang, format, path) of the superseded versions' documents in `out`, newest first."""
    found = []
    for v in reversed(list(model.plan.versions)[:-1]):
        for lang in model.languages:
            for ext in ("pdf", "docx"):
                path = out / archived_name(model.plan.id, v.version, lang, ext)
                if path.is_file():
                    found.append((v.version, lang, ext, path))
    return found
