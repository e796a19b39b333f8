"""`nap serve` driven as a drafter uses it: start it, open a page, edit a measure, see the page
change; break a file, see the finding while the last good site stays up; fix it again."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from plan_testing import FIXTURES

from napkit.preview.server import _with_script
from napkit.preview.watch import is_plan_file


def _get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.read().decode("utf-8")


def _status(base: str) -> dict:
    return json.loads(_get(base + "__nap/status")[1])


def _wait(predicate, timeout: float = 120.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError("timed out")


@pytest.fixture
def served(tmp_path: Path):
    root = tmp_path / "plan"
    shutil.copytree(FIXTURES / "valid_plan", root)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "napkit", "--root", str(root), "serve", "--port", "0"],
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env)
    lines: list[str] = []
    try:
        for line in proc.stderr:
            lines.append(line)
            hit = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
            if hit:
                break
        else:
            raise AssertionError("nap serve stopped: " + "".join(lines))
        yield root, f"http://127.0.0.1:{hit.group(1)}/"
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    assert proc.returncode in (0, -15), "".join(lines)


def test_an_edit_shows_on_the_page_and_a_broken_file_shows_as_a_finding(served):
    root, base = served
    status, page = _get(base)
    assert status == 200 and "/__nap/live.js" in page
    first = _status(base)
    assert first["state"] == "ready" and first["build"] == 1
    site = root / "build/preview/site"
    measure_page = next(p for p in site.rglob("M-01*/index.html") if not p.relative_to(site).parts[0] == "en")
    url = base + measure_page.relative_to(root / "build/preview/site").parent.as_posix() + "/"
    assert "Utarbeide handlingsplanen" in _get(url)[1]

    measure = root / "measures/M-01.yaml"
    measure.write_text(measure.read_text().replace("Utarbeide handlingsplanen", "Utarbeide planen raskt"))
    _wait(lambda: _status(base)["build"] == 2)
    assert "Utarbeide planen raskt" in _get(url)[1]

    good = measure.read_text()
    measure.write_text(good.replace("lead: MIN", "lead: NOBODY"))
    broken = _wait(lambda: (s := _status(base))["state"] == "errors" and s)
    assert broken["build"] == 2  # the last good site stays up
    assert any(f["code"] == "NAP204" and f["where"].startswith("measures/M-01.yaml:") for f in broken["findings"])
    assert _get(url)[0] == 200 and "Utarbeide planen raskt" in _get(url)[1]

    measure.write_text(good)
    _wait(lambda: _status(base)["build"] == 3)
    assert _status(base)["state"] == "ready" and _status(base)["findings"] == []
    # the preview is built beside build/, never into the published build
    assert not (root / "build/site").exists()


def test_the_live_script_goes_before_the_end_of_the_body():
    assert _with_script(b"<html><body><p>x</p></body></html>", 4).endswith(
        b'<script src="/__nap/live.js?build=4" defer></script></body></html>')
    assert _with_script(b"<p>fragment</p>", 1).endswith(b"</script>")


def test_only_plan_files_trigger_a_rebuild(tmp_path: Path):
    for name in ("plan/plan.yaml", "measures/M-01.yaml", "site/nb/om.md", "mkdocs.yml"):
        assert is_plan_file(tmp_path, str(tmp_path / name))
    for name in ("build/site/index.html", "measures/.M-01.yaml.swp", "measures/M-01.yaml~", "README.md"):
        assert not is_plan_file(tmp_path, str(tmp_path / name))
    assert not is_plan_file(tmp_path, "/etc/passwd")
