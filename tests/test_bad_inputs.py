"""The bad-input corpus: each case in tests/bad/ is overlaid on the valid fixture plan, and
`nap check` must report the expected findings at the expected positions, with no traceback."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from plan_testing import FIXTURES, TESTS, nap
from napkit.findings import CODES, Severity

CASES = sorted(p for p in (TESTS / "bad").iterdir() if p.is_dir())


def overlay(case: Path, dest: Path) -> dict:
    shutil.copytree(FIXTURES / "valid_plan", dest, symlinks=True)
    spec = YAML(typ="safe").load((case / "expected.yaml").read_text())
    if (case / "files").is_dir():
        shutil.copytree(case / "files", dest, symlinks=True, dirs_exist_ok=True)
    for rel in spec.get("delete") or []:
        (dest / rel).unlink()
    if spec.get("git"):  # `git: true` — the overlaid plan is a git repository with one commit
        env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid", "GIT_COMMITTER_NAME": "t",
               "GIT_COMMITTER_EMAIL": "t@example.invalid", "PATH": "/usr/bin:/bin", "HOME": str(dest)}
        for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "plan"]):
            subprocess.run(["git", "-C", str(dest), *args], check=True, capture_output=True, env=env)
    return spec


def special_paths(spec: dict, root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What git cannot hold: `fifo: [paths]` are made named pipes; `unreadable: [paths]` fail
    with EACCES as a mode-000 path does for an ordinary user (the tests run as root, who reads
    mode 000, so safe_paths' os.scandir/os.access are made to fail for exactly those paths)."""
    for rel in spec.get("fifo") or []:
        os.mkfifo(root / rel)
    blocked = {str((root / rel).resolve()) for rel in spec.get("unreadable") or []}
    if not blocked:
        return
    from napkit.load import safe_paths

    real_scandir, real_access = os.scandir, os.access

    def scandir(path="."):
        if os.fspath(path) in blocked:
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(safe_paths.os, "scandir", scandir)
    monkeypatch.setattr(safe_paths.os, "access",
                        lambda p, mode, **kw: os.fspath(p) not in blocked and real_access(p, mode, **kw))


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input(case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    root = tmp_path / "plan"
    spec = overlay(case, root)
    if spec.get("today"):  # `today: YYYY-MM-DD` — the day the check runs (whether a consultation is open)
        monkeypatch.setenv("NAP_TODAY", str(spec["today"]))
    special_paths(spec, root, monkeypatch)
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file() and not p.is_symlink()}
    result = nap("check", "--strict", "--format", "json", root=root)
    assert "Traceback" not in result.output
    expected = spec.get("expect") or []
    if not expected:  # not a plan at all: a usage error, said plainly
        assert result.exit_code == 2, result.output
        assert "nap:" in result.stderr
        return
    only_info = all(CODES[e["code"]].severity == Severity.INFO for e in expected)
    # `exit: 2` — unreadable input: findings, and the exit code of unreadable input
    assert result.exit_code == spec.get("exit", 0 if only_info else 1), result.output
    found = {(f["code"], f["file"], f["line"], f["col"]) for f in json.loads(result.stdout)["findings"]}
    for e in expected:
        assert (e["code"], e["file"], e["line"], e["col"]) in found, f"missing {e} in {sorted(found)}"
    # check never writes
    after = {p: p.read_bytes() for p in root.rglob("*") if p.is_file() and not p.is_symlink()}
    assert before == after


def test_corpus_is_large_enough():
    assert len(CASES) >= 40
