"""Fixtures shared by every test: copies of the fixture plans in tmp_path (helpers: plan_testing.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from plan_testing import FIXTURES


@pytest.fixture
def valid_plan(tmp_path: Path) -> Path:
    """A fresh copy of the small valid plan, safe to edit."""
    dest = tmp_path / "plan-repo"
    shutil.copytree(FIXTURES / "valid_plan", dest, symlinks=True)
    return dest
