"""`nap build` is one switch (build.py, util/atomic.build_transaction): after a failure, or a kill at
any moment, build/ holds exactly the old outputs or exactly the new ones — never new documents
beside an old site, never no build/site — and what a killed build left is removed next time."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from plan_testing import nap


def state(root: Path) -> dict[str, bytes]:
    """Every file under build/ (hidden ones too) with its bytes, and the folders beside it."""
    build = root / "build"
    files = {p.relative_to(build).as_posix(): p.read_bytes() for p in sorted(build.rglob("*")) if p.is_file()}
    files.update({f"<beside>/{p.name}": b"" for p in root.iterdir() if p.name.startswith(".build.")})
    return files


def change_plan(root: Path, words: str = "Draft the action plan") -> None:
    m1 = root / "measures" / "M-01.yaml"
    m1.write_text(m1.read_text(encoding="utf-8").replace(words, words + " now"), encoding="utf-8")


def nap_build(root: Path, *args: str, env: dict[str, str] | None = None, **kw) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "napkit", "-q", "--root", str(root), "build", *args],
                            env={**os.environ, "CI": "true", **(env or {})}, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, **kw)


@pytest.fixture(scope="module")
def built_once(tmp_path_factory) -> Path:
    import shutil

    from plan_testing import FIXTURES

    root = tmp_path_factory.mktemp("built") / "plan-repo"
    shutil.copytree(FIXTURES / "valid_plan", root)
    result = nap("-q", "build", root=root)
    assert result.exit_code == 0, result.output
    return root


@pytest.fixture
def built(built_once, tmp_path) -> Path:
    """A plan with a finished build/ (built once per module, copied for each test)."""
    import shutil

    root = tmp_path / "plan-repo"
    shutil.copytree(built_once, root, symlinks=True)
    return root


def test_site_failure_after_documents_leaves_build_unchanged(built, monkeypatch):
    import napkit.render.site as site

    before = state(built)
    change_plan(built)
    calls = []

    def failing_site(*args, **kwargs):
        calls.append(args)
        raise site.SiteBuildError("injected: the site failed after the documents succeeded")

    monkeypatch.setattr(site, "build_site", failing_site)
    result = nap("-q", "build", root=built)
    assert result.exit_code == 1
    assert calls, "the site step ran"
    assert "The previous build/ was left as it was." in result.stderr
    assert state(built) == before  # byte for byte, and no staging folder left beside it


def test_a_build_failing_on_an_environment_error_leaves_build_unchanged(built, monkeypatch):
    import napkit.render.site as site

    before = state(built)
    change_plan(built)

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(site, "build_site", full_disk)
    with pytest.raises(OSError):
        nap("-q", "build", root=built)
    assert state(built) == before


@pytest.mark.parametrize("point, expect", [
    ("after-docs", "old"), ("after-switch", "new"),
    pytest.param("after-site", "old", marks=pytest.mark.slow), pytest.param("before-switch", "old",
                                                                            marks=pytest.mark.slow),
])
def test_a_kill_at_each_step_leaves_old_or_new_and_the_next_build_cleans_up(built, point, expect):
    before = state(built)
    change_plan(built)
    # a kill after the switch is the same for any target: the documents alone are quicker
    proc = nap_build(built, *(["docs"] if point == "after-switch" else []), env={"NAPKIT_FAULT": point})
    proc.communicate(timeout=300)
    assert proc.returncode == -signal.SIGKILL
    after_kill = {k: v for k, v in state(built).items() if not k.startswith("<beside>")}
    stale = [p for p in built.iterdir() if p.name.startswith(".build.staging-")]
    assert stale, "the killed build left its staging folder"
    again = nap("-q", "build", *(["docs"] if point == "after-switch" else []), root=built)
    assert again.exit_code == 0, again.output
    new = state(built)
    assert not any(k.startswith("<beside>") for k in new), "stale staging removed by the next build"
    assert after_kill == ({k: v for k, v in before.items() if not k.startswith("<beside>")} if expect == "old"
                          else new)


def test_a_kill_between_the_two_renames_of_the_fallback_is_repaired(built):
    before = state(built)
    change_plan(built)
    proc = nap_build(built, "docs", env={"NAPKIT_FAULT": "between-renames", "NAPKIT_NO_EXCHANGE": "1"})
    proc.communicate(timeout=300)
    assert proc.returncode == -signal.SIGKILL
    assert not (built / "build").exists()  # the one moment the fallback has no build/
    assert [p.name.split("-")[0] for p in built.iterdir() if p.name.startswith(".build.old-")] == [".build.old"]
    again = nap_build(built, "docs", env={"NAPKIT_NO_EXCHANGE": "1"})
    out, err = again.communicate(timeout=300)
    assert again.returncode == 0, err
    after = state(built)
    assert after.keys() == before.keys()  # the old build was put back, then replaced as a whole
    assert after["site/index.html"] == before["site/index.html"]  # only the documents were remade
    assert not any(p.name.startswith(".build.") for p in built.iterdir())


@pytest.mark.parametrize("delays", [(2.0,), pytest.param((0.8, 3.5, 5.0, 7.0), marks=pytest.mark.slow)])
def test_a_kill_at_any_moment_leaves_old_or_new(built, delays):
    """Real SIGKILLs at a few moments of a running build (not only at the fault points)."""
    before = {k: v for k, v in state(built).items() if not k.startswith("<beside>")}
    change_plan(built)
    seen = []
    for delay in delays:
        proc = nap_build(built)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=300)
        now = {k: v for k, v in state(built).items() if not k.startswith("<beside>")}
        seen.append(now)
    result = nap("-q", "build", root=built)
    assert result.exit_code == 0, result.output
    new = state(built)
    for now in seen:
        assert now in (before, new)
    assert not any(k.startswith("<beside>") for k in new)


def test_a_running_build_keeps_its_staging_folder(built):
    sleeper = subprocess.Popen(["sleep", "120"])
    try:
        live = built / f".build.staging-{sleeper.pid}-0000"
        dead = built / ".build.staging-999999999-0000"
        live.mkdir()
        dead.mkdir()
        (built / "build" / ".docs-left").mkdir()  # what an older napkit staged inside build/
        (built / "build" / ".site.x1.tmp").mkdir()
        (built / "build" / "notes.tmp").write_text("mine")  # a file of the user's is carried over
        assert nap("-q", "build", "docs", root=built).exit_code == 0
        assert live.is_dir() and not dead.exists()
        assert (built / "build" / "notes.tmp").read_text() == "mine"
        assert not (built / "build" / ".docs-left").exists() and not (built / "build" / ".site.x1.tmp").exists()
    finally:
        sleeper.kill()
        sleeper.wait()


def test_build_site_keeps_the_documents_and_build_docs_keeps_the_site(built):
    before = state(built)
    change_plan(built)
    assert nap("-q", "build", "docs", root=built).exit_code == 0
    after = state(built)
    assert after["site/index.html"] == before["site/index.html"]
    assert after["example-plan-en.docx"] != before["example-plan-en.docx"]


def test_build_is_a_link_or_a_file(valid_plan, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "keep.txt").write_text("mine")
    (valid_plan / "build").symlink_to(elsewhere)
    result = nap("-q", "build", "docs", root=valid_plan)
    assert result.exit_code == 2
    assert "symbolic link" in result.stderr
    assert [p.name for p in elsewhere.iterdir()] == ["keep.txt"]
    (valid_plan / "build").unlink()
    (valid_plan / "build").write_text("a file")
    result = nap("-q", "build", "docs", root=valid_plan)
    assert result.exit_code == 2
    assert "is a file, not a folder" in result.stderr


def test_a_duplicate_reporting_period_does_not_half_write(built):
    before = state(built)
    plan = built / "plan" / "plan.yaml"
    plan.write_text(plan.read_text().replace('reporting_periods: ["2027", "2028"]',
                                             'reporting_periods: ["2027", "2027", "2028"]'))
    result = nap("-q", "build", "docs", root=built)
    assert result.exit_code in (0, 1), result.output  # a finding at check, or a clean build; never 3
    after = state(built)
    assert after == before or after.keys() == before.keys()
    assert not any(k.startswith("<beside>") for k in after)


def test_nan_is_refused_before_building(built, monkeypatch):
    from napkit.export import finite

    before = state(built)

    def not_finite(data, what):
        raise finite.NotFinite(f"{what} holds a number that is not finite at $.measures[0].budget[0].amount")

    monkeypatch.setattr(finite, "require_finite", not_finite)
    result = nap("-q", "build", root=built)
    assert result.exit_code == 1
    assert "not finite" in result.stderr
    assert state(built) == before


def test_an_output_folder_holding_the_plan_is_refused(valid_plan):
    for out in (str(valid_plan), str(valid_plan.parent)):  # never a relative path: the cwd is the repo
        result = nap("-q", "build", "docs", "-o", out, root=valid_plan)
        assert result.exit_code == 2, result.output
        assert "holds the plan itself" in result.stderr
    assert sorted(p.name for p in valid_plan.iterdir()) == ["measures", "plan"]
