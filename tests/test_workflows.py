"""The GitHub workflow and the pre-commit files are valid for the tools that read them."""

from __future__ import annotations

import re
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


# -- the check job always reports ------------------------------------------------------------------

def _evaluate(condition: str | None, outcomes: dict[str, str], failed: bool, event: str) -> bool:
    """GitHub's `if:` for the expressions this workflow uses: status functions, step outcomes,
    the event name, ==, !=, &&, || and !. A step with no `if:` runs on success()."""
    expr = (condition or "success()").strip()
    if expr.startswith("${{"):
        expr = expr[3:].rstrip("}").strip()
    if not re.search(r"\b(success|failure|always|cancelled)\(\)", expr):
        expr = f"success() && ({expr})"  # as GitHub does: no status function means success()
    for step, outcome in outcomes.items():
        expr = expr.replace(f"steps.{step}.outcome", repr(outcome))
    expr = re.sub(r"steps\.\w+\.outcome", "'skipped'", expr)
    expr = (expr.replace("github.event_name", repr(event)).replace("github.ref", "'refs/pull/1/merge'")
            .replace("&&", " and ").replace("||", " or "))
    expr = re.sub(r"!(?!=)", " not ", expr)
    names = {"success": lambda: not failed, "failure": lambda: failed, "always": lambda: True,
             "cancelled": lambda: False}
    return bool(eval(expr, {"__builtins__": {}}, names))  # our own workflow file, no builtins


def _simulate(fails: set[str], event: str = "pull_request") -> dict[str, bool]:
    """Which steps of the check job run (name → ran), and whether the job fails, when the
    steps with the ids in `fails` fail."""
    steps = YAML(typ="safe").load(WORKFLOW.read_text())["jobs"]["check"]["steps"]
    outcomes: dict[str, str] = {}
    failed = False
    ran: dict[str, bool] = {}
    for step in steps:
        name = step.get("name") or step.get("uses")
        runs = _evaluate(step.get("if"), outcomes, failed, event)
        ran[name] = runs
        outcome = ("failure" if step.get("id") in fails or (runs and "exit 1" in str(step.get("run", "")))
                   else "success") if runs else "skipped"
        if "id" in step:
            outcomes[step["id"]] = outcome
        if outcome == "failure" and not step.get("continue-on-error"):
            failed = True
    ran["job fails"] = failed
    return ran


def _ran(ran: dict[str, bool], word: str) -> bool:
    return any(ran[name] for name in ran if word in name)


def test_summary_annotations_and_artifact_run_when_the_check_fails_and_the_job_still_fails():
    ran = _simulate({"check"})
    assert _ran(ran, "Summarise") and _ran(ran, "Build the site") and _ran(ran, "Upload the build")
    assert ran["job fails"]
    steps = " ".join(str(s.get("run", "")) for s in YAML(typ="safe").load(WORKFLOW.read_text())["jobs"]["check"]["steps"])
    assert "--format github" in steps.split("nap diff", 1)[1]  # annotations on the changed lines too


def test_the_job_fails_when_coverage_got_worse_or_the_build_failed_and_passes_when_all_is_well():
    assert _simulate({"review"})["job fails"]
    assert _simulate({"build"})["job fails"]
    clean = _simulate(set())
    assert not clean["job fails"] and _ran(clean, "Upload the build")
    assert not _ran(_simulate(set()), "Upload the site for GitHub Pages")  # pages only from main
