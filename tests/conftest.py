"""Shared test helpers: copies of fixture plans in tmp_path, and running `nap` in-process."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from napkit.cli import cli

TESTS = Path(__file__).parent
FIXTURES = TESTS / "fixtures"
REPO = TESTS.parent


@pytest.fixture
def valid_plan(tmp_path: Path) -> Path:
    """A fresh copy of the small valid plan, safe to edit."""
    dest = tmp_path / "plan-repo"
    shutil.copytree(FIXTURES / "valid_plan", dest, symlinks=True)
    return dest


def nap(*args: str | Path, root: Path | None = None):
    """Run `nap` in-process; returns click's Result (exit_code, stdout, stderr)."""
    argv = (["--root", str(root)] if root else []) + [str(a) for a in args]
    return CliRunner().invoke(cli, argv, catch_exceptions=False)
