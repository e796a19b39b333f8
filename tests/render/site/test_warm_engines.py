"""Engines kept running between builds (render/site/warm.py, used by `nap serve`): a warm build
writes the same bytes as a fresh process, a failing build reports the engine's words, and a worker
that died is reported with its exit code and started again at the next build."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from napkit.render.site.mkdocs_builder import run_mkdocs
from napkit.render.site.warm import WarmEngines
from test_mkdocs_plugin import files


@pytest.fixture
def engines():
    warm = WarmEngines()
    yield warm
    warm.close()


def test_a_warm_build_is_a_fresh_build(fixture_site, engines, tmp_path: Path):
    config = fixture_site.out / "site-src" / "en" / "mkdocs.yml"
    run_mkdocs([(config, tmp_path / "fresh")], 0)
    assert engines.run([(config, tmp_path / "warm1")], 0, dirty=False, engine="mkdocs") == []
    assert engines.run([(config, tmp_path / "warm2")], 0, dirty=False, engine="mkdocs") == []  # same worker
    fresh = files(tmp_path / "fresh")
    assert len(fresh) > 20
    assert files(tmp_path / "warm1") == fresh == files(tmp_path / "warm2")


def test_a_refused_build_says_why_and_the_worker_goes_on(fixture_site, engines, tmp_path: Path):
    project = tmp_path / "project"
    import shutil

    shutil.copytree(fixture_site.out / "site-src" / "en", project)
    page = next((project / "docs").glob("*.md"))
    good = page.read_text(encoding="utf-8")
    page.write_text(good + "\n[broken](nowhere.md)\n", encoding="utf-8")
    (failure,) = engines.run([(project / "mkdocs.yml", tmp_path / "site")], 0, dirty=False, engine="mkdocs")
    assert "exit code 1" in failure and "nowhere.md" in failure
    page.write_text(good, encoding="utf-8")
    assert engines.run([(project / "mkdocs.yml", tmp_path / "site")], 0, dirty=False, engine="mkdocs") == []


def test_a_worker_that_died_is_reported_and_replaced(fixture_site, engines, tmp_path: Path):
    config = fixture_site.out / "site-src" / "en" / "mkdocs.yml"
    assert engines.run([(config, tmp_path / "one")], 0, dirty=False, engine="mkdocs") == []
    (worker,) = engines._workers.values()
    os.kill(worker.proc.pid, signal.SIGKILL)
    worker.proc.wait()
    # the dead worker is noticed before the build is sent: a new one builds
    assert engines.run([(config, tmp_path / "two")], 0, dirty=False, engine="mkdocs") == []
    (replacement,) = engines._workers.values()
    assert replacement is not worker
    # a worker dying in the middle of a build: its exit code and last words
    replacement.proc.stdin.write("not json\n")
    replacement.proc.stdin.flush()
    replacement.proc.wait()
    engines._workers[("mkdocs", "en")] = replacement  # as if it died after being picked
    failures = []
    try:
        replacement.build(config, tmp_path / "three", False, 0)
    except Exception as exc:  # noqa: BLE001 - the error itself is what is tested
        failures.append(str(exc))
    assert failures and "exit code 1" in failures[0] and "JSONDecodeError" in failures[0]
