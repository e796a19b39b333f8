"""The GitHub workflow and the pre-commit files are valid for the tools that read them."""

from __future__ import annotations

import subprocess
import sys

from ruamel.yaml import YAML

from plan_testing import REPO

WORKFLOW = REPO / ".github" / "workflows" / "plan.yml"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *args], capture_output=True, text=True, cwd=REPO)


def test_workflow_matches_the_github_workflow_schema():
    # check-jsonschema ships SchemaStore's workflow schema: no network needed
    proc = run("check_jsonschema", "--builtin-schema", "vendor.github-workflows", str(WORKFLOW))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    proc = run("check_jsonschema", "--builtin-schema", "custom.github-workflows-require-timeout", str(WORKFLOW))
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_workflow_does_what_the_review_needs():
    wf = YAML(typ="safe").load(WORKFLOW.read_text())
    steps = " ".join(str(step.get("run", "")) for step in wf["jobs"]["check"]["steps"])
    assert "nap check --format github" in steps
    assert "nap diff" in steps and "GITHUB_STEP_SUMMARY" in steps and "--format markdown" in steps
    assert "nap --quiet build" in steps
    assert wf["jobs"]["publish"]["steps"][0]["uses"].startswith("actions/deploy-pages@")


def test_pre_commit_files_are_valid():
    assert run("pre_commit", "validate-config", ".pre-commit-config.yaml").returncode == 0
    assert run("pre_commit", "validate-manifest", ".pre-commit-hooks.yaml").returncode == 0
