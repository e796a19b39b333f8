"""Helpers shared by the tests (imported by name, so not in conftest.py, which several folders have)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from napkit.cli import cli

TESTS = Path(__file__).parent
FIXTURES = TESTS / "fixtures"
REPO = TESTS.parent


def nap(*args: str | Path, root: Path | None = None):
    """Run `nap` in-process; returns click's Result (exit_code, stdout, stderr)."""
    argv = (["--root", str(root)] if root else []) + [str(a) for a in args]
    return CliRunner().invoke(cli, argv, catch_exceptions=False)


def git(repo: Path, *args: str) -> str:
    """Run git in `repo` with a fixed identity; returns stdout."""
    import subprocess

    return subprocess.run(["git", "-c", "user.email=t@example.org", "-c", "user.name=T", *args], cwd=repo,
                          check=True, capture_output=True, text=True).stdout


def edit(path: Path, old: str, new: str) -> None:
    """Replace `old` (which must be there) by `new` in a file."""
    text = path.read_text()
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new))
