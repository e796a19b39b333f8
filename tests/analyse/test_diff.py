"""`nap diff` on real git repositories made in tmp_path."""

from __future__ import annotations

import json
import shutil

import pytest

from plan_testing import FIXTURES, edit, git, nap


@pytest.fixture
def repo(tmp_path):
    r = tmp_path / "repo"
    shutil.copytree(FIXTURES / "valid_plan", r)
    git(r, "init", "-q", "-b", "main")
    git(r, "add", "-A")
    git(r, "commit", "-qm", "base")
    return r


def test_removing_the_only_link_is_newly_uncovered_and_fails(repo):
    edit(repo / "measures/M-01.yaml", "implements:\n  - recommendation: SRC-01\n    extent: full\n", "")
    result = nap("diff", "HEAD", "--format", "json", "--fail-on-uncovered", root=repo)
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert [c["recommendation"] for c in data["coverage"]["newly_uncovered"]] == ["SRC-01"]
    assert data["coverage"]["before"] == 100.0 and data["coverage"]["after"] == 50.0
    assert git(repo, "status", "--porcelain").strip() == "M measures/M-01.yaml"
    # without the flag the diff is information only
    assert nap("diff", "HEAD", root=repo).exit_code == 0


def test_budget_change_per_year_and_agency_between_commits(repo):
    edit(repo / "measures/M-02.yaml", "{year: 2028, amount: 2500000.0", "{year: 2028, amount: 4000000")
    git(repo, "commit", "-qam", "more money")
    result = nap("diff", "HEAD~1", "HEAD", "--format", "json", root=repo)
    assert result.exit_code == 0
    budget = json.loads(result.stdout)["budget"]
    assert budget["by_year"]["2028"] == {"before": 2500000, "after": 4000000}
    assert budget["by_year"]["2027"] == {"before": 3500000, "after": 3500000}
    assert budget["by_agency"]["NGO"]["2028"] == {"before": 2500000, "after": 4000000}
    assert "MIN" not in budget["by_agency"]
    md = nap("diff", "HEAD~1", "HEAD", "--format", "markdown", root=repo).stdout
    assert "| 2028 | 2,500,000 | 4,000,000 | +1,500,000 |" in md
    assert "| NGO | ±0 | +1,500,000 | +1,500,000 |" in md


def test_field_changes_timeline_and_new_findings_in_words(repo):
    edit(repo / "measures/M-01.yaml", "due: 2027-06-30", "due: 2027-10-31")
    edit(repo / "measures/M-01.yaml", "lead: MIN", "lead: POL")
    edit(repo / "measures/M-01.yaml", "  - agency: POL\n", "  - agency: NGO\n")
    edit(repo / "measures/M-02.yaml", "lead: NGO", "lead: NOBODY")
    data = json.loads(nap("diff", "HEAD", "--format", "json", root=repo).stdout)
    changes = {c["field"]: (c["before"], c["after"]) for c in data["measures"]["changed"][0]["changes"]}
    assert changes["lead agency"] == ("MIN", "POL")
    assert changes["milestone MS1 due"] == ("2027-06-30", "2027-10-31")
    assert changes["partner added"] == ("—", "NGO") and changes["partner removed"] == ("POL", "—")
    assert {"measure": "M-01", "what": "milestone MS1", "before": "2027-06-30", "after": "2027-10-31"} in data["timeline"]
    assert [f["code"] for f in data["new_findings"]] == ["NAP204"]


def test_added_and_removed_measures(repo):
    (repo / "measures/M-02.yaml").rename(repo / "measures/M-03.yaml")
    edit(repo / "measures/M-03.yaml", "id: M-02", "id: M-03")
    data = json.loads(nap("diff", "HEAD", "--format", "json", root=repo).stdout)
    assert [m["id"] for m in data["measures"]["added"]] == ["M-03"]
    assert [m["id"] for m in data["measures"]["removed"]] == ["M-02"]


def test_unknown_base_is_a_usage_error(repo):
    result = nap("diff", "no-such-branch", root=repo)
    assert result.exit_code == 2 and "unknown git revision" in result.stderr


def test_plan_in_a_subfolder_of_the_repository(tmp_path):
    outer = tmp_path / "outer"
    shutil.copytree(FIXTURES / "valid_plan", outer / "nap")
    git(outer, "init", "-q")
    git(outer, "add", "-A")
    git(outer, "commit", "-qm", "base")
    edit(outer / "nap/measures/M-01.yaml", "amount: 1000000", "amount: 2000000")
    data = json.loads(nap("diff", "HEAD", "--format", "json", root=outer / "nap").stdout)
    assert data["budget"]["total"] == {"before": 6000000, "after": 7000000}


def test_a_changed_description_shows_the_changed_words_in_context():
    from napkit.analyse.diff import text_change

    before, after = text_change("Kripos will set up a unit that monitors websites every week for ads.",
                                "Kripos will set up a unit that monitors websites every day for ads.")
    assert before == "…that monitors websites every week for ads."
    assert after == "…that monitors websites every day for ads."
    before, after = text_change("one two three four five six seven eight nine ten eleven twelve",
                                "one 2 three four five six seven eight nine ten eleven 12")
    assert before.startswith("one two three") and after.endswith("(+1 more change)")
    assert text_change("same  text", "same text") == ("(text)", "(whitespace changed)")
