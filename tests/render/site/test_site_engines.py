"""The engine seam: the same tree built by MkDocs and by ProperDocs gives the same site (but for
the generator line), and an engine that fails says how its children ended."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import fixture_plan_copy
from napkit.pipeline import run_folder
from napkit.render.site import SiteBuildError, build_site
from napkit.render.site.engines import ENGINES, UnknownEngine, engine
from napkit.render.site.mkdocs_builder import run_mkdocs

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def _pages(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): GENERATOR.sub(b"", p.read_bytes())
            for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.mark.skipif(not ENGINES["properdocs"].installed(), reason="properdocs is not installed")
def test_mkdocs_and_properdocs_build_the_same_site(fixture_site, tmp_path: Path):
    root = fixture_plan_copy(tmp_path / "plan")
    result = run_folder(root)
    build_site(result.model, result.analysis, root, tmp_path / "out", engine="properdocs")
    properdocs = _pages(tmp_path / "out" / "site")
    mkdocs = _pages(fixture_site.site)
    assert properdocs.keys() == mkdocs.keys()
    differing = [name for name in mkdocs if mkdocs[name] != properdocs[name]]
    assert differing == [], differing[:10]
    assert b"ProperDocs" in (tmp_path / "out/site/index.html").read_bytes()


def test_an_engine_that_fails_reports_its_exit_code_and_last_lines(tmp_path: Path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\ndocs_dir: missing\n")
    with pytest.raises(SiteBuildError) as failed:
        run_mkdocs([(config, tmp_path / "site")], 0)
    message = str(failed.value)
    assert "exit code 1" in message and str(config) in message
    assert "missing" in message  # the child's own last words


def test_unknown_engines_are_refused_plainly():
    with pytest.raises(UnknownEngine, match="choose one of mkdocs, properdocs"):
        engine("zensical")
    assert engine(None).name == "mkdocs"
