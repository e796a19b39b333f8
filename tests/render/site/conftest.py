"""Each plan's site is built once per session: the fixture plan (with a measure whose text tries to
be markup, and hand-written pages) always, the real plan when it exists and `nap check` passes.

Browser tests drive Debian's Chromium through playwright over http://127.0.0.1:PORT. Without
/usr/bin/chromium they skip, unless CI=true: then they fail."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from napkit.pipeline import run_folder
from napkit.render.site import build_site
from site_testing import CHROMIUM, CHROMIUM_ARGS, Built, Server, need_chromium

HERE = Path(__file__).parent
TESTS = HERE.parents[1]
REPO = TESTS.parent


def fixture_plan_copy(dest: Path) -> Path:
    """The small valid plan plus this folder's extras (a hostile measure, hand-written pages)."""
    shutil.copytree(TESTS / "fixtures" / "valid_plan", dest, symlinks=True)
    shutil.copytree(HERE / "fixtures" / "extra", dest, dirs_exist_ok=True)
    return dest


def build(name: str, root: Path, out: Path) -> Built:
    import time

    result = run_folder(root)
    assert result.ok(), [str(f) for f in result.findings.errors]
    t0 = time.perf_counter()
    build_site(result.model, result.analysis, root, out)
    return Built(name, root, out, result.model, time.perf_counter() - t0)


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    base = tmp_path_factory.mktemp("fixture-site")
    root = fixture_plan_copy(base / "plan")
    return build("fixture", root, base / "out")


def real_plan_ok() -> str | None:
    """Why the real plan cannot be built (None when it can)."""
    if not (REPO / "plan" / "plan.yaml").is_file():
        return "the real plan (plan/plan.yaml) does not exist yet"
    result = run_folder(REPO)
    if not result.ok():
        return "`nap check` finds errors in the real plan"
    return None


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    reason = real_plan_ok()
    if reason:
        pytest.skip(reason)
    return build("real", REPO, tmp_path_factory.mktemp("real-site") / "out")


@pytest.fixture(scope="session", params=["fixture", "real"])
def site(request: pytest.FixtureRequest) -> Built:
    """Each plan's built site in turn (the real one only when it exists and checks clean)."""
    return request.getfixturevalue(f"{request.param}_site")


# -- serving and the browser ------------------------------------------------------------------

@pytest.fixture(scope="session")
def served(site: Built):
    server = Server(site.site)
    yield site, server.base
    server.close()


@pytest.fixture(scope="session")
def browser():
    need_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()
