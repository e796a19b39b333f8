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
