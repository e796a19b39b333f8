"""Incremental builds (render/site/incremental.py): after an edit MkDocs renders only the changed
pages, the result is byte for byte what a full build of the same plan gives, and the published
site is never written through the hard links the new one starts from."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from napkit.pipeline import run_folder
from napkit.render.site import build_site
from napkit.render.site.incremental import merge_search_index, output_of
from site_testing import Built
from test_site_build import digest


class Steps:
    def __init__(self) -> None:
        self.messages: list[str] = []

    def step(self, message: str) -> None:
        self.messages.append(message)


def build(root: Path, out: Path, **kw) -> list[str]:
    result = run_folder(root)
    assert result.ok(), [str(f) for f in result.findings.errors]
    steps = Steps()
    build_site(result.model, result.analysis, root, out, progress=steps, **kw)
    return steps.messages


@pytest.fixture
def built(fixture_site: Built, tmp_path: Path) -> tuple[Path, Path]:
    root = tmp_path / "plan"
    shutil.copytree(fixture_site.root, root, ignore=shutil.ignore_patterns("build"))
    out = tmp_path / "out"
    build(root, out)
    return root, out


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def snapshot_links(site: Path, dest: Path) -> None:
    """Hard links to every file of the published site: if a build wrote through a link, the
    snapshot would change with it."""
    for p in site.rglob("*"):
        target = dest / p.relative_to(site)
        if p.is_dir():
            target.mkdir(parents=True, exist_ok=True)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            os.link(p, target)


def test_an_edited_description_rebuilds_only_its_pages_and_equals_a_full_build(built, tmp_path):
    root, out = built
    before = digest(out / "site")
    snapshot_links(out / "site", tmp_path / "links")
    edit(root / "measures" / "M-01.yaml", "leder arbeidet med planen.", "leder arbeidet med den nye planen.")
    steps = build(root, out)
    assert any("changed page(s)" in s for s in steps), steps
    assert not any(s.startswith("site: mkdocs build --strict (") for s in steps)
    incremental = digest(out / "site")
    assert incremental != before
    assert "den nye planen" in (out / "site" / output_of("tiltak/M-01.md")).read_text(encoding="utf-8")
    assert "den nye planen" in (out / "site" / "search" / "search_index.json").read_text(encoding="utf-8")
    assert digest(tmp_path / "links") == before  # the old site was never written to
    build(root, tmp_path / "full", full=True)
    assert digest(tmp_path / "full" / "site") == incremental


def test_nothing_changed_reuses_the_whole_site(built):
    root, out = built
    before = digest(out / "site")
    steps = build(root, out)
    assert any("nothing changed" in s for s in steps), steps
    assert digest(out / "site") == before


def test_a_changed_title_changes_the_nav_and_builds_in_full(built, tmp_path):
    root, out = built
    edit(root / "measures" / "M-01.yaml", "Utarbeide handlingsplanen", "Utarbeide den nye handlingsplanen")
    steps = build(root, out)
    assert any(s.startswith("site: mkdocs build --strict (") for s in steps), steps
    build(root, tmp_path / "full", full=True)
    assert digest(tmp_path / "full" / "site") == digest(out / "site")


def test_full_forces_a_full_build(built):
    root, out = built
    steps = build(root, out, full=True)
    assert any(s.startswith("site: mkdocs build --strict (") for s in steps), steps


def test_a_lost_manifest_means_a_full_build(built):
    root, out = built
    (out / "site-src" / "manifest.json").unlink()
    edit(root / "measures" / "M-01.yaml", "leder arbeidet med planen.", "leder arbeidet med den nye planen.")
    steps = build(root, out)
    assert any(s.startswith("site: mkdocs build --strict (") for s in steps), steps


def test_search_index_merge_keeps_the_order_of_pages():
    old = b'{"config":{"lang":["en"]},"docs":[{"location":"","title":"Home"},{"location":"a/","title":"A"},' \
          b'{"location":"a/#x","title":"X"},{"location":"b/","title":"B"}]}'
    new = b'{"config":{"lang":["en"]},"docs":[{"location":"a/","title":"A2"},{"location":"a/#y","title":"Y"}]}'
    merged = merge_search_index(old, new, {"a/"})
    assert merged == (b'{"config":{"lang":["en"]},"docs":[{"location":"","title":"Home"},{"location":"a/","title":"A2"},'
                      b'{"location":"a/#y","title":"Y"},{"location":"b/","title":"B"}]}')


@pytest.mark.parametrize("source, output", [("index.md", "index.html"), ("tiltak/index.md", "tiltak/index.html"),
                                            ("tiltak/M-01.md", "tiltak/M-01/index.html"),
                                            ("files/chart.svg", "files/chart.svg")])
def test_output_of(source, output):
    assert output_of(source) == output


def test_a_site_that_is_not_the_one_the_manifest_describes_is_built_in_full(built):
    root, out = built
    index = out / "site" / "search" / "search_index.json"
    index.write_bytes(index.read_bytes().replace(b'"docs":[', b'"docs":[{"location":"x/","title":"x","text":""},', 1))
    edit(root / "measures" / "M-01.yaml", "leder arbeidet med planen.", "leder arbeidet med den nye planen.")
    steps = build(root, out)
    assert any(s.startswith("site: mkdocs build --strict (") for s in steps), steps
    assert '"location":"x/"' not in index.read_text(encoding="utf-8")


def test_without_hard_links_the_build_is_full(built, monkeypatch):
    root, out = built

    def no_links(*_args, **_kw):
        raise OSError("Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    edit(root / "measures" / "M-01.yaml", "leder arbeidet med planen.", "leder arbeidet med den nye planen.")
    steps = build(root, out)
    assert any(s.startswith("site: mkdocs build --strict (") for s in steps), steps
    assert "den nye planen" in (out / "site" / output_of("tiltak/M-01.md")).read_text(encoding="utf-8")


def sources(out: Path) -> dict[str, tuple[int, int]]:
    """(inode, modification time in ns) of every source of the MkDocs projects."""
    return {p.relative_to(out).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns)
            for p in sorted((out / "site-src").glob("*/docs/**/*")) if p.is_file()}


def test_unchanged_sources_are_the_last_builds_files_and_keep_their_dates(built):
    root, out = built
    before = sources(out)
    edit(root / "measures" / "M-01.yaml", "leder arbeidet med planen.", "leder arbeidet med den nye planen.")
    build(root, out)
    after = sources(out)
    same = [rel for rel in after if after[rel] == before.get(rel)]
    changed = [rel for rel in after if rel not in same]
    # the measure's page, and the open data that holds its description
    assert "site-src/nb/docs/tiltak/M-01.md" in changed
    assert all("M-01" in rel or "/docs/data/" in rel for rel in changed), changed
    assert len(same) > 0.8 * len(after)  # linked, not written: same inode, same date


def test_a_failed_incremental_build_leaves_the_last_builds_sources_as_they_were(built):
    root, out = built
    before = sources(out)
    edit(root / "measures" / "M-01.yaml", "leder arbeidet med planen.", "leder arbeidet med den nye planen.")
    (root / "site" / "nb" / "om.md").write_text("# Om\n\n[brutt](finnes-ikke.md)\n", encoding="utf-8")
    with pytest.raises(Exception, match="finnes-ikke.md"):
        build(root, out)
    assert sources(out) == before
