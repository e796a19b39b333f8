"""check, coverage, export (to stdout), diff and fmt --check write nothing: the tree, file
contents and modification times are the same afterwards."""

from __future__ import annotations

import subprocess

import pytest

from plan_testing import nap


def snapshot(root):
    return {p.relative_to(root).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def repo(valid_plan):
    env = ["-c", "user.email=t@example.org", "-c", "user.name=T"]
    subprocess.run(["git", "init", "-q"], cwd=valid_plan, check=True)
    subprocess.run(["git", *env, "add", "-A"], cwd=valid_plan, check=True)
    subprocess.run(["git", *env, "commit", "-qm", "x"], cwd=valid_plan, check=True)
    m = valid_plan / "measures" / "M-01.yaml"
    m.write_text(m.read_text().replace("lead: MIN", "lead: MINN"))  # findings, and a diff
    return valid_plan


@pytest.mark.parametrize("args", [
    ("check",), ("check", "--format", "json"), ("check", "--format", "github"), ("check", "--strict"),
    ("coverage",), ("coverage", "--format", "markdown"), ("export",), ("diff", "HEAD"),
    ("diff", "HEAD", "--format", "markdown"), ("fmt", "--check"),
])
def test_command_writes_nothing(repo, args):
    before = snapshot(repo)
    nap(*args, root=repo)
    assert snapshot(repo) == before
