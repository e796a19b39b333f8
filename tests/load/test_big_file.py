"""A 100 MB file in the plan is refused by its size, with file and limit named — not read."""

from __future__ import annotations

import shutil

from plan_testing import FIXTURES, nap


def test_a_100_mb_measure_file_is_refused_not_read(tmp_path):
    root = tmp_path / "plan"
    shutil.copytree(FIXTURES / "valid_plan", root)
    big = root / "measures" / "M-99.yaml"
    with big.open("wb") as f:  # sparse: 100 MB on paper, nothing on disk
        f.truncate(100 * 1024 * 1024)
    r = nap("check", root=root)
    assert r.exit_code == 2  # NAP001, unreadable input: exit 2 as documented
    assert "measures/M-99.yaml" in r.stdout and "NAP001" in r.stdout
    assert "104,857,600 bytes" in r.stdout and "limit" in r.stdout
    assert "Traceback" not in r.stdout + r.stderr
