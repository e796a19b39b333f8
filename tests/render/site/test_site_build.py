"""The build as a whole: byte-reproducible, atomic, honest about what MkDocs refuses, and wired
into `nap build site`."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from napkit.pipeline import run_folder
from napkit.render.site import SiteBuildError, build_site
from site_testing import Built


def digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_builds_give_identical_trees(fixture_site: Built, tmp_path: Path) -> None:
    result = run_folder(fixture_site.root)
    build_site(result.model, result.analysis, fixture_site.root, tmp_path / "again")
    first, second = digest(fixture_site.site), digest(tmp_path / "again" / "site")
    assert first.keys() == second.keys()
    differ = [k for k in first if first[k] != second[k]]
    assert differ == []
    assert digest(fixture_site.out / "site-src") == digest(tmp_path / "again" / "site-src")


def test_source_date_epoch_pins_the_dates(fixture_site: Built, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1798675200")  # 2027-01-01
    result = run_folder(fixture_site.root)
    build_site(result.model, result.analysis, fixture_site.root, tmp_path / "out")
    sitemap = (tmp_path / "out" / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert "<lastmod>2027-01-01</lastmod>" in sitemap or "<lastmod>" not in sitemap
    import gzip

    with gzip.open(tmp_path / "out" / "site" / "sitemap.xml.gz") as fh:
        assert fh.read().decode() == sitemap
    header = (tmp_path / "out" / "site" / "sitemap.xml.gz").read_bytes()[4:8]
    assert int.from_bytes(header, "little") == 1798675200


@pytest.fixture
def plan_copy(fixture_site: Built, tmp_path: Path) -> Path:
    dest = tmp_path / "plan"
    shutil.copytree(fixture_site.root, dest, ignore=shutil.ignore_patterns("build"))
    return dest


def test_a_failed_build_leaves_the_previous_site(plan_copy: Path, tmp_path: Path) -> None:
    result = run_folder(plan_copy)
    out = tmp_path / "out"
    build_site(result.model, result.analysis, plan_copy, out)
    before = digest(out / "site")
    (plan_copy / "site" / "nb" / "om.md").write_text("# Om\n\n[brutt](finnes-ikke.md)\n", encoding="utf-8")
    with pytest.raises(SiteBuildError, match="finnes-ikke.md"):
        build_site(result.model, result.analysis, plan_copy, out)
    assert digest(out / "site") == before
    # .cache holds the charts drawn (content-addressed, render/site/charts.py); nothing else may stay
    assert not [p for p in out.iterdir() if p.name.startswith(".") and p.name != ".cache"], \
        "a staging folder was left behind"


def test_an_external_resource_in_a_handwritten_page_fails_the_build(plan_copy: Path, tmp_path: Path) -> None:
    result = run_folder(plan_copy)
    (plan_copy / "site" / "en" / "about.md").write_text(
        "# About\n\n![logo](https://cdn.example/logo.png)\n", encoding="utf-8")
    with pytest.raises(SiteBuildError, match="cdn.example"):
        build_site(result.model, result.analysis, plan_copy, tmp_path / "out")


def test_a_handwritten_page_may_not_take_a_generated_folder(plan_copy: Path, tmp_path: Path) -> None:
    result = run_folder(plan_copy)
    (plan_copy / "site" / "nb" / "tiltak.md").write_text("# Tiltak\n", encoding="utf-8")
    with pytest.raises(SiteBuildError, match="tiltak"):
        build_site(result.model, result.analysis, plan_copy, tmp_path / "out")


def test_documents_are_offered_when_they_exist(plan_copy: Path, tmp_path: Path) -> None:
    result = run_folder(plan_copy)
    out = tmp_path / "out"
    out.mkdir()
    plan_id = result.model.plan.id
    (out / f"{plan_id}-nb.pdf").write_bytes(b"%PDF-1.7 test")
    (out / f"{plan_id}-en.docx").write_bytes(b"PK test")
    build_site(result.model, result.analysis, plan_copy, out)
    site = out / "site"
    assert (site / "files" / f"{plan_id}-nb.pdf").read_bytes() == b"%PDF-1.7 test"
    assert (site / "files" / f"{plan_id}-en.docx").is_file()
    nb = (site / "nedlastinger" / "index.html").read_text(encoding="utf-8")
    en = (site / "en" / "downloads" / "index.html").read_text(encoding="utf-8")
    assert f'href="../files/{plan_id}-nb.pdf"' in nb
    assert f'href="../../files/{plan_id}-en.docx"' in en
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="nedlastinger/"' in home


def test_cli_builds_the_site(plan_copy: Path) -> None:
    from click.testing import CliRunner

    from napkit.cli import cli

    res = CliRunner().invoke(cli, ["--root", str(plan_copy), "--quiet", "build", "site"], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    assert (plan_copy / "build" / "site" / "index.html").is_file()
    assert (plan_copy / "build" / "site" / "en" / "index.html").is_file()
