"""load/trees.py: a git revision is read from git objects, leaving the working tree alone."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from plan_testing import FIXTURES
from napkit.load.repository import load_tree
from napkit.load.trees import GitTree, TreeError


def git(cwd, *args):
    subprocess.run(["git", "-c", "user.email=t@example.org", "-c", "user.name=T", *args], cwd=cwd, check=True,
                   capture_output=True)


def test_git_tree_reads_committed_files_not_the_working_tree(tmp_path):
    repo = tmp_path / "r"
    shutil.copytree(FIXTURES / "valid_plan", repo)
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "init")
    (repo / "measures" / "M-02.yaml").unlink()  # uncommitted change
    loaded = load_tree(GitTree(repo, "HEAD"))
    assert "measures/M-02.yaml" in {d.file for d in loaded.documents}
    status = subprocess.run(["git", "status", "--porcelain"], cwd=repo, capture_output=True, text=True).stdout
    assert status.strip() == "D measures/M-02.yaml"


def test_unknown_revision_is_a_tree_error(tmp_path):
    git(tmp_path, "init", "-q")
    with pytest.raises(TreeError):
        GitTree(tmp_path, "no-such-rev")
